"""datapackage.json describes the CSV downloads well enough for Frictionless to check them offline."""

from __future__ import annotations

import csv
import json
import shutil
import subprocess
import sys
from pathlib import Path

from archive.settings import LICENSE

FRICTIONLESS = Path(sys.executable).parent / "frictionless"


def validate(folder: Path) -> dict:
    """`frictionless validate` as a user runs it, its report read as JSON."""
    result = subprocess.run(
        [str(FRICTIONLESS), "validate", "datapackage.json", "--json"],
        cwd=folder,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return json.loads(result.stdout)


def errors(report: dict) -> list[str]:
    return [f"{task['name']}: {error['message']}" for task in report["tasks"] for error in task["errors"]]


def test_frictionless_finds_the_built_data_package_valid(site_dir):
    report = validate(site_dir / "data")
    assert report["valid"], errors(report)
    assert {task["name"] for task in report["tasks"]} == {"conferences", "figures"}


def test_a_figure_of_a_conference_that_does_not_exist_is_caught(site_dir, tmp_path):
    data = shutil.copytree(site_dir / "data", tmp_path / "data")
    rows = list(csv.reader((data / "figures.csv").read_text(encoding="utf-8-sig").splitlines()))
    rows[1][0] = "2099-01-01-no-such-conference"
    with (data / "figures.csv").open("w", encoding="utf-8-sig", newline="") as out:
        csv.writer(out, lineterminator="\n").writerows(rows)
    report = validate(data)
    assert not report["valid"]
    assert any("foreign" in message.lower() for message in errors(report)), errors(report)


def test_every_column_has_its_type_and_description_and_the_package_its_licence(site_dir):
    package = json.loads((site_dir / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"] == [{"name": LICENSE["id"], "path": LICENSE["path"], "title": LICENSE["title"]}]
    for resource in package["resources"]:
        header = next(csv.reader((site_dir / "data" / resource["path"]).open(encoding="utf-8-sig")))
        fields = resource["schema"]["fields"]
        assert [field["name"] for field in fields] == header
        assert all(field["type"] and field["description"].strip() for field in fields), resource["name"]
    types = {field["name"]: field["type"] for field in package["resources"][1]["schema"]["fields"]}
    assert types["value"] == "number" and types["estimated"] == "boolean"
