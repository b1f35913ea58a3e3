"""The two languages built side by side, one process each, on a machine with more than one core."""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import Any, TypeVar

Item = TypeVar("Item")
Result = TypeVar("Result")

_shared: Any = None
"""What the workers read; set before they are forked, so it is never pickled."""


def _call(job: tuple[Callable[[Any, Any], Any], Any]) -> Any:
    function, item = job
    return function(_shared, item)


def side_by_side(function: Callable[[Any, Item], Result], items: Sequence[Item], shared: Any = None) -> list[Result]:
    """function(shared, item) for every item, in order: in forked processes when there are several
    cores, in this process otherwise."""
    global _shared
    workers = min(len(os.sched_getaffinity(0)), len(items))
    if workers < 2:
        return [function(shared, item) for item in items]
    _shared = shared
    try:
        with ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork")) as pool:
            return list(pool.map(_call, [(function, item) for item in items]))
    finally:
        _shared = None
