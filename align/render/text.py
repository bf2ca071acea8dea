"""Helpers shared by the text renderers: display width and wrapping for any script."""

from __future__ import annotations

import re
import unicodedata

_WIDE = (
    "\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6"
)
_PIECE = re.compile(f" *(?:[{_WIDE}]|[^ {_WIDE}]+)| +")


def display_width(text: str) -> int:
    """Columns a text takes in a terminal: wide (CJK) characters take two."""
    return sum(
        0 if unicodedata.combining(char) else 2 if unicodedata.east_asian_width(char) in "WF" else 1
        for char in text
    )


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` columns, broken at spaces (anywhere in CJK runs)."""
    width = max(width, 4)
    lines: list[str] = []
    line, used = "", 0
    for word in _pieces(text):
        size = display_width(word)
        if used + size > width and line.strip():
            lines.append(line.rstrip())
            line, used = "", 0
            word = word.lstrip()
            size = display_width(word)
        while size > width:  # a piece wider than a whole line: cut it
            cut = _cut(word, width)
            lines.append(word[:cut])
            word = word[cut:]
            size = display_width(word)
        line += word
        used += size
    if line.strip() or not lines:
        lines.append(line.rstrip())
    return lines


def pad(text: str, width: int) -> str:
    return text + " " * max(0, width - display_width(text))


def _pieces(text: str) -> list[str]:
    """Words with the spaces before them; each wide character on its own."""
    return _PIECE.findall(text)


def _cut(word: str, width: int) -> int:
    used = 0
    for index, char in enumerate(word):
        used += display_width(char)
        if used > width:
            return max(1, index)
    return len(word)
