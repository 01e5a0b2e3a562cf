"""Sentence splitting: English rules, Chinese rules, the spaCy pipeline, and the pure-function
contract (exact substrings, in order, covering all non-space text)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.stages.sentences import (english_nlp, sentence_spans, split_chinese,
                                       split_english, split_sentences)

# Categories of the Golden Rules (Pragmatic Segmenter, MIT; also used by pySBD, MIT): the
# rows below are written for this table, one or more per category, in the same spirit.
GOLDEN = [
    ("simple period", "The river rose. Farmers moved uphill.",
     ["The river rose.", "Farmers moved uphill."]),
    ("question mark", "Where did the money go? Nobody knows.",
     ["Where did the money go?", "Nobody knows."]),
    ("exclamation mark", "The dam held! Everyone cheered.",
     ["The dam held!", "Everyone cheered."]),
    ("one-letter upper-case abbreviation (initial)", "The report was written by Mary K. Lee.",
     ["The report was written by Mary K. Lee."]),
    ("one-letter lower-case abbreviation", "The table is on p. 12 of the report.",
     ["The table is on p. 12 of the report."]),
    ("two-letter lower-case abbreviation mid-sentence", "Did Tom and co. come to the dinner?",
     ["Did Tom and co. come to the dinner?"]),
    ("two-letter upper-case abbreviation mid-sentence",
     "The firm signed with Pitt, Briggs & Co. at noon.",
     ["The firm signed with Pitt, Briggs & Co. at noon."]),
    ("two-letter lower-case abbreviation at the end", "Ask Tom and co. They were there.",
     ["Ask Tom and co.", "They were there."]),
    ("two-letter upper-case abbreviation at the end",
     "The firm signed with Pitt, Briggs & Co. It paid in cash.",
     ["The firm signed with Pitt, Briggs & Co.", "It paid in cash."]),
    ("prepositive two-letter abbreviation", "Climbers reached Mt. Everest in May.",
     ["Climbers reached Mt. Everest in May."]),
    ("prepositive and postpositive abbreviations",
     "St. Mary's School is on Oak st. near the bank.",
     ["St. Mary's School is on Oak st. near the bank."]),
    ("possessive abbreviation", "This is Martin Luther King Jr.'s speech.",
     ["This is Martin Luther King Jr.'s speech."]),
    ("multi-period abbreviation mid-sentence", "She toured the U.S.A. last spring.",
     ["She toured the U.S.A. last spring."]),
    ("multi-period abbreviation at the end", "He works in the E.U. Where do you work?",
     ["He works in the E.U.", "Where do you work?"]),
    ("U.S. as a sentence end", "The team flew to the U.S. They landed at dawn.",
     ["The team flew to the U.S.", "They landed at dawn."]),
    ("U.S. before a capitalised name", "The U.S. Senate passed the bill.",
     ["The U.S. Senate passed the bill."]),
    ("U.S. before a lower-case word", "She has lived in the U.S. for a decade.",
     ["She has lived in the U.S. for a decade."]),
    ("a.m./p.m. inside and at the end of sentences",
     "At 7 a.m. Mr. Chen opened the shop. He closed it at 9 P.M. Mr. Chen then went home.",
     ["At 7 a.m. Mr. Chen opened the shop.", "He closed it at 9 P.M.",
      "Mr. Chen then went home."]),
    ("number inside a sentence", "The ticket costs $12.50 at the door.",
     ["The ticket costs $12.50 at the door."]),
    ("number at the end", "The ticket costs $12.50. Children go free.",
     ["The ticket costs $12.50.", "Children go free."]),
    ("parenthetical sentence inside a sentence",
     "He studied law (He later said it bored him.) at a small college.",
     ["He studied law (He later said it bored him.) at a small college."]),
    ("email address", "Write to press.office@example.org. We answer within a day.",
     ["Write to press.office@example.org.", "We answer within a day."]),
    ("web address", "The text is at https://www.example.gov.cn/news/2022/0817.html. Read it.",
     ["The text is at https://www.example.gov.cn/news/2022/0817.html.", "Read it."]),
    ("single quotes inside a sentence", "He looked up, 'That is odd.' he muttered.",
     ["He looked up, 'That is odd.' he muttered."]),
    ("double quotes inside a sentence", 'He looked up, "That is odd." he muttered.',
     ['He looked up, "That is odd." he muttered.']),
    ("double quotes at the end", 'He looked up, "That is odd." Then he left.',
     ['He looked up, "That is odd."', "Then he left."]),
    ("double exclamation mark", "Look!! The bridge is open.", ["Look!!", "The bridge is open."]),
    ("double question mark", "Really?? That is news.", ["Really??", "That is news."]),
    ("exclamation and question mark", "Now!? But why?", ["Now!?", "But why?"]),
    ("question and exclamation mark", "Now?! But why?", ["Now?!", "But why?"]),
    ("list: period and bracket, no end mark", "1.) Open the valve 2.) Close the gate",
     ["1.) Open the valve", "2.) Close the gate"]),
    ("list: period and bracket, end marks", "1.) Open the valve. 2.) Close the gate.",
     ["1.) Open the valve.", "2.) Close the gate."]),
    ("list: bracket, no end mark", "1) Open the valve 2) Close the gate",
     ["1) Open the valve", "2) Close the gate"]),
    ("list: bracket, end marks", "1) Open the valve. 2) Close the gate.",
     ["1) Open the valve.", "2) Close the gate."]),
    ("list: period, no end mark", "1. Open the valve 2. Close the gate 3. Wait",
     ["1. Open the valve", "2. Close the gate", "3. Wait"]),
    ("list: period, end marks", "1. Open the valve. 2. Close the gate.",
     ["1. Open the valve.", "2. Close the gate."]),
    ("list with bullets", "• 4. Open the valve • 5. Close the gate",
     ["• 4. Open the valve", "• 5. Close the gate"]),
    ("list with hyphen bullets", "⁃4. Open the valve ⁃5. Close the gate",
     ["⁃4. Open the valve", "⁃5. Close the gate"]),
    ("alphabetical list", "a. Open the valve b. Close the gate c. Wait for the signal",
     ["a. Open the valve", "b. Close the gate", "c. Wait for the signal"]),
    ("geographic coordinates", "The buoy is at N°. 31.224.121. Divers found it there.",
     ["The buoy is at N°. 31.224.121.", "Divers found it there."]),
    ("named entity with an exclamation mark", "He works for Yahoo! in the sales team.",
     ["He works for Yahoo! in the sales team."]),
    ("I as a sentence end and as an initial",
     "The winners were Ann and I. Have you met Henry I. Brown?",
     ["The winners were Ann and I.", "Have you met Henry I. Brown?"]),
    ("ellipsis at the end of a quotation",
     "The chairman wrote that “the work is far from finished. . . .”",
     ["The chairman wrote that “the work is far from finished. . . .”"]),
    ("ellipsis in square brackets",
     '"The plan [...] was approved by the board [...]" (Annual Report 3).',
     ['"The plan [...] was approved by the board [...]" (Annual Report 3).']),
    ("spaced four-dot ellipsis as a sentence end",
     "The quotation stops in mid-thought, and the sentence ends . . . . The next one starts.",
     ["The quotation stops in mid-thought, and the sentence ends . . . .",
      "The next one starts."]),
    ("unspaced four-dot ellipsis as a sentence end", "I never said that.... He left.",
     ["I never said that....", "He left."]),
    ("ellipses inside a sentence",
     "I was not ... well, what I meant...look . . . the point is . . . I forgot.",
     ["I was not ... well, what I meant...look . . . the point is . . . I forgot."]),
    ("unicode ellipsis before a capital", "Wait… Something moved.",
     ["Wait…", "Something moved."]),
]

# News text: datelines, titles, dates, percentages, money, MT-typical spacing.
NEWS = [
    ("Xinhua dateline", "BEIJING, Aug. 12 (Xinhua) -- China's exports rose. Imports fell.",
     ["BEIJING, Aug. 12 (Xinhua) -- China's exports rose.", "Imports fell."]),
    ("month abbreviations before days", "The law took effect on Jan. 13 and Sept. 1 in Beijing.",
     ["The law took effect on Jan. 13 and Sept. 1 in Beijing."]),
    ("month abbreviation at the end", "The vote was held in Nov. The result was close.",
     ["The vote was held in Nov.", "The result was close."]),
    ("article number", "Art. 5 of the law applies. It covers charities.",
     ["Art. 5 of the law applies.", "It covers charities."]),
    ("No. 5", "Typhoon No. 5 made landfall. It weakened overnight.",
     ["Typhoon No. 5 made landfall.", "It weakened overnight."]),
    ("titles", "Gov. Li met Rep. Smith, Sen. Brown and Dr. Wang in St. Petersburg.",
     ["Gov. Li met Rep. Smith, Sen. Brown and Dr. Wang in St. Petersburg."]),
    ("Ph.D. mid-sentence and at the end",
     "She holds a Ph.D. in hydrology. He earned a Ph.D. He then taught.",
     ["She holds a Ph.D. in hydrology.", "He earned a Ph.D.", "He then taught."]),
    ("percentage at the end", "Output grew 5.6%. Prices were stable.",
     ["Output grew 5.6%.", "Prices were stable."]),
    ("money with a decimal", "The fund raised $1.5 billion in 2021. Most went to relief.",
     ["The fund raised $1.5 billion in 2021.", "Most went to relief."]),
    ("decimal at the end before a number", "The index closed at 3.14. 27 stocks rose.",
     ["The index closed at 3.14.", "27 stocks rose."]),
    ("U.S. before a number", "The U.S. 10-year yield fell.", ["The U.S. 10-year yield fell."]),
    ("hyphenated acronym", "It tested China-U.S. Consular Treaty rules.",
     ["It tested China-U.S. Consular Treaty rules."]),
    ("company suffixes", "Huawei Technologies Co., Ltd. said Apple Inc. CEO Tim Cook called.",
     ["Huawei Technologies Co., Ltd. said Apple Inc. CEO Tim Cook called."]),
    ("company suffix at the end", "The buyer is Acme Corp. It paid cash.",
     ["The buyer is Acme Corp.", "It paid cash."]),
    ("p.m. before a place name", "The quake struck at 8:34 p.m. Beijing time on Sunday.",
     ["The quake struck at 8:34 p.m. Beijing time on Sunday."]),
    ("state abbreviation at the end", "Protests spread in Oakland, Calif. The police came.",
     ["Protests spread in Oakland, Calif.", "The police came."]),
    ("state abbreviation before a name", "Gov. Gavin Newsom of Sacramento, Calif. Spoke first.",
     ["Gov. Gavin Newsom of Sacramento, Calif. Spoke first."]),
    ("e.g. and vs.", "Rivers, e.g. Yangtze and Huai, rose; Team A vs. Team B was cancelled.",
     ["Rivers, e.g. Yangtze and Huai, rose; Team A vs. Team B was cancelled."]),
    ("full stop in quotes then a quote opens", 'He said "No." "Why?" she asked.',
     ['He said "No."', '"Why?" she asked.']),
    ("closing quote after a space", "“It was a bit sad. ” Then he left.",
     ["“It was a bit sad. ”", "Then he left."]),
    ("closing quote after a space at the end", "Wait for me... I will be there tonight. \"",
     ["Wait for me...", "I will be there tonight. \""]),
    ("stray opening quote at the end", "“We agree,” he said. “We will help.” “",
     ["“We agree,” he said.", "“We will help.” “"]),
    ("closing bracket after a space", "(Inquiries: 271 cases; others. ) Next item.",
     ["(Inquiries: 271 cases; others. )", "Next item."]),
    ("punctuation after a full stop", "Hunan Steel Co. , Ltd. said so.",
     ["Hunan Steel Co. , Ltd. said so."]),
    ("lower-case brand at the start", "Sales fell. iPhone demand slowed.",
     ["Sales fell.", "iPhone demand slowed."]),
    ("sentence after a parenthesis", "(This is quoted.) Next one.",
     ["(This is quoted.)", "Next one."]),
    ("no end mark", "Building blocks of participation", ["Building blocks of participation"]),
    ("lower-case after an end mark stays", "He paid 20,000 yuan, etc. totalling more.",
     ["He paid 20,000 yuan, etc. totalling more."]),
    ("numbered list does not start mid-sentence", "It has 2 parts. 1. Rules are set.",
     ["It has 2 parts.", "1. Rules are set."]),
    ("surrounding and inner spaces", "  One.   Two.  ", ["One.", "Two."]),
    ("empty", "", []),
    ("only spaces", "   ", []),
]

ENGLISH = GOLDEN + NEWS


@pytest.mark.parametrize("name,text,expected", ENGLISH, ids=[row[0] for row in ENGLISH])
def test_english(name, text, expected):
    assert split_english(text) == expected


@pytest.mark.parametrize("name,text,expected", ENGLISH, ids=[row[0] for row in ENGLISH])
def test_spacy_pipeline_agrees_with_the_fast_path(name, text, expected):
    doc = english_nlp()(text)
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == split_english(text)


CHINESE = [
    ("full stop", "民政部召开会议。会议强调救灾。", ["民政部召开会议。", "会议强调救灾。"]),
    ("exclamation and question marks", "真的吗？太好了！走吧。",
     ["真的吗？", "太好了！", "走吧。"]),
    ("runs of end marks", "真的吗？！是的。", ["真的吗？！", "是的。"]),
    ("half-width ! and ?", "真的吗?太好了!走吧。", ["真的吗?", "太好了!", "走吧。"]),
    ("ellipsis", "他沉默了……大家都明白。", ["他沉默了……", "大家都明白。"]),
    ("ellipsis before 等", "苹果、梨……等水果都丰收了。好。", ["苹果、梨……等水果都丰收了。", "好。"]),
    ("spaced ellipsis", "他很难找了 … … 我找了一天。", ["他很难找了 … …", "我找了一天。"]),
    ("end inside a title", "我们明天一起去看《摔跤吧！爸爸》好吗？好！",
     ["我们明天一起去看《摔跤吧！爸爸》好吗？", "好！"]),
    ("quotation ends the sentence", "他说：“我们走吧。”大家同意。",
     ["他说：“我们走吧。”", "大家同意。"]),
    # a quoted speech holds several sentences, split as English splits its translation
    ("ends inside a quotation", "他说：“我们走吧。天快黑了！”大家同意。",
     ["他说：“我们走吧。", "天快黑了！”", "大家同意。"]),
    ("spaced quotation of several sentences", "拜登说 ： “ 工作很艰巨。但我们可以迎接挑战 。 ”",
     ["拜登说 ： “ 工作很艰巨。", "但我们可以迎接挑战 。 ”"]),
    ("quotation inside a sentence", "他们高呼“没有正义就没有和平！”口号。",
     ["他们高呼“没有正义就没有和平！”口号。"]),
    ("nested quotation", "他说：“‘走吧。’”然后走了。", ["他说：“‘走吧。’”", "然后走了。"]),
    ("quotation followed by a comma", "“我们走吧。”，他说。", ["“我们走吧。”，他说。"]),
    ("quotation at the start", "“我们走吧。”大家同意。", ["“我们走吧。”", "大家同意。"]),
    ("brackets", "（注：见附件。）正文开始。他们在（还在建设中的。）大楼前停下。",
     ["（注：见附件。）", "正文开始。", "他们在（还在建设中的。）大楼前停下。"]),
    ("corner quotes, traditional characters", "他說：「我們走吧。」大家都同意。",
     ["他說：「我們走吧。」", "大家都同意。"]),
    ("double corner quotes", "『好。』他答。", ["『好。』", "他答。"]),
    ("semicolon does not split", "出口增长；进口下降。", ["出口增长；进口下降。"]),
    ("decimal point and percent", "增长3.5%，达到1.2万亿元。", ["增长3.5%，达到1.2万亿元。"]),
    ("full-width decimal point", "增长３．５％。下降１．２％．", ["增长３．５％。", "下降１．２％．"]),
    ("Latin text inside Chinese", "访问http://a.com/?id=5了解Yahoo!Japan的情况。完",
     ["访问http://a.com/?id=5了解Yahoo!Japan的情况。", "完"]),
    ("unmatched opening quote", "未闭合“引号。下一句。", ["未闭合“引号。", "下一句。"]),
    ("unmatched closing quote", "没有开头”的引号。下一句。", ["没有开头”的引号。", "下一句。"]),
    ("straight quotes", '他说"走吧。"大家同意。"好"', ['他说"走吧。"', "大家同意。", '"好"']),
    ("stray closing quote after a space", "今晚再去找找看啊 。 ”", ["今晚再去找找看啊 。 ”"]),
    ("space between sentences", "第一句。 第二句。", ["第一句。", "第二句。"]),
    ("no end mark", "民政部", ["民政部"]),
    ("empty", "", []),
]


@pytest.mark.parametrize("name,text,expected", CHINESE, ids=[row[0] for row in CHINESE])
def test_chinese(name, text, expected):
    assert split_chinese(text) == expected


# Real lines (WMT21 newstest2021, github.com/wmt-conference/wmt21-news-systems, commit
# f41750d; no licence file, distributed for research use; cite Akhbardeh et al., 2021).
REAL = [
    # txt/references/newstest2021.zh-en.ref.A.en, line 1222
    ("en", "It is indeed getting harder and harder to find him after his retirement... I have "
           "been looking for him all day... I will go to the HHB bar again tonight. \"",
     ["It is indeed getting harder and harder to find him after his retirement...",
      "I have been looking for him all day...", "I will go to the HHB bar again tonight. \""]),
    # txt/references/newstest2021.zh-en.ref.A.en, line 90
    ("en", "At 9:30 a.m. on July 26th, this journalist saw at Jiangkou River that the local "
           "government was fully prepared to divert the flood.",
     ["At 9:30 a.m. on July 26th, this journalist saw at Jiangkou River that the local "
      "government was fully prepared to divert the flood."]),
    # txt/sources/newstest2021.zh-en.src.zh, line 1222
    ("zh", "他退休后确实越来越难找了 … … 我都找了一天了 … … 今晚再去HHB酒吧找找看啊 。 ”",
     ["他退休后确实越来越难找了 … …", "我都找了一天了 … …", "今晚再去HHB酒吧找找看啊 。 ”"]),
    # txt/references/newstest2021.en-zh.ref.A.zh, line 904
    ("zh", "《波斯人》中没有太多动作戏，甚至不到一场。 人物只是绕来绕去，（相当激烈地）谈论在远方"
           "发生的（无疑是悲剧性）事件。",
     ["《波斯人》中没有太多动作戏，甚至不到一场。",
      "人物只是绕来绕去，（相当激烈地）谈论在远方发生的（无疑是悲剧性）事件。"]),
]


@pytest.mark.parametrize("lang,text,expected", REAL)
def test_real_lines(lang, text, expected):
    assert split_sentences(text, lang) == expected


def test_split_sentences_dispatches_on_language():
    text = "A. Smith left. 他走了。她也走了。"
    assert split_sentences(text, "en") == split_english(text)
    assert split_sentences(text, "zh") == split_chinese(text)
    assert split_sentences(text, "zh") != split_sentences(text, "en")


# --- the contract: exact substrings, in order, covering all non-space text ------------------

ENGLISH_ALPHABET = list("aAbIiMrUSp.!?…,;:'\"“”‘’()[]•⁃-$%1 0\n\t") + [
    "Mr.", "U.S.", "a.m.", "No.", "...", ". . .", "1.)", "e.g.", "Co.", "He ", "The "]
CHINESE_ALPHABET = list("中文好。！？!?…；，、：《》「」『』“”‘’（）()【】[]\"'aZ3. \u3000")


def assert_partition(text, lang):
    sentences = split_sentences(text, lang)
    spans = sentence_spans(text, lang)
    assert [text[a:b] for a, b in spans] == sentences
    for (a, b), (c, _) in zip(spans, spans[1:]):
        assert b <= c  # in order, no overlap
    for s in sentences:
        assert s and s == s.strip()
    assert "".join("".join(sentences).split()) == "".join(text.split())


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(ENGLISH_ALPHABET), max_size=40).map("".join))
def test_english_sentences_partition_the_text(text):
    assert_partition(text, "en")


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(CHINESE_ALPHABET), max_size=40).map("".join))
def test_chinese_sentences_partition_the_text(text):
    assert_partition(text, "zh")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(ENGLISH_ALPHABET), max_size=30).map("".join))
def test_spacy_pipeline_agrees_on_generated_text(text):
    doc = english_nlp()(text)
    assert [s.text.strip() for s in doc.sents if s.text.strip()] == split_english(text)


def test_sentences_of_the_cleaned_seed(seed_path):
    from pipeline.runner import clean_file

    item = clean_file(seed_path)
    paragraphs = [b for b in item.blocks if b.kind == "paragraph"]
    assert paragraphs
    for block in paragraphs:
        assert block.en_sentences == tuple(split_english(block.en))
        assert "".join(block.en_sentences).replace(" ", "") == block.en.replace(" ", "")
    assert sum(len(b.en_sentences) for b in paragraphs) > len(paragraphs)


# --- round trip: news-like sentences joined into a block split back into themselves -------

EN_OPENERS = ["The", "It", "Officials", "Beijing", "He", "Mr. Wang", "Dr. Lee", "In 2021, the",
              "At 7 a.m. the", "“The", "(The", "Gov. Li", "U.S. officials", "No. 5"]
EN_MIDDLE = ["said", "the fund", "Mr. Smith", "Dr. Lee", "the U.S. government", "No. 5",
             "Jan. 13", "5.6% more", "$1.5 billion", "3.14 points", "p. 55", "e.g. rivers",
             "at 5 p.m. on", "(Xinhua)", "St. Louis", "a Ph.D. holder", "Co. at noon",
             "“two committees”", "Yahoo! in", "Art. 5", "vs. Team B", "i.e. the", "Sept. 1",
             "Pitt, Briggs & Co. and", "Aug. 12 (Xinhua) --", "2.5 times", "Ltd. and", "... and",
             ". . . the"]
EN_FINAL = ["today", "in May", "5.6%", "$1.5 billion", "the plan", "3.14", "2021", "relief"]
EN_ENDS = [".", "!", "?", ".”", "?”", ".)", "..."]


@st.composite
def english_sentence(draw):
    words = [draw(st.sampled_from(EN_OPENERS))]
    words += draw(st.lists(st.sampled_from(EN_MIDDLE), max_size=4))
    words.append(draw(st.sampled_from(EN_FINAL)))
    end = draw(st.sampled_from(EN_ENDS))
    opener = words[0][0] if words[0][0] in "“(" else ""
    if end[-1] in "”)" and (opener, end[-1]) not in (("“", "”"), ("(", ")")):
        end = end[:-1]
    return " ".join(words) + end


@settings(max_examples=150, deadline=None)
@given(st.lists(english_sentence(), min_size=1, max_size=5))
def test_english_sentences_joined_split_back(sentences):
    assert split_english(" ".join(sentences)) == sentences


ZH_MIDDLE = ["民政部", "救灾", "《摔跤吧！爸爸》", "３．５％", "3.5%", "（含港澳台。）", "“两委”",
             "；", "，", "高呼“没有正义就没有和平！”口号", "COVID-19", "U.S.", "《扶贫？》",
             "「好。」的", "……等等", "【快讯！】"]
ZH_ENDS = ["。", "！", "？", "？！", "……", "!", "?"]


@st.composite
def chinese_sentence(draw):
    body = "".join(draw(st.lists(st.sampled_from(ZH_MIDDLE), max_size=4)))
    if draw(st.booleans()):
        return "他说：“" + body + "好" + draw(st.sampled_from(ZH_ENDS[:4])) + "”"
    return "会议" + body + "结束" + draw(st.sampled_from(ZH_ENDS))


@settings(max_examples=150, deadline=None)
@given(st.lists(chinese_sentence(), min_size=1, max_size=5))
def test_chinese_sentences_joined_split_back(sentences):
    assert split_chinese("".join(sentences)) == sentences
