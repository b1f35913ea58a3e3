"""A built site served on localhost and Debian's Chromium driven by Playwright, for tests and benchmarks."""

from __future__ import annotations

import functools
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

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


@contextmanager
def serve(directory: Path, mount: str = "/") -> Iterator[str]:
    """Serve a folder on 127.0.0.1 under a mount path; yields the base URL (ending in /)."""
    mount = "/" + mount.strip("/") + "/" if mount.strip("/") else "/"

    class Handler(_QuietHandler):
        def translate_path(self, path: str) -> str:
            if not path.startswith(mount):
                return str(Path(directory) / "__outside_the_mount__")
            return super().translate_path("/" + path[len(mount) :])

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
