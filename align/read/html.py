"""Reader for resolutions published as HTML pages.

Paragraphs come from block elements (`<p>`, `<li>`, `<div>`, headings …), in document
order; ordered lists get the labels they display (`1.`, `a)`), in the language's own
style; `<sup>` numbers are footnote markers; `<em>`/`<i>` mark the emphasis of lead
words; footnotes come from the page's notes section (an element whose id or class says
footnotes, endnotes or notes). Scripts, styles, navigation and page footers are ignored.
Parsed by lxml with network access off; the HTML parser never expands entities from a
document type, so no page can make it read a file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import cast

import lxml.html
from lxml import etree

from resalign.align.errors import ReadError
from resalign.align.languages import Language, detect
from resalign.align.model import TO_SUPERSCRIPT, Document
from resalign.align.read.blocks import Block, held, with_emphasis
from resalign.align.read.safe import refuse_declarations
from resalign.align.read.structure import build_document

IGNORED = {
    "script",
    "style",
    "noscript",
    "template",
    "nav",
    "footer",
    "form",
    "iframe",
    "svg",
    "button",
    "select",
    "object",
    "head",
    "title",
    "meta",
    "link",
}
BLOCKS = {
    "p",
    "li",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "dd",
    "dt",
    "td",
    "th",
    "pre",
    "section",
    "article",
    "main",
    "header",
    "aside",
    "ol",
    "ul",
    "table",
    "tr",
    "body",
    "center",
    "address",
    "figure",
    "figcaption",
}
ITALIC = {"em", "i", "cite"}
NOTES = re.compile(r"foot-?notes?|end-?notes?|^notes$", re.IGNORECASE)
MARK = re.compile(r"\s*\d{1,3}(?:\s*,\s*\d{1,3})*\s*")
BACKLINK = re.compile(r"^\s*(?:↩|\^|↑|back)\s*$", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)
_SPACES = re.compile(r"[ \t\r\n\f\u00a0]+")


def read_html(data: bytes, *, source: str, lang: Language | None = None) -> Document:
    """A Document from the bytes of an HTML page."""
    blocks, lang, lying = _page(data, source, lang)
    document = build_document(blocks, source=source, lang=lang)
    if lying:
        said = f"the page says its charset is {lying}, but it is UTF-8: read as UTF-8"
        document = replace(document, warnings=(said, *document.warnings))
    return document


def html_blocks(data: bytes, source: str) -> list[Block]:
    """The blocks of a page another document imports (a Word file's `w:altChunk`)."""
    return _page(data, source, None)[0]


def _page(
    data: bytes, source: str, lang: Language | None
) -> tuple[list[Block], Language, str | None]:
    """A page's blocks (text, then footnotes), its language, and the charset it claims
    where that is a lie (None where it is not)."""
    refuse_declarations(data, source, "the page", html=True)
    utf8, lying = _utf8(data)
    try:
        parser = lxml.html.HTMLParser(
            no_network=True,
            remove_comments=True,
            remove_pis=True,
            encoding="utf-8" if utf8 else None,
        )
        root = lxml.html.document_fromstring(data, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError) as error:
        raise ReadError(f"{source}: not a readable HTML page ({error})") from None
    if any("Excessive depth" in entry.message for entry in parser.error_log):
        # libxml2 stops there and drops the rest of the page: refuse rather than lose it
        raise ReadError(f"{source}: refused: elements nested more than 256 deep")
    for element in list(root.iter(*IGNORED)):
        if element.getparent() is not None:
            _html(element).drop_tree()
    lang = lang or detect(" ".join(map(str, root.itertext())))
    notes = [element for element in root.iter() if _is_notes(element)]
    inside = set(notes)
    notes = [n for n in notes if not any(a in inside for a in n.iterancestors())]
    footnotes = [block for section in notes for block in _footnotes(section, lang)]
    for section in notes:
        _html(section).drop_tree()
    walker = _Walker(lang)
    walker.walk(root)
    walker.flush()
    return walker.blocks + footnotes, lang, lying


def _utf8(data: bytes) -> tuple[bool, str | None]:
    """Whether to read a page as UTF-8 whatever it says, and the charset it declares where
    that is a lie: bytes that are UTF-8 (not plain ASCII) are read so where the page names
    another charset (a page saved as UTF-8 that kept a `<meta charset=windows-1252>` reads
    as mojibake otherwise) or none at all (libxml2 would take them for Latin-1)."""
    match = _META_CHARSET.search(data[:8192])
    declared = match[1].lower() if match else None
    if (
        data.isascii()
        or declared in (b"utf-8", b"utf8")
        or (declared is None and data.startswith(b"<?xml"))
    ):
        return False, None
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False, None
    return True, match[1].decode("ascii") if match else None


def _is_notes(element: etree._Element) -> bool:
    if not isinstance(element.tag, str) or element.tag in ("sup", "a", "span"):
        return False
    names = f"{element.get('id', '')} {element.get('class', '')}".split()
    return any(NOTES.search(name) for name in names)


@dataclass
class _Walker:
    """Turns the page's block elements into blocks of text, in order."""

    lang: Language
    labels: bool = True
    """Whether list items get the labels they display (not in a notes list)."""
    blocks: list[Block] = field(default_factory=list)
    pieces: list[tuple[str, bool]] = field(default_factory=list)
    pending_label: str = ""

    def walk(self, element: etree._Element, italic: bool = False, raised: bool = False) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in BLOCKS:
            self.flush()
            if tag == "li" and self.labels:
                self.pending_label = _list_label(element, self.lang)
        inner_italic, inner_raised = italic or tag in ITALIC, raised or tag == "sup"
        self._text(element.text, inner_italic, inner_raised)
        for child in element:
            self.walk(child, inner_italic, inner_raised)
            self._text(child.tail, italic, raised)
        if tag == "br":
            self.pieces.append(("\n", False))
        if tag in BLOCKS:
            self.flush()

    def _text(self, text: str | None, italic: bool, raised: bool) -> None:
        if not text:
            return
        if raised and MARK.fullmatch(text):
            self.pieces.append((re.sub(r"\s", "", text).translate(TO_SUPERSCRIPT), False))
            return
        self.pieces.append((held(_SPACES.sub(" ", text)), italic))

    def flush(self) -> None:
        text = with_emphasis(self.pieces).strip()
        self.pieces = []
        if text:
            if self.pending_label:
                text = f"{self.pending_label} {text}"
                self.pending_label = ""
            self.blocks.append(Block(text))


def _count(value: str, otherwise: int) -> int:
    """A list's `start` or an item's `value` where it is a number (ASCII digits: `²` is a
    digit to Python, not to `int`), else `otherwise`."""
    value = value.strip()
    return int(value) if value.isascii() and value.isdigit() else otherwise


def _list_label(item: etree._Element, lang: Language) -> str:
    parent = item.getparent()
    if parent is None or parent.tag != "ol":
        return ""
    items = [child for child in parent if child.tag == "li"]
    number = _count(parent.get("start", ""), 1) + items.index(item)  # as a browser does
    number = _count(item.get("value", ""), number)
    kind = parent.get("type", "1")
    if kind in ("a", "A"):
        letters = list(lang.letters)
        letter = letters[(number - 1) % len(letters)]
        return lang.subitem_label.format(letter=letter.upper() if kind == "A" else letter)
    return lang.operative_label.format(number=number)


def _footnotes(section: etree._Element, lang: Language) -> list[Block]:
    items = [
        item
        for item in section.iter("li", "p")
        if not any(child.tag in ("li", "p") for child in item.iterdescendants())
    ]
    blocks = []
    for order, item in enumerate(items, 1):
        for link in list(item.iter("a")):
            if BACKLINK.match(_html(link).text_content()) and link.getparent() is not None:
                _html(link).drop_tree()
        walker = _Walker(lang, labels=False)
        walker.walk(item)
        walker.flush()
        text = " ".join(block.text for block in walker.blocks)
        number = _number_of(item, text, order)
        text = re.sub(r"^\s*[⁰¹²³⁴-⁹]+\s*|^\s*\d{1,3}[.)]?\s+", "", text).strip()
        if text:
            blocks.append(Block(text, "footnote", str(number)))
    return blocks


def _number_of(item: etree._Element, text: str, order: int) -> int:
    found = re.search(r"(\d{1,3})$", item.get("id", ""))
    if found:
        return int(found[1])
    leading = re.match(r"\s*(\d{1,3})[.)]?\s", text)
    return int(leading[1]) if leading else order


def _html(element: etree._Element) -> lxml.html.HtmlElement:
    """An element of a page lxml.html parsed, which is an `HtmlElement` (lxml-stubs types the
    tree as plain elements)."""
    return cast(lxml.html.HtmlElement, element)
