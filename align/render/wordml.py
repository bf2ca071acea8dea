"""WordprocessingML for the two Word writers (the carried translation and the redline):
runs, comments and the package around them, written with lxml and zipfile."""

from __future__ import annotations

import itertools
import re
import time
from collections.abc import Iterator

from lxml import etree

from resalign.align.render import opc, xmltree
from resalign.align.render.stamp import moment
from resalign.align.render.tmx import LOCALES

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = f"{{{W_NS}}}"
XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "resalign"
_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml"
PARTS = {
    "document": f"{_MAIN}.document.main+xml",
    "styles": f"{_MAIN}.styles+xml",
    "settings": f"{_MAIN}.settings+xml",
    "footnotes": f"{_MAIN}.footnotes+xml",
    "comments": f"{_MAIN}.comments+xml",
}


def element(tag: str, **attributes: str) -> etree._Element:
    """A `w:` element with `w:` attributes."""
    return etree.Element(f"{W}{tag}", {f"{W}{name}": value for name, value in attributes.items()})


def child(parent: etree._Element, tag: str, **attributes: str) -> etree._Element:
    """A `w:` element with `w:` attributes, appended to `parent`."""
    node = element(tag, **attributes)
    parent.append(node)
    return node


def stamp() -> str:
    """The date every comment and tracked change carries: the comparison's moment."""
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", moment())


class Comments:
    """The comments part, numbered as comments are added (from `ids` where the comments
    share their numbers with the document's other annotations)."""

    def __init__(self, ids: Iterator[int] | None = None) -> None:
        self.root = etree.Element(f"{W}comments", nsmap={"w": W_NS})
        self.date = stamp()
        self.ids = ids if ids is not None else itertools.count()

    def add(self, text: str) -> str:
        """A new comment of one paragraph a line; its id."""
        number = str(next(self.ids))
        comment = child(
            self.root, "comment", id=number, author=AUTHOR, initials="RA", date=self.date
        )
        for line in text.split("\n"):
            run(child(comment, "p"), line)
        return number


def commented(paragraph: etree._Element, number: str, runs: list[etree._Element]) -> None:
    """Anchor comment `number` from the first to the last of `runs`; the reference goes
    into `paragraph` (the one holding the last). The range marks stand in the paragraph,
    around a tracked change that holds a run: LibreOffice stops on a comment that opens
    inside one."""
    _outermost(runs[0]).addprevious(element("commentRangeStart", id=number))
    _outermost(runs[-1]).addnext(element("commentRangeEnd", id=number))
    child(run(paragraph), "commentReference", id=number)


def _outermost(node: etree._Element) -> etree._Element:
    """The node, or the element holding it that stands directly in a paragraph."""
    while (parent := node.getparent()) is not None and parent.tag != f"{W}p":
        node = parent
    return node


def run(
    parent: etree._Element,
    text: str = "",
    *,
    italic: bool = False,
    bold: bool = False,
    superscript: bool = False,
    highlight: str | None = None,
    rtl: bool = False,
    deleted: bool = False,
) -> etree._Element:
    """A run of `text` appended to `parent`; `deleted` writes it as deleted text, as the
    runs of a `w:del` must be."""
    node = child(parent, "r")
    properties = child(node, "rPr")
    if bold:
        child(properties, "b")
    if italic:
        child(properties, "i")
    if highlight:
        child(properties, "highlight", val=highlight)
    if superscript:
        child(properties, "vertAlign", val="superscript")
    if rtl:
        child(properties, "rtl")
    if len(properties) == 0:
        node.remove(properties)
    if text:
        tag = "delText" if deleted else "t"
        etree.SubElement(node, f"{W}{tag}", {XML_SPACE: "preserve"}).text = xml_safe(text)
    return node


_NOT_XML = re.compile("[\x00-\x08\x0b-\x1f]")


def xml_safe(text: str) -> str:
    """The text without the control characters XML 1.0 cannot hold."""
    return _NOT_XML.sub("", text)


def styles(language: str, rtl: bool) -> etree._Element:
    """Times New Roman 10 pt, justified, in the document's language."""
    root = etree.Element(f"{W}styles", nsmap={"w": W_NS})
    defaults = child(root, "docDefaults")
    run_defaults = child(child(defaults, "rPrDefault"), "rPr")
    paragraph = child(child(defaults, "pPrDefault"), "pPr")
    child(paragraph, "spacing", after="120")
    child(paragraph, "jc", val="both")
    font = "Times New Roman"
    child(run_defaults, "rFonts", ascii=font, hAnsi=font, cs=font)
    child(run_defaults, "sz", val="20")
    locale = LOCALES.get(language, language)
    child(run_defaults, "lang", val=locale, bidi=locale if rtl else "ar-SA")
    return root


def settings(*, track: bool = False) -> etree._Element:
    """The settings part: the footnote separators, and change tracking on where `track`
    (so that an edit to a redline is tracked too)."""
    root = etree.Element(f"{W}settings", nsmap={"w": W_NS})
    if track:
        child(root, "trackRevisions")
    properties = child(root, "footnotePr")
    for note_id in ("-1", "0"):
        child(properties, "footnote", id=note_id)
    return root


def footnotes_part() -> etree._Element:
    """The footnotes part with the two separators Word expects before any note."""
    notes = etree.Element(f"{W}footnotes", nsmap={"w": W_NS})
    for separator, note_id in (("separator", "-1"), ("continuationSeparator", "0")):
        note = child(notes, "footnote", type=separator, id=note_id)
        child(child(child(note, "p"), "r"), separator)
    return notes


def package(parts: dict[str, etree._Element]) -> bytes:
    """The .docx: content types, relationships and `parts` (by their PARTS name)."""
    others = [(name, f"{name}.xml") for name in parts if name != "document"]
    return opc.package(
        [
            ("[Content_Types].xml", opc.content_types(
                (f"/word/{name}.xml", PARTS[name]) for name in parts
            )),
            ("_rels/.rels", opc.relationships([("officeDocument", "word/document.xml")])),
            ("word/_rels/document.xml.rels", opc.relationships(others)),
            *((f"word/{name}.xml", xmltree.xml(root)) for name, root in parts.items()),
        ]
    )  # fmt: skip
