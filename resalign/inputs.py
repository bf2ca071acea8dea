"""The documents a command was given: fetched when named by symbol, read, warned about,
aligned and compared."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from resalign.align.read import read_document
from resalign.console import PROG, say
from resalign.interrupt import interruptible

if TYPE_CHECKING:
    from resalign.align.alignment import Alignment
    from resalign.align.comparison import Comparison
    from resalign.align.model import Document
    from resalign.align.review import Review


def warn(*documents: Document) -> None:
    """Every structure warning of the documents read, one line each on stderr."""
    for document in documents:
        for warning in document.warnings:
            say(f"{PROG}: warning: {document.source}: {warning}")


def located(name: str, args: argparse.Namespace) -> str:
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


def read(name: str, args: argparse.Namespace) -> Document:
    """The document a command was given, read with the reading options."""
    return read_file(located(name, args), args)


def read_file(path: str, args: argparse.Namespace) -> Document:
    return read_document(path, lang=args.lang, encoding=args.encoding, max_size=args.max_size)


def read_pair(args: argparse.Namespace) -> tuple[Document, Document]:
    left, right = read(args.left, args), read(args.right, args)
    warn(left, right)
    return left, right


def review(args: argparse.Namespace) -> Review:
    """The --pairs file as a review: its forced pairs, and the pairs marked reviewed when
    it is a review file the UI saved."""
    from resalign.align.review import Review, read_review

    return read_review(args.pairs) if args.pairs else Review()


def aligned(args: argparse.Namespace, given: Review) -> tuple[Document, Document, Alignment]:
    """Both documents and their alignment, honouring --mode and the --pairs file."""
    from resalign.align.aligner import align

    left, right = read_pair(args)
    return left, right, align(left, right, mode=args.mode, overrides=given.overrides)


def comparison(args: argparse.Namespace) -> Comparison:
    """The pair's comparison, with the --pairs file's links and review marks."""
    from resalign.align.comparison import compare, with_reviewed

    given = review(args)  # read once: its links align, its marks go into the report
    both = aligned(args, given)
    with interruptible():
        return with_reviewed(compare(*both), given.reviewed)
