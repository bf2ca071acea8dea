"""Reading the user's files: regular files only, never more than a limit.

A named pipe, a socket or a character device (`/dev/zero`) never ends, so reading one would
hang or grow without bound; a symbolic-link loop or a directory is no document either. Each
is refused with one line before anything is read, and a regular file is read with a hard
cap whatever its size said a moment before.
"""

from __future__ import annotations

import errno
import stat
from collections.abc import Callable
from pathlib import Path

from resalign.align.errors import ReadError

_KINDS = (
    (stat.S_ISDIR, "a directory"),
    (stat.S_ISFIFO, "a named pipe"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


def is_file(path: str | Path) -> bool:
    """`Path.is_file`, False (not an error) for a name too long or holding a NUL."""
    return _safely(Path.is_file, path)


def is_dir(path: str | Path) -> bool:
    """`Path.is_dir`, False (not an error) for a name too long or holding a NUL."""
    return _safely(Path.is_dir, path)


def exists(path: str | Path) -> bool:
    """`Path.exists`, False (not an error) for a name too long or holding a NUL."""
    return _safely(Path.exists, path)


def _safely(test: Callable[[Path], bool], path: str | Path) -> bool:
    try:
        return test(Path(path))
    except (OSError, ValueError):
        return False


def read_regular_file(
    path: Path,
    max_size: int,
    error: type[ReadError] = ReadError,
    what: str = "file",
    hint: str = " (see --max-size)",
) -> bytes:
    """The bytes of a regular file of at most `max_size` bytes; `error` with one line else."""
    try:
        info = path.stat()
        for test, kind in _KINDS:
            if test(info.st_mode):
                raise error(f"{path}: is {kind}, not a {what}")
        if info.st_size > max_size:
            raise error(
                f"{path}: is {info.st_size:,} bytes, over the {max_size:,}-byte limit{hint}"
            )
        with path.open("rb") as handle:  # as large as the file said, unless it has grown since
            data = handle.read(info.st_size + 1)
            if len(data) > info.st_size:
                data += handle.read(max_size + 1 - len(data))
    except FileNotFoundError:
        raise error(f"{path}: no such {what}") from None
    except PermissionError:
        raise error(f"{path}: permission denied") from None
    except ValueError:  # a NUL character, which no file name can hold
        raise error(f"{str(path)!r}: not a file name (it holds a NUL character)") from None
    except OSError as failure:
        if failure.errno == errno.ELOOP:
            raise error(f"{path}: a loop of symbolic links") from None
        raise error(f"{path}: cannot be read ({failure.strerror or failure})") from None
    if len(data) > max_size:
        raise error(f"{path}: is over the {max_size:,}-byte limit{hint}")
    return data
