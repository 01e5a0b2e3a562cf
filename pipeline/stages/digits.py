"""Numbers read from digits a pattern found.

The ``regex`` module's ``\\d`` knows the digits of a newer Unicode than Python's
``int()`` (U+1E5F4 is a digit to one and not to the other), and ``int()`` refuses a
string of more than 4,300 digits: such a run is no number to these stages, never a
crash.
"""
from __future__ import annotations

import re

# the counters MT leaves after a number in English text ("1000个 stations", "3万人"): one
# list for every stage that reads a number's Chinese units (repair writes them, the
# language test and the line joiner look past them)
ZH_COUNTERS = "名个户人位家"

MAX_DIGITS = 40  # no count, date or amount in news is longer


def to_int(s: str) -> int | None:
    """The integer ``s`` writes, or None.

    >>> to_int("2022"), to_int("１２"), to_int("\\U0001e5f4"), to_int("1" * 5000)
    (2022, 12, None, None)
    """
    if len(s) > MAX_DIGITS:
        return None
    try:
        return int(s)
    except ValueError:
        return None


def to_float(s: str) -> float | None:
    """The number ``s`` writes (``1,234.5``), or None.

    >>> to_float("1,234.5"), to_float("\\U0001e5f4"), to_float("9" * 5000)
    (1234.5, None, None)
    """
    s = s.replace(",", "")
    if len(s) > MAX_DIGITS:
        return None
    try:
        return float(s)
    except ValueError:
        return None


# full-width digits and Latin letters, and the marks inside numbers and codes
# ("２０２１－１２－２０", "ＣＯＶＩＤ－１９", "１．５"), as ASCII
FULLWIDTH_ALNUM = str.maketrans(
    {**{chr(0xFF10 + i): chr(0x30 + i) for i in range(10)},
     **{chr(0xFF21 + i): chr(0x41 + i) for i in range(26)},
     **{chr(0xFF41 + i): chr(0x61 + i) for i in range(26)},
     "－": "-", "．": "."})


def has_fullwidth_alnum(text: str) -> bool:
    """Does the text hold a full-width digit or Latin letter?

    >>> has_fullwidth_alnum("ＣＯＶＩＤ－１９"), has_fullwidth_alnum("COVID-19，")
    (True, False)
    """
    return _FULLWIDTH_ALNUM.search(text) is not None


_FULLWIDTH_ALNUM = re.compile("[０-９Ａ-Ｚａ-ｚ]")
