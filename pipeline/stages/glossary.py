"""Stage: enforce the civil-affairs terminology glossary on English text.

A deprecated English variant becomes the preferred term, in the case and form of the
text it replaces (``glossary.deprecated``); Chinese left untranslated in English text
becomes the preferred English term when the glossary knows every part of it
(``glossary.untranslated_zh``); unknown Chinese is left for the ``qa.untranslated``
check; a place name that MT wrote in lower case gets its capitals
(``glossary.place_case``). Each replacement is one edit naming its glossary entry. For
bilingual blocks the ``qa.terminology`` check reports Chinese terms whose English
rendering is missing.
"""
from __future__ import annotations

from typing import Iterator

import regex

from ..glossary import Glossary, load_glossaries, matcher_for
from ..glossary.match import is_capitalised, is_place_name, takes_plural
from ..glossary.variants import inflect
from ..records import Edit, Item, evolve
from ..registry import TEXT_KINDS, check, structural

DEPRECATED = structural("glossary.deprecated",
                        "a deprecated English term becomes the glossary's preferred term")
UNTRANSLATED_ZH = structural("glossary.untranslated_zh",
                             "Chinese left in English text becomes the preferred English term")
PLACE_CASE = structural("glossary.place_case",
                        "a place name that MT wrote in lower case gets its capitals")
MAX_ROUNDS = 4
_HAN_RUN = regex.compile(r"\p{Han}+")
# how far before a hit the patterns that end at it look: a bounded window keeps a
# long line's cost linear (a search from the text's start for each hit was quadratic);
# "\A" still matches at the text's real start, which is only inside the window when near
LOOK_BACK = 64
# a sentence's start: the text's, a list item's after its mark ("• ", "(1) ", "— "), or
# after an end mark
_SENTENCE_START = regex.compile(
    r"(?:\A\s*(?:(?:[☉●■◆•▪►▶★☆○◇□※➤·*\-–—]|\(?\d{1,3}[.)）]|[(（]\d{1,3}[)）]|"
    r"\(?[a-zA-Z][.)]|[IVX]{1,4}\.)\s*)?|[.!?:;]['\"\u201d\u2019)]*\s+)['\"\u201c\u2018(]*\Z")
# an article before a term: "the" goes where the preferred term brings its own ("the
# Xinjing News" -> "The Beijing News"); "a" and "an" follow the term's first sound
_ARTICLE_BEFORE = regex.compile(r"(?<![\w'’-])(?P<article>[Tt]he|[Aa]n?)[ \u00a0]+\Z")
# words that open with a vowel letter and a consonant's sound, or the other way round
_VOWEL_LETTER_CONSONANT = regex.compile(r"(?i)(?:uni|use|usu|uti|eu|one\b|once\b|ur[aeiou])")
_SILENT_H = regex.compile(r"(?i)(?:hour|honest|honou?r|heir)")
# what follows a name used as a noun, not as a noun's modifier ("the COVID-19 epidemic")
_NOT_A_NOUN_AFTER = regex.compile(r"\s*(?:[^\w\s]|\Z)|\s+(?:is|was|has|had|have|are|were|"
                                  r"and|or|in|on|at|of|to|with|for|from|by)\b")
# the nouns a place name modifies, with its article ("the Hulunbel grassland", "the
# Northern Province government")
_PLACE_MODIFIES = regex.compile(
    r"[ \u00a0]+(?:government|authorit(?:y|ies)|grasslands?|prairie|plateau|region|area|"
    r"people|province|city|county|officials?|team|side|delegation|economy|border|residents|"
    r"branch|office|committee|basin|river|desert|mountains?|section|model|experience)\b")
_THE = regex.compile(r"(?<![\w-])[Tt]he[ \u00a0]+\Z")
# a capitalised word just before a term, not a determiner: the term ends a longer name
# ("Anhui Provincial " before "Flood Control ..."), so it keeps the name's capitals
_NAME_BEFORE = regex.compile(r"(?<![\w'’.-])(?!(?:The|A|An|This|That|These|Those|Its|Their|"
                             r"Our|Each|Every|All|Some|Any|No)\s)[A-Z][\w'’.-]* \Z")
_SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or the to "
                         "with".split())
_NO_SPACE_AFTER = "([{\"'“‘/-\u2014\u2013 \n\t"
_NO_SPACE_BEFORE = ")]}\"'”’.,;:!?/-\u2014\u2013 \n\t"


def glossary_for(config) -> Glossary | None:
    """The layered glossary a run uses, or None when the glossary is switched off."""
    if config is None:
        return load_glossaries(None)
    if not config.use_glossary:
        return None
    return load_glossaries(tuple(config.glossaries) if config.glossaries else None)


def title_case(term: str) -> str:
    """Capitalise every word but short function words (not the first).

    >>> title_case("registration of social organizations")
    'Registration of Social Organizations'
    """
    words = term.split(" ")
    return " ".join(w if (i and w in _SMALL_WORDS) or not w else w[0].upper() + w[1:]
                    for i, w in enumerate(words))


NAME_WORDS = 3  # capitalised words that make a body's name ("Flood Control and Drought
# Relief Command"); MT's capitals on common nouns ("the Minimum Living Guarantee
# standard") end in no word for a body
_BODY_WORDS = (r"(?:Command|Headquarters|Office|Bureau|Committee|Department|Cent(?:er|re)|"
               r"Commission|Association|Foundation|Council|Ministry|Administration|Agency|"
               r"Federation|Society|Institute|Station|Court|Group|Team|Union|League|Authority|"
               r"Service)s?")
_BODY_END = regex.compile(r"\b" + _BODY_WORDS + r"\Z")
_BODY_AFTER = regex.compile(r"\s+" + _BODY_WORDS + r"\b")  # "the ... Guarantee Office"


def match_case(original: str, term: str, *, title: bool = False,
               sentence_start: bool = False, in_name: bool = False) -> str:
    """``term`` in the capitalisation of the text it replaces: all capitals; title case
    where every word that counts is capitalised, in a title or heading, ``in_name``
    (the end of a longer name: "Anhui Provincial Flood Control and Drought Relief
    Headquarters"), or in a body's name of three such words or more ("the Flood Control
    and Drought Relief Command"); a capital first letter at a sentence start or in a title; otherwise
    the glossary's own case (MT capitalises common nouns: "Double Support" work).

    >>> match_case("Public Organizations", "social organizations", title=True)
    'Social Organizations'
    >>> match_case("Public organizations", "social organizations", sentence_start=True)
    'Social organizations'
    >>> match_case("Flood Control and Drought Relief Command",
    ...            "flood control and drought relief headquarters", in_name=True)
    'Flood Control and Drought Relief Headquarters'
    >>> match_case("Public Organizations", "social organizations")
    'social organizations'
    >>> match_case("Flood Control and Drought Relief Command",
    ...            "flood control and drought relief headquarters")
    'Flood Control and Drought Relief Headquarters'
    >>> match_case("Minimum Living Guarantee", "minimum living allowance")
    'minimum living allowance'
    >>> match_case("home affairs bureau", "Civil Affairs Bureau")
    'Civil Affairs Bureau'
    >>> match_case("HOME AFFAIRS BUREAU", "Civil Affairs Bureau")
    'CIVIL AFFAIRS BUREAU'
    >>> match_case("CCF", "China Charity Federation")  # an acronym is not shouting
    'China Charity Federation'
    """
    letters = [c for c in original if c.isalpha()]
    words = [w for w in regex.split(r"[ \-]+", original) if w]
    if len(words) > 1 and all(c.isupper() for c in letters):  # not an acronym: shouting
        return term.upper()
    significant = [w for w in words if w.lower() not in _SMALL_WORDS]
    body = len(significant) >= NAME_WORDS and _BODY_END.search(original) is not None
    if (title or in_name or body) and len(significant) > 1 and \
            all(w[0].isupper() for w in significant):
        return title_case(term)
    if (title or sentence_start) and original[:1].isupper() and term[:1].islower():
        return term[0].upper() + term[1:]
    return term


def _apostrophe(text: str) -> str:
    return "\u2019" if "\u2019" in text else "'"


def spaced(text: str, start: int, end: int, english: str) -> str:
    """``english`` with a space on each side where it would touch a word.

    >>> spaced("the民政厅said", 3, 6, "Civil Affairs Department")
    ' Civil Affairs Department '
    >>> spaced("(民政厅)", 1, 4, "Civil Affairs Department")
    'Civil Affairs Department'
    """
    before = text[start - 1] if start else ""
    after = text[end] if end < len(text) else ""
    lead = " " if before and before not in _NO_SPACE_AFTER else ""
    trail = " " if after and after not in _NO_SPACE_BEFORE else ""
    return lead + english + trail


def replacements(text: str, glossary: Glossary, disabled=frozenset(), title: bool = False,
                 zh: str | None = None) -> Iterator[tuple[int, int, str, str, str]]:
    """(start, end, new text, rule id, entry id) for each replacement, in text order.
    ``title``: the text is a title or heading (title case is kept). ``zh``: the Chinese
    that English aligned with Chinese translates; a deprecated variant of an entry with
    Chinese terms, none of them there (:func:`zh_evidence`), is left alone: "public
    organizations" renders 社会团体 (social groups) in MT, but 公共组织 too, and the
    Chinese tells which."""
    zh_terms: frozenset[int] | None = None  # read from zh at the first variant
    matcher = matcher_for(glossary)
    entries = glossary.entries
    found = []
    deprecated, lowercase_place = matcher.guards(text)
    if deprecated and DEPRECATED not in disabled:
        for hit in matcher.find_en(text):
            if hit.status != "deprecated":
                continue
            entry = entries[hit.entry]
            if entry.domain != "general" and (_foreign(text, hit.start, glossary) or
                                               _OF_FOREIGN.match(text, hit.end)):
                continue  # a foreign state's own (its ministry, its public organizations;
                # a term of the general domain, "the Brazilian new crown virus", is anyone's)
            if zh is not None and entry.zh:
                if zh_terms is None:
                    zh_terms = zh_evidence(zh, glossary)
                if hit.entry not in zh_terms:
                    continue
            start = hit.start
            if entry.pos != "properNoun" and _inside_name(text, hit.start, hit.end) and \
                    not (title and _title_cased(text)):
                continue  # "National Double Support Model City": a name's own words
            if entry.pos == "properNoun" and " " not in entry.en_preferred and \
                    _THE.search(text, max(0, start - LOOK_BACK), start) and (
                        is_place_name(entry) and not _PLACE_MODIFIES.match(text, hit.end)
                        or _NOT_A_NOUN_AFTER.match(text, hit.end)):
                # "the Northern Province" -> "Hebei", "against the new crown pneumonia."
                # -> "COVID-19."; "the new crown pneumonia epidemic" and "the Hulunbel
                # grassland" keep their article
                start = _THE.search(text, max(0, start - LOOK_BACK), start).start()
            if _in_address(text, hit.start, hit.end) or " " in entry.en_preferred and \
                    entry.en_preferred[:1].islower() and _hyphenated(text, hit.start, hit.end):
                # ("post-COVID-19 epidemic era" reads well: a name takes a prefix)
                continue  # "street-community.pdf", "non-handicapped people": not the term
            original = text[start:hit.end]
            at_start = _SENTENCE_START.search(text, max(0, start - LOOK_BACK), start) is not None
            new = match_case(original, inflect(entry.en_preferred, hit.form,
                                               _apostrophe(original), takes_plural(entry)),
                             title=title, sentence_start=at_start,
                             in_name=not at_start and _NAME_BEFORE.search(
                                 text, max(0, start - OWNER_WINDOW), start) is not None
                             or _BODY_AFTER.match(text, hit.end) is not None)
            start, new = _with_article(text, start, new)
            if new != text[start:hit.end]:
                found.append((start, hit.end, new, DEPRECATED, entry.id))
    if lowercase_place and PLACE_CASE not in disabled:
        for hit in matcher.find_en(text):
            entry = entries[hit.entry]
            if hit.status == "deprecated" or not is_place_name(entry):
                continue
            original = text[hit.start:hit.end]
            if original == original.lower() and original.startswith(hit.term.lower()) \
                    and is_capitalised(hit.term) and not _in_address(text, hit.start,
                                                                      hit.end):
                found.append((hit.start, hit.end, hit.term + original[len(hit.term):],
                              PLACE_CASE, entry.id))
    if UNTRANSLATED_ZH not in disabled and matcher.zh is not None and not text.isascii():
        for run in _HAN_RUN.finditer(text):
            if deliberate_chinese(text, run.start(), run.end()):
                continue
            hits = matcher.find_zh(run.group(0))
            covered = sum(h.end - h.start for h in hits)
            if not hits or covered != len(run.group(0)):
                continue  # partly unknown Chinese: left for qa.untranslated
            if len(hits) == 1 and _glossed(text, run.start(), entries[hits[0].entry]):
                continue  # "subsistence allowance 低保": the Chinese glosses its English
            english = " ".join(entries[h.entry].en_preferred for h in hits)
            ids = "+".join(dict.fromkeys(entries[h.entry].id for h in hits))
            found.append((run.start(), run.end(), spaced(text, run.start(), run.end(),
                                                         english), UNTRANSLATED_ZH, ids))
    found.sort()
    return iter(found)


def glossed_chinese(text: str, start: int, end: int, config=None) -> bool:
    """Is ``text[start:end]`` one glossary term right after one of its English terms
    (:func:`_glossed`), in the glossary the run uses?"""
    glossary = glossary_for(config)
    if glossary is None or not glossary.entries:
        return False
    matcher = matcher_for(glossary)
    if matcher.zh is None:
        return False
    hits = matcher.find_zh(text[start:end])
    return len(hits) == 1 and hits[0].end - hits[0].start == end - start and \
        _glossed(text, start, glossary.entries[hits[0].entry])


def _glossed(text: str, start: int, entry) -> bool:
    """Does one of the entry's English terms stand right before the Chinese at ``start``
    (a word list's "community 社区", "subsistence allowance 低保")?

    >>> from pipeline.glossary import Entry
    >>> e = Entry("dibao", ("低保",), "minimum living allowance",
    ...           en_deprecated=("subsistence allowance",))
    >>> _glossed("the subsistence allowance 低保 rose", 26, e), _glossed("the 低保 rose", 4, e)
    (True, False)
    """
    before = text[max(0, start - 80):start].rstrip(" \t\u3000:：-–—/|").lower()
    return any(before.endswith(term.lower()) and
               not before[len(before) - len(term) - 1:len(before) - len(term)].isalnum()
               for term in (entry.en_preferred, *entry.en_admitted, *entry.en_deprecated))


_CAPITAL_AFTER = regex.compile(r" (?!(?:" + "|".join(
    w.capitalize() for w in _SMALL_WORDS) + r")\b)[A-Z]")


def _title_cased(text: str) -> bool:
    """Whether every word but the small ones is capitalised (a headline in title case,
    where a name cannot be told by its capitals)."""
    return all(w[:1].isupper() or w.lower() in _SMALL_WORDS or not w[:1].isalpha()
               for w in text.split())


def _inside_name(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` (capitalised) stands inside a longer name, between
    two capitalised words of it: "National Double Support Model City".

    >>> _inside_name("named National Double Support Model City", 15, 29)
    True
    >>> _inside_name("on Double Support work", 3, 17), _inside_name("The Double Support Office", 4, 18)
    (False, False)
    >>> _inside_name("It ended. Double Support Work goes on", 10, 24)
    False
    """
    if not text[start:start + 1].isupper() or _CAPITAL_AFTER.match(text, end) is None:
        return False
    before = _NAME_BEFORE.search(text, max(0, start - OWNER_WINDOW), start)
    return before is not None and not before.group(0).rstrip().endswith((".", "!", "?"))


# "Affairs (民政部": an English gloss's bracket (a full-width one is MT's: "man（暫）")
_OPEN_BEFORE = regex.compile(r"[A-Za-z][.'’\"”]?\s+\(\s*\Z")  # (a quoted name's: '"Home" (家)')
_GLOSS_AFTER = regex.compile(r"\s*[(（]\s*[a-zA-Z\u00c0-\u024f]")  # "民政 (minzheng"
_NAMED_CHINESE = regex.compile(r"\bChinese\b|\bpinyin\b", regex.IGNORECASE)
NAMING_WINDOW = 40  # characters before the Chinese where "in Chinese" names it


def deliberate_chinese(text: str, start: int, end: int) -> bool:
    """Whether the Chinese ``text[start:end]`` is there on purpose, not left by MT: in
    brackets after its English ("the Ministry of Civil Affairs (民政部)"), glossed by
    pinyin in brackets after it ("民政 (minzheng)"), or named as Chinese just before
    ("known in Chinese as 社会组织").

    >>> deliberate_chinese("the Ministry of Civil Affairs (民政部)", 31, 34)
    True
    >>> deliberate_chinese("the word 民政 (minzheng) covers", 9, 11)
    True
    >>> deliberate_chinese("the 民政部 said", 4, 7), deliberate_chinese("man（暫）", 4, 5)
    (False, False)
    """
    return bool(_OPEN_BEFORE.search(text, max(0, start - 5), start)
                or _GLOSS_AFTER.match(text, end)
                or _NAMED_CHINESE.search(text, max(0, start - NAMING_WINDOW), start))


# what names a foreign country's body just before a term ("India's Ministry of Home
# Affairs", "the UK Home Department"): an owner's name, or a country's adjective
_OWNER = regex.compile(r"\b([A-Z][\w.-]*)['’]s\s+(?:the\s+)?\Z")
# (country, adjective) of states whose bodies MT may name with the glossary's words
_STATES = [pair.split("/") for pair in (
    "UK/British US/American India/Indian Singapore/Singaporean Malaysia/Malaysian "
    "Japan/Japanese Korea/Korean Australia/Australian Canada/Canadian Pakistan/Pakistani "
    "Bangladesh/Bangladeshi Nepal/Nepalese Sri_Lanka/Sri_Lankan Thailand/Thai "
    "Vietnam/Vietnamese Indonesia/Indonesian the_Philippines/Philippine Israel/Israeli "
    "Ireland/Irish Scotland/Scottish Wales/Welsh New_Zealand/New_Zealand "
    "South_Africa/South_African Nigeria/Nigerian Kenya/Kenyan Germany/German France/French "
    "Italy/Italian Spain/Spanish Portugal/Portuguese Greece/Greek Russia/Russian "
    "Ukraine/Ukrainian Poland/Polish Austria/Austrian Switzerland/Swiss Belgium/Belgian "
    "the_Netherlands/Dutch Sweden/Swedish Norway/Norwegian Finland/Finnish Denmark/Danish "
    "Brazil/Brazilian Mexico/Mexican Argentina/Argentine Chile/Chilean Peru/Peruvian "
    "Colombia/Colombian Cuba/Cuban Egypt/Egyptian Turkey/Turkish Iran/Iranian Iraq/Iraqi "
    "Saudi_Arabia/Saudi Qatar/Qatari Afghanistan/Afghan Myanmar/Myanmar Cambodia/Cambodian "
    "Laos/Laotian Mongolia/Mongolian Kazakhstan/Kazakh Ethiopia/Ethiopian Ghana/Ghanaian "
    "Tanzania/Tanzanian Uganda/Ugandan Zimbabwe/Zimbabwean").split()]
_COUNTRY = "|".join(c.replace("_", r"\s+").replace(".", r"\.") for c, _ in _STATES)
_FOREIGN_ADJECTIVE = regex.compile(
    r"\b(?:UK|US|U\.K\.|U\.S\.|Singapore|Federal|" + "|".join(
        a.replace("_", r"\s+") for _, a in _STATES) + "|"
    # Hong Kong and Macao have bodies of their own ("the Hong Kong SAR Home Affairs
    # Bureau"), which the glossary's mainland names do not fit; China has no federal body
    r"(?:Hong\s+Kong(?:\s+SAR)?|HKSAR|Macao|Macau)(?:['’]s|\s+Government['’]s)?)"
    r"\s+(?:the\s+)?\Z")
# ... and just after a term: "the Home Affairs Bureau of the Hong Kong SAR Government"
_OF_FOREIGN = regex.compile(
    r"(?:\s*[(（][^()（）]{1,20}[)）])?"  # "the Ministry of Home Affairs (KDN) of Malaysia"
    r"\s+of\s+(?:the\s+)?(?:Hong\s+Kong|HKSAR|Macao|Macau|U\.K\.|U\.S\.|"
    r"United\s+(?:Kingdom|States)|" + _COUNTRY + r")\b")
OWNER_WINDOW = 40
_CHINESE_NAMES: dict[int, tuple[Glossary, frozenset[str]]] = {}


def _chinese_names(glossary: Glossary) -> frozenset[str]:
    """The last words of the glossary's place names and of China's own names: an owner
    named so is Chinese ("Hebei's", "Inner Mongolia's", "China's")."""
    known = _CHINESE_NAMES.get(id(glossary))
    if known is None or known[0] is not glossary:
        words = {"China", "PRC", "Xinhua"}
        for e in glossary.entries:
            if is_place_name(e):
                words.update(t.split()[-1] for t in (e.en_preferred,) + e.en_admitted if t)
        known = _CHINESE_NAMES[id(glossary)] = (glossary, frozenset(words))
    return known[1]


def _foreign(text: str, start: int, glossary: Glossary) -> bool:
    """Whether the term at ``start`` belongs to a foreign country, where the glossary's
    Chinese bodies do not apply: "India's Ministry of Home Affairs" is India's.

    >>> from pipeline.glossary import load_glossaries
    >>> g = load_glossaries(None)
    >>> [_foreign(t, t.index("Min"), g) for t in ("India's Ministry", "Hebei's Ministry",
    ...  "the UK Ministry", "The Ministry")]
    [True, False, True, False]
    """
    before = max(0, start - OWNER_WINDOW)
    if _FOREIGN_ADJECTIVE.search(text, before, start):
        return True
    owner = _OWNER.search(text, before, start)
    return owner is not None and owner.group(1) not in _chinese_names(glossary)


def _in_address(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` is part of a web or mail address, a file name or a
    tag (``www.beijing.gov.cn``, ``#beijing``, ``example.org/street-community/``), where
    the words are no term and lower case is right.

    >>> _in_address("see www.beijing.gov.cn", 8, 15), _in_address("in beijing.", 3, 10)
    (True, False)
    >>> _in_address("at https://x.org/street-community/news.html now", 17, 33)
    True
    """
    before = text[start - 1] if start else ""
    after = text[end:end + 2]
    if (before != "" and before in "./@#_\\:") or after[:1] in ("/", "@", "_", "\\") \
            or (after[:1] == "." and after[1:].isalnum()):
        return True
    if before.isspace() or not before or "/" not in text and "www" not in text:
        return False
    # inside a longer token: an address if the token holds one's marks
    token_start = max(text.rfind(c, 0, start) for c in " \t\n\u3000") + 1
    return _ADDRESS_TOKEN.search(text, token_start, start) is not None


_ADDRESS_TOKEN = regex.compile(r"://|\bwww\.|/")


# a prefix joined by a hyphen ("non-", "anti-"), not a site name's dash ("...-Xinhua
# network" ends a title)
_PREFIX_BEFORE = regex.compile(r"(?<![\w'’-])(?i:non|anti|pro|ex|semi|multi|co|self|post|pre|"
                               r"quasi|pseudo|sub|super|inter|under|over|un|cross|mid|half|"
                               r"well|all)\Z")


# a lower-case word after a hyphenated variant that is no verb or function word: the
# noun the variant modifies ("handicapped-people programme"; "street-community is")
_NOUN_AFTER = regex.compile(r" (?!(?:is|are|was|were|has|have|had|will|would|can|could|may|"
                            r"must|shall|should|and|or|but|of|in|on|at|to|for|with|by|from|"
                            r"the|a|an|that|which|who)\b)[a-z]")


def _hyphenated(text: str, start: int, end: int) -> bool:
    """Is the variant at ``text[start:end]`` joined by a hyphen to a word before or after
    it ("non-handicapped people", "handicapped-people programme"), or written with one
    as a modifier? Then it is part of another word, and the preferred term, in words,
    would not fit there.

    >>> _hyphenated("Non-handicapped people joined", 4, 22)
    True
    >>> _hyphenated("the handicapped-people programme", 4, 22)
    True
    >>> _hyphenated("handicapped people joined", 0, 18)
    False
    """
    return (start > 1 and text[start - 1] == "-" and
            _PREFIX_BEFORE.search(text, max(0, start - 9), start - 1) is not None) or \
        (text[end:end + 1] == "-" and text[end + 1:end + 2].islower()) or \
        "-" in text[start:end] and text[end:end + 1] == " " and \
        _NOUN_AFTER.match(text, end) is not None


def _with_article(text: str, start: int, new: str) -> tuple[int, str]:
    """The replacement of ``text[start:...]`` by ``new`` with the article before it made
    to fit: a preferred term that brings its own "The" takes the place of "the" and
    drops it after "a" ("A Xinjing News reporter" -> "A Beijing News reporter"); "a"
    and "an" follow the new first sound.

    >>> _with_article("according to the Xinjing News", 17, "The Beijing News")
    (13, 'The Beijing News')
    >>> _with_article("A Xinjing News reporter", 2, "The Beijing News")
    (2, 'Beijing News')
    >>> _with_article("lived in an old people's house", 12, "care home")
    (9, 'a care home')
    >>> _with_article("a pension house", 2, "elderly care facility")
    (0, 'an elderly care facility')
    >>> _with_article("a Grade A pension house", 10, "elderly care facility")
    (10, 'elderly care facility')
    >>> _with_article("a UN Development Program project", 2, "UNDP")
    (2, 'UNDP')
    """
    m = _ARTICLE_BEFORE.search(text, max(0, start - 6), start)
    if m is None:
        return start, new
    article = m.group("article")
    if article[0] == "A" and _SENTENCE_START.search(text, max(0, m.start() - LOOK_BACK),
                                                     m.start()) is None:
        return start, new  # "a Grade A nursing house": a letter of a name, no article
    if new[:4] == "The ":
        if article.lower() == "the":
            return m.start(), new
        new = new[4:]
    first = new.split(" ", 1)[0]
    if article.lower() == "the" or not new[:1].isalpha() or len(first) > 1 and first.isupper():
        return start, new  # (an initialism is read letter by letter: "a UNDP project")
    vowel = new[:1].lower() in "aeiou" and not _VOWEL_LETTER_CONSONANT.match(new) or \
        _SILENT_H.match(new) is not None
    fit = ("an" if vowel else "a")
    if fit == article.lower():
        return start, new
    fit = fit.capitalize() if article[0].isupper() else fit
    return m.start(), fit + text[m.end("article"):start] + new


def zh_evidence(zh: str, glossary: Glossary) -> frozenset[int]:
    """The entries a Chinese text names, with the entries inside their terms (民政部
    names 民政 too).

    >>> from pipeline.glossary import parse_tsv, COLUMNS
    >>> g = parse_tsv("\\t".join(COLUMNS) + "\\nmca\\t民政部\\tMinistry of Civil Affairs\\t\\t\\t"
    ...               "properNoun\\tministry\\t\\tmca.gov.cn\\nca\\t民政\\tcivil affairs\\t\\t\\t"
    ...               "noun\\tministry\\t\\tmca.gov.cn\\n")
    >>> sorted(g.entries[i].id for i in zh_evidence("民政部召开会议", g))
    ['ca', 'mca']
    """
    matcher = matcher_for(glossary)
    return frozenset().union(*(matcher.parts(hit.entry) for hit in matcher.find_zh(zh)))


def enforce_text(text: str, glossary: Glossary, block: int, lang: str = "en",
                 disabled=frozenset(), title: bool = False,
                 zh: str | None = None) -> tuple[str, list[Edit]]:
    """Apply the glossary to one English text until nothing changes; one edit per
    replacement, each with its offset in the text just before it (``zh``: see
    :func:`replacements`).

    >>> from pipeline.glossary import parse_tsv, COLUMNS
    >>> g = parse_tsv("\\t".join(COLUMNS) + "\\nmca\\t民政部\\tMinistry of Civil Affairs\\t\\t"
    ...               "Ministry of Home Affairs\\tproperNoun\\tministry\\t\\tmca.gov.cn\\n")
    >>> text, edits = enforce_text("The ministry of home affairs and 民政部.", g, 0)
    >>> text
    'The Ministry of Civil Affairs and Ministry of Civil Affairs.'
    >>> [(e.rule, e.offset, e.before, e.entry) for e in edits]
    [('glossary.deprecated', 4, 'ministry of home affairs', 'mca'), \
('glossary.untranslated_zh', 34, '民政部', 'mca')]
    """
    edits: list[Edit] = []
    for _ in range(MAX_ROUNDS):
        delta = 0
        parts = []
        last = 0
        for start, end, new, rule_id, entry in replacements(text, glossary, disabled, title,
                                                            zh):
            if start < last:
                continue  # overlaps the previous replacement (an absorbed "the")
            edits.append(Edit(rule_id, block, lang, start + delta, text[start:end], new,
                              entry))
            parts.append(text[last:start])
            parts.append(new)
            last = end
            delta += len(new) - (end - start)
        if not parts:
            break
        parts.append(text[last:])
        text = "".join(parts)
    return text, edits


def _page_chinese(item: Item) -> str:
    """The Chinese a pair's page gives beside its blocks: its metadata (a title's site
    moved there, 中新网; a 责任编辑 line), evidence for every block's variants."""
    parts = [v for v in item.meta_dict.values() if isinstance(v, str)]
    parts += [b.zh for b in item.blocks if b.zh and b.kind in ("meta", "boilerplate")]
    return "\n" + "\n".join(parts) if parts else ""


def apply_glossary(item: Item, config) -> Item:
    """The glossary stage: enforce the run's glossary on every English text block."""
    glossary = glossary_for(config)
    if glossary is None or not glossary.entries:
        return item
    disabled = config.disabled
    blocks = list(item.blocks)
    edits = list(item.edits)
    page_zh: str | None = None
    for i, block in enumerate(blocks):
        if block.en is None or block.kind not in TEXT_KINDS:
            continue
        zh = None
        if block.zh:
            if page_zh is None:
                page_zh = _page_chinese(item)
            zh = block.zh + page_zh
        text, new_edits = enforce_text(block.en, glossary, i, "en", disabled,
                                       block.kind in ("title", "heading"), zh)
        if new_edits:
            edits.extend(new_edits)
            blocks[i] = block.with_text("en", text)
    return evolve(item, blocks=tuple(blocks), edits=tuple(edits))


@check("qa.terminology", severity="minor", scope="pair")
def terms_translated(zh: str, en: str, *, config=None, glossary: Glossary | None = None):
    """Chinese glossary terms whose preferred or admitted English is missing from the
    aligned English text. The English of a term inside the Chinese term also counts
    (``Chongqing`` for 重庆市, when 重庆 is an entry of its own), and so does the English
    of a term the Chinese term is inside (``Chongqing Municipality`` for 重庆).

    >>> from pipeline.glossary import parse_tsv, COLUMNS
    >>> g = parse_tsv("\\t".join(COLUMNS) + "\\nmca\\t民政部\\tMinistry of Civil Affairs\\t"
    ...               "MCA\\t\\tproperNoun\\tministry\\t\\tmca.gov.cn\\n")
    >>> list(terms_translated("民政部召开会议", "The MCA held a meeting.", glossary=g))
    []
    >>> list(terms_translated("民政部召开会议", "The ministry held a meeting.", glossary=g))
    [("民政部: expected 'Ministry of Civil Affairs' in the English text", '民政部')]
    """
    if glossary is None:
        glossary = glossary_for(config)
    if glossary is None or not glossary.entries:
        return
    matcher = matcher_for(glossary)
    wanted = dict.fromkeys(matcher.zh_entries(zh))
    if not wanted:
        return
    present = {h.entry for h in matcher.find_en(en) if h.status != "deprecated"}
    # and the other way round: "Qinghai Province" (青海省) also renders 青海 (Qinghai)
    inside = set().union(*(matcher.parts(e) for e in present))
    reported = set()
    for index, term in wanted:
        if index in reported or index in inside or \
                not present.isdisjoint(matcher.parts(index)):
            continue
        reported.add(index)
        entry = glossary.entries[index]
        yield f"{term}: expected {entry.en_preferred!r} in the English text", term
