"""The web form (Decap CMS at /admin/), as an editor uses it: in Chromium, through the local backend,
saving into a copy of the content; and its configuration, generated from the schema."""

from __future__ import annotations

import difflib
import re
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import suppress
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Locator, Page, expect, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from archive.edit_locally import local_editor
from archive.editor import NOT_RECORDED, settings
from archive.layout import first_difference, kind_of
from archive.records import load
from archive.schema import ANY, REFERENCE_KINDS, fields
from bench.browser import launch
from tests.conftest import ROOT

RECORD = "2022-09-23-northern-28-viii"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def form_paths(form_fields: list[dict], path: tuple[str, ...] = ()) -> set[tuple[str, ...]]:
    """Every field path the form has, with * for the items of a list."""
    found: set[tuple[str, ...]] = set()
    for field in form_fields:
        name = field["name"]
        if name.endswith(NOT_RECORDED):
            continue
        here = (*path, name)
        found.add(here)
        below = (*here, ANY) if field["widget"] == "list" else here
        if field["widget"] == "relation" and field.get("multiple"):
            found.add((*here, ANY))
        found |= form_paths(field.get("fields", []), below)
    return found


def test_every_field_of_the_schema_is_in_the_form_labelled_from_the_schema():
    collections = {collection["name"]: collection for collection in settings()["config"]["collections"]}
    for kind in ("conference", *REFERENCE_KINDS):
        if kind == "conference":
            form = form_paths(collections["conferences"]["fields"])
            wanted = {field.path for field in fields(kind) if field.path}
        else:
            entries = collections[kind]["files"][0]["fields"][0]
            form = form_paths(entries["fields"], (ANY,))
            wanted = {field.path for field in fields(kind) if len(field.path) > 1}
        missing = {path for path in wanted if path not in form and path[-1] != ANY}
        assert missing == set(), f"{kind}: schema fields missing from the form: {sorted(missing)}"
    title = next(field for field in collections["conferences"]["fields"] if field["name"] == "title")
    assert title["label"] == "Tên hội nghị · Title" and title["hint"].startswith("Tên của hội nghị.")
    assert [part["label"] for part in title["fields"]] == ["Tiếng Việt · Vietnamese", "Tiếng Anh · English"]


def test_the_editor_page_is_written_with_its_bundle_and_no_address_of_another_host(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "build.py", "editor", "--out", str(tmp_path / "admin"), "--repo", "owner/archive"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    page = (tmp_path / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<script src="decap-cms.js"></script>' in page and "http" not in page.replace("http-equiv", "")
    assert (tmp_path / "admin" / "decap-cms.js").stat().st_size > 1_000_000
    config = (tmp_path / "admin" / "settings.json").read_text(encoding="utf-8")
    assert '"repo": "owner/archive"' in config and '"branch": "web-edits"' in config
    assert "local_backend" not in config


# --- In Chromium, through Decap's local backend ---------------------------------------------------------------


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    """A copy of the content for the form to save into."""
    shutil.copytree(ROOT / "content", tmp_path / "content")
    return tmp_path


@pytest.fixture
def editor(workspace: Path) -> Iterator[tuple[Page, str, list[str]]]:
    """The form, signed in to the local backend; and every request that left the computer or failed."""
    with local_editor(workspace, free_port(), free_port()) as url, sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        elsewhere: list[str] = []
        here = ("http://localhost", "data:", "blob:")
        page.on("request", lambda request: request.url.startswith(here) or elsewhere.append(request.url))
        page.on(
            "response",
            lambda response: response.status >= 400 and elsewhere.append(f"{response.status} {response.url}"),
        )
        page.goto(url, wait_until="networkidle")
        page.get_by_role("button", name="Đăng nhập").click()
        expect(page.get_by_text("Hội nghị · Conferences").first).to_be_visible(timeout=20_000)
        yield page, url, elsewhere
        browser.close()


def field(scope: Page | Locator, name: str, last: bool = False) -> Locator:
    """A field of the form by its name in the record: its label's control block (the first with that
    name in the scope, or the last: that of the row just added to a list)."""
    labels = scope.locator(f"label[for^='{name}-field-']")
    label = labels.last if last else labels.first
    return label.locator("xpath=ancestor::div[contains(@class, '-ControlContainer')][1]")


def text_box(scope: Page | Locator, name: str, lang: str, last: bool = False) -> Locator:
    return field(scope, name, last).locator(f"[id^='{lang}-field-']").first


def pick(scope: Locator, typed: str, option: str) -> None:
    """Choose in a picker as a person does: type, and take the option that reads so. The picker searches
    as one types, and a search started before the collection has loaded finds nothing: type again then."""
    box, wanted = scope.locator("input").first, scope.page.get_by_role("option", name=option).first
    for _ in range(3):
        box.fill("")
        box.fill(typed)
        with suppress(PlaywrightTimeout):
            wanted.wait_for(timeout=5_000)
            break
    wanted.click()


def publish(page: Page) -> None:
    expect(page.get_by_text("THAY ĐỔI CHƯA ĐƯỢC LƯU")).to_be_visible()
    page.get_by_role("button", name="Công bố").first.click()
    page.get_by_role("menuitem", name="Công bố ngay").click()
    expect(page.get_by_text("THAY ĐỔI ĐÃ ĐƯỢC LƯU")).to_be_visible(timeout=20_000)


def saved(path: Path, before: str = "") -> str:
    """The file once the form has written it (changed, and the same when read again); the form writes
    the project's layout, so the file must keep it."""
    deadline, last = time.monotonic() + 20, None
    while time.monotonic() < deadline:
        text = path.read_text(encoding="utf-8") if path.exists() else ""
        if text and text != before and text == last:
            assert first_difference(text, kind_of(path)) is None, f"the form did not lay {path.name} out"
            return text
        last = text
        time.sleep(0.3)
    raise AssertionError(f"{path} was not saved:\n{last}")


def changed_lines(before: str, after: str) -> list[str]:
    diff = difflib.unified_diff(before.split("\n"), after.split("\n"), lineterm="", n=0)
    return [line for line in diff if line[:1] in "+-" and line[:3] not in ("+++", "---")]


def check(workspace: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "build.py", "check", "--content", str(workspace / "content")]
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=300)


@pytest.mark.browser
@pytest.mark.parametrize("name", [RECORD, "2025-12-05-central-highlands-xi"])
def test_editing_one_field_of_a_conference_changes_only_that_fields_line(editor, workspace, name):
    """The second record says of its chairs, conclusions, recommendations and documents that no source
    records them: the form shows it ticked, and saving keeps it."""
    page, url, elsewhere = editor
    record = workspace / "content" / "conferences" / f"{name}.yaml"
    before = record.read_text(encoding="utf-8")
    page.goto(url + f"#/collections/conferences/entries/{name}")
    box = text_box(page, "summary", "en")
    expect(box).not_to_have_value("")
    vi, en = (text_box(page, "title", lang).bounding_box() for lang in ("vi", "en"))
    assert vi["y"] == en["y"] and vi["x"] + vi["width"] < en["x"], "the two languages sit side by side"
    if "chairs: unknown" in before:
        expect(field(page, f"chairs{NOT_RECORDED}").get_by_role("switch")).to_have_attribute("aria-checked", "true")
        expect(field(page, f"speakers{NOT_RECORDED}").get_by_role("switch")).to_have_attribute("aria-checked", "false")
    box.fill("A new English summary, typed in the form.")
    publish(page)
    after = saved(record, before)
    old = load(record.with_name("before.yaml"), before).data["summary"]["en"]
    assert changed_lines(before, after) == [f'-  en: "{old}"', '+  en: "A new English summary, typed in the form."']
    assert check(workspace).returncode == 0
    assert elsewhere == []


def add_item(scope: Page | Locator, name: str) -> Locator:
    """Add a row to a list field; the list's block, whose last fields of each name are the new row's."""
    block = field(scope, name)
    block.get_by_role("button", name="Add").first.click()
    return block


@pytest.mark.browser
def test_a_new_conference_with_a_new_person_and_figures_passes_the_check_on_its_first_save(editor, workspace):
    page, url, elsewhere = editor
    page.goto(url + "#/collections/people/entries/people")
    people = add_item(page, "entries")
    field(people, "id", last=True).locator("input").fill("tran-thi-moi")
    field(people, "name", last=True).locator("input").fill("Trần Thị Mới")
    text_box(people, "note", "vi", last=True).fill("Phó Chủ tịch UBND tỉnh Thái Nguyên năm 2026.")
    text_box(people, "note", "en", last=True).fill(
        "Vice Chairwoman of the Thái Nguyên Provincial People's Committee in 2026."
    )
    people_file = workspace / "content" / "people.yaml"
    people_before = people_file.read_text(encoding="utf-8")
    publish(page)
    saved(people_file, people_before)

    page.goto(url + "#/collections/conferences/new")
    field(page, "id").locator("input").fill("2026-05-20-thai-nguyen-test")
    pick(field(page, "series"), "phía Bắc", "northern-28")
    text_box(page, "title", "vi").fill("Hội nghị thử ở Thái Nguyên")
    text_box(page, "title", "en").fill("A test conference in Thái Nguyên")
    text_box(page, "summary", "vi").fill("Hội nghị thử, nhập qua biểu mẫu, có một người mới và hai số liệu.")
    text_box(page, "summary", "en").fill("A test conference entered in the form, with a new person and two figures.")
    field(page, "date").locator("input").fill("2026-05-20")
    pick(field(page, "format"), "in-person", "in-person")
    pick(field(page, "place"), "Thái Nguyên", "thai-nguyen")
    pick(field(page, "hosts"), "Bộ Công Thương", "moit")
    chairs = add_item(page, "chairs")
    pick(field(chairs, "person", last=True), "Trần Thị Mới", "tran-thi-moi")
    text_box(chairs, "role", "vi", last=True).fill("Phó Chủ tịch UBND tỉnh Thái Nguyên")
    text_box(chairs, "role", "en", last=True).fill("Vice Chairwoman of the Thái Nguyên Provincial People's Committee")
    for metric, value, unit in (("iip", "8.5", "percent"), ("retail-sales", "120.5", "trillion-vnd")):
        figures = add_item(page, "figures")
        pick(field(figures, "metric", last=True), metric, metric)
        pick(field(figures, "scope", last=True), "Thái Nguyên", "thai-nguyen")
        field(figures, "from", last=True).locator("input").fill("2026-01")
        field(figures, "to", last=True).locator("input").fill("2026-04")
        field(figures, "value", last=True).locator("input").fill(value)
        pick(field(figures, "unit", last=True), unit, unit)
    sources = add_item(page, "sources")
    field(sources, "url", last=True).locator("input").fill("https://moit.gov.vn/tin-tuc/hoi-nghi-thu.html")
    pick(field(sources, "kind", last=True), "report", "report")
    publish(page)

    record = workspace / "content" / "conferences" / "2026-05-20-thai-nguyen-test.yaml"
    saved(record)
    checked = check(workspace)
    assert checked.returncode == 0, checked.stderr + "\n" + record.read_text(encoding="utf-8")
    text = record.read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/conference.schema.json\n")
    assert "  - person: tran-thi-moi\n" in text and text.count("  - metric: ") == 2
    assert 'tran-thi-moi:\n  name: "Trần Thị Mới"\n' in people_file.read_text(encoding="utf-8")
    assert elsewhere == []


@pytest.mark.browser
def test_a_missing_vietnamese_title_is_refused_in_the_form(editor, workspace):
    page, url, _ = editor
    page.goto(url + "#/collections/conferences/new")
    field(page, "id").locator("input").fill("2026-05-21-no-title")
    text_box(page, "title", "en").fill("A conference with no Vietnamese title")
    page.get_by_role("button", name="Công bố").first.click()
    page.get_by_role("menuitem", name="Công bố ngay").click()
    expect(page.get_by_text("Bạn còn thiếu vài thông tin bắt buộc")).to_be_visible()
    expect(field(page, "title").get_by_text("bắt buộc").first).to_be_visible()
    assert not (workspace / "content" / "conferences" / "2026-05-21-no-title.yaml").exists()


@pytest.mark.browser
def test_an_impossible_date_is_refused_by_the_check_at_its_line(editor, workspace):
    page, url, _ = editor
    record = workspace / "content" / "conferences" / f"{RECORD}.yaml"
    page.goto(url + f"#/collections/conferences/entries/{RECORD}")
    field(page, "date").locator("input").fill("2022-02-30")
    before = record.read_text(encoding="utf-8")
    publish(page)
    after = saved(record, before)
    assert changed_lines(before, after) == ["-date: 2022-09-23", "+date: 2022-02-30"]
    line = after.split("\n").index("date: 2022-02-30") + 1
    checked = check(workspace)
    assert checked.returncode == 1
    assert f"{RECORD}.yaml:{line}:7: date: 2022-02-30 is not a real date" in checked.stderr


@pytest.mark.browser
@pytest.mark.parametrize("view", ["list", "entry"])
def test_the_form_fits_a_phone_and_passes_axe(editor, view):
    page, url, elsewhere = editor
    page.set_viewport_size({"width": 375, "height": 800})
    if view == "list":
        page.goto(url + "#/collections/conferences")
        expect(page.get_by_text("2022-09-23 · Hội nghị ngành Công thương 28 tỉnh").first).to_be_visible()
    else:
        page.goto(url + f"#/collections/conferences/entries/{RECORD}")
        expect(text_box(page, "title", "vi")).to_have_value(re.compile("^Hội nghị ngành Công thương 28 tỉnh"))
        vi, en = (text_box(page, "title", lang).bounding_box() for lang in ("vi", "en"))
        assert en["y"] > vi["y"] + vi["height"], "on a phone English comes under Vietnamese"
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    results = Axe().run(page)
    serious = [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")]
    assert serious == [], results.generate_report()
    assert elsewhere == []
