"""The catalog: what the corpus knows of each document once it is read, in a few facts.

Grouping works on these small records, not on the documents, and the records are kept in
an SQLite database in the work folder rather than in memory, so that the client's memory
stays the same however many documents the collection has; the documents themselves wait
in the work folder too.
"""

from __future__ import annotations

import hashlib
import json
import re
import sqlite3
from collections.abc import Iterable, Iterator
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


_COLUMNS = tuple(field.name for field in fields(Entry))
_SCHEMA = f"""
CREATE TABLE sources (source TEXT PRIMARY KEY) WITHOUT ROWID;
CREATE TABLE entries ({", ".join(_COLUMNS)}, PRIMARY KEY (id)) WITHOUT ROWID;
"""
_INSERT = f"INSERT OR REPLACE INTO entries VALUES ({', '.join('?' * len(_COLUMNS))})"
_WARNINGS = _COLUMNS.index("warnings")
_INDEXES = """
CREATE INDEX IF NOT EXISTS entries_by_source ON entries (source, id);
CREATE INDEX IF NOT EXISTS entries_by_symbol ON entries (symbol, source, id);
"""


class Catalog:
    """The run's sources and entries in an SQLite database (`path`, or in memory): what
    grouping, planning and the outputs query, a row at a time. A run makes it anew from
    its log, so it needs no durability: nothing is synced. Its indexes are made once the
    entries are in (`indexed`), which costs less than keeping them as each comes."""

    def __init__(self, path: Path | None = None) -> None:
        if path is not None:
            path.unlink(missing_ok=True)
        self.db = sqlite3.connect(":memory:" if path is None else str(path))
        self.db.executescript("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;" + _SCHEMA)
        self.db.create_function("title_key", 1, title_key, deterministic=True)
        self.db.create_function("base_symbol", 1, base_symbol, deterministic=True)

    def add_sources(self, paths: Iterable[Path]) -> None:
        self.db.executemany(
            "INSERT OR IGNORE INTO sources VALUES (?)", ((str(path),) for path in paths)
        )

    def sources(self) -> Iterator[Path]:
        """The sources, once each, in order."""
        for (source,) in self.db.execute("SELECT source FROM sources ORDER BY source"):
            yield Path(source)

    def add(self, entry: Entry) -> None:
        row = [getattr(entry, name) for name in _COLUMNS]
        row[_WARNINGS] = json.dumps(list(entry.warnings), ensure_ascii=False)
        self.db.execute(_INSERT, row)

    def entry(self, id: str) -> Entry:
        found = self.db.execute("SELECT * FROM entries WHERE id = ?", (id,)).fetchone()
        if found is None:
            raise KeyError(id)
        return _entry(found)

    def source(self, id: str) -> str:
        """Where the entry was read from."""
        (source,) = self.db.execute("SELECT source FROM entries WHERE id = ?", (id,)).fetchone()
        return str(source)

    def indexed(self) -> Catalog:
        """The catalog with its entries indexed by source and by symbol."""
        self.db.executescript(_INDEXES)
        return self

    def entries(self) -> Iterator[Entry]:
        """Every entry, by source."""
        for row in self.indexed().db.execute("SELECT * FROM entries ORDER BY source, id"):
            yield _entry(row)

    def count(self, table: str = "entries") -> int:
        (count,) = self.db.execute(f"SELECT count(*) FROM {table}").fetchone()
        return int(count)

    def close(self) -> None:
        self.db.close()


def _entry(row: tuple[Any, ...]) -> Entry:
    values = dict(zip(_COLUMNS, row, strict=True))
    return Entry(**{**values, "warnings": tuple(json.loads(values["warnings"]))})
