"""Properties over generated input: nothing crashes, nothing is lost, cleaning is
idempotent and deterministic, and every output is valid.

Examples are bounded (``max_examples``) so the whole file runs in well under a minute;
the examples are the same on every run (the "repeatable" profile of conftest.py), so CI
never flakes; MTCLEAN_HYPOTHESIS=explore draws fresh ones.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys

from hypothesis import HealthCheck, example, given, settings, strategies as st

from pipeline.emit.jsonl import dumps_item, load_items
from pipeline.emit.markdown import SHOWN, render_markdown
from pipeline.errors import DecodeError
from pipeline.restore import restore_sources
from pipeline.runner import clean_text
from pipeline.stages.decode import decode_bytes

from paths import ROOT, SEED

SETTINGS = dict(deadline=None,
                suppress_health_check=[HealthCheck.too_slow])

# Pieces that exercise every stage: metadata lines, headings, MT artifacts, line breaks
# of every kind, Chinese and English sentences, Markdown markers.
PIECES = st.sampled_from([
    "Title", "DATA:2022-08-17  Views:0", "Source：Beijing Youth Daily", "Lao\xa0Niu",
    "民政部召开会议。", "“他说：好！”", "《慈善法》", "the\u200bword", "Café", "e\u0301",
    "\n", "\n\n", "\n\n\n", "\r\n", "\r", "\u2028", "\x0c", "  ", "\t", "\u3000",
    "# ", "## ", "- ", "a", "A.", "Mr. Smith", "U.S.", "...", "…", "（", "）", ",", "，",
    "ends with,", "and", "lower case", "The ministry met in Beijing.", "\x07", "—",
    "1.2万", "2020-07-26 05:03:17", "Editor: Wang", "\U0001F600", "\ue000", "\u202e",
    # spaces around Chinese punctuation, place names in lower case, glossary variants
    " ", " 。", "“ ", " ”", "beijing's", "inner mongolia", "www.beijing.gov.cn",
    "ministry of home affairs",
    # what Markdown reads as markup
    "*", "_", "__init__", "`", "\\", "\\*", "<b>", "&amp;", "[docs](x)", "1. ", "> ", "---",
    "~~", " #",
])
STRUCTURED = st.lists(PIECES, max_size=40).map("".join)
# Any text a file can hold (surrogates cannot be decoded from bytes).
ANY_TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)
TEXTS = st.one_of(STRUCTURED, ANY_TEXT, st.lists(st.one_of(PIECES, ANY_TEXT),
                                                  max_size=8).map("".join))


def clean_output(item) -> str:
    """The cleaned text: every shown block's text, blocks separated by blank lines."""
    return "\n\n".join(t for b in item.blocks if b.kind in SHOWN
                       for t in (b.zh, b.en) if t)


def view(item):
    return [(b.kind, b.en, b.zh) for b in item.blocks if b.kind in SHOWN]


@settings(max_examples=200, **SETTINGS)
@given(TEXTS)
def test_no_text_crashes_and_restore_is_exact(text):
    item = clean_text(text, "gen")
    line = dumps_item(item)
    assert restore_sources(load_items(line)[0]) == [text]


@settings(max_examples=300, **SETTINGS)
@given(st.binary(max_size=400))
def test_decode_raises_only_decode_error(data):
    try:
        text, encoding = decode_bytes(data, "x.txt")
    except DecodeError as exc:
        assert "x.txt" in str(exc)
        return
    assert data.decode(encoding) == text  # lossless: the text is exactly those bytes


@settings(max_examples=100, **SETTINGS)
@given(st.lists(st.sampled_from([
    "民政部召开会议。".encode("gb18030"), "慈善組織".encode("big5"),
    "Hello".encode("utf-16-le"), b"\xef\xbb\xbf", b"\xff\xfe", b"\x00", b"\n", b"\x80",
    "好".encode("utf-8"), b"PK\x03\x04", b"\x89PNG\r\n\x1a\n", b"abc ",
]), max_size=20).map(b"".join))
def test_decode_mixed_encodings_raises_only_decode_error(data):
    try:
        text, encoding = decode_bytes(data, "x.txt")
    except DecodeError:
        return
    assert data.decode(encoding) == text


@settings(max_examples=120, **SETTINGS)
@given(TEXTS)
# repair spaces out a Chinese number glued to a label: the line must split the same way
@example("Source：Beijing Youth DailyTitleTitleTitleSource：Beijing Youth DailySource："
         "Beijing Youth Daily1.2万Source：Beijing Youth DailyTitle")
def test_cleaning_the_clean_text_changes_nothing(text):
    first = clean_text(text, "gen")
    again = clean_text(clean_output(first), "gen")
    assert again.edits == ()
    # plain text keeps no Markdown markers, so a "## heading" may be read as the title:
    # the texts must stay, the kinds are compared on the Markdown output below
    assert clean_output(again) == clean_output(first)


@settings(max_examples=120, **SETTINGS)
@given(TEXTS)
def test_cleaning_the_markdown_changes_nothing(text):
    first = clean_text(text, "gen")
    md = render_markdown(first)
    again = clean_text(md, "gen", name="gen.md")
    # the only edits take the Markdown's escapes off, and restore puts them back
    assert {e.rule for e in again.edits} <= {"segment.markdown_escape"}
    assert view(again) == view(first)
    assert render_markdown(again) == md
    assert restore_sources(again) == [md]


@settings(max_examples=100, **SETTINGS)
@given(TEXTS)
def test_outputs_are_valid_and_repeatable(text):
    item = clean_text(text, "gen")
    line = dumps_item(item)
    assert line.endswith(b"\n") and line.count(b"\n") == 1  # one record, one line
    record = json.loads(line)
    assert record["id"] == "gen" and "date" in record["meta"]
    md = render_markdown(item)
    md.encode("utf-8")  # valid UTF-8: no lone surrogates
    assert md == "" or md.endswith("\n") and not md.endswith("\n\n")
    again = clean_text(text, "gen")
    assert dumps_item(again) == line and render_markdown(again) == md


def test_output_identical_across_processes(tmp_path):
    # a new interpreter has another hash seed: no output may depend on set or dict order
    sample = tmp_path / "sample.txt"
    sample.write_text("Title\n\nDATA:2022-08-17  Views:0\n\nThe Ministry of Civil Affairs "
                      "met.\u00a0It said so.\n\n民政部召开会议。\n\nEine kurze deutsche "
                      "Zeile ohne englische Wörter hier.\n", encoding="utf-8")
    outputs = []
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED=seed)
        for fmt in ("jsonl", "md"):
            res = subprocess.run([sys.executable, "-m", "pipeline", "clean", str(SEED),
                                  str(sample), "--to", fmt], env=env, capture_output=True,
                                 check=True)
            outputs.append((fmt, res.stdout))
    jsonl = {o for f, o in outputs if f == "jsonl"}
    md = {o for f, o in outputs if f == "md"}
    assert len(jsonl) == 1 and len(md) == 1


# Long blocks: the join decisions look only at the end of a block (segment.TAIL_CHARS);
# they must decide exactly as if they saw the whole block.
ENDS = ("民政部", "会议，", "the ministry said that the ", "social organizations to",
        "ends with,", "Title", "x  ", "lower case", "A.", "#", "民政部召开会议。")
STARTS = ("民政部", "establish a bridge.", "New rules", "lower", "# ", "1.2", "  indented",
          "，")
LINE_ENDS = st.sampled_from(ENDS)
LINE_STARTS = st.sampled_from(STARTS)
LONG_LINES = st.lists(
    st.builds(lambda body, n, end, start, sep: start + body * n + end + sep,
              st.one_of(LINE_ENDS, PIECES), st.integers(1, 120), LINE_ENDS, LINE_STARTS,
              st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"])),
    min_size=2, max_size=12).map("".join)


def _split_with_whole_view(text):
    from pipeline.stages import segment

    saved = segment.TAIL_CHARS
    segment.TAIL_CHARS = 10 ** 9
    try:
        return segment.split_blocks(text)
    finally:
        segment.TAIL_CHARS = saved


def test_segment_tail_window_decides_as_the_whole_block():
    from itertools import product

    from pipeline.stages.segment import split_blocks

    for end, start, sep in product(ENDS, STARTS, ["\n", "\n\n", "\r\n", "\n \n"]):
        for body in ("民政部" * 300, "lower case " * 100, " " * 700):
            text = "Title\n\n" + body + end + sep + start + body + end + sep + start
            assert split_blocks(text) == _split_with_whole_view(text), (end, start, sep)


@settings(max_examples=40, **SETTINGS)
@given(LONG_LINES)
def test_long_lines_restore_exactly(text):
    from pipeline.stages.segment import split_blocks

    assert split_blocks(text) == _split_with_whole_view(text)
    item = clean_text(text, "gen")
    assert restore_sources(load_items(dumps_item(item))[0]) == [text]


@settings(max_examples=60, **SETTINGS)
@given(TEXTS, TEXTS)
def test_bilingual_items_restore_exactly(zh, en):
    from pipeline.runner import SourceText, clean_sources

    item = clean_sources("pair", [SourceText("a.zh.txt", zh, lang="zh"),
                                  SourceText("a.en.txt", en, lang="en")])
    assert restore_sources(load_items(dumps_item(item))[0]) == [zh, en]


@settings(max_examples=80, **SETTINGS)
@given(TEXTS, TEXTS, st.booleans())
def test_a_record_cleaned_again_is_the_same_bytes(zh, en, one_page):
    """What `mtclean run out/items.jsonl` does to each record: the same line back."""
    import orjson

    from pipeline.readers import clean_input, record_to_item
    from pipeline.runner import SourceText, clean_sources

    sources = ([SourceText("page.txt", zh + "\n\n" + en)] if one_page else
               [SourceText("a.zh.txt", zh, lang="zh"), SourceText("a.en.txt", en, lang="en")])
    line = dumps_item(clean_sources("item", sources))
    record = record_to_item(orjson.loads(line), "items.jsonl:1")
    assert record.record is not None  # an mtclean record, cleaned as one if whole
    assert dumps_item(clean_input(record)) == line


def test_adversarial_shapes_restore_and_stay_clean():
    # the cost benchmark's inputs, small: each must also be lossless and idempotent
    sys.path.insert(0, str(ROOT))
    from bench.bench_cost import CASES

    for name, make in sorted(CASES.items()):
        text = make(20_000)
        item = clean_text(text, name)
        assert restore_sources(item) == [text], name
        md = render_markdown(item)
        again = clean_text(md, name, name=f"{name}.md")  # (Markdown: its escapes come off)
        assert {e.rule for e in again.edits} <= {"segment.markdown_escape"}, name
