"""A series' lineage as HTML pages a delegate reads: a page for the series, listing its
versions and languages, and a page per language with a timeline per paragraph of the
latest version (one cell per version: its number then and what happened to it), and under
it each version's text with the words changed since the one before. A page per language
keeps a long series' pages a sixth of what one page would be. Built with lxml's element
factory, so every piece of document text is escaped."""

from __future__ import annotations

from typing import Any

from lxml import etree
from lxml.html import builder as E

from resalign.align.diff import word_diff
from resalign.align.languages import LANGUAGES
from resalign.align.render.carried.html import diff_elements
from resalign.align.render.html import RTL

CSS = """
body { font: 15px/1.5 system-ui, sans-serif; margin: 1.5rem auto; max-width: 1400px;
       padding: 0 1rem; color: #1b1b1b; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #ddd; padding: .25rem .45rem; vertical-align: top;
         text-align: start; }
td.key { font-weight: 600; white-space: nowrap; }
td.first, td.same { background: #f3f3f3; } td.changed { background: #fff4ce; }
td.moved, td.moved\\+changed, td.split, td.merged { background: #dcecff; }
td.added { background: #dcf5dc; } td.absent { background: #fff; color: #999; }
.note { color: #5c5c5c; font-size: .85em; display: block; }
details { margin: .2rem 0 .6rem; } details p { margin: .3rem 0; }
del { background: #f9c0bd; color: #7a0c05; } ins { background: #b6e8b6; text-decoration: none; }
.legend span { display: inline-block; padding: 0 .5rem; margin-right: .3rem;
               border: 1px solid #ccc; }
"""
WORDS = {
    "first": "in the earliest version here",
    "same": "unchanged",
    "changed": "changed",
    "moved": "moved",
    "moved+changed": "moved and changed",
    "split": "split",
    "merged": "merged",
    "added": "new",
}


def render_series(series: dict[str, Any]) -> bytes:
    """The page of one series (the lineage JSON's data): its versions, and a link to each
    language's page with what that page holds."""
    title = _title(series)
    items = []
    for language, lineage in series["languages"].items():
        paragraphs, dropped = len(lineage["paragraphs"]), len(lineage["dropped"])
        items.append(
            E.LI(
                E.A(_language_name(language), href=language_page(series["name"], language)),
                f" — {paragraphs} paragraph{'s' if paragraphs != 1 else ''} of "
                f"{lineage['versions'][-1]['symbol']}, {dropped} dropped along the way",
            )
        )
    body = [
        E.H1(title),
        E.P("Versions: ", ", ".join(series["symbols"])),
        E.UL(*items),
        E.P(E.A("All series", href="index.html")),
    ]
    return _page(title, body)


def render_lineage(series: dict[str, Any], language: str) -> bytes:
    """The page of one language of one series."""
    title = f"{_title(series)} — {_language_name(language)}"
    nav: list[Any] = [E.A("The series", href=f"{series['name']}.html")]
    for other in series["languages"]:
        if other != language:
            page = language_page(series["name"], other)
            nav += [" · ", E.A(_language_name(other), href=page)]
    section = _language_section(language, series["languages"][language])
    return _page(title, [E.H1(title), E.P(*nav), _legend(), *section])


def language_page(name: str, language: str) -> str:
    """The file name of a series' page in `language`."""
    return f"{name}.{language}.html"


def _title(series: dict[str, Any]) -> str:
    return f"{series['title']} — lineage, {series['symbols'][0]} to {series['symbols'][-1]}"


def _language_name(language: str) -> str:
    name = LANGUAGES[language].name if language in LANGUAGES else language
    return f"{name} ({language})"


def render_index(series: list[dict[str, Any]]) -> bytes:
    """The page listing every series and its versions."""
    title = "Series and lineages"
    items = [
        E.LI(E.A(each["title"], href=f"{each['name']}.html"), " — ", ", ".join(each["symbols"]))
        for each in series
    ]
    return _page(title, [E.H1(title), E.UL(*items) if items else E.P("No series was found.")])


def _page(title: str, body: list[etree._Element]) -> bytes:
    page = E.HTML(
        E.HEAD(E.META(charset="utf-8"), E.TITLE(title), E.STYLE(CSS)), E.BODY(*body), lang="en"
    )
    return etree.tostring(page, doctype="<!DOCTYPE html>", encoding="utf-8", method="html")


def _legend() -> etree._Element:
    legend: etree._Element = E.P(
        {"class": "legend"},
        *(E.SPAN({"class": status}, words) for status, words in WORDS.items()),
    )
    return legend


def _language_section(language: str, lineage: dict[str, Any]) -> list[etree._Element]:
    versions = lineage["versions"]
    head = E.TR(E.TH("paragraph"), *(E.TH(_version_label(v)) for v in versions))
    rows: list[etree._Element] = []
    for paragraph in lineage["paragraphs"]:
        rows.append(E.TR({"id": f"{language}-{paragraph['key']}"}, *_timeline(paragraph)))
        rows.append(
            E.TR(E.TD(_texts(paragraph, versions, language), colspan=str(len(versions) + 1)))
        )
    section = [E.TABLE(head, *rows)]
    if lineage["dropped"]:
        section += [
            E.H3("Dropped along the way"),
            E.UL(
                *(
                    E.LI(f"{d['key']}, not in {d['symbol']}: ", E.SPAN(_lang(language), d["text"]))
                    for d in lineage["dropped"]
                )
            ),
        ]
    return section


def _version_label(version: dict[str, Any]) -> str:
    adopted = f" ({version['adopted'][:4]})" if version.get("adopted") else ""
    return f"{version['symbol']}{adopted}"


def _timeline(paragraph: dict[str, Any]) -> list[etree._Element]:
    cells = [E.TD({"class": "key"}, paragraph["key"])]
    for step in paragraph["versions"]:
        if step is None:
            cells.append(E.TD({"class": "absent"}, "—"))
            continue
        words = WORDS.get(step["status"], step["status"])
        if step.get("renumbered_from"):
            words += f", was {step['renumbered_from']}"
        cell = E.TD({"class": step["status"]}, step["key"], E.SPAN({"class": "note"}, words))
        if step.get("note"):
            cell.append(E.SPAN({"class": "note"}, step["note"]))
        cells.append(cell)
    return cells


def _texts(paragraph: dict[str, Any], versions: list[dict[str, Any]], language: str) -> Any:
    texts = []
    previous: str | None = None
    for version, step in zip(versions, paragraph["versions"], strict=True):
        if step is None:
            continue
        shown = diff_elements(word_diff(previous, step["text"])) if previous else [step["text"]]
        texts.append(
            E.P(E.STRONG(f"{version['symbol']} {step['key']}: "), E.SPAN(_lang(language), *shown))
        )
        previous = step["text"]
    changes = len(paragraph["changed"])
    summary = f"texts ({changes} change{'s' if changes != 1 else ''})"
    return E.DETAILS(E.SUMMARY(summary), *texts)


def _lang(code: str) -> dict[str, str]:
    return {"lang": code, "dir": "rtl" if code in RTL else "ltr"}
