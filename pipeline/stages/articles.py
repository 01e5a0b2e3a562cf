"""Stage: number the articles of a regulation the same way throughout.

MT of Chinese regulations renders 第十一条 (Article 11) now as "Article 11", now as the
bare ordinal "Eleventh", which reads as the start of a sentence: "Eleventh to apply for
registration, ..." next to "Article 10 The registration authority ...". A block that
starts with an ordinal is ordinary English too ("Third quarter GDP grew"), so an ordinal
becomes "Article N" only where the item is a regulation (at least two blocks start with
an article's own number, "Article 10 The ...", not a reference, "Article 2 of the
Measures ...") and the number fits between its neighbours: the article before it is
N - 1, or the one after it is N + 1.
"""
from __future__ import annotations

import re

from ..records import Edit, Item, evolve
from ..registry import structural
from .digits import to_int

ARTICLE_NUMBERS = structural(
    "repair.article_numbers",
    "an article numbered as a bare ordinal ('Eleventh to apply') reads 'Article 11', as "
    "the regulation's other articles do")
KINDS = ("heading", "paragraph")

_UNITS = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
          "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
          "nineteenth").split()
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
         "eighty": 80, "ninety": 90}
_TENTHS = {word[:-1] + "ieth": value for word, value in _TENS.items()}  # twentieth
# an article's own number, as a regulation gives it: "Article 10 The registration ...";
# not a reference to one ("Article 2 of the Measures defines ...")
_ARTICLE = re.compile(r"Article (\d+)(?=[ \t]+[A-Z\"“(]|[ \t]*[:.]?[ \t]*\Z)")
MIN_ARTICLES = 2  # "Article N" blocks that make an item a regulation
# an ordinal, the space after it and the first letter of what follows (not a comma:
# "First, the ministry ..." is English as written)
# ... and MT's "Seventh article The municipal ..." (第七条 word by word), whose "article"
# goes with it
_ORDINAL = re.compile(rf"((?:{'|'.join(w.capitalize() for w in _TENS)})[- ][a-z]+|[A-Z][a-z]+)"
                      r"(?: +[Aa]rticle\b[:.]?)?( +)([A-Za-z])")

# an ordinal that starts a name ("Fourteenth Provincial Party Congress", "Twelfth
# Five-Year Plan", "Third Plenary Session"); an article's own text opens with a
# capitalised subject just as often ("Thirteenth County People's Governments shall"), so
# the words of such names tell, not their capitals
_NAME = re.compile(r"(?:Five-Year|(?:National|Provincial|Municipal|Party|CPC)\s+(?:People's\s+)?"
                   r"(?:Party\s+)?Congress|Party\s+Congress|Plenary|Session|Central\s+Committee|"
                   r"National\s+Games|Asian\s+Games|Olympic|Anniversary|Century)\b")


def ordinal_value(word: str) -> int | None:
    """The number an English ordinal names, 1 to 99.

    >>> [ordinal_value(w) for w in ("Eleventh", "twenty-first", "Thirtieth", "Firsts")]
    [11, 21, 30, None]
    """
    word = word.lower()
    if word in _UNITS:
        return _UNITS.index(word) + 1
    if word in _TENTHS:
        return _TENTHS[word]
    tens, _, unit = word.replace(" ", "-").partition("-")
    if tens in _TENS and unit in _UNITS[:9]:
        return _TENS[tens] + _UNITS.index(unit) + 1
    return None


def _numbers(item: Item) -> list[tuple[int, int, bool]]:
    """(block index, number, is an "Article N" block) of the English blocks that start
    with an article number or an ordinal, in order."""
    out = []
    for index, block in enumerate(item.blocks):
        if block.kind not in KINDS or not block.en:
            continue
        article = _ARTICLE.match(block.en)
        number = to_int(article.group(1)) if article else None
        if number is not None:
            out.append((index, number, True))
            continue
        ordinal = _ORDINAL.match(block.en)
        value = ordinal_value(ordinal.group(1)) if ordinal and not _NAME.match(
            block.en, ordinal.start(3)) else None
        if value is not None:
            out.append((index, value, False))
    return out


def _fitting(numbers: list[tuple[int, int, bool]]) -> set[int]:
    """The ordinal blocks whose number follows the article before them or precedes the
    one after them (a run of ordinals counts on from its neighbour)."""
    accepted: set[int] = set()
    for order, step in ((numbers, 1), (numbers[::-1], -1)):  # forwards, then backwards
        last = None
        for index, value, is_article in order:
            if is_article or index in accepted:
                last = value
            elif last is not None and value == last + step:
                accepted.add(index)
                last = value
            else:
                last = None
    return accepted


def number_articles(item: Item, disabled: frozenset[str] = frozenset()) -> Item:
    """Write each fitting ordinal as "Article N", the next letter as a sentence start;
    one edit per block.

    >>> from pipeline.records import Block
    >>> item = Item("r", blocks=(
    ...     Block("paragraph", "en", en="Article 10 The registration authority shall act."),
    ...     Block("paragraph", "en", en="Eleventh to apply for registration, submit it."),
    ...     Block("paragraph", "en", en="Article 12 The authority shall reply."),
    ...     Block("paragraph", "en", en="Third quarter GDP grew.")))
    >>> [b.en for b in number_articles(item).blocks][1:]
    ['Article 11 To apply for registration, submit it.', 'Article 12 The authority shall reply.', 'Third quarter GDP grew.']
    >>> item = evolve(item, blocks=item.blocks[:1] + (
    ...     Block("paragraph", "en", en="Eleventh article The department shall act."),)
    ...     + item.blocks[2:3])
    >>> number_articles(item).blocks[1].en
    'Article 11 The department shall act.'
    """
    if ARTICLE_NUMBERS in disabled:
        return item
    numbers = _numbers(item)
    if sum(1 for _, _, is_article in numbers if is_article) < MIN_ARTICLES:
        return item
    fitting = _fitting(numbers)
    if not fitting:
        return item
    blocks = list(item.blocks)
    edits = list(item.edits)
    for index, value, _ in numbers:
        if index not in fitting:
            continue
        text = blocks[index].en or ""
        m = _ORDINAL.match(text)
        assert m is not None  # (_numbers matched it)
        after = f"Article {value}{m.group(2)}{m.group(3).upper()}"
        edits.append(Edit(ARTICLE_NUMBERS, index, "en", 0, m.group(0), after))
        blocks[index] = blocks[index].with_text("en", after + text[m.end():])
    return evolve(item, blocks=tuple(blocks), edits=tuple(edits))
