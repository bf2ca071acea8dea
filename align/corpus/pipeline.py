"""A corpus run: fetch, read every document, group, align every group, write the outputs.

The client (this module) only plans and records: the engine's workers read and align,
each writing what it made into the work folder (`OUT/.resalign-corpus/`); the client
appends each task's outcome to a log there as it arrives, which is what `--resume` reads
to skip what is done. The outputs are assembled last, a group at a time, in a fixed order,
so a resumed run writes the same files as an uninterrupted one, and memory holds one
group however large the collection.
"""

from __future__ import annotations

import calendar
import hashlib
import json
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from resalign.align.corpus.assemble import assemble, write_summary
from resalign.align.corpus.catalog import Entry, Failure, fingerprint, source_id
from resalign.align.corpus.engines import Call, Engine
from resalign.align.corpus.groups import Groups, group
from resalign.align.corpus.inputs import Collection
from resalign.align.corpus.plan import part_path, tasks
from resalign.align.corpus.tasks import Outcome, document_path, group_task, read_task
from resalign.align.errors import OutputError, ResalignError
from resalign.align.read import DEFAULT_MAX_SIZE
from resalign.align.render import stamp

STATE = ".resalign-corpus"
"""The run's work folder inside OUT: read documents, group parts, the log."""
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
    with _Log(state / "done.jsonl", resume=run.resume) as log:
        work = _Work(run, state, engine, log, tracker, failures)
        paths = list(collection.paths) + _fetched(collection, fetch, failures, tracker)
        entries = _read(paths, work)
        groups = group(entries.values(), collection.series)
        aligned = _align(groups, entries, work)
    failures.sort(key=_failure_order)
    outputs = assemble(
        run.out,
        state,
        entries,
        groups,
        failures,
        moment,
        engine,
        force=run.resume or run.force,
        progress=progress,
        peaks=tracker.peaks,
    )
    summary = Summary(
        documents=len(set(paths)),
        read=len(entries),
        failures=tuple(failures),
        groups=_group_counts(groups),
        aligned=aligned,
        resumed=log.skipped,
        outputs=outputs,
        peaks=tracker.peaks,
        warnings=groups.warnings,
    )
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


def _read(paths: list[Path], work: _Work) -> dict[str, Entry]:
    run, log, tracker, failures = work.run, work.log, work.tracker, work.failures
    documents = work.state / "documents"
    entries: dict[str, Entry] = {}
    calls: list[Call] = []
    planned: dict[str, tuple[str, str]] = {}
    for path in sorted(set(paths)):
        source = str(path)
        try:
            mark = f"{fingerprint(path)}:{run.version}"
        except OSError as error:
            failures.append(Failure("read", source, f"cannot read ({error.strerror or error})"))
            continue
        id = source_id(path)
        done = log.done("read", id, mark)
        if done and (done.get("failure") or document_path(documents, id).is_file()):
            _take(done, entries, failures)
            log.skipped += 1
            continue
        planned[source] = (id, mark)
        calls.append((read_task, (source, id, str(documents), run.max_size)))
    tracker.stage("read", len(calls))
    for outcome in work.engine.run(calls):
        id, mark = planned[outcome.subject]
        record = _record(outcome)
        log.add("read", id, mark, record)
        _take(record, entries, failures)
        tracker.advance("read", outcome)
    return entries


def _take(record: dict[str, Any], entries: dict[str, Entry], failures: list[Failure]) -> None:
    if record.get("failure"):
        failures.append(Failure(**record["failure"]))
    else:
        entry = Entry.from_dict(record["entry"])
        entries[entry.id] = entry


def _record(outcome: Outcome) -> dict[str, Any]:
    if outcome.failure:
        return {"failure": outcome.failure.as_dict()}
    if outcome.entry:
        return {"entry": outcome.entry.as_dict()}
    return {"records": outcome.records}


def _align(groups: Groups, entries: dict[str, Entry], work: _Work) -> int:
    run, log, tracker, failures = work.run, work.log, work.tracker, work.failures
    documents = str(work.state / "documents")
    calls: list[Call] = []
    planned: dict[str, str] = {}
    aligned = 0
    for kind, plan in tasks(groups, entries):
        mark = _mark(kind, plan, entries, run)
        part = part_path(work.state, kind, plan["id"])
        done = log.done("align", plan["id"], mark)
        if done and not done.get("failure") and part.is_file():
            aligned += 1
            log.skipped += 1
            continue
        planned[plan["id"]] = mark
        calls.append((group_task, (kind, plan, documents, str(part), run.pivot)))
    tracker.stage("align", len(calls))
    for outcome in work.engine.run(calls):
        record = _record(outcome)
        log.add("align", outcome.subject, planned[outcome.subject], record)
        if outcome.failure:
            failures.append(outcome.failure)
        else:
            aligned += 1
        tracker.advance("align", outcome)
    return aligned


def _mark(kind: str, plan: dict[str, Any], entries: dict[str, Entry], run: Run) -> str:
    """What the group's result depends on: its members (as read), the pivot, the version."""
    members = sorted(_members(plan))
    facts = [kind, plan, [entries[id].as_dict() for id in members], run.pivot, run.version]
    return hashlib.sha1(json.dumps(facts, sort_keys=True, default=str).encode()).hexdigest()


def _members(plan: dict[str, Any]) -> list[str]:
    """The entry ids a plan names: a set's (language, id) members, or the ids a series or
    an adoption lists per language."""
    if "members" in plan:
        return [id for _, id in plan["members"]]
    return [id for ids in plan["languages"].values() for id in ids]


def _group_counts(groups: Groups) -> dict[str, int]:
    return {
        "language sets": sum(1 for each in groups.sets if len(each.members) > 1),
        "series": len(groups.series),
        "adoptions": len(groups.adoptions),
        "amendments": len(groups.amendments),
    }


def _failure_order(failure: Failure) -> tuple[int, str]:
    return (STAGES.index(failure.stage), failure.subject)


class _Log:
    """The outcomes so far, one JSON line each, appended as they arrive. A line cut short
    by a killed run is ignored (that task is done again)."""

    def __init__(self, path: Path, *, resume: bool) -> None:
        self._done: dict[tuple[str, str], dict[str, Any]] = {}
        self.skipped = 0
        if resume and path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                try:
                    record = json.loads(line)
                    self._done[(record["stage"], record["id"])] = record
                except (json.JSONDecodeError, KeyError, TypeError):
                    continue
        self._handle = path.open("a", encoding="utf-8")

    def done(self, stage: str, id: str, mark: str) -> dict[str, Any] | None:
        """What an earlier run recorded of this task, if it had the same mark."""
        record = self._done.get((stage, id))
        return record if record is not None and record.get("mark") == mark else None

    def __enter__(self) -> _Log:
        return self

    def __exit__(self, *exc: object) -> None:
        self._handle.close()

    def add(self, stage: str, id: str, mark: str, record: dict[str, Any]) -> None:
        line = json.dumps({"stage": stage, "id": id, "mark": mark, **record}, ensure_ascii=False)
        self._handle.write(line + "\n")
        self._handle.flush()


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
