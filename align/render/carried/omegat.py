"""The carried translation as an OmegaT project package (.omt): what OmegaT's "Import
project package" opens, ready to translate.

OmegaT's own XLIFF filter translates each unit's `<target>` where it stands, so the XLIFF
in `source/` holds a copy of each new source there, every unit present; the carried
translations go to the project's memories instead: `tm/auto/` the units carried word for
word (OmegaT fills them in), `tm/` last year's pairs the carry used (OmegaT offers them as
fuzzy matches with its own percentage) and the units whose values were replaced, offered
as 100 % matches to check. Pairs with a QA finding stay out, as in the carry's TMX.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import PurePath

from lxml import etree

from resalign.align.carry import CarriedUnit, Carry
from resalign.align.model import FootnoteRef
from resalign.align.render.carried.tmx import render_tmx
from resalign.align.render.carried.xliff import render_xliff
from resalign.align.render.tmx import LOCALES, add_unit, memory, serialized

TOKENIZERS = {
    "ar": "LuceneArabicTokenizer",
    "zh": "LuceneSmartChineseTokenizer",
    "en": "LuceneEnglishTokenizer",
    "fr": "LuceneFrenchTokenizer",
    "ru": "LuceneRussianTokenizer",
    "es": "LuceneSpanishTokenizer",
}
"""OmegaT's word splitter for each official language (its class in org.omegat.tokenizer)."""
FOLDERS = ("source/", "target/", "tm/", "tm/auto/", "glossary/", "dictionary/", "omegat/")


def render_omegat(carry: Carry) -> bytes:
    source, target = carry.new_source.language, carry.old_target.language
    name = _name(carry)
    final = [u for u in carry.units if u.status == "exact" or u.edited or u.accepted]
    updated = [u for u in carry.units if u.status == "auto-updated" and not u.accepted]
    files = {
        "omegat.project": _project(source, target),
        f"source/{name}.xlf": render_xliff(carry, in_place=True),
        f"tm/{name}.last-year.tmx": render_tmx(carry),
        f"tm/{name}.updated.tmx": _memory(updated, source, target),
        f"tm/auto/{name}.tmx": _memory(final, source, target),
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        for folder in FOLDERS:
            package.writestr(zipfile.ZipInfo(folder, date_time=(1980, 1, 1, 0, 0, 0)), b"")
        for path, data in files.items():
            info = zipfile.ZipInfo(path, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            package.writestr(info, data)
    return buffer.getvalue()


def _name(carry: Carry) -> str:
    """The project's file names: the new source's symbol (`A_RES_74_176`) or file stem."""
    symbol = carry.new_source.symbol
    return symbol.replace("/", "_") if symbol else PurePath(carry.new_source.source).stem


def _memory(units: list[CarriedUnit], source: str, target: str) -> bytes:
    """A TMX of these units: the new source and its carried translation, each footnote
    call written as OmegaT writes the XLIFF's `<x/>` in its own memories (`<x0/>`, as
    text), so that the memory's source is the segment's, tag for tag."""
    root, _, body = memory(LOCALES.get(source, source))
    for unit in units:
        numbers = {
            call.key: index
            for index, call in enumerate(unit.source_calls)
            if 0 < call.offset < len(unit.source)  # OmegaT keeps a tag at an end outside
        }
        variants = [
            (LOCALES.get(source, source), _tagged(unit.source, unit.source_calls, numbers), ()),
            (LOCALES.get(target, target), _tagged(unit.target, unit.target_calls, numbers), ()),
        ]
        add_unit(body, unit.key, [("x-status", unit.status)], variants)
    return serialized(root)


def _tagged(text: str, calls: tuple[FootnoteRef, ...], numbers: dict[str, int]) -> str:
    """The text with OmegaT's tag for each call where it stands, numbered as the source
    numbers that note's call (`numbers`: the calls the segment holds)."""
    for call in sorted(calls, key=lambda call: call.offset, reverse=True):
        if call.key in numbers:
            tag = f"<x{numbers[call.key]}/>"
            text = text[: call.offset] + tag + text[call.offset :]
    return text


def _project(source: str, target: str) -> bytes:
    """`omegat.project`: the languages, their tokenizers, the default folders, and one
    segment a paragraph (a unit is a paragraph, as the memories are)."""
    root = etree.Element("omegat")
    project = etree.SubElement(root, "project", version="1.0")
    settings = {
        "source_dir": "__DEFAULT__",
        "target_dir": "__DEFAULT__",
        "tm_dir": "__DEFAULT__",
        "glossary_dir": "__DEFAULT__",
        "glossary_file": "__DEFAULT__",
        "dictionary_dir": "__DEFAULT__",
        "source_lang": LOCALES.get(source, source).upper(),
        "target_lang": LOCALES.get(target, target).upper(),
        "source_tok": f"org.omegat.tokenizer.{TOKENIZERS.get(source, 'DefaultTokenizer')}",
        "target_tok": f"org.omegat.tokenizer.{TOKENIZERS.get(target, 'DefaultTokenizer')}",
        "sentence_seg": "false",
        "support_default_translations": "true",
        "remove_tags": "false",
    }
    for tag, value in settings.items():
        etree.SubElement(project, tag).text = value
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)
