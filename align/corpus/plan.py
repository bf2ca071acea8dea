"""What there is to align in a collection's groups, as plain data for the tasks, and where
each group's result goes in the work folder."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

from resalign.align.corpus.groups import Groups, ordered


def tasks(groups: Groups, kind: str | None = None) -> Iterator[tuple[str, dict[str, Any]]]:
    """The groups there is something to align in (of one `kind`, or all), as plain data
    for a task: language sets of two languages or more, series with two versions in a
    language, adoptions whose draft and resolution share a language."""
    if kind in (None, "set"):
        for each in groups.sets():
            if len(each.members) > 1:
                yield "set", {"id": each.id, "symbol": each.symbol, "members": list(each.members)}
    if kind in (None, "series"):
        for series in groups.series():
            versions = _versions(groups, series.symbols)
            if versions:
                yield "series", {**asdict(series), "id": series.id, "languages": versions}
    if kind in (None, "adoption"):
        for adoption in groups.adoptions():
            drafts = dict(groups.members(adoption.draft))
            adopted = dict(groups.members(adoption.resolution))
            shared = {lang: (drafts[lang], adopted[lang]) for lang in adopted if lang in drafts}
            if shared:
                yield "adoption", {**asdict(adoption), "id": adoption.id, "languages": shared}


def _versions(groups: Groups, symbols: tuple[str, ...]) -> dict[str, list[str]]:
    """A series' resolutions by language, in its order, where a language has two or more."""
    languages: dict[str, list[str]] = {}
    for symbol in symbols:
        for language, id in groups.members(symbol):
            if groups.catalog.entry(id).kind == "resolution":
                languages.setdefault(language, []).append(id)
    return {lang: languages[lang] for lang in ordered(languages) if len(languages[lang]) > 1}


def part_path(state: Path, kind: str, id: str) -> Path:
    """Where a group's task writes: a readable name, made unique by a hash of the id, in
    one of 256 folders by the hash (see `tasks.document_path`)."""
    readable = re.sub(r"[^A-Za-z0-9.-]+", "_", id.partition(":")[2])[:80]
    digest = hashlib.sha1(id.encode()).hexdigest()[:8]
    name = f"{kind}-{readable}-{digest}.{'jsonl' if kind == 'set' else 'json'}"
    return state / "parts" / digest[:2] / name
