"""When each content file last changed, from the repository's history (git): the date a citation
gives, and the catalogue's date of last change. Outside a git checkout nothing is known, and the
pages say nothing of it."""

from __future__ import annotations

import datetime
import subprocess
from pathlib import Path


def last_changes(content_dir: Path) -> dict[str, datetime.date]:
    """The day each file under content_dir was last committed, by its path from content_dir."""
    try:
        log = subprocess.run(
            ["git", "log", "--format=%x00%cs", "--name-only", "--relative", "--", "."],
            cwd=content_dir,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    changes: dict[str, datetime.date] = {}
    day: datetime.date | None = None
    for line in log.splitlines():  # newest commit first: a file's first mention is its last change
        if line.startswith("\x00"):
            day = datetime.date.fromisoformat(line[1:])
        elif line and day and line not in changes:
            changes[line] = day
    return changes
