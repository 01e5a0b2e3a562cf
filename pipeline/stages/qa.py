"""Stage: quality checks. A check reports findings; it never changes text or raises."""
from __future__ import annotations

import regex

from ..registry import check

_HAN_RUN = regex.compile(r"\p{Han}[\p{Han}\d·（）()]*")


@check("qa.untranslated", severity="major", lang="en")
def english_has_no_chinese(text: str):
    """Chinese characters left untranslated in English text.

    >>> list(english_has_no_chinese("News from 华声在线 today"))
    [('untranslated Chinese left in English text: 华声在线', '华声在线')]
    """
    for m in _HAN_RUN.finditer(text):
        yield f"untranslated Chinese left in English text: {m.group(0)}", m.group(0)
