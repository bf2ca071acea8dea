"""A collection of about a thousand documents for the corpus benchmark: the real PDFs and
the seeds, and synthetic series made from the seed in English and Spanish: each series a
title of its own, each version a symbol of its own session with a few operative
paragraphs reworded, one dropped and the rest renumbered, as recurring resolutions go."""

from __future__ import annotations

import random
import re
import shutil
from pathlib import Path

from bench.synthetic import SEEDS

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"
TITLES = {
    "en": "Improving the coordination of efforts against trafficking in persons",
    "es": "Medidas para mejorar la coordinación de la lucha contra la trata de personas",
}
_OPERATIVE = re.compile(r"^(\d+)\. (.*)$", re.MULTILINE)


def make_collection(folder: Path, documents: int = 1000, versions: int = 12) -> int:
    """Write the collection into `folder`; returns how many documents it holds."""
    folder.mkdir(parents=True, exist_ok=True)
    count = 0
    for path in [*sorted(REAL.glob("*.pdf")), *sorted(SEEDS.glob("*.txt"))]:
        shutil.copyfile(path, folder / path.name)
        count += 1
    seeds = {lang: (SEEDS / f"A_RES_72_195.{lang}.txt").read_text("utf-8") for lang in TITLES}
    series = 0
    while count + 2 * versions <= documents:
        series += 1
        for version in range(versions):
            session, number = 60 + version, 300 + series
            rng = random.Random(series * 100 + version)
            edits = rng.sample(range(1, 23), 4)
            for lang, text in seeds.items():
                made = _version(text, lang, series, session, number, edits)
                (folder / f"A_RES_{session}_{number}.{lang}.txt").write_text(made, "utf-8")
                count += 1
    return count


def _version(text: str, lang: str, series: int, session: int, number: int, edits: list) -> str:
    text = text.replace("72/195", f"{session}/{number}")
    text = text.replace(TITLES[lang], f"{TITLES[lang]} ({series})")
    reworded, dropped = set(edits[:3]), edits[3]

    def edit(match: re.Match[str]) -> str:
        n = int(match[1])
        if n == dropped:
            return ""
        body = match[2]
        if n in reworded:
            body = body.replace(", ", f", {2000 + session}, ", 1)
        return f"{n - (n > dropped)}. {body}"

    return _OPERATIVE.sub(edit, text)
