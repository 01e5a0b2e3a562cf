"""Numbers and dates read the same way on both sides."""
import pytest
import regex
from hypothesis import given, settings, strategies as st

from pipeline.stages.anchors import (_DECADE_AFTER, _DECADE_STARTS, _EN_NUM, _MONTH_STARTS,
                                     _ZH_NUM, _has_month_start, anchor_similarity, anchors,
                                     dates_en, dates_zh, numbers_en, numbers_zh, numerals_zh,
                                     register_anchor, ANCHORS, words_en, zh_numeral)
from pipeline.stages.months import MONTH_NAMES, MONTH_PATTERN


@pytest.mark.parametrize("text, values", [
    ("增长1.2万人", [12000]),
    ("达３亿元", [300_000_000]),
    ("２０１６年", [2016]),
    ("占百分之五", [5]),
    ("百分之三点五", [3.5]),
    ("3-5万", [30000, 50000]),
    ("5至10亿", [500_000_000, 1_000_000_000]),
    ("2万4801张", [24801]),
    ("600 多万英镑", [6_000_000]),
    ("1,234,567人", [1234567]),
    ("新冠肺炎", []),
])
def test_numbers_zh(text, values):
    assert [n.value for n in numbers_zh(text)] == values


@pytest.mark.parametrize("text, values", [
    ("12,000 volunteers", [12000]),
    ("1.2 million people", [1_200_000]),
    ("$16 billion", [16e9]),
    ("5-10 billion", [5e9, 1e10]),
    ("from 1981-87", [1981, 1987]),
    ("at 15:00", [15]),
    ("no numbers here", []),
])
def test_numbers_en(text, values):
    assert [n.value for n in numbers_en(text)] == values


@pytest.mark.parametrize("text, loose", [("COVID-19 cases", True), ("the 1960s", True),
                                         ("G20 summit", True), ("19 cases", False),
                                         ("-19 cases", False), ("9-19 cases", False),
                                         ("U-19 team", True), ("é19 cases", False)])
def test_names_and_decades_are_loose(text, loose):
    assert numbers_en(text)[-1].loose is loose


@pytest.mark.parametrize("extract, text", [
    (numbers_zh, "增长1.2万人，占百分之五"), (numbers_en, "12,000 volunteers"),
    (dates_zh, "2022年8月12日"), (dates_en, "August 12, 2022"),
])
def test_extractions_are_shared_and_immutable(extract, text):
    # results are cached for alignment and the checks: nobody may change them
    first = extract(text)
    assert first and isinstance(first, tuple) and extract(text) is first
    with pytest.raises(AttributeError):
        first[0].start = 0


@pytest.mark.parametrize("text, zh, en", [
    ("没有数字的句子", [], []), ("No digits at all.", [], []), ("百分之五十", [50], []),
    ("٣ آلاف", [3], [3]),  # any decimal digit counts, as in the patterns' \d
])
def test_texts_without_digits(text, zh, en):
    # a text without digits skips the number patterns: only 百分之 numbers remain
    assert [n.value for n in numbers_zh(text)] == zh
    assert [n.value for n in numbers_en(text)] == en


def test_words_and_numerals():
    assert {5.0, 25.0, 3_000_000.0} <= words_en("five, twenty-five and three million")
    assert 1e6 in words_en("per million departures")
    assert {13.0, 14.0} <= numerals_zh("十三届 十四五")
    assert zh_numeral("两千零五") == 2005


@pytest.mark.parametrize("text, found", [
    ("2022年8月12日", [(2022, 8, 12)]),
    ("８月１２日", [(None, 8, 12)]),
    ("2022-08-12", [(2022, 8, 12)]),
    ("会议于昨天举行", []),
])
def test_dates_zh(text, found):
    assert [(d.year, d.month, d.day) for d in dates_zh(text)] == found


@pytest.mark.parametrize("text, found", [
    ("August 12, 2022", [(2022, 8, 12)]),
    ("12 August 2022", [(2022, 8, 12)]),
    ("on Aug. 12", [(None, 8, 12)]),
    ("12 separate bills", []),
    ("you may 5 times", []),
])
def test_dates_en(text, found):
    assert [(d.year, d.month, d.day) for d in dates_en(text)] == found


def test_anchors_are_pluggable():
    zh_keys = anchors("民政部发布1.2万份", "zh")
    en_keys = anchors("The Ministry of Civil Affairs issued 12,000", "en")
    assert anchor_similarity(zh_keys, en_keys) == 1.0

    def term(text, lang):
        return {"t:moca"} if ("民政部" in text or "Civil Affairs" in text) else set()

    register_anchor(term)
    try:
        assert "t:moca" in anchors("民政部", "zh") and "t:moca" in anchors("Civil Affairs", "en")
    finally:
        ANCHORS.remove(term)
    assert "t:moca" not in anchors("民政部", "zh")  # not a cached answer of the old list


@pytest.mark.parametrize("zh, en, similarity", [
    (set(), set(), None),
    ({"n:5"}, set(), 0.0),
    (set(), {"w:said", "w:the"}, None),  # English words alone say nothing
    (set(), {"n:5", "w:said"}, 0.0),
    ({"n:5", "w:who"}, {"n:5", "w:who", "w:said"}, 1.0),
    ({"n:5", "w:who"}, {"n:6", "w:said"}, 0.0),
    ({"n:5", "d:8-12"}, {"n:5", "n:6", "w:said"}, 1 / 3),
])
def test_anchor_similarity(zh, en, similarity):
    assert anchor_similarity(frozenset(zh), frozenset(en)) == similarity


_KEYS = st.frozensets(st.sampled_from(["n:5", "n:6", "d:8-12", "w:who", "w:un", "t:moca"]))


@settings(max_examples=200, deadline=None)
@given(_KEYS, _KEYS)
def test_anchor_similarity_is_shared_keys_over_the_keys_that_count(zh, en):
    """Counted without building sets, the similarity is still: keys on both sides over
    the Chinese keys and the English ones that are not Latin words missing in Chinese."""
    union = zh | {k for k in en if not (k.startswith("w:") and k not in zh)}
    expected = (0.0 if zh else None) if not en else (len(zh & en) / len(union) if union
                                                      else None)
    assert anchor_similarity(zh, en) == expected


def _every_character() -> str:
    return "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c < 0xE000)


def test_month_starts_are_found_however_the_patterns_match_their_letters():
    """dates_en scans for English month dates only when _has_month_start finds the first
    three letters of a month: every character the patterns (ignoring case) take for one
    of those letters must fold to it, and every month form must start with them."""
    every = _every_character()
    for letter in sorted(set("".join(_MONTH_STARTS))):
        for c in regex.findall(letter, every, regex.IGNORECASE):
            assert c.casefold() == letter, (letter, c)
    forms = [f for name in MONTH_NAMES for f in (name, name[:3], name[:3] + ".", name.upper())]
    forms += ["Sept", "Sept.", "ſeptember", "ſep 5"]
    for form in forms:
        assert regex.match(MONTH_PATTERN, form, regex.IGNORECASE), form
        assert _has_month_start(form), form
    assert not _has_month_start("The 5 members met in 2022.")
    assert [d.day for d in dates_en("Sep 5 and 2022-03-04")] == [5, 4]
    assert [(d.month, d.day) for d in dates_en("held on ſep 5")] == [(9, 5)]


def test_decade_marks_start_with_one_of_their_first_characters():
    """_scaled tries the decade pattern only after a character of _DECADE_STARTS."""
    every = _every_character()[:0x10000]
    starts = {c for c in every
              if any(_DECADE_AFTER.match(c + rest) for rest in ("", " ", "s", "s ", "纪"))}
    assert starts == set(_DECADE_STARTS)
    assert [n.loose for n in numbers_en("the 1960s and 1970's, 5 sites, 20 shares")] == [
        True, True, False, False]


@pytest.mark.parametrize("text, days", [
    ("2022年8月12日", [12]), ("8月12号", [12]), ("2022-08-12", [12]), ("2022年8日", []),
])
def test_chinese_dates_without_their_literal_are_not_scanned(text, days):
    assert [d.day for d in dates_zh(text)] == days


def test_number_patterns_keep_the_group_order_scaled_reads():
    """_scaled reads each match's four groups in one call, in this order."""
    assert list(_ZH_NUM.groupindex) == ["a", "b", "u", "c"]
    assert list(_EN_NUM.groupindex) == ["a", "b", "u", "s"]


def test_latin_patterns_read_alike_in_both_engines():
    """The Latin-letter patterns run on the standard re module, which scans faster;
    with ASCII classes only they find what the regex module finds, in all of Unicode."""
    from pipeline.stages.anchors import _LATIN
    from pipeline.stages.beads import _LATIN_CHAR

    every = _every_character()
    samples = [every, "WHO发布1.2万份", "Ｇ20峰会 G20 A&B co-op e.g. É Kelvin K", "x-y- 'a' Z"]
    for pattern in (_LATIN, _LATIN_CHAR):
        twin = regex.compile(pattern.pattern)
        for text in samples:
            assert pattern.findall(text) == twin.findall(text)
