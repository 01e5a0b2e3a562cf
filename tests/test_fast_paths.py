"""Fast paths give exactly what the plain formulation gives.

Each shortcut in the pipeline (a cheap test that skips a regex, a memory of texts a rule
set leaves alone) must be exact: the output may not change by a byte. Every test here
compares a fast path with the straightforward formulation it replaced, on generated text
built from the pieces those paths look at.
"""
from __future__ import annotations

import json

import pytest
import regex
from hypothesis import given, settings, strategies as st

from pipeline.records import Block, Item
from pipeline.runner import Config, build_item, run_rule_group, SourceText
from pipeline.stages import classify, classify_chrome
from pipeline.stages.repair import BULLETS, strip_heading_affixes

SETTINGS = dict(max_examples=300, deadline=None, derandomize=True)

# pieces of the texts the shortcuts test for: affixes, separators, punctuation, spaces of
# every kind (\x1c-\x1f split for str.split() but are no \s for the regex module)
TOKENS = st.sampled_from([
    "Reprint", "Reprinted", "Repost", "转载", "原创", "Original", "Essay", "Articles",
    "by", "from", "the", "our", "Trainee", "Students", "Volunteers", "Home", "News",
    "Xinhua", "新华网", "湖南日报", "Daily", "Online", "民政部召开会议", "Beijing", "a",
    " | ", "|", "｜", "丨", ":", "：", "[", "]", "【", "】", " - ", "-", "--", "–", "—",
    "——", "_", ">", ".", "。", "!", "？", ",", "，", "“", "”", "'", "(", ")", "%", "+",
    " ", "  ", "\t", "\n", "\u3000", "\u00a0", "\u200b", "\x1c", "\x1f", "ß", "ﬁ",
    *BULLETS[:4],
])
TEXTS = st.lists(TOKENS, max_size=14).map("".join)

# the patterns the fast paths replaced
_AFFIX = regex.compile(
    r"\A(?:[" + BULLETS + r"]\s*"
    r"|[\[【]\s*(?:Reprint(?:ed)?|Repost|转载|原创|Original)\s*[\]】]\s*"
    r"|(?:Reprint(?:ed)?|Repost|转载)\s*[|｜:：]\s*)+"
    r"|\s*[|｜]\s*(?:Essay|Article|Note|Reflection)s?\s+(?:by|from)\s+(?:the|a|our)?\s*"
    r"(?:Trainees?|Students?|Participants?|Volunteers?)\s*\Z",
    regex.IGNORECASE)
_PUNCT_RUN = regex.compile(r"[\p{P}\p{S}\s]+")


@settings(**SETTINGS)
@given(TEXTS)
def test_heading_affixes_as_one_substitution(text):
    new = _AFFIX.sub("", text)
    assert strip_heading_affixes(text) == (new if new.strip() else text)


@settings(**SETTINGS)
@given(TEXTS)
def test_comparable_text_as_one_substitution(text):
    from pipeline.stages.repair import drop_repeated_sentence

    plain = drop_repeated_sentence(strip_heading_affixes(text))
    assert classify._comparable(text) == _PUNCT_RUN.sub(" ", plain).strip().casefold()


@settings(**SETTINGS)
@given(TEXTS)
def test_no_site_without_a_separator(text):
    if not any(c in text for c in "-–—_|｜丨"):
        assert classify_chrome.split_site(text) is None


def test_split_site_still_cuts_a_glued_site():
    assert classify_chrome.split_site("Make returning migrant workers a force-Xinhua") == \
        ("", "Make returning migrant workers a force", "-Xinhua")


@settings(**SETTINGS)
@given(st.lists(TEXTS, min_size=1, max_size=4))
def test_settled_texts_are_skipped_without_changing_anything(texts):
    item = build_item("x", [SourceText("x", "\n\n".join(t or "x" for t in texts))])
    config = Config()
    settled: dict = {}
    once = run_rule_group(item, "normalize", config, settled=settled)
    assert once == run_rule_group(item, "normalize", config)
    # a second pass over the settled texts is skipped: the very same item comes back
    assert run_rule_group(once, "normalize", config, settled=settled) is once
    assert run_rule_group(once, "normalize", config) == once


def test_unchanged_item_is_returned_as_is():
    item = Item("x", blocks=(Block("paragraph", "en", en="Plain text."),))
    assert run_rule_group(item, "repair", Config()) is item


def test_blank_line_characters_are_the_blank_pattern():
    from pipeline.stages import segment

    blank = regex.compile(segment._IGNORABLE)
    chars = {chr(c) for c in range(0x110000) if blank.fullmatch(chr(c))}
    assert chars == set(segment._INVISIBLE_CHARS)


@settings(**SETTINGS)
@given(TEXTS)
def test_one_chrome_alternation_as_any_pattern(text):
    patterns = [regex.compile(p, classify_chrome._I) for p in classify_chrome._CHROME_PATTERNS]
    t = text.strip()
    assert bool(classify_chrome._CHROME.fullmatch(t)) == any(p.fullmatch(t) for p in patterns)


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(["DATA", "Date", "Views", "Source", "来源", "2022-08-17",
                                 "10:30", "12 Aug 2022", " ", ":", "：", "0", "Xinhua",
                                 "The source of it", "民政部"]), max_size=8).map("".join))
def test_meta_lines_need_a_colon_or_a_date(text):
    fields = classify.parse_meta(text)
    if ":" not in text and "：" not in text and fields is not None:
        assert classify._DATETIME_LINE.match(text)


def test_characters_the_normalize_rules_replace_are_not_printable():
    from pipeline.stages import normalize

    for pattern in (normalize._NBSP, normalize._CONTROL, normalize._TAB,
                    regex.compile(r"[\u200b\u2060\ufeff\u00ad\u180e\u200c\u200d]")):
        for c in map(chr, range(0x110000)):
            if pattern.fullmatch(c):
                assert not c.isprintable(), hex(ord(c))
    # the zero-width pattern removes no character outside the class tested above
    for c in map(chr, range(0x110000)):
        if normalize._ZERO_WIDTH.search("a" + c + "a"):
            assert c in "\u200b\u2060\ufeff\u00ad\u180e\u200c\u200d"


@settings(**SETTINGS)
@given(TEXTS)
def test_normal_text_is_left_alone_by_every_normalize_rule(text):
    from pipeline import registry
    from pipeline.stages import normalize

    rules = [registry.RULES[ident] for ident in sorted(normalize.RULE_IDS)]
    if normalize.is_normal(text):
        assert all(r.fn(text) == text for r in rules)
    rules = [registry.RULES[ident] for ident in sorted(normalize.ZH_RULE_IDS)]
    if normalize.is_normal_chinese(text):
        assert all(r.fn(text) == text for r in rules)


def test_sentences_are_remembered_as_tuples_and_handed_out_as_lists():
    from pipeline.stages.sentences import sentences_of, split_sentences

    first = split_sentences("It rained. We left.", "en")
    first.append("changed by a caller")
    assert split_sentences("It rained. We left.", "en") == ["It rained.", "We left."]
    assert sentences_of("It rained. We left.", "en") == ("It rained.", "We left.")


def test_with_sentences_keeps_every_other_field():
    import dataclasses

    # a distinct value in every field, so that a field added later and not copied fails
    block = Block(**{f.name: object() for f in dataclasses.fields(Block)})
    new = block.with_sentences(("A.", "B."), ("甲。",))
    assert new.en_sentences == ("A.", "B.") and new.zh_sentences == ("甲。",)
    for field in dataclasses.fields(Block):
        if field.name not in ("en_sentences", "zh_sentences"):
            assert getattr(new, field.name) is getattr(block, field.name), field.name
    assert new.with_sentences(("A.", "B."), ("甲。",)) is new


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(["民政部", "会议", "Civil", "affairs", "é", "ﬁ", " ", "-",
                                 " - 华声在线", "｜", "2022", "。", ",", "Ω"]),
                max_size=30).map("".join))
def test_script_without_latin_count_agrees_with_script_lang(text):
    from pipeline.stages import detect

    assert detect._script(text) == detect.script_lang(text)[0]


def test_re_whitespace_without_separators_is_regex_whitespace():
    import re

    plain = re.compile(r"[^\S\x1c-\x1f]")
    unicode_ = regex.compile(r"\s")
    assert all(bool(plain.match(c)) == bool(unicode_.match(c))
               for c in map(chr, range(0x110000)))


@settings(**SETTINGS)
@given(TEXTS)
def test_sentence_pieces_as_the_regex_module_finds_them(text):
    from pipeline.stages import repair

    original = regex.compile(r"[^.!?。！？]*(?:[.!?。！？]+[\"'”’）)]*|\Z)\s*")
    assert repair._SENTENCE.findall(text) == original.findall(text)


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(list("abcab民政部会议") + ["the", "a", "meeting"]), max_size=12),
       st.lists(st.sampled_from(list("abcab民政部会议") + ["the", "a", "meeting"]), max_size=12))
def test_common_units_bound_the_matcher_ratio(ua, ub):
    from collections import Counter
    from difflib import SequenceMatcher

    if ua or ub:
        common = sum((Counter(ua) & Counter(ub)).values())
        quick = SequenceMatcher(None, ua, ub, autojunk=False).quick_ratio()
        assert 2.0 * common / (len(ua) + len(ub)) == quick


@settings(**SETTINGS)
@given(st.none() | st.sampled_from(["", " ", "\u3000\n", "\x1c", "x", " x "]),
       st.none() | st.sampled_from(["", " ", "\t", "民", "\u00a0"]))
def test_blank_block_as_stripped_sides(en, zh):
    from pipeline.runner import _blank

    block = Block("paragraph", "en", en=en, zh=zh)
    assert _blank(block) == all(not (block.text(l) or "").strip() for l in block.sides)


def test_ascii_punctuation_is_the_ascii_punctuation_and_symbols():
    import string

    punct = regex.compile(r"[\p{P}\p{S}]")
    assert {chr(c) for c in range(128) if punct.match(chr(c))} == set(string.punctuation)


@settings(**SETTINGS)
@given(st.sampled_from(list("(0123456789CIPTVXciptvxAaBbZz-\"'[图摄民 ")),
       st.lists(st.sampled_from(["Photo", "s", " by", " /", ":", " Li Ming", ")", "Xinhua",
                                 "/Li", "Ti Gong", "i Gong", "C", "FP", "1.jpg", ".png",
                                 " Volunteers", "片来源：新华社", "影：王", " ", "."]),
                max_size=6).map("".join))
def test_caption_test_after_its_first_character_check(first, rest):
    from pipeline.stages.repair import IMAGE_LEAD

    t = (first + rest).strip()
    expected = bool(classify_chrome._CREDIT.fullmatch(t) or IMAGE_LEAD.match(t))
    assert classify_chrome.is_caption(first + rest) == expected


def test_no_ascii_character_is_a_bullet():
    from pipeline.stages import sentences

    assert not any(sentences._BULLET_ANY.match(chr(c)) for c in range(128))


def _checks_by_plain_loop(item, config):
    """run_checks as a loop over every check for every block (what its plans replace)."""
    from pipeline import registry
    from pipeline.records import Check
    found = []
    specs = [c for c in registry.CHECKS.values() if c.id not in config.disabled]
    for i, block in enumerate(item.blocks):
        for spec in specs:
            if block.kind not in spec.kinds:
                continue
            if spec.scope == "text":
                for lang in block.sides:
                    if spec.lang in ("*", lang):
                        for message, span in spec.fn(block.text(lang)) or ():
                            found.append(Check(spec.id, spec.severity, i, message, lang, span))
            elif spec.scope == "pair" and block.en is not None and block.zh is not None:
                extra = {"config": config} if "config" in spec.fn.__code__.co_varnames else {}
                for message, span in spec.fn(block.zh, block.en, **extra) or ():
                    found.append(Check(spec.id, spec.severity, i, message, None, span))
    return found


def test_check_plans_call_the_checks_of_the_plain_loop_in_its_order():
    from pipeline import registry
    from pipeline.runner import run_checks
    item_scope = {c.id for c in registry.CHECKS.values() if c.scope == "item"}
    blocks = (Block("title", "en", en="News from 华声在线 on 9 1 days"),
              Block("duplicate", "en", en="News from 华声在线"),
              Block("paragraph", "zh", zh="民政部2022年召开会议，3人出席。"),
              Block("paragraph", "zh", en="The registration1 of 5 groups in 2021 民政部.",
                    zh="民政部2022年召开会议，3人出席。"),
              Block("meta", "en", en="registration1 9 1 days"),
              Block("paragraph", "en", zh="华声在线", en="华声在线 registration1"))
    item = Item("x", blocks=blocks)
    for config in (Config(), Config(disabled=frozenset({"qa.untranslated", "qa.numbers"}))):
        plain = _checks_by_plain_loop(item, config)
        found = [c for c in run_checks(item, config).checks if c.check not in item_scope]
        assert found == plain
        assert len({c.check for c in plain}) >= 4 - len(config.disabled)


def test_evolve_is_replace():
    import dataclasses
    import pickle

    from pipeline.records import Check, Edit, Origin, Source, evolve

    origin = Origin(0, 3, "\n\n", "# ")
    records = [Block("paragraph", "en", en="Text.", en_origin=origin, en_sentences=("Text.",)),
               Item("x", (Source("a"),), (("date", "2022-08-17"),),
                    (Block("title", "zh", zh="标题"),), (Edit("r", 0, "zh", 0, "a", "b"),)),
               Edit("r", 1, "en", 2, "a", "b", "entry"), Check("qa.x", "minor", 0, "m"),
               origin, Source("a", "gbk", "\n", "zh")]
    for record in records:
        for field in dataclasses.fields(record):
            value = ("changed",)
            new = evolve(record, **{field.name: value})
            old = dataclasses.replace(record, **{field.name: value})
            assert new == old and hash(new) == hash(old) and type(new) is type(old)
            assert pickle.loads(pickle.dumps(new)) == old  # as the batch workers send it
            assert getattr(record, field.name) != value  # the original is untouched
            with pytest.raises(dataclasses.FrozenInstanceError):
                setattr(new, field.name, "x")
        assert evolve(record) == record
        with pytest.raises(TypeError):
            evolve(record, no_such_field=1)


def test_caption_test_after_its_first_cjk_letter_check():
    """is_caption settles a line opening with a CJK letter outside _CAPTION_HAN_STARTS
    without the patterns: no such letter can open a match of them."""
    from pipeline.stages.repair import IMAGE_LEAD
    for c in map(chr, range(0x4E00, 0xA000)):
        opens = bool(classify_chrome._CREDIT.fullmatch(c, partial=True)
                     or IMAGE_LEAD.match(c, partial=True))
        assert opens == (c in classify_chrome._CAPTION_HAN_STARTS), c
    assert classify_chrome.is_caption("图：新华社记者 李明")
    assert not classify_chrome.is_caption("民政部召开会议")


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(["民政部", "Civil", "affairs", "é", "ﬁ", "ª", "Ａｂ", "ǅ",
                                 "“", "”", "—", " ", "2022", "。", "Ω", "ж", "\u0301", "😀",
                                 "\x7f", "\x80"]),
                max_size=30).map("".join))
def test_latin_letters_counted_apart_from_ascii_as_one_pattern_counts_them(text):
    from pipeline.stages import detect

    han = len(text) - len(detect._HAN.sub("", text))
    latin = len(text) - len(detect._LATIN.sub("", text))
    letterless = "zh" if any(c in "，。、？！；：" for c in text) else "und"
    expected = (letterless if not han and not latin else "zh" if han * 3 >= latin else "latin",
                han, latin)
    assert detect._count_scripts(text) == expected


def test_regex_white_space_is_str_white_space():
    """parse_meta skips a line without a colon whose first non-space character (by
    str.lstrip) is ASCII and no digit: \\s of the regex module must be str.isspace()."""
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    assert all(c.isspace() for c in regex.findall(r"\s", every))
    assert classify.parse_meta(" 2022-08-17 Red Cross") is None  # a date alone is no line
    assert classify.parse_meta("\u3000 2022-08-17") == {"date": "2022-08-17"}
    assert classify.parse_meta("\u00a02022-08-17 10:30") == {"date": "2022-08-17", "time": "10:30"}


def _drop_repeated_plainly(text):
    """drop_repeated_sentence without its two-end-marks test."""
    from pipeline.stages import repair
    if len(text) < 2 * repair.MIN_REPEAT_CHARS:
        return text
    out = []
    for part in (p for p in repair._SENTENCE.findall(text) if p):
        if out and part.strip() == out[-1].strip() and len(part.strip()) >= 12:
            if not part.endswith((" ", "\u3000")) and out[-1].endswith(" "):
                out[-1] = out[-1].rstrip(" ")
            continue
        out.append(part)
    return "".join(out)


@settings(**SETTINGS)
@given(st.lists(st.sampled_from(["The meeting was held", "The meeting was held.", ". ", "!",
                                 "?", "。", "！", "会议在北京举行", "会议在北京举行。", " ",
                                 "\u3000", ")", "”", "\x1c", "a"]), max_size=12).map("".join))
def test_repeated_sentence_needs_two_end_marks(text):
    from pipeline.stages import repair
    for t in (text, text + " " + text, text + text):
        assert repair.drop_repeated_sentence(t) == _drop_repeated_plainly(t)
    assert repair.drop_repeated_sentence("The meeting was held. The meeting was held.") == \
        "The meeting was held."


SENTENCE_PIECES = st.lists(st.sampled_from([
    "The meeting", " was held", "Mr", "U.S", "1", "a", "• ", "1) ", " ", "  ", "\n", ".", "!",
    "?", "…", "...", ")", "”", "\"", "“", "'", "会议举行", "他说：", "《", "》", "。", "！", "？",
    "．", "３", "等", "，", "（", "）", "_", "-"]), max_size=10).map("".join)


@settings(**SETTINGS)
@given(SENTENCE_PIECES)
def test_one_piece_texts_split_as_the_full_splitters_split_them(text):
    """A text with no end mark, or one with no word character after it, is one piece:
    the splitters give what they give without that shortcut."""
    from unittest import mock

    from pipeline.stages import sentences
    fast = (sentences._english_cuts(text), sentences._chinese_cuts(text))
    with mock.patch.object(sentences, "_one_piece", lambda text, marks: False):
        assert fast == (sentences._english_cuts(text), sentences._chinese_cuts(text))


def test_common_han_range_is_han_and_counted_on_high_bytes():
    from pipeline.stages import detect
    common = "".join(map(chr, range(0x4E00, 0x9F00)))
    assert len(regex.findall(r"\p{Han}", common)) == len(common)
    for text in ("", "民政部召开会议。", "a\U00020000b\ud800丁\u9eff\u9f00\u4dff", "Civil 民政"):
        expected = sum(0x4E00 <= ord(c) <= 0x9EFF for c in text)
        assert detect._count_common_han(text) == expected, text


SITE_PIECES = st.lists(st.sampled_from([
    "Xinhua", "XINHUA", "net", "News", "Agency", "english", ".", "news.cn", "www", "mca",
    ".gov", ".CN", ".com", "CNN", "China", "New", "Network", "Zhongxin", "Huasheng",
    "Online", "Hunan", "Daily", "Web", "site", "新华", "网", "在线", "湖南", "日报", "新闻",
    "晚报", "早报", " ", "-", "'", "&", "ſ", "K", "İ"]), max_size=8).map("".join)


# a site for each alternative of the site patterns
SITES = ("www.mca.gov.cn", "mca.gov.cn", "xinhuanet.com", "people.com.cn", "mca.org",
         "sina.com", "mca.cn", "mca.gov", "新华网",
         "Xinhua", "Xinhua Net", "Xinhua News Agency", "Xinhua english.news.cn",
         "Xinhua abc.def", "CNN", "China News", "China News Service", "China New Network",
         "Zhongxin network", "Huasheng Online", "Hunan Daily", "Hunan Daily News",
         "People's Net", "Beijing Youth Network", "Sina Online", "Changsha Evening News",
         "Xinhua News Network", "Hunan Website", "Gov Web", "华声在线", "湖南日报网",
         "湖南日报", "人民新闻", "北京晚报", "长沙早报")


@pytest.mark.parametrize("site", SITES)
def test_each_kind_of_site_holds_a_site_word(site):
    assert classify_chrome._SITE.fullmatch(site), site
    assert classify_chrome._SITE_WORD.search(site.casefold()) and classify_chrome._is_site(site)


@settings(**SETTINGS)
@given(SITE_PIECES)
def test_site_segments_hold_a_site_word(text):
    """_is_site asks the site patterns only about a segment holding a _SITE_WORD: every
    segment they match holds one, case folded."""
    for pattern in (classify_chrome._SITE, classify_chrome._STRICT):
        if pattern.fullmatch(text) and "\u0130" not in text:
            assert classify_chrome._SITE_WORD.search(text.casefold()), text
    assert classify_chrome._is_site("XİNHUA") == bool(classify_chrome._SITE.fullmatch("XİNHUA"))


def test_site_words_fold_as_the_patterns_fold():
    """Every character the patterns' case-insensitive matching takes for a letter of a
    site word case-folds to that letter, so the folded segment holds the word."""
    every = "".join(map(chr, range(0xD800))) + "".join(map(chr, range(0xE000, 0x110000)))
    letters = {c for w in classify_chrome._SITE_WORD.pattern.split("|") for c in w
               if c.isascii() and c.isalpha()}
    for letter in sorted(letters):
        for c in regex.findall(letter, every, flags=regex.IGNORECASE | regex.VERSION1):
            assert c.casefold() == letter or c == "\u0130", (letter, c)  # (İ: tested apart)
    assert classify_chrome._is_site("Xinhua Net") and classify_chrome._is_site("华声在线")
    assert not classify_chrome._is_site("Sino-US trade talks")


def test_evolve_runs_post_init_of_a_record_that_has_one():
    """A record that checks itself in ``__post_init__`` is never copied around it."""
    import dataclasses

    from pipeline.records import evolve

    @dataclasses.dataclass(frozen=True)
    class Checked:
        n: int

        def __post_init__(self):
            if self.n < 0:
                raise ValueError("negative")

    assert evolve(Checked(1), n=2) == Checked(2)
    with pytest.raises(ValueError):
        evolve(Checked(1), n=-1)


# JSON values with what orjson reads inexactly (long integers, floats) and strings that
# hold the end of a key ('":'), in objects with keys that may be given twice
_JSON_SCALARS = st.one_of(
    st.none(), st.booleans(), st.floats(allow_nan=False, allow_infinity=False),
    st.integers(), st.integers(min_value=2 ** 63 - 3, max_value=2 ** 66),
    st.integers(min_value=-2 ** 65, max_value=-2 ** 63 + 3),
    st.text(st.sampled_from('ab":\\ 中\n'), max_size=8))
_JSON = st.recursive(_JSON_SCALARS, lambda inner: st.one_of(
    st.lists(inner, max_size=4),
    st.lists(st.tuples(st.sampled_from(["a", "b", 'c":', "中"]), inner), max_size=4)),
    max_leaves=12)


def _json_text(value, sep: str) -> str:
    """``value`` as JSON; a list of pairs is an object, written with every pair, so a key
    may be given twice."""
    if isinstance(value, list) and value and all(isinstance(p, tuple) for p in value):
        return "{" + ",".join(json.dumps(k) + sep + ":" + _json_text(v, sep)
                              for k, v in value) + "}"
    if isinstance(value, list):
        return "[" + ",".join(_json_text(v, sep) for v in value) + "]"
    return json.dumps(value)


class _Twice(Exception):
    pass


def _strict_pairs(pairs):
    if len({k for k, _ in pairs}) != len(pairs):
        raise _Twice
    return dict(pairs)


@settings(**SETTINGS)
@given(_JSON, st.sampled_from(["", " ", "\t\n"]), st.booleans())
def test_loads_line_reads_as_the_stdlib_and_refuses_a_key_given_twice(value, sep, as_bytes):
    from pipeline.emit.jsonl import loads_line
    from pipeline.errors import InputError
    text = _json_text(value, sep)
    line = text.encode() if as_bytes else text
    try:
        expected = json.loads(text, object_pairs_hook=_strict_pairs)
    except _Twice:
        with pytest.raises(InputError, match="is given twice"):
            loads_line(line)
        return
    got = loads_line(line)
    assert got == expected and json.dumps(got) == json.dumps(expected)


def test_full_width_stops_in_a_long_run_cost_linear_time():
    """Each stop's address test read the rest of the run: 10,000 stops took minutes.
    What the test reads after each stop is counted (no clock): it stays bounded."""
    from pipeline.stages.repair import _tight_stop

    calls = []
    import pipeline.stages.repair as repair

    real = repair._HOST_RIGHT

    class Counting:
        def match(self, text, pos=0, endpos=None):
            m = real.match(text, pos, endpos if endpos is not None else len(text))
            calls.append(0 if m is None else m.end() - m.start())
            return m

    repair._HOST_RIGHT = Counting()
    try:
        for n in (1000, 4000):
            calls.clear()
            text = "ab\uff0e" * n
            for i in range(2, len(text), 3):
                _tight_stop(text, i)
            read = sum(calls)
            assert read <= 70 * n, (n, read)  # what each stop reads is bounded
    finally:
        repair._HOST_RIGHT = real
