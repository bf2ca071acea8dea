"""What the corpus makes of each group: parallel units, lineages and adoptions, as data.

Pure functions from documents to plain records (dicts of strings, numbers and lists), the
shape every writer (JSONL, Parquet, TMX, HTML) reads.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

from resalign.align.aligner import align
from resalign.align.alignment import Alignment, Pair, renumbering
from resalign.align.corpus.groups import ORDER, ordered
from resalign.align.model import Document
from resalign.align.units import (
    HEADER_FACTS,
    HEADER_TEXTS,
    footnote_units,
    header_units,
    paragraph_units,
    unit_texts,
)

Record = dict[str, Any]

PARALLEL_FIELDS = (
    "set",
    "unit",
    "kind",
    "pivot",
    *ORDER,
    *(f"{language}_key" for language in ORDER),
    *(f"{language}_score" for language in ORDER),
    "findings",
    "uneven",
)
"""The fields of a parallel record, in order: the set's symbol, the pivot's key and kind,
one text per language (None where the set has no such document or the unit no
counterpart), the keys and scores it was paired by, the QA findings (`fr: …`), and the
languages whose pairing is not one to one (a split or merge), which a translation memory
leaves out."""

CHANGES = ("changed", "moved+changed", "split", "merged")
MOVES = ("moved", "moved+changed")


def parallel_records(symbol: str, documents: dict[str, Document], pivot: str) -> list[Record]:
    """One record per unit of the pivot's document (title, opening, paragraphs,
    footnotes), each with every other language's counterpart; then the units only another
    language has. `pivot` is used where the set has it, else the first language."""
    pivot = pivot if pivot in documents else next(iter(ordered(documents)))
    base = documents[pivot]
    units = [u for u in header_units(base) if u.key in HEADER_TEXTS]
    units += paragraph_units(base) + footnote_units(base)
    records = {unit.key: _record(symbol, unit.key, unit.kind, pivot) for unit in units}
    for unit in units:
        records[unit.key].update({pivot: unit.text, f"{pivot}_key": unit.key})
    extra: list[Record] = []
    for language in ordered(documents):
        if language == pivot:
            continue
        document = documents[language]
        alignment = align(base, document, mode="language")
        texts = unit_texts(document)
        for pair in alignment.pairs:
            if pair.left in HEADER_FACTS or pair.right in HEADER_FACTS:
                continue
            if pair.left is None:
                record = _record(symbol, None, _kind(document, pair.rights[0]), pivot)
                extra.append(record)
            else:
                record = records[pair.left]
            _fill(record, language, pair, texts)
    return [*records.values(), *extra]


def _record(symbol: str, unit: str | None, kind: str, pivot: str) -> Record:
    record: Record = dict.fromkeys(PARALLEL_FIELDS)
    record.update(set=symbol, unit=unit, kind=kind, pivot=pivot, findings=[], uneven=[])
    return record


def _fill(record: Record, language: str, pair: Pair, texts: dict[str, str]) -> None:
    if pair.rights:
        record[language] = " ".join(texts[key] for key in pair.rights)
        record[f"{language}_key"] = "+".join(pair.rights)
        record[f"{language}_score"] = round(pair.score, 3)
    if len(pair.lefts) > 1 or len(pair.rights) > 1:
        record["uneven"].append(language)
    record["findings"].extend(f"{language}: {finding.message}" for finding in pair.findings)


def _kind(document: Document, key: str) -> str:
    if key.startswith("FN"):
        return "footnote"
    if key in HEADER_TEXTS:
        return "header"
    return document.paragraph(key).kind


def lineage(versions: Sequence[Document]) -> Record:
    """The history of every paragraph of the last version across `versions` (one
    language, session order): for each version its key, text and status against the
    version before (`first` in the earliest the paragraph is found in; None before it),
    and where it changed, was renumbered or moved; then what each version dropped."""
    alignments = [align(older, newer, mode="version") for older, newer in pairwise(versions)]
    by_right = [_by_right(alignment) for alignment in alignments]
    texts = [unit_texts(document) for document in versions]
    latest = versions[-1]
    paragraphs = [
        _history(paragraph.key, paragraph.kind, versions, by_right, texts)
        for paragraph in latest.paragraphs
    ]
    return {
        "language": latest.language,
        "versions": [_version(document) for document in versions],
        "paragraphs": paragraphs,
        "dropped": [
            {
                "symbol": versions[index + 1].symbol,
                "key": pair.left,
                "text": texts[index][pair.left],
            }
            for index, alignment in enumerate(alignments)
            for pair in alignment.body
            if pair.status == "removed" and pair.left and not pair.left.startswith("FN")
        ],
    }


def _version(document: Document) -> Record:
    return {
        "symbol": document.symbol,
        "session": document.session,
        "adopted": document.adopted,
        "source": document.source,
    }


def _by_right(alignment: Alignment) -> dict[str, Pair]:
    return {key: pair for pair in alignment.body for key in pair.rights}


def _history(
    key: str,
    kind: str,
    versions: Sequence[Document],
    by_right: list[dict[str, Pair]],
    texts: list[dict[str, str]],
) -> Record:
    steps: list[Record | None] = [None] * len(versions)
    index = len(versions) - 1
    current: str | None = key
    while current is not None:
        text = texts[index][current]
        step: Record = {"key": current, "status": "first", "note": "", "text": text}
        steps[index] = step
        pair = by_right[index - 1].get(current) if index else None
        if pair is None:
            break
        step.update(status=pair.status, note=pair.note)
        if pair.left and renumbering(pair.left, current):
            step["renumbered_from"] = pair.left
        current, index = pair.left, index - 1
    symbols = [document.symbol for document in versions]
    first = next(i for i, step in enumerate(steps) if step is not None)
    return {
        "key": key,
        "kind": kind,
        "first": symbols[first],
        "in_earliest": first == 0,
        "versions": steps,
        "changed": [s for s, step in zip(symbols, steps, strict=True) if _was(step, CHANGES)],
        "moved": [s for s, step in zip(symbols, steps, strict=True) if _was(step, MOVES)],
        "renumbered": [
            s for s, step in zip(symbols, steps, strict=True) if step and "renumbered_from" in step
        ],
    }


def _was(step: Record | None, statuses: tuple[str, ...]) -> bool:
    return step is not None and step["status"] in statuses


def adoption_record(draft: Document, resolution: Document) -> Record:
    """What changed between a draft and the resolution adopted from it: counts of each
    status and every pair that is not `same`."""
    alignment = align(draft, resolution, mode="version")
    return {
        "draft": draft.symbol,
        "resolution": resolution.symbol,
        "language": resolution.language,
        "counts": dict(sorted(alignment.status_counts().items())),
        "changes": [
            {
                "draft": "+".join(pair.lefts) or None,
                "resolution": "+".join(pair.rights) or None,
                "status": pair.status,
                "note": pair.note,
            }
            for pair in alignment.body
            if pair.status != "same"
        ],
        "warnings": list(alignment.warnings),
    }
