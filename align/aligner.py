"""`align`: pair the paragraphs and footnotes of two documents.

Chooses the mode (same language → version, else language), applies the reviewer's
overrides, runs the mode's matcher on paragraphs and then on footnotes, gives each pair
its status and findings, orders the pairs and says what looks wrong about the whole.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Protocol

from resalign.align.alignment import (
    Alignment,
    Finding,
    Method,
    Mode,
    Pair,
    Side,
    Status,
    renumbering,
)
from resalign.align.masthead import header_pairs
from resalign.align.model import Document, Paragraph
from resalign.align.overrides import Overrides
from resalign.align.translation import LanguageMatcher
from resalign.align.units import Unit, footnote_units, joined, pair_status, paragraph_units
from resalign.align.version import Match, VersionMatcher

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
    """A bead of units before it gets its status: what the matcher (or the reviewer) said."""

    lefts: tuple[Unit, ...]
    rights: tuple[Unit, ...]
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
    """Pair two documents' header facts, paragraphs and footnotes."""
    mode = mode or ("version" if left.language == right.language else "language")
    overrides.check(left, right)
    matcher: Matcher = (
        LanguageMatcher(left, right) if mode == "language" else VersionMatcher(left, right)
    )
    paragraph_rows = _rows(
        paragraph_units(left), paragraph_units(right), overrides, matcher.paragraphs
    )
    paired = [
        (joined(row.lefts), joined(row.rights))
        for row in paragraph_rows
        if row.lefts and row.rights
    ]
    footnote_rows = _rows(
        footnote_units(left),
        footnote_units(right),
        overrides,
        lambda a, b: matcher.footnotes(a, b, paired),
    )
    positions = (_positions(left), _positions(right))
    ordered = [_reading_order(rows, *positions) for rows in (paragraph_rows, footnote_rows)]
    context = _Context(
        mode, matcher, (_Order.of(left), _Order.of(right)), _crossing(ordered[0], positions[1])
    )
    pairs = header_pairs(left, right, mode, matcher)
    pairs += [_pair(row, context) for rows in ordered for row in rows]
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


@dataclass(frozen=True, slots=True)
class _Context:
    """What giving a row its status, score and note needs to know."""

    mode: Mode
    matcher: Matcher
    orders: tuple[_Order, _Order]
    crossing: frozenset[int] = frozenset()
    """The rows (by `id`) of splits and merges the new text also moved: out of order with
    the single paragraphs kept in place around them."""


def _rows(
    left: list[Unit],
    right: list[Unit],
    overrides: Overrides,
    match: Callable[[list[Unit], list[Unit]], list[Match]],
) -> list[Row]:
    """Matched units as beads, with the reviewer's forced pairs and exclusions applied."""
    left_by_key = {u.key: u for u in left}
    right_by_key = {u.key: u for u in right}
    forced = [(a, b) for a, b in overrides.pairs if a in left_by_key and b in right_by_key]
    fixed_left = {a for a, _ in forced} | set(overrides.left_only)
    fixed_right = {b for _, b in forced} | set(overrides.right_only)
    free_left = [u for u in left if u.key not in fixed_left]
    free_right = [u for u in right if u.key not in fixed_right]
    rows = _beads(
        [
            Row(
                (free_left[m.left],) if m.left is not None else (),
                (free_right[m.right],) if m.right is not None else (),
                m.score,
                m.method,  # type: ignore[arg-type]
            )
            for m in match(free_left, free_right)
        ]
    )
    rows += [Row((left_by_key[a],), (right_by_key[b],), -1.0, "manual") for a, b in forced]
    rows += [
        Row((left_by_key[k],), (), 0.0, "manual") for k in overrides.left_only if k in left_by_key
    ]
    rows += [
        Row((), (right_by_key[k],), 0.0, "manual")
        for k in overrides.right_only
        if k in right_by_key
    ]
    return rows


def _beads(rows: list[Row]) -> list[Row]:
    """Each split or merge half joined to the row of the paragraph it was cut from (a
    split: one left, more right) or merged into (a merge: more left, one right)."""
    whole = [row for row in rows if row.method not in ("split", "merge")]
    by_left = {row.lefts[0].key: index for index, row in enumerate(whole) if row.lefts}
    by_right = {row.rights[0].key: index for index, row in enumerate(whole) if row.rights}
    for half in (row for row in rows if row.method in ("split", "merge")):
        holder = (by_left if half.method == "split" else by_right).get(
            (half.lefts if half.method == "split" else half.rights)[0].key
        )
        if holder is None:  # the whole it belongs to was itself taken apart: stand alone
            whole.append(half)
            continue
        bead = whole[holder]
        whole[holder] = Row(
            _union(bead.lefts, half.lefts),
            _union(bead.rights, half.rights),
            bead.score,
            half.method,
        )
    return whole


def _union(units: tuple[Unit, ...], more: tuple[Unit, ...]) -> tuple[Unit, ...]:
    return units + tuple(unit for unit in more if unit not in units)


def _reading_order(
    rows: list[Row], left_pos: dict[str, int], right_pos: dict[str, int]
) -> list[Row]:
    """Beads in the left document's reading order; a right-only bead goes after the bead
    that holds the nearest right paragraph before it which has a left partner."""
    rows = [  # the keys of a bead in document order
        replace(
            row,
            lefts=tuple(sorted(row.lefts, key=lambda u: left_pos[u.key])),
            rights=tuple(sorted(row.rights, key=lambda u: right_pos[u.key])),
        )
        for row in rows
    ]
    with_left = sorted(
        (row for row in rows if row.lefts),
        key=lambda row: (
            left_pos[row.lefts[0].key],
            right_pos[row.rights[0].key] if row.rights else -1,
        ),
    )
    holder = {unit.key: index for index, row in enumerate(with_left) for unit in row.rights}
    anchor_before: dict[str, int] = {}
    last = -1
    for key in sorted(right_pos, key=right_pos.__getitem__):
        anchor_before[key] = last
        last = holder.get(key, last)
    after: dict[int, list[Row]] = {}
    for row in sorted((r for r in rows if not r.lefts), key=lambda r: right_pos[r.rights[0].key]):
        after.setdefault(anchor_before[row.rights[0].key], []).append(row)
    ordered = list(after.get(-1, []))
    for index, row in enumerate(with_left):
        ordered += [row, *after.get(index, [])]
    return ordered


def _crossing(rows: list[Row], right_pos: dict[str, int]) -> frozenset[int]:
    """The splits and merges (rows in the left document's order) whose new place is not
    between those of the single paragraphs paired in place before and after them: the
    new text moved them too, though their status says only split or merged."""
    single = [
        index
        for index, row in enumerate(rows)
        if len(row.lefts) == len(row.rights) == 1 and row.method != "move"
    ]
    crossing = set()
    for index, row in enumerate(rows):
        if not row.lefts or not row.rights or len(row.lefts) == len(row.rights) == 1:
            continue
        at = bisect.bisect_left(single, index)
        place = right_pos[row.rights[0].key]
        before = rows[single[at - 1]] if at else None
        after = rows[single[at]] if at < len(single) else None
        if (before is not None and right_pos[before.rights[0].key] > place) or (
            after is not None and right_pos[after.rights[0].key] < place
        ):
            crossing.add(id(row))
    return frozenset(crossing)


def _positions(document: Document) -> dict[str, int]:
    keys = [p.key for p in document.paragraphs] + [f.key for f in document.footnotes]
    return {key: index for index, key in enumerate(keys)}


def _pair(row: Row, context: _Context) -> Pair:
    left = joined(row.lefts) if row.lefts else None
    right = joined(row.rights) if row.rights else None
    score = row.score
    if left is not None and right is not None and (score < 0 or len(row.lefts + row.rights) > 2):
        score = context.matcher.score(left, right)  # forced or joined: say how well it matches
    status = pair_status(left, right, row.method, context.mode, len(row.lefts), len(row.rights))
    return Pair(
        tuple(unit.key for unit in row.lefts),
        tuple(unit.key for unit in row.rights),
        status,
        1.0 if status == "same" else round(score, 3),
        row.method,
        context.matcher.findings(left, right),
        _note(row, status, context),
    )


def _note(row: Row, status: Status, context: _Context) -> str:
    """What a reviser is told besides the status: where a paragraph moved from and to,
    what a change of kind changed."""
    notes = []
    if row.method == "manual":
        notes.append("linked by hand" if row.lefts and row.rights else "no counterpart, by hand")
    if row.method == "reworded":
        notes.append("rewritten in place: same opening, same neighbours")
    if status.startswith("moved") or id(row) in context.crossing:
        was = context.orders[0].before(row.lefts[0].key)
        now = context.orders[1].before(row.rights[0].key)
        notes.append(f"moved: was after {was or 'the start'}, now after {now or 'the start'}")
    if len(row.lefts) == 1 and len(row.rights) == 1 and row.lefts[0].kind != row.rights[0].kind:
        a, b = row.lefts[0], row.rights[0]
        leads = f": {a.lead} → {b.lead}" if a.lead and b.lead and a.lead != b.lead else ""
        notes.append(f"{a.kind} → {b.kind}{leads}")
    elif (
        status in ("same", "changed")
        and row.method != "reworded"  # its place, not its text, says which one it is
        and len(row.lefts) == len(row.rights) == 1
    ):
        old, new = row.lefts[0].key, row.rights[0].key
        if what := renumbering(old, new):
            notes.append(f"{what} {old} → {new}")
    return "; ".join(notes)


@dataclass(frozen=True)
class _Order:
    """A document's paragraphs and footnotes by key: what stands before a moved one."""

    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[str, ...]
    index: dict[str, int]
    """A paragraph's or footnote's position in its own list."""

    @classmethod
    def of(cls, document: Document) -> _Order:
        footnotes = tuple(f.key for f in document.footnotes)
        index = {p.key: i for i, p in enumerate(document.paragraphs)}
        index.update({key: i for i, key in enumerate(footnotes)})
        return cls(document.paragraphs, footnotes, index)

    def before(self, key: str) -> str | None:
        """The key of the unit before this one at its own level (a sub-item's sibling,
        else the paragraph before it that is no sub-item); None for the first."""
        position = self.index[key]
        if key.startswith("FN"):
            return self.footnotes[position - 1] if position else None
        parent = self.paragraphs[position].parent
        for before in range(position - 1, -1, -1):
            paragraph = self.paragraphs[before]
            if paragraph.parent == parent or paragraph.key == parent:
                return paragraph.key
        return None


def _with_subitem_findings(pairs: list[Pair], left: Document, right: Document) -> list[Pair]:
    left_children = Counter(p.parent for p in left.paragraphs if p.parent)
    right_children = Counter(p.parent for p in right.paragraphs if p.parent)
    result = []
    for pair in pairs:
        a = left_children.get(pair.left or "", 0)
        b = right_children.get(pair.right or "", 0)
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
    both = [p for p in pairs if p.left and p.right and p.left[:2] != "FN" and p.method != "header"]
    lefts = {p.key for p in left.paragraphs}
    paired_left = {key for p in both for key in p.lefts}
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
