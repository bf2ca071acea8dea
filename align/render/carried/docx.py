"""The prefilled translation as a Word document (.docx), written with lxml and zipfile.

The text a translator opens and works in: header lines, numbered title, paragraphs with
their labels and italic lead words, footnotes as real Word footnotes (so Word renumbers
them as the translator edits). Every unit that is not an exact match is highlighted —
yellow to revise (fuzzy), green to translate (new), turquoise for values replaced
automatically — and carries a Word comment saying why and what changed in the source.
Units carried exactly but renumbered or moved get a comment, unhighlighted.
"""

from __future__ import annotations

import io
import time
import zipfile
from collections.abc import Iterable

from lxml import etree

from align.carry import CarriedUnit, Carry
from align.render.carried.layout import Block, blocks, footnote_number, footnotes
from align.render.carried.notes import comment_text, dropped_text
from align.render.stamp import moment
from align.render.tmx import LOCALES

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
HIGHLIGHTS = {"fuzzy": "yellow", "new": "green", "auto-updated": "cyan"}
_RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
PARTS = {
    "document": f"{_MAIN}.document.main+xml",
    "styles": f"{_MAIN}.styles+xml",
    "settings": f"{_MAIN}.settings+xml",
    "footnotes": f"{_MAIN}.footnotes+xml",
    "comments": f"{_MAIN}.comments+xml",
}


class _Comments:
    """The comments of a document, numbered as they are anchored. A footnote's comment
    is anchored on its first call in the body (LibreOffice cannot open comments inside
    footnotes). Also what the body has called so far: Word numbers a note by its first
    call, and a note may be called once only."""

    def __init__(self, footnotes: dict[str, str]) -> None:
        self.root = etree.Element(f"{W}comments", nsmap={"w": W_NS})
        self.date = time.strftime("%Y-%m-%dT%H:%M:%SZ", moment())
        self.footnotes = footnotes
        self.called: dict[str, int] = {}
        """Each footnote called so far, by key, and the number Word shows for it."""

    def add(self, text: str) -> str:
        number = str(len(self.root))
        comment = etree.SubElement(
            self.root,
            f"{W}comment",
            {
                f"{W}id": number,
                f"{W}author": "resalign",
                f"{W}initials": "RA",
                f"{W}date": self.date,
            },
        )
        for line in text.split("\n"):
            _run(etree.SubElement(comment, f"{W}p"), line)
        return number


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
            _commented(paragraph, comments.add(dropped_text(carry)), list(paragraph))
    notes = etree.Element(f"{W}footnotes", nsmap={"w": W_NS})
    for separator, note_id in (("separator", "-1"), ("continuationSeparator", "0")):
        note = etree.SubElement(notes, f"{W}footnote", {f"{W}type": separator, f"{W}id": note_id})
        etree.SubElement(
            etree.SubElement(etree.SubElement(note, f"{W}p"), f"{W}r"), f"{W}{separator}"
        )
    for block in footnotes(carry):
        if block.unit is None or block.unit.key not in comments.called:
            continue  # no call: LibreOffice would give its number to the next note's call
        note = etree.SubElement(notes, f"{W}footnote", {f"{W}id": block.prefix})
        paragraph = etree.SubElement(note, f"{W}p")
        etree.SubElement(_run(paragraph, superscript=True), f"{W}footnoteRef")
        _run(paragraph, f" {block.text}", highlight=_highlight(block.unit), rtl=rtl)
    return _package(
        {
            "document": document,
            "footnotes": notes,
            "comments": comments.root,
            "styles": _styles(carry.old_target.language, rtl),
            "settings": _settings(),
        }
    )


def _paragraph(
    body: etree._Element, block: Block, comments: _Comments, rtl: bool
) -> etree._Element:
    paragraph = etree.SubElement(body, f"{W}p")
    if rtl:
        etree.SubElement(etree.SubElement(paragraph, f"{W}pPr"), f"{W}bidi")
    if block.unit is None:
        run = _run(paragraph, block.text, highlight="yellow" if block.check else None, rtl=rtl)
        if block.check:
            _commented(paragraph, comments.add(block.check), [run])
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
        runs.append(_run(paragraph, f"{block.prefix} ", rtl=rtl))
    text, start = block.text, 0
    if block.lead:
        runs.append(_run(paragraph, block.lead, italic=True, highlight=highlight, rtl=rtl))
        start = len(block.lead)
    for call in sorted(block.calls, key=lambda call: call.offset):
        if call.offset > start:
            runs.append(_run(paragraph, text[start : call.offset], highlight=highlight, rtl=rtl))
            start = call.offset
        reference = _call(paragraph, call.key, comments.called)
        runs.append(reference)
        if note := comments.footnotes.pop(call.key, ""):
            _commented(paragraph, comments.add(f"{call.key}: {note}"), [reference])
    if start < len(text) or not runs:
        runs.append(_run(paragraph, text[start:], highlight=highlight, rtl=rtl))
    if note := comment_text(unit):
        _commented(paragraph, comments.add(note), runs)


def _call(paragraph: etree._Element, key: str, called: dict[str, int]) -> etree._Element:
    """A footnote call: the note's reference where it is first called (bookmarked), else a
    cross-reference to that one showing its number (a note has one reference)."""
    bookmark = f"_RefFN{footnote_number(key)}"
    if key in called:
        field = etree.SubElement(
            paragraph, f"{W}fldSimple", {f"{W}instr": f" NOTEREF {bookmark} \\f \\h "}
        )
        _run(field, str(called[key]), superscript=True)
        return field
    called[key] = len(called) + 1
    mark = {f"{W}id": str(len(called)), f"{W}name": bookmark}
    etree.SubElement(paragraph, f"{W}bookmarkStart", mark)
    reference = _run(paragraph, superscript=True)
    etree.SubElement(reference, f"{W}footnoteReference", {f"{W}id": footnote_number(key)})
    etree.SubElement(paragraph, f"{W}bookmarkEnd", {f"{W}id": str(len(called))})
    return reference


def _highlight(unit: CarriedUnit | None) -> str | None:
    """The highlight colour of a unit's text: none when exact, or accepted where nothing
    it lacks is left (a fuzzy one accepted as it stands stays yellow)."""
    if unit is None or (unit.accepted and unit.status != "fuzzy"):
        return None
    return HIGHLIGHTS.get(unit.status)


def _commented(paragraph: etree._Element, number: str, runs: list[etree._Element]) -> None:
    """Anchor comment `number` on these runs of the paragraph."""
    runs[0].addprevious(etree.Element(f"{W}commentRangeStart", {f"{W}id": number}))
    runs[-1].addnext(etree.Element(f"{W}commentRangeEnd", {f"{W}id": number}))
    reference = _run(paragraph)
    etree.SubElement(reference, f"{W}commentReference", {f"{W}id": number})


def _run(
    paragraph: etree._Element,
    text: str = "",
    *,
    italic: bool = False,
    superscript: bool = False,
    highlight: str | None = None,
    rtl: bool = False,
) -> etree._Element:
    run = etree.SubElement(paragraph, f"{W}r")
    properties = etree.SubElement(run, f"{W}rPr")
    if italic:
        etree.SubElement(properties, f"{W}i")
    if highlight:
        etree.SubElement(properties, f"{W}highlight", {f"{W}val": highlight})
    if superscript:
        etree.SubElement(properties, f"{W}vertAlign", {f"{W}val": "superscript"})
    if rtl:
        etree.SubElement(properties, f"{W}rtl")
    if len(properties) == 0:
        run.remove(properties)
    if text:
        etree.SubElement(run, f"{W}t", {XML_SPACE: "preserve"}).text = _xml_safe(text)
    return run


def _xml_safe(text: str) -> str:
    """The text without the control characters XML 1.0 cannot hold."""
    return "".join(char for char in text if char in "\t\n" or ord(char) >= 0x20)


def _styles(language: str, rtl: bool) -> etree._Element:
    styles = etree.Element(f"{W}styles", nsmap={"w": W_NS})
    defaults = etree.SubElement(styles, f"{W}docDefaults")
    run = etree.SubElement(etree.SubElement(defaults, f"{W}rPrDefault"), f"{W}rPr")
    paragraph = etree.SubElement(etree.SubElement(defaults, f"{W}pPrDefault"), f"{W}pPr")
    etree.SubElement(paragraph, f"{W}spacing", {f"{W}after": "120"})
    etree.SubElement(paragraph, f"{W}jc", {f"{W}val": "both"})
    fonts = {f"{W}{part}": "Times New Roman" for part in ("ascii", "hAnsi", "cs")}
    etree.SubElement(run, f"{W}rFonts", fonts)
    etree.SubElement(run, f"{W}sz", {f"{W}val": "20"})
    locale = LOCALES.get(language, language)
    etree.SubElement(run, f"{W}lang", {f"{W}val": locale, f"{W}bidi": locale if rtl else "ar-SA"})
    return styles


def _settings() -> etree._Element:
    settings = etree.Element(f"{W}settings", nsmap={"w": W_NS})
    properties = etree.SubElement(settings, f"{W}footnotePr")
    for note_id in ("-1", "0"):
        etree.SubElement(properties, f"{W}footnote", {f"{W}id": note_id})
    return settings


def _package(parts: dict[str, etree._Element]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        _write(package, "[Content_Types].xml", _content_types(parts))
        _write(package, "_rels/.rels", _relationships([("officeDocument", "word/document.xml")]))
        others = [(name, f"{name}.xml") for name in parts if name != "document"]
        _write(package, "word/_rels/document.xml.rels", _relationships(others))
        for name, root in parts.items():
            _write(package, f"word/{name}.xml", root)
    return buffer.getvalue()


def _write(package: zipfile.ZipFile, name: str, root: etree._Element) -> None:
    info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
    info.compress_type = zipfile.ZIP_DEFLATED
    package.writestr(
        info, etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
    )


def _content_types(parts: Iterable[str]) -> etree._Element:
    namespace = "http://schemas.openxmlformats.org/package/2006/content-types"
    types = etree.Element(f"{{{namespace}}}Types", nsmap={None: namespace})
    etree.SubElement(
        types,
        f"{{{namespace}}}Default",
        Extension="rels",
        ContentType="application/vnd.openxmlformats-package.relationships+xml",
    )
    etree.SubElement(
        types, f"{{{namespace}}}Default", Extension="xml", ContentType="application/xml"
    )
    for name in parts:
        etree.SubElement(
            types, f"{{{namespace}}}Override", PartName=f"/word/{name}.xml", ContentType=PARTS[name]
        )
    return types


def _relationships(targets: list[tuple[str, str]]) -> etree._Element:
    namespace = "http://schemas.openxmlformats.org/package/2006/relationships"
    root = etree.Element(f"{{{namespace}}}Relationships", nsmap={None: namespace})
    for number, (kind, target) in enumerate(targets, 1):
        etree.SubElement(
            root,
            f"{{{namespace}}}Relationship",
            Id=f"rId{number}",
            Type=f"{_RELATIONSHIPS}/{kind}",
            Target=target,
        )
    return root
