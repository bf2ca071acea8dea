"""The XML writers' two shared steps: a root element in a default namespace, and its bytes."""

from __future__ import annotations

from lxml import etree


def root(namespace: str, name: str, **prefixes: str) -> etree._Element:
    """A root element, `namespace` its default (unprefixed) namespace, `prefixes` the rest."""
    nsmap: dict[str | None, str] = {None: namespace}
    nsmap.update(prefixes)
    # lxml takes None for the default namespace's prefix; lxml-stubs' nsmap type omits it.
    return etree.Element(f"{{{namespace}}}{name}", nsmap=nsmap)  # type: ignore[arg-type]


def xml(part: etree._Element) -> bytes:
    """A part's bytes, UTF-8 with a standalone declaration, as Office and CAT tools write."""
    return etree.tostring(part, xml_declaration=True, encoding="UTF-8", standalone=True)
