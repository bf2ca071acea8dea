"""A Dask cluster on the loopback address, started as a user starts one: a `dask scheduler`
process and N `dask worker` processes of one thread each (no nanny: one process a
worker, as a pool has)."""

from __future__ import annotations

import contextlib
import json
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path


@contextlib.contextmanager
def local_cluster(workers: int) -> Iterator[str]:
    """Start the scheduler and `workers` workers, wait until every worker has joined; the
    scheduler's address."""
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
            yield address
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
