"""Tables for the artifact checks in the qa stage.

Rows marked "wmt21" are real MT output from the shared data (WMT21 newstest2021 zh-en,
github.com/wmt-conference/wmt21-news-systems; no licence stated, released for research
use: cite Akhbardeh et al., 2021), with the line number in the file named.
"""
import pytest

from pipeline.runner import Config, clean_text
from pipeline.stages.qa import (dates_not_garbled, english_has_no_chinese,
                                footnotes_not_glued, headline_not_repeated,
                                site_rendered_faithfully)


# qa.untranslated
@pytest.mark.parametrize("text,spans", [
    ("News from 华声在线 today", ["华声在线"]),
    # wmt21 newstest2021.zh-en.hyp.Online-A.en line 451
    ("Lewis' five siblings and a 姪 Sun spoke of him as a loving, fearful懼, family-oriented man.",
     ["姪", "懼"]),
    # wmt21 newstest2021.zh-en.hyp.Online-A.en line 388
    ("she has been \"Hot Mom Zheng\" and \"芈 Moon Biography\" twice", ["芈"]),
    ("the 5G网络 and 李·明", ["网络", "李·明"]),
    ("No Chinese at all.", []),
    ("Curly “quotes” and — dashes", []),
])
def test_untranslated(text, spans):
    assert [span for _, span in english_has_no_chinese(text)] == spans


def test_untranslated_runs_on_english_only():
    # without the glossary, which would translate the known term 民政 (civil affairs)
    item = clean_text("民政部召开会议。\n\nThe ministry met 民政 officials.\n",
                      config=Config(use_glossary=False))
    found = [(c.lang, c.span) for c in item.checks if c.check == "qa.untranslated"]
    assert found == [("en", "民政")]


# qa.footnote_digit
@pytest.mark.parametrize("text,spans", [
    ("the direct registration1 of social organizations", ["registration1"]),
    ("as the minister said2.", ["said2"]),
    ("covid19 cases rose", []),
    ("COVID-19 and G20 and mp3 files", []),
    ("in 2022 and Article 12", []),
    ("Registration1", []),
    ("the direct registratioN1 and report 3", []),  # digits, never after a small letter
    ("the word unionﾒ1 is no footnote", []),
    ("its città2 note", ["città2"]),  # small letters beyond ASCII count
])
def test_footnote_digit(text, spans):
    assert [span for _, span in footnotes_not_glued(text)] == spans


# qa.repeated_headline and qa.suspect_rendering on whole items
def test_repeated_headline_reported_once():
    text = "Israel strengthens measures\n\nIsrael Strengthens Measures\n\nThe text.\n"
    item = clean_text(text)
    assert [b.kind for b in item.blocks] == ["title", "duplicate", "paragraph"]
    found = [c for c in item.checks if c.check == "qa.repeated_headline"]
    assert [(c.block, c.span) for c in found] == [(1, "Israel Strengthens Measures")]
    assert list(headline_not_repeated("x")) == [
        ("the headline is repeated as the first paragraph", "x")]


@pytest.mark.parametrize("title,first", [
    # wmt21 newstest2021.zh-en.hyp.Online-A.en lines 1009-1010: MT words the repeat apart
    ('Shaanxi: Crack the problem of helping after relocation to avoid the masses "run at both '
     'ends" - Xinhua',
     'Shaanxi: crack the problem of helping after relocation to avoid the masses "two-headed '
     'run"'),
    ("陕西：破解搬迁后帮扶难题 避免群众“两头跑”", "陕西：破解搬迁后帮扶难题 避免群众“两头跑”"),
])
def test_headline_worded_apart_is_a_duplicate(title, first):
    item = clean_text(f"{title}\n\n{first}\n\nThe text of the story follows here.\n")
    assert [b.kind for b in item.blocks] == ["title", "duplicate", "paragraph"]


@pytest.mark.parametrize("first", [
    "Hunan allocates 50 million yuan for rural elderly care Source: Hunan Daily",
    "Hunan allocates 50 million yuan for rural elderly care [Print this page]",
    "Changsha, 14th (Xinhua) Hunan allocates 50 million yuan for rural elderly care",
    "Hunan allocates 50 million yuan for rural elderly care 发布时间：2023-02-14",
])
def test_a_repeat_with_the_pages_extras_is_a_duplicate(first):
    """What a CMS prints after (or a dateline before) the repeated headline is no
    addition to it: these were paragraphs once leads that add words were told apart."""
    title = "Hunan allocates 50 million yuan for rural elderly care"
    item = clean_text(f"{title}\n\n{first}\n\nThe text of the story follows here.\n")
    assert [b.kind for b in item.blocks] == ["title", "duplicate", "paragraph"]


@pytest.mark.parametrize("text", [
    "Israel strengthens measures\n\nIsrael strengthens measures to stop it.\n",
    # a lead that adds to the headline: a new number, words after the headline's own
    "Hunan allocates 50 million yuan for rural elderly care\n\n"
    "Hunan allocates 50 million yuan for rural elderly care in 12 counties.\n",
    # the event's own time, not a CMS label
    "Community Spring Festival gala\n\nCommunity Spring Festival gala time: February 5 at "
    "19:00, community square\n",
    "Ministry deploys assistance for people in difficulty during the Spring Festival\n\n"
    "The Ministry deploys assistance for people in difficulty during the Spring Festival and "
    "cold waves.\n",
])
def test_no_duplicate_when_first_paragraph_differs(text):
    item = clean_text(text)
    assert [b.kind for b in item.blocks] == ["title", "paragraph"]


def test_a_lead_paragraph_is_no_repeat_of_the_other_files_headline():
    """The Chinese file repeats its headline; the English lead after the English
    headline is worded much like it, but goes on: content, paired with the Chinese lead."""
    from pipeline.runner import SourceText, clean_sources
    zh = ("民政部部署春节期间困难群众救助工作\n\n民政部部署春节期间困难群众救助工作\n\n"
          "民政部要求各地在春节和寒潮期间加强困难群众救助工作，确保不发生冻饿事件。\n")
    en = ("Ministry of Civil Affairs deploys assistance work for people in difficulty during "
          "the Spring Festival\n\nThe Ministry of Civil Affairs asked localities to step up "
          "assistance for people in difficulty during the Spring Festival and cold waves.\n")
    item = clean_sources("p", [SourceText("p.zh.txt", zh, lang="zh"),
                               SourceText("p.en.txt", en, lang="en")])
    lead = [b for b in item.blocks if b.en and b.en.startswith("The Ministry")]
    assert [(b.kind, (b.zh or "")[:5]) for b in lead] == [("paragraph", "民政部要求")]


@pytest.mark.parametrize("title,flagged", [
    # wmt21 newstest2021.zh-en.hyp.Online-W.en line 146
    ("Hurricane \"Hanna\" landfall in Texas may cause river flooding and flash floods - CNN",
     ["CNN"]),
    ("Hebei ecological replenishment - China New Network", ["China New Network"]),
    ("Hebei ecological replenishment - ChinaNews.com", []),
    # CNN in the body of a headline is a real reference to CNN, not a site suffix
    ("CNN reported the consulate closure on Wednesday", []),
    # ... unless the page is chinanews, whose name 中新网 MT renders as CNN
    ("CNN: rainstorm hits Chongqing - chinanews.com", ["CNN"]),
    ("CNN reported the closure - Xinhua Net", []),
])
def test_suspect_rendering(title, flagged):
    item = clean_text(title + "\n\nThe text.\n")
    assert [c.span for c in item.checks if c.check == "qa.suspect_rendering"] == flagged
    assert [s for *_, s in site_rendered_faithfully(item)] == flagged


# qa.garbled_date
@pytest.mark.parametrize("text,spans", [
    ("China Charity Day falls on 9 5 days every year.", ["9 5 days"]),
    ("The Charity Law took effect on 9 1 days, 2016.", ["9 1 days"]),
    ("The training lasted 10 days.", []),
    ("It took 3 to 5 days.", []),
    ("Over 1,2 3 days", []),
    ("13 1 days", []),
    ("on 9 1 Days", []),  # the pattern is case-sensitive
    ("on 9 1\u00a0days", []),  # and wants a plain space
])
def test_garbled_date(text, spans):
    assert [span for _, span in dates_not_garbled(text)] == spans
