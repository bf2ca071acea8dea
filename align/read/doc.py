"""Old Word (.doc) files: converted to .docx by LibreOffice when it is installed."""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from align.errors import ReadError
from align.languages import Language
from align.model import Document

CONVERT_SECONDS = 120


def read_doc(path: Path, *, source: str, lang: Language | None, max_size: int) -> Document:
    """Convert a .doc with `soffice --headless --convert-to docx`, then read the .docx."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise ReadError(
            f"{source}: an old Word (.doc) file; install LibreOffice to read it "
            "(apt-get install libreoffice-writer) or save it as .docx"
        )
    from align.read.docx import read_docx

    with tempfile.TemporaryDirectory(prefix="resalign-doc-") as folder:
        try:
            subprocess.run(
                [
                    soffice,
                    "--headless",
                    f"-env:UserInstallation=file://{folder}/profile",
                    "--convert-to",
                    "docx",
                    "--outdir",
                    folder,
                    str(path),
                ],
                capture_output=True,
                timeout=CONVERT_SECONDS,
                check=True,
            )
        except subprocess.TimeoutExpired:
            raise ReadError(
                f"{source}: LibreOffice did not convert it within {CONVERT_SECONDS} s"
            ) from None
        except subprocess.CalledProcessError as error:
            reason = error.stderr.decode(errors="replace").strip().splitlines()[-1:] or ["failed"]
            raise ReadError(f"{source}: LibreOffice could not convert it ({reason[0]})") from None
        converted = Path(folder) / f"{path.stem}.docx"
        if not converted.exists() or converted.stat().st_size > max_size:
            raise ReadError(f"{source}: LibreOffice could not convert it to .docx")
        return read_docx(converted.read_bytes(), source=source, lang=lang)
