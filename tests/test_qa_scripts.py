"""Translation QA in every script: numbers next to Han characters, Arabic-Indic digits and
Cyrillic, date ranges in each language's form, and a mistyped symbol as a symbol finding."""

from __future__ import annotations

import pytest

from resalign.align import Document, align, parse_text
from resalign.align.dates import find_dates
from resalign.align.invariants import invariants
from resalign.align.languages import language
from tests.test_read_languages import CORPUS

RECALLING = {
    "en": "Recalling the report of the Human Rights Council, Supplement No. 53 (A/72/53), and "
    "the high-level meetings held on 27 and 28 September 2017 and from 12 to 19 May 2017,",
    "es": "Recordando el informe del Consejo de Derechos Humanos, Suplemento núm. 53 "
    "(A/72/53), y las reuniones de alto nivel celebradas los días 27 y 28 de septiembre de "
    "2017 y del 12 al 19 de mayo de 2017,",
    "fr": "Rappelant le rapport du Conseil des droits de l’homme, Supplément no 53 (A/72/53), "
    "et les réunions de haut niveau tenues les 27 et 28 septembre 2017 et du 12 au 19 mai 2017,",
    "ru": "ссылаясь на доклад Совета по правам человека, Дополнение № 53 (A/72/53), и "
    "совещания высокого уровня, состоявшиеся 27 и 28 сентября 2017 года и с 12 по 19 мая "
    "2017 года,",
    "ar": "وإذ تشير إلى تقرير مجلس حقوق الإنسان، الملحق رقم 53 (A/72/53)، والاجتماعين "
    "الرفيعي المستوى المعقودين يومي 27 و 28 أيلول/سبتمبر 2017 ومن 12 إلى 19 أيار/مايو 2017،",
    "zh": "回顾人权理事会的报告(补编第53号(A/72/53))以及2017年9月27日和28日和2017年5月12日至19日"
    "举行的高级别会议，",
}
EXPECTED = {
    "date": ("2017-05-12", "2017-05-19", "2017-09-27", "2017-09-28"),
    "symbol": ("A/72/53",),
    "number": ("53",),
}


def with_recalling(lang: str, digits: str = "0123456789") -> Document:
    """The corpus resolution in `lang` with the paragraph above as its first preambular
    paragraph (digits written with `digits`: Arabic-Indic for Arabic's other form)."""
    case = next(c for c in CORPUS if c.lang == lang)
    first = parse_text(case.text).paragraph("PP1").text
    paragraph = RECALLING[lang].translate(str.maketrans("0123456789", digits))
    at = case.text.index(first[:12])
    return parse_text(case.text[:at] + paragraph + "\n\n" + case.text[at:])


@pytest.mark.parametrize("lang", sorted(RECALLING))
def test_every_language_reads_the_same_invariants(lang: str) -> None:
    found = invariants(RECALLING[lang], language(lang))
    assert (found.dates, found.symbols, found.numbers, found.years) == (
        EXPECTED["date"],
        EXPECTED["symbol"],
        EXPECTED["number"],
        (),
    )


def test_arabic_indic_digits_read_as_digits() -> None:
    paragraph = RECALLING["ar"].translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    found = invariants(paragraph, language("ar"))
    assert (found.dates, found.numbers) == (EXPECTED["date"], EXPECTED["number"])


@pytest.mark.parametrize(
    ("lang", "text", "days"),
    [
        ("zh", "2017年9月27日和28日", ["2017-09-27", "2017-09-28"]),
        ("zh", "2017年5月12日至19日", ["2017-05-12", "2017-05-19"]),
        ("en", "12, 13 and 14 May 2017", ["2017-05-12", "2017-05-13", "2017-05-14"]),
        ("es", "del 30 de junio al 2 de julio de 2017", ["2017-07-02"]),
        ("ru", "с 12 по 19 мая 2017 года", ["2017-05-12", "2017-05-19"]),
        ("fr", "les 30 et 31 février 2017", []),  # no such days: no dates
    ],
)
def test_date_ranges(lang: str, text: str, days: list[str]) -> None:
    assert [d.iso for d in find_dates(text, language(lang))] == days


def test_chinese_ordinals_stay_out_numbers_stay_in() -> None:
    found = invariants("第73次全体会议，第29号一般性意见，第70/1号决议", language("zh"))
    assert (found.numbers, found.symbols) == (("29",), ("70/1",))


@pytest.mark.parametrize("lang", ["es", "fr", "ru", "ar", "zh"])
def test_no_false_findings_against_english(lang: str) -> None:
    alignment = align(with_recalling("en"), with_recalling(lang))
    assert alignment.mode == "language"
    assert alignment.findings == ()


def test_no_false_findings_with_arabic_indic_digits() -> None:
    arabic = with_recalling("ar", digits="٠١٢٣٤٥٦٧٨٩")
    assert align(with_recalling("en"), arabic).findings == ()


def test_a_mistyped_symbol_in_a_footnote_is_a_symbol_finding() -> None:
    english = with_recalling("en")
    case = next(c for c in CORPUS if c.lang == "zh")
    mistyped = parse_text(case.text.replace("¹ 第70/1号决议。", "¹ 第70/2号决议。"))
    alignment = align(english, mistyped)
    (pair,) = alignment.pair_for(left="FN1")
    assert (pair.right, pair.status, pair.method) == ("FN1", "paired", "number")
    assert [(f.kind, f.left_values, f.right_values) for f in pair.findings] == [
        ("symbol", ("70/1",), ("70/2",))
    ]
