"""One size of the align growth benchmark, in a fresh process: prints the seconds version
mode takes on a synthetic pair of about N paragraphs a side (the best of a few runs) and
the process's peak memory (MiB: both documents and the alignment)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.memory import peak_megabytes
from bench.synthetic import synthetic_pair
from resalign.align import align, parse_text


def measure(size: int) -> tuple[float, float]:
    left_text, right_text = synthetic_pair(size)
    left, right = parse_text(left_text), parse_text(right_text)
    best = float("inf")
    for _ in range(3 if size <= 30_000 else 2):  # the least of a few at every size: one
        # run of a large size against the least of three of a small one tilts the fit up
        start = time.perf_counter()
        align(left, right)
        best = min(best, time.perf_counter() - start)
    return best, peak_megabytes()


if __name__ == "__main__":
    seconds, mib = measure(int(sys.argv[1]))
    print(f"{seconds:.4f} {mib:.0f}")
