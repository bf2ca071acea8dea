"""Old Word (.doc) files: converted to .docx by LibreOffice when it is installed."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
from pathlib import Path

from resalign.align.errors import ReadError
from resalign.align.languages import Language
from resalign.align.model import Document

CONVERT_SECONDS = 120


def read_doc(path: Path, *, source: str, lang: Language | None, max_size: int) -> Document:
    """Convert a .doc with `soffice --headless --convert-to docx`, then read the .docx."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ReadError(
            f"{source}: an old Word (.doc) file; install LibreOffice to read it "
            "(apt-get install libreoffice-writer) or save it as .docx"
        )
    from resalign.align.read.docx import read_docx

    with tempfile.TemporaryDirectory(prefix="resalign-doc-") as folder:
        command = [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{folder}/profile",
            "--convert-to",
            "docx",
            "--outdir",
            folder,
            str(path),
        ]
        # a session of its own: LibreOffice's launcher starts the converter as a child,
        # which a timeout must stop with it (and Ctrl-C or SIGTERM too)
        with subprocess.Popen(
            command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
        ) as office:
            try:
                _, errors = office.communicate(timeout=CONVERT_SECONDS)
            except subprocess.TimeoutExpired:
                _stop(office)
                raise ReadError(
                    f"{source}: LibreOffice did not convert it within {CONVERT_SECONDS} s"
                ) from None
            except BaseException:
                _stop(office)
                raise
        if office.returncode != 0:
            reason = errors.decode(errors="replace").strip().splitlines()[-1:] or ["failed"]
            raise ReadError(f"{source}: LibreOffice could not convert it ({reason[0]})")
        converted = Path(folder) / f"{path.stem}.docx"
        if not converted.exists() or converted.stat().st_size > max_size:
            raise ReadError(f"{source}: LibreOffice could not convert it to .docx")
        return read_docx(converted.read_bytes(), source=source, lang=lang)


def _stop(office: subprocess.Popen[bytes]) -> None:
    """LibreOffice and every process it started."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(office.pid, signal.SIGKILL)
    office.wait()
