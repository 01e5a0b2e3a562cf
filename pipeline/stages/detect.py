"""Stage: detect the language of every block: ``zh``, ``en`` or ``und``.

A script count decides most blocks at once (Han against Latin letters). Latin text that
is clearly English by its function words is ``en`` without further cost; only longer Latin
blocks without that evidence go to langdetect, seeded so the answer never changes between
runs. Short blocks that the script test cannot settle (headings such as "Innovation
paradigm", which langdetect calls Italian) inherit the document's language.
"""
from __future__ import annotations

import re
from functools import lru_cache

import regex

from ..interrupts import held_signals
from .digits import ZH_COUNTERS
from .normalize import INVISIBLE_CLASS

_HAN = regex.compile(r"\p{Han}+")  # runs: counting them costs one match per run
_LATIN = regex.compile(r"[A-Za-z\p{Latin}]+")
_ASCII_LETTERS = bytes(range(65, 91)) + bytes(range(97, 123))
_NOT_ASCII = re.compile(r"[^\x00-\x7f]+")
_ASCII_LETTER = re.compile(r"[A-Za-z]")
# (control and zero-width characters after it too: normalize removes them, and the
# block must read the same before and after)
_HAN_SUFFIX = regex.compile(r"(?:\s*[-–—|_]\s*[\p{Han}\s]+)+"
                            + INVISIBLE_CLASS + r"*\Z")
_SUFFIX_SEPARATOR = re.compile(r"[-–—|_]")
MAX_SUFFIX_CHARS = 60  # site names and breadcrumbs are short; look no further back
_WORD = re.compile(r"[A-Za-z]+(?:'[a-z]+)?")  # ASCII only: the standard re is quicker
_FUNCTION_WORDS = frozenset(
    "the of and to in is was are were for on with that by as at from this be has have "
    "an a it its their which will said also more than been not or".split())
# Function words that other Latin-script languages write too (French "a", "on", "as"):
# one of them alone does not make a text English.
_SHARED_WORDS = frozenset("a on as in an be".split())
# langdetect is slow (milliseconds a block) and unreliable on few words (headlines come
# out Italian or Afrikaans): below this many words, Latin text is English.
MIN_WORDS_FOR_MODEL = 16


@lru_cache(maxsize=1)
def _langdetect():
    from langdetect import DetectorFactory, detect_langs, detector_factory

    DetectorFactory.seed = 0
    if detector_factory._factory is None:
        # loaded whole or not at all: an interrupt while the profiles load would become
        # langdetect's format error and leave some languages out, and the answers of
        # the rest of the run (and of every worker forked after it) would change
        with held_signals():
            try:
                detector_factory.init_factory()
            except BaseException:
                detector_factory._factory = None
                raise
    return detect_langs


def script_lang(text: str) -> tuple[str, int, int]:
    """Language by script alone, with the Han and Latin letter counts.

    A trailing Chinese site name or breadcrumb on an English headline (``Tea expo opens -
    湖南日报网 - 华声在线``) does not make the headline Chinese.

    >>> script_lang("民政部")[0], script_lang("Civil affairs")[0], script_lang("2022-08-17")[0]
    ('zh', 'latin', 'und')
    >>> script_lang("Tea expo opens - 视点头条 - 湖南日报网 - 华声在线")[0]
    'latin'
    """
    return _count_scripts(_without_han_suffix(text))


def _count_han(text: str) -> int:
    # counted by deleting runs: a list of every letter would cost memory and time
    return len(text) - len(_HAN.sub("", text))


def _count_scripts(text: str, han: int | None = None) -> tuple[str, int, int]:
    """(``han``: the Han count of a text that is not ASCII, when known already.)"""
    if text.isascii():
        han = 0
        latin = _ascii_letters(text.encode("ascii"))
    else:
        if han is None:
            han = _count_han(text)
        # ASCII letters counted apart: the pattern then reads only the other characters
        # (the text is mostly not Han here, most often English with a few curly quotes)
        beyond = "".join(_NOT_ASCII.findall(text))
        latin = (_ascii_letters(text.encode("ascii", "ignore"))
                 + len(beyond) - len(_LATIN.sub("", beyond)))
    if han == 0 and latin == 0:
        # no letters; Chinese punctuation is typed in Chinese text ("。" alone)
        return ("zh" if _CHINESE_PUNCTUATION.search(text) else "und"), 0, 0
    # one Han character carries about as much as a short English word
    if han * 3 >= latin or (han and _names_in_chinese(text)):
        return "zh", han, latin
    return "latin", han, latin


# Characters that Chinese grammar uses and names rarely do: a Chinese sentence that is
# mostly Latin names ("EverGrow与Shiba Inu非常不同。") still has one of them.
_CHINESE_GRAMMAR = regex.compile(
    r"[的了是在和与也还有将被对把等吗呢着过都就这那其为及或但而并]")
_CHINESE_PUNCTUATION = re.compile(r"[，。、？！；：]")


def _names_in_chinese(text: str) -> bool:
    """Is a text with more Latin letters than Han characters Chinese with Latin names
    in it? Only if it has Chinese punctuation, Chinese grammar among its Han characters
    (的, 和, 与, 吗 ...) and at most one lower-case English function word among its Latin
    words. English quoting a Chinese name or phrase fails one of these, and an English
    line with Chinese left untranslated stays English, for ``qa.untranslated`` to see.

    >>> _names_in_chinese("其他球员还有 Nelson Semedo、Junior Firpo 和 Arturo Vidal。")
    True
    >>> _names_in_chinese("The Lao Niu Foundation (老牛基金会) held a training")
    False
    >>> _names_in_chinese("Innovation paradigm 创新的范式")
    False
    """
    if not _CHINESE_PUNCTUATION.search(text) or not _CHINESE_GRAMMAR.search(text):
        return False
    seen = 0
    for m in _WORD.finditer(text):
        if m.group(0) in _FUNCTION_WORDS:  # as written: "The Economist" does not count
            seen += 1
            if seen > 1:
                return False
    return True


def _ascii_letters(data: bytes) -> int:
    return len(data) - len(data.translate(None, _ASCII_LETTERS))


def _without_han_suffix(text: str) -> str:
    start = max(0, len(text) - MAX_SUFFIX_CHARS)
    # a suffix holds a separator, so most text is settled by one cheap search
    if not text.isascii() and _SUFFIX_SEPARATOR.search(text, start):
        suffix = _HAN_SUFFIX.search(text, start)
        if suffix and _LATIN.search(text, 0, suffix.start()):
            return text[:suffix.start()]
    return text


def _script(text: str) -> str:
    """``script_lang(text)[0]``, without counting Latin letters when the Han characters
    alone decide: Latin letters are at most the characters that are not Han, so a text
    at least a quarter Han is Chinese whatever they are."""
    if text.isascii():  # no Han, so no suffix to cut, and one letter decides
        return "latin" if _ASCII_LETTER.search(text) else "und"
    text = _without_han_suffix(text)
    if text.isascii():
        return _count_scripts(text)[0]
    common = _count_common_han(text)
    if common and 4 * common >= len(text) and not (
            2 * common < len(text) and _LOWER_WORD.search(text)):
        # (a lower bound of the Han count is enough; a short English sentence whose
        # Han are a date's, "held on 2022年8月12日至9月1日.", is tested below)
        return "zh"
    if common and _NUMBER_UNIT.search(text):
        # the units MT leaves after English numbers ("Total: 186.53万元", "3万余人") are
        # no Chinese words
        rest = _NUMBER_UNIT.sub("", text)
        if rest.isascii() and _LOWER_WORD.search(rest):
            # (a Chinese page's "GDP 5000亿元" has no English word but an initialism)
            return _count_scripts(rest)[0]
    han = _count_han(text)
    if han and 4 * han >= len(text):
        return "zh"
    return _count_scripts(text, han)[0]


_LOWER_WORD = regex.compile(r"[a-z]{2}")
# (and the parts of a date, 2022年8月12日至9月1日, and a percentage, 百分之十二)
_NUMBER_UNIT = regex.compile(rf"(?<=\d)\s*(?:[万亿千百]{{0,2}}[余多]?(?:元|人次|[{ZH_COUNTERS}])|"
                          r"[万亿]{1,2}[余多]?|[年月日号](?:\s*[至到](?=\s*\d))?)"
                          # (what a sum is per, and so much or more: 752元/人·月, 10万元以上)
                          r"(?:\s*[/／]\s*[人户月年天日次](?:\s*[·•/／]\s*[月年天日])?)?"
                          r"(?:\s*以[上下])?|"
                          # (a Chinese outline number before English: 十一、Funds)
                          r"\A\s*(?:[一二三四五六七八九十]{1,3}、|[（(][一二三四五六七八九十]{1,3}[)）]|"
                          r"第[一二三四五六七八九十]{1,3}条)|"
                          r"百分之[零〇一二两三四五六七八九十百点]+")
# the high bytes, in UTF-16, of U+4E00-U+9EFF: Han letters all (a test checks), and
# most of any Chinese text
_COMMON_HAN_HIGH = bytes(range(0x4E, 0x9F))


def _count_common_han(text: str) -> int:
    """How many characters of ``text`` are in U+4E00-U+9EFF, counted on the high bytes
    of its UTF-16 form (a character outside the BMP gives two surrogates, high bytes
    D8-DF): a third of the cost of the pattern that counts every Han letter."""
    high = text.encode("utf-16-le", "surrogatepass")[1::2]
    return len(high) - len(high.translate(None, _COMMON_HAN_HIGH))


def is_latin(text: str) -> bool:
    """Is ``text`` written in Latin letters (a block without a language may be: text
    that langdetect does not call English, such as a list of names)?"""
    return _script(text) == "latin"


def detect_block(text: str, doc_lang: str | None = None) -> str:
    """The language of one block.

    >>> detect_block("Innovation paradigm", "en")
    'en'
    >>> detect_block("The Ministry of Civil Affairs held a meeting in Beijing.")
    'en'
    >>> detect_block("民政部召开会议。")
    'zh'
    """
    lang = _script(text)
    if lang != "latin":
        return lang
    count = weak = 0
    for m in _WORD.finditer(text):  # stops at the first telling function word
        word = m.group(0).lower()
        if word in _FUNCTION_WORDS:
            if word not in _SHARED_WORDS:
                return "en"
            weak += 1
            if weak >= 2:
                return "en"
        count += 1
    if count < MIN_WORDS_FOR_MODEL:
        return "en"
    english = _model_says_english(text)
    if english is None:
        return doc_lang or "und"
    return "en" if english else "und"


@lru_cache(maxsize=8192)
def _model_says_english(text: str) -> bool | None:
    """langdetect's verdict (None: no features). It costs milliseconds per block, and
    boilerplate lines repeat across a corpus, so answers are remembered (the seeded
    model gives the same answer for the same text anyway)."""
    try:
        return _langdetect()(text)[0].lang == "en"
    except Exception:  # langdetect raises on text without features
        return None
