"""mtclean: turn machine-translated Chinese press releases into clean bilingual news items.

The library API in a few names::

    from pipeline import clean_text, clean_file, restore_sources
    item = clean_text(open("page.txt").read(), "page")
    item.to_dict()            # the JSON record
    restore_sources(item)     # the decoded input, rebuilt from the record
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

__version__ = "0.1.0"
__all__ = ["Config", "clean_file", "clean_text", "restore_sources", "__version__"]

# imported when first named, so that the command's entry point (pipeline.launch) starts
# before the stages' imports and can hold an interrupt during them
_FROM = {"Config": "runner", "clean_file": "runner", "clean_text": "runner",
         "restore_sources": "restore"}

if TYPE_CHECKING:
    from .restore import restore_sources
    from .runner import Config, clean_file, clean_text


def __getattr__(name: str) -> Any:
    if name in _FROM:
        return getattr(importlib.import_module(f".{_FROM[name]}", __name__), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
