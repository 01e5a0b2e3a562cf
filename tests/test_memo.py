"""The caches of stages hold one item's texts at a time (pipeline.memo)."""
from __future__ import annotations

from pipeline import memo
from pipeline.glossary import match
from pipeline.runner import SourceText, clean_sources
from pipeline.stages import anchors, sentences


def _kept() -> int:
    """Entries held by the item caches this test can see."""
    caches = [sentences.sentences_of, anchors.numbers_en, anchors.dates_en, anchors._anchors]
    hits = sum(len(m._found_en) for m in match._KEEPING.values())
    return sum(c.cache_info().currsize for c in caches) + hits


def _pair(n: int, tag: str) -> list[SourceText]:
    zh = "\n\n".join(f"第{i}段：民政部{tag}于2022年8月{i % 28 + 1}日发放{i}万元救助金。"
                     for i in range(n))
    en = "\n\n".join(f"Paragraph {i}: the Ministry of Civil Affairs {tag} paid {i}0,000 "
                     f"yuan of assistance on August {i % 28 + 1}, 2022." for i in range(n))
    return [SourceText(f"{tag}.zh", zh, "utf-8", "zh"), SourceText(f"{tag}.en", en, "utf-8", "en")]


def test_a_new_item_empties_what_the_last_one_left():
    clean_sources("big", _pair(60, "big"))
    after_big = _kept()
    clean_sources("small", _pair(1, "small"))
    after_small = _kept()
    assert after_big > 100  # the caches were used
    assert after_small < 20  # only the small item's texts are left


def test_forget_empties_every_item_cache():
    clean_sources("big", _pair(5, "x"))
    assert _kept() > 0
    memo.forget()
    assert _kept() == 0


def test_output_does_not_depend_on_the_item_before():
    from pipeline.emit.jsonl import dumps_item
    alone = dumps_item(clean_sources("b", _pair(3, "y")))
    clean_sources("a", _pair(3, "y"))  # the same texts, just cleaned
    assert dumps_item(clean_sources("b", _pair(3, "y"))) == alone
