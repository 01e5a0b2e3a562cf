"""The first real document, end to end: the issue's 'done when' for the core pipeline."""
from pipeline.emit.jsonl import dumps_item
from pipeline.emit.markdown import render_markdown
from pipeline.restore import restore_sources
from pipeline.runner import clean_file, clean_text

from paths import SEED

HEADINGS = ["Building blocks of participation", "Collaborative architecture",
            "Innovation paradigm", "Main points of action"]


def test_seed_structure():
    item = clean_file(str(SEED))
    kinds = [b.kind for b in item.blocks]
    assert kinds.count("title") == 1 and kinds[0] == "title"
    assert item.blocks[0].en == "The 23rd Lao Niu Philanthropy Class was held"
    assert kinds.count("meta") == 1
    assert kinds.count("paragraph") == 8
    assert kinds.count("heading") == 4
    meta = item.meta_dict
    assert meta["date"] == "2022-08-17" and meta["views"] == "0"


def test_seed_text_is_clean():
    item = clean_file(str(SEED))
    for block in item.blocks:
        assert block.en and block.en.strip() == block.en
        assert "\xa0" not in block.en and "\n" not in block.en
        if block.kind in ("title", "heading", "paragraph"):
            assert "DATA:" not in block.en and "Views:" not in block.en
    assert "Lao Niu Philanthropy Class is an effective action" in item.blocks[-1].en
    rules = {e.rule for e in item.edits}
    assert "repair.nbsp" in rules


def test_seed_headings_are_the_four_short_lines():
    item = clean_file(str(SEED))
    heads = [b.en for b in item.blocks if b.kind == "heading"]
    # the glossary may unify heading wording; the four positions must be headings
    assert len(heads) == 4
    positions = [i for i, b in enumerate(item.blocks) if b.kind == "heading"]
    assert positions == [5, 7, 9, 11]


def test_seed_restores_exactly():
    item = clean_file(str(SEED))
    assert restore_sources(item) == [SEED.read_text(encoding="utf-8")]


def test_seed_clean_is_deterministic():
    assert dumps_item(clean_file(str(SEED))) == dumps_item(clean_file(str(SEED)))


def test_seed_markdown_cleans_again_without_edits():
    md = render_markdown(clean_file(str(SEED)))
    again = clean_text(md, "again")
    assert [e for e in again.edits] == []
    assert render_markdown(again) == md
    kinds = [b.kind for b in again.blocks]
    assert kinds.count("heading") == 4 and kinds.count("paragraph") == 8
