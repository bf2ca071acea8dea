"""The prefilled translation as plain text, in the layout resalign (and a person) reads:
header lines, numbered title, paragraphs with their labels, lead words between `*`,
footnote calls as superscript numbers, footnotes at the end."""

from __future__ import annotations

from resalign.align.carry import Carry
from resalign.align.model import TO_SUPERSCRIPT
from resalign.align.render.carried.layout import Block, blocks, footnote_number, footnotes


def render_text(carry: Carry) -> bytes:
    lines = [_block(block) for block in blocks(carry)]
    lines += [
        f"{block.prefix.translate(TO_SUPERSCRIPT)} {block.text}" for block in footnotes(carry)
    ]
    return ("\n\n".join(lines) + "\n").encode("utf-8")


def _block(block: Block) -> str:
    text = block.text
    for call in sorted(block.calls, key=lambda call: call.offset, reverse=True):
        mark = footnote_number(call.key).translate(TO_SUPERSCRIPT)
        text = text[: call.offset] + mark + text[call.offset :]
    if block.lead and text.startswith(block.lead):
        text = f"*{block.lead}*{text[len(block.lead) :]}"
    return f"{block.prefix} {text}".strip() if block.prefix else text
