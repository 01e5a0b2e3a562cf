"""The wording checks: one source term translated two ways (a listed point and its
heading), and 报告 (a talk) read as "the paper". The seed page is the case the project
started from (corpus/000_928918768c0ec3d6.txt)."""
import pytest

from pipeline.records import Block
from pipeline.runner import clean_text
from pipeline.stages.wording import listed_points, talk_not_called_paper

from ..paths import ROOT

SEED = ROOT / "corpus" / "000_928918768c0ec3d6.txt"


def _found(item, check):
    return [(c.block, c.span) for c in item.checks if c.check == check]


def test_seed_headings_and_talk():
    item = clean_text(SEED.read_text(encoding="utf-8"))
    headings = {i: b.en for i, b in enumerate(item.blocks) if b.kind == "heading"}
    found = dict(_found(item, "qa.heading_wording"))
    # three of the four headings reword their point; "Innovation paradigm" keeps it
    assert sorted(found.values()) == ["Building blocks of participation",
                                      "Collaborative architecture", "Main points of action"]
    assert all(headings[i] == span for i, span in found.items())
    [(at, span)] = _found(item, "qa.paper_for_talk")
    assert span == "the paper" and "shared the" in item.blocks[at].en


@pytest.mark.parametrize("text,points", [
    ('From the three aspects of "policy, funds and people", he spoke.',
     [("policy", "funds", "people")]),
    ("It covers four areas: housing, schooling, jobs, and care. Then more.",
     [("housing", "schooling", "jobs", "care")]),
    ("It covers four areas: housing, schooling and jobs.", []),  # three, not four
    ("Two of them, Zhang and Li, came.", []),  # no announcement of points
])
def test_listed_points(text, points):
    assert listed_points(text) == points


def _page(points: str, headings: list[str]) -> str:
    body = "".join(f"{h}\n\nWhat {n} is about, in a sentence.\n\n"
                   for n, h in enumerate(headings))
    return f"Headline of the page\n\nThe plan rests on {points}.\n\n{body}"


@pytest.mark.parametrize("points,headings,flagged", [
    # every heading keeps its point's words: nothing to say
    ('three pillars: "stable funding, open data and local staff"',
     ["Stable funding", "1. Open data", "Local staff"], []),
    # the second heading rewords its point
    ('three pillars: "stable funding, open data and local staff"',
     ["Stable funding", "Transparent information", "Local staff"],
     ["Transparent information"]),
    # headings about something else: no point is shared, so no finding
    ('three pillars: "stable funding, open data and local staff"',
     ["Weather report", "Sports news", "Culture corner"], []),
    # fewer headings than points: no pairing
    ('three pillars: "stable funding, open data and local staff"',
     ["Stable funding", "Open information"], []),
])
def test_heading_wording(points, headings, flagged):
    item = clean_text(_page(points, headings))
    assert [b.kind for b in item.blocks].count("heading") == len(headings)
    assert [span for _, span in _found(item, "qa.heading_wording")] == flagged


def _talk_item(en: str, zh: str | None = None, before: str = "", title="News of the day"):
    blocks = [Block("title", "en", en=title)]
    if before:
        blocks.append(Block("paragraph", "en", en=before))
    blocks.append(Block("paragraph", "en" if zh is None else "both", en=en, zh=zh))

    class Item:  # only the blocks are read
        pass
    item = Item()
    item.blocks = tuple(blocks)
    return item


@pytest.mark.parametrize("en,zh,before,found", [
    ("Zhang shared his views. The paper deeply analyzes the path.", None, "", 1),
    ("The paper expounds the path.", None, "Professor Li gave a lecture online.", 1),
    # a paper written or published is a paper
    ("Zhang shared a paper. The paper analyzes the path.", None, "", 0),
    ("The paper analyzes the path.", None, "Zhang spoke at the forum on his published work.", 0),
    ("Zhang shared his views. The paper analyzes data published in 2020.", None, "", 0),
    # the Chinese side says which
    ("Zhang shared his views. The paper analyzes the path.", "报告深入分析了路径。", "", 1),
    ("Zhang shared his views. The paper analyzes the path.", "论文深入分析了路径。", "", 0),
    # no talk before it, or "paper" as a thing
    ("The paper analyzes the path.", None, "", 0),
    ("Zhang shared paper cups. They took the paper cups home.", None, "", 0),
])
def test_paper_for_talk(en, zh, before, found):
    item = _talk_item(en, zh, before)
    assert len(list(talk_not_called_paper(item))) == found


def test_paper_for_talk_reads_the_headline():
    en = "The paper analyzes the path of social organizations."
    assert list(talk_not_called_paper(_talk_item(en))) == []
    [(at, _, lang, span)] = talk_not_called_paper(_talk_item(en, title="A class was held"))
    assert (at, lang, span) == (1, "en", "The paper")
