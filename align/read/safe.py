"""Reading untrusted XML and zip packages safely.

XML is parsed with entity resolution, DTD loading and network access off, so a document
can neither read a local file nor reach the network (no XXE); a document type or entity
declaration is refused outright, so no text goes missing around one either. A zip package is opened
only after every entry has been checked: a name that would escape the package, too
many entries, an entry or a total too large once uncompressed, or a compression ratio
only a zip bomb has, each stop the reading with one line saying so; and entries are read
with a hard cap, whatever their headers claim.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile
from collections.abc import Callable
from pathlib import PurePosixPath

from lxml import etree

from resalign.align.errors import ReadError

MAX_ENTRIES = 2000
MAX_ENTRY_SIZE = 64 * 1024 * 1024
MAX_TOTAL_SIZE = 256 * 1024 * 1024
MAX_RATIO = 200
"""Uncompressed/compressed size above which an entry is taken for a zip bomb (text XML
compresses about 5-20 times)."""


def xml_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
    )


_DECLARATIONS = re.compile(rb"<!DOCTYPE|<!ENTITY", re.IGNORECASE)
_HTML_DECLARATIONS = re.compile(rb"<!DOCTYPE[^>\[]*\[|<!ENTITY", re.IGNORECASE)


def refuse_declarations(data: bytes, source: str, part: str, *, html: bool = False) -> None:
    """Refuse a document type or entity declarations, as defusedxml does: a Word part
    never has them, an HTML page has at most a plain `<!DOCTYPE html>`; read around, they
    would leave text out without a word (or, resolved, read files)."""
    if (_HTML_DECLARATIONS if html else _DECLARATIONS).search(data):
        what = "entity declarations" if html else "a document type (DOCTYPE)"
        raise ReadError(f"{source}: refused: {part} declares {what}, which no resolution has")


def parse_xml(data: bytes, source: str, part: str) -> etree._Element:
    refuse_declarations(data, source, part)
    try:
        return etree.fromstring(data, xml_parser())
    except etree.XMLSyntaxError as error:
        raise ReadError(f"{source}: {part} is not well-formed XML ({error.msg})") from None


class Package:
    """A zip package whose entries were checked before any was read."""

    def __init__(self, data: bytes, source: str, kind: str) -> None:
        self.source = source
        self.kind = kind
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            entries = self._zip.infolist()
        except (zipfile.BadZipFile, EOFError, ValueError):
            raise ReadError(f"{source}: not a valid {kind} (corrupt or truncated zip)") from None
        self._check(entries)
        self.names = {entry.filename for entry in entries}

    def _check(self, entries: list[zipfile.ZipInfo]) -> None:
        if len(entries) > MAX_ENTRIES:
            raise ReadError(f"{self.source}: refused: {len(entries)} entries in one {self.kind}")
        total = 0
        names = [entry.filename for entry in entries]
        if len(set(names)) != len(names):
            twice = next(name for name in names if names.count(name) > 1)
            raise ReadError(
                f"{self.source}: refused: entry {twice!r} stands twice (which one a reader "
                "takes is not certain)"
            )
        for entry in entries:
            if entry.flag_bits & 0x1:
                raise ReadError(f"{self.source}: refused: entry {entry.filename!r} is encrypted")
            if entry.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise ReadError(
                    f"{self.source}: refused: entry {entry.filename!r} is compressed with "
                    f"method {entry.compress_type}, which a {self.kind} never uses"
                )
            path = PurePosixPath(entry.filename)
            if path.is_absolute() or ".." in path.parts or "\\" in entry.filename:
                raise ReadError(
                    f"{self.source}: refused: entry {entry.filename!r} escapes the package"
                )
            if entry.file_size > MAX_ENTRY_SIZE:
                raise ReadError(f"{self.source}: refused: entry {entry.filename!r} is too large")
            if entry.compress_size and entry.file_size / entry.compress_size > MAX_RATIO:
                raise ReadError(
                    f"{self.source}: refused: entry {entry.filename!r} expands "
                    f"{entry.file_size // entry.compress_size}-fold (a zip bomb?)"
                )
            total += entry.file_size
        if total > MAX_TOTAL_SIZE:
            raise ReadError(f"{self.source}: refused: {total:,} bytes once unpacked")

    def read(self, name: str) -> bytes | None:
        """An entry's bytes (None if absent), never more than the entry limit."""
        if name not in self.names:
            return None
        try:
            with self._zip.open(name) as handle:
                data = handle.read(MAX_ENTRY_SIZE + 1)
        except (zipfile.BadZipFile, EOFError, OSError, ValueError) as error:
            raise ReadError(f"{self.source}: {name} cannot be read ({error})") from None
        if len(data) > MAX_ENTRY_SIZE:
            raise ReadError(f"{self.source}: refused: entry {name!r} is too large")
        return data

    def xml(self, name: str) -> etree._Element | None:
        data = self.read(name)
        return None if data is None else parse_xml(data, self.source, name)

    def related(self, part: str, kind: str) -> str | None:
        """The part that `part` (`""`: the package) names as its `kind` relationship
        (`officeDocument`, `footnotes`): where Word reads it, whatever its name."""
        return self._relation(part, lambda relation: relation.get("Type", ""), kind)

    def target(self, part: str, relation_id: str) -> str | None:
        """The part that `part`'s relationship `relation_id` (`rId7`) names."""
        return self._relation(part, lambda relation: relation.get("Id", ""), relation_id)

    def _relation(self, part: str, key: Callable[[etree._Element], str], value: str) -> str | None:
        """The part named by the first of `part`'s relationships whose `key` is `value`."""
        folder, _, name = part.rpartition("/")
        relations = self.xml(f"{folder}/_rels/{name}.rels" if part else "_rels/.rels")
        if relations is None:
            return None
        for relation in relations:
            if str(key(relation)).rsplit("/", 1)[-1] != value:
                continue
            target = str(relation.get("Target", ""))
            joined = target if target.startswith("/") else posixpath.join(folder, target)
            return posixpath.normpath(joined).lstrip("/")
        return None
