"""Stage: repair machine-translation artifacts, one small rule per artifact.

Rules run in a fix-point loop after classification and the glossary, so they may rely
on each block's kind and language side.
"""
from __future__ import annotations

import regex

from ..registry import rule

_FW_TO_ASCII = {
    "，": ",", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")",
    "“": '"', "”": '"', "‘": "'", "’": "'", "【": "[", "】": "]", "《": '"', "》": '"',
    "、": ",", "。": ".", "\u3000": " ", "～": "~", "％": "%", "＆": "&", "／": "/",
}
_FW = regex.compile("[" + regex.escape("".join(k for k in _FW_TO_ASCII if k not in "“”‘’"))
                    + "]")
# spacing after ASCII punctuation that replaced a full-width mark
_SPACE_AFTER = regex.compile(r"(?<=[,:;!?)\]])(?=[A-Za-z(\[\"])(?<!\d[,:](?=\d))")
_SPACE_BEFORE = regex.compile(r"(?<=[A-Za-z0-9.,;:])(?=[(\[])")


@rule("repair.fullwidth_punct", lang="en", order=10)
def ascii_punct_in_english(text: str) -> str:
    """Turn full-width punctuation left by MT into ASCII in English text.

    >>> ascii_punct_in_english("Source：Beijing Youth Daily，Author：Wang Sishuo")
    'Source: Beijing Youth Daily, Author: Wang Sishuo'
    >>> ascii_punct_in_english("the Charity Law（2016）")
    'the Charity Law (2016)'
    """
    if text.isascii():
        return text
    if not _FW.search(text):
        return text
    out = []
    for part in regex.split(r"(\p{Han}+)", text):
        if part and regex.match(r"\p{Han}", part):
            out.append(part)
            continue
        out.append(_FW.sub(lambda m: _FW_TO_ASCII[m.group(0)], part))
    fixed = "".join(out)
    fixed = _SPACE_AFTER.sub(" ", fixed)
    return regex.sub(r"(?<=[A-Za-z0-9])(?=\()", " ", fixed).replace("  ", " ")
