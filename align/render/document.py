"""A parsed Document as JSON-ready data and as a readable outline."""

from __future__ import annotations

from typing import Any

from align.model import Document, Paragraph

OUTLINE_WIDTH = 100


def document_dict(document: Document) -> dict[str, Any]:
    """The document as plain data, in the shape `resalign parse --json` prints."""
    return {
        "source": document.source,
        "symbol": document.symbol,
        "language": document.language,
        "session": document.session,
        "agenda_item": document.agenda_item,
        "adopted": document.adopted,
        "report": document.report,
        "title": document.title,
        "opening": document.opening,
        "closing": document.closing,
        "paragraphs": [_paragraph_dict(p) for p in document.paragraphs],
        "footnotes": [
            {"key": f.key, "marker": f.marker, "text": f.text} for f in document.footnotes
        ],
    }


def _paragraph_dict(paragraph: Paragraph) -> dict[str, Any]:
    return {
        "key": paragraph.key,
        "kind": paragraph.kind,
        "parent": paragraph.parent,
        "label": paragraph.label,
        "lead": paragraph.lead,
        "text": paragraph.text,
        "footnotes": list(paragraph.footnotes),
        "footnote_offsets": [{"key": r.key, "offset": r.offset} for r in paragraph.refs],
    }


def outline(document: Document, width: int = OUTLINE_WIDTH) -> str:
    """A readable outline: the header, then one line per paragraph and footnote."""
    facts = [
        f"{document.symbol or '(no symbol)'} [{document.language}]",
        f"session {document.session}" if document.session else None,
        f"agenda item {document.agenda_item}" if document.agenda_item else None,
        f"adopted {document.adopted}" if document.adopted else None,
        f"report {document.report}" if document.report else None,
    ]
    lines = [" · ".join(fact for fact in facts if fact)]
    if document.title:
        lines.append(document.title)
    lines.append(
        f"{document.count('preambular')} preambular, {document.count('operative')} operative, "
        f"{document.count('subitem')} sub-items, {len(document.footnotes)} footnotes"
    )
    lines.append("")
    lead_width = min(28, max((len(p.lead) for p in document.paragraphs), default=0))
    for paragraph in document.paragraphs:
        key = f"  {paragraph.key}" if paragraph.kind == "subitem" else paragraph.key
        rest = paragraph.text[len(paragraph.lead) :].strip() if paragraph.lead else paragraph.text
        cites = f"  [{', '.join(paragraph.footnotes)}]" if paragraph.footnotes else ""
        head = f"{key:<9} {_fit(paragraph.lead, lead_width):<{lead_width}}  "
        lines.append(head + _fit(rest, width - len(head) - len(cites)) + cites)
    if document.footnotes:
        lines.append("")
    for footnote in document.footnotes:
        lines.append(f"{footnote.key:<9} {_fit(footnote.text, width - 10)}")
    return "\n".join(lines)


def _fit(text: str, width: int) -> str:
    width = max(width, 10)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
