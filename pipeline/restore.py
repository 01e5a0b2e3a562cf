"""Rebuild the decoded input of an item from its cleaned record.

Each block side's original text is its final text with its edits undone in reverse
order; layout (blank lines, Markdown markers) comes from the block origins and each
source's tail. A test proves ``restore(clean(x)) == x`` on the corpus and generated text.
"""
from __future__ import annotations

from .diff import undo_span
from .errors import InputError
from .records import Item


def original_text(item: Item, index: int, lang: str) -> str:
    text = item.blocks[index].text(lang) or ""
    for edit in reversed(item.block_edits(index, lang)):
        try:
            text = undo_span(text, edit.offset, edit.before, edit.after)
        except ValueError:
            raise InputError(f"edit {edit.rule} at offset {edit.offset} of block {index} "
                             f"({lang}) does not match the text", item=item.id,
                             hint="the record was changed after cleaning") from None
    return text


def restore_sources(item: Item) -> list[str]:
    """The decoded text of every source document of the item, in source order."""
    pieces: dict[int, list[tuple[int, str]]] = {d: [] for d in range(len(item.sources))}
    for index, block in enumerate(item.blocks):
        for lang in ("en", "zh"):
            origin = block.origin(lang)
            if origin is None:
                continue
            text = original_text(item, index, lang)
            pieces.setdefault(origin.doc, []).append((origin.pos,
                                                      origin.gap + origin.mark + text))
    out = []
    for doc, source in enumerate(item.sources):
        parts = sorted(pieces.get(doc, []))
        out.append("".join(p for _, p in parts) + source.tail)
    return out
