"""Stage 2, segment: split a document's text into blocks.

A block is a paragraph or a short line (title, heading, metadata line). Blank lines
between blocks are layout: they are kept verbatim in each block's origin (``gap``) and
never appear in block text. Lines that belong together (a sentence broken across lines,
or across a blank line) are joined, and every join is an edit, so the decoded text can
be rebuilt exactly. A Markdown heading marker (``# ``) is kept in the origin as ``mark``.
"""
from __future__ import annotations

from dataclasses import dataclass

import regex

from ..registry import structural

JOIN_LINES = structural("segment.join_lines",
                        "Join a line break inside a paragraph (a hard-wrapped line).")
JOIN_BROKEN = structural("repair.join_broken_lines",
                         "Join a sentence broken across a blank line (next part starts in "
                         "lower case, previous part has no closing punctuation).")

_BLANK = regex.compile(r"[\s\u200b-\u200d\u2060\ufeff\u3000]*")
_MD_HEADING = regex.compile(r"(#{1,6})[ \t]+(?=\S)")
_HAN = regex.compile(r"\p{Han}")
_EN_SOFT_END = regex.compile(
    r"(?:[,;\-\u2013\u2014(]|\b(?:and|or|of|the|to|in|for|with|a|an|by|on|at|from|that|as))\s*\Z",
    regex.IGNORECASE)
_EN_LOWER_START = regex.compile(r"\A\s*[a-z]")
_CLOSING = frozenset(".!?。！？…:：;；\"'”’)）]】》」』")
_ZH_SOFT_END = frozenset("，、；：")


@dataclass(frozen=True)
class RawBlock:
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


def _ends_han(s: str) -> bool:
    s = s.rstrip()
    return bool(s) and bool(_HAN.match(s[-1]))


def _starts_han(s: str) -> bool:
    s = s.lstrip()
    return bool(s) and bool(_HAN.match(s[0]))


def joins_soft(prev: str, nxt: str) -> bool:
    """Does a single line break between ``prev`` and ``nxt`` fall inside a sentence?

    >>> joins_soft("the Ministry said that the", "new rules apply")
    True
    >>> joins_soft("Collaborative architecture", "The construction of a pattern.")
    False
    """
    p = prev.rstrip()
    if not p or not nxt.strip():
        return False
    if _ends_han(p) or p[-1] in _ZH_SOFT_END:
        if not _starts_han(nxt):
            return False
        return p[-1] in _ZH_SOFT_END or len(p) >= 40
    if _starts_han(nxt):
        return False
    if p[-1] in _CLOSING:
        return False
    if _EN_LOWER_START.match(nxt):
        return True
    return _soft_end(p) and not nxt.lstrip()[:1].isdigit()


def joins_across_gap(prev: str, nxt: str) -> bool:
    """Is a blank line between ``prev`` and ``nxt`` a break inside one sentence?

    Stricter than :func:`joins_soft`: short heading-like lines are never joined to the
    paragraph that follows.

    >>> joins_across_gap("and promote the cooperation between social organizations to", "establish a bridge.")
    True
    >>> joins_across_gap("Main points of action", "strategic awareness of the practice path.")
    False
    """
    p = prev.rstrip()
    if not p or not _EN_LOWER_START.match(nxt) or p[-1] in _CLOSING or _ends_han(p):
        return False
    return p[-1] in ",;-" or (len(p) >= 40 and _soft_end(p))


def _join_text(prev: str, nxt: str) -> str:
    if prev.endswith((" ", "\t")) or nxt.startswith((" ", "\t")):
        return ""
    if _ends_han(prev) and _starts_han(nxt):
        return ""
    if prev.endswith("-") and not prev.endswith(" -"):
        return ""
    if prev and prev[-1] in _ZH_SOFT_END:
        return ""
    return " "


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


def split_blocks(text: str) -> tuple[tuple[RawBlock, ...], str]:
    """Split text into blocks; return them and the trailing layout text.

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
    pending_term = ""  # the line terminator after the current block's last line

    def flush() -> None:
        nonlocal cur, cur_edits
        if cur is not None:
            blocks.append(RawBlock("".join(cur), len(blocks), cur_gap, cur_mark,
                                   tuple(cur_edits)))
        cur, cur_edits = None, []

    for line in text.splitlines(keepends=True):
        content = line.rstrip("\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")
        term = line[len(content):]
        if _BLANK.fullmatch(content):
            if cur is not None:
                gap_parts.append(pending_term)
                pending_term = ""
                # keep the block open: a sentence may continue after the blank line
                gap_parts.append(line)
                continue
            gap_parts.append(line)
            continue
        mark_m = _MD_HEADING.match(content)
        mark = mark_m.group(0) if mark_m else ""
        body = content[len(mark):]
        if cur is not None and not mark and not cur_mark:
            joined = cur_tail
            if not gap_parts and joins_soft(joined, body):
                sep = _join_text(joined, body)
                cur_edits.append((JOIN_LINES, cur_len, pending_term, sep))
                cur.extend((sep, body))
                cur_len += len(sep) + len(body)
                cur_tail = _keep_tail(cur_tail + sep + body)
                pending_term = term
                continue
            if gap_parts and joins_across_gap(joined, body):
                gap = "".join(gap_parts)
                sep = _join_text(joined, body)
                cur_edits.append((JOIN_BROKEN, cur_len, gap, sep))
                cur.extend((sep, body))
                cur_len += len(sep) + len(body)
                cur_tail = _keep_tail(cur_tail + sep + body)
                gap_parts = []
                pending_term = term
                continue
        if cur is not None:
            flush()
            cur_gap = pending_term + "".join(gap_parts)
        else:
            cur_gap = "".join(gap_parts)
        gap_parts = []
        cur, cur_mark, cur_len, cur_tail = [body], mark, len(body), _keep_tail(body)
        pending_term = term
    if cur is not None:
        flush()
    tail = pending_term + "".join(gap_parts)
    return tuple(blocks), tail
