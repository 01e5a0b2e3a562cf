"""Caches that hold one item's texts.

Stages read the same texts again and again within an item: alignment and the checks
extract a sentence's numbers and dates, the runner and alignment split the same blocks
into sentences, the glossary stage and ``qa.terminology`` search the same English. The
functions they call are pure, so their results are kept, but only until the next item
starts (:func:`forget`, called by :func:`pipeline.runner.clean_item`): a cache never
holds more text than the item being cleaned, whatever the size of its blocks or the
length of the run, and what one item is given never depends on what came before it.

>>> @item_cache(maxsize=16)
... def shout(text):
...     return text.upper()
>>> shout("a"), shout.cache_info().currsize
('A', 1)
>>> forget(); shout.cache_info().currsize
0
"""
from __future__ import annotations

from functools import lru_cache
from typing import Callable

_CLEARS: list[Callable[[], None]] = []


def item_cache(maxsize: int) -> Callable[[Callable], Callable]:
    """``functools.lru_cache(maxsize)``, emptied by :func:`forget`. For pure functions
    whose results are immutable (tuples, frozensets): callers share them."""
    def wrap(fn: Callable) -> Callable:
        cached = lru_cache(maxsize=maxsize)(fn)
        _CLEARS.append(cached.cache_clear)
        return cached
    return wrap


def on_forget(clear: Callable[[], None]) -> None:
    """Call ``clear`` whenever the item caches are emptied (for caches of another shape)."""
    _CLEARS.append(clear)


def forget() -> None:
    """Empty every item cache: a new item starts."""
    for clear in _CLEARS:
        clear()
