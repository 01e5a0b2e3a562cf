"""Stage 2, segment: split a document's text into blocks.

A block is a paragraph or a short line (title, heading, metadata line). Blank lines
between blocks are layout: they are kept verbatim in each block's origin (``gap``) and
never appear in block text. Lines that belong together (a sentence broken across lines,
or across a blank line) are joined, and every join is an edit, so the decoded text can
be rebuilt exactly. A Markdown heading marker (``# ``) is kept in the origin as ``mark``.
"""
from __future__ import annotations

from typing import NamedTuple

import regex
import rjieba

from ..registry import structural
from .digits import ZH_COUNTERS
from .repair import BULLETS as _BULLETS
from .sentences import full_stop_ends_line

JOIN_LINES = structural("segment.join_lines",
                        "Join a line break inside a paragraph (a hard-wrapped line).")
JOIN_BROKEN = structural("repair.join_broken_lines",
                         "Join a sentence broken across a blank line (next part starts in "
                         "lower case, previous part has no closing punctuation).")
MARKDOWN_ESCAPE = structural("segment.markdown_escape",
                             "Take the backslash off a Markdown escape in a Markdown file "
                             "(\\* is *, \\# is #).")
# a Markdown heading's underline ("=====", "-----") or a rule ("***", "- - -")
_MD_RULE = regex.compile(r" {0,3}(?:={2,}|-{2,}|(?:\*[ \t]*){3,}|(?:_[ \t]*){3,}|"
                         r"(?:-[ \t]*){3,})[ \t]*")
# a backslash before ASCII punctuation: CommonMark's escape
_MD_ESCAPE = regex.compile(r"\\([!-/:-@\[-`{-~])")


def _unescaped(body: str) -> tuple[str, list[tuple[int, str]]]:
    r"""A Markdown line without its escapes, and where each was (a position in the line
    without them, and the character escaped).

    >>> _unescaped(r"2\*3 is \\6 \U")
    ('2*3 is \\6 \\U', [(1, '*'), (7, '\\')])
    """
    found: list[tuple[int, str]] = []
    pieces: list[str] = []
    pos = length = 0
    for m in _MD_ESCAPE.finditer(body):
        pieces += (body[pos:m.start()], m.group(1))
        length += m.start() - pos
        found.append((length, m.group(1)))
        length += 1
        pos = m.end()
    pieces.append(body[pos:])
    return "".join(pieces), found


# Characters that normalize removes or turns into spaces: a marker hidden behind them
# ("\u200b# Heading", "#\u00a0Heading") must still be a marker, or the cleaned text would
# start with "# " and read as a heading when cleaned again.
_IGNORABLE = (r"[\s\u200b-\u200d\u2060\ufeff\u00ad\u180e\x00-\x08\x0e-\x1f\x7f-\x9f"
              r"\u200e\u200f\u202a-\u202e\u2066-\u2069\ufff9-\ufffb]")
# "#" alone on a line: joined to the next line it would become a heading marker
_BARE_MARK = regex.compile(rf"{_IGNORABLE}*#{{1,6}}{_IGNORABLE}*")
_MARK_GROUP = regex.compile(rf"{_IGNORABLE}*#{{1,6}}{_IGNORABLE}+")
_LAST_VISIBLE = regex.compile(rf"(?r)(?!{_IGNORABLE}).", regex.DOTALL)


def heading_mark(line: str) -> str:
    """The Markdown heading marker that opens ``line``, or "".

    The marker is the longest run of ``#`` groups that still leaves visible text, so what
    is left of the line never starts with a marker itself.

    >>> heading_mark("## Main points"), heading_mark("#hashtag"), heading_mark("# # x")
    ('## ', '', '# # ')
    >>> heading_mark("# # "), heading_mark("####### seven")
    ('# ', '')
    """
    if "#" not in line:
        return ""
    end = 0
    ends = []
    while True:
        m = _MARK_GROUP.match(line, end)
        if m is None:
            break
        end = m.end()
        ends.append(end)
    if not ends:
        return ""
    last = _LAST_VISIBLE.search(line, ends[0])  # found once: the cost stays linear
    if last is None:
        return ""
    return line[:max(e for e in ends if e <= last.start())]


_HAN = regex.compile(r"\p{Han}")
# (a hyphen after a word of two letters or digits or more: "A+ A A-" is a font switcher)
_EN_SOFT_END = regex.compile(
    r"(?:[,;\u2013\u2014(，；（]|(?<=[\p{L}\d]{2})-|"
    r"\b(?:and|or|of|the|to|in|for|with|a|an|by|on|at|from|that|as))\s*\Z",
    regex.IGNORECASE)
# Characters that normalisation removes: joins are decided on text as it will read, so
# that cleaning the cleaned text again decides the same way.
_INVISIBLE = (r"\s\x00-\x1f\x7f-\x9f\u00ad\u180e\u200b-\u200f\u2060\ufeff"
              r"\u202a-\u202e\u2066-\u2069\ufff9-\ufffb")
_BELOW_3000 = "".join(map(chr, range(0x3000 + 1)))
_INVISIBLE_FOUND = frozenset(regex.findall(rf"[{_INVISIBLE}]", _BELOW_3000))  # one scan
_INVISIBLE_CHARS = "".join(
    c for c in _BELOW_3000
    if c.isspace() or c in _INVISIBLE_FOUND) + "\u2060\ufeff\ufff9\ufffa\ufffb"


def has_text(text: str) -> bool:
    r"""Does ``text`` hold anything but white space and invisible characters (a file of
    one zero-width space is empty)?

    >>> has_text("\u200b\n \ufeff"), has_text(" a ")
    (False, True)
    """
    return bool(text.strip(_INVISIBLE_CHARS))


_EN_LOWER_START = regex.compile(rf"\A[{_INVISIBLE}]*[a-z]")
# "author: ...", "editor: ..." open a metadata line, not the rest of a sentence
_LABEL_START = regex.compile(rf"\A[{_INVISIBLE}]*[a-z]+(?:\s+[a-z]+){{0,2}}\s*[:：]")
_CLOSING = frozenset(".!?。！？…:：;；\"'”’)）]】》」』")
_ZH_SOFT_END = frozenset("，、；：")
_CLOSERS = ")）]】》」』\"'”’"  # the marks of _CLOSING that close a bracket or a quote


class RawBlock(NamedTuple):
    """A block as segmentation found it (a named tuple: one is made per block, and a
    frozen dataclass costs several times as much to build)."""

    text: str
    pos: int
    gap: str
    mark: str
    edits: tuple[tuple[str, int, str, str], ...]  # (rule, offset, before, after)

    @property
    def md_level(self) -> int:
        return self.mark.count("#")


def _soft_end(p: str) -> bool:
    """Does ``p`` (no trailing spaces) end in a word or mark that continues a sentence?
    Only its last characters can match: searching the whole text costs a regex attempt
    at every position."""
    return bool(_EN_SOFT_END.search(p[-32:]))


def _visible_end(s: str) -> str:
    """``s`` without trailing invisible characters (linear in that run only). The start
    stays: the join tests may see only the tail of a long block."""
    return s.rstrip(_INVISIBLE_CHARS)


def _ends_han(s: str) -> bool:
    s = s.rstrip(_INVISIBLE_CHARS)
    return bool(s) and bool(_HAN.match(s[-1]))


def _starts_han(s: str) -> bool:
    s = s.lstrip(_INVISIBLE_CHARS)
    return bool(s) and bool(_HAN.match(s[0]))


MIN_CUT_SHARE = 0.25  # of the lines that go on, those that visibly go on
_CUT_INSIDE = regex.compile(r"(?:[,，、\-]|\b(?:the|a|an|of|and|or|to|in|on|at|for|with|by|"
                            r"from|as|that|which|who)|\p{Han})\Z", regex.IGNORECASE)
_GOES_ON_START = regex.compile(r"\s*(?:[a-z(]|\d(?!\d?[.、)）]\s))")
# the next line starts a list item ("2. Renovate ...", "(3) ...": a capital, Chinese or a
# quote after the number, not "2.5 percent" or "25) and ...") or a metadata label
# ("1. " with a space, "1、", "(1)" before anything, "1)" before a capital or Chinese)
_LIST_ITEM = regex.compile(r"\s*(?:\d{1,2}(?:\.\s+\S|、\S|[)）]\s*[A-Z\p{Han}“\"(（]|\s*\Z)"
                           r"|[(（]\d{1,2}[)）]\s*\S)")
# a bulleted or lettered item: "- Donations ...", "• ...", "(a) ...", "b) ..."
_BULLET_ITEM = regex.compile(r"\s*(?:[-–—•·▪●◆■*]\s+\S|[(（][a-zA-Z][)）]\s*\S|[a-z][.)]\s+[A-Z])")
# ... or a label, one or two words and a colon ("Application period:", "DATA:"),
# but not a speaker ("Li Ming said: the funds ...")
_NOT_CONTINUED = regex.compile(
    _LIST_ITEM.pattern + r"|\s*(?!(?:\S+\s+){0,2}(?:said|says|stated|noted|added|asked|"
    r"stressed|explained|pointed\s+out)\s*[:：])[A-Z][A-Za-z-]*(?:\s+[A-Za-z-]+)?\s*[:：]")


_ZH_SENTENCE_END = regex.compile(r"[。！？；!?]")
MIN_CLAUSE_CHARS = 10  # of the sentence under way before the break
WORD_WINDOW = 4  # characters each side of the break that jieba reads


def _cuts_a_word(prev: str, nxt: str) -> bool:
    """Does a line break between two Chinese lines fall inside a word (有关 in "省有" /
    "关规定"), where the sentence before it is under way (a comma in it, and at least
    :data:`MIN_CLAUSE_CHARS` characters since the last sentence's end)? A heading has
    neither: "一、加强组织领导" / "各地要..." breaks between words.

    >>> _cuts_a_word("工作人员要求，根据国家和省有", "关规定执行。")
    True
    >>> _cuts_a_word("会议指出，要加强社会组织管理，推动", "社会组织高质量发展。")
    False
    >>> _cuts_a_word("深化改革", "开放，推动发展。")
    False
    """
    clause = _ZH_SENTENCE_END.split(prev[-200:])[-1]
    if len(clause) < MIN_CLAUSE_CHARS or "，" not in clause:
        return False
    left, right = prev[-WORD_WINDOW:], nxt.lstrip()[:WORD_WINDOW]
    at = 0
    for word in rjieba.cut(left + right, False):
        if at < len(left) < at + len(word):
            return True
        at += len(word)
    return False


def joins_soft(prev: str, nxt: str) -> bool:
    """Does a single line break between ``prev`` and ``nxt`` fall inside a sentence?

    >>> joins_soft("the Ministry said that the", "new rules apply")
    True
    >>> joins_soft("Collaborative architecture", "The construction of a pattern.")
    False
    >>> joins_soft("09:00-09:30  Registration and check-in", "09:30-09:50  Opening speech")
    False
    """
    p = _visible_end(prev)
    if not p.lstrip(_INVISIBLE_CHARS) or not nxt.strip(_INVISIBLE_CHARS):
        return False
    if _ends_han(p) or p[-1] in _ZH_SOFT_END:
        first = nxt.lstrip(_INVISIBLE_CHARS)[:1]
        if _ends_han(p) and first in _ZH_GOES_ON_START:
            return True  # "会议在北京举行" / "，部署了...": a mark opens no line
        if _starts_han(nxt):
            # (a long line of Chinese that ends without a mark goes on only in a
            # hard-wrapped text: see wrap_width; one line per paragraph is common) ...
            # or where the break cuts a word of a sentence under way ("根据国家和省有" /
            # "关规定")
            return p[-1] in _ZH_SOFT_END or _cuts_a_word(p, nxt)
        if _ends_han(p):
            # an English line ending in a number's Chinese unit ("build 1000个" /
            # "elderly care stations") goes on with a lower-case word
            return _UNIT_END.search(p) is not None and _EN_LOWER_START.match(nxt) is not None
        # "，" after Latin text is a comma that repair will make ASCII: decide as for ","
    if _starts_han(nxt) or _BULLET_ITEM.match(nxt) and p[-1] in _CLOSING:
        return False  # (a bulleted item after a sentence's end; "- 2 million yuan ..."
        # after "... to Henan" is a dash going on with it)
    if p[-1] == "." and not _starts_han(nxt) and not _EN_LOWER_START.match(nxt) and \
            _abbreviation_goes_on(p, nxt):
        return True  # "St." / "Paul's Cathedral": no sentence ends there
    if p[-1] in _CLOSING:
        # a bracket or quote closed inside a sentence ("on Saturday (July 25)" / "and to
        # quarantine"): a lower-case word goes on with it
        return p[-1] in _CLOSERS and _EN_LOWER_START.match(nxt) is not None and \
            p.rstrip(_CLOSERS)[-1:] not in _CLOSING and not _LABEL_START.match(nxt)
    if _LABEL_START.match(nxt):
        return False
    if p.lstrip()[:1] in _BULLETS:  # a bulleted heading stays apart unless cut mid-phrase
        return bool(_EN_SOFT_END.search(p))
    if _EN_LOWER_START.match(nxt):
        return True
    return _soft_end(p) and not (nxt.lstrip()[:1].isdigit() and (
        _LIST_ITEM.match(nxt) or _CLOCK_START.match(nxt) and _CLOCK_START.match(prev)
        and (not _FUNCTION_WORD_END.search(p[-12:]) or _CLOCK_RANGE.match(nxt))))


_UNIT_END = regex.compile(rf"[A-Za-z][^\p{{Han}}]*\d\s*[万亿元{ZH_COUNTERS}余多]{{1,3}}\Z")
# a timetable's row opens with its time: "09:30-09:50  Opening speech" after
# "09:00-09:30  Registration and check-in" is the next row
_CLOCK_START = regex.compile(r"\s*\d{1,2}[:：]\d{2}\b")


def joins_across_gap(prev: str, nxt: str) -> bool:
    """Is a blank line between ``prev`` and ``nxt`` a break inside one sentence?

    Stricter than :func:`joins_soft`: short heading-like lines are never joined to the
    paragraph that follows.

    >>> joins_across_gap("and promote the cooperation between social organizations to", "establish a bridge.")
    True
    >>> joins_across_gap("Main points of action", "strategic awareness of the practice path.")
    False
    """
    if not _EN_LOWER_START.match(nxt):
        # the usual answer (a capital or a Han letter follows), found first; but a
        # Chinese clause that ends in its comma goes on in the next Chinese block
        # ("这些成绩的取得，" / "是全市上下共同努力的结果。")
        p = _visible_end(prev)
        return len(p) >= MIN_ZH_CLAUSE_CHARS and p[-1] in "，、" and \
            _HAN.match(p[-2:-1] or " ") is not None and _starts_han(nxt)
    p = _visible_end(prev)
    if not p.lstrip(_INVISIBLE_CHARS) or p[-1] in _CLOSING or _ends_han(p) \
            or _LABEL_START.match(nxt):
        return False
    if p[-1] in ",;-，；":
        # a comma ends a broken sentence, not a lone mark or a one-word heading
        return len(_WORDS.findall(p[-MAX_WORDS_LOOKBACK:])) >= MIN_WORDS_BEFORE_COMMA
    return len(p) >= 40 and _soft_end(p)


_WORDS = regex.compile(r"\w+")
MIN_WORDS_BEFORE_COMMA = 2
MIN_ZH_CLAUSE_CHARS = 5  # of a Chinese clause before its comma: "一、" is a number's
MAX_WORDS_LOOKBACK = 200


def _join_text(prev: str, nxt: str) -> str:
    if prev.endswith((" ", "\t")) or nxt.startswith((" ", "\t")):
        return ""
    if _ends_han(prev) and _starts_han(nxt):
        return ""
    if prev[-1:].isdigit() and nxt[:1].isdigit() and (
            _HAN.search(prev[-12:]) or _HAN.search(nxt[:12])) or _chinese_side(prev, nxt):
        return ""  # a hard-wrapped Chinese number or date: "认真做好20" / "23年度"
    if prev.endswith("-") and not prev.endswith(" -"):
        return ""
    if prev and prev[-1] in _ZH_SOFT_END:
        return ""
    return " "


def _chinese_side(prev: str, nxt: str) -> bool:
    """Is a join between Chinese text and a digit, a bracket or a quote on the other
    side ("学生（" / "学徒）", "可带2" / "～5个")? Chinese takes no space there."""
    a, b = prev[-1:], nxt[:1]
    return (_ends_han(prev) or a in _ZH_MARKS) and (b.isdigit() or b in _ZH_MARKS) or \
        (_starts_han(nxt) or b in _ZH_MARKS) and (a.isdigit() or a in _ZH_MARKS)


_ZH_MARKS = frozenset("（）《》“”‘’「」『』【】～、，。；：！？")


def _width(text: str, known: list) -> int | None:
    """:func:`wrap_width` of ``text``, worked out once (``known`` keeps it)."""
    if not known:
        known.append(wrap_width(text))
    return known[0]


TAIL_CHARS = 256  # the join decisions look at the end of a block only


def _keep_tail(text: str) -> str:
    """The end of a block's text that every join decision needs: its trailing spaces and
    the ``TAIL_CHARS`` before them.

    Joining the whole block again for every line would make a block of many short lines
    cost quadratic time.
    """
    if len(text) <= 2 * TAIL_CHARS:
        return text
    trailing = len(text) - len(text.rstrip())
    return text[-max(2 * TAIL_CHARS, trailing + TAIL_CHARS):]


MIN_WRAPPED_LINES = 3  # lines cut at one width that make a text hard-wrapped
# a metadata line ends where it ends, however long ("来源：人民论坛网 作者：朱延静")
_META_LABEL = regex.compile(r"(?:来源|作者|责任编辑|编辑|记者|Source|Author|Editor)\s*[:：]")
WRAP_SHARE = 0.75  # a wrapped line is at least this share of the width
MAX_WRAP_WIDTH = 120
MIN_WRAP_WIDTH = 30


def wrap_width(text: str) -> int | None:
    """The width a hard-wrapped text was cut at, or None: lines that go on (a line
    follows them, and they end in no closing mark), most of them about as long as the
    longest one, and at least :data:`MIN_WRAPPED_LINES` of those.

    >>> wrap_width("On July 6, after the number of cases exceeded\\n30,000, the government "
    ...            "closed gyms and\\nbars. On July 11, tens of thousands of people marched in\\n"
    ...            "Tel Aviv, saying the policies were hurting the economy and\\njobs.")
    58
    >>> wrap_width("Title\\nA first paragraph.\\nA second one.") is None
    True
    """
    lines = [line.rstrip() for line in text.splitlines()]
    pairs = [(a, b) for a, b in zip(lines, lines[1:])
             if b.strip() and len(a) >= MIN_WRAP_WIDTH and
             (a[-1:] not in _CLOSING or a[-1] == "." and _ends_in_abbreviation(a, b))]
    if len(pairs) < MIN_WRAPPED_LINES:
        return None
    going_on = [len(a) for a, _ in pairs]
    width = max(going_on)
    near = sum(1 for n in going_on if n >= WRAP_SHARE * width)
    if width > MAX_WRAP_WIDTH or near < MIN_WRAPPED_LINES or near < 0.6 * len(going_on):
        return None
    # lines of one length that each start with a capital are a headline, subheadings
    # and paragraphs one per line, not a paragraph cut at a width: a cut falls inside a
    # sentence, where most next lines start in lower case or with a digit, or the line
    # ends in a comma or a small word ("in" / "Tel Aviv")
    if sum(1 for a, b in pairs if _CUT_INSIDE.search(a) or _GOES_ON_START.match(b)) \
            < MIN_CUT_SHARE * len(pairs):
        return None
    return width


# a speaker's colon: what follows is the quote ("... of Sciences, said:" / "In the ...")
_SAID = regex.compile(r"\b(?:said|says|stated|noted|added|asked|stressed|explained|"
                      r"pointed\s+out|told\s+(?:reporters|us|\w+))\s*[:：]\Z")


def _wrapped_here(prev_line: str, nxt: str, width: int | None) -> bool:
    """In a hard-wrapped text, a line about as long as the width that ends in no
    closing mark goes on in the next line, whatever that starts with ("exceeded" /
    "30,000, the ...", "in Tel" / "Aviv, saying ...")."""
    p = prev_line.rstrip()
    return width is not None and len(p) >= WRAP_SHARE * width and \
        (p[-1:] not in _CLOSING or p[-1] == "." and _abbreviation_goes_on(p, nxt) or
         p[-1] in ":：" and _SAID.search(p[-40:]) is not None) and \
        not _LABEL_START.match(nxt) and not _NOT_CONTINUED.match(nxt) and \
        not _META_LABEL.search(p) and _ends_han(p) == _starts_han(nxt)


# a row of a list of labels and values ("80-89 years old: 50 yuan per month")
# (a short label that opens with a capital, a digit or Chinese, with no comma or quote in
# it, and a colon that is no clock's: "Last week, she said: ..." is prose, 9:30 a time)
_LABEL_ROW = regex.compile(r"\s*(?=[\p{Lu}\p{Han}\d(（])[^:：,，;；\"“”‘’]{1,25}"
                           r"(?:(?<!\d)[:：]|[:：](?!\d))[ \t]*\S")
MAX_ROW_CHARS = 60
MAX_ROW_CHARS_ZH = 30
# words that open sentences, not the items of a list ("We have to ..." / "we have to")
_OPENING_WORDS = frozenset("i we you he she it they this these those there here our his her "
                           "its their my your".split())


def label_row(line: str) -> bool:
    """Does the line open with a short label and its colon ("Registered capital: ...")?"""
    return _LABEL_ROW.match(line) is not None


def _opens_list(line: str) -> bool:
    """Does a line end in a colon, as the line before a list's rows does?"""
    return line.rstrip()[-1:] in (":", "：")


def list_rows(line: str, nxt: str) -> bool:
    """Are two lines rows of one list, each a line of its own: a label and its value
    each, or short items that open with one word ("elderly people with disabilities" /
    "elderly people living alone")?

    >>> list_rows("80-89 years old: 50 yuan per month", "90-99 years old: 100 yuan per month")
    True
    >>> list_rows("elderly people with disabilities", "elderly people living alone")
    True
    >>> list_rows("the Ministry said that it would", "help the elderly in all districts.")
    False
    >>> list_rows('Last week, she posted on Instagram: "Once again this',
    ...           "year we plan to have two Christmas trees: one for the")
    False
    """
    a, b = line.strip(), nxt.strip()
    limit = MAX_ROW_CHARS_ZH if _starts_han(a) or _ends_han(a) else MAX_ROW_CHARS
    if len(a) >= limit or len(b) >= limit:
        return False
    if _LABEL_ROW.match(a) and _LABEL_ROW.match(b):
        return True
    if _CUT_INSIDE.search(a):
        return False
    first, other = a.split(None, 1), b.split(None, 1)
    return len(first) == 2 == len(other) and first[0] == other[0] and \
        first[0].lower() not in _FUNCTION_WORDS and first[0].lower() not in _OPENING_WORDS


# a company's name ends a line of a list of donors or sponsors ("Co., Ltd." / "Beijing
# ..."): its full stop is an abbreviation's, but the line is whole
_COMPANY_END = regex.compile(r"\b(?:Ltd|Inc|Corp|Co|LLC|Plc|GmbH|Pte)\.\Z")
# a timetable row does not end in "at" or "and": such a line goes on with the next
# even when that opens with a clock time ("... and at" / "10:30 he met ..."), unless
# that opens with a row's span of time ("Opening speech by" / "09:30-10:00 Keynote")
_CLOCK_RANGE = regex.compile(r"\s*\d{1,2}[:：]\d{2}\s*[-–—~～至到]\s*\d{1,2}[:：]\d{2}")
_FUNCTION_WORD_END = regex.compile(r"(?<![\w-])(?:and|or|of|the|to|in|for|with|a|an|by|on|at|from|"
                                   r"that|as)\Z", regex.IGNORECASE)
# marks that go on a Chinese sentence: a line never opens with one
_ZH_GOES_ON_START = frozenset("，、；：。！？）」』”’…")
_FUNCTION_WORDS = frozenset("a an and as at but by for from in into of on or so that the "
                            "then to with".split())


def _abbreviation_goes_on(line: str, nxt: str) -> bool:
    """Does a line that ends in an abbreviation's full stop go on in ``nxt``? Not one
    that ends in a company's name before a line opening otherwise than in lower case
    (a list of donors: "...Co., Ltd." / "Beijing ...")."""
    if _COMPANY_END.search(line[-12:]) and not _EN_LOWER_START.match(nxt):
        return False
    return _ends_in_abbreviation(line, nxt)


def _ends_in_abbreviation(line: str, nxt: str) -> bool:
    """Does a line end in an abbreviation's full stop, not a sentence's ("St." /
    "Paul's", "China-U.S." / "relations")? The sentence splitter's own test decides."""
    return not full_stop_ends_line(line, nxt)


def split_blocks(text: str, markdown: bool = False) -> tuple[tuple[RawBlock, ...], str]:
    """Split text into blocks; return them and the trailing layout text. In a Markdown
    file (``markdown``), a backslash escape (``\\*``) is the character it escapes, an
    edit of its own (``segment.markdown_escape``).

    >>> blocks, tail = split_blocks("Title\\n\\nFirst line\\ncontinues here.\\n")
    >>> [(b.text, b.gap) for b in blocks], tail
    ([('Title', ''), ('First line continues here.', '\\n\\n')], '\\n')
    """
    blocks: list[RawBlock] = []
    gap_parts: list[str] = []
    cur: list[str] | None = None  # pieces of the current block's text
    cur_edits: list[tuple[str, int, str, str]] = []
    cur_gap = ""
    cur_mark = ""
    cur_len = 0  # len("".join(cur)), kept so the text is joined only once per block
    cur_tail = ""  # the end of "".join(cur)
    cur_bare = False  # the block is only a "#" so far
    pending_term = ""  # the line terminator after the current block's last line
    last_line = ""  # the current block's last line
    # a list follows: the line before its rows ends in a colon ("Subsidy standards:"),
    # and its rows go on, each a line of its own (see list_rows)
    in_list = False
    width: list = []  # the text's wrap width, worked out when first needed

    def flush() -> None:
        nonlocal cur, cur_edits
        if cur is not None:
            blocks.append(RawBlock("".join(cur), len(blocks), cur_gap, cur_mark,
                                   tuple(cur_edits)))
        cur, cur_edits = None, []

    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        term = line[len(content):]
        # a line of only spaces, invisible or control characters is layout, not a block
        # (_INVISIBLE_CHARS are the characters of _IGNORABLE: a test checks)
        if not content.lstrip(_INVISIBLE_CHARS) or markdown and _MD_RULE.fullmatch(content):
            # (in Markdown, a heading's underline and a rule are layout too)
            if cur is not None:
                gap_parts.append(pending_term)
                pending_term = ""
                # keep the block open: a sentence may continue after the blank line
                gap_parts.append(line)
                continue
            gap_parts.append(line)
            continue
        mark = heading_mark(content)
        body = content[len(mark):]
        escapes: list[tuple[int, str]] = []
        if markdown and "\\" in body:
            body, escapes = _unescaped(body)
        if cur is not None and not mark and not cur_mark and not cur_bare:
            joined = cur_tail
            rows = not gap_parts and in_list and (list_rows(last_line, body) or _opens_list(
                last_line) and _LABEL_ROW.match(body) is not None)  # (the first row too)
            if not gap_parts and not rows and (joins_soft(joined, body) or (
                    len(last_line) >= MIN_WRAP_WIDTH and
                    _wrapped_here(last_line, body, _width(text, width)))):
                sep = _join_text(joined, body)
                cur_edits.append((JOIN_LINES, cur_len, pending_term, sep))
                if escapes:
                    cur_edits.extend(_escape_edits(escapes, cur_len + len(sep)))
                cur.extend((sep, body))
                cur_len += len(sep) + len(body)
                cur_tail = _keep_tail(cur_tail + sep + body)
                pending_term = term
                last_line = body
                in_list = _opens_list(body)
                continue
            if gap_parts and joins_across_gap(joined, body):
                gap = "".join(gap_parts)
                sep = _join_text(joined, body)
                cur_edits.append((JOIN_BROKEN, cur_len, gap, sep))
                if escapes:
                    cur_edits.extend(_escape_edits(escapes, cur_len + len(sep)))
                cur.extend((sep, body))
                cur_len += len(sep) + len(body)
                cur_tail = _keep_tail(cur_tail + sep + body)
                gap_parts = []
                pending_term = term
                last_line = body
                continue
        if cur is not None:
            flush()
            cur_gap = pending_term + "".join(gap_parts)
        else:
            cur_gap = "".join(gap_parts)
        gap_parts = []
        cur, cur_mark, cur_len, cur_tail = [body], mark, len(body), _keep_tail(body)
        if escapes:
            cur_edits.extend(_escape_edits(escapes, 0))
        # decided once per block, not per line
        cur_bare = "#" in body and bool(_BARE_MARK.fullmatch(body))
        pending_term = term
        in_list = in_list and not gap_parts or _opens_list(body)
        last_line = body
    if cur is not None:
        flush()
    tail = pending_term + "".join(gap_parts)
    return tuple(blocks), tail


def _escape_edits(escapes, base: int) -> list[tuple[str, int, str, str]]:
    """The edits that took a line's Markdown escapes off, the line at ``base``."""
    return [(MARKDOWN_ESCAPE, base + pos, "\\" + char, char) for pos, char in escapes]
