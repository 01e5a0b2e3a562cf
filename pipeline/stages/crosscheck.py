"""Stage: cross-language checks, one side of a bilingual item against the other.

Pair checks see the Chinese and English text of one bilingual block; item checks see the
whole item (alignment scores, blocks left without a counterpart, the item's length
ratio). Like every check they report and never change text.
"""
from __future__ import annotations

import math
import unicodedata
from bisect import bisect_left, bisect_right
from typing import Iterable, NamedTuple, Sequence

import regex

from ..registry import check
from .align import WEAK_SCORE
from .beads import ALIGNED_KINDS, estimate_ratio
from .digits import to_int
from .anchors import (dates_en, dates_zh, fold_digits, numbers_en, numbers_zh, numerals_zh, same_value,
                      words_en)

_HAN = regex.compile(r"\p{Han}")
_SCALED = regex.compile(r"[万亿千百]")
_SIDE = {"zh": "Chinese", "en": "English"}
LENGTH_RATIO_LIMIT = 2.5  # a block this many times longer or shorter than expected
MIN_RATIO_CHARS = 20  # Chinese characters below which a length ratio means little


class _Span(NamedTuple):
    start: int
    end: int


def _spans(found) -> list[tuple[int, int]]:
    """The text spans of dates, in order, overlapping ones made one."""
    out: list[tuple[int, int]] = []
    for start, end in sorted((d.start, d.end) for d in found):
        if out and start < out[-1][1]:
            out[-1] = (out[-1][0], max(end, out[-1][1]))
        else:
            out.append((start, end))
    return out


def _outside(spans: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    """Whether ``start:end`` overlaps none of ``spans`` (from :func:`_spans`): only the
    last span that starts before ``end`` can (a bisection, not a scan: a block can be a
    whole article, its numbers and dates by the thousand).

    >>> _outside([(0, 4), (10, 15)], 5, 9), _outside([(0, 4), (10, 15)], 8, 11)
    (True, False)
    """
    k = bisect_left(spans, (end,))
    return not (k and spans[k - 1][1] > start)


def _fmt(v: float) -> str:
    return f"{v:,.0f}" if v == int(v) else f"{v:,g}"


# clock times: "15:30", "3:30 p.m.", "3 p.m.", "3点30分", "15时30分", "下午3点半", "8:30—17:30"
_ZH_AM = ("上午", "早上", "凌晨", "早晨", "清晨", "早间")
_ZH_PM = ("下午", "晚上", "傍晚", "中午", "晚间", "夜间", "午后", "夜里", "晚")
_ZH_HALF = "|".join(_ZH_AM + _ZH_PM)
_TIME_ZH = regex.compile(
    rf"(?:(?P<half>{_ZH_HALF})\s*)?(?<![\d:：])(?P<h>\d{{1,2}})(?:"
    r"(?P<colon>[:：])(?P<m>\d{2})(?:[:：]\d{2})?|[点时]"
    rf"(?:(?P<m2>\d{{1,2}})分|(?P<thirty>半)|钟|整|(?<=(?:{_ZH_HALF})\s*\d{{1,2}}[点时])|"
    r"(?<=\d时)))"
    r"(?!\d)")  # (a bare "3点" is three points: 3点建议; "15时" is a time)
_TIME_EN = regex.compile(r"(?<![\d.:,])(?P<h>\d{1,2})(?::(?P<m>\d{2})(?::\d{2})?"
                         r"(?:\s*(?P<ap>[ap])\.?m\b\.?)?|\.(?P<m3>\d{2})\s*(?P<ap3>[ap])\.?m\b\.?"
                         r"|\s*(?P<ap2>[ap])\.?m\b\.?|\s*o['’]clock\b|(?P<m4>\d{2})\s*hours\b)"
                         r"(?![\d:])", regex.IGNORECASE)


_RANGE = regex.compile(r"\s*(?:至|到|-|—|–|～|~)\s*")
_DIGITS = regex.compile(r"(?<!\d)\d{1,2}(?!\d)")  # (a number an hour may be)


class Clock(NamedTuple):
    """A time of day: its hour on a 12-hour clock, its minute, and "am" or "pm" where
    the text tells (a 24-hour time, 上午, p.m.), else None; and the hour as written."""
    hour: int
    minute: int
    half: str | None
    written: int  # the hour as the text writes it (15 for 15:30)

    def same(self, other: "Clock") -> bool:
        """15:30 is 3:30 p.m. and 3:30 either way, but not 3:30 a.m."""
        return self.hour == other.hour and self.minute == other.minute and (
            self.half is None or other.half is None or self.half == other.half)


def _times(text: str, lang: str) -> list[tuple[int, int, Clock]]:
    """The clock times of a text: (start, end, time).

    >>> [tuple(t[2])[:3] for t in _times("会议于15:30结束，活动于下午3点半开始，9:00—17时30分。", "zh")]
    [(3, 30, 'pm'), (3, 30, 'pm'), (9, 0, None), (5, 30, 'pm')]
    >>> [tuple(t[2])[:3] for t in _times("It ended at 3:30 p.m.; open 8:30 to 5 pm, 1.5:1", "en")]
    [(3, 30, 'pm'), (8, 30, None), (5, 0, 'pm')]
    >>> [tuple(t[2])[:3] for t in _times("at 16 o'clock, 1700 hours and 5.30pm", "en")]
    [(4, 0, 'pm'), (5, 0, 'pm'), (5, 30, 'pm')]
    >>> [tuple(t[2])[:3] for t in _times("2020-07-26 05:03:17", "zh") + _times("26 Jul 05:03:17", "en")]
    [(5, 3, None), (5, 3, 'am')]
    """
    if lang == "zh" and ":" not in text and "：" not in text and "点" not in text and \
            "时" not in text or lang == "en" and ":" not in text and "m" not in text.lower():
        return []
    out: list[tuple[int, int, Clock]] = []
    for m in (_TIME_ZH if lang == "zh" else _TIME_EN).finditer(text):
        h = int(m["h"])
        if lang == "zh":
            minute = int(m["m"] or m["m2"] or (30 if m["thirty"] else 0))
            # 8时34分 is on a 24-hour clock, as official times are; 9:00 alone may be
            # either; the end of a range shares its start's 下午 ("下午2时至5时")
            half = "pm" if m["half"] in _ZH_PM or h >= 13 else "am" if (
                m["half"] in _ZH_AM or h == 0) else None
            if half is None and out and _RANGE.fullmatch(text, out[-1][1], m.start()):
                half = out[-1][2].half
            if half is None and "时" in m.group(0):
                half = "am"
        else:
            minute = int(m["m"] or m["m3"] or m["m4"] or 0)
            ap = (m["ap"] or m["ap2"] or m["ap3"] or "").lower()
            if m["m4"]:  # "1700 hours": a 24-hour clock
                ap = "p" if h >= 12 else "a"
            half = "pm" if ap == "p" or h >= 13 else "am" if ap == "a" or (
                m["h"].startswith("0") and len(m["h"]) == 2) else None
        if h > 24 or minute > 59:
            continue
        out.append((m.start(), m.end(), Clock(h % 12, minute, half, h)))
    return out


@check("qa.numbers", severity="major", scope="pair")
def numbers_match(zh: str, en: str):
    """Every number written in digits on one side appears on the other.

    Chinese scale characters, percentages, full-width digits, ranges and English number
    words are understood: ``1.2万`` matches ``12,000`` and ``百分之五`` matches ``five
    percent``. Numbers inside dates are left to ``qa.dates``.

    >>> list(numbers_match("全省共有1.2万名志愿者，增长百分之五。", "The province has 12,000 volunteers, up five percent."))
    []
    >>> list(numbers_match("共有3亿人。", "There are 30 million people."))
    [('number 3亿 (300,000,000) in the Chinese is not in the English', '3亿'), ('number 30 million in the English is not in the Chinese', '30 million')]
    """
    zh_found, en_found = numbers_zh(zh), numbers_en(en)
    if not zh_found and not en_found:
        return  # the common case: only numbers written in digits are required
    zh_dates_found, en_dates_found = dates_zh(zh), dates_en(en)
    zh_times, en_times = _times(zh, "zh"), _times(en, "en")
    # a time that the other side gives too is matched as a time (15:30 is 3:30 p.m.), and
    # one that the other side's times miss is reported as one (21:00 is not 9:00 a.m.);
    # where the other side has no time it reads (16 o'clock, 1700 hours, 零点), the
    # time's numbers are matched as numbers are
    timed: list = []
    for lang, text, found, other_text, other in (("Chinese", zh, zh_times, en, en_times),
                                                 ("English", en, en_times, zh, zh_times)):
        if not other:
            continue
        spans = _spans([_Span(a, b) for a, b, _ in other])
        plain = {int(d.group(0)) for d in _DIGITS.finditer(other_text)
                 if _outside(spans, d.start(), d.end())}
        for a, b, t in found:
            matched = any(t.same(o) for _, _, o in other)
            if not matched and t.written in plain:
                continue  # (its hour among the other side's numbers: "22 and 23 hours")
            timed.append((lang, _Span(a, b)))
            if not matched:
                yield f"time {text[a:b]} in the {lang} is not in the " + \
                    ("English" if lang == "Chinese" else "Chinese"), text[a:b]
    zh_dates = _spans(list(zh_dates_found) + [s for lang, s in timed if lang == "Chinese"])
    en_dates = _spans(list(en_dates_found) + [s for lang, s in timed if lang == "English"])
    # numbers in words and numerals are read only for a number the digits leave unmatched
    en_pool = _Pool([n.value for n in en_found] +
                    [v for d in en_dates_found for v in (d.year, d.month, d.day) if v])
    zh_pool = _Pool([n.value for n in zh_found] +
                    [v for d in zh_dates_found for v in (d.year, d.month, d.day) if v])
    en_words: _Pool | None = None
    zh_numerals: _Pool | None = None
    seen = set()
    for n in zh_found:
        if n.loose or not _outside(zh_dates, n.start, n.end) or n.value in en_pool:
            continue
        if en_words is None:
            en_words = _Pool(words_en(en))
        if n.value not in en_words:
            if (n.text, "zh") not in seen:
                seen.add((n.text, "zh"))
                shown = f"{n.text} ({_fmt(n.value)})" if _SCALED.search(n.text) else n.text
                yield f"number {shown} in the Chinese is not in the English", n.text
    for n in en_found:
        if n.loose or not _outside(en_dates, n.start, n.end) or n.value in zh_pool:
            continue
        if zh_numerals is None:
            zh_numerals = _Pool(numerals_zh(zh))
        if n.value not in zh_numerals:
            if (n.text, "en") not in seen:
                seen.add((n.text, "en"))
                yield f"number {n.text} in the English is not in the Chinese", n.text


class _Pool:
    """Values to find a number among, by :func:`same_value`: a set for equal values,
    and sorted for the near ones, so that each look-up is a bisection."""

    def __init__(self, values: Iterable[float]) -> None:
        self.sorted = sorted(set(values))
        self.exact = frozenset(self.sorted)

    def __contains__(self, value: float) -> bool:
        if value in self.exact:
            return True
        # same_value accepts unequal values only near 10,000 and above, within 1% of the
        # larger: only values within 2% of this one can be
        if abs(value) < 9_000:
            return False
        margin = abs(value) * 0.02
        lo = bisect_left(self.sorted, value - margin)
        hi = bisect_right(self.sorted, value + margin)
        return any(same_value(value, v) for v in self.sorted[lo:hi])




@check("qa.dates", severity="major", scope="pair")
def dates_match(zh: str, en: str):
    """Every date on one side appears on the other.

    ``2022年8月12日`` matches ``August 12, 2022`` and ``12 August 2022``; a year left out
    on one side is accepted, and ``9日`` takes the month of the date before it.

    >>> list(dates_match("2022年8月12日举行。", "It was held on 12 August 2022."))
    []
    >>> list(dates_match("8月12日举行。", "It was held on August 21."))
    [('date 8月12日 (August 12) in the Chinese is not in the English', '8月12日'), ('date August 21 in the English is not in the Chinese', 'August 21')]
    """
    zh_dates, en_dates = dates_zh(zh), dates_en(en)
    for d in zh_dates:
        if not any(d.matches(e) for e in en_dates):
            yield (f"date {d.text} ({d.english()}) in the Chinese is not in the English",
                   d.text)
    if not en_dates:
        return
    zh_values = {n.value for n in numbers_zh(zh)} | numerals_zh(zh)
    days = _days_zh(zh, zh_dates)
    for e in en_dates:
        if any(e.matches(d) for d in zh_dates) or (e.day, e.month) in days or \
                (e.day, None) in days:
            continue
        # 六一 (June 1, Children's Day) names a date without 月 and 日
        if e.month in zh_values and e.day in zh_values and not zh_dates:
            continue
        yield f"date {e.text} in the English is not in the Chinese", e.text


_DAY_ONLY = regex.compile(r"(?<!\d\s*月\s*)(?<!\d)(\d{1,2})\s*[日号]")


def _days_zh(zh: str, dates) -> set:
    """(day, month) of days written alone (``9日``): the month is that of the date
    before it in the text, or any month (None) when there is none (``本月6日``)."""
    out = set()
    for m in _DAY_ONLY.finditer(fold_digits(zh)):
        before = [d for d in dates if d.end <= m.start()]
        day = to_int(m.group(1))
        if day is not None:
            out.add((day, before[-1].month if before else None))
    return out


@check("qa.identical", severity="major", scope="pair")
def english_differs_from_chinese(zh: str, en: str):
    """The English text is not a copy of the Chinese (an untranslated block).

    Punctuation and spacing do not count.

    >>> list(english_differs_from_chinese("民政部召开会议", "民政部召开会议"))
    [('the English text is identical to the Chinese: it was not translated', '民政部召开会议')]
    >>> list(english_differs_from_chinese("COVID-19", "COVID-19"))
    []
    >>> [m for m, _ in english_differs_from_chinese("The deal was signed.", "The deal was signed.")]
    ['the Chinese text is identical to the English: the Chinese side holds no translation']
    """
    han = _HAN.search(zh)
    if han is None:
        # English pasted on the Chinese side: words, not a name or a code
        if len(_LATIN_WORD.findall(zh)) >= MIN_COPIED_WORDS and _bare(zh) == _bare(en):
            yield ("the Chinese text is identical to the English: the Chinese side holds "
                   "no translation", zh.strip()[:80])
        return
    if en.isascii() and han.group().isalpha():
        return  # NFKC keeps a Han letter a non-ASCII letter, and ASCII text ASCII
    if _bare(zh) == _bare(en):
        yield "the English text is identical to the Chinese: it was not translated", \
            zh.strip()[:80]


def same_text(zh: str, en: str) -> bool:
    """The two sides are one text, punctuation and spacing aside (one is a copy)."""
    return _bare(zh) == _bare(en)


def _bare(text: str) -> str:
    """Text without spaces and punctuation (repairs turn 。 into . in English)."""
    return _SPACE_PUNCT.sub("", unicodedata.normalize("NFKC", text))


_SPACE_PUNCT = regex.compile(r"[\s\p{P}\p{S}]+")
_LATIN_WORD = regex.compile(r"\p{Latin}{2,}")
MIN_COPIED_WORDS = 3  # "COVID-19" or "WeChat ID" on both sides is no copied sentence


def _bilingual(item) -> bool:
    return any(b.zh is not None and b.en is not None for b in item.blocks)


@check("qa.missing", severity="major", scope="item")
def blocks_have_counterparts(item):
    """In a bilingual item, every title, heading and paragraph has text on both sides.

    >>> from pipeline.runner import SourceText, clean_sources
    >>> item = clean_sources("x", [SourceText("a", "会议举行\\n\\n2022年共有1200人参加了会议。\\n\\n会后大家合影留念，气氛十分热烈。", lang="zh"),
    ...                            SourceText("b", "Meeting held\\n\\nIn 2022, 1,200 people attended the meeting.", lang="en")])
    >>> [(b, lang, m) for b, m, lang, _ in blocks_have_counterparts(item)]
    [(2, 'zh', 'this Chinese paragraph has no English counterpart')]
    """
    if not _bilingual(item):
        yield from _chinese_on_an_english_page(item)
        return
    for i, b in enumerate(item.blocks):
        if b.kind in ALIGNED_KINDS and len(b.sides) == 1 and (b.text(b.sides[0]) or "").strip():
            lang = b.sides[0]
            other = "English" if lang == "zh" else "Chinese"
            if b.kind == "caption" and _credit_nearby(item.blocks, i, lang):
                continue  # "中新社记者 富田 摄" against MT's byline "... reporter Fu Tian"
            if b.lang in ("zh", "en") and b.lang != lang:
                # the other language on this side ("The 10th Fair opens" in the Chinese
                # file): say where it is
                yield i, (f"this {b.kind} of the {_SIDE[lang]} text, written in "
                          f"{_SIDE[b.lang]}, has no counterpart"), lang, None
                continue
            yield i, f"this {_SIDE[lang]} {b.kind} has no {other} counterpart", lang, None


ENGLISH_PAGE_SHARE = 3  # English characters per Chinese one, at least, on an English page
# an English block beside a Chinese one, this many characters per Chinese one: its translation
TRANSLATED_LENGTHS = (1.2, 8.0)
_HEADS = ("title", "heading")


def _chinese_on_an_english_page(item):
    """The Chinese titles, headings and paragraphs of a page in English, where nothing
    pairs them: text MT left untranslated, which no check of English text sees.

    >>> from pipeline.runner import clean_text
    >>> item = clean_text("Meeting held\\n\\nThe meeting was held in Beijing on Monday.\\n\\n"
    ...                   "会议强调，要做好养老服务工作。\\n\\nOfficials from all provinces attended.\\n")
    >>> [(b, m) for b, m, _, _ in _chinese_on_an_english_page(item)]
    [(2, 'this Chinese paragraph on an English page has no English translation')]
    """
    shown = [(i, b) for i, b in enumerate(item.blocks) if b.kind in ALIGNED_KINDS]
    zh = [(i, b) for i, b in shown if b.lang == "zh"]
    if not zh:
        return
    en_chars = sum(_length(b.text(b.sides[0]) or "") for _, b in shown if b.lang == "en")
    if en_chars < ENGLISH_PAGE_SHARE * sum(_length(b.text(b.sides[0]) or "") for _, b in zh):
        return  # a Chinese page, or one in both languages: its English is no translation
    blocks = item.blocks
    for i, b in zh:
        size = _length(b.text(b.sides[0]) or "")
        if any(0 <= j < len(blocks) and blocks[j].lang == "en" and (
                b.kind in _HEADS and blocks[j].kind in _HEADS or len(shown) == 2) and
               TRANSLATED_LENGTHS[0] * size <= _length(blocks[j].text(blocks[j].sides[0]) or "")
               <= TRANSLATED_LENGTHS[1] * size for j in (i - 1, i + 1)):
            continue  # its English beside it: a headline above its translation, or the
            # sentence of a page of two
        yield i, f"this Chinese {b.kind} on an English page has no English translation", \
            b.sides[0], None


CREDIT_WINDOW = 2


def _credit_nearby(blocks, at: int, lang: str) -> bool:
    """Is there, a block or two away, a credit of the other side that left the pairing
    as metadata or a caption (a photo credit that MT turned into a byline)?"""
    for j in range(max(0, at - CREDIT_WINDOW), min(len(blocks), at + CREDIT_WINDOW + 1)):
        other = blocks[j]
        if j != at and other.kind in ("meta", "caption") and other.sides == (
                ("en",) if lang == "zh" else ("zh",)):
            return True
    return False


def _length(text: str) -> int:
    return len("".join(text.split()))


@check("qa.length_ratio", severity="minor", scope="item")
def lengths_are_in_proportion(item):
    """The English of a block is about as long as the item's own ratio predicts.

    Far longer or far shorter (by a factor of 2.5) means text was added or left out.

    >>> from pipeline.runner import SourceText, clean_sources
    >>> zh = "会议举行\\n\\n" + "\\n\\n".join(["会议于昨天在北京举行，共有三十位代表参加了讨论。"] * 4)
    >>> en = "Meeting held\\n\\n" + "\\n\\n".join(["The meeting was held in Beijing yesterday, with thirty delegates."] * 3 + ["Held."])
    >>> [(b, m) for b, m, _, _ in lengths_are_in_proportion(clean_sources("x", [SourceText("a", zh, lang="zh"), SourceText("b", en, lang="en")]))]
    [(4, 'the English is 0.07 times as long as expected from the Chinese: check for missing or added text')]
    """
    pairs = [(i, _length(b.zh), _length(b.en)) for i, b in enumerate(item.blocks)
             if b.zh and b.en and b.kind in ALIGNED_KINDS]
    if len(pairs) < 2:
        return
    ratio = estimate_ratio([lz for _, lz, _ in pairs], [le for _, _, le in pairs])
    for i, lz, le in pairs:
        if lz < MIN_RATIO_CHARS:
            continue
        r = le / (ratio * lz)
        if abs(math.log(max(r, 1e-9))) > math.log(LENGTH_RATIO_LIMIT):
            yield (i, f"the English is {r:.2f} times as long as expected from the Chinese: "
                      "check for missing or added text", None, None)


@check("qa.weak_alignment", severity="minor", scope="item")
def alignment_is_confident(item):
    """Aligned blocks and sentences pair up with confidence.

    A low score, or a sentence with no counterpart inside an aligned block, is shown to
    an editor.

    >>> from pipeline.runner import SourceText, clean_sources
    >>> item = clean_sources("x", [SourceText("a", "会议举行。今天下雨了，大家都没有带伞，只好在门口等了一个多小时。", lang="zh"),
    ...                            SourceText("b", "The meeting was held.", lang="en")])
    >>> [(b, m) for b, m, _, _ in alignment_is_confident(item)]
    [(0, 'Chinese sentence 2 has no English counterpart: 今天下雨了，大家都没有带伞，只好在门口等了一个多小时。')]
    """
    for i, b in enumerate(item.blocks):
        if not b.align or not (b.zh and b.en):
            continue
        info = dict(b.align)
        if info.get("type", "1-1") != "1-1" and info.get("score", 1.0) < WEAK_SCORE:
            yield (i, f"weak {info['type']} block alignment (score {info['score']:.3f}): "
                      "check that these blocks translate each other", None, None)
        for p in info.get("pairs", ()):
            if not p["en"]:
                for k in p["zh"]:
                    yield (i, f"Chinese sentence {k + 1} has no English counterpart: "
                              f"{b.zh_sentences[k][:80]}", "zh", None)
            elif not p["zh"]:
                for k in p["en"]:
                    yield (i, f"English sentence {k + 1} has no Chinese counterpart: "
                              f"{b.en_sentences[k][:80]}", "en", None)
            elif p["score"] < WEAK_SCORE:
                yield (i, f"weak {p['type']} sentence alignment (score {p['score']:.3f}): "
                          f"Chinese {', '.join(str(k + 1) for k in p['zh'])} with English "
                          f"{', '.join(str(k + 1) for k in p['en'])}", None, None)
