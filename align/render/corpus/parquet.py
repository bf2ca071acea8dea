"""The parallel corpus as Parquet (pyarrow): one row per unit, the JSONL's fields as
columns, written a language set per row group so memory holds one set."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq

from align.corpus.records import PARALLEL_FIELDS


def schema() -> pa.Schema:
    def kind(name: str) -> pa.DataType:
        if name.endswith("_score"):
            return pa.float64()
        if name in ("findings", "uneven"):
            return pa.list_(pa.string())
        return pa.string()

    return pa.schema([(name, kind(name)) for name in PARALLEL_FIELDS])


def write_parquet(handle: BinaryIO, sets: Iterable[list[dict[str, Any]]]) -> None:
    """Every set's records into `handle`; an empty corpus is a file with the columns and
    no rows."""
    layout = schema()
    with pq.ParquetWriter(handle, layout, compression="zstd") as writer:
        for records in sets:
            if records:
                writer.write_table(pa.Table.from_pylist(records, schema=layout))
