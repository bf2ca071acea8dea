"""The Open Packaging Conventions the Word and Excel writers share (ECMA-376 Part 2): XML
parts in a zip, one part naming each part's content type, relationship parts linking them."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterable

from lxml import etree

from resalign.align.render.xmltree import root, xml

TYPES = "http://schemas.openxmlformats.org/package/2006/content-types"
LINKS = "http://schemas.openxmlformats.org/package/2006/relationships"
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
"""The namespace of `r:id` attributes and of the relationship kinds (`{OFFICE}/styles`)."""


def content_types(overrides: Iterable[tuple[str, str]]) -> bytes:
    """The `[Content_Types].xml` part: relationship and XML parts by extension, then each
    (part name, content type) of `overrides`."""
    types = root(TYPES, "Types")
    rels = "application/vnd.openxmlformats-package.relationships+xml"
    for extension, kind in (("rels", rels), ("xml", "application/xml")):
        etree.SubElement(types, f"{{{TYPES}}}Default", Extension=extension, ContentType=kind)
    for part, kind in overrides:
        etree.SubElement(types, f"{{{TYPES}}}Override", PartName=part, ContentType=kind)
    return xml(types)


def relationships(targets: Iterable[tuple[str, str]]) -> bytes:
    """A relationships part: `rId1`, `rId2`… to each (kind, target) of `targets`."""
    links = root(LINKS, "Relationships")
    for number, (kind, target) in enumerate(targets, 1):
        etree.SubElement(
            links, f"{{{LINKS}}}Relationship", Id=f"rId{number}", Type=f"{OFFICE}/{kind}",
            Target=target,
        )  # fmt: skip
    return xml(links)


def package(parts: Iterable[tuple[str, bytes]]) -> bytes:
    """The zip of `parts` (name, bytes), each dated 1980-01-01 so that the same comparison
    always gives the same bytes."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data, compresslevel=1)
    return buffer.getvalue()
