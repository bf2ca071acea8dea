"""What a corpus run is given: a folder of documents, or a manifest naming them.

A folder is searched through (sub-folders too) for the formats resalign reads; hidden
files and folders are passed over. The paths are found as the run asks for them (the
folder walked, the manifest read again), so that a collection of any size costs no memory
before it is read. A manifest is either a list, one entry a line (`#`
starts a comment): a file's path (relative to the manifest), or a symbol and languages to
fetch (`A/RES/72/195 en,es`); or TOML:

    documents = ["pdf/*.pdf", "A_RES_72_195.es.txt"]
    fetch = ["A/RES/80/228 en,fr,es"]

    [[series]]
    name = "trafficking"
    symbols = ["A/RES/70/179", "A/RES/72/195", "A/RES/78/228"]
"""

from __future__ import annotations

import glob
import os
import re
import tomllib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from resalign.align.corpus.groups import ListedSeries
from resalign.align.errors import ReadError, UsageError
from resalign.align.files import is_dir, is_file
from resalign.align.read import EXTENSIONS

_SYMBOL = re.compile(r"[A-Z]{1,6}(?:/[A-Za-z0-9.()-]+)+$")


@dataclass(frozen=True, slots=True)
class Collection:
    """The documents of a run (paths), the ones to fetch first (symbol, languages), and
    the series the manifest lists."""

    paths: Iterable[Path]
    fetch: tuple[tuple[str, str], ...] = ()
    series: tuple[ListedSeries, ...] = ()


@dataclass(frozen=True, slots=True)
class Found:
    """Paths found anew each time they are gone through."""

    find: Callable[[], Iterator[Path]]

    def __iter__(self) -> Iterator[Path]:
        return self.find()


def collection(given: str | Path, *, skip: Path | None = None) -> Collection:
    """The collection `given` names: a folder or a manifest. `skip` (the output folder)
    is never read as input."""
    path = Path(given)
    if is_dir(path):
        return Collection(Found(partial(_documents_under, path, skip.resolve() if skip else None)))
    if not is_file(path):
        raise ReadError(f"{path}: no such file or folder")
    listed = _toml(path) if path.suffix.lower() == ".toml" else _listed(path)
    for _ in listed.paths:  # every line is checked now, before the run starts
        pass
    return listed


def _documents_under(folder: Path, skipped: Path | None) -> Iterator[Path]:
    """The documents of the folder a run is given, none where it is `skipped` or inside
    it."""
    target = folder.resolve()
    if skipped is None or (target != skipped and skipped not in target.parents):
        yield from _documents_in(folder, skipped)


def _documents_in(folder: Path, skipped: Path | None) -> Iterator[Path]:
    """The documents in `folder` and its sub-folders, as the system lists them (a run
    sorts them: a folder of any size is not held to be sorted here), hidden ones and
    `skipped` passed over; symbolic links to folders are not followed."""
    try:
        scan = os.scandir(folder)
    except OSError:
        return
    with scan:
        yield from _documents_among(scan, skipped)


def _documents_among(scan: Iterator[os.DirEntry[str]], skipped: Path | None) -> Iterator[Path]:
    """The files named as documents are, and the links so named that lead nowhere (a
    loop, a file gone): the run reports those it cannot read rather than pass them over."""
    for each in scan:
        path = Path(each.path)
        if each.name.startswith("."):
            continue
        if each.is_dir(follow_symlinks=False):
            if _resolved(path) != skipped:
                yield from _documents_in(path, skipped)
            continue
        if path.suffix.lower() not in EXTENSIONS:
            continue
        if not each.is_symlink():  # a file here is in no skipped folder: none is walked
            if each.is_file(follow_symlinks=False):
                yield path
            continue
        target = _resolved(path)
        if target is None or (target.is_file() and not (skipped and skipped in target.parents)):
            yield path


def _resolved(path: Path) -> Path | None:
    """Where `path` leads; None for a link that leads nowhere."""
    try:
        target = path.resolve(strict=True)
    except (OSError, RuntimeError):  # a missing target, or a loop
        return None
    return target


def _listed(manifest: Path) -> Collection:
    fetch = [
        _fetch_line(line, f"{manifest}:{number}")
        for number, line in _lines(manifest)
        if _is_symbol(line)
    ]
    return Collection(Found(partial(_listed_paths, manifest)), tuple(fetch))


def _listed_paths(manifest: Path) -> Iterator[Path]:
    for number, line in _lines(manifest):
        if not _is_symbol(line):
            yield from _paths(manifest.parent, line, f"{manifest}:{number}")


def _lines(manifest: Path) -> Iterator[tuple[int, str]]:
    """A list manifest's lines that say something, numbered, without their comments."""
    for number, raw in enumerate(_text(manifest).splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if line:
            yield number, line


def _toml(manifest: Path) -> Collection:
    try:
        data: dict[str, Any] = tomllib.loads(_text(manifest))
    except tomllib.TOMLDecodeError as error:
        raise UsageError(f"{manifest}: not a TOML manifest ({error})") from None
    where = str(manifest)
    patterns = tuple(_strings(data, "documents", where))
    paths = Found(partial(_patterns, manifest.parent, patterns, where))
    fetch = [_fetch_line(line, where) for line in _strings(data, "fetch", where)]
    series = []
    for each in data.get("series", []):
        if not isinstance(each, dict) or not isinstance(each.get("name"), str):
            raise UsageError(f"{where}: each [[series]] needs a name and a list of symbols")
        series.append(ListedSeries(each["name"], tuple(_strings(each, "symbols", where))))
    return Collection(paths, tuple(fetch), tuple(series))


def _patterns(base: Path, patterns: tuple[str, ...], where: str) -> Iterator[Path]:
    for pattern in patterns:
        yield from _paths(base, pattern, where)


def _strings(data: dict[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise UsageError(f"{where}: {key} must be a list of strings")
    return value


def _paths(base: Path, pattern: str, where: str) -> Iterable[Path]:
    if any(mark in pattern for mark in "*?["):
        pattern = str(base / pattern)  # an absolute pattern stays as it is
        found = sorted(Path(p) for p in glob.glob(pattern) if is_file(p))  # noqa: PTH207
        if not found:
            raise UsageError(f"{where}: {pattern} matches no file")
        return found
    if "\0" in pattern:
        raise UsageError(f"{where}: a file name cannot hold a NUL character")
    path = base / pattern
    if is_dir(path):
        return _documents_in(path, None)
    return [path]


def _is_symbol(line: str) -> bool:
    """`A/RES/72/195 en,es` or `S/RES/2720 (2023)`, not `pdf/A_RES_78_228.pdf`."""
    first = line.split()[0]
    return bool(_SYMBOL.match(first)) and Path(first).suffix.lower() not in EXTENSIONS


def _fetch_line(line: str, where: str) -> tuple[str, str]:
    symbol, _, languages = line.partition(" ")
    if not symbol.strip():
        raise UsageError(f"{where}: no symbol in {line!r}")
    return symbol.strip(), languages.strip() or "en"


def _text(manifest: Path) -> str:
    try:
        return manifest.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ReadError(f"{manifest}: not a UTF-8 manifest") from None
    except OSError as error:
        raise ReadError(f"{manifest}: cannot read ({error.strerror or error})") from None
