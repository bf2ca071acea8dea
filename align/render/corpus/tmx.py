"""The parallel corpus as TMX 1.4b: one `<tu>` per unit with a `<tuv>` for each language
that has it (up to six), written element by element with lxml's incremental writer so the
file never has to fit in memory.

A unit goes in when two languages or more have it one to one; the language of a split or
merge (`uneven`) is left out of that unit, and header facts are not translation units.
Each unit carries its set's symbol, the pivot's key and every language's key, and each QA
finding as an `x-qa` property, as the pair-wise TMX export does.
"""

from __future__ import annotations

import time
from contextlib import ExitStack
from typing import Any, BinaryIO

from lxml import etree

from resalign.align.languages import LANGUAGES
from resalign.align.render.stamp import tool_version
from resalign.align.render.tmx import LOCALES, XML_LANG


class TmxWriter:
    """Writes the sets' units into `handle` as they are added, dated when the run
    `started`."""

    def __init__(self, handle: BinaryIO, started: time.struct_time) -> None:
        self._handle = handle
        self._created = time.strftime("%Y%m%dT%H%M%SZ", started)
        self._open = ExitStack()

    def __enter__(self) -> TmxWriter:
        self._xml = self._open.enter_context(etree.xmlfile(self._handle, encoding="UTF-8"))
        self._xml.write_declaration()
        self._xml.write_doctype('<!DOCTYPE tmx SYSTEM "tmx14.dtd">')
        self._open.enter_context(self._xml.element("tmx", version="1.4"))
        self._xml.write(_header(self._created), pretty_print=True)
        self._open.enter_context(self._xml.element("body"))
        return self

    def add(self, records: list[dict[str, Any]]) -> None:
        for record in records:
            unit = _unit(record, self._created)
            if unit is not None:
                self._xml.write(unit, pretty_print=True)

    def __exit__(self, *exc: Any) -> None:
        self._open.__exit__(*exc)


def _header(created: str) -> etree._Element:
    return etree.Element(
        "header",
        {
            "creationtool": "resalign",
            "creationtoolversion": tool_version(),
            "segtype": "paragraph",
            "datatype": "plaintext",
            "adminlang": "en-GB",
            "srclang": "*all*",
            "creationdate": created,
            "o-tmf": "resalign",
        },
    )


def _unit(record: dict[str, Any], created: str) -> etree._Element | None:
    languages = [
        lang for lang in LANGUAGES if record.get(lang) and lang not in record.get("uneven", ())
    ]
    if len(languages) < 2 or (record["kind"] == "header" and record["unit"] != "TITLE"):
        return None
    unit = etree.Element("tu", tuid=f"{record['set']}#{record['unit']}", creationdate=created)
    properties = [("x-symbol", record["set"]), ("x-key", record["unit"])]
    properties += [(f"x-key-{lang}", record[f"{lang}_key"]) for lang in languages]
    properties += [("x-qa", finding) for finding in record.get("findings", ())]
    for kind, value in properties:
        if value:
            etree.SubElement(unit, "prop", type=kind).text = value
    for lang in languages:
        variant = etree.SubElement(unit, "tuv", {XML_LANG: LOCALES.get(lang, lang)})
        etree.SubElement(variant, "seg").text = record[lang]
    return unit
