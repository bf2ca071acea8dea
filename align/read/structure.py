"""From blocks to a `Document`: the structure logic every reader shares.

The header is what comes before the title line (`72/195. Title`); the body runs from the
opening (`La Asamblea General,`) to the closing (`73ª sesión plenaria`). In the body, a
block is a new operative paragraph when it starts with the next operative number, a
sub-item when it starts with the next sub-item letter, the second half of the paragraph
before it when that paragraph stopped without closing punctuation (a page end cut it),
and otherwise a preambular paragraph — until the first operative paragraph.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from align.dates import find_dates
from align.errors import NotAResolutionError
from align.languages import LATIN_LETTERS, Language, detect
from align.model import Document, Footnote, FootnoteRef, Kind, Paragraph
from align.read.blocks import (
    SUPERSCRIPT_RUN,
    TO_ASCII_DIGITS,
    Block,
    is_open,
    join_text,
)

TITLE = re.compile(r"^(?P<session>\d{2,3})/(?P<number>\d{1,4})\s*[.\-–]\s*(?P<title>\S.*)$")
SYMBOL_LINE = re.compile(r"^(?P<symbol>[A-Z]{1,2}/RES/[\w./-]+)$")
REPORT = re.compile(r"\((?P<symbol>[A-Z]{1,2}/[\w./-]+)\)")
_MARKERS = re.compile(rf"{SUPERSCRIPT_RUN}(?:,{SUPERSCRIPT_RUN})*")
_WHITESPACE = re.compile(r"\s{2,}|[^\S ]")
_FIRST_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_NEXT_WORD = re.compile(r"\s+[^\W\d_]+")


@dataclass(frozen=True, slots=True)
class Header:
    """What the lines before the title say."""

    symbol: str | None = None
    agenda_item: str | None = None
    adopted: str | None = None
    report: str | None = None


def build_document(
    blocks: Sequence[Block], *, source: str, lang: Language | None = None
) -> Document:
    """Read the structure of a resolution out of a reader's blocks."""
    body = [block for block in blocks if block.kind == "body"]
    lang = lang or detect("\n".join(block.text for block in body))
    title_at = _find(body, lambda text: TITLE.match(text) is not None)
    opening_at = _find_opening(body, lang, after=title_at)
    if title_at is None and opening_at is None:
        raise NotAResolutionError(
            f"{source}: not a resolution: no title line (such as '72/195. Title') "
            "and no opening (such as 'The General Assembly,')"
        )
    start = title_at if title_at is not None else opening_at
    assert start is not None
    header = _read_header(body[:start], lang)
    title_match = TITLE.match(body[title_at].text) if title_at is not None else None
    body_start = (opening_at if opening_at is not None else start) + 1
    closing_at = _find(
        body[body_start:], lambda text: len(text) < 200 and lang.closing.search(text) is not None
    )
    body_end = len(body) if closing_at is None else body_start + closing_at
    footnotes = _footnotes(block for block in blocks if block.kind == "footnote")
    known = {footnote.marker for footnote in footnotes}
    paragraphs = _paragraphs([block.text for block in body[body_start:body_end]], lang, known)
    if not paragraphs:
        raise NotAResolutionError(f"{source}: not a resolution: no paragraphs after the title")
    session = int(title_match["session"]) if title_match else _session_of(header.symbol)
    symbol = header.symbol or (
        f"A/RES/{title_match['session']}/{title_match['number']}" if title_match else None
    )
    return Document(
        source=source,
        language=lang.code,
        symbol=symbol,
        session=session,
        agenda_item=header.agenda_item,
        adopted=header.adopted,
        report=header.report,
        title=_plain(title_match["title"]) if title_match else None,
        opening=_plain(body[opening_at].text) if opening_at is not None else None,
        closing=_plain(body[body_end].text) if closing_at is not None else None,
        paragraphs=paragraphs,
        footnotes=footnotes,
    )


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
    return _find(body, lambda text: lang.opening.match(_plain(text)) is not None)


def _looks_like_opening(text: str, lang: Language) -> bool:
    plain = _plain(text)
    if lang.opening.match(plain):
        return True
    return len(plain) <= 60 and len(plain.split()) <= 6 and plain[-1:] in ",،，"


def _read_header(blocks: Sequence[Block], lang: Language) -> Header:
    symbol = agenda_item = adopted = report = None
    for line in (line.strip() for block in blocks for line in block.text.splitlines()):
        if symbol is None and (match := SYMBOL_LINE.match(line)):
            symbol = match["symbol"]
        elif agenda_item is None and (match := lang.agenda_item.search(line)):
            agenda_item = match["item"]
        elif adopted is None and lang.adopted.search(line) and (dates := find_dates(line, lang)):
            adopted = dates[0].iso
        elif report is None and line.startswith("[") and (match := REPORT.search(line)):
            report = match["symbol"]
    return Header(symbol, agenda_item, adopted, report)


def _session_of(symbol: str | None) -> int | None:
    match = re.search(r"/(\d{2,3})/", symbol or "")
    return int(match[1]) if match else None


def _plain(text: str) -> str:
    """Text without emphasis marks, on one line."""
    return _WHITESPACE.sub(" ", text.replace("*", "")).strip()


def _footnotes(blocks: Iterable[Block]) -> tuple[Footnote, ...]:
    found: dict[str, Footnote] = {}
    for block in blocks:
        assert block.marker is not None
        if block.marker not in found:
            found[block.marker] = Footnote(f"FN{block.marker}", block.marker, _plain(block.text))
    return tuple(sorted(found.values(), key=lambda footnote: int(footnote.marker)))


@dataclass
class _Draft:
    """A paragraph being assembled from one or more blocks."""

    kind: Kind
    key: str
    label: str | None
    raw: str
    parent: str | None = None
    children: int = 0
    """Sub-items found so far under this paragraph."""


def _paragraphs(texts: Sequence[str], lang: Language, known: set[str]) -> tuple[Paragraph, ...]:
    drafts: list[_Draft] = []
    preambular = operative = 0
    parent: _Draft | None = None
    for text in texts:
        previous = drafts[-1] if drafts else None
        op = lang.operative.match(text)
        sub = lang.subitem.match(text)
        if op and int(op["number"]) > operative:
            operative = int(op["number"])
            parent = _Draft("operative", f"OP{operative}", op["label"], text[op.end() :])
            drafts.append(parent)
        elif sub and parent is not None and _letter_index(sub["letter"], lang) == parent.children:
            parent.children += 1
            key = f"{parent.key}({LATIN_LETTERS[parent.children - 1]})"
            drafts.append(_Draft("subitem", key, sub["label"], text[sub.end() :], parent.key))
        elif previous is not None and (is_open(previous.raw) or operative):
            previous.raw = join_text(previous.raw, text)
        else:
            preambular += 1
            parent = _Draft("preambular", f"PP{preambular}", None, text)
            drafts.append(parent)
    return tuple(_finish(draft, lang, known) for draft in drafts)


def _letter_index(letter: str, lang: Language) -> int:
    letters = list(lang.letters)
    return letters.index(letter) if letter in letters else -1


def _finish(draft: _Draft, lang: Language, known: set[str]) -> Paragraph:
    text, refs = clean_text(draft.raw, lang, known)
    return Paragraph(
        key=draft.key,
        kind=draft.kind,
        label=draft.label,
        lead=lead_words(draft.raw, lang),
        text=text,
        refs=refs,
        parent=draft.parent,
    )


def clean_text(raw: str, lang: Language, known: set[str]) -> tuple[str, tuple[FootnoteRef, ...]]:
    """Drop emphasis marks and footnote markers; record where each marker stood.

    Only numbers of footnotes the document has count as markers, so a stray superscript
    (`m²`) stays in the text.
    """
    text = _WHITESPACE.sub(" ", raw.replace("*", "")).strip()
    patterns = [_MARKERS] + ([lang.inline_marker] if lang.inline_marker else [])
    out: list[str] = []
    refs: list[FootnoteRef] = []
    position = 0
    for match in sorted((m for rx in patterns for m in rx.finditer(text)), key=lambda m: m.start()):
        if match.start() < position:
            continue
        numbers = re.findall(r"\d+", match.group().translate(TO_ASCII_DIGITS))
        if not numbers or not all(number in known for number in numbers):
            continue
        out.append(text[position : match.start()])
        offset = sum(map(len, out))
        refs.extend(FootnoteRef(f"FN{number}", offset) for number in numbers)
        position = match.end()
    out.append(text[position:])
    return "".join(out), tuple(refs)


def lead_words(raw: str, lang: Language) -> str:
    """The words a paragraph opens with: the italic span, else the language's lead phrase."""
    text = raw[:400].lstrip()
    if text.startswith("*") and (end := text.find("*", 1)) > 1:
        return _plain(text[1:end])
    text = _plain(text)
    lead = _lead_phrase(text, lang)
    if lead is None:
        if lang.script == "han":
            return ""
        match = _FIRST_WORD.match(text)
        if not match:
            return ""
        lead = match.group()
        if lead in lang.lead_particles and (follow := _NEXT_WORD.match(text, len(lead))):
            lead += follow.group()
    rest = text[len(lead) :].lstrip()
    for extender in lang.lead_extenders:
        if _starts_with_word(rest, extender, lang):
            return f"{lead} {rest[: len(extender)]}"
    return lead


def _lead_phrase(text: str, lang: Language) -> str | None:
    match = _lead_phrases(lang).match(text)
    return match.group() if match else None


@cache
def _lead_phrases(lang: Language) -> re.Pattern[str]:
    """One pattern for all of a language's lead phrases, longest first."""
    phrases = sorted(lang.lead_phrases, key=len, reverse=True)
    boundary = "" if lang.script == "han" else r"(?!\w)"
    alternation = "|".join(re.escape(phrase) for phrase in phrases) or "(?!)"
    return re.compile(f"(?:{alternation}){boundary}", re.IGNORECASE)


def _starts_with_word(text: str, prefix: str, lang: Language) -> bool:
    """`text` opens with `prefix` (any case) as whole words; Chinese has no word breaks."""
    if text[: len(prefix)].lower() != prefix.lower():
        return False
    return lang.script == "han" or not text[len(prefix) : len(prefix) + 1].isalnum()
