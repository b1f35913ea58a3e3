"""Fixtures that build the real archive, as a user would, into temporary folders."""

from __future__ import annotations

import shutil
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


@pytest.fixture(scope="session")
def site_dir(built_site: tuple[Path, BuildReport]) -> Path:
    return built_site[0]


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
