"""Records are untrusted input: clear errors, nothing lost, nothing injected."""

from __future__ import annotations

import contextlib
import re
import shutil
import signal
import subprocess
import sys
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from playwright.sync_api import sync_playwright

from archive.errors import ContentError
from archive.locale import LANGUAGES
from archive.pipeline import DEFAULT_CONTENT, build, load_archive
from archive.records import field_values, load
from archive.render import render_site
from archive.site import build_sites
from archive.validate import _fast_validators, _validators
from bench.browser import launch, serve
from tests.conftest import ROOT, page, small_content

CORPUS = sorted((Path(__file__).resolve().parent / "bad_conferences").glob("*.yaml"))
SAMPLE = "2022-09-23-northern-28-viii"


def header(path: Path) -> dict[str, str]:
    """The '# key: value' lines at the top of a corpus file."""
    fields = {}
    for line in path.read_bytes().split(b"\n"):
        if not line.startswith(b"# "):
            break
        key, _, value = line[2:].decode("utf-8").partition(": ")
        fields[key] = value
    return fields


@pytest.mark.parametrize("bad", CORPUS, ids=[path.stem for path in CORPUS])
def test_each_bad_record_gets_its_message_at_its_place_and_exit_code_1(bad: Path, content_copy: Path):
    expected = header(bad)
    name = expected.get("file-as", "2026-03-10-sample.yaml")
    shutil.copyfile(bad, content_copy / "conferences" / name)
    result = subprocess.run(
        [sys.executable, "build.py", "check", "--content", str(content_copy)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    located = [line for line in result.stderr.splitlines() if f"conferences/{name}:{expected['at']}:" in line]
    assert any(expected["expect"] in line for line in located), result.stderr


def test_the_corpus_covers_every_kind_of_bad_input():
    assert {path.stem for path in CORPUS} >= {
        "syntax-error",
        "duplicate-key",
        "unknown-field",
        "wrong-type",
        "impossible-date",
        "ambiguous-date",
        "missing-language",
        "unknown-person",
        "unknown-place",
        "unknown-series",
        "unknown-metric",
        "duplicate-id",
        "file-name-differs",
        "id-with-dots",
        "id-with-slash",
        "id-with-space",
        "id-with-capitals",
        "not-utf8",
        "alias-bomb",
        "javascript-url",
        "file-url",
    }


def test_an_oversized_file_is_refused(content_copy: Path):
    record = content_copy / "conferences" / f"{SAMPLE}.yaml"
    record.write_text(record.read_text(encoding="utf-8") + "#" + "x" * 600_000 + "\n", encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_archive(content_copy)
    assert "more than the limit" in caught.value.problems[0].message


def test_a_bom_windows_line_endings_and_decomposed_vietnamese_are_accepted_and_normalized(tmp_path, content_copy):
    record = content_copy / "conferences" / f"{SAMPLE}.yaml"
    text = unicodedata.normalize("NFD", record.read_text(encoding="utf-8"))
    record.write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode("utf-8"))
    out = tmp_path / "site"
    build(content_copy, out, work_dir=tmp_path / "work")
    for lang in LANGUAGES:
        html = (out / ("" if lang == "vi" else "en") / "conferences" / SAMPLE / "index.html").read_text("utf-8")
        assert unicodedata.is_normalized("NFC", html)
        assert "Đặng Hoàng An" in html
        folded = re.search(r'data-pagefind-meta="folded:([^"]*)"', html)
        assert folded and "dang" in folded.group(1).split(), "Đặng is searched for as dang too"


def snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        str(p.relative_to(folder)): (p.read_bytes(), p.stat().st_mtime_ns) for p in folder.rglob("*") if p.is_file()
    }


def test_a_build_never_writes_into_the_content(tmp_path, content_copy):
    before = snapshot(content_copy)
    build(content_copy, tmp_path / "site", work_dir=tmp_path / "work")
    assert snapshot(content_copy) == before


def test_a_failing_mkdocs_step_leaves_the_previous_site_exactly_as_it_was(tmp_path):
    out = tmp_path / "site"
    build(DEFAULT_CONTENT, out, work_dir=tmp_path / "work")
    before = snapshot(out)
    broken = tmp_path / "work" / "md" / "en" / "timeline" / "index.md"
    broken.write_text(broken.read_text(encoding="utf-8") + "\n[a broken link](no-such-page.md)\n", encoding="utf-8")
    with pytest.raises(Exception, match="strict mode"):
        build_sites(tmp_path / "work" / "md", out)
    assert snapshot(out) == before
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site")], "no staging folder is left behind"


# Property-based: any record, any mutation, gives a build or a clean error; never a traceback or a hang.


@contextlib.contextmanager
def time_limit(seconds: int) -> Iterator[None]:
    def expired(signum: int, frame: object) -> None:
        raise TimeoutError(f"no answer within {seconds} s")

    previous = signal.signal(signal.SIGALRM, expired)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def outcome(content: Path, md: Path) -> str:
    """Load, check and render the content: 'built', or 'refused' with a located ContentError."""
    with time_limit(10):
        try:
            archive = load_archive(content)
        except ContentError as error:
            assert error.problems and all(p.line >= 1 and p.column >= 1 for p in error.problems)
            return "refused"
        render_site(archive, md)
        for rendered in md.rglob("*.md"):
            markdown.markdown(rendered.read_text(encoding="utf-8"), extensions=["tables", "attr_list", "md_in_html"])
        return "built"


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=False),
    st.text(max_size=40),
    st.sampled_from(["unknown", "2023-02-30", "23/9/2022", "../x", "javascript:alert(1)", "ha-noi", "{{ 7*7 }}"]),
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=8,
)


SAMPLE_RECORD = load(DEFAULT_CONTENT / "conferences" / f"{SAMPLE}.yaml").data
SAMPLE_PATHS = [path for path, _ in field_values(SAMPLE_RECORD) if path]


def replaced(record: object, path: tuple, value: object) -> object:
    if not path:
        return value
    copy = list(record) if isinstance(record, list) else dict(record)
    copy[path[0]] = replaced(copy[path[0]], path[1:], value)
    return copy


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    """The reference files and the sample record, which the property tests change."""
    folder = tmp_path_factory.mktemp("property")
    small_content(folder / "content", SAMPLE)
    return folder


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(SAMPLE_PATHS), value=VALUES)
def test_any_value_in_any_field_builds_or_is_refused_cleanly(workspace, path, value):
    record = workspace / "content" / "conferences" / f"{SAMPLE}.yaml"
    header_line = "# yaml-language-server: $schema=../../schema/conference.schema.json\n"
    mutated = replaced(SAMPLE_RECORD, path, value)
    record.write_text(header_line + yaml.safe_dump(mutated, allow_unicode=True), encoding="utf-8")
    assert outcome(workspace / "content", workspace / "md") in ("built", "refused")


@settings(max_examples=200, deadline=None)
@given(path=st.sampled_from(SAMPLE_PATHS), value=VALUES)
def test_the_quick_validator_and_the_explaining_one_always_agree(path, value):
    """jsonschema-rs decides validity; python-jsonschema explains. They must never disagree."""
    mutated = replaced(SAMPLE_RECORD, path, value)
    quick = _fast_validators()["conference"].is_valid(mutated)
    assert quick == (not list(_validators()["conference"].iter_errors(mutated)))


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_edit_of_the_yaml_text_builds_or_is_refused_cleanly(workspace, data):
    record = workspace / "content" / "conferences" / f"{SAMPLE}.yaml"
    original = (DEFAULT_CONTENT / "conferences" / f"{SAMPLE}.yaml").read_bytes()
    start = data.draw(st.integers(0, len(original)))
    end = data.draw(st.integers(start, min(len(original), start + 40)))
    insert = data.draw(
        st.binary(max_size=12)
        | st.sampled_from([b"&a ", b"*a", b"<<: ", b"\t", b": ", b"- ", b"\xff", b"!!python/object:os.system "])
    )
    record.write_bytes(original[:start] + insert + original[end:])
    assert outcome(workspace / "content", workspace / "md") in ("built", "refused")


# In a real browser: a record full of injection strings shows every one of them as text, and none runs.

INJECTIONS = [
    "<script>window.__injected = 1</script>",
    '<img src=x onerror="window.__injected = 2">',
    '<svg onload="window.__injected = 3"></svg>',
    "[click me](javascript:window.__injected=4)",
    "# not a heading",
    "| not | a | table |",
    "*not bold* _not italic_",
    "{{ 7*7 }} {% if true %}yes{% endif %}",
    "&lt;kept&gt; &amp; as typed",
    "`not code` \\ backslash",
    "[not a reference][1] ![not an image] <https://not.a.link> <not@a.link>",
]


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("injected")
    content = small_content(folder / "content", SAMPLE)
    record_path = content / "conferences" / f"{SAMPLE}.yaml"
    record = yaml.safe_load(record_path.read_text(encoding="utf-8"))
    both = " · ".join(INJECTIONS)
    for lang in LANGUAGES:
        record["title"][lang] = INJECTIONS[0] + " " + INJECTIONS[1]
        record["summary"][lang] = both
        record["conclusions"]["sections"][0]["directives"][0]["text"][lang] = both
        record["participants"][0]["group"][lang] = both
    record["sources"][0]["publisher"] = both
    record_path.write_text(
        "# yaml-language-server: $schema=../../schema/conference.schema.json\n"
        + yaml.safe_dump(record, allow_unicode=True),
        encoding="utf-8",
    )
    out = folder / "site"
    build(content, out, work_dir=folder / "work")
    return out


@pytest.mark.browser
def test_injection_strings_show_as_text_and_never_run(injected_site):
    with serve(injected_site) as base, sync_playwright() as playwright:
        browser = launch(playwright)
        dialogs: list[str] = []
        for lang in LANGUAGES:
            prefix = "" if lang == "vi" else "en/"
            for path in (f"conferences/{SAMPLE}/", "timeline/", "years/2022/"):
                tab = browser.new_page()
                tab.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
                tab.goto(base + prefix + path)
                tab.wait_for_load_state("networkidle")
                assert tab.evaluate("() => window.__injected") is None, path
                text = tab.inner_text("article")
                assert INJECTIONS[0] in text and INJECTIONS[1] in text, path
                if path.startswith("conferences/"):
                    assert all(text.count(injection) >= 3 for injection in INJECTIONS), text
                    assert not tab.query_selector(
                        "article script, article img[onerror], article svg, article a[href^=javascript]"
                    )
                    assert tab.title().startswith(INJECTIONS[0])
                tab.close()
        search = browser.new_page()
        search.goto(base)
        search.wait_for_selector("pagefind-modal-trigger button")
        search.keyboard.press("/")
        search.keyboard.type("heading", delay=30)
        search.wait_for_selector("pagefind-modal .pf-result-link")
        assert search.evaluate("() => window.__injected") is None
        browser.close()
    assert not dialogs


def test_the_injected_record_is_text_in_the_html_too(injected_site):
    html = page(injected_site, "en", f"conferences/{SAMPLE}")
    assert not html.select("article script") and not html.select("[onerror]") and not html.select("[onload]")
    assert html.find("meta", attrs={"name": "description"})["content"].startswith(INJECTIONS[0])
