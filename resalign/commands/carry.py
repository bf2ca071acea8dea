"""`resalign carry OLD_SOURCE OLD_TARGET NEW_SOURCE`: this year's translation prefilled
from last year's."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from resalign.align.errors import ExitCode, OutputError, UsageError
from resalign.align.render.carried import CARRY_FORMATS, carry_format_for, render_carry
from resalign.console import PROG, interactive, say
from resalign.inputs import read, warn
from resalign.options import add_reading_options, listed

if TYPE_CHECKING:
    from resalign.options import Commands


def add(commands: Commands) -> None:
    parser = commands.add_parser(
        "carry",
        help="prefill this year's translation from last year's",
        description="Carry a translation forward: OLD_SOURCE and OLD_TARGET are last "
        "year's text and its translation, NEW_SOURCE this year's text. Each unit of the new "
        "text gets the old translation where it is the same (exact), with its years, dates, "
        "symbols and numbers replaced where only they changed (auto-updated), flagged with "
        "the source changes where it was reworded (fuzzy), or nothing (new). Formats: "
        f"{listed(CARRY_FORMATS)}. Without -o: the review UI in a terminal (new source with its "
        "changes, proposed translation, status; n: next to do, enter: edit, a: accept, "
        "ctrl+z: undo, e: export the Word file beside NEW_SOURCE, ?: keys), the summary and "
        "the units that need work otherwise.",
    )
    parser.add_argument("old_source", metavar="OLD_SOURCE")
    parser.add_argument("old_target", metavar="OLD_TARGET")
    parser.add_argument("new_source", metavar="NEW_SOURCE")
    add_reading_options(parser)
    parser.add_argument(
        "-o", "--output", metavar="FILE", help="file to write ('-': standard output)"
    )
    parser.add_argument("--format", choices=CARRY_FORMATS, help="default: from the extension")
    parser.add_argument(
        "--fill",
        choices=["empty", "source"],
        default="empty",
        help="what a new unit holds: nothing (default) or the source text",
    )
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
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
        read(name, args) for name in (args.old_source, args.old_target, args.new_source)
    )
    warn(old_source, old_target, new_source)
    carried = carry(old_source, old_target, new_source, fill=args.fill)
    for warning in carried.warnings:
        say(f"{PROG}: warning: {warning}")
    if output_format is None and interactive():
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
