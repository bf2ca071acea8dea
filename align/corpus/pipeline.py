"""A corpus run: fetch, read every document, group, align every group, write the outputs.

The client (this module) only plans and records: the engine's workers read and align,
each writing what it made into the work folder (`OUT/.resalign-corpus/`); the client
appends each task's outcome to a log there as it arrives, which is what `--resume` reads
to skip what is done. What the client knows of the collection (its sources, the catalog of
what was read, the groups, the tasks to do) is kept in an SQLite database in the work
folder, made anew from the log by each run. The outputs are assembled last, a group at a
time, in a fixed order, so a resumed run writes the same files as an uninterrupted one,
and the client's memory does not grow with the collection.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import os
import shutil
import sqlite3
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from resalign.align.corpus.assemble import assemble, write_summary
from resalign.align.corpus.catalog import Catalog, Entry, Failure, fingerprint, source_id
from resalign.align.corpus.engines import Call, Engine
from resalign.align.corpus.groups import Groups, group
from resalign.align.corpus.inputs import Collection
from resalign.align.corpus.plan import part_path, tasks
from resalign.align.corpus.tasks import Outcome, document_path, group_task, read_task
from resalign.align.errors import OutputError, ResalignError
from resalign.align.read import DEFAULT_MAX_SIZE
from resalign.align.render import stamp

STATE = ".resalign-corpus"
"""The run's work folder inside OUT: read documents, group parts, the log, the catalog."""
STAGES = ("fetch", "read", "align", "write")
Fetch = Callable[[str, str], Path]
"""Gets one document (symbol, language) and says where it is."""


class Progress(Protocol):
    def stage(self, name: str, total: int) -> None: ...

    def advance(self, name: str) -> None: ...


@dataclass(frozen=True, slots=True)
class Run:
    """How a corpus run works: where it writes, the pivot language, the size limit, and
    whether it resumes or overwrites earlier work."""

    out: Path
    pivot: str = "en"
    max_size: int = DEFAULT_MAX_SIZE
    resume: bool = False
    force: bool = False
    version: str = ""
    """The tool's version: work done by another version is done again."""


@dataclass(frozen=True, slots=True)
class Summary:
    """What a corpus run did: documents found and read, what failed, the groups found and
    the comparisons made (or found done)."""

    documents: int
    read: int
    failures: tuple[Failure, ...]
    groups: dict[str, int]
    """How many groups of each kind were found (language sets, series, adoptions)."""
    aligned: int
    resumed: int
    """Tasks a resumed run found done and did not do again."""
    outputs: tuple[Path, ...]
    peaks: dict[int, int] = field(default_factory=dict)
    """Each worker's peak memory (KiB), by process id."""
    warnings: tuple[str, ...] = ()

    def failed(self, stage: str) -> int:
        return sum(1 for failure in self.failures if failure.stage == stage)


def run_corpus(
    collection: Collection,
    run: Run,
    engine: Engine,
    progress: Progress | None = None,
    fetch: Fetch | None = None,
) -> Summary:
    state = _prepare(run)
    moment = started(state)
    tracker = _Tracker(progress)
    failures: list[Failure] = []
    catalog = Catalog(state / "catalog.sqlite")
    try:
        with _Log(state / "done.jsonl", catalog.db, resume=run.resume) as log:
            work = _Work(run, state, engine, log, tracker, failures, catalog)
            catalog.add_sources(_named(collection.paths, failures))
            unnamed = len(failures)
            catalog.add_sources(_fetched(collection, fetch, failures, tracker))
            _read(work)
            groups = group(catalog, collection.series)
            aligned = _align(groups, work)
        failures.sort(key=_failure_order)
        outputs = assemble(
            run.out,
            state,
            groups,
            failures,
            moment,
            engine,
            force=run.resume or run.force,
            progress=progress,
            peaks=tracker.peaks,
        )
        summary = Summary(
            documents=catalog.count("sources") + unnamed,
            read=catalog.count(),
            failures=tuple(failures),
            groups=groups.counts(),
            aligned=aligned,
            resumed=log.skipped,
            outputs=outputs,
            peaks=tracker.peaks,
            warnings=groups.warnings,
        )
    finally:
        catalog.close()
    return replace(summary, outputs=(*outputs, write_summary(run.out / "summary.json", summary)))


def started(state: Path) -> time.struct_time:
    """When the run began: kept in its work folder, so that a resumed run dates its
    outputs as the uninterrupted one would have."""
    mark = state / "started"
    if not (mark.is_file() and mark.read_text().strip().isdigit()):
        mark.write_text(str(calendar.timegm(stamp.moment())))
    return time.gmtime(int(mark.read_text()))


def _prepare(run: Run) -> Path:
    """The work folder, made ready: an earlier run's is continued (`resume`) or started
    again (`force`); never anybody else's files."""
    state = run.out / STATE
    if run.out.exists() and not run.out.is_dir():
        raise OutputError(f"{run.out}: is not a folder")
    if state.exists() and not (run.resume or run.force):
        raise OutputError(
            f"{run.out}: holds an earlier corpus run; --resume continues it, --force starts again"
        )
    if state.exists() and not run.resume:
        shutil.rmtree(state)
    try:
        (state / "documents").mkdir(parents=True, exist_ok=True)
        (state / "parts").mkdir(exist_ok=True)
    except OSError as error:
        raise OutputError(f"{run.out}: cannot write ({error.strerror or error})") from None
    return state


def _named(paths: Iterable[Path], failures: list[Failure]) -> Iterator[Path]:
    """The paths whose names can be written where the outputs name them (in UTF-8); each
    other is a failure, its name shown with the bytes that are not UTF-8 escaped."""
    for path in paths:
        try:
            str(path).encode()
        except UnicodeEncodeError:
            shown = os.fsencode(path).decode("utf-8", "backslashreplace")
            failures.append(Failure("read", shown, "its name is not UTF-8: rename it to read it"))
            continue
        yield path


def _fetched(
    collection: Collection, fetch: Fetch | None, failures: list[Failure], tracker: _Tracker
) -> list[Path]:
    wanted = [(s, lang) for s, spec in collection.fetch for lang in _languages(spec)]
    if not wanted:
        return []
    if fetch is None:
        raise ResalignError("this collection names documents to fetch, and fetching is off")
    tracker.stage("fetch", len(wanted))
    paths = []
    for symbol, language in wanted:
        try:
            paths.append(fetch(symbol, language))
        except ResalignError as error:
            failures.append(Failure("fetch", f"{symbol} [{language}]", str(error)))
        tracker.advance("fetch")
    return paths


def _languages(spec: str) -> tuple[str, ...]:
    from resalign.align.fetch import languages

    return languages(spec)


@dataclass(frozen=True, slots=True)
class _Work:
    """What every stage of a run uses: its options, work folder, engine, log, progress and
    the failures so far."""

    run: Run
    state: Path
    engine: Engine
    log: _Log
    tracker: _Tracker
    failures: list[Failure]
    catalog: Catalog


def _read(work: _Work) -> None:
    """Read every source not read already (the log says so), each read's entry to the
    catalog."""
    run, log, catalog = work.run, work.log, work.catalog
    documents = work.state / "documents"
    for path in catalog.sources():
        source = str(path)
        try:
            mark = f"{fingerprint(path)}:{run.version}"
        except OSError as error:
            work.failures.append(
                Failure("read", source, f"cannot read ({error.strerror or error})")
            )
            continue
        id = source_id(path)
        done = log.done("read", id, mark)
        if done and (done.get("failure") or document_path(documents, id).is_file()):
            _take(done, work)
            log.skipped += 1
        else:
            log.plan("read", source, id, mark, [source, id, str(documents), run.max_size])
    work.tracker.stage("read", log.count("read"))
    for outcome in work.engine.run(log.calls("read", read_task)):
        record = _record(outcome)
        _take(record, work)
        log.add("read", outcome.subject, record)
        work.tracker.advance("read", outcome)


def _take(record: dict[str, Any], work: _Work) -> None:
    if record.get("failure"):
        work.failures.append(Failure(**record["failure"]))
    else:
        work.catalog.add(Entry.from_dict(record["entry"]))


def _record(outcome: Outcome) -> dict[str, Any]:
    if outcome.failure:
        return {"failure": outcome.failure.as_dict()}
    if outcome.entry:
        return {"entry": outcome.entry.as_dict()}
    return {"records": outcome.records}


def _align(groups: Groups, work: _Work) -> int:
    """Align every group not aligned already; how many are aligned, now or before."""
    run, log = work.run, work.log
    documents = str(work.state / "documents")
    aligned = 0
    for kind, plan in tasks(groups):
        mark = _mark(kind, plan, work.catalog, run)
        part = part_path(work.state, kind, plan["id"])
        done = log.done("align", plan["id"], mark)
        if done and not done.get("failure") and part.is_file():
            aligned += 1
            log.skipped += 1
        else:
            arguments = [kind, plan, documents, str(part), run.pivot]
            log.plan("align", plan["id"], plan["id"], mark, arguments)
    work.tracker.stage("align", log.count("align"))
    for outcome in work.engine.run(log.calls("align", group_task)):
        record = _record(outcome)
        log.add("align", outcome.subject, record)
        if outcome.failure:
            work.failures.append(outcome.failure)
        else:
            aligned += 1
        work.tracker.advance("align", outcome)
    return aligned


def _mark(kind: str, plan: dict[str, Any], catalog: Catalog, run: Run) -> str:
    """What the group's result depends on: its members (as read), the pivot, the version."""
    members = sorted(_members(plan))
    facts = [kind, plan, [catalog.entry(id).as_dict() for id in members], run.pivot, run.version]
    return hashlib.sha1(json.dumps(facts, sort_keys=True, default=str).encode()).hexdigest()


def _members(plan: dict[str, Any]) -> list[str]:
    """The entry ids a plan names: a set's (language, id) members, or the ids a series or
    an adoption lists per language."""
    if "members" in plan:
        return [id for _, id in plan["members"]]
    return [id for ids in plan["languages"].values() for id in ids]


def _failure_order(failure: Failure) -> tuple[int, str]:
    return (STAGES.index(failure.stage), failure.subject)


class _Log:
    """The outcomes so far, one JSON line each, appended as they arrive; and, for this
    run, what an earlier run did (`resume`) and what is planned, in the catalog's
    database. A line cut short by a killed run is ignored (that task is done again)."""

    def __init__(self, path: Path, db: sqlite3.Connection, *, resume: bool) -> None:
        self.db = db
        self.skipped = 0
        self._running: dict[tuple[str, str], tuple[str, str]] = {}
        """The tasks handed out and not yet done, by stage and subject: their log id and
        mark (as many as the engine holds)."""
        db.executescript(
            "CREATE TABLE done (stage, id, record, PRIMARY KEY (stage, id)) WITHOUT ROWID;"
            "CREATE TABLE planned (stage, subject, id, mark, arguments, "
            "PRIMARY KEY (stage, subject));"
        )
        if resume and path.is_file():
            with path.open(encoding="utf-8") as lines:
                db.executemany("INSERT OR REPLACE INTO done VALUES (?, ?, ?)", _records(lines))
        self._handle = path.open("a", encoding="utf-8")

    def done(self, stage: str, id: str, mark: str) -> dict[str, Any] | None:
        """What an earlier run recorded of this task, if it had the same mark."""
        found = self.db.execute(
            "SELECT record FROM done WHERE stage = ? AND id = ?", (stage, id)
        ).fetchone()
        record: dict[str, Any] | None = json.loads(found[0]) if found else None
        return record if record is not None and record.get("mark") == mark else None

    def plan(self, stage: str, subject: str, id: str, mark: str, arguments: list[Any]) -> None:
        """A task to do in this run (its outcome will name `subject`; the log, `id`), its
        arguments kept till the engine takes it."""
        self.db.execute(
            "INSERT OR REPLACE INTO planned VALUES (?, ?, ?, ?, ?)",
            (stage, subject, id, mark, json.dumps(arguments, ensure_ascii=False)),
        )

    def calls(self, stage: str, task: Callable[..., Outcome]) -> Iterator[Call]:
        """The stage's planned tasks, in order, as the engine takes them."""
        rows = self.db.execute(
            "SELECT subject, id, mark, arguments FROM planned WHERE stage = ? ORDER BY rowid",
            (stage,),
        )
        for subject, id, mark, arguments in rows:
            self._running[(stage, subject)] = (id, mark)
            yield task, tuple(json.loads(arguments))

    def count(self, stage: str) -> int:
        (count,) = self.db.execute(
            "SELECT count(*) FROM planned WHERE stage = ?", (stage,)
        ).fetchone()
        return int(count)

    def __enter__(self) -> _Log:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def add(self, stage: str, subject: str, record: dict[str, Any]) -> None:
        """The outcome of a task `calls` handed out."""
        id, mark = self._running.pop((stage, subject))
        line = json.dumps({"stage": stage, "id": id, "mark": mark, **record}, ensure_ascii=False)
        self._handle.write(line + "\n")
        self._handle.flush()


def _records(lines: Iterator[str]) -> Iterator[tuple[str, str, str]]:
    """The log's whole lines as (stage, id, line)."""
    for line in lines:
        try:
            record = json.loads(line)
            yield record["stage"], record["id"], line
        except (json.JSONDecodeError, KeyError, TypeError):
            continue


class _Tracker:
    """Progress to whoever shows it, and each worker's peak memory."""

    def __init__(self, progress: Progress | None) -> None:
        self._progress = progress
        self.peaks: dict[int, int] = {}

    def stage(self, name: str, total: int) -> None:
        if self._progress:
            self._progress.stage(name, total)

    def advance(self, name: str, outcome: Outcome | None = None) -> None:
        if outcome is not None and outcome.worker:
            self.peaks[outcome.worker] = max(self.peaks.get(outcome.worker, 0), outcome.peak_kib)
        if self._progress:
            self._progress.advance(name)
