"""Issue #19's two figures on N synthetic records, side by side against an older checkout.

Usage: python -m bench.performance [--sizes 300] [--repeat 3] [--against DIR] [--json FILE]

On N synthetic conferences (bench/synthetic.py), a copy for each checkout, it times the full build
(`build.py build` into new folders) and the live preview's rebuild after one record is edited. Each run
is a process working in the checkout measured ("new": this one, "old": --against), so `import archive`
is that checkout's code. The checkouts take turns `repeat` times and the fastest run of each counts:
a slower one measures what else the host was doing.
"""

from __future__ import annotations

import argparse
import inspect
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.synthetic import generate

ROOT = Path(__file__).resolve().parent.parent
SIZES = (300,)
REPEAT = 3
SITE_URL = "http://127.0.0.1:8000/"
FULL_BUILD_GOAL = 1.2
"""The full build may take at most this many times the old checkout's."""
PREVIEW_GOAL_S = 2.5
"""The preview's rebuild after one edit may take at most this many seconds."""


def edit_summary(record: Path, mark: str) -> None:
    """Put mark at the start of a record's Vietnamese summary, quoted or not: an edit to one page."""
    text = record.read_text(encoding="utf-8")
    edited, found = re.subn(r"summary:\n  vi: [\"']?", lambda start: f"{start[0]}{mark} ", text, count=1)
    if not found:
        raise ValueError(f"{record} has no Vietnamese summary to edit")
    record.write_text(edited, encoding="utf-8")


_DRIVER_BODY = """
content, out, work, mark, site_url = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4], sys.argv[5]
import archive
if [Path(p).resolve() for p in archive.__path__] != [Path.cwd().resolve() / "archive"]:
    sys.exit(f"archive imported from {list(archive.__path__)}, not from {Path.cwd()}")
if importlib.util.find_spec("archive.preview"):
    from archive.preview import Preview
    preview = Preview(content, out, site_url)
    rebuild = preview.rebuild
    atexit.register(preview.close)
else:
    from archive.pipeline import build
    def rebuild():
        build(content, out, site_url, work_dir=work, dirty=True)
rebuild()
record = sorted((content / "conferences").glob("*.yaml"))[0]
edit_summary(record, mark)
started = time.perf_counter()
rebuild()
seconds = time.perf_counter() - started
page = out / "conferences" / record.stem / "index.html"
if mark not in page.read_text(encoding="utf-8"):
    sys.exit(f"the rebuilt {page} does not show the edit {mark!r}")
print(json.dumps({"seconds": seconds}))
"""
DRIVER = "import atexit, importlib.util, json, re, sys, time\nfrom pathlib import Path\n"
DRIVER += inspect.getsource(edit_summary) + _DRIVER_BODY
"""The preview in the checkout measured, old API (pipeline.build, dirty) or new (archive.preview): its
first build, one edit, the timed rebuild; it fails unless the rebuilt page shows the edit."""


def run(command: list[str], checkout: Path, what: str) -> str:
    """What command prints, run in checkout with nothing on PYTHONPATH that could shadow its code."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONPATH"}
    done = subprocess.run(command, cwd=checkout, env=env, capture_output=True, text=True)
    if done.returncode:
        raise RuntimeError(f"{what} in {checkout} failed:\n{done.stderr[-3000:]}")
    return done.stdout


def describe(checkout: Path) -> str:
    """The checkout's commit, marked -dirty when its work tree has changes."""
    done = subprocess.run(["git", "describe", "--always", "--dirty"], cwd=checkout, capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def full_build(checkout: Path, content: Path, folder: Path) -> float:
    """Wall time of one full build into folder/work and folder/site, which must not exist yet."""
    out, work = folder / "site", folder / "work"
    command = [sys.executable, "build.py", "build", "--content", str(content), "--out", str(out), "--work", str(work)]
    started = time.perf_counter()
    run(command, checkout, "the full build")
    return time.perf_counter() - started


def preview_rebuild(checkout: Path, content: Path, folder: Path, mark: str) -> float:
    """The preview's rebuild after mark is put into the first record's summary, in folder/site."""
    command = [sys.executable, "-c", DRIVER, str(content), str(folder / "site"), str(folder / "work"), mark, SITE_URL]
    return json.loads(run(command, checkout, "the preview").splitlines()[-1])["seconds"]


@dataclass
class Figures:
    """The fastest run of each checkout at one size, in seconds, by label ("new", "old")."""

    conferences: int
    full_build_s: dict[str, float]
    preview_rebuild_s: dict[str, float]
    full_build_ratio: float | None
    """new / old, when there is an old checkout."""


def measure(n: int, checkouts: dict[str, Path], workspace: Path, repeat: int = REPEAT) -> Figures:
    """Both figures for every checkout on n synthetic conferences, taking turns, each turn in new folders."""
    source = generate(workspace / f"n{n}", n)
    contents = {label: shutil.copytree(source, workspace / f"n{n}" / label / "content") for label in checkouts}
    full = {label: float("inf") for label in checkouts}
    preview = dict(full)
    for turn in range(repeat):
        order = list(checkouts) if turn % 2 == 0 else list(reversed(checkouts))
        for label in order:
            checkout, content, folder = checkouts[label], contents[label], workspace / f"n{n}" / label / "run"
            full[label] = min(full[label], full_build(checkout, content, folder))
            shutil.rmtree(folder)
            mark = f"Sửa lần {turn + 1} cho bench."  # new each turn: the page must show this turn's edit
            preview[label] = min(preview[label], preview_rebuild(checkout, content, folder, mark))
            shutil.rmtree(folder)
    full, preview = ({label: round(seconds, 3) for label, seconds in times.items()} for times in (full, preview))
    return Figures(n, full, preview, round(full["new"] / full["old"], 3) if "old" in full else None)


def goals(results: list[Figures]) -> dict[str, bool | None]:
    """The issue's two goals at every size; the full build's is not judged (None) without an old checkout."""
    verdict: dict[str, bool | None] = {}
    for r in results:
        full, n = r.full_build_s, r.conferences
        verdict[f"full build new <= {FULL_BUILD_GOAL} x old at N={n}"] = (
            full["new"] <= FULL_BUILD_GOAL * full["old"] if "old" in full else None
        )
        verdict[f"preview rebuild new <= {PREVIEW_GOAL_S} s at N={n}"] = r.preview_rebuild_s["new"] <= PREVIEW_GOAL_S
    return verdict


def table(results: list[Figures], checkouts: dict[str, Path]) -> str:
    """One line per size and checkout, then the full build's ratio new/old."""
    lines = [f"{'N':>6}  {'checkout':<8}  {'full build s':>12}  {'preview rebuild s':>17}  folder"]
    for r in results:
        for label, checkout in checkouts.items():
            full, preview = r.full_build_s[label], r.preview_rebuild_s[label]
            lines.append(f"{r.conferences:>6}  {label:<8}  {full:>12.2f}  {preview:>17.2f}  {checkout}")
        if r.full_build_ratio is not None:
            lines.append(f"{'':>6}  full build new/old: {r.full_build_ratio:.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    parser.add_argument("--repeat", type=int, default=REPEAT, help="turns per checkout and size; the fastest counts")
    parser.add_argument("--against", type=Path, help="a checkout of an older commit to measure side by side")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    args = parser.parse_args(argv)
    checkouts = {"new": ROOT}
    if args.against:
        if not (args.against / "build.py").is_file():
            parser.error(f"{args.against} is not a checkout of the archive (no build.py)")
        checkouts["old"] = args.against.resolve()
    with tempfile.TemporaryDirectory() as workspace:
        results = [measure(n, checkouts, Path(workspace), args.repeat) for n in args.sizes]
    verdict = goals(results)
    print(table(results, checkouts))
    for goal, holds in verdict.items():
        print(f"{'n/a' if holds is None else 'holds' if holds else 'MISSED':>6}  {goal}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        payload = {
            "machine": {"cpu": platform.machine(), "cores": os.cpu_count(), "python": platform.python_version()},
            "checkouts": {label: {"folder": str(path), "commit": describe(path)} for label, path in checkouts.items()},
            "repeat": args.repeat,
            "results": [asdict(r) for r in results],
            "goals": verdict,
        }
        args.json.write_text(json.dumps(payload, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
