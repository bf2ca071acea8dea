"""A reviewed mark keeps what was reviewed: where the text has changed since, every front
end says `changed since review`, never ✓."""

from __future__ import annotations

import pytest

from resalign.align import Document, align, parse_text
from resalign.align.comparison import Comparison, compare, with_reviewed
from resalign.align.marks import seal
from resalign.align.render import FORMATS, render
from resalign.align.review import Review, load_review, save_review
from resalign.tui.session import Session
from tests.conftest import ES


def _texts(comparison: Comparison) -> dict:  # type: ignore[type-arg]
    return {(v.pair.left, v.pair.right): (v.left_text, v.right_text) for v in comparison.views}


@pytest.fixture(scope="module")
def documents(es: Document, modeled: Document) -> tuple[Document, Document, Document]:
    """The modeled 70/179, the seed, and the seed with OP3's dates changed after review."""
    changed = ES.read_text(encoding="utf-8").replace("2010", "2011", 1)
    assert changed != ES.read_text(encoding="utf-8")
    return modeled, es, parse_text(changed, source="later.txt")


def _marked(documents: tuple[Document, Document, Document]) -> tuple[Comparison, tuple]:  # type: ignore[type-arg]
    """PP4 and the pair whose text changes marked on the first reading, compared again
    with the changed text."""
    modeled, es, later = documents
    before = compare(modeled, es, align(modeled, es))
    after = compare(modeled, later, align(modeled, later))
    old, new = _texts(before), _texts(after)
    moved = next(keys for keys in old if keys in new and old[keys] != new[keys])
    marks = {keys: seal(*old[keys]) for keys in (("PP4", "PP4"), moved)}
    return with_reviewed(after, marks), moved


def test_a_pair_changed_since_review_is_not_reviewed(documents) -> None:  # type: ignore[no-untyped-def]
    comparison, moved = _marked(documents)
    views = {(v.pair.left, v.pair.right): v for v in comparison.views}
    assert (views["PP4", "PP4"].reviewed, views["PP4", "PP4"].stale) == (True, False)
    assert (views[moved].reviewed, views[moved].stale) == (False, True)
    assert sum(v.reviewed for v in comparison.views) == 1


@pytest.mark.parametrize("format", sorted(set(FORMATS) - {"xlsx", "tmx"}))
def test_every_report_says_changed_since_review(documents, format: str) -> None:  # type: ignore[no-untyped-def]
    import io
    import zipfile

    comparison, _ = _marked(documents)
    data = render(comparison, format)
    if format == "docx":  # in the pair's comment
        data = zipfile.ZipFile(io.BytesIO(data)).read("word/comments.xml")
    text = data.decode("utf-8-sig")
    said = '"changed_since_review": true' if format == "json" else "changed since review"
    assert text.count(said) == 1


def test_the_spreadsheet_says_it_too(documents) -> None:  # type: ignore[no-untyped-def]
    import io
    import zipfile

    comparison, _ = _marked(documents)
    with zipfile.ZipFile(io.BytesIO(render(comparison, "xlsx"))) as book:
        strings = b"".join(book.read(name) for name in book.namelist()).decode()
    assert "changed since review" in strings and "Changed since review" in strings


def test_the_ui_says_it_and_marks_the_pair_again(documents, tmp_path) -> None:  # type: ignore[no-untyped-def]
    modeled, _, later = documents
    _, keys = _marked(documents)
    state = tmp_path / "review.toml"
    first = Session.open(modeled, documents[1], state)
    first.show(first.compute_here())
    first.selected = next(
        position
        for position, index in enumerate(first.visible)
        if (first.comparison.views[index].pair.left, first.comparison.views[index].pair.right)
        == keys
    )
    assert first.toggle_reviewed()
    second = Session.open(modeled, later, state)
    second.show(second.compute_here())
    assert second.mark(keys) == "stale" and second.reviewed_count() == 0
    second.selected = first.selected
    assert second.toggle_reviewed()  # reviewed again, as it reads now
    assert second.mark(keys) == "reviewed" and second.reviewed_count() == 1
    (sealed,) = load_review(state)[0].reviewed.values()
    view = next(v for v in second.comparison.views if (v.pair.left, v.pair.right) == keys)
    assert sealed == seal(view.left_text, view.right_text)


def test_a_mark_from_before_seals_were_kept_is_not_trusted(tmp_path) -> None:  # type: ignore[no-untyped-def]
    state = tmp_path / "old.toml"
    state.write_text('reviewed = [["PP1", "PP1"]]\n', encoding="utf-8")
    assert load_review(state)[0].reviewed == {("PP1", "PP1"): ("", "")}
    save_review(state, Review({("PP1", "PP1"): ("ab", "cd")}), left="a", right="b")
    assert load_review(state)[0].reviewed == {("PP1", "PP1"): ("ab", "cd")}


def test_the_translation_memory_says_it(es: Document, en: Document) -> None:
    """In language mode too (TMX holds translations): a mark whose texts changed since."""
    comparison = compare(es, en, align(es, en))
    marks = {("PP1", "PP1"): ("0" * 12, "0" * 12)}
    tmx = render(with_reviewed(comparison, marks), "tmx").decode()
    assert tmx.count('<prop type="x-reviewed">changed since</prop>') == 1


def test_copies_in_another_folder_open_the_same_review(tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """The reviser's files copied elsewhere (or a colleague's copy of them) keep their
    marks: the review is found by the documents."""
    import shutil

    from resalign.align import read_document
    from resalign.align.review import review_path
    from tests.conftest import MODELED

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    paths = []
    for folder in ("mine", "colleague"):
        (tmp_path / folder).mkdir()
        paths.append(
            [shutil.copy(source, tmp_path / folder / source.name) for source in (MODELED, ES)]
        )
    first, second = ([read_document(path) for path in pair] for pair in paths)
    state = review_path(*first)
    session = Session.open(*first, state)
    session.show(session.compute_here())
    session.toggle_reviewed()
    assert review_path(*second) == state
    again = Session.open(*second, review_path(*second))
    again.show(again.compute_here())
    assert again.reviewed_count() == 1


def test_one_count_of_pairs_everywhere(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """78/228 → 80/228: the CLI's listing, the UI's header and every report count the same
    rows, the header's among them."""
    import csv
    import io
    import json
    import re

    from resalign.align import read_document
    from resalign.align.render.alignment import listing
    from tests.test_real_documents import REAL

    left, right = (read_document(REAL / f"{name}.pdf") for name in ("A_RES_78_228", "A_RES_80_228"))
    comparison = compare(left, right, align(left, right))
    rows = len(comparison.views)
    assert rows == 139
    assert listing(comparison.alignment).splitlines()[1].startswith(f"{rows} pairs: ")
    data = json.loads(render(comparison, "json"))
    assert sum(data["summary"]["statuses"].values()) == len(data["pairs"]) == rows
    markdown = render(comparison, "md").decode()
    assert sum(int(n) for n in re.findall(r"^- [a-z+]+: (\d+) pairs?$", markdown, re.M)) == rows
    html = render(comparison, "html").decode()
    summary = html.split('<table class="summary">')[1].split("</table>")[0]
    assert sum(int(n) for n in re.findall(r"<td>(\d+)</td>", summary)) == rows
    assert html.count("<tr class=") == rows
    table = list(csv.reader(io.StringIO(render(comparison, "csv").decode("utf-8-sig"))))
    assert len(table) - 1 == rows
    session = Session.open(left, right, tmp_path / "review.toml")
    session.show(session.compute_here())
    assert len(session.comparison.views) == rows
