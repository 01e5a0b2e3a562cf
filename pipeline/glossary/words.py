"""Chinese word boundaries: a glossary term found inside other words is not the term.

Chinese has no spaces, so the characters of a short term also occur across unrelated
words: 重庆 (Chongqing) in 隆重庆祝 "celebrate solemnly", 河北 (Hebei) in 黄河北岸 "the
north bank of the Yellow River", 年检 (annual inspection) in 上半年检察 "procuratorial work
in the first half of the year". The text is cut into words with jieba's dictionary
(``rjieba``, the Rust port of jieba, fast enough to run on every text with a hit), and a
hit stands as a term when at least one of its ends is a word boundary.

One end is enough because the dictionary often holds a longer word that starts or ends
with the term (北京地区 "the Beijing area", 乌海市委 cut 乌海市 / 委), which is still the
term. The hidden Markov model that jieba uses for words outside its dictionary is off:
it joins unknown characters into words of its own (人口中新冠病毒 as 人口 / 中新冠 /
病毒...), which would hide real terms; without it an unknown name is cut into single
characters and never hides one. On the Chinese of the WMT21, WMT22 and WMT24 test sets
this rejects 3 of 1,626 hits, each a false one (the three above, and 民生 in 居民生活).
"""
from __future__ import annotations

from typing import Protocol, TypeVar

import rjieba


class _Span(Protocol):
    @property
    def start(self) -> int: ...

    @property
    def end(self) -> int: ...


T = TypeVar("T", bound=_Span)


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


def standing_alone(text: str, hits: list[T]) -> list[T]:
    """The hits (anything with ``start`` and ``end`` offsets in ``text``) that are a
    word or the start or end of one, not characters from the middle of other words.

    >>> from collections import namedtuple
    >>> Span = namedtuple("Span", "start end")
    >>> standing_alone("我们隆重庆祝建党百年", [Span(3, 5)])    # 重庆 inside 隆重庆祝
    []
    >>> standing_alone("重庆市民政局召开会议", [Span(0, 2)])
    [Span(start=0, end=2)]
    >>> standing_alone("黄河北岸的村庄", [Span(1, 3)])         # 河北 across 黄河 / 北岸
    []
    """
    if not hits:
        return hits
    bounds = word_bounds(text)
    return [h for h in hits if h.start in bounds or h.end in bounds]
