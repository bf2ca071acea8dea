"""Version mode: pair the paragraphs of an earlier and a later resolution by content.

1. An order-preserving chain over paragraph similarity (the heaviest chain of candidate
   pairs scoring above `PAIR`), candidates taken from a band around the diagonal, from
   pairs sharing a rare token and from texts found once on each side.
2. Leftovers of different kinds (a preambular paragraph that became operative, or the
   reverse) are scored without their lead words; those that match well (`MOVE`) and fit
   in the chain's order are changed in place.
3. Leftovers that still match well (`MOVE`) are moved paragraphs, of one kind or across.
4. A leftover that is mostly contained in the partner of its neighbour is half of a split
   (one left paragraph, two right) or a merge (two left, one right).
"""

from __future__ import annotations

import bisect
import math
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from resalign.align.alignment import Finding
from resalign.align.chain import heaviest_chain
from resalign.align.model import Document
from resalign.align.references import Identities
from resalign.align.similarity import Weighted, tokenize
from resalign.align.units import Unit, call_places, calls_finding, placed

PAIR = 0.45
"""Similarity above which two paragraphs in order may pair."""
MOVE = 0.6
"""Similarity a paragraph out of order needs to count as moved."""
PART = 0.4
"""How much of a split half must lie in the paragraph it came from (the rest may be a new
passage added to it: 78/165 OP9 → 79/225 OP9 + OP10)."""
COVER = 0.6
"""How much of the whole both halves together must cover (the rest may be new)."""
GAIN = 0.1
"""How much more of the whole a half must cover than its other half does alone."""
BAND = 3


@dataclass(frozen=True, slots=True)
class Match:
    """A pair of unit indices (either may be None) with how it was found."""

    left: int | None
    right: int | None
    score: float
    method: str


def match_versions(
    left: Sequence[Unit],
    right: Sequence[Unit],
    *,
    same_language: bool,
    han: bool = False,
    evidence: Mapping[tuple[int, int], float] | None = None,
    apart: Callable[[int, int], bool] | None = None,
) -> list[Match]:
    """Pair two versions' units by content; every unit appears in at least one Match.

    `evidence` (0-1 per pair of indices) is what else says two units belong together
    (footnotes cited from paired paragraphs, or naming the same document); it can lift a
    pair whose text changed. `apart` says which pairs must not pair however alike they
    read (footnotes naming different documents).
    """
    tokens: dict[str, frozenset[str]] = {}  # each text once: most are in both versions
    for unit in (*left, *right):
        if unit.text not in tokens:
            tokens[unit.text] = tokenize(unit.text, han=han, invariants_only=not same_language)
    weighted = Weighted.build([tokens[u.text] for u in left], [tokens[u.text] for u in right])
    candidates = _candidates(left, right, weighted)
    kinds = ([unit.kind for unit in left], [unit.kind for unit in right])
    scores = weighted.dices(  # no step below takes a pair of PAIR or less
        (pair for pair in candidates if kinds[0][pair[0]] == kinds[1][pair[1]]), above=PAIR
    )
    if apart is not None:
        scores = {pair: score for pair, score in scores.items() if not apart(*pair)}
    lifted = set()
    for (i, j), value in (evidence or {}).items():
        if apart is not None and apart(i, j):
            continue
        content = scores[i, j] if (i, j) in scores else weighted.dice(i, j)
        if 0.4 * content + 0.6 * value > content and left[i].kind == right[j].kind:
            scores[i, j] = 0.4 * content + 0.6 * value
            lifted.add((i, j))
    chain = heaviest_chain(
        ((i, j, s - PAIR) for (i, j), s in scores.items() if s > PAIR), len(right)
    )
    matches = [
        Match(i, j, scores[i, j], "citation" if (i, j) in lifted else "content") for i, j in chain
    ]
    bare = _Bare(weighted, left, right, han)  # each unit's tokens past its lead, once
    scores.update(_kind_changes(left, right, bare, candidates, matches))
    matches += _in_place(chain, scores, matches)
    matches += _moves(left, right, scores, matches)
    matches += _splits_and_merges(left, right, weighted, matches)
    matches += _reworded(left, right, bare, matches)
    paired_left = {m.left for m in matches}
    paired_right = {m.right for m in matches}
    matches += [Match(i, None, 0.0, "content") for i in range(len(left)) if i not in paired_left]
    matches += [Match(None, j, 0.0, "content") for j in range(len(right)) if j not in paired_right]
    return matches


def _candidates(
    left: Sequence[Unit], right: Sequence[Unit], weighted: Weighted
) -> list[tuple[int, int]]:
    """The pairs worth scoring, in (i, j) order (each left unit's text is then looked at
    once, not at random: a third of scoring a long document): a band along the path the
    unchanged paragraphs trace (the diagonal, shifted by what was inserted and deleted
    before each), pairs sharing a rare token, and texts found once on each side wherever
    they stand (a paragraph moved as it was). Two unchanged paragraphs that each have
    their own partner in that path are no pair worth scoring: most of a long document."""
    n, m = len(left), len(right)
    if not n or not m:
        return []
    twins = _twins(left, right)
    anchors = dict(heaviest_chain(((i, j, 1.0) for i, j in twins.items()), m))
    anchored = set(anchors.values())
    cap = max(10, min(RARE, (n + m) // 20))
    rare = weighted.rare_candidates(cap, PER_UNIT)
    candidates = []
    for i, centre in enumerate(_path(anchors, n, m)):
        partners = {*range(max(0, centre - BAND), min(m, centre + BAND + 1)), *rare.get(i, ())}
        if i in anchors:
            partners = {j for j in partners if j not in anchored}
            partners.add(anchors[i])
        elif i in twins:
            partners.add(twins[i])
        candidates += [(i, j) for j in sorted(partners)]
    return candidates


def _twins(left: Sequence[Unit], right: Sequence[Unit]) -> dict[int, int]:
    """Left index to right index of each text found once on each side."""
    once_right = _once(right)
    return {i: once_right[text] for text, i in _once(left).items() if text in once_right}


def _path(anchors: Mapping[int, int], n: int, m: int) -> list[int]:
    """For each of `n` left units, where its counterpart should stand among `m` on the
    right: after the last anchor (an unchanged unit, in order) before it, as far on as it
    is after that one; on the diagonal before the first."""
    path, offset = [], None
    for i in range(n):
        if i in anchors:
            offset = anchors[i] - i
        path.append(min(m - 1, max(0, i + offset)) if offset is not None else round(i * m / n))
    return path


def _once(units: Sequence[Unit]) -> dict[str, int]:
    """The texts that occur once, and where."""
    counts = Counter(unit.normalized for unit in units)
    return {u.normalized: j for j, u in enumerate(units) if counts[u.normalized] == 1}


PER_UNIT = 16
"""Rare-token partners scored for each paragraph at most (its rarest tokens' first)."""
RARE = 50
"""A token in more units than this (or than a twentieth of both documents' units, where
that is fewer) is not rare: pairs sharing only it are not candidates. Without the ceiling
the candidates of a long document grew with the square of its length (a token in 5,000 of
100,000 paragraphs pairs 25 million); the band along the unchanged paragraphs' path finds
what the rare tokens found there."""

KIND_CHANGES = frozenset({"preambular", "operative"})
"""Kinds a paragraph may change between versions: `Welcoming…` becomes `Welcomes…`."""


def _kind_changes(
    left: Sequence[Unit],
    right: Sequence[Unit],
    bare: _Bare,
    candidates: Sequence[tuple[int, int]],
    matches: list[Match],
) -> dict[tuple[int, int], float]:
    """Scores of the paragraphs still unpaired that may have changed kind: a preambular
    paragraph left over on one side against an operative one on the other."""
    free_left = set(range(len(left))) - {m.left for m in matches}
    free_right = set(range(len(right))) - {m.right for m in matches}
    return {
        (i, j): bare.dice(i, j)
        for i, j in candidates
        if i in free_left and j in free_right and {left[i].kind, right[j].kind} == KIND_CHANGES
    }


def _in_place(
    chain: list[tuple[int, int]], scores: dict[tuple[int, int], float], matches: list[Match]
) -> list[Match]:
    """Leftover pairs that match well and fit between the chain's pairs without crossing
    any (the last preambular paragraph became the first operative one): in their place,
    so changed, not moved."""
    taken_left = {m.left for m in matches}
    taken_right = {m.right for m in matches}
    placed = sorted(chain)
    found = []
    for (i, j), score in sorted(scores.items(), key=lambda item: (-item[1], item[0])):
        if score < MOVE or i in taken_left or j in taken_right:
            continue
        at = bisect.bisect(placed, (i, j))
        before = placed[at - 1][1] if at else -1
        after = placed[at][1] if at < len(placed) else math.inf
        if before < j < after:
            found.append(Match(i, j, score, "content"))
            placed.insert(at, (i, j))
            taken_left.add(i)
            taken_right.add(j)
    return found


class _Bare:
    """Similarity of two paragraphs of different kinds, their lead words set aside:
    `Welcoming the adoption…` and `Welcomes the adoption…` say the same, in any
    language's conventions (`Acogiendo con beneplácito`, `Acoge con beneplácito`). Each
    paragraph's tokens without its lead are worked out once, when first asked for."""

    def __init__(
        self, weighted: Weighted, left: Sequence[Unit], right: Sequence[Unit], han: bool
    ) -> None:
        self.weighted = weighted
        self.units = (left, right)
        self.tokens = (weighted.left, weighted.right)
        self.cache: tuple[dict[int, tuple[frozenset[str], float]], ...] = ({}, {})
        self.han = han

    def dice(self, i: int, j: int) -> float:
        a, a_weight = self._tokens(0, i)
        b, b_weight = self._tokens(1, j)
        total = a_weight + b_weight
        return 2 * self.weighted.overlap(a, b) / total if total else 0.0

    def _tokens(self, side: int, index: int) -> tuple[frozenset[str], float]:
        cache = self.cache[side]
        if index not in cache:
            lead = tokenize(self.units[side][index].lead, han=self.han)
            bare = self.tokens[side][index] - lead
            cache[index] = (bare, sum(map(self.weighted.idf.__getitem__, bare)))
        return cache[index]


def _moves(
    left: Sequence[Unit],
    right: Sequence[Unit],
    scores: dict[tuple[int, int], float],
    matches: list[Match],
) -> list[Match]:
    free_left = set(range(len(left))) - {m.left for m in matches}
    free_right = set(range(len(right))) - {m.right for m in matches}
    moves = []
    ranked = sorted(
        ((s, i, j) for (i, j), s in scores.items() if s >= MOVE),
        key=lambda item: (-item[0], item[1], item[2]),
    )
    for score, i, j in ranked:
        if i in free_left and j in free_right:
            moves.append(Match(i, j, score, "move"))
            free_left.discard(i)
            free_right.discard(j)
    return moves


def _splits_and_merges(
    left: Sequence[Unit], right: Sequence[Unit], weighted: Weighted, matches: list[Match]
) -> list[Match]:
    """Leftovers that are the other half of their neighbour's partner: a right paragraph
    is half of a split left one; a left paragraph, half of a merged right one."""
    splits = _halves(
        right, left, weighted.right, weighted.left, weighted, {m.right: m.left for m in matches}
    )
    merges = _halves(
        left, right, weighted.left, weighted.right, weighted, {m.left: m.right for m in matches}
    )
    return [Match(i, j, score, "split") for j, i, score in splits] + [
        Match(i, j, score, "merge") for i, j, score in merges
    ]


def _halves(
    units: Sequence[Unit],
    others: Sequence[Unit],
    tokens: list[frozenset[str]],
    other_tokens: list[frozenset[str]],
    weighted: Weighted,
    partner: dict[int | None, int | None],
) -> list[tuple[int, int, float]]:
    """(unit, other, score) for each unpaired unit that, with a neighbour, makes up the
    neighbour's partner on the other side."""
    found = []
    for index in range(len(units)):
        if index in partner:
            continue
        for neighbour in (index - 1, index + 1):
            other = partner.get(neighbour)
            if (
                other is not None
                and units[index].kind == others[other].kind
                and _is_half(weighted, tokens[index], tokens[neighbour], other_tokens[other])
            ):
                found.append((index, other, weighted.contained(tokens[index], other_tokens[other])))
                break
    return found


def _is_half(
    weighted: Weighted, half: frozenset[str], other_half: frozenset[str], whole: frozenset[str]
) -> bool:
    """`half` and `other_half` are the two pieces `whole` was cut into (or merged from)."""
    alone = weighted.contained(whole, other_half)
    together = weighted.contained(whole, half | other_half)
    return (
        weighted.contained(half, whole) >= PART and together >= COVER and together >= alone + GAIN
    )


REWORDED = 0.25
"""Similarity past its lead words a paragraph rewritten in place keeps at least: a yearly
update of the same reference (`Recalling Human Rights Council resolution 32/3 of 30 June
2016, entitled …` → `… 44/4 of 16 July 2020, …`); a paragraph replaced by another that
opens with the same words shares less (`Calls upon Member States to ratify…` → `Calls
upon Governments to follow…`)."""
IN_ORDER = frozenset({"content", "citation", "split", "merge"})
"""How the pairs that keep the documents' order were found (moves do not)."""


def _reworded(
    left: Sequence[Unit], right: Sequence[Unit], bare: _Bare, matches: list[Match]
) -> list[Match]:
    """Leftovers rewritten in place: between the same two paired neighbours, the left and
    the right paragraphs left over, where they are as many and open, one by one, as the
    same kind with the same word (`Recalling`, `Requests`): each is one paragraph changed,
    however much of it was rewritten, where they still share `REWORDED` of what they say
    past that word.
    A gap where paragraphs were dropped or added as well is left as it is: there, which
    replaced which is a guess."""
    taken_left = {m.left for m in matches}
    taken_right = {m.right for m in matches}
    anchors = sorted(
        (m.left, m.right)
        for m in matches
        if m.method in IN_ORDER and m.left is not None and m.right is not None
    )
    found = []
    for (a, b), (c, d) in pairwise([(-1, -1), *anchors, (len(left), len(right))]):
        lefts = [i for i in range(a + 1, c) if i not in taken_left]
        rights = [j for j in range(b + 1, d) if j not in taken_right]
        if (
            lefts
            and len(lefts) == len(rights)
            and all(_role(left[i]) == _role(right[j]) for i, j in zip(lefts, rights, strict=True))
            and all(_role(left[i])[1] for i in lefts)
        ):
            found += [
                Match(i, j, bare.weighted.dice(i, j), "reworded")
                for i, j in zip(lefts, rights, strict=True)
                if bare.dice(i, j) >= REWORDED
            ]
    return found


def _role(unit: Unit) -> tuple[str, str]:
    """A paragraph's kind and the word it opens with (`recalling`, `requests`); no word
    for a footnote or a heading, which have no lead."""
    words = unit.lead.split()
    return unit.kind, (words[0].casefold() if words else "")


class VersionMatcher:
    """Version mode for the aligner: content decides; footnotes also by citation."""

    def __init__(self, left: Document, right: Document) -> None:
        self.same_language = left.language == right.language
        self.han = left.language == "zh"

    def paragraphs(self, left: Sequence[Unit], right: Sequence[Unit]) -> list[Match]:
        return match_versions(left, right, same_language=self.same_language, han=self.han)

    def footnotes(
        self, left: Sequence[Unit], right: Sequence[Unit], paired: list[tuple[Unit, Unit]]
    ) -> list[Match]:
        """Footnotes pair by the document they name (`Ibid.` resolved), then by the
        paragraphs that cite them, then by wording."""
        identities = Identities([u.text for u in left], [u.text for u in right])
        evidence = citation_evidence(left, right, paired)
        evidence.update(dict.fromkeys(identities.same, 1.0))
        return match_versions(
            left,
            right,
            same_language=self.same_language,
            han=self.han,
            evidence=evidence,
            apart=identities.apart,
        )

    def score(self, left: Unit, right: Unit) -> float:
        weighted = Weighted.build(
            [tokenize(left.text, han=self.han, invariants_only=not self.same_language)],
            [tokenize(right.text, han=self.han, invariants_only=not self.same_language)],
        )
        return weighted.dice(0, 0)

    def findings(self, left: Unit | None, right: Unit | None) -> tuple[Finding, ...]:
        """Words unchanged, but footnote calls added, dropped or moved to another word: a
        change no word diff shows (the notes renumber from one version to the next, so
        the calls are compared by place, not by key)."""
        if (
            left is None
            or right is None
            or left.normalized != right.normalized
            or call_places(left) == call_places(right)
        ):
            return ()
        message = (
            f"footnote calls: {left.key} cited {placed(left)}, {right.key} cites {placed(right)}"
        )
        return (calls_finding(left, right, message),)


def citation_evidence(
    left: Sequence[Unit], right: Sequence[Unit], paired: list[tuple[Unit, Unit]]
) -> dict[tuple[int, int], float]:
    """For footnotes i (left) and j (right): the share of the paragraphs citing i whose
    partner cites j."""
    left_index = {u.key: i for i, u in enumerate(left)}
    right_index = {u.key: j for j, u in enumerate(right)}
    citing: Counter[str] = Counter()
    votes: Counter[tuple[int, int]] = Counter()
    for a, b in paired:
        citing.update(set(a.cites))
        for key_left in set(a.cites) & left_index.keys():
            for key_right in set(b.cites) & right_index.keys():
                votes[left_index[key_left], right_index[key_right]] += 1
    return {(i, j): count / citing[left[i].key] for (i, j), count in votes.items()}
