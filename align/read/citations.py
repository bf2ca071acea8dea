"""Footnote calls that an extractor wrote as plain digits (`Development, 1 and`).

resalign's own readers write a call as a superscript (`Development,¹ and`); PyMuPDF and
`pdftotext` lose the raised position and leave the digits in the line, beside numbers
that are no calls at all (`resolution 64/293 of 30 July 2010`, `1999 (No. 182)`, the
decimals of `1.5 degrees`), or glue them to a year (`Declarations of 20172 and`). What
tells them apart is the order: UN footnotes are numbered in the order of their first
call, so a number is a first call only when it is the next footnote number; a repeat
call must stand glued to the word or punctuation before it. Numbers after a word that
counts things (`resolution`, `paragraph`, `No.`), or before a month, are never calls.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from functools import cache
from typing import NamedTuple

from resalign.align.languages import LANGUAGES
from resalign.align.model import SUPERSCRIPT_DIGITS, TO_ASCII_DIGITS, TO_SUPERSCRIPT
from resalign.align.patterns import lazy

_RUN = lazy(rf"\d+|[{SUPERSCRIPT_DIGITS}]+")
"""A run of digits: where every call, and every number that is none, stands."""
_BEFORE = lazy(r"[^\W\d_]|[,.;:)”’»\]]")
"""What a call may follow (with up to two spaces between): a letter or closing punctuation."""
_DIGIT = lazy(r"\d")
_GAP = 2
"""Spaces an extractor may put between a call and the word before it."""


class _Candidate(NamedTuple):
    """A run of digits that may be a call."""

    start: int
    """Where the call would go: after the word or punctuation before it."""
    number: str
    end: int
    before: str
    """The character before the run (and its spaces); empty for a call glued to a year."""
    space: str


_COUNTING_WORDS = frozenset(
    [
        "resolution",
        "resolutions",
        "decision",
        "decisions",
        "paragraph",
        "paragraphs",
        "para",
        "paras",
        "no",
        "nos",
        "vol",
        "vols",
        "article",
        "articles",
        "chapter",
        "chapters",
        "annex",
        "annexes",
        "section",
        "sections",
        "part",
        "rule",
        "rules",
        "principle",
        "item",
        "items",
        "goal",
        "goals",
        "target",
        "targets",
        "page",
        "pages",
        "table",
        "figure",
        "box",
        "option",
        "phase",
        "level",
        "grade",
        "class",
        "number",
        "numbers",
        "of",
        "and",
        "to",
        "from",
        "than",
        "by",
        "at",
        "in",
        "on",
        "with",
        "under",
        "between",
        "about",
        "over",
        "least",
        "the",
        "its",
        "their",
        "his",
        "her",
        "some",
        "all",
        "each",
        "every",
        "per",
        "resolución",
        "resoluciones",
        "decisión",
        "párrafo",
        "párrafos",
        "núm",
        "art",
        "artículo",
        "capítulo",
        "anexo",
        "objetivo",
        "meta",
        "de",
        "del",
        "y",
        "a",
        "en",
        "el",
        "la",
        "los",
        "las",
        "al",
        "résolution",
        "résolutions",
        "paragraphe",
        "paragraphes",
        "chapitre",
        "annexe",
        "objectif",
        "cible",
        "du",
        "des",
        "et",
        "à",
        "le",
        "les",
        "au",
        "aux",
        "резолюция",
        "резолюции",
        "резолюций",
        "пункт",
        "пункта",
        "пунктов",
        "статья",
        "статьи",
        "глава",
        "приложение",
        "цель",
        "задача",
        "и",
        "в",
        "на",
        "от",
        "до",
        "с",
        "по",
    ]
)
"""Words after which a number counts something (`resolution 70`, `paragraph 8`, `of 30`)."""
_WORD_BEFORE = lazy(r"([^\W\d_]+)\.?\s*$")


@cache
def _months() -> re.Pattern[str]:
    names = {name for lang in LANGUAGES.values() for month in lang.months for name in month}
    alternation = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(
        rf"\s*(?:{alternation}|per cent|%|por ciento|pour cent|million|billion|trillion)",
        re.IGNORECASE,
    )


def mark_citations(texts: Sequence[str], known: Iterable[str]) -> list[str]:
    """The texts with plain-digit footnote calls written as superscripts."""
    numbers = {int(marker) for marker in known if marker.isdigit()}
    if not numbers:
        return list(texts)
    seen = 0
    out = []
    for text in texts:
        pieces: list[str] = []
        position = 0
        for candidate in _candidates(text):
            number = int(candidate.number.translate(TO_ASCII_DIGITS))
            if not candidate.before:  # `20172`: PyMuPDF glues a call to the year before it
                if number in numbers and number == seen + 1:
                    pieces.append(text[position : candidate.start])
                    pieces.append(candidate.number.translate(TO_SUPERSCRIPT))
                    position, seen = candidate.end, number
                continue
            superscript = candidate.number[0] in SUPERSCRIPT_DIGITS
            if number not in numbers:
                continue
            if not superscript and not _is_call(text, candidate, number, seen):
                continue
            seen = max(seen, number)
            if not superscript:
                pieces.append(text[position : candidate.start])
                pieces.append(candidate.number.translate(TO_SUPERSCRIPT))
                position = candidate.end
        pieces.append(text[position:])
        out.append("".join(pieces))
    return out


def _candidates(text: str) -> Iterator[_Candidate]:
    """Each run of digits that stands where a call can: after a letter or punctuation
    (or a number and a space), up to two spaces between, and before white space or
    punctuation that is no decimal point; or glued to a year (`20172`). The runs a
    candidate takes its `before` from are not looked at again."""
    taken = 0
    for run in _RUN.finditer(text):
        start, end = run.span()
        raw = run.group()
        if not _ends_where_a_call_can(text, end):
            continue
        spaces = 0
        while spaces < _GAP and start - spaces > 0 and text[start - spaces - 1] == " ":
            spaces += 1
        at = start - spaces - 1
        superscript = raw[0] in SUPERSCRIPT_DIGITS
        if not superscript and not spaces and _in_a_number(text, start, len(raw)):
            continue
        if (
            at >= taken
            and (superscript or len(raw) <= 3)
            and (
                _BEFORE.match(text, at, at + 1)
                or (spaces and _DIGIT.match(text, at, at + 1) is not None)
            )
        ):
            yield _Candidate(at + 1, raw, end, text[at], text[at + 1 : start])
            taken = end
        elif (
            not superscript
            and len(raw) in (5, 6)
            and raw[:2] in ("19", "20")
            and (start == 0 or text[start - 1] != "/")
        ):
            yield _Candidate(start + 4, raw[4:], end, "", "")
            taken = end


def _in_a_number(text: str, start: int, digits: int) -> bool:
    """The run at `start` goes on a number or a symbol, not a call glued to it: the digits
    after a decimal point (`1.5`, `12.20`, `A-32/4.4`) or a thousands comma (`1,500`), or
    after the full stop of a symbol's part (`1/CP.21`, `A/78/5/Add.1`). After a year or a
    symbol and a comma (`2008,140`, `5/14,118`) the digits may be a call."""
    if start < 2 or text[start - 1] not in ".,":
        return False
    before = text[start - 2]
    token = text[max(0, start - 41) : start - 1].rsplit(None, 1)[-1:]
    if text[start - 1] == ".":
        return before.isdigit() or (before.isalpha() and bool(token) and "/" in token[0])
    head = len(token[0]) - len(token[0].rstrip("0123456789")) if token else 0
    return digits == 3 and 0 < head <= 3 and head == len(token[0])


def _ends_where_a_call_can(text: str, end: int) -> bool:
    """Before white space, the end, or punctuation that is no decimal point (`16.2`)."""
    follows = text[end : end + 1]
    if not follows or follows.isspace():
        return True
    return follows in ",;:.)" and _DIGIT.match(text, end + 1) is None


def _is_call(text: str, candidate: _Candidate, number: int, seen: int) -> bool:
    first_call = seen < number <= seen + 2
    glued = not candidate.space
    if not first_call and not (number <= seen and glued):
        return False
    if _months().match(text, candidate.end):
        return False
    after = text[candidate.end :].lstrip()[:1]
    before = candidate.before
    if before == "." and candidate.space and after.isupper():
        return True  # `Paris Principles. 13 We will`: a call at the end of a sentence
    if before.isalpha() or (before == "." and candidate.space):
        word = _WORD_BEFORE.search(text, 0, candidate.start)
        if word and word[1].lower() in _COUNTING_WORDS:
            return False
    return True
