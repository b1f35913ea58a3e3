"""The search index: Pagefind reads the built site and writes, under site/pagefind/, an index per page
language that the browser fetches in parts, as a query needs them.

Pagefind folds tone and vowel marks but not đ, which is a letter of its own: "dang" would not find
Đặng. So each built page is first given, as metadata that Pagefind searches, its words with đ
written as d.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from .vietnamese import fold

BUNDLE = "pagefind"
"""The index's folder at the site's root, shared by every language."""
WITH_D = re.compile(r"\w*[đĐ]\w*")
TAGS = re.compile(r"<[^>]+>")
MARK = 'data-pagefind-meta="folded:'
EXCLUDED = ".headerlink"
"""Left out of what is indexed: the ¶ after each heading."""


def with_d_words(html: str) -> str:
    """The page with its words written with đ, folded ("Đặng" → "dang"), as metadata before </body>."""
    if MARK in html:
        return html
    text = TAGS.sub(" ", html.split("<body", 1)[-1])
    words = dict.fromkeys(fold(word) for word in WITH_D.findall(text))
    if not words:
        return html
    meta = f'<span hidden {MARK}{" ".join(words)}"></span>'
    head, body_end, tail = html.rpartition("</body>")
    return f"{head}{meta}{body_end}{tail}" if body_end else html + meta


def index_site(site: Path) -> None:
    """Write the search index of a built site into site/pagefind/, replacing the one there (whose
    files, named by their content, would otherwise stay beside the new ones)."""
    shutil.rmtree(site / BUNDLE, ignore_errors=True)
    for page in site.rglob("*.html"):
        if not page.is_relative_to(site / BUNDLE):
            html = page.read_text(encoding="utf-8")
            if (marked := with_d_words(html)) != html:
                page.write_text(marked, encoding="utf-8")
    command = [sys.executable, "-m", "pagefind", "--site", str(site), "--output-subdir", BUNDLE, "--quiet"]
    command += ["--exclude-selectors", EXCLUDED]
    run = subprocess.run(command, capture_output=True, text=True)
    if run.returncode:
        raise RuntimeError(f"Pagefind could not index {site}:\n{run.stdout}{run.stderr}")
