"""Reading resolutions from files: one module per input format, one entry point.

`read_document` checks the path, reads at most `max_size` bytes, tells the format from
the content (magic bytes, not the extension) and hands the bytes to that format's
reader: extracted text, .docx, .pdf, .html, or old .doc through LibreOffice. Each format
is one row of `READERS`, which the corpus's choice of files reads too. Every
reader returns the same `Document`; a format's libraries load only when it is read.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from importlib import import_module
from pathlib import Path

from resalign.align.errors import ReadError
from resalign.align.files import read_regular_file
from resalign.align.languages import language
from resalign.align.model import Document
from resalign.align.read.text import parse_text

__all__ = ["DEFAULT_MAX_SIZE", "READERS", "parse_text", "read_document", "sniff_format"]

DEFAULT_MAX_SIZE = 64 * 1024 * 1024
"""Inputs larger than this (64 MiB) are refused before reading; `--max-size` changes it."""


def _html(head: bytes) -> bool:
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return start.startswith((b"<!doctype html", b"<html")) or (
        start.startswith(b"<") and b"<body" in start[:2048]
    )


@dataclass(frozen=True, slots=True)
class Reader:
    """An input format: how its files begin (what tells it, whatever their name), the
    extensions a folder's files are taken by, and the function that reads it."""

    name: str
    begins: Callable[[bytes], bool]
    extensions: tuple[str, ...]
    module: str
    function: str

    def reader(self) -> Callable[..., Document]:
        """The reading function, its module imported now."""
        return getattr(import_module(self.module), self.function)  # type: ignore[no-any-return]


READERS = (
    Reader("pdf", lambda head: head.startswith(b"%PDF-"), (".pdf",), f"{__name__}.pdf", "read_pdf"),
    Reader(
        "docx", lambda head: head.startswith(b"PK\x03\x04"), (".docx",), f"{__name__}.docx",
        "read_docx",
    ),
    Reader(
        "doc", lambda head: head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), (".doc",),
        f"{__name__}.doc", "read_doc",
    ),
    Reader("html", _html, (".html", ".htm", ".xhtml"), f"{__name__}.html", "read_html"),
    Reader("text", lambda head: True, (".txt", ".text"), f"{__name__}.text", "read_text"),
)  # fmt: skip
"""Every input format, in the order their first bytes are tried (text takes the rest)."""
EXTENSIONS = tuple(extension for each in READERS for extension in each.extensions)
"""The extensions of the files a corpus folder contributes (anything else is no document)."""


def sniff_format(head: bytes) -> str:
    """The format of a file from its first bytes: pdf, docx, doc, html or text."""
    return _reader(head).name


def _reader(head: bytes) -> Reader:
    return next(each for each in READERS if each.begins(head))


def read_document(
    path: str | Path,
    *,
    lang: str | None = None,
    encoding: str | None = None,
    max_size: int = DEFAULT_MAX_SIZE,
) -> Document:
    """Read a resolution from a file; `ReadError` with a one-line message otherwise."""
    path = Path(path)
    source = str(path)
    conventions = None
    if lang is not None:
        try:
            conventions = language(lang)
        except ValueError as error:
            raise ReadError(str(error)) from None
    data = read_regular_file(path, max_size)
    reader = _reader(data[:4096])
    if reader.name == "doc":  # LibreOffice converts the file itself
        return reader.reader()(path, source=source, lang=conventions, max_size=max_size)
    options = {"encoding": encoding} if reader.name == "text" else {}
    return reader.reader()(data, source=source, lang=conventions, **options)
