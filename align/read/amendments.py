"""The instructions of an amendment to a draft resolution, read as data.

    In the thirteenth preambular paragraph, replace “…” with “…”.
    After operative paragraph 5, insert a new paragraph reading: “…”
    Delete operative paragraph 7.

Each instruction names its target the way negotiators do — preambular paragraphs by
ordinal, operative paragraphs by number — and is keyed like the paragraphs of the draft
(`PP13`, `OP5`, `OP5(b)`), so it can be looked up there. English wording is understood;
in other languages the target is kept as printed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from resalign.align.model import Amendment
from resalign.align.patterns import lazy

_UNITS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth"]
_TEENS = [
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_TENS = ["twent", "thirt", "fort", "fift", "sixt", "sevent", "eight", "ninet"]
_CARDINAL_UNITS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
_ORDINAL = lazy(r"\b(?P<ordinal>(?:[a-z]+-)?[a-z]+(?:st|nd|rd|th))\s+preambular paragraph", re.I)
_OPERATIVE = lazy(r"\boperative paragraph\s+(?P<number>\d+)(?:\s*\((?P<letter>[a-z])\))?", re.I)
_OPERATIVE_LIST = lazy(
    r"\boperative paragraphs\s+(?P<numbers>\d+(?:\s*,\s*\d+)*(?:,?\s+and\s+\d+)?)", re.I
)
_SUBPARAGRAPH = lazy(r"\bsubparagraph\s+\((?P<letter>[a-z])\)", re.I)
_QUOTED = lazy(r"“(?P<text>[^”]*)”|\"(?P<plain>[^\"]*)\"")
_ACTIONS = (("replace", "replace"), ("delete", "delete"), ("insert", "insert"), ("add", "add"))


def ordinal(word: str) -> int | None:
    """`thirteenth` → 13, `twenty-first` → 21 (English ordinals up to ninety-ninth)."""
    word = word.lower()
    if word in _UNITS:
        return _UNITS.index(word) + 1
    if word in _TEENS:
        return _TEENS.index(word) + 10
    tens, _, unit = word.partition("-")
    for index, stem in enumerate(_TENS):
        if tens == f"{stem}ieth" and not unit:
            return (index + 2) * 10
        if tens == f"{stem}y" and unit in _UNITS:
            return (index + 2) * 10 + _UNITS.index(unit) + 1
    return None


def read_amendments(texts: Sequence[str]) -> tuple[Amendment, ...]:
    """One `Amendment` per instruction paragraph that names an action."""
    found = []
    for text in texts:
        lowered = text.lower()
        action = next((name for word, name in _ACTIONS if re.search(rf"\b{word}", lowered)), None)
        if action is None:
            continue
        quoted = [
            m["text"] if m["text"] is not None else m["plain"] for m in _QUOTED.finditer(text)
        ]
        old, new = _old_and_new(action, quoted)
        found += [
            Amendment(target, action, text, old, new)  # type: ignore[arg-type]
            for target in _targets(text)
        ]
    return tuple(found)


def _targets(text: str) -> list[str]:
    """Every paragraph one instruction names: `Delete the twenty-first preambular
    paragraph and operative paragraphs 35, 38 and 39` is four deletions."""
    if match := _OPERATIVE_LIST.search(text):
        numbers = re.findall(r"\d+", match["numbers"])
        first = _target(text[: match.start()])
        preambular = [first] if first.startswith("PP") else []
        return [*preambular, *(f"OP{number}" for number in numbers)]
    return [_target(text)]


def _target(text: str) -> str:
    if match := _ORDINAL.search(text):
        number = ordinal(match["ordinal"])
        if number is not None:
            return f"PP{number}"
    if match := _OPERATIVE.search(text):
        key = f"OP{match['number']}"
        letter = match["letter"] or ((sub := _SUBPARAGRAPH.search(text)) and sub["letter"])
        return f"{key}({letter.lower()})" if letter else key
    return text.split(",")[0].strip()


def _old_and_new(action: str, quoted: list[str]) -> tuple[str | None, str | None]:
    if action == "replace":
        return (quoted[0] if quoted else None), (quoted[1] if len(quoted) > 1 else None)
    if action == "delete":
        return (quoted[0] if quoted else None), None
    return None, (quoted[-1] if quoted else None)
