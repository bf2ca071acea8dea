"""The TMX 1.4b export: language-mode pairs as translation units for CAT tools.

One `<tu>` per pair with both sides (unpaired paragraphs are left out), `xml:lang` from
the documents, and properties naming the keys and the symbols so a translator can trace
each unit back to its paragraph. Written with lxml, so every text is escaped by the
serializer.
"""

from __future__ import annotations

from lxml import etree

from align.comparison import Comparison
from align.errors import UsageError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def render_tmx(comparison: Comparison) -> bytes:
    alignment = comparison.alignment
    if alignment.mode != "language":
        raise UsageError(
            "TMX holds translations: it needs one resolution in two languages (language mode)"
        )
    root = etree.Element("tmx", version="1.4")
    etree.SubElement(
        root,
        "header",
        creationtool="resalign",
        creationtoolversion=_version(),
        segtype="paragraph",
        **{"o-tmf": "resalign", "adminlang": "en", "srclang": alignment.left.language},
        datatype="plaintext",
    )
    body = etree.SubElement(root, "body")
    for view in comparison.views:
        pair = view.pair
        if not (pair.left and pair.right and view.left_text and view.right_text):
            continue
        unit = etree.SubElement(body, "tu", tuid=pair.left)
        for kind, value in (
            ("x-key-left", pair.left),
            ("x-key-right", pair.right),
            ("x-symbol-left", alignment.left.symbol),
            ("x-symbol-right", alignment.right.symbol),
        ):
            if value:
                etree.SubElement(unit, "prop", type=kind).text = value
        for language, text in (
            (alignment.left.language, view.left_text),
            (alignment.right.language, view.right_text),
        ):
            variant = etree.SubElement(unit, "tuv", {XML_LANG: language})
            etree.SubElement(variant, "seg").text = text
    return etree.tostring(
        etree.ElementTree(root),
        xml_declaration=True,
        encoding="UTF-8",
        pretty_print=True,
        doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    )


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("resalign")
    except PackageNotFoundError:
        return "0+unknown"
