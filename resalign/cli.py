"""`resalign`: command-line entry point.

Parses arguments, calls the library, prints. Errors the library raises on purpose
(`ResalignError`) become one line on stderr and the exit code they carry.
"""

from __future__ import annotations

import argparse
import contextlib
import math
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resalign import package_version, quietly
from resalign.align.errors import ExitCode, OutputError, ResalignError, UsageError
from resalign.align.read import DEFAULT_MAX_SIZE, read_document
from resalign.align.render import FORMATS as REPORT_FORMATS
from resalign.align.render import Format, format_for, render
from resalign.align.render.carried import CARRY_FORMATS, carry_format_for, render_carry

if TYPE_CHECKING:
    from rich.progress import Progress, TaskID

    from resalign.align.alignment import Alignment
    from resalign.align.comparison import Comparison
    from resalign.align.model import Document
    from resalign.align.review import Review


PROG = "resalign"


COMMANDS = ("parse", "align", "diff", "report", "tui", "demo", "carry", "fetch", "corpus")


def _columns(fallback: int = 80) -> int:
    """The terminal's width as `shutil.get_terminal_size` tells it (COLUMNS, else the
    terminal, else `fallback`), without importing shutil and with it zlib, bz2 and lzma
    (1.2 ms at every start: argparse builds a formatter, sized so, for every option)."""
    try:
        return int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        pass
    if sys.__stdout__ is None:  # no standard output at all (pythonw)
        return fallback
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or fallback
    except (AttributeError, ValueError, OSError):
        return fallback


class _Help(argparse.HelpFormatter):
    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or _columns() - 2)


class _RawDescription(_Help, argparse.RawDescriptionHelpFormatter):
    """The main help's description as written (it lays out the forms of the command)."""


class _Parser(argparse.ArgumentParser):
    """argparse with usage errors on one line and the project's exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Help)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(ExitCode.INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


class _Version(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"{PROG} {package_version()}")
        parser.exit()


def say(line: str) -> None:
    """One line on standard error, each character that would act on a terminal (an escape
    sequence, a new line or a bidi override in a file name) written visibly."""
    from resalign.align.render.text import shown  # here: a command that succeeds says nothing

    print(shown(line, one_line=True), file=sys.stderr)


def _seconds(text: str) -> float:
    """A time limit: a finite number of seconds over nought (`nan`, `inf` and `-1` are
    none)."""
    try:
        seconds = float(text)
    except ValueError:
        seconds = math.nan
    if not math.isfinite(seconds) or seconds <= 0:
        raise argparse.ArgumentTypeError(f"not a number of seconds over 0: {text!r}")
    return seconds


def _size(text: str) -> int:
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    try:
        if text[-1:].lower() in units:
            return int(float(text[:-1]) * units[text[-1].lower()])
        return int(text)
    except (ValueError, OverflowError):  # `1e400M` is infinite
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (use e.g. 64M)") from None


def _add_reading_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", help="language of the input (ar, zh, en, fr, ru, es); detected if omitted"
    )
    _add_cache_options(parser)
    parser.add_argument("--encoding", help="text encoding of the input (default: UTF-8 or BOM)")
    parser.add_argument(
        "--max-size",
        type=_size,
        default=DEFAULT_MAX_SIZE,
        metavar="SIZE",
        help="refuse inputs larger than this (default 64M)",
    )


def _add_cache_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--offline", action="store_true", help="documents given as SYMBOL:LANG: the cache only"
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="documents given as SYMBOL:LANG: fetch again, even when cached",
    )


class _Unused:
    """Stands in for the parser of a command that is not run: takes its options and
    keeps nothing (each argparse parser costs a millisecond to build, mostly gettext)."""

    def add_argument(self, *args: object, **kwargs: object) -> None:
        pass

    def set_defaults(self, **kwargs: object) -> None:
        pass


class _Commands:
    """The subcommands, built in full only for `wanted` (all of them when None)."""

    def __init__(self, commands: Any, wanted: str | None) -> None:
        self._commands, self._wanted = commands, wanted

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        if self._wanted in (None, name):
            return self._commands.add_parser(name, **kwargs)
        return _Unused()


def _listed(formats: dict[str, Format]) -> str:
    """`html (web page), md (Markdown), …` for a help text."""
    return ", ".join(f"{row.name} ({row.what})" for row in formats.values())


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `command`, only that command's options (what
    running it needs: the others are built for `--help` and for mistakes)."""
    parser = _Parser(
        prog=PROG,
        usage=f"{PROG} OLD NEW [options]\n       {PROG} FILE\n       {PROG} COMMAND ...",
        description="Align and compare United Nations resolutions paragraph by paragraph.\n\n"
        f"  {PROG} OLD NEW    compare two documents: the review UI in a terminal, the word\n"
        "                    diff otherwise (older version, or source language, on the left)\n"
        f"  {PROG} FILE       read one document and print its structure (as 'parse')\n"
        f"  {PROG} demo       the bundled example pair\n\n"
        "A document may be given by symbol and language instead of a file\n"
        f"({PROG} A/RES/70/179:es A/RES/72/195:es): it is fetched from the UN's document\n"
        "system into the cache first (see 'fetch').",
        formatter_class=_RawDescription,
    )
    parser.add_argument("--version", action=_Version)
    commands = _Commands(
        parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser, prog=PROG),
        command,
    )
    parse = commands.add_parser(
        "parse",
        help="read a resolution and print its structure",
        description=(
            "Read a resolution and print its structure: header, paragraphs (PP, OP, "
            "sub-items) and footnotes."
        ),
    )
    parse.add_argument("file", metavar="FILE")
    _add_reading_options(parse)
    parse.add_argument("--json", action="store_true", help="print JSON instead of an outline")
    parse.add_argument(
        "--furniture",
        action="store_true",
        help="print the lines dropped as page furniture (running heads, page numbers …)",
    )
    parse.set_defaults(handler=_parse)

    align = commands.add_parser(
        "align",
        help="pair the paragraphs of two resolutions",
        description=(
            "Pair the paragraphs and footnotes of two resolutions: one resolution in two "
            "languages (language mode) or two versions of a resolution (version mode)."
        ),
    )
    _add_pair_options(align)
    align.add_argument("--json", action="store_true", help="print JSON instead of a listing")
    align.set_defaults(handler=_align)

    diff = commands.add_parser(
        "diff",
        help="show what differs, word by word, in the terminal",
        description="Word-level diff of two resolutions, pair by pair (changed pairs only "
        "unless --all); language-mode pairs side by side with their QA findings.",
    )
    _add_pair_options(diff)
    diff.add_argument("--all", action="store_true", help="show every pair, not only changes")
    diff.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour the diff (default: when writing to a terminal)",
    )
    diff.set_defaults(handler=_diff)

    report = commands.add_parser(
        "report",
        help="write a diff report",
        description="Write a report of two resolutions' alignment and diffs. The format "
        f"comes from the file's extension or --format: {_listed(REPORT_FORMATS)}.",
    )
    _add_pair_options(report)
    report.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="report file ('-': standard output)"
    )
    report.add_argument("--format", choices=REPORT_FORMATS, help="default: from the extension")
    report.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    report.add_argument(
        "--csv-dialect",
        choices=["excel", "excel-eu"],
        default="excel",
        help="CSV for Excel in English (commas) or in es/fr/ru (semicolons, decimal commas)",
    )
    report.add_argument(
        "--tmx-locale",
        default="",
        metavar="LANG=LOCALE,...",
        help="TMX language codes (default es-ES, en-GB, fr-FR, ru-RU, ar-SA, zh-CN)",
    )
    report.set_defaults(handler=_report)

    tui = commands.add_parser(
        "tui",
        help="review two resolutions side by side in the terminal",
        description="Open the terminal review UI on two resolutions. Reviewed marks and "
        "manual links are kept in a review file in your data folder "
        "($XDG_DATA_HOME/resalign/reviews), one per pair of documents, or in --state FILE.",
    )
    _add_pair_options(tui)
    tui.add_argument(
        "--state", metavar="FILE", help="review state file (default: in your data folder)"
    )
    tui.set_defaults(handler=_tui)

    demo = commands.add_parser(
        "demo",
        help="compare the bundled example pair (70/179, modeled, against 72/195)",
        description="Open the review UI (the word diff when not in a terminal) on the bundled "
        "example documents: a modeled 2015 version of the trafficking resolution (70/179) on "
        "the left, the official Spanish 72/195 of 2017 on the right.",
    )
    demo.add_argument(
        "--state", metavar="FILE", help="review state file (default: a temporary one)"
    )
    demo.set_defaults(handler=_demo)

    carry = commands.add_parser(
        "carry",
        help="prefill this year's translation from last year's",
        description="Carry a translation forward: OLD_SOURCE and OLD_TARGET are last "
        "year's text and its translation, NEW_SOURCE this year's text. Each unit of the new "
        "text gets the old translation where it is the same (exact), with its years, dates, "
        "symbols and numbers replaced where only they changed (auto-updated), flagged with "
        "the source changes where it was reworded (fuzzy), or nothing (new). Formats: "
        f"{_listed(CARRY_FORMATS)}. Without -o: the review UI in a terminal (new source with its "
        "changes, proposed translation, status; n: next to do, enter: edit, a: accept, "
        "ctrl+z: undo, e: export the Word file beside NEW_SOURCE, ?: keys), the summary and "
        "the units that need work otherwise.",
    )
    carry.add_argument("old_source", metavar="OLD_SOURCE")
    carry.add_argument("old_target", metavar="OLD_TARGET")
    carry.add_argument("new_source", metavar="NEW_SOURCE")
    _add_reading_options(carry)
    carry.add_argument(
        "-o", "--output", metavar="FILE", help="file to write ('-': standard output)"
    )
    carry.add_argument("--format", choices=CARRY_FORMATS, help="default: from the extension")
    carry.add_argument(
        "--fill",
        choices=["empty", "source"],
        default="empty",
        help="what a new unit holds: nothing (default) or the source text",
    )
    carry.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    carry.set_defaults(handler=_carry)

    fetch = commands.add_parser(
        "fetch",
        help="download official documents by symbol and language",
        description="Download documents from the UN's document system by symbol, in each "
        "language asked for: the Word file where there is one, else the PDF (auto). They "
        "are kept in the cache ($XDG_CACHE_HOME/resalign/documents) and copied to DIR as "
        "SYMBOL.LANG.EXT (A_RES_72_195.es.docx). RESALIGN_ODS_URL sets the server "
        "(default https://documents.un.org).",
    )
    fetch.add_argument("symbols", nargs="+", metavar="SYMBOL", help="e.g. A/RES/72/195")
    fetch.add_argument(
        "--lang", default="all", help="languages, comma separated (es,en), or all (default)"
    )
    fetch.add_argument("--format", choices=["auto", "docx", "pdf"], default="auto")
    fetch.add_argument("-o", "--output", default=".", metavar="DIR", help="default: here")
    fetch.add_argument("--force", action="store_true", help="overwrite files in DIR")
    fetch.add_argument("--quiet", action="store_true", help="no progress bar")
    fetch.add_argument(
        "--timeout", type=_seconds, default=30.0, metavar="SECONDS", help="default 30"
    )
    _add_cache_options(fetch)
    fetch.set_defaults(handler=_fetch)
    if command in (None, "corpus"):
        from resalign.corpus import add_corpus_command

        add_corpus_command(commands, _add_cache_options, _size)
    return parser


def _add_pair_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("left", metavar="LEFT")
    parser.add_argument("right", metavar="RIGHT")
    _add_reading_options(parser)
    parser.add_argument(
        "--mode",
        choices=["language", "version"],
        help="default: version for the same language, language otherwise",
    )
    parser.add_argument("--pairs", metavar="FILE", help="forced pairs (TOML or JSON) to honour")


def _parse(args: argparse.Namespace) -> int:
    from resalign.align.render.document import document_dict, furniture_listing, outline

    document = _read(args.file, args)
    if args.furniture:
        print(furniture_listing(document))
    elif args.json:
        import json

        print(json.dumps(document_dict(document), ensure_ascii=False, indent=2))
    else:
        print(outline(document))
    _warn(document)
    return ExitCode.OK


def _warn(*documents: Document) -> None:
    """Every structure warning of the documents read, one line each on stderr."""
    for document in documents:
        for warning in document.warnings:
            say(f"{PROG}: warning: {document.source}: {warning}")


def _input(name: str, args: argparse.Namespace) -> str:
    """A file to read: the name itself, or for `SYMBOL:LANG` (when no such file exists)
    the document fetched into the cache."""
    from resalign.align.files import exists

    if ":" not in name or exists(name):
        return name  # a file: the HTTP client is not even imported
    from resalign.align.fetch import Fetcher, parse_request

    wanted = parse_request(name)
    if wanted is None:
        return name
    fetcher = Fetcher.from_environment()
    return str(fetcher.get(wanted, refresh=args.refresh, offline=args.offline))


def _read(name: str, args: argparse.Namespace) -> Document:
    """The document a command was given, read with the reading options."""
    return _read_file(_input(name, args), args)


def _read_file(path: str, args: argparse.Namespace) -> Document:
    return read_document(path, lang=args.lang, encoding=args.encoding, max_size=args.max_size)


def _read_pair(args: argparse.Namespace) -> tuple[Document, Document]:
    left, right = _read(args.left, args), _read(args.right, args)
    _warn(left, right)
    return left, right


def _aligned(args: argparse.Namespace, review: Review) -> tuple[Document, Document, Alignment]:
    """Both documents and their alignment, honouring --mode and the --pairs file."""
    from resalign.align.aligner import align

    left, right = _read_pair(args)
    return left, right, align(left, right, mode=args.mode, overrides=review.overrides)


def _review(args: argparse.Namespace) -> Review:
    """The --pairs file as a review: its forced pairs, and the pairs marked reviewed when
    it is a review file the UI saved."""
    from resalign.align.review import Review, read_review

    return read_review(args.pairs) if args.pairs else Review()


def _align(args: argparse.Namespace) -> int:
    from resalign.align.render.alignment import alignment_dict, listing

    _, _, alignment = _aligned(args, _review(args))
    if args.json:
        import json

        print(json.dumps(alignment_dict(alignment), ensure_ascii=False, indent=2))
    else:
        print(listing(alignment))
    for warning in alignment.warnings:
        say(f"{PROG}: warning: {warning}")
    return ExitCode.OK


def _comparison(args: argparse.Namespace) -> Comparison:
    from resalign.align.comparison import compare, with_reviewed

    review = _review(args)  # read once: its links align, its marks go into the report
    aligned = _aligned(args, review)
    with _interruptible():
        return with_reviewed(compare(*aligned), review.reviewed)


GRACE = 1.0
"""Seconds Ctrl-C waits for the program to end by itself before ending it."""


@contextlib.contextmanager
def _interruptible() -> Iterator[None]:
    """Ctrl-C (or SIGTERM) ends the block's work within `GRACE` seconds, even inside one
    long call to C (the diff of an enormous paragraph), where Python cannot raise the
    interruption until the call returns: a thread the signal wakes ends the process
    (exit 130, or 143) if it has not ended by itself by then. The work writes nothing.
    Where the signal cannot wake a pipe (Windows; not the main thread), the block runs as
    it is."""
    import signal
    import threading

    reading, writing = os.pipe()
    try:
        os.set_blocking(writing, False)
        previous = signal.set_wakeup_fd(writing, warn_on_full_buffer=False)
    except (OSError, ValueError):
        os.close(reading)
        os.close(writing)
        yield
        return
    over = threading.Event()

    def watch() -> None:
        while received := os.read(reading, 16):
            for number in (signal.SIGINT, signal.SIGTERM):
                if number in received and not over.wait(GRACE):
                    os._exit(130 if number == signal.SIGINT else 143)

    watcher = threading.Thread(target=watch, daemon=True, name="interrupt")
    watcher.start()
    try:
        yield
    finally:
        over.set()
        signal.set_wakeup_fd(previous)
        os.close(writing)  # the watcher reads the end of the pipe and stops
        watcher.join()
        os.close(reading)


def _diff(args: argparse.Namespace) -> int:
    from resalign.align.render.terminal import terminal_diff

    comparison = _comparison(args)
    color = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    width = _columns(fallback=100)
    sys.stdout.write(terminal_diff(comparison, color=color, width=width, everything=args.all))
    return ExitCode.OK


def _report(args: argparse.Namespace) -> int:
    from resalign.align.output import write_output

    report_format = args.format or format_for(args.output)
    if report_format is None:
        raise UsageError(
            f"cannot tell the report format from {args.output!r}: use --format "
            f"({', '.join(REPORT_FORMATS)}) or a known extension"
        )
    named = format_for(args.output)
    if args.format and named and named != args.format:
        say(f"{PROG}: warning: writing {args.format} into {args.output}, whose name says {named}")
    if args.output == "-":  # standard output
        if REPORT_FORMATS[report_format].binary and sys.stdout.isatty():
            raise UsageError(
                f"a {report_format} report is binary: give a file name (-o report.{report_format})"
            )
        data = render(_comparison(args), report_format, **_writer_options(args, report_format))
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return ExitCode.OK
    path = Path(args.output)
    if path.exists() and not args.force:
        raise OutputError(f"{path}: exists; use --force to overwrite it")
    comparison = _comparison(args)
    data = render(comparison, report_format, **_writer_options(args, report_format))
    write_output(path, data, force=args.force)
    say(f"wrote {path} ({report_format})")
    return ExitCode.OK


def _writer_options(args: argparse.Namespace, report_format: str) -> dict[str, str]:
    if report_format == "csv":
        return {"dialect": args.csv_dialect}
    return {"locales": args.tmx_locale} if report_format == "tmx" else {}


def _tui(args: argparse.Namespace) -> int:
    from resalign.align.overrides import load_overrides
    from resalign.align.review import review_path
    from resalign.tui.ahead import opened_ahead, review_app
    from resalign.tui.session import Session

    def open_session(left: Document, right: Document) -> Session:
        state = Path(args.state) if args.state else review_path(left, right)
        overrides = load_overrides(args.pairs) if args.pairs else None
        return Session.open(left, right, state, mode=args.mode, overrides=overrides)

    if not _interactive():
        _read_pair(args)  # a bad input is said first
        raise UsageError("the review UI needs a terminal; use resalign diff or resalign report")
    left, right = _input(args.left, args), _input(args.right, args)  # fetched once, here
    ahead = opened_ahead(
        lambda: _read_file(left, args), lambda: _read_file(right, args), open_session
    )
    try:
        _warn(ahead.session.left, ahead.session.right)
        app = quietly(lambda: review_app(ahead))  # while the child computes
        app.run()
    finally:
        ahead.close()
    return app.return_code or ExitCode.OK


def _carry(args: argparse.Namespace) -> int:
    from resalign.align.carry import carry
    from resalign.align.render.carried.summary import carry_summary

    output_format = args.format or (carry_format_for(args.output) if args.output else None)
    if args.output and output_format is None:
        raise UsageError(
            f"cannot tell the format from {args.output!r}: use --format "
            f"({', '.join(CARRY_FORMATS)}) or a known extension"
        )
    path = Path(args.output) if args.output and args.output != "-" else None
    if path is not None and path.exists() and not args.force:
        raise OutputError(f"{path}: exists; use --force to overwrite it")
    old_source, old_target, new_source = (
        _read(name, args) for name in (args.old_source, args.old_target, args.new_source)
    )
    _warn(old_source, old_target, new_source)
    carried = carry(old_source, old_target, new_source, fill=args.fill)
    for warning in carried.warnings:
        say(f"{PROG}: warning: {warning}")
    if output_format is None and _interactive():
        from resalign.tui.carry import CarryApp

        target = Path(new_source.source)
        export_to = target.with_name(f"{target.stem}.carried.{old_target.language}.docx")
        app = CarryApp(carried, export_to)
        app.run()
        return app.return_code or ExitCode.OK
    if output_format is None:
        sys.stdout.write(carry_summary(carried, everything=True))
        return ExitCode.OK
    data = render_carry(carried, output_format)
    if path is None:
        if CARRY_FORMATS[output_format].binary and sys.stdout.isatty():
            raise UsageError(
                f"a {output_format} file is binary: give a file name (-o carried.{output_format})"
            )
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return ExitCode.OK
    from resalign.align.output import write_output

    write_output(path, data, force=args.force)
    sys.stderr.write(carry_summary(carried, everything=False))
    say(f"wrote {path} ({output_format})")
    return ExitCode.OK


def _fetch(args: argparse.Namespace) -> int:
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


EXAMPLE_PAIR = ("A_RES_70_179.es.modeled.txt", "A_RES_72_195.es.txt")
"""The bundled example pair, old on the left (package `resalign.examples`, from `seeds/`)."""


def _demo(args: argparse.Namespace) -> int:
    from importlib.resources import as_file, files

    examples = files("resalign.examples")
    with as_file(examples / EXAMPLE_PAIR[0]) as left, as_file(examples / EXAMPLE_PAIR[1]) as right:
        argv = [str(left), str(right)]
        if _interactive():
            import tempfile

            state = args.state or str(Path(tempfile.gettempdir()) / "resalign-demo-review.toml")
            return main(["tui", *argv, "--state", state])
        return main(["diff", *argv])


def _interactive() -> bool:
    return sys.stdout.isatty() and sys.stdin.isatty()


def _default_command(argv: list[str]) -> list[str]:
    """`resalign OLD NEW`: the review UI in a terminal, the diff otherwise; `resalign FILE`:
    its structure, as `parse` prints it."""
    positional = [a for a in argv if not a.startswith("-")]
    if not argv or argv[0] in COMMANDS or argv[0].startswith("-"):
        return argv
    if len(positional) >= 2:
        return ["tui" if sys.stdout.isatty() else "diff", *argv]
    return ["parse", *argv]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    arguments = _default_command(list(sys.argv[1:] if argv is None else argv))
    parser = build_parser(arguments[0] if arguments and arguments[0] in COMMANDS else None)
    args = parser.parse_args(arguments)
    handler: Callable[[argparse.Namespace], int] | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return ExitCode.INPUT
    try:
        return handler(args)
    except ResalignError as error:
        say(f"{PROG}: {error}")
        return error.exit_code
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        sys.stderr.close()
        return ExitCode.OK
