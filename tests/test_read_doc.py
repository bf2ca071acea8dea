"""Old Word (.doc) files, converted by LibreOffice: a converter that hangs is stopped with
every process it started."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from resalign.align import ReadError
from resalign.align.read import read_document

WRITER = shutil.which("soffice") and any(Path("/usr/lib/libreoffice/program").glob("libswlo*"))


def test_a_converter_that_hangs_is_stopped_with_its_children(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """LibreOffice's launcher starts the converter as a child: at the time limit both
    stop (the child went on before)."""
    import resalign.align.read.doc

    marker = f"resalign-hung-converter-{os.getpid()}"
    fake = tmp_path / "bin" / "soffice"
    fake.parent.mkdir()
    fake.write_text(f"#!/bin/sh\nsh -c 'sleep 60; echo {marker}' &\nsleep 60\n")
    fake.chmod(0o755)
    monkeypatch.setenv("PATH", f"{fake.parent}:{os.environ['PATH']}")
    monkeypatch.setattr(resalign.align.read.doc, "CONVERT_SECONDS", 1)
    old = tmp_path / "old.doc"
    old.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 512)
    start = time.monotonic()
    with pytest.raises(ReadError, match="did not convert it within 1 s"):
        read_document(old)
    assert time.monotonic() - start < 10
    time.sleep(0.2)
    left = [
        entry.name
        for entry in Path("/proc").iterdir()
        if entry.name.isdigit() and marker.encode() in _cmdline(entry)
    ]
    assert left == []


def _cmdline(entry: Path) -> bytes:
    try:
        return (entry / "cmdline").read_bytes()
    except OSError:
        return b""
