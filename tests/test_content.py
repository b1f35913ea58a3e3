"""The archive's own content: written in its own words, and every seed conference present."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from archive.pipeline import DEFAULT_CONTENT, load_archive
from archive.records import load

SEEDS = Path(__file__).resolve().parent.parent.parent / "shared" / "seeds"
LONGEST_SHARED_RUN = 14
"""Words in a row a text may share with a seed: enough for the names of bodies and plans, too few
for a copied sentence (the seeds' sentences run to twenty words and more)."""
NAMES = {"title", "name", "role", "short", "publisher"}
"""Fields that hold names and titles, which are quoted as published."""


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text.lower())


def texts(value: object, path: tuple = ()) -> Iterator[tuple[tuple, str]]:
    """Every free-text string of a file, with its field path; names and titles left out."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in NAMES:
                yield from texts(item, (*path, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from texts(item, (*path, index))


@pytest.fixture(scope="module")
def seed_runs() -> set[tuple[str, ...]]:
    if not SEEDS.is_dir():
        pytest.skip(f"the seed texts are not beside the repository ({SEEDS})")
    runs = set()
    for seed in SEEDS.glob("*.txt"):
        seed_words = words(seed.read_text(encoding="utf-8"))
        n = LONGEST_SHARED_RUN + 1
        runs |= {tuple(seed_words[i : i + n]) for i in range(len(seed_words) - n + 1)}
    return runs


@pytest.mark.parametrize("path", sorted(DEFAULT_CONTENT.rglob("*.yaml")), ids=lambda p: p.name)
def test_no_text_copies_a_sentence_from_the_seeds(path: Path, seed_runs):
    n = LONGEST_SHARED_RUN + 1
    for field, text in texts(load(path).data):
        text_words = words(text)
        copied = [
            text_words[i : i + n] for i in range(len(text_words) - n + 1) if tuple(text_words[i : i + n]) in seed_runs
        ]
        assert not copied, f"{field} repeats a seed: {' '.join(copied[0])}"


def test_the_2023_announcement_and_report_are_one_conference_with_two_sources():
    archive = load_archive(DEFAULT_CONTENT)
    seeds = {source.get("seed"): c.id for c in archive.conferences for source in c.data["sources"]}
    assert seeds["000_b6f3781ff81076df.txt"] == seeds["001_4bab2aed87fd05f9.txt"] == "2023-04-18-local-industry-trade"
    assert {seed for seed in seeds if seed} == {
        "000_b6f3781ff81076df.txt",
        "001_4bab2aed87fd05f9.txt",
        "002_868e4ddf995b679e.txt",
        "003_b08a39298dc3dd4b.txt",
        "004_22a34625777173df.txt",
    }


def test_the_research_facts_are_cited_where_they_are_used():
    archive = load_archive(DEFAULT_CONTENT)
    urls = {c.id: {s.get("url") for s in c.data["sources"]} for c in archive.conferences}
    assert any("arit.gov.vn" in (url or "") for url in urls["2024-05-17-northern-28-x"])
    assert any("hanoimoi.vn" in (url or "") for url in urls["2024-05-17-northern-28-x"])
    assert any("laodong.vn" in (url or "") for url in urls["2025-07-30-moit-provincial-working"])
