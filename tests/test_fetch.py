"""Fetching by symbol, against a local stand-in for the UN's document system (loopback
only: the suite never touches the network)."""

from __future__ import annotations

import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from resalign.align.errors import ExitCode, UsageError
from resalign.align.fetch import (
    Fetcher,
    FetchError,
    NoSuchDocument,
    Request,
    parse_request,
    request,
)
from resalign.cli import main
from tests.fixtures.ods_server import (
    DRIP,
    FLAKY,
    FOREIGN,
    HTML_PAGE,
    SHORT_LENGTH,
    SLOW,
    TRUNCATED,
    Documents,
    ods_server,
)
from tests.test_real_documents import REAL

PDF_80 = (REAL / "A_RES_80_228.pdf").read_bytes()
PDF_78 = (REAL / "A_RES_78_228.pdf").read_bytes()


@pytest.fixture
def documents() -> Documents:
    from resalign.align import read_document
    from tests.conftest import ES
    from tests.fixtures.docx_builder import docx_bytes
    from tests.test_read_formats import header_lines

    docx = docx_bytes(read_document(ES), header_lines(ES))
    return Documents(
        {
            ("A/RES/80/228", "en", "pdf"): PDF_80,
            ("A/RES/78/228", "en", "pdf"): PDF_78,
            ("A/RES/72/195", "es", "docx"): docx,
            (FLAKY, "en", "pdf"): PDF_80,
        }
    )


@pytest.fixture
def server(documents: Documents, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    with ods_server(documents) as base:
        monkeypatch.setenv("RESALIGN_ODS_URL", base)
        yield base


def fetcher(base: str, tmp_path: Path, **options: object) -> Fetcher:
    return Fetcher(cache=tmp_path / "cache", base=base, backoff=0.0, **options)  # type: ignore[arg-type]


def test_symbols_and_languages_are_checked() -> None:
    assert request("S/RES/2231  (2015)", "en") == Request("S/RES/2231 (2015)", "en")
    assert Request("S/RES/2231 (2015)", "en").file_name("pdf") == "S_RES_2231_2015.en.pdf"
    assert Request("A/C.3/80/L.20/Rev.1", "es").file_name("docx") == "A_C.3_80_L.20_Rev.1.es.docx"
    assert parse_request("A/RES/ES-11/1:ar") == Request("A/RES/ES-11/1", "ar")
    assert parse_request("report.pdf") is None
    assert parse_request("A/RES/72/195:xx") is None
    with pytest.raises(UsageError, match="not a UN document symbol: 'resolution 72/195'"):
        request("resolution 72/195", "en")
    with pytest.raises(UsageError, match="not an official language: 'de'"):
        request("A/RES/72/195", "de")


def test_auto_takes_the_word_file_and_else_the_pdf(
    server: str, documents: Documents, tmp_path: Path
) -> None:
    get = fetcher(server, tmp_path)
    word = get.get(Request("A/RES/72/195", "es"))
    assert word.name == "A_RES_72_195.es.docx" and word.read_bytes()[:4] == b"PK\x03\x04"
    pdf = get.get(Request("A/RES/80/228", "en"))
    assert (pdf.name, pdf.read_bytes()) == ("A_RES_80_228.en.pdf", PDF_80)
    assert documents.asked[("A/RES/80/228", "en", "docx")] == 1  # asked first, 404
    assert documents.asked[("A/RES/80/228", "en", "pdf")] == 1


def test_the_cache_answers_until_refresh(server: str, documents: Documents, tmp_path: Path) -> None:
    get = fetcher(server, tmp_path)
    first = get.get(Request("A/RES/80/228", "en"), "pdf")
    again = get.get(Request("A/RES/80/228", "en"), "pdf")
    assert first == again and documents.asked[("A/RES/80/228", "en", "pdf")] == 1
    get.get(Request("A/RES/80/228", "en"), "pdf", refresh=True)
    assert documents.asked[("A/RES/80/228", "en", "pdf")] == 2
    offline = fetcher("http://127.0.0.1:9", tmp_path)
    assert offline.get(Request("A/RES/80/228", "en"), "pdf", offline=True) == first
    with pytest.raises(FetchError, match=r"A/RES/78/228 \[en\] is not in the cache .* --offline"):
        offline.get(Request("A/RES/78/228", "en"), offline=True)


@pytest.mark.parametrize(
    ("symbol", "kind", "message"),
    [
        ("A/RES/72/999", "pdf", r"^no such document: A/RES/72/999 \[en\] \(pdf\)$"),
        (HTML_PAGE, "pdf", r"the server sent an HTML page, not a PDF$"),
        (TRUNCATED, "pdf", r"the download was cut short \(27 of 100000 bytes\)$"),
        (SHORT_LENGTH, "pdf", r"the download was cut short \(a PDF without its end\)$"),
        (FOREIGN, "pdf", r"refused a redirect to https://files\.example\.com: not a UN host"),
    ],
)
def test_failures_are_one_line(
    server: str, tmp_path: Path, symbol: str, kind: str, message: str
) -> None:
    with pytest.raises(FetchError, match=message) as caught:
        fetcher(server, tmp_path, retries=1).get(Request(symbol, "en"), kind)
    assert "\n" not in str(caught.value)
    assert caught.value.exit_code == ExitCode.NETWORK
    assert not list((tmp_path / "cache").glob("*.pdf"))  # nothing half-written is kept


def test_no_such_document_is_not_retried(server: str, documents: Documents, tmp_path: Path) -> None:
    with pytest.raises(NoSuchDocument):
        fetcher(server, tmp_path, retries=3).get(Request("A/RES/72/999", "en"), "pdf")
    assert documents.asked[("A/RES/72/999", "en", "pdf")] == 1


def test_a_server_error_is_retried(server: str, documents: Documents, tmp_path: Path) -> None:
    path = fetcher(server, tmp_path, retries=2).get(Request(FLAKY, "en"), "pdf")
    assert path.read_bytes() == PDF_80
    assert documents.asked[(FLAKY, "en", "pdf")] == 2


def test_a_slow_server_times_out(server: str, documents: Documents, tmp_path: Path) -> None:
    documents.slow_seconds = 1.0
    with pytest.raises(FetchError, match=r"A/RES/1/1 \[en\]: timed out after 0.2 s$"):
        fetcher(server, tmp_path, timeout=0.2, retries=1).get(Request(SLOW, "en"), "pdf")
    assert documents.asked[(SLOW, "en", "pdf")] == 2  # once, and once again


def test_the_timeout_bounds_the_whole_download(
    server: str, documents: Documents, tmp_path: Path
) -> None:
    """A server that sends a byte every tenth of a second (21 s for its file) cannot keep
    a download of --timeout 1 going: every read is quick, the download is stopped at 1 s."""
    import time

    started = time.monotonic()
    with pytest.raises(FetchError, match=r"A/RES/7/7 \[en\]: timed out after 1 s$"):
        fetcher(server, tmp_path, timeout=1.0, retries=0).get(Request(DRIP, "en"), "pdf")
    assert time.monotonic() - started < 1.5
    assert not list((tmp_path / "cache").glob("*"))  # nothing kept


def test_the_size_cap(server: str, tmp_path: Path) -> None:
    with pytest.raises(FetchError, match=r"over the 0\.25 MiB cap"):
        fetcher(server, tmp_path, max_bytes=256 * 1024).get(Request("A/RES/80/228", "en"), "pdf")


def test_two_fetches_at_once_leave_a_whole_file(server: str, tmp_path: Path) -> None:
    get = fetcher(server, tmp_path)
    paths: list[Path] = []
    threads = [
        threading.Thread(
            target=lambda: paths.append(get.get(Request("A/RES/80/228", "en"), "pdf", refresh=True))
        )
        for _ in range(4)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(paths)) == 1 and paths[0].read_bytes() == PDF_80
    assert [p.name for p in (tmp_path / "cache").iterdir()] == ["A_RES_80_228.en.pdf"]


def test_fetch_command(server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "out"
    code = main(
        ["fetch", "A/RES/80/228", "A/RES/72/999", "--lang", "en", "-o", str(out), "--quiet"]
    )
    printed, err = capsys.readouterr()
    assert code == ExitCode.NETWORK  # one of the two is missing; the other is written
    assert printed.splitlines() == [str(out / "A_RES_80_228.en.pdf")]
    assert err == "resalign: no such document: A/RES/72/999 [en] (pdf)\n"
    assert (out / "A_RES_80_228.en.pdf").read_bytes() == PDF_80
    code = main(["fetch", "A/RES/80/228", "--lang", "en", "-o", str(out), "--quiet"])
    assert code == ExitCode.NETWORK  # the file in the folder is the user's: not clobbered
    assert "exists; use --force" in capsys.readouterr().err
    assert main(["fetch", "A/RES/80/228", "--lang", "de"]) == ExitCode.INPUT


def test_symbols_wherever_a_file_goes(
    server: str, documents: Documents, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["align", "A/RES/78/228:en", "A/RES/80/228:en"])
    out, _ = capsys.readouterr()
    assert code == 0
    assert out.splitlines()[0] == "version mode: A/RES/78/228 [en] ↔ A/RES/80/228 [en]"
    assert main(["diff", "--offline", "A/RES/78/228:en", "A/RES/80/228:en"]) == 0
    assert documents.asked[("A/RES/80/228", "en", "pdf")] == 1  # the cache, not the server
    assert main(["A/RES/72/195:es"]) == 0  # `resalign SYMBOL:LANG`: its structure
    assert "A/RES/72/195" in capsys.readouterr().out
    assert main(["parse", "A/RES/72/998:es"]) == ExitCode.NETWORK
    assert capsys.readouterr().err == "resalign: no such document: A/RES/72/998 [es] (pdf)\n"


def test_no_server_is_a_network_error(capsys: pytest.CaptureFixture[str]) -> None:
    """The suite's own guard: the document system is the discard port, refused at once."""
    assert main(["parse", "A/RES/72/195:es"]) == ExitCode.NETWORK
    assert capsys.readouterr().err.startswith("resalign: A/RES/72/195 [es]: cannot reach")


def test_the_progress_bar_names_each_document(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)  # as in a terminal
    code = main(["fetch", "A/RES/80/228", "--lang", "en", "-o", str(tmp_path / "out")])
    err = capsys.readouterr().err
    assert code == 0
    assert "A/RES/80/228 [en] (1/1)" in err and "315.3/315.3 kB" in err


def test_a_log_gets_the_error_and_no_progress_bar(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Standard error is no terminal (a log file, a pipe): a failed fetch writes its one
    line, not a bar of `0/0 bytes`."""
    code = main(["fetch", "A/RES/72/998", "--lang", "es", "-o", str(tmp_path / "out")])
    assert code == ExitCode.NETWORK
    assert capsys.readouterr().err == "resalign: no such document: A/RES/72/998 [es] (pdf)\n"


@pytest.mark.parametrize("value", ["nan", "inf", "-1", "0", "abc"])
def test_a_timeout_that_is_no_time_is_a_usage_error(
    value: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """One line and exit 2, no traceback: a NaN or infinite timeout would never end."""
    with pytest.raises(SystemExit) as done:
        main(["fetch", "A/RES/80/228", "--timeout", value, "-o", "out"])
    err = capsys.readouterr().err
    assert done.value.code == ExitCode.INPUT  # 2: a usage error
    assert err.count("\n") == 1 and f"not a number of seconds over 0: {value!r}" in err


def test_a_cache_or_folder_that_cannot_be_made_is_one_line(
    server: str, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """A cache or an output folder under a file (as under a read-only folder: the same
    failure to make it, which root, running the tests, would not meet)."""
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    code = main(["fetch", "A/RES/80/228", "--lang", "en", "-o", str(blocker / "out")])
    assert code == ExitCode.OUTPUT
    assert (
        capsys.readouterr().err
        == f"resalign: {blocker}/out: cannot make the folder (Not a directory)\n"
    )
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    assert main(["parse", "A/RES/80/228:en"]) == ExitCode.OUTPUT
    cache = blocker / "resalign" / "documents"
    assert (
        capsys.readouterr().err == f"resalign: {cache}: cannot make the cache (Not a directory)\n"
    )
