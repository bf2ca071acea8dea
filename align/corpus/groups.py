"""Grouping a collection: language sets, series and adoptions, from the catalog alone.

- A **language set** is one symbol in several languages.
- A **series** is one recurring resolution across sessions: resolutions (not drafts) whose
  titles are the same in some language, linked through their language sets (so a Spanish-
  only 70/179 joins the English 78/228 through 72/195, read in both), or a list the
  manifest names; in session order.
- An **adoption** is a draft and the resolution adopted from it: the resolution names the
  draft, or the two share a session and a title.
- An **amendment** names the draft it amends.

The groups are found by queries over the catalog and kept in tables beside it, to be
read back a group at a time: memory does not grow with the collection.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import groupby

from resalign.align.corpus.catalog import Catalog, base_symbol, title_key
from resalign.align.languages import LANGUAGES

ORDER = tuple(LANGUAGES)
"""The UN's order of the six languages (ar, zh, en, fr, ru, es)."""

_NUMBERS = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class LanguageSet:
    """One symbol and the documents read of it, a language each."""

    symbol: str
    members: tuple[tuple[str, str], ...]
    """(language, entry id), in the UN's order of languages."""

    @property
    def id(self) -> str:
        return f"set:{self.symbol}"

    @property
    def languages(self) -> tuple[str, ...]:
        return tuple(language for language, _ in self.members)

    def member(self, language: str) -> str | None:
        return dict(self.members).get(language)


@dataclass(frozen=True, slots=True)
class Series:
    """A recurring resolution: its versions' symbols in session order."""

    name: str
    """A file-name-safe name: the title's words (`rights-of-the-child`)."""
    title: str
    symbols: tuple[str, ...]
    listed: bool = False
    """Named by the manifest rather than found by title."""

    @property
    def id(self) -> str:
        return f"series:{self.name}"


@dataclass(frozen=True, slots=True)
class Adoption:
    """A draft and the resolution adopted from it."""

    draft: str
    resolution: str
    how: str
    """`named` (the resolution names the draft) or `title` (same session and title)."""

    @property
    def id(self) -> str:
        return f"adoption:{self.draft}"


@dataclass(frozen=True, slots=True)
class ListedSeries:
    """A series a manifest names: its name and symbols."""

    name: str
    symbols: tuple[str, ...]


_TABLES = """
DROP TABLE IF EXISTS members; DROP TABLE IF EXISTS symbols; DROP TABLE IF EXISTS series;
DROP TABLE IF EXISTS adoptions; DROP TABLE IF EXISTS linked; DROP TABLE IF EXISTS titled;
DROP TABLE IF EXISTS lowest; DROP TABLE IF EXISTS lowered; DROP TABLE IF EXISTS named;
CREATE TABLE members (symbol, language, id, rank, source, PRIMARY KEY (symbol, language));
CREATE TABLE symbols (symbol PRIMARY KEY, key, resolution, draft, session, members);
CREATE INDEX symbols_by_key ON symbols (key, symbol);
CREATE TABLE series (name PRIMARY KEY, title, symbols, listed);
CREATE TABLE adoptions (draft, resolution, how);
CREATE TABLE linked (symbol PRIMARY KEY, label);
CREATE TABLE titled (language, key, symbol, session);
CREATE INDEX titled_by_key ON titled (language, key);
CREATE INDEX titled_by_symbol ON titled (symbol);
CREATE TABLE lowest (language, key, label, PRIMARY KEY (language, key));
CREATE TABLE lowered (symbol PRIMARY KEY, label);
CREATE TABLE named (draft PRIMARY KEY, resolution);
"""


@dataclass(frozen=True, slots=True)
class Groups:
    """A collection sorted into what can be compared: language sets, series of versions,
    drafts with what they became, amendments with their drafts; kept in the catalog's
    tables and read back in order, a group at a time."""

    catalog: Catalog
    warnings: tuple[str, ...]

    def sets(self) -> Iterator[LanguageSet]:
        """Every symbol read, with its documents, in symbol order."""
        rows = self.catalog.db.execute(
            "SELECT s.symbol, m.language, m.id FROM symbols s JOIN members m USING (symbol) "
            "ORDER BY s.key, s.symbol, m.rank, m.source"
        )
        for symbol, members in groupby(rows, key=lambda row: row[0]):
            yield LanguageSet(symbol, tuple((language, id) for _, language, id in members))

    def members(self, symbol: str) -> tuple[tuple[str, str], ...]:
        """A symbol's (language, entry id), in the UN's order of languages."""
        rows = self.catalog.db.execute(
            "SELECT language, id FROM members WHERE symbol = ? ORDER BY rank, source", (symbol,)
        )
        return tuple(rows)

    def series(self) -> Iterator[Series]:
        rows = self.catalog.db.execute(
            "SELECT name, title, symbols, listed FROM series ORDER BY name"
        )
        for name, title, symbols, listed in rows:
            yield Series(name, title, tuple(json.loads(symbols)), bool(listed))

    def adoptions(self) -> Iterator[Adoption]:
        for row in self.catalog.db.execute("SELECT * FROM adoptions ORDER BY rowid"):
            yield Adoption(*row)

    def amendments(self) -> Iterator[tuple[str, str]]:
        """(amendment, the draft it amends), as the first of its documents says."""
        rows = self.catalog.db.execute(
            "SELECT m.symbol, e.amends FROM members m JOIN entries e USING (id) "
            "WHERE e.kind = 'amendment' AND e.amends != '' AND m.id = "
            "(SELECT id FROM members WHERE symbol = m.symbol ORDER BY source, id LIMIT 1) "
            "ORDER BY m.symbol, e.amends"
        )
        yield from rows

    def ungrouped(self) -> Iterator[str]:
        """Entry ids of documents that state no symbol."""
        rows = self.catalog.db.execute(
            "SELECT id FROM entries WHERE symbol IS NULL ORDER BY source, id"
        )
        for (id,) in rows:
            yield id

    def counts(self) -> dict[str, int]:
        """How many groups of each kind there are."""
        db = self.catalog.db
        (sets,) = db.execute("SELECT count(*) FROM symbols WHERE members > 1").fetchone()
        return {
            "language sets": sets,
            "series": self.catalog.count("series"),
            "adoptions": self.catalog.count("adoptions"),
            "amendments": sum(1 for _ in self.amendments()),
        }


def group(catalog: Catalog, listed: Sequence[ListedSeries] = ()) -> Groups:
    """The groups of the catalog's entries; entries added in any order give the same
    groups."""
    db = catalog.indexed().db
    db.executescript(_TABLES)
    warnings: list[str] = []
    _members(catalog, warnings)
    db.create_function("symbol_key", 1, symbol_key, deterministic=True)
    db.execute(
        "INSERT INTO symbols SELECT m.symbol, symbol_key(m.symbol), "
        "max(e.kind = 'resolution'), max(e.kind = 'draft'), coalesce(min(e.session), 0), "
        "count(*) FROM members m JOIN entries e USING (id) GROUP BY m.symbol"
    )
    db.execute(
        "INSERT INTO titled SELECT m.language, title_key(e.title), m.symbol, e.session "
        "FROM members m JOIN entries e USING (id) JOIN symbols s USING (symbol) "
        "WHERE s.resolution AND e.title != ''"
    )
    _series(catalog, listed, warnings)
    _adoptions(catalog, warnings)
    db.commit()
    return Groups(catalog, tuple(warnings))


def symbol_order(symbol: str) -> tuple[str, tuple[int, ...]]:
    """`A/RES/78/228` before `A/RES/80/9` before `A/RES/80/190`: by the series of the
    symbol (`A/RES/`, `A/C.3/…/L.`), then by the numbers in it."""
    return _NUMBERS.sub("#", symbol), tuple(int(n) for n in _NUMBERS.findall(symbol))


def symbol_key(symbol: str) -> bytes:
    """`symbol_order` as bytes that sort as it does, for the catalog to order by: the
    series, a NUL, then each number after its length."""
    pattern, numbers = symbol_order(symbol)
    digits = (str(number).encode() for number in numbers)
    return pattern.encode() + b"\0" + b"".join(len(d).to_bytes(2, "big") + d for d in digits)


def ordered(languages: Iterable[str]) -> list[str]:
    """Language codes in the UN's order."""
    return sorted(languages, key=_rank)


def _rank(language: str) -> int:
    return ORDER.index(language) if language in ORDER else len(ORDER)


def _members(catalog: Catalog, warnings: list[str]) -> None:
    """A document per symbol and language: the first by source; the others are said."""
    db = catalog.db
    rows = db.execute(
        "SELECT symbol, id, source, language FROM entries WHERE symbol IS NOT NULL "
        "ORDER BY symbol, source, id"
    )
    for symbol, entries in groupby(rows, key=lambda row: row[0]):
        kept: dict[str, str] = {}
        for _, id, source, language in entries:
            if language in kept:
                warnings.append(f"{source}: {symbol} [{language}] again; {kept[language]} is used")
                continue
            kept[language] = source
            db.execute(
                "INSERT INTO members VALUES (?, ?, ?, ?, ?)",
                (symbol, language, id, _rank(language), source),
            )


def _series(catalog: Catalog, listed: Sequence[ListedSeries], warnings: list[str]) -> None:
    """The listed series first, then the resolutions linked by a title, each a series
    where it has more than one version; named from their titles, each name once."""
    db = catalog.db
    db.execute("INSERT INTO linked SELECT symbol, symbol FROM symbols WHERE resolution")
    for each in listed:
        symbols = []
        for symbol in each.symbols:
            if db.execute("DELETE FROM linked WHERE symbol = ?", (symbol,)).rowcount:
                symbols.append(symbol)
            elif _is_resolution(db, symbol):
                symbols.append(symbol)  # listed twice: the same version again
            else:
                warnings.append(f"series {each.name}: {symbol} is not in the collection")
        _add_series(db, each.name, _by_session(db, symbols), listed=True)
    _link_by_title(db)
    rows = db.execute(
        "SELECT l.label, l.symbol FROM linked l JOIN symbols s USING (symbol) "
        "ORDER BY l.label, s.session, s.key, s.symbol"
    )
    for _, linked in groupby(rows, key=lambda row: row[0]):
        symbols = [symbol for _, symbol in linked]
        if len(symbols) > 1:
            _add_series(db, "", symbols, listed=False)


def _is_resolution(db: sqlite3.Connection, symbol: str) -> bool:
    row = db.execute("SELECT resolution FROM symbols WHERE symbol = ?", (symbol,)).fetchone()
    return bool(row and row[0])


def _by_session(db: sqlite3.Connection, symbols: list[str]) -> list[str]:
    """Symbols in session order (then in symbol order)."""
    order = {
        symbol: (session, key)
        for symbol, session, key in db.execute(
            f"SELECT symbol, session, key FROM symbols WHERE symbol IN "
            f"({', '.join('?' * len(symbols))})",
            symbols,
        )
    }
    return sorted(symbols, key=lambda symbol: (*order[symbol], symbol))


def _add_series(db: sqlite3.Connection, name: str, symbols: list[str], *, listed: bool) -> None:
    title = _title(db, symbols[-1]) if symbols else name
    unique, number = _slug(name or title), 2
    candidate = unique
    while db.execute("SELECT 1 FROM series WHERE name = ?", (candidate,)).fetchone():
        candidate, number = f"{unique}-{number}", number + 1
    db.execute(
        "INSERT INTO series VALUES (?, ?, ?, ?)",
        (candidate, title, json.dumps(symbols), listed),
    )


def _link_by_title(db: sqlite3.Connection) -> None:
    """Label each resolution still unlinked (in no listed series) with the least symbol
    of those it is linked to by a title it shares in some language, through any number
    of others: one step a round, until no label changes (`titled` holds every
    resolution's titles; the joins with `linked` keep the unlinked ones)."""
    while True:
        db.execute("DELETE FROM lowest")
        db.execute(
            "INSERT INTO lowest SELECT t.language, t.key, min(l.label) "
            "FROM titled t JOIN linked l USING (symbol) GROUP BY t.language, t.key"
        )
        db.execute("DELETE FROM lowered")
        db.execute(
            "INSERT INTO lowered SELECT t.symbol, min(w.label) FROM titled t "
            "JOIN lowest w USING (language, key) JOIN linked l USING (symbol) "
            "GROUP BY t.symbol HAVING min(w.label) < l.label"
        )
        changed = db.execute(
            "UPDATE linked SET label = (SELECT label FROM lowered WHERE symbol = linked.symbol) "
            "WHERE symbol IN (SELECT symbol FROM lowered)"
        ).rowcount
        if not changed:
            return


def _title(db: sqlite3.Connection, symbol: str) -> str:
    """The English title where there is one, else the first language's."""
    row = db.execute(
        "SELECT e.title FROM members m JOIN entries e USING (id) "
        "WHERE m.symbol = ? AND e.title != '' "
        "ORDER BY m.language = 'en' DESC, m.rank, m.source LIMIT 1",
        (symbol,),
    ).fetchone()
    return row[0] if row else ""


def _slug(text: str) -> str:
    return "-".join(title_key(text).split())[:80].strip("-") or "series"


def _adoptions(catalog: Catalog, warnings: list[str]) -> None:
    """Each draft with the resolution that names it, else the one resolution of its
    session that has its title (more than one is said, and none chosen)."""
    db = catalog.db
    db.execute(
        "INSERT OR REPLACE INTO named SELECT base_symbol(e.draft), m.symbol "
        "FROM members m JOIN entries e USING (id) JOIN symbols s USING (symbol) "
        "WHERE s.resolution AND e.draft != '' ORDER BY m.symbol, m.source"
    )
    drafts = db.execute("SELECT symbol FROM symbols WHERE draft ORDER BY key, symbol")
    for (draft,) in drafts:
        named = db.execute(
            "SELECT resolution FROM named WHERE draft = ?", (base_symbol(draft),)
        ).fetchone()
        if named:
            db.execute("INSERT INTO adoptions VALUES (?, ?, 'named')", (draft, named[0]))
            continue
        candidates = [
            symbol
            for (symbol,) in db.execute(
                "SELECT DISTINCT t.symbol FROM members m JOIN entries e USING (id) "
                "JOIN titled t ON t.language = m.language AND t.key = title_key(e.title) "
                "AND t.session IS e.session WHERE m.symbol = ? AND e.title != '' "
                "ORDER BY t.symbol",
                (draft,),
            )
        ]
        if len(candidates) == 1:
            db.execute("INSERT INTO adoptions VALUES (?, ?, 'title')", (draft, candidates[0]))
        elif candidates:
            warnings.append(
                f"{draft}: its title is that of {', '.join(candidates)}; not paired with either"
            )
