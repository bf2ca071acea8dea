"""The document model: what a resolution is once it has been read.

Every reader (text, docx, pdf, html) produces a `Document`; everything downstream
(aligner, diffs, reports, terminal UI) consumes it. All values are frozen.

Offsets are character offsets into `Paragraph.text` (the clean text: no `*` emphasis
marks and no footnote markers), never byte offsets.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from resalign.align.pickling import by_fields

SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
"""How plain text writes a footnote call (`¹⁴`), as UN PDFs print it."""
TO_ASCII_DIGITS = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
TO_SUPERSCRIPT = str.maketrans("0123456789", SUPERSCRIPT_DIGITS)

Kind = Literal["preambular", "operative", "subitem", "heading"]
DocumentKind = Literal["resolution", "draft", "amendment"]


@by_fields
@dataclass(frozen=True, slots=True)
class FootnoteRef:
    """A footnote marker that was removed from a paragraph's running text."""

    key: str
    """Key of the cited footnote, e.g. `FN2`."""
    offset: int
    """Character offset in the clean text where the marker stood."""


@by_fields
@dataclass(frozen=True, slots=True)
class Paragraph:
    """One preambular or operative paragraph, a sub-item of either, or a section heading."""

    key: str
    """`PP1`, `OP12`, `PP8(a)`, `H3` (the third section heading); inside an annex the key
    carries the annex (`ANX.OP4`, `ANXII.OP4`). Stable across languages of the same
    resolution."""
    kind: Kind
    label: str | None
    """The label as printed (`1.`, `a)`, `(a)`, `а)`, `(أ)`, `1 -`, a heading's `II`);
    None for preambular and unnumbered operative paragraphs."""
    lead: str
    """The lead words (`Reiterando`, `Recuerda también`); empty where none can be told."""
    text: str
    """Clean text, without the label, emphasis marks or footnote markers."""
    refs: tuple[FootnoteRef, ...] = ()
    """Footnote markers removed from the text, in order, repeats included."""
    parent: str | None = None
    """Key of the paragraph a sub-item belongs to (`PP8` for `PP8(a)`)."""
    part: str | None = None
    """The annex the paragraph stands in, as printed (`Annex`, `Annex II`); None in the
    body of the resolution."""

    @property
    def footnotes(self) -> tuple[str, ...]:
        """Keys of the cited footnotes in order of citation, repeats included."""
        return tuple(ref.key for ref in self.refs)


@by_fields
@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote, keyed by its printed number."""

    key: str
    """`FN1`, `FN2`, …"""
    marker: str
    """The number as printed, in ASCII digits (`1`, `14`)."""
    text: str
    """Clean text, without emphasis marks."""


@dataclass(frozen=True, slots=True)
class Amendment:
    """One instruction of an amendment: what to do to which paragraph of the draft."""

    target: str
    """Key of the paragraph amended (`PP13`, `OP5`, `OP5(b)`), or the words of the target
    as printed where they name no paragraph."""
    action: Literal["replace", "insert", "delete", "add"]
    text: str
    """The instruction as printed."""
    old: str | None = None
    """The words replaced or deleted."""
    new: str | None = None
    """The words put in."""


@dataclass(frozen=True, slots=True)
class Document:
    """A resolution in one language, split into the units the UN works with."""

    source: str
    """Where the document was read from (a file name), for messages and reports."""
    language: str
    """ISO 639-1 code of one of the six official languages: ar, zh, en, fr, ru, es."""
    symbol: str | None
    """`A/RES/72/195`; derived from the title line `72/195.` when not printed."""
    session: int | None
    agenda_item: str | None
    adopted: str | None
    """Adoption date, ISO 8601 (`2017-12-19`)."""
    report: str | None
    """Symbol of the committee report the resolution was adopted on (`A/72/440`)."""
    title: str | None
    """Title without its number (`Medidas para mejorar …`)."""
    opening: str | None
    """The organ's opening line (`La Asamblea General,`)."""
    closing: str | None
    """The closing line (`73ª sesión plenaria 19 de diciembre de 2017`)."""
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    kind: DocumentKind = "resolution"
    """A resolution as adopted, a draft resolution (`A/C.3/80/L.4`) or an amendment."""
    revision: int | None = None
    """The revision of a draft (`1` for `A/C.3/80/L.20/Rev.1`)."""
    sponsors: tuple[str, ...] = ()
    """The sponsors a draft names (`Iraq`, or the President of the General Assembly)."""
    report_paragraph: str | None = None
    """The paragraph of the committee report the text stands in (`29`)."""
    draft: str | None = None
    """The plenary draft it was adopted from without a Main Committee (`A/80/L.8`)."""
    amends: str | None = None
    """For an amendment: the symbol of the draft it amends."""
    amendments: tuple[Amendment, ...] = ()
    """For an amendment: its instructions, in order."""
    header: tuple[str, ...] = ()
    """The lines before the title (or a draft's opening) as printed: masthead, session,
    agenda item, adoption, report, sponsors. The facts above are read from them."""
    furniture: tuple[str, ...] = ()
    """Every line the reader took for page furniture (running heads, page and job numbers,
    barcodes, footnote rules) and dropped, in reading order."""
    warnings: tuple[str, ...] = ()
    """What looks wrong about the structure (numbers that jump, text it could not place),
    one line each; every front end shows them."""

    def paragraph(self, key: str) -> Paragraph:
        """The paragraph with this key; KeyError if there is none."""
        for paragraph in self.paragraphs:
            if paragraph.key == key:
                return paragraph
        raise KeyError(key)

    def footnote(self, key: str) -> Footnote:
        """The footnote with this key; KeyError if there is none."""
        for footnote in self.footnotes:
            if footnote.key == key:
                return footnote
        raise KeyError(key)

    def count(self, kind: Kind, *, annex: bool = False) -> int:
        """How many paragraphs of this kind the document has, in its body (or annexes)."""
        return sum(
            1
            for paragraph in self.paragraphs
            if paragraph.kind == kind and (paragraph.part is not None) == annex
        )
