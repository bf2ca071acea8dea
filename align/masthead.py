"""The header compared: symbol, session, agenda item, committee report, adoption date,
title and opening, the first rows of every alignment.

Between versions a fact is `same` or `changed` (a draft has no report nor adoption date:
`added`); between languages it is `paired`, with a finding where a fact that should read
the same in every language does not. The title and opening are text, scored and checked
as paragraphs are.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from resalign.align.alignment import Finding, Mode, Pair
from resalign.align.model import Document
from resalign.align.units import HEADER, HEADER_TEXTS, Unit, header_units, pair_status

if TYPE_CHECKING:
    from resalign.align.aligner import Matcher


def header_pairs(left: Document, right: Document, mode: Mode, matcher: Matcher) -> list[Pair]:
    """A pair for each header fact either document states, in the order a reviser checks
    them."""
    lefts = {unit.key: unit for unit in header_units(left)}
    rights = {unit.key: unit for unit in header_units(right)}
    languages = (left.language, right.language)
    return [
        _pair(lefts.get(key), rights.get(key), mode, matcher, languages)
        for key in HEADER
        if key in lefts or key in rights
    ]


def _pair(
    left: Unit | None,
    right: Unit | None,
    mode: Mode,
    matcher: Matcher,
    languages: tuple[str, str],
) -> Pair:
    status = pair_status(left, right, "header", mode)
    findings: tuple[Finding, ...] = ()
    score = 1.0 if left and right else 0.0
    if left and right and left.key in HEADER_TEXTS:
        score = matcher.score(left, right)
        if mode == "language":
            findings = matcher.findings(left, right)
    elif left and right and mode == "language" and _fact(left) != _fact(right):
        findings = (
            Finding(
                "header",
                left.key,
                right.key,
                (left.text,),
                (right.text,),
                f"{left.key.lower()}: {left.text} ({languages[0]}) ≠ {right.text} ({languages[1]})",
            ),
        )
    return Pair(
        (left.key,) if left else (),
        (right.key,) if right else (),
        status,
        1.0 if status == "same" else round(score, 3),
        "header",
        findings,
    )


def _fact(unit: Unit) -> str:
    """A header fact as languages agree on it: `75 (a)` and `75 a)` are one agenda item."""
    return "".join(char for char in unit.text.casefold() if char.isalnum() or char == "/")
