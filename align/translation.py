"""Language mode: pair the paragraphs of one resolution in two languages.

Operative paragraphs pair by printed number and sub-items by letter under paired
parents. Preambular paragraphs and footnotes pair by order, through the same heaviest
chain as version mode, over what survives translation: dates, symbols, years, numbers,
footnote citations and relative length. A paragraph one language lacks leaves a gap
where these signals say it is, rather than shifting every later pair by one.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property

from resalign.align.alignment import Finding, listed
from resalign.align.chain import heaviest_chain
from resalign.align.invariants import Invariants, invariants
from resalign.align.languages import language
from resalign.align.model import Document
from resalign.align.units import Unit, calls_finding
from resalign.align.version import Match

ORDER_FLOOR = 0.2
"""Signal below which two preambular paragraphs are not paired by order."""
KEY_PRIOR = 0.05
"""Small preference for equal keys, so that equal evidence keeps PPn with PPn."""


@dataclass(frozen=True)
class Signals:
    """Per-unit facts language mode compares."""

    invariants: Invariants
    length: int
    cites: tuple[str, ...]

    @cached_property
    def values(self) -> Counter[tuple[str, str]]:
        """The invariants as one multiset of (kind, value)."""
        return Counter(
            (kind, value)
            for kind, counter in self.invariants.counters().items()
            for value in counter.elements()
        )


def signal(left: Signals, right: Signals, length_ratio: float) -> float:
    """How well two units' translation-invariant facts agree, 0-1."""
    evidence = [(_length_agreement(left.length, right.length, length_ratio), 1.0)]
    if left.values or right.values:
        evidence.append((_multiset_dice(left.values, right.values), 2.0))
    if left.cites or right.cites:
        evidence.append((1.0 if left.cites == right.cites else 0.0, 1.0))
    return sum(value * weight for value, weight in evidence) / sum(w for _, w in evidence)


def _length_agreement(left: int, right: int, ratio: float) -> float:
    if not left or not right:
        return 0.0
    distance = abs(math.log((left / right) / ratio))
    return max(0.0, 1.0 - distance / math.log(2))


def _multiset_dice(left: Counter[tuple[str, str]], right: Counter[tuple[str, str]]) -> float:
    shared = sum(min(count, right[value]) for value, count in left.items() if value in right)
    return 2 * shared / (left.total() + right.total())


def match_languages(
    left: Sequence[Unit],
    right: Sequence[Unit],
    left_signals: Sequence[Signals],
    right_signals: Sequence[Signals],
    length_ratio: float,
) -> list[Match]:
    """Pair paragraphs (or footnotes) of one resolution in two languages."""

    def score(i: int, j: int) -> float:
        return signal(left_signals[i], right_signals[j], length_ratio)

    matches: list[Match] = []
    by_key = {unit.key: j for j, unit in enumerate(right)}
    ordered_left = [i for i, u in enumerate(left) if u.kind in ("preambular", "footnote")]
    ordered_right = [j for j, u in enumerate(right) if u.kind in ("preambular", "footnote")]
    matches += _by_order(left, right, ordered_left, ordered_right, score)
    for i, unit in enumerate(left):  # numbered units; a section heading by its numeral
        if unit.kind in ("operative", "heading") and (j := by_key.get(unit.key)) is not None:
            matches.append(Match(i, j, score(i, j), "number"))
    parent_partner = {
        left[m.left].key: right[m.right].key
        for m in matches
        if m.left is not None and m.right is not None
    }
    for i, unit in enumerate(left):
        if unit.kind == "subitem" and unit.parent in parent_partner:
            key = parent_partner[unit.parent] + unit.key[len(unit.parent) :]
            if (j := by_key.get(key)) is not None:
                matches.append(Match(i, j, score(i, j), "number"))
    paired_left = {m.left for m in matches}
    paired_right = {m.right for m in matches}
    matches += [Match(i, None, 0.0, "order") for i in range(len(left)) if i not in paired_left]
    matches += [Match(None, j, 0.0, "order") for j in range(len(right)) if j not in paired_right]
    return matches


def _by_order(
    left: Sequence[Unit],
    right: Sequence[Unit],
    left_indices: list[int],
    right_indices: list[int],
    score: Callable[[int, int], float],
) -> list[Match]:
    n, m = len(left_indices), len(right_indices)
    if not n or not m:
        return []
    band = max(8, abs(n - m) + 4)
    weights = {}
    for a, i in enumerate(left_indices):
        centre = round(a * m / n)
        for b in range(max(0, centre - band), min(m, centre + band + 1)):
            j = right_indices[b]
            value = score(i, j)
            if value > ORDER_FLOOR:
                prior = KEY_PRIOR if left[i].key == right[j].key else 0.0
                weights[a, b] = (value, value - ORDER_FLOOR + prior)
    chain = heaviest_chain(((a, b, w) for (a, b), (_, w) in weights.items()), m)
    return [Match(left_indices[a], right_indices[b], weights[a, b][0], "order") for a, b in chain]


def findings(
    left: Unit | None,
    right: Unit | None,
    left_signals: Signals | None,
    right_signals: Signals | None,
    languages: tuple[str, str],
) -> tuple[Finding, ...]:
    """Translation-QA findings for one language-mode pair."""
    if left is None or right is None:
        unit, side, other = (
            (left, languages[0], languages[1])
            if right is None
            else (right, languages[1], languages[0])
        )
        assert unit is not None
        return (
            Finding(
                "unpaired",
                left.key if left else None,
                right.key if right else None,
                (),
                (),
                f"{unit.key} ({side}) has no counterpart in the {other} text",
            ),
        )
    assert left_signals is not None and right_signals is not None
    found = []
    a, b = left_signals.invariants.counters(), right_signals.invariants.counters()
    for kind in a:
        only_left, only_right = a[kind] - b[kind], b[kind] - a[kind]
        if only_left or only_right:
            values_left = tuple(sorted(only_left.elements()))
            values_right = tuple(sorted(only_right.elements()))
            found.append(
                Finding(
                    kind,  # type: ignore[arg-type]
                    left.key,
                    right.key,
                    values_left,
                    values_right,
                    f"{kind}: {left.key} ({languages[0]}) has {listed(values_left)}, "
                    f"{right.key} ({languages[1]}) has {listed(values_right)}",
                )
            )
    if left.cites != right.cites:
        message = (
            f"footnotes: {left.key} ({languages[0]}) cites {listed(left.cites)}, "
            f"{right.key} ({languages[1]}) cites {listed(right.cites)}"
        )
        found.append(calls_finding(left, right, message))
    return tuple(found)


class LanguageMatcher:
    """Language mode for the aligner: numbers, letters and order, checked by invariants."""

    def __init__(self, left: Document, right: Document) -> None:
        self.languages = (left.language, right.language)
        self.conventions = {"left": language(left.language), "right": language(right.language)}
        left_chars = sum(len(p.text) for p in left.paragraphs) or 1
        right_chars = sum(len(p.text) for p in right.paragraphs) or 1
        self.ratio = left_chars / right_chars
        self.signals: dict[tuple[str, str], Signals] = {}

    def signals_of(self, unit: Unit, side: str) -> Signals:
        if (side, unit.key) not in self.signals:
            self.signals[side, unit.key] = Signals(
                invariants(unit.text, self.conventions[side]), len(unit.text), unit.cites
            )
        return self.signals[side, unit.key]

    def paragraphs(self, left: Sequence[Unit], right: Sequence[Unit]) -> list[Match]:
        return match_languages(
            left,
            right,
            [self.signals_of(u, "left") for u in left],
            [self.signals_of(u, "right") for u in right],
            self.ratio,
        )

    def footnotes(
        self, left: Sequence[Unit], right: Sequence[Unit], paired: list[tuple[Unit, Unit]]
    ) -> list[Match]:
        """By printed number where both texts number the same footnotes (a translation
        keeps the numbering, so a footnote whose one symbol was mistyped still finds its
        counterpart, and the mistake is a symbol finding); else by order, as paragraphs."""
        if [u.key for u in left] == [u.key for u in right]:
            return [
                Match(i, i, self.score(a, b), "number")
                for i, (a, b) in enumerate(zip(left, right, strict=True))
            ]
        return self.paragraphs(left, right)

    def score(self, left: Unit, right: Unit) -> float:
        return signal(self.signals_of(left, "left"), self.signals_of(right, "right"), self.ratio)

    def findings(self, left: Unit | None, right: Unit | None) -> tuple[Finding, ...]:
        return findings(
            left,
            right,
            self.signals_of(left, "left") if left else None,
            self.signals_of(right, "right") if right else None,
            self.languages,
        )
