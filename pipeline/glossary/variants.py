"""The spellings of an English term that matching accepts: British and American
spelling, hyphen or space or closed compound, plural and possessive forms.

Text and terms are first *folded* (:func:`fold`): lower case, every kind of whitespace
becomes a space, Unicode hyphens and curly apostrophes become ASCII ones. Folding keeps
the length of the text, so a match in folded text is a match at the same offsets in the
original. Hyphen, space and closed compounds are keys of their own (:func:`term_keys`).
"""
from __future__ import annotations

import itertools
import re
from typing import Iterator

import regex

# every character that str.isspace() accepts or Unicode calls a space separator (Zs)
SPACES = ("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680" +
          "".join(chr(c) for c in range(0x2000, 0x200b)) + "\u2028\u2029\u202f\u205f\u3000")
_FOLD = str.maketrans({**{c: " " for c in SPACES}, "\u2010": "-", "\u2011": "-",
                       "\u2019": "'", "\u2018": "'"})
# the characters _FOLD changes: a text without one needs no translate(), which costs
# a dictionary look-up per character of a text that is not ASCII
_FOLDED_CHAR = re.compile("[" + "".join(re.escape(chr(c)) for c, to in sorted(_FOLD.items())
                                        if chr(c) != to) + "]")
_MAX_GAPS = 3  # terms with more word gaps only get the hyphen/space variant as written

# British spellings with their American counterpart (as word stems: derived forms follow)
_STEMS = (
    ("labour", "labor"), ("honour", "honor"), ("neighbour", "neighbor"), ("favour", "favor"),
    ("behaviour", "behavior"), ("colour", "color"), ("harbour", "harbor"),
    ("endeavour", "endeavor"), ("rumour", "rumor"), ("vigour", "vigor"),
    ("centre", "center"), ("theatre", "theater"), ("metre", "meter"), ("litre", "liter"),
    ("fibre", "fiber"), ("programme", "program"), ("defence", "defense"),
    ("licence", "license"), ("offence", "offense"), ("catalogue", "catalog"),
    ("dialogue", "dialog"), ("ageing", "aging"), ("enrolment", "enrollment"),
    ("fulfilment", "fulfillment"), ("judgement", "judgment"), ("travelling", "traveling"),
    ("travelled", "traveled"), ("counselling", "counseling"), ("counsellor", "counselor"),
    ("modelling", "modeling"), ("cancelled", "canceled"), ("cancelling", "canceling"),
    ("paediatric", "pediatric"), ("orthopaedic", "orthopedic"), ("anaemia", "anemia"),
    ("grey", "gray"),
)
_SUFFIXES = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
             ("ising", "izing"), ("iser", "izer"), ("yse", "yze"), ("ysed", "yzed"))
_IZE_SAFE = 5  # "rise", "wise", "size": short words keep their spelling
# each stem in both directions, under its first letters: a word meets only a few stems
# (building the matcher looked at all of them for each of its thousands of words)
_STEM_START = min(len(w) for pair in _STEMS for w in pair)


def _index_stems() -> dict[str, list[tuple[str, str]]]:
    index: dict[str, list[tuple[str, str]]] = {}
    for brit, am in _STEMS:
        for a, b in ((brit, am), (am, brit)):
            index.setdefault(a[:_STEM_START], []).append((a, b))
    return index


_STEMS_BY_START = _index_stems()


def fold(text: str) -> str:
    """Lower case; whitespace to spaces, Unicode hyphens to ``-``, curly apostrophes to
    straight ones. Keeps the length of the text.

    >>> fold("Civil\\u00a0Affairs Bureau\\u2019s Non\\u2011profit")
    "civil affairs bureau's non-profit"
    """
    low = text.lower()
    if low.isascii() and "\n" not in low and "\t" not in low and "\r" not in low:
        return low  # the common case, and much faster than translate()
    if len(low) != len(text):  # a few letters lower-case to two characters ("İ")
        low = "".join(c.lower()[0] for c in text)
    if not _FOLDED_CHAR.search(low):
        return low
    return low.translate(_FOLD)


def spellings(word: str) -> set[str]:
    """British and American spellings of one folded word.

    >>> sorted(spellings("organisation")), sorted(spellings("centres"))
    (['organisation', 'organization'], ['centers', 'centres'])
    """
    out = {word}
    for a, b in _STEMS_BY_START.get(word[:_STEM_START], ()):
        if word.startswith(a) and not (len(b) > len(a) and word.startswith(b)) and \
                (len(word) == len(a) or a not in ("grey", "gray")):
            out.add(b + word[len(a):])
    if len(word) > _IZE_SAFE:
        for brit, am in _SUFFIXES:
            for a, b in ((brit, am), (am, brit)):
                if word.endswith(a):
                    out.add(word[: -len(a)] + b)
                if a == "isation" or a == "ization":
                    i = word.find(a)
                    if i > 0:
                        out.add(word[:i] + b + word[i + len(a):])
    return out


def plural(word: str) -> str:
    """The plural of an English noun, by rule.

    >>> plural("facility"), plural("bureau"), plural("box"), plural("day")
    ('facilities', 'bureaus', 'boxes', 'days')
    """
    if word.endswith("y") and len(word) > 1 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    if word.endswith(("s", "x", "z", "ch", "sh")):
        return word + "es"
    return word + "s"


def singular(word: str) -> str | None:
    """The singular of a plural English noun, or None when ``word`` does not look plural.

    >>> singular("facilities"), singular("organizations"), singular("affairs"), singular("class")
    ('facility', 'organization', 'affair', None)
    """
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes", "zes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")) and len(word) > 3:
        return word[:-1]
    return None


def _spelled(base: str) -> Iterator[str]:
    """Spelling and separator variants of a folded term (words joined by `` `` or ``-``)."""
    parts = regex.split(r"([ -])", base)
    words, seps = parts[0::2], parts[1::2]
    # a hyphen may also be a space or nothing; a space may be a hyphen in two-word terms
    gaps = [("-", " ", "") if s == "-" else (" ", "-") if len(seps) == 1 else (s,)
            for s in seps]
    if sum(len(g) > 1 for g in gaps) > _MAX_GAPS:
        gaps = [(s,) for s in seps]
    spelled = [sorted(spellings(w)) for w in words]
    for ws in itertools.product(*spelled):
        for gs in itertools.product(*gaps):
            yield "".join(w + g for w, g in zip(ws, gs)) + ws[-1]


def term_keys(term: str, plurals: bool = True) -> dict[str, str]:
    """Every folded key that stands for ``term``, with its form: ``""`` (as written),
    ``"pl"``, ``"sg"``, ``"poss"`` or ``"pl_poss"``.

    >>> keys = term_keys("social organisation")
    >>> keys["social organizations"], keys["social-organisation's"], keys["social organization"]
    ('pl', 'poss', '')
    >>> sorted(term_keys("non-profit", plurals=False))
    ['non profit', "non profit's", 'non-profit', "non-profit's", 'nonprofit', "nonprofit's"]
    """
    base = " ".join(fold(term).split())
    keys: dict[str, str] = {}
    for spelled in _spelled(base):
        cut = max(spelled.rfind(" "), spelled.rfind("-")) + 1
        head, last = spelled[:cut], spelled[cut:]
        forms = {"": last}
        if last[-1:].isalpha():
            one = singular(last)
            if plurals and one is None:
                forms["pl"] = plural(last)
                forms["pl_poss"] = plural(last) + "'"
            elif plurals and one is not None:
                forms["sg"] = one
            if last.endswith("s"):
                forms.setdefault("pl_poss", last + "'")
            forms["poss"] = last + "'s"
        for form, word in forms.items():
            keys.setdefault(head + word, form)
    return keys


# nouns that are plural (or uncountable) without a final -s: never pluralised again
_NO_PLURAL = frozenset("children people men women staff personnel police elderly aged "
                       "youth poor disabled needy".split())


def _is_plural(term: str) -> bool:
    last = (fold(term).replace("-", " ").split() or [""])[-1]
    return last in _NO_PLURAL or last.endswith("men") or singular(last) is not None


def number_form(term: str, form: str) -> str:
    """The form of a match of a countable noun, in absolute terms: ``"sg"``, ``"pl"``,
    ``"poss"`` (singular possessive) or ``"pl_poss"``, whatever the number of ``term``.

    >>> number_form("public organizations", ""), number_form("public organizations", "sg")
    ('pl', 'sg')
    """
    plural_term = _is_plural(term)
    if form == "":
        return "pl" if plural_term else "sg"
    if form == "poss" and plural_term:
        return "pl_poss"
    return form


def inflect(term: str, form: str, apostrophe: str = "'", noun: bool = False) -> str:
    """``term`` in the form of a match: for a countable noun (``noun``) the number and
    possessive of :func:`number_form`; otherwise the possessive of :func:`term_keys`.
    A plural term stays plural (the glossary lists countable concepts in the singular,
    so a plural one is inherently plural).

    >>> inflect("social group", "pl", noun=True), inflect("social groups", "sg", noun=True)
    ('social groups', 'social groups')
    >>> inflect("Ministry of Civil Affairs", "poss"), inflect("Civil Affairs", "pl_poss")
    ("Ministry of Civil Affairs's", "Civil Affairs'")
    """
    if not form or (noun and form == "sg"):
        return term
    cut = max(term.rfind(" "), term.rfind("-")) + 1
    head, last = term[:cut], term[cut:]
    if noun and form in ("pl", "pl_poss") and not _is_plural(term):
        last = plural(last)
    if form == "poss":
        last += apostrophe + "s"
    elif form == "pl_poss":
        last += apostrophe if last.endswith("s") else apostrophe + "s"
    return head + last
