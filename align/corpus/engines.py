"""Where the corpus's tasks run: in this process, on a local process pool, or on Dask.

One interface for all three, so the pipeline has one code path: `run(calls)` takes
(function, arguments) pairs and yields each result as soon as it is done, in any order,
with never more than a few tasks per worker in flight (memory does not grow with the
number of tasks).
"""

from __future__ import annotations

import concurrent.futures
import logging
import multiprocessing
import os
import select
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from typing import Any, Protocol

from resalign.align.errors import ExitCode, ResalignError

Call = tuple[Callable[..., Any], tuple[Any, ...]]
IN_FLIGHT = 4
"""Tasks waiting per worker: enough to keep every worker busy, few enough to keep the
queue (and its memory) small."""


CONNECT_TIMEOUT = 10
"""Seconds to reach a Dask scheduler: far more than a network of machines needs."""


class EngineError(ResalignError):
    """The engine failed (a worker died, the scheduler went away), not a document."""

    exit_code = ExitCode.NETWORK


class Engine(Protocol):
    workers: int
    name: str

    def run(self, calls: Iterable[Call]) -> Iterator[Any]: ...

    def close(self) -> None: ...


class InProcess:
    """Each task in turn, here: for a handful of documents, or `--jobs 1`."""

    workers = 1
    name = "in-process"

    def run(self, calls: Iterable[Call]) -> Iterator[Any]:
        for function, arguments in calls:
            yield function(*arguments)

    def close(self) -> None:
        pass


class LocalPool:
    """A process pool of `workers` processes on this machine. A worker that dies (killed,
    out of memory) breaks the pool: a new pool takes over and the tasks lost with the old
    one run again, up to `RESTARTS` times a run. Workers end with this process, even
    killed (they watch it)."""

    name = "process pool"

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = self._new_pool()

    def _new_pool(self) -> concurrent.futures.ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        return concurrent.futures.ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_watch, initargs=(os.getpid(),)
        )

    def run(self, calls: Iterable[Call]) -> Iterator[Any]:
        calls = iter(calls)
        pending: dict[concurrent.futures.Future[Any], Call] = {}
        restarts = 0

        def submit(call: Call) -> None:
            try:
                future = self._pool.submit(call[0], *call[1])
            except BrokenProcessPool as error:  # it broke since the last wait: as a task's
                future = concurrent.futures.Future()
                future.set_exception(error)
            pending[future] = call

        for call in islice(calls, self.workers * IN_FLIGHT):
            submit(call)
        try:
            while pending:
                done, _ = concurrent.futures.wait(
                    pending, return_when=concurrent.futures.FIRST_COMPLETED
                )
                if any(isinstance(f.exception(), BrokenProcessPool) for f in done):
                    restarts += 1
                    if restarts > RESTARTS:
                        raise EngineError(f"worker processes died {restarts} times: stopped")
                    concurrent.futures.wait(pending)  # every task of the broken pool ends
                    lost = [call for f, call in pending.items() if f.exception() is not None]
                    finished = [f for f in pending if f.exception() is None]
                    pending = {}
                    self._pool.shutdown(wait=False)
                    self._pool = self._new_pool()
                    for call in lost:
                        submit(call)
                    for future in finished:
                        yield future.result()
                    continue
                for future in done:
                    del pending[future]
                for call in islice(calls, len(done)):
                    submit(call)
                for future in done:
                    yield _result(future)
        finally:
            for future in pending:
                future.cancel()

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


RESTARTS = 2
"""How many times a run replaces a broken pool before it stops with an error."""


def _watch(main: int) -> None:
    """In each worker: end it once resalign (`main`) has ended, even killed, so that no
    worker goes on for nobody. The pool's server outlives a killed resalign, so its
    workers cannot go by their parent: on Linux they wait on `main` itself (a pidfd, ready
    once it has ended, reaped or not); elsewhere, on their parent."""

    def watch() -> None:
        try:
            handle = os.pidfd_open(main)
        except ProcessLookupError:
            os._exit(1)
        except (AttributeError, OSError):  # no pidfd: wait for the parent to change
            parent = os.getppid()
            while os.getppid() == parent:
                time.sleep(0.5)
            os._exit(1)
        select.select([handle], [], [])
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="watch-resalign").start()


class DaskCluster:
    """A Dask cluster: the scheduler at `address` (`tcp://host:8786`), or, without one,
    a `dask.distributed` LocalCluster of `workers` processes on the loopback address."""

    def __init__(self, address: str | None, workers: int) -> None:
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise EngineError(
                "Dask is not installed: pip install 'resalign[corpus]' (or distributed)"
            ) from None
        self._cluster = None
        try:
            if address is None:
                self._cluster = LocalCluster(
                    n_workers=workers,
                    threads_per_worker=1,
                    processes=True,
                    host="127.0.0.1",
                    dashboard_address="127.0.0.1:0",  # None does not turn it off (dask#8136)
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster)
            else:
                self._client = Client(address, timeout=CONNECT_TIMEOUT)
        except (OSError, TimeoutError) as error:
            self.close()
            raise EngineError(f"cannot reach the Dask scheduler {address}: {error}") from None
        self.workers = self._workers_now()
        self.name = f"Dask at {self._client.scheduler_info()['address']}"

    def run(self, calls: Iterable[Call]) -> Iterator[Any]:
        """Tasks go out `BATCH` to a Dask task, as many as keep each worker the cluster
        has now busy (workers that join are counted as they come; the tasks of one that
        leaves are run again by Dask)."""
        from distributed import as_completed

        calls = iter(calls)
        queue = as_completed()
        in_flight = 0

        def fill() -> None:
            nonlocal in_flight
            wanted = self._workers_now() * IN_FLIGHT
            while in_flight < wanted:
                batch = list(islice(calls, BATCH))
                if not batch:
                    return
                queue.add(self._client.submit(_batch, batch, pure=False))
                in_flight += 1

        fill()
        for future in queue:
            in_flight -= 1
            fill()
            yield from _result(future)
            future.release()

    def _workers_now(self) -> int:
        """The workers the scheduler knows of (the client refreshes this every second or
        two)."""
        return max(1, len(self._client.scheduler_info().get("workers", {})))

    def close(self) -> None:
        client, cluster = getattr(self, "_client", None), self._cluster
        if client is not None:
            client.close()
        if cluster is not None:
            cluster.close()


BATCH = 8
"""Tasks one Dask task carries: the scheduler's cost (milliseconds a task) shared by eight
documents, few enough that a worker that joins late still finds work queued."""


def _batch(calls: list[Call]) -> list[Any]:
    """Run a batch of tasks on a Dask worker, their results in order."""
    return [function(*arguments) for function, arguments in calls]


def _result(future: Any) -> Any:
    try:
        return future.result()
    except Exception as error:
        raise EngineError(f"a worker failed: {error.__class__.__name__}: {error}") from None


def engine(jobs: int, scheduler: str | None = None, *, dask: bool = False) -> Engine:
    """The engine a run asks for: Dask when a scheduler (or `dask`) is given, else a
    process pool of `jobs` workers, else (`jobs` 1) this process."""
    if scheduler is not None or dask:
        return DaskCluster(scheduler, jobs)
    if jobs > 1:
        return LocalPool(jobs)
    return InProcess()
