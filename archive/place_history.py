"""The provinces and cities through their reorganisations, as content/places.yaml and acts.yaml give them.

A place that no longer exists as it was has a `successor`: the place it merged into, or became, from
which day and by which act. A region has a `membership`: the places it grouped, period by period.
The checks here keep that history coherent; the lookups answer what a place is today and what a
region was on a day. Both work on the files as written, so the checks run on content the schema
rejected too, skipping what is malformed.
"""

from __future__ import annotations

from typing import Any

from .errors import Problem
from .records import Content

Entries = dict[str, Any]


def _entries(content: Content, kind: str) -> Entries:
    data = content.references[kind].data
    return {ref: entry for ref, entry in data.items() if isinstance(entry, dict)} if isinstance(data, dict) else {}


def _successor(entry: Any) -> dict[str, Any] | None:
    successor = entry.get("successor") if isinstance(entry, dict) else None
    return successor if isinstance(successor, dict) and isinstance(successor.get("place"), str) else None


def _date(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def chain(places: Entries, ref: str) -> list[str]:
    """The places ref has been, in order, from ref itself to what it is today (stopping at a cycle)."""
    seen = [ref]
    while (successor := _successor(places.get(seen[-1]))) and successor["place"] not in seen:
        seen.append(successor["place"])
    return seen


def current(places: Entries, ref: str) -> str:
    """The place that ref is part of today, or is: ref itself when it has no successor."""
    return chain(places, ref)[-1]


def absorbed(places: Entries, ref: str) -> list[str]:
    """The places whose successor is ref, in the order of the file."""
    return [other for other, entry in places.items() if (_successor(entry) or {}).get("place") == ref]


def period_at(region: Any, iso: str) -> dict[str, Any] | None:
    """The period of a region's membership that a date (YYYY, YYYY-MM or YYYY-MM-DD) falls in."""
    for period in (region.get("membership") or []) if isinstance(region, dict) else []:
        start, end = _date(period.get("from")), _date(period.get("until"))
        if (start is None or iso >= start[: len(iso)]) and (end is None or iso <= end[: len(iso)]):
            return period
    return None


def history_problems(content: Content) -> list[Problem]:
    """What makes the places' history incoherent: a successor that is the place itself or leads back
    to it, a change dated before its act, a chain that goes back in time, periods out of order, and
    a region that lists a place in a period when the place did not exist as such."""
    document = content.references["places"]
    places, acts = _entries(content, "places"), _entries(content, "acts")
    problems: list[Problem] = []
    began: dict[str, str] = {}
    """The day each place that another became began to exist as such."""
    for entry in places.values():
        successor = _successor(entry)
        if successor and successor.get("change") == "became" and _date(successor.get("since")):
            began[successor["place"]] = successor["since"]
    for ref, entry in places.items():
        successor = _successor(entry)
        if not successor:
            continue
        at = (ref, "successor")
        target, since = successor["place"], _date(successor.get("since"))
        line = chain(places, ref)
        if tail := _successor(places.get(line[-1])):  # the chain stopped where it came back on itself
            cycle = " → ".join([*line, tail["place"]])
            problems.append(
                document.problem((*at, "place"), f"a place cannot become part of itself: {cycle}", "fix one successor")
            )
            continue
        act = acts.get(successor.get("act")) if isinstance(successor.get("act"), str) else None
        adopted = _date(act.get("adopted")) if act else None
        if since and adopted and since < adopted:
            problems.append(
                document.problem(
                    (*at, "since"),
                    f"{since} is before the act {successor['act']} was adopted ({adopted})",
                    "check the date, or the act",
                )
            )
        later = _successor(places.get(target))
        if since and later and _date(later.get("since")) and later["since"] <= since:
            problems.append(
                document.problem(
                    (*at, "since"),
                    f"'{target}' itself ceased on {later['since']}, before {ref} became part of it on {since}",
                    f"name what '{target}' became as the successor, or check the dates",
                )
            )
    for ref, entry in places.items():
        membership = entry.get("membership")
        if not isinstance(membership, list):
            continue
        previous_end: str | None = None
        for index, period in enumerate(membership):
            if not isinstance(period, dict):
                continue
            at = (ref, "membership", index)
            start, end = _date(period.get("from")), _date(period.get("until"))
            if start and end and start > end:
                problems.append(document.problem((*at, "until"), f"the period ends ({end}) before it starts ({start})"))
            if index and not start:
                problems.append(document.problem(at, "only the first period may leave out its start", "add from:"))
            if index < len(membership) - 1 and not end:
                problems.append(document.problem(at, "only the last period may leave out its end", "add until:"))
            if start and previous_end and start <= previous_end:
                problems.append(
                    document.problem((*at, "from"), f"the period starts on {start}, before the last one ended")
                )
            previous_end = end
            members = [m for m in period.get("places") or [] if isinstance(m, str)]
            if isinstance(period.get("count"), int) and len(members) > period["count"]:
                problems.append(
                    document.problem(
                        (*at, "places"),
                        f"{len(members)} places are listed, but the period counts {period['count']}",
                        "check count",
                    )
                )
            for position, member in enumerate(members):
                gone = _successor(places.get(member))
                ended = _date(gone.get("since")) if gone else None
                if ended and (end is None or end >= ended):
                    problems.append(
                        document.problem(
                            (*at, "places", position),
                            f"'{member}' was part of '{gone['place']}' from {ended}",
                            "end this period the day before, and start a new one",
                        )
                    )
                if member in began and (start is None or start < began[member]):
                    problems.append(
                        document.problem(
                            (*at, "places", position),
                            f"'{member}' exists only from {began[member]}",
                            "start this period then, or list what it was before",
                        )
                    )
    return problems
