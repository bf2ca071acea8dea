"""Manual overrides: a reviewer's corrections that the aligner honours.

A small TOML (or JSON) file:

    # resalign pairs: forced pairs and paragraphs with no counterpart
    pairs = [["PP12", "PP11"], ["OP9", "OP5"]]
    left_only = ["PP14"]
    right_only = ["FN2"]

Keys are those of each document (`PP3`, `OP12`, `PP8(a)`, `FN4`). A key may appear in two
forced pairs (a split or a merge the machine missed).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from resalign.align.errors import ReadError
from resalign.align.files import read_regular_file
from resalign.align.model import Document

REVIEW_ENTRIES = {"left", "right", "reviewed", "last"}
"""Entries of a review sidecar (`align.review`) that an overrides reader skips."""


class OverridesError(ReadError):
    """An overrides file that cannot be read or does not fit the documents."""


@dataclass(frozen=True, slots=True)
class Overrides:
    """Forced pairs and forced 'no counterpart', by key."""

    pairs: tuple[tuple[str, str], ...] = ()
    left_only: tuple[str, ...] = ()
    right_only: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.pairs or self.left_only or self.right_only)

    def check(self, left: Document, right: Document) -> None:
        """OverridesError unless every key exists on its side and none is used twice over."""
        for keys, document, side in (
            ([a for a, _ in self.pairs] + list(self.left_only), left, "left"),
            ([b for _, b in self.pairs] + list(self.right_only), right, "right"),
        ):
            known = {p.key for p in document.paragraphs} | {f.key for f in document.footnotes}
            for key in keys:
                if key not in known:
                    raise OverridesError(
                        f"pairs file: {key} is not a paragraph or footnote of the {side} "
                        f"document ({document.source})"
                    )
        for key in set(self.left_only) & {a for a, _ in self.pairs}:
            raise OverridesError(f"pairs file: left {key} is both paired and without counterpart")
        for key in set(self.right_only) & {b for _, b in self.pairs}:
            raise OverridesError(f"pairs file: right {key} is both paired and without counterpart")

    def with_pair(self, left: str, right: str) -> Overrides:
        """These overrides plus a forced pair (the keys lose any 'no counterpart' mark)."""
        return Overrides(
            (*[p for p in self.pairs if p != (left, right)], (left, right)),
            tuple(k for k in self.left_only if k != left),
            tuple(k for k in self.right_only if k != right),
        )

    def with_left_only(self, left: str) -> Overrides:
        """These overrides with a left key marked as having no counterpart."""
        return Overrides(
            self.pairs, (*[k for k in self.left_only if k != left], left), self.right_only
        )

    def without_left_only(self, left: str) -> Overrides:
        return Overrides(self.pairs, tuple(k for k in self.left_only if k != left), self.right_only)

    def without_pairs_of(self, left: str) -> Overrides:
        """These overrides with every forced pair of a left key removed."""
        return Overrides(
            tuple(p for p in self.pairs if p[0] != left), self.left_only, self.right_only
        )


MAX_PAIRS_SIZE = 4 * 1024 * 1024
"""A pairs file larger than this (4 MiB: some hundred thousand pairs) is refused."""


def load_overrides(path: str | Path) -> Overrides:
    """Read an overrides file (.toml, or .json); OverridesError with one line otherwise."""
    return overrides_from_data(read_pairs_data(path), str(path))


def read_pairs_data(path: str | Path) -> object:
    """The parsed content of a pairs (or review) file, TOML or JSON; OverridesError with
    one line when it cannot be read."""
    import json
    import tomllib

    path = Path(path)
    raw = read_regular_file(path, MAX_PAIRS_SIZE, OverridesError, "pairs file", hint="")
    try:
        text = raw.decode("utf-8")
        data = json.loads(text) if path.suffix.lower() == ".json" else tomllib.loads(text)
    except UnicodeDecodeError as error:
        raise OverridesError(f"{path}: cannot be read ({error})") from None
    except (tomllib.TOMLDecodeError, json.JSONDecodeError) as error:
        raise OverridesError(f"{path}: not a valid pairs file ({error})") from None
    except RecursionError:
        raise OverridesError(f"{path}: not a valid pairs file (nested too deeply)") from None
    return data


def overrides_from_data(data: object, source: str = "pairs") -> Overrides:
    """Overrides from parsed TOML/JSON data, checked for shape."""
    if not isinstance(data, dict):
        raise OverridesError(f"{source}: expected a table with pairs, left_only, right_only")
    unknown = set(data) - {"pairs", "left_only", "right_only"} - REVIEW_ENTRIES
    if unknown:
        raise OverridesError(f"{source}: unknown entries {sorted(unknown)}")
    pairs = data.get("pairs", [])
    if not isinstance(pairs, list) or not all(
        isinstance(p, list) and len(p) == 2 and all(isinstance(k, str) for k in p) for p in pairs
    ):
        raise OverridesError(f'{source}: pairs must be a list of ["LEFT", "RIGHT"] keys')
    lists = {}
    for name in ("left_only", "right_only"):
        value = data.get(name, [])
        if not isinstance(value, list) or not all(isinstance(k, str) for k in value):
            raise OverridesError(f"{source}: {name} must be a list of keys")
        lists[name] = tuple(value)
    return Overrides(
        tuple(dict.fromkeys((a, b) for a, b in pairs)),  # a pair given twice counts once
        tuple(dict.fromkeys(lists["left_only"])),
        tuple(dict.fromkeys(lists["right_only"])),
    )


OVERRIDES_HEADING = "# resalign pairs: forced pairs and paragraphs with no counterpart\n"


def overrides_toml(overrides: Overrides, heading: str = OVERRIDES_HEADING) -> str:
    """The overrides as the TOML file `load_overrides` reads, after `heading` (a comment,
    or a review's own entries)."""
    import json

    def strings(values: tuple[str, ...]) -> str:
        return "[" + ", ".join(json.dumps(v, ensure_ascii=False) for v in values) + "]"

    pairs = ",\n  ".join(strings(pair) for pair in overrides.pairs)
    return (
        heading + f"pairs = [{chr(10) + '  ' + pairs + ',' + chr(10) if pairs else ''}]\n"
        f"left_only = {strings(overrides.left_only)}\n"
        f"right_only = {strings(overrides.right_only)}\n"
    )
