"""Reading resolutions from files: one module per input format, one entry point.

`read_document` checks the path, reads at most `max_size` bytes, tells the format from
the content (magic bytes, not the extension) and hands the bytes to that format's
reader: extracted text, .docx, .pdf, .html, or old .doc through LibreOffice. Every
reader returns the same `Document`; a format's libraries load only when it is read.
"""

from __future__ import annotations

from pathlib import Path

from align.errors import ReadError
from align.files import read_regular_file
from align.languages import language
from align.model import Document
from align.read.text import parse_text, read_text

__all__ = ["DEFAULT_MAX_SIZE", "parse_text", "read_document", "sniff_format"]

DEFAULT_MAX_SIZE = 64 * 1024 * 1024
"""Inputs larger than this (64 MiB) are refused before reading; `--max-size` changes it."""


def sniff_format(head: bytes) -> str:
    """The format of a file from its first bytes: pdf, docx, doc, html or text."""
    if head.startswith(b"%PDF-"):
        return "pdf"
    if head.startswith(b"PK\x03\x04"):
        return "docx"
    if head.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "doc"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html")) or (
        start.startswith(b"<") and b"<body" in start[:2048]
    ):
        return "html"
    return "text"


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
    kind = sniff_format(data[:4096])
    if kind == "text":
        return read_text(data, source=source, lang=conventions, encoding=encoding)
    if kind == "docx":
        from align.read.docx import read_docx

        return read_docx(data, source=source, lang=conventions)
    if kind == "pdf":
        from align.read.pdf import read_pdf

        return read_pdf(data, source=source, lang=conventions)
    if kind == "html":
        from align.read.html import read_html

        return read_html(data, source=source, lang=conventions)
    from align.read.doc import read_doc

    return read_doc(path, source=source, lang=conventions, max_size=max_size)
