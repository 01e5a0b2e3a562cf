"""Turn a (before, after) pair of texts into small, readable edit spans, and undo them.

Spans are ordered left to right, each with its offset in the *after* text: applied in
order they turn ``before`` into ``after``, undone in reverse order they give it back.
"""
from __future__ import annotations

from difflib import SequenceMatcher

MAX_FINE_DIFF = 3000  # beyond this, one span from first to last change (linear cost)
MERGE_GAP = 3  # changes closer than this are shown as one edit
CONTEXT_CHARS = 40  # a span grows to whole words, but no further than this


def _common_prefix(a: str, b: str) -> int:
    lo, hi = 0, min(len(a), len(b))
    if a[:hi] == b[:hi]:
        return hi
    while lo < hi:  # bisection keeps long texts linear-ish (slice compares run in C)
        mid = (lo + hi + 1) // 2
        if a[:mid] == b[:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _common_suffix(a: str, b: str, limit: int) -> int:
    lo, hi = 0, limit
    if hi and a[len(a) - hi:] == b[len(b) - hi:]:
        return hi
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[len(a) - mid:] == b[len(b) - mid:]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _is_word(c: str) -> bool:
    return c.isalnum()


def diff_spans(before: str, after: str) -> list[tuple[int, str, str]]:
    """Spans ``(offset_in_after, old, new)`` that turn ``before`` into ``after``.

    >>> diff_spans("all\\xa0participated in Lao\\xa0Niu", "all participated in Lao Niu")
    [(0, 'all\\xa0participated', 'all participated'), (20, 'Lao\\xa0Niu', 'Lao Niu')]
    """
    if before == after:
        return []
    p = _common_prefix(before, after)
    s = _common_suffix(before, after, min(len(before), len(after)) - p)
    a_mid = before[p:len(before) - s]
    b_mid = after[p:len(after) - s]
    if len(a_mid) + len(b_mid) > MAX_FINE_DIFF or not a_mid or not b_mid:
        ranges = [(p, p + len(a_mid), p, p + len(b_mid))]
    else:
        ranges = []
        sm = SequenceMatcher(None, a_mid, b_mid, autojunk=False)
        for tag, i1, i2, j1, j2 in sm.get_opcodes():
            if tag == "equal":
                continue
            if ranges and i1 + p - ranges[-1][1] < MERGE_GAP:
                ranges[-1] = (ranges[-1][0], i2 + p, ranges[-1][2], j2 + p)
            else:
                ranges.append((i1 + p, i2 + p, j1 + p, j2 + p))
    spans = []
    for a1, a2, b1, b2 in ranges:
        # grow to whole words on the unchanged sides, so an editor sees "Lao Niu"
        k = 0
        while k < CONTEXT_CHARS and a1 - k > 0 and b1 - k > 0 and \
                _is_word(before[a1 - k - 1]) and before[a1 - k - 1] == after[b1 - k - 1]:
            k += 1
        j = 0
        while j < CONTEXT_CHARS and a2 + j < len(before) and b2 + j < len(after) and \
                _is_word(before[a2 + j]) and before[a2 + j] == after[b2 + j]:
            j += 1
        spans.append([a1 - k, a2 + j, b1 - k, b2 + j])
    # growing may make neighbours overlap: merge them
    merged: list[list[int]] = []
    for sp in spans:
        if merged and sp[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], sp[1])
            merged[-1][3] = max(merged[-1][3], sp[3])
        else:
            merged.append(sp)
    return [(b1, before[a1:a2], after[b1:b2]) for a1, a2, b1, b2 in merged]


def apply_span(text: str, offset: int, old: str, new: str) -> str:
    """Apply one span to the text it was recorded against (the text before it)."""
    return text[:offset] + new + text[offset + len(old):]


def undo_span(text: str, offset: int, old: str, new: str) -> str:
    """Undo one span: the inverse of :func:`apply_span`."""
    if text[offset:offset + len(new)] != new:
        raise ValueError(f"edit does not match the text at offset {offset}")
    return text[:offset] + old + text[offset + len(new):]
