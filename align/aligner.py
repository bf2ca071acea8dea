"""`align`: pair the paragraphs and footnotes of two documents.

Chooses the mode (same language → version, else language), applies the reviewer's
overrides, runs the mode's matcher on paragraphs and then on footnotes, gives each pair
its status and findings, orders the pairs and says what looks wrong about the whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from align.alignment import Alignment, Finding, Method, Mode, Pair, Side, Status
from align.model import Document
from align.overrides import Overrides
from align.translation import LanguageMatcher
from align.units import Unit, footnote_units, paragraph_units
from align.version import Match, VersionMatcher

WEAK = 0.5
"""Mean pair score under which the pairing as a whole is called weak."""


class Matcher(Protocol):
    """What a mode gives the aligner."""

    def paragraphs(self, left: Sequence[Unit], right: Sequence[Unit]) -> list[Match]: ...

    def footnotes(
        self, left: Sequence[Unit], right: Sequence[Unit], paired: list[tuple[Unit, Unit]]
    ) -> list[Match]: ...

    def score(self, left: Unit, right: Unit) -> float: ...

    def findings(self, left: Unit | None, right: Unit | None) -> tuple[Finding, ...]: ...


@dataclass(frozen=True, slots=True)
class Row:
    """A pair of units before it gets its status: what the matcher (or the reviewer) said."""

    left: Unit | None
    right: Unit | None
    score: float
    """-1 for a forced pair, whose score is measured afterwards."""
    method: Method


def align(
    left: Document,
    right: Document,
    *,
    mode: Mode | None = None,
    overrides: Overrides = Overrides(),  # noqa: B008 - frozen, safe as a default
) -> Alignment:
    """Pair two documents' paragraphs and footnotes."""
    mode = mode or ("version" if left.language == right.language else "language")
    overrides.check(left, right)
    matcher: Matcher = (
        LanguageMatcher(left, right) if mode == "language" else VersionMatcher(left, right)
    )
    paragraph_rows = _rows(
        paragraph_units(left), paragraph_units(right), overrides, matcher.paragraphs
    )
    paired = [(row.left, row.right) for row in paragraph_rows if row.left and row.right]
    footnote_rows = _rows(
        footnote_units(left),
        footnote_units(right),
        overrides,
        lambda a, b: matcher.footnotes(a, b, paired),  # type: ignore[arg-type]
    )
    positions = (_positions(left), _positions(right))
    pairs = [
        _pair(row, mode, matcher)
        for rows in (paragraph_rows, footnote_rows)
        for row in _reading_order(rows, *positions)
    ]
    if mode == "language":
        pairs = _with_subitem_findings(pairs, left, right)
    warnings = _warnings(left, right, mode, pairs)
    if _unverifiable(left, right, mode):
        pairs = [_capped(pair, WEAK) for pair in pairs]
    return Alignment(
        mode,
        Side(left.source, left.symbol, left.language),
        Side(right.source, right.symbol, right.language),
        tuple(pairs),
        tuple(warnings),
    )


def _rows(
    left: list[Unit],
    right: list[Unit],
    overrides: Overrides,
    match: Callable[[list[Unit], list[Unit]], list[Match]],
) -> list[Row]:
    """Matched units as rows, with the reviewer's forced pairs and exclusions applied."""
    left_by_key = {u.key: u for u in left}
    right_by_key = {u.key: u for u in right}
    forced = [(a, b) for a, b in overrides.pairs if a in left_by_key and b in right_by_key]
    fixed_left = {a for a, _ in forced} | set(overrides.left_only)
    fixed_right = {b for _, b in forced} | set(overrides.right_only)
    free_left = [u for u in left if u.key not in fixed_left]
    free_right = [u for u in right if u.key not in fixed_right]
    rows = [
        Row(
            free_left[m.left] if m.left is not None else None,
            free_right[m.right] if m.right is not None else None,
            m.score,
            m.method,  # type: ignore[arg-type]
        )
        for m in match(free_left, free_right)
    ]
    rows += [Row(left_by_key[a], right_by_key[b], -1.0, "manual") for a, b in forced]
    rows += [
        Row(left_by_key[k], None, 0.0, "manual") for k in overrides.left_only if k in left_by_key
    ]
    rows += [
        Row(None, right_by_key[k], 0.0, "manual") for k in overrides.right_only if k in right_by_key
    ]
    return rows


def _reading_order(
    rows: list[Row], left_pos: dict[str, int], right_pos: dict[str, int]
) -> list[Row]:
    """Rows in the left document's reading order; a right-only row goes after the row that
    holds the nearest right paragraph before it which has a left partner."""
    with_left = sorted(
        (row for row in rows if row.left),
        key=lambda row: (left_pos[row.left.key], right_pos[row.right.key] if row.right else -1),  # type: ignore[union-attr]
    )
    holder = {row.right.key: index for index, row in enumerate(with_left) if row.right}
    anchor_before: dict[str, int] = {}
    last = -1
    for key in sorted(right_pos, key=right_pos.__getitem__):
        anchor_before[key] = last
        last = holder.get(key, last)
    after: dict[int, list[Row]] = {}
    for row in sorted((r for r in rows if not r.left), key=lambda r: right_pos[r.right.key]):  # type: ignore[union-attr]
        after.setdefault(anchor_before[row.right.key], []).append(row)  # type: ignore[union-attr]
    ordered = list(after.get(-1, []))
    for index, row in enumerate(with_left):
        ordered += [row, *after.get(index, [])]
    return ordered


def _positions(document: Document) -> dict[str, int]:
    keys = [p.key for p in document.paragraphs] + [f.key for f in document.footnotes]
    return {key: index for index, key in enumerate(keys)}


def _pair(row: Row, mode: Mode, matcher: Matcher) -> Pair:
    left, right, score = row.left, row.right, row.score
    if left is not None and right is not None and score < 0:
        score = matcher.score(left, right)  # a forced pair: say how well it matches
    status = _status(left, right, row.method, mode)
    return Pair(
        left.key if left else None,
        right.key if right else None,
        status,
        1.0 if status == "same" else round(score, 3),
        row.method,
        matcher.findings(left, right),
    )


def _status(left: Unit | None, right: Unit | None, method: str, mode: Mode) -> Status:
    if mode == "language":
        return "paired" if left and right else "unpaired"
    if left is None:
        return "added"
    if right is None:
        return "removed"
    same = left.normalized == right.normalized
    if method == "move":
        return "moved" if same else "moved+changed"
    if method in ("split", "merge"):
        return "changed"
    return "same" if same else "changed"


def _with_subitem_findings(pairs: list[Pair], left: Document, right: Document) -> list[Pair]:
    left_children = Counter(p.parent for p in left.paragraphs if p.parent)
    right_children = Counter(p.parent for p in right.paragraphs if p.parent)
    result = []
    for pair in pairs:
        a, b = left_children.get(pair.left, 0), right_children.get(pair.right, 0)
        if pair.left and pair.right and a != b:
            finding = Finding(
                "subitems",
                pair.left,
                pair.right,
                (str(a),),
                (str(b),),
                f"sub-items: {pair.left} ({left.language}) has {a}, "
                f"{pair.right} ({right.language}) has {b}",
            )
            pair = replace(pair, findings=(*pair.findings, finding))
        result.append(pair)
    return result


def _different_resolutions(left: Document, right: Document) -> bool:
    return bool(left.symbol and right.symbol and left.symbol != right.symbol)


def _unverifiable(left: Document, right: Document, mode: Mode) -> bool:
    """Pairs no score can vouch for: the two texts share neither resolution nor language."""
    if mode == "language":
        return _different_resolutions(left, right)
    return left.language != right.language


def _capped(pair: Pair, ceiling: float) -> Pair:
    return replace(pair, score=min(pair.score, ceiling))


def _warnings(left: Document, right: Document, mode: Mode, pairs: list[Pair]) -> list[str]:
    warnings = []
    both = [p for p in pairs if p.left and p.right and p.left[:2] != "FN"]
    lefts = {p.key for p in left.paragraphs}
    paired_left = {p.left for p in both}
    if mode == "version" and left.language != right.language:
        warnings.append(
            f"the documents are in different languages ({left.language}, {right.language}): "
            "version mode can only compare their numbers and symbols, so scores are capped "
            f"at {WEAK}; use --mode language for one resolution in two languages"
        )
    if mode == "language" and _different_resolutions(left, right):
        warnings.append(
            f"{left.symbol} and {right.symbol} are different resolutions: language mode pairs "
            "by number and order, which holds only for one resolution in two languages; "
            f"scores are capped at {WEAK}"
        )
    if mode == "version" and lefts and len(paired_left & lefts) < 0.3 * len(lefts):
        warnings.append(
            f"the documents share little text ({len(paired_left & lefts)} of {len(lefts)} "
            "paragraphs found a counterpart): they may be unrelated resolutions"
        )
    if mode == "language" and both:
        mean = sum(p.score for p in both) / len(both)
        if mean < WEAK:
            warnings.append(
                f"pairing is weak (mean score {mean:.2f}): numbers, dates and lengths "
                "disagree; check that the documents are the same resolution"
            )
    return warnings
