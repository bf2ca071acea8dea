from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

import pytest

from resalign.align import Document, read_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ES = SEEDS / "A_RES_72_195.es.txt"
EN = SEEDS / "A_RES_72_195.en.txt"
MODELED = SEEDS / "A_RES_70_179.es.modeled.txt"
GOLD = SEEDS / "A_RES_72_195.es--A_RES_70_179.es.modeled.gold.json"


def every_text(value: object) -> Iterator[str]:
    """Every string in a Document (its paragraphs, notes, header lines, furniture, warnings
    and the rest), however deep."""
    if isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from every_text(item)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from every_text(getattr(value, field.name))


def noncharacters(document: Document) -> list[str]:
    """Where a noncharacter stands in any text of `document` (the readers' own marks are
    noncharacters: none may be left), with ten characters either side."""
    return [
        text[max(0, i - 10) : i + 10]
        for text in every_text(document)
        for i, c in enumerate(text)
        if 0xFDD0 <= ord(c) <= 0xFDEF or (ord(c) & 0xFFFE) == 0xFFFE
    ]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Tests marked `forks` run first. Computing ahead refuses to fork a process in which
    threads run, and some never end once started (the Dask client's offload thread)."""
    items.sort(key=lambda item: item.get_closest_marker("forks") is None)


@pytest.fixture(scope="session")
def es() -> Document:
    return read_document(ES)


@pytest.fixture(scope="session")
def en() -> Document:
    return read_document(EN)


@pytest.fixture(scope="session")
def modeled() -> Document:
    return read_document(MODELED)


@pytest.fixture(autouse=True)
def no_network(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    """No test reaches the UN's document system or the user's cache: a fetch goes to the
    discard port of the loopback address (refused at once) unless a test starts its own
    server, and the cache is a fresh folder. Nothing is tried twice from the command line."""
    monkeypatch.setenv("RESALIGN_ODS_URL", "http://127.0.0.1:9")
    monkeypatch.setenv("RESALIGN_FETCH_RETRIES", "0")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("cache")))


@pytest.fixture(autouse=True)
def forked_readers() -> Iterator[None]:
    """A test that runs corpus tasks in this process (`InProcess`) makes it keep a reader
    process, as a worker does: the next test reads as a command does, forking."""
    from resalign.align.read import isolated

    yield
    if isolated.kept():
        isolated.stop_keeping()
