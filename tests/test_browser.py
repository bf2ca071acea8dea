"""A real browser opens the HTML report: it renders, the DOM holds every pair, the
console stays quiet. Needs Debian's `chromium` (`.ci/run` installs it); skipped with a
reason where it is missing."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from align import Document, align
from align.comparison import compare
from align.output import write_output
from align.render import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium installed (apt-get install chromium)"),
]
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--enable-logging=stderr",
    "--v=0",
]


def chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    command = [CHROMIUM or "chromium", *FLAGS, f"--user-data-dir={tmp_path / 'profile'}", *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=120, check=True)


def test_html_report_renders_in_chromium(tmp_path: Path, es: Document, modeled: Document) -> None:
    report = write_output(
        tmp_path / "report.html", render(compare(es, modeled, align(es, modeled)), "html")
    )
    url = report.resolve().as_uri()
    dom = chromium(tmp_path, "--dump-dom", url)
    tree = etree.fromstring(dom.stdout.encode(), etree.HTMLParser(no_network=True))
    assert tree.findtext(".//title") == "resalign: A/RES/72/195 (es) ↔ A/RES/70/179 (es)"
    assert len(tree.findall(".//table[@class='pairs']/tbody/tr")) == 86
    assert not re.search(r"CONSOLE", dom.stderr), dom.stderr
    shot = tmp_path / "report.png"
    chromium(tmp_path, "--window-size=1400,1000", f"--screenshot={shot}", url)
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1400, 1000)
    assert len(data) > 20_000  # a page of text and colour, not a blank screen
