"""A reviewer's work on one pair of documents: which pairs are reviewed, which links
were made by hand. Kept in a small TOML sidecar file that `resalign align --pairs` also
reads (its `pairs`, `left_only` and `right_only` are the overrides file format).

    # resalign review of A_RES_72_195.es.txt and A_RES_70_179.es.modeled.txt
    left = "A_RES_72_195.es.txt"
    right = "A_RES_70_179.es.modeled.txt"
    reviewed = [["PP1", "PP1"], ["OP5", "OP6"]]
    pairs = [["PP12", "OP5"]]
    left_only = []
    right_only = []

A sidecar that cannot be read is set aside (renamed, never deleted) and the review
starts clean; the caller gets a one-line warning to show.
"""

from __future__ import annotations

import json
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from align.output import write_output
from align.overrides import Overrides, OverridesError, overrides_from_data, overrides_toml

Keys = tuple[str | None, str | None]


@dataclass(frozen=True)
class Review:
    """Reviewed pairs and manual links, by key, in the orientation the files were opened."""

    reviewed: frozenset[Keys] = frozenset()
    overrides: Overrides = field(default_factory=Overrides)

    def toggled(self, keys: Keys) -> Review:
        """This review with the reviewed mark of one pair flipped."""
        return Review(self.reviewed ^ {keys}, self.overrides)

    def with_overrides(self, overrides: Overrides) -> Review:
        return Review(self.reviewed, overrides)

    def swapped(self) -> Review:
        """The same review seen with the documents swapped."""
        o = self.overrides
        return Review(
            frozenset((b, a) for a, b in self.reviewed),
            Overrides(tuple((b, a) for a, b in o.pairs), o.right_only, o.left_only),
        )


def sidecar_path(left: str | Path, right: str | Path) -> Path:
    """Where the review of `left` against `right` is kept by default: beside `right`."""
    right, left = Path(right), Path(left)
    return right.with_name(f"{right.name}.{left.stem}.review.toml")


def load_review(path: str | Path) -> tuple[Review, str | None]:
    """The review kept at `path` (empty if there is none), and a warning if the file was
    unreadable and has been set aside."""
    path = Path(path)
    if not path.exists():
        return Review(), None
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        reviewed = data.get("reviewed", [])
        if not isinstance(reviewed, list) or not all(
            isinstance(k, list) and len(k) == 2 and all(isinstance(x, str) or x == "" for x in k)
            for k in reviewed
        ):
            raise ValueError("reviewed must be a list of [LEFT, RIGHT] keys")
        review = Review(
            frozenset((a or None, b or None) for a, b in reviewed), overrides_from_data(data)
        )
    except (
        OSError,
        UnicodeDecodeError,
        tomllib.TOMLDecodeError,
        ValueError,
        OverridesError,
    ) as error:
        aside = path.with_name(f"{path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        path.rename(aside)
        reason = str(error).splitlines()[0]
        return (
            Review(),
            f"review file {path} could not be read ({reason}); set aside as {aside.name}",
        )
    return review, None


def save_review(path: str | Path, review: Review, *, left: str, right: str) -> None:
    """Write the review atomically (replacing the previous one: it is the tool's own file)."""
    reviewed = ",\n  ".join(
        json.dumps([a or "", b or ""], ensure_ascii=False)
        for a, b in sorted(review.reviewed, key=lambda k: (k[0] or "", k[1] or ""))
    )
    heading = (
        f"# resalign review of {Path(left).name} and {Path(right).name}\n"
        f"left = {json.dumps(Path(left).name, ensure_ascii=False)}\n"
        f"right = {json.dumps(Path(right).name, ensure_ascii=False)}\n"
        f"reviewed = [{chr(10) + '  ' + reviewed + ',' + chr(10) if reviewed else ''}]\n"
    )
    text = overrides_toml(review.overrides, heading)
    write_output(path, text.encode("utf-8"), force=True)
