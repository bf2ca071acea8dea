"""Carrying the Spanish 72/195 forward into a modeled next English version (known edits,
see tests/carry_fixtures.py): every unit's status, text, label and footnote calls."""

from __future__ import annotations

import pytest

from resalign.align import Document
from resalign.align.carry import Carry, carry
from resalign.align.diff import WORDS
from resalign.align.errors import UsageError
from resalign.align.languages import language
from resalign.align.read import parse_text
from resalign.align.values import Replacement, replaced, value_changes
from tests.carry_fixtures import NEW_FOOTNOTE, NEW_OPERATIVE, NEW_PREAMBULAR, modeled_new_english
from tests.conftest import SEEDS


@pytest.fixture(scope="session")
def new_en() -> Document:
    text = (SEEDS / "A_RES_72_195.en.txt").read_text(encoding="utf-8")
    return parse_text(modeled_new_english(text), source="A_RES_74_176.en.txt")


@pytest.fixture(scope="session")
def carried(en: Document, es: Document, new_en: Document) -> Carry:
    return carry(en, es, new_en)


def test_the_modeled_version_reads_as_designed(new_en: Document) -> None:
    assert (new_en.symbol, new_en.session, new_en.adopted, new_en.report) == (
        "A/RES/74/176",
        74,
        "2019-12-18",
        "A/74/400",
    )
    assert (new_en.count("preambular"), new_en.count("operative"), len(new_en.footnotes)) == (
        35,
        22,
        15,
    )
    assert new_en.warnings == ()


def test_every_unit_of_the_new_text_in_its_order(carried: Carry, new_en: Document) -> None:
    keys = [unit.key for unit in carried.units]
    paragraphs = [p.key for p in new_en.paragraphs]
    footnotes = [f.key for f in new_en.footnotes]
    header = ["SYMBOL", "SESSION", "AGENDA", "REPORT", "ADOPTED", "TITLE", "OPENING"]
    assert keys == [*header, *paragraphs, *footnotes, "CLOSING"]


def test_what_each_unit_became(carried: Carry) -> None:
    flagged = {unit.key: unit.status for unit in carried.units if unit.status != "exact"}
    assert flagged == {
        "SYMBOL": "auto-updated",
        "SESSION": "auto-updated",  # written in words in the header too
        "REPORT": "auto-updated",
        "ADOPTED": "auto-updated",
        "PP9": "fuzzy",
        "PP12": "new",
        "OP3": "new",
        "OP9": "fuzzy",
        "OP21": "auto-updated",
        "FN8": "new",
        "CLOSING": "auto-updated",
    }
    assert carried.counts() == {"exact": 72, "new": 3, "fuzzy": 2, "auto-updated": 2}
    assert [(d.key, d.source[:20]) for d in carried.dropped] == [("OP19", "Notes the second con")]


def test_exact_units_carry_the_old_translation_under_the_new_key(
    carried: Carry, es: Document
) -> None:
    renumbered = carried.unit("OP4")
    assert (renumbered.old_keys, renumbered.label, renumbered.status) == (("OP3",), "4.", "exact")
    assert renumbered.target == es.paragraph("OP3").text
    assert renumbered.reasons == ("renumbered OP3 → OP4",)
    shifted = carried.unit("PP13")  # PP12 of last year, after the inserted paragraph
    assert shifted.target == es.paragraph("PP12").text
    assert [call.key for call in shifted.target_calls] == ["FN9"]  # FN8 last year
    assert [call.offset for call in shifted.target_calls] == [
        ref.offset for ref in es.paragraph("PP12").refs
    ]
    assert carried.unit("PP8(c)").label == "c)"
    assert carried.unit("FN9").target == es.footnote("FN8").text
    assert carried.unit("TITLE").target == es.title
    assert carried.dropped[0].target == es.paragraph("OP19").text


def test_a_changed_year_is_written_into_the_translation(carried: Carry, es: Document) -> None:
    unit = carried.unit("OP21")
    assert unit.replacements == (Replacement("year", "2018", "2020"),)
    assert unit.target == es.paragraph("OP21").text.replace("en 2018", "en 2020")
    closing = carried.unit("CLOSING")
    assert closing.target == es.closing.replace(
        "19 de diciembre de 2017", "18 de diciembre de 2019"
    )


def test_reworded_units_keep_the_old_translation_with_the_source_diff(
    carried: Carry, es: Document
) -> None:
    unit = carried.unit("OP9")
    assert unit.target == es.paragraph("OP8").text
    assert [span.text for span in unit.changes if span.op == 1] == ["continue to "]
    assert unit.reasons == ("reworded", "renumbered OP8 → OP9")
    assert unit.match == 98
    assert carried.unit("PP9").target == es.paragraph("PP9").text


def test_new_units_are_empty_unless_the_source_fills_them(
    en: Document, es: Document, new_en: Document, carried: Carry
) -> None:
    assert carried.unit("OP3").target == ""
    assert carried.unit("OP3").label == "3."
    filled = carry(en, es, new_en, fill="source")
    assert filled.unit("OP3").target == NEW_OPERATIVE.replace("*", "")
    assert [call.key for call in filled.unit("PP12").target_calls] == ["FN8"]


def test_header_facts_and_lines_rewritten(carried: Carry) -> None:
    """The session in words too (`num2words`): nothing left to update by hand."""
    assert (carried.unit("SESSION").status, carried.unit("SESSION").reasons) == (
        "auto-updated",
        (),
    )
    assert carried.header_lines == (
        "Septuagésimo cuarto período de sesiones",
        "Tema 107 del programa",
        "Resolución aprobada por la Asamblea General el 18 de diciembre de 2019",
        "[sobre la base del informe de la Tercera Comisión (A/74/400)]",
    )


def test_words_left_to_translate(carried: Carry) -> None:
    new_words = sum(
        len(WORDS.findall(text.replace("*", "").strip("⁸ ")))
        for text in (NEW_PREAMBULAR, NEW_OPERATIVE, NEW_FOOTNOTE)
    )
    assert carried.words()["new"] == new_words
    changed = carried.unit("PP9").changed_words + carried.unit("OP9").changed_words
    assert changed == 2 + 6  # `continue to`; `and 72/195 of 19 December 2017`
    assert carried.to_translate == new_words + changed


def test_carrying_a_text_into_itself_is_all_exact(en: Document, es: Document) -> None:
    same = carry(en, es, en)
    assert set(same.counts()) == {"exact"}
    assert same.dropped == ()
    assert all(unit.target for unit in same.units)


def test_the_languages_must_fit(en: Document, es: Document) -> None:
    with pytest.raises(UsageError, match="one language"):
        carry(en, es, es)
    with pytest.raises(UsageError, match="give its translation"):
        carry(en, en, en)


@pytest.mark.parametrize(
    ("code", "translation", "expected"),
    [
        (
            "es",
            "el 19 de diciembre de 2017 y el 27 y 28 de mayo de 2017",
            "el 20 de enero de 2019 y el 2 y 3 de junio de 2019",
        ),
        (
            "fr",
            "le 19 décembre 2017 et les 27 et 28 mai 2017",
            "le 20 janvier 2019 et les 2 et 3 juin 2019",
        ),
        (
            "ru",
            "19 декабря 2017 года и 27 и 28 мая 2017 года",
            "20 января 2019 года и 2 и 3 июня 2019 года",
        ),
        ("zh", "2017年12月19日以及2017年5月27日和28日", "2019年1月20日以及2019年6月2日和3日"),
        ("ar", "١٩ كانون الأول/ديسمبر ٢٠١٧", "٢٠ كانون الثاني/يناير ٢٠١٩"),
    ],
)
def test_dates_are_rewritten_in_each_language(code: str, translation: str, expected: str) -> None:
    en = language("en")
    old = "on 19 December 2017 and on 27 and 28 May 2017"
    new = "on 20 January 2019 and on 2 and 3 June 2019"
    changes = value_changes(old, new, en)
    assert changes is not None
    if code == "ar":  # one date only
        changes = value_changes("on 19 December 2017", "on 20 January 2019", en)
        assert changes is not None
    written = replaced(translation, (), language(code), changes)
    assert written == (expected, ())


def test_numbers_keep_their_separators() -> None:
    changes = value_changes(
        "30,000 victims and 12.5 per cent", "45,500 victims and 13.5 per cent", language("en")
    )
    assert changes is not None
    written = replaced("30\u00a0000 víctimas y el 12,5 %", (), language("es"), changes)
    assert written == ("45\u00a0500 víctimas y el 13,5 %", ())


def test_words_changed_too_means_no_auto_update() -> None:
    en = language("en")
    assert value_changes("in 2017 welcomes", "in 2019 notes", en) is None
    assert value_changes("in 2017 and 2017", "in 2019 and 2017", en) is None  # which one?
    assert value_changes("in 2017", "in 2017", en) is not None


def test_a_translation_that_does_not_show_the_value_is_left_alone() -> None:
    changes = value_changes("in 2017", "in 2019", language("en"))
    assert changes is not None
    assert replaced("este año", (), language("es"), changes) is None


def _moved_and_reworded(en: Document, key: str, share: float, seed: int) -> Document:
    """The English with paragraph `key` moved after PP25 and `share` of its words (but
    the first) replaced: past what the aligner pairs."""
    import random
    from dataclasses import replace

    rng = random.Random(seed)
    paragraphs = list(en.paragraphs)
    moved = next(p for p in paragraphs if p.key == key)
    words = moved.text.split()
    for spot in rng.sample(range(1, len(words)), int(len(words) * share)):
        words[spot] = rng.choice(["migrants", "oceans", "climate", "finance", "cooperation"])
    paragraphs.remove(moved)
    at = next(i for i, p in enumerate(paragraphs) if p.key == "PP26")
    paragraphs.insert(at, replace(moved, text=" ".join(words), refs=()))
    number = 0
    for index, paragraph in enumerate(paragraphs):
        if paragraph.kind == "preambular":
            number += 1
            paragraphs[index] = replace(paragraph, key=f"PP{number}")
    return replace(en, paragraphs=tuple(paragraphs))


def test_an_unpaired_unit_is_offered_the_translation_it_is_most_like(
    en: Document, es: Document
) -> None:
    """PP4 moved after PP25 and half reworded: the aligner pairs it with nothing, but its
    words are 53 % last year's PP4, whose Spanish is offered as a fuzzy match; PP4 is no
    longer listed as gone from the new text."""
    from resalign.align import align

    new = _moved_and_reworded(en, "PP4", 0.48, seed=3)
    unpaired = [p for p in align(en, new).body if not p.rights or not p.lefts]
    assert {(p.lefts, p.rights) for p in unpaired} == {(("PP4",), ()), ((), ("PP25",))}
    carried = carry(en, es, new)
    unit = carried.unit("PP25")
    assert (unit.status, unit.match, unit.old_keys) == ("fuzzy", 53, ("PP4",))
    assert unit.target == es.paragraph("PP4").text
    assert "offered: 53 % like PP4, which no new unit was paired with" in unit.reasons
    assert carried.dropped == ()


def test_nothing_is_offered_below_half_the_words(en: Document, es: Document) -> None:
    carried = carry(en, es, _moved_and_reworded(en, "PP4", 0.48, seed=2))
    assert (carried.unit("PP25").status, carried.unit("PP25").target) == ("new", "")
    assert [unit.key for unit in carried.dropped] == ["PP4"]


def test_a_paired_unit_takes_in_the_neighbour_merged_into_it(en: Document, es: Document) -> None:
    """Hand-made: old OP15 and OP16 merged into one new paragraph, the alignment pairing
    it with OP16 alone and leaving OP15 unpaired: OP15 is taken in (merged); a text that
    does not hold OP15 leaves the pair as it was."""
    from dataclasses import replace

    from resalign.align.alignment import Pair
    from resalign.align.carry import _Context, _widened
    from resalign.align.units import Unit

    new = en  # the context's documents; the units below are what is being carried
    context = replace(_Context.of(en, es, new, "empty"), unpaired=frozenset({"OP15"}))
    op15, op16 = en.paragraph("OP15").text, en.paragraph("OP16").text
    pair = Pair(("OP16",), ("OP15",), "changed", 0.5, "content")
    merged = Unit("OP15", "operative", f"{op15.rstrip(';')}, and {op16}", ())
    widened = _widened(pair, merged, context)
    assert (widened.lefts, widened.status) == (("OP15", "OP16"), "merged")
    assert widened.note == "merged: also drew on OP15, which no new unit was paired with"
    alone = Unit("OP15", "operative", f"{op16} Decides to remain seized of the matter;", ())
    assert _widened(pair, alone, context) is pair


def test_a_footnote_call_moved_in_unchanged_words_is_no_exact_match(
    en: Document, es: Document
) -> None:
    """PP4's words stay but its call to FN1 moves from `Development,` to `adoption`: the
    old translation's call would stand after the wrong word, so the unit is fuzzy and
    says why."""
    from dataclasses import replace

    from resalign.align.model import FootnoteRef

    pp4 = en.paragraph("PP4")
    at = pp4.text.index(" of the 2030")
    moved = replace(pp4, refs=(FootnoteRef("FN1", at),))
    new = replace(en, paragraphs=tuple(moved if p.key == "PP4" else p for p in en.paragraphs))
    unit = carry(en, es, new).unit("PP4")
    assert unit.status == "fuzzy"
    assert (
        "footnote calls: PP4 cited FN1 after “Development,”, PP4 cites FN1 after “adoption”"
        in unit.reasons
    )
    assert carry(en, es, en).unit("PP4").status == "exact"
