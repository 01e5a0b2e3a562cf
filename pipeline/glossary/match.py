"""Find glossary terms in text: one Aho-Corasick automaton per glossary and language.

English: case-insensitive, any whitespace between words, hyphen/space/closed compounds,
British/American spelling, plural and possessive forms; whole words only; the longest
match wins. Chinese: longest match (the terms a text uses: only where the term is not
inside other words, :mod:`pipeline.glossary.words`); the automaton runs over UTF-8 bytes
(seen as Latin-1 text), which is faster than over ``str`` for Han text, and safe because
a UTF-8 sequence can only match at a character boundary.
"""
from __future__ import annotations

import weakref
from bisect import bisect_right
from dataclasses import dataclass, field
from typing import NamedTuple

import ahocorasick

from ..memo import on_forget
from .model import Entry, Glossary
from .variants import fold, number_form, term_keys
from .words import stands_alone

_RANK = {"preferred": 0, "admitted": 1, "deprecated": 2}
_FOUND_EN_SIZE = 4096
NOUNS = ("noun",)  # countable: a match may change the number of the preferred term
PLACE_NAMES = "place-names"


class Hit(NamedTuple):
    """A term found at ``text[start:end]``: entry index, status, term, and the form
    (see :func:`~pipeline.glossary.variants.number_form`)."""

    start: int
    end: int
    entry: int
    status: str
    term: str
    form: str = ""


@dataclass(frozen=True)
class Matcher:
    glossary: Glossary
    en: ahocorasick.Automaton | None
    zh: ahocorasick.Automaton | None
    # what the glossary stage looks for, in one pass over the text as searched: the
    # keys of ``en`` that give a deprecated hit (without one in a text, find_en can
    # return no deprecated term), and the place names (see is_place_name; without one
    # written all in lower case, no place name has lost its capitals). Values:
    # (length, gives a deprecated hit, is a place name).
    en_guard: ahocorasick.Automaton | None = None
    _parts: dict[int, frozenset[int]] = field(default_factory=dict, compare=False,
                                              repr=False)
    # the glossary stage and qa.terminology read the same English texts: the hits of the
    # item's texts are kept (emptied with the other item caches, see pipeline.memo)
    _found_en: dict[str, tuple[Hit, ...]] = field(default_factory=dict, compare=False,
                                                  repr=False)

    def find_en(self, text: str) -> tuple[Hit, ...]:
        """Whole-word English terms in ``text``, longest first, without overlaps, in
        text order (kept for the item's texts: see :meth:`search_en`)."""
        found = self._found_en.get(text)
        if found is None:
            if len(self._found_en) >= _FOUND_EN_SIZE:
                self._found_en.clear()  # bounded; what is kept never changes a result
            if not self._found_en:
                _KEEPING[id(self)] = self
            found = self._found_en[text] = tuple(self.search_en(text))
        return found

    def search_en(self, text: str) -> list[Hit]:
        """:meth:`find_en` worked out afresh (for benchmarks of the matching itself)."""
        if self.en is None or not text:
            return []
        folded, positions = _searched(text)
        padded = " " + folded + " "  # so the word-boundary test needs no range checks
        found = []
        for end, value in self.en.iter(folded):
            start = end - value[0] + 1
            if _in_word(padded[start]) or _in_word(padded[end + 2]):
                continue
            found.append((start, end + 1) + value[1:])
        if not found:
            return []
        hits = select_longest(found) if _overlapping(found) else [Hit(*f) for f in found]
        if positions is not None:
            hits = [h._replace(start=positions[h.start], end=positions[h.end - 1] + 1)
                    for h in hits]
        return hits

    def guards(self, text: str) -> tuple[bool, bool]:
        """(may find a deprecated term, may find a place name in lower case): each False
        only when :meth:`find_en` surely has no such hit in ``text`` (word boundaries
        aside). One pass, a fraction of the cost of the search, and most texts hold
        neither. MT loses the capitals of a place name (``beijing``) now and then,
        human text nearly never."""
        if self.en_guard is None or not text:
            return False, False
        folded, positions = _searched(text)
        deprecated = lowercase_place = False
        for end, (length, gives_deprecated, place) in self.en_guard.iter(folded):
            deprecated = deprecated or gives_deprecated
            if place and not lowercase_place:
                start = end - length + 1
                if positions is not None:
                    start, end = positions[start], positions[end]
                lowercase_place = text[start:end + 1].islower()
            if deprecated and lowercase_place:
                break
        return deprecated, lowercase_place

    def find_zh(self, text: str) -> list[Hit]:
        """Chinese terms in ``text``, leftmost-longest, with character offsets, also
        where a term's characters are part of other words (see :meth:`zh_entries`)."""
        if self.zh is None or not text:
            return []
        data = text.encode("utf-8", "surrogatepass")
        hits = []
        byte_pos = char_pos = 0
        for end, (length, entry, term) in self.zh.iter_long(data.decode("latin-1")):
            start = end - length + 1
            char_pos += len(data[byte_pos:start].decode("utf-8", "surrogatepass"))
            byte_pos = start
            hits.append(Hit(char_pos, char_pos + len(term), entry, "zh", term))
        return hits

    def parts(self, index: int) -> frozenset[int]:
        """The entry itself and every entry whose Chinese term is inside one of its
        Chinese terms (重庆 inside 重庆市): their English also renders it."""
        table = self._parts  # filled lazily: only qa.terminology needs it
        known = table.get(index)
        if known is not None:
            return known
        found = {index}
        if self.zh is not None:
            for term in self.glossary.entries[index].zh:
                for _, value in self.zh.iter(term.encode("utf-8").decode("latin-1")):
                    found.add(value[1])
        known = table[index] = frozenset(found)
        return known

    def zh_entries(self, text: str) -> list[tuple[int, str]]:
        """(entry index, term) of each Chinese term in ``text`` that is a word or starts
        or ends one, not characters from the middle of other words (重庆 in 隆重庆祝:
        see :mod:`pipeline.glossary.words`)."""
        return [(hit.entry, hit.term) for hit in self.find_zh(text)
                if stands_alone(text, hit.start, hit.end)]


def _in_word(char: str) -> bool:
    """Whether a character next to an English match makes it part of a longer word: a
    letter or digit, but not a CJK one (Chinese has no spaces: 在Beijing举行, or an
    English headline after a Chinese separator, 新华全媒+丨Beijing ...).

    >>> _in_word("s"), _in_word("9"), _in_word("é"), _in_word("丨"), _in_word("民"), _in_word(" ")
    (True, True, True, False, False, False)
    """
    return char.isalnum() and not ("\u2e80" <= char <= "\ufaff" or char >= "\U00020000")


def _searched(text: str) -> tuple[str, list[int] | None]:
    """The text as the English automaton reads it (folded, runs of whitespace as one
    space) and, when runs were cut, the offset in ``text`` of each of its characters."""
    folded = fold(text)
    if "  " not in folded:
        return folded, None
    positions = [i for i, c in enumerate(folded)
                 if c != " " or i == 0 or folded[i - 1] != " "]
    return "".join(folded[i] for i in positions), positions


def _overlapping(found: list[tuple]) -> bool:
    """Whether matches listed by end position overlap (the common answer is no)."""
    last = -1
    for f in found:
        if f[0] < last:
            return True
        last = f[1]
    return False


def select_longest(found: list[tuple]) -> list[Hit]:
    """Non-overlapping matches, longest first (ties: leftmost, then best status), in
    text order."""
    found.sort(key=lambda f: (f[0] - f[1], f[0], _RANK[f[3]]))
    if len(found) == 1:
        return [Hit(*found[0])]
    taken: list[Hit] = []
    starts: list[int] = []  # of the taken spans, sorted; taken spans never overlap
    ends: list[int] = []
    for f in found:
        s, e = f[0], f[1]
        i = bisect_right(starts, s)
        if (i and ends[i - 1] > s) or (i < len(starts) and starts[i] < e):
            continue
        starts.insert(i, s)
        ends.insert(i, e)
        taken.append(Hit(*f))
    taken.sort()
    return taken


# the last word of a body's name that many bodies share: "the county Civil Affairs
# Bureaus" are several, and a proper noun so named takes a plural
COUNTABLE_BODIES = frozenset({"bureau", "department", "office", "committee", "commission",
                              "centre", "center", "station", "association", "federation",
                              "agency", "administration", "court", "procuratorate", "hospital",
                              "school", "home", "institute", "council", "team"})


def takes_plural(entry) -> bool:
    """Does an entry's term take a plural: a noun, or a body's name ending in a word
    that many bodies share ("Civil Affairs Bureau", not "Ministry of Civil Affairs")?"""
    if entry.pos in NOUNS:
        return True
    return entry.pos == "properNoun" and \
        entry.en_preferred.rsplit(" ", 1)[-1].lower() in COUNTABLE_BODIES


def build_matcher(glossary: Glossary) -> Matcher:
    """Compile the automata. A key claimed by several entries goes to the best status
    (preferred, admitted, then deprecated), then to the last entry: a later glossary
    layered over the shipped one wins."""
    en_keys: dict[str, tuple] = {}
    zh_keys: dict[str, tuple] = {}
    for index, entry in enumerate(glossary.entries):
        plurals = takes_plural(entry)
        for term, status in entry.english():
            for key, form in term_keys(term, plurals).items():
                if plurals:
                    form = number_form(term, form)
                value = (len(key), index, status, term, form)
                old = en_keys.get(key)
                if old is None or (_RANK[status], form not in ("", "sg")) <= \
                        (_RANK[old[2]], old[4] not in ("", "sg")):
                    en_keys[key] = value
        for term in entry.zh:
            zh_keys.setdefault(term, (index, term))
    en = _automaton(en_keys.items())
    guard: dict[str, tuple[int, bool, bool]] = {
        k: (len(k), True, False) for k, v in en_keys.items() if v[2] == "deprecated"}
    for entry in glossary.entries:
        if is_place_name(entry):
            for term, status in entry.english():
                if status != "deprecated" and is_capitalised(term):
                    key = fold(" ".join(term.split()))
                    guard[key] = (len(key), key in guard, True)
    zh_bytes = ((term.encode("utf-8").decode("latin-1"), value)
                for term, value in zh_keys.items())
    zh = _automaton((key, (len(key),) + value) for key, value in zh_bytes)
    return Matcher(glossary, en, zh, _automaton(guard.items()))


def is_place_name(entry: Entry) -> bool:
    """A proper noun of the place-names domain (Beijing, Inner Mongolia, Xi'an)."""
    return entry.pos == "properNoun" and entry.domain == PLACE_NAMES


def is_capitalised(term: str) -> bool:
    """Every word of ``term`` starts with a capital: a name (``Inner Mongolia``), not
    the title of a law (``Regulations on the Administration of Geographical Names``),
    whose words may be written in lower case in a sentence.

    >>> is_capitalised("Inner Mongolia"), is_capitalised("Regulations on the Names")
    (True, False)
    """
    return all(word[:1].isupper() for word in term.split())


def _automaton(items) -> ahocorasick.Automaton | None:
    """An automaton of (key, value) pairs, or None when there are none."""
    automaton = ahocorasick.Automaton()
    for key, value in items:
        automaton.add_word(key, value)
    if not len(automaton):
        return None
    automaton.make_automaton()
    return automaton


_MATCHERS: dict[int, tuple[Glossary, Matcher]] = {}
# matchers that keep hits, so that a new item empties them (weakly held: a matcher that
# is no longer used goes)
_KEEPING: "weakref.WeakValueDictionary[int, Matcher]" = weakref.WeakValueDictionary()


def _forget_hits() -> None:
    for matcher in list(_KEEPING.values()):
        matcher._found_en.clear()
    _KEEPING.clear()


on_forget(_forget_hits)


def matcher_for(glossary: Glossary) -> Matcher:
    """The compiled matcher of a glossary, built once per process."""
    cached = _MATCHERS.get(id(glossary))
    if cached is None or cached[0] is not glossary:
        cached = (glossary, build_matcher(glossary))
        _MATCHERS[id(glossary)] = cached
    return cached[1]
