"""Reader for text extracted from a UN PDF (by resalign's PDF reader, PyMuPDF,
`pdftotext` with or without `-layout`, or a copy and paste).

Bytes are decoded (UTF-8, or UTF-8/16/32 with a byte-order mark, or the encoding the user
names); `pages` sorts the lines into body, footnotes and furniture; body lines are grouped
into blocks at blank lines, at lines that open a unit, and — where the extractor kept no
blank lines — at first-line indents or sentence ends; hyphenation at line ends is mended.
Italics between asterisks (`*Recalling*`) are marked as every reader's blocks mark them.
The structure builder does the rest.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from itertools import pairwise

from resalign.align.errors import ReadError
from resalign.align.languages import Language, detect
from resalign.align.model import TO_ASCII_DIGITS, Document
from resalign.align.patterns import lazy
from resalign.align.read.blocks import (
    CLOSERS,
    EMPHASIS,
    SUPERSCRIPT_RUN,
    TERMINAL,
    Block,
    guarded,
    is_open,
    join_lines,
    join_text,
    marked,
    strip_end,
)
from resalign.align.read.header import symbol_at_end
from resalign.align.read.pages import (
    FURNITURE,
    PAGE_END,
    PAGE_TURN,
    RULE,
    Layout,
    Line,
    Printed,
    lay_out,
)
from resalign.align.read.structure import SECTION_NUMERAL, TITLE, build_document

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = lazy(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FOOTNOTE = lazy(rf"^(?P<marker>{SUPERSCRIPT_RUN})\s*(?P<text>\S.*)$")
_ARABIC_FOOTNOTE = lazy(r"^\((?P<marker>\d{1,3})\)\s*(?P<text>\S.*)$")
_STAR_NOTE = lazy(r"^(?P<marker>\*{1,3})\s+(?P<text>\S.*)$")
"""A draft's note on its sponsors (`* Any changes to the list of sponsors…`) where no rule
sets it apart; an emphasis mark never has a space after it."""
_LABEL_IN_ITALICS = lazy(rf"^(\d+)([*{EMPHASIS}])([.\-–])\s", re.MULTILINE)
"""`34*. Further urges*`: the italics of the lead began at the label's full stop."""
_EMPHASIZED = lazy(
    r"\*(?<![\w*]\*)(?=[\w“‘\x22(\[])(?!\d{6,}\*)"  # an opening asterisk
    r"((?:[^*\n]|\n(?![ \t]*\n))*?)"  # the stretch, over lines but no blank one
    r"(?<=[^\s*])\*(?![\w*])"  # a closing asterisk
)
"""A stretch between asterisks, as extracted text marks italics (`*Treaty Series*`): an
asterisk opens one before a word or an opening quote or bracket, closes one after what
is no space, and never stands inside a word (`A/79/L.5*`, `5 * 3`, `(*)` are the text's
own); digits alone between them are a barcode (`*2520345*`)."""
_TITLE_NUMBER = lazy(r"^\d{2,3}/\d{1,4}\s*\.$")
_TITLE_START = lazy(r"^\d{2,3}/\d{1,4}\s*[.\-–](?:\s|$)")
_LEAD_FORM = lazy(
    r"^[A-ZÀ-Ý][a-zà-ÿ]+(?:ing|ed|ful|ous|nt|ware)\b|^(?:Deeply|Gravely|Having|Noting)\b"
)


def decode(data: bytes, source: str, encoding: str | None = None) -> str:
    """Text from bytes; a `ReadError` that says what to do when they are not text."""
    if encoding is not None:
        try:
            return data.decode(encoding)
        except LookupError:
            raise ReadError(f"{source}: unknown encoding {encoding!r}") from None
        except UnicodeDecodeError as error:
            raise ReadError(
                f"{source}: cannot be decoded as {encoding} (byte {error.start})"
            ) from None
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                raise ReadError(
                    f"{source}: has a {codec} byte-order mark but is not {codec}"
                ) from None
    if b"\x00" in data[:8192]:
        raise ReadError(f"{source}: looks like a binary file, not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise ReadError(
            f"{source}: is not UTF-8 (byte 0x{data[error.start]:02x} at offset {error.start}); "
            "name its encoding with --encoding (for example --encoding cp1252)"
        ) from None


def read_text(
    data: bytes, *, source: str, lang: Language | None = None, encoding: str | None = None
) -> Document:
    """A Document from the bytes of an extracted-text resolution."""
    return parse_text(decode(data, source, encoding), source=source, lang=lang)


def parse_text(
    text: str,
    *,
    source: str = "<text>",
    lang: Language | None = None,
) -> Document:
    """A Document from extracted text: page breaks where it has form feeds, blocks set
    apart by blank lines where it keeps them (see `pages` and `_body_blocks`)."""
    if not text.strip():
        raise ReadError(f"{source}: is empty")
    _refuse_controls(text, source)
    text = unicodedata.normalize("NFC", guarded(text)).replace("\r\n", "\n").replace("\r", "\n")
    text = _EMPHASIZED.sub(rf"{EMPHASIS}\1{EMPHASIS}", _LABEL_IN_ITALICS.sub(r"\1\3 \2", text))
    lines: list[str] = []
    breaks: set[int] = set()
    for raw in text.split("\n"):
        if "\f" in raw:  # a page break: also the end of a block
            breaks.add(len(lines))
            lines.append("")
        lines.append(raw.replace("\f", "").rstrip())
    areas = {index for index, line in enumerate(lines) if RULE.match(line.strip())}
    return _parsed(
        text, lines, breaks, areas, source=source, lang=lang, calls_marked=False, furniture=()
    )


def parse_printed(
    pages: Sequence[Sequence[Printed]],
    *,
    source: str,
    lang: Language | None = None,
    furniture: Sequence[Printed] = (),
) -> Document:
    """A Document from the lines a PDF reader placed, page by page, every footnote call
    among them raised (see `build_document`'s `calls_marked`); `furniture`, what the
    reader already took out as page furniture (for `--furniture`)."""
    lines: list[str] = []
    breaks: set[int] = set()
    areas: set[int] = set()
    for number, page in enumerate(pages):
        if number:  # as a page break in extracted text ends a block
            breaks.add(len(lines))
            lines += ["", ""]
        if not page:  # a page without text still stands between its neighbours
            lines.append("")
        for line in page:
            if line.opens:
                lines.append("")
            if line.rule:
                areas.add(len(lines))
            lines.append(unicodedata.normalize("NFC", marked(line.runs)).rstrip())
    if not any(lines):
        raise ReadError(f"{source}: is empty")
    text = "\n".join(lines)
    _refuse_controls(text, source)
    dropped = [marked(line.runs) for line in furniture]
    return _parsed(
        text, lines, breaks, areas, source=source, lang=lang, calls_marked=True, furniture=dropped
    )


def _parsed(
    text: str,
    lines: list[str],
    breaks: set[int],
    areas: set[int],
    *,
    source: str,
    lang: Language | None,
    calls_marked: bool,
    furniture: Sequence[str],
) -> Document:
    """The Document of `lines`, the lines of `text`; `breaks` and `areas`, the indices of
    the page breaks among them and of the lines that open a footnote area."""
    lang = lang or detect(text)
    lines = _title_on_one_line(lines, lang)
    head, layout = _header_and_layout(lines, breaks, areas, lang)
    blocks = head + _body_blocks(layout, lang) + _note_blocks(layout)
    return build_document(
        blocks,
        source=source,
        lang=lang,
        furniture=(*furniture, *layout.furniture),
        calls_marked=calls_marked,
    )


def _refuse_controls(text: str, source: str) -> None:
    if _CONTROL.search(text[:8192]):
        raise ReadError(f"{source}: contains control characters; it looks binary, not text")


def _title_on_one_line(lines: list[str], lang: Language) -> list[str]:
    """The title on one line, as every extractor can give it: `78/228.` written apart
    from the title (`pdftotext`), and a long title wrapped over two or three lines (a
    line that ends in a comma goes on: `… Prohibition of the Use,` / `Stockpiling, …`)."""
    at = next((i for i, line in enumerate(lines[:300]) if _TITLE_START.match(line.strip())), None)
    if at is None:
        return lines
    title = lines[at].strip()
    end = at + 1
    while end < len(lines) and end - at <= 4:
        following = lines[end].strip()
        if not following and not _TITLE_NUMBER.match(title):
            break
        if following:
            if lang.opening.match(_unmarked(following)) or not (
                _TITLE_NUMBER.match(title) or is_open(title) or title.endswith(",")
            ):
                break
            title = join_text(title, following)
        end += 1
    return [*lines[:at], title, *([""] * (end - at - 1)), *lines[end:]]


def _header_and_layout(
    lines: list[str], breaks: set[int], areas: set[int], lang: Language
) -> tuple[list[Block], Layout]:
    """Header blocks (a line each, furniture shapes left out) and the layout of the rest.

    The header ends at the title line (`78/228. Title`); for a draft, which has none, at
    the organ's opening (`The General Assembly,`); for an amendment, which has neither,
    at the title under its sponsors line."""
    stripped = [line.strip() for line in lines]
    plain = [_unmarked(line) for line in stripped]
    title_at = next((i for i, line in enumerate(stripped) if TITLE.match(line)), None)
    found = TITLE.match(stripped[title_at]) if title_at is not None else None
    title = found["title"] if found is not None else None
    if title_at is None:
        title_at = next((i for i, line in enumerate(plain) if lang.opening.match(line)), None)
    if title_at is None:
        sponsors = next(
            (i for i, line in enumerate(plain[:120]) if lang.sponsors.match(line)), None
        )
        if sponsors is not None:
            title_at = next((i for i in range(sponsors + 1, len(plain)) if plain[i]), sponsors)
    end = title_at + 1 if title_at is not None else 0
    head_lines = stripped[:end]
    symbol = _masthead_symbol(head_lines)
    furniture = [line for line in head_lines if FURNITURE.match(line)]
    head = _header_blocks([line for line in head_lines if not FURNITURE.match(line)])
    layout = lay_out(lines, breaks, areas, title=title, symbol=symbol, start=end)
    layout.furniture[:0] = furniture
    return head, layout


def _header_blocks(lines: list[str]) -> list[Block]:
    """The header's lines grouped at blank lines (a sponsors list stays together); the last
    line — the title or the opening — a block of its own."""
    if not lines:
        return []
    blocks: list[Block] = []
    group: list[str] = []
    for line in lines[:-1]:
        if line:
            group.append(line)
        elif group:
            blocks.append(Block("\n".join(group)))
            group = []
    if group:
        blocks.append(Block("\n".join(group)))
    return [*blocks, Block(lines[-1])]


def _masthead_symbol(head: list[str]) -> str | None:
    """The document's symbol from its masthead (`United Nations   A/RES/78/228`)."""
    return next((symbol for line in head[:30] if (symbol := symbol_at_end(line))), None)


def _body_blocks(layout: Layout, lang: Language) -> list[Block]:
    """Body lines grouped into blocks: at blank lines, page ends and footnote areas; at a
    line that opens a unit (an operative number, a sub-item letter, a section numeral);
    and, for text that keeps no blank line between paragraphs, at a first-line indent
    (`pdftotext -layout`) or where a line ends a sentence short of the measure and the
    next opens with a capital."""
    lines = [line for line in layout.body if isinstance(line, Line)]
    if not lines:
        return []
    indented = sum(1 for line in lines if line.indent >= 4) > 0.25 * len(lines)
    dense = not indented and _keeps_no_blank_lines(layout)
    margins = _margins(lines) if indented else {}
    measures = _measures(lines)
    blocks: list[Block] = []
    current: list[Line] = []
    after_page = opened_after_page = False

    def flush() -> None:
        if current:
            block = _block([line.text for line in current], lang)
            # `-layout` keeps the indent a new paragraph opens with: a page that opens at
            # the margin goes on with the paragraph the page before ended in.
            first = current[0]
            if (
                indented
                and opened_after_page
                and block.kind == "body"
                and not _starts_unit(first.text, lang)
                and first.indent <= margins[first.page] + 1
            ):
                block = block._replace(continues=True)
            elif blocks and blocks[-1].kind == "body" and not opened_after_page:
                # (footnotes among the body lines stand where a page ended)
                block = block._replace(same_page=True)
            blocks.append(block)
            current.clear()

    for line in layout.body:
        if line == PAGE_TURN:
            after_page = True
            continue
        if not isinstance(line, Line):
            flush()
            after_page = after_page or line == PAGE_END
            continue
        if current and not _is_label_only(current[-1].text, lang):
            previous = current[-1]
            if (
                _starts_unit(line.text, lang, previous.text)
                or (indented and line.indent >= min(margins[line.page], previous.indent) + 3)
                or _ends_paragraph(previous, line, measures[line.page], strict=not dense)
            ):
                flush()
        if not current:
            opened_after_page, after_page = after_page, False
        current.append(line)
        if _stands_alone(line.text, lang):
            flush()
    flush()
    return blocks


def _keeps_no_blank_lines(layout: Layout) -> bool:
    """Paragraph ends are not followed by a blank line (`pdftotext` without `-layout`):
    more lines that end a sentence go straight on to a capital than to a blank line."""
    to_blank = to_capital = 0
    for before, after in pairwise(layout.body):
        if not isinstance(before, Line) or not _ends_sentence(before.text):
            continue
        if after is None:
            to_blank += 1
        elif isinstance(after, Line) and after.text[:1].isupper():
            to_capital += 1
    return to_capital > to_blank


def _ends_sentence(text: str) -> bool:
    if text[-1:] in TERMINAL:  # the common case, without the regular expression
        return bool(text)
    tail = strip_end(text, CLOSERS, digits=True)
    return bool(tail) and tail[-1] in TERMINAL


def _margins(lines: list[Line]) -> dict[int, int]:
    """Per page, the indent of the lines that run the full measure."""
    counts: dict[int, Counter[int]] = {}
    for line in lines:
        if len(line.text) >= 50:
            counts.setdefault(line.page, Counter())[line.indent] += 1
    fallback = min((line.indent for line in lines), default=0)
    return {
        page: (counts[page].most_common(1)[0][0] if page in counts else fallback)
        for page in {line.page for line in lines}
    }


def _measures(lines: list[Line]) -> dict[int, int]:
    """Per page, the length of a full line (the ninth decile)."""
    lengths: dict[int, list[int]] = {}
    for line in lines:
        lengths.setdefault(line.page, []).append(len(line.text))
    return {page: sorted(values)[int(0.9 * (len(values) - 1))] for page, values in lengths.items()}


def _ends_paragraph(previous: Line, line: Line, measure: int, *, strict: bool) -> bool:
    """`previous` closes a paragraph and `line` opens one, where no blank line says so:
    `previous` ends a sentence short of the full measure, or `line` opens with the form
    a preambular paragraph opens with (`Reaffirming`); `strict` asks for both (text that
    keeps blank lines between paragraphs and lost one)."""
    if not _ends_sentence(previous.text) or not line.text[:1].isupper():
        return False
    short = len(previous.text) < 0.8 * measure
    lead = _LEAD_FORM.match(line.text) is not None
    return (short and lead) if strict else (short or lead)


def _is_label_only(text: str, lang: Language) -> bool:
    """A line that holds only a label (`(a)`, `1.`): its text is on the next line."""
    return bool(lang.subitem.fullmatch(text + " ") or lang.operative.fullmatch(text + " "))


def _starts_unit(line: str, lang: Language, previous: str | None = None) -> bool:
    """A line that opens a new block even without a blank line before it. A sub-item
    label opens one only after a line that ends a clause: a line that a wrap happens to
    begin with a letter (`… l'article 5` / `a) de la Convention`) goes on with its
    paragraph."""
    if lang.subitem.match(line):
        return previous is None or _ends_sentence(previous)
    return bool(
        _FOOTNOTE.match(line)
        or lang.operative.match(line)
        or SECTION_NUMERAL.match(line)
        or _stands_alone(line, lang)
        or _is_closing_line(line, lang)
        or (lang.inline_marker is not None and _ARABIC_FOOTNOTE.match(line))
    )


def _stands_alone(line: str, lang: Language) -> bool:
    """`Annex` and the organ's opening (`The General Assembly,`) are blocks of their own."""
    if len(line) > 100:
        return False
    plain = _unmarked(line).strip()
    return bool(lang.annex.match(plain) or lang.opening.match(plain))


def _is_closing_line(line: str, lang: Language) -> bool:
    """`69th plenary meeting`, `第73次全体会议`, `الجلسة العامة 73`: short, with its number."""
    if len(line) >= 80:
        return False
    plain = _unmarked(line).strip()
    numbered = plain[:1].isdigit() or plain.startswith("第") or plain[-1:].isdigit()
    return len(plain) < 60 and numbered and lang.closing.search(plain) is not None


def _unmarked(line: str) -> str:
    """A line without emphasis marks or asterisks, to tell what it is."""
    return line.replace(EMPHASIS, "").replace("*", "")


def _block(lines: list[str], lang: Language) -> Block:
    text = join_lines([_LABEL_IN_ITALICS.sub(r"\1\3 \2", lines[0]), *lines[1:]])
    if match := _FOOTNOTE.match(text):
        return Block(match["text"], "footnote", match["marker"].translate(TO_ASCII_DIGITS))
    if match := _STAR_NOTE.match(text):
        return Block(match["text"], "footnote", match["marker"])
    if lang.inline_marker is not None and (match := _ARABIC_FOOTNOTE.match(text)):
        return Block(match["text"], "footnote", match["marker"])
    return Block(text)


def _note_blocks(layout: Layout) -> list[Block]:
    """The footnotes found under the rules; text there that no number opens is kept as a
    footnote without a number (the structure builder warns about it)."""
    return [
        Block(join_lines(list(note.lines)), "footnote", note.marker)
        for note in layout.notes
        if note.lines
    ]
