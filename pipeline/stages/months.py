"""Month names shared by the stages that read and write dates (metadata lines, Chinese
dates rendered in English, cross-language date checks)."""
from __future__ import annotations

from calendar import monthrange

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


def is_date(month: int, day: int, year: int | None = None) -> bool:
    """Whether a month and day (of ``year``, or of some year) exist: no 30 February.

    >>> is_date(2, 29), is_date(2, 29, 2023), is_date(2, 30), is_date(4, 31), is_date(13, 1)
    (True, False, False, False, False)
    """
    if not 1 <= month <= 12 or day < 1:
        return False
    return day <= (monthrange(year, month)[1] if year is not None and 1 <= year <= 9999
                   else monthrange(2000, month)[1])  # (2000: a leap year)
