"""Page furniture: what a PDF prints on every page that is not part of the resolution.

Running headers (the symbol, the short title), page numbers (`2/8`), job numbers
(`17-22858 (E)`) and barcodes (`*1722858*`). Shared by the readers of page-based formats.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence, Set

from align.read.blocks import is_open

PAGE_NUMBER = re.compile(r"^\d{1,4}\s*/\s*\d{1,4}$")
JOB_NUMBER = re.compile(r"^\d{2}-\d{4,6}\s*\([A-Z]\)(?:\s+\S+)?$")
BARCODE = re.compile(r"^\*\d{6,}\*$")
SYMBOL = re.compile(r"^[A-Z]{1,2}/(?:[A-Z0-9.]+/)*[A-Z0-9.]+$")


def furniture_lines(
    lines: Sequence[str], title: str | None, breaks: Set[int] = frozenset()
) -> set[int]:
    """Indices of the lines (stripped) that are page furniture.

    A line is furniture when it has a furniture shape (page number, job number, barcode,
    a document symbol alone) or repeats the title. A line that recurs, is short and does
    not end a sentence is a running header only if each time it stands next to other
    furniture or a page break: a line of body text that happens to wrap the same way
    twice stays.
    """
    anchors = {
        index
        for index, line in enumerate(lines)
        if line
        and (
            PAGE_NUMBER.match(line)
            or JOB_NUMBER.match(line)
            or BARCODE.match(line)
            or SYMBOL.match(line)
            or (title is not None and line == title)
        )
    }
    filled = [index for index, line in enumerate(lines) if line]
    rank = {index: position for position, index in enumerate(filled)}
    landmarks = {rank[anchor] for anchor in anchors}
    landmarks |= {bisect.bisect_left(filled, page_break) for page_break in breaks}
    near = {
        filled[position]
        for landmark in landmarks
        for position in range(max(0, landmark - 2), min(len(filled), landmark + 3))
    }
    places: dict[str, list[int]] = {}
    for index in filled:
        places.setdefault(lines[index], []).append(index)
    repeated = {
        index
        for line, indices in places.items()
        if len(indices) > 1
        and len(line) <= 150
        and is_open(line)
        and all(i in near for i in indices)
        for index in indices
    }
    return anchors | repeated
