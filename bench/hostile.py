"""Inputs built to make a reader slow: each must read in linear time (issue 15, item 5)."""

from __future__ import annotations

from tests.fixtures.docx_builder import W_NS, word_package

HEAD = "72/195. Title\n\nThe General Assembly,\n\n"


def wrapped_paragraph(lines: int) -> str:
    """One paragraph hard-wrapped over `lines` lines, with no blank line."""
    body = "\n".join(["words of a paragraph that goes on and on and on"] * lines)
    return f"{HEAD}Recalling {body},\n\n1. Decides.\n"


def repeated_labels(count: int) -> str:
    """The same sub-item label over and over."""
    return HEAD + "Recalling:\n\n" + "\n\n".join(["(a) an item,"] * count) + "\n\n1. Decides.\n"


def many_notes_sections(count: int) -> bytes:
    """An HTML page with `count` notes sections."""
    notes = "".join(f'<div class="footnotes"><p>{n} Note.</p></div>' for n in range(count))
    return (
        "<!DOCTYPE html><html><body><p>72/195. Title</p><p>The General Assembly,</p>"
        f"<p>Recalling,</p><p>1. Decides.</p>{notes}</body></html>"
    ).encode()


def nested_paragraphs(depth: int) -> bytes:
    """A .docx whose paragraphs nest `depth` deep inside one another."""
    run = "<w:r><w:t>Recalling text,</w:t></w:r>"
    nested = "<w:p>" * depth + run * 3 + "</w:p>" * depth
    body = (
        "<w:p><w:r><w:t>72/195. Title</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>The General Assembly,</w:t></w:r></w:p>"
        + nested * 20
        + "<w:p><w:r><w:t>1. Decides.</w:t></w:r></w:p>"
    )
    xml = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W_NS}"><w:body>{body}</w:body></w:document>'
    )
    return word_package(xml)
