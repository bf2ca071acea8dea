"""The corpus's catalog on disk: grouping by queries over it, the order it sorts symbols
in, groups.json written a list item at a time, and a folder walked as the run goes."""

from __future__ import annotations

import gc
import json
import os
import random
import shutil
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from resalign.align.corpus.assemble import write_json_lists
from resalign.align.corpus.catalog import Catalog, Entry
from resalign.align.corpus.engines import InProcess
from resalign.align.corpus.groups import (
    Adoption,
    Groups,
    ListedSeries,
    group,
    symbol_key,
    symbol_order,
)
from resalign.align.corpus.inputs import collection
from resalign.align.corpus.pipeline import Run, run_corpus


def entry(id: str, symbol: str | None, language: str = "en", **facts: object) -> Entry:
    values: dict[str, Any] = {
        "source": f"{id}.pdf",
        "kind": "resolution",
        "session": 80,
        "title": "Rights of the child",
        "adopted": None,
        "draft": None,
        "amends": None,
        "paragraphs": 1,
        "footnotes": 0,
        **facts,
    }
    return Entry(id=id, symbol=symbol, language=language, **values)


def grouped(entries: list[Entry], listed: tuple[ListedSeries, ...] = ()) -> Groups:
    catalog = Catalog()
    for each in entries:
        catalog.add(each)
    return group(catalog, listed)


def facts(groups: Groups) -> tuple[object, ...]:
    return (
        list(groups.sets()),
        list(groups.series()),
        list(groups.adoptions()),
        list(groups.amendments()),
        list(groups.ungrouped()),
        groups.warnings,
        groups.counts(),
    )


def test_grouping_edge_cases() -> None:
    groups = grouped(
        [
            entry("b", "A/RES/80/190"),
            entry("a", "A/RES/80/190"),  # the same document twice: the first is used
            entry("c", None),  # no symbol: listed, not grouped
            entry("d", "A/RES/80/191", title="Rights of the child"),
            entry("e", "A/C.3/80/L.20/Rev.1", kind="draft"),  # two resolutions fit
            entry("f", "A/C.3/80/L.9", kind="draft", title="Other"),
            entry("g", "A/RES/80/5", title="Other", draft="A/C.3/80/L.9/Rev.2"),
        ]
    )
    assert [s.members for s in groups.sets() if s.symbol == "A/RES/80/190"] == [(("en", "a"),)]
    assert list(groups.ungrouped()) == ["c"]
    assert [s.symbols for s in groups.series()] == [("A/RES/80/190", "A/RES/80/191")]
    assert list(groups.adoptions()) == [Adoption("A/C.3/80/L.9", "A/RES/80/5", "named")]
    assert groups.warnings == (
        "b.pdf: A/RES/80/190 [en] again; a.pdf is used",
        "A/C.3/80/L.20/Rev.1: its title is that of A/RES/80/190, A/RES/80/191; "
        "not paired with either",
    )


SYMBOL = st.from_regex(r"[A-Z]{1,3}(/[A-Z0-9.]{1,6}){1,4}", fullmatch=True)


@given(st.lists(SYMBOL, max_size=30))
def test_symbols_sort_in_the_catalog_as_in_python(symbols: list[str]) -> None:
    assert sorted(symbols, key=lambda s: (symbol_key(s), s)) == sorted(
        symbols, key=lambda s: (symbol_order(s), s)
    )


def test_symbol_order_is_by_numbers_not_digits() -> None:
    symbols = ["A/RES/80/190", "A/RES/80/9", "A/C.3/80/L.20", "A/RES/78/228", "A/C.3/80/L.4"]
    assert sorted(symbols, key=symbol_key) == [
        "A/C.3/80/L.4",
        "A/C.3/80/L.20",
        "A/RES/78/228",
        "A/RES/80/9",
        "A/RES/80/190",
    ]


ENTRY = st.builds(
    entry,
    id=st.just(""),
    symbol=st.sampled_from(["A/RES/80/190", "A/RES/80/191", "A/RES/79/5", "A/C.3/80/L.9", None]),
    language=st.sampled_from(["en", "fr", "es", "ar"]),
    kind=st.sampled_from(["resolution", "draft", "amendment"]),
    session=st.sampled_from([None, 79, 80]),
    title=st.sampled_from(["Rights of the child", "Other", "OTHER!", "", None]),
    draft=st.sampled_from([None, "A/C.3/80/L.9/Rev.1"]),
    amends=st.sampled_from([None, "A/C.3/80/L.9"]),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(ENTRY, max_size=12), st.randoms(use_true_random=False))
def test_entries_in_any_order_give_the_same_groups(
    drawn: list[Entry], shuffle: random.Random
) -> None:
    entries = [replace(e, id=f"e{n}", source=f"{n:02d}.pdf") for n, e in enumerate(drawn)]
    again = entries[:]
    shuffle.shuffle(again)
    assert facts(grouped(again)) == facts(grouped(entries))


def test_a_series_is_linked_through_titles_in_several_languages() -> None:
    """70 and 72 share an English title, 72 and 74 a French one, 74 and 76 a Spanish one:
    four versions of one series, found three links away."""
    groups = grouped(
        [
            entry("a", "A/RES/70/1", session=70, title="Trafficking"),
            entry("b", "A/RES/72/1", session=72, title="Trafficking"),
            entry("c", "A/RES/72/1", "fr", session=72, title="Traite"),
            entry("d", "A/RES/74/1", "fr", session=74, title="Traite"),
            entry("e", "A/RES/74/1", "es", session=74, title="Trata"),
            entry("f", "A/RES/76/1", "es", session=76, title="Trata"),
            entry("g", "A/RES/76/2", session=76, title="Something else"),
        ]
    )
    series = list(groups.series())
    assert [(s.name, s.title, s.symbols) for s in series] == [
        ("trata", "Trata", ("A/RES/70/1", "A/RES/72/1", "A/RES/74/1", "A/RES/76/1"))
    ]
    assert groups.counts() == {"language sets": 2, "series": 1, "adoptions": 0, "amendments": 0}


def test_a_listed_series_keeps_its_symbols_from_the_found_ones() -> None:
    groups = grouped(
        [
            entry("a", "A/RES/70/1", session=70),
            entry("b", "A/RES/72/1", session=72),
            entry("c", "A/RES/74/1", session=74),
        ],
        (ListedSeries("older", ("A/RES/72/1", "A/RES/70/1", "A/RES/99/9")),),
    )
    assert [(s.name, s.symbols, s.listed) for s in groups.series()] == [
        ("older", ("A/RES/70/1", "A/RES/72/1"), True)
    ]
    assert groups.warnings == ("series older: A/RES/99/9 is not in the collection",)


@given(st.lists(st.text(max_size=8), max_size=4))
def test_an_entry_comes_back_from_the_catalog_as_it_went_in(warnings: list[str]) -> None:
    catalog = Catalog()
    made = entry("x", "A/RES/80/1", title="Droits de l’enfant", warnings=tuple(warnings))
    catalog.add(made)
    assert catalog.entry("x") == made
    assert list(catalog.entries()) == [made]


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=8,
)


@given(st.dictionaries(st.text(), st.lists(JSON, max_size=4), max_size=4))
def test_json_lists_written_an_item_at_a_time_read_as_json_writes_them(
    lists: dict[str, list[object]],
) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = write_json_lists(
            Path(folder) / "groups.json", {k: iter(v) for k, v in lists.items()}
        )
        expected = json.dumps(lists, ensure_ascii=False, indent=1) + "\n"
        assert path.read_text(encoding="utf-8") == expected


def test_a_folder_is_walked_again_each_time_it_is_gone_through(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".hidden").mkdir()
    (tmp_path / "out").mkdir()
    for name in ("b/z.txt", "a.pdf", "b.docx", ".hidden/x.txt", "out/y.txt", "c.md", "b/a.txt"):
        (tmp_path / name).write_text("x")
    (tmp_path / "link").symlink_to(tmp_path / "b", target_is_directory=True)
    found = collection(tmp_path, skip=tmp_path / "out")
    names = sorted(str(p.relative_to(tmp_path)) for p in found.paths)
    assert names == ["a.pdf", "b.docx", "b/a.txt", "b/z.txt"]
    (tmp_path / "b" / "m.txt").write_text("x")
    assert len(list(found.paths)) == 5  # walked again: the new file is found


class _Counted(Exception):
    """Raised where the run would write its outputs, once the objects are counted."""


def test_the_client_keeps_nothing_per_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The objects the client holds once every document is read and every group aligned
    are as many for 4,000 documents as for 400: the catalog, the groups and the plans are
    on disk. (The tasks here make entries without reading, to count only the client;
    objects, not bytes, as CPython reallocates its own tables at any time.)"""
    from resalign.align.corpus import pipeline
    from resalign.align.corpus.tasks import Outcome

    def read(source: str, id: str, documents: str, max_size: int) -> Outcome:
        number, language = Path(source).stem.split(".")
        made = entry(id, f"A/RES/90/{number}", language, source=source, title=f"On {number}")
        return Outcome(source, entry=made)

    def align(kind: str, group: dict[str, Any], documents: str, part: str, pivot: str) -> Outcome:
        Path(part).parent.mkdir(exist_ok=True)
        Path(part).write_bytes(b"")
        return Outcome(group["id"], records=1)

    def count(*arguments: object, **options: object) -> None:
        gc.collect()
        held.append(len(gc.get_objects()))
        raise _Counted

    monkeypatch.setattr(pipeline, "read_task", read)
    monkeypatch.setattr(pipeline, "group_task", align)
    monkeypatch.setattr(pipeline, "assemble", count)
    held: list[int] = []
    for documents in (400, 402, 4000):  # the first run imports what the others use
        folder = tmp_path / str(documents)
        folder.mkdir()
        for number in range(documents // 2):
            for language in ("en", "es"):
                (folder / f"{number}.{language}.txt").write_bytes(b"")
        with pytest.raises(_Counted):
            run_corpus(collection(folder), Run(tmp_path / f"out{documents}"), InProcess())
    assert held[2] - held[1] < 300  # an Entry and a path kept each would be some 12,000


def test_links_that_lead_nowhere_are_reported_not_passed_over(tmp_path: Path) -> None:
    """A link in a loop or to a file gone is named as a document is: the run says it
    cannot read it (exit 5, errors.jsonl), where it once stopped with a traceback."""
    from resalign.cli import main
    from tests.conftest import EN

    folder = tmp_path / "documents"
    folder.mkdir()
    shutil.copyfile(EN, folder / EN.name)
    (folder / "a.txt").symlink_to("b.txt")
    (folder / "b.txt").symlink_to("a.txt")
    (folder / "gone.pdf").symlink_to(tmp_path / "nowhere.pdf")
    (folder / "gone.png").symlink_to(tmp_path / "nowhere.png")  # not named as a document
    out = tmp_path / "out"
    assert main(["corpus", str(folder), "-o", str(out), "--quiet"]) == 5
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["subject"].rpartition("/")[2], e["message"]) for e in errors] == [
        ("a.txt", "cannot read (Too many levels of symbolic links)"),
        ("b.txt", "cannot read (Too many levels of symbolic links)"),
        ("gone.pdf", "cannot read (No such file or directory)"),
    ]
    assert json.loads((out / "summary.json").read_text())["read"] == 1


def test_a_file_name_that_is_not_utf8_is_a_read_failure(tmp_path: Path) -> None:
    """Outputs name every source in UTF-8, which such a name is not: the run says so, with
    the byte escaped, and reads the rest (it once stopped with a traceback)."""
    from resalign.cli import main
    from tests.conftest import EN

    folder = tmp_path / "documents"
    folder.mkdir()
    shutil.copyfile(EN, folder / EN.name)
    (Path(os.fsdecode(os.fsencode(folder) + b"/A_RES_\xff.en.txt"))).write_bytes(EN.read_bytes())
    out = tmp_path / "out"
    assert main(["corpus", str(folder), "-o", str(out), "--quiet"]) == 5
    errors = [json.loads(line) for line in (out / "errors.jsonl").read_text().splitlines()]
    assert [(e["subject"].rpartition("/")[2], e["message"]) for e in errors] == [
        ("A_RES_\\xff.en.txt", "its name is not UTF-8: rename it to read it")
    ]
    summary = json.loads((out / "summary.json").read_text())
    assert (summary["documents"], summary["read"]) == (2, 1)
