"""Fixtures that build the real archive, as a user would, into temporary folders."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from archive.pipeline import DEFAULT_CONTENT, BuildReport, build

ROOT = Path(__file__).resolve().parent.parent
REPO_URL = "https://github.com/moit-archive/conferences/"


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """The real content built once, in strict mode, into a temporary folder."""
    work = tmp_path_factory.mktemp("work")
    out = tmp_path_factory.mktemp("out") / "site"
    report = build(DEFAULT_CONTENT, out, work_dir=work, repo_url=REPO_URL)
    return out, report


PUBLISHED_URL = "https://owner.github.io/archive/"


@pytest.fixture(scope="session")
def published(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildReport]:
    """The real content built for a GitHub Pages project address, with its repository."""
    out = tmp_path_factory.mktemp("published") / "site"
    report = build(DEFAULT_CONTENT, out, PUBLISHED_URL, tmp_path_factory.mktemp("work"), REPO_URL)
    return out, report


DOMAIN_URL = "https://archive.example.vn/"


@pytest.fixture(scope="session")
def domain_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The same content built for the root of a domain of its own."""
    out = tmp_path_factory.mktemp("domain") / "site"
    build(DEFAULT_CONTENT, out, DOMAIN_URL, tmp_path_factory.mktemp("work"), REPO_URL)
    return out


@pytest.fixture(scope="session")
def site_dir(built_site: tuple[Path, BuildReport]) -> Path:
    return built_site[0]


def small_content(target: Path, *conferences: str) -> Path:
    """A copy of the real reference files with only the conferences named: the smallest content that
    shows what a test looks at, so that each of its renders and builds draws a few pages, not the archive."""
    target.mkdir(parents=True)
    for reference in DEFAULT_CONTENT.glob("*.yaml"):
        shutil.copyfile(reference, target / reference.name)
    (target / "conferences").mkdir()
    for conference in conferences:
        shutil.copyfile(
            DEFAULT_CONTENT / "conferences" / f"{conference}.yaml", target / "conferences" / f"{conference}.yaml"
        )
    return target


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A copy of the real content that a test may break."""
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT, target)
    return target


def page(site: Path, lang: str, path: str) -> BeautifulSoup:
    """Parse the HTML of a page, by its path without the language prefix (e.g. 'timeline/')."""
    prefix = "" if lang == "vi" else "en/"
    return BeautifulSoup((site / prefix / path / "index.html").read_text(encoding="utf-8"), "html.parser")


REPORTS = ("search-benchmark.txt", "lighthouse.txt")
"""Tables the tests write to test-artifacts/, shown again at the end of the run."""
RUN_STARTED = time.time()


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """The search benchmark's and Lighthouse's tables of this run, before the slowest tests and the wall time."""
    for name in REPORTS:
        table = ROOT / "test-artifacts" / name
        if table.is_file() and table.stat().st_mtime >= RUN_STARTED:
            terminalreporter.write_sep("-", name)
            terminalreporter.write(table.read_text(encoding="utf-8"))
