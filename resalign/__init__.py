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
    if sys.version_info < (3, 12):
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
    """Import the stdlib module `name` only when a name of it is first read. On Python 3.11,
    `dataclasses` imports `inspect` (with ast, dis and tokenize) for one call, made for a
    dataclass without a docstring; the commands that read and diff never make it, the
    review UI's toolkit does. From 3.12 `dataclasses` calls it for every class: `start`
    defers it on 3.11 only."""
    if name not in sys.modules:
        sys.modules[name] = _OnFirstUse(name)


def quietly(make: Callable[[], T]) -> T:
    """`make()` run with the cycle collector off, and what it made frozen after: for work
    that makes many objects living as long as the process and no garbage, which the cycle
    collector would walk again and again for nothing. Importing the CLI makes tens of
    thousands (forked children share the frozen pages too); starting a review makes the
    documents, the comparison and the toolkit."""
    gc.disable()
    try:
        return make()
    finally:
        gc.freeze()
        gc.enable()


def _leave(code: int) -> NoReturn:
    """Exit with `code`, without the interpreter's teardown where nothing is left for it
    to do: no thread still running and no exit handler registered (the reading and
    diffing commands): the teardown frees every module and object one by one, and the
    operating system takes the memory back at once anyway."""
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
