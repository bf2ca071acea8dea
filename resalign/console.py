"""How the command talks to its terminal: one-line messages, the width, and whether a
person is there."""

from __future__ import annotations

import os
import sys

PROG = "resalign"


def columns(fallback: int = 80) -> int:
    """The terminal's width as `shutil.get_terminal_size` tells it (COLUMNS, else the
    terminal, else `fallback`), without importing shutil, and with it three compression
    libraries, at every start (argparse sizes a formatter so for every option)."""
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


def say(line: str) -> None:
    """One line on standard error, each character that would act on a terminal (an escape
    sequence, a new line or a bidi override in a file name) written visibly."""
    from resalign.align.render.text import shown  # here: a command that succeeds says nothing

    print(shown(line, one_line=True), file=sys.stderr)


def interactive() -> bool:
    """Whether a person is at a terminal: standard input and output both are one."""
    return sys.stdout.isatty() and sys.stdin.isatty()
