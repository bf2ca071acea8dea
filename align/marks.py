"""Reviewed marks: what a reviewer approved, kept so that a change since is seen.

A mark holds the pair's keys and a seal of its texts as they read when it was made (a
digest of each side). A pair whose texts no longer match its seal is `changed since
review`, never reviewed: CAT tools drop a confirmation when the source changes, and so
does resalign.
"""

from __future__ import annotations

Keys = tuple[str | None, str | None]
"""A pair's left and right keys (None for a side it does not have)."""
Seal = tuple[str, str]
"""What a mark approved: a digest of the left and of the right text (empty for a side
that has none, or for a mark made before digests were kept)."""


def seal(left: str | None, right: str | None) -> Seal:
    """The seal of a pair whose sides read `left` and `right`."""
    import hashlib  # here: comparing two files needs no mark, nor OpenSSL

    def digest(text: str | None) -> str:
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12] if text is not None else ""

    return digest(left), digest(right)
