"""Carrying a translation forward: last year's translation, prefilled into this year's text.

Two alignments do the work. Version mode pairs the old source text with the new one
(what was kept, reworded, moved, added, dropped); language mode pairs the old source with
its official translation. Every unit of the new source — header fact, title, paragraph,
footnote, closing — is then given, in the new text's order and numbering:

- `exact`: the new unit is the old one word for word → the old translation, its footnote
  calls renumbered to the new footnotes and its label to the new number or letter;
- `auto-updated`: only values that survive translation changed (years, dates, symbols,
  numbers) → the old translation with the same values replaced, the replacements listed;
- `fuzzy`: reworded (or merged, split, moved out of its kind, flagged by last year's QA)
  → the old translation, with the source-side word diff beside it for the translator;
- `new`: no counterpart → empty, or the source text where asked.

Old units the new text no longer has are kept in `Carry.dropped`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from resalign.align.aligner import align
from resalign.align.alignment import Alignment, Pair, Status
from resalign.align.diff import Span, stats, word_count, word_diff
from resalign.align.errors import UsageError
from resalign.align.languages import Language, language
from resalign.align.model import Document, FootnoteRef, Paragraph
from resalign.align.units import (
    HEADER_FACTS,
    JOIN,
    Calls,
    Unit,
    footnote_units,
    header_units,
    paragraph_units,
    unit_texts,
)
from resalign.align.values import Replacement, ValueChanges, replaced, value_changes

CarryStatus = Literal["exact", "auto-updated", "fuzzy", "new"]
CARRY_STATUSES: tuple[CarryStatus, ...] = ("exact", "auto-updated", "fuzzy", "new")
Fill = Literal["empty", "source"]
CLOSING = "CLOSING"
_NUMBER = re.compile(r"\d+")


@dataclass(frozen=True, slots=True)
class CarriedUnit:
    """One unit of the new text with the translation proposed for it."""

    key: str
    """The new source's key (`OP6`, `FN3`, `TITLE`, `SYMBOL`, `CLOSING`)."""
    kind: str
    """header, preambular, operative, subitem, heading, footnote or closing."""
    label: str | None
    """The new number or letter as the target language prints it (`6.`, `c)`, `6 -`)."""
    source: str
    source_calls: tuple[FootnoteRef, ...]
    target: str
    """The proposed translation: empty for a `new` unit unless the source fills it."""
    target_calls: tuple[FootnoteRef, ...]
    """Footnote calls of the proposed translation, keyed by the new footnote numbers."""
    status: CarryStatus
    match: int
    """0-100: how much of the old source the new one kept (100 for `exact`)."""
    old_keys: tuple[str, ...] = ()
    """The old source units the translation comes from."""
    old_source: str | None = None
    changes: tuple[Span, ...] = ()
    """Word diff old source → new source; empty when they are the same."""
    replacements: tuple[Replacement, ...] = ()
    """Values replaced in the old translation (`auto-updated`, and header facts)."""
    reasons: tuple[str, ...] = ()
    """Why the unit is flagged, and what else happened to it (`renumbered OP5 → OP6`)."""
    lead: str = ""
    """The lead words the translation opens with (`Reiterando`), set in italics."""
    accepted: bool = False
    """Accepted as it stands by a reviewer (in the UI)."""
    edited: bool = False
    """Written or revised by a translator (in the UI): final as it reads."""

    @property
    def needs_work(self) -> bool:
        """Whether a translator must still edit or write the unit."""
        return not (self.accepted or self.edited) and self.status in ("fuzzy", "new")

    @property
    def words(self) -> int:
        return word_count(self.source)

    @property
    def changed_words(self) -> int:
        """Words of the new source that the old one did not have."""
        return stats(self.changes).added if self.changes else 0


@dataclass(frozen=True, slots=True)
class DroppedUnit:
    """An old unit the new text no longer has, with its translation."""

    key: str
    source: str
    target: str | None


@dataclass(frozen=True, slots=True)
class Carry:
    """The new text, unit by unit, with last year's translation carried into it."""

    old_source: Document
    old_target: Document
    new_source: Document
    units: tuple[CarriedUnit, ...]
    dropped: tuple[DroppedUnit, ...]
    header_lines: tuple[str, ...]
    """The old translation's header lines with the new facts written in."""
    translation: Alignment
    """Old source ↔ old target (language mode)."""
    version: Alignment
    """Old source → new source (version mode)."""
    warnings: tuple[str, ...] = ()

    def counts(self) -> Counter[str]:
        """How many units of each status, header facts left out."""
        return Counter(unit.status for unit in self.units if unit.kind != "header")

    def words(self) -> Counter[str]:
        """Source words of the units of each status, header facts left out."""
        words: Counter[str] = Counter()
        for unit in self.units:
            if unit.kind != "header":
                words[unit.status] += unit.words
        return words

    @property
    def to_translate(self) -> int:
        """Words left to translate: every word of the new units and the new wording of
        the fuzzy ones."""
        fuzzy = sum(unit.changed_words for unit in self.units if unit.status == "fuzzy")
        return self.words()["new"] + fuzzy

    def unit(self, key: str) -> CarriedUnit:
        for unit in self.units:
            if unit.key == key:
                return unit
        raise KeyError(key)


CALL_MARK = re.compile(r"\{(FN\d+)\}")
"""A footnote call in a translation as a translator edits it: `{FN3}`."""


def editable(unit: CarriedUnit) -> str:
    """The translation with its footnote calls written `{FN3}` where they stand, for a
    translator to edit; a unit with no translation yet offers the source's calls."""
    text = unit.target
    calls = unit.target_calls if text else unit.source_calls
    for call in sorted(calls, key=lambda call: call.offset, reverse=True):
        offset = min(call.offset, len(text)) if unit.target else len(text)
        text = f"{text[:offset]}{{{call.key}}}{text[offset:]}"
    return text


def edited(unit: CarriedUnit, text: str) -> CarriedUnit:
    """The unit with a translator's text (`{FN3}` marks its footnote calls): final, no
    longer accepted as it stood."""
    pieces, calls, start = [], [], 0
    text = " ".join(text.split())  # one line, as the unit is one paragraph
    for mark in CALL_MARK.finditer(text):
        pieces.append(text[start : mark.start()])
        calls.append(FootnoteRef(mark[1], sum(map(len, pieces))))
        start = mark.end()
    pieces.append(text[start:])
    target = "".join(pieces)
    lead = unit.lead if unit.lead and target.startswith(unit.lead) else ""
    return replace(
        unit, target=target, target_calls=tuple(calls), lead=lead, edited=True, accepted=False
    )


def carry(
    old_source: Document, old_target: Document, new_source: Document, *, fill: Fill = "empty"
) -> Carry:
    """Carry `old_target`, the translation of `old_source`, forward into `new_source`."""
    _check(old_source, old_target, new_source)
    context = _Context.of(old_source, old_target, new_source, fill)
    units = [
        _fact(unit, context) if unit.key in HEADER_FACTS else _carried(unit, context)
        for unit in header_units(new_source)
    ]
    units += [_carried(unit, context) for unit in paragraph_units(new_source)]
    units += [_carried(unit, context) for unit in footnote_units(new_source)]
    if new_source.closing:
        units.append(_closing(context))
    return Carry(
        old_source,
        old_target,
        new_source,
        tuple(units),
        _dropped(context, {key for unit in units for key in unit.old_keys}),
        _header_lines(context),
        context.translation,
        context.version,
        context.translation.warnings + context.version.warnings,
    )


def _check(old_source: Document, old_target: Document, new_source: Document) -> None:
    if old_source.language != new_source.language:
        raise UsageError(
            f"the old and new source texts must be in one language: {old_source.source} is "
            f"[{old_source.language}], {new_source.source} [{new_source.language}]"
        )
    if old_target.language == old_source.language:
        raise UsageError(
            f"{old_target.source} is in the source's language [{old_source.language}]: "
            "give its translation"
        )


@dataclass(frozen=True)
class _Context:
    """What carrying a translation over needs at every paragraph: the four documents, the
    two alignments, how to fill what has no old translation, and the old source texts."""

    old_source: Document
    old_target: Document
    new_source: Document
    translation: Alignment
    version: Alignment
    fill: Fill
    texts: dict[str, str]
    """Old source texts by key, header facts included."""
    target_texts: dict[str, str]
    target_calls: Calls
    target_paragraphs: dict[str, Paragraph]
    paragraphs: dict[str, Paragraph]
    """The new source's paragraphs by key."""
    translated: dict[str, Pair]
    """Old source key → the language pair holding it."""
    versions: dict[str, Pair]
    """New source key → the version pair holding it."""
    footnotes: dict[str, str]
    """Old target footnote key → the new source footnote it became."""
    unpaired: frozenset[str]
    """Old source units the version alignment gave no new unit."""
    neighbours: dict[str, tuple[str, ...]]
    """Each old source paragraph's (or footnote's) keys before and after it."""
    order: dict[str, int]
    """Each old source paragraph's and footnote's place in the old source."""

    @classmethod
    def of(
        cls, old_source: Document, old_target: Document, new_source: Document, fill: Fill
    ) -> _Context:
        translation = align(old_source, old_target, mode="language")
        version = align(old_source, new_source, mode="version")
        translated = {key: pair for pair in translation.pairs for key in pair.lefts}
        renamed = {
            pair.lefts[0]: pair.rights[0]
            for pair in version.pairs
            if pair.lefts and pair.rights and pair.lefts[0].startswith("FN")
        }
        footnotes = {
            right: renamed[pair.lefts[0]]
            for pair in translation.pairs
            if pair.lefts and pair.lefts[0] in renamed
            for right in pair.rights
            if right.startswith("FN")
        }
        return cls(
            old_source,
            old_target,
            new_source,
            translation,
            version,
            fill,
            unit_texts(old_source),
            unit_texts(old_target),
            Calls.of(old_target),
            {paragraph.key: paragraph for paragraph in old_target.paragraphs},
            {paragraph.key: paragraph for paragraph in new_source.paragraphs},
            translated,
            {key: pair for pair in version.pairs for key in pair.rights},
            footnotes,
            frozenset(key for pair in version.body if not pair.rights for key in pair.lefts),
            _neighbours(old_source),
            {key: index for index, key in enumerate(unit_texts(old_source))},
        )

    @property
    def source_language(self) -> Language:
        return language(self.new_source.language)

    @property
    def target_language(self) -> Language:
        return language(self.old_target.language)


@dataclass(frozen=True, slots=True)
class _Translation:
    """The old translation of some old source units."""

    text: str
    calls: tuple[FootnoteRef, ...]
    keys: tuple[str, ...]
    reasons: tuple[str, ...]


def _translation(keys: Sequence[str], context: _Context) -> _Translation | None:
    """The old target's text for these old source keys, None where it has none."""
    pairs: list[Pair] = []
    for key in keys:
        pair = context.translated.get(key)
        if pair is None or not pair.rights:
            return None
        if pair not in pairs:
            pairs.append(pair)
    rights = tuple(right for pair in pairs for right in pair.rights)
    reasons = [f"last year's QA: {finding.message}" for pair in pairs for finding in pair.findings]
    if extra := [left for pair in pairs for left in pair.lefts if left not in keys]:
        reasons.append(f"the old translation also renders {'+'.join(extra)}")
    text = JOIN.join(context.target_texts[key] for key in rights)
    return _Translation(text, context.target_calls.at(rights), rights, tuple(reasons))


def _carried(unit: Unit, context: _Context) -> CarriedUnit:
    """A title, opening, paragraph or footnote of the new text, carried."""
    pair = context.versions.get(unit.key)
    calls = _source_calls(unit, context)
    if pair is None or not pair.lefts:
        pair = _offered(unit, context)
        if pair is None:
            return _new(unit, calls, context, ("new in this text",))
    else:
        pair = _widened(pair, unit, context)
    if unit.key != pair.rights[0]:
        reason = f"split from {pair.left}: its translation stands in {pair.right}"
        return _new(unit, calls, context, (reason,))
    translation = _translation(pair.lefts, context)
    if translation is None:
        reason = f"last year's translation has no counterpart of {'+'.join(pair.lefts)}"
        return _new(unit, calls, context, (reason,), pair.lefts)
    old = _old_text(pair.lefts, context)
    text, target_calls = translation.text, translation.calls
    replacements: tuple[Replacement, ...] = ()
    status: CarryStatus = "exact" if pair.status in ("same", "moved") else "fuzzy"
    if pair.status in ("changed", "moved+changed") and (
        updated := _auto_updated(old, unit.text, translation, context)
    ):
        status, (text, target_calls, replacements) = "auto-updated", updated
    target_calls, call_flags = _renumbered_calls(target_calls, unit.cites, context)
    if not call_flags:  # the same notes, called after other words: the calls to move
        call_flags = [f.message for f in pair.findings if f.kind == "footnote"]
    flags = [*translation.reasons, *call_flags]
    reasons = [_why_fuzzy(pair)] if status == "fuzzy" else []
    if flags:
        status = "fuzzy"
    reasons += flags + ([pair.note] if pair.note else [])
    spans, match = _diffed(old, unit.text)
    return CarriedUnit(
        unit.key,
        unit.kind,
        _label(unit.key, translation.keys[0], context),
        unit.text,
        calls,
        text,
        target_calls,
        status,
        match,
        pair.lefts,
        old,
        spans,
        replacements,
        tuple(reasons),
        _lead(translation.keys[0], context),
    )


OFFER_FLOOR = 50
"""The least share of words (Dice, in %) that old source text the alignment left unpaired
must share with a new unit to have its translation offered as a fuzzy match: CAT tools
offer fuzzy matches from 50 %, and two unrelated paragraphs of one resolution share far
fewer words (bench/run.py carry measures the share)."""
MERGE_GAIN = 10
"""How many points a paired unit's match must gain by taking in an unpaired neighbour of
its old unit for the neighbour to count as merged into it."""


def _neighbours(document: Document) -> dict[str, tuple[str, ...]]:
    keys = [p.key for p in document.paragraphs]
    notes = [f.key for f in document.footnotes]
    return {
        key: tuple(run[i] for i in (index - 1, index + 1) if 0 <= i < len(run))
        for run in (keys, notes)
        for index, key in enumerate(run)
    }


def _offered(unit: Unit, context: _Context) -> Pair | None:
    """A pair of a new unit the alignment left unpaired with the old source text it is
    most like, among old units no new unit was paired with (alone, or merged with a
    neighbour): reworded past the aligner's pairing, split or merged."""
    if unit.kind == "header":
        return None
    footnote = unit.key.startswith("FN")
    candidates = {
        _in_order((key, other), context) if other else (key,)
        for key in context.unpaired
        if key.startswith("FN") == footnote
        for other in (None, *context.neighbours.get(key, ()))
    }
    scored = [(_diffed(_old_text(keys, context), unit.text)[1], keys) for keys in candidates]
    match, keys = max(scored, default=(0, ()))
    if match < OFFER_FLOOR:
        return None
    status: Status = "merged" if len(keys) > 1 else "changed"
    note = f"offered: {match} % like {'+'.join(keys)}, which no new unit was paired with"
    return Pair(keys, (unit.key,), status, match / 100, "content", note=note)


def _widened(pair: Pair, unit: Unit, context: _Context) -> Pair:
    """A reworded pair with an unpaired neighbour of its old unit taken in, where the new
    text is clearly more like both: two old paragraphs merged into one."""
    if pair.status not in ("changed", "moved+changed") or len(pair.lefts) != 1:
        return pair
    key = pair.left
    assert key is not None
    best, widest = _diffed(_old_text((key,), context), unit.text)[1] + MERGE_GAIN, pair
    for other in context.neighbours.get(key, ()):
        if other in context.unpaired:
            keys = _in_order((key, other), context)
            match = _diffed(_old_text(keys, context), unit.text)[1]
            if match >= best:
                note = f"merged: also drew on {other}, which no new unit was paired with"
                best, widest = match, replace(pair, lefts=keys, status="merged", note=note)
    return widest


def _old_text(keys: Sequence[str], context: _Context) -> str:
    return JOIN.join(context.texts[key] for key in keys)


def _in_order(keys: tuple[str, str], context: _Context) -> tuple[str, ...]:
    """Two old units in the order the old source has them."""
    return tuple(sorted(keys, key=context.order.__getitem__))


def _diffed(old: str, new: str) -> tuple[tuple[Span, ...], int]:
    """The word diff old → new source and the share of words kept, 0-100."""
    if old == new:
        return (), 100
    spans = word_diff(old, new)
    return spans, round(100 * stats(spans).similarity)


def _why_fuzzy(pair: Pair) -> str:
    return {
        "merged": f"merged from {'+'.join(pair.lefts)}: one translation of both",
        "split": f"split into {'+'.join(pair.rights)}: the translation of all of {pair.left}",
    }.get(pair.status, "reworded")


def _auto_updated(
    old: str, new: str, translation: _Translation, context: _Context
) -> tuple[str, tuple[FootnoteRef, ...], tuple[Replacement, ...]] | None:
    """The old translation with the values replaced that alone changed from `old` to
    `new`; None where words changed too, or the translation does not show the values."""
    changes = value_changes(old, new, context.source_language)
    if changes is None:
        return None
    if not changes.replacements:
        return translation.text, translation.calls, ()
    written = replaced(translation.text, translation.calls, context.target_language, changes)
    return (*written, changes.replacements) if written else None


def _new(
    unit: Unit,
    calls: tuple[FootnoteRef, ...],
    context: _Context,
    reasons: tuple[str, ...],
    old_keys: tuple[str, ...] = (),
) -> CarriedUnit:
    filled = context.fill == "source"
    label = _label(unit.key, None, context)
    return CarriedUnit(
        unit.key,
        unit.kind,
        label,
        unit.text,
        calls,
        unit.text if filled else "",
        calls if filled else (),
        "new",
        0,
        old_keys,
        reasons=reasons,
    )


def _source_calls(unit: Unit, context: _Context) -> tuple[FootnoteRef, ...]:
    paragraph = context.paragraphs.get(unit.key)
    return paragraph.refs if paragraph is not None else ()


def _renumbered_calls(
    calls: tuple[FootnoteRef, ...], cited: tuple[str, ...], context: _Context
) -> tuple[tuple[FootnoteRef, ...], list[str]]:
    """The translation's footnote calls keyed by the new footnotes; what does not match
    the calls of the new source unit is said."""
    kept = tuple(
        FootnoteRef(context.footnotes[call.key], call.offset)
        for call in calls
        if call.key in context.footnotes
    )
    if Counter(call.key for call in kept) == Counter(cited):
        return kept, []
    missing = sorted((Counter(cited) - Counter(call.key for call in kept)).elements())
    extra = [call.key for call in calls if call.key not in context.footnotes]
    reasons = []
    if missing:
        reasons.append(f"footnote call {', '.join(missing)} to place")
    if extra:
        reasons.append(f"footnote {', '.join(extra)} of the old translation is gone")
    return kept, reasons


def _label(key: str, target_key: str | None, context: _Context) -> str | None:
    """The new number or letter, written as the old translation wrote its label."""
    paragraph = context.paragraphs.get(key)
    if paragraph is None or paragraph.label is None:
        return None
    printed, kind = paragraph.label, paragraph.kind
    lang = context.target_language
    old = context.target_paragraphs.get(target_key) if target_key else None
    if kind == "operative":
        number = _NUMBER.search(printed)
        if number is None:
            return printed
        if old is not None and old.label and _NUMBER.search(old.label):
            return _NUMBER.sub(number.group(), old.label, count=1)
        return lang.operative_label.format(number=number.group())
    if kind == "subitem":
        letter = _letter(key, lang)
        if old is not None and old.label and (old_letter := _letter(old.key, lang)):
            return old.label.replace(old_letter, letter or old_letter, 1)
        return lang.subitem_label.format(letter=letter) if letter else printed
    return old.label if old is not None and old.label else printed


def _letter(key: str, lang: Language) -> str | None:
    """The sub-item letter of `PP8(c)` in the language's own alphabet."""
    if not key.endswith(")") or "(" not in key:
        return None
    latin = key[key.rindex("(") + 1 : -1]
    if len(latin) != 1 or not latin.isalpha():
        return None
    index = ord(latin) - ord("a")
    return lang.letters[index] if 0 <= index < len(lang.letters) else None


def _lead(target_key: str, context: _Context) -> str:
    paragraph = context.target_paragraphs.get(target_key)
    return paragraph.lead if paragraph is not None else ""


def _fact(unit: Unit, context: _Context) -> CarriedUnit:
    """A header fact: the new value, which every language writes the same way."""
    old = context.texts.get(unit.key)
    replacements = (
        (Replacement(unit.key.lower(), old, unit.text),) if old and old != unit.text else ()
    )
    status: CarryStatus = "auto-updated" if replacements or old is None else "exact"
    reasons: tuple[str, ...] = ()
    if unit.key == "SESSION" and replacements and not _session_written(old, unit.text, context):
        status = "fuzzy"
        reasons = ("the header lines write the session in words: update them",)
    elif old is None:
        reasons = ("not stated in the old text",)
    return CarriedUnit(
        unit.key,
        "header",
        None,
        unit.text,
        (),
        unit.text,
        (),
        status,
        100 if status == "exact" else 0,
        (unit.key,) if old else (),
        old,
        replacements=replacements,
        reasons=reasons,
    )


def _closing(context: _Context) -> CarriedUnit:
    """The closing line (meeting and date), carried like a paragraph."""
    old, new = context.old_source.closing or "", context.new_source.closing or ""
    target = context.old_target.closing
    unit = Unit(CLOSING, "closing", new, ())
    if not old or target is None:
        return _new(unit, (), context, ("no closing in the old text",))
    translation = _Translation(target, (), (), ())
    status: CarryStatus = "exact"
    replacements: tuple[Replacement, ...] = ()
    reasons: tuple[str, ...] = ()
    if Unit(CLOSING, "closing", old, ()).normalized != unit.normalized:
        updated = _auto_updated(old, new, translation, context)
        if updated:
            status, (target, _, replacements) = "auto-updated", updated
        else:
            status, reasons = "fuzzy", ("reworded",)
    spans, match = _diffed(old, new)
    return CarriedUnit(
        CLOSING,
        "closing",
        None,
        new,
        (),
        target,
        (),
        status,
        match,
        (CLOSING,),
        old,
        spans,
        replacements,
        reasons,
    )


def _dropped(context: _Context, drawn: set[str]) -> tuple[DroppedUnit, ...]:
    """The old units the new text has nothing of: no new unit was paired with them, nor
    drew on them."""
    dropped = []
    for pair in context.version.body:
        if pair.rights:
            continue
        for key in pair.lefts:
            if key in drawn:
                continue
            translation = _translation((key,), context)
            dropped.append(
                DroppedUnit(key, context.texts[key], translation.text if translation else None)
            )
    return tuple(dropped)


def _header_lines(context: _Context) -> tuple[str, ...]:
    """The header lines of the old translation with the new symbol, report, agenda item
    and adoption date written in."""
    old, new = context.texts, unit_texts(context.new_source)
    replacements = []
    for key, kind in (("SYMBOL", "symbol"), ("REPORT", "symbol"), ("ADOPTED", "date")):
        if old.get(key) and new.get(key) and old[key] != new[key]:
            replacements.append(Replacement(kind, old[key], new[key]))
    old_item, new_item = _NUMBER.match(old.get("AGENDA", "")), _NUMBER.match(new.get("AGENDA", ""))
    if old_item and new_item and old_item.group() != new_item.group():
        replacements.append(Replacement("number", old_item.group(), new_item.group()))
    lines = tuple(
        _new_session(line, context.old_source.session, context.new_source.session, context)
        for line in context.old_target.header
    )
    if not replacements:
        return lines
    changes = ValueChanges(tuple(replacements), counts=None)
    written = (replaced(line, (), context.target_language, changes) for line in lines)
    return tuple(
        updated[0] if updated else line for line, updated in zip(lines, written, strict=True)
    )


def _session_written(old: str | None, new: str, context: _Context) -> bool:
    """Whether the header lines' session in words is rewritten (see `_new_session`)."""
    code = context.target_language.code
    before = session_words(int(old), code) if old and old.isdigit() else None
    after = session_words(int(new), code) if new.isdigit() else None
    lines = " ".join(context.old_target.header).casefold()
    return bool(before and after and before.casefold() in lines)


def session_words(session: int | None, code: str) -> str | None:
    """A session's ordinal as the language writes it in a header (`septuagésimo cuarto`),
    where `num2words` knows it; None otherwise."""
    if session is None or code not in SESSION_ORDINALS:
        return None
    from num2words import num2words  # here: only a carry's header asks for it

    return str(num2words(session, to="ordinal", lang=code))


SESSION_ORDINALS = ("en", "es", "fr")
"""Languages whose header names the session with an ordinal that `num2words` writes as
the UN does (Russian's is feminine, Arabic's and Chinese's are written otherwise)."""


def _new_session(line: str, old: int | None, new: int | None, context: _Context) -> str:
    """`line` with last year's session in words replaced by this year's
    (`Septuagésimo segundo período de sesiones` → `Septuagésimo cuarto …`)."""
    code = context.target_language.code
    before, after = session_words(old, code), session_words(new, code)
    if not before or not after or before == after:
        return line
    found = re.search(re.escape(before), line, re.IGNORECASE)
    if found is None:
        return line
    written = after.capitalize() if found.group()[:1].isupper() else after
    return line[: found.start()] + written + line[found.end() :]
