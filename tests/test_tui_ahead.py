"""The first comparison computed in a child process while the UI starts (`tui.ahead`), and
what it sends back: the comparison without its documents and views."""

from __future__ import annotations

import os
import pickle
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from resalign import quietly
from resalign.align import Document, parse_text
from resalign.align.aligner import align
from resalign.align.comparison import PairView, compare, with_reviewed
from resalign.align.diff import DELETE, INSERT, DiffStats, stats
from resalign.align.errors import ReadError
from resalign.align.marks import seal
from resalign.tui.ahead import (
    Ahead,
    Closed,
    HeadStart,
    _processors,
    _received_comparison,
    _send_comparison,
    opened_ahead,
    review_app,
)
from resalign.tui.app import ReviewApp
from resalign.tui.session import Session
from tests.tui_helpers import ready, screen_text

pytestmark = pytest.mark.forks
forks = pytest.mark.skipif(
    not hasattr(os, "fork") or _processors() < 2, reason="computing ahead needs fork and two CPUs"
)


def _holds_its_diff(view: PairView) -> bool:
    """The view's spans give back both its texts, and its counts are theirs."""
    if view.spans is None:
        return view.stats == DiffStats(0, 0, 0)
    kept = "".join(span.text for span in view.spans if span.op != INSERT)
    made = "".join(span.text for span in view.spans if span.op != DELETE)
    return (
        kept == (view.left_text or "")
        and made == (view.right_text or "")
        and view.stats == stats(view.spans)
    )


@pytest.mark.parametrize("mode", ["version", "language"])
def test_a_comparison_sent_between_processes_comes_back_whole(
    es: Document, en: Document, modeled: Document, mode: str, tmp_path: Path
) -> None:
    """Pickled without its views and, between the two processes, without its documents:
    each view is made again, its diff, counts and review marks as they were."""
    right = modeled if mode == "version" else en
    compared = compare(es, right, align(es, right))
    first, second = compared.views[5], compared.views[6]
    comparison = with_reviewed(
        compared,
        {
            (first.pair.left, first.pair.right): seal(first.left_text, first.right_text),
            (second.pair.left, second.pair.right): seal("other", "texts"),
        },
    )
    assert (comparison.views[5].reviewed, comparison.views[6].stale) == (True, True)
    assert pickle.loads(pickle.dumps(comparison)) == comparison
    pipe = tmp_path / "pipe"
    with pipe.open("wb") as sending:
        _send_comparison(sending, "key", comparison)
    with pipe.open("rb") as receiving:
        again = _received_comparison(receiving, "key", (es, right))
    assert again == comparison
    assert again.left is es and again.right is right
    assert all(map(_holds_its_diff, again.views))
    if mode == "version":  # the documents and the texts stay home
        assert pipe.stat().st_size < len(pickle.dumps(comparison.views)) / 4
    with pipe.open("rb") as receiving:  # another key: not taken, never built
        assert _received_comparison(receiving, "other key", (right, es)) is None


def test_a_split_and_an_empty_side_keep_their_diffs() -> None:
    old = parse_text("The General Assembly,\n\n1. Decides one. Decides two;\n\n2. Keeps;\n")
    new = parse_text("The General Assembly,\n\n1. Decides one.\n\n2. Decides two;\n\n3. Adds;\n")
    comparison = compare(old, new, align(old, new, mode="version"))
    assert any(len(v.pair.rights) > 1 or not v.pair.lefts for v in comparison.views)
    assert all(map(_holds_its_diff, comparison.views))


def test_values_pickled_by_fields_come_back_equal_and_others_are_refused() -> None:
    from dataclasses import dataclass

    from resalign.align.alignment import Finding, Pair
    from resalign.align.pickling import by_fields

    finding = Finding("year", "PP1", "PP1", ("2017",), ("2019",), "2017 is 2019 on the right")
    pair = Pair(("PP1",), ("PP1", "PP2"), "split", 0.8, "content", (finding,), "split")
    assert pickle.loads(pickle.dumps(pair)) == pair
    assert pair.__reduce__() == (
        Pair,
        (("PP1",), ("PP1", "PP2"), "split", 0.8, "content", (finding,), "split"),
    )

    @dataclass
    class Checked:
        value: int

        def __post_init__(self) -> None:
            self.value = abs(self.value)

    with pytest.raises(AssertionError):
        by_fields(Checked)


def _open(
    left: Document,
    right: Document,
    state: Path,
    *,
    reads: list[str] | None = None,
) -> Ahead:
    """A session opened ahead as `resalign tui` opens one; `reads` collects the symbols of
    the documents this process read (a child's reads are its own)."""

    def reading(document: Document) -> Document:
        if reads is not None:
            reads.append(document.symbol or "")
        return document

    return opened_ahead(
        lambda: reading(left),
        lambda: reading(right),
        lambda left, right: Session.open(left, right, state),
    )


@pytest.fixture
def ahead(es: Document, modeled: Document, tmp_path: Path) -> Iterator[Ahead]:
    opened = _open(es, modeled, tmp_path / "review.toml")
    assert opened.head_start is not None
    yield opened
    opened.close()


@forks
def test_the_child_computes_what_the_session_would(ahead: Ahead) -> None:
    assert ahead.head_start is not None
    session = ahead.session
    computed = ahead.head_start.take(session.key(), session.documents())
    assert computed == session.compute_here()
    assert len(computed.views) == 86
    assert ahead.head_start.take(session.key(), session.documents()) is None  # once


@forks
def test_each_process_reads_one_document_and_hands_it_to_the_other(
    es: Document, modeled: Document, tmp_path: Path
) -> None:
    reads: list[str] = []
    opened = _open(es, modeled, tmp_path / "review.toml", reads=reads)
    try:
        assert reads == ["A/RES/70/179"]  # the right one; the left came from the child
        assert opened.session.left == es
        assert opened.session.right is modeled
        assert opened.compute() == compare(es, modeled, align(es, modeled))
    finally:
        opened.close()


@forks
def test_a_left_document_the_child_cannot_read_is_read_here_and_its_error_said(
    modeled: Document, tmp_path: Path
) -> None:
    def unreadable() -> Document:
        raise ReadError("left.pdf: not a PDF")

    with pytest.raises(ReadError, match=r"left\.pdf: not a PDF"):
        opened_ahead(
            unreadable,
            lambda: modeled,
            lambda left, right: Session.open(left, right, tmp_path / "review.toml"),
        )


@forks
def test_a_comparison_of_other_inputs_is_not_taken(
    ahead: Ahead, es: Document, modeled: Document
) -> None:
    """Swapped before the child's comparison arrived: the session computes its own."""
    session = ahead.session
    session.swap()
    assert ahead.head_start is not None
    assert ahead.head_start.take(session.key(), session.documents()) is None
    swapped = ahead.compute()
    assert swapped.left is modeled
    assert swapped == compare(modeled, es, align(modeled, es))


@forks
def test_a_child_that_fails_leaves_the_work_to_the_session(es: Document, modeled: Document) -> None:
    def broken() -> tuple[int, object]:
        raise RuntimeError("boom")

    head_start = HeadStart.begin(broken)  # type: ignore[arg-type]
    assert head_start is not None
    assert head_start.take(0, (es, modeled)) is None
    head_start.close()


def _slow() -> tuple[int, object]:
    time.sleep(60)
    raise AssertionError("not stopped")


@forks
def test_closing_stops_a_child_still_computing_at_once(es: Document, modeled: Document) -> None:
    head_start = HeadStart.begin(_slow)  # type: ignore[arg-type]
    assert head_start is not None
    pid = head_start._pid
    start = time.perf_counter()
    head_start.close()
    assert time.perf_counter() - start < 1
    with pytest.raises(ChildProcessError):  # reaped: no zombie left behind
        os.waitpid(pid, os.WNOHANG)
    with pytest.raises(Closed):  # the review ended: nothing more to compute
        head_start.take(0, (es, modeled))
    head_start.close()  # twice is harmless


@forks
def test_a_review_closed_while_its_comparison_is_computed_ends_at_once(
    es: Document, modeled: Document
) -> None:
    """Quitting before the first screen: the worker waiting for the child stops too, and
    does not compute the comparison itself (exiting would wait for it)."""
    import threading

    head_start = HeadStart.begin(_slow)  # type: ignore[arg-type]
    assert head_start is not None
    outcome: list[BaseException] = []

    def wait() -> None:
        try:
            head_start.take(0, (es, modeled))
        except Closed as error:
            outcome.append(error)

    worker = threading.Thread(target=wait)
    worker.start()
    time.sleep(0.1)  # the worker is reading the pipe
    head_start.close()
    worker.join(timeout=2)
    assert not worker.is_alive()
    assert len(outcome) == 1


@forks
def test_a_document_that_cannot_be_read_stops_the_child(
    es: Document, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[HeadStart] = []
    begin = HeadStart.begin.__func__  # type: ignore[attr-defined]

    def recorded(cls: type[HeadStart], compute):  # type: ignore[no-untyped-def]
        started.append(begin(cls, compute))
        return started[-1]

    monkeypatch.setattr(HeadStart, "begin", classmethod(recorded))

    def unreadable() -> Document:
        raise ReadError("right.pdf: not a PDF")

    with pytest.raises(ReadError, match="not a PDF"):
        opened_ahead(lambda: es, unreadable, Session.open)
    assert len(started) == 1
    with pytest.raises(ChildProcessError):
        os.waitpid(started[0]._pid, os.WNOHANG)


def test_no_fork_while_threads_run() -> None:
    """Forking a process with threads can leave the child holding a lock forever."""
    import threading

    release = threading.Event()
    thread = threading.Thread(target=release.wait)
    thread.start()
    try:
        assert HeadStart.begin(lambda: (0, None)) is None  # type: ignore[arg-type, return-value]
    finally:
        release.set()
        thread.join()


@forks
async def test_the_ui_shows_the_comparison_computed_ahead(
    es: Document, modeled: Document, tmp_path: Path
) -> None:
    opened = _open(es, modeled, tmp_path / "review.toml")  # first: no UI thread runs yet
    assert opened.head_start is not None
    session = opened.session
    app = ReviewApp(session, compute=opened.compute)
    try:
        plain = ReviewApp(Session.open(es, modeled, tmp_path / "plain.toml"))
        async with plain.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            expected = screen_text(plain)
        async with app.run_test(size=(120, 40)) as pilot:
            await ready(pilot)
            assert opened.head_start.take(session.key(), session.documents()) is None  # taken
            assert screen_text(app) == expected
            assert "< PP24 → PP21+PP22  split" in expected
    finally:
        opened.close()


@pytest.fixture
def unfrozen() -> Iterator[None]:
    """Starting a review freezes what the process holds; the test process takes it back."""
    import gc

    yield
    gc.unfreeze()


@forks
async def test_the_first_screen_has_the_pairs_when_the_child_is_done_in_time(
    es: Document, modeled: Document, tmp_path: Path, unfrozen: None
) -> None:
    """As `resalign tui` starts: the comparison is taken before the app runs, so its first
    screen shows pairs and no worker computes; the cycle collector is on again after."""
    import gc

    opened = _open(es, modeled, tmp_path / "review.toml")
    try:
        app = quietly(lambda: review_app(opened))
        assert gc.isenabled()
        assert opened.session.comparison == compare(es, modeled, align(es, modeled))
        async with app.run_test(size=(120, 40)):
            assert "< PP24 → PP21+PP22  split" in screen_text(app)
            assert not app.workers
    finally:
        opened.close()


@forks
def test_a_child_not_done_in_time_leaves_the_comparison_to_the_worker(
    es: Document, modeled: Document
) -> None:
    opened = Ahead(Session.open(es, modeled, Path("unused.toml")), HeadStart.begin(_slow))  # type: ignore[arg-type]
    try:
        start = time.perf_counter()
        assert opened.take(within=0.2) is False
        assert 0.2 <= time.perf_counter() - start < 1
        assert opened.session.comparison is None
    finally:
        opened.close()


def test_the_head_start_can_be_turned_off(
    es: Document, modeled: Document, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`RESALIGN_HEAD_START=0`: nothing is forked; this process reads both documents and
    the session computes the same comparison itself."""
    monkeypatch.setenv("RESALIGN_HEAD_START", "0")
    reads: list[str] = []
    opened = _open(es, modeled, tmp_path / "review.toml", reads=reads)
    try:
        assert opened.head_start is None
        assert sorted(reads) == ["A/RES/70/179", "A/RES/72/195"]
        assert opened.compute() == compare(es, modeled, align(es, modeled))
    finally:
        opened.close()
