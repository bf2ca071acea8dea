"""Writing outputs safely: atomically, and never over a file without being asked.

The bytes go to a temporary file in the target's folder, which is flushed to disk and
then moved into place in one step: a reader sees the old file or the whole new one,
never half of it. Without `force`, the move is a hard link that fails if the name is
taken, so an existing file is never replaced — not even one that appears meanwhile. A
symbolic link is written through (it stays a link); a device or a named pipe
(`/dev/stdout`, `/dev/null`, a FIFO) is written into, never replaced by a file; anything
else that is no regular file is refused. The temporary file of a write killed halfway is
removed by the next write to that name, as soon as no live write holds its lock.
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from resalign.align.errors import OutputError

try:
    import fcntl
except ImportError:  # not POSIX: a leftover's age tells
    fcntl = None  # type: ignore[assignment]


def write_output(path: str | Path, data: bytes, *, force: bool = False) -> Path:
    """Write `data` to `path` atomically; OutputError if it exists and `force` is not set."""
    with open_output(path, force=force) as handle:
        handle.write(data)
    return Path(path)


@contextlib.contextmanager
def open_output(path: str | Path, *, force: bool = False) -> Iterator[BinaryIO]:
    """A file to write `path` through, bit by bit: it takes the name only when the block
    ends without an error (atomically, as `write_output`); an error leaves no trace."""
    path = Path(path)
    if path.is_symlink():
        path = path.resolve()  # written where the link points: the link stays a link
    if path.is_dir():
        raise OutputError(f"{path}: is a directory")
    kind = path.stat().st_mode if path.exists() else None
    if kind is not None and (stat.S_ISCHR(kind) or stat.S_ISFIFO(kind)):
        with _stream(path) as handle:  # /dev/stdout, a pipe: written into, never replaced
            yield handle
        return
    if kind is not None and not stat.S_ISREG(kind):
        raise OutputError(f"{path}: is not a regular file; nothing is written there")
    if path.exists() and not force:
        raise OutputError(f"{path}: exists; use --force to overwrite it")
    folder = path.parent if str(path.parent) else Path()
    _remove_stale(folder, path.name)
    try:
        descriptor, name = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.", suffix=".new")
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    temporary = Path(name).with_suffix(".tmp")
    try:  # locked first, then named as another write looks for leftovers: never taken for one
        _hold(descriptor)
        Path(name).rename(temporary)
    except OSError as error:
        os.close(descriptor)
        with contextlib.suppress(OSError):
            Path(name).unlink()
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    handle = os.fdopen(descriptor, "wb")
    try:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())
        if fcntl is None:  # no lock to keep: closed before it is moved (Windows wants so)
            handle.close()
        temporary.chmod(0o644)
        if force:  # still open, so still locked: no other write takes it for a leftover
            temporary.replace(path)
        else:
            path.hardlink_to(temporary)
    except FileExistsError:
        raise OutputError(f"{path}: exists; use --force to overwrite it") from None
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None
    finally:
        handle.close()
        with contextlib.suppress(FileNotFoundError):
            temporary.unlink()


@contextlib.contextmanager
def _stream(path: Path) -> Iterator[BinaryIO]:
    """A device or a named pipe opened for writing, its errors said in one line."""
    try:
        with path.open("wb") as handle:
            yield handle
    except OSError as error:
        raise OutputError(f"{path}: cannot write ({error.strerror or error})") from None


def _hold(descriptor: int) -> None:
    """Lock a temporary file while it is being written, so that another run can tell a
    live write from the leftover of a killed one (POSIX; elsewhere, its age tells)."""
    if fcntl is not None:
        with contextlib.suppress(OSError):  # a file system without locks: its age tells
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)


STALE_AFTER = 600
"""Seconds after which a temporary file of ours beside an output is taken for the leftover
of a killed write where locks cannot tell (a write takes well under a second)."""


def _remove_stale(folder: Path, name: str) -> None:
    """Remove the temporary files a killed earlier write to `name` left behind: those no
    live write holds (or, without locks, those old enough)."""
    now = time.time()
    for suffix in (".tmp", ".new"):  # `.new`: killed before it was locked and named
        for leftover in folder.glob(f".{glob.escape(name)}.*{suffix}"):
            with contextlib.suppress(OSError):
                abandoned = suffix == ".tmp" and _abandoned(leftover)
                if abandoned or now - leftover.stat().st_mtime > STALE_AFTER:
                    leftover.unlink()


def _abandoned(leftover: Path) -> bool:
    """Whether no process holds the temporary file's lock: its writer is gone."""
    if fcntl is None:
        return False
    with leftover.open("rb") as handle:
        try:
            fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # held by a live write, or no locks here
            return False
    return True
