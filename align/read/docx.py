"""Reader for Word (.docx) resolutions, over the package's XML parts with lxml.

Body paragraphs are read in order; italic runs are marked as emphasis (so lead
words come out the same); footnote references become superscript numbers in
the running text and the footnotes themselves come from `word/footnotes.xml`; automatic
list numbering is resolved from `word/numbering.xml` so operative numbers and sub-item
letters read as printed; tracked changes read as the final text (insertions kept,
deletions and moved-away text dropped); fields and hyperlinks reduce to their text; a
text box Word writes twice (`mc:AlternateContent`) is read once; a part the file imports
(`w:altChunk`: another Word file, a web page, plain text) is read where it stands, and any
other is named in a warning. The structure builder shared with the other readers does the
rest.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace

from lxml import etree

from resalign.align.errors import ReadError
from resalign.align.languages import ARABIC, LATIN_LETTERS, RUSSIAN, Language
from resalign.align.model import TO_SUPERSCRIPT, Document
from resalign.align.read.blocks import Block, held, with_emphasis
from resalign.align.read.html import html_blocks
from resalign.align.read.safe import Package
from resalign.align.read.structure import build_document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
R = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
DROPPED = {f"{W}del", f"{W}moveFrom"}
NOTE_TYPES_SKIPPED = {"separator", "continuationSeparator", "continuationNotice"}
_LEVEL = re.compile(r"[0-8]")
_START = re.compile(r"-?[0-9]{1,6}")
SUPERSCRIPT_MARK = re.compile(r"\d{1,3}(?:,\d{1,3})*")
"""Digits in a raised run: a footnote cited again (Word repeats it as a NOTEREF field)."""


def read_docx(data: bytes, *, source: str, lang: Language | None = None) -> Document:
    """A Document from the bytes of a .docx file."""
    package = Package(data, source, "Word document")
    marks = FootnoteMarks()
    blocks, warnings, main = _body(package, source, marks, nested=False)
    notes = package.related(main, "footnotes") or "word/footnotes.xml"
    blocks += _footnotes(package.xml(notes), marks)
    document = build_document(blocks, source=source, lang=lang)
    if warnings:
        document = replace(document, warnings=(*warnings, *document.warnings))
    return document


def _body(
    package: Package, source: str, marks: FootnoteMarks, *, nested: bool
) -> tuple[list[Block], list[str], str]:
    """The blocks of a package's main part, imported parts (`w:altChunk`) in their place,
    what could not be read, and the main part's name."""
    main = package.related("", "officeDocument") or "word/document.xml"
    document = package.xml(main)
    if document is None or (body := document.find(f"{W}body")) is None:
        raise ReadError(f"{source}: a zip file, but not a Word document (no {main})")

    def part(kind: str) -> etree._Element | None:  # as the main part names it
        return package.xml(package.related(main, kind) or f"word/{kind}.xml")

    numbering = Numbering.load(part("numbering"), part("styles"))
    blocks: list[Block] = []
    warnings: list[str] = []
    for element in _block_elements(body):
        if element.tag == f"{W}altChunk":
            found, said = _chunk(package, main, element, source, nested)
            blocks += found
            warnings += said
            continue
        text = paragraph_text(element, marks)
        if text.strip():
            label = numbering.label(element)
            blocks.append(Block(f"{label} {text.strip()}" if label else text))
    return blocks, warnings, main


def _block_elements(body: etree._Element) -> Iterator[etree._Element]:
    """The paragraphs (text boxes' too) and imported parts of a body in document order.
    Of markup given two ways (`mc:AlternateContent`: a text box as a drawing and again as
    VML), the first choice only: read both, its text would stand twice."""
    stack = list(reversed(body))
    while stack:
        node = stack.pop()
        if node.tag == f"{MC}Fallback":
            continue
        if node.tag in (f"{W}p", f"{W}altChunk"):
            yield node
        stack.extend(reversed(node))


def _chunk(
    package: Package, main: str, chunk: etree._Element, source: str, nested: bool
) -> tuple[list[Block], list[str]]:
    """The blocks of a part a Word file imports where it stands (`w:altChunk`): another
    Word file, a web page or plain text; anything else is said to be left unread."""
    relation = chunk.get(f"{R}id", "")
    name = package.target(main, relation)
    data = package.read(name) if name else None
    if name is None or data is None:
        return [], [f"an imported part (w:altChunk {relation}) is missing: its text is not read"]
    extension = name.rpartition(".")[2].lower()
    if extension == "docx" and not nested:
        inner = Package(data, f"{source}: {name}", "Word document")
        blocks, warnings, _ = _body(inner, source, FootnoteMarks(), nested=True)
        return blocks, warnings
    if extension in ("htm", "html", "xhtml"):
        return html_blocks(data, f"{source}: {name}"), []
    if extension == "txt":
        text = data.decode("utf-8", errors="replace")
        return [Block(part.strip()) for part in re.split(r"\n\s*\n", text) if part.strip()], []
    kind = extension or "unknown"
    return [], [f"imported {kind} content ({name}, w:altChunk) is not read: its text is missing"]


@dataclass
class FootnoteMarks:
    """Printed footnote numbers, given in order of first reference (as Word numbers them)."""

    numbers: dict[str, int] = field(default_factory=dict)

    def number(self, note_id: str) -> int:
        return self.numbers.setdefault(note_id, len(self.numbers) + 1)


def paragraph_text(paragraph: etree._Element, marks: FootnoteMarks) -> str:
    """A paragraph's final text: italic runs marked, footnote references as ¹²³."""
    pieces: list[tuple[str, bool]] = []
    for run in _own_runs(paragraph):
        italic = _italic(run)
        raised = _superscript(run)
        for part in run:
            if part.tag == f"{W}t" and raised and SUPERSCRIPT_MARK.fullmatch(_text(part)):
                pieces.append((_text(part).translate(TO_SUPERSCRIPT), False))  # a NOTEREF
            elif part.tag == f"{W}t":
                pieces.append((held(_text(part)), italic))
            elif part.tag in (f"{W}tab", f"{W}noBreakHyphen"):
                pieces.append((" " if part.tag == f"{W}tab" else "-", italic))
            elif part.tag in (f"{W}br", f"{W}cr"):
                pieces.append(("\n", False))
            elif part.tag == f"{W}footnoteReference":
                number = str(marks.number(part.get(f"{W}id", "")))
                pieces.append((number.translate(TO_SUPERSCRIPT), False))
    return with_emphasis(pieces)


def _text(element: etree._Element) -> str:
    """An element's own text; an entity reference left unresolved counts for nothing."""
    return (element.text or "") + "".join(child.tail or "" for child in element)


def _own_runs(paragraph: etree._Element) -> Iterator[etree._Element]:
    """The paragraph's runs in document order, leaving out those inside a nested paragraph
    (a text box) or inside dropped markup (deletions, field codes): one walk, so even
    paragraphs nested deep inside one another are read in linear time."""
    stack = list(reversed(paragraph))
    while stack:
        node = stack.pop()
        if node.tag == f"{W}p" or node.tag in DROPPED:
            continue
        if node.tag == f"{W}r":
            yield node
        stack.extend(reversed(node))


def _superscript(run: etree._Element) -> bool:
    align = run.find(f"{W}rPr/{W}vertAlign")
    return align is not None and align.get(f"{W}val") == "superscript"


def _italic(run: etree._Element) -> bool:
    flag = run.find(f"{W}rPr/{W}i")
    return flag is not None and flag.get(f"{W}val", "true") not in ("0", "false", "off")


def _footnotes(root: etree._Element | None, marks: FootnoteMarks) -> list[Block]:
    if root is None:
        return []
    blocks = []
    for note in root.iter(f"{W}footnote"):
        note_id = note.get(f"{W}id", "")
        if note.get(f"{W}type") in NOTE_TYPES_SKIPPED or note_id not in marks.numbers:
            continue
        text = " ".join(
            paragraph_text(paragraph, FootnoteMarks()).strip() for paragraph in note.iter(f"{W}p")
        ).strip()
        blocks.append(Block(text, "footnote", str(marks.numbers[note_id])))
    return blocks


# automatic numbering ---------------------------------------------------------------------

LETTERS = {
    "lowerLetter": LATIN_LETTERS,
    "upperLetter": LATIN_LETTERS.upper(),
    "russianLower": RUSSIAN.letters,
    "russianUpper": str(RUSSIAN.letters).upper(),
    "arabicAbjad": ARABIC.letters,
    "arabicAlpha": ARABIC.letters,
}
"""Word's lettered list formats, with the letters each language's conventions give."""


@dataclass(frozen=True)
class Level:
    """One level of a Word list: where it starts counting, its number format and the text
    around the number (`%1.`)."""

    start: int
    format: str
    text: str


@dataclass
class Numbering:
    """Word's list definitions, and the counters as the document is read."""

    abstract_of: dict[str, str] = field(default_factory=dict)
    levels: dict[tuple[str, int], Level] = field(default_factory=dict)
    overrides: dict[tuple[str, int], int] = field(default_factory=dict)
    style_numbering: dict[str, tuple[str, int]] = field(default_factory=dict)
    counters: dict[str, list[int]] = field(default_factory=dict)
    started: set[tuple[str, int]] = field(default_factory=set)

    @classmethod
    def load(cls, numbering: etree._Element | None, styles: etree._Element | None) -> Numbering:
        self = cls()
        if numbering is not None:
            for abstract in numbering.iter(f"{W}abstractNum"):
                abstract_id = abstract.get(f"{W}abstractNumId", "")
                for level in abstract.iter(f"{W}lvl"):
                    self.levels[abstract_id, _level(level.get(f"{W}ilvl"))] = Level(
                        _start(_val(level, "start")),
                        _val(level, "numFmt") or "decimal",
                        _val(level, "lvlText") or "",
                    )
            for num in numbering.iter(f"{W}num"):
                num_id = num.get(f"{W}numId", "")
                self.abstract_of[num_id] = _val(num, "abstractNumId") or ""
                for override in num.iter(f"{W}lvlOverride"):
                    start = override.find(f"{W}startOverride")
                    if start is not None:
                        depth = _level(override.get(f"{W}ilvl"))
                        self.overrides[num_id, depth] = _start(start.get(f"{W}val"))
        if styles is not None:
            for style in styles.iter(f"{W}style"):
                num_pr = style.find(f"{W}pPr/{W}numPr")
                if num_pr is not None:
                    self.style_numbering[style.get(f"{W}styleId", "")] = (
                        _val(num_pr, "numId") or "",
                        _level(_val(num_pr, "ilvl")),
                    )
        return self

    def label(self, paragraph: etree._Element) -> str:
        """The label Word prints before this paragraph (`1.`, `a)`), or ''."""
        found = self._numbering_of(paragraph)
        if found is None:
            return ""
        num_id, level = found
        abstract = self.abstract_of.get(num_id)
        definition = self.levels.get((abstract, level)) if abstract is not None else None
        if abstract is None or definition is None or definition.format in ("bullet", "none"):
            return ""
        counts = self.counters.setdefault(abstract, [0] * 9)
        if (num_id, level) in self.overrides and (num_id, level) not in self.started:
            self.started.add((num_id, level))
            counts[level] = self.overrides[num_id, level] - 1
        elif counts[level] == 0:
            counts[level] = definition.start - 1
        counts[level] += 1
        for deeper in range(level + 1, 9):
            counts[deeper] = 0
        text = definition.text
        for shown in range(level + 1):
            shown_level = self.levels.get((abstract, shown), definition)
            text = text.replace(f"%{shown + 1}", _format(counts[shown], shown_level.format))
        return text.strip()

    def _numbering_of(self, paragraph: etree._Element) -> tuple[str, int] | None:
        num_pr = paragraph.find(f"{W}pPr/{W}numPr")
        if num_pr is not None:
            num_id = _val(num_pr, "numId")
            if num_id in (None, "0"):
                return None
            return num_id, _level(_val(num_pr, "ilvl"))
        style = paragraph.find(f"{W}pPr/{W}pStyle")
        if style is not None:
            return self.style_numbering.get(style.get(f"{W}val", ""))
        return None


def _level(value: str | None) -> int:
    """A list level, 0 to 8 as Word has them; anything else reads as the first level."""
    return int(value) if value is not None and _LEVEL.fullmatch(value) else 0


def _start(value: str | None) -> int:
    """A list's first number; what is no number (or an absurd one) reads as 1."""
    return int(value) if value is not None and _START.fullmatch(value) else 1


def _val(element: etree._Element, name: str) -> str | None:
    child = element.find(f"{W}{name}")
    return None if child is None else child.get(f"{W}val")


def _format(number: int, number_format: str) -> str:
    if number_format in LETTERS:
        letters = LETTERS[number_format]
        return letters[(number - 1) % len(letters)]
    if number_format in ("lowerRoman", "upperRoman"):
        roman = _roman(number)
        return roman if number_format == "upperRoman" else roman.lower()
    return str(number)


def _roman(number: int) -> str:
    values = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ]
    out = []
    for value, letters in values:
        while number >= value:
            out.append(letters)
            number -= value
    return "".join(out)
