"""The web form on this computer (`make edit`): Decap's local backend on the working tree, and the
form's page beside it. The form writes files in the project's layout itself (editor/archive-editor.js);
`build.py check` would name any line that is not."""

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

from .editor import NODE_MODULES, write_editor


@contextmanager
def local_editor(root: Path, port: int = 8000, api_port: int = 8081) -> Iterator[str]:
    """The editor working on the files under root: decap-server (Decap's local backend) on api_port, and
    the editor's page on port. Yields the page's address."""
    site = Path(tempfile.mkdtemp(prefix="archive-editor-"))
    write_editor(site / "admin", local_api=f"http://localhost:{api_port}/api/v1")
    env = {**os.environ, "GIT_REPO_DIRECTORY": str(root), "MODE": "fs", "PORT": str(api_port), "BIND_HOST": "127.0.0.1"}
    server = subprocess.Popen(["node", str(NODE_MODULES / "decap-server" / "dist" / "index.js")], env=env)
    page = ThreadingHTTPServer(("127.0.0.1", port), partial(_QuietHandler, directory=str(site)))
    try:
        _wait_for(api_port, server)
        threading.Thread(target=page.serve_forever, daemon=True).start()
        yield f"http://localhost:{port}/admin/"
    finally:
        page.shutdown()
        page.server_close()
        server.terminate()
        server.wait(timeout=10)
        shutil.rmtree(site, ignore_errors=True)


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


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
