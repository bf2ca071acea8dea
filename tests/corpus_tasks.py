"""Tasks for the process pool's tests, importable by its workers (a test module's own
functions would bring pytest's collection into each worker)."""

from __future__ import annotations

import os
import signal
from pathlib import Path


def doubled(number: int) -> int:
    return 2 * number


def killed_once(marker: str, number: int) -> int:
    """Kill the worker running it the first time (as the kernel's OOM killer would), then
    do its work when run again."""
    path = Path(marker)
    if not path.exists():
        path.write_text("killed once")
        os.kill(os.getpid(), signal.SIGKILL)
    return 2 * number


def killed_always(number: int) -> int:
    os.kill(os.getpid(), signal.SIGKILL)
    return number


def where(seconds: float) -> int:
    """The worker's process, after `seconds` of work."""
    import time

    time.sleep(seconds)
    return os.getpid()
