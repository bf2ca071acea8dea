"""Running a reader's untrusted work in a child process, within memory and time limits.

PDFium decompresses a PDF's streams in C, where no check of ours can reach: a few kilobytes
of nested compression grow to gigabytes, a page tree that loops, or a malformed file, can
exhaust memory, spin or crash the process. So the PDF reader extracts its pages in a forked
child with its address space capped (`MEMORY` above what it had when it started) and a
deadline; whatever happens there, the user gets one line and the program goes on to exit
cleanly. Where `fork` is missing (not POSIX), the work runs in-process.
"""

from __future__ import annotations

import os
import pickle
import select
import signal
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from align.errors import ReadError

MEMORY = 512 * 1024 * 1024
"""Address space the child may add to what it had (512 MiB)."""
SECONDS = 120.0
"""How long the child may work."""

T = TypeVar("T")


def run_isolated(work: Callable[[], T], *, source: str) -> T:
    """`work()`, computed in a child process; its ReadError, or one for a child that ran
    out of memory, out of time, or died, comes back as a ReadError here."""
    if not hasattr(os, "fork"):
        return work()
    memory, seconds = MEMORY, SECONDS
    reading, writing = os.pipe()
    child = os.fork()
    if child == 0:  # the child: never returns
        os.close(reading)
        _child(work, writing, memory)
    os.close(writing)
    try:
        payload = _read_all(reading, seconds)
    except TimeoutError:
        os.kill(child, signal.SIGKILL)
        raise ReadError(f"{source}: refused: reading took longer than {seconds:.0f} s") from None
    finally:
        os.close(reading)
        os.waitpid(child, 0)
    if not payload:  # out of memory, crashed, or failed in the C library
        raise ReadError(
            f"{source}: refused: it cannot be read within {memory // 2**20} MiB of memory "
            "(a PDF bomb, or a broken file)"
        )
    kind, value = pickle.loads(payload)
    if kind == "error":
        raise ReadError(value)
    return value  # type: ignore[no-any-return]


def _child(work: Callable[[], object], writing: int, memory: int) -> None:
    code = 0
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


def _read_all(descriptor: int, seconds: float) -> bytes:
    deadline = time.monotonic() + seconds
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError
        ready, _, _ = select.select([descriptor], [], [], left)
        if not ready:
            raise TimeoutError
        chunk = os.read(descriptor, 1 << 20)
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
