"""Running a reader's untrusted work in a child process, within memory and time limits.

PDFium decompresses a PDF's streams in C, where no check of ours can reach: a few kilobytes
of nested compression grow to gigabytes, a page tree that loops, or a malformed file, can
exhaust memory, spin or crash the process. So the PDF reader extracts its pages in a forked
child with its address space capped (`MEMORY` above what it had when it started) and a
deadline; whatever happens there, the user gets one line and the program goes on to exit
cleanly. Where `fork` is missing (not POSIX), the work runs in-process.

A process that reads many documents (a corpus worker, on a pool or in a Dask cluster, where
threads run beside the task: no place to fork from) calls `keep_reader` first: its work then
goes to one reader process it starts once, under the same limits: memory capped at its
start, a deadline for each document, a new reader after one that failed or ran out.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import pickle
import select
import signal
import struct
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, TypeVar

from resalign.align.errors import ReadError

MEMORY = 512 * 1024 * 1024
"""Address space the child may add to what it had (512 MiB)."""
SECONDS = 120.0
"""How long the child may work."""

T = TypeVar("T")


def run_isolated(work: Callable[[], T], *, source: str) -> T:
    """`work()`, computed in a child process; its ReadError, or one for a child that ran
    out of memory, out of time, or died, comes back as a ReadError here."""
    return run_isolated_each([work], source=source)[0]


def run_isolated_each(works: Sequence[Callable[[], T]], *, source: str) -> list[T]:
    """Each of `works` computed in a child process of its own, all at once (the pages of
    a long PDF shared between the cores), each within the limits; their results in order,
    or the first failure as a ReadError. With a kept reader, in that reader, in turn."""
    if _keep:
        reader = _reader()
        return [reader.run(work, source) for work in works]
    if not hasattr(os, "fork"):
        return [work() for work in works]
    memory, seconds = MEMORY, SECONDS
    children: list[tuple[int, int]] = []
    for work in works:
        reading, writing = os.pipe()
        child = os.fork()
        if child == 0:  # the child: never returns
            os.close(reading)
            _child(work, writing, memory)
        os.close(writing)
        children.append((child, reading))
    try:
        payloads = _read_each([reading for _, reading in children], seconds)
    except TimeoutError:
        _stop(children)
        raise ReadError(_too_long(source)) from None
    except BaseException:  # Ctrl-C, SIGTERM: no child goes on reading for nobody
        _stop(children)
        raise
    finally:
        for child, reading in children:
            os.close(reading)
            os.waitpid(child, 0)
    return [_result(payload, source, memory) for payload in payloads]


def _result(payload: bytes, source: str, memory: int) -> Any:
    """What a child sent: its value, or its ReadError raised here; nothing, from a child
    that ran out of memory, crashed or failed in the C library, is a ReadError too."""
    if not payload:
        raise ReadError(
            f"{source}: refused: it cannot be read within {memory // 2**20} MiB of memory "
            "(a PDF bomb, or a broken file)"
        )
    kind, value = pickle.loads(payload)
    if kind == "error":
        raise ReadError(value)
    return value


def _too_long(source: str) -> str:
    return f"{source}: refused: reading took longer than {SECONDS:g} s"


def _stop(children: list[tuple[int, int]]) -> None:
    for child, _ in children:
        with contextlib.suppress(ProcessLookupError):
            os.kill(child, signal.SIGKILL)


def _child(work: Callable[[], object], writing: int, memory: int) -> None:
    code = 0
    faulthandler.disable()  # a crash here is the parent's to say, in one line, not a dump
    signal.alarm(int(SECONDS) + 5)  # ends the child on time, even where its parent is killed
    try:
        _limit_memory(memory)
        with os.fdopen(writing, "wb") as out:
            out.write(_computed(work))
    except BaseException:  # out of memory, or a failure in C: the parent says it in one line
        code = 1
    finally:
        os._exit(code)


def _computed(work: Callable[[], object]) -> bytes:
    """`work()` pickled as a child sends it: its value, or its ReadError's message."""
    try:
        result: tuple[str, object] = ("ok", work())
    except ReadError as error:
        result = ("error", str(error))
    return pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)


def _limit_memory(memory: int) -> None:
    try:
        import resource

        pages = int(Path("/proc/self/statm").read_bytes().split()[0])
    except (ImportError, OSError, ValueError):
        return
    limit = pages * os.sysconf("SC_PAGE_SIZE") + memory
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))


def _read_each(descriptors: list[int], seconds: float) -> list[bytes]:
    """Everything each descriptor gives until it closes, read as it comes, by a deadline."""
    deadline = time.monotonic() + seconds
    chunks: dict[int, list[bytes]] = {descriptor: [] for descriptor in descriptors}
    open_ = set(descriptors)
    while open_:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        ready, _, _ = select.select(list(open_), [], [], left)
        if not ready:
            raise TimeoutError
        for descriptor in ready:
            chunk = os.read(descriptor, 1 << 20)
            if chunk:
                chunks[descriptor].append(chunk)
            else:
                open_.discard(descriptor)
    return [b"".join(chunks[descriptor]) for descriptor in descriptors]


RECYCLE = 100
"""Documents a kept reader reads before a new one takes over: what a reader keeps between
documents (caches, a fragmented heap) counts against its memory cap."""


class _Reader:
    """A reader process kept for many documents (`python -m resalign.align.read.isolated
    MEMORY`): each work is sent to it pickled, behind its length, and its result comes back
    so. One that dies, or is stopped at its deadline, is replaced for the next work."""

    def __init__(self) -> None:
        self._process: subprocess.Popen[bytes] | None = None
        self._served = 0
        self._memory = 0

    def run(self, work: Callable[[], T], source: str) -> T:
        memory = MEMORY
        process = self._started(memory)
        payload = pickle.dumps(work, protocol=pickle.HIGHEST_PROTOCOL)
        try:
            assert process.stdin is not None and process.stdout is not None
            process.stdin.write(struct.pack("<Q", len(payload)) + payload)
            process.stdin.flush()
            answer = _framed(process.stdout.fileno(), time.monotonic() + SECONDS)
        except TimeoutError:
            self.close()
            raise ReadError(_too_long(source)) from None
        except BrokenPipeError:
            answer = b""
        except BaseException:  # Ctrl-C, SIGTERM: the reader stops with this process
            self.close()
            raise
        self._served += 1
        if not answer or self._served >= RECYCLE:
            self.close()
        value: T = _result(answer, source, memory)
        return value

    def _started(self, memory: int) -> subprocess.Popen[bytes]:
        if self._process is not None and memory != self._memory:
            self.close()  # the cap changed (a test lowers it): a reader under the new one
        if self._process is None:
            self._process = subprocess.Popen(
                [sys.executable, "-m", __name__, str(memory)],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,  # a crash is said here, in one line
            )
            self._served, self._memory = 0, memory
        return self._process

    def close(self) -> None:
        if self._process is not None:
            with contextlib.suppress(ProcessLookupError):
                self._process.kill()
            self._process.wait()
            for pipe in (self._process.stdin, self._process.stdout):
                if pipe is not None:
                    pipe.close()
            self._process = None


_keep = False
_readers = threading.local()
"""Each thread's kept reader (a Dask worker may run tasks on several threads)."""


def keep_reader() -> None:
    """From now on, run this process's isolated work in a kept reader process (one per
    thread that asks)."""
    global _keep
    _keep = True


def stop_keeping() -> None:
    """Fork for each work again, as a command does, this thread's kept reader stopped."""
    global _keep
    _keep = False
    reader: _Reader | None = getattr(_readers, "reader", None)
    if reader is not None:
        reader.close()


def kept() -> bool:
    """Whether kept readers run the work (one work at a time: no sharing a document's
    pages between children)."""
    return _keep


def _reader() -> _Reader:
    reader: _Reader | None = getattr(_readers, "reader", None)
    if reader is None:
        reader = _readers.reader = _Reader()
    return reader


def _framed(descriptor: int, deadline: float) -> bytes:
    """One answer of the reader: its length, then that many bytes; nothing where the
    reader died (end of file)."""
    head = _exactly(descriptor, 8, deadline)
    if len(head) < 8:
        return b""
    size = struct.unpack("<Q", head)[0]
    body = _exactly(descriptor, size, deadline)
    return body if len(body) == size else b""


def _exactly(descriptor: int, size: int, deadline: float) -> bytes:
    chunks: list[bytes] = []
    got = 0
    while got < size:
        left = deadline - time.monotonic()
        if left <= 0 or not select.select([descriptor], [], [], left)[0]:
            raise TimeoutError
        chunk = os.read(descriptor, min(size - got, 1 << 20))
        if not chunk:
            break
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def _alarm(seconds: int) -> None:
    """SIGALRM in `seconds` (0: none), where there is one (not on Windows: the parent's
    deadline alone holds there)."""
    if hasattr(signal, "alarm"):
        signal.alarm(seconds)


def _serve(memory: int) -> None:
    """The kept reader: computes each work it is sent until its input ends."""
    import resalign.align.read.pdf  # noqa: F401  (its one user: loaded before the cap, as forked)

    faulthandler.disable()
    signal.signal(signal.SIGINT, signal.SIG_DFL)
    _limit_memory(memory)
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    while len(head := source.read(8)) == 8:
        work = pickle.loads(source.read(struct.unpack("<Q", head)[0]))
        _alarm(int(SECONDS) + 5)  # ends the reader on time, even where its parent died
        answer = _computed(work)
        _alarm(0)
        sink.write(struct.pack("<Q", len(answer)) + answer)
        sink.flush()


if __name__ == "__main__":
    try:
        _serve(int(sys.argv[1]))
    except BaseException:  # out of memory, or a failure in C: the parent says it in one line
        os._exit(1)
