"""The outputs of a corpus run, assembled from the groups' parts in a fixed order.

Each output is written through `open_output` (atomically: a reader sees the old file or
the whole new one), one group at a time, so memory holds one group's records however many
documents the collection has.
"""

from __future__ import annotations

import importlib.util
import json
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from resalign.align.corpus.catalog import Failure
from resalign.align.corpus.engines import Call, Engine
from resalign.align.corpus.groups import Groups
from resalign.align.corpus.plan import part_path, tasks
from resalign.align.corpus.shards import FOLDER, formats, shard_name, shards, write_index
from resalign.align.corpus.tasks import shard_task
from resalign.align.errors import OutputError
from resalign.align.output import open_output

if TYPE_CHECKING:
    from resalign.align.corpus.pipeline import Progress, Summary

FILES = (
    "documents.jsonl",
    "errors.jsonl",
    "groups.json",
    "parallel",
    "adoptions.jsonl",
    "lineages",
    "summary.json",
)
"""What a run writes into OUT (parallel is a folder of shards and their index, see
`shards`; lineages one of a JSON and an HTML page per series, and an index page)."""


def assemble(
    out: Path,
    state: Path,
    groups: Groups,
    failures: list[Failure],
    started: time.struct_time,
    engine: Engine,
    *,
    force: bool,
    progress: Progress | None = None,
    peaks: dict[int, int] | None = None,
) -> tuple[Path, ...]:
    """Write every output (dated when the run `started`), saying so to `progress` file by
    file; `force` lets them replace an earlier run's. The parallel corpus's shards are the
    `engine`'s work, its workers' peak memory kept in `peaks` (KiB by process id)."""
    if not force:
        taken = [name for name in FILES if (out / name).exists()]
        if taken:
            raise OutputError(f"{out / taken[0]}: exists; use --force to overwrite it")

    def done(kind: str) -> Iterator[tuple[dict[str, Any], Path]]:
        """The groups of a kind that were aligned, with their parts."""
        for _, plan in tasks(groups, kind):
            part = part_path(state, kind, plan["id"])
            if part.is_file():
                yield plan, part

    catalog = groups.catalog
    steps: list[Callable[[], list[Path]]] = [
        lambda: [_jsonl(out / "documents.jsonl", (e.as_dict() for e in catalog.entries()))],
        lambda: [_jsonl(out / "errors.jsonl", (failure.as_dict() for failure in failures))],
        lambda: [write_json_lists(out / "groups.json", _groups(groups))],
        lambda: _parallel(
            out / FOLDER, (part for _, part in done("set")), started, engine, peaks or {}
        ),
        lambda: [
            _jsonl(
                out / "adoptions.jsonl",
                (record for _, part in done("adoption") for record in _load(part)),
            )
        ],
        lambda: _lineages(out / "lineages", done("series")),
    ]
    written: list[Path] = []
    if progress:
        progress.stage("write", len(steps))
    for step in steps:
        written += step()
        if progress:
            progress.advance("write")
    return tuple(written)


def write_summary(path: Path, summary: Summary) -> Path:
    """What the run did, in numbers: what a script checks after it."""
    return _json(
        path,
        {
            "documents": summary.documents,
            "read": summary.read,
            "failed": {stage: summary.failed(stage) for stage in ("fetch", "read", "align")},
            "groups": summary.groups,
            "aligned": summary.aligned,
            "outputs": sorted(str(p.relative_to(path.parent)) for p in summary.outputs),
            "warnings": list(summary.warnings),
        },
    )


def _groups(groups: Groups) -> dict[str, Iterable[Any]]:
    """groups.json's lists, each read from the catalog as it is written."""
    source = groups.catalog.source
    return {
        "language_sets": (
            {"symbol": each.symbol, "languages": {lang: source(id) for lang, id in each.members}}
            for each in groups.sets()
        ),
        "series": (
            {"name": s.name, "title": s.title, "symbols": list(s.symbols), "listed": s.listed}
            for s in groups.series()
        ),
        "adoptions": (
            {"draft": a.draft, "resolution": a.resolution, "how": a.how} for a in groups.adoptions()
        ),
        "amendments": (
            {"amendment": amendment, "amends": draft} for amendment, draft in groups.amendments()
        ),
        "ungrouped": (source(id) for id in groups.ungrouped()),
        "warnings": groups.warnings,
    }


def _jsonl(path: Path, records: Iterator[dict[str, Any]]) -> Path:
    with open_output(path, force=True) as handle:
        for record in records:
            _line(handle, record)
    return path


def _line(handle: BinaryIO, record: dict[str, Any]) -> None:
    handle.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")


def write_json_lists(path: Path, lists: dict[str, Iterable[Any]]) -> Path:
    """An object of lists, written an item at a time, as `_json` would write it whole."""
    with open_output(path, force=True) as handle:
        handle.write(b"{")
        for number, (key, items) in enumerate(lists.items()):
            handle.write(b"," if number else b"")
            handle.write(f"\n {json.dumps(key, ensure_ascii=False)}: [".encode())
            written = False
            for item in items:
                text = json.dumps(item, ensure_ascii=False, indent=1)
                handle.write(b"," if written else b"")
                handle.write(("\n  " + text.replace("\n", "\n  ")).encode())
                written = True
            handle.write(b"\n ]" if written else b"]")
        handle.write(b"\n}\n" if lists else b"}\n")
    return path


def _json(path: Path, data: object) -> Path:
    with open_output(path, force=True) as handle:
        handle.write(json.dumps(data, ensure_ascii=False, indent=1).encode() + b"\n")
    return path


def _load(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _parallel(
    folder: Path,
    parts: Iterable[Path],
    started: time.struct_time,
    engine: Engine,
    peaks: dict[int, int],
) -> list[Path]:
    """The parallel corpus, a shard a task, and its index: JSONL, TMX and Parquet (where
    pyarrow is installed, `resalign[corpus]`; the run's summary says when it is not)."""
    parquet = importlib.util.find_spec("pyarrow") is not None
    try:
        for kind in formats(parquet):
            (folder / kind).mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{folder}: cannot write ({error.strerror or error})") from None
    planned = {}

    def calls() -> Iterator[Call]:
        for number, shard in enumerate(shards(parts)):
            planned[shard_name(number)] = {"shard": number, "sets": len(shard)}
            yield shard_task, (str(folder), number, [str(p) for p in shard], started, parquet)

    written = []
    for outcome in engine.run(calls()):
        if outcome.failure:
            raise OutputError(f"{folder}: {outcome.subject}: {outcome.failure.message}")
        written.append({**planned[outcome.subject], "records": outcome.records})
        peaks[outcome.worker] = max(peaks.get(outcome.worker, 0), outcome.peak_kib)
    return write_index(folder, written, parquet)


def _lineages(folder: Path, series: Iterable[tuple[dict[str, Any], Path]]) -> list[Path]:
    """Each series' JSON and pages (the series', a language's each) as its task wrote
    them, and the index of all (from the series' names, titles and symbols: the parts are
    copied, not read)."""
    from resalign.align.render.corpus.lineage import render_index

    try:
        folder.mkdir(exist_ok=True)
    except OSError as error:
        raise OutputError(f"{folder}: cannot write ({error.strerror or error})") from None
    written, listed = [], []
    for plan, part in series:
        listed.append({key: plan[key] for key in ("name", "title", "symbols")})
        for suffix in (".json", ".html", *(f".{lang}.html" for lang in plan["languages"])):
            made = part.with_suffix(suffix)
            try:
                data = made.read_bytes()
            except OSError as error:  # the run's own file, gone: not the output's fault
                raise OutputError(
                    f"{made}: the run's intermediate file cannot be read "
                    f"({error.strerror or error}); run again with --resume"
                ) from None
            with open_output(folder / f"{plan['name']}{suffix}", force=True) as handle:
                handle.write(data)
            written.append(folder / f"{plan['name']}{suffix}")
    with open_output(folder / "index.html", force=True) as handle:
        handle.write(render_index(listed))
    return [*written, folder / "index.html"]
