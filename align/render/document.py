"""A parsed Document as JSON-ready data and as a readable outline."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from resalign.align.model import Document, Paragraph
from resalign.align.render.text import shown

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
        "header": list(document.header),
        "kind": document.kind,
        "revision": document.revision,
        "sponsors": list(document.sponsors),
        "report_paragraph": document.report_paragraph,
        "draft": document.draft,
        "amends": document.amends,
        "amendments": [asdict(amendment) for amendment in document.amendments],
        "paragraphs": [_paragraph_dict(p) for p in document.paragraphs],
        "footnotes": [
            {"key": f.key, "marker": f.marker, "text": f.text} for f in document.footnotes
        ],
        "warnings": list(document.warnings),
        "furniture": list(document.furniture),
    }


def _paragraph_dict(paragraph: Paragraph) -> dict[str, Any]:
    return {
        "key": paragraph.key,
        "kind": paragraph.kind,
        "parent": paragraph.parent,
        "part": paragraph.part,
        "label": paragraph.label,
        "lead": paragraph.lead,
        "text": paragraph.text,
        "footnotes": list(paragraph.footnotes),
        "footnote_offsets": [{"key": r.key, "offset": r.offset} for r in paragraph.refs],
    }


def outline(document: Document, width: int = OUTLINE_WIDTH) -> str:
    """A readable outline: the header, then one line per paragraph and footnote."""
    report = document.report
    if report and document.report_paragraph:
        report = f"{report}, para. {document.report_paragraph}"
    facts = [
        f"{document.symbol or '(no symbol)'} [{document.language}]",
        document.kind if document.kind != "resolution" else None,
        f"session {document.session}" if document.session else None,
        f"agenda item {document.agenda_item}" if document.agenda_item else None,
        f"adopted {document.adopted}" if document.adopted else None,
        f"report {report}" if report else None,
        f"draft {document.draft}" if document.draft else None,
        f"amends {document.amends}" if document.amends else None,
    ]
    lines = [" · ".join(fact for fact in facts if fact)]
    if document.title:
        lines.append(document.title)
    if document.sponsors:
        lines.append(f"sponsors: {', '.join(document.sponsors)}")
    counts = (
        f"{document.count('preambular')} preambular, {document.count('operative')} operative, "
        f"{document.count('subitem')} sub-items, {document.count('heading')} headings, "
        f"{len(document.footnotes)} footnotes"
    )
    annexed = sum(1 for p in document.paragraphs if p.part is not None and p.kind != "heading")
    lines.append(counts + (f", {annexed} annex paragraphs" if annexed else ""))
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
    if document.amendments:
        lines.append("")
    for amendment in document.amendments:
        change = " → ".join(_fit(t, 40) for t in (amendment.old, amendment.new) if t)
        lines.append(f"{amendment.target:<9} {amendment.action}: {change}")
    return "\n".join(shown(line) for line in lines)


def furniture_listing(document: Document) -> str:
    """The lines the reader dropped as page furniture, one a line, in reading order."""
    return "\n".join(shown(line) for line in document.furniture)


def _fit(text: str, width: int) -> str:
    width = max(width, 10)
    return text if len(text) <= width else text[: width - 1].rstrip() + "…"
