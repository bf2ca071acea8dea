"""A review's first comparison, computed in a second process while the UI starts.

Reading, aligning and diffing a long resolution takes about as long as importing Textual and
drawing its first screen; in one process Python runs them one after the other. Here a child
process, forked before Textual starts any thread (a process with threads cannot be forked
safely), computes the comparison while the parent starts the UI; the child sends it back
pickled without the two documents, which the parent holds. The two read the documents at the
same time, one each, and hand each other what they read (pickled, which costs a tenth of
reading). Where there is no fork, one processor or threads already running, nothing is
forked and the session computes in the UI's worker thread instead; and where
`RESALIGN_HEAD_START=0` says so (to debug, or where forking is not wanted).
"""

from __future__ import annotations

import gc
import io
import os
import pickle
import select
import signal
import threading
from collections.abc import Callable, Hashable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, BinaryIO

from resalign.align.comparison import Comparison
from resalign.align.model import Document
from resalign.tui.session import Session

if TYPE_CHECKING:
    from resalign.tui.app import ReviewApp


TAKE_WITHIN = 0.5
"""Seconds the UI waits before its first screen for the comparison computed ahead; when it
takes longer (long documents), the UI starts and shows it is computing."""


@dataclass
class Ahead:
    """A session and the process computing its first comparison (None where none runs)."""

    session: Session
    head_start: HeadStart | None

    def compute(self) -> Comparison:
        """The session's comparison as it stands (run off the UI thread): the one computed
        ahead if it was for these inputs, else computed here."""
        if self.head_start is not None:
            found = self.head_start.take(self.session.key(), self.session.documents())
            if found is not None:
                return found
        return self.session.compute_here()

    def take(self, within: float = TAKE_WITHIN) -> bool:
        """Show the comparison computed ahead if it comes within `within` seconds, here
        and now: in the UI's worker thread it would share the processor with the UI's
        start, and the first screen could not show pairs."""
        if self.head_start is None:
            return False
        if not self.head_start.ready(within):
            return False
        found = self.head_start.take(self.session.key(), self.session.documents())
        if found is not None:
            self.session.show(found)
        return found is not None

    def close(self) -> None:
        """Stop computing ahead, if it still runs."""
        if self.head_start is not None:
            self.head_start.close()


def opened_ahead(
    read_left: Callable[[], Document],
    read_right: Callable[[], Document],
    open_session: Callable[[Document, Document], Session],
) -> Ahead:
    """The session of the two documents read, its first comparison computed ahead: the
    child reads the left document while this process reads the right one, and each hands
    the other what it read. Both read files (a document named by symbol is fetched first,
    once)."""
    down, up = _pipe(), _pipe()  # (reading end, writing end) each

    def in_child() -> tuple[Hashable, Comparison]:
        os.close(down[1])  # with this copy open, the parent's end of file would never come
        os.close(up[0])
        with os.fdopen(down[0], "rb") as from_parent, os.fdopen(up[1], "wb") as to_parent:
            left = read_left()
            right = _receive(from_parent)  # first: the parent waits until it is read
            _send(to_parent, left)
        if right is None:
            raise EOFError("the parent sent no document")
        session = open_session(left, right)
        return session.key(), session.compute_here()

    early = HeadStart.begin(in_child)
    os.close(down[0])
    os.close(up[1])
    with os.fdopen(down[1], "wb") as to_child, os.fdopen(up[0], "rb") as from_child:
        try:
            right = read_right()
            _send(to_child, right if early is not None else None)
            session = open_session(_receive(from_child) or read_left(), right)
        except BaseException:
            if early is not None:
                early.close()
            raise
    return Ahead(session, early)


def review_app(ahead: Ahead) -> ReviewApp:
    """The review app of a session opened ahead, with its comparison if that comes soon.
    Textual is imported here, while the child computes. The comparison is taken here too,
    not in the UI's worker thread, where it would share the processor with the UI's start
    (the front end runs this with the cycle collector off: `resalign.quietly`)."""
    from resalign.tui.app import ReviewApp

    ahead.take()
    return ReviewApp(ahead.session, compute=ahead.compute)


PIPE_BYTES = 1 << 20
"""What a pipe between the two processes holds (Linux's most, unprivileged; 64 KiB by
default): the child's comparison of a long resolution goes in one write, where the UI's worker
thread would read them in several, each waiting for the UI thread to let go of the GIL."""


def _pipe() -> tuple[int, int]:
    reader, writer = os.pipe()
    try:
        import fcntl

        fcntl.fcntl(writer, fcntl.F_SETPIPE_SZ, PIPE_BYTES)
    except (ImportError, AttributeError, OSError):  # not Linux, or a lower limit here
        pass
    return reader, writer


def _send(pipe: BinaryIO, value: object | None) -> None:
    """`value` pickled into the pipe, closed after: the reader's end of file."""
    try:
        with pipe:
            if value is not None:
                pipe.write(pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))
    except BrokenPipeError:  # the other process is gone: each does its own work
        pass


def _receive(pipe: BinaryIO) -> Any:
    """What the other process sent, once it closed its end; None if it sent nothing or
    was cut short (it failed or died)."""
    with pipe:
        data = pipe.read()
    try:
        return pickle.loads(data)
    except (pickle.UnpicklingError, EOFError):
        return None


class Closed(Exception):
    """The review was closed while its first comparison was being computed."""


class HeadStart:
    """A comparison being computed in a child process, with the key of what it compared.

    It only saves time: whatever goes wrong in the child (it fails, dies or compared other
    documents), `take` says None and the session computes the comparison itself, meeting
    any error there. Once closed, it raises `Closed` instead: the UI has ended, and nothing
    should keep the process from exiting. One lock decides who closes the pipe (the `take`
    that reads it, else `close`), another guards the child: it is never signalled once
    reaped, when its pid may be another process's."""

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
        """Fork a process that runs `compute`; None where forking is not safe, useful or
        wanted."""
        if (
            os.environ.get("RESALIGN_HEAD_START") == "0"
            or not hasattr(os, "fork")
            or threading.active_count() > 1
            or _processors() < 2
        ):
            return None
        reader, writer = _pipe()
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

    def ready(self, within: float) -> bool:
        """The child has written what it computed (or ended), or does within `within`
        seconds: `take` then waits for nothing but reading it."""
        with self._pipe:
            if self._taken:
                return False
            readable, _, _ = select.select([self._reader], [], [], within)
        return bool(readable)

    def take(self, key: Hashable, documents: tuple[Document, Document]) -> Comparison | None:
        """The child's comparison of `documents`, once it comes, if it compared what `key`
        says; None if it did not, failed, or was taken already."""
        with self._pipe:
            if self._closed:
                raise Closed
            if self._taken:
                return None
            self._taken = True  # the pipe is this call's to read and close
        received = _received_comparison(os.fdopen(self._reader, "rb"), key, documents)
        self._reap()  # it has written all it will
        if self._closed:  # killed while this read
            raise Closed
        return received

    def close(self) -> None:
        """Stop the child if it still runs and reap it: the review is over."""
        self._closed = True
        with self._child:
            if not self._reaped:
                os.kill(self._pid, signal.SIGKILL)
        with self._pipe:  # a `take` reading the pipe meets its end now
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
    """Compute and write the key and the comparison to `writer` (nothing if computing
    fails), and
    end the process: the parent's exit handlers and buffered output are not the child's to
    run or flush, nor its errors to print."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C before the UI starts: end quietly
    gc.disable()  # a process this short leaves its garbage to the exit
    try:
        key, comparison = compute()
        _send_comparison(os.fdopen(writer, "wb"), key, comparison)
    finally:
        os._exit(0)


class _Pickler(pickle.Pickler):
    """Pickles a comparison with its two documents as references: the other process has
    them (the documents are most of its bytes)."""

    def __init__(self, file: BinaryIO, documents: tuple[Document, Document]) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self._ids = {id(document): name for document, name in zip(documents, "lr", strict=True)}

    def persistent_id(self, obj: object) -> str | None:
        return self._ids.get(id(obj)) if isinstance(obj, Document) else None


class _Unpickler(pickle.Unpickler):
    """Loads what `_Pickler` wrote, with this process's own two documents."""

    def __init__(self, file: BinaryIO, documents: tuple[Document, Document]) -> None:
        super().__init__(file)
        self._documents = dict(zip("lr", documents, strict=True))

    def persistent_load(self, pid: Any) -> Document:
        return self._documents[pid]


def _send_comparison(pipe: BinaryIO, key: Hashable, comparison: Comparison) -> None:
    """The key, then the comparison without its documents, into the pipe (closed after)."""
    try:
        with pipe:
            pickle.dump(key, pipe, protocol=pickle.HIGHEST_PROTOCOL)
            _Pickler(pipe, (comparison.left, comparison.right)).dump(comparison)
    except BrokenPipeError:  # the parent is gone
        pass


def _received_comparison(
    pipe: BinaryIO, key: Hashable, documents: tuple[Document, Document]
) -> Comparison | None:
    """The comparison the child sent, made with `documents`, if it compared what `key`
    says; None if it did not, or sent nothing whole (it failed or died)."""
    with pipe:
        data = pipe.read()
    stream = io.BytesIO(data)
    try:
        if pickle.load(stream) != key:
            return None
        comparison: Comparison = _Unpickler(stream, documents).load()
    except (pickle.UnpicklingError, EOFError):
        return None
    return comparison
