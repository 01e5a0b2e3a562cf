"""Stage: quality checks. A check reports findings; it never changes text or raises."""
from __future__ import annotations

import regex

from ..registry import check
from .glossary import deliberate_chinese, glossed_chinese
from .digits import to_int
from .months import MONTH_NAMES

# a run of Han characters, possibly with middle dots or digits inside (李·明, 5G网络)
_HAN_RUN = regex.compile(r"\p{Han}(?:[\p{Han}\d·]*\p{Han})?")


@check("qa.untranslated", severity="major", lang="en")
def english_has_no_chinese(text: str, *, config=None):
    """Chinese characters left untranslated in English text, one finding per span.

    >>> list(english_has_no_chinese("News from 华声在线 today"))
    [('untranslated Chinese left in English text: 华声在线', '华声在线')]
    >>> [s for _, s in english_has_no_chinese("a loving, fearful懼, man（暫）")]
    ['懼', '暫']
    >>> list(english_has_no_chinese("the Ministry of Civil Affairs (民政部) said"))
    []
    >>> list(english_has_no_chinese("Terms: community 社区, subsistence allowance 低保"))
    []
    >>> list(english_has_no_chinese('a "Neighbourhood Home" (睦邻之家) in each community'))
    []
    """
    if text.isascii():
        return
    for m in _HAN_RUN.finditer(text):
        # "Affairs (民政部)" and a word list's "community 社区" are glosses
        if not deliberate_chinese(text, m.start(), m.end()) and \
                not glossed_chinese(text, m.start(), m.end(), config):
            yield f"untranslated Chinese left in English text: {m.group(0)}", m.group(0)


@check("qa.repeated_headline", severity="minor", kinds=("duplicate",))
def headline_not_repeated(text: str):
    """A paragraph that only repeats the headline (kept in the record, hidden from reading).

    >>> list(headline_not_repeated("The 23rd Lao Niu Philanthropy Class was held"))
    [('the headline is repeated as the first paragraph', 'The 23rd Lao Niu Philanthropy Class was held')]
    """
    yield "the headline is repeated as the first paragraph", text


# renderings that MT systems give to Chinese site names, with the likely source name
SUSPECT_SITES = {
    "CNN": "中新网 (China News Service, chinanews.com)",
    "China New Network": "中新网 (China News Service, chinanews.com)",
    "Zhongxin network": "中新网 (China News Service, chinanews.com)",
}


@check("qa.suspect_rendering", severity="major", scope="item", lang="en")
def site_rendered_faithfully(item):
    """Site names that MT renders as a different organisation (中新网 becomes "CNN").

    >>> from pipeline.runner import clean_text
    >>> item = clean_text("Hurricane Hanna makes landfall in Texas - CNN\\n\\nText.")
    >>> [(c.block, c.span) for c in item.checks if c.check == "qa.suspect_rendering"]
    [(0, 'CNN')]
    >>> item = clean_text("CNN: rainstorm hits Chongqing - chinanews.com\\n\\nText.")
    >>> [(c.block, c.span) for c in item.checks if c.check == "qa.suspect_rendering"]
    [(0, 'CNN')]
    """
    meta = item.meta_dict
    site = " | ".join(str(v) for k, v in meta.items() if k == "site" or k.startswith("site_"))
    if not site:
        return  # both findings below need a site name
    at = next((i for i, b in enumerate(item.blocks) if b.kind == "title"), 0)
    for name, real in SUSPECT_SITES.items():
        if _mentions(site, name):
            yield (at, f"site name {name!r} is probably an MT rendering of {real}; "
                   "check the source", "en", name)
    # the page is chinanews, yet its English headline names CNN
    if _CHINANEWS.search(site):
        title = item.blocks[at].en if item.blocks else None
        if title and _mentions(title, "CNN"):
            yield (at, "'CNN' in a headline from chinanews.com is probably an MT "
                   "rendering of 中新网 (China News Service)", "en", "CNN")


_CHINANEWS = regex.compile(r"中新网|chinanews|China\s+News", regex.IGNORECASE)
_NAMES = {name: regex.compile(rf"(?<![\w.]){regex.escape(name)}(?![\w.])")
          for name in (*SUSPECT_SITES, "CNN")}


def _mentions(text: str, name: str) -> bool:
    return bool(_NAMES[name].search(text))


_FOOTNOTE = regex.compile(r"(?<![\w-])(\p{Ll}{4,})(\d{1,2})(?=[\s,.;:)\]]|\Z)")
# a digit after a small letter, which every _FOOTNOTE match holds (scanning for digits
# and looking back is faster than scanning for letters)
_GLUED_DIGIT = regex.compile(r"(?<=\p{Ll})\d")
_ALNUM_WORDS = frozenset({"covid", "mp", "h", "g", "v", "windows", "iphone", "python", "web",
                          "ipv", "utf", "sha", "md", "base", "html", "http", "ascii"})


@check("qa.footnote_digit", severity="minor", lang="en")
def footnotes_not_glued(text: str):
    """A footnote number glued to a word (``registration1``): the note was lost in MT.

    >>> list(footnotes_not_glued("the direct registration1 of social organizations"))
    [('footnote digit glued to a word: registration1', 'registration1')]
    >>> list(footnotes_not_glued("covid19 cases rose; see COVID-19."))
    []
    """
    if not _GLUED_DIGIT.search(text):
        return  # the common case, and a cheaper scan than the full pattern
    for m in _FOOTNOTE.finditer(text):
        if m.group(1).casefold() in _ALNUM_WORDS:
            continue
        yield f"footnote digit glued to a word: {m.group(0)}", m.group(0)


# "9 1 days": MT of 9月1日 (September 1) read as numbers and "day"
_GARBLED_DATE = regex.compile(r"(?<![\d,.])\b(1[0-2]|[1-9]) ([12]\d|3[01]|[1-9]) days?\b")


@check("qa.garbled_date", severity="major", lang="en")
def dates_not_garbled(text: str):
    """A Chinese date garbled by MT: ``9 1 days`` for 9月1日 (September 1).

    >>> list(dates_not_garbled("The rules take effect on 9 1 days."))
    [('looks like a garbled Chinese date (9月1日, September 1?): 9 1 days', '9 1 days')]
    >>> list(dates_not_garbled("It lasted 10 days, then 3 more days."))
    []
    """
    if " day" not in text:
        return  # a plain substring test spares the pattern most texts
    for m in _GARBLED_DATE.finditer(text):
        month = to_int(m.group(1))
        if month is None or not 1 <= month <= 12:
            continue
        yield (f"looks like a garbled Chinese date ({m.group(1)}月{m.group(2)}日, "
               f"{MONTH_NAMES[month - 1]} {m.group(2)}?): {m.group(0)}", m.group(0))
