"""Blocks: what every reader hands to the structure builder.

A reader's job is to turn its format into an ordered list of `Block`s: the header lines,
the title, each paragraph (or each half of a paragraph cut by a page end) and each
footnote, with page furniture already dropped. Footnote calls inside running text are
written as superscript digits (`¹⁴`), as text extracted from UN PDFs has them, and italic
stretches between `EMPHASIS` marks. What the document prints itself stays as it is: an
asterisk is an asterisk, and a reader that tells calls apart holds the superscripts of
the text (`300 km²`) as `HELD_DIGITS` until the Document is made.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import fields, is_dataclass, replace
from typing import Literal, NamedTuple, cast

from resalign.align.model import SUPERSCRIPT_DIGITS, TO_SUPERSCRIPT, Document
from resalign.align.patterns import lazy

SUPERSCRIPT_RUN = f"[{SUPERSCRIPT_DIGITS}]+"

TERMINAL = ",;:.،؛。；：，!?！？"
"""Punctuation that ends a paragraph; a block ending otherwise was cut by a page end."""

_HYPHENATED = lazy(r"[^\W\d_]-$")
_SPACED_HYPHEN = lazy(r"[^\W\d_] -$")
"""`twenty -` / `seventh`: a line-end hyphen the PDF set after a space (A/RES/80/190)."""
LINE_END_HYPHEN = "\ue000"
"""Where a line ended in a hyphen before a lower-case letter: a compound's hyphen
(`awareness-` / `raising`) or a word division (`Septem-` / `ber`). The structure builder
settles which, from the words the document uses (`mend_hyphens`)."""
SOFT_LINE_END = "\ue001"
"""Where a line ended in a soft hyphen (U+00AD) before a letter: a word division, unless
the document writes the compound with its hyphen elsewhere (`follow-up`)."""
EMPHASIS = "\ufdda"
"""Opens and closes an italic stretch in a block's text: a noncharacter, so that an
asterisk the document prints (`A/79/L.5*`, `5 * 3`) stays one."""
_BROKEN = lazy(rf"([^\W\d_]+)([{LINE_END_HYPHEN}{SOFT_LINE_END}]){EMPHASIS}?([^\W\d_]*)")
"""A word cut at a line end, its second half perhaps opening an italic stretch."""
_WORDS = lazy(r"[^\W\d_]+(?:-[^\W\d_]+)*")
"""A word, or a compound written with its hyphens (`follow-up`)."""
CLOSERS = f'{SUPERSCRIPT_DIGITS}*{EMPHASIS}”’"»)'
"""What may follow a paragraph's last punctuation: footnote markers (`*` a draft's),
emphasis marks, closing quotes and brackets."""
HELD_DIGITS = "".join(map(chr, range(0xFDD0, 0xFDDA)))
"""Stand-ins for the superscript digits a document prints as characters (`300 km²`),
which blocks would take for footnote calls: noncharacters, which no document holds (a
reader makes any it meets U+FFFF, which the structure builder shows as U+FFFD and says)."""
_OURS = HELD_DIGITS + EMPHASIS
_GUARD = str.maketrans(_OURS, "\uffff" * len(_OURS))
_HOLD = str.maketrans(_OURS + SUPERSCRIPT_DIGITS, "\uffff" * len(_OURS) + HELD_DIGITS)
_HOLDS = lazy(f"[{_OURS}{SUPERSCRIPT_DIGITS}]")
_RELEASE = str.maketrans(HELD_DIGITS, SUPERSCRIPT_DIGITS)
_AS_PRINTED = str.maketrans({**_RELEASE, ord(EMPHASIS): None})


CALL = lazy(r"\d{1,3}(?:,\d{1,3})*,?")
"""A number a page prints raised that is a footnote call (`1`, `1,2`; a comma raised
after it belongs to the call)."""


class Run(NamedTuple):
    """A stretch of one printed line in one style, as a PDF reader hands it over."""

    text: str
    raised: bool = False
    """In smaller type than its line: a footnote call where it is a number (`1,2`), the
    text's own otherwise (the `er` of `1er`)."""
    italic: bool = False

    def __reduce__(self) -> tuple[type[Run], tuple[str, bool, bool]]:
        """Pickled as a call of the class (a third of the time of a named tuple's own
        way): a PDF's lines come from the process that read them as thousands of runs."""
        return Run, (self.text, self.raised, self.italic)


def marked(runs: Sequence[Run]) -> str:
    """A printed line's text as blocks hold it: each raised number a call in superscript
    digits (a footnote's own number where it opens the line, set apart from the note's
    text), italic stretches between `EMPHASIS` marks, the text's own superscripts held."""
    if len(runs) == 1 and not runs[0].raised and not runs[0].italic:
        return held(runs[0].text)  # most lines: one run in the body's type
    calls = [run.raised and CALL.fullmatch(run.text) is not None for run in runs]
    pieces = [
        (run.text.rstrip(",").translate(TO_SUPERSCRIPT), False)
        if call
        else (held(run.text), run.italic)
        for run, call in zip(runs, calls, strict=True)
    ]
    text = with_emphasis(pieces)
    if calls and calls[0]:
        mark = pieces[0][0]
        text = f"{mark} {text[len(mark) :].lstrip()}"
    return text


class Block(NamedTuple):
    """A run of text the reader found: body text, or one footnote."""

    text: str
    kind: Literal["body", "footnote"] = "body"
    marker: str | None = None
    """For a footnote, its number in ASCII digits."""
    continues: bool = False
    """The reader knows the block goes on with the paragraph before it (a page that
    opens at the margin, where a new paragraph would be indented)."""
    same_page: bool = False
    """The reader knows the block opens on the page of the block before it, after a blank
    line or an indent: a paragraph before it that stops without closing punctuation ends
    there (only a page end cuts one)."""


def join_text(before: str, after: str) -> str:
    """Join two pieces of one paragraph split by a line or page end.

    A hyphen at the end of `before` joins without a space: kept before a capital
    (`Secretary-` / `General`), marked `LINE_END_HYPHEN` before a lower-case letter; a soft
    hyphen is always mended; PDFium's mark for a hyphen at a line end (U+FFFE) counts as a
    hyphen; Chinese joins without a space.
    """
    if not before:
        return after
    if not after:
        return before
    if _emphasis_goes_on(before, after):
        before, after = before[:-1], after[1:]
    cut, glue = _seam(before[-3:], after)
    return before[: len(before) - cut] + glue + after


def join_lines(lines: Sequence[str]) -> str:
    """The lines of one paragraph as one text (see `join_text`), in time linear in their
    length: each seam looks only at the end of the text so far."""
    parts: list[str] = []
    for line in lines:
        if not line:
            continue
        if parts and _emphasis_goes_on(parts[-1], line):
            parts[-1], line = parts[-1][:-1], line[1:]
        if parts:
            cut, glue = _seam(parts[-1][-3:], line)
            if cut:
                parts[-1] = parts[-1][:-cut]
            parts.append(glue)
        parts.append(line)
    return "".join(parts)


def _emphasis_goes_on(before: str, after: str) -> bool:
    """An italic stretch runs on over the line end (`well-*` / `*being`): the two marks
    between the lines go, so the seam sees the words (and a hyphen) they stand between."""
    return (
        len(before) > 1
        and len(after) > 1
        and before[-1] == EMPHASIS
        and after[0] == EMPHASIS
        and not before[-2].isspace()
        and not after[1].isspace()
    )


def _seam(tail: str, after: str) -> tuple[int, str]:
    """How to join `after` to a text ending in `tail` (its last three characters, or more):
    how many characters to take off the end, and what to put between."""
    if tail.endswith("\u00ad"):
        return (1, SOFT_LINE_END) if after.lstrip(EMPHASIS)[:1].isalpha() else (1, "")
    if tail.endswith("\ufffe"):  # as if the text ended in a hyphen
        cut, glue = _seam(tail[:-1] + "-", after)
        return (1, glue) if cut else (1, "-" + glue)
    lower = after.lstrip(EMPHASIS)[:1].islower()  # `sost-` / `enidas` in italics: the word
    if _HYPHENATED.search(tail):
        return (1, LINE_END_HYPHEN) if lower else (0, "")
    if _SPACED_HYPHEN.search(tail) and lower:
        return 2, LINE_END_HYPHEN
    if _is_cjk(after[0]) and _is_cjk(tail[-1]):
        return 0, ""
    return 0, " "


def _is_cjk(char: str) -> bool:
    """Han, kana, CJK punctuation or full-width forms: text set without spaces (a range
    test, where the same character class as a regex was compiled at every start)."""
    return "\u3000" <= char <= "\u9fff" or "\uff00" <= char <= "\uffef"


def words_used(texts: Iterable[str]) -> frozenset[str]:
    """The words and hyphenated compounds (lower case) the texts use whole, and each part
    of a compound: what `mend_hyphens` takes as evidence."""
    found = {word for text in texts for word in _WORDS.findall(text.lower())}
    return frozenset(found | {part for word in found if "-" in word for part in word.split("-")})


def mend_hyphens(text: str, words: frozenset[str]) -> tuple[str, tuple[int, ...]]:
    """Settle each `LINE_END_HYPHEN`: a word division where the document uses the whole
    word elsewhere (`September`), else a compound's hyphen (`awareness-raising`, as UN
    texts, which avoid dividing words, nearly always have it); and each `SOFT_LINE_END`:
    a compound's hyphen where the document writes the compound so, else a division. Also
    says where, in `text`, the hyphens that were taken out stood (offsets after them move
    back one)."""
    if LINE_END_HYPHEN not in text and SOFT_LINE_END not in text:
        return text, ()
    removed = tuple(
        match.end(1)
        for match in _BROKEN.finditer(text)
        if (
            (match[1] + match[3]).lower() in words
            if match[2] == LINE_END_HYPHEN
            else f"{match[1]}-{match[3]}".lower() not in words
        )
    )
    out = []
    position = 0
    for at in removed:
        out.append(text[position:at])
        position = at + 1
    out.append(text[position:])
    mended = "".join(out).replace(LINE_END_HYPHEN, "-").replace(SOFT_LINE_END, "-")
    return mended, removed


def is_open(text: str) -> bool:
    """True when a paragraph's text stops without closing punctuation (cut by a page end)."""
    tail = strip_end(text[-40:], CLOSERS)
    return bool(tail) and tail[-1] not in TERMINAL


def strip_end(text: str, also: str, *, digits: bool = False) -> str:
    """`text` without the white space and characters of `also` (and digits, with `digits`)
    it ends with: a string test, where a character class of superscripts was compiled at
    every start."""
    end = len(text)
    while end:
        char = text[end - 1]
        if not (char in also or char.isspace() or (digits and char.isdecimal())):
            break
        end -= 1
    return text[:end]


def guarded(text: str) -> str:
    """Text whose superscripts are calls (extracted text), with any of the marks blocks use
    that it holds made a noncharacter the structure builder flags: none is taken for one."""
    return text.translate(_GUARD) if any(mark in text for mark in _OURS) else text


def held(text: str) -> str:
    """A document's own text, from a reader that tells calls apart: its superscript digits
    held as `HELD_DIGITS` until the Document is made."""
    return text.translate(_HOLD) if _HOLDS.search(text) else text


def as_printed(line: str) -> str:
    """A line the reader dropped (furniture) as the page prints it: without emphasis
    marks, its superscripts given back."""
    return line.translate(_AS_PRINTED)


def released(document: Document) -> Document:
    """The Document with the superscripts held in any of its texts given back."""
    return cast(Document, _released(document))


def _released(value: object) -> object:
    if isinstance(value, str):
        return value.translate(_RELEASE)
    if isinstance(value, tuple):
        return tuple(_released(item) for item in value)
    if is_dataclass(value) and not isinstance(value, type):
        return replace(value, **{f.name: _released(getattr(value, f.name)) for f in fields(value)})
    return value


def with_emphasis(pieces: list[tuple[str, bool]]) -> str:
    """Join (text, italic) pieces, putting each italic stretch between `EMPHASIS` marks
    (spaces stay outside the marks)."""
    out: list[str] = []
    italic_run: list[str] = []
    for text, italic in [*pieces, ("", False)]:
        if italic:
            italic_run.append(text)
            continue
        if italic_run:
            joined = "".join(italic_run)
            core = joined.strip()
            lead = joined[: len(joined) - len(joined.lstrip())]
            trail = joined[len(joined.rstrip()) :] if core else ""
            out.append(f"{lead}{EMPHASIS}{core}{EMPHASIS}{trail}" if core else joined)
            italic_run = []
        out.append(text)
    return "".join(out)
