"""Reader for text extracted from a UN PDF (what `pdftotext` or a copy-paste gives).

Bytes are decoded (UTF-8, or UTF-8/16/32 with a byte-order mark, or the encoding the user
names), page furniture is dropped, lines are grouped into blocks at blank lines and at
lines that open a footnote, an operative paragraph or a sub-item, and hyphenation at line
ends is mended. The structure builder does the rest.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from align.errors import ReadError
from align.languages import Language, detect
from align.model import Document
from align.read.blocks import SUPERSCRIPT_RUN, TO_ASCII_DIGITS, Block, join_text
from align.read.furniture import furniture_lines
from align.read.structure import TITLE, build_document

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
_FOOTNOTE = re.compile(rf"^(?P<marker>{SUPERSCRIPT_RUN})\s*(?P<text>\S.*)$")
_ARABIC_FOOTNOTE = re.compile(r"^\((?P<marker>\d{1,3})\)\s*(?P<text>\S.*)$")


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


def parse_text(text: str, *, source: str = "<text>", lang: Language | None = None) -> Document:
    """A Document from extracted text."""
    if not text.strip():
        raise ReadError(f"{source}: is empty")
    if _CONTROL.search(text[:8192]):
        raise ReadError(f"{source}: contains control characters; it looks binary, not text")
    text = unicodedata.normalize("NFC", text).replace("\r\n", "\n").replace("\r", "\n")
    lines: list[str] = []
    breaks: set[int] = set()
    for raw in text.split("\n"):
        if "\f" in raw:  # a page break: also the end of a block
            breaks.add(len(lines))
            lines.append("")
        lines.append(raw.replace("\f", "").strip())
    lang = lang or detect(text)
    return build_document(_blocks(lines, lang, breaks), source=source, lang=lang)


def _blocks(lines: list[str], lang: Language, breaks: set[int]) -> list[Block]:
    title_at = next((i for i, line in enumerate(lines) if TITLE.match(line)), 0)
    title = TITLE.match(lines[title_at])
    body = [line if index > title_at else "" for index, line in enumerate(lines)]
    furniture = furniture_lines(body, title["title"] if title else None, breaks)
    blocks: list[Block] = []
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(_block(current, lang))
            current.clear()

    for index, line in enumerate(lines):
        if index in furniture:
            continue
        if not line:
            flush()
            continue
        if current and (index <= title_at or _starts_unit(line, lang)):
            flush()
        current.append(line)
    flush()
    return blocks


def _starts_unit(line: str, lang: Language) -> bool:
    """A line that opens a new block even without a blank line before it."""
    return bool(
        _FOOTNOTE.match(line)
        or lang.operative.match(line)
        or lang.subitem.match(line)
        or (lang.inline_marker is not None and _ARABIC_FOOTNOTE.match(line))
    )


def _block(lines: list[str], lang: Language) -> Block:
    text = lines[0]
    for line in lines[1:]:
        text = join_text(text, line)
    if match := _FOOTNOTE.match(text):
        return Block(match["text"], "footnote", match["marker"].translate(TO_ASCII_DIGITS))
    if lang.inline_marker is not None and (match := _ARABIC_FOOTNOTE.match(text)):
        return Block(match["text"], "footnote", match["marker"])
    return Block(text)
