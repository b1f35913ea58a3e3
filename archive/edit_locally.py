"""The web form on this computer (`make edit`): Decap's local backend on the working tree, the form's
page beside it, and each content file it saves laid out the project's way."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from watchdog.events import FileSystemEvent, FileSystemEventHandler
from watchdog.observers import Observer

from .editor import NODE_MODULES, write_editor
from .layout import format_file


@contextmanager
def local_editor(root: Path, port: int = 8000, api_port: int = 8081) -> Iterator[str]:
    """The editor working on the files under root: decap-server (Decap's local backend) on api_port, the
    editor's page on port, and each content file it saves laid out the project's way. Yields the address."""
    site = Path(tempfile.mkdtemp(prefix="archive-editor-"))
    write_editor(site / "admin", local_api=f"http://localhost:{api_port}/api/v1")
    env = {**os.environ, "GIT_REPO_DIRECTORY": str(root), "MODE": "fs", "PORT": str(api_port), "BIND_HOST": "127.0.0.1"}
    server = subprocess.Popen(["node", str(NODE_MODULES / "decap-server" / "dist" / "index.js")], env=env)
    page = ThreadingHTTPServer(("127.0.0.1", port), partial(_QuietHandler, directory=str(site)))
    observer = Observer()
    observer.schedule(_LayOut(), str(root / "content"), recursive=True)
    try:
        _wait_for(api_port, server)
        threading.Thread(target=page.serve_forever, daemon=True).start()
        observer.start()
        yield f"http://localhost:{port}/admin/"
    finally:
        observer.stop()
        page.shutdown()
        page.server_close()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(site, ignore_errors=True)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


class _LayOut(FileSystemEventHandler):
    """Lays out each content file the editor saves (a file that does not parse is left to the check)."""

    def on_any_event(self, event: FileSystemEvent) -> None:
        path = Path(str(event.dest_path or event.src_path))
        if event.event_type in ("created", "modified", "moved") and path.suffix == ".yaml" and path.exists():
            with suppress(Exception):
                format_file(path)


def _wait_for(port: int, process: subprocess.Popen[bytes], seconds: float = 30) -> None:
    """Wait until decap-server answers on its port; raise if it stopped."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"decap-server stopped (exit code {process.returncode}); is port {port} in use?")
        with suppress(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
            return
        time.sleep(0.2)
    raise RuntimeError(f"decap-server did not answer on port {port}")
