"""Month names shared by the stages that read and write dates (metadata lines, Chinese
dates rendered in English, cross-language date checks)."""
from __future__ import annotations

MONTH_NAMES = ("January", "February", "March", "April", "May", "June", "July", "August",
               "September", "October", "November", "December")
# full lower-case name -> number
MONTHS = {name.lower(): i for i, name in enumerate(MONTH_NAMES, 1)}
# an English month, full or abbreviated (Sept., Aug), not followed by more letters
MONTH_PATTERN = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|"
                 r"Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
                 r"(?![a-z])\.?")


def month_number(name: str) -> int:
    """The number of a month name or abbreviation.

    >>> month_number("Sept."), month_number("aug"), month_number("December")
    (9, 8, 12)
    """
    key = name.lower().rstrip(".")[:3]
    return next(i for full, i in MONTHS.items() if full.startswith(key))
