"""`resalign align LEFT RIGHT`: which paragraph pairs with which."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from resalign.align.errors import ExitCode
from resalign.console import PROG, say
from resalign.inputs import aligned, review
from resalign.options import add_pair_options

if TYPE_CHECKING:
    from resalign.options import Commands


def add(commands: Commands) -> None:
    parser = commands.add_parser(
        "align",
        help="pair the paragraphs of two resolutions",
        description=(
            "Pair the paragraphs and footnotes of two resolutions: one resolution in two "
            "languages (language mode) or two versions of a resolution (version mode)."
        ),
    )
    add_pair_options(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of a listing")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from resalign.align.render.alignment import alignment_dict, listing

    _, _, alignment = aligned(args, review(args))
    if args.json:
        import json

        print(json.dumps(alignment_dict(alignment), ensure_ascii=False, indent=2))
    else:
        print(listing(alignment))
    for warning in alignment.warnings:
        say(f"{PROG}: warning: {warning}")
    return ExitCode.OK
