"""What the review screen is showing and where the reviewer is: plain state, no widgets.

The app turns key presses into calls on a `Session`; the widgets draw what it says.
Everything the session knows about resolutions comes from `align`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from resalign.align.aligner import align
from resalign.align.comparison import FILTERS, Comparison, compare
from resalign.align.errors import ResalignError
from resalign.align.marks import Keys, Seal, seal
from resalign.align.model import Document
from resalign.align.overrides import Overrides
from resalign.align.review import Review, load_review, merged, review_lock, save_review

FILTER_CYCLE = tuple(FILTERS)


@dataclass
class Session:
    """A review of `left` against `right`: the comparison, the selection and the marks."""

    left: Document
    right: Document
    state_path: Path
    mode: str | None = None
    review: Review = field(default_factory=Review)
    saved: Review = field(default_factory=Review)
    """The review as the file held it when last read or written: the base of a merge."""
    swapped: bool = False
    comparison: Comparison | None = None
    view_filter: str = "all"
    query: str = ""
    visible: tuple[int, ...] = ()
    selected: int = 0
    """Position in `visible` of the selected pair."""
    warnings: list[str] = field(default_factory=list)
    problem: str | None = None
    """Why the last mark or link could not be saved, for the UI to say."""
    keep: Keys | None = None
    """The pair to select again once a new comparison arrives."""
    _pair_keys: tuple[Comparison | None, Counter[Keys]] = field(
        default=(None, Counter()), init=False, repr=False, compare=False
    )
    """The comparison last counted and how many of its pairs have each pair of keys."""
    undo: list[Overrides] = field(default_factory=list)
    """The links as they were before each link made in this session, last last."""
    _seals: tuple[Comparison | None, dict[Keys, Seal]] = field(
        default=(None, {}), init=False, repr=False, compare=False
    )
    """Each marked pair's seal as it reads now, worked out once a comparison."""

    @classmethod
    def open(
        cls,
        left: Document,
        right: Document,
        state_path: Path,
        *,
        mode: str | None = None,
        overrides: Overrides | None = None,
    ) -> Session:
        """A session with the review saved at `state_path` (if any) loaded; `overrides`,
        when given, replace the saved links."""
        review, warning = load_review(state_path)
        if overrides is not None:
            review = review.with_overrides(overrides)
        warnings = [f"{d.source}: {w}" for d in (left, right) for w in d.warnings]
        return cls(
            left,
            right,
            state_path,
            mode=mode,
            review=review,
            saved=review,
            warnings=warnings + ([warning] if warning else []),
            keep=review.last,  # where the reviewer left off
        )

    def save_state(self) -> str | None:
        """Save the review, merged with what another session saved to the file since; a
        one-line reason if it cannot be saved (the review stays here, in memory)."""
        try:
            with review_lock(self.state_path):  # another session's save waits for ours
                theirs, _ = load_review(self.state_path)
                review = merged(self.saved, self.review, theirs)
                save_review(self.state_path, review, left=self.left.source, right=self.right.source)
        except ResalignError as error:
            return f"{error}; your marks are kept until you quit"
        self.review = self.saved = review
        return None

    # alignment ---------------------------------------------------------------------------
    def documents(self) -> tuple[Document, Document]:
        return (self.right, self.left) if self.swapped else (self.left, self.right)

    def oriented_review(self) -> Review:
        return self.review.swapped() if self.swapped else self.review

    def begin(self) -> None:
        """Forget the comparison (it is being computed again), remembering the selection."""
        self.keep = self.selected_keys() or self.keep
        self.comparison = None
        self.visible = ()

    def key(self) -> tuple[int, str | None, Overrides]:
        """What the comparison depends on: the documents, in their order (by hash, the same
        in a forked process), the mode and the links."""
        return (hash(self.documents()), self.mode, self.oriented_review().overrides)

    def compute_here(self) -> Comparison:
        """Align and diff the documents as they stand, in this process."""
        left, right = self.documents()
        overrides = self.oriented_review().overrides
        mode = self.mode if self.mode in ("language", "version") else None
        alignment = align(left, right, mode=mode, overrides=overrides)  # type: ignore[arg-type]
        return compare(left, right, alignment)

    def show(self, comparison: Comparison) -> None:
        self.comparison = comparison
        self.refilter(keep=self.keep)

    # selection and filters ---------------------------------------------------------------
    def refilter(self, keep: Keys | None = None) -> None:
        assert self.comparison is not None
        self.visible = self.comparison.select(self.view_filter)
        if self.query:
            self.visible = self.comparison.search(self.query, self.visible)
        self.selected = 0
        if keep is not None:
            for position, index in enumerate(self.visible):
                pair = self.comparison.views[index].pair
                if (pair.left, pair.right) == keep or (keep[0] and pair.left == keep[0]):
                    self.selected = position
                    break

    def selected_view_index(self) -> int | None:
        return self.visible[self.selected] if self.visible else None

    def selected_keys(self) -> Keys | None:
        index = self.selected_view_index() if self.comparison is not None else None
        if index is None or self.comparison is None:
            return None
        pair = self.comparison.views[index].pair
        return (pair.left, pair.right)

    def move(self, step: int) -> None:
        if self.visible:
            self.selected = max(0, min(len(self.visible) - 1, self.selected + step))

    def jump(self, forward: bool) -> bool:
        """Select the next (previous) change, finding or search hit; False if there is none."""
        assert self.comparison is not None
        order = (
            range(self.selected + 1, len(self.visible))
            if forward
            else range(self.selected - 1, -1, -1)
        )
        for position in order:
            view = self.comparison.views[self.visible[position]]
            if self.query or view.is_change:
                self.selected = position
                return True
        return False

    def cycle_filter(self) -> str:
        keys = self.selected_keys()
        self.view_filter = FILTER_CYCLE[
            (FILTER_CYCLE.index(self.view_filter) + 1) % len(FILTER_CYCLE)
        ]
        self.refilter(keep=keys)
        return self.view_filter

    def search(self, query: str) -> int:
        """Keep only pairs holding `query` (empty: stop searching); returns the hit count."""
        keys = self.selected_keys()
        self.query = query.strip()
        self.refilter(keep=keys)
        return len(self.visible)

    # marks and links ---------------------------------------------------------------------
    def mark(self, keys: Keys) -> str | None:
        """`reviewed` where the pair is marked and reads as it did then, `stale` where it
        is marked but its text has changed since, None where it is not marked."""
        stored = (keys[1], keys[0]) if self.swapped else keys
        sealed = self.review.reviewed.get(stored)
        if sealed is None:
            return None
        now = self._seal(keys)
        if self.swapped and now is not None:
            now = (now[1], now[0])
        return "reviewed" if now == sealed else "stale"

    def is_reviewed(self, keys: Keys) -> bool:
        return self.mark(keys) == "reviewed"

    def _seal(self, keys: Keys) -> Seal | None:
        """The seal of the shown pair `keys` as it reads now (None where it is not shown),
        worked out once a comparison: only for marked pairs, when first asked for."""
        if self.comparison is None:
            return None
        if self._seals[0] is not self.comparison:
            self._seals = (self.comparison, {})
        seals = self._seals[1]
        if keys not in seals:
            for view in self.comparison.views:
                if (view.pair.left, view.pair.right) == keys:
                    seals[keys] = seal(view.left_text, view.right_text)
                    break
            else:
                return None
        return seals[keys]

    def reviewed_count(self) -> int:
        """How many of the comparison's pairs are marked reviewed and read as they did."""
        if self.comparison is None:
            return 0
        if self._pair_keys[0] is not self.comparison:  # once a comparison, not at each key
            keys = Counter((view.pair.left, view.pair.right) for view in self.comparison.views)
            self._pair_keys = (self.comparison, keys)
        shown = self._pair_keys[1]
        marked = self.oriented_review().reviewed
        return sum(shown[keys] for keys in marked if shown[keys] and self.is_reviewed(keys))

    def toggle_reviewed(self) -> bool:
        """Mark the selected pair reviewed as it reads now, or, where its mark holds,
        unmark it (a pair changed since its review is marked anew)."""
        keys = self.selected_keys()
        now = self._seal(keys) if keys is not None else None
        if keys is None or now is None:
            return False
        stored = (keys[1], keys[0]) if self.swapped else keys
        sealed = (now[1], now[0]) if self.swapped else now
        self.review = self.review.toggled(stored, sealed)
        self.problem = self.save_state()
        return self.is_reviewed(keys)

    def link(self, right_key: str | None) -> None:
        """Force the selected left paragraph to pair with `right_key`, or, with None,
        remove the links (and the 'no counterpart' mark) made for it."""
        self._override(
            lambda overrides, left: (
                overrides.with_pair(left, right_key)
                if right_key
                else overrides.without_pairs_of(left).without_left_only(left)
            )
        )

    def mark_unpaired(self) -> None:
        """Say the selected left paragraph has no counterpart (the aligner pairs it no more)."""
        self._override(
            lambda overrides, left: overrides.without_pairs_of(left).with_left_only(left)
        )

    def _override(self, change: Callable[[Overrides, str], Overrides]) -> None:
        keys = self.selected_keys()
        if keys is None or keys[0] is None:
            return
        self.undo.append(self.review.overrides)
        oriented = self.oriented_review()
        review = oriented.with_overrides(change(oriented.overrides, keys[0]))
        self.review = review.swapped() if self.swapped else review
        self.problem = self.save_state()

    def remember_place(self) -> None:
        """Keep the selected pair as where the review reopens, where there is a review to
        keep it in (browsing alone writes no file)."""
        keys = self.selected_keys()
        stored = (keys[1], keys[0]) if keys and self.swapped else keys
        if stored is not None and stored != self.review.last and self.state_path.exists():
            self.review = replace(self.review, last=stored)
            self.problem = self.save_state()

    def undo_link(self) -> bool:
        """The links as they were before the last one made here; False if none was."""
        if not self.undo:
            return False
        self.review = self.review.with_overrides(self.undo.pop())
        self.problem = self.save_state()
        return True

    def partners(self, left_key: str) -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
        """The right keys `left_key` is paired with now, and for each right key the left
        keys it is paired with now: what linking would break."""
        assert self.comparison is not None
        current: tuple[str, ...] = ()
        partners: dict[str, tuple[str, ...]] = {}
        for view in self.comparison.views:
            pair = view.pair
            if left_key in pair.lefts:
                current = pair.rights
            for right in pair.rights:
                partners[right] = (*partners.get(right, ()), *pair.lefts)
        return current, partners

    def swap(self) -> None:
        """Left becomes right; the selection stays on the same pair, its keys reversed."""
        keys = self.selected_keys()
        self.swapped = not self.swapped
        if keys is not None:
            self.keep = (keys[1], keys[0])
            self.comparison, self.visible = None, ()
