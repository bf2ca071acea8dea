"""Messages the review app posts to itself."""

from __future__ import annotations

from dataclasses import dataclass

from textual.message import Message

from resalign.align.comparison import Comparison


@dataclass
class AlignmentReady(Message):
    """The worker finished aligning and diffing."""

    comparison: Comparison


@dataclass
class AlignmentFailed(Message):
    """The worker could not align (a manual link no longer fits, say)."""

    reason: str
