from __future__ import annotations

from pathlib import Path

import pytest

from align import Document, read_document

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
ES = SEEDS / "A_RES_72_195.es.txt"
EN = SEEDS / "A_RES_72_195.en.txt"
MODELED = SEEDS / "A_RES_70_179.es.modeled.txt"
GOLD = SEEDS / "A_RES_72_195.es--A_RES_70_179.es.modeled.gold.json"


@pytest.fixture(scope="session")
def es() -> Document:
    return read_document(ES)


@pytest.fixture(scope="session")
def en() -> Document:
    return read_document(EN)


@pytest.fixture(scope="session")
def modeled() -> Document:
    return read_document(MODELED)
