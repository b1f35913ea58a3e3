"""Work spread over the machine's cores: forked processes that inherit what they share."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

MANY_FILES = 64
"""Files to parse or check from which spreading them over the cores pays: starting the workers
costs 10-15 ms, a conference file 1-2 ms to parse and about 1 ms to check. Also the files each
worker takes at a time."""

_shared: Any = None
"""What the workers read; set before they are forked, so it is never pickled."""


def _call(job: tuple[Callable[[Any, Any], Any], Any]) -> Any:
    function, item = job
    return function(_shared, item)


def cores() -> int:
    """The cores this process may use."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parallel_map(
    function: Callable[[Any, Item], Result],
    items: Sequence[Item],
    shared: Any = None,
    chunksize: int = 1,
    at_least: int = 2,
) -> list[Result]:
    """function(shared, item) for every item, in order: in forked processes when there are several
    cores and at least `at_least` items (starting processes costs some tens of milliseconds), in
    this process otherwise."""
    global _shared
    workers = min(cores(), len(items))
    if workers < 2 or len(items) < at_least:
        return [function(shared, item) for item in items]
    _shared = shared
    try:
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(workers, mp_context=context) as pool:
            return list(pool.map(_call, [(function, item) for item in items], chunksize=chunksize))
    finally:
        _shared = None


def map_files(function: Callable[[Any, Item], Result], files: Sequence[Item], shared: Any = None) -> list[Result]:
    """function(shared, file) for every file (or job about one), in order: on every core from
    MANY_FILES files on, each worker taking MANY_FILES at a time."""
    return parallel_map(function, files, shared, chunksize=MANY_FILES, at_least=MANY_FILES)


def in_child(function: Callable[..., Result], *args: Any) -> Result:
    """function(*args) in a forked process, its result (or exception) sent back: whatever the
    function allocated is the system's again when it returns, before the next step needs memory."""
    context = multiprocessing.get_context("fork")
    with ProcessPoolExecutor(1, mp_context=context) as pool:
        return pool.submit(function, *args).result()
