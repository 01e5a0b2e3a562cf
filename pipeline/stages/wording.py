"""Stage: quality checks on wording. MT translates each sentence on its own, so one
source term can come out two ways in one item (a point listed in a paragraph and the
heading that takes it up), and a Chinese word with two senses can get the wrong one
(报告, a talk, read as "the paper"). These checks report; the editor decides."""
from __future__ import annotations

import regex

from ..registry import check

# "from the four aspects of "A, B, C and D"", "three parts: A, B and C"
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8}
_ANNOUNCE = regex.compile(
    r"\b(?P<n>two|three|four|five|six|seven|eight|[2-8])\s+(?:[\p{L}-]+\s+){0,2}?"
    r"(?:aspects|points|parts|dimensions|areas|levels|perspectives|sections|respects|"
    r"angles|topics|themes|modules|chapters|pillars|fields|tasks|measures)"
    r"(?:\s*(?:,\s*)?(?:namely|including|of|:)\s*|\s*[:：]\s*)"
    r"(?:(?P<q>[\"“‘'])(?P<quoted>[^\"“”‘’']{3,400})[\"”’']|(?P<plain>[^.;!?。；]{3,400}))",
    regex.IGNORECASE)
# between two points of a list: a comma (or 、, a semicolon) and maybe "and", or "and"
_SEPARATOR = regex.compile(r"\s*[,，、;；]\s*(?:and\s+|as well as\s+)?|\s+(?:and|as well as)\s+")
_NUMBERING = regex.compile(
    r"^\s*(?:[(（]?\d{1,2}[.)）、]|[(（]?[一二三四五六七八九十]{1,2}[)）、.]|"
    r"[(（]?(?:I{1,3}|IV|V|VI{1,3}|IX|X)[.)）、]|"  # "I. Education" (MT of "一、")
    r"(?:first|second|third|fourth|fifth|sixth|seventh|eighth)(?:ly)?\b[,:]?)\s*",
    regex.IGNORECASE)
_WORD = regex.compile(r"\p{L}[\p{L}'-]*")
_FUNCTION_WORDS = frozenset(
    "the a an of and or for in on to with by its their our at from as is are be".split())
MAX_HEADING_WORDS = 8
STEM = 5  # letters a word is compared by: collaboration ~ collaborative


def _stems(text: str) -> frozenset[str]:
    """The content words of a short phrase, each cut to its first letters."""
    words = (w.casefold() for w in _WORD.findall(text))
    return frozenset(w[:STEM] if len(w) > STEM else w.rstrip("s")
                     for w in words if w not in _FUNCTION_WORDS)


def listed_points(text: str) -> list[tuple[str, ...]]:
    """The lists of points a paragraph announces with their number.

    >>> listed_points('From the four aspects of "the foundation of participation, the '
    ...               'framework of collaboration, the paradigm of innovation, and the key '
    ...               'points of action", the paper deeply analyzes ...')[0][1]
    'the framework of collaboration'
    >>> listed_points("It covers three parts: housing, schooling and jobs.")
    [('housing', 'schooling', 'jobs')]
    >>> listed_points("It covers three parts: housing and jobs.")  # two, not three
    []
    """
    found = []
    for m in _ANNOUNCE.finditer(text):
        n = _COUNTS.get(m.group("n").casefold()) or int(m.group("n"))
        body = m.group("quoted") or m.group("plain")
        points = [p.strip(" \"“”‘’'") for p in _SEPARATOR.split(body)]
        if m.group("quoted") is None:
            points = points[:n]  # a plain list runs on into the sentence
        if len(points) == n and all(points):
            found.append(tuple(points))
    return found


@check("qa.heading_wording", severity="minor", scope="item", lang="en")
def headings_keep_listed_wording(item):
    """Headings that take up the points a paragraph lists use the list's own words.

    >>> from pipeline.runner import clean_text
    >>> item = clean_text('Title\\n\\nWe looked at two parts: "the foundation of '
    ...                   'participation and the paradigm of innovation".\\n\\n'
    ...                   'Building blocks of participation\\n\\nText one.\\n\\n'
    ...                   'Innovation paradigm\\n\\nText two.\\n')
    >>> [(c.block, c.span) for c in item.checks if c.check == "qa.heading_wording"]
    [(2, 'Building blocks of participation')]
    """
    blocks = item.blocks
    if sum(b.kind == "heading" for b in blocks) < 2:
        return  # most items: nothing to take a list up
    for at, block in enumerate(blocks):
        if block.kind != "paragraph" or not block.en or not _COUNTS_IN(block.en):
            continue
        for points in listed_points(block.en):
            headings = [(i, _NUMBERING.sub("", b.en)) for i, b in enumerate(blocks)
                        if i > at and b.kind == "heading" and b.en][:len(points)]
            if len(headings) < len(points) or any(
                    len(h.split()) > MAX_HEADING_WORDS for _, h in headings) or \
                    not _next_text_block(blocks, at) == headings[0][0]:
                continue  # the points are taken up by headings right after the list
            pairs = [(i, h, p, _stems(h), _stems(p)) for (i, h), p in zip(headings, points)]
            shared = sum(1 for *_, hs, ps in pairs if hs & ps)
            if shared < max(2, len(pairs) - 1):
                continue  # the headings are not these points
            for i, heading, point, hs, ps in pairs:
                if hs != ps:
                    yield (i, f"heading {heading!r} takes up the point block {at} words "
                           f"{point!r}: one source term translated two ways; use one",
                           "en", blocks[i].en)


def _next_text_block(blocks, at: int) -> int | None:
    """The block after ``at`` that the reader sees (metadata and chrome aside)."""
    return next((i for i in range(at + 1, len(blocks))
                 if blocks[i].kind in ("title", "heading", "paragraph", "caption")), None)


_COUNTS_IN = regex.compile(r"\b(?:two|three|four|five|six|seven|eight|[2-8])\s",
                           regex.IGNORECASE).search

# "the paper deeply analyzes": the subject of a verb of explaining
_PAPER = regex.compile(
    r"\b(?:[Tt]he|[Tt]his|[Hh]is|[Hh]er) paper\b(?=(?:\s+\p{Ll}+ly)?\s+(?:"
    r"analy[sz]e[sd]|expound(?:s|ed)|elaborate[sd]|explain(?:s|ed)|discuss(?:es|ed)|"
    r"introduce[sd]|interpret(?:s|ed)|focus(?:es|ed)|start(?:s|ed) from|puts? forward|"
    r"point(?:s|ed) out|review(?:s|ed)|summari[sz]e[sd]|shares|shared|combs|combed|"
    r"sorts|sorted|takes|took)\b)")
# a talk given: what came before the paper names one
_TALK = regex.compile(
    r"\b(?:shared|lectures?|lectured|speech|talk|keynote|presentation|spoke|delivered|"
    r"class|webinar|forum|seminar|training|salon|symposium)\b", regex.IGNORECASE)
# a paper written: then "the paper" may well be one
_WRITTEN = regex.compile(
    r"\b(?:papers?|published|publication|journals?|thesis|dissertation|newspapers?|wrote|"
    r"written|authored|submitted|manuscript|report|released|issued|Daily|Times|Post|Gazette|"
    r"Herald|Tribune)\b", regex.IGNORECASE)
_WRITTEN_ZH = regex.compile(r"论文|文章|报纸|纸|刊|著作|书")
TALK_BLOCKS = 3  # the block of "the paper" and the two before it


@check("qa.paper_for_talk", severity="minor", scope="item", lang="en")
def talk_not_called_paper(item):
    """"The paper" that explains what a speaker shared: MT's reading of 报告 (a talk).

    >>> from pipeline.runner import clean_text
    >>> item = clean_text("Title\\n\\nProfessor Zhang shared the logic of governance. "
    ...                   "From four aspects, the paper deeply analyzes the path.\\n")
    >>> [(c.block, c.span) for c in item.checks if c.check == "qa.paper_for_talk"]
    [(1, 'the paper')]
    >>> item = clean_text("Title\\n\\nHe presented a paper at the forum. The paper "
    ...                   "analyzes the path.\\n")
    >>> [c.span for c in item.checks if c.check == "qa.paper_for_talk"]
    []
    """
    blocks = item.blocks
    for at, block in enumerate(blocks):
        text = block.en
        if not text or "paper" not in text or block.kind not in ("paragraph", "caption"):
            continue
        for m in _PAPER.finditer(text):
            before = [b.en for b in blocks[max(0, at - TALK_BLOCKS + 1):at]
                      if b.en and b.kind in ("title", "heading", "paragraph")]
            before.append(text[:m.start()])
            context = "\n".join(before)
            after = text[m.end():]
            if not _TALK.search(context) or _WRITTEN.search(context) \
                    or _WRITTEN.search(after):
                continue
            if block.zh and _WRITTEN_ZH.search(block.zh):
                continue  # the Chinese speaks of a paper
            yield (at, f"{m.group(0)!r} sums up a talk just given: MT often renders 报告 "
                   "(a talk, a presentation) as 'paper'; 'the talk' may be meant",
                   "en", m.group(0))
