"""Grouping a collection: language sets, series and adoptions, from the catalog alone.

- A **language set** is one symbol in several languages.
- A **series** is one recurring resolution across sessions: resolutions (not drafts) whose
  titles are the same in some language, linked through their language sets (so a Spanish-
  only 70/179 joins the English 78/228 through 72/195, read in both), or a list the
  manifest names; in session order.
- An **adoption** is a draft and the resolution adopted from it: the resolution names the
  draft, or the two share a session and a title.
- An **amendment** names the draft it amends.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from resalign.align.corpus.catalog import Entry, base_symbol, title_key
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


@dataclass(frozen=True, slots=True)
class Groups:
    """A collection sorted into what can be compared: language sets, series of versions,
    drafts with what they became, amendments with their drafts."""

    sets: tuple[LanguageSet, ...]
    series: tuple[Series, ...]
    adoptions: tuple[Adoption, ...]
    amendments: tuple[tuple[str, str], ...]
    """(amendment, the draft it amends)."""
    ungrouped: tuple[str, ...]
    """Entry ids of documents that state no symbol."""
    warnings: tuple[str, ...]


def group(entries: Iterable[Entry], listed: Sequence[ListedSeries] = ()) -> Groups:
    """The groups of a collection; entries in any order give the same groups."""
    entries = sorted(entries, key=lambda entry: (entry.symbol or "", entry.source))
    warnings: list[str] = []
    by_symbol: dict[str, dict[str, Entry]] = defaultdict(dict)
    for entry in entries:
        if entry.symbol is None:
            continue
        kept = by_symbol[entry.symbol].setdefault(entry.language, entry)
        if kept is not entry:
            warnings.append(
                f"{entry.source}: {entry.symbol} [{entry.language}] again; {kept.source} is used"
            )
    sets = tuple(
        LanguageSet(symbol, tuple((lang, members[lang].id) for lang in ordered(members)))
        for symbol, members in sorted(by_symbol.items(), key=lambda item: symbol_order(item[0]))
    )
    resolutions = {
        symbol: members
        for symbol, members in by_symbol.items()
        if any(entry.kind == "resolution" for entry in members.values())
    }
    series = _series(resolutions, listed, warnings)
    adoptions = _adoptions(by_symbol, resolutions, warnings)
    amendments = tuple(
        sorted(
            (symbol, entry.amends)
            for symbol, members in by_symbol.items()
            for entry in list(members.values())[:1]
            if entry.kind == "amendment" and entry.amends
        )
    )
    ungrouped = tuple(entry.id for entry in entries if entry.symbol is None)
    return Groups(sets, series, adoptions, amendments, ungrouped, tuple(warnings))


def symbol_order(symbol: str) -> tuple[str, tuple[int, ...]]:
    """`A/RES/78/228` before `A/RES/80/9` before `A/RES/80/190`: by the series of the
    symbol (`A/RES/`, `A/C.3/…/L.`), then by the numbers in it."""
    return _NUMBERS.sub("#", symbol), tuple(int(n) for n in _NUMBERS.findall(symbol))


def ordered(languages: Iterable[str]) -> list[str]:
    """Language codes in the UN's order."""
    return sorted(languages, key=lambda lang: ORDER.index(lang) if lang in ORDER else len(ORDER))


def _session_order(
    symbol: str, members: dict[str, Entry]
) -> tuple[int, tuple[str, tuple[int, ...]]]:
    sessions = [entry.session for entry in members.values() if entry.session is not None]
    return (min(sessions) if sessions else 0, symbol_order(symbol))


def _series(
    resolutions: dict[str, dict[str, Entry]],
    listed: Sequence[ListedSeries],
    warnings: list[str],
) -> tuple[Series, ...]:
    taken: set[str] = set()
    found: list[tuple[str, list[str], bool]] = []
    for each in listed:
        symbols = [symbol for symbol in each.symbols if symbol in resolutions]
        for symbol in each.symbols:
            if symbol not in resolutions:
                warnings.append(f"series {each.name}: {symbol} is not in the collection")
        taken.update(symbols)
        found.append((each.name, symbols, True))
    for symbols in _by_title({s: m for s, m in resolutions.items() if s not in taken}):
        if len(symbols) > 1:
            found.append(("", symbols, False))
    names: set[str] = set()
    series = []
    for name, symbols, is_listed in found:
        symbols.sort(key=lambda symbol: _session_order(symbol, resolutions[symbol]))
        title = _title(resolutions[symbols[-1]]) if symbols else name
        unique = _unique(_slug(name or title), names)
        series.append(Series(unique, title, tuple(symbols), is_listed))
    return tuple(sorted(series, key=lambda each: each.name))


def _by_title(resolutions: dict[str, dict[str, Entry]]) -> list[list[str]]:
    """Symbols linked by a title they share in some language, as connected groups."""
    parent = {symbol: symbol for symbol in resolutions}

    def root(symbol: str) -> str:
        while parent[symbol] != symbol:
            parent[symbol] = parent[parent[symbol]]
            symbol = parent[symbol]
        return symbol

    first: dict[tuple[str, str], str] = {}
    for symbol, members in sorted(resolutions.items()):
        for language, entry in members.items():
            if entry.title:
                other = first.setdefault((language, title_key(entry.title)), symbol)
                parent[root(symbol)] = root(other)
    linked: dict[str, list[str]] = defaultdict(list)
    for symbol in sorted(resolutions):
        linked[root(symbol)].append(symbol)
    return list(linked.values())


def _title(members: dict[str, Entry]) -> str:
    """The English title where there is one, else the first language's."""
    for language in ("en", *ordered(members)):
        entry = members.get(language)
        if entry and entry.title:
            return entry.title
    return ""


def _slug(text: str) -> str:
    return "-".join(title_key(text).split())[:80].strip("-") or "series"


def _unique(name: str, taken: set[str]) -> str:
    candidate, number = name, 2
    while candidate in taken:
        candidate, number = f"{name}-{number}", number + 1
    taken.add(candidate)
    return candidate


def _adoptions(
    by_symbol: dict[str, dict[str, Entry]],
    resolutions: dict[str, dict[str, Entry]],
    warnings: list[str],
) -> tuple[Adoption, ...]:
    named = {
        base_symbol(entry.draft): symbol
        for symbol, members in resolutions.items()
        for entry in members.values()
        if entry.draft
    }
    titled: dict[tuple[int | None, str, str], set[str]] = defaultdict(set)
    for symbol, members in resolutions.items():
        for language, entry in members.items():
            if entry.title:
                titled[(entry.session, language, title_key(entry.title))].add(symbol)
    adoptions = []
    for draft, members in sorted(by_symbol.items(), key=lambda item: symbol_order(item[0])):
        if not any(entry.kind == "draft" for entry in members.values()):
            continue
        if base_symbol(draft) in named:
            adoptions.append(Adoption(draft, named[base_symbol(draft)], "named"))
            continue
        candidates = set().union(
            *(
                titled.get((entry.session, language, title_key(entry.title)), set())
                for language, entry in members.items()
                if entry.title
            )
        )
        if len(candidates) == 1:
            adoptions.append(Adoption(draft, candidates.pop(), "title"))
        elif candidates:
            warnings.append(
                f"{draft}: its title is that of {', '.join(sorted(candidates))}; "
                "not paired with either"
            )
    return tuple(adoptions)
