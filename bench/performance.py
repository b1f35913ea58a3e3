"""The archive's cost at scale, against plain MkDocs building the same Markdown.

Usage: python -m bench.performance [--sizes 250 500 1000 2000] [--repeat 3] [--json FILE]

For each size N it generates N synthetic conferences (bench/synthetic.py) and measures, each in a
fresh process: the generator step (load + validate + render to Markdown: cold, with nothing
changed, after one edit), the full bilingual build
with its peak memory, plain MkDocs building the same Markdown for both languages one after the
other, the output sizes, a rebuild after one record is edited, the live preview's dirty build
after another edit, and how long a reader waits for the first search results.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import psutil
import yaml

from archive.locale import LANGUAGES
from bench.search import seconds_to_first_results
from bench.synthetic import generate

ROOT = Path(__file__).resolve().parent.parent
SIZES = (250, 500, 1000, 2000)
REPEAT = 3
SEARCH_QUERY = "thanh hoa"
"""A place every synthetic archive holds, typed without its marks."""

_RENDER_STEP = """
import json, sys, time
from pathlib import Path
from archive.pipeline import render
from bench.performance import edit_summary
content, work, run = Path(sys.argv[1]), Path(sys.argv[2]), sys.argv[3]
if run == "one_edit":
    edit_summary(sorted((content / "conferences").glob("*.yaml"))[-1], "Đã sửa.")
started = time.perf_counter()
report = render(content, work)
print(json.dumps({"seconds": time.perf_counter() - started, "written": report.written}))
"""
"""The generator's step (load + check + render to Markdown, pipeline.render) in a process of its own, as
build.py runs it: `cold` into an empty work folder, then `unchanged`, then `one_edit` after one record
is edited. (Run one after the other in one process, the later renders were 20-40 % slower: the
earlier renders' archives stay in memory, left out of the collector's scans by gc.freeze.)"""
RENDER_RUNS = ("cold", "unchanged", "one_edit")

_STEPS = """
import json, sys
from pathlib import Path
from bench.steps import libyaml_floor, time_steps
content, repeat = Path(sys.argv[1]), int(sys.argv[2])
floor = libyaml_floor(content, repeat)
print(json.dumps({**time_steps(content), "libyaml": floor}))
"""
"""Where the time of a cold render goes, step by step (bench/steps.py), in a process of its own: in the
render step's process it would leave compiled templates and warm caches to the cold render. Before
them, the fastest of `repeat` loads of the records by libyaml alone."""


@dataclass
class SizeResult:
    """Everything measured for one archive size."""

    conferences: int
    render_cold_s: float
    records_per_s: float
    warm_records_per_s: float
    one_edit_records_per_s: float
    pages_written_after_one_edit: int
    parse_s: float
    check_s: float
    model_s: float
    draw_s: float
    """A cold render's steps, timed one by one in another cold render (bench/steps.py)."""
    libyaml_s: float
    """libyaml loading the records on every core, and nothing else: work every cold render does first."""
    full_build_s: float
    plain_mkdocs_s: float
    ratio_to_plain: float
    peak_memory_mb: float
    output_mb: float
    conference_page_kb: float
    search_index_kb: float
    rebuild_after_one_edit_s: float
    markdown_rewritten_on_rebuild: int
    preview_after_one_edit_s: float
    """A dirty build after one more edit, as the live preview runs it: only changed pages again."""
    search_results_vi_s: float
    search_results_en_s: float
    """From opening the home page to the first search results, in headless Chromium on this machine."""


def run(command: list[str], sample_memory: bool = False) -> tuple[float, float]:
    """Wall time, and with sample_memory the peak memory of the whole process tree in MB.

    Memory is the proportional set size (a page shared by forked processes counts once in all),
    sampled every 100 ms. Reading it costs the kernel about 8 ms per 500 MB process, which would
    slow a build on two busy cores: runs that are timed are not sampled."""
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    peak = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        parent = psutil.Process(process.pid)
        while not stop.is_set():
            try:
                tree = [parent, *parent.children(recursive=True)]
                peak = max(peak, sum(p.memory_full_info().pss for p in tree if p.is_running()))
            except psutil.Error:
                pass
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    if sample_memory:
        sampler.start()
    _, err = process.communicate()
    elapsed = time.perf_counter() - started
    stop.set()
    if sample_memory:
        sampler.join()
    if process.returncode:
        raise RuntimeError(f"{' '.join(command)} failed:\n{err[-3000:]}")
    return elapsed, peak / 2**20


def edit_summary(record: Path, mark: str) -> None:
    """Put a mark at the start of a record's Vietnamese summary: an edit to one conference's own page."""
    text = record.read_text(encoding="utf-8")
    record.write_text(text.replace("summary:\n  vi: ", f"summary:\n  vi: {mark} ", 1), encoding="utf-8")


def printed_json(command: list[str]) -> Any:
    """What a command prints, read as JSON."""
    return json.loads(subprocess.run(command, cwd=ROOT, check=True, capture_output=True, text=True).stdout)


def folder_size(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def plain_configs(work: Path, site: Path) -> list[Path]:
    """Each language's MkDocs configuration as the build wrote it into work, building into
    site/<lang> instead (the build's own output folders are its staging and its site)."""
    configs = []
    for lang in LANGUAGES:
        config = yaml.safe_load((work / f"mkdocs.{lang}.yml").read_text(encoding="utf-8"))
        config["site_dir"] = str(site / lang)
        path = site.parent / f"plain.{lang}.yml"
        path.write_text(yaml.safe_dump(config, allow_unicode=True, sort_keys=False), encoding="utf-8")
        configs.append(path)
    return configs


def measure(n: int, workspace: Path, repeat: int = REPEAT) -> SizeResult:
    """Generate an archive of n conferences and measure every step on it.

    The full build (from an empty work folder) and plain MkDocs take turns `repeat` times, and the
    fastest time of each counts: a slower run measures what else the host was doing (as timeit does)."""
    content = generate(workspace / f"n{n}", n)
    python = sys.executable
    step_content = workspace / f"n{n}" / "step-content"
    shutil.copytree(content, step_content)
    steps = printed_json([python, "-c", _STEPS, str(step_content), str(repeat)])
    step_work = str(workspace / f"n{n}" / "step-work")
    step = {run: printed_json([python, "-c", _RENDER_STEP, str(step_content), step_work, run]) for run in RENDER_RUNS}
    work, out = workspace / f"n{n}" / "work", workspace / f"n{n}" / "site"
    build = [python, "build.py", "build", "--content", str(content), "--out", str(out), "--work", str(work)]
    _, peak_mb = run(build, sample_memory=True)
    plain_site = workspace / f"n{n}" / "plain-site"
    plain = [[python, "-m", "mkdocs", "build", "-q", "-f", str(config)] for config in plain_configs(work, plain_site)]
    full_s = plain_s = float("inf")
    for _ in range(repeat):
        # Each timed build writes into folders that do not exist yet: neither side's time includes
        # deleting the output of an earlier run.
        for folder in (work, out, plain_site):
            shutil.rmtree(folder, ignore_errors=True)
        full_s = min(full_s, run(build)[0])
        plain_s = min(plain_s, sum(run(command)[0] for command in plain))
    first = sorted((content / "conferences").glob("*.yaml"))[0]
    page = out / "conferences" / first.stem / "index.html"
    index_kb = sum(folder_size(out / prefix / "search") for prefix in ("", "en")) / 1024
    output_mb = folder_size(out) / 2**20
    search = seconds_to_first_results(out, SEARCH_QUERY)
    markdown = {p: p.stat().st_mtime_ns for p in (work / "md").rglob("*.md")}
    edit_summary(first, "Đã sửa.")
    rebuild_s, _ = run(build)
    rewritten = sum(1 for p, mtime in markdown.items() if p.exists() and p.stat().st_mtime_ns != mtime)
    edit_summary(first, "Sửa lần hai.")
    preview_s, _ = run([*build, "--dirty"])
    return SizeResult(
        conferences=n,
        render_cold_s=round(step["cold"]["seconds"], 2),
        records_per_s=round(n / step["cold"]["seconds"]),
        warm_records_per_s=round(n / step["unchanged"]["seconds"]),
        one_edit_records_per_s=round(n / step["one_edit"]["seconds"]),
        pages_written_after_one_edit=step["one_edit"]["written"],
        **{f"{name}_s": round(seconds, 3) for name, seconds in steps.items()},
        full_build_s=round(full_s, 2),
        plain_mkdocs_s=round(plain_s, 2),
        ratio_to_plain=round(full_s / plain_s, 2),
        peak_memory_mb=round(peak_mb),
        output_mb=round(output_mb, 1),
        conference_page_kb=round(page.stat().st_size / 1024, 1),
        search_index_kb=round(index_kb),
        rebuild_after_one_edit_s=round(rebuild_s, 2),
        markdown_rewritten_on_rebuild=rewritten,
        preview_after_one_edit_s=round(preview_s, 2),
        search_results_vi_s=round(search["vi"], 2),
        search_results_en_s=round(search["en"], 2),
    )


def machine() -> dict[str, object]:
    return {
        "cpu": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "memory_gb": round(psutil.virtual_memory().total / 2**30),
        "python": platform.python_version(),
    }


def table(results: list[SizeResult]) -> str:
    columns = [
        ("N", "conferences"),
        ("render s", "render_cold_s"),
        ("parse s", "parse_s"),
        ("check s", "check_s"),
        ("model s", "model_s"),
        ("draw s", "draw_s"),
        ("libyaml s", "libyaml_s"),
        ("rec/s cold", "records_per_s"),
        ("unchanged", "warm_records_per_s"),
        ("one edit", "one_edit_records_per_s"),
        ("md written", "pages_written_after_one_edit"),
        ("build s", "full_build_s"),
        ("plain s", "plain_mkdocs_s"),
        ("ratio", "ratio_to_plain"),
        ("peak MB", "peak_memory_mb"),
        ("site MB", "output_mb"),
        ("page KB", "conference_page_kb"),
        ("index KB", "search_index_kb"),
        ("rebuild s", "rebuild_after_one_edit_s"),
        ("md rewritten", "markdown_rewritten_on_rebuild"),
        ("preview s", "preview_after_one_edit_s"),
        ("search vi s", "search_results_vi_s"),
        ("search en s", "search_results_en_s"),
    ]
    lines = ["  ".join(f"{title:>12}" for title, _ in columns)]
    for result in results:
        lines.append("  ".join(f"{getattr(result, key)!s:>12}" for _, key in columns))
    return "\n".join(lines)


def goals(results: list[SizeResult]) -> dict[str, bool]:
    """The goals of the performance issue, judged on this run."""
    by_n = {r.conferences: r for r in results}
    verdict: dict[str, bool] = {}
    if 2000 in by_n:
        verdict["render step >= 1000 records/s at N=2000 (cold)"] = by_n[2000].records_per_s >= 1000
        verdict["render step >= 1000 records/s at N=2000 (nothing changed)"] = by_n[2000].warm_records_per_s >= 1000
        verdict["render step >= 1000 records/s at N=2000 (one record edited)"] = (
            by_n[2000].one_edit_records_per_s >= 1000
        )
        verdict["peak memory < 1 GB at N=2000"] = by_n[2000].peak_memory_mb < 1024
    # Judged on the times, not on the ratio rounded for the table (0.7016 shows as 0.7).
    verdict["full build <= 0.7 x plain MkDocs (every N)"] = all(
        r.full_build_s <= 0.7 * r.plain_mkdocs_s for r in results
    )
    if 1000 in by_n and 2000 in by_n:
        verdict["build(2000) / build(1000) <= 2.2"] = by_n[2000].full_build_s / by_n[1000].full_build_s <= 2.2
    pages = [r.conference_page_kb for r in results]
    verdict["conference page does not grow with N"] = all(later <= pages[0] * 1.01 for later in pages)
    return verdict


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=REPEAT, help="timed builds per size; the fastest counts")
    parser.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workspace:
        results = [measure(n, Path(workspace), args.repeat) for n in args.sizes]
    verdict = goals(results)
    print(table(results))
    for goal, holds in verdict.items():
        print(f"{'holds' if holds else 'MISSED':>6}  {goal}")
    largest = max(results, key=lambda result: result.conferences)
    ceiling = largest.conferences / largest.libyaml_s
    print(f"At N={largest.conferences}, libyaml alone loads {ceiling:.0f} records/s, before any checking or drawing.")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        results_json = [asdict(r) for r in results]
        payload = {"machine": machine(), "repeat": args.repeat, "results": results_json, "goals": verdict}
        args.json.write_text(json.dumps(payload, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
