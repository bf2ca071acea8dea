"""Errors the library raises on purpose, and the exit codes the CLI maps them to.

    ResalignError                 anything resalign refuses to do, with a one-line message
    ├── ReadError                 the input cannot be read (missing, empty, binary, undecodable,
    │   │                         too large, corrupt, unsupported format)
    │   ├── NotAResolutionError   the input was read but holds no resolution
    │   └── UsageError            a request the inputs or options do not allow (a TMX of two
    │                             versions, arguments that do not fit each other)
    ├── OutputError               an output cannot be written (exists, unwritable)
    └── FetchError (align.fetch)  the document system could not give a document (no such
                                  document, timed out, an error page instead of a file)

Every message is one line, fit to print after the program's name. Anything else that
escapes the library is a bug.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the `resalign` command: part of its interface."""

    OK = 0
    FAILURE = 1
    """The command ran but found what it was asked to detect (reserved for checks)."""
    INPUT = 2
    """A usage error or input that cannot be read or is not a resolution."""
    OUTPUT = 3
    """An output that cannot be written, or would overwrite a file without `--force`."""
    NETWORK = 4
    """A document could not be fetched: no such document, the server or network failed."""
    PARTIAL = 5
    """A corpus run finished, but some documents or groups failed (see its errors.jsonl)."""
    INTERRUPTED = 130


class ResalignError(Exception):
    """Base class: a refusal with a one-line message for the user."""

    exit_code: ExitCode = ExitCode.FAILURE


class ReadError(ResalignError):
    """The input cannot be read."""

    exit_code = ExitCode.INPUT


class NotAResolutionError(ReadError):
    """The input was read, but it is not a resolution."""


class UsageError(ReadError):
    """A request the inputs or the options do not allow: a usage error (exit code 2)."""


class OutputError(ResalignError):
    """An output cannot be written."""

    exit_code = ExitCode.OUTPUT
