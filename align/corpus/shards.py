"""The parallel corpus in shards: the language sets' records, a few hundred sets to a
shard, each shard written as JSONL, TMX and Parquet by the worker that is given it. The
client writes only the index: it never reads a record.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resalign.align.corpus.records import PARALLEL_FIELDS
from resalign.align.output import open_output

if TYPE_CHECKING:
    from resalign.align.render.corpus.parquet import ParquetWriter
    from resalign.align.render.corpus.tmx import TmxWriter

FOLDER = "parallel"
"""The shards' folder in OUT: a folder per format (`jsonl/`, `tmx/`, `parquet/`, the last
a Parquet dataset as pyarrow and pandas read one) and `index.json`."""
SETS_PER_SHARD = 500
"""Language sets a shard holds: some fifty thousand records, a few hundred megabytes of
TMX."""
_PATTERN = "part-[0-9][0-9][0-9][0-9][0-9].*"


def formats(parquet: bool) -> tuple[str, ...]:
    """The formats a run writes: Parquet only where pyarrow is installed."""
    return ("jsonl", "tmx", "parquet") if parquet else ("jsonl", "tmx")


def shard_name(number: int) -> str:
    """How a shard is named in the run's log and errors: `parallel/part-00003`."""
    return f"{FOLDER}/part-{number:05d}"


def shard_files(folder: Path, number: int, parquet: bool) -> dict[str, Path]:
    """Where shard `number` is written, by format."""
    return {kind: folder / kind / f"part-{number:05d}.{kind}" for kind in formats(parquet)}


def shards(parts: Iterable[Path]) -> Iterator[list[Path]]:
    """The sets' parts, in order, `SETS_PER_SHARD` to a shard (one shard, empty, for a
    collection without sets: every run has the same files)."""
    parts = iter(parts)
    shard = list(islice(parts, SETS_PER_SHARD))
    while True:
        yield shard
        shard = list(islice(parts, SETS_PER_SHARD))
        if not shard:
            return


def write_shard(
    folder: Path, number: int, parts: list[Path], started: time.struct_time, parquet: bool
) -> int:
    """Write shard `number` of `parts` (each read and parsed once, for every format);
    the number of records."""
    from resalign.align.render.corpus.tmx import TmxWriter

    files = shard_files(folder, number, parquet).values()
    count = 0
    with ExitStack() as stack:
        jsonl, tmx, *table = (stack.enter_context(open_output(p, force=True)) for p in files)
        writers: list[TmxWriter | ParquetWriter] = [stack.enter_context(TmxWriter(tmx, started))]
        if parquet:
            from resalign.align.render.corpus.parquet import ParquetWriter

            writers.append(stack.enter_context(ParquetWriter(table[0], PARALLEL_FIELDS)))
        for part in parts:
            lines = part.read_bytes()
            jsonl.write(lines)
            records = [json.loads(line) for line in lines.splitlines()]
            count += len(records)
            for writer in writers:
                writer.add(records)
    return count


def write_index(folder: Path, written: list[dict[str, Any]], parquet: bool) -> list[Path]:
    """`index.json`: each shard's files, sets and records, in order, and the fields of a
    record; shards an earlier, larger run left behind are removed first. Every file of the
    parallel corpus, the index last."""
    written = sorted(written, key=lambda each: each["shard"])
    files = [shard_files(folder, each["shard"], parquet) for each in written]
    kept = {path for each in files for path in each.values()}
    for kind in formats(parquet=True):  # a run without pyarrow removes old Parquet shards too
        for stale in (folder / kind).glob(_PATTERN):
            if stale not in kept:
                stale.unlink()
    index = {
        "fields": list(PARALLEL_FIELDS),
        "records": sum(each["records"] for each in written),
        "shards": [
            {
                **{kind: path.relative_to(folder).as_posix() for kind, path in paths.items()},
                "sets": each["sets"],
                "records": each["records"],
            }
            for each, paths in zip(written, files, strict=True)
        ],
    }
    path = folder / "index.json"
    with open_output(path, force=True) as handle:
        handle.write(json.dumps(index, ensure_ascii=False, indent=1).encode() + b"\n")
    return [*sorted(kept), path]
