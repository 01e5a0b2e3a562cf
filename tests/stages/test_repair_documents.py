"""Whole documents that exercise the repair and classification rules: every repaired
document restores exactly, cleaning is deterministic, and cleaning the cleaned output
(the Markdown or the English text) again makes no new edits.

Lines marked "wmt21" are real MT output from the shared data (WMT21 newstest2021 zh-en,
github.com/wmt-conference/wmt21-news-systems, file newstest2021.zh-en.hyp.Online-W.en or
.Online-A.en, line given; no licence stated, released for research use: cite Akhbardeh
et al., 2021). The rest is written after the artifacts catalogued in
`mt-web-artifacts/pages.tsv`.
"""
import pytest
from hypothesis import given, settings, strategies as st

from pipeline.emit.jsonl import dumps_item, load_items
from pipeline.emit.markdown import render_markdown
from pipeline.restore import restore_sources
from pipeline.runner import clean_text

DOCS = {
    "foundation_page": (
        "Reprint | The 23rd Lao Niu Philanthropy Class was held - Lao Niu Foundation Net\n\n"
        "DATA:2022-08-17  Views:0\n\n"
        "【Fonts:Small Big\n\n"
        "The 23rd Lao Niu Philanthropy Class was held\n\n"
        "On 2022年8月12日，the 23rd Lao Niu Philanthropy Class was held online（Hohhot）. "
        "On 2022年8月12日，the 23rd Lao Niu Philanthropy Class was held online（Hohhot）.\n\n"
        "640.webp (15).jpg\n\n"
        "☉ Social assistance\n\n"
        "More than 1.2万 people from 467 organizations took part; 百分之五 of them online.\n\n"
        "the direct registration1 of social organizations was discussed。\n\n"
        "Click【I want to correct the error】\n\n"
        "Translator:\n\nChinese source:\n"),
    "wmt21_online_w": (
        # wmt21 Online-W lines 1916, 28 (two lines of different documents, put together)
        "Large-scale integrated media action \"go village live to see the poverty\" set off - "
        "Today's News - Hunan Daily Online - 华声在线\n\n"
        "2020-07-26 05:03:17 Source：Beijing Youth Daily Author：Wang Sishuo Responsibility "
        "Editor：Wang Sishuo\n\n"
        # wmt21 Online-A line 1683
        "Tourism Bureau 1 (involved: inquiry isolation hotel issues.) ）\n\n"
        # wmt21 Online-A line 451
        "At a public memorial service Saturday at Troy University in Alabama, Lewis' five "
        "siblings and a 姪 Sun spoke of him as a loving, fearful懼, family-oriented man.\n"),
    "bilingual": (
        "民政部召开会议-新华网\n\n来源:新华网 作者:王思硕\n\n"
        "民政部召开会议,部署工作:一是(试点)推进!增长3.5%,时间10:30。\n\n"
        "The Ministry of Civil Affairs held a meeting. The Ministry of Civil Affairs held a "
        "meeting. It ended at 10：30.\n"),
}


@pytest.mark.parametrize("name", sorted(DOCS))
def test_document_restores_and_is_stable(name):
    text = DOCS[name]
    item = clean_text(text, name)
    assert restore_sources(load_items(dumps_item(item))[0]) == [text]
    assert dumps_item(clean_text(text, name)) == dumps_item(item)
    md = render_markdown(item)
    again = clean_text(md, "again")
    assert [e.rule for e in again.edits] == []
    assert render_markdown(again) == md


def test_foundation_page_rules_fire():
    item = clean_text(DOCS["foundation_page"])
    rules = {e.rule for e in item.edits}
    assert {"repair.site_suffix", "repair.heading_affixes", "repair.fullwidth_punct",
            "repair.repeated_sentence", "repair.zh_dates_in_english",
            "repair.zh_numbers_in_english"} <= rules
    body = [b.en for b in item.blocks if b.kind == "paragraph"]
    assert body[0] == ("On August 12, 2022, the 23rd Lao Niu Philanthropy Class was held "
                       "online (Hohhot).")
    assert body[1] == ("More than 12,000 people from 467 organizations took part; 5 percent "
                       "of them online.")
    checks = {c.check for c in item.checks}
    assert {"qa.footnote_digit", "qa.repeated_headline"} <= checks


def test_wmt21_lines():
    item = clean_text(DOCS["wmt21_online_w"])
    assert item.blocks[0].en == ("Large-scale integrated media action \"go village live to "
                                 "see the poverty\" set off")
    meta = item.meta_dict
    assert meta["site"] == "Today's News - Hunan Daily Online - 华声在线"
    assert (meta["source"], meta["author"], meta["editor"]) == (
        "Beijing Youth Daily", "Wang Sishuo", "Wang Sishuo")
    assert item.blocks[1].kind == "meta"
    assert [c.span for c in item.checks if c.check == "qa.untranslated"] == ["姪", "懼"]


def test_bilingual_sides():
    item = clean_text(DOCS["bilingual"])
    zh = [b.zh for b in item.blocks if b.zh and b.kind == "paragraph"]
    en = [b.en for b in item.blocks if b.en and b.kind == "paragraph"]
    assert zh == ["民政部召开会议，部署工作：一是（试点）推进！增长3.5%，时间10:30。"]
    assert en == ["The Ministry of Civil Affairs held a meeting. It ended at 10:30."]
    assert item.meta_dict["site"] == "新华网" and item.meta_dict["author"] == "王思硕"


PIECES = st.sampled_from([
    "Title - Xinhua Net", "-新华网", " - CNN", "DATA:2022-08-17  Views:0", "【Fonts:Small Big",
    "☉ ", "Reprint | ", "640.webp (15).jpg", "Ti Gong", "2022年8月12日", "1.2万", "3亿",
    "百分之五", "，", "：", "（", "）", "。", "丨", "\u3000", "民政部", ",", ":", "(", ")", "!",
    "Same sentence here. ", "registration1", "\n", "\n\n", "Home > News > ", "a", "A.",
])


@settings(max_examples=100, deadline=None)
@given(st.lists(PIECES, max_size=25).map("".join))
def test_generated_artifacts_restore(text):
    item = clean_text(text, "gen")
    assert restore_sources(load_items(dumps_item(item))[0]) == [text]
    assert not [c for c in item.checks if c.check == "qa.unstable_rules"]


LINES = st.sampled_from([
    "Reprint | Charity class opens in Hohhot - Lao Niu Foundation Net",
    "Charity class opens in Hohhot", "DATA:2022-08-17  Views:0", "【Fonts:Small Big",
    "☉ Social assistance", "640.webp (15).jpg", "Ti Gong", "Translator:",
    "20200812.jpg Volunteers deliver supplies",
    "On 2022年8月12日，more than 1.2万 people took part（online）.",
    "It was held online. It was held online. It ended at 10：30.",
    "民政部召开会议,部署工作:一是(试点)推进!", "民政部召开会议。",
    "the direct registration1 of social organizations was discussed.", "Click【I want to correct the error】",
    "Home > News > Charity class opens - CNN", "百分之五 of the 3亿 yuan went to 华声在线.",
])


@settings(max_examples=80, deadline=None)
@given(st.lists(LINES, min_size=1, max_size=12).map("\n\n".join))
def test_generated_pages_clean_once(text):
    item = clean_text(text, "gen")
    assert restore_sources(load_items(dumps_item(item))[0]) == [text]
    md = render_markdown(item)
    again = clean_text(md, "again")
    assert [e.rule for e in again.edits] == []
    assert render_markdown(again) == md
