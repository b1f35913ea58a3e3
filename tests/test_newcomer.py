"""A new maintainer adds a field: the schema, a template line and the interface strings are enough.

On a copy of the tree, a `moderator` field (a person, the title held then, and the day named) is
added, then checked, built and looked at as an editor and a reader would. The copy also shows that
the configuration files are MkDocs' own: `mkdocs build -f mkdocs.en.yml` builds the English site
from the rendered Markdown with no other step, and the render leaves nothing else in build/."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, page

RECORD = "2024-05-17-northern-28-x"
TREE = ("archive", "build.py", "schema", "templates", "overrides", "mkdocs.yml", "mkdocs.en.yml", "content")

MODERATOR_SCHEMA = {
    "description": "Who moderated the discussion, and the day they were named to.",
    "x-part": "moderator",
    "type": "object",
    "additionalProperties": False,
    "required": ["person"],
    "properties": {
        "person": {"$ref": "common.schema.json#/$defs/slug", "x-references": "people"},
        "role": {"$ref": "common.schema.json#/$defs/text"},
        "named": {"$ref": "common.schema.json#/$defs/full_date"},
    },
}
TEMPLATE_LINE = (
    "{% if r.moderator %}\n"
    '**{{ ui("moderator") }}:** {{ h.to(r.moderator.person) }}{{ h.role(r.moderator) }}'
    " ({{ h.date(r.moderator.named) }})\n\n"
    "{% endif %}\n"
)
STRINGS = "moderator: {vi: Điều hành thảo luận, en: Moderator}\npart_moderator: {vi: điều hành, en: moderator}\n"


def run(tree: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *arguments], cwd=tree, capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the project with the moderator field added in three places."""
    copy = tmp_path_factory.mktemp("tree")
    for name in TREE:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, copy / name)
    schema_path = copy / "schema" / "conference.schema.json"
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    schema["properties"]["moderator"] = MODERATOR_SCHEMA
    schema_path.write_text(json.dumps(schema, ensure_ascii=False, indent=2), encoding="utf-8")
    template = copy / "templates" / "conference.md.j2"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace('## {{ ui("chairs") }}', TEMPLATE_LINE + '## {{ ui("chairs") }}', 1), "utf-8")
    with (copy / "templates" / "strings.yaml").open("a", encoding="utf-8") as strings:
        strings.write(STRINGS)
    return copy


def write_moderator(tree: Path, person: str, named: str) -> tuple[Path, int]:
    """Give the record a moderator; the file and the line the moderator's person is on."""
    record = tree / "content" / "conferences" / f"{RECORD}.yaml"
    text = record.read_text(encoding="utf-8").split("\nmoderator:")[0]
    role = '{vi: "Vụ trưởng", en: "Director General"}'
    block = f'\nmoderator:\n  person: {person}\n  role: {role}\n  named: "{named}"\n'
    record.write_text(text.rstrip("\n") + block, encoding="utf-8")
    return record, text.rstrip("\n").count("\n") + 3


@pytest.fixture(scope="module")
def built(tree: Path) -> Path:
    write_moderator(tree, "nguyen-hong-dien", "2024-05-10")
    result = run(tree, "build.py", "build")
    assert result.returncode == 0, result.stderr
    return tree / "site"


def test_the_new_field_shows_on_the_conference_page_in_both_languages(built: Path) -> None:
    vi = page(built, "vi", f"conferences/{RECORD}").get_text(" ")
    en = page(built, "en", f"conferences/{RECORD}").get_text(" ")
    assert "Điều hành thảo luận" in vi and "Nguyễn Hồng Diên" in vi and "10/5/2024" in vi
    assert "Moderator" in en and "Nguyễn Hồng Diên" in en and "10 May 2024" in en and "Director General" in en


def test_the_person_page_lists_the_new_part(built: Path) -> None:
    assert "điều hành" in page(built, "vi", "people/nguyen-hong-dien").get_text(" ")
    assert "moderator" in page(built, "en", "people/nguyen-hong-dien").get_text(" ")


def test_the_new_field_is_in_the_json_download_with_its_person_resolved(built: Path) -> None:
    data = json.loads((built / "data" / "archive.json").read_text(encoding="utf-8"))
    (record,) = [c for c in data["conferences"] if c["id"] == RECORD]
    assert record["moderator"]["person"]["id"] == "nguyen-hong-dien"
    assert record["moderator"]["person"]["name"] == "Nguyễn Hồng Diên"


@pytest.mark.parametrize(
    ("person", "named", "message", "column"),
    [
        ("nguyen-hong-dienn", "2024-05-10", "unknown person id 'nguyen-hong-dienn'", 11),
        ("nguyen-hong-dien", "2024-02-30", "2024-02-30 is not a real date", 10),
    ],
)
def test_the_new_field_is_checked_at_its_line(built: Path, tree: Path, person, named, message, column) -> None:
    record, line = write_moderator(tree, person, named)
    result = run(tree, "build.py", "check")
    line += 0 if "unknown" in message else 2
    assert result.returncode == 1
    assert f"{record.relative_to(tree)}:{line}:{column}:" in result.stderr and message in result.stderr, result.stderr
    write_moderator(tree, "nguyen-hong-dien", "2024-05-10")


def test_mkdocs_builds_a_language_from_its_configuration_file_alone(built: Path, tree: Path) -> None:
    english = tree / "english-only"
    result = run(tree, "-m", "mkdocs", "build", "-f", "mkdocs.en.yml", "-d", str(english))
    assert result.returncode == 0, result.stderr
    assert 'lang="en"' in (english / f"conferences/{RECORD}/index.html").read_text(encoding="utf-8")


def test_a_build_leaves_only_the_rendered_markdown_in_build(built: Path, tree: Path) -> None:
    left = [path.relative_to(tree / "build") for path in (tree / "build").rglob("*") if path.is_file()]
    assert left and all(path.parts[0] == "md" and path.parts[1] in ("vi", "en") for path in left)
    assert not [path for path in left if any(part.startswith(".") for part in path.parts)]
