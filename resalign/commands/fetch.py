"""`resalign fetch SYMBOL…`: official documents downloaded by symbol and language."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from resalign.align.errors import ExitCode, OutputError, UsageError
from resalign.console import PROG, say
from resalign.options import add_cache_options, seconds

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from resalign.options import Commands


def add(commands: Commands) -> None:
    parser = commands.add_parser(
        "fetch",
        help="download official documents by symbol and language",
        description="Download documents from the UN's document system by symbol, in each "
        "language asked for: the Word file where there is one, else the PDF (auto). They "
        "are kept in the cache ($XDG_CACHE_HOME/resalign/documents) and copied to DIR as "
        "SYMBOL.LANG.EXT (A_RES_72_195.es.docx). RESALIGN_ODS_URL sets the server "
        "(default https://documents.un.org).",
    )
    parser.add_argument("symbols", nargs="+", metavar="SYMBOL", help="e.g. A/RES/72/195")
    parser.add_argument(
        "--lang", default="all", help="languages, comma separated (es,en), or all (default)"
    )
    parser.add_argument("--format", choices=["auto", "docx", "pdf"], default="auto")
    parser.add_argument("-o", "--output", default=".", metavar="DIR", help="default: here")
    parser.add_argument("--force", action="store_true", help="overwrite files in DIR")
    parser.add_argument("--quiet", action="store_true", help="no progress bar")
    parser.add_argument(
        "--timeout", type=seconds, default=30.0, metavar="SECONDS", help="default 30"
    )
    add_cache_options(parser)
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    """Each symbol in each language into the cache, then copied to the output folder; a
    document that fails is said and the others go on (exit code 4 at the end)."""
    from resalign.align.fetch import Fetcher, FetchError, languages, request
    from resalign.align.output import write_output

    wanted = [request(s, code) for s in args.symbols for code in languages(args.lang)]
    folder = Path(args.output)
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder}: not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{folder}: cannot make the folder ({error.strerror})") from None
    fetcher = Fetcher.from_environment(timeout=args.timeout)
    failed = 0
    with _Downloads(len(wanted), quiet=args.quiet) as bar:
        for each in wanted:
            bar.start(str(each))
            try:
                path = fetcher.get(
                    each,
                    args.format,
                    refresh=args.refresh,
                    offline=args.offline,
                    progress=bar.advance,
                )
                target = write_output(folder / path.name, path.read_bytes(), force=args.force)
            except (FetchError, OutputError) as error:
                failed += 1
                bar.say(f"{PROG}: {error}")
                continue
            finally:
                bar.done()
            print(target)
    return ExitCode.NETWORK if failed else ExitCode.OK


class _Downloads:
    """A rich progress bar for each download (bytes so far, speed), named with the
    document and how many of the files asked for it is; nothing when quiet, or where
    standard error is no terminal (a log gets the errors, not bars)."""

    def __init__(self, files: int, *, quiet: bool) -> None:
        self.quiet = quiet or not sys.stderr.isatty()
        self.files = files
        self.started = 0
        self.received = 0
        self.progress: Progress | None = None
        self.current: TaskID | None = None

    def __enter__(self) -> _Downloads:
        if not self.quiet:
            from rich.console import Console
            from rich.progress import (
                BarColumn,
                DownloadColumn,
                Progress,
                TextColumn,
                TransferSpeedColumn,
            )

            self.progress = Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                DownloadColumn(),
                TransferSpeedColumn(),
                console=Console(stderr=True),
            )
            self.progress.start()
        return self

    def __exit__(self, *exc: object) -> None:
        if self.progress is not None:
            self.progress.stop()

    def start(self, name: str) -> None:
        self.started += 1
        self.received = 0
        if self.progress is not None:
            from rich.markup import escape

            self.current = self.progress.add_task(f"{escape(name)} ({self.started}/{self.files})")

    def advance(self, received: int, total: int | None) -> None:
        self.received = received
        if self.progress is not None and self.current is not None:
            self.progress.update(self.current, completed=received, total=total)

    def done(self) -> None:
        if self.progress is not None and self.current is not None:
            self.progress.update(self.current, total=self.received)  # a whole bar

    def say(self, line: str) -> None:
        if self.progress is not None:
            from resalign.align.render.text import shown

            self.progress.console.print(shown(line), markup=False, highlight=False)
        else:
            say(line)
