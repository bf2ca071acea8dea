"""Exact facts about the bundled seed documents, as the text reader parses them."""

from __future__ import annotations

import json
import re

import pytest

from resalign.align import Document
from tests.conftest import GOLD

PP_KEYS = (
    [f"PP{n}" for n in range(1, 9)]
    + [f"PP8({c})" for c in "abcdef"]
    + [f"PP{n}" for n in range(9, 35)]
)
OP_KEYS = [f"OP{n}" for n in range(1, 23)]
FN_KEYS = [f"FN{n}" for n in range(1, 15)]

CITATIONS = {
    "PP4": ("FN1",),
    "PP5": ("FN2", "FN3", "FN4", "FN5"),
    "PP9": ("FN6",),
    "PP11": ("FN7",),
    "PP12": ("FN8",),
    "PP13": ("FN9",),
    "PP14": ("FN10",),
    "PP25": ("FN11",),
    "PP32": ("FN12",),
    "PP33": ("FN13",),
    "OP1": ("FN2", "FN3"),
    "OP2": ("FN14",),
    "OP10": ("FN1",),
}


def test_spanish_seed_counts(es: Document) -> None:
    assert es.count("preambular") == 34
    assert es.count("operative") == 22
    assert es.count("subitem") == 6
    assert len(es.footnotes) == 14
    assert [p.key for p in es.paragraphs] == PP_KEYS + OP_KEYS
    assert [f.key for f in es.footnotes] == FN_KEYS


def test_spanish_seed_header(es: Document) -> None:
    assert es.symbol == "A/RES/72/195"
    assert es.language == "es"
    assert es.session == 72
    assert es.agenda_item == "107"
    assert es.adopted == "2017-12-19"
    assert es.report == "A/72/440"
    assert (
        es.title == "Medidas para mejorar la coordinación de la lucha contra la trata de personas"
    )
    assert es.opening == "La Asamblea General,"
    assert es.closing == "73ª sesión plenaria 19 de diciembre de 2017"


def test_spanish_seed_subitems(es: Document) -> None:
    subitems = [p for p in es.paragraphs if p.kind == "subitem"]
    assert [(p.key, p.label, p.parent) for p in subitems] == [
        (f"PP8({c})", f"{c})", "PP8") for c in "abcdef"
    ]
    assert subitems[0].text.startswith("Promover la ratificación universal")


@pytest.mark.parametrize(
    ("key", "start", "end"),
    [
        # the seven paragraphs the PDF's page ends cut in two, rejoined
        ("PP5", "Recordando también la Convención", "Prácticas Análogas a la Esclavitud,"),
        ("PP16", "Reconociendo también que el Grupo", "del Grupo de Coordinación,"),
        ("PP24", "Reconociendo además el potencial", "reclutar y controlar a las víctimas,"),
        ("PP31", "Reafirmando la importancia", "formas contemporáneas de la esclavitud,"),
        ("OP5", "Recuerda además su decisión", "promover y proteger sus derechos;"),
        ("OP13", "Invita a la Oficina", "los procedimientos de las Naciones Unidas;"),
        ("OP19", "Observa la segunda reunión", "a disposición de los Estados Miembros;"),
    ],
)
def test_page_split_paragraphs_rejoined(es: Document, key: str, start: str, end: str) -> None:
    text = es.paragraph(key).text
    assert text.startswith(start)
    assert text.endswith(end)


def test_pp5_runs_across_the_page_end(es: Document) -> None:
    text = es.paragraph("PP5").text
    assert "contra la Delincuencia Organizada Transnacional y contiene la definición" in text
    assert text.endswith("Instituciones y Prácticas Análogas a la Esclavitud,")


def test_lowercase_half_after_the_footnotes_continues_pp16(es: Document) -> None:
    """PP16's first half ends with a comma; only the lower-case start of the half after
    the page's footnotes tells that it goes on (the official English is one paragraph)."""
    pp16 = es.paragraph("PP16")
    assert "Plan de Acción Mundial, tomando nota con aprecio de las actividades" in pp16.text
    assert pp16.lead == "Reconociendo también"
    assert es.paragraph("PP17").text.startswith("Recordando que el Grupo Interinstitucional")


def test_citations(es: Document) -> None:
    cited = {p.key: p.footnotes for p in es.paragraphs if p.footnotes}
    assert cited == CITATIONS


def test_marker_offsets_point_after_the_cited_word(es: Document) -> None:
    pp4 = es.paragraph("PP4")
    (ref,) = pp4.refs
    assert pp4.text[: ref.offset].endswith("Agenda 2030 para el Desarrollo Sostenible")
    assert pp4.text[ref.offset] == ","
    op1 = es.paragraph("OP1")
    assert [op1.text[: r.offset].rsplit(" ", 1)[-1] for r in op1.refs] == [
        "Transnacional",
        "Transnacional",
    ]


@pytest.mark.parametrize("name", ["es", "en", "modeled"])
def test_no_marks_left_in_text(name: str, request: pytest.FixtureRequest) -> None:
    document: Document = request.getfixturevalue(name)
    for paragraph in document.paragraphs:
        assert "*" not in paragraph.text, paragraph.key
        assert not re.search("[⁰¹²³⁴-⁹]", paragraph.text), paragraph.key
        assert paragraph.text == paragraph.text.strip()
        assert "  " not in paragraph.text


def test_operative_leads(es: Document) -> None:
    leads = {p.key: p.lead for p in es.paragraphs if p.kind == "operative"}
    assert leads["OP1"] == "Insta"
    assert leads["OP4"] == "Recuerda también"
    assert leads["OP6"] == "Expresa solidaridad y compasión"
    assert leads["OP21"] == "Acoge con beneplácito"
    assert es.paragraph("PP1").lead == "Reiterando"
    assert es.paragraph("PP3").lead == "Teniendo presente"
    assert es.paragraph("PP5").lead == "Recordando también"


def test_footnote_texts(es: Document) -> None:
    assert es.footnote("FN1").text == "Resolución 70/1."
    assert es.footnote("FN2").text == "Naciones Unidas, Treaty Series, vol. 2225, núm. 39574."
    assert es.footnote("FN14").text == "Resolución 64/293."


def test_english_same_structure(es: Document, en: Document) -> None:
    assert en.language == "en"
    assert [p.key for p in en.paragraphs] == [p.key for p in es.paragraphs]
    assert [f.key for f in en.footnotes] == [f.key for f in es.footnotes]
    assert {p.key: p.footnotes for p in en.paragraphs} == {
        p.key: p.footnotes for p in es.paragraphs
    }
    assert (en.symbol, en.session, en.agenda_item, en.adopted, en.report) == (
        "A/RES/72/195",
        72,
        "107",
        "2017-12-19",
        "A/72/440",
    )
    assert en.title == "Improving the coordination of efforts against trafficking in persons"
    assert en.closing == "73rd plenary meeting 19 December 2017"


def test_english_page_furniture_dropped(en: Document) -> None:
    furniture = re.compile(
        r"A/RES/72/195|\d+/8\b|17-22858|\*1722858\*|"
        r"Improving the coordination of efforts against trafficking in persons"
    )
    for paragraph in en.paragraphs:
        assert not furniture.search(paragraph.text), paragraph.key
    assert en.paragraph("PP5").text.endswith("Institutions and Practices Similar to Slavery,")
    assert "Crime, which provided the definition of the crime" in en.paragraph("PP5").text
    assert en.paragraph("OP2").text.endswith("better coordination among themselves to that end;")


def test_modeled_counts_match_gold(modeled: Document) -> None:
    gold = json.loads(GOLD.read_text(encoding="utf-8"))
    right_keys = {right for _, right in gold["pairs"] if right is not None}
    assert {p.key for p in modeled.paragraphs} | {f.key for f in modeled.footnotes} == right_keys
    assert modeled.count("preambular") == 31
    assert modeled.count("operative") == 21
    assert len(modeled.footnotes) == 13
    assert (modeled.symbol, modeled.session, modeled.agenda_item, modeled.adopted) == (
        "A/RES/70/179",
        70,
        "106",
        "2015-12-17",
    )
    assert modeled.report == "A/70/490"
