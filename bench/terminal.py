"""The review UI as a person meets it: `resalign tui` started in a real terminal (tmux),
keys typed into it, the screen read back. Times run from starting the command (or
sending the key) to the first screen that shows the result, polled every few
milliseconds; they include what Pilot's round trips leave out and add tmux's own cost
(a `send-keys` and a `capture-pane`: about 2 ms each here). Each look at the screen costs
a process, so the launch is polled every 20 ms (looking every 2 ms took a core from the
two processes that start the UI, and made it a fifth slower), a key every 5. Run by
bench/run.py."""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

SESSION = "resalign-bench"
KEYS = {"j": "next pair", "n": "next change", "f": "filter"}


def available() -> bool:
    return shutil.which("tmux") is not None


def measure(left: Path, right: Path, state: Path, presses: int = 9) -> dict[str, float]:
    """Seconds to the first screen of pairs, and each key's median seconds to the screen
    it changes (its colours count: moving the selection changes no character)."""
    resalign = Path(sys.executable).with_name("resalign")
    command = f"exec {resalign} tui {left} {right} --state {state}"
    _tmux("kill-session", "-t", SESSION, check=False)
    start = time.perf_counter()
    _tmux("new-session", "-d", "-s", SESSION, "-x", "140", "-y", "40", command)
    try:
        _until(lambda: "PP1 → PP1" in _screen(), start, every=0.02)
        times = {"launch": time.perf_counter() - start}
        time.sleep(1)  # the launch's toasts and timers settle
        for key in KEYS:
            times[key] = statistics.median(_press(key) for _ in range(presses))
        return times
    finally:
        _tmux("kill-session", "-t", SESSION, check=False)


def _press(key: str) -> float:
    before = _screen()
    start = time.perf_counter()
    _tmux("send-keys", "-t", SESSION, key)
    _until(lambda: _screen() != before, start, every=0.005)
    elapsed = time.perf_counter() - start
    time.sleep(0.25)  # let the frame after it land before the next key
    return elapsed


def _until(shown: Callable[[], bool], start: float, every: float, timeout: float = 20) -> None:
    while not shown():
        if time.perf_counter() - start > timeout:
            raise RuntimeError(f"the screen did not change in {timeout} s:\n{_screen()}")
        time.sleep(every)


def _screen() -> str:
    return _tmux("capture-pane", "-e", "-p", "-t", SESSION).stdout


def _tmux(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["tmux", *args], capture_output=True, text=True, check=check)
