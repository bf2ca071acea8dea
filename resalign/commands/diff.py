"""`resalign diff LEFT RIGHT`: the word diff in the terminal."""

from __future__ import annotations

import argparse
import os
import sys
from typing import TYPE_CHECKING

from resalign.align.errors import ExitCode
from resalign.console import columns
from resalign.inputs import comparison
from resalign.options import add_pair_options

if TYPE_CHECKING:
    from resalign.options import Commands


def add(commands: Commands) -> None:
    parser = commands.add_parser(
        "diff",
        help="show what differs, word by word, in the terminal",
        description="Word-level diff of two resolutions, pair by pair (changed pairs only "
        "unless --all); language-mode pairs side by side with their QA findings.",
    )
    add_pair_options(parser)
    parser.add_argument("--all", action="store_true", help="show every pair, not only changes")
    parser.add_argument(
        "--color",
        choices=["auto", "always", "never"],
        default="auto",
        help="colour the diff (default: when writing to a terminal)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from resalign.align.render.terminal import terminal_diff

    compared = comparison(args)
    color = args.color == "always" or (
        args.color == "auto" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    )
    width = columns(fallback=100)
    sys.stdout.write(terminal_diff(compared, color=color, width=width, everything=args.all))
    return ExitCode.OK
