"""What a benchmark process says of its memory."""

from __future__ import annotations

import resource
from pathlib import Path


def peak_megabytes() -> float:
    """This process's peak resident memory (MiB). VmHWM starts anew at exec, where
    ru_maxrss would carry the peak of the benchmark process that started this one (the
    corpus run's 111 MiB, for the growth runs after it)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
