"""A reviewer's work on one pair of documents: which pairs are reviewed, which links
were made by hand. Kept in a small TOML sidecar file that `resalign align --pairs` also
reads (its `pairs`, `left_only` and `right_only` are the overrides file format).

    # resalign review of A_RES_72_195.es.txt and A_RES_70_179.es.modeled.txt
    left = "A_RES_72_195.es.txt"
    right = "A_RES_70_179.es.modeled.txt"
    reviewed = [["PP1", "PP1", "3f1c0a9e2b7d", "3f1c0a9e2b7d"], ["OP5", "OP6", "…", "…"]]
    pairs = [["PP12", "OP5"]]
    left_only = []
    right_only = []

A mark keeps what was reviewed: a digest of each side's text when the mark was made. A
pair whose text has changed since is `changed since review`, never reviewed (a mark from
before digests were kept is taken for one).

A sidecar that cannot be read is set aside (renamed to a name no other has, never deleted)
and the review starts clean; the caller gets a one-line warning to show. Saving merges
with what another reviewer saved to the same file since it was read (`merged`), and never
replaces a file the user made read-only.
"""

from __future__ import annotations

import contextlib
import os
import stat
import time
from collections.abc import Hashable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TypeVar

from resalign.align.errors import OutputError, ReadError, UsageError
from resalign.align.files import read_regular_file
from resalign.align.marks import Keys, Seal
from resalign.align.model import Document, Footnote, Paragraph
from resalign.align.overrides import (
    Overrides,
    OverridesError,
    overrides_from_data,
    overrides_toml,
    read_pairs_data,
)

K = TypeVar("K", bound=Hashable)
"""A key of a review's lists (a reviewed pair, a link), merged as a set that keeps order."""


@dataclass(frozen=True)
class Review:
    """Reviewed pairs and manual links, by key, in the orientation the files were opened."""

    reviewed: Mapping[Keys, Seal] = field(default_factory=dict)
    """Each reviewed pair's keys, and the seal of its texts when it was marked."""
    overrides: Overrides = field(default_factory=Overrides)
    last: Keys | None = None
    """The pair the reviewer was on when the review was last left: where it reopens."""

    def toggled(self, keys: Keys, sealed: Seal) -> Review:
        """This review with one pair marked reviewed (as it reads now: `sealed`), or
        unmarked where its mark still holds."""
        reviewed = dict(self.reviewed)
        if reviewed.get(keys) == sealed:
            del reviewed[keys]
        else:
            reviewed[keys] = sealed
        return replace(self, reviewed=reviewed)

    def with_overrides(self, overrides: Overrides) -> Review:
        return replace(self, overrides=overrides)

    def swapped(self) -> Review:
        """The same review seen with the documents swapped."""
        o = self.overrides
        return Review(
            {(b, a): (right, left) for (a, b), (left, right) in self.reviewed.items()},
            Overrides(tuple((b, a) for a, b in o.pairs), o.right_only, o.left_only),
            (self.last[1], self.last[0]) if self.last else None,
        )


def review_path(left: Document, right: Document) -> Path:
    """Where the review of `left` against `right` is kept by default: in the user's data
    folder (`$XDG_DATA_HOME/resalign/reviews`, else `~/.local/share/…`), never in the
    folder of someone else's documents; one file per pair of documents, found by what
    they are, not where they are: a copy moved to another folder, or a colleague's,
    opens with the marks made on it, and so does a text corrected since (its marks then
    say what changed since review)."""
    home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    name = f"{_identity(left)}--{_identity(right)}.toml"
    return Path(home) / "resalign" / "reviews" / name


def _identity(document: Document) -> str:
    """`A_RES_72_195.es`: the symbol and language; a document that prints no symbol is
    known by its file's name, language and a digest of its texts."""
    if document.symbol:
        return f"{_safe(document.symbol)}.{document.language}"
    return f"{_safe(Path(document.source).stem)}.{document.language}.{_digest(document)}"


def _safe(name: str) -> str:
    """A name as a file name can hold it: `A/RES/72/195` is `A_RES_72_195`."""
    return "".join(char if char.isalnum() or char in ".-" else "_" for char in name)[:60]


def _digest(document: Document) -> str:
    """A digest of a document's texts (the key and text of every unit, in order)."""
    import hashlib  # here: comparing two files needs no review path, nor OpenSSL

    hasher = hashlib.sha256()
    units: list[Paragraph | Footnote] = [*document.paragraphs, *document.footnotes]
    for unit in units:
        hasher.update(f"{unit.key}\0{unit.text}\0".encode())
    return hasher.hexdigest()[:12]


def load_review(path: str | Path) -> tuple[Review, str | None]:
    """The review kept at `path` (empty if there is none), and a warning if the file was
    unreadable and has been set aside."""
    import tomllib

    path = Path(path)
    if not path.exists():
        return Review(), None
    path = path.resolve()  # a link is read through, and what is set aside is its target
    if not path.is_file():
        raise UsageError(f"{path}: a review file must be a regular file, not {_kind(path)}")
    try:
        text = read_regular_file(path, MAX_REVIEW, what="review file", hint="").decode()
        data = tomllib.loads(text)
        review = Review(_reviewed(data), overrides_from_data(data), _last(data))
    except (
        ReadError,
        UnicodeDecodeError,
        tomllib.TOMLDecodeError,
        ValueError,
        OverridesError,
    ) as error:
        aside = _aside(path)
        path.rename(aside)
        reason = str(error).splitlines()[0]
        return (
            Review(),
            f"review file {path} could not be read ({reason}); set aside as {aside.name}",
        )
    return review, None


MAX_REVIEW = 16 * 1024 * 1024
"""A review file larger than this (marks for some 200,000 pairs) is set aside unread: no
review holds that much, and parsing it would stall the UI's start."""


def _kind(path: Path) -> str:
    """What a path that is no regular file is: `a directory`, `a named pipe`, …"""
    mode = path.stat().st_mode
    kinds = ((stat.S_ISDIR, "a directory"), (stat.S_ISFIFO, "a named pipe"))
    return next((kind for test, kind in kinds if test(mode)), "a device")


def read_review(path: str | Path) -> Review:
    """A review (or pairs) file the user names, read strictly: OverridesError with one line
    when it cannot be read; nothing is set aside."""
    data = read_pairs_data(path)
    try:
        return Review(_reviewed(data), overrides_from_data(data, str(path)), _last(data))
    except ValueError as error:
        raise OverridesError(f"{path}: {error}") from None


def _reviewed(data: object) -> dict[Keys, Seal]:
    reviewed = data.get("reviewed", []) if isinstance(data, dict) else []
    if not isinstance(reviewed, list) or not all(
        isinstance(k, list) and len(k) in (2, 4) and all(isinstance(x, str) for x in k)
        for k in reviewed
    ):
        raise ValueError("reviewed must be a list of [LEFT, RIGHT, LEFT DIGEST, RIGHT DIGEST]")
    return {
        (entry[0] or None, entry[1] or None): (entry[2], entry[3]) if len(entry) == 4 else ("", "")
        for entry in reviewed
    }


def _last(data: object) -> Keys | None:
    last = data.get("last") if isinstance(data, dict) else None
    if last is None:
        return None
    if not (isinstance(last, list) and len(last) == 2 and all(isinstance(k, str) for k in last)):
        raise ValueError("last must be [LEFT, RIGHT] keys")
    return (last[0] or None, last[1] or None)


def _aside(path: Path) -> Path:
    """A name to set a corrupt review aside under that no earlier one has taken."""
    stem = f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}"
    aside, number = path.with_name(stem), 1
    while aside.exists():
        number += 1
        aside = path.with_name(f"{stem}-{number}")
    return aside


def merged(base: Review, ours: Review, theirs: Review) -> Review:
    """Our changes since `base` applied to `theirs` (what the file holds now): marks and
    links another reviewer saved meanwhile are kept, ours win where both changed one."""

    def merge(old: Iterable[K], new: Iterable[K], now: Iterable[K]) -> tuple[K, ...]:
        old, new = list(old), list(new)
        removed, added = set(old) - set(new), [k for k in new if k not in set(old)]
        return tuple(dict.fromkeys([*(k for k in now if k not in removed), *added]))

    o, n, t = base.overrides, ours.overrides, theirs.overrides
    marks = merge(base.reviewed.items(), ours.reviewed.items(), theirs.reviewed.items())
    return Review(
        dict(marks),
        Overrides(
            merge(o.pairs, n.pairs, t.pairs),
            merge(o.left_only, n.left_only, t.left_only),
            merge(o.right_only, n.right_only, t.right_only),
        ),
        ours.last if ours.last != base.last else theirs.last,
    )


@contextlib.contextmanager
def review_lock(path: str | Path) -> Iterator[None]:
    """The review at `path` to oneself while the block runs (an advisory lock on a file
    beside it), so that two sessions saving at once each merge the other's marks; where
    the system has no such lock (Windows), saves merge without it."""
    try:
        import fcntl
    except ImportError:
        yield
        return
    path = Path(path).resolve()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # the data folder, the first time
        lock = os.open(f"{path}.lock", os.O_WRONLY | os.O_CREAT, 0o644)
    except OSError as error:
        raise OutputError(f"{path}: cannot be locked ({error.strerror or error})") from None
    try:
        fcntl.flock(lock, fcntl.LOCK_EX)
        yield
    finally:
        os.close(lock)  # which releases the lock


def save_review(path: str | Path, review: Review, *, left: str, right: str) -> None:
    """Write the review atomically (replacing the previous one: it is the tool's own
    file), unless the user made it read-only: OutputError then."""
    import json

    from resalign.align.output import write_output

    path = Path(path)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)  # the data folder, the first time
    except OSError as error:
        raise OutputError(f"{path.parent}: cannot be made ({error.strerror or error})") from None
    if path.exists() and not path.stat().st_mode & stat.S_IWUSR:  # by its mode (root too)
        raise OutputError(f"{path}: is read-only; the review is not saved there")
    reviewed = ",\n  ".join(
        json.dumps([a or "", b or "", *review.reviewed[a, b]], ensure_ascii=False)
        for a, b in sorted(review.reviewed, key=lambda k: (k[0] or "", k[1] or ""))
    )
    heading = (
        f"# resalign review of {Path(left).name} and {Path(right).name}\n"
        f"left = {json.dumps(Path(left).name, ensure_ascii=False)}\n"
        f"right = {json.dumps(Path(right).name, ensure_ascii=False)}\n"
        f"reviewed = [{chr(10) + '  ' + reviewed + ',' + chr(10) if reviewed else ''}]\n"
    )
    if review.last is not None:
        last = [review.last[0] or "", review.last[1] or ""]
        heading += f"last = {json.dumps(last, ensure_ascii=False)}\n"
    text = overrides_toml(review.overrides, heading)
    write_output(path, text.encode("utf-8"), force=True)
