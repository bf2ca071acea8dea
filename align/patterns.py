"""Regular expressions compiled when first used, not at import.

The six languages' conventions alone hold some sixty patterns, whose compiling at every
start of every command cost more than reading a document, while a document needs one
language's. A `lazy` pattern
compiles on its first use and then hands out the compiled pattern's own methods (kept on
the instance, so later calls cost what a compiled pattern's do).
"""

from __future__ import annotations

import re
from functools import cache
from typing import Any, cast

_METHODS = ("match", "search", "fullmatch", "findall", "finditer", "sub", "subn", "split")


class _Lazy:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        """Called only while the pattern is not compiled (afterwards its methods are found
        on the instance)."""
        if name.startswith("__"):
            raise AttributeError(name)
        compiled = re.compile(self.pattern, self.flags)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        self.groupindex = compiled.groupindex
        self.groups = compiled.groups
        return getattr(compiled, name)

    def __repr__(self) -> str:
        return f"lazy({self.pattern!r})"


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """A pattern that is compiled the first time it is used."""
    return cast(re.Pattern[str], _Lazy(pattern, flags))


def reaches(text: str, first: str) -> bool:
    """Whether `text` has a character at or past `first`. A search for the range in C: a
    fraction of the cost of `max(text) >= first`, which compares the characters one by one
    as Python strings."""
    return _from(first).search(text) is not None


@cache
def _from(first: str) -> re.Pattern[str]:
    """Any character but those before `first`: that class compiles far faster than
    `[first-\\U0010ffff]` and searches as fast. Every character is at or past U+0000."""
    if first == "\x00":
        return re.compile(".", re.DOTALL)
    return re.compile(f"[^\\x00-{re.escape(chr(ord(first) - 1))}]")
