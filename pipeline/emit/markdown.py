"""Markdown for reading: the title as ``#``, headings as ``##``, paragraphs as text.

Metadata and boilerplate blocks are left out (they stay in the JSON record). A bilingual
block is written as its Chinese text followed by its English text, unless both came from
one interleaved page with the English first: then in the page's order, so that cleaning
the Markdown again pairs the same lines. Cleaning this Markdown again gives the same
blocks and no edits.
"""
from __future__ import annotations

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
                parts.append(_PREFIX.get(block.kind, "") + text)
    return "\n\n".join(parts) + "\n" if parts else ""


def page_order(block: Block, langs: tuple[str, ...]) -> tuple[str, ...]:
    """``langs``, or its reverse for a block whose two sides come from one page in the
    other order (an interleaved page that gives the English line first)."""
    zh, en = block.zh_origin, block.en_origin
    if len(langs) == 2 and zh is not None and en is not None and zh.doc == en.doc and \
            (zh.pos < en.pos) != (langs[0] == "zh"):
        return langs[::-1]
    return langs
