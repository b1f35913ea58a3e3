"""The archive's tunables, in one place."""

MAX_FILE_BYTES = 512 * 1024
"""A record is a few kilobytes; a file this large is a mistake or an attack, and is refused."""
FEED_ENTRIES = 50
"""A feed holds the newest conferences only, as feeds do: its size does not grow with the archive."""
MIN_CHART_POINTS = 3
"""A measure is charted where at least this many figures of one scope compare."""
LICENSE = {
    "id": "CC-BY-4.0",
    "title": "Creative Commons Attribution 4.0 International",
    "short": "CC BY 4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
}
"""The licence of the archive's data and texts: anyone may reuse them, for any purpose, naming the
archive. Frictionless Data's form (id, title, path); pages, footers and data files all read it here."""
PUBLISHER = "Industry and Trade Conference Archive editors"
"""Who publishes the archive (CITATION.cff names the same authors)."""
