"""The spellings of an English term that matching accepts: British and American
spelling, hyphen or space or closed compound, plural and possessive forms.

Text and terms are first *folded* (:func:`fold`): lower case, every kind of whitespace
becomes a space, Unicode hyphens and curly apostrophes become ASCII ones. Folding keeps
the length of the text, so a match in folded text is a match at the same offsets in the
original. Hyphen, space and closed compounds are keys of their own (:func:`term_keys`).
"""
from __future__ import annotations

import itertools
import unicodedata
from typing import Iterator

import regex

_SPACES = "".join(chr(c) for c in range(0x110000)
                  if chr(c).isspace() or unicodedata.category(chr(c)) == "Zs")
_FOLD = str.maketrans({**{c: " " for c in _SPACES}, "\u2010": "-", "\u2011": "-",
                       "\u2019": "'", "\u2018": "'"})
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
    ("fulfil", "fulfill"), ("judgement", "judgment"), ("travell", "travel"),
    ("counsell", "counsel"), ("modell", "model"), ("cancell", "cancel"),
    ("paediatric", "pediatric"), ("orthopaedic", "orthopedic"), ("anaemia", "anemia"),
    ("grey", "gray"), ("cheque", "check"), ("storey", "story"), ("tyre", "tire"),
)
_SUFFIXES = (("isation", "ization"), ("ise", "ize"), ("ised", "ized"), ("ises", "izes"),
             ("ising", "izing"), ("iser", "izer"), ("yse", "yze"), ("ysed", "yzed"))
_IZE_SAFE = 5  # "rise", "wise", "size": short words keep their spelling


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
    return low.translate(_FOLD)


def spellings(word: str) -> set[str]:
    """British and American spellings of one folded word.

    >>> sorted(spellings("organisation")), sorted(spellings("centres"))
    (['organisation', 'organization'], ['centers', 'centres'])
    """
    out = {word}
    for brit, am in _STEMS:
        for a, b in ((brit, am), (am, brit)):
            if word.startswith(a) and (len(word) == len(a) or a not in ("grey", "gray")):
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
    if len(seps) <= _MAX_GAPS:
        gaps = [(" ", "-") if s == " " else ("-", " ", "") for s in seps]
    else:
        gaps = [(s,) if s == " " else ("-", " ", "") for s in seps]
        if len(seps) - seps.count(" ") > _MAX_GAPS:
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
            elif plurals:
                forms["sg"] = one
            if last.endswith("s"):
                forms.setdefault("pl_poss", last + "'")
            forms["poss"] = last + "'s"
        for form, word in forms.items():
            keys.setdefault(head + word, form)
    return keys


def inflect(term: str, form: str, apostrophe: str = "'") -> str:
    """``term`` in the form of a match (see :func:`term_keys`).

    >>> inflect("social organization", "pl"), inflect("Ministry of Civil Affairs", "poss")
    ('social organizations', "Ministry of Civil Affairs's")
    """
    if not form:
        return term
    head, _, last = term.rpartition(" ")
    lead = head + " " if head else ""
    if form == "sg":
        last = singular(last) or last
    elif form in ("pl", "pl_poss"):
        last = last if singular(last) is not None else plural(last)
    if form == "pl_poss":
        last += apostrophe
    elif form == "poss":
        last += apostrophe + "s"
    return lead + last

