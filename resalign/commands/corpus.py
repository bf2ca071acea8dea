"""`resalign corpus`: the command over a whole collection, and its progress bars.

Parses the options, picks the engine, shows rich progress per stage on stderr, prints
the run's summary; the work is `align.corpus`'s.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resalign.align.errors import ExitCode
from resalign.options import add_cache_options, add_max_size

if TYPE_CHECKING:
    from resalign.align.corpus.pipeline import Summary
    from resalign.options import Commands

HANDFUL = 8
"""Fewer documents than this run in-process: starting workers would cost more."""


def add(commands: Commands) -> None:
    corpus = commands.add_parser(
        "corpus",
        help="read, group and align a whole collection",
        description=(
            "Read every document of a folder or manifest; group them into language sets, "
            "series and draft → resolution adoptions; align each; write a paragraph-"
            "aligned parallel corpus (JSONL, Parquet, TMX), the lineage of every series "
            "(JSON and HTML), the groups, and a log of what failed. A bad document is "
            "logged and skipped; --resume continues a run that was stopped."
        ),
    )
    corpus.add_argument("collection", metavar="DIR|MANIFEST")
    corpus.add_argument("-o", "--output", required=True, metavar="OUT", help="output folder")
    corpus.add_argument(
        "--jobs",
        type=_jobs,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: one per core; 1 runs in this process)",
    )
    corpus.add_argument(
        "--scheduler",
        type=_scheduler,
        metavar="ADDRESS",
        help="a Dask scheduler (tcp://host:8786) to run on",
    )
    corpus.add_argument(
        "--dask",
        action="store_true",
        help="run on a local Dask cluster of --jobs workers (loopback only)",
    )
    corpus.add_argument(
        "--pivot", default="en", help="the language every other is aligned with (default en)"
    )
    corpus.add_argument("--resume", action="store_true", help="continue a run in OUT")
    corpus.add_argument("--force", action="store_true", help="start again over a run in OUT")
    corpus.add_argument("--quiet", action="store_true", help="no progress bars")
    add_max_size(corpus, "skip documents larger than this (default 64M)")
    add_cache_options(corpus)
    corpus.set_defaults(handler=run)


def _jobs(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"not a number of workers: {text!r}")
    return int(text)


_ADDRESS = re.compile(r"(?:(?:tcp|tls|ws|wss|ucx)://)?(?:[\w.-]+|\[[0-9A-Fa-f:]+\]):\d{1,5}")


def _scheduler(text: str) -> str:
    """A Dask scheduler's address, `tcp://host:8786` or `host:8786`."""
    if not _ADDRESS.fullmatch(text.strip()):
        raise argparse.ArgumentTypeError(
            f"not a Dask scheduler address: {text!r} (e.g. tcp://host:8786)"
        )
    return text.strip()


def run(args: argparse.Namespace) -> int:
    from resalign import package_version
    from resalign.align.corpus.engines import engine
    from resalign.align.corpus.inputs import collection
    from resalign.align.corpus.pipeline import Run, run_corpus
    from resalign.align.errors import UsageError
    from resalign.align.languages import LANGUAGES

    if args.pivot not in LANGUAGES:
        raise UsageError(f"not an official language: {args.pivot!r} ({' '.join(LANGUAGES)})")
    if args.resume and args.force:
        raise UsageError("--resume continues a run and --force starts it again: choose one")
    out = Path(args.output)
    given = collection(args.collection, skip=out)
    count = sum(1 for _ in islice(given.paths, HANDFUL)) + len(given.fetch)
    jobs = args.jobs if count >= HANDFUL or args.scheduler or args.dask else 1
    run = Run(out, args.pivot, args.max_size, args.resume, args.force, package_version())
    workers = engine(jobs, args.scheduler, dask=args.dask)
    try:
        with _Bars(quiet=args.quiet) as bars:
            summary = run_corpus(given, run, workers, bars, _fetcher(args))
    except KeyboardInterrupt:
        print(
            f"resalign: interrupted; what was done is kept in {out}: the same command with "
            "--resume goes on from there",
            file=sys.stderr,
        )
        return ExitCode.INTERRUPTED
    finally:
        workers.close()
    _report(summary, out, workers.name, workers.workers)
    return ExitCode.PARTIAL if summary.failures else ExitCode.OK


def _fetcher(args: argparse.Namespace) -> Any:
    from resalign.align.fetch import Fetcher, request

    fetcher = Fetcher.from_environment()

    def fetch(symbol: str, language: str) -> Path:
        return fetcher.get(request(symbol, language), refresh=args.refresh, offline=args.offline)

    return fetch


def _report(summary: Summary, out: Path, engine: str, workers: int) -> None:
    from resalign.align.corpus.tasks import peak_kib

    def say(line: str) -> None:
        from resalign.align.render.text import shown

        print(shown(line), file=sys.stderr)

    read_failed = summary.failed("read") + summary.failed("fetch")
    say(
        f"read {summary.read} of {summary.documents} documents"
        + (f" ({read_failed} failed)" if read_failed else "")
        + (f"; {summary.resumed} tasks were done already" if summary.resumed else "")
    )
    groups = ", ".join(_counted(count, kind) for kind, count in summary.groups.items())
    say(f"groups: {groups}")
    failed = summary.failed("align")
    say(f"aligned {summary.aligned} groups" + (f" ({failed} failed)" if failed else ""))
    for failure in summary.failures:
        say(f"failed to {failure.stage} {failure.subject}: {failure.message}")
    for warning in summary.warnings:
        say(f"warning: {warning}")
    client = peak_kib() // 1024
    plural = "s" if workers > 1 else ""
    if summary.peaks and summary.peaks.keys() != {os.getpid()}:
        peaks = ", ".join(str(kib // 1024) for _, kib in sorted(summary.peaks.items()))
        memory = f"peak memory: this process {client} MiB, workers {peaks} MiB"
    else:
        memory = f"peak memory {client} MiB"
    say(f"ran on {engine} ({workers} worker{plural}); {memory}")
    say(f"wrote {len(summary.outputs)} files into {out}")


def _counted(count: int, plural: str) -> str:
    """`1 language set`, `2 series`, `3 adoptions`."""
    singular = plural if plural.endswith("series") else plural.removesuffix("s")
    return f"{count} {singular if count == 1 else plural}"


class _Bars:
    """A rich progress bar per stage on stderr; nothing when quiet or not a terminal."""

    def __init__(self, *, quiet: bool) -> None:
        self._progress: Any = None
        self._tasks: dict[str, Any] = {}
        if not (quiet or not sys.stderr.isatty()):
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                MofNCompleteColumn,
                Progress,
                TextColumn,
                TimeRemainingColumn,
            )

            self._progress = Progress(
                TextColumn("{task.description:>6}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=Console(stderr=True),
            )

    def __enter__(self) -> _Bars:
        if self._progress is not None:
            self._progress.__enter__()  # rich starts and stops its own live display
        return self

    def __exit__(self, *exc: Any) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)

    def stage(self, name: str, total: int) -> None:
        if self._progress is not None and total:  # a stage a resumed run has done: no bar
            self._tasks[name] = self._progress.add_task(name, total=total)

    def advance(self, name: str) -> None:
        if name in self._tasks:
            self._progress.advance(self._tasks[name])
