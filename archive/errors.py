"""Located problems in the content: file, line, column, field path, what to fix."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FieldPath = tuple[str | int, ...]


def format_field_path(path: FieldPath) -> str:
    """Render ('figures', 2, 'value') as figures[2].value."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else str(part)
    return text


@dataclass(frozen=True)
class Problem:
    """One thing an editor must fix, and where."""

    file: Path
    line: int
    column: int
    field: FieldPath
    message: str
    hint: str = ""

    def located(self, root: Path | None = None) -> str:
        """The file:line:column prefix, relative to root when possible."""
        name = self.file
        if root is not None and self.file.resolve().is_relative_to(root.resolve()):
            name = self.file.resolve().relative_to(root.resolve())
        return f"{name}:{self.line}:{self.column}"

    def describe(self, root: Path | None = None) -> str:
        """One line for a terminal: place, field, message and hint."""
        field = format_field_path(self.field)
        text = f"{self.located(root)}: {field + ': ' if field else ''}{self.message}"
        return f"{text} (hint: {self.hint})" if self.hint else text


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotation(problem: Problem, root: Path | None = None) -> str:
    """The problem as a GitHub Actions workflow command, shown on the line of the pull request's diff."""
    file, line, column = problem.located(root).rsplit(":", 2)
    field = format_field_path(problem.field)
    title = f"{field}: invalid" if field else "invalid record"
    message = problem.message + (f" (hint: {problem.hint})" if problem.hint else "")
    properties = f"file={_escape_property(file)},line={line},col={column},title={_escape_property(title)}"
    return f"::error {properties}::{_escape_data(message)}"


class ContentError(Exception):
    """Raised with every problem found, so they can be reported at once."""

    def __init__(self, problems: list[Problem]) -> None:
        super().__init__(f"{len(problems)} problem(s) in the content")
        self.problems = sorted(problems, key=lambda p: (str(p.file), p.line, p.column))

    def __reduce__(self) -> tuple[type, tuple[list[Problem]]]:
        """Pickled with its problems, to cross from a worker process."""
        return (ContentError, (self.problems,))
