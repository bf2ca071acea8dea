"""resalign benchmarks: prints median wall times. Run with `make bench`.

Not a test: figures depend on the machine. Paste them into issue notes and compare
before and after a change.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from align import parse_text
from bench.synthetic import SEED, scaled_seed


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm caches (compiled regexes), as a long-running process would have
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def row(label: str, ms: float, extra: str = "") -> None:
    print(f"{label:<58} {ms:>10.2f} ms  {extra}")


def bench_parse() -> None:
    seed = SEED.read_text(encoding="utf-8")
    seed_ms = median_ms(lambda: parse_text(seed), 50)
    row(f"parse seed in-process ({len(seed) / 1000:.0f} k chars)", seed_ms)
    for factor in (10, 100):
        text = scaled_seed(factor)
        count = len(parse_text(text).paragraphs)
        ms = median_ms(lambda text=text: parse_text(text), 5 if factor == 100 else 10)
        row(
            f"parse {factor}x seed ({len(text) / 1e6:.1f} M chars, {count} paragraphs)",
            ms,
            f"{ms / seed_ms / factor:.2f} x linear",
        )
    command = [sys.executable, "-m", "resalign", "parse", str(SEED), "--json"]
    row(
        "whole process: resalign parse seed --json",
        median_ms(lambda: subprocess.run(command, capture_output=True, check=True), 10),
    )


if __name__ == "__main__":
    bench_parse()
