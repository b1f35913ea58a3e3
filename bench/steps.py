"""Where a cold render's time goes: parsing, checking, the model, drawing the Markdown.

Usage: python -m bench.steps [--size 2000 | --content DIR] [--repeat 3]

Each step of archive.pipeline.render is timed on its own, from an empty work folder each time; the
fastest of the repeats counts. It takes the steps from archive/, so run from an older checkout
(PYTHONPATH=<checkout> python bench/steps.py) it measures that version on the same content.

It also times what libyaml alone takes to load every conference file on every core, which any cold
render built on PyYAML must do before anything else.
"""

from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from itertools import pairwise
from pathlib import Path

import yaml

from archive.cache import RecordCache
from archive.model import build_archive
from archive.records import load_content
from archive.render import render_site
from archive.validate import check
from archive.workers import map_files

STEPS = ("parse", "check", "model", "draw")


def time_steps(content_dir: Path) -> dict[str, float]:
    """Seconds for each step of one cold render of content_dir, as pipeline.render runs them.

    The steps are called here one by one, not through pipeline.load_archive, so that each is timed
    and so that older checkouts, whose load_archive has no place for timings, are measured the same way."""
    with tempfile.TemporaryDirectory() as work:
        laps = [time.perf_counter()]
        gc.disable()
        cache = RecordCache(Path(work) / "records")
        content = load_content(content_dir, cache)
        laps.append(time.perf_counter())
        passed = check(content, cache)
        laps.append(time.perf_counter())
        archive = build_archive(content)
        cache.save(passed)
        gc.enable()
        gc.freeze()
        laps.append(time.perf_counter())
        render_site(archive, Path(work) / "md")
        laps.append(time.perf_counter())
    gc.unfreeze()
    return {step: end - start for step, (start, end) in zip(STEPS, pairwise(laps), strict=True)}


def _load_with_libyaml(_: object, path: Path) -> None:
    yaml.load(path.read_bytes(), Loader=yaml.CSafeLoader)


def libyaml_floor(content_dir: Path, repeat: int = 1) -> float:
    """Seconds PyYAML's fastest loader (libyaml's, CSafeLoader) takes to load every conference
    file, spread over the cores as the render spreads its parsing, keeping nothing; the fastest of
    `repeat` loads. It is the work a cold render must do before any other: on a host whose speed
    changes from minute to minute, a render's own parse step, timed at another moment, may land a
    little either side."""
    files = sorted((content_dir / "conferences").glob("*.yaml"))
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        map_files(_load_with_libyaml, files)
        times.append(time.perf_counter() - started)
    return min(times)


def fastest(content_dir: Path, repeat: int) -> dict[str, float]:
    """Each step's fastest time over `repeat` cold renders."""
    runs = [time_steps(content_dir) for _ in range(repeat)]
    return {step: min(run[step] for run in runs) for step in STEPS}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    source = parser.add_mutually_exclusive_group()
    source.add_argument("--size", type=int, default=2000, help="conferences to generate (bench/synthetic.py)")
    source.add_argument("--content", type=Path, help="a content folder to render instead")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as workspace:
        if args.content:
            content = args.content
        else:
            from bench.synthetic import generate

            content = generate(Path(workspace), args.size)
        seconds = fastest(content, args.repeat)
        floor = libyaml_floor(content, args.repeat)
    steps = "  ".join(f"{step} {value:.2f} s" for step, value in seconds.items())
    print(f"{steps}  (total {sum(seconds.values()):.2f} s; libyaml alone {floor:.2f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
