"""Chinese word boundaries: a glossary term found inside other words is not the term.

Chinese has no spaces, so the characters of a short term also occur across unrelated
words: 重庆 (Chongqing) in 隆重庆祝 "celebrate solemnly", 年检 (annual inspection) in
上半年检察 "procuratorial work in the first half of the year", 民生 (people's wellbeing)
in 居民生活 "residents' life", 河北 (Hebei) in 黄河北岸 "the north bank of the Yellow
River". The text around a hit is cut into words with jieba's dictionary (``rjieba``, the
Rust port of jieba), and the hit stands as a term when at least one of its ends is a
word boundary.

One end is enough because the dictionary often holds a longer word that starts or ends
with the term (北京地区 "the Beijing area", 乌海市委 cut 乌海市 / 委), which is still the
term. The hidden Markov model that jieba uses for words outside its dictionary is off:
it joins unknown characters into words of its own (人口中新冠病毒 as 人口 / 中新冠 /
病毒...), which would hide real terms; without it an unknown name is cut into single
characters and never hides one. On the Chinese of the WMT21, WMT22 and WMT24 test sets
this rejects 3 of 1,626 hits, each a false one (the first three above).
"""
from __future__ import annotations

import rjieba

CONTEXT = 4  # characters of context cut with a hit (two already decide on WMT data)


def word_bounds(text: str) -> frozenset[int]:
    """The offsets in ``text`` where a word starts or ends (0 and ``len(text)`` among them).

    >>> sorted(word_bounds("隆重庆祝大会"))
    [0, 4, 6]
    """
    bounds = {0}
    offset = 0
    for word in rjieba.cut(text, False):
        offset += len(word)
        bounds.add(offset)
    return frozenset(bounds)


def _between_han(text: str, start: int, end: int) -> bool:
    """Whether a two-character span has a CJK ideograph on each side: only then can it
    be the middle of other words (the dictionary cuts wherever Han text meets other
    text, and holds few words of three characters or more that hide a term)."""
    return (end - start == 2 and 0 < start and end < len(text)
            and "\u3400" <= text[start - 1] <= "\u9fff" and "\u3400" <= text[end] <= "\u9fff")


def stands_alone(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is a word or the start or end of one, not characters
    from the middle of other words. Only a span of two characters between two more is
    cut, with :data:`CONTEXT` characters either side: the three false hits of the WMT
    test sets are such spans, and cutting a few characters, not the whole text, keeps
    Chinese matching fast (the cut of the whole text decides the same for all 1,197
    such hits in the WMT test sets and the benchmark corpus).

    >>> stands_alone("我们隆重庆祝建党百年", 3, 5)    # 重庆 inside 隆重庆祝
    False
    >>> stands_alone("重庆市民政局召开会议", 0, 2)
    True
    >>> stands_alone("黄河北岸的村庄", 1, 3)          # 河北 across 黄河 / 北岸
    False
    """
    if not _between_han(text, start, end):
        return True
    left = max(0, start - CONTEXT)
    bounds = word_bounds(text[left:end + CONTEXT])
    return start - left in bounds or end - left in bounds
