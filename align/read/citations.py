"""Footnote calls that an extractor wrote as plain digits (`Development, 1 and`).

resalign's own readers write a call as a superscript (`Development,¹ and`); PyMuPDF and
`pdftotext` lose the raised position and leave the digits in the line, beside numbers
that are no calls at all (`resolution 64/293 of 30 July 2010`, `1999 (No. 182)`), or glue
them to a year (`Declarations of 20172 and`). What
tells them apart is the order: UN footnotes are numbered in the order of their first
call, so a number is a first call only when it is the next footnote number; a repeat
call must stand glued to the word or punctuation before it. Numbers after a word that
counts things (`resolution`, `paragraph`, `No.`), or before a month, are never calls.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache

from align.languages import LANGUAGES
from align.read.blocks import SUPERSCRIPT_DIGITS, TO_ASCII_DIGITS, TO_SUPERSCRIPT

_CANDIDATE = re.compile(
    r"(?<![\d/])(?P<year>(?:19|20)\d\d)(?P<glued>\d{1,2})(?=\s|$|[,;:.)](?!\d))|"
    r"(?P<before>[^\W\d_]|[,.;:)”’»\]]|\d(?= ))(?P<space> {0,2})"
    rf"(?P<number>\d{{1,3}}|[{SUPERSCRIPT_DIGITS}]+)"
    r"(?=\s|$|[,;:.)](?!\d))"
)
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
_WORD_BEFORE = re.compile(r"([^\W\d_]+)\.?\s*$")


@cache
def _months() -> re.Pattern[str]:
    names = {name for lang in LANGUAGES.values() for month in lang.months for name in month}
    alternation = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    return re.compile(rf"\s*(?:{alternation}|per cent|%|por ciento|pour cent)", re.IGNORECASE)


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
        for match in _CANDIDATE.finditer(text):
            if match["year"]:  # `20172`: PyMuPDF glues a call to the year before it
                number = int(match["glued"])
                if number in numbers and number == seen + 1:
                    pieces.append(text[position : match.end("year")])
                    pieces.append(match["glued"].translate(TO_SUPERSCRIPT))
                    position = match.end("glued")
                    seen = number
                continue
            raw = match["number"]
            number = int(raw.translate(TO_ASCII_DIGITS))
            superscript = raw[0] in SUPERSCRIPT_DIGITS
            if number not in numbers:
                continue
            if not superscript and not _is_call(text, match, number, seen):
                continue
            seen = max(seen, number)
            if not superscript:
                pieces.append(text[position : match.start("space")])
                pieces.append(raw.translate(TO_SUPERSCRIPT))
                position = match.end("number")
        pieces.append(text[position:])
        out.append("".join(pieces))
    return out


def _is_call(text: str, match: re.Match[str], number: int, seen: int) -> bool:
    first_call = seen < number <= seen + 2
    glued = not match["space"]
    if not first_call and not (number <= seen and glued):
        return False
    if _months().match(text, match.end("number")):
        return False
    after = text[match.end("number") :].lstrip()[:1]
    if match["before"] == "." and match["space"] and after.isupper():
        return True  # `Paris Principles. 13 We will`: a call at the end of a sentence
    if match["before"].isalpha() or (match["before"] == "." and match["space"]):
        word = _WORD_BEFORE.search(text, 0, match.start("space"))
        if word and word[1].lower() in _COUNTING_WORDS:
            return False
    return True
