"""`align`: pair the paragraphs and footnotes of two documents.

Chooses the mode (same language → version, else language), applies the reviewer's
overrides, runs the mode's matcher on paragraphs and then on footnotes, gives each pair
its status and findings, orders the pairs and says what looks wrong about the whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from align.alignment import Alignment, Finding, Mode, Pair, Side, Status
from align.invariants import invariants
from align.languages import language
from align.model import Document
from align.overrides import Overrides
from align.similarity import Weighted, tokenize
from align.translation import Signals, findings, match_languages, signal
from align.units import Unit, footnote_units, paragraph_units
from align.version import Match, match_versions

WEAK = 0.5
"""Mean pair score under which the pairing as a whole is called weak."""
Row = tuple[Unit | None, Unit | None, float, str]


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
    matcher = _LanguageMatcher(left, right) if mode == "language" else _VersionMatcher(left, right)
    paragraph_rows = _rows(
        paragraph_units(left), paragraph_units(right), overrides, matcher.paragraphs
    )
    footnote_rows = _rows(
        footnote_units(left),
        footnote_units(right),
        overrides,
        lambda a, b: matcher.footnotes(a, b, paragraph_rows),
    )
    pairs = [
        *(_pair(row, mode, matcher) for row in _reading_order(paragraph_rows, left, right)),
        *(_pair(row, mode, matcher) for row in _reading_order(footnote_rows, left, right)),
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


class _VersionMatcher:
    def __init__(self, left: Document, right: Document) -> None:
        self.same_language = left.language == right.language
        self.han = left.language == "zh"

    def paragraphs(self, left: Sequence[Unit], right: Sequence[Unit]) -> list[Match]:
        return match_versions(left, right, same_language=self.same_language, han=self.han)

    def footnotes(
        self, left: Sequence[Unit], right: Sequence[Unit], paragraph_rows: list[Row]
    ) -> list[Match]:
        return match_versions(
            left,
            right,
            same_language=self.same_language,
            han=self.han,
            evidence=_citation_evidence(left, right, paragraph_rows),
        )

    def score(self, left: Unit, right: Unit) -> float:
        weighted = Weighted.build(
            [tokenize(left.text, han=self.han, invariants_only=not self.same_language)],
            [tokenize(right.text, han=self.han, invariants_only=not self.same_language)],
        )
        return weighted.dice(0, 0)


class _LanguageMatcher:
    def __init__(self, left: Document, right: Document) -> None:
        self.languages = (left.language, right.language)
        self.left_lang, self.right_lang = language(left.language), language(right.language)
        left_chars = sum(len(p.text) for p in left.paragraphs) or 1
        right_chars = sum(len(p.text) for p in right.paragraphs) or 1
        self.ratio = left_chars / right_chars
        self.signals: dict[tuple[str, str], Signals] = {}

    def signals_of(self, unit: Unit, side: str) -> Signals:
        if (side, unit.key) not in self.signals:
            lang = self.left_lang if side == "left" else self.right_lang
            self.signals[side, unit.key] = Signals(
                invariants(unit.text, lang), len(unit.text), unit.cites
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
        self, left: Sequence[Unit], right: Sequence[Unit], paragraph_rows: list[Row]
    ) -> list[Match]:
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


def _rows(
    left: list[Unit],
    right: list[Unit],
    overrides: Overrides,
    match,  # type: ignore[no-untyped-def]
) -> list[Row]:
    """Matched units as rows, with the reviewer's forced pairs and exclusions applied."""
    left_by_key = {u.key: u for u in left}
    right_by_key = {u.key: u for u in right}
    forced = [(a, b) for a, b in overrides.pairs if a in left_by_key and b in right_by_key]
    fixed_left = {a for a, _ in forced} | set(overrides.left_only)
    fixed_right = {b for _, b in forced} | set(overrides.right_only)
    free_left = [u for u in left if u.key not in fixed_left]
    free_right = [u for u in right if u.key not in fixed_right]
    rows: list[Row] = [
        (
            free_left[m.left] if m.left is not None else None,
            free_right[m.right] if m.right is not None else None,
            m.score,
            m.method,
        )
        for m in match(free_left, free_right)
    ]
    rows += [(left_by_key[a], right_by_key[b], -1.0, "manual") for a, b in forced]
    rows += [(left_by_key[k], None, 0.0, "manual") for k in overrides.left_only if k in left_by_key]
    rows += [
        (None, right_by_key[k], 0.0, "manual") for k in overrides.right_only if k in right_by_key
    ]
    return rows


def _citation_evidence(
    left: Sequence[Unit], right: Sequence[Unit], paragraph_rows: list[Row]
) -> dict[tuple[int, int], float]:
    """For footnotes i (left) and j (right): the share of the paragraphs citing i whose
    partner cites j."""
    left_index = {u.key: i for i, u in enumerate(left)}
    right_index = {u.key: j for j, u in enumerate(right)}
    citing = Counter(key for a, _, _, _ in paragraph_rows if a for key in set(a.cites))
    votes: Counter[tuple[int, int]] = Counter()
    for a, b, _, _ in paragraph_rows:
        if a and b:
            for key_left in set(a.cites):
                for key_right in set(b.cites):
                    if key_left in left_index and key_right in right_index:
                        votes[left_index[key_left], right_index[key_right]] += 1
    return {(i, j): count / citing[left[i].key] for (i, j), count in votes.items()}


def _reading_order(rows: list[Row], left: Document, right: Document) -> list[Row]:
    """Rows in the left document's reading order; right-only rows after the row holding
    the right paragraph before them."""
    left_pos = _positions(left)
    right_pos = _positions(right)
    with_left = sorted(
        (r for r in rows if r[0] is not None),
        key=lambda r: (left_pos[r[0].key], right_pos[r[1].key] if r[1] else -1),  # type: ignore[union-attr]
    )
    right_only = sorted((r for r in rows if r[0] is None), key=lambda r: right_pos[r[1].key])  # type: ignore[union-attr]
    holder = {r[1].key: index for index, r in enumerate(with_left) if r[1] is not None}
    by_position = {right_pos[r[1].key]: r for r in rows if r[1] is not None}  # type: ignore[union-attr]
    after: dict[int, list[Row]] = {}
    for row in right_only:
        anchor, position = -1, right_pos[row[1].key] - 1  # type: ignore[union-attr]
        while position >= 0:
            before = by_position.get(position)
            if before is not None and before[0] is not None:
                anchor = holder[before[1].key]  # type: ignore[union-attr]
                break
            position -= 1
        after.setdefault(anchor, []).append(row)
    ordered = list(after.get(-1, []))
    for index, row in enumerate(with_left):
        ordered.append(row)
        ordered.extend(after.get(index, []))
    return ordered


def _positions(document: Document) -> dict[str, int]:
    keys = [p.key for p in document.paragraphs] + [f.key for f in document.footnotes]
    return {key: index for index, key in enumerate(keys)}


def _pair(row: Row, mode: Mode, matcher) -> Pair:  # type: ignore[no-untyped-def]
    left, right, score, method = row
    if left is not None and right is not None and score < 0:
        score = matcher.score(left, right)  # a forced pair: say how well it matches
    status = _status(left, right, method, mode)
    if status == "same":
        score = 1.0
    found = matcher.findings(left, right) if mode == "language" else ()
    return Pair(
        left.key if left else None,
        right.key if right else None,
        status,
        round(score, 3),
        method,  # type: ignore[arg-type]
        found,
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
            pair = Pair(
                pair.left,
                pair.right,
                pair.status,
                pair.score,
                pair.method,
                (*pair.findings, finding),
            )
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
    return Pair(
        pair.left, pair.right, pair.status, min(pair.score, ceiling), pair.method, pair.findings
    )


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
