"""`resalign tui LEFT RIGHT`: the review UI, its first comparison computed ahead."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from resalign import quietly
from resalign.align.errors import ExitCode, UsageError
from resalign.console import interactive
from resalign.inputs import located, read_file, read_pair, warn
from resalign.options import add_pair_options

if TYPE_CHECKING:
    from resalign.align.model import Document
    from resalign.options import Commands


def add(commands: Commands) -> None:
    parser = commands.add_parser(
        "tui",
        help="review two resolutions side by side in the terminal",
        description="Open the terminal review UI on two resolutions. Reviewed marks and "
        "manual links are kept in a review file in your data folder "
        "($XDG_DATA_HOME/resalign/reviews), one per pair of documents, or in --state FILE.",
    )
    add_pair_options(parser)
    parser.add_argument(
        "--state", metavar="FILE", help="review state file (default: in your data folder)"
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from resalign.align.overrides import load_overrides
    from resalign.align.review import review_path
    from resalign.tui.ahead import opened_ahead, review_app
    from resalign.tui.session import Session

    def open_session(left: Document, right: Document) -> Session:
        state = Path(args.state) if args.state else review_path(left, right)
        overrides = load_overrides(args.pairs) if args.pairs else None
        return Session.open(left, right, state, mode=args.mode, overrides=overrides)

    if not interactive():
        read_pair(args)  # a bad input is said first
        raise UsageError("the review UI needs a terminal; use resalign diff or resalign report")
    left, right = located(args.left, args), located(args.right, args)  # fetched once, here
    ahead = opened_ahead(
        lambda: read_file(left, args), lambda: read_file(right, args), open_session
    )
    try:
        warn(ahead.session.left, ahead.session.right)
        app = quietly(lambda: review_app(ahead))  # while the child computes
        app.run()
    finally:
        ahead.close()
    return app.return_code or ExitCode.OK
