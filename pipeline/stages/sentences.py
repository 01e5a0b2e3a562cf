"""Sentence splitting, English and Chinese.

Both splitters are pure functions of the block text: every sentence is an exact, stripped
substring of the text, in order, and together they cover all of its non-space characters.
:func:`sentence_spans` gives the offsets, :func:`split_sentences` the strings.

English: one regex finds candidate ends (a run of ``.``, ``!``, ``?`` or ``…`` with any
closing quotes or brackets, followed by a space or the end of the text), and a few cheap
tests on the word before and the word after decide each candidate: abbreviations (Mr.,
U.S., a.m., No. 5), initials, lists, ellipses, a lower-case continuation. This fast path
runs at tens of MB/s; :func:`english_nlp` wraps the same rules as a component of a
``spacy.blank("en")`` pipeline for callers who want spaCy ``Doc`` objects.

Chinese: a sentence ends after 。！？ (also half-width ! and ?, ｡, ． and ……), with any
closing quotes or brackets that follow. An end inside a matched pair of 《》 「」 『』 “” ‘’
（） 【】 never splits; a quotation or bracket that starts a sentence, or a quotation after
a colon or a verb of saying (他说：“走吧。”), ends the sentence around it when its text
ends with an end mark. ``；`` is not an end; unmatched quotes and brackets are ignored.

Every regex here runs in linear time: no nested quantifiers, runs of end marks are matched
possessively and only from their first character, and look-backs use bounded windows.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..memo import item_cache
from .digits import to_int

# --- English ------------------------------------------------------------------------------

# Never the end of a sentence, whatever follows: titles and words that always lead into
# more text (Mr. Smith, St. Petersburg, e.g. Beijing, Roe v. Wade).
_LEADING = frozenset("""
mr mrs ms mx dr prof rev hon gen col lt sgt cpl capt cmdr adm maj gov sen rep pres supt amb
st mt messrs mmes mme mlle msgr fr e.g i.e cf vs v viz approx ca
""".split())
# Before a number these never end a sentence (No. 5, Art. 5, p. 55, Fig. 3); before a
# capitalised word they behave like any word ("He loves art. The museum ...").
_BEFORE_NUMBER = frozenset("""
no nos nr n° art arts p pp para paras vol vols fig figs sec secs ch chap pt pts ex tel ext
rm apt ref rs
""".split())
# Abbreviations that end a sentence only before a word that usually starts one (``Jane and
# co. They``) and never before a number (``Jan. 13``, ``U.S. 10-year``).
_ABBREVS = frozenset("""
jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur thurs fri
inc corp co ltd bros jr sr esq dept univ assn est ave blvd rd hwy ft
ala ariz ark calif colo conn fla ga kan kans ky mich minn mont neb nev okla tenn vt wyo
""".split())
_TIMES = frozenset(("a.m", "p.m"))
# Words that commonly start a sentence: after an abbreviation, a capitalised word from
# this list starts a new sentence (``I live in the U.S. How about you?``); any other
# capitalised word is taken as a name (``the U.S. Government``).
_STARTERS = frozenset("""
I He She It They We You The This That These Those There Here His Her Its Their Our My Your
A An But And Yet So Or Nor However Then Meanwhile Also Still Now Today Yesterday Instead
In On At As For If When While After Before Although Though Because Since Despite During
How What Why Where Who Which Whose Is Are Was Were Do Does Did Can Could Will Would Should
Many Some Most All Both Each Every Other Such No Not Last Next Earlier Later Mr Mrs Ms Dr
""".split())
# A fronted time phrase ("At 5 a.m. Mr. Smith went ...") is not a sentence.
_TIME_LEADS = frozenset("at by around about before after until till from since".split())

_CLOSERS = "\"'”’)]»"
# A closing quote or bracket standing alone after an end ('sad. ”', 'others. )') belongs
# to the sentence before it.
_DANGLING_EN = re.compile(r"\s++[”’)\]»）」』】\"]++(?=\s|\Z)")
_WORDISH = re.compile(r"\w")
_OPENERS = "\"'“‘([«"
_EN_END = re.compile(r"[.!?…](?<![.!?…].)[.!?…]*+[\"'”’)\]»]*+(?=\s|\Z)")
_NEXT = re.compile(r"\s++([\"'“‘(\[«]*+)(\S?)(\S?)")
_NEXT_WORD = re.compile(r"[\"'“‘(\[«]*+([^\W\d_]+)")
_LIST_ITEM = re.compile(
    r"(?:[•⁃▪◦●■‣]\s*)?(?:\d{1,3}|[A-Za-z]|[ivxIVX]{2,4})\.\)?")
_LIST_START = re.compile(r"\s*+(?:[•⁃▪◦●■‣]\s*+)?(\d{1,3}|[a-z])(\.\)|\)|\.)\s")
_LIST_NEXT = re.compile(r"(?<=\s)(?:[•⁃▪◦●■‣]\s*+)?(\d{1,3}|[a-z])(\.\)|\)|\.)(?=\s)")
_BULLET_ANY = re.compile(r"[•⁃▪◦●■‣]")
_EN_MARK = re.compile(r"[.!?…]")  # the characters an _EN_END match opens with
_BULLET = re.compile(r"(?<=\s)[•⁃▪◦●■‣](?=\s*+\S)")
_WINDOW = 48  # how far back to look for the word before an end mark


def _word_before(text: str, pos: int) -> str:
    """The token that ends at ``pos``, without wrapping quotes or brackets."""
    lo = max(0, pos - _WINDOW)
    cut = max(text.rfind(" ", lo, pos), text.rfind("\n", lo, pos), text.rfind("\t", lo, pos))
    return text[(cut + 1) if cut >= 0 else lo:pos].lstrip(_OPENERS).rstrip(_CLOSERS)


def _is_dotted(word: str) -> bool:
    """U.S, a.m, Ph.D, U.S.A, China-U.S: short letter groups joined by dots (the last dot is
    the end mark itself, already cut off)."""
    parts = word.rsplit("-", 1)[-1].split(".")
    return len(parts) > 1 and all(0 < len(p) <= 2 and p.isalpha() for p in parts)


def _count_dots_before(text: str, pos: int) -> int:
    """Dots of a (possibly spaced) ellipsis ending just before ``pos``, looking back a
    bounded distance so that a long run of dots stays linear."""
    lo = max(0, pos - _WINDOW)
    dots = 0
    i = pos
    while i > lo:
        if text[i - 1] == ".":
            dots += 1
            i -= 1
        elif text[i - 1] == " " and i - 2 >= lo and text[i - 2] == ".":
            i -= 1
        else:
            break
    return dots


def full_stop_ends_line(line: str, nxt: str) -> bool:
    """Does the full stop that ends ``line`` end a sentence, ``nxt`` being the text after
    it? (For line breaks: "St." / "Paul's" and "China-U.S." / "relations" go on.)

    >>> full_stop_ends_line("the cathedral of St.", "Paul was damaged"), full_stop_ends_line("It rained.", "The river rose.")
    (False, True)
    """
    text = f"{line} {nxt}"
    return _is_end(text, len(line) - 1, ".", len(line), 0)


def _is_end(text: str, start: int, mark: str, stop: int, sent_start: int) -> bool:
    """Decide whether the end mark ``mark`` at ``start`` (its run ends at ``stop``)
    ends a sentence; ``sent_start`` is where the current sentence began."""
    after = _NEXT.match(text, stop)
    if after is None:
        return True  # end of text
    first, second = after.group(2), after.group(3)
    opened = bool(after.group(1))
    if not first:
        return not opened  # the end of the text, or a stray opening quote before it
    if first.islower():
        # "iPhone", "eBay": a capital right after a lower-case letter starts a name
        if not (second.isupper() and not opened):
            return False
        first = "A"
    elif not first.isalnum() and not opened:
        # "complex. . . .", "said . , ": punctuation continues the sentence
        if first in ".,;:!?…-–—/%":
            return False
    ellipsis = mark.startswith(("..", "…"))
    if mark[0] in "!?":
        return True
    if start >= 2 and text.startswith(". ", start - 2):
        # the last dot of a spaced ellipsis ". . ." (three dots: a pause, never an end)
        return _count_dots_before(text, start) + 1 >= 4 and not first.isdigit()
    if ellipsis:
        if start > 0 and text[start - 1] == "[":
            return False  # "[...]" marks an omission inside a quotation
        return not first.isdigit()
    # a single full stop
    if stop - sent_start <= 12 and _LIST_ITEM.fullmatch(text[sent_start:stop].strip()):
        return False  # "1.", "a.", "2.)", "• 9." open a list item
    word = _word_before(text, start)
    low = word.lower()
    if low in _LEADING:
        return False
    if first.isdigit() or not first.isalpha():
        # before a number or a symbol only abbreviations continue ("No. 5", "Jan. 13")
        return not (low in _BEFORE_NUMBER or low in _ABBREVS or _is_dotted(word))
    # before a capitalised (or uncased) word
    if len(word) == 1 and word.isalpha():
        if word == "I":
            # "you and I. Did ..." ends; "Albert I. Jones" is a name
            prev = _word_before(text, start - 2) if start >= 2 else ""
            return not prev[:1].isupper()
        return False  # an initial: "Jonas E. Smith", "Roe v. Wade"
    if low in _ABBREVS or _is_dotted(word):
        nxt = _NEXT_WORD.match(text, after.start(1))  # a letter is there: it matches
        if nxt is None or nxt.group(1) not in _STARTERS:
            return False
        if low in _TIMES and start - sent_start <= 40:
            lead = text[sent_start:start].split()
            if len(lead) <= 4 and lead[0].lower() in _TIME_LEADS:
                return False
        return True
    return True


def _forced_starts(text: str) -> list[int]:
    """Offsets where a list item or a bullet starts a new sentence even without an end mark
    before it: "1) one 2) two", "a. one b. two", "• one • two". A numbered or lettered
    list counts only when the block opens with its first item and the labels follow on."""
    starts = {m.start() for m in _BULLET.finditer(text)}
    m = _LIST_START.match(text)
    if m:
        label, sep = m.group(1), m.group(2)
        for item in _LIST_NEXT.finditer(text, m.end()):
            if label.isdigit():
                number = to_int(label)
                if number is None:
                    break  # ("²" is a digit, and no number)
                want = str(number + 1)
            else:
                want = chr(ord(label) + 1)
            if item.group(1) == want and item.group(2) == sep:
                starts.add(item.start())
                label = want
    return sorted(starts)


def _pieces(text: str, cuts: list[int]) -> list[str]:
    """Stripped, non-empty texts between consecutive cut offsets."""
    if not cuts:
        piece = text.strip()
        return [piece] if piece else []
    out = []
    prev = 0
    for cut in cuts:
        piece = text[prev:cut].strip()
        if piece:
            out.append(piece)
        prev = cut
    piece = text[prev:].strip()
    if piece:
        out.append(piece)
    return out


def _merge_bare(text: str, cuts: list[int]) -> list[int]:
    """Drop the cuts that would leave a piece with no letter or digit (a stray quote, an
    ellipsis on its own): such a piece stays with the sentence before it (or, at the
    start, the one after it). A stray closing quote after a space ('sad. ”',
    "找找看啊 。 ”") is handled the same way."""
    n = len(text)
    if cuts and cuts[-1] == n:
        cuts.pop()  # the usual end of a block: nothing to cut
    if not cuts:
        return cuts
    ends = [*cuts[1:], n]
    keep = [c for c, e in zip(cuts, ends) if _WORDISH.search(text, c, e)]
    if keep and not _WORDISH.search(text, 0, keep[0]):
        keep.pop(0)
    return keep


def _one_piece(text: str, marks: re.Pattern) -> bool:
    """Can no cut survive :func:`_merge_bare`? Cuts are made only after an end mark
    (``marks`` holds the first character of every end its splitter finds), and a cut
    with no word character after it is dropped: a text with no end mark, or with one
    and no word character after it, is one piece. Most blocks are (a single sentence,
    or a title), and the test is a few scans instead of deciding each candidate end."""
    first = marks.search(text)
    if first is None:
        return True
    return marks.search(text, first.end()) is None and not _WORDISH.search(text, first.end())


def _spans(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Stripped, non-empty spans between consecutive cut offsets."""
    out = []
    prev = 0
    for cut in [*cuts, len(text)]:
        lo, hi = prev, cut
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            out.append((lo, hi))
        prev = cut
    return out


def _english_cuts(text: str) -> list[int]:
    """Offsets between English sentences (before stripping)."""
    # (bullets are not ASCII: most English text needs no scan for them)
    bulleted = not text.isascii() and _BULLET_ANY.search(text)
    forced = _forced_starts(text) if bulleted or _LIST_START.match(text) else ()
    if not forced and _one_piece(text, _EN_MARK):
        return []
    cuts = []
    sent_start = 0
    k = 0
    for m in _EN_END.finditer(text):
        start, stop = m.start(), m.end()
        while k < len(forced) and forced[k] <= start:
            if forced[k] > sent_start:
                cuts.append(forced[k])
                sent_start = forced[k]
            k += 1
        mark = m.group(0).rstrip(_CLOSERS)
        dangling = _DANGLING_EN.match(text, stop)
        if dangling:
            stop = dangling.end()
        if _is_end(text, start, mark, stop, sent_start):
            cuts.append(stop)
            sent_start = stop
    for f in forced[k:]:
        if f > sent_start:
            cuts.append(f)
            sent_start = f
    return _merge_bare(text, cuts)


def split_english(text: str) -> list[str]:
    """Split English text into sentences.

    >>> split_english("Mr. Smith met Dr. Lee at 5 p.m. in the U.S. capital. They spoke.")
    ['Mr. Smith met Dr. Lee at 5 p.m. in the U.S. capital.', 'They spoke.']
    >>> split_english('He said "It works." Then he left.')
    ['He said "It works."', 'Then he left.']
    >>> split_english("BEIJING, Aug. 12 (Xinhua) -- Prices rose 5.6%. Exports fell.")
    ['BEIJING, Aug. 12 (Xinhua) -- Prices rose 5.6%.', 'Exports fell.']
    """
    return _pieces(text, _english_cuts(text))


# --- Chinese ------------------------------------------------------------------------------

_ZH_PAIRS = {"》": "《", "」": "「", "』": "『", "”": "“", "’": "‘", "）": "（", ")": "(",
             "】": "【", "]": "[", "〉": "〈", "〗": "〖"}
_ZH_OPEN = frozenset(_ZH_PAIRS.values())
# Pairs whose text can end a sentence: "他说：“走吧。”" ends after the closing quote.
# Titles in 《》 and 〈〉 never do ("《摔跤吧！爸爸》" is a name inside a sentence).
_ZH_QUOTING = frozenset("」』”’）)】]\"〗")
# A sentence end: a run of end marks, then any closing quotes or brackets, unless a comma,
# colon or semicolon carries the sentence on ("“走吧。”，他说") or more end marks follow
# after a space ("…… ……"). Half-width ! and ? right
# before an ASCII letter or digit are Latin text ("Yahoo!Japan", "?id=5"), not ends.
_ZH_END = re.compile(
    r"[。！？｡．…!?](?<![。！？｡．…!?].)"  # the first mark of a run
    r"(?!(?<=．)[0-9０-９])"  # not a full-width decimal point (３．５)
    r"(?:(?<=[!?])[!?]*+(?![A-Za-z0-9])|(?<![!?])[。！？｡．…!?]*+)"
    r"(?!(?<=…)等)"  # "苹果、梨……等水果": the ellipsis stands for a list
    r"[”’」』）)】\]〗\"]*+(?!\s*+[，、,：:；;。！？｡．…])")
_ZH_MARK = re.compile(r"[。！？｡．…!?]")  # the characters a _ZH_END match opens with
_ZH_MARKS = re.compile(r"[《》「」『』“”‘’（）()【】\[\]〈〉〖〗\"]")
# What comes before a quotation that is a sentence of its own: punctuation, or a verb of
# saying written without a colon (他说"走吧。").
_ZH_INTRO = frozenset("：:说說道问問称稱")
_ZH_QUOTES = frozenset("“‘「『\"")
_ZH_OPENERS = re.compile(r"[《「『“‘（(【\[〈〖\"]")


def _matched_pairs(text: str) -> tuple[list[tuple[int, int]], set, list[tuple[int, int]]]:
    """Outermost matched quote/bracket pairs (open, close offsets), the offsets of the
    straight quotes that close a pair, and the pairs one level inside an outer pair. Unmatched marks are ignored, so one stray “ cannot
    swallow the rest of a block. Linear: each mark is pushed and popped at most once."""
    stack: list[tuple[str, int]] = []
    counts: dict[str, int] = {}
    outer = []
    inner = []
    straight = set()
    for m in _ZH_MARKS.finditer(text):
        c = m.group(0)
        i = m.start()
        if c == '"' and counts.get('"'):
            opener = '"'  # a straight quote closes an open one, otherwise opens
            straight.add(i)
        elif c in _ZH_OPEN or c == '"':
            stack.append((c, i))
            counts[c] = counts.get(c, 0) + 1
            continue
        else:
            opener = _ZH_PAIRS[c]
            if not counts.get(opener):
                continue  # a closer with no opener: ignore
        while True:  # drop unmatched openers above the match
            o, at = stack.pop()
            counts[o] -= 1
            if o == opener:
                break
        if not stack:
            outer.append((at, i))
        elif len(stack) == 1:
            inner.append((at, i))
    return outer, straight, inner


def _opens_sentence(text: str, i: int, sent_start: int) -> bool:
    """Whether the quotation or bracket opening at ``i`` stands as a sentence of its own
    (at the start of the current sentence, or a quotation introduced by a colon or a verb
    of saying: 他说：“走吧。”) rather than inside one (他们高呼“没有正义就没有和平！”口号,
    他们在（还在建设中的。）大楼前停下)."""
    j = i
    while j > sent_start and text[j - 1].isspace():
        j -= 1
    if j == sent_start:
        return True
    # a bracket after other text is an aside within the sentence; a quotation may be
    # introduced
    return text[i] in _ZH_QUOTES and text[j - 1] in _ZH_INTRO


def _chinese_cuts(text: str) -> list[int]:
    """Offsets between Chinese sentences (before stripping)."""
    if _one_piece(text, _ZH_MARK):
        return []
    if not _ZH_OPENERS.search(text):
        return _merge_bare(text, [m.end() for m in _ZH_END.finditer(text)])
    outer, straight, inner = _matched_pairs(text)
    cuts: list[int] = []
    o = q = 0
    for m in _ZH_END.finditer(text):
        s, e = m.span()
        if '"' in m.group(0):
            # a straight quote after an end closes a quotation or opens the next one
            k = m.group(0).index('"') + s
            while k < e and (text[k] != '"' or k in straight):
                k += 1
            e = k
        while o < len(outer) and outer[o][1] < s:
            o += 1
        if o < len(outer) and outer[o][0] < s:
            opening, close = outer[o]
            if text[close] not in _ZH_QUOTING \
                    or not _opens_sentence(text, opening, cuts[-1] if cuts else 0):
                continue  # an end inside a title, an aside, or a quoted phrase
            if e <= close:
                while q < len(inner) and inner[q][1] < s:
                    q += 1
                if text[opening] not in _ZH_QUOTES or not text[e:close].strip() \
                        or (q < len(inner) and inner[q][0] < s):
                    continue  # a title or quote inside the quotation, or its last end
            # a quotation that stands as a sentence may hold several: news quotes whole
            # speeches (他说：“……。……。”), and its sentences are the translation's
        cuts.append(e)
    return _merge_bare(text, cuts)


def split_chinese(text: str) -> list[str]:
    """Split Chinese text after 。！？, never inside quotes, brackets or 《》.

    >>> split_chinese("我们明天一起去看《摔跤吧！爸爸》好吗？好！")
    ['我们明天一起去看《摔跤吧！爸爸》好吗？', '好！']
    >>> split_chinese("他说：“我们走吧。”大家都同意。")
    ['他说：“我们走吧。”', '大家都同意。']
    """
    return _pieces(text, _chinese_cuts(text))


# --- both -----------------------------------------------------------------------------------

def sentence_spans(text: str, lang: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the sentences of ``text``: Chinese rules for ``zh``,
    English otherwise.

    >>> sentence_spans("It rained. We left.", "en")
    [(0, 10), (11, 19)]
    >>> sentence_spans("会议召开。 大家发言！", "zh")
    [(0, 5), (6, 11)]
    """
    return _spans(text, _chinese_cuts(text) if lang == "zh" else _english_cuts(text))


def split_sentences(text: str, lang: str) -> list[str]:
    """Sentences of ``text``: exact stripped substrings, in order, covering all of it.

    >>> split_sentences("第一句。第二句？", "zh")
    ['第一句。', '第二句？']
    """
    return list(sentences_of(text, lang))


@item_cache(maxsize=1024)
def sentences_of(text: str, lang: str) -> tuple[str, ...]:
    """:func:`split_sentences` as a tuple, kept for the item's texts: the runner splits
    every block, and alignment splits a bilingual block's sides again."""
    return tuple(_pieces(text, _chinese_cuts(text) if lang == "zh" else _english_cuts(text)))


@lru_cache(maxsize=1)
def english_nlp():
    """A ``spacy.blank("en")`` pipeline whose sentence boundaries come from these rules."""
    import spacy
    from spacy.language import Language

    name = "mtclean_sentencizer"
    if name not in Language.factories:
        @Language.component(name)
        def _sentencize(doc):
            offsets = [tok.idx for tok in doc]
            # the token holding each sentence start (always its first character, since
            # sentences start after white space; the lookup keeps that from mattering)
            firsts = {bisect_right(offsets, a) - 1 for a, _ in sentence_spans(doc.text, "en")}
            for tok in doc:
                tok.is_sent_start = tok.i == 0 or tok.i in firsts
            return doc

    nlp = spacy.blank("en")
    nlp.add_pipe(name)
    return nlp
