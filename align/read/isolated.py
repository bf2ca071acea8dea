"""Running a reader's untrusted work in a child process, within memory and time limits.

PDFium decompresses a PDF's streams in C, where no check of ours can reach: a few kilobytes
of nested compression grow to gigabytes, a page tree that loops, or a malformed file, can
exhaust memory, spin or crash the process. So the PDF reader extracts its pages in a forked
child with its address space capped (`MEMORY` above what it had when it started) and a
deadline; whatever happens there, the user gets one line and the program goes on to exit
cleanly. Where `fork` is missing (not POSIX), the work runs in-process.
"""

from __future__ import annotations

import contextlib
import faulthandler
import os
import pickle
import select
import signal
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

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
    or the first failure as a ReadError."""
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
        raise ReadError(f"{source}: refused: reading took longer than {seconds:.0f} s") from None
    except BaseException:  # Ctrl-C, SIGTERM: no child goes on reading for nobody
        _stop(children)
        raise
    finally:
        for child, reading in children:
            os.close(reading)
            os.waitpid(child, 0)
    if not all(payloads):  # out of memory, crashed, or failed in the C library
        raise ReadError(
            f"{source}: refused: it cannot be read within {memory // 2**20} MiB of memory "
            "(a PDF bomb, or a broken file)"
        )
    results = [pickle.loads(payload) for payload in payloads]
    for kind, value in results:
        if kind == "error":
            raise ReadError(value)
    return [value for _, value in results]


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
        try:
            result: tuple[str, object] = ("ok", work())
        except ReadError as error:
            result = ("error", str(error))
        data = pickle.dumps(result, protocol=pickle.HIGHEST_PROTOCOL)
        with os.fdopen(writing, "wb") as out:
            out.write(data)
    except BaseException:  # out of memory, or a failure in C: the parent says it in one line
        code = 1
    finally:
        os._exit(code)


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
