"""The command line's parser class and the options several commands share."""

from __future__ import annotations

import argparse
import math
from typing import TYPE_CHECKING, Any

from resalign.align.errors import ExitCode
from resalign.align.read import DEFAULT_MAX_SIZE
from resalign.console import columns

if TYPE_CHECKING:
    Commands = argparse._SubParsersAction[argparse.ArgumentParser]
    """Where each command adds its parser."""


class Help(argparse.HelpFormatter):
    """Help as wide as the terminal."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        super().__init__(prog, indent_increment, max_help_position, width or columns() - 2)


class Parser(argparse.ArgumentParser):
    """argparse with usage errors on one line and the project's exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", Help)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> None:  # type: ignore[override]  # typeshed: NoReturn
        self.exit(ExitCode.INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


def seconds(text: str) -> float:
    """A time limit: a finite number of seconds over nought (`nan`, `inf` and `-1` are
    none)."""
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise argparse.ArgumentTypeError(f"not a number of seconds over 0: {text!r}")
    return value


def size(text: str) -> int:
    """A number of bytes, `64M` or `1.5g` or `4096`."""
    units = {"k": 1024, "m": 1024**2, "g": 1024**3}
    try:
        if text[-1:].lower() in units:
            return int(float(text[:-1]) * units[text[-1].lower()])
        return int(text)
    except (ValueError, OverflowError):  # `1e400M` is infinite
        raise argparse.ArgumentTypeError(f"not a size: {text!r} (use e.g. 64M)") from None


def add_reading_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang", help="language of the input (ar, zh, en, fr, ru, es); detected if omitted"
    )
    add_cache_options(parser)
    parser.add_argument("--encoding", help="text encoding of the input (default: UTF-8 or BOM)")
    add_max_size(parser, "refuse inputs larger than this (default 64M)")


def add_max_size(parser: argparse.ArgumentParser, help: str) -> None:
    parser.add_argument(
        "--max-size", type=size, default=DEFAULT_MAX_SIZE, metavar="SIZE", help=help
    )


def add_cache_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--offline", action="store_true", help="documents given as SYMBOL:LANG: the cache only"
    )
    parser.add_argument(
        "--refresh",
        action="store_true",
        help="documents given as SYMBOL:LANG: fetch again, even when cached",
    )


def add_pair_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("left", metavar="LEFT")
    parser.add_argument("right", metavar="RIGHT")
    add_reading_options(parser)
    parser.add_argument(
        "--mode",
        choices=["language", "version"],
        help="default: version for the same language, language otherwise",
    )
    parser.add_argument("--pairs", metavar="FILE", help="forced pairs (TOML or JSON) to honour")


def listed(formats: dict[str, Any]) -> str:
    """`html (web page), md (Markdown), …` for a help text."""
    return ", ".join(f"{row.name} ({row.what})" for row in formats.values())
