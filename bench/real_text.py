"""Text fidelity of resalign's reading of the official PDFs, against PyMuPDF's text of each.

A copy (2026-12-07) of the fidelity tool the workplace hands out with the official
PDFs (its `tools/real_text.py`), importing `resalign.align`; the PDFs and their PyMuPDF
texts are the project's own copies, with their provenance in `tests/data/real/README.md`.
Usage, from the project's root: `python bench/real_text.py tests/data/real
[--only=RES|DRAFT|ALL] [--show=N]`.

For each PDF with another extractor's text beside it (X.pdf and X.pymupdf.txt), the PDF is read
with `align.read_document` and the text with the same reader. Counted, per document:
  identical   both readings give the same keys in the same order and the same texts (white
              space folded): a reader that is right twice agrees with itself
  split       a space the PDF reading puts inside a word that the text reading has whole
              (`request ed`), or before a hyphen (`case -by-case`)
  decimals    a mid-sentence decimal of the PyMuPDF text (`1.5 degrees`, `0.7 per cent`) missing
              from every paragraph and footnote of the PDF reading
  opening     "The General Assembly," inside a paragraph (a title cut at its first line)
Prints the worst documents, then one line per measure, last the share of documents with no
split word, no lost decimal and no opening inside a paragraph.
"""

from __future__ import annotations

import difflib
import re
import sys
import tempfile
from pathlib import Path

from resalign import align

DECIMAL = re.compile(r"(?<![\w/.,-])(\d{1,4}\.\d{1,3})(?=[ \u00a0]+(?:[a-z]|%|°))")
WORD = re.compile(r"[^\W\d_]+")


def fold(text: str) -> str:
    return " ".join(text.split())


def texts(doc) -> dict[str, str]:
    return {p.key: fold(p.text) for p in doc.paragraphs} | {
        f.key: fold(f.text) for f in doc.footnotes
    }


def split_words(a: dict[str, str], b: dict[str, str]) -> list[str]:
    found = []
    for key, x in a.items():
        y = b.get(key)
        if y is None or x == y:
            continue
        whole = set(WORD.findall(y))
        for op, i1, i2, _, _ in difflib.SequenceMatcher(None, x, y, autojunk=False).get_opcodes():
            if op != "delete" or x[i1:i2] != " ":
                continue
            left, right = re.search(r"([^\W\d_]+)$", x[:i1]), re.match(r"([^\W\d_]+)", x[i2:])
            if left and right and left.group(1) + right.group(1) in whole:
                found.append(f"{key}: {left.group(1)} {right.group(1)}")
            elif left and x[i2 : i2 + 1] == "-":
                found.append(f"{key}: {x[max(0, i1 - 12) : i2 + 8]}")
    return found


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    opts = dict(a[2:].split("=", 1) for a in argv if a.startswith("--") and "=" in a)
    pdfs = Path(args[0])
    only, show = opts.get("only", "RES"), int(opts.get("show", "8"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for pdf in sorted(pdfs.glob("*.pdf")):
            is_res = "_RES_" in pdf.stem
            if (only == "RES" and not is_res) or (only == "DRAFT" and is_res):
                continue
            source = pdf.with_name(f"{pdf.stem}.pymupdf.txt")
            if not source.exists():
                continue
            raw = source.read_text(encoding="utf-8")
            txt = Path(tmp) / f"{pdf.stem}.txt"
            txt.write_text(raw, encoding="utf-8")
            try:
                a = align.read_document(pdf)
                b = align.read_document(txt)
            except Exception as error:
                rows.append((pdf.stem, False, [f"read: {type(error).__name__}"], [], []))
                continue
            ta, tb = texts(a), texts(b)
            same = list(ta.items()) == list(tb.items())
            body = " ".join(ta.values())
            lost = sorted(
                {
                    d
                    for d in DECIMAL.findall(raw.replace("\n", " "))
                    if not re.search(rf"(?<![\d.]){re.escape(d)}(?!\d)", body)
                }
            )
            opening = [k for k, t in ta.items() if "The General Assembly," in t]
            rows.append((pdf.stem, same, split_words(ta, tb), lost, opening))
    n = len(rows)
    bad = [r for r in rows if r[2] or r[3] or r[4]]
    for stem, _, split, lost, opening in sorted(
        bad, key=lambda r: -(len(r[2]) + 5 * len(r[3]) + 5 * len(r[4]))
    )[:show]:
        print(
            f"{stem}: split {len(split)} {split[:2]}; decimals lost {lost[:3]}; opening in {opening[:2]}"
        )
    pct = lambda k: 100 * k / max(n, 1)  # noqa: E731
    print(
        f"documents {n}; PDF and text readings identical: {sum(r[1] for r in rows)} ({pct(sum(r[1] for r in rows)):.1f}%)"
    )
    print(
        f"split words {sum(len(r[2]) for r in rows)} in {sum(1 for r in rows if r[2])} documents; "
        f"decimals lost {sum(len(r[3]) for r in rows)} in {sum(1 for r in rows if r[3])}; "
        f"title cut (opening in a paragraph) in {sum(1 for r in rows if r[4])}"
    )
    print(
        f"documents read with every word and number intact: {n - len(bad)}/{n} ({pct(n - len(bad)):.1f}%)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
