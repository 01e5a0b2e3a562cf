"""Stage: detect the language of every block: ``zh``, ``en`` or ``und``.

A script count decides most blocks at once (Han against Latin letters). Latin text that
is clearly English by its function words is ``en`` without further cost; only longer Latin
blocks without that evidence go to langdetect, seeded so the answer never changes between
runs. Short blocks that the script test cannot settle (headings such as "Innovation
paradigm", which langdetect calls Italian) inherit the document's language.
"""
from __future__ import annotations

from functools import lru_cache

import regex

_HAN = regex.compile(r"\p{Han}+")
_LATIN = regex.compile(r"[A-Za-z\p{Latin}]+")
_WORD = regex.compile(r"[A-Za-z]+(?:'[a-z]+)?")
_FUNCTION_WORDS = frozenset(
    "the of and to in is was are were for on with that by as at from this be has have "
    "an a it its their which will said also more than been not or".split())
# langdetect is slow and unreliable on few words; below this, inherit the document's.
MIN_WORDS_FOR_MODEL = 6


@lru_cache(maxsize=1)
def _langdetect():
    from langdetect import DetectorFactory, detect_langs

    DetectorFactory.seed = 0
    return detect_langs


def script_lang(text: str) -> tuple[str, int, int]:
    """Language by script alone, with the Han and Latin letter counts.

    >>> script_lang("民政部")[0], script_lang("Civil affairs")[0], script_lang("2022-08-17")[0]
    ('zh', 'latin', 'und')
    """
    # counted by deleting runs: a list of every letter would cost memory and time
    han = len(text) - len(_HAN.sub("", text))
    latin = len(text) - len(_LATIN.sub("", text))
    if han == 0 and latin == 0:
        return "und", 0, 0
    # one Han character carries about as much as a short English word
    if han * 3 >= latin:
        return "zh", han, latin
    return "latin", han, latin


def detect_block(text: str, doc_lang: str | None = None) -> str:
    """The language of one block.

    >>> detect_block("Innovation paradigm", "en")
    'en'
    >>> detect_block("The Ministry of Civil Affairs held a meeting in Beijing.")
    'en'
    >>> detect_block("民政部召开会议。")
    'zh'
    """
    lang, _, _ = script_lang(text)
    if lang != "latin":
        return lang
    count = 0
    for m in _WORD.finditer(text):  # stops at the first function word
        if m.group(0).lower() in _FUNCTION_WORDS:
            return "en"
        count += 1
    if count < MIN_WORDS_FOR_MODEL:
        return "en"
    try:
        best = _langdetect()(text)[0]
    except Exception:  # langdetect raises on text without features
        return doc_lang or "und"
    return "en" if best.lang == "en" else "und"


def document_lang(langs_and_sizes) -> str:
    """The main language of a document: the one with most characters."""
    totals: dict[str, int] = {}
    for lang, size in langs_and_sizes:
        if lang in ("en", "zh"):
            totals[lang] = totals.get(lang, 0) + size
    if not totals:
        return "und"
    return max(sorted(totals), key=lambda k: totals[k])
