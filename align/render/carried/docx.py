"""The prefilled translation as a Word document (.docx), written with lxml and zipfile.

The text a translator opens and works in: header lines, numbered title, paragraphs with
their labels and italic lead words, footnotes as real Word footnotes (so Word renumbers
them as the translator edits). Every unit that is not an exact match is highlighted —
yellow to revise (fuzzy), green to translate (new), turquoise for values replaced
automatically — and carries a Word comment saying why and what changed in the source.
Units carried exactly but renumbered or moved get a comment, unhighlighted.
"""

from __future__ import annotations

from lxml import etree

from resalign.align.carry import CarriedUnit, Carry
from resalign.align.render.carried.layout import Block, blocks, footnote_number, footnotes
from resalign.align.render.carried.notes import comment_text, dropped_text
from resalign.align.render.wordml import (
    W_NS,
    Comments,
    W,
    commented,
    footnotes_part,
    package,
    run,
    settings,
    styles,
)

HIGHLIGHTS = {"fuzzy": "yellow", "new": "green", "auto-updated": "cyan"}


class _Comments(Comments):
    """The comments of a document, numbered as they are anchored. A footnote's comment
    is anchored on its first call in the body (LibreOffice cannot open comments inside
    footnotes). Also what the body has called so far: Word numbers a note by its first
    call, and a note may be called once only."""

    def __init__(self, footnotes: dict[str, str]) -> None:
        super().__init__()
        self.footnotes = footnotes
        self.called: dict[str, int] = {}
        """Each footnote called so far, by key, and the number Word shows for it."""


def render_docx(carry: Carry) -> bytes:
    rtl = carry.old_target.language == "ar"
    comments = _Comments(
        {
            unit.key: text
            for unit in carry.units
            if unit.kind == "footnote" and (text := comment_text(unit))
        }
    )
    document = etree.Element(f"{W}document", nsmap={"w": W_NS})
    body = etree.SubElement(document, f"{W}body")
    for index, block in enumerate(blocks(carry)):
        paragraph = _paragraph(body, block, comments, rtl)
        if index == 0 and carry.dropped:
            commented(paragraph, comments.add(dropped_text(carry)), list(paragraph))
    notes = footnotes_part()
    for block in footnotes(carry):
        if block.unit is None or block.unit.key not in comments.called:
            continue  # no call: LibreOffice would give its number to the next note's call
        note = etree.SubElement(notes, f"{W}footnote", {f"{W}id": block.prefix})
        paragraph = etree.SubElement(note, f"{W}p")
        etree.SubElement(run(paragraph, superscript=True), f"{W}footnoteRef")
        run(paragraph, f" {block.text}", highlight=_highlight(block.unit), rtl=rtl)
    return package(
        {
            "document": document,
            "footnotes": notes,
            "comments": comments.root,
            "styles": styles(carry.old_target.language, rtl),
            "settings": settings(),
        }
    )


def _paragraph(
    body: etree._Element, block: Block, comments: _Comments, rtl: bool
) -> etree._Element:
    paragraph = etree.SubElement(body, f"{W}p")
    if rtl:
        etree.SubElement(etree.SubElement(paragraph, f"{W}pPr"), f"{W}bidi")
    if block.unit is None:
        text = run(paragraph, block.text, highlight="yellow" if block.check else None, rtl=rtl)
        if block.check:
            commented(paragraph, comments.add(block.check), [text])
        return paragraph
    _unit_runs(paragraph, block, block.unit, comments, rtl)
    return paragraph


def _unit_runs(
    paragraph: etree._Element, block: Block, unit: CarriedUnit, comments: _Comments, rtl: bool
) -> None:
    """The runs of one unit's text: prefix, italic lead, text with footnote references;
    highlighted and commented as its status asks."""
    highlight = _highlight(unit)
    runs = []
    if block.prefix:
        runs.append(run(paragraph, f"{block.prefix} ", rtl=rtl))
    text, start = block.text, 0
    if block.lead:
        runs.append(run(paragraph, block.lead, italic=True, highlight=highlight, rtl=rtl))
        start = len(block.lead)
    for call in sorted(block.calls, key=lambda call: call.offset):
        if call.offset > start:
            runs.append(run(paragraph, text[start : call.offset], highlight=highlight, rtl=rtl))
            start = call.offset
        reference = _call(paragraph, call.key, comments.called)
        runs.append(reference)
        if note := comments.footnotes.pop(call.key, ""):
            commented(paragraph, comments.add(f"{call.key}: {note}"), [reference])
    if start < len(text) or not runs:
        runs.append(run(paragraph, text[start:], highlight=highlight, rtl=rtl))
    if note := comment_text(unit):
        commented(paragraph, comments.add(note), runs)


def _call(paragraph: etree._Element, key: str, called: dict[str, int]) -> etree._Element:
    """A footnote call: the note's reference where it is first called (bookmarked), else a
    cross-reference to that one showing its number (a note has one reference)."""
    bookmark = f"_RefFN{footnote_number(key)}"
    if key in called:
        field = etree.SubElement(
            paragraph, f"{W}fldSimple", {f"{W}instr": f" NOTEREF {bookmark} \\f \\h "}
        )
        run(field, str(called[key]), superscript=True)
        return field
    called[key] = len(called) + 1
    mark = {f"{W}id": str(len(called)), f"{W}name": bookmark}
    etree.SubElement(paragraph, f"{W}bookmarkStart", mark)
    reference = run(paragraph, superscript=True)
    etree.SubElement(reference, f"{W}footnoteReference", {f"{W}id": footnote_number(key)})
    etree.SubElement(paragraph, f"{W}bookmarkEnd", {f"{W}id": str(len(called))})
    return reference


def _highlight(unit: CarriedUnit | None) -> str | None:
    """The highlight colour of a unit's text: none when exact, edited by a translator, or
    accepted where nothing it lacks is left (a fuzzy one accepted as it stands stays
    yellow)."""
    if unit is None or unit.edited or (unit.accepted and unit.status != "fuzzy"):
        return None
    return HIGHLIGHTS.get(unit.status)
