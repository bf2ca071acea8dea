"""The parallel corpus as Parquet (pyarrow): one row per unit, the JSONL's fields as
columns, a language set per row group, so memory holds one set."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, BinaryIO

import pyarrow as pa
import pyarrow.parquet as pq


def schema(fields: Sequence[str]) -> pa.Schema:
    def kind(name: str) -> pa.DataType:
        if name.endswith("_score"):
            return pa.float64()
        if name in ("findings", "uneven"):
            return pa.list_(pa.string())
        return pa.string()

    return pa.schema([(name, kind(name)) for name in fields])


ROW_GROUP = 8192
"""Records to a row group, held until written: a set's few dozen each would make thousands
of tiny groups and a footer that lists them all; many more would hold a worker's memory."""


class ParquetWriter:
    """Writes the sets' records into `handle`, `ROW_GROUP` to a row group; an empty corpus
    is a file with the columns and no rows."""

    def __init__(self, handle: BinaryIO, fields: Sequence[str]) -> None:
        self._schema = schema(fields)
        self._writer = pq.ParquetWriter(handle, self._schema, compression="zstd")
        self._pending: list[dict[str, Any]] = []

    def add(self, records: list[dict[str, Any]]) -> None:
        self._pending += records
        while len(self._pending) >= ROW_GROUP:
            self._write(self._pending[:ROW_GROUP])
            del self._pending[:ROW_GROUP]

    def _write(self, records: list[dict[str, Any]]) -> None:
        self._writer.write_table(pa.Table.from_pylist(records, schema=self._schema))

    def __enter__(self) -> ParquetWriter:
        return self

    def __exit__(self, *exc: object) -> None:
        if self._pending and exc[0] is None:
            self._write(self._pending)
        self._writer.close()
