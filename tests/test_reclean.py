"""Cleaning mtclean's own output again changes nothing. Checked on real news, the
benchmark's first round of items (WMT21 lines grouped into items, WMT22 and WMT24
documents; one-language items and zh/en pairs; human and machine English): read back
from JSON Lines as ``mtclean run out/items.jsonl`` reads them (the record itself, which
must come out byte for byte the same), from the record's text alone (how a record edited
by hand is read: no edit, the same blocks), and as Markdown."""
import sys

import orjson

from paths import ROOT, SHARED_DATA

sys.path.insert(0, str(ROOT))
from bench.bench_pipeline import _records  # noqa: E402

from pipeline.emit.jsonl import dumps_item  # noqa: E402
from pipeline.emit.markdown import render_markdown  # noqa: E402
from pipeline.readers import clean_input, record_to_item  # noqa: E402
from pipeline.runner import clean_sources, clean_text  # noqa: E402


def _clean(record: dict, where: str):
    """Clean a record from its text alone."""
    item = record_to_item(record, where)
    return clean_sources(item.id, item.sources)


def _view(item):
    return [(b.kind, b.lang, b.zh, b.en) for b in item.blocks]


def _shown(item):
    """What the Markdown shows: it leaves out metadata, page chrome, captions and a
    repeated headline."""
    return [(b.kind, b.lang, b.zh, b.en) for b in item.blocks
            if b.kind not in ("meta", "boilerplate", "caption", "duplicate")]


def _edited(md_item) -> bool:
    """Edits besides taking the Markdown's own escapes off."""
    return any(e.rule != "segment.markdown_escape" for e in md_item.edits)


def test_real_news_cleaned_again_changes_nothing():
    items = one_language = 0
    changed, markdown_changed, record_changed = [], [], []
    for record in _records(SHARED_DATA, 0):
        first = _clean(record, "corpus.jsonl")
        line = dumps_item(first)
        again = _clean(orjson.loads(line), "items.jsonl")
        items += 1
        # `mtclean run` and the library: the record itself, its edits kept
        if dumps_item(clean_input(record_to_item(orjson.loads(line), "items.jsonl"))) != line:
            record_changed.append(record["id"])
        if again.edits or _view(again) != _view(first):
            changed.append(record["id"])
        # the Markdown of a pair interleaves the two sides, and a Chinese block full of
        # Latin names may then read as English: one-language items only
        if len(first.sources) == 1:
            one_language += 1
            md = clean_text(render_markdown(first), first.id, name="page.md")
            if _edited(md) or _shown(md) != _shown(first):
                markdown_changed.append(record["id"])
    assert items > 1000 and one_language > 500
    assert changed == [], changed[:10]
    assert markdown_changed == [], markdown_changed[:10]
    assert record_changed == [], record_changed[:10]


def _interleaved_pages():
    """WMT22 zh-en and WMT24 en-zh documents as pages that alternate Chinese and English
    paragraphs, one order and the other (the human reference as the translation)."""
    for path in (SHARED_DATA / "wmt22-generaltest2022-docs" / "zh-en.news_docs.jsonl",
                 SHARED_DATA / "wmt24-enzh-news-docs" / "en-zh.news_docs.jsonl"):
        for line in path.read_bytes().splitlines():
            doc = orjson.loads(line)
            segments = doc["segments"]
            zh = next(k for k in segments[0] if k.startswith("zh"))
            en = next(k for k in segments[0] if k.startswith("en"))
            for first, second in ((zh, en), (en, zh)):
                parts = [p for s in segments for p in (s.get(first), s.get(second)) if p]
                yield f"{doc['doc_id']}-{first}-{second}", "\n\n".join(parts)


def test_interleaved_pages_cleaned_again_change_nothing():
    pages = changed = 0
    examples = []
    for page_id, text in _interleaved_pages():
        first = clean_text(text, page_id)
        assert any(b.lang == "zh+en" for b in first.blocks), page_id
        line = dumps_item(first)
        cleaned = dumps_item(clean_input(record_to_item(orjson.loads(line), "items.jsonl")))
        again = _clean(orjson.loads(line), "items.jsonl")
        md = clean_text(render_markdown(first), page_id, name="page.md")
        pages += 1
        if (cleaned != line or again.edits or _shown(again) != _shown(first)
                or _edited(md) or _shown(md) != _shown(first)):
            changed += 1
            examples.append(page_id)
    assert pages >= 80
    assert changed == 0, examples[:10]


def test_a_metadata_line_with_html_entities_is_read_the_same_before_and_after_cleaning():
    """`&nbsp;&nbsp;` between a metadata line's fields was decoded by a repair after
    classification: the line was a heading (its date lost), and cleaned again it was
    metadata. Decoded with normalize, it is metadata both times."""
    page = ("Shenzhen launches 99 Giving Day matching fund\n\n"
            "Time: 2022-09-01&nbsp;&nbsp;Source: Shenzhen Charity Federation\n\n"
            "The Shenzhen Charity Federation announced a matching fund on Tuesday.\n")
    first = clean_text(page, "p")
    assert [b.kind for b in first.blocks] == ["title", "meta", "paragraph"]
    assert first.meta_dict["date"] == "2022-09-01"
    assert first.meta_dict["source"] == "Shenzhen Charity Federation"
    md = clean_text(render_markdown(first), "p", name="page.md")
    assert _shown(md) == _shown(first) and not _edited(md)


def test_chinese_contact_lines_on_an_english_page_are_chrome_with_or_without_its_metadata():
    """A Chinese metadata line counted as Chinese text, so the page was no English page
    and its 地址/电话 lines were content; the Markdown leaves the metadata out, and
    cleaned again the same lines were chrome."""
    page = ("Haidian launches Warm Winter Action\n\n2022年12月05日 来源\uff1a海淀区民政局\n\n"
            "The bureau will distribute 8,600 sets of winter supplies to needy families in "
            "the district.\n\n地址\uff1a北京市海淀区长春桥路17号\n\n电话\uff1a010-88498080\n")
    first = clean_text(page, "p")
    assert [b.kind for b in first.blocks] == ["title", "meta", "paragraph", "boilerplate",
                                              "boilerplate"]
    md = clean_text(render_markdown(first), "p", name="page.md")
    assert _shown(md) == _shown(first) and not _edited(md)
