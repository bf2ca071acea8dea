"""`resalign report LEFT RIGHT -o FILE`: a report in any of the formats of `REPORTS`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from resalign.align.errors import ExitCode, OutputError, UsageError
from resalign.align.render import FORMATS as REPORT_FORMATS
from resalign.align.render import format_for, render
from resalign.console import PROG, say
from resalign.inputs import comparison
from resalign.options import add_pair_options, listed

if TYPE_CHECKING:
    from resalign.options import Commands


def add(commands: Commands) -> None:
    parser = commands.add_parser(
        "report",
        help="write a diff report",
        description="Write a report of two resolutions' alignment and diffs. The format "
        f"comes from the file's extension or --format: {listed(REPORT_FORMATS)}.",
    )
    add_pair_options(parser)
    parser.add_argument(
        "-o", "--output", required=True, metavar="FILE", help="report file ('-': standard output)"
    )
    parser.add_argument("--format", choices=REPORT_FORMATS, help="default: from the extension")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument(
        "--csv-dialect",
        choices=["excel", "excel-eu"],
        default="excel",
        help="CSV for Excel in English (commas) or in es/fr/ru (semicolons, decimal commas)",
    )
    parser.add_argument(
        "--tmx-locale",
        default="",
        metavar="LANG=LOCALE,...",
        help="TMX language codes (default es-ES, en-GB, fr-FR, ru-RU, ar-SA, zh-CN)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
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
        data = render(comparison(args), report_format, **writer_options(args, report_format))
        sys.stdout.buffer.write(data)
        sys.stdout.buffer.flush()
        return ExitCode.OK
    path = Path(args.output)
    if path.exists() and not args.force:
        raise OutputError(f"{path}: exists; use --force to overwrite it")
    compared = comparison(args)
    data = render(compared, report_format, **writer_options(args, report_format))
    write_output(path, data, force=args.force)
    say(f"wrote {path} ({report_format})")
    return ExitCode.OK


def writer_options(args: argparse.Namespace, report_format: str) -> dict[str, str]:
    if report_format == "csv":
        return {"dialect": args.csv_dialect}
    return {"locales": args.tmx_locale} if report_format == "tmx" else {}
