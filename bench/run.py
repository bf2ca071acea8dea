"""resalign benchmarks: prints median wall times. Run with `make bench`.

Not a test: figures depend on the machine. Paste them into issue notes and compare
before and after a change.
"""

from __future__ import annotations

import contextlib
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.synthetic import SEED, SEEDS, scaled_seed, synthetic_pair
from resalign.align import Document, align, parse_text

REAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "real"


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm caches (compiled regexes), as a long-running process would have
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times) * 1000


def row(label: str, ms: float, extra: str = "") -> None:
    print(f"{label:<58} {ms:>10.2f} ms  {extra}")


def bench_parse() -> None:
    seed = SEED.read_text(encoding="utf-8")
    seed_ms = median_ms(lambda: parse_text(seed), 50)
    row(f"parse seed in-process ({len(seed) / 1000:.0f} k chars)", seed_ms)
    for factor in (10, 100):
        text = scaled_seed(factor)
        count = len(parse_text(text).paragraphs)
        ms = median_ms(lambda text=text: parse_text(text), 5 if factor == 100 else 10)
        row(
            f"parse {factor}x seed ({len(text) / 1e6:.1f} M chars, {count} paragraphs)",
            ms,
            f"{ms / seed_ms / factor:.2f} x linear",
        )
    command = [sys.executable, "-m", "resalign", "parse", str(SEED), "--json"]
    row(
        "whole process: resalign parse seed --json",
        median_ms(lambda: subprocess.run(command, capture_output=True, check=True), 10),
    )


def bench_align() -> None:
    es = parse_text(SEED.read_text(encoding="utf-8"))
    en = parse_text((SEEDS / "A_RES_72_195.en.txt").read_text(encoding="utf-8"))
    modeled = parse_text((SEEDS / "A_RES_70_179.es.modeled.txt").read_text(encoding="utf-8"))
    row("align seed es/en, language mode", median_ms(lambda: align(es, en), 30))
    row("align seed es/modeled 70/179, version mode", median_ms(lambda: align(es, modeled), 30))
    for size in (500, 2000):
        left_text, right_text = synthetic_pair(size)
        left, right = parse_text(left_text), parse_text(right_text)
        row(
            f"align synthetic {len(left.paragraphs)}/{len(right.paragraphs)} paragraphs, version",
            median_ms(lambda left=left, right=right: align(left, right), 3),
        )
        row(
            f"align synthetic {len(left.paragraphs)}/{len(right.paragraphs)} paragraphs, language",
            median_ms(lambda left=left, right=right: align(left, right, mode="language"), 3),
        )


def paired(commands: dict[str, list[str]], runs: int = 21) -> dict[str, tuple[float, float]]:
    """Median and least wall seconds of each whole command, run in turn (A B C A B C …) so
    that they share the machine's moods; bytecode cached as a user's installation has it.
    (On these shared machines the median moves by a third from run to run; the least
    is the command's own cost.)"""
    import os

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    times: dict[str, list[float]] = {name: [] for name in commands}
    for lap in range(runs + 2):
        for name, command in commands.items():
            start = time.perf_counter()
            subprocess.run(command, capture_output=True, check=False, env=env)
            if lap >= 2:  # the first laps write bytecode and warm the caches
                times[name].append(time.perf_counter() - start)
    return {name: (statistics.median(values), min(values)) for name, values in times.items()}


def bench_anchors() -> None:
    """Whole processes against what a user would otherwise run, paired: `parse` of the
    text seed and of the 59-page PDF against the bare interpreter and pdftotext, `diff` of
    the seed pair against icdiff, dwdiff and git's word diff, `report` (HTML) of the pair;
    and the import time of the diff command's modules."""
    import shutil
    import tempfile

    python = sys.executable
    resalign = [python, "-m", "resalign"]
    old, new = str(SEEDS / "A_RES_70_179.es.modeled.txt"), str(SEED)
    pdf = str(REAL / "A_RES_79_144.pdf")
    with tempfile.TemporaryDirectory() as folder:
        commands = {
            "bare": [python, "-c", "pass"],
            "parse text": [*resalign, "parse", new],
            "parse pdf": [*resalign, "parse", pdf],
            "diff": [*resalign, "diff", old, new, "--color", "never"],
            "report": [*resalign, "report", old, new, "-o", f"{folder}/r.html", "--force"],
            "imports of diff": [  # as the command imports them (`start`: see resalign)
                python,
                "-c",
                "import resalign; resalign.start()\n"
                "import resalign.align.aligner, resalign.align.comparison\n"
                "import resalign.align.render.terminal",
            ],
        }
        anchors = {
            "pdftotext": ["pdftotext", pdf, f"{folder}/x.txt"],
            "icdiff": ["icdiff", old, new],
            "dwdiff": ["dwdiff", old, new],
            "git diff --word-diff": ["git", "diff", "--no-index", "--word-diff", old, new],
        }
        for name, (tool, *arguments) in anchors.items():
            beside = Path(python).parent / tool  # icdiff comes with the bench extra
            found = str(beside) if beside.exists() else shutil.which(tool)
            if found:
                commands[name] = [found, *arguments]
        medians = paired(commands)
    bare, least = medians["bare"]
    for name, (median, fastest) in medians.items():
        row(
            f"whole process: {name}",
            median * 1000,
            f"{median / bare:4.1f} x bare python; least {fastest * 1000:.0f} ms "
            f"({fastest / least:.1f} x)",
        )

    def ratio(ours: str, theirs: str) -> None:
        if theirs in medians:
            (mine, my_least), (other, other_least) = medians[ours], medians[theirs]
            print(f"{ours} / {theirs}: {mine / other:.2f} (least: {my_least / other_least:.2f})")

    ratio("parse text", "bare")
    ratio("parse pdf", "pdftotext")
    ratio("diff", "icdiff")
    imports = medians["imports of diff"][0] - bare
    print(f"import time of the diff path: {imports * 1000:.0f} ms")


STARTUP_TRICKS = {
    "all tricks": "",
    "no deferred inspect": "resalign._defer = lambda name: None\n",
    "no os._exit": "resalign._leave = sys.exit\n",
    "no quiet import": "resalign.quietly = lambda make: make()\n",
    "shutil imported": "import shutil\n",  # what `console.columns` avoids importing
}
"""Each start-up trick of `resalign.run` taken away in turn (a line run before it)."""


def bench_startup() -> None:
    """What each start-up trick saves: `resalign parse` of the text seed and `resalign
    diff` of the seed pair, run whole with every trick and with each taken away, paired."""
    python = sys.executable
    old, new = str(SEEDS / "A_RES_70_179.es.modeled.txt"), str(SEED)
    argvs = {"parse": ["parse", new], "diff": ["diff", old, new, "--color", "never"]}
    for command, argv in argvs.items():
        run = f"sys.argv = ['resalign', *{argv!r}]\nresalign.run()"
        medians = paired(
            {
                name: [python, "-c", f"import sys, resalign\n{line}{run}"]
                for name, line in STARTUP_TRICKS.items()
            },
            runs=31,
        )
        base, base_least = medians["all tricks"]
        for name, (median, least) in medians.items():
            row(
                f"start-up, {command}: {name}",
                median * 1000,
                f"{(median - base) * 1000:+.1f} ms; least {least * 1000:.1f} ms "
                f"({(least - base_least) * 1000:+.1f})",
            )


GROWTH_SIZES = (1_000, 3_000, 10_000, 30_000, 100_000)


def bench_growth(sizes: tuple[int, ...] = GROWTH_SIZES) -> None:
    """Version mode on synthetic pairs from 1,000 to 100,000 paragraphs a side, each size in
    a fresh process: seconds, memory, and the exponent of the fitted power law (1 is
    linear)."""
    import math

    script = Path(__file__).resolve().parent / "growth.py"
    points = []
    for size in sizes:
        done = subprocess.run(
            [sys.executable, str(script), str(size)], capture_output=True, text=True, check=True
        )
        seconds, mib = (float(x) for x in done.stdout.split())
        points.append((size, seconds))
        row(
            f"align growth: {size:,} paragraphs a side, version mode",
            seconds * 1000,
            f"peak {mib:,.0f} MiB",
        )
    xs = [math.log(size) for size, _ in points]
    ys = [math.log(seconds) for _, seconds in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ys, strict=True)) / sum(
        (x - mean_x) ** 2 for x in xs
    )
    print(f"align growth: fitted exponent {slope:.2f} from {sizes[0]:,} to {sizes[-1]:,}")


def bench_reports() -> None:
    from resalign.align.comparison import compare
    from resalign.align.render import FORMATS, render

    es = parse_text(SEED.read_text(encoding="utf-8"))
    en = parse_text((SEEDS / "A_RES_72_195.en.txt").read_text(encoding="utf-8"))
    modeled = parse_text((SEEDS / "A_RES_70_179.es.modeled.txt").read_text(encoding="utf-8"))
    version, language = align(es, modeled), align(es, en)
    row(
        "diff every pair, seed es/modeled (compare)",
        median_ms(lambda: compare(es, modeled, version), 30),
    )
    versions = compare(es, modeled, version)
    languages = compare(es, en, language)
    for name in sorted(FORMATS):
        comparison = languages if name == "tmx" else versions
        row(f"render {name}, seed pair", median_ms(lambda c=comparison, n=name: render(c, n), 20))
    left_text, right_text = synthetic_pair(2000)
    left, right = parse_text(left_text), parse_text(right_text)
    big = align(left, right)
    row(
        "diff every pair, synthetic 2000 paragraphs",
        median_ms(lambda: compare(left, right, big), 3),
    )
    comparison = compare(left, right, big)
    for name in ("html", "docx"):
        row(
            f"render {name}, synthetic 2000 paragraphs",
            median_ms(lambda n=name: render(comparison, n), 3),
        )


def bench_tui() -> None:
    """The review UI launched on two files in a fresh process, as `resalign tui` runs:
    time to the first screen of pairs, and what keys cost."""
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        synthetic = [Path(folder) / "left.txt", Path(folder) / "right.txt"]
        for path, text in zip(synthetic, synthetic_pair(2000), strict=True):
            path.write_text(text, encoding="utf-8")
        seeds = [SEEDS / "A_RES_72_195.es.txt", SEEDS / "A_RES_70_179.es.modeled.txt"]
        _bench_tui_on(seeds, "seed pair")
        _bench_tui_on(synthetic, "synthetic 2000-paragraph pair")
        _bench_terminal(synthetic, Path(folder), "synthetic 2000-paragraph pair")


def _bench_terminal(files: list[Path], folder: Path, label: str) -> None:
    from bench import terminal

    if not terminal.available():
        print("(no tmux: the review UI in a real terminal is not measured)")
        return
    runs = [terminal.measure(*files, folder / f"terminal-{n}.toml") for n in range(5)]
    median = {name: statistics.median(run[name] for run in runs) for name in runs[0]}
    launches = ", ".join(f"{run['launch']:.2f}" for run in runs)
    row(f"TUI in tmux: command to first screen, {label}", median["launch"] * 1000, launches)
    for key, action in terminal.KEYS.items():
        row(f"TUI in tmux: {key} ({action}) to its screen, {label}", median[key] * 1000)


def _bench_tui_on(files: list[Path], label: str) -> None:
    import tempfile

    script = Path(__file__).resolve().parent / "tui_launch.py"
    runs = []
    for _ in range(5):
        with tempfile.TemporaryDirectory() as folder:
            result = subprocess.run(
                [sys.executable, str(script), *map(str, files), f"{folder}/state.toml"],
                capture_output=True,
                text=True,
                check=True,
            )
        runs.append([float(x) for x in result.stdout.split()])
    shown, scrolled, moved, drawn, peak, handled, jumped, filtered, pressed, floor = (
        statistics.median(c) for c in zip(*runs, strict=True)
    )
    launches = ", ".join(f"{run[0]:.2f}" for run in runs)
    row(f"TUI launch to first screen, {label}", shown * 1000, f"{launches}; peak {peak:.0f} MB")
    row(f"TUI draw a screen after a jump (cold), {label}", drawn)
    row(f"TUI page-down key, round trip through Pilot, {label}", scrolled)
    row(f"TUI next-pair key, round trip through Pilot, {label}", moved)
    row(f"TUI next-pair key, the app's own work (action, lines drawn), {label}", handled)
    row(f"TUI next-change key (n), the app's own work, {label}", jumped)
    row(f"TUI filter key (f), the app's own work, {label}", filtered)
    row(f"TUI filter key (f), round trip through Pilot, {label}", pressed)
    row("TUI a key an empty Textual app ignores, round trip through Pilot (the floor)", floor)


def bench_readers() -> None:
    from resalign.align.read.docx import read_docx
    from resalign.align.read.html import read_html
    from resalign.align.read.pdf import read_pdf
    from tests.fixtures.docx_builder import docx_bytes
    from tests.fixtures.html_builder import html_bytes
    from tests.fixtures.pdf_builder import pdf_bytes
    from tests.test_read_formats import header_lines

    es = parse_text(SEED.read_text(encoding="utf-8"))
    header = header_lines(SEED)
    docx, html = docx_bytes(es, header), html_bytes(es, header)
    row("read docx, seed", median_ms(lambda: read_docx(docx, source="s.docx"), 20))
    row("read html, seed", median_ms(lambda: read_html(html, source="s.html"), 20))
    per_page = []
    for repeat in (1, 14):
        pdf = pdf_bytes(es, header, repeat=repeat)
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(pdf))
        ms = median_ms(lambda pdf=pdf: read_pdf(pdf, source="s.pdf"), 5 if repeat == 1 else 3)
        per_page.append(ms / pages)
        extra = f"{ms / pages:.1f} ms a page" + (
            f", {per_page[-1] / per_page[0]:.2f} x linear" if len(per_page) > 1 else ""
        )
        row(f"read pdf, {pages} pages", ms, extra)


def bench_real() -> None:
    """Every official PDF in tests/data/real, in-process: time per page, and the text
    reader on PyMuPDF's text of the same document."""
    import pypdfium2

    from resalign.align.read import read_document

    for path in sorted(REAL.glob("*.pdf")):
        pages = len(pypdfium2.PdfDocument(path.read_bytes()))
        ms = median_ms(lambda path=path: read_document(path), 3)
        text = path.with_suffix(".pymupdf.txt")
        text_ms = median_ms(lambda text=text: read_document(text), 3)
        row(
            f"read real {path.stem} ({pages} pages)",
            ms,
            f"{ms / pages:.1f} ms a page; its PyMuPDF text {text_ms:.1f} ms",
        )


def bench_hostile() -> None:
    """Inputs built to be slow (issue 15): each read at two sizes, with its growth."""
    from bench.hostile import (
        many_notes_sections,
        nested_paragraphs,
        repeated_labels,
        wrapped_paragraph,
    )
    from resalign.align.read.docx import read_docx
    from resalign.align.read.html import read_html

    cases = [
        ("one paragraph wrapped over {n} lines", wrapped_paragraph, parse_text, (2000, 20000)),
        ("a sub-item label repeated {n} times", repeated_labels, parse_text, (2000, 20000)),
        ("an HTML page with {n} notes sections", many_notes_sections,
         lambda data: read_html(data, source="h.html"), (800, 8000)),
        ("a .docx with paragraphs nested {n} deep", nested_paragraphs,
         lambda data: read_docx(data, source="h.docx"), (20, 200)),
    ]  # fmt: skip
    for label, make, read, sizes in cases:
        times = []
        for n in sizes:
            data = make(n)
            times.append(median_ms(lambda data=data, read=read: read(data), 3))
        growth = times[1] / times[0] / (sizes[1] / sizes[0])
        row(label.format(n=sizes[1]), times[1], f"{growth:.2f} x linear from {sizes[0]}")


REAL_PAIRS = [
    ("A_C.3_80_L.4", "A_RES_80_228", "draft → adopted"),
    ("A_C.3_80_L.20", "A_RES_80_190", "draft → adopted"),
    ("A_RES_78_228", "A_C.3_80_L.4", "last year → draft"),
    ("A_RES_78_228", "A_RES_80_228", "consecutive"),
    ("A_RES_78_187", "A_RES_80_190", "consecutive"),
]


def bench_pairs() -> None:
    """Align and diff real pairs in-process; then the whole `resalign diff` process on the
    trafficking pair against icdiff on the same two files, in the same run."""
    import shutil

    from bench.modeled import modeled_variant
    from resalign.align.comparison import compare
    from resalign.align.read import read_document

    def timed(left: Document, right: Document, label: str) -> None:
        alignment = align(left, right)
        align_ms = median_ms(lambda: align(left, right), 5)
        diff_ms = median_ms(lambda: compare(left, right, alignment), 5)
        row(f"align + diff {label}", align_ms + diff_ms, f"align {align_ms:.0f} ms")

    oceans = read_document(REAL / "A_RES_79_144.pdf")
    variant = modeled_variant(oceans)
    timed(oceans, variant, f"79/144 / modeled variant ({len(oceans.paragraphs)} paragraphs)")
    for left, right, what in REAL_PAIRS:
        timed(
            read_document(REAL / f"{left}.pdf"),
            read_document(REAL / f"{right}.pdf"),
            f"{left} → {right} ({what})",
        )
    timed(
        read_document(REAL / "A_RES_78_228.pdf"), read_document(SEED), "78/228 en / 72/195 es seed"
    )
    texts = [str(REAL / f"A_RES_{n}_228.pymupdf.txt") for n in (78, 80)]
    ours = [sys.executable, "-m", "resalign", "diff", "--color", "never", *texts]
    row(
        "whole process: resalign diff, trafficking 78/228 → 80/228 text",
        median_ms(lambda: subprocess.run(ours, capture_output=True, check=True), 5),
    )
    icdiff = shutil.which("icdiff", path=str(Path(sys.executable).parent))
    if icdiff is None:
        print("icdiff not installed (pip install 'resalign[bench]'): no comparison")
        return
    theirs = [icdiff, "--cols=160", *texts]
    row(
        "whole process: icdiff, the same two files",
        median_ms(lambda: subprocess.run(theirs, capture_output=True, check=False), 5),
    )


def _unrelated_shares(document: Document) -> None:
    """The share of words (Dice, %) two different paragraphs of one resolution have in
    common, over every pair: what a fuzzy offer's floor (align.carry.OFFER_FLOOR) must
    stay clear of."""
    from resalign.align.diff import stats, word_diff

    texts = [p.text for p in document.paragraphs]
    shares = sorted(
        round(100 * stats(word_diff(a, b)).similarity)
        for i, a in enumerate(texts)
        for b in texts[i + 1 :]
    )
    print(
        f"  shared words between two different paragraphs of {document.symbol} "
        f"({len(shares)} pairs): median {shares[len(shares) // 2]} %, "
        f"99th percentile {shares[len(shares) * 99 // 100]} %, highest {shares[-1]} %"
    )


def bench_carry() -> None:
    """Carry the Spanish 72/195 into the modeled next English version (tests/
    carry_fixtures.py): in-process, each writer, and the whole `resalign carry` process."""
    import tempfile

    from resalign.align.carry import carry
    from resalign.align.render.carried import CARRY_FORMATS, render_carry
    from tests.carry_fixtures import modeled_new_english

    english = SEEDS / "A_RES_72_195.en.txt"
    old_source, old_target = (
        parse_text(english.read_text(encoding="utf-8")),
        parse_text(SEED.read_text(encoding="utf-8")),
    )
    new_text = modeled_new_english(english.read_text(encoding="utf-8"))
    new_source = parse_text(new_text)
    carried = carry(old_source, old_target, new_source)
    row(
        "carry 72/195 es into the modeled next en, in-process",
        median_ms(lambda: carry(old_source, old_target, new_source), 10),
    )
    for name in CARRY_FORMATS:
        row(f"  write {name}", median_ms(lambda name=name: render_carry(carried, name), 10))
    _unrelated_shares(old_source)
    with tempfile.TemporaryDirectory() as folder:
        new = Path(folder) / "new.en.txt"
        new.write_text(new_text, encoding="utf-8")
        command = [sys.executable, "-m", "resalign", "carry", str(english), str(SEED), str(new)]
        for name in ("docx", "xliff"):
            out = Path(folder) / f"carried.{name}"
            row(
                f"whole process: resalign carry -o carried.{name}",
                median_ms(
                    lambda out=out: subprocess.run(
                        [*command, "-o", str(out), "--force"], capture_output=True, check=True
                    ),
                    10,
                ),
            )


def _corpus_run(documents: Path, count: int, label: str, options: list[str]) -> float:
    """`resalign corpus` over `documents` with `options`, whole process, into a new folder
    beside them: its row (seconds, documents per second, peak memory as the run reports
    it); the seconds."""
    import re
    import tempfile

    out = Path(tempfile.mkdtemp(dir=documents.parent)) / "out"
    command = [sys.executable, "-m", "resalign", "corpus", str(documents), "-o", str(out)]
    start = time.perf_counter()
    done = subprocess.run([*command, "--quiet", *options], capture_output=True, text=True)
    seconds = time.perf_counter() - start
    memory = re.search(r"peak memory.*", done.stderr)
    row(
        f"corpus, {label} (exit {done.returncode})",
        seconds * 1000,
        f"{count / seconds:.1f} docs/s; {memory[0] if memory else done.stderr[-300:]}",
    )
    return seconds


def bench_corpus() -> None:
    """`resalign corpus` over 1,000 documents (bench/corpus.py: the real PDFs, the seeds
    and synthetic series in two languages), whole process: `--jobs 1` (in one process),
    `--jobs 2` (a pool of two workers) and `--dask --jobs 2` (a local Dask cluster of two
    one-thread workers); documents per second, peak memory, speed-up."""
    import tempfile

    from bench.corpus import make_collection

    with tempfile.TemporaryDirectory() as folder:
        documents = Path(folder) / "documents"
        count = make_collection(documents)
        seconds = {
            name: _corpus_run(documents, count, f"{count} documents, {name}", name.split())
            for name in ("--jobs 1", "--jobs 2", "--dask --jobs 2")
        }
        one = seconds["--jobs 1"]
        print(
            f"speed-up with 2 workers: pool {one / seconds['--jobs 2']:.2f}x, "
            f"Dask {one / seconds['--dask --jobs 2']:.2f}x"
        )


def bench_cluster(workers: int = 2, rounds: int = 2) -> None:
    """`resalign corpus` over 1,000 documents on a Dask cluster the benchmark starts
    (bench/cluster.py: a scheduler and `workers` one-thread workers, processes on the
    loopback address) against `--jobs` as many pool workers, in turn, `rounds` times:
    documents per second, the client's peak memory and each worker's (as the run reports
    them: each worker's own, Dask's part in it included)."""
    import tempfile

    from bench.cluster import local_cluster
    from bench.corpus import make_collection

    with tempfile.TemporaryDirectory() as folder:
        documents = Path(folder) / "documents"
        count = make_collection(documents)
        times: dict[str, list[float]] = {"pool": [], "cluster": []}
        for _ in range(rounds):
            for name in times:
                options = ["--jobs", str(workers)]
                with contextlib.ExitStack() as stack:
                    if name == "cluster":
                        options += ["--scheduler", stack.enter_context(local_cluster(workers))]
                    label = f"{count} documents, {name} of {workers}"
                    times[name].append(_corpus_run(documents, count, label, options))
        pool, dask = (statistics.median(times[name]) for name in ("pool", "cluster"))
        print(f"cluster / pool, {workers} workers each: {dask / pool:.2f}x (medians)")


def bench_small(documents: int = 100_000, jobs: int = 2) -> None:
    """`resalign corpus --jobs 2` over `documents` small generated resolutions
    (bench/small.py): seconds, documents per second, the client's peak memory and the
    workers'. `python bench/run.py small 10000` for fewer."""
    import tempfile

    from bench.small import make_small_collection

    with tempfile.TemporaryDirectory() as folder:
        collection = Path(folder) / "documents"
        count = make_small_collection(collection, documents)
        label = f"{count:,} small documents, --jobs {jobs}"
        _corpus_run(collection, count, label, ["--jobs", str(jobs)])


SECTIONS = {
    "anchors": bench_anchors,
    "startup": bench_startup,
    "hostile": bench_hostile,
    "real": bench_real,
    "readers": bench_readers,
    "parse": bench_parse,
    "align": bench_align,
    "pairs": bench_pairs,
    "reports": bench_reports,
    "tui": bench_tui,
    "carry": bench_carry,
    "corpus": bench_corpus,
    "cluster": bench_cluster,
    "small": bench_small,
    "growth": bench_growth,
}

if __name__ == "__main__":
    if sys.argv[1:2] == ["small"] and sys.argv[2:]:  # `small 10000`: that many documents
        bench_small(int(sys.argv[2]))
    else:
        for name in sys.argv[1:] or [name for name in SECTIONS if name != "small"]:
            SECTIONS[name]()  # `small` (100,000 documents, minutes) only when named
