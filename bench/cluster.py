"""A Dask cluster on the loopback address, started as a user starts one: a `dask scheduler`
process and N `dask worker` processes of one thread each (no nanny, so each worker's peak
memory is its own process's)."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path


@dataclass
class Cluster:
    """The scheduler's address, and each worker's peak memory (MiB) once it has stopped."""

    address: str
    workers: list[subprocess.Popen[bytes]]
    peaks: list[float] = field(default_factory=list)


@contextlib.contextmanager
def local_cluster(workers: int) -> Iterator[Cluster]:
    """Start the scheduler and `workers` workers, wait until every worker has joined."""
    dask = str(Path(sys.executable).parent / "dask")
    with tempfile.TemporaryDirectory() as folder:
        file = Path(folder) / "scheduler.json"
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        scheduler = subprocess.Popen(
            [dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
             "--scheduler-file", str(file)],
            **quiet,
        )  # fmt: skip
        started: list[subprocess.Popen[bytes]] = []
        try:
            address = _address(file)
            for _ in range(workers):
                started.append(subprocess.Popen(
                    [dask, "worker", address, "--nthreads", "1", "--no-nanny", "--host",
                     "127.0.0.1", "--no-dashboard", "--memory-limit", "0"],
                    **quiet,
                ))  # fmt: skip
            _joined(address, workers)
            cluster = Cluster(address, started)
            yield cluster
            cluster.peaks = [_peak(worker.pid) for worker in started]
        finally:
            for process in [*started, scheduler]:
                process.terminate()
            for process in [*started, scheduler]:
                process.wait(timeout=30)


def _address(file: Path, wait: float = 30) -> str:
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        with contextlib.suppress(FileNotFoundError, json.JSONDecodeError, KeyError):
            return str(json.loads(file.read_text())["address"])
        time.sleep(0.1)
    raise TimeoutError("the Dask scheduler did not start")


def _joined(address: str, workers: int) -> None:
    from distributed import Client

    with Client(address, timeout=30) as client:
        client.wait_for_workers(workers, timeout=60)


def _peak(pid: int) -> float:
    """A running process's peak resident memory (MiB), from Linux's /proc."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return 0.0
