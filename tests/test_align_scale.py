"""What keeps version mode linear in the length of the documents: the candidate pairs it
scores per paragraph are bounded (a band along the unchanged paragraphs' path, and at most
`PER_UNIT` rare-token partners), however long the documents; and the band follows the
drift that insertions and deletions make, so a long document still pairs in place."""

from __future__ import annotations

import itertools
import re
from collections import Counter

from bench.synthetic import synthetic_pair
from resalign.align import align, parse_text
from resalign.align.chain import heaviest_chain
from resalign.align.patterns import lazy
from resalign.align.similarity import Weighted, tokenize
from resalign.align.units import paragraph_units
from resalign.align.version import BAND, PER_UNIT, _candidates, _path, _twins


def most_candidates(size: int) -> int:
    """The most candidate pairs any left paragraph has, on a synthetic pair of `size`."""
    left, right = (paragraph_units(parse_text(text)) for text in synthetic_pair(size))
    weighted = Weighted.build([tokenize(u.text) for u in left], [tokenize(u.text) for u in right])
    return max(Counter(i for i, _ in _candidates(left, right, weighted)).values())


def test_candidates_per_paragraph_are_bounded() -> None:
    assert most_candidates(500) <= 2 * BAND + 1 + PER_UNIT
    assert most_candidates(5000) <= 2 * BAND + 1 + PER_UNIT


def test_the_band_follows_insertions_and_deletions() -> None:
    """Fifty operative paragraphs inserted at the start of a thousand: the path moves by
    fifty (the diagonal would be off by up to 48) and every old paragraph pairs in place."""
    head = "72/195. A title\n\nThe General Assembly,\n\n"
    items = [f"Decides item {n} of the agenda;" for n in range(1, 1001)]
    inserted = [f"Notes new point {n};" for n in range(1, 51)]
    old = parse_text(head + "\n\n".join(f"{n}. {t}" for n, t in enumerate(items, 1)))
    new = parse_text(head + "\n\n".join(f"{n}. {t}" for n, t in enumerate(inserted + items, 1)))
    old_units, new_units = paragraph_units(old), paragraph_units(new)
    anchors = dict(
        heaviest_chain(((i, j, 1.0) for i, j in _twins(old_units, new_units).items()), 1050)
    )
    path = _path(anchors, 1000, 1050)
    assert (path[10], path[900]) == (60, 950)
    alignment = align(old, new)
    assert alignment.status_counts() == {"same": 1000, "added": 50}
    assert alignment.pair_for(left="OP900")[0].rights == ("OP950",)


def test_a_paragraph_moved_as_it_was_is_found_however_common_its_words() -> None:
    """Three hundred paragraphs of five words out of twenty, each word in a quarter of
    them (no token is rare): the one moved from 11th to 281st is found by its text."""
    words = [letter * 3 for letter in "abcdefghijklmnopqrst"]
    items = [" ".join(c) + ";" for c in itertools.islice(itertools.combinations(words, 5), 300)]
    moved = items[:10] + items[11:281] + [items[10]] + items[281:]
    head = "72/195. A title\n\nThe General Assembly,\n\n"
    old, new = (
        parse_text(head + "\n\n".join(f"{n}. Decides {t}" for n, t in enumerate(texts, 1)))
        for texts in (items, moved)
    )
    alignment = align(old, new)
    assert alignment.status_counts() == {"same": 299, "moved": 1}
    assert alignment.pair_for(left="OP11")[0].rights == ("OP281",)


def test_a_lazy_pattern_is_a_pattern() -> None:
    pattern = lazy(r"^(?P<number>\d+)\.", re.IGNORECASE)
    assert pattern.pattern == r"^(?P<number>\d+)\."
    assert pattern.match("12. Decides")["number"] == "12"
    assert [m["number"] for m in pattern.finditer("3. x")] == ["3"]
    assert pattern.groupindex == {"number": 1}
    assert pattern.sub("", "4. y") == " y"
