"""Nothing lost: restore(clean(x)) == x on every corpus file and on generated text."""
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.emit.jsonl import dumps_item, load_items
from pipeline.restore import restore_sources
from pipeline.runner import clean_text

from paths import CORPUS

CORPUS_FILES = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_restores(path: Path):
    text = path.read_text(encoding="utf-8")
    item = clean_text(text, path.stem)
    back = load_items(dumps_item(item))[0]  # through the JSON form, as `restore` reads it
    assert restore_sources(back) == [text]


PIECES = st.sampled_from([
    "Title", "DATA:2022-08-17  Views:0", "Lao\xa0Niu", "民政部召开会议。", "the\u200bword",
    "Source：Beijing", "\n", "\n\n", "\r\n", "  ", "\t", "# ", "## ", "a", "A.", "（", "）",
    "ends with,", "lower case", "Café", "e\u0301", "\x07", "\u3000", "—", "1.2万",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_generated_text_restores(text):
    item = clean_text(text, "gen")
    assert restore_sources(load_items(dumps_item(item))[0]) == [text]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_text_restores(text):
    item = clean_text(text, "gen")
    assert restore_sources(load_items(dumps_item(item))[0]) == [text]
