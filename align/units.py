"""Units: what the aligner pairs. Header facts, paragraphs and footnotes, seen the same way."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from resalign.align.alignment import Finding, Mode, Status, listed
from resalign.align.model import Document, FootnoteRef

HEADER_FACTS = ("SYMBOL", "SESSION", "AGENDA", "REPORT", "ADOPTED")
"""Header keys whose value is a fact that reads the same in every language."""
HEADER_TEXTS = ("TITLE", "OPENING")
"""Header keys whose value is text, translated like a paragraph."""
HEADER = HEADER_FACTS + HEADER_TEXTS
JOIN = "\n"
"""What stands between the paragraphs of a split or merge when their texts are joined."""


@dataclass(frozen=True, slots=True)
class Unit:
    """A header fact, paragraph or footnote as the aligner sees it."""

    key: str
    kind: str
    """header, preambular, operative, subitem, heading or footnote."""
    text: str
    cites: tuple[str, ...]
    """Footnote keys the unit cites (always empty for a footnote or header fact)."""
    parent: str | None = None
    lead: str = ""
    """A paragraph's lead words (`Welcoming`), to say what a change of kind changed."""
    calls: tuple[int, ...] = ()
    """Where each of `cites` is called: its offset in `text`."""
    normalized: str = field(init=False, repr=False, compare=False)
    """The text as `same` compares it: whitespace runs count as one space (worked out
    once: the aligner asks for it several times a unit)."""

    def __post_init__(self) -> None:
        object.__setattr__(self, "normalized", " ".join(self.text.split()))


def calls_finding(left: Unit, right: Unit, message: str) -> Finding:
    """A `footnote` finding on the notes `left` and `right` cite."""
    return Finding("footnote", left.key, right.key, left.cites, right.cites, message)


def placed(unit: Unit) -> str:
    """The notes a unit cites, each with the word it is called after: `FN39 after
    “(2016–2025),”`, or `none`."""
    return listed(
        [
            f"{key} after “{words[-1]}”" if (words := unit.text[:offset].split()) else key
            for key, offset in zip(unit.cites, unit.calls, strict=True)
        ]
    )


def call_places(unit: Unit) -> tuple[int, ...]:
    """Where a unit's calls stand, in words from its start: the same in two texts that
    differ only in spacing."""
    return tuple(len(unit.text[:offset].split()) for offset in unit.calls)


def pair_status(
    left: Unit | None, right: Unit | None, method: str, mode: Mode, lefts: int = 1, rights: int = 1
) -> Status:
    """The status of a bead whose sides are `left` and `right` (each joined, of `lefts`
    and `rights` units), found by `method`."""
    if mode == "language":
        return "paired" if left and right else "unpaired"
    if left is None:
        return "added"
    if right is None:
        return "removed"
    if rights > 1:
        return "split"
    if lefts > 1:
        return "merged"
    same = left.normalized == right.normalized and left.kind == right.kind
    if method == "move":
        return "moved" if same else "moved+changed"
    return "same" if same else "changed"


def header_units(document: Document) -> list[Unit]:
    """The header facts the document states, in the order a reviser checks them."""
    values = (
        document.symbol,
        str(document.session) if document.session is not None else None,
        document.agenda_item,
        document.report,
        document.adopted,
        document.title,
        document.opening,
    )
    return [
        Unit(key, "header", value, ()) for key, value in zip(HEADER, values, strict=True) if value
    ]


def paragraph_units(document: Document) -> list[Unit]:
    return [
        Unit(p.key, p.kind, p.text, p.footnotes, p.parent, p.lead, tuple(r.offset for r in p.refs))
        for p in document.paragraphs
    ]


def footnote_units(document: Document) -> list[Unit]:
    return [Unit(f.key, "footnote", f.text, ()) for f in document.footnotes]


def unit_texts(document: Document) -> dict[str, str]:
    """Every unit's text by key: header facts, paragraphs, footnotes (the last two read
    off the document: making their units first normalised every text for nothing)."""
    texts = {unit.key: unit.text for unit in header_units(document)}
    texts.update((paragraph.key, paragraph.text) for paragraph in document.paragraphs)
    texts.update((footnote.key, footnote.text) for footnote in document.footnotes)
    return texts


def joined(units: Sequence[Unit]) -> Unit:
    """The units of one side of a split or merge as one: the first key, the texts joined."""
    if len(units) == 1:
        return units[0]
    first = units[0]
    calls, start = [], 0
    for unit in units:
        calls += [start + offset for offset in unit.calls]
        start += len(unit.text) + len(JOIN)
    return Unit(
        first.key,
        first.kind,
        JOIN.join(unit.text for unit in units),
        tuple(key for unit in units for key in unit.cites),
        first.parent,
        first.lead,
        tuple(calls),
    )


@dataclass(frozen=True)
class Calls:
    """Where footnotes are called in a document's paragraphs, for showing them in place:
    the calls of one paragraph or of a bead's joined paragraphs, as text offsets."""

    refs: dict[str, tuple[FootnoteRef, ...]]
    texts: dict[str, str]

    @classmethod
    def of(cls, document: Document) -> Calls:
        return cls({p.key: p.refs for p in document.paragraphs}, unit_texts(document))

    def at(self, keys: Sequence[str]) -> tuple[FootnoteRef, ...]:
        """The calls of these units' texts joined by `JOIN` (header facts and footnotes
        call none)."""
        calls: list[FootnoteRef] = []
        start = 0
        for key in keys:
            calls += [FootnoteRef(ref.key, start + ref.offset) for ref in self.refs.get(key, ())]
            start += len(self.texts[key]) + len(JOIN)
        return tuple(calls)
