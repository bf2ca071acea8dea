"""`resalign`: command-line entry point.

Builds the parser from the commands (one module each in `resalign.commands`), runs the one
asked for. Errors the library raises on purpose (`ResalignError`) become one line on stderr
and the exit code they carry.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from importlib import import_module

from resalign import package_version
from resalign.align.errors import ExitCode, ResalignError
from resalign.console import PROG, say
from resalign.options import Help, Parser

COMMANDS = ("parse", "align", "diff", "report", "tui", "demo", "carry", "fetch", "corpus")
"""The subcommands, in the help's order: each is the module `resalign.commands.NAME`."""


class _RawDescription(Help, argparse.RawDescriptionHelpFormatter):
    """The main help's description as written (it lays out the forms of the command)."""


class _Version(argparse.Action):
    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="print the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *args: object) -> None:
        print(f"{PROG} {package_version()}")
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The command line's parser; with `command`, only that command's options (what
    running it needs: the others are built for `--help` and for mistakes)."""
    parser = Parser(
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
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=Parser, prog=PROG
    )
    for name in COMMANDS:
        if command in (None, name):
            import_module(f"resalign.commands.{name}").add(commands)
    return parser


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
