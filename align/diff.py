"""Word-level diffs: the only module that talks to diff-match-patch.

It runs Google's C++ build of diff-match-patch (`fast-diff-match-patch`): the same
algorithm as the Python one, with the same diffs (a test holds the two equal on every
paragraph pair of the seeds) at a twelfth of the time. Where that build cannot be loaded,
the Python one does the work.

A diff is plain data: a tuple of `Span(op, text)` with op `DELETE` (-1), `EQUAL` (0) or
`INSERT` (1), the convention of diff-match-patch. The texts are cut into tokens — words,
numbers, single punctuation marks, runs of spaces; in Chinese, Japanese-style scripts
each character — and each distinct token is mapped to one character, so that
diff-match-patch diffs tokens and its semantic clean-up works on whole words
(`diff_linesToChars` with words instead of lines). Joining the EQUAL and DELETE spans
gives the left text back exactly; EQUAL and INSERT give the right text.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from resalign.align.patterns import lazy, reaches
from resalign.align.pickling import by_fields

DELETE, EQUAL, INSERT = -1, 0, 1
_SYMBOLS = (
    r"[A-Z]{1,3}(?:/[A-Za-z0-9]+(?:\.[A-Za-z0-9]+)*)+"  # a document symbol: A/72/440
    r"|\d+(?:/\d+)+"  # a resolution number: 64/293
)
_CJK = r"|[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff]"  # one CJK character
_PLAIN = (
    r"|\d+(?:[.,]\d+)+(?![^\W_])"  # a number with its decimal point or separators: 3.3, 1,500
    r"|[^\W_]+(?:[’'-][^\W_]+)*"  # a word or number, with inner apostrophes and hyphens
)
_REST = r"|\s+|."  # a run of white space; any other single character (punctuation, symbols)
FIRST_CJK = "\u3040"
"""Text whose characters all come before this has no CJK character: its patterns leave the
CJK class out, which is slow to compile (a text with one is tokenized the same way, by
the patterns that have it)."""
TOKEN = lazy(_SYMBOLS + _PLAIN + _REST, re.DOTALL)
TOKEN_CJK = lazy(_SYMBOLS + _CJK + _PLAIN + _REST, re.DOTALL)
WORDS = lazy(_SYMBOLS + _PLAIN)
WORDS_CJK = lazy(_SYMBOLS + _CJK + _PLAIN)


_WORDS_ALONE = lazy(_PLAIN[1:])
_WORDS_ALONE_CJK = lazy(_CJK[1:] + _PLAIN)


def words(text: str) -> list[str]:
    """The words of a text, as the diff counts them."""
    return (WORDS_CJK if reaches(text, FIRST_CJK) else WORDS).findall(text)


def word_count(text: str) -> int:
    """`len(words(text))`. Every symbol has a `/`: without one, the patterns without the
    symbols' alternatives find the same words faster (the review UI counts every pair's
    words before its first screen)."""
    if "/" in text:
        return len(words(text))
    return len((_WORDS_ALONE_CJK if reaches(text, FIRST_CJK) else _WORDS_ALONE).findall(text))


_FIRST_CODE = 0xE000  # token codes start in the private use area, far from real text


@by_fields
@dataclass(frozen=True, slots=True)
class Span:
    """A stretch of a word diff: text both sides have (`EQUAL`), or only one (`INSERT`,
    `DELETE`)."""

    op: int
    text: str


@by_fields
@dataclass(frozen=True, slots=True)
class DiffStats:
    """Word counts of a diff: what was added, removed and kept."""

    added: int
    removed: int
    unchanged: int

    @property
    def similarity(self) -> float:
        """Share of words kept, 0-1 (Dice: twice the kept words over both sides' words)."""
        total = 2 * self.unchanged + self.added + self.removed
        return 2 * self.unchanged / total if total else 1.0

    def __add__(self, other: DiffStats) -> DiffStats:
        return DiffStats(
            self.added + other.added,
            self.removed + other.removed,
            self.unchanged + other.unchanged,
        )


def tokens(text: str) -> list[str]:
    return (TOKEN_CJK if reaches(text, FIRST_CJK) else TOKEN).findall(text)


def word_diff(left: str, right: str) -> tuple[Span, ...]:
    """The word-level diff that turns `left` into `right`."""
    vocabulary: dict[str, str] = {}
    table: list[str] = []

    def encode(text: str) -> str:
        codes = []
        for token in tokens(text):
            code = vocabulary.get(token)
            if code is None:
                code = _code(len(table))
                vocabulary[token] = code
                table.append(token)
            codes.append(code)
        return "".join(codes)

    diffs = _semantic_diff(encode(left), encode(right))
    spans = [Span(op, "".join(table[_index(c)] for c in codes)) for op, codes in diffs]
    return tuple(span for span in spans if span.text)


TIMEOUT = 5.0
"""A time limit lets diff-match-patch try its half-match speed-up first (it skips it when
time is unlimited); token strings of a paragraph never come near the limit."""
_OPS = {"-": DELETE, "=": EQUAL, "+": INSERT}


def _semantic_diff(left: str, right: str) -> list[tuple[int, str]]:
    """diff-match-patch's diff of two strings after its semantic clean-up, as (op, text)."""
    fast = _fast_engine()
    if fast is None:
        return _python_semantic_diff(left, right)
    ops = fast(left, right, timelimit=TIMEOUT, cleanup="Semantic", counts_only=False)
    return [(_OPS[op], text) for op, text in ops]


@cache
def _fast_engine() -> Callable[..., list[tuple[str, str]]] | None:
    try:
        from fast_diff_match_patch import diff
    except ImportError:
        return None
    engine: Callable[..., list[tuple[str, str]]] = diff
    return engine


def _python_semantic_diff(left: str, right: str) -> list[tuple[int, str]]:
    """The same diff by the Python build of diff-match-patch."""
    from diff_match_patch import diff_match_patch

    engine = diff_match_patch()
    engine.Diff_Timeout = TIMEOUT
    diffs: list[tuple[int, str]] = engine.diff_main(left, right, False)
    engine.diff_cleanupSemantic(diffs)
    return diffs


def _code(index: int) -> str:
    code = _FIRST_CODE + index
    if code >= 0xF900:  # past the private use area: continue in the supplementary planes
        code = 0xF0000 + (index - (0xF900 - _FIRST_CODE))
    return chr(code)


def _index(char: str) -> int:
    code = ord(char)
    return code - _FIRST_CODE if code < 0xF0000 else code - 0xF0000 + (0xF900 - _FIRST_CODE)


def side(spans: tuple[Span, ...], which: str) -> str:
    """Rebuild one side of a diff: `left` (EQUAL and DELETE) or `right` (EQUAL and INSERT)."""
    keep = DELETE if which == "left" else INSERT
    return "".join(span.text for span in spans if span.op in (EQUAL, keep))


def stats(spans: tuple[Span, ...]) -> DiffStats:
    counts = {DELETE: 0, EQUAL: 0, INSERT: 0}
    for span in spans:
        counts[span.op] += word_count(span.text)
    return DiffStats(counts[INSERT], counts[DELETE], counts[EQUAL])
