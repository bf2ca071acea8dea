"""Paragraphs: blocks of the body (or of an annex) read as the units they are.

A block is a new operative paragraph when it starts with the next operative number, a
sub-item when it starts with the next sub-item letter, a section heading when it is a
numeral with a title, the continuation of the paragraph before it when that one stopped
short or the block opens in lower case, and otherwise a preambular paragraph. Each unit
is then cleaned: emphasis marks and footnote markers out (their places kept), lead words
told.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from functools import cache

from resalign.align.languages import LATIN_LETTERS, Language
from resalign.align.model import SUPERSCRIPT_DIGITS, TO_ASCII_DIGITS, FootnoteRef, Kind, Paragraph
from resalign.align.patterns import lazy
from resalign.align.read.blocks import (
    EMPHASIS,
    SUPERSCRIPT_RUN,
    Block,
    is_open,
    join_text,
)

_HEADING = lazy(r"^(?P<numeral>[IVXLC]{1,7}|[A-Z])\.?(?:\s+(?P<title>\S.*))?$", re.DOTALL)
_MARKERS = lazy(rf"{SUPERSCRIPT_RUN}(?:,{SUPERSCRIPT_RUN})*")
_UNIT = lazy(r"\d\s?(?:[kcdm]?m|[кдсм]?м)\Z")
"""A number of metres (`300 km`, `5 м`): a ² or ³ after it is the unit's power."""
_FIRST_WORD = lazy(r"[^\W\d_][\w’'-]*")
_NEXT_WORD = lazy(r"\s+[^\W\d_]+")
_OP_JUMP = 5
"""An operative number more than this far past the last one is no paragraph number."""


def plain_text(text: str) -> str:
    """Text without emphasis marks, on one line; a non-breaking hyphen (U+2011, which the
    UN's adopted texts set in `COVID‑19` where the draft has `COVID-19`) is a hyphen: it
    says where a line may not break, not what the text says."""
    return " ".join(text.replace(EMPHASIS, "").replace("\u2011", "-").split())


class Draft:
    """A paragraph being assembled from one or more blocks: its `raw` text grows as blocks
    join it and `children` counts the sub-items found so far under it. (A plain class: a
    working value that lives inside one call, not one of the reader's results.)"""

    __slots__ = ("children", "key", "kind", "label", "parent", "raw")

    def __init__(
        self, kind: Kind, key: str, label: str | None, raw: str, parent: str | None = None
    ) -> None:
        self.kind, self.key, self.label, self.raw, self.parent = kind, key, label, raw, parent
        self.children = 0


def read_paragraphs(
    units: Sequence[Block],
    lang: Language,
    known: set[str],
    warnings: list[str],
    *,
    prefix: str = "",
    part: str | None = None,
) -> tuple[Paragraph, ...]:
    """The paragraphs of the body or of one annex, keyed in its own numbering."""
    drafts: list[Draft] = []
    preambular = operative = headings = romans = 0
    parent: Draft | None = None
    item: Draft | None = None
    """The last lettered sub-item of `parent`: roman items (`(i)`, `(ii)`) go under it."""
    dot = f"{prefix}." if prefix else ""
    for unit in units:
        text = unit.text
        previous = drafts[-1] if drafts else None
        if unit.continues and previous is not None:
            previous.raw = join_text(previous.raw, text)
            continue
        op = lang.operative.match(text)
        sub = lang.subitem.match(text)
        cut = previous is not None and bool(previous.raw.strip()) and is_open(previous.raw)
        roman = sub is not None and _is_roman(sub["letter"], romans, parent, lang)
        if sub and roman and parent is not None and not cut:
            romans += 1
            holder = item or parent
            key = f"{holder.key}({sub['letter']})"
            drafts.append(Draft("subitem", key, sub["label"], text[sub.end() :], holder.key))
            continue
        number = _number(op["number"]) if op else 0
        if op and operative < number <= operative + _OP_JUMP + (
            1000 if part and not operative else 0
        ):
            if number != operative + 1 and not (part and not operative):
                warnings.append(f"operative numbers jump from {operative} to {number}{_in(part)}")
            operative = number
            parent = Draft("operative", f"{dot}OP{operative}", op["label"], text[op.end() :])
            drafts.append(parent)
            item, romans = None, 0
        elif (
            sub
            and parent is not None
            and not cut
            and (index := _letter_index(sub["letter"], lang))
            in (parent.children, parent.children + 1)
        ):  # a letter after a paragraph cut off mid-sentence goes on with it (`l'article 5 a)`)
            if index != parent.children:
                warnings.append(f"{parent.key}: sub-item letters skip one before {sub['label']}")
            parent.children = index + 1
            key = f"{parent.key}({latin_letter(index)})"
            item = Draft("subitem", key, sub["label"], text[sub.end() :], parent.key)
            drafts.append(item)
            romans = 0
        elif previous is not None and _continues(previous, unit, lang):
            previous.raw = join_text(previous.raw, text)
        elif (heading := _heading(text, lang)) is not None:  # asked only here: it costs
            headings += 1
            drafts.append(Draft("heading", f"{dot}H{headings}", heading[0], heading[1]))
            parent = None
        elif operative and previous is not None:
            if op:
                warnings.append(
                    f"{previous.key}: the number {_shown(op['label'])} out of sequence was "
                    "read as part of its text"
                )
            else:
                warnings.append(
                    f"{previous.key}: a block without a number was joined to it "
                    f"({plain_text(text)[:40]!r})"
                )
            previous.raw = join_text(previous.raw, text)
        else:
            preambular += 1
            parent = Draft("preambular", f"{dot}PP{preambular}", None, text)
            drafts.append(parent)
            item, romans = None, 0
    return tuple(finish(draft, lang, known, part) for draft in drafts)


def _in(part: str | None) -> str:
    return f" in {part}" if part else ""


def _continues(previous: Draft, unit: Block, lang: Language) -> bool:
    """A block that goes on with the paragraph before it: that paragraph stopped short
    (no closing punctuation, or only its label so far) where a page could have cut it
    (not on the block's own page), or the block opens in lower case (after a page end or
    a footnote area, whatever the paragraph before ended with), or with a number that is
    no label (`2026, the International Year…` after `…Farmer,`): no paragraph opens with
    one."""
    text = unit.text
    opens = text.lstrip(EMPHASIS)[:1]
    lower = opens.islower() and not lang.lower_case_openings
    if previous.kind == "heading":  # a numeral alone, then its title; or a title that wraps
        return (not previous.raw and is_open(text) and len(text) < 250) or lower
    number = opens.isdecimal() and lang.operative.match(text) is None
    cut = is_open(previous.raw) and not unit.same_page
    return not previous.raw.strip() or cut or lower or number


def _heading(text: str, lang: Language) -> tuple[str, str] | None:
    """(numeral, title) of a section heading: `II` over `Capacity-building`, or
    `A. Title`; short, and ending as no paragraph does (without punctuation)."""
    plain = plain_text(text)
    match = _HEADING.match(plain)
    if match is None or len(plain) > 250:
        return None
    title = match["title"] or ""
    if title and not is_open(title):
        return None
    if not title and "\n" not in text and len(plain) > 7:
        return None
    return match["numeral"], title


def _letter_index(letter: str, lang: Language) -> int:
    """The position of a sub-item letter; a doubled one (`aa`, after `z`) comes after all
    the single ones. -1 for what is no letter of the language."""
    letters = list(lang.letters)
    if letter in letters:
        return letters.index(letter)
    if len(letter) == 2 and letter[0] == letter[1] and letter[0] in letters:
        return len(letters) + letters.index(letter[0])
    return -1


def latin_letter(index: int) -> str:
    """The Latin letter a sub-item at `index` is keyed with: `a` … `z`, then `aa` … `zz`."""
    count = len(LATIN_LETTERS)
    return LATIN_LETTERS[index] if index < count else LATIN_LETTERS[index - count] * 2


_ROMAN = {"i": 1, "v": 5, "x": 10}


def roman_value(numeral: str) -> int:
    """The value of a lower-case roman numeral up to 39 (`iv` is 4), 0 for what is none."""
    total = 0
    for char, following in zip(numeral, [*numeral[1:], ""], strict=False):
        value = _ROMAN.get(char)
        if value is None:
            return 0
        total += -value if _ROMAN.get(following, 0) > value else value
    return total if total < 40 and numeral == _roman(total) else 0


def _roman(value: int) -> str:
    tens, units = divmod(value, 10)
    ones = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"][units]
    return "x" * tens + ones if value > 0 else ""


def _is_roman(label: str, romans: int, parent: Draft | None, lang: Language) -> bool:
    """A roman item (`(i)`, `(ii)` under `(a)`) and not a letter: the next numeral of a
    roman list, where it is not the letter the list of `parent` expects next (`(i)` after
    `(h)`, `(ii)` after `(hh)`) or a roman list is already under way (`(v)` after `(iv)`)."""
    if parent is None or roman_value(label) != romans + 1:
        return False
    return romans > 0 or _letter_index(label, lang) not in (parent.children, parent.children + 1)


def finish(draft: Draft, lang: Language, known: set[str], part: str | None) -> Paragraph:
    text, refs = clean_text(draft.raw, lang, known)
    return Paragraph(
        key=draft.key,
        kind=draft.kind,
        label=draft.label,
        lead="" if draft.kind == "heading" else lead_words(draft.raw, lang),
        text=text,
        refs=refs,
        parent=draft.parent,
        part=part,
    )


def clean_text(raw: str, lang: Language, known: set[str]) -> tuple[str, tuple[FootnoteRef, ...]]:
    """Drop emphasis marks and footnote markers; record where each marker stood.

    Only numbers of footnotes the document has count as markers, and never the power of a
    unit (`300 km²`): those superscripts stay in the text.
    """
    text = plain_text(raw)
    patterns = [lang.inline_marker] if lang.inline_marker else []
    if any(digit in text for digit in SUPERSCRIPT_DIGITS):  # a seventh of the pattern's search
        patterns.insert(0, _MARKERS)
    if not patterns:
        return text, ()
    out: list[str] = []
    refs: list[FootnoteRef] = []
    position = 0
    for match in sorted((m for rx in patterns for m in rx.finditer(text)), key=lambda m: m.start()):
        if match.start() < position:
            continue
        numbers = re.findall(r"\d+", match.group().translate(TO_ASCII_DIGITS))
        if not numbers or not all(number in known for number in numbers):
            continue
        if match.group() in ("²", "³") and _UNIT.search(text, 0, match.start()):
            continue
        out.append(text[position : match.start()])
        offset = sum(map(len, out))
        refs.extend(FootnoteRef(f"FN{number}", offset) for number in numbers)
        position = match.end()
    out.append(text[position:])
    return "".join(out), tuple(refs)


def lead_words(raw: str, lang: Language) -> str:
    """The words a paragraph opens with: the italic span, else the language's lead phrase."""
    text = raw[:400].lstrip()
    if text.startswith(EMPHASIS) and (end := text.find(EMPHASIS, 1)) > 1:
        return plain_text(text[1:end])
    text = plain_text(text)
    lead = _lead_phrase(text, lang)
    if lead is None:
        if lang.script == "han":
            return ""
        match = _FIRST_WORD.match(text)
        if not match:
            return ""
        lead = match.group()
        if lead in lang.lead_particles and (follow := _NEXT_WORD.match(text, len(lead))):
            lead += follow.group()
    rest = text[len(lead) :].lstrip()
    for extender in lang.lead_extenders:
        if _starts_with_word(rest, extender, lang):
            return f"{lead} {rest[: len(extender)]}"
    return lead


def _lead_phrase(text: str, lang: Language) -> str | None:
    for phrase in _lead_phrases(lang).get(text[:1].lower(), ()):
        if _starts_with_word(text, phrase, lang):
            return text[: len(phrase)]
    return None


@cache
def _lead_phrases(lang: Language) -> dict[str, tuple[str, ...]]:
    """A language's lead phrases by their first letter in lower case, longest first (looked
    up: one pattern of them all was compiled at every start)."""
    phrases: dict[str, tuple[str, ...]] = {}
    for phrase in sorted(lang.lead_phrases, key=len, reverse=True):
        key = phrase[:1].lower()
        phrases[key] = (*phrases.get(key, ()), phrase)
    return phrases


def _starts_with_word(text: str, prefix: str, lang: Language) -> bool:
    """`text` opens with `prefix` (any case) as whole words; Chinese has no word breaks."""
    if text[: len(prefix)].lower() != prefix.lower():
        return False
    return lang.script == "han" or not text[len(prefix) : len(prefix) + 1].isalnum()


def _number(digits: str) -> int:
    """A label's number, of any length; one too long to be in any sequence (and for `int`
    to read: Python refuses over 4,300 digits) reads as the largest number."""
    return int(digits) if len(digits) < 19 else sys.maxsize


def _shown(label: str) -> str:
    """A label as a one-line warning quotes it: a hostile 5,000-digit one cut short."""
    return label if len(label) <= 12 else f"{label[:12]}…"
