"""Sentence splitting, English and Chinese.

English: a regex finds candidate ends (``.``, ``!``, ``?``, ``…`` with any closing quotes
or brackets), and a candidate is rejected after an abbreviation (Mr., U.S., a.m., No. 5),
an initial, inside a number, or when the next word starts in lower case. This fast path
runs at tens of MB/s; :func:`english_nlp` wraps the same rules as a component of a
``spacy.blank("en")`` pipeline for callers who want spaCy ``Doc`` objects.

Chinese: split after 。！？ (and their half-width forms, ellipses, semicolons are not
ends) with any closing quotes, never inside 《》, 「」, quotes or brackets.
"""
from __future__ import annotations

from functools import lru_cache

import regex

# Abbreviations that do not end a sentence when followed by a capitalised word.
_TITLES = frozenset("""
mr mrs ms dr prof rev hon gen col lt sgt capt cmdr adm maj gov sen rep pres st sr jr mt ft
messrs mme mlle fr sr sra
""".split())
# Abbreviations that do not end a sentence before a number or lower-case word, but may
# end one before a capitalised word.
_ABBREVS = _TITLES | frozenset("""
no nos vol vols p pp para paras fig figs art arts sec secs ch chap ed eds approx est dept
univ assn bros corp inc ltd co jan feb mar apr jun jul aug sep sept oct nov dec mon tue
tues wed thu thur thurs fri sat sun etc vs v al cf e.g i.e a.m p.m u.s u.k u.n e.u u.s.a
ph.d b.a m.a b.sc m.sc d.c r.o.c p.r.c no.
""".split())

# Possessive runs that start only where a run of marks starts: a long run of dots or
# quotes is scanned once, never once per position (that would be quadratic).
_EN_END = regex.compile(
    r"""(?:…|(?<![.!?])[.!?]++)["'”’)\]]*+(?=\s|\Z)""")
# searched backwards from the full stop, so the cost is the word's length, not the text's
_WORD_BEFORE = regex.compile(r"(?r)([\p{L}.]+)\Z")
_NEXT = regex.compile(r"\s+(\S)")


def _ends_sentence(text: str, start: int, end: int) -> bool:
    punct = text[start:end]
    after = _NEXT.match(text, end)
    if after is None:
        return True
    nxt = after.group(1)
    if punct[0] in "!?" or punct.startswith("...") or punct.startswith("…"):
        if punct.startswith(("...", "…")):
            return nxt.isupper() or nxt in "\"“'‘(["
        return not nxt.islower()
    # a full stop
    m = _WORD_BEFORE.search(text, 0, start)
    word = (m.group(1) if m else "").lower()
    if word.rstrip(".") in _TITLES:
        return False
    if nxt.islower():
        return False
    if "." in word.strip(".") and nxt.isupper():
        # dotted acronym (U.S., a.m.): an end only before a word that starts sentences
        return _next_word(text, end) in _STARTERS
    if word and word.rstrip(".") in _ABBREVS:
        return not (nxt.isdigit() or word.rstrip(".") in ("no", "nos", "p", "pp", "vol",
                                                          "art", "fig", "sec", "ch"))
    if word and len(word.rstrip(".")) == 1 and word.rstrip(".").isalpha() and \
            m.group(1)[0].isupper():
        return False  # an initial: "Jonas E. Smith"
    return True


_STARTERS = frozenset("""
He She It They We I You The This That These Those There Here But And Yet So However Then
Meanwhile In On At As For His Her Its Their Our My A An If When While After Before
""".split())
_NEXT_WORD = regex.compile(r"\s+([\p{L}']+)")


def _next_word(text: str, end: int) -> str:
    m = _NEXT_WORD.match(text, end)
    return m.group(1) if m else ""


def split_english(text: str) -> list[str]:
    """Split English text into sentences.

    >>> split_english("Mr. Smith met Dr. Lee at 5 p.m. in the U.S. capital. They spoke.")
    ['Mr. Smith met Dr. Lee at 5 p.m. in the U.S. capital.', 'They spoke.']
    >>> split_english('He said "It works." Then he left.')
    ['He said "It works."', 'Then he left.']
    """
    if not text:
        return []
    out = []
    start = 0
    for m in _EN_END.finditer(text):
        if _ends_sentence(text, m.start(), m.end()):
            piece = text[start:m.end()].strip()
            if piece:
                out.append(piece)
            start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return out


_ZH_OPEN = "《「『“‘（(【[〈"
_ZH_CLOSE = "》」』”’）)】]〉"
_ZH_PAIRS = dict(zip(_ZH_CLOSE, _ZH_OPEN))
_ZH_END = frozenset("。！？!?")
_ZH_TRAIL = frozenset("”’」』）)】]》…")


def split_chinese(text: str) -> list[str]:
    """Split Chinese text after 。！？, never inside quotes, brackets or 《》.

    >>> split_chinese("我们明天一起去看《摔跤吧！爸爸》好吗？好！")
    ['我们明天一起去看《摔跤吧！爸爸》好吗？', '好！']
    >>> split_chinese("他说：“我们走吧。”大家都同意。")
    ['他说：“我们走吧。”', '大家都同意。']
    """
    out = []
    depth: list[str] = []
    open_quotes = {"“": 0, "‘": 0}  # how many of each are in ``depth``: O(1) membership
    start = 0
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c in _ZH_OPEN and c not in "‘“" or (c in "“‘" and not open_quotes[c]):
            depth.append(c)
            if c in open_quotes:
                open_quotes[c] += 1
        elif c in _ZH_PAIRS and depth and depth[-1] == _ZH_PAIRS[c]:
            opened = depth.pop()
            if opened in open_quotes:
                open_quotes[opened] -= 1
            # a sentence end just inside closing quotes ends the sentence with them
            if not depth and c in "”’」』" and i > 0 and text[i - 1] in _ZH_END:
                j = i + 1
                while j < n and text[j] in _ZH_TRAIL:
                    j += 1
                out.append(text[start:j].strip())
                start = j
                i = j
                continue
        elif c in _ZH_END and not depth:
            j = i + 1
            while j < n and (text[j] in _ZH_END or text[j] in _ZH_TRAIL and text[j] != "》"):
                j += 1
            out.append(text[start:j].strip())
            start = j
            i = j
            continue
        i += 1
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


def split_sentences(text: str, lang: str) -> list[str]:
    return split_chinese(text) if lang == "zh" else split_english(text)


@lru_cache(maxsize=1)
def english_nlp():
    """A ``spacy.blank("en")`` pipeline whose sentence boundaries come from these rules."""
    import spacy
    from spacy.language import Language

    name = "mtclean_sentencizer"
    if name not in Language.factories:
        @Language.component(name)
        def _sentencize(doc):
            bounds = set()
            pos = 0
            for sent in split_english(doc.text):
                pos = doc.text.index(sent, pos)
                bounds.add(pos)
                pos += len(sent)
            for tok in doc:
                tok.is_sent_start = tok.idx in bounds or tok.i == 0
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe(name)
    return nlp
