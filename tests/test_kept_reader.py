"""The reader process a corpus worker keeps: the same documents as a fork per document,
the same limits, a new reader after one that failed, and no fork at all in the worker."""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest

from resalign.align.errors import ReadError
from resalign.align.model import Document
from resalign.align.read import isolated, read_document
from tests.test_hostile_input import _bomb

REAL = Path(__file__).parent / "data" / "real"
PDFS = ("A_RES_79_144", "A_RES_80_228", "A_C.3_80_L.4")


@pytest.fixture
def kept(monkeypatch: pytest.MonkeyPatch) -> Iterator[dict[str, Document]]:
    """Each PDF as a fork reads it; then this process keeps a reader, and forking would
    fail here."""

    def no_fork() -> int:
        raise AssertionError("forked")

    forked = {name: read_document(REAL / f"{name}.pdf") for name in PDFS}
    monkeypatch.setattr(os, "fork", no_fork)
    isolated.keep_reader()
    yield forked


def test_a_kept_reader_reads_what_a_fork_reads(kept: dict[str, Document]) -> None:
    for name, forked in kept.items():
        assert read_document(REAL / f"{name}.pdf") == forked
    assert isolated._readers.reader._served == len(PDFS)  # one reader read them all


def test_a_bomb_is_refused_and_the_next_reader_reads_on(
    kept: dict[str, Document],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    path = _bomb(tmp_path, monkeypatch)
    with pytest.raises(ReadError) as refused:
        read_document(path)
    assert str(refused.value) == (
        f"{path}: refused: it cannot be read within 96 MiB of memory (a PDF bomb, or a broken file)"
    )
    assert isolated._readers.reader._process is None  # gone with the bomb
    assert read_document(REAL / "A_RES_80_228.pdf") == kept["A_RES_80_228"]


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


def test_a_reader_past_its_deadline_is_stopped_and_replaced(
    kept: dict[str, Document],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(isolated, "SECONDS", 0.5)
    start = time.monotonic()
    with pytest.raises(ReadError, match=r"^slow\.pdf: refused: reading took longer than 0.5 s$"):
        isolated.run_isolated(partial(_sleep, 30), source="slow.pdf")
    assert time.monotonic() - start < 5
    assert isolated._readers.reader._process is None
    assert read_document(REAL / "A_RES_80_228.pdf") == kept["A_RES_80_228"]


def test_each_thread_keeps_a_reader_of_its_own(kept: dict[str, Document]) -> None:
    results: dict[str, object] = {}

    def read(name: str) -> None:
        results[name] = read_document(REAL / f"{name}.pdf")
        isolated._readers.reader.close()

    threads = [threading.Thread(target=read, args=(name,)) for name in PDFS]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == kept
