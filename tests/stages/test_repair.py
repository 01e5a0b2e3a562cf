"""Tables for the repair rules: rows that must change and rows that must not.

Rows marked "wmt21" or "wmt22" are real MT output or human references from the shared
data (WMT21 newstest2021 zh-en, github.com/wmt-conference/wmt21-news-systems; WMT22
generaltest2022, github.com/wmt-conference/wmt22-news-systems): no licence is stated, the
test sets are released for research use (cite Akhbardeh et al., 2021 and Kocmi et al.,
2022). File and line are given with each row.
"""
import pytest
from hypothesis import example, given, settings, strategies as st

from pipeline import registry
from pipeline.runner import clean_text
import pipeline.runner  # noqa: F401  (its imports register every rule)

from pipeline.stages.repair import (ascii_punct_in_english, drop_repeated_sentence,
                                    drop_repeated_word, fullwidth_punct_in_chinese,
                                    strip_heading_affixes)
from pipeline.stages.repair_numbers import render_zh_dates, render_zh_numbers, zh_small_number


def check_table(fn, text, expected):
    assert fn(text) == expected
    assert fn(expected) == expected  # idempotent: a fixed text needs no more fixing


# repair.fullwidth_punct
@pytest.mark.parametrize("text,expected", [
    # wmt21 newstest2021.zh-en.hyp.Online-W.en line 28 (the meta line, as text)
    ("Source：Beijing Youth Daily Author：Wang Sishuo", "Source: Beijing Youth Daily Author: Wang Sishuo"),
    ("Beijing，Shanghai", "Beijing, Shanghai"),
    ("the Charity Law（2016）", "the Charity Law (2016)"),
    ("the Charity Law（2016）took effect", "the Charity Law (2016) took effect"),
    ("left 华声在线，here", "left 华声在线, here"),
    ("at 10：30 on Monday", "at 10:30 on Monday"),
    ("more than 1，000 people", "more than 1,000 people"),
    ("【Xinhua】 report", "[Xinhua] report"),
    ("read《Charity Law》today", 'read "Charity Law" today'),
    ("Beijing、Tianjin and Hebei。They met", "Beijing, Tianjin and Hebei. They met"),
    ("Wow！Really？Yes；no", "Wow! Really? Yes; no"),
    ("two\u3000spaces", "two spaces"),
    ("Xinhua Full Media+丨Beijing youth ice hockey", "Xinhua Full Media+ | Beijing youth ice hockey"),
    # wmt22 zh-en en_refA, doc 6 (a human reference that kept a full stop)
    ("share science”。", "share science”."),
    # wmt21 newstest2021.zh-en.hyp.Online-A.en line 1683
    ("Tourism Bureau 1 (involved: inquiry isolation hotel issues.) ）",
     "Tourism Bureau 1 (involved: inquiry isolation hotel issues.) )"),
    # must not change: Chinese sentences full of foreign names that detection reads as
    # English (wmt21 newstest2021.en-zh.ref.A.zh line 270; wmt22 en-zh.news_docs.jsonl,
    # zh_mt_Online-A of the document that names Christine Baranski)
    ("名单还包括英超联赛目标球员 Philippe Coutinho、Ousmane Dembele、Ivan Rakitic 和 Samuel Umtiti。",
     "名单还包括英超联赛目标球员 Philippe Coutinho、Ousmane Dembele、Ivan Rakitic 和 Samuel Umtiti。"),
    ("演员阵容中还有Christine Baranski，Cynthia Nixon，Carrie Coon和Morgan Spector等等。",
     "演员阵容中还有Christine Baranski，Cynthia Nixon，Carrie Coon和Morgan Spector等等。"),
    # rows that must not change: ASCII, curly quotes are English typography
    ("Already fine: yes, (2016).", "Already fine: yes, (2016)."),
    ("He said “yes” and ‘no’.", "He said “yes” and ‘no’."),
    ("（", "("),
    # a list's comma between numbers, a thousands separator only before three digits
    ("In 2021，2022 and 2023, offices opened.", "In 2021, 2022 and 2023, offices opened."),
    ("1，200，000 people and 12，5 tons", "1,200,000 people and 12, 5 tons"),
    # the full-width stop: tight in an address, a file name, an initialism; a sentence's
    # or an abbreviation's end otherwise
    ("Report at www．12377．cn today．The doctors came．", "Report at www.12377.cn today. The doctors came."),
    ("given vitamin C．The doctors came, Plan B．It worked", "given vitamin C. The doctors came, Plan B. It worked"),
    ("the 100m．She set a record", "the 100m. She set a record"),
    ("goals: 1．Improve services．2．Expand coverage", "goals: 1. Improve services. 2. Expand coverage"),
    ("food, quilts, etc．and water", "food, quilts, etc. and water"),
    ("J．K．Rowling and the U．S．A．", "J.K. Rowling and the U.S.A."),
    ("see report．pdf now", "see report.pdf now"),
    ("signed in London．UK officials came, and Hong Kong．Info sessions", "signed in London. UK officials came, and Hong Kong. Info sessions"),
    ("write to info．service@mca．gov．cn", "write to info.service@mca.gov.cn"),
])
def test_fullwidth_punct(text, expected):
    check_table(ascii_punct_in_english, text, expected)


# repair.halfwidth_punct_zh
@pytest.mark.parametrize("text,expected", [
    ("民政部召开会议,部署工作.", "民政部召开会议，部署工作。"),
    ("来源:北京青年报", "来源：北京青年报"),
    ("他说:你好!真的吗?", "他说：你好！真的吗？"),
    ("慈善法(2016年)施行", "慈善法（2016年）施行"),
    ("中国共产党(CPC)成立", "中国共产党（CPC）成立"),
    ("一是; 二是", "一是；二是"),
    ("民政部, 财政部", "民政部，财政部"),
    # rows that must not change: numbers, times, addresses, Latin words
    ("增长3.5%", "增长3.5%"),
    ("时间10:30开始", "时间10:30开始"),
    ("共1,000人", "共1,000人"),
    ("见http://www.mca.gov.cn/article", "见http://www.mca.gov.cn/article"),
    ("使用Python, Java等语言", "使用Python, Java等语言"),
    ("版本v2.0发布", "版本v2.0发布"),
    ("民政部召开会议。", "民政部召开会议。"),
    ("No Chinese here, at all.", "No Chinese here, at all."),
])
def test_halfwidth_punct_zh(text, expected):
    check_table(fullwidth_punct_in_chinese, text, expected)


# repair.repeated_sentence
@pytest.mark.parametrize("text,expected", [
    ("The meeting was held in Beijing. The meeting was held in Beijing. It ended.",
     "The meeting was held in Beijing. It ended."),
    ("It rained on Monday in Hohhot. It rained on Monday in Hohhot.",
     "It rained on Monday in Hohhot."),
    ("民政部召开会议部署工作。民政部召开会议部署工作。会议强调。", "民政部召开会议部署工作。会议强调。"),
    # must not change: short repeats are rhetoric, near repeats are different sentences
    ("Yes. Yes. It is.", "Yes. Yes. It is."),
    ("The meeting was held in Beijing. The meeting was held in Hohhot.",
     "The meeting was held in Beijing. The meeting was held in Hohhot."),
    ("Growth was 3.5 percent. Growth was 3.5 percent in May.",
     "Growth was 3.5 percent. Growth was 3.5 percent in May."),
])
def test_repeated_sentence(text, expected):
    check_table(drop_repeated_sentence, text, expected)


# repair.fullwidth_alnum and repair.fullwidth_punct's spacing
@pytest.mark.parametrize("text,expected", [
    ("More than １２０ organizations and ３，０００ volunteers fought ＣＯＶＩＤ－１９.",
     "More than 120 organizations and 3,000 volunteers fought COVID-19."),
    ("Director Zhang said：“We must act.”", "Director Zhang said: “We must act.”"),
    ("They studied the《Regulations》（draft）——and more……", 'They studied the "Regulations" (draft)—and more…'),
    ("three tasks：1、rice；2、 oil", "three tasks: 1. rice; 2. oil"),
    ("the 5G、6G networks", "the 5G, 6G networks"),  # no list number: a comma
    # Chinese in an English block stays Chinese
    ("全省共有１２０个社会组织。", "全省共有１２０个社会组织。"),
])
def test_fullwidth_alnum_and_punct_spacing(text, expected):
    block = clean_text(f"Title\n\n{text}\n").blocks[1]
    assert (block.en if block.en is not None else block.zh) == expected


# repair.repeated_word
@pytest.mark.parametrize("text,expected", [
    # wmt21 newstest2021.zh-en.hyp.Online-W.en line 879
    ("causing interruptions to the village road road access",
     "causing interruptions to the village road access"),
    # wmt21 newstest2021.zh-en.hyp.Online-A.en line 835
    ("the PCAOB website details lists lists of listed companies",
     "the PCAOB website details lists of listed companies"),
    # wmt21 newstest2021.zh-en.hyp.Online-W.en line 187
    ("to check the dike, duty duty and other tasks", "to check the dike, duty and other tasks"),
    # wmt21 newstest2021.zh-en.ref.A.en: typos of the human reference
    ("a stuttering policeman an an enchanting policewoman",
     "a stuttering policeman an enchanting policewoman"),
    ("unable to announce the the approved candidates", "unable to announce the approved candidates"),
    ("the the the meeting", "the meeting"),
    ("it was held held.", "it was held."),
    # must not change: English repeats, names, compounds, case, addresses
    # wmt21 newstest2021.zh-en.hyp.Online-A.en line 1891
    ("the crisis triggered by the outbreak had had unprecedented impacts",
     "the crisis triggered by the outbreak had had unprecedented impacts"),
    ("I don't think that that is a problem", "I don't think that that is a problem"),
    ("The centre gave her her first job", "The centre gave her her first job"),
    ("What it is is a new kind of care", "What it is is a new kind of care"),
    ("Those who do do it well", "Those who do do it well"),
    ("a long long road", "a long long road"),
    ("they split the cost fifty fifty", "they split the cost fifty fifty"),
    ('Residents shouted "go go go" as', 'Residents shouted "go go go" as'),
    ("shouted hurry hurry hurry", "shouted hurry hurry hurry"),  # a cry, not a stutter
    ("hurry hurry hurry up", "hurry hurry hurry up"),
    # ... but MT's stutter of the same words goes
    ("The project is is expected to open", "The project is expected to open"),
    ("We will do do our best", "We will do our best"),
    ("It is is a good policy", "It is a good policy"),
    ("What is is unclear", "What is unclear"),
    # wmt21 newstest2021.zh-en.ref.A.en
    ("the gymnast Yang Yang and the pianist Lang Lang", "the gymnast Yang Yang and the pianist Lang Lang"),
    # wmt22 generaltest2022 zh-en, Online-A
    ("hospitals such as Run Run Shaw Hospital", "hospitals such as Run Run Shaw Hospital"),
    # wmt22 generaltest2022 zh-en, Online-A and Online-B
    ("cross-border border trade is the main pillar", "cross-border border trade is the main pillar"),
    ("both sides of the The government", "both sides of the The government"),
    ("see www.mca.gov.cn cn for details", "see www.mca.gov.cn cn for details"),
    ("the road-road link", "the road-road link"),
    ("the roads road", "the roads road"),
    ("a a", "a a"),
])
def test_repeated_word(text, expected):
    check_table(drop_repeated_word, text, expected)


# repair.heading_affixes
@pytest.mark.parametrize("text,expected", [
    ("☉ Social assistance", "Social assistance"),
    ("● Management of social organizations", "Management of social organizations"),
    ("■Charity", "Charity"),
    ("●● ■ Charity", "Charity"),
    ("Reprint | Charity law training opens", "Charity law training opens"),
    ("[Reprint] The 23rd Lao Niu Philanthropy Class was held",
     "The 23rd Lao Niu Philanthropy Class was held"),
    ("【转载】民政部召开会议", "民政部召开会议"),
    ("Learning the Charity Law | Essay by the Trainee", "Learning the Charity Law"),
    # must not change
    ("Reprints of the 1990 report", "Reprints of the 1990 report"),
    ("Essay by the Trainee", "Essay by the Trainee"),
    ("☉", "☉"),
    ("A | B comparison", "A | B comparison"),
])
def test_heading_affixes(text, expected):
    check_table(strip_heading_affixes, text, expected)


# repair.zh_dates_in_english
@pytest.mark.parametrize("text,expected", [
    ("On 2022年8月12日, the class was held.", "On August 12, 2022, the class was held."),
    ("On 8月12日 the class was held.", "On August 12 the class was held."),
    ("on8月12日", "on August 12"),
    ("In 2020年7月 prices rose.", "In July 2020 prices rose."),
    ("In 2019年, prices rose.", "In 2019, prices rose."),
    # spans: 至 and 到 read "to", a dash stays a dash
    ("from 2022年8月12日至15日", "from August 12 to 15, 2022"),
    ("from 8月12日至15日.", "from August 12 to 15."),
    ("on 8月12-15日", "on August 12-15"),
    ("from 8月30日至9月2日", "from August 30 to September 2"),
    ("from 2021年8月30日到2022年9月2日", "from August 30, 2021 to September 2, 2022"),
    ("in 2019年至2021年", "in 2019 to 2021"),
    ("in 2019-2021年", "in 2019-2021"),
    ("on 8月15日至12日", "on August 15 至12日"),  # no span backwards: left for an editor
    # a span of years, not a year
    ("a history of more than 1000年", "a history of more than 1,000 years"),
    ("a city of over 1200年 of history", "a city of over 1,200 years of history"),
    ("a 3000年 old town", "a 3,000 years old town"),
    ("in 1500年 and growth over 2019年", "in 1500 and growth over 2019"),
    ("built around 1600年, founded in about 1368年", "built around 1600, founded in about 1368"),
    ("a history of about 1300年", "a history of about 1,300 years"),
    ("Over the past 1000年", "Over the past 1,000 years"),
    ("The town has a history of 1300年.", "The town has a history of 1,300 years."),
    ("It was built in 1368年.", "It was built in 1368."),
    # a year after "for" or "spanning" is a year
    ("Relics spanning 1368年 to 1644年 and the annals for 1875年 are on show.",
     "Relics spanning 1368 to 1644 and the annals for 1875 are on show."),
    ("The war lasted for 1000年.", "The war lasted for 1,000 years."),
    # must not change: impossible dates, Chinese phrases that merely contain 年
    ("on 2022年13月40日", "on 2022年13月40日"),
    ("on 2022年2月30日", "on 2022年2月30日"),
    ("记者2022年8月12日从民政部获悉 Lao Niu", "记者2022年8月12日从民政部获悉 Lao Niu"),
    ("the 2022年度 report", "the 2022年度 report"),
    ("On August 12, 2022.", "On August 12, 2022."),
])
def test_zh_dates_in_english(text, expected):
    check_table(render_zh_dates, text, expected)


# repair.zh_numbers_in_english
@pytest.mark.parametrize("text,expected", [
    ("More than 1.2万 people", "More than 12,000 people"),
    ("about 3亿 yuan", "about 300 million yuan"),
    ("about 1.5亿 yuan", "about 150 million yuan"),
    ("some 20亿 yuan", "some 2 billion yuan"),
    ("received 1.5亿元 and 12.5万元", "received 150 million yuan and 125,000 yuan"),
    ("a 20亿元 budget", "a 2 billion yuan budget"),
    ("百分之五 of them", "5 percent of them"),
    ("百分之三十五 of them", "35 percent of them"),
    ("百分之12.5 of them", "12.5 percent of them"),
    ("a budget of 5万元", "a budget of 50,000 yuan"),
    ("500元", "500 yuan"),
    # a number written on after its 万 or 亿 is one number
    ("a budget of 3亿5000万 yuan", "a budget of 350 million yuan"),
    ("3亿2万元", "300.02 million yuan"),
    ("12亿3456万 people", "1.23456 billion people"),
    ("in all 2万4801 people", "in all 24,801 people"),
    ("2万4801元", "24,801 yuan"),
    # must not change
    ("1万2千 people", "1万2千 people"),
    ("3亿2千万 yuan", "3亿2千万 yuan"),
    ("2万零五 people", "2万零五 people"),
    ("more than 1万 80-year-olds", "more than 10,000 80-year-olds"),
    ("in all 2万4801, and more", "in all 24,801, and more"),
    ("1.23456万 people", "1.23456万 people"),
    ("1.5万亿 yuan", "1.5 trillion yuan"),
    # a span shares its 万 or 亿 (1-2万 was "1-20,000")
    ("gets 1-2万 yuan", "gets 10,000-20,000 yuan"),
    ("invests 5-6亿 yuan", "invests 500-600 million yuan"),
    ("3至5万 people", "30,000 to 50,000 people"),
    ("8-12亿 yuan", "800 million to 1.2 billion yuan"),
    ("15-20亿元", "1.5-2 billion yuan"),
    ("5000-2万 yuan", "5000-20,000 yuan"),  # each end with its own unit
    # 余 and 多 after 万 or 亿: more than so many
    ("resettled 2万余名 victims", "resettled more than 20,000 victims"),
    ("more than 2万余名 victims", "more than 20,000 victims"),
    ("2万多人 came", "more than 20,000 people came"),
    ("3亿多元", "more than 300 million yuan"),
    ("12,000 people", "12,000 people"),
    ("百分之百 sure", "百分之百 sure"),
    ("百分之三十五点五 of them", "百分之三十五点五 of them"),
    ("百分之一百二十 of them", "百分之一百二十 of them"),
    ("since 1元旦", "since 1元旦"),
    # one digit after 万 is its thousands, as spoken; two or three are unclear
    ("The town has 1万5 residents.", "The town has 15,000 residents."),
    ("2万5 yuan", "25,000 yuan"), ("1万50 seats", "1万50 seats"),
    ("全省共有社会组织1.2万个 Lao Niu", "全省共有社会组织1.2万个 Lao Niu"),
    # counters after a number, grouped digits, and English whose only Chinese is units
    ("They will train 1万名 nurses and help 3万人.", "They will train 10,000 nurses and help 30,000 people."),
    ("build 1000个 stations for 500人", "build 1000 stations for 500 people"),
    ("spent 1,218.6亿元 and 2,000万元", "spent 121.86 billion yuan and 20 million yuan"),
    ("A total of 1,218.6亿元 was spent, 2,000万元 raised, 1000个 stations built, 3万余人 helped.",
     "A total of 121.86 billion yuan was spent, 20 million yuan raised, 1000 stations built, more than 30,000 people helped."),
    ("It costs 3万人民币", "It costs 30,000 yuan"),
    # a range of grouped numbers shares its unit; an ordinal and a range's end keep their
    # counter; an English noun after a counter names the counted; one is a person
    ("budget is 1,000-2,000万元", "budget is 10-20 million yuan"),
    ("1,500-2,500亿元 was spent", "150-250 billion yuan was spent"),
    ("1,000~2,000万人 took part", "10-20 million people took part"),
    ("He won 第2名 in the race", "He won 第2名 in the race"),
    ("140至160家 took part", "140至160家 took part"),
    ("500户 families and 5人 team members", "500 families and 5 team members"),
    ("1人 died and 3万户 got help", "1 person died and 30,000 households got help"),
    # a 1 that opens a bigger number or a range is no one person
    ("mobilized 1万人 and reached 1万户", "mobilized 10,000 people and reached 10,000 households"),
    ("1亿人 and 1-2万人 and 1至3万人次", "100 million people and 10,000-20,000 people and "
                                       "10,000 to 30,000 person-times"),
    # a noun after the counter names the counted; a verb or a preposition does not
    ("drew 5000人 athletes and 300人 journalists", "drew 5000 athletes and 300 journalists"),
    ("5000人 across the province, 200人 attended", "5000 people across the province, 200 people attended"),
    ("About 2000人 visit the museum, 2万人 fish there, 500户 lost their homes, 12人 hurt",
     "About 2000 people visit the museum, 20,000 people fish there, 500 households lost their homes, 12 people hurt"),
    # a counter with nothing after it: 名 and 位 are people, 家 and 个 stay for an editor
    ("agreements with 30家. It trained 500名.", "agreements with 30家. It trained 500 people."),
    ("with 3万家 in all", "with 3万家 in all"),
    # a counter mtclean does not know: the number is left whole, not half rendered
    ("nursing beds grew by 2.3万张.", "nursing beds grew by 2.3万张."),
    ("Visits were 4万人次 and 3万人次, 百分之五 more.", "Visits were 40,000 person-times and 30,000 person-times, 5 percent more."),
    # a web address keeps its digits and Chinese
    ("open http://www.example.cn/list?page=1万 for 1万人", "open http://www.example.cn/list?page=1万 for 10,000 people"),
    # what a sum is per, so much or more, a span of years
    ("The allowance is 752元/人·月 for 85%以上 of them.", "The allowance is 752 yuan per person per month for 85% or more of them."),
    ("gifts of 10万元以上 and 1万元/年, 3-5年 and 5000元以下", "gifts of 100,000 yuan or more and 10,000 yuan per year, 3-5 years and 5000 yuan or less"),
    ("the 2019-2021年 plan, 以上 rules", "the 2019-2021年 plan, 以上 rules"),
    ("provided 452.3万人次, spent 53.6亿元, 百分之十二 more",
     "provided 4,523,000 person-times, spent 5.36 billion yuan, 12 percent more"),
])
def test_zh_numbers_in_english(text, expected):
    check_table(render_zh_numbers, text, expected)


@pytest.mark.parametrize("text,value", [
    ("五", 5), ("十", 10), ("十二", 12), ("二十", 20), ("三十五", 35), ("两", 2),
    ("百", None), ("五五", None), ("十十", None), ("", None),
])
def test_zh_small_number(text, value):
    assert zh_small_number(text) == value


REPAIR_IDS = ["repair.fullwidth_punct", "repair.halfwidth_punct_zh", "repair.zh_punct_spaces",
              "repair.repeated_sentence", "repair.repeated_word",
              "repair.heading_affixes", "repair.zh_dates_in_english",
              "repair.zh_numbers_in_english"]
CHARS = st.sampled_from(list(
    "ab A.,:;!?()（）【】《》，。：；！？、丨\u3000 -_|年月日号万亿元百分之五十三两2019 8 12 1.5 "
    "民政部☉●网") + ["Reprint | ", "Same sentence here. ", "the ", "road ", "had "])


@settings(max_examples=150, deadline=None)
@given(st.lists(CHARS, max_size=40).map("".join))
@example("(()年)")  # nested parentheses: the outer pair once took a second call
def test_repair_rules_are_idempotent(text):
    for ident in REPAIR_IDS:
        fn = registry.RULES[ident].fn
        once = fn(text)
        assert fn(once) == once, ident


# repair.html_entities
@pytest.mark.parametrize("text,expected", [
    ("It protects people&#39;s livelihood.", "It protects people's livelihood."),
    ("AT&amp;T and &quot;Li&quot; &#x27;met&#x27;", "AT&T and \"Li\" 'met'"),
    ("民政部&ldquo;十四五&rdquo;规划", "民政部“十四五”规划"),
    # no character, a control, no reference at all: left
    ("&#0; &#7; &#xD800; Q&A; R&D; &unknown; &amp", "&#0; &#7; &#xD800; Q&A; R&D; &unknown; &amp"),
    # a line break inside a block would be a new line once the text is cleaned again
    ("Beijing&#13;on &#10; &NewLine; &#x2028; &#8233;", "Beijing&#13;on &#10; &NewLine; &#x2028; &#8233;"),
    # a longer name is no entity and its tail ("&not" + "es;"); the spaces of a CMS export
    ("&notes; &section; &copyright;", "&notes; &section; &copyright;"),
    ("A&emsp;B&ensp;C", "A\u2003B\u2002C"),
])
def test_html_entities(text, expected):
    from pipeline.stages.normalize import decode_html_entities
    check_table(decode_html_entities, text, expected)


def test_an_html_entity_is_no_number_for_the_checks():
    """A CMS's "&#39;" in the English of a pair was read as the number 39."""
    from pipeline.runner import SourceText, clean_sources
    item = clean_sources("p", [
        SourceText("a.zh", "民生新闻\n\n政府保障人民群众的民生。", lang="zh"),
        SourceText("a.en", "Livelihood news\n\nThe government protects people&#39;s "
                   "livelihood.", lang="en")])
    assert not [c for c in item.checks if c.check == "qa.numbers"]
    (edit,) = [e for e in item.edits if e.rule == "repair.html_entities"]
    assert "&#39;" in edit.before and "&#39;" not in edit.after


# repair.zh_outline_numbers: a Chinese notice's outline numbers before MT's English
@pytest.mark.parametrize("text,expected", [
    ("一、Scope of inspection", "I. Scope of inspection"),
    ("四、Safeguards", "IV. Safeguards"),
    ("（二）Rectification stage", "(2) Rectification stage"),
    ("(十一)Reporting", "(11) Reporting"),
    ("第三条 The civil affairs department shall act.", "Article 3 The civil affairs department shall act."),
    # rows that must not change: Chinese after the number, a number inside the text
    ("一、二、三级响应", "一、二、三级响应"),
    ("See 一、Scope", "See 一、Scope"),
    ("（一）", "（一）"),
])
def test_zh_outline_numbers(text, expected):
    from pipeline.stages.repair_numbers import render_zh_outline_numbers
    check_table(render_zh_outline_numbers, text, expected)


def test_outline_numbers_and_fullwidth_stops_in_a_notice():
    """A notice whose English kept （一） and 1． had every full-width mark of the block
    left (its first letter was Chinese) and a major qa.untranslated finding per line."""
    text = ("Notice on the inspection\n\n一、Scope of inspection\n\n（一）Self-inspection "
            "stage（March 20 to April 30）. Each unit checks itself.\n\n1．The application "
            "period is one month.\n")
    item = clean_text(text, "n")
    assert [b.en for b in item.blocks][1:] == [
        "I. Scope of inspection",
        "(1) Self-inspection stage (March 20 to April 30). Each unit checks itself.",
        "1. The application period is one month."]
    assert not [c for c in item.checks if c.check == "qa.untranslated"]
