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

from resalign.align import Document, align
from resalign.align.comparison import compare
from resalign.align.output import write_output
from resalign.align.render import render

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


def test_a_long_renumbering_prints_in_a_line_and_the_pairs_start_on_page_one(
    tmp_path: Path,
) -> None:
    """300 operative paragraphs renumbered by a new first one (as the oceans resolution
    renumbers hundreds a year): printed from Chromium, the renumbering is one range and the
    first paragraph is on the first A4 page."""
    from resalign.align import parse_text

    head = "United Nations A/RES/{n}/1\n\n{n}/1. Oceans\n\nThe General Assembly,\n\n"
    body = "\n\n".join(
        f"{k}. Calls upon States to act on matter number {k} of the oceans;" for k in range(1, 301)
    )
    old = parse_text(head.format(n=78) + "Recalling the Convention on oceans,\n\n" + body)
    new = parse_text(
        head.format(n=79)
        + "Recalling the Convention on oceans,\n\n1. Decides to begin anew;\n\n"
        + re.sub(r"^(\d+)\.", lambda m: f"{int(m.group(1)) + 1}.", body, flags=re.M)
    )
    alignment = align(old, new)
    assert len(alignment.renumbered()) == 300
    report = write_output(tmp_path / "report.html", render(compare(old, new, alignment), "html"))
    pdf = tmp_path / "report.pdf"
    chromium(tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", report.resolve().as_uri())
    first = subprocess.run(
        ["pdftotext", "-f", "1", "-l", "1", "-layout", str(pdf), "-"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "OP1–OP300 → OP2–OP301" in first
    assert "Recalling the Convention on oceans," in first
