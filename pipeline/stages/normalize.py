"""Stage 3, normalize: character-level clean-up of every block, before classification:
Unicode composition, invisible and control characters, spaces (also around full-width
punctuation in Chinese, so that classification and alignment read the text the later
stages keep).

Each rule is a pure ``str -> str`` function; the runner records an edit for every change,
so Unicode and whitespace normalisation can be undone like any other repair.
"""
from __future__ import annotations

import html.entities
import re
import unicodedata

import regex

from ..registry import ALL_KINDS, rule

_NBSP = regex.compile(r"[\u00a0\u1680\u2000-\u200a\u202f\u205f]")
_ZERO_WIDTH = regex.compile(
    r"[\u200b\u2060\ufeff\u00ad\u180e]"
    r"|(?<=[\p{Latin}\p{Han}\d])[\u200c\u200d](?=[\p{Latin}\p{Han}\d])")
_CONTROL = regex.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u200e\u200f\u202a-\u202e"
                         r"\u2066-\u2069\ufff9-\ufffb]")
_TAB = regex.compile(r"\t")
# control and zero-width characters, as the tests that decide before normalize runs
# (a line's language, kind, site name) leave them out: normalize removes them after
INVISIBLE_CLASS = r"[\x00-\x08\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]"
_INVISIBLE = regex.compile(INVISIBLE_CLASS)


def without_invisible(text: str) -> str:
    """``text`` without control and zero-width characters.

    >>> without_invisible("新华网\\x00"), without_invisible("plain")
    ('新华网', 'plain')
    """
    return text if text.isprintable() else _INVISIBLE.sub("", text)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


@rule("repair.html_entities", kinds=ALL_KINDS, group="normalize", order=5)
def decode_html_entities(text: str) -> str:
    """Turn an HTML character reference left in the text into its character (a CMS's
    export writes "people&#39;s", "AT&amp;T", "&nbsp;"; ``qa.numbers`` would read the
    39 as a number). A reference to no character, or to a control, is left. It runs
    with normalize, before classification: a metadata line's ``&nbsp;&nbsp;`` is the
    gap between its fields, and the line is read the same once it is decoded.

    >>> decode_html_entities("people&#39;s livelihood, AT&amp;T, &ldquo;Hi&rdquo; &#0; Q&A;")
    "people's livelihood, AT&T, “Hi” &#0; Q&A;"
    """
    if "&" not in text or ";" not in text:
        return text
    return _ENTITY.sub(_character, text)


_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


def _character(m: re.Match) -> str:
    reference = m.group(0)
    if reference[1] != "#" and reference[1:] not in html.entities.html5:
        return reference  # ("&notes;" is no "&not;" and "es;", as unescape would have it)
    decoded = html.unescape(reference)
    if decoded == reference or not decoded or decoded == "\ufffd" and "fffd" not in reference.lower() or \
            not decoded.isprintable() and not decoded.isspace() or decoded in _LINE_BREAKS:
        # (a line break decoded inside a block, after lines were split, would make a
        # new line when the text is cleaned again)
        return reference
    return decoded


_SPACES = regex.compile(r"(?<=\S) {2,}(?=\S)")
_EDGES = regex.compile(r"\A[\s\u3000]+|[\s\u3000]+\Z")


@rule("repair.nfc", kinds=ALL_KINDS, group="normalize", order=10)
def compose_unicode(text: str) -> str:
    """Compose characters to Unicode NFC (a letter and its combining accent become one).

    >>> compose_unicode("Cafe\\u0301") == "Caf\\u00e9"
    True
    """
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


@rule("repair.control_chars", kinds=ALL_KINDS, group="normalize", order=20)
def remove_control_chars(text: str) -> str:
    """Remove control characters and stray bidirectional marks; a tab becomes a space,
    but in a table's row, whose cells the tabs part ("Foundations\\t536\\t579").

    >>> remove_control_chars("Civil\\x07 Affairs\\tBureau")
    'Civil Affairs Bureau'
    >>> remove_control_chars("Total\\t23,772\\t24,318\\x07")
    'Total\\t23,772\\t24,318'
    """
    if text.isprintable():
        return text
    text = _CONTROL.sub("", text)
    return text if table_row(text) else _TAB.sub(" ", text)


_CELL_BREAK = regex.compile(r"(?<=\S)\t+(?=\S)")
MIN_CELL_BREAKS = 2


def table_row(text: str) -> bool:
    """Is ``text`` a table's row, three cells or more parted by tabs?"""
    return "\t" in text and len(_CELL_BREAK.findall(text)) >= MIN_CELL_BREAKS


@rule("repair.zero_width", kinds=ALL_KINDS, group="normalize", order=30)
def remove_zero_width(text: str) -> str:
    """Remove zero-width spaces, joiners between letters, word joiners and soft hyphens.

    >>> remove_zero_width("Lao\\u200bNiu")
    'LaoNiu'
    """
    if text.isascii():
        return text
    return _ZERO_WIDTH.sub("", text)


@rule("repair.nbsp", kinds=ALL_KINDS, group="normalize", order=40)
def replace_nbsp(text: str) -> str:
    """Turn no-break and other fixed-width spaces into ordinary spaces.

    >>> replace_nbsp("Lao\\u00a0Niu")
    'Lao Niu'
    """
    if text.isascii():
        return text
    return _NBSP.sub(" ", text)


@rule("repair.collapse_spaces", kinds=ALL_KINDS, group="normalize", order=50)
def collapse_spaces(text: str) -> str:
    """Collapse runs of spaces inside a block to one space.

    >>> collapse_spaces("DATA:2022-08-17  Views:0")
    'DATA:2022-08-17 Views:0'

    A line of items parted by such gaps keeps them (see :func:`columns`).
    """
    if "  " not in text or columns(text):
        return text
    return _SPACES.sub(" ", text)


# wide gaps that part a line's items: names ("Wang Fang  Li Na  Zhang Wei"), or cells
_COLUMN_GAP = regex.compile(r"(?<=[\p{L}\d)）]) {2,}(?=[\p{Lu}\d\p{Han}(（])|(?<=\S)\u3000+(?=\S)")
_SENTENCE_GAP = regex.compile(r"[.!?。！？;；]['\"”’)]*\s")
MIN_COLUMN_GAPS = 3  # (two may be a sloppy headline: "Bureau  Holds  Meeting")


def columns(text: str) -> bool:
    """Is ``text`` one line of items parted by wide gaps (two spaces or more, or an
    ideographic space), three gaps or more and no sentence's end? Its gaps are all that
    tells where one name ends: "Wang Fang Li Na" could be "Fang Li".

    >>> columns("Winners: Wang Fang  Li Na  Zhang Wei  Chen Jie"), columns("It ended.  Then  More  Here")
    (True, False)
    >>> columns("Civil Affairs Bureau  Holds  Work Meeting")
    False
    """
    if "  " not in text and "\u3000" not in text:
        return False  # (most text: no wide gap at all)
    return "\n" not in text and len(_COLUMN_GAP.findall(text)) >= MIN_COLUMN_GAPS and \
        not _SENTENCE_GAP.search(text)


@rule("repair.strip", kinds=ALL_KINDS, group="normalize", order=60)
def strip_edges(text: str) -> str:
    """Remove indentation and trailing spaces around a block.

    >>> strip_edges("   Paragraph text.  ")
    'Paragraph text.'
    """
    if not text or (not text[0].isspace() and not text[-1].isspace()):
        return text
    return _EDGES.sub("", text)


# --- spaces around Chinese punctuation ----------------------------------------------------

_ZH_CLOSE = "，。、；：？！”’）》】」』〉"
_ZH_OPEN = "“‘（《【「『〈"
_ZH_PUNCT = re.compile(f"[{_ZH_CLOSE}{_ZH_OPEN}]")
_SPACE_RUN = re.compile("[ \u3000]+")  # (a few a text: each is looked at in Python)
_HAN_CHAR = regex.compile(r"\p{Han}")


def _punct_spaces(text: str) -> list[tuple[int, int]]:
    """The runs of spaces that :func:`drop_spaces_around_chinese_punct` removes."""
    if (" " not in text and "\u3000" not in text) or not _ZH_PUNCT.search(text):
        return []
    spans = []
    for m in _SPACE_RUN.finditer(text):
        start, end = m.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        if not before or not after or before.isspace() or after.isspace():
            continue  # a run at an edge or next to a line break: not around a mark
        if after in _ZH_CLOSE or before in _ZH_OPEN or (
                before in _ZH_CLOSE and (after in _ZH_OPEN or _HAN_CHAR.match(after))):
            spans.append((start, end))
    return spans


@rule("repair.zh_punct_spaces", lang="zh", kinds=ALL_KINDS, group="normalize", order=55)
def drop_spaces_around_chinese_punct(text: str) -> str:
    """Remove spaces around full-width punctuation in Chinese text: tokenised text and
    some editors leave them (``“定居 ” 。``, ``说 ： “ 他们``). A full-width mark carries
    its own spacing: no space before a closing or pausing mark, none after an opening
    one, none after a closing one when Chinese or a mark follows (a Latin word or a
    number after one may keep it).

    >>> drop_spaces_around_chinese_punct("吸引野生动物到城市里“定居 ” 。")
    '吸引野生动物到城市里“定居”。'
    >>> drop_spaces_around_chinese_punct("皮莱说 ： “ 他们能够在家里控制疾病 。 ”")
    '皮莱说：“他们能够在家里控制疾病。”'
    >>> drop_spaces_around_chinese_punct("他说： Hello。 2022年")  # Latin and digits keep theirs
    '他说： Hello。 2022年'
    """
    spans = _punct_spaces(text)
    if not spans:
        return text
    parts, last = [], 0
    for start, end in spans:
        parts.append(text[last:start])
        last = end
    parts.append(text[last:])
    return "".join(parts)


RULE_IDS = frozenset({"repair.html_entities", "repair.nfc", "repair.control_chars", "repair.zero_width",
                      "repair.nbsp", "repair.collapse_spaces", "repair.strip"})
ZH_RULE_IDS = RULE_IDS | {"repair.zh_punct_spaces"}  # the rules for Chinese text


def is_normal(text: str) -> bool:
    """Does every rule of this module give ``text`` back unchanged? Then the runner
    skips them all with this one test.

    Every character that the control, zero-width and no-break space rules remove or
    replace is a control, format or space separator, which ``str.isprintable()`` refuses
    (a test checks each one); the other rules are tested as they test themselves.

    >>> is_normal("A paragraph here."), is_normal("A paragraph\u00a0here."), is_normal(" x")
    (True, False, False)
    """
    return (text.isprintable() and "  " not in text
            and not ("&" in text and ";" in text and _ENTITY.search(text))
            and not (text and (text[0].isspace() or text[-1].isspace()))
            and (text.isascii() or unicodedata.is_normalized("NFC", text)))


def is_normal_chinese(text: str) -> bool:
    """:func:`is_normal` for the rules of Chinese text, which also take the spaces
    around full-width punctuation (English text, where curly quotes are such marks,
    keeps the cheaper test).

    >>> is_normal_chinese("民政部召开会议。"), is_normal_chinese("会议 。")
    (True, False)
    """
    return is_normal(text) and not _punct_spaces(text)
