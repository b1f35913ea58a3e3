"""iCalendar files (RFC 5545) of the conferences, for calendar programs to subscribe to: all-day
events, one per conference whose day is known (a date given only to the month or the year has no
day to put in a calendar)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from icalendar import Calendar, Event


@dataclass(frozen=True)
class Day:
    """One conference as a calendar shows it."""

    uid: str
    """Stable across builds and addresses, so that a calendar program updates the event in place."""
    start: datetime.date
    days: int
    summary: str
    description: str
    location: str
    url: str
    """The page's address; empty when the site's address is not known (the property must be absolute)."""


def calendar(name: str, lang: str, days: list[Day]) -> bytes:
    """A calendar named `name` holding one all-day event per Day."""
    ical = Calendar()
    ical.add("prodid", f"-//moit-conference-archive//{lang}")
    ical.add("version", "2.0")
    ical.add("calscale", "GREGORIAN")
    ical.add("name", name)  # RFC 7986
    ical.add("x-wr-calname", name)  # the same, for programs that predate RFC 7986
    for day in days:
        event = Event()
        event.add("uid", day.uid)
        # When the event's information was made: the conference's day, so that a build is reproducible.
        event.add("dtstamp", datetime.datetime.combine(day.start, datetime.time(), datetime.UTC))
        event.add("dtstart", day.start)
        event.add("dtend", day.start + datetime.timedelta(days=day.days))
        event.add("summary", day.summary)
        event.add("description", day.description)
        if day.location:
            event.add("location", day.location)
        if day.url:
            event.add("url", day.url)
        ical.add_component(event)
    return ical.to_ical()
