"""The review file is the tool's own, beside the user's things: it is only ever a regular
file, set aside beside itself when it cannot be read, read through a link, and two
sessions saving to it at once keep each other's marks."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from resalign.align import Document
from resalign.align.errors import UsageError
from resalign.align.review import MAX_REVIEW, Review, load_review, save_review
from resalign.tui.session import Session


@pytest.mark.parametrize("kind", ["directory", "named pipe", "device"])
def test_a_review_that_is_no_regular_file_is_refused_and_left_alone(
    tmp_path: Path, es: Document, modeled: Document, kind: str
) -> None:
    """`--state DIR` renamed the user's folder; `--state FIFO` hung; `--state /dev/zero`
    grew without bound. Each is refused at once, in one line, and left as it was."""
    if kind == "directory":
        state = tmp_path / "my folder"
        state.mkdir()
        (state / "notes.txt").write_text("mine")
    elif kind == "named pipe":
        state = tmp_path / "pipe"
        os.mkfifo(state)
    else:
        state = Path("/dev/zero")
    with pytest.raises(UsageError, match="a review file must be a regular file") as refused:
        Session.open(es, modeled, state)
    assert "\n" not in str(refused.value)
    assert state.exists()
    if kind == "directory":
        assert (state / "notes.txt").read_text() == "mine" and len(list(tmp_path.iterdir())) == 1


def test_a_corrupt_review_behind_a_link_is_set_aside_beside_its_target(tmp_path: Path) -> None:
    real = tmp_path / "reviews" / "real.toml"
    real.parent.mkdir()
    real.write_text("reviewed = [[[", encoding="utf-8")
    link = tmp_path / "link.toml"
    link.symlink_to(real)
    review, warning = load_review(link)
    assert review == Review() and warning is not None and "set aside" in warning
    assert link.is_symlink()  # the link is never replaced
    assert [p.name.startswith("real.toml.corrupt-") for p in real.parent.iterdir()] == [True]
    save_review(link, Review({("PP1", "PP1"): ("a", "b")}), left="l", right="r")
    assert link.is_symlink() and load_review(link)[0].reviewed == {("PP1", "PP1"): ("a", "b")}


def test_a_review_too_large_to_be_one_is_set_aside_unread(tmp_path: Path) -> None:
    state = tmp_path / "huge.toml"
    state.write_bytes(b"# " + b"x" * MAX_REVIEW + b"\n")
    review, warning = load_review(state)
    assert review == Review() and warning is not None and "limit" in warning
    assert not state.exists()


SAVER = """
import sys
from pathlib import Path
from resalign.align import read_document
from tests.conftest import ES, MODELED
from resalign.tui.session import Session
session = Session.open(read_document(MODELED), read_document(ES), Path(sys.argv[1]))
for n in range(150):
    session.review = session.review.toggled((f"{sys.argv[2]}{n}", f"R{n}"), ("a", "b"))
    assert session.save_state() is None
"""


def test_two_sessions_saving_at_once_keep_every_mark(tmp_path: Path) -> None:
    """Two processes each saving 150 marks to one review file, at the same time: all 300
    are there (150 of 300 were, before the lock)."""
    state = tmp_path / "review.toml"
    root = Path(__file__).parent.parent
    savers = [
        subprocess.Popen([sys.executable, "-c", SAVER, str(state), prefix], cwd=root)
        for prefix in ("A", "B")
    ]
    assert [saver.wait(timeout=120) for saver in savers] == [0, 0]
    marks = load_review(state)[0].reviewed
    assert len(marks) == 300
