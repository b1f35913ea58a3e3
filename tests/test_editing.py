"""The editor's path: scaffold, fill, check, see it on the site; messages on the pull request; workflows."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import yaml

from archive.locale import LANGUAGES
from tests.conftest import REPO_URL, ROOT, page
from tests.test_cli import break_record, run

WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))

SUMMARY_TODO = (
    '  vi: "TODO: tóm tắt hội nghị bằng lời của bạn."\n  en: "TODO: summarise the conference in your own words."'
)
FILLED = {
    SUMMARY_TODO: "  vi: Hội nghị thử nghiệm của biên tập viên.\n  en: An editor's test conference.",
    "format: unknown ": "format: in-person ",
    "venue: unknown ": "venue: {place: quang-ninh} ",
    "chairs: []": (
        "chairs:\n  - person: dang-hoang-an\n"
        "    role: {vi: Thứ trưởng Bộ Công Thương, en: Deputy Minister of Industry and Trade}"
    ),
    "https://TODO.example/replace-with-the-source-address": "https://moit.gov.vn/tin-tuc/hoi-nghi-thu",
}


def test_an_editor_scaffolds_fills_checks_and_sees_the_conference_in_both_languages(tmp_path, content_copy):
    made = run(
        "new",
        "--content",
        str(content_copy),
        "--date",
        "2026-06-12",
        "--series",
        "northern-28",
        "--title-vi",
        "Hội nghị ngành Công Thương 28 tỉnh lần thứ XII",
        "--title-en",
        "12th northern conference",
        "--slug",
        "northern-28-xii",
    )
    assert made.returncode == 0, made.stderr
    assert "summary" in made.stdout and "sources" in made.stdout
    record = content_copy / "conferences" / "2026-06-12-northern-28-xii.yaml"
    text = record.read_text(encoding="utf-8")
    for skeleton, filled in FILLED.items():
        assert skeleton in text, skeleton
        text = text.replace(skeleton, filled)
    record.write_text(text + "edition: 12\n", encoding="utf-8")
    # edition belongs after series: the check says where, and format puts it there
    misplaced = run("check", "--content", str(content_copy))
    assert misplaced.returncode == 1 and f"{record.name}:4:1: the file is not laid out" in misplaced.stderr
    assert run("format", "--content", str(content_copy)).returncode == 0
    assert record.read_text(encoding="utf-8").split("\n")[3] == "edition: 12"
    checked = run("check", "--content", str(content_copy))
    assert checked.returncode == 0, checked.stderr
    out = tmp_path / "site"
    built = run("build", "--content", str(content_copy), "--out", str(out))
    assert built.returncode == 0, built.stderr
    for lang in LANGUAGES:
        timeline = page(out, lang, "timeline")
        entry = timeline.find("time", attrs={"datetime": "2026-06-12"}).find_parent("li")
        assert entry.find("a", href="../conferences/2026-06-12-northern-28-xii/")
        assert (
            "Hội nghị ngành Công Thương 28 tỉnh lần thứ XII" if lang == "vi" else "12th northern conference"
        ) in entry.text
        assert "Quảng Ninh" in entry.text


def test_new_asks_its_questions_in_a_terminal(content_copy):
    answers = ["2026-02-30", "2026-07-01", "northern-28", "Hội nghị hỏi đáp", "Question time"]
    controller, terminal = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "build.py", "new", "--content", str(content_copy), "--slug", "northern-28-asked"],
        cwd=ROOT,
        stdin=terminal,
        stdout=terminal,
        stderr=terminal,
    )
    os.close(terminal)
    os.write(controller, ("\n".join(answers) + "\n").encode())
    output = b""
    while process.poll() is None or output.count(b"\n") < 3:
        try:
            chunk = os.read(controller, 4096)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
    process.wait(timeout=30)
    os.close(controller)
    text = output.decode(errors="replace")
    assert process.returncode == 0, text
    assert "Date (YYYY-MM-DD)" in text and "northern-28" in text
    assert "2026-02-30' is not a real date" in text, "a bad answer is asked again"
    record = yaml.safe_load((content_copy / "conferences" / "2026-07-01-northern-28-asked.yaml").read_text("utf-8"))
    assert record["title"] == {"vi": "Hội nghị hỏi đáp", "en": "Question time"}


def test_new_without_a_terminal_says_which_flags_are_missing():
    result = run("new", "--date", "2026-07-01")
    assert result.returncode == 1
    assert "--series, --title-vi, --title-en" in result.stderr


def test_errors_become_annotations_on_the_pull_request_diff(content_copy):
    record = break_record(content_copy, "date: 2022-09-23", "date: 2022-09-23\nvenu: x")
    line = record.read_text(encoding="utf-8").splitlines().index("venu: x") + 1
    result = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "check", "--content", str(content_copy)],
        cwd=content_copy.parent,
        capture_output=True,
        text=True,
        env={**os.environ, "GITHUB_ACTIONS": "true"},
    )
    assert result.returncode == 1
    expected = (
        f"::error file=content/conferences/2022-09-23-northern-28-viii.yaml,line={line},col=1,"
        "title=venu%3A invalid::unknown field 'venu' (hint: did you mean 'venue'?)"
    )
    assert expected in result.stdout.splitlines()
    plain = subprocess.run(
        [sys.executable, str(ROOT / "build.py"), "check", "--content", str(content_copy)],
        cwd=content_copy.parent,
        capture_output=True,
        text=True,
        env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"},
    )
    assert "::error" not in plain.stdout


def test_workflow_files_are_valid_github_workflows():
    assert [path.name for path in WORKFLOWS] == ["check.yml", "publish.yml", "web-edits.yml"]
    result = subprocess.run(
        [Path(sys.executable).parent / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_workflow_check_rejects_a_broken_workflow(tmp_path):
    broken = tmp_path / "broken.yml"
    broken.write_text("on: push\njobs:\n  build:\n    steps:\n      - run: make\n", encoding="utf-8")
    result = subprocess.run(
        [Path(sys.executable).parent / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", broken],
        capture_output=True,
        text=True,
    )
    assert result.returncode != 0


def test_the_pull_request_workflow_checks_builds_and_tests_with_pip_caching():
    workflow = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    assert "pull_request" in workflow[True]  # PyYAML reads the key `on` as true
    steps = workflow["jobs"]["check"]["steps"]
    commands = " ".join(step.get("run", "") for step in steps)
    assert "build.py check" in commands and "build.py build" in commands and "make test" in commands
    python = next(step for step in steps if step.get("uses", "").startswith("actions/setup-python"))
    assert python["with"]["cache"] == "pip"


def test_the_publish_workflow_deploys_to_pages_with_the_permissions_it_needs():
    workflow = yaml.safe_load((ROOT / ".github/workflows/publish.yml").read_text(encoding="utf-8"))
    assert workflow[True]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(u.startswith("actions/upload-pages-artifact@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    assert workflow["jobs"]["deploy"]["environment"]["name"] == "github-pages"
    commands = " ".join(step.get("run", "") for step in workflow["jobs"]["build"]["steps"])
    assert "npm ci --omit=dev" in commands and "build.py editor --out site/admin" in commands


def test_the_web_forms_branch_is_checked_laid_out_and_kept_in_one_pull_request():
    check = yaml.safe_load((ROOT / ".github/workflows/check.yml").read_text(encoding="utf-8"))
    assert check[True]["push"]["branches"] == ["web-edits"]
    layout = " ".join(step.get("run", "") for step in check["jobs"]["layout"]["steps"])
    assert "build.py format" in layout and "git push" in layout
    assert check["jobs"]["layout"]["permissions"] == {"contents": "write"}
    branch = yaml.safe_load((ROOT / ".github/workflows/web-edits.yml").read_text(encoding="utf-8"))
    assert branch[True]["push"]["branches"] == ["main", "web-edits"]
    script = branch["jobs"]["branch"]["steps"][-1]["run"]
    assert "gh pr create --head web-edits --base main" in script and "merge-base --is-ancestor" in script


def test_each_conference_page_edits_its_yaml_file_in_both_languages(built_site):
    site, report = built_site
    for conference in report.archive.conferences:
        for lang in LANGUAGES:
            edit = page(site, lang, f"conferences/{conference.id}").select_one("a.md-content__button[href*='/edit/']")
            assert edit["href"] == f"{REPO_URL}edit/main/content/conferences/{conference.id}.yaml"
    assert not page(site, "vi", "timeline").select("a.md-content__button[href*='/edit/']")
