"""A review's first comparison, computed in a second process while the UI starts.

Reading, aligning and diffing 2,000 pairs takes about 0.7 s; importing Textual and drawing
its first screen, about 0.4 s. In one process Python runs them one after the other. Here a
child process, forked before Textual starts any thread (a process with threads cannot be
forked safely), computes the comparison while the parent starts the UI; the child sends
back what it computed as `Diffs`. The two read the documents at the same time, one each,
and the parent hands its one over (pickled: 15 ms for 2,000 paragraphs, a tenth of reading
them). Where there is no fork, one processor or threads already running, nothing is forked
and the session computes in the UI's worker thread instead.
"""

from __future__ import annotations

import os
import pickle
import signal
import threading
from collections.abc import Callable, Hashable

from align.comparison import Comparison, diffs_of, from_diffs
from align.model import Document
from tui.session import Session


def opened_ahead(
    read_left: Callable[[], Document],
    read_right: Callable[[], Document],
    open_session: Callable[[Document, Document], Session],
    *,
    fork_first: bool,
) -> Session:
    """The session of the two documents read, its first comparison computed ahead.

    With `fork_first`, the child reads the left document while this process reads the
    right one and hands it over, then reads the left one too (for plain files: a document
    fetched should be fetched once, before forking)."""
    if not fork_first:
        session = open_session(read_left(), read_right())
        session.head_start = HeadStart.begin(lambda: _keyed(session))
        return session
    reader, writer = os.pipe()
    early = HeadStart.begin(lambda: _keyed(open_session(read_left(), _receive(reader, writer))))
    os.close(reader)
    try:
        right = _read_and_hand_over(read_right, writer, early is not None)
        session = open_session(read_left(), right)
    except BaseException:
        if early is not None:
            early.close()
        raise
    session.head_start = early
    return session


def _read_and_hand_over(read: Callable[[], Document], writer: int, child: bool) -> Document:
    """The document `read` gives, pickled into `writer` when there is a `child` to read it.
    The pipe is closed at once, whatever happens: that is the child's end of file."""
    try:
        with os.fdopen(writer, "wb") as pipe:
            document = read()
            if child:
                pipe.write(pickle.dumps(document, protocol=pickle.HIGHEST_PROTOCOL))
    except BrokenPipeError:  # the child is gone: the session computes for itself
        pass
    return document


def _receive(reader: int, writer: int) -> Document:
    """In the child: the document the parent sends. The child's copy of the writing end
    is closed first, so that a parent that sends nothing is an end of file, not a wait."""
    os.close(writer)
    with os.fdopen(reader, "rb") as pipe:
        return pickle.loads(pipe.read())


def _keyed(session: Session) -> tuple[Hashable, Comparison]:
    return session.key(), session.compute_here()


class Closed(Exception):
    """The review was closed while its first comparison was being computed."""


class HeadStart:
    """A comparison being computed in a child process, with the key of what it compared.

    It only saves time: whatever goes wrong in the child (it fails, dies or compared other
    documents), `take` says None and the session computes the comparison itself, meeting
    any error there. Once closed, it raises `Closed` instead: the UI has ended, and nothing
    should keep the process from exiting. One lock guards the pipe, another the child: it
    is never signalled once reaped (its pid may be another process's by then), and `close`
    need not wait for a `take` that is reading."""

    def __init__(self, pid: int, reader: int) -> None:
        self._pid = pid
        self._reader = reader
        self._pipe = threading.Lock()
        self._taken = False
        """The pipe is read or closed: nothing more to take."""
        self._child = threading.Lock()
        self._reaped = False
        self._closed = False

    @classmethod
    def begin(cls, compute: Callable[[], tuple[Hashable, Comparison]]) -> HeadStart | None:
        """Fork a process that runs `compute`; None where forking is not safe or useful."""
        if not hasattr(os, "fork") or threading.active_count() > 1 or _processors() < 2:
            return None
        reader, writer = os.pipe()
        try:
            pid = os.fork()
        except OSError:
            os.close(reader)
            os.close(writer)
            return None
        if pid == 0:
            os.close(reader)
            _child(compute, writer)
        os.close(writer)
        return cls(pid, reader)

    def take(self, key: Hashable, documents: tuple[Document, Document]) -> Comparison | None:
        """The child's comparison of `documents`, once it comes, if it compared what `key`
        says; None if it did not, failed, or was taken already."""
        with self._pipe:
            if self._closed:
                raise Closed
            if self._taken:
                return None
            self._taken = True
            with os.fdopen(self._reader, "rb") as pipe:
                data = pipe.read()
        self._reap()  # it has written all it will
        if self._closed:  # killed while this read
            raise Closed
        try:
            computed_for, diffs = pickle.loads(data)
        except (pickle.UnpicklingError, EOFError):  # nothing, or cut short: the child died
            return None
        return from_diffs(*documents, diffs) if computed_for == key else None

    def close(self) -> None:
        """Stop the child if it still runs and reap it: the review is over."""
        self._closed = True
        with self._child:
            if not self._reaped:
                os.kill(self._pid, signal.SIGKILL)
        with self._pipe:  # a `take` reading the pipe meets its end now, and lets go
            if not self._taken:
                self._taken = True
                os.close(self._reader)
        self._reap()

    def _reap(self) -> None:
        with self._child:
            if not self._reaped:
                os.waitpid(self._pid, 0)
                self._reaped = True


def _processors() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


def _child(compute: Callable[[], tuple[Hashable, Comparison]], writer: int) -> None:
    """Compute and write the key and `Diffs` to `writer` (nothing if computing fails), and
    end the process: the parent's exit handlers and buffered output are not the child's to
    run or flush, nor its errors to print."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C before the UI starts: end quietly
    try:
        key, comparison = compute()
        data = pickle.dumps((key, diffs_of(comparison)), protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writer, "wb") as pipe:
            pipe.write(data)
    finally:
        os._exit(0)
