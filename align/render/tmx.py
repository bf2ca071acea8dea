"""The TMX 1.4b export: language-mode pairs as translation units for CAT tools.

One `<tu>` per pair with both sides (unpaired paragraphs are left out); `xml:lang` with a
region (`es-ES`, `en-GB`: memoQ and Trados ask for a mapping otherwise; `locales` chooses
others); properties naming the keys and the symbols so a translator can trace each unit back
to its paragraph; a pair with a QA finding (a date or a symbol that differs) is kept out of
the body, so no CAT tool offers it as a 100 % match (none reads a flag on a unit), and is
named with its finding in a header `<note>`; footnote calls as `<ph>`
placeholders where they stand; creation dates (`SOURCE_DATE_EPOCH` fixes them for
reproducible builds). Written with lxml, so every text is escaped by the serializer.
"""

from __future__ import annotations

import re
import time
from collections.abc import Iterable

from lxml import etree

from resalign.align.comparison import Comparison
from resalign.align.errors import UsageError
from resalign.align.model import FootnoteRef
from resalign.align.render.stamp import moment, tool_version
from resalign.align.units import HEADER_FACTS, JOIN, Calls

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_LOCALE = re.compile(r"\s*[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\s*")


LOCALES = {"ar": "ar-SA", "zh": "zh-CN", "en": "en-GB", "fr": "fr-FR", "ru": "ru-RU", "es": "es-ES"}
"""Default region per language: the UN writes British English."""


def render_tmx(comparison: Comparison, locales: str = "") -> bytes:
    """`locales`: `es=es-MX,en=en-US` overrides the defaults, language by language."""
    alignment = comparison.alignment
    regions = {**LOCALES, **_locales(locales)}
    if alignment.mode != "language":
        raise UsageError(
            "TMX holds translations: it needs one resolution in two languages (language mode)"
        )
    root, header, body = memory(regions.get(alignment.left.language, alignment.left.language))
    calls = {"left": Calls.of(comparison.left), "right": Calls.of(comparison.right)}
    for view in comparison.views:
        pair = view.pair
        if not (pair.left and pair.right and view.left_text and view.right_text):
            continue
        if pair.left in HEADER_FACTS:  # a symbol or date is no translation unit
            continue
        if pair.findings:  # to be checked, not offered: kept out of the memory
            for finding in pair.findings:
                note = f"left out of the memory, to be checked: {pair.keys}: {finding.message}"
                etree.SubElement(header, "note").text = note
            continue
        properties = (
            ("x-key-left", "+".join(pair.lefts)),
            ("x-key-right", "+".join(pair.rights)),
            ("x-symbol-left", alignment.left.symbol),
            ("x-symbol-right", alignment.right.symbol),
            ("x-note", pair.note),
            ("x-reviewed", "yes" if view.reviewed else "changed since" if view.stale else ""),
        )
        variants = [
            (regions.get(language, language), text, calls[side].at(keys))
            for side, language, keys, text in (
                ("left", alignment.left.language, pair.lefts, view.left_text),
                ("right", alignment.right.language, pair.rights, view.right_text),
            )
        ]
        add_unit(body, pair.left, properties, variants)
    return serialized(root)


def memory(source_locale: str) -> tuple[etree._Element, etree._Element, etree._Element]:
    """An empty TMX 1.4b memory: its root, header and body."""
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(
        root,
        "header",
        {
            "creationtool": "resalign",
            "creationtoolversion": tool_version(),
            "segtype": "paragraph",
            "o-tmf": "resalign",
            "adminlang": "en-GB",
            "srclang": source_locale,
            "datatype": "plaintext",
            "creationdate": _now(),
        },
    )
    return root, header, etree.SubElement(root, "body")


def add_unit(
    body: etree._Element,
    tuid: str,
    properties: Iterable[tuple[str, str | None]],
    variants: Iterable[tuple[str, str, tuple[FootnoteRef, ...]]],
) -> None:
    """A `<tu>` with its properties (those with a value) and one `<tuv>` per (locale,
    text, footnote calls); a text of several paragraphs is one segment. It was created
    when its memory was (the header's date: one date for the whole file)."""
    header = body.getprevious()  # `memory` made it
    created = "" if header is None else header.get("creationdate", "")
    unit = etree.SubElement(body, "tu", tuid=tuid, creationdate=created)
    for kind, value in properties:
        if value:
            etree.SubElement(unit, "prop", type=kind).text = value
    for locale, text, calls in variants:
        variant = etree.SubElement(unit, "tuv", {XML_LANG: locale})
        # one segment: JOIN and the space are one character, so the calls stay in place
        _segment(etree.SubElement(variant, "seg"), text.replace(JOIN, " "), calls)


def serialized(root: etree._Element) -> bytes:
    return etree.tostring(
        etree.ElementTree(root),
        xml_declaration=True,
        encoding="UTF-8",
        pretty_print=True,
        doctype='<!DOCTYPE tmx SYSTEM "tmx14.dtd">',
    )


def _segment(seg: etree._Element, text: str, refs: tuple[FootnoteRef, ...]) -> None:
    """The text, with a `<ph type="fnote">` placeholder where each footnote call stood."""
    previous: etree._Element | None = None
    position = 0
    for number, ref in enumerate(refs, 1):
        piece = text[position : ref.offset]
        if previous is None:
            seg.text = piece
        else:
            previous.tail = piece
        previous = etree.SubElement(seg, "ph", x=str(number), type="fnote")
        previous.text = ref.key
        position = ref.offset
    if previous is None:
        seg.text = text
    else:
        previous.tail = text[position:]


def _locales(spec: str) -> dict[str, str]:
    """`es=es-ES,en=en-GB` as a mapping; UsageError for anything else."""
    found = {}
    for item in filter(None, (part.strip() for part in spec.split(","))):
        language, _, locale = item.partition("=")
        if not (language and locale and _LOCALE.fullmatch(locale)):
            raise UsageError(f"not a TMX locale: {item!r} (use e.g. es=es-ES,en=en-GB)")
        found[language.strip().lower()] = locale.strip()
    return found


def _now() -> str:
    """TMX's date form."""
    return time.strftime("%Y%m%dT%H%M%SZ", moment())
