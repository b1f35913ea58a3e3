"""A built site served on localhost and Debian's Chromium driven by Playwright, for tests and benchmarks."""

from __future__ import annotations

import functools
import gzip
import os
import threading
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from http import HTTPStatus
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from io import BytesIO
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Browser, Playwright

CHROMIUM = os.environ.get("ARCHIVE_CHROMIUM", "/usr/bin/chromium")
"""Debian's chromium package; elsewhere set ARCHIVE_CHROMIUM, or leave it unset to use Playwright's own."""
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean."""


COMPRESSED = {".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".txt", ".csv"}
"""The text types GitHub Pages sends gzip-compressed to a browser that accepts it."""
UTF8 = {".html", ".css", ".js", ".mjs", ".json", ".txt", ".csv"}


@contextmanager
def serve(directory: Path, mount: str = "/", headers: Mapping[str, str] | None = None) -> Iterator[str]:
    """Serve a folder on 127.0.0.1 under a mount path as GitHub Pages does; yields the base URL (ending in /).

    Text files are gzip-compressed when the request accepts it; a folder without its slash is redirected to it;
    a missing file (or a folder without index.html) is answered 404 with the folder's own 404.html.
    headers are added to every response.
    """
    mount = "/" + mount.strip("/") + "/" if mount.strip("/") else "/"
    root = Path(directory)
    compressed: dict[tuple[Path, int], bytes] = {}
    """Each file's gzip body, made once while it stays unchanged: many pages load the same scripts."""

    class Handler(_QuietHandler):
        def translate_path(self, path: str) -> str:
            if not path.startswith(mount):
                return str(root / "__outside_the_mount__")
            return super().translate_path("/" + path[len(mount) :])

        def end_headers(self) -> None:
            for name, value in (headers or {}).items():
                self.send_header(name, value)
            super().end_headers()

        def send_head(self) -> BytesIO | None:
            url_path = urlsplit(self.path).path
            target = Path(self.translate_path(self.path))
            if url_path == mount.rstrip("/") or (target.is_dir() and not url_path.endswith("/")):
                parts = urlsplit(self.path)
                self.send_response(HTTPStatus.MOVED_PERMANENTLY)
                self.send_header("Location", parts.path + "/" + ("?" + parts.query if parts.query else ""))
                self.send_header("Content-Length", "0")
                self.end_headers()
                return None
            if target.is_dir():
                target = target / "index.html"
            if target.is_file():
                return self._send_file(target, HTTPStatus.OK)
            return self._send_file(root / "404.html", HTTPStatus.NOT_FOUND)

        def _send_file(self, file: Path, status: HTTPStatus) -> BytesIO:
            body = file.read_bytes() if file.is_file() else b"Not found"
            kind = self.guess_type(str(file)) if file.is_file() else "text/plain"
            suffix = file.suffix.lower()
            if suffix in UTF8:
                kind += "; charset=utf-8"
            self.send_response(status)
            self.send_header("Content-Type", kind)
            if suffix in COMPRESSED:
                self.send_header("Vary", "Accept-Encoding")
                if "gzip" in self.headers.get("Accept-Encoding", ""):
                    key = (file, file.stat().st_mtime_ns if file.is_file() else 0)
                    if key not in compressed:
                        compressed[key] = gzip.compress(body, compresslevel=6, mtime=0)
                    body = compressed[key]
                    self.send_header("Content-Encoding", "gzip")
            if status == HTTPStatus.OK:
                self.send_header("Last-Modified", self.date_time_string(int(file.stat().st_mtime)))
                self.send_header("Cache-Control", "max-age=600")  # GitHub Pages' own
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            return BytesIO(body)

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(directory)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{mount}"
    finally:
        server.shutdown()
        server.server_close()


def launch(playwright: Playwright) -> Browser:
    """Headless Chromium with the flags this offline machine needs."""
    executable = CHROMIUM if Path(CHROMIUM).exists() else None
    return playwright.chromium.launch(executable_path=executable, args=CHROMIUM_FLAGS)
