"""The catalog: what the corpus knows of each document once it is read, in a few facts.

Grouping works on these small records, not on the documents, so that the whole collection
fits in memory however large it is; the documents themselves wait in the work folder.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

from resalign.align.model import Document

_REVISION = re.compile(r"/Rev\.\d+$", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Entry:
    """A document that was read: where from, which resolution, and what it says it is."""

    id: str
    source: str
    symbol: str | None
    language: str
    kind: str
    session: int | None
    title: str | None
    adopted: str | None
    draft: str | None
    """For a resolution: the plenary draft it names (`A/80/L.8`)."""
    amends: str | None
    paragraphs: int
    footnotes: int
    warnings: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {**asdict(self), "warnings": list(self.warnings)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Entry:
        names = {field.name for field in fields(cls)}
        values = {name: value for name, value in data.items() if name in names}
        return cls(**{**values, "warnings": tuple(values.get("warnings", ()))})


@dataclass(frozen=True, slots=True)
class Failure:
    """A document, or a group, that could not be done, and why, in one line."""

    stage: str
    """`read` or `align`."""
    subject: str
    """The source file, or the group's id."""
    message: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def entry_of(document: Document, id: str) -> Entry:
    return Entry(
        id=id,
        source=document.source,
        symbol=document.symbol,
        language=document.language,
        kind=document.kind,
        session=document.session,
        title=document.title,
        adopted=document.adopted,
        draft=document.draft,
        amends=document.amends,
        paragraphs=len(document.paragraphs),
        footnotes=len(document.footnotes),
        warnings=document.warnings,
    )


def source_id(path: str | Path) -> str:
    """A name for a source in the work folder: the same path always gives the same one."""
    return hashlib.sha1(str(Path(path).resolve()).encode()).hexdigest()[:16]


def fingerprint(path: str | Path) -> str:
    """What changes when the file does: its size and modification time."""
    status = Path(path).stat()
    return f"{status.st_size}:{status.st_mtime_ns}"


def base_symbol(symbol: str) -> str:
    """A draft's symbol without its revision: `A/C.3/80/L.20/Rev.1` → `A/C.3/80/L.20`."""
    return _REVISION.sub("", symbol)


def title_key(title: str) -> str:
    """A title as series compare them: case, punctuation and spacing do not count."""
    return " ".join(re.sub(r"[^\w]+", " ", title.casefold()).split())
