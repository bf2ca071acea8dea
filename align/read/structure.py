"""From blocks to a `Document`: the structure logic every reader shares.

The header is what comes before the title line (`72/195. Title`) or, for a draft, the
opening (`The General Assembly,`); an amendment has neither, only its instructions. The
body runs from the opening to the closing (`73rd plenary meeting`), looked for from the
end; annexes after it keep their own numbering. `paragraphs` reads the units of each part;
footnote calls written as plain digits are found first (`citations`), and line-end hyphens
are settled last, from the document's own words.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from itertools import pairwise

from resalign.align.dates import find_dates
from resalign.align.errors import NotAResolutionError
from resalign.align.languages import Language, detect
from resalign.align.model import SUPERSCRIPT_DIGITS, Amendment, Document, Footnote, Paragraph
from resalign.align.patterns import lazy
from resalign.align.read.amendments import read_amendments
from resalign.align.read.blocks import (
    HELD_DIGITS,
    LINE_END_HYPHEN,
    SOFT_LINE_END,
    Block,
    as_printed,
    is_open,
    join_lines,
    mend_hyphens,
    released,
    words_used,
)
from resalign.align.read.citations import mark_citations
from resalign.align.read.header import Header, read_header, revision
from resalign.align.read.paragraphs import Draft, finish, plain_text, read_paragraphs

TITLE = lazy(r"^(?P<session>\d{2,3})/(?P<number>\d{1,4})\s*[.\-–]\s*(?P<title>\S.*)$")
SECTION_NUMERAL = lazy(r"^(?:[IVXLC]{1,7}|[A-Z])\.?$|^(?:[IVXLC]{1,7}|[A-Z])\.\s+\S")
"""A line that opens a section: its numeral alone (`II`), or numeral and title (`A. Title`)."""
_FORMAT = lazy("[\u200b\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
"""Bidirectional embeddings, overrides and isolates, zero-width spaces: text can be made to
read other than it is with them (`align.render.text.shown` writes them visibly)."""
_SUPERSCRIPT = lazy(f"[{SUPERSCRIPT_DIGITS}]")
_HELD = lazy(f"[{HELD_DIGITS}]")
_CONTROL = lazy(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufddb-\ufdef\ufffe\uffff]")
"""C0 and C1 control characters but tab, line feed, form feed and carriage return, and
the noncharacters of the Basic Multilingual Plane (no XML writer takes them) but the
blocks' own marks (`HELD_DIGITS`, `EMPHASIS`)."""


def build_document(
    blocks: Sequence[Block],
    *,
    source: str,
    lang: Language | None = None,
    furniture: tuple[str, ...] = (),
    calls_marked: bool = False,
) -> Document:
    """Read the structure of a resolution, draft or amendment out of a reader's blocks.
    With `calls_marked`, the reader saw which digits the page prints raised and wrote
    those as superscripts: no plain digit is then taken for a footnote call. Blocks that
    write any call as a superscript (a Word file's, a page's `<sup>`, the seeds') are
    taken to write every call so."""
    warnings: list[str] = []
    blocks = _cleaned(blocks, warnings)
    document = _built(blocks, source, lang, furniture, calls_marked, warnings)
    held = any(_HELD.search(block.text) for block in blocks)
    return released(document) if held else document


def _built(
    blocks: Sequence[Block],
    source: str,
    lang: Language | None,
    furniture: tuple[str, ...],
    calls_marked: bool,
    warnings: list[str],
) -> Document:
    """The Document of `blocks`, its texts as the blocks have them (superscripts held)."""
    body = [block for block in blocks if block.kind == "body"]
    lang = lang or detect("\n".join(block.text for block in body))
    hyphens = any(
        LINE_END_HYPHEN in b.text or SOFT_LINE_END in b.text or b.text.endswith("-") for b in blocks
    )
    words = words_used(block.text for block in blocks) if hyphens else frozenset()
    footnotes = _footnotes((block for block in blocks if block.kind == "footnote"), warnings)
    title_at = _find(body, lambda text: TITLE.match(text) is not None)
    opening_at = _find_opening(body, lang, after=title_at)
    start = title_at if title_at is not None else opening_at
    if start is None:
        return _amendment(body, lang, source, footnotes, furniture, warnings, words)
    header_lines = _lines_of(body[:start])
    header = read_header(header_lines, lang)
    title_match = TITLE.match(body[title_at].text) if title_at is not None else None
    if title_match:
        title: str | None = plain_text(title_match["title"])
    else:
        title = _draft_title(header_lines, header)
    body_start = (opening_at if opening_at is not None else start) + 1
    known = {footnote.marker for footnote in footnotes}
    rest = body[body_start:]
    texts = [block.text for block in rest]
    marked = calls_marked or any(_SUPERSCRIPT.search(text) for text in texts)
    cited = texts if marked else mark_citations(texts, known)
    units = [block._replace(text=text) for block, text in zip(rest, cited, strict=True)]
    starts = _annex_starts(units, lang)
    annex_at = starts[0] if starts else len(units)
    closing, closing_at, closing_end = _closing(units[:annex_at], lang, warnings)
    main = units[:closing_at] + units[closing_end:annex_at]
    paragraphs = read_paragraphs(main, lang, known, warnings)
    if opening_at is not None and not any(p.kind == "operative" for p in paragraphs):
        paragraphs = _unnumbered_operative(paragraphs)
    paragraphs += _annexes(units, starts, lang, known, warnings)
    if not paragraphs:
        raise NotAResolutionError(f"{source}: not a resolution: no paragraphs after the title")
    _check_citations(paragraphs, footnotes, warnings)
    symbol = header.symbol or (
        f"A/RES/{title_match['session']}/{title_match['number']}" if title_match else None
    )
    return _document(
        header,
        words=words,
        lines=header_lines,
        source=source,
        lang=lang,
        symbol=symbol,
        session=int(title_match["session"]) if title_match else _session_of(symbol),
        title=title,
        opening=plain_text(body[opening_at].text) if opening_at is not None else None,
        closing=closing,
        paragraphs=paragraphs,
        footnotes=footnotes,
        furniture=furniture,
        warnings=warnings,
    )


def _document(
    header: Header,
    *,
    words: frozenset[str],
    lines: Sequence[str],
    source: str,
    lang: Language,
    symbol: str | None,
    session: int | None,
    title: str | None,
    opening: str | None,
    closing: str | None,
    paragraphs: tuple[Paragraph, ...],
    footnotes: tuple[Footnote, ...],
    furniture: tuple[str, ...],
    warnings: list[str],
    amendments: tuple[Amendment, ...] = (),
) -> Document:
    """The Document: what the header says, and what the body was read into, with the
    hyphens at line ends settled (`mend_hyphens`)."""

    def mend(text: str | None) -> str | None:
        return None if text is None else mend_hyphens(text, words)[0]

    return Document(
        source=source,
        language=lang.code,
        symbol=symbol,
        session=session,
        agenda_item=header.agenda_item,
        adopted=header.adopted,
        report=header.report,
        title=mend(title),
        opening=mend(opening),
        closing=mend(closing),
        paragraphs=tuple(_mended(paragraph, words) for paragraph in paragraphs),
        footnotes=tuple(replace(f, text=mend_hyphens(f.text, words)[0]) for f in footnotes),
        kind=header.kind,  # type: ignore[arg-type]
        revision=revision(symbol),
        sponsors=header.sponsors,
        report_paragraph=header.report_paragraph,
        draft=header.draft,
        amends=header.amends,
        amendments=amendments,
        header=tuple(mend_hyphens(line, words)[0] for line in lines if line),
        furniture=tuple(map(as_printed, furniture)),
        warnings=tuple(warnings),
    )


def _mended(paragraph: Paragraph, words: frozenset[str]) -> Paragraph:
    """The paragraph with its line-end hyphens settled, its footnote offsets kept in step."""
    text, removed = mend_hyphens(paragraph.text, words)
    if text == paragraph.text:
        return paragraph
    refs = tuple(
        replace(ref, offset=ref.offset - sum(1 for at in removed if at < ref.offset))
        for ref in paragraph.refs
    )
    lead = mend_hyphens(paragraph.lead, words)[0]
    return replace(paragraph, text=text, refs=refs, lead=lead)


def _block_of_line(blocks: Sequence[Block], line: int) -> int:
    """The index of the block that line `line` of `_lines_of(blocks)` belongs to."""
    count = 0
    for index, block in enumerate(blocks):
        count += _line_count((block,))
        if line < count:
            return index
    return len(blocks) - 1


def _line_count(blocks: Sequence[Block]) -> int:
    """How many of `_lines_of(blocks)` the blocks give."""
    return sum(len(block.text.splitlines()) + 1 for block in blocks)


def _cleaned(blocks: Sequence[Block], warnings: list[str]) -> list[Block]:
    """The blocks' text composed (NFC: `é` written as `e` and an accent is the `é` of
    every other file, as the text reader reads it); control characters (an `ESC[2J`
    would clear the user's screen) and noncharacters as U+FFFD, said; PDFium's mark for
    a printed hyphen (U+FFFE) as the hyphen."""
    out = []
    replaced = 0
    for block in blocks:
        text = block.text.replace("\ufffe", "-")
        if not unicodedata.is_normalized("NFC", text):
            text = unicodedata.normalize("NFC", text)
        text, count = _CONTROL.subn("\ufffd", text)
        replaced += count
        out.append(block._replace(text=text) if text != block.text else block)
    if replaced:
        warnings.append(
            f"{replaced} control character(s) or noncharacter(s) in the text, shown as \ufffd"
        )
    if hidden := sum(len(_FORMAT.findall(block.text)) for block in out):
        warnings.append(
            f"{hidden} invisible character(s) that change how text is shown (bidirectional "
            "controls, zero-width spaces) in the text, kept and shown as ⟨U+…⟩"
        )
    return out


def _amendment(
    body: Sequence[Block],
    lang: Language,
    source: str,
    footnotes: tuple[Footnote, ...],
    furniture: tuple[str, ...],
    warnings: list[str],
    words: frozenset[str],
) -> Document:
    """An amendment has no opening: its header, its title, then its instructions."""
    lines = _lines_of(body)
    header = read_header(lines[:120], lang)
    if header.kind != "amendment" or header.sponsors_at is None:
        raise NotAResolutionError(
            f"{source}: not a resolution: no title line (such as '72/195. Title') "
            "and no opening (such as 'The General Assembly,')"
        )
    texts = [plain_text(block.text) for block in body]
    at = _block_of_line(body, header.sponsors_at)  # where what the sponsors submit ends
    title = texts[at + 1] if at + 1 < len(texts) else None
    start = at + 2
    instructions = [text for text in texts[start:] if text]
    amendments = read_amendments(instructions)
    if not amendments:
        warnings.append("no instruction of the amendment could be read")
    paragraphs = tuple(
        Paragraph(f"AM{n}", "operative", None, "", text) for n, text in enumerate(instructions, 1)
    )
    return _document(
        header,
        words=words,
        lines=lines[: _line_count(body[: at + 2])],
        source=source,
        lang=lang,
        symbol=header.symbol,
        session=_session_of(header.symbol),
        title=title,
        opening=None,
        closing=None,
        paragraphs=paragraphs,
        footnotes=footnotes,
        furniture=furniture,
        warnings=warnings,
        amendments=amendments,
    )


def _lines_of(blocks: Sequence[Block]) -> list[str]:
    """The lines of header blocks, an empty line between two blocks."""
    lines: list[str] = []
    for block in blocks:
        lines.extend([*(plain_text(line) for line in block.text.splitlines()), ""])
    return lines


def _draft_title(lines: Sequence[str], header: Header) -> str | None:
    """A draft's title: the lines after its sponsors line."""
    if header.sponsors_at is None:
        return None
    rest = [line for line in lines[header.sponsors_at + 1 :] if line]
    return join_lines(rest) if rest else None


def _find(blocks: Iterable[Block], test: Callable[[str], bool]) -> int | None:
    for index, block in enumerate(blocks):
        if test(block.text):
            return index
    return None


def _find_opening(body: Sequence[Block], lang: Language, *, after: int | None) -> int | None:
    """The organ's opening line: right after the title, or anywhere if there is no title."""
    if after is not None:
        following = after + 1
        if following < len(body) and _looks_like_opening(body[following].text, lang):
            return following
        return None
    return _find(body, lambda text: lang.opening.match(plain_text(text)) is not None)


def _looks_like_opening(text: str, lang: Language) -> bool:
    plain = plain_text(text)
    if lang.opening.match(plain):
        return True
    return len(plain) <= 60 and len(plain.split()) <= 6 and plain[-1:] in ",،，"


def _annex_starts(units: Sequence[Block], lang: Language) -> list[int]:
    """Where each annex starts (its `Annex` line)."""
    return [
        i
        for i, unit in enumerate(units)
        if len(unit.text) < 200 and lang.annex.match(plain_text(unit.text))
    ]


def _closing(
    units: Sequence[Block], lang: Language, warnings: list[str]
) -> tuple[str | None, int, int]:
    """The closing line (`73rd plenary meeting / 19 December 2017`), looked for from the end:
    its text, and where it starts and ends in `units`. A date block after it (or, in
    Chinese, before it: `2017年12月19日 / 第73次全体会议`) belongs to it."""
    for index in range(len(units) - 1, -1, -1):
        plain = plain_text(units[index].text)
        if len(plain) < 120 and lang.closing.search(plain) and any(c.isdigit() for c in plain):
            if lang.operative.match(plain):
                continue
            end = index + 1
            if end < len(units) and _is_date_only(units[end].text, lang):
                plain = f"{plain} {plain_text(units[end].text)}"
                end += 1
            elif index > 0 and _is_date_only(units[index - 1].text, lang):
                index -= 1
                plain = f"{plain_text(units[index].text)} {plain}"
            if end < len(units):
                warnings.append(
                    f"the closing line ({plain!r}) stands before {len(units) - end} more "
                    "block(s) of text; they are read as paragraphs"
                )
            return plain, index, end
    return None, len(units), len(units)


def _is_date_only(text: str, lang: Language) -> bool:
    plain = plain_text(text)
    dates = find_dates(plain, lang)
    return len(dates) == 1 and dates[0].end - dates[0].start >= len(plain) - 2


def _annexes(
    units: Sequence[Block],
    starts: Sequence[int],
    lang: Language,
    known: set[str],
    warnings: list[str],
) -> tuple[Paragraph, ...]:
    """Each annex (from its start in `units`): a heading unit keyed `ANX` (`ANXII`) with the
    annex title, then its own paragraphs keyed under it (`ANX.OP1`)."""
    out: list[Paragraph] = []
    for number, (begin, end) in enumerate(pairwise([*starts, len(units)]), 1):
        label = plain_text(units[begin].text)
        match = lang.annex.match(label)
        numeral = (match["numeral"] if match and match["numeral"] else "") or (
            str(number) if len(starts) > 1 else ""
        )
        prefix = f"ANX{numeral}"
        body = list(units[begin + 1 : end])
        title_parts: list[str] = []
        while body and is_open(plain_text(body[0].text)) and not _opens_unit(body[0].text, lang):
            title_parts.append(plain_text(body.pop(0).text))
            if len(title_parts) == 3:
                break
        heading = Draft("heading", prefix, label, " ".join(title_parts))
        out.append(finish(heading, lang, known, label))
        for paragraph in read_paragraphs(body, lang, known, warnings, prefix=prefix, part=label):
            out.append(paragraph)
    return tuple(out)


def _opens_unit(text: str, lang: Language) -> bool:
    return bool(lang.operative.match(text) or lang.subitem.match(text))


def _unnumbered_operative(paragraphs: tuple[Paragraph, ...]) -> tuple[Paragraph, ...]:
    """A resolution with no numbered operative paragraph (`The General Assembly` /
    `Adopts the Declaration annexed …`): the paragraphs that end with a full stop, after
    the last that ends as a preambular paragraph does, are its operative paragraphs."""
    last_preambular = max(
        (
            i
            for i, p in enumerate(paragraphs)
            if p.kind == "preambular" and not p.text.endswith(".")
        ),
        default=-1,
    )
    out = list(paragraphs)
    number = 0
    for index in range(last_preambular + 1, len(out)):
        paragraph = out[index]
        if paragraph.kind != "preambular":
            continue
        number += 1
        out[index] = replace(paragraph, key=f"OP{number}", kind="operative")
    return tuple(out) if number else paragraphs


def _session_of(symbol: str | None) -> int | None:
    match = re.search(r"/(\d{2,3})/", symbol or "")
    return int(match[1]) if match else None


def _footnotes(blocks: Iterable[Block], warnings: list[str]) -> tuple[Footnote, ...]:
    found: dict[str, Footnote] = {}
    for block in blocks:
        marker = block.marker or ""
        if not marker:
            warnings.append(
                f"text under a footnote rule that no number opens: {plain_text(block.text)[:60]!r}"
            )
            continue
        if marker in found:
            warnings.append(f"footnote {marker} is printed twice; the first is kept")
            continue
        found[marker] = Footnote(f"FN{marker}", marker, plain_text(block.text))
    numbers = sorted(int(m) for m in found if m.isdigit())
    missing = sorted(set(range(1, numbers[-1] + 1)) - set(numbers)) if numbers else []
    if missing:
        warnings.append(f"footnote numbers missing: {', '.join(map(str, missing[:10]))}")
    return tuple(
        sorted(
            found.values(),
            key=lambda f: (f.marker.isdigit(), int(f.marker) if f.marker.isdigit() else 0),
        )
    )


def _check_citations(
    paragraphs: Sequence[Paragraph], footnotes: Sequence[Footnote], warnings: list[str]
) -> None:
    cited = {key for paragraph in paragraphs for key in paragraph.footnotes}
    uncited = [f.key for f in footnotes if f.marker.isdigit() and f.key not in cited]
    if uncited:
        warnings.append(f"footnotes no paragraph cites: {', '.join(uncited[:10])}")
