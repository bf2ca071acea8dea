"""The work a worker does: read one document, align one group, or write one shard of the
parallel corpus; top-level functions of plain arguments, so a process pool or a Dask
worker can run them.

Each task writes what it made into the run's work folder (a read document, a group's
records) and returns only a small `Outcome`, so the client's memory stays flat however
many documents run through it. A task never raises for a bad document: it says why.
"""

from __future__ import annotations

import json
import os
import pickle
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resalign.align.corpus.catalog import Entry, Failure, entry_of
from resalign.align.corpus.records import adoption_record, lineage, parallel_records
from resalign.align.corpus.shards import shard_name, write_shard
from resalign.align.errors import ResalignError
from resalign.align.model import Document
from resalign.align.output import open_output, write_output
from resalign.align.read import read_document
from resalign.align.read.isolated import keep_reader
from resalign.align.render.corpus.lineage import render_lineage, render_series


@dataclass(frozen=True, slots=True)
class Outcome:
    """What a task reports back: what it did it to, its result or failure, and which
    worker ran it with how much memory at most so far (KiB)."""

    subject: str
    entry: Entry | None = None
    failure: Failure | None = None
    records: int = 0
    worker: int = 0
    peak_kib: int = 0


def read_task(source: str, id: str, documents: str, max_size: int) -> Outcome:
    """Read `source` and keep the Document as `documents/<id>.pickle`."""
    keep_reader()  # a worker reads many documents: PDFs in one reader process, not a fork each
    try:
        document = read_document(source, max_size=max_size)
    except ResalignError as error:
        message = str(error).removeprefix(f"{source}: ")
        return _outcome(source, failure=Failure("read", source, message))
    except Exception as error:  # a reader's bug must not end a run of thousands
        return _outcome(source, failure=Failure("read", source, _unexpected(error)))
    kept = document_path(documents, id)
    kept.parent.mkdir(exist_ok=True)
    write_output(kept, pickle.dumps(document), force=True)
    return _outcome(source, entry=entry_of(document, id))


def group_task(kind: str, group: dict[str, Any], documents: str, part: str, pivot: str) -> Outcome:
    """Align one group and write its records to `part`: a language set's parallel
    records (JSONL), a series' lineages (JSON, and its page beside it) or an adoption's
    changes (JSON)."""
    subject = group["id"]
    try:
        count = _write_part(kind, group, documents, Path(part), pivot)
    except ResalignError as error:
        return _outcome(subject, failure=Failure("align", subject, str(error)))
    except Exception as error:
        return _outcome(subject, failure=Failure("align", subject, _unexpected(error)))
    return _outcome(subject, records=count)


def shard_task(
    folder: str, number: int, parts: list[str], started: time.struct_time, parquet: bool
) -> Outcome:
    """Write shard `number` of the parallel corpus from the sets' `parts` (see `shards`)."""
    subject = shard_name(number)
    try:
        count = write_shard(Path(folder), number, [Path(p) for p in parts], started, parquet)
    except ResalignError as error:
        return _outcome(subject, failure=Failure("write", subject, str(error)))
    except Exception as error:
        return _outcome(subject, failure=Failure("write", subject, _unexpected(error)))
    return _outcome(subject, records=count)


def document_path(documents: str | Path, id: str) -> Path:
    """Where a read document is kept: in one of 256 folders by its id's first two hex
    digits (each write scans its folder for leftovers of a killed one, and a folder of
    100,000 made that quadratic)."""
    return Path(documents) / id[:2] / f"{id}.pickle"


def load(documents: str | Path, id: str) -> Document:
    """A document a read task kept (the work folder is the run's own: nobody else's
    pickle is ever loaded)."""
    document: Document = pickle.loads(document_path(documents, id).read_bytes())
    return document


def _write_part(kind: str, group: dict[str, Any], documents: str, part: Path, pivot: str) -> int:
    part.parent.mkdir(exist_ok=True)
    if kind == "set":
        members = {language: load(documents, id) for language, id in group["members"]}
        records = parallel_records(group["symbol"], members, pivot)
        with open_output(part, force=True) as handle:
            for record in records:
                handle.write(json.dumps(record, ensure_ascii=False).encode() + b"\n")
        return len(records)
    if kind == "series":
        languages = {
            language: lineage([load(documents, id) for id in ids])
            for language, ids in group["languages"].items()
        }
        data = {key: group[key] for key in ("name", "title", "symbols", "listed")}
        series = {**data, "languages": languages}
        # the pages first: the JSON says the task is done, so a page that fails leaves none
        for language in languages:
            page = part.with_suffix(f".{language}.html")
            write_output(page, render_lineage(series, language), force=True)
        write_output(part.with_suffix(".html"), render_series(series), force=True)
        _write_json(part, series)
        return sum(len(each["paragraphs"]) for each in languages.values())
    records = [
        adoption_record(load(documents, draft), load(documents, resolution))
        for draft, resolution in group["languages"].values()
    ]
    _write_json(part, records)
    return len(records)


def _write_json(path: Path, data: object) -> None:
    write_output(path, json.dumps(data, ensure_ascii=False).encode(), force=True)


def _outcome(subject: str, **fields: Any) -> Outcome:
    return Outcome(subject, worker=os.getpid(), peak_kib=peak_kib(), **fields)


def peak_kib() -> int:
    """This process's peak resident memory in KiB; 0 where the system cannot say (no
    `resource` module: Windows)."""
    try:
        import resource
    except ImportError:
        return 0
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak // 1024 if sys.platform == "darwin" else peak  # macOS counts bytes


def _unexpected(error: Exception) -> str:
    return f"unexpected error ({error.__class__.__name__}: {error})"
