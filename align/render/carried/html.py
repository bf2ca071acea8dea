"""The carry as an HTML report: summary, then every unit in the new text's order with its
status, the source diff (old → new), the proposed translation and why it is flagged.
Built with lxml's element factory, so every piece of document text is escaped."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree
from lxml.html import builder as E

from resalign.align.carry import CARRY_STATUSES, CarriedUnit, Carry, DroppedUnit
from resalign.align.diff import DELETE, INSERT, Span
from resalign.align.render.carried.notes import carry_title, headline
from resalign.align.render.html import RTL

CSS = """
body { font-family: system-ui, sans-serif; margin: 2em; }
table { border-collapse: collapse; width: 100%; }
td, th { border: 1px solid #ccc; padding: .4em; vertical-align: top; text-align: start; }
tr.fuzzy td.status { background: #fff3b0; } tr.new td.status { background: #c8f7c5; }
tr.auto-updated td.status { background: #c5f1f7; }
del { background: #fdd; } ins { background: #dfd; text-decoration: none; }
.reasons { color: #555; font-size: .9em; }
"""


def render_html(carry: Carry) -> bytes:
    counts, words = carry.counts(), carry.words()
    summary = E.TABLE(
        E.TR(E.TH("status"), E.TH("units"), E.TH("words")),
        *(E.TR(E.TD(s), E.TD(str(counts[s])), E.TD(str(words[s]))) for s in CARRY_STATUSES),
    )
    target = carry.old_target.language
    units = E.TABLE(
        E.TR(E.TH("key"), E.TH("status"), E.TH("new source (changes)"), E.TH("translation")),
        *(_row(unit, target) for unit in carry.units),
    )
    title = carry_title(carry)
    body = [
        E.H1(title),
        summary,
        E.P(E.STRONG(f"Left to translate: {carry.to_translate} words")),
        *(E.P({"class": "warning"}, f"warning: {w}") for w in carry.warnings),
        units,
    ]
    if carry.dropped:
        body += [E.H2("Not in the new text"), E.UL(*(_dropped(u, target) for u in carry.dropped))]
    page = E.HTML(
        E.HEAD(E.META(charset="utf-8"), E.TITLE(title), E.STYLE(CSS)), E.BODY(*body), lang="en"
    )
    return etree.tostring(page, doctype="<!DOCTYPE html>", encoding="utf-8", method="html")


def _row(unit: CarriedUnit, target: str) -> etree._Element:
    reasons = [*unit.reasons, *(f"replaced {r}" for r in unit.replacements)]
    row: etree._Element = E.TR(
        {"class": unit.status, "id": unit.key},
        E.TD(unit.key),
        E.TD({"class": "status"}, headline(unit)),
        E.TD(*_changes(unit)),
        E.TD(
            E.DIV(_language(target), unit.target),
            *(E.DIV({"class": "reasons"}, reason) for reason in reasons),
        ),
    )
    return row


def _changes(unit: CarriedUnit) -> list[etree._Element | str]:
    return diff_elements(unit.changes) if unit.changes else [unit.source]


def diff_elements(spans: Sequence[Span]) -> list[etree._Element | str]:
    """A word diff as HTML: deletions in `<del>`, insertions in `<ins>`."""
    tags = {DELETE: E.DEL, INSERT: E.INS}
    return [tags[span.op](span.text) if span.op in tags else span.text for span in spans]


def _dropped(unit: DroppedUnit, target: str) -> etree._Element:
    item: etree._Element = E.LI(
        E.STRONG(unit.key), " ", E.SPAN(_language(target), unit.target or unit.source)
    )
    return item


def _language(code: str) -> dict[str, str]:
    return {"lang": code, "dir": "rtl" if code in RTL else "ltr"}
