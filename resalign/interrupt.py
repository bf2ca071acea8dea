"""Ctrl-C that ends a command within a second, even inside a long call to C."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator

GRACE = 1.0
"""Seconds Ctrl-C waits for the program to end by itself before ending it."""


@contextlib.contextmanager
def interruptible() -> Iterator[None]:
    """Ctrl-C (or SIGTERM) ends the block's work within `GRACE` seconds, even inside one
    long call to C (the diff of an enormous paragraph), where Python cannot raise the
    interruption until the call returns: a thread the signal wakes ends the process
    (exit 130, or 143) if it has not ended by itself by then. The work writes nothing.
    Where the signal cannot wake a pipe (Windows; not the main thread), the block runs as
    it is."""
    import signal
    import threading

    reading, writing = os.pipe()
    try:
        os.set_blocking(writing, False)
        previous = signal.set_wakeup_fd(writing, warn_on_full_buffer=False)
    except (OSError, ValueError):
        os.close(reading)
        os.close(writing)
        yield
        return
    over = threading.Event()

    def watch() -> None:
        while received := os.read(reading, 16):
            for number in (signal.SIGINT, signal.SIGTERM):
                if number in received and not over.wait(GRACE):
                    os._exit(130 if number == signal.SIGINT else 143)

    watcher = threading.Thread(target=watch, daemon=True, name="interrupt")
    watcher.start()
    try:
        yield
    finally:
        over.set()
        signal.set_wakeup_fd(previous)
        os.close(writing)  # the watcher reads the end of the pipe and stops
        watcher.join()
        os.close(reading)
