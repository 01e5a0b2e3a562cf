"""Repair rules for dates and numbers that MT left in Chinese form inside English text."""
from __future__ import annotations

from decimal import Decimal, InvalidOperation

import regex

from ..registry import rule
from .digits import ZH_COUNTERS, to_float, to_int
from .months import MONTH_NAMES, is_date

# a block of English with this much Chinese in it is really mixed (a Chinese sentence full
# of foreign names, misread as English): its punctuation and numbers are left alone
MIXED_HAN_CHARS = 10
_HAN_CHAR = regex.compile(r"\p{Han}")
# ... unless nearly all of it is the units and counters of numbers and dates MT left
# ("1,218.6亿元", "3万余人", "1000个"), which these rules are there to write
MIN_WORD_HAN_CHARS = 3
# (nor the words of a percentage, 百分之十二)
_HAN_WORD_CHAR = regex.compile(rf"[^\P{{Han}}万亿元{ZH_COUNTERS}余多次千百年月日号分之"
                               r"零〇一二两三四五六七八九十以上下]")
_FIRST_LETTER = regex.compile(r"[\p{L}\p{N}]")
_ZH_SENTENCE_END = regex.compile(r"\p{Han}[，、”’」』）]*[。！？][”’」』）]*\s*\Z")


def mostly_mixed(text: str, *, opening: bool = False) -> bool:
    """Does this English block hold a Chinese sentence rather than a stray Chinese term?

    It does when it has many Chinese characters or ends like a Chinese sentence
    (``...不同。``); with ``opening``, also when its first word is Chinese.

    >>> mostly_mixed("News from 华声在线 today"), mostly_mixed("名单还包括英超联赛目标球员Coutinho")
    (False, True)
    >>> mostly_mixed("Shiba Inu非常不同。"), mostly_mixed("其他球员 Jasper、Nelson", opening=True)
    (True, True)
    """
    if len(_HAN_CHAR.findall(text)) >= MIXED_HAN_CHARS and \
            len(_HAN_WORD_CHAR.findall(text)) >= MIN_WORD_HAN_CHARS or \
            _ZH_SENTENCE_END.search(text):
        return True
    first = _FIRST_LETTER.search(text) if opening else None
    return bool(first and _HAN_CHAR.match(first.group(0)))



_YMD = regex.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_MD = regex.compile(r"(?<![\d年])(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]")
_YM = regex.compile(r"(?<!\d)(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)")
_Y = regex.compile(r"(?<!\d)(\d{4})\s*年(?![\p{Han}\d])")
# before a number of years, not a year ("a history of more than 1000年")
_SPAN_BEFORE = regex.compile(r"(?:\b(?:more|less|fewer|longer)\s+than|\bover|\bnearly|\balmost|"
                             r"\babout|\baround|\bsome|\bpast|\bup\s+to|\bat\s+least|"
                             r"\bhistory\s+of|\b(?:lasted|ruled|stood|existed|continued|lived|"
                             r"persisted)(?:\s+for)?)\s*\Z",
                             regex.IGNORECASE)
# ... but a year after a preposition or a verb of founding ("in about 1368年", "built
# around 1600年")
_YEAR_BEFORE = regex.compile(r"\b(?:in|since|from|by|until|till|before|after|circa|built|founded|"
                             r"established|dating|dated|constructed|completed|born|died)\s+"
                             r"(?:about|around|some)\s*\Z", regex.IGNORECASE)


def _sub(pattern: regex.Pattern, text: str, render) -> str:
    """Replace each match by ``render(match)`` (None keeps it), adding a space where the
    English words would touch a letter or digit (one space between two replacements)."""
    addresses = _addresses(text)
    spans = [(m, render(m)) for m in pattern.finditer(text)
             if not addresses or not _inside(m.span(), addresses)]
    spans = [(m, v) for m, v in spans if v is not None]
    if not spans:
        return text
    out: list[str] = []
    pos = 0
    for m, value in spans:
        start, end = m.span()
        glued = out and pos == start  # right after the previous replacement
        if start and text[start - 1].isalnum() and not glued:
            value = " " + value
        if end < len(text) and text[end].isalnum():
            value += " "
        out.append(text[pos:start] + value)
        pos = end
    return "".join(out) + text[pos:]


# a web address: its digits and Chinese are a path's, not a date's or a sum's
_ADDRESS = regex.compile(r"(?:https?://|www\.)[^\s<>\"“”]+", regex.IGNORECASE)


def _addresses(text: str) -> list[tuple[int, int]]:
    if "://" not in text and "www." not in text.lower():
        return []
    return [m.span() for m in _ADDRESS.finditer(text)]


def _inside(span: tuple[int, int], addresses: list[tuple[int, int]]) -> bool:
    return any(start < span[1] and span[0] < end for start, end in addresses)


def _month_day(mo: str, d: str) -> str | None:
    mo_i, d_i = to_int(mo), to_int(d)
    if mo_i is not None and d_i is not None and is_date(mo_i, d_i):
        return f"{MONTH_NAMES[mo_i - 1]} {d_i}"
    return None


@rule("repair.zh_dates_in_english", lang="en", order=40)
def render_zh_dates(text: str) -> str:
    """Write dates left in Chinese form (``2022年8月12日``) the English way.

    >>> render_zh_dates("It opened on 2022年8月12日 in Hohhot, and closed on 8月15日.")
    'It opened on August 12, 2022 in Hohhot, and closed on August 15.'
    >>> render_zh_dates("In 2020年7月 and in 2019年, prices rose.")
    'In July 2020 and in 2019, prices rose.'
    >>> render_zh_dates("a history of more than 1000年, a history of 1300年, since 1368年")
    'a history of more than 1,000 years, a history of 1,300 years, since 1368'
    >>> render_zh_dates("See https://zh.wikipedia.org/wiki/2020年1月 on 2020年1月")
    'See https://zh.wikipedia.org/wiki/2020年1月 on January 2020'
    >>> render_zh_dates("held 2022年8月12日至9月1日; in 2020年1月-3月 and 2020年5月至7月")
    'held August 12 to September 1, 2022; in January-March 2020 and May to July 2020'
    """
    if ("年" not in text and "月" not in text) or mostly_mixed(text):
        return text

    def ymd(m):
        md = _month_day(m.group(2), m.group(3))
        return f"{md}, {m.group(1)}" if md else None

    def ym(m):
        mo = to_int(m.group(2))
        return f"{MONTH_NAMES[mo - 1]} {m.group(1)}" if mo and 1 <= mo <= 12 else None

    def days(m, year=None):  # 8月12日至15日: the month's days 12 to 15
        first, last = _month_day(m["mo"], m["d1"]), _month_day(m["mo"], m["d2"])
        if not first or not last or to_int(m["d1"]) >= to_int(m["d2"]):
            return None
        span = f"{first}{_joiner(m['sep'])}{to_int(m['d2'])}"
        return f"{span}, {year}" if year else span

    def across_months(m):  # 2022年8月12日至9月1日: one year, two months
        first, last = _month_day(m["mo"], m["d1"]), _month_day(m["mo2"], m["d2"])
        if not first or not last or (to_int(m["mo"]), to_int(m["d1"])) >= \
                (to_int(m["mo2"]), to_int(m["d2"])):
            return None
        return f"{first}{_joiner(m['sep'])}{last}, {m['y']}"

    def months(m):  # 2020年1月-3月: January-March 2020
        mo1, mo2 = to_int(m["mo"]), to_int(m["mo2"])
        if not (mo1 and mo2 and 1 <= mo1 < mo2 <= 12):
            return None
        return f"{MONTH_NAMES[mo1 - 1]}{_joiner(m['sep'])}{MONTH_NAMES[mo2 - 1]} {m['y']}"

    text = _sub(_YMD_MD, text, across_months)
    text = _sub(_YM_MONTHS, text, months)
    text = _sub(_YMD_DAYS, text, lambda m: days(m, m["y"]))
    text = _sub(_MD_DAYS, text, days)
    text = _sub(_YMD, text, ymd)
    text = _sub(_MD, text, lambda m: _month_day(m.group(1), m.group(2)))
    text = _sub(_YEARS, text, lambda m: f"{m['y1']}{_joiner(m['sep'])}{m['y2']}"
                if m["y1"] < m["y2"] else None)
    def year(m):
        n = int(m.group(1))
        before = max(0, m.start() - 30)
        if n > 2100 or n < 1900 and _SPAN_BEFORE.search(text, before, m.start()) and \
                not _YEAR_BEFORE.search(text, before, m.start()):
            # a span of years: "more than 1000年" is 1,000 years, and 1900 to 2100 always
            # a year ("growth over 2019年")
            return f"{n:,} years"
        return m.group(1)

    text = _sub(_YM, text, ym)
    text = _sub(_Y, text, year)
    return _TO_DATE.sub(" to ", text) if "至" in text or "到" in text else text


# 至 (to), 到 (to) or a dash between the two ends of a span
_SEP = r"\s*(?P<sep>至|到|[-－–—~～])\s*"


def _joiner(sep: str) -> str:
    return " to " if sep in "至到" else "-"


_MD_DAYS = regex.compile(r"(?<![\d年])(?P<mo>\d{1,2})\s*月\s*(?P<d1>\d{1,2})\s*[日号]?" + _SEP +
                         r"(?P<d2>\d{1,2})\s*[日号]")
_YMD_DAYS = regex.compile(r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<mo>\d{1,2})\s*月\s*(?P<d1>\d{1,2})"
                          r"\s*[日号]?" + _SEP + r"(?P<d2>\d{1,2})\s*[日号]")
_YMD_MD = regex.compile(r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<mo>\d{1,2})\s*月\s*(?P<d1>\d{1,2})"
                        r"\s*[日号]?" + _SEP + r"(?P<mo2>\d{1,2})\s*月\s*(?P<d2>\d{1,2})\s*[日号]")
_YM_MONTHS = regex.compile(r"(?<!\d)(?P<y>\d{4})\s*年\s*(?P<mo>\d{1,2})\s*月" + _SEP +
                           r"(?P<mo2>\d{1,2})\s*月份?(?!\s*\d)")
_YEARS = regex.compile(r"(?<!\d)(?P<y1>\d{4})\s*年?" + _SEP + r"(?P<y2>\d{4})\s*年(?![\p{Han}\d])")
# 至 left between two dates written the English way: "August 30 至 September 2"
_MONTH = "|".join(MONTH_NAMES)
_TO_DATE = regex.compile(rf"(?<=\b(?:{_MONTH})\s\d{{1,2}}(?:,\s\d{{4}})?|\b\d{{4}})\s*[至到]\s*"
                         rf"(?=(?:{_MONTH})\b|\d{{4}}\b)")


_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_ZH_NUM = "[零〇一二两三四五六七八九十]+"


def zh_small_number(text: str) -> int | None:
    """The value of a Chinese numeral below 100 (``五`` 5, ``十二`` 12, ``三十五`` 35).

    >>> zh_small_number("三十五"), zh_small_number("十"), zh_small_number("百")
    (35, 10, None)
    """
    if not text or any(c not in _DIGITS and c != "十" for c in text):
        return None
    if "十" not in text:
        return _DIGITS[text] if len(text) == 1 else None
    tens, _, units = text.partition("十")
    if "十" in units or len(tens) > 1 or len(units) > 1:
        return None
    t = _DIGITS[tens] if tens else 1
    u = _DIGITS[units] if units else 0
    return t * 10 + u


def _plain(d: Decimal) -> str:
    s = format(d.normalize(), "f")
    return s


def _wan_words(wan: Decimal) -> str | None:
    """So many 万 in English: grouped digits below a million (``3万`` 30,000), and
    millions from there on, as 亿 are written, where two decimals say it (``1,200万``
    12 million, ``260万`` 2.6 million): ``30,000,000 yuan`` beside ``1.26 billion
    yuan`` read unevenly. A finer figure keeps its digits (``186.53万`` 1,865,300)."""
    n = wan * 10000
    if _in_millions(n):
        return f"{_plain(n / 1_000_000)} million"
    return _grouped(n)


def _in_millions(n: Decimal) -> bool:
    return n >= 1_000_000 and (n / 10_000) == (n / 10_000).to_integral_value()


def _grouped(d: Decimal) -> str | None:
    if d != d.to_integral_value():
        return None
    return f"{int(d):,}"


# a number that goes on after its 万 or 亿 (3亿5000万, 2万4801) is one number: the two
# forms with digits are read whole, and the others (1万2千) left for an editor
_GOES_ON = r"(?![\d零〇一二两三四五六七八九十百千])"
_YI_WAN = regex.compile(r"(?<![\d.,])(\d+)\s*亿\s*(\d{1,4})\s*万" + _GOES_ON)
# (no space after 万: "1万 80-year-olds" is 10,000 of them)
_WAN_REST = regex.compile(r"(?<![\d.,亿])(\d+)\s*万(\d{1,4})(?![\d.万亿千百]|,\d)")
# a number, with its thousands grouped or not ("2,000万元", "1,218.6亿元")
_NUM = r"(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
# what the counted are, after the number (名 and 个 count what the English names next;
# 人 before another Chinese letter is a word's: 3万人民币)
_COUNTER = rf"(?P<what>人次|[{ZH_COUNTERS}](?!\p{{Han}}))"
_WAN = regex.compile(r"(?<![\d.,亿])" + _NUM + r"\s*万(?!亿)" + _GOES_ON + _COUNTER + "?")
_YI = regex.compile(r"(?<![\d.,])" + _NUM + r"\s*亿" + _GOES_ON + _COUNTER + "?")
# a plain number and its counter: "1000个 stations", "500人"
# (not an ordinal's, 第2名, nor a range's second end, 140至160家, which keeps its unit)
_COUNTED_NUMBER = regex.compile(r"(?<![\d.,第至到~～\-－–—])" + _NUM + r"\s*" + _COUNTER)
# a number that goes on (百分之三十五点五, 百分之一百二十) is left for an editor
_PERCENT = regex.compile(r"百分之\s*(\d+(?:\.\d+)?|" + _ZH_NUM + r")"
                         r"(?![点.\d零〇一二两三四五六七八九十百千万])")
_YUAN = regex.compile(r"(?<=\d|\d million|\d billion)\s*(?:元(?:人民币)?(?!旦|素|首|老|宵|朝|代)|"
                      r"人民币)")


# a span that shares its 万 or 亿: 1-2万 is 10,000-20,000, 5至6亿 500 to 600 million
_GROUPED = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_WAN_SPAN = regex.compile(rf"(?<![\d.,])(?P<a>{_GROUPED})" + _SEP + rf"(?P<b>{_GROUPED})\s*万"
                          r"(?![亿余多])" + _GOES_ON + _COUNTER + "?")
_YI_SPAN = regex.compile(rf"(?<![\d.,])(?P<a>{_GROUPED})" + _SEP + rf"(?P<b>{_GROUPED})\s*亿"
                         r"(?![余多])" + _GOES_ON + _COUNTER + "?")
_TRILLION = regex.compile(r"(?<![\d.,])(\d+(?:\.\d+)?)\s*万亿" + _GOES_ON)
# 2万余名, 3亿多: more than so many (名, 个, 户 ... count them; 人 are people)
_MORE_THAN = regex.compile(r"(?<![\d.,])(?P<n>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*"
                           r"(?P<unit>万|亿)\s*[余多]\s*"
                           r"(?P<what>人次|[名个户人])?")
# what the counted are, in English (名 and 个 count what the English names next)
_COUNTED = {"人": " people", "人次": " person-times", "户": " households"}
_SAID_MORE = regex.compile(r"\b(?:more\s+than|over|above|about|some|nearly|almost)\s*\Z",
                           regex.IGNORECASE)


def _span(m: regex.Match) -> str | None:
    number, words = _span_number(m), _counter_words(m)
    return None if number is None or words is None else number + words


def _counter_words(m: regex.Match) -> str | None:
    """What a number's counter says in English after it: "people" for 人, nothing for
    名 and 个 (the English names what they count), nor where an English noun follows
    ("500户 families", "5000人 athletes"); a bare 1 is a person. None: the number is
    left as it is, for an editor (a counter with nothing after it that says what it
    counts, "30家.", or a Chinese word after the number, "2.3万张").

    >>> render_zh_numbers("1万人 and 1人, 5000人 athletes, 5000人 took part; 30家. 500名.")
    '10,000 people and 1 person, 5000 athletes, 5000 people took part; 30家. 500 people.'
    """
    what = m.groupdict().get("what")
    after = m.string[m.end():m.end() + 1]
    if not what:
        return None if after and _HAN_CHAR.match(after) and after != "元" \
            and not m.string.startswith("人民币", m.end()) else ""
    if _NOUN_NEXT.match(m.string, m.end()):
        return ""
    words = _COUNTED.get(what)
    if words is None:  # 名, 个, 位, 家 with no noun after them
        if _WORD_NEXT.match(m.string, m.end()):
            return ""  # "1000个 stations": the English names what is counted
        return " people" if what in "名位" else None
    if m.re is _COUNTED_NUMBER and m.group(1) == "1":
        return _ONE_COUNTED[what]
    return words


# the English nouns that name who a counter counts, after it: "500户 families", "5人
# team members" (a verb after, "3万人 took part", keeps "people")
_NOUN_NEXT = regex.compile(
    r"\s*(?:(?:team|staff|family|household|community|party|village|resident)\s+)?"
    r"(?:famil(?:y|ies)|households?|homes?|residents?|people|persons?|volunteers?|members?|"
    r"workers?|staff|children|kids|students?|elderly|seniors?|villagers?|citizens?|"
    r"patients?|participants?|visitors?|nurses?|doctors?|teachers?|officials?|employees?|"
    r"orphans?|veterans?|recipients?|beneficiar(?:y|ies)|individuals?|applicants?|"
    r"migrants?|farmers?|herders?|tourists?|passengers?|athletes?|journalists?|reporters?|"
    r"delegates?|representatives?|experts?|guests?|attendees?|trainees?|graduates?|"
    r"soldiers?|victims?|survivors?|donors?|couples?|teams?|"
    r"social\s+workers?|caregivers?|carers?|cadres?|deputies|leaders?|players?)\b")
# a lower-case word after a counter with nothing said: "500名." is 500 people, "500名
# nurses" 500 nurses
_WORD_NEXT = regex.compile(r"\s*(?!(?:in|on|at|of|and|or|to|for|with|from|by|across|each|per|"
                          r"were|was|are|is|have|had|has|will|would|could|can|all)\b)[a-z]")
_ONE_COUNTED = {"人": " person", "人次": " person-time", "户": " household"}


def _span_number(m: regex.Match) -> str | None:
    a, b = to_float(m["a"].replace(",", "")), to_float(m["b"].replace(",", ""))
    if a is None or b is None or a >= b:
        return None  # "5000-2万" is 5000 to 20,000: each end keeps its own unit
    joiner = _joiner(m["sep"])
    if m.re is _WAN_SPAN:
        low, high = (Decimal(x.replace(",", "")) for x in (m["a"], m["b"]))
        if _in_millions(low * 10000) and _in_millions(high * 10000):  # "10-20 million"
            return f"{_plain(low / 100)}{joiner}{_plain(high / 100)} million"
        ends = [_grouped(x * 10000) for x in (low, high)]
        if not _in_millions(low * 10000):
            ends[1] = _wan_words(high)
        return None if None in ends else f"{ends[0]}{joiner}{ends[1]}"
    low, high = (Decimal(x.replace(",", "")) * 100 for x in (m["a"], m["b"]))  # millions
    if high < 1000:
        return f"{_plain(low)}{joiner}{_plain(high)} million"
    if low >= 1000:
        return f"{_plain(low / 1000)}{joiner}{_plain(high / 1000)} billion"
    return f"{_plain(low)} million to {_plain(high / 1000)} billion"


def _trillion(m: regex.Match) -> str | None:
    return None if to_float(m.group(1)) is None else f"{_plain(Decimal(m.group(1)))} trillion"


def _more_than(m: regex.Match) -> str | None:
    if to_float(m["n"].replace(",", "")) is None:
        return None
    n = Decimal(m["n"].replace(",", ""))
    number = _wan_words(n) if m["unit"] == "万" else _yi_words(n * 100)
    if number is None:
        return None
    said = _SAID_MORE.search(m.string, max(0, m.start() - 20), m.start())
    counted = "" if _NOUN_NEXT.match(m.string, m.end()) else _COUNTED.get(m["what"] or "", "")
    return f"{number}{counted}" if said else f"more than {number}{counted}"


def _yi_words(millions: Decimal) -> str:
    if millions >= 1000:
        return f"{_plain(millions / 1000)} billion"
    return f"{_plain(millions)} million"


def _wan(m: regex.Match) -> str | None:
    try:
        number = _wan_words(Decimal(m.group(1).replace(",", "")))
    except InvalidOperation:
        return None
    words = _counter_words(m)
    return None if number is None or words is None else number + words


def _counted(m: regex.Match) -> str | None:
    words = _counter_words(m)
    if to_float(m.group(1).replace(",", "")) is None or words is None:
        return None
    return m.group(1) + words


def _wan_rest(m: regex.Match) -> str | None:
    """2万4801 is 24,801, and 1万5 15,000 (one digit after 万 is its thousands, as
    spoken); 1万50 is left for an editor."""
    wan, rest = to_int(m.group(1)), to_int(m.group(2))
    if wan is None or rest is None or len(m.group(2)) in (2, 3):
        return None
    return f"{wan * 10000 + rest * (1000 if len(m.group(2)) == 1 else 1):,}"


def _yi(m: regex.Match) -> str | None:
    if to_float(m.group(1).replace(",", "")) is None:
        return None  # digits no number (see pipeline.stages.digits)
    millions = Decimal(m.group(1).replace(",", "")) * 100
    if m.re is _YI_WAN:  # and so many 万: hundredths of a million each
        if to_int(m.group(2)) is None:
            return None
        millions += Decimal(m.group(2)) / 100
    words = _counter_words(m)
    return None if words is None else _yi_words(millions) + words


def _percent(m: regex.Match) -> str | None:
    value = m.group(1)
    if not value[0].isdigit():
        n = zh_small_number(value)
        if n is None:
            return None
        value = str(n)
    return f"{value} percent"


_NUMBER_CHARS = regex.compile(f"[万亿元百年以{ZH_COUNTERS}]")


@rule("repair.zh_numbers_in_english", lang="en", order=42)
def render_zh_numbers(text: str) -> str:
    """Write numbers left in Chinese form (``1.2万``, ``3亿``, ``百分之五``) the English way.

    ``1.2万`` is 12,000, ``3亿`` 300 million, ``百分之五`` 5 percent, ``500元`` 500 yuan;
    ``3亿5000万`` is 350 million, ``2万4801`` 24,801 and ``1万5`` 15,000 (a number
    written on after its 万 or 亿 in Chinese numerals, ``1万2千``, is left as it is, and
    so is ``1万50``, which may be 10,050 or 15,000).

    >>> render_zh_numbers("More than 1.2万 people and 3亿 yuan; 百分之五 of them.")
    'More than 12,000 people and 300 million yuan; 5 percent of them.'
    >>> render_zh_numbers("1万5 residents, 2万4801 people, 1万50 seats")
    '15,000 residents, 24,801 people, 1万50 seats'
    >>> render_zh_numbers("a budget of 500元")
    'a budget of 500 yuan'
    >>> render_zh_numbers("train 1万名 nurses, help 3万人, build 1000个 stations, 2,000万元")
    'train 10,000 nurses, help 30,000 people, build 1000 stations, 20 million yuan'
    >>> render_zh_numbers("4.5万 (45,000) and 1,120 yuan (1120元), 3 (4)")
    '45,000 and 1,120 yuan, 3 (4)'
    >>> render_zh_numbers("1,200万元, 260万元, 100万人, 50-300万元")
    '12 million yuan, 2.6 million yuan, 1 million people, 500,000-3 million yuan'
    >>> render_zh_numbers("752元/人·月 for 85%以上, 10万元以上, 1万元/年, over 3-5年")
    '752 yuan per person per month for 85% or more, 100,000 yuan or more, 10,000 yuan per year, over 3-5 years'
    """
    if text.isascii() or not _NUMBER_CHARS.search(text) or mostly_mixed(text):
        return text
    text = _sub(_TRILLION, text, _trillion)
    text = _sub(_MORE_THAN, text, _more_than)
    text = _sub(_WAN_SPAN, text, _span)
    text = _sub(_YI_SPAN, text, _span)
    text = _sub(_YI_WAN, text, _yi)
    text = _sub(_YI, text, _yi)
    text = _sub(_WAN_REST, text, _wan_rest)
    text = _sub(_WAN, text, _wan)
    text = _sub(_PERCENT, text, _percent)
    text = _sub(_COUNTED_NUMBER, text, _counted)
    text = _sub(_YUAN, text, lambda m: "yuan")
    text = _sub(_PER, text, _per)
    text = _sub(_YEARS_SPAN, text, _years_span)
    text = _sub(_OR_MORE, text, _or_more)
    return _SAME_GLOSS.sub(_one_gloss, text) if "(" in text else text


# a number written again in brackets after it, as MT's source glossed it ("4.5万
# (45,000)", "1,120 yuan (1120元)"): once rendered, the two say the same
_AMOUNT = r"\d[\d,]*(?:\.\d+)?(?: (?:million|billion|trillion))?(?: (?:yuan|people|percent))?"
_SAME_GLOSS = regex.compile(rf"(?<![\d.,])(?P<a>{_AMOUNT}) ?[(（](?P<b>{_AMOUNT})[)）]")


def _one_gloss(m: regex.Match) -> str:
    same = m["a"].replace(",", "") == m["b"].replace(",", "")
    return m["a"] if same else m.group(0)


# what an amount is per: "752元/人·月" is 752 yuan per person per month
_PER_WORDS = {"人": "person", "户": "household", "月": "month", "年": "year", "天": "day",
              "日": "day", "次": "time"}
_PER = regex.compile(r"(?<=yuan)\s*[/／]\s*(?P<a>[人户月年天日次])(?:\s*[·•/／]\s*(?P<b>[月年天日]))?"
                     r"(?!\p{Han})")


def _per(m: regex.Match) -> str:
    # (no space of its own: _sub puts one between the word before and this)
    out = f"per {_PER_WORDS[m['a']]}"
    return out + (f" per {_PER_WORDS[m['b']]}" if m["b"] else "")


def _or_more(m: regex.Match) -> str:
    words = "or more" if m["w"] == "以上" else "or less"
    return (" " if m.string[m.start() - 1:m.start()] == "%" else "") + words


# a span of years after a number of them: "3-5年" is 3-5 years (a year has four digits)
_YEARS_SPAN = regex.compile(r"(?<![\d.,])(?P<a>\d{1,2})\s*(?P<sep>[-－–~～至到])\s*(?P<b>\d{1,2})"
                            r"\s*年(?![\p{Han}\d])")


def _years_span(m: regex.Match) -> str | None:
    if int(m["a"]) >= int(m["b"]):
        return None
    return f"{m['a']}{_joiner(m['sep'])}{m['b']} years"


# "10万元以上", "85%以上": so much or more; 以下 after a number, or less
_OR_MORE = regex.compile(r"(?<=\d|\d%|yuan|people|persons|households|percent|years)\s*"
                         r"(?P<w>以上|以下)(?!\p{Han})")


# --- a Chinese outline number opening an English block ---------------------------------

# 一、 (a section: "I."), （一） (a subsection: "(1)"), 第一条 (an article: "Article 1"),
# before English words
_OUTLINE = regex.compile(
    r"\A(?:(?P<section>[一二三四五六七八九十]{1,3})、|[（(](?P<sub>[一二三四五六七八九十]{1,3})[)）]|"
    # (an article's text opens with a capital: "第一条 high-speed railway" is the first
    # line, 条 counting it)
    r"第(?P<article>[一二三四五六七八九十]{1,3})条(?=[ \u3000]*[A-Z\"“‘(（]))[ \u3000]*"
    r"(?=[A-Za-z\"“‘(（])")
_OUTLINE_OPENERS = frozenset("一二三四五六七八九十（(第")
_ROMAN = (("XC", 90), ("L", 50), ("XL", 40), ("X", 10), ("IX", 9), ("V", 5), ("IV", 4), ("I", 1))


def roman(n: int) -> str:
    """>>> roman(4), roman(14), roman(39), roman(40), roman(99)
    ('IV', 'XIV', 'XXXIX', 'XL', 'XCIX')
    """
    out = ""
    for letters, value in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


@rule("repair.zh_outline_numbers", lang="en", order=8)
def render_zh_outline_numbers(text: str) -> str:
    """Write a Chinese document's outline number that MT left before English words as
    English documents number their parts: ``一、`` a section (``I.``), ``（一）`` a
    subsection (``(1)``), ``第一条`` an article (``Article 1``).

    >>> render_zh_outline_numbers("二、Scope of inspection")
    'II. Scope of inspection'
    >>> render_zh_outline_numbers("（三）Self-inspection stage（March 20 to April 30）")
    '(3) Self-inspection stage（March 20 to April 30）'
    >>> render_zh_outline_numbers("第十二条 In order to regulate charity, ...")
    'Article 12 In order to regulate charity, ...'
    >>> render_zh_outline_numbers("一、二、三级响应")  # Chinese, not an outline number
    '一、二、三级响应'
    >>> render_zh_outline_numbers("第一条 high-speed railway in southern Xinjiang opened")
    '第一条 high-speed railway in southern Xinjiang opened'
    """
    if not text or text[0] not in _OUTLINE_OPENERS:
        return text
    m = _OUTLINE.match(text)
    if m is None:
        return text
    n = zh_small_number(m.group("section") or m.group("sub") or m.group("article"))
    if n is None:
        return text
    if m.group("section"):
        opening = f"{roman(n)}. "
    elif m.group("sub"):
        opening = f"({n}) "
    else:
        opening = f"Article {n} "
    return opening + text[m.end():]
