"""`resalign parse FILE`: one document's structure."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from resalign.align.errors import ExitCode
from resalign.inputs import read, warn
from resalign.options import add_reading_options

if TYPE_CHECKING:
    from resalign.options import Commands


def add(commands: Commands) -> None:
    parser = commands.add_parser(
        "parse",
        help="read a resolution and print its structure",
        description=(
            "Read a resolution and print its structure: header, paragraphs (PP, OP, "
            "sub-items) and footnotes."
        ),
    )
    parser.add_argument("file", metavar="FILE")
    add_reading_options(parser)
    parser.add_argument("--json", action="store_true", help="print JSON instead of an outline")
    parser.add_argument(
        "--furniture",
        action="store_true",
        help="print the lines dropped as page furniture (running heads, page numbers …)",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from resalign.align.render.document import document_dict, furniture_listing, outline

    document = read(args.file, args)
    if args.furniture:
        print(furniture_listing(document))
    elif args.json:
        import json

        print(json.dumps(document_dict(document), ensure_ascii=False, indent=2))
    else:
        print(outline(document))
    warn(document)
    return ExitCode.OK
