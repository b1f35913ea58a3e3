"""Publishing as GitHub Pages does: under a sub-path, every link resolves; the live preview follows edits."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections import deque
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from bs4 import BeautifulSoup

from bench.browser import serve
from tests.conftest import PUBLISHED_URL, ROOT

SITE_URL = PUBLISHED_URL
ARTIFACTS = ROOT / "test-artifacts"


def fetch(url: str) -> tuple[int, str, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""
    except urllib.error.URLError:
        return 0, "", b""


def references(html: BeautifulSoup, page_url: str) -> set[str]:
    """Every URL a page links to or loads, resolved against the page."""
    found = set()
    for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src")):
        for element in html.find_all(tag, attrs={attribute: True}):
            found.add(urldefrag(urljoin(page_url, element[attribute])).url)
    config = html.find("script", id="__config")
    if config:
        settings = json.loads(config.string)
        base = urljoin(page_url, settings["base"] + "/")
        found |= {
            urljoin(base, "sitemap.xml"),
            urljoin(page_url, settings["search"]),
        }
    return found


@pytest.fixture(scope="module")
def subpath_site(published) -> Path:
    return published[0]


def test_every_internal_link_resolves_under_a_sub_path(subpath_site):
    with serve(subpath_site, mount="/archive/") as base:
        host = urlsplit(base).netloc
        queue, seen, broken, escaped, pages = deque([base, base + "en/"]), set(), [], [], 0
        while queue:
            url = queue.popleft()
            if url in seen:
                continue
            seen.add(url)
            status, kind, body = fetch(url)
            if status != 200:
                broken.append((url, status))
                continue
            if kind != "text/html":
                continue
            pages += 1
            for target in references(BeautifulSoup(body, "html.parser"), url):
                parts = urlsplit(target)
                if parts.scheme not in ("http", "https") or parts.netloc != host:
                    continue
                if not parts.path.startswith("/archive/"):
                    escaped.append((url, target))
                elif target not in seen:
                    queue.append(target)
    assert not broken, broken[:10]
    assert not escaped, escaped[:10]
    assert pages == len(list(subpath_site.rglob("index.html"))), "every page is reachable by links"


def test_the_site_url_sets_canonical_addresses_and_the_sitemap(subpath_site):
    html = BeautifulSoup((subpath_site / "en/timeline/index.html").read_text(encoding="utf-8"), "html.parser")
    assert html.find("link", rel="canonical")["href"] == SITE_URL + "en/timeline/"
    sitemap = (subpath_site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{SITE_URL}timeline/</loc>" in sitemap
    assert f'hreflang="en" href="{SITE_URL}en/timeline/"' in sitemap


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(url: str, text: str, timeout: float = 60) -> float:
    """Seconds until the page at url contains text."""
    started = time.perf_counter()
    while time.perf_counter() - started < timeout:
        status, _, body = fetch(url)
        if status == 200 and text in body.decode("utf-8", errors="replace"):
            return time.perf_counter() - started
        time.sleep(0.05)
    raise AssertionError(f"{url} never showed {text!r}")


def test_the_live_preview_rebuilds_and_reloads_when_a_record_is_saved(content_copy):
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "build.py", "serve", "--content", str(content_copy), "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        url = f"http://127.0.0.1:{port}/en/conferences/2022-09-23-northern-28-viii/"
        wait_for(url, "8th Conference")
        _, _, body = fetch(url)
        assert b"livereload" in body, "the preview page must reload itself when the site changes"
        record = content_copy / "conferences" / "2022-09-23-northern-28-viii.yaml"
        text = record.read_text(encoding="utf-8")
        record.write_text(text.replace('en: "8th Conference', 'en: "Eighth Conference', 1), encoding="utf-8")
        seconds = wait_for(url, "Eighth Conference")
    finally:
        server.terminate()
        server.wait(timeout=10)
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "live-preview.txt").write_text(f"record saved → page updated: {seconds:.2f} s\n", encoding="utf-8")
