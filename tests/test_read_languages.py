"""Hand-made resolutions in each official language: labels, numbering, leads, markers.

One table drives the test: each entry is a small but complete resolution as text
extracted from a PDF of that language would read, and the structure it must give.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from hypothesis import given
from hypothesis import strategies as st

from resalign.align import parse_text
from resalign.align.languages import language


@dataclass(frozen=True)
class Case:
    lang: str
    text: str
    keys: list[str]
    labels: dict[str, str | None]
    leads: dict[str, str]
    citations: dict[str, tuple[str, ...]]
    header: tuple[str | None, str | None, str | None]
    """(agenda item, adoption date, report)"""


CORPUS = [
    Case(
        "es",
        """Septuagésimo segundo período de sesiones
Tema 107 del programa

Resolución aprobada por la Asamblea General el 19 de diciembre de 2017

[sobre la base del informe de la Tercera Comisión (A/72/440)]

72/195. Medidas para mejorar la coordinación

La Asamblea General,

Reiterando su enérgica condena de la trata de personas¹,

Reafirmando que el Plan de Acción Mundial se elaboró para:

a) Promover la ratificación universal,

b) Ayudar a los Estados Miembros,

1. *Insta* a los Estados Miembros a que ratifiquen la Convención¹;

2. *Solicita* al Secretario General que le presente un informe.

¹ Resolución 70/1.

*73ª sesión plenaria
19 de diciembre de 2017*
""",
        ["PP1", "PP2", "PP2(a)", "PP2(b)", "OP1", "OP2"],
        {"PP1": None, "PP2(a)": "a)", "OP1": "1.", "OP2": "2."},
        {"PP1": "Reiterando", "OP1": "Insta", "OP2": "Solicita"},
        {"PP1": ("FN1",), "OP1": ("FN1",)},
        ("107", "2017-12-19", "A/72/440"),
    ),
    Case(
        "en",
        """Seventy-second session
Agenda item 107

Resolution adopted by the General Assembly on 19 December 2017

[on the report of the Third Committee (A/72/440)]

72/195. Improving the coordination of efforts against trafficking in persons

The General Assembly,

Recalling also the United Nations Convention against Transnational Organized Crime,¹

Reaffirming that the Global Plan of Action was developed:

(a) To promote universal ratification,

(b) To help Member States,

1. *Also urges* Member States to ratify the Convention;¹

2. *Requests* the Secretary-General to submit a report.

¹ Resolution 70/1.

*73rd plenary meeting
19 December 2017*
""",
        ["PP1", "PP2", "PP2(a)", "PP2(b)", "OP1", "OP2"],
        {"PP2(a)": "(a)", "PP2(b)": "(b)", "OP1": "1."},
        {"PP1": "Recalling also", "PP2": "Reaffirming", "OP1": "Also urges"},
        {"PP1": ("FN1",), "OP1": ("FN1",)},
        ("107", "2017-12-19", "A/72/440"),
    ),
    Case(
        "fr",
        """Soixante-douzième session
Point 107 de l’ordre du jour

Résolution adoptée par l’Assemblée générale le 19 décembre 2017

[sur la base du rapport de la Troisième Commission (A/72/440)]

72/195. Amélioration de la coordination de la lutte contre la traite des personnes

L’Assemblée générale,

Prenant note avec satisfaction du rapport du Secrétaire général¹,

Rappelant que le Plan d’action mondial a été élaboré pour :

a) Promouvoir la ratification universelle,

b) Aider les États Membres,

1. *Exhorte* les États Membres à ratifier la Convention¹ ;

2. *Prie* le Secrétaire général de lui présenter un rapport.

¹ Résolution 70/1.

*73e séance plénière
19 décembre 2017*
""",
        ["PP1", "PP2", "PP2(a)", "PP2(b)", "OP1", "OP2"],
        {"PP2(a)": "a)", "OP2": "2."},
        {"PP1": "Prenant note avec satisfaction", "PP2": "Rappelant", "OP1": "Exhorte"},
        {"PP1": ("FN1",), "OP1": ("FN1",)},
        ("107", "2017-12-19", "A/72/440"),
    ),
    Case(
        "ru",
        """Семьдесят вторая сессия
Пункт 107 повестки дня

Резолюция, принятая Генеральной Ассамблеей 19 декабря 2017 года

[по докладу Третьего комитета (A/72/440)]

72/195. Активизация координации усилий по борьбе с торговлей людьми

Генеральная Ассамблея,

вновь подтверждая свое решительное осуждение торговли людьми¹,

ссылаясь на то, что Глобальный план действий был разработан для того, чтобы:

а) содействовать всеобщей ратификации,

б) оказывать помощь государствам-членам,

1. *настоятельно призывает* государства-члены ратифицировать Конвенцию¹;

2. просит Генерального секретаря представить доклад.

¹ Резолюция 70/1.

*73-е пленарное заседание
19 декабря 2017 года*
""",
        ["PP1", "PP2", "PP2(a)", "PP2(b)", "OP1", "OP2"],
        {"PP2(a)": "а)", "PP2(b)": "б)", "OP1": "1."},
        {"PP1": "вновь подтверждая", "OP1": "настоятельно призывает", "OP2": "просит"},
        {"PP1": ("FN1",), "OP1": ("FN1",)},
        ("107", "2017-12-19", "A/72/440"),
    ),
    Case(
        "ar",
        """الدورة الثانية والسبعون
البند 107 من جدول الأعمال

قرار اتخذته الجمعية العامة في 19 كانون الأول/ديسمبر 2017

[بناء على تقرير اللجنة الثالثة (A/72/440)]

72/195 - تحسين تنسيق الجهود المبذولة لمكافحة الاتجار بالأشخاص

إن الجمعية العامة،

إذ تعيد تأكيد إدانتها الشديدة للاتجار بالأشخاص(1)،

وإذ تشير إلى أن خطة العمل العالمية وضعت من أجل ما يلي:

(أ) تعزيز التصديق العالمي،

(ب) مساعدة الدول الأعضاء،

1 - تحث الدول الأعضاء على التصديق على الاتفاقية(1)؛

2 - تطلب إلى الأمين العام أن يقدم تقريرا.

(1) القرار 70/1.

الجلسة العامة 73
19 كانون الأول/ديسمبر 2017
""",
        ["PP1", "PP2", "PP2(a)", "PP2(b)", "OP1", "OP2"],
        {"PP2(a)": "(أ)", "PP2(b)": "(ب)", "OP1": "1 -", "OP2": "2 -"},
        {"PP1": "إذ تعيد", "PP2": "وإذ تشير", "OP1": "تحث"},
        {"PP1": ("FN1",), "OP1": ("FN1",)},
        ("107", "2017-12-19", "A/72/440"),
    ),
    Case(
        "zh",
        """第七十二届会议
议程项目107

大会2017年12月19日通过的决议

[根据第三委员会的报告(A/72/440)通过]

72/195. 加强协调打击贩运人口的努力

大会，

重申强烈谴责贩运人口行为¹，

回顾制定《全球行动计划》的目的是：

(a) 促进普遍批准《公约》，

(b) 帮助会员国加强政治承诺，

1. 敦促尚未批准《公约》的会员国考虑批准¹；

2. 请秘书长提交报告。

¹ 第70/1号决议。

2017年12月19日
第73次全体会议
""",
        ["PP1", "PP2", "PP2(a)", "PP2(b)", "OP1", "OP2"],
        {"PP2(a)": "(a)", "OP1": "1."},
        {"PP1": "重申", "PP2": "回顾", "OP1": "敦促", "OP2": "请"},
        {"PP1": ("FN1",), "OP1": ("FN1",)},
        ("107", "2017-12-19", "A/72/440"),
    ),
]


@pytest.mark.parametrize("case", CORPUS, ids=[case.lang for case in CORPUS])
def test_language(case: Case) -> None:
    document = parse_text(case.text)
    assert document.language == case.lang
    assert [p.key for p in document.paragraphs] == case.keys
    assert {k: document.paragraph(k).label for k in case.labels} == case.labels
    assert {k: document.paragraph(k).lead for k in case.leads} == case.leads
    assert {p.key: p.footnotes for p in document.paragraphs if p.footnotes} == case.citations
    assert (document.agenda_item, document.adopted, document.report) == case.header
    assert (document.symbol, document.session) == ("A/RES/72/195", 72)
    assert [f.key for f in document.footnotes] == ["FN1"]
    assert document.closing is not None
    for paragraph in document.paragraphs:
        assert "(1)" not in paragraph.text and "¹" not in paragraph.text


@pytest.mark.parametrize("case", CORPUS, ids=[case.lang for case in CORPUS])
def test_language_override(case: Case) -> None:
    from resalign.align import language

    assert parse_text(case.text, lang=language(case.lang)).language == case.lang


def test_sub_item_letters_keyed_by_latin_position() -> None:
    ru = CORPUS[3]
    document = parse_text(ru.text)
    assert [p.key for p in document.paragraphs if p.kind == "subitem"] == ["PP2(a)", "PP2(b)"]
    ar = parse_text(CORPUS[4].text)
    assert ar.paragraph("PP2(b)").text == "مساعدة الدول الأعضاء،"


def test_chinese_closing_opens_with_its_date() -> None:
    """Chinese prints the date above the meeting (`2017年12月19日 / 第73次全体会议`): both
    are the closing, and the last operative paragraph ends where it ends."""
    zh = parse_text(next(c.text for c in CORPUS if c.lang == "zh"))
    assert zh.closing == "2017年12月19日 第73次全体会议"
    assert zh.paragraph("OP2").text == "请秘书长提交报告。"
    assert zh.warnings == ()


@given(number=st.integers(min_value=1, max_value=10**15))
def test_operative_labels_of_any_length_are_numbers(number: int) -> None:
    """No digit limit: a long synthetic document past OP999999 still has its labels."""
    for code, label in (("en", f"{number}. "), ("ar", f"{number} - "), ("es", f"{number}. ")):
        found = language(code).operative.match(f"{label}Decides to remain seized")
        assert found is not None and found["number"] == str(number)


def test_operative_numbers_past_four_digits_are_read() -> None:
    operative = "\n\n".join(f"{n}. Decides matter {n};" for n in range(1, 10_003))
    document = parse_text(f"72/195. A title\n\nThe General Assembly,\n\n{operative}\n")
    assert document.count("operative") == 10_002
    assert document.paragraphs[-1].key == "OP10002"
    assert document.paragraphs[-1].text == "Decides matter 10002;"
    assert document.warnings == ()


def test_a_label_too_long_for_any_sequence_is_text_not_a_crash() -> None:
    huge = "9" * 5000  # past what Python's int() reads from a string
    document = parse_text(
        f"72/195. A title\n\nThe General Assembly,\n\n1. Decides;\n\n{huge}. Decides again.\n"
    )
    assert [p.key for p in document.paragraphs] == ["OP1"]
    assert document.paragraphs[0].text.endswith(f"{huge}. Decides again.")
    assert document.warnings[0].startswith("OP1: the number 9999")
