"""Markdown for reading: the title as ``#``, headings as ``##``, paragraphs as text.

Metadata and boilerplate blocks are left out (they stay in the JSON record). A bilingual
block is written as its Chinese text followed by its English text, unless both came from
one interleaved page with the English first: then in the page's order, so that cleaning
the Markdown again pairs the same lines. Cleaning this Markdown again gives the same
blocks and no edits but the escapes it takes off.

Text is escaped where Markdown would read it as markup, so that it renders as written:
``*``, a backtick, a backslash, ``_`` at a word's edge (``__init__``), ``<`` before a tag,
``&`` before an entity, ``[`` before a ``]``, ``~``; at a line's start ``#``, ``>``, a bullet
``- + *``, a list number's ``1.``, and a rule or underline (``---``, ``===``); a heading's
closing ``#``. A Markdown file's escapes are taken off when it is cleaned again
(``segment.markdown_escape``).
"""
from __future__ import annotations

import regex

from ..records import Block, Item

SHOWN = ("title", "heading", "paragraph", "caption")
_PREFIX = {"title": "# ", "heading": "## "}


def render_markdown(item: Item, langs: tuple[str, ...] = ("zh", "en")) -> str:
    """Render one item.

    >>> from pipeline.runner import clean_text
    >>> print(render_markdown(clean_text("Title\\n\\nDATA:2022-08-17\\n\\nShort head\\n\\nText here.")))
    # Title
    <BLANKLINE>
    ## Short head
    <BLANKLINE>
    Text here.
    <BLANKLINE>
    """
    parts = []
    for block in item.blocks:
        if block.kind not in SHOWN:
            continue
        for lang in page_order(block, langs):
            text = block.text(lang)
            if text:
                prefix = _PREFIX.get(block.kind, "")
                parts.append(prefix + escape_markdown(text, heading=bool(prefix)))
    return "\n\n".join(parts) + "\n" if parts else ""


# characters Markdown reads as markup wherever they stand
_INLINE = regex.compile(
    r"[\\`*]"
    r"|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])"  # "_" at a word's edge: snake_case stays
    r"|<(?=[A-Za-z/!?])"  # a tag or an autolink
    r"|&(?=#?\w+;)"  # an entity
    r"|\[(?=.*\])"  # a link, a reference or its definition (nested: "[a [b] c](x)")
    r"|~")  # strikethrough (GitHub's takes one tilde: "9:00~11:30")
# ... and at a line's start (the character to escape is the group's)
_LINE_START = regex.compile(
    r"^[ \t]*(?:(?P<m>#)#{0,5}(?=[ \t]|$)|(?P<m>>)|(?P<m>[-+*])(?=[ \t]|$)"
    r"|\d{1,9}(?P<m>[.)])(?=[ \t]|$)|(?P<m>[=-])[=-]*[ \t]*$"
    r"|(?P<m>[-*_])(?:[ \t]*[-*_]){2,}[ \t]*$)", regex.MULTILINE)
# a heading's closing sequence: "Vote for the best #" would lose its "#"
_CLOSING_HASHES = regex.compile(r"(?:^|(?<=[ \t]))(#)#*[ \t]*\Z")


def escape_markdown(text: str, heading: bool = False) -> str:
    r"""``text`` with a backslash before each character Markdown would read as markup.

    >>> print(escape_markdown("2*3 is __init__ or snake_case, see [docs](x) & <b>"))
    2\*3 is \_\_init\_\_ or snake_case, see \[docs](x) & \<b>
    >>> print(escape_markdown("1. First\n- second\n# third"))
    1\. First
    \- second
    \# third
    >>> print(escape_markdown("Vote for the best #", heading=True))
    Vote for the best \#
    """
    at = {m.start() for m in _INLINE.finditer(text)} if _MAYBE_INLINE.search(text) else set()
    if not heading:
        for m in _LINE_START.finditer(text):
            at.update(m.starts("m"))
    elif "#" in text:
        m = _CLOSING_HASHES.search(text)
        if m:
            at.add(m.start(1))
    if not at:
        return text
    out: list[str] = []
    pos = 0
    for i in sorted(at):
        out += (text[pos:i], "\\")
        pos = i
    out.append(text[pos:])
    return "".join(out)


_MAYBE_INLINE = regex.compile(r"[\\`*_<&\[~]")


def page_order(block: Block, langs: tuple[str, ...]) -> tuple[str, ...]:
    """``langs``, or its reverse for a block whose two sides come from one page in the
    other order (an interleaved page that gives the English line first)."""
    zh, en = block.zh_origin, block.en_origin
    if len(langs) == 2 and zh is not None and en is not None and zh.doc == en.doc and \
            (zh.pos < en.pos) != (langs[0] == "zh"):
        return langs[::-1]
    return langs
