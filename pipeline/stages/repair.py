"""Stage: repair machine-translation artifacts, one small rule per artifact.

Rules run in a fix-point loop after classification and the glossary, so they may rely
on each block's kind and language side. Punctuation, repeats and heading affixes live
here; dates and numbers left in Chinese form live in :mod:`.repair_numbers`.
"""
from __future__ import annotations

import re

import regex

from ..registry import rule
from .digits import FULLWIDTH_ALNUM, has_fullwidth_alnum
from .normalize import columns
from .repair_numbers import mostly_mixed  # (also registers the number rules)

# --- HTML entities a page's export left in the text -----------------------------------

# a character reference, with its semicolon: "&#39;", "&#x27;", "&amp;", "&nbsp;"
# --- full-width punctuation in English -------------------------------------------------

_FW_TO_ASCII = {
    "，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")",
    "【": "[", "】": "]", "《": '"', "》": '"', "〈": '"', "〉": '"',
    "、": ",", "。": ".", "\u3000": " ", "丨": "|", "｜": "|", "～": "~", "％": "%",
    "＆": "&", "／": "/", "．": ".",
}
_FW = regex.compile("[" + regex.escape("".join(_FW_TO_ASCII)) + "]")
_OPENING = frozenset("（【《〈")
_CLOSING = frozenset("）】》〉")
_TRAILING = frozenset("，：；！？、。．")  # marks that take a space after them in English
# (a list's number opens the text or follows a colon or a semicolon: "Articles 5、6" and
# "Figure 2、Table 3" are lists of numbers)
_LIST_NUMBER_BEFORE = regex.compile(r"(?:^|(?<=[:：;；]\s?))\d{1,2}\Z")
# Chinese doubled marks: one em dash and one ellipsis in English
_ZH_DOUBLE = regex.compile(r"——|……")
# what a space follows before an opening bracket ("the Law (draft)", '"Regulations" (draft)')
_ENDS_BEFORE_SPACE = ',.;:!?)]"”’）】》〉'
# what a space comes before after a trailing mark ('said: "We', 'said: “We')
_STARTS_AFTER_SPACE = '("[“‘（【《〈'



# three digits and no more after a comma, one to three (a first group) or a group before
_THOUSANDS_AFTER = regex.compile(r"\d{3}(?!\d)")
_GROUP_BEFORE = regex.compile(r"(?:(?<![\d.,，])\d{1,3}|[,，]\d{3})\Z")


def _ascii_mark(text: str, i: int) -> str:
    mark = text[i]
    ascii_ = _FW_TO_ASCII[mark]
    prev = text[i - 1] if i else ""
    nxt = text[i + 1] if i + 1 < len(text) else ""
    if mark in "丨｜":  # a column separator in headlines: " | "
        return ("" if prev in ("", " ") else " ") + "|" + ("" if nxt in ("", " ") else " ")
    if mark == "\u3000":
        if prev in ("", " ", "\u3000") or nxt in ("", " "):
            return ""
        # between the items of a line of names or cells, a gap as wide ("Zhang Wei  Chen")
        return "  " if columns(text) else " "
    if mark in _OPENING:
        return (" " if prev and (prev.isalnum() or prev in _ENDS_BEFORE_SPACE) else "") + ascii_
    if mark in _CLOSING:
        return ascii_ + (" " if nxt.isalnum() else "")
    if mark == "、" and not nxt.isdigit() and _LIST_NUMBER_BEFORE.search(text, max(0, i - 4), i):
        return "." + ("" if nxt in ("", " ") else " ")  # "tasks：1、rice": "1. rice"
    if mark in _TRAILING:
        # 10：30 and 1，000 stay tight; otherwise a word follows after one space, and a
        # number after a list's comma ("2021，2022": no thousands have four digits)
        if mark in "：．" and prev.isdigit() and nxt.isdigit() or \
                mark == "．" and _tight_stop(text, i) or \
                mark == "，" and _THOUSANDS_AFTER.match(text, i + 1) and \
                _GROUP_BEFORE.search(text, max(0, i - 8), i):
            return ascii_
        return ascii_ + (" " if nxt and (nxt.isalnum() or nxt in _STARTS_AFTER_SPACE) else "")
    return ascii_


def _tight_stop(text: str, i: int) -> bool:
    """Does the full-width stop at ``i`` join what is on either side, with no space after
    it: a web address or a file's name (``www．12377．cn``, ``report．pdf``), or an
    initialism's letters (``U．S．A``, ``e．g．``)? Anything else ends a sentence or an
    abbreviation (``vitamin C．The``, ``100m．She``, ``etc．and``, ``services．2．``).

    >>> [_tight_stop(t, t.index("．")) for t in ("www．12377．cn", "report．pdf is", "U．S．A",
    ...  "vitamin C．The", "etc．and", "services．2．Go", "100m．She", "London．UK", "info．a@b．cn")]
    [True, True, True, False, False, False, False, False, True]
    """
    left = _HOST_LEFT.search(text, max(0, i - 64), i)
    right = _HOST_RIGHT.match(text, i + 1, min(len(text), i + 65))  # (bounded: linear)
    if left and right:
        # (written in lower case, as addresses are: "London．UK officials" is no host)
        host = (left.group(0) + "." + right.group(0)).replace("．", ".")
        if _HOST.fullmatch(host) or _FILE.fullmatch(right.group(0)) and \
                "．" not in right.group(0) and "." not in right.group(0) or \
                text[right.end():right.end() + 1] == "@":  # "info．service@mca．gov．cn"
            return True
    prev, nxt = text[i - 1:i], text[i + 1:i + 2]
    single_before = prev.isalpha() and not text[max(0, i - 2):i - 1].isalpha()
    single_after = nxt.isalpha() and not text[i + 2:i + 3].isalpha()
    # an initialism: a letter, the stop, a letter and another stop ("U．S．"), or the
    # last letter of one ("S．A" after "U．")
    return single_before and single_after and (
        text[i + 2:i + 3] in ("．", ".") or text[max(0, i - 3):i - 2] in ("．", "."))


_HOST_LEFT = regex.compile(r"[A-Za-z0-9-]+(?:[．.][A-Za-z0-9-]+)*\Z")
_HOST_RIGHT = regex.compile(r"[A-Za-z0-9-]+(?:[．.][A-Za-z0-9-]+)*")
_HOST = regex.compile(r"(?:www\.[a-z0-9.-]+|(?:[a-z0-9-]+\.)+(?:cn|com|org|net|gov|edu|int|"
                      r"info|io|hk|mo|tw|uk|us)(?:\.[a-z]{2})?)")
_FILE = regex.compile(r"pdf|docx?|xlsx?|pptx?|jpe?g|png|gif|txt|zip|rar|s?html?|wps|ofd")


@rule("repair.fullwidth_alnum", lang="en", order=9)
def ascii_alnum_in_english(text: str) -> str:
    """Turn full-width digits and Latin letters left by MT into ASCII in English text.

    >>> ascii_alnum_in_english("More than １２０ groups fought ＣＯＶＩＤ－１９ on １．５ days")
    'More than 120 groups fought COVID-19 on 1.5 days'
    """
    if text.isascii() or not has_fullwidth_alnum(text) or mostly_mixed(text, opening=True):
        return text
    return _FW_ALNUM_RUN.sub(lambda m: m.group(0).translate(FULLWIDTH_ALNUM), text)


# a run of full-width digits and letters, with the marks inside it ("１．５", "ＣＯＶＩＤ－１９");
# a lone full-width "－" or "．" elsewhere is punctuation, not part of a number
_FW_ALNUM_RUN = regex.compile(r"[０-９Ａ-Ｚａ-ｚ]+(?:[－．][０-９Ａ-Ｚａ-ｚ]+)*")


@rule("repair.fullwidth_punct", lang="en", order=10)
def ascii_punct_in_english(text: str) -> str:
    """Turn full-width punctuation left by MT into ASCII in English text.

    Spacing follows English (a space after a comma, around brackets); curly quotes are
    English typography and stay.

    >>> ascii_punct_in_english("Source：Beijing Youth Daily，Author：Wang Sishuo")
    'Source: Beijing Youth Daily, Author: Wang Sishuo'
    >>> ascii_punct_in_english("the Charity Law（2016）took effect at 10：30")
    'the Charity Law (2016) took effect at 10:30'
    >>> ascii_punct_in_english("In 2021，2022 and 2023, 1，200，000 people and 12，5 tons")
    'In 2021, 2022 and 2023, 1,200,000 people and 12, 5 tons'
    >>> ascii_punct_in_english("1．The period is 1．5 months．Visit www．mca．gov．cn, the U．S．")
    '1. The period is 1.5 months. Visit www.mca.gov.cn, the U.S.'
    >>> ascii_punct_in_english("He said：“We act.” The《Rules》（draft）——tasks：1、rice……")
    'He said: “We act.” The "Rules" (draft)—tasks: 1. rice…'
    """
    if text.isascii() or not (_FW.search(text) or "——" in text or "……" in text) or \
            mostly_mixed(text, opening=True):
        return text
    if _FW.search(text):
        text = _FW.sub(lambda m: _ascii_mark(text, m.start()), text)
    if "——" in text or "……" in text:
        text = _ZH_DOUBLE.sub(lambda m: m.group(0)[0], text)
    return text


# --- half-width punctuation in Chinese ---------------------------------------------------

_H = r"\p{Han}"
_H_RE = regex.compile(_H)
_ASCII_PUNCT = regex.compile(r"[,;:!?.()]")
_ZH_COMMA = regex.compile(rf"(?<={_H}|[”’）》」』]),\s*|,\s*(?={_H})")
_ZH_SEMI = regex.compile(rf"(?<={_H}|[”’）》]);\s*")
_ZH_COLON = regex.compile(rf"(?<={_H}):(?!//)\s*")
_ZH_BANG = regex.compile(rf"(?<={_H}|[”’）》])([!?])(?![A-Za-z0-9=&])\s*")
_ZH_STOP = regex.compile(rf"(?<={_H})\.(?=\s*(?:{_H}|[“‘（《]|\Z))\s*")
_ZH_PARENS = regex.compile(r"\(([^()]*)\)")


def _zh_parens(m: regex.Match) -> str:
    inner = m.group(1)
    s, e = m.start(), m.end()
    text = m.string
    around = (text[s - 1] if s else "") + (text[e] if e < len(text) else "")
    if regex.search(_H, inner) or regex.search(_H, around):
        return "（" + inner.strip() + "）"
    return m.group(0)


@rule("repair.halfwidth_punct_zh", lang="zh", order=12)
def fullwidth_punct_in_chinese(text: str) -> str:
    """Turn ASCII punctuation next to Chinese characters into full-width marks.

    Numbers (3.5, 1,000, 10:30), web addresses and Latin words are left alone.

    >>> fullwidth_punct_in_chinese("民政部召开会议,部署工作:一是(试点)推进!")
    '民政部召开会议，部署工作：一是（试点）推进！'
    >>> fullwidth_punct_in_chinese("增长3.5%,时间10:30,见http://www.mca.gov.cn")
    '增长3.5%，时间10:30，见http://www.mca.gov.cn'
    >>> fullwidth_punct_in_chinese("(()年)")
    '（（）年）'
    """
    if not _ASCII_PUNCT.search(text) or not _H_RE.search(text):
        return text
    # innermost pairs first, then the pairs around them: '(()年)' turns whole in one call
    while True:
        turned = _ZH_PARENS.sub(_zh_parens, text)
        if turned == text:
            break
        text = turned
    text = _ZH_COMMA.sub("，", text)
    text = _ZH_SEMI.sub("；", text)
    text = _ZH_COLON.sub("：", text)
    text = _ZH_BANG.sub(lambda m: "！" if m.group(1) == "!" else "？", text)
    return _ZH_STOP.sub("。", text)


# --- repeats ---------------------------------------------------------------------------------

# (the standard re module runs this twice as fast; [^\S\x1c-\x1f] is its \s as the regex
# module reads \s, which leaves out the separators \x1c-\x1f)
_SENTENCE = re.compile(r"[^.!?。！？]*(?:[.!?。！？]+[\"'”’）)]*|\Z)[^\S\x1c-\x1f]*")
MIN_REPEAT_CHARS = 12
# two end marks: a sentence and its repeat each hold one (every part but the last ends
# in a run of them), and most blocks have a single sentence
_TWO_ENDS = re.compile(r"[.!?。！？][^.!?。！？]*[.!?。！？]")


@rule("repair.repeated_sentence", order=30)
def drop_repeated_sentence(text: str) -> str:
    """Remove a sentence that MT repeated back to back (the same sentence twice in a row).

    >>> drop_repeated_sentence("The meeting was held in Beijing. The meeting was held in Beijing. It ended.")
    'The meeting was held in Beijing. It ended.'
    >>> drop_repeated_sentence("Yes. Yes. It is.")
    'Yes. Yes. It is.'
    """
    if len(text) < 2 * MIN_REPEAT_CHARS or not _TWO_ENDS.search(text):
        return text  # (the parts cover the text: with nothing dropped they join to it)
    parts = [p for p in _SENTENCE.findall(text) if p]
    out: list[str] = []
    for part in parts:
        if out and part.strip() == out[-1].strip() and len(part.strip()) >= MIN_REPEAT_CHARS:
            if not part.endswith((" ", "\u3000")) and out[-1].endswith(" "):
                out[-1] = out[-1].rstrip(" ")  # the last sentence: no trailing space left
            continue
        out.append(part)
    return "".join(out)


# a lower-case word written twice, as a word of its own: not inside a compound
# ("cross-border border"), a file name, an address or a contraction. After a space (a
# pattern that opens with a literal is searched for fast: half the time of one with a
# look-behind at every position), or at the start of the text.
_REPEATED_WORD = re.compile(r" ([a-z]{2,})(?: \1)+(?![\w'’\-/@])")
_REPEATED_FIRST_WORD = re.compile(r"([a-z]{2,})(?: \1)+(?![\w'’\-/@])")
# repeats English allows ("had had time", "that that is", "the can can hold", "so so",
# "gave her her first job", "a long long way", "very very", "ha ha", "bye bye")
KEEP_REPEATED = frozenset({"had", "that", "can", "so", "no", "her", "long", "very", "ha",
                           "bye", "fifty", "go", "yes", "really", "hey"})
# MT's stutter writes a word twice; three times is a chant or a cry ("go go go"), unless
# the word is one no one chants ("the the the meeting", a typist's slip)
MAX_STUTTER = 2
MAX_CHANT_LETTERS = 5  # "go go go", "hurry hurry hurry"; "revitalization" thrice is MT's loop
_NO_CHANT = frozenset({"the", "an", "of", "to", "and", "in", "for", "on", "with", "at", "by",
                       "from", "is", "was", "are", "were", "be", "this", "it", "as", "or"})


def _chant(m: re.Match) -> bool:
    """Is the repeat ``m`` three times the word or more (with the word before it)?"""
    word = m.group(1)
    times = m.group(0).count(" ") + (m.group(0)[0] != " ")
    if m.group(0)[0] == " " and _word_before(m.string, m.start()) == word:
        times += 1
    return times > MAX_STUTTER and len(word) <= MAX_CHANT_LETTERS and word not in _NO_CHANT
# ... and after the words before them only: "what it is is", "those who do do it" (but
# "the project is is expected" and "it is is a good policy" are MT's stutter)
KEEP_AFTER = {"is": (frozenset({"it", "this", "that", "he", "she"}),
                     frozenset({"what", "how", "where", "why", "who", "all", "whatever"})),
              "do": (frozenset({"who", "you", "we", "they", "i", "people"}), None)}


def _kept(word: str, text: str, start: int) -> bool:
    """Whether ``word``, written twice from ``start``, is English as it is."""
    if word in KEEP_REPEATED:
        return True
    rule = KEEP_AFTER.get(word)
    if rule is None:
        return False
    before = _word_before(text, start)
    if before.lower() not in rule[0]:
        return False
    return rule[1] is None or \
        _word_before(text, start - len(before) - 1).lower() in rule[1]


@rule("repair.repeated_word", lang="en", order=32)
def drop_repeated_word(text: str) -> str:
    """Remove a lower-case word that MT wrote twice in a row ("the village road road").

    Capitalised repeats are names ("Yang Yang", "Run Run Shaw", "Bora Bora") and stay,
    as do repeats English allows ("had had", "that that").

    >>> drop_repeated_word("interruptions to the village road road access")
    'interruptions to the village road access'
    >>> drop_repeated_word("the pandemic had had an impact on Yang Yang and cross-border border trade")
    'the pandemic had had an impact on Yang Yang and cross-border border trade'
    """
    if " " not in text:
        return text
    first = _REPEATED_FIRST_WORD.match(text)
    if first and first.group(1) not in KEEP_REPEATED and not _chant(first):
        text = first.group(1) + text[first.end():]
    if not _REPEATED_WORD.search(text):
        return text  # (a search costs less than a substitution that finds nothing)
    return _REPEATED_WORD.sub(
        lambda m: m.group(0) if _chant(m) or _kept(m.group(1), text, m.start())
        else " " + m.group(1), text)


def _word_before(text: str, end: int) -> str:
    """The word that ends at ``end`` (a space follows it), or ""."""
    if end <= 0:
        return ""
    start = end
    while start and (text[start - 1].isalnum() or text[start - 1] in "'’"):
        start -= 1
    return text[start:end]


# --- heading and title affixes ---------------------------------------------------------------

BULLETS = "☉●■◆•▪►▶★☆○◇□※➤"
# an affix opens the text, or closes it after a bar; two patterns, so that a text without
# a bar is not scanned at every position for the closing one
_AFFIX_HEAD = regex.compile(
    r"(?:[" + BULLETS + r"]\s*"
    r"|[\[【]\s*(?:Reprint(?:ed)?|Repost|转载|原创|Original)\s*[\]】]\s*"
    r"|(?:Reprint(?:ed)?|Repost|转载)\s*[|｜:：]\s*)+",
    regex.IGNORECASE)
_AFFIX_TAIL = regex.compile(
    r"\s*[|｜]\s*(?:Essay|Article|Note|Reflection)s?\s+(?:by|from)\s+(?:the|a|our)?\s*"
    r"(?:Trainees?|Students?|Participants?|Volunteers?)\s*\Z",
    regex.IGNORECASE)


@rule("repair.heading_affixes", kinds=("title", "heading"), order=5)
def strip_heading_affixes(text: str) -> str:
    """Remove bullets and CMS affixes (``Reprint |``) around titles and headings.

    Handled: bullets (``☉ ● ■ ◆ •``), ``Reprint |``, ``[Reprint]``, ``【转载】`` and
    ``| Essay by the Trainee``.

    >>> strip_heading_affixes("☉ Social assistance")
    'Social assistance'
    >>> strip_heading_affixes("Reprint | Charity law training opens | Essay by the Trainee")
    'Charity law training opens'
    """
    head = _AFFIX_HEAD.match(text)
    start = head.end() if head else 0
    tail = _AFFIX_TAIL.search(text, start) if "|" in text or "｜" in text else None
    if not head and not tail:
        return text
    new = text[start:tail.start() if tail else len(text)]
    return new if new.strip() else text



# an image file name in front of a caption ("20200812.jpg Volunteers ..."); the caption
# keeps it, so that the caption is still recognised when the cleaned text is read again
IMAGE_LEAD = regex.compile(r"\A\s*\d[\w\-]*\.(?:jpe?g|png|gif|webp)\s+(?=\S)", regex.IGNORECASE)
