"""Rebuild the decoded input of an item from its cleaned record.

Each block side's original text is its final text with its edits undone in reverse
order; layout (blank lines, Markdown markers) comes from the block origins and each
source's tail. A test proves ``restore(clean(x)) == x`` on the corpus and generated text.
"""
from __future__ import annotations

from .diff import undo_span
from .errors import InputError
from .records import Edit, Item


def _runs(edits: list[Edit]) -> list[list[Edit]]:
    """Split edits into runs made left to right without overlap (one rule pass, or the
    joins of one block): such a run can be undone in one pass over the text."""
    runs: list[list[Edit]] = []
    for e in edits:
        if runs:
            last = runs[-1][-1]
            if e.offset >= last.offset + len(last.after):
                runs[-1].append(e)
                continue
        runs.append([e])
    return runs


def _undo_run(text: str, run: list[Edit]) -> str:
    """Undo a left-to-right run of edits at once: linear in the text, where undoing them
    one by one would copy the whole text per edit (quadratic for a long block)."""
    if len(run) == 1:
        e = run[0]
        return undo_span(text, e.offset, e.before, e.after)
    pieces = []
    pos = 0
    for e in run:
        if text[e.offset:e.offset + len(e.after)] != e.after:
            raise ValueError(f"edit does not match the text at offset {e.offset}")
        pieces.append(text[pos:e.offset])
        pieces.append(e.before)
        pos = e.offset + len(e.after)
    pieces.append(text[pos:])
    return "".join(pieces)


def original_text(item: Item, index: int, lang: str,
                  edits: list[Edit] | None = None) -> str:
    """The text of one block side before any edit (``edits``: that side's edits, when the
    caller has already picked them out)."""
    text = item.blocks[index].text(lang) or ""
    if edits is None:
        edits = item.block_edits(index, lang)
    for run in reversed(_runs(edits)):
        try:
            text = _undo_run(text, run)
        except ValueError:
            edit = run[0]
            raise InputError(f"edit {edit.rule} at offset {edit.offset} of block {index} "
                             f"({lang}) does not match the text", item=item.id,
                             hint="the record was changed after cleaning") from None
    return text


def _damaged(item: Item, what: str) -> InputError:
    return InputError(f"damaged record: {what}", item=item.id,
                      hint="restore reads records exactly as `mtclean clean` wrote them")


def _check_record(item: Item) -> None:
    """Refuse a record whose parts do not fit together, rather than restoring part of it
    silently or failing with a bug report."""
    for index, block in enumerate(item.blocks):
        for lang in ("en", "zh"):
            text, origin = block.text(lang), block.origin(lang)
            if text is not None and not isinstance(text, str):
                raise _damaged(item, f"block {index} {lang} text is not a string")
            if origin is not None and not (
                    isinstance(origin.gap, str) and isinstance(origin.mark, str)
                    and 0 <= origin.doc < len(item.sources)):
                raise _damaged(item, f"block {index} {lang} origin does not fit the sources")
    for e in item.edits:
        if not (0 <= e.block < len(item.blocks) and e.lang in ("en", "zh")
                and isinstance(e.before, str) and isinstance(e.after, str)
                and e.offset >= 0):
            raise _damaged(item, f"edit {e.rule!r} does not fit the blocks")
    for source in item.sources:
        if not isinstance(source.tail, str):
            raise _damaged(item, f"source {source.name!r} tail is not a string")


def restore_sources(item: Item) -> list[str]:
    """The decoded text of every source document of the item, in source order."""
    _check_record(item)
    pieces: dict[int, list[tuple[int, str]]] = {d: [] for d in range(len(item.sources))}
    by_side: dict[tuple[int, str], list[Edit]] = {}
    for e in item.edits:  # grouped once: per block filtering is quadratic in blocks
        by_side.setdefault((e.block, e.lang), []).append(e)
    for index, block in enumerate(item.blocks):
        for lang in ("en", "zh"):
            origin = block.origin(lang)
            if origin is None:
                continue
            text = original_text(item, index, lang, by_side.get((index, lang), []))
            pieces.setdefault(origin.doc, []).append((origin.pos,
                                                      origin.gap + origin.mark + text))
    out = []
    for doc, source in enumerate(item.sources):
        parts = sorted(pieces.get(doc, []))
        out.append("".join(p for _, p in parts) + source.tail)
    return out
