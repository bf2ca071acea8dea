"""Page furniture: what a PDF prints on every page that is not part of the resolution.

Running headers (the symbol, the short title), page numbers (`2/8`), job numbers
(`17-22858 (E)`) and barcodes (`*1722858*`). Shared by the readers of page-based formats.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from align.read.blocks import is_open

PAGE_NUMBER = re.compile(r"^\d{1,4}\s*/\s*\d{1,4}$")
JOB_NUMBER = re.compile(r"^\d{2}-\d{4,6}\s*\([A-Z]\)(?:\s+\S+)?$")
BARCODE = re.compile(r"^\*\d{6,}\*$")
SYMBOL = re.compile(r"^[A-Z]{1,2}/(?:[A-Z0-9.]+/)*[A-Z0-9.]+$")


def furniture_lines(lines: Sequence[str], title: str | None) -> set[str]:
    """The distinct lines (stripped) that are page furniture in this text.

    A line is furniture when it has a furniture shape, when it repeats the title, or when
    it is short, does not end a sentence and recurs (a running header).
    """
    counts = Counter(line for line in lines if line)
    return {
        line
        for line, count in counts.items()
        if PAGE_NUMBER.match(line)
        or JOB_NUMBER.match(line)
        or BARCODE.match(line)
        or SYMBOL.match(line)
        or (title is not None and line == title)
        or (count > 1 and len(line) <= 150 and is_open(line))
    }
