"""The `resalign` command: a thin front end over the `align` library."""

import gc
import importlib
import os
import sys
import types
from collections.abc import Callable
from typing import NoReturn, TypeVar

T = TypeVar("T")


def package_version() -> str:
    """The installed version (read from the package metadata only when asked)."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("resalign")
    except PackageNotFoundError:  # a source tree that was not installed
        return "0+unknown"


class _Terminated(BaseException):
    """SIGTERM, raised where the program stands so that it ends as Ctrl-C does: what it
    was writing is removed, the children reading a PDF are stopped."""


def _terminate(signum: int, frame: object) -> NoReturn:
    raise _Terminated


def run() -> None:
    """The `resalign` command. The CLI is imported here, so that Ctrl-C while it loads ends
    the program quietly with exit code 130, as it does once the program runs; SIGTERM ends
    it the same way, with 143."""
    import signal

    signal.signal(signal.SIGTERM, _terminate)
    try:
        start()
        from resalign.cli import main

        code = main()
    except KeyboardInterrupt:
        code = 130
    except _Terminated:
        code = 143
    _leave(code)


def start() -> None:
    """Ready this process for a command, as `resalign` does first: `inspect` deferred, the
    CLI imported with the cycle collector off and what it made frozen."""
    _defer("inspect")
    quietly(lambda: importlib.import_module("resalign.cli"))


class _OnFirstUse(types.ModuleType):
    """A stand-in for a module, imported for real when one of its names is first read;
    from then on it holds the module's names itself."""

    def __getattr__(self, name: str) -> object:
        if sys.modules.get(self.__name__) is self:
            del sys.modules[self.__name__]
        module = importlib.import_module(self.__name__)
        self.__dict__.update(module.__dict__)
        return getattr(module, name)


def _defer(name: str) -> None:
    """Import the stdlib module `name` only when a name of it is first read. `inspect` (with
    ast, dis and tokenize: 4-5 ms, 8% of a whole `resalign parse`) is imported by
    `dataclasses` for one call, made for a dataclass without a docstring; the commands that
    read and diff never make it, the review UI's toolkit does."""
    if name not in sys.modules:
        sys.modules[name] = _OnFirstUse(name)


def quietly(make: Callable[[], T]) -> T:
    """`make()` run with the cycle collector off, and what it made frozen after: for work
    that makes many objects living as long as the process and no garbage. Importing the
    CLI makes tens of thousands (collections that walked them cost 2-3 ms of a 65 ms
    `resalign parse`; forked children share the frozen pages too); starting a review
    makes the documents, the comparison and the toolkit (collections took 25-50 ms before
    the first screen of 2,000 pairs, a full one 27)."""
    gc.disable()
    try:
        return make()
    finally:
        gc.freeze()
        gc.enable()


def _leave(code: int) -> NoReturn:
    """Exit with `code`, without the interpreter's teardown where nothing is left for it
    to do: no thread still running and no exit handler registered (the reading and
    diffing commands). Freeing every module and object one by one took 9 ms, a tenth of a whole
    `resalign parse`; the operating system takes the memory back at once."""
    import atexit

    pending = getattr(atexit, "_ncallbacks", lambda: 1)()  # CPython's count; else assume some
    threads = sys.modules.get("threading")
    if pending or (threads is not None and threads.active_count() > 1):
        sys.exit(code)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe or stream: the ordinary way out
        sys.exit(code)
    os._exit(code)
