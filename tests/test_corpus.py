"""resalign corpus over a collection made of the real PDFs, the seeds and a modeled
version: its groups, parallel corpus (JSONL, Parquet, TMX), lineages and adoptions, its
error log, resuming, and the same output from every engine."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from lxml import etree, html

from resalign.align.corpus.engines import DaskCluster, InProcess, LocalPool
from resalign.align.corpus.groups import ListedSeries
from resalign.align.corpus.inputs import collection
from resalign.align.corpus.pipeline import Run, Summary, run_corpus
from resalign.align.corpus.records import PARALLEL_FIELDS
from resalign.align.read import read_document
from resalign.align.render.corpus.lineage import render_lineage
from resalign.cli import main
from tests.carry_fixtures import modeled_new_english
from tests.conftest import EN, ES, MODELED

REAL = Path(__file__).parent / "data" / "real"
DTD = Path(__file__).parent / "data" / "tmx14.dtd"
PDFS = (
    "A_RES_78_228",
    "A_RES_80_228",
    "A_C.3_80_L.4",
    "A_RES_78_187",
    "A_RES_80_190",
    "A_C.3_80_L.20",
    "A_C.3_80_L.63",
    "A_RES_80_9",
    "A_80_L.8",
    "A_RES_79_179",
)
TRAFFICKING = "improving-the-coordination-of-efforts-against-trafficking-in-persons"
EPOCH = "1764547200"  # 2025-12-01T00:00:00Z


def make_collection(folder: Path, pdfs: tuple[str, ...] = PDFS) -> Path:
    """The documents, a modeled 74/176 (the English 72/195 edited as a next version is),
    a PDF cut short and an empty file, which sort among the others."""
    folder.mkdir()
    for name in pdfs:
        shutil.copyfile(REAL / f"{name}.pdf", folder / f"{name}.pdf")
    for seed in (EN, ES, MODELED):
        shutil.copyfile(seed, folder / seed.name)
    (folder / "A_RES_74_176.en.txt").write_text(
        modeled_new_english(EN.read_text(encoding="utf-8")), encoding="utf-8"
    )
    (folder / "A_RES_75_1.pdf").write_bytes((REAL / "A_RES_79_179.pdf").read_bytes()[:3000])
    (folder / "notes").mkdir()
    (folder / "notes" / "empty.txt").write_bytes(b"")
    (folder / "notes" / "README.md").write_text("not a document: not read")
    return folder


def corpus(source: Path, out: Path, engine: object = None, **options: object) -> Summary:
    return run_corpus(collection(source, skip=out), Run(out, **options), engine or InProcess())


def outputs(out: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(out)): path.read_bytes()
        for path in sorted(out.rglob("*"))
        if path.is_file() and ".resalign-corpus" not in path.parts
    }


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def parallel(out: Path) -> list[dict]:
    """The parallel corpus's records, shard after shard as its index lists them."""
    index = json.loads((out / "parallel" / "index.json").read_text())
    return [
        record for shard in index["shards"] for record in jsonl(out / "parallel" / shard["jsonl"])
    ]


@pytest.fixture(scope="module")
def epoch() -> Iterator[None]:
    previous = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = EPOCH
    yield
    if previous is None:
        del os.environ["SOURCE_DATE_EPOCH"]
    else:
        os.environ["SOURCE_DATE_EPOCH"] = previous


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_collection(tmp_path_factory.mktemp("collection") / "documents")


@pytest.fixture(scope="module")
def done(source: Path, epoch: None) -> tuple[Path, Summary]:
    out = source.parent / "out"
    return out, corpus(source, out)


def test_every_document_is_read_or_its_failure_logged(done: tuple[Path, Summary]) -> None:
    out, summary = done
    assert (summary.documents, summary.read) == (16, 14)
    errors = jsonl(out / "errors.jsonl")
    assert [(e["stage"], Path(e["subject"]).name) for e in errors] == [
        ("read", "A_RES_75_1.pdf"),
        ("read", "empty.txt"),
    ]
    assert errors[1]["message"] == "is empty"
    assert "pdf" in errors[0]["message"].lower()
    catalog = jsonl(out / "documents.jsonl")
    assert len(catalog) == 14
    assert {(e["symbol"], e["language"]) for e in catalog} >= {
        ("A/RES/72/195", "en"),
        ("A/RES/72/195", "es"),
        ("A/RES/74/176", "en"),
        ("A/C.3/80/L.63", "en"),
    }
    facts = json.loads((out / "summary.json").read_text())
    assert facts["failed"] == {"fetch": 0, "read": 2, "align": 0}
    assert facts["groups"] == {"language sets": 1, "series": 2, "adoptions": 3, "amendments": 1}


def test_groups_language_sets_series_adoptions(done: tuple[Path, Summary]) -> None:
    out, _ = done
    groups = json.loads((out / "groups.json").read_text())
    sets = {s["symbol"]: sorted(s["languages"]) for s in groups["language_sets"]}
    assert sets["A/RES/72/195"] == ["en", "es"]
    assert {s["name"]: s["symbols"] for s in groups["series"]} == {
        TRAFFICKING: [
            "A/RES/70/179",
            "A/RES/72/195",
            "A/RES/74/176",
            "A/RES/78/228",
            "A/RES/80/228",
        ],
        "rights-of-the-child": ["A/RES/78/187", "A/RES/80/190"],
    }
    assert groups["adoptions"] == [
        {"draft": "A/80/L.8", "resolution": "A/RES/80/9", "how": "named"},
        {"draft": "A/C.3/80/L.4", "resolution": "A/RES/80/228", "how": "title"},
        {"draft": "A/C.3/80/L.20", "resolution": "A/RES/80/190", "how": "title"},
    ]
    assert groups["amendments"] == [{"amendment": "A/C.3/80/L.63", "amends": "A/C.3/80/L.20/Rev.1"}]


def test_parallel_records_pair_every_unit_of_the_set(done: tuple[Path, Summary]) -> None:
    out, _ = done
    records = parallel(out)
    english, spanish = read_document(EN), read_document(ES)
    assert all(list(record) == list(PARALLEL_FIELDS) for record in records)
    assert len(records) == 2 + len(english.paragraphs) + len(english.footnotes) == 78
    by_unit = {record["unit"]: record for record in records}
    assert by_unit["PP8(c)"]["en"] == english.paragraph("PP8(c)").text
    assert by_unit["PP8(c)"]["es"] == spanish.paragraph("PP8(c)").text
    assert by_unit["TITLE"]["es"] == spanish.title
    assert by_unit["FN14"] | {"en_score": None, "es_score": None} == {
        **dict.fromkeys(PARALLEL_FIELDS),
        "set": "A/RES/72/195",
        "unit": "FN14",
        "kind": "footnote",
        "pivot": "en",
        "en": "Resolution 64/293.",
        "es": "Resolución 64/293.",
        "en_key": "FN14",
        "es_key": "FN14",
        "findings": [],
        "uneven": [],
    }
    assert all(r["en_key"] == r["es_key"] == r["unit"] for r in records)
    assert all(r[lang] is None for r in records for lang in ("ar", "zh", "fr", "ru"))


def test_parquet_holds_the_jsonl_records(done: tuple[Path, Summary]) -> None:
    out, _ = done
    table = pq.read_table(out / "parallel" / "parquet")  # the folder: a Parquet dataset
    assert table.column_names == list(PARALLEL_FIELDS)
    assert table.to_pylist() == parallel(out)


def test_the_parallel_corpus_is_written_in_shards_with_an_index(
    tmp_path: Path, epoch: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Three language sets two to a shard: two shards of each format, which hold together
    what one shard does; a run with one shard over it leaves no second behind."""
    from resalign.align.corpus import shards

    folder = tmp_path / "documents"
    folder.mkdir()
    for number in (1, 2, 3):
        for seed, language in ((EN, "en"), (ES, "es")):
            text = seed.read_text(encoding="utf-8").replace("72/195", f"90/{number}")
            (folder / f"A_RES_90_{number}.{language}.txt").write_text(text, encoding="utf-8")
    corpus(folder, tmp_path / "one")
    monkeypatch.setattr(shards, "SETS_PER_SHARD", 2)
    two = tmp_path / "two"
    corpus(folder, two, engine=LocalPool(2))
    index = json.loads((two / "parallel" / "index.json").read_text())
    assert index["fields"] == list(PARALLEL_FIELDS)
    assert index["records"] == 3 * 78
    assert index["shards"] == [
        {
            "jsonl": f"jsonl/part-0000{n}.jsonl",
            "tmx": f"tmx/part-0000{n}.tmx",
            "parquet": f"parquet/part-0000{n}.parquet",
            "sets": sets,
            "records": 78 * sets,
        }
        for n, sets in ((0, 2), (1, 1))
    ]
    records = parallel(two)
    assert [r["set"] for r in records[::78]] == ["A/RES/90/1", "A/RES/90/2", "A/RES/90/3"]
    assert records == parallel(tmp_path / "one")
    assert pq.read_table(two / "parallel" / "parquet").to_pylist() == records
    assert pq.ParquetFile(two / "parallel" / "parquet" / "part-00000.parquet").num_row_groups == 1
    for shard in index["shards"]:
        tmx = etree.parse(str(two / "parallel" / shard["tmx"]))
        assert etree.DTD(str(DTD)).validate(tmx)
        assert len(tmx.findall(".//tu")) == 77 * shard["sets"]
    monkeypatch.setattr(shards, "SETS_PER_SHARD", 500)
    corpus(folder, two, force=True)
    assert sorted(p.name for p in (two / "parallel").rglob("*")) == [
        "index.json", "jsonl", "parquet", "part-00000.jsonl", "part-00000.parquet",
        "part-00000.tmx", "tmx",
    ]  # fmt: skip
    assert outputs(two) == outputs(tmp_path / "one")


def test_tmx_is_valid_and_has_a_variant_per_language(done: tuple[Path, Summary]) -> None:
    out, _ = done
    document = etree.parse(str(out / "parallel" / "tmx" / "part-00000.tmx"))
    assert etree.DTD(str(DTD)).validate(document)
    units = document.findall(".//tu")
    assert len(units) == 77  # every record but the opening line, which is no header text
    pp1 = units[1]
    assert pp1.get("tuid") == "A/RES/72/195#PP1"
    assert pp1.get("creationdate") == "20251201T000000Z"
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert [tuv.get(lang) for tuv in pp1.findall("tuv")] == ["en-GB", "es-ES"]
    assert pp1.findtext("tuv/seg").startswith("Reiterating its strong condemnation")


def test_lineage_of_each_paragraph_across_the_series(done: tuple[Path, Summary]) -> None:
    out, _ = done
    series = json.loads((out / "lineages" / f"{TRAFFICKING}.json").read_text())
    assert list(series["languages"]) == ["en", "es"]
    english = series["languages"]["en"]
    assert [v["symbol"] for v in english["versions"]] == [
        "A/RES/72/195",
        "A/RES/74/176",
        "A/RES/78/228",
        "A/RES/80/228",
    ]
    paragraphs = {p["key"]: p for p in english["paragraphs"]}
    assert len(paragraphs) == len(read_document(REAL / "A_RES_80_228.pdf").paragraphs)
    pp1 = paragraphs["PP1"]
    assert (pp1["first"], pp1["in_earliest"], pp1["changed"]) == ("A/RES/72/195", True, [])
    assert [step["status"] for step in pp1["versions"]] == ["first", "same", "same", "same"]
    moved = paragraphs["PP20"]  # PP25 of 78/228 moved up in 80/228
    assert [s and (s["key"], s["status"]) for s in moved["versions"]][2:] == [
        ("PP25", "changed"),
        ("PP20", "moved"),
    ]
    assert moved["moved"] == ["A/RES/80/228"]
    inserted = paragraphs["PP23"]  # new in 80/228
    assert inserted["first"] == "A/RES/80/228"
    assert inserted["versions"][:3] == [None, None, None]
    spanish = series["languages"]["es"]
    assert [v["symbol"] for v in spanish["versions"]] == ["A/RES/70/179", "A/RES/72/195"]


def test_lineage_follows_renumbering(done: tuple[Path, Summary]) -> None:
    """The modeled 74/176 inserted an OP3, so 72/195's OP3 to OP18 became OP4 to OP19."""
    out, _ = done
    english = json.loads((out / "lineages" / f"{TRAFFICKING}.json").read_text())["languages"]["en"]
    renumbered = {
        step["renumbered_from"]: step["key"]
        for paragraph in english["paragraphs"]
        if (step := paragraph["versions"][1]) and "renumbered_from" in step
    }
    assert {old: renumbered[old] for old in ("OP3", "OP4", "OP18")} == {
        "OP3": "OP4",
        "OP4": "OP5",
        "OP18": "OP19",
    }
    # what 74/176 added did not last: 78/228 dropped it, with OP19, which 74/176 dropped
    dropped = [(d["symbol"], d["key"]) for d in english["dropped"]]
    assert ("A/RES/74/176", "OP19") in dropped
    assert {("A/RES/78/228", "PP12"), ("A/RES/78/228", "OP3")} <= set(dropped)
    assert not [p for p in english["paragraphs"] if p["first"] == "A/RES/74/176"]


def test_lineage_page_is_escaped_and_has_a_row_per_paragraph(done: tuple[Path, Summary]) -> None:
    out, _ = done
    series = json.loads((out / "lineages" / f"{TRAFFICKING}.json").read_text())
    assert list(series["languages"]) == ["en", "es"]
    front = html.fromstring((out / "lineages" / f"{TRAFFICKING}.html").read_bytes())
    assert front.xpath("//li/a/@href") == [f"{TRAFFICKING}.en.html", f"{TRAFFICKING}.es.html"]
    assert not front.xpath("//tr")  # the series' page lists; each language has its own
    for language, other in (("en", "es"), ("es", "en")):
        page = html.fromstring((out / "lineages" / f"{TRAFFICKING}.{language}.html").read_bytes())
        rows = page.xpath(f"//tr[starts-with(@id, '{language}-')]")
        assert len(rows) == len(series["languages"][language]["paragraphs"])
        assert not page.xpath(f"//tr[starts-with(@id, '{other}-')]")
        assert page.xpath("//p/a/@href") == [f"{TRAFFICKING}.html", f"{TRAFFICKING}.{other}.html"]
    index = html.fromstring((out / "lineages" / "index.html").read_bytes())
    assert index.xpath("//a/@href") == [f"{TRAFFICKING}.html", "rights-of-the-child.html"]
    hostile = {
        "name": "x",
        "title": "<script>alert(1)</script>",
        "symbols": ["A/1", "A/2"],
        "languages": {
            "en": {
                "versions": [{"symbol": "A/1"}, {"symbol": "<b>A/2</b>"}],
                "paragraphs": [
                    {
                        "key": "PP1",
                        "changed": ["A/2"],
                        "versions": [
                            {"key": "PP1", "status": "first", "note": "", "text": "<i>x</i>"},
                            {"key": "PP1", "status": "changed", "note": "", "text": "<img>"},
                        ],
                    }
                ],
                "dropped": [],
            }
        },
    }
    parsed = html.fromstring(render_lineage(hostile, "en"))
    assert not parsed.xpath("//script | //img | //i | //b")
    assert "<script>alert(1)</script>" in parsed.findtext(".//h1")
    assert "<i>x</i>" in parsed.text_content()


def test_adoptions_say_what_changed_from_draft_to_resolution(done: tuple[Path, Summary]) -> None:
    out, _ = done
    adoptions = {record["draft"]: record for record in jsonl(out / "adoptions.jsonl")}
    # The draft's kerned letters (`an d`, `principle s`) are no change: OP2 and OP9 of
    # A/C.3/80/L.4 and ANX.OP8 of A/80/L.8 are the same as adopted.
    assert adoptions["A/C.3/80/L.4"]["counts"] == {"changed": 9, "same": 119}
    assert adoptions["A/80/L.8"]["changes"] == []
    assert adoptions["A/80/L.8"]["counts"] == {"same": 61}


def test_a_resumed_run_writes_what_an_uninterrupted_one_does(
    source: Path, done: tuple[Path, Summary], monkeypatch: pytest.MonkeyPatch
) -> None:
    uninterrupted, _ = done
    out = source.parent / "resumed"

    class Stop:
        def __init__(self) -> None:
            self.count = 0

        def stage(self, name: str, total: int) -> None:
            pass

        def advance(self, name: str) -> None:
            self.count += 1
            if name == "align" and self.count > 17:
                raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        run_corpus(collection(source, skip=out), Run(out), InProcess(), Stop())
    assert not (out / "parallel").exists()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "2000000000")  # the resumed run keeps its date
    summary = corpus(source, out, resume=True)
    assert summary.resumed == 16 + 2  # every read, failures too, and the first two groups
    assert outputs(out) == outputs(uninterrupted)


def test_a_run_refuses_an_earlier_runs_folder_unless_told(done: tuple[Path, Summary]) -> None:
    out, _ = done
    code = main(["corpus", str(out.parent / "documents"), "-o", str(out), "--quiet"])
    assert code == 3


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory, epoch: None) -> tuple[Path, dict[str, bytes]]:
    source = make_collection(tmp_path_factory.mktemp("small") / "documents", ("A_RES_78_228",))
    out = source.parent / "in-process"
    corpus(source, out)
    return source, outputs(out)


def test_a_process_pool_writes_what_one_process_does(small: tuple[Path, dict[str, bytes]]) -> None:
    source, expected = small
    out = source.parent / "pool"
    pool = LocalPool(2)
    try:
        summary = corpus(source, out, pool)
    finally:
        pool.close()
    assert outputs(out) == expected
    assert summary.peaks and os.getpid() not in summary.peaks  # the workers did it


def test_a_dask_local_cluster_writes_what_one_process_does(
    small: tuple[Path, dict[str, bytes]],
) -> None:
    """On a LocalCluster of two worker processes, and through its scheduler's address as
    `--scheduler` gives it (a client of a cluster it did not start)."""
    source, expected = small
    cluster = DaskCluster(None, 2)
    try:
        assert cluster.workers == 2
        assert cluster.name.startswith("Dask at tcp://127.0.0.1:")
        summary = corpus(source, source.parent / "dask", cluster)
        remote = DaskCluster(cluster.name.removeprefix("Dask at "), 1)
        try:
            assert remote.workers == 2
            corpus(source, source.parent / "scheduler", remote)
        finally:
            remote.close()
    finally:
        cluster.close()
    assert outputs(source.parent / "dask") == expected
    assert outputs(source.parent / "scheduler") == expected
    assert summary.read == 5 and len(summary.failures) == 2
    assert summary.peaks and os.getpid() not in summary.peaks


def test_command_line_exit_codes(small: tuple[Path, dict[str, bytes]], tmp_path: Path) -> None:
    source, expected = small
    out = tmp_path / "out"
    assert main(["corpus", str(source), "-o", str(out), "--jobs", "1", "--quiet"]) == 5
    assert outputs(out) == expected
    again = ["corpus", str(source), "-o", str(out), "--quiet"]
    assert main([*again, "--resume", "--force"]) == 2
    assert main([*again, "--force"]) == 5
    assert main(["corpus", str(tmp_path / "nothing"), "-o", str(out)]) == 2
    assert main(["corpus", str(source), "-o", str(out), "--pivot", "de"]) == 2


def test_manifests_list_files_and_series(
    small: tuple[Path, dict[str, bytes]], tmp_path: Path
) -> None:
    source, _ = small
    listed = tmp_path / "list.txt"
    listed.write_text(
        f"# the trafficking series\n{source}/A_RES_7*.txt\n{source / 'A_RES_78_228.pdf'}\n"
    )
    assert [p.name for p in collection(listed).paths] == [
        "A_RES_70_179.es.modeled.txt",
        "A_RES_72_195.en.txt",
        "A_RES_72_195.es.txt",
        "A_RES_74_176.en.txt",
        "A_RES_78_228.pdf",
    ]
    manifest = tmp_path / "corpus.toml"
    manifest.write_text(
        f'documents = ["{source}/*.txt"]\n'
        'fetch = ["A/RES/80/228 en,fr"]\n'
        '[[series]]\nname = "older"\nsymbols = ["A/RES/70/179", "A/RES/72/195"]\n'
    )
    given = collection(manifest)
    assert given.fetch == (("A/RES/80/228", "en,fr"),)
    assert given.series == (ListedSeries("older", ("A/RES/70/179", "A/RES/72/195")),)
    out = tmp_path / "out"
    code = main(["corpus", str(manifest), "-o", str(out), "--quiet", "--offline"])
    assert code == 5  # the two documents to fetch are not in the (empty) cache
    errors = jsonl(out / "errors.jsonl")
    assert [(e["stage"], e["subject"]) for e in errors] == [
        ("fetch", "A/RES/80/228 [en]"),
        ("fetch", "A/RES/80/228 [fr]"),
    ]
    series = json.loads((out / "groups.json").read_text())["series"]
    assert [(s["name"], s["symbols"], s["listed"]) for s in series] == [
        ("older", ["A/RES/70/179", "A/RES/72/195"], True)  # 74/176 is left alone
    ]


def test_an_interrupted_command_says_how_to_go_on(
    small: tuple[Path, dict[str, bytes]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import resalign.align.corpus.pipeline

    def interrupted(*args: object, **kwargs: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(resalign.align.corpus.pipeline, "run_corpus", interrupted)
    source, _ = small
    out = tmp_path / "out"
    assert main(["corpus", str(source), "-o", str(out), "--jobs", "1", "--quiet"]) == 130
    assert capsys.readouterr().err == (
        f"resalign: interrupted; what was done is kept in {out}: the same command with "
        "--resume goes on from there\n"
    )


def test_a_manifest_fetches_symbols_and_reads_them_with_the_rest(
    small: tuple[Path, dict[str, bytes]], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Symbols the manifest names are fetched (here from the loopback stand-in for the
    UN's document system) into the cache and grouped with the files it lists: 80/228
    joins the trafficking series after 78/228."""
    from tests.fixtures.ods_server import Documents, ods_server

    source, _ = small
    served = Documents({("A/RES/80/228", "en", "pdf"): (REAL / "A_RES_80_228.pdf").read_bytes()})
    manifest = tmp_path / "corpus.toml"
    manifest.write_text(
        f'documents = ["{source}/*.txt", "{source}/A_RES_78_228.pdf"]\n'
        'fetch = ["A/RES/80/228 en"]\n'
    )
    out = tmp_path / "out"
    with ods_server(served) as base:
        monkeypatch.setenv("RESALIGN_ODS_URL", base)
        assert main(["corpus", str(manifest), "-o", str(out), "--jobs", "1", "--quiet"]) == 0
    series = json.loads((out / "groups.json").read_text())["series"]
    assert [s["symbols"] for s in series] == [
        ["A/RES/70/179", "A/RES/72/195", "A/RES/74/176", "A/RES/78/228", "A/RES/80/228"]
    ]
    fetched = [e for e in jsonl(out / "documents.jsonl") if e["symbol"] == "A/RES/80/228"]
    assert Path(fetched[0]["source"]).name == "A_RES_80_228.en.pdf"
    assert served.asked[("A/RES/80/228", "en", "docx")] == 1  # a Word file first, as fetch does


def test_a_killed_worker_s_tasks_run_again(tmp_path: Path) -> None:
    """A worker killed during a task breaks the pool: a new pool runs the tasks lost with
    it, and every result comes back once."""
    from tests.corpus_tasks import doubled, killed_once

    pool = LocalPool(2)
    try:
        calls = [(doubled, (n,)) for n in range(20)]
        calls[7] = (killed_once, (str(tmp_path / "marker"), 7))
        assert sorted(pool.run(iter(calls))) == [2 * n for n in range(20)]
    finally:
        pool.close()
    assert (tmp_path / "marker").exists()


def test_a_task_that_kills_every_worker_stops_the_run_in_one_line() -> None:
    from resalign.align.corpus.engines import RESTARTS, EngineError
    from tests.corpus_tasks import doubled, killed_always

    pool = LocalPool(2)
    try:
        with pytest.raises(EngineError, match=f"worker processes died {RESTARTS + 1} times"):
            list(pool.run(iter([(doubled, (1,)), (killed_always, (2,))])))
    finally:
        pool.close()


def _descendants(pid: int) -> set[int]:
    """Every process under `pid`, from /proc (Linux)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        with contextlib.suppress(OSError):
            fields = stat.read_text().rsplit(")", 1)[1].split()
            parents[int(stat.parent.name)] = int(fields[1])
    found, frontier = set(), {pid}
    while frontier:
        frontier = {child for child, parent in parents.items() if parent in frontier}
        found |= frontier
    return found


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux's /proc")
def test_killing_resalign_leaves_no_worker(tmp_path: Path) -> None:
    """`kill -9` of a corpus run on a process pool: its workers (and the pool's server)
    end within two seconds, not when their tasks do."""
    folder = tmp_path / "documents"
    folder.mkdir()
    for copy in range(3):
        for pdf in REAL.glob("*.pdf"):
            shutil.copy(pdf, folder / f"{pdf.stem}-{copy}.pdf")
    run = subprocess.Popen(
        [sys.executable, "-m", "resalign", "corpus", str(folder), "-o", str(tmp_path / "out"),
         "--jobs", "2", "--quiet"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    documents = tmp_path / "out" / ".resalign-corpus" / "documents"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and not (
        len(workers := _descendants(run.pid)) >= 3 and any(documents.glob("*/*.pickle"))
    ):  # killed once the workers are at work, not while they start (slower under load)
        time.sleep(0.1)
    assert len(workers) >= 3, "the pool never started"
    run.kill()
    run.wait()
    deadline = time.monotonic() + 2
    while (alive := {p: what for p in workers if (what := _running(p))}) and (
        time.monotonic() < deadline
    ):
        time.sleep(0.1)
    for pid in alive:  # whatever is left is the failure; it is not left running
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, 9)
    assert alive == {}


def _running(pid: int) -> str | None:
    """What process `pid` is running, or None once it has ended. A zombie has ended: only
    its exit status is left, for a parent to collect, and an orphan's goes to PID 1, which
    in some containers never collects it."""
    with contextlib.suppress(OSError):
        stat = Path(f"/proc/{pid}/stat").read_text()
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
        if stat.rsplit(")", 1)[1].split()[0] != "Z":
            return command.decode(errors="replace")
    return None


def test_a_series_whose_page_fails_is_a_failure_not_a_missing_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A lineage page that cannot be made fails its series' task (errors.jsonl, exit 5),
    and the run writes everything else: it used to leave the series' JSON, as if done,
    and end in `lineages/….html: cannot write (No such file or directory)`."""
    import resalign.align.corpus.tasks

    def broken(series: object, language: str) -> bytes:
        raise MemoryError("a page too large")

    monkeypatch.setattr(resalign.align.corpus.tasks, "render_lineage", broken)
    source = make_collection(tmp_path / "documents", ("A_RES_78_228", "A_RES_80_228"))
    out = tmp_path / "out"
    summary = corpus(source, out)
    failures = [e for e in jsonl(out / "errors.jsonl") if e["stage"] == "align"]
    assert failures and all("a page too large" in e["message"] for e in failures)
    assert sorted(p.name for p in (out / "lineages").iterdir()) == ["index.html"]
    assert summary.failed("align") == len(failures)


def test_a_dask_worker_that_joins_midway_gets_work(
    small: tuple[Path, dict[str, bytes]],
) -> None:
    """A cluster of one worker, a second started once the run is going: the second runs
    tasks too (the first had them all queued before), every result comes back once; and a
    corpus run on a cluster that grows midway writes what one process does."""
    from tests.corpus_tasks import where

    cluster = DaskCluster(None, 1)
    try:
        pids = []
        for number, pid in enumerate(cluster.run(iter([(where, (0.05,))] * 160))):
            pids.append(pid)
            if number == 8:
                cluster._cluster.scale(2)  # type: ignore[union-attr]
        assert len(pids) == 160
        assert len(set(pids)) == 2  # the worker that joined ran its share
    finally:
        cluster.close()
    source, expected = small
    cluster = DaskCluster(None, 1)
    try:
        threading.Timer(0.3, lambda: cluster._cluster.scale(2)).start()  # type: ignore[union-attr]
        corpus(source, source.parent / "grown", cluster)
    finally:
        cluster.close()
    assert outputs(source.parent / "grown") == expected


def test_a_dask_worker_killed_midway_has_its_work_redone(
    small: tuple[Path, dict[str, bytes]],
) -> None:
    """One of two workers killed when the second document is read (its nanny starts
    another): its tasks run again, and the run writes what one process does."""
    import signal

    source, expected = small
    cluster = DaskCluster(None, 2)
    try:
        victim = sorted(cluster._client.run(os.getpid).values())[0]

        class KillOnce:
            def stage(self, name: str, total: int) -> None:
                pass

            def advance(self, name: str) -> None:
                nonlocal victim
                if name == "read" and victim:
                    os.kill(victim, signal.SIGKILL)
                    victim, killed[0] = 0, victim

        killed = [0]
        out = source.parent / "one-killed"
        run_corpus(collection(source, skip=out), Run(out), cluster, KillOnce())
        assert killed[0] and killed[0] not in cluster._client.run(os.getpid).values()
    finally:
        cluster.close()
    assert outputs(out) == expected


def test_a_pool_found_broken_when_a_task_goes_out_is_replaced(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A worker can die between two waits: the pool is then broken when the next task is
    handed to it, not only in a task's outcome. That task goes to the new pool with those
    lost, and every result comes back once."""
    from concurrent.futures.process import BrokenProcessPool

    from tests.corpus_tasks import doubled

    new_pool = LocalPool._new_pool
    pools = []

    def breaking(self: LocalPool) -> object:
        pool = new_pool(self)
        if not pools:  # the first pool breaks as its fifth task goes out
            submit, sent = pool.submit, []

            def submit_or_break(*arguments: object) -> object:
                sent.append(arguments)
                if len(sent) == 5:
                    raise BrokenProcessPool("a child process terminated abruptly")
                return submit(*arguments)

            pool.submit = submit_or_break  # type: ignore[method-assign]
        pools.append(pool)
        return pool

    monkeypatch.setattr(LocalPool, "_new_pool", breaking)
    pool = LocalPool(1)
    try:
        assert sorted(pool.run(iter([(doubled, (n,)) for n in range(12)]))) == [
            2 * n for n in range(12)
        ]
    finally:
        pool.close()
    assert len(pools) == 2
