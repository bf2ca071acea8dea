"""The carried translation as XLIFF 1.2, which memoQ, Trados and OmegaT import.

One `<trans-unit>` per unit of the new source, keyed by its paragraph key (`id` and
`resname`: `OP6`, `FN3`, `TITLE`), in the new text's order. The target's `state` says what
is left to do — `translated` (exact, or values replaced automatically), `needs-review-
translation` (fuzzy), `new` — and `state-qualifier` how it was found (`exact-match`,
`leveraged-tm`, `fuzzy-match`); a fuzzy unit has last year's source and translation as
an `<alt-trans match-quality>`, and a note says why and what changed. Footnote calls are
`<x ctype="x-footnote">` placeholders where they stand, with the new footnote number as
`equiv-text`. Units ready to use are `approved`. Header facts (symbol, session, agenda
item, report, date) are units too, locked (`translate="no"`). Units the new text dropped
are listed in the file's header note. For OmegaT, whose filter translates the target where
it stands, `in_place` puts a copy of the source there (see `render.carried.omegat`).
Written with lxml: every text is escaped.
"""

from __future__ import annotations

from lxml import etree

from resalign.align.carry import CarriedUnit, Carry
from resalign.align.model import FootnoteRef
from resalign.align.render import xmltree
from resalign.align.render.carried.layout import footnote_number
from resalign.align.render.carried.notes import carry_title, comment_text, dropped_text
from resalign.align.render.stamp import tool_version
from resalign.align.render.tmx import LOCALES
from resalign.align.units import HEADER_FACTS

NS = "urn:oasis:names:tc:xliff:document:1.2"
X = f"{{{NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
STATES = {
    "exact": ("translated", "exact-match"),
    "auto-updated": ("translated", "leveraged-tm"),
    "fuzzy": ("needs-review-translation", "fuzzy-match"),
    "new": ("new", None),
}


def render_xliff(carry: Carry, in_place: bool = False) -> bytes:
    """`in_place`: every target a copy of its source, for OmegaT, whose XLIFF filter
    translates the target where it stands (the carried translations go to its memory)."""
    source = carry.new_source.language
    target = carry.old_target.language
    root = xmltree.root(NS, "xliff")
    root.set("version", "1.2")
    file = etree.SubElement(
        root,
        f"{X}file",
        {
            "original": carry.new_source.symbol or carry.new_source.source,
            "datatype": "plaintext",
            "source-language": LOCALES.get(source, source),
            "target-language": LOCALES.get(target, target),
            "tool-id": "resalign",
        },
    )
    header = etree.SubElement(file, f"{X}header")
    etree.SubElement(
        header,
        f"{X}tool",
        {"tool-id": "resalign", "tool-name": "resalign", "tool-version": tool_version()},
    )
    etree.SubElement(header, f"{X}note").text = _summary(carry)
    if carry.dropped:
        etree.SubElement(header, f"{X}note").text = dropped_text(carry)
    body = etree.SubElement(file, f"{X}body")
    for unit in carry.units:
        _unit(body, unit, carry, in_place)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _unit(body: etree._Element, unit: CarriedUnit, carry: Carry, in_place: bool) -> None:
    state, qualifier = STATES["new" if in_place else unit.status]
    if (unit.accepted or unit.edited) and not in_place:
        state = "translated"
    attributes = {
        "id": unit.key,
        "resname": unit.key,
        "approved": "no" if unit.needs_work or in_place else "yes",
        XML_SPACE: "preserve",
    }
    if unit.key in HEADER_FACTS:  # a symbol, number or date: no text to translate
        attributes["translate"] = "no"
    element = etree.SubElement(body, f"{X}trans-unit", attributes)
    _inline(etree.SubElement(element, f"{X}source"), unit.source, unit.source_calls)
    target = etree.SubElement(element, f"{X}target", state=state)
    if qualifier:
        target.set("state-qualifier", qualifier)
    if in_place:
        _inline(target, unit.source, unit.source_calls)
    else:
        _inline(target, unit.target, unit.target_calls)
    if unit.status == "fuzzy" and unit.old_source is not None and unit.kind != "header":
        alternative = etree.SubElement(
            element,
            f"{X}alt-trans",
            {"match-quality": str(unit.match), "origin": carry.old_source.symbol or ""},
        )
        etree.SubElement(alternative, f"{X}source").text = unit.old_source
        etree.SubElement(alternative, f"{X}target").text = unit.target
    if note := comment_text(unit):
        etree.SubElement(element, f"{X}note", {"from": "resalign"}).text = note
    counts = etree.SubElement(element, f"{X}count-group", name=f"words-{unit.key}")
    etree.SubElement(counts, f"{X}count", {"count-type": "total", "unit": "word"}).text = str(
        unit.words
    )


def _inline(element: etree._Element, text: str, calls: tuple[FootnoteRef, ...]) -> None:
    """Text with each footnote call as an `<x/>` placeholder where it stands."""
    start, last = 0, None
    for index, call in enumerate(sorted(calls, key=lambda call: call.offset)):
        piece = text[start : call.offset]
        if last is None:
            element.text = piece
        else:
            last.tail = piece
        number = footnote_number(call.key)
        last = etree.SubElement(
            element,
            f"{X}x",
            {"id": f"fn{number}-{index}", "ctype": "x-footnote", "equiv-text": number},
        )
        start = call.offset
    if last is None:
        element.text = text[start:]
    else:
        last.tail = text[start:]


def _summary(carry: Carry) -> str:
    counts, words = carry.counts(), carry.words()
    parts = [f"{status}: {counts[status]} units, {words[status]} words" for status in STATES]
    return (
        f"{carry_title(carry)}; "
        + "; ".join(parts)
        + f"; left to translate: {carry.to_translate} words"
    )
