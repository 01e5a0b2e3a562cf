"""Anchors shared by alignment and the cross-language checks: numbers, dates and Latin
tokens, read the same way on the Chinese and the English side.

Chinese numbers come as digits (full-width too), with scale characters (``1.2万`` =
12,000, ``3亿`` = 300,000,000), as ``百分之五`` (5%), and as Chinese numerals (``十三``,
``两``); English numbers as digits with separators, with scale words (``1.2 million``)
and as words (``five``, ``twenty-three``). Everything is reduced to plain values, so
``1.2万`` on one side matches ``12,000`` on the other.

Anchor extractors are pluggable: :func:`register_anchor` adds a function ``(text, lang)
-> set of keys``; alignment prefers pairs whose sides share keys.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import AbstractSet, Callable

import regex

from ..memo import item_cache
from .digits import to_float, to_int
from .months import MONTH_NAMES, MONTH_PATTERN, MONTHS, is_date, month_number

# --- numbers ----------------------------------------------------------------------------

_ZH_SCALE = {"十": 10, "百": 100, "千": 1000, "万": 10_000, "亿": 100_000_000}
_ZH_DIGIT = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
             "六": 6, "七": 7, "八": 8, "九": 9}
_EN_SCALE = {"hundred": 100, "thousand": 1000, "million": 10 ** 6, "billion": 10 ** 9,
             "trillion": 10 ** 12, "mln": 10 ** 6, "bln": 10 ** 9, "bn": 10 ** 9,
             "m": 10 ** 6, "k": 1000}
_EN_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_EN_WORDS.update({w: 10 * i for i, w in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)})
_EN_ORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
           "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "half": 0.5, "dozen": 12,
           "dozens": 12, "once": 1, "twice": 2, "double": 2, "triple": 3, "single": 1,
           "both": 2, "pair": 2, "couple": 2, "quarter": 4, "decade": 10, "decades": 10,
           "century": 100, "centuries": 100, "hundreds": 100, "thousands": 1000,
           "millions": 10 ** 6, "billions": 10 ** 9}
_MON = MONTH_PATTERN

# Alignment and the checks read the same texts again and again (a block, its sentences,
# the block once more for each check): the extractors are pure, so their results are kept
# for the item's texts (see pipeline.memo). All reuse is within an item (256 entries caught
# as much as 4,096 on c2000); 1,024 leaves room for long items. Results are tuples and
# frozensets: shared, never changed.
_CACHE_SIZE = 1024
_DIGIT = regex.compile(r"\d")  # every number and date pattern below needs one
_NUM = r"\d+(?:,\d{3})*(?:\.\d+)?"
_ZH_NUM = regex.compile(
    rf"(?<![\d.])(?P<a>{_NUM})(?:\s*[-~～—–至到]\s*(?P<b>{_NUM}))?\s*[多余]?\s*"
    r"(?:(?P<u>万亿|亿|万|千(?![米克瓦帕赫焦卡])|百)(?P<c>\d{1,4}(?![\d.]))?)?")
# (千 before a unit is its prefix, not a thousand: 18.9千米 is 18.9 km, 5千瓦 5 kW)
_ZH_PCT = regex.compile(r"百分之(?P<n>[零〇一二三四五六七八九十百千两点]+)")
_ZH_NUMERAL = regex.compile(r"[零〇一二三四五六七八九十百千万亿两]+")
_EN_NUM = regex.compile(
    rf"(?<![\d.:])(?P<a>{_NUM})(?:\s*(?:-|–|—|to)\s*(?P<b>{_NUM}))?"
    r"(?:\s*(?P<u>hundred|thousand|million|billion|trillion|mln|bln|bn)\b|(?P<s>[mk])\b)?",
    regex.IGNORECASE)
_EN_WORD = regex.compile(r"[a-z]+", regex.IGNORECASE)


_FOLD = str.maketrans("０１２３４５６７８９．", "0123456789.")


def fold_digits(text: str) -> str:
    """Full-width digits to ASCII, keeping every position (``１２．５`` -> ``12.5``).

    >>> fold_digits("１２．５万")
    '12.5万'
    """
    if text.isascii() or not _FULL_WIDTH_DIGIT.search(text):
        return text  # the common case: translate() copies the whole text
    return text.translate(_FOLD)


_FULL_WIDTH_DIGIT = regex.compile(r"[０-９．]")


def _value(s: str) -> float | None:
    return to_float(s)


def zh_numeral(s: str) -> float | None:
    """The value of a Chinese numeral.

    >>> zh_numeral("十三"), zh_numeral("两千零五"), zh_numeral("三亿"), zh_numeral("二〇二二")
    (13.0, 2005.0, 300000000.0, 2022.0)
    """
    if s and all(c in _ZH_DIGIT for c in s) and len(s) > 1:
        return float("".join(str(_ZH_DIGIT[c]) for c in s))
    total, section, digit = 0.0, 0.0, None
    for c in s:
        if c in _ZH_DIGIT:
            digit = _ZH_DIGIT[c]
        elif c in ("万", "亿"):
            section = (section + (digit or 0)) or 1
            total = (total + section) * _ZH_SCALE[c]
            section, digit = 0.0, None
        elif c in _ZH_SCALE:
            section += (1 if digit is None else digit) * _ZH_SCALE[c]
            digit = None
        else:
            return None
    return total + section + (digit or 0)


@dataclass(frozen=True)
class Number:
    value: float
    text: str
    start: int
    end: int
    loose: bool = False  # part of a name or a decade: a match, never a requirement


_ZH_UNITS = {"万亿": 10 ** 12, "亿": 10 ** 8, "万": 10 ** 4, "千": 1000, "百": 100}


def _scaled(pattern, text: str, scale_of) -> list[Number]:
    """Numbers (and both ends of ranges) matched by ``pattern``, times their scale.

    Both patterns have four groups: the number, the end of a range, the scale, and one
    that ``scale_of`` reads with the scale; they are read in one call."""
    out = []
    for m in pattern.finditer(fold_digits(text)):
        start, end = m.span()
        # part of a name (COVID-19, G20, U18) or a decade (1960s): found, never required;
        # a decade's mark starts with one of _DECADE_STARTS, so most numbers skip the match
        loose = _after_letter(text, start) or (
            text[end:end + 1] in _DECADE_STARTS and bool(_DECADE_AFTER.match(text, end)))
        a, b, unit, last = m.groups()
        scale, extra = scale_of(unit, last)
        shown = text[start:end].strip()
        first, second = _value(a), _value(b) if b else None
        if first is None or extra is None:
            continue  # digits no number (see pipeline.stages.digits)
        if second is None:
            if not b:
                out.append(Number(first * scale + extra, shown, start, end, loose))
            continue
        values = [first, second]
        if values[0] >= 1000 and values[1] < 100 and len(b) == 2:  # 1981-87
            values[1] += values[0] // 100 * 100
        out.extend(Number(v * scale + extra, shown, start, end, loose) for v in values)
    return out


_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _after_letter(text: str, start: int) -> bool:
    """Whether an ASCII letter, or one and a hyphen, come just before ``start`` (the
    ``G`` of G20, the ``COVID-`` of COVID-19)."""
    before = text[start - 1] if start else ""
    if before == "-":
        before = text[start - 2] if start > 1 else ""
    return before in _ASCII_LETTERS


_DECADE_AFTER = regex.compile(r"'?s\b|世纪")
_DECADE_STARTS = ("'", "s", "世")  # the first character of every _DECADE_AFTER match


@item_cache(maxsize=_CACHE_SIZE)
def numbers_zh(text: str) -> tuple[Number, ...]:
    """Numbers written with digits in Chinese text, with scale characters and ranges.

    >>> [(n.value, n.text) for n in numbers_zh("增长1.2万人，达３亿元，占百分之五，3-5万")]
    [(12000.0, '1.2万'), (300000000.0, '３亿'), (5.0, '百分之五'), (30000.0, '3-5万'), (50000.0, '3-5万')]
    >>> [(n.value, n.text) for n in numbers_zh("全长18.9千米，3千人")]
    [(18.9, '18.9'), (3000.0, '3千')]
    """
    if not _DIGIT.search(text) and "百分之" not in text:
        return ()
    out = _scaled(_ZH_NUM, text, _zh_scale)
    for m in _ZH_PCT.finditer(text):
        n = m.group("n")
        if "点" in n:
            whole, _, frac = n.partition("点")
            v = zh_numeral(whole)
            if v is not None and math.isfinite(v) and frac and \
                    all(c in _ZH_DIGIT for c in frac):
                v = float(f"{int(v)}.{''.join(str(_ZH_DIGIT[c]) for c in frac)}")
        else:
            v = zh_numeral(n)
        if v is not None:
            out.append(Number(v, m.group(0), m.start(), m.end()))
    return tuple(sorted(out, key=lambda n: (n.start, n.value)))


def _zh_scale(u: str | None, c: str | None) -> tuple[int, float | None]:
    """The scale of a unit character, and the digits after it (2万4801)."""
    return _ZH_UNITS.get(u or "", 1), (_value(c) if c else 0)  # (None: no number)


@item_cache(maxsize=_CACHE_SIZE)
def numerals_zh(text: str) -> frozenset[float]:
    """Values of Chinese numerals (``十三``, ``两``): accepted as matches, never required,
    since words such as 一起 and 统一 contain numeral characters."""
    out = set()
    for m in _ZH_NUMERAL.finditer(text):
        run = m.group(0)
        for end in range(1, len(run) + 1):  # 十四五 holds 十四 (14)
            v = zh_numeral(run[:end])
            if v is not None:
                out.add(v)
        for c in m.group(0):
            if c in _ZH_DIGIT:
                out.add(float(_ZH_DIGIT[c]))
    return frozenset(out)


@item_cache(maxsize=_CACHE_SIZE)
def numbers_en(text: str) -> tuple[Number, ...]:
    """Numbers written with digits in English text, with scale words and ranges.

    >>> [(n.value, n.text) for n in numbers_en("1.2 million people, 5-10 billion, 12,000 and 3m")]
    [(1200000.0, '1.2 million'), (5000000000.0, '5-10 billion'), (10000000000.0, '5-10 billion'), (12000.0, '12,000'), (3000000.0, '3m')]
    """
    if not _DIGIT.search(text):
        return ()
    return tuple(_scaled(_EN_NUM, text, _en_scale))


def _en_scale(u: str | None, s: str | None) -> tuple[int, float]:
    """The scale of a scale word or a letter (3m), and nothing after it."""
    return _EN_SCALE.get((u or s or "").lower(), 1), 0


@item_cache(maxsize=_CACHE_SIZE)
def words_en(text: str) -> frozenset[float]:
    """Values of numbers written as English words (with the values on the way: the
    result is a pool to match against, not a list of numbers).

    >>> sorted(words_en("two thousand three hundred and five, and twenty-one"))
    [1.0, 2.0, 3.0, 5.0, 20.0, 21.0, 2000.0, 2003.0, 2300.0, 2305.0]
    """
    out: set[float] = set()
    total = current = 0.0
    active = False
    last = ""
    for w in _EN_WORD.findall(text):
        w = w.lower()
        if w not in _NUMBER_WORDS:  # most words: the else branch below, made short
            total = current = 0.0
            active = False
            last = w
            continue
        if w in _EN_WORDS:
            # "twenty-five" and "hundred and five" go on; "five three" are two numbers
            if active and current % 100 and not (current % 10 == 0 and last in _EN_WORDS):
                total = current = 0.0
            current += _EN_WORDS[w]
            out.add(float(_EN_WORDS[w]))
            active = True
        elif w == "hundred":
            current = (current or 1) * 100
            active = True
        elif w in _LARGE:
            total += (current or 1) * _LARGE[w]  # "per million" is 1,000,000
            current = 0.0
            active = True
        elif w == "and" and active:
            last = w
            continue
        else:
            if w in _WORD_VALUES:
                out.add(_WORD_VALUES[w])
            total = current = 0.0
            active = False
        if active:
            out.add(float(total + current))
        last = w
    return frozenset(out)


_LARGE = {w: v for w, v in _EN_SCALE.items() if len(w) > 2 and w != "hundred"}
_WORD_VALUES = {**{w: float(v) for w, v in MONTHS.items()},  # ordinals first
                **{w: float(v) for w, v in _EN_ORD.items()}}
# every word that words_en does more with than end a number
_NUMBER_WORDS = frozenset({*_EN_WORDS, "hundred", "and", *_LARGE, *_WORD_VALUES})


def same_value(a: float, b: float) -> bool:
    """Equal, or within 1% when the larger is 10,000 or more and one of the two is a
    round figure, as a scaled form rounds (``120万`` and "1.23 million"); two exact
    figures must be equal: swapped digits in ``3,265,000`` / "3,256,000", a phone
    number or a post code are a mistake, not a rounding.

    >>> same_value(1_230_000, 1_234_567), same_value(3_265_000, 3_256_000), same_value(24801, 24810)
    (True, False, False)
    """
    if a == b:
        return True
    big = max(abs(a), abs(b))
    return big >= 10_000 and abs(a - b) <= 0.01 * big and \
        min(_significant(a), _significant(b)) <= ROUND_DIGITS


ROUND_DIGITS = 3  # significant digits of a round figure


def _significant(x: float) -> int:
    """How many significant digits ``x`` has (1,200,000: 2; 3,265,000: 4; 1.25: 3)."""
    digits = f"{abs(x):.6f}".rstrip("0").replace(".", "").lstrip("0")
    return len(digits.rstrip("0")) if float(x).is_integer() else len(digits)


# --- dates ------------------------------------------------------------------------------

_ZH_DATE = regex.compile(r"(?:(?P<y>\d{4})\s*年\s*)?(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*[日号]")
# 2022-08-12, and in Chinese text also 2022.8.12 and 2022/8/12
_ISO = regex.compile(r"(?<!\d)(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?!\d)")
_ZH_DOTTED = regex.compile(r"(?<![\d.])(?P<y>\d{4})(?P<sep>[./])(?P<m>\d{1,2})(?P=sep)"
                           r"(?P<d>\d{1,2})(?!\.?\d)")
_EN_MDY = regex.compile(
    rf"\b(?P<mon>{_MON})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?",
    regex.IGNORECASE)
_EN_DMY = regex.compile(
    rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON})(?:,?\s+(?P<y>\d{{4}})\b)?",
    regex.IGNORECASE)


_LITERAL = {_ZH_DATE: ("月",), _ISO: ("-",), _ZH_DOTTED: (".", "/")}
# every month in MONTH_PATTERN starts with the first three letters of its name
_MONTH_STARTS = tuple(name[:3].lower() for name in MONTH_NAMES)


def _has_month_start(text: str) -> bool:
    """Whether a month name can start anywhere in ``text``: the patterns ignore case,
    and case folding maps every character they match to a lower-case ASCII letter
    (``ſ`` to ``s``; a test checks every character the patterns' letters match)."""
    folded = text.lower() if text.isascii() else text.casefold()
    return any(start in folded for start in _MONTH_STARTS)


@dataclass(frozen=True)
class Date:
    year: int | None
    month: int
    day: int
    text: str
    start: int
    end: int

    def matches(self, other: "Date") -> bool:
        return (self.month, self.day) == (other.month, other.day) and (
            self.year is None or other.year is None or self.year == other.year)

    def english(self) -> str:
        name = MONTH_NAMES[self.month - 1]
        return f"{name} {self.day}" + (f", {self.year}" if self.year else "")


def _month(s: str) -> int:
    # the patterns ignore case, so a month may be written with characters that only
    # fold to ASCII (ſep): month_number knows the folded name
    return month_number(s.casefold())


def _ok(y, m, d) -> bool:
    return (y is None or 1000 <= y <= 2999) and is_date(m, d, y)


@item_cache(maxsize=_CACHE_SIZE)
def dates_zh(text: str) -> tuple[Date, ...]:
    """Dates in Chinese text (``2022年8月12日``, ``8月12日``, ``2022-08-12``,
    ``2022.8.12``).

    >>> [(d.year, d.month, d.day) for d in dates_zh("2022年8月12日和９月1号")]
    [(2022, 8, 12), (None, 9, 1)]
    >>> [(d.year, d.month, d.day) for d in dates_zh("会议定于2023.6.10召开，版本2023.6.10.1")]
    [(2023, 6, 10)]
    """
    if not _DIGIT.search(text):
        return ()
    folded = fold_digits(text)
    out = []
    # each pattern needs its literal (月, the ISO hyphen): a text without it is not scanned
    for pat in (_ZH_DATE, _ISO, _ZH_DOTTED):
        if not any(mark in folded for mark in _LITERAL[pat]):
            continue
        for m in pat.finditer(folded):
            y = to_int(m.group("y")) if m.group("y") else None
            mo, d = to_int(m.group("m")), to_int(m.group("d"))
            if mo is not None and d is not None and (y is not None or not m.group("y")) \
                    and _ok(y, mo, d):
                out.append(Date(y, mo, d, text[m.start():m.end()], m.start(), m.end()))
    return tuple(sorted(out, key=lambda d: d.start))


@item_cache(maxsize=_CACHE_SIZE)
def dates_en(text: str) -> tuple[Date, ...]:
    """Dates in English text (``August 12, 2022``, ``12 August 2022``, ``Aug. 12``).

    >>> [(d.year, d.month, d.day) for d in dates_en("On August 12, 2022 and 3 Sept")]
    [(2022, 8, 12), (None, 9, 3)]
    """
    if not _DIGIT.search(text):
        return ()
    folded = fold_digits(text)
    out: list[Date] = []
    taken: list[tuple[int, int]] = []
    named = _has_month_start(folded)
    for pat in (_ISO, _ZH_DOTTED, _EN_MDY, _EN_DMY):
        if pat in _LITERAL and not any(mark in folded for mark in _LITERAL[pat]) or \
                pat not in _LITERAL and not named:
            continue  # (2023.6.10 copied from the Chinese is a date in English too)
        for m in pat.finditer(folded):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            y = to_int(m.group("y")) if m.group("y") else None
            mo = to_int(m.group("m")) if "m" in pat.groupindex else _month(m.group("mon"))
            d = to_int(m.group("d"))
            if mo is None or d is None or (m.group("y") and y is None):
                continue
            if m.group("mon" if "mon" in pat.groupindex else 0).startswith("may"):
                continue  # "may 5 people": the month is written with a capital
            if _ok(y, mo, d):
                taken.append((m.start(), m.end()))
                shown = text[m.start():m.end()]
                out.append(Date(y, mo, d, shown[:-1] if shown.endswith(".") and
                                len(shown.split()[-1]) > 4 else shown, m.start(), m.end()))
    return tuple(sorted(out, key=lambda d: d.start))


# --- anchors for alignment --------------------------------------------------------------

# ASCII classes only, read alike by both engines: the standard one scans twice as fast
_LATIN = re.compile(r"[A-Za-z][A-Za-z0-9'&.\-]*[A-Za-z0-9]|[A-Z]")


@item_cache(maxsize=_CACHE_SIZE)
def latin_tokens(text: str) -> frozenset[str]:
    """Latin-script words in Chinese text (names, acronyms), lower-cased."""
    return frozenset(w.lower() for w in _LATIN.findall(text) if len(w) > 1)


def number_anchors(text: str, lang: str) -> set[str]:
    nums = numbers_zh(text) if lang == "zh" else numbers_en(text)
    return {f"n:{n.value:g}" for n in nums}


def date_anchors(text: str, lang: str) -> set[str]:
    dates = dates_zh(text) if lang == "zh" else dates_en(text)
    return {f"d:{d.month}-{d.day}" for d in dates}


def latin_anchors(text: str, lang: str) -> set[str]:
    return {"w:" + t for t in latin_tokens(text)}


AnchorFn = Callable[[str, str], set]
ANCHORS: list[AnchorFn] = [number_anchors, date_anchors]
# Latin words count only when the Chinese side has them: every English word would match
LATIN_ANCHORS: list[AnchorFn] = [latin_anchors]
# numbers_zh, numbers_en, dates_zh and dates_en find nothing in a text without a digit
# (Chinese 百分之 aside), so neither do these two
_NUMBERS_AND_DATES = (number_anchors, date_anchors)


def register_anchor(fn: AnchorFn) -> AnchorFn:
    """Add an anchor extractor ``(text, lang) -> set of keys`` (glossary terms, say):
    keys equal on both sides mark text that belongs together."""
    if fn not in ANCHORS:
        ANCHORS.append(fn)
    return fn


def anchors(text: str, lang: str) -> frozenset[str]:
    """Every anchor key of a text.

    >>> sorted(anchors("2022年8月12日，WHO发布1.2万份", "zh"))
    ['d:8-12', 'n:12', 'n:12000', 'n:2022', 'n:8', 'w:who']
    """
    # the extractors are part of the cache key: the lists can change between calls
    return _anchors(text, lang, tuple(ANCHORS) + tuple(LATIN_ANCHORS) if lang == "zh"
                    else tuple(ANCHORS))


@item_cache(maxsize=_CACHE_SIZE)
def _anchors(text: str, lang: str, extractors: tuple[AnchorFn, ...]) -> frozenset[str]:
    if extractors[:2] == _NUMBERS_AND_DATES and not _DIGIT.search(text) and (
            lang != "zh" or "百分之" not in text):
        extractors = extractors[2:]  # most texts: both find nothing without a digit
    keys: set[str] = set()
    for fn in extractors:
        keys |= fn(text, lang)
    return frozenset(keys)


def anchor_similarity(zh: AbstractSet[str], en: AbstractSet[str]) -> float | None:
    """How well two anchor sets agree (None when neither side has anchors). English
    words count only when they match a Latin word of the Chinese side.

    >>> anchor_similarity({"n:5", "w:who"}, {"n:5", "w:who", "w:said"})
    1.0
    """
    if not en:  # the common case in alignment: spare the set operations
        return 0.0 if zh else None
    # English keys count when shared, and those that are no Latin word also when not:
    # all English keys but the Latin words the Chinese side lacks (counted without
    # building the difference set)
    shared = len(zh & en)
    union = len(zh) + len(en) - shared
    for k in en:
        if k[:2] == "w:" and k not in zh:
            union -= 1
    if not union:
        return None
    return shared / union
