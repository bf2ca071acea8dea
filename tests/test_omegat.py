"""The carry as an OmegaT project package, opened by OmegaT itself (console mode): every
unit present with the new English as its source, the units carried word for word filled
in from `tm/auto`, the others left to translate with last year's pair in the memory as a
proposal; and the same package's XLIFF read by translate-toolkit."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from translate.storage import tmx as ttk_tmx
from translate.storage import xliff as ttk_xliff

from resalign.align import Document
from resalign.align.carry import Carry, carry
from resalign.align.read import parse_text
from resalign.align.render.carried import render_carry
from resalign.align.units import HEADER_FACTS
from tests.carry_fixtures import modeled_new_english
from tests.conftest import SEEDS

JAR = Path("/usr/share/omegat/OmegaT.jar")
JAVA = shutil.which("java")
XLIFF = "{urn:oasis:names:tc:xliff:document:1.2}"
NAME = "A_RES_74_176"


@pytest.fixture(scope="module")
def carried(en: Document, es: Document) -> Carry:
    text = modeled_new_english((SEEDS / "A_RES_72_195.en.txt").read_text(encoding="utf-8"))
    return carry(en, es, parse_text(text, source="A_RES_74_176.en.txt"))


@pytest.fixture(scope="module")
def package(carried: Carry) -> zipfile.ZipFile:
    return zipfile.ZipFile(io.BytesIO(render_carry(carried, "omt")))


def _text(element: etree._Element) -> str:
    """A segment's words, without its tags (OmegaT's `<x0/>`, XLIFF's `<x/>`)."""
    return re.sub(r"<[^>]+>", "", "".join(element.itertext()))


def test_the_package_is_an_omegat_project(package: zipfile.ZipFile) -> None:
    names = set(package.namelist())
    assert {"omegat.project", f"source/{NAME}.xlf", f"tm/auto/{NAME}.tmx"} <= names
    assert {"target/", "glossary/", "dictionary/", "omegat/"} <= names
    project = etree.fromstring(package.read("omegat.project")).find("project")
    assert (project.findtext("source_lang"), project.findtext("target_lang")) == (
        "EN-GB",
        "ES-ES",
    )
    assert project.findtext("sentence_seg") == "false"


def test_translate_toolkit_reads_the_package_xliff(
    carried: Carry, package: zipfile.ZipFile
) -> None:
    store = ttk_xliff.xlifffile.parsestring(package.read(f"source/{NAME}.xlf"))
    assert len(store.units) == len(carried.units)
    by_key = {unit.getid().rpartition("\x04")[2]: unit for unit in store.units}
    for unit in carried.units:
        assert by_key[unit.key].source == by_key[unit.key].target == unit.source


def test_the_memories_hold_the_carried_translations(
    carried: Carry, package: zipfile.ZipFile
) -> None:
    auto = ttk_tmx.tmxfile.parsestring(package.read(f"tm/auto/{NAME}.tmx"))
    exact = [unit for unit in carried.units if unit.status == "exact"]
    assert len(auto.units) == len(exact)
    last_year = etree.fromstring(package.read(f"tm/{NAME}.last-year.tmx"))
    proposals = dict(
        tuple("".join(seg.xpath("text()")) for seg in unit.iter("seg"))
        for unit in last_year.iter("tu")
    )  # the words of each side, its footnote calls (<ph>) left out
    pp9 = carried.unit("PP9")
    assert pp9.status == "fuzzy" and proposals[pp9.old_source] == pp9.target


@pytest.mark.skipif(not (JAR.exists() and JAVA), reason="OmegaT is not installed")
def test_omegat_opens_every_unit_with_the_new_source(
    carried: Carry, package: zipfile.ZipFile, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    package.extractall(project)
    base = [JAVA, "-Djava.awt.headless=true", "-jar", str(JAR), f"--config-dir={tmp_path}/cfg",
            "--disable-project-locking", "--no-team"]  # fmt: skip
    pseudo = tmp_path / "segments.tmx"
    for mode in (
        ["--mode=console-createpseudotranslatetmx", f"--pseudotranslatetmx={pseudo}",
         "--pseudotranslatetype=equal"],
        ["--mode=console-translate"],
    ):  # fmt: skip
        subprocess.run([*base, *mode, str(project)], check=True, capture_output=True, timeout=300)
    segments = {_text(seg) for seg in etree.parse(str(pseudo)).iter("seg")}
    translatable = [unit for unit in carried.units if unit.key not in HEADER_FACTS]
    assert segments == {unit.source for unit in translatable}  # every unit, English source
    translated = {
        unit.get("id"): _text(unit.find(f"{XLIFF}target"))
        for unit in etree.parse(str(project / "target" / f"{NAME}.xlf")).iter(f"{XLIFF}trans-unit")
    }
    for unit in translatable:
        done = unit.status == "exact"
        assert translated[unit.key] == (unit.target if done else unit.source), unit.key
    assert sum(unit.status == "exact" for unit in translatable) > 60
