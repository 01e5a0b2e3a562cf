"""Stage: classify every block as title, meta, heading, paragraph, caption or boilerplate,
and parse metadata lines into fields.

Classification decides; it changes no text. Metadata and boilerplate blocks stay in the
item with their kind, so nothing is lost; emitters leave them out of reading formats.
"""
from __future__ import annotations

import string
from collections import Counter
from difflib import SequenceMatcher
from typing import Sequence

import regex

from ..records import Block, Edit, Item, evolve, renumber_edits
from ..registry import structural
from .beads import KIND_RANK
from .normalize import columns, table_row, without_invisible
from .repair import BULLETS, drop_repeated_sentence, strip_heading_affixes
from .segment import label_row, list_rows
from . import classify_chrome as chrome
from .months import MONTH_PATTERN, is_date, month_number
from .digits import FULLWIDTH_ALNUM, has_fullwidth_alnum, to_int

SITE_SUFFIX = structural(
    "repair.site_suffix",
    "Move a site name or breadcrumb out of the headline into meta['site'] "
    "(' - Xinhua Net', '-新华网', 'Home > News > ').")
BOILERPLATE = structural(
    "classify.boilerplate",
    "Mark page chrome as boilerplate: font switchers, print/share/follow lines, "
    "'correct the error' links, Chinese UI labels on English pages, bare image file names.")
CAPTION = structural(
    "classify.caption", "Mark photo credits and image-file captions as captions.")
DUPLICATE = structural(
    "classify.duplicate", "Mark a headline repeated as the first paragraph as a duplicate.")

# --- metadata -------------------------------------------------------------------------

_C = r"\s*[:：]\s*"
_META_LABELS = {
    # (with the traditional characters of Hong Kong's, Macao's and Taiwan's pages)
    "date": r"DATA|Date|Published(?:\s+(?:on|at))?|(?:Release|Publish(?:ed|ing)?|Publication|"
            r"Post(?:ed|ing)?|Update(?:d)?|Issu(?:e|ed|ing)|Releas(?:ed|ing))\s+(?:date|time|on)|"
            r"(?:Date|Time)\s+of\s+(?:publication|issue|release|posting|publishing)|"
            r"Last\s+updated|Updated|Posted|Time|日期|时间|時間|(?:发布|發布|發佈|发表|發表|发稿|"
            r"發稿|更新)(?:时间|時間|日期)",
    "views": r"Views|Page\s*views|Visits|Hits|Clicks|Reads?|Reading(?:s|\s+times)?|"
             r"Brows(?:e|es|ing)(?:\s+(?:times|count|volume))?|Number\s+of\s+(?:views|visits|"
             r"hits|clicks|reads|readings?|browses|visitors)|"
             r"(?:View|Visit|Click|Read)(?:s|ing)?\s+(?:count|times|volume)|"
             r"浏览次数|浏览量|瀏覽次數|瀏覽量|访问量|訪問量|阅读量|閱讀量|阅读|閱讀|点击量|点击|點擊",
    "source": r"(?:Information|Article|Manuscript|Content|News)\s+source|"
              r"Source\s+of\s+(?:information|the\s+article|manuscript|article)|Source|"
              r"Publisher|Issued\s+by|From|来源|來源|稿件来源|稿件來源|信息来源|信息來源|发布机构|發布機構",
    "author": r"Authors?|Writers?|Written\s+by|Reported\s+by|Reporters?|Journalists?|"
              r"Correspondents?|Interns?|作者|撰稿|记者|記者|通讯员|通訊員|实习生|實習生",
    "editor": r"(?:Responsib(?:le|ility)\s+)?Editors?(?:\s+in\s+charge)?|Edited\s+by|责任编辑|"
              r"責任編輯|编辑|編輯|责编|責編",
    "translator": r"Translator|Translated\s+by|译者|譯者|翻译|翻譯",
    "original_title": r"Original\s+Language\s+Title",
    # a document's number ("Issue No.: 民函〔2023〕15号", "文号：...")
    "number": r"(?:Issue|Document|File|Doc|Index|Reference)\s+(?:No\.?|Number)|Issued\s+No\.?|"
              r"发文字号|發文字號|文号|文號|索引号|索引號",
    "chinese_source": r"Chinese\s+source",
    "reviewer": r"Review(?:er|ed\s+by)?|Checked\s+by|审核|審核|审校|審校|终审|終審",
    "proofreader": r"Proofread(?:er|ing|\s+by)|校对|校對",
    "photographer": r"Photo(?:graph(?:y|er))?(?:\s+by)?|摄影|攝影|图片|圖片",
    # the page's controls on a metadata line ("Font size: large medium small", "字号：
    # [大][中][小]", "Share to: WeChat Weibo"): they end the value before them; no field
    "controls": r"Font(?:\s+size)?|Text\s+size|字号|字號|字体|字體|Share(?:\s+to)?|分享到?",
}
# a source after a date without its label, set apart by a wide gap or a bar: an
# organisation's or outlet's name ("2020-02-10　　Ministry of Civil Affairs",
# "2023-05-16 | 民政部"), not a heading ("2020-02-10  Opening Ceremony")
# the word an organisation's or outlet's English name ends with
_ORG_LAST = (r"(?:Ministry|Bureau|Department|Office|Commission|Committee|Agency|Daily|News|Net|"
            r"Network|Xinhua(?:net)?|Federation|Association|Foundation|Government|Council|"
            r"Cent(?:er|re)|Times|Post|Online|Website|Station|Radio|Television|TV|Affairs|"
            r"Administration|Service|Press)")
_DATED_SOURCE = regex.compile(
    r"(?:[ \t\xa0]{2,}|[ \t\xa0]*\u3000[\s]*|\s*[|｜]\s*)(?P<source>"
    rf"(?:(?:[A-Z][\w'’.&-]*|of|the|and|for)\s+){{0,7}}{_ORG_LAST}|"
    # (a body's name: 基金会 and 协会 are bodies, 大会 and 推进会 events)
    r"[\p{Han}·《》]{1,16}(?:部|局|厅|委|办|网|報|报|社|院|中心|政府|台|站|所|处|處|基金会|协会|"
    r"联合会|委员会|商会|学会|红十字会|总会|促进会))\s*")
# ... and no event's words: "2023-05-16 | Ministry of Civil Affairs Holds Press
# Conference", "2023年5月16日　举行第二届会员代表大会"
# (nor a timeline's: "1949-11-01　　Establishment of the Ministry of Internal Affairs",
# "1978年3月5日　设立民政部", "2023年5月16日　走访市儿童福利院")
_EVENT_WORDS = regex.compile(r"\b(?:Holds?|Held|Launch(?:es|ed)?|Opens?|Opened|Issues?|Issued|"
                             r"Releases?|Released|Calls?|Meets?|Visits?|Visited|Signs?|Signed|"
                             r"Starts?|Hosts?|Wins?|Says?|Establish(?:es|ed|ment)?|Found(?:ed|ing)|"
                             r"Set|Sets|Joins?|Joined|Inaugurat\w*|Renam\w*|Merg\w*|"
                             r"Reorgani[sz]\w*|Abolish\w*|Formation|Became|Becomes|"
                             r"Renewed|Moved|Approv\w*)\b|"
                             r"召开|举行|举办|开展|启动|发布|印发|成立|表彰|推进|座谈|培训|活动|会议|"
                             r"设立|组建|建立|走访|慰问|看望|更名|撤销|合并|改为|挂牌|调研|考察|"
                             r"视察|出席|参加|参观|捐赠|签署|批准|恢复|划入|并入|改名|重建")


def _date_fields(text: str) -> dict[str, str]:
    """The date and time in ``text`` (a line's leading date, a date label's value)."""
    fields: dict[str, str] = {}
    d = iso_date(text)
    if d:
        fields["date"] = d
    t = _TIME.search(text)
    if t:
        fields["time"] = t.group(0)
    return fields


# a label opens the line or follows white space, a digit or a Chinese character: repair
# puts spaces around a Chinese number ("Daily1.2万Source" becomes "Daily 12,000 Source"),
# and the line must split into the same fields before and after
_LABEL = regex.compile(
    r"(?:^|(?<=[\s\d\p{Han}【\[]))(?P<label>" + "|".join(
        f"(?P<{k}>{v})" for k, v in _META_LABELS.items()) + r")" + _C,
    regex.IGNORECASE | regex.VERSION1)
# (between two single characters: "张三\u3000李四" is two names)
_HAN_PAD = regex.compile(r"(?<=(?<!\p{Han})\p{Han})\u3000+(?=\p{Han}(?!\p{Han}))")
_PLAIN_FORMS = {0x2010: "-", 0x2011: "-", 0x2012: "-", 0x2013: "-", 0xFF0D: "-"}
_DASHES = tuple(map(chr, _PLAIN_FORMS))
_VALUE_EDGES = " \t,;|/，；\u3000\xa0"  # what parts a value from the next field
_OPENERS_AFTER = regex.compile(r"[\s\u3000]*[【\[]\Z")  # the next field's bracket
_ISO_DATE = regex.compile(r"(?<!\d)(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?!\d)")
_DMY_DATE = regex.compile(
    r"(?<!\d)(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[,，]?\s*(\d{4})",
    regex.IGNORECASE)
_MDY_DATE = regex.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?[,，]?\s*(\d{4})",
    regex.IGNORECASE)
_TIME = regex.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?![\d:])")
_WEEKDAY_EN = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WEEKDAY_ZH = r"(?:星期[一二三四五六日天]|周[一二三四五六日])"
_WEEKDAY = rf"(?:{_WEEKDAY_EN}|{_WEEKDAY_ZH})"
# a date alone, as pages print it: "2023-05-16 10:30", "Tuesday, May 16, 2023",
# "2023年5月16日 星期二"
_DATETIME_LINE = regex.compile(
    rf"\A\s*(?:{_WEEKDAY}[,，]?\s*)?(?:\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}|\d{{4}}年\d{{1,2}}月\d{{1,2}}日|"
    rf"\d{{1,2}}\s+[A-Za-z]{{3,9}}\.?[,，]?\s*\d{{4}}|{MONTH_PATTERN}\s+\d{{1,2}}(?:st|nd|rd|th)?[,，]\s*"
    rf"\d{{4}})(?:[,，]?\s*\d{{1,2}}[:：]\d{{2}}(?:[:：]\d{{2}})?(?:\s*[AaPp]\.?[Mm]\.?)?)?"
    rf"(?:[,，]?\s*[(（]?{_WEEKDAY}[)）]?)?")


# "Photo:" opens a caption too: as metadata, its value is a few names ("Wang Sishuo",
# "Li Ming, Zhang Wei"). (MT glues other labels to the next line's words: "Author: Lin
# Ao Tibetan antelope ...", metadata all the same.)
NAMES = ("photographer", "reviewer", "proofreader")
MAX_NAME_WORDS = 6
# what a bare "Time:" label's value opens with on a page's metadata line: a date
_DATE_FIRST = regex.compile(r"\d{4}[-/.年]|\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4}|"
                            r"[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}")

# a lower-case word in a credit's value, but for the words of a credit ("Xinhua News
# Agency reporter Li Ming")
_LOWER_WORD = regex.compile(r"(?<![\w'’])(?!(?:reporters?|correspondents?|and|by|from|of|"
                            r"the|staff|photographers?|photos?)\b)[a-z]{3,}\b")
# a value that is a sentence: six words or more, ending in a full stop
_SENTENCE_VALUE = regex.compile(r"\A(?:\S+\s+){5,}\S*[a-z][.!?。！？]\s*\Z")
_WORD = regex.compile(r"[^\W\d_]{2,}")
_QUESTION = regex.compile(r"[?？]\W*\Z")
_SAID = regex.compile(r"[.!。！]\W*\Z")  # a value said, not a name ("Reporter: Thank you.")
# the words of a Chinese sentence said (的, 是, 我们, 谢谢 ...), which a byline's names
# and bodies lack
_SAID_ZH = regex.compile(r"[的了是吗呢吧啊么我你您们这那有在谢对将要]")
# the page's controls after a metadata value: bracketed ("[Print] [Close]", "【打印】"),
# or two bare ones or more ("Print Close"); "来源：人民日报【海外版】" and "Author: Glenn
# Close" keep theirs
_VALUE_CONTROLS = regex.compile(
    r"(?:\s*[|｜/]?\s*(?:[【\[](?:\s*(?i:Print(?:\s+this\s+page)?|Close(?:\s+(?:this\s+)?window)?|"
    r"Share|Back\s+to\s+top|打印|关闭|分享|收藏|返回顶部|[大中小]))+\s*[】\]]))+\s*\Z|"
    r"(?:\s*[|｜/]?\s*(?i:Print|Close|Share|打印|关闭|分享到?)){2,}\s*\Z")
_HAN = regex.compile(r"\p{Han}")
# the words of a date and a time: months, weekdays, am and pm, 年月日
_DATE_OR_TIME = regex.compile(
    rf"\b{MONTH_PATTERN}|\b(?:[ap]m|[ap]\.m)\b|年|月|日|星期.|周.|"
    r"\b(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs)?|Fri|Sat(?:ur)?|Sun)(?:day)?\b", regex.IGNORECASE)
MAX_DATE_WORDS = 2  # words in a date label's value but for a date and a time
# the page's own controls after a date on a metadata line: not words of the value
_CONTROLS = chrome.TRAILING_CONTROLS
_ASIDES = regex.compile(r"[(（][^()（）]*[)）]")  # "Li Ming (provided by the bureau)"
# a count as pages give it: "356", "1,024 times", "1.2万", "10万+", "[1024]"
_VIEWS = regex.compile(r"[\[【(（]?\s*(\d[\d,.]*\s*[万千]?\+?)\s*[\]】)）]?\s*"
                       r"(?i:times|views|visits|次|人次)?")
# a date (and time) that ends a source's or an author's value
_TRAILING_DATE = regex.compile(
    rf"(?:{_ISO_DATE.pattern}|{_DMY_DATE.pattern}|{_MDY_DATE.pattern})"
    r"(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?\s*\Z", regex.IGNORECASE)

_BY_SOURCE = regex.compile(r"\s*(?:Published|Released|Issued)\s+by\s+", regex.IGNORECASE)

# Longer blocks are prose: scanning megabytes for labels would only find false ones.
MAX_META_CHARS = 2000


def iso_date(text: str) -> str | None:
    """The first date in ``text`` as ``YYYY-MM-DD``.

    >>> iso_date("DATA:2022-08-17  Views:0"), iso_date("26 Jul, 2020 05:03:17")
    ('2022-08-17', '2020-07-26')
    """
    found = []
    for pat, order in ((_ISO_DATE, "ymd"), (_DMY_DATE, "dmy"), (_MDY_DATE, "mdy")):
        m = pat.search(text)
        if m:
            found.append((m.start(), m, order))
    for _, m, order in sorted(found, key=lambda f: f[0]):
        if order == "ymd":
            y, mo, d = to_int(m.group(1)), to_int(m.group(2)), to_int(m.group(3))
        elif order == "dmy":
            d, mo, y = to_int(m.group(1)), month_number(m.group(2)), to_int(m.group(3))
        else:
            mo, d, y = month_number(m.group(1)), to_int(m.group(2)), to_int(m.group(3))
        if y is None or mo is None or d is None:
            continue  # digits no number (see pipeline.stages.digits)
        if 1900 <= y <= 2100 and is_date(mo, d, y):
            return f"{y:04d}-{mo:02d}-{d:02d}"
    return None


def parse_meta(text: str) -> dict[str, str] | None:
    """Fields of a metadata line, or None when the line is not one.

    >>> parse_meta("DATA:2022-08-17  Views:0")
    {'date': '2022-08-17', 'views': '0'}
    >>> parse_meta("2020-07-26 05:03:17 Source：Beijing Youth Daily Author：Wang Sishuo")
    {'date': '2020-07-26', 'time': '05:03:17', 'source': 'Beijing Youth Daily', 'author': 'Wang Sishuo'}
    >>> parse_meta("The source: a long sentence that merely mentions a source of funding.") is None
    True
    """
    if len(text) > MAX_META_CHARS:
        return None
    if not text.isascii() and any(dash in text for dash in _DASHES):
        text = text.translate(_PLAIN_FORMS)  # "2023‑05‑12" with no-break hyphens
    if text[:3] in ("By ", "by ") or len(text) <= MAX_BYLINE_CHARS and ":" not in text and \
            "：" not in text and _maybe_byline(text) and _BYLINE_WORD.search(text):
        byline = parse_byline(text)
        if byline is not None:
            return byline
    inner = text.strip()
    if inner[:1] in "(（【[" and (":" in inner or "：" in inner):
        # "(Editor: Wang Lin)", "（责任编辑：王林）", "【责任编辑：王林】", and MT's
        # "[Editor:Chen Haifeng" that lost its closing bracket
        if inner[-1:] in ")）】]":
            text = inner[1:-1]
        elif not any(c in inner for c in ")）】]"):
            text = inner[1:]
    if text[:1] in "PRIpri":
        # "Published by Xinhua News Agency Author: ...": a source without its colon,
        # when a label follows
        by = _BY_SOURCE.match(text)
        if by and _LABEL.search(text, by.end()):
            text = "Source: " + text[by.end():]
    if ":" not in text and "：" not in text:
        # no label without a colon; a leading date opens with a digit after white space
        # (every \s of the pattern is str.isspace(): a test checks), and an ASCII digit is
        # the only ASCII \d
        opening = text.lstrip()[:1]
        if opening.isascii() and not opening.isdigit() and not (
                opening.isupper() and _DATETIME_LINE.match(text)):  # "May 16, 2023"
            return None
    lead = _DATETIME_LINE.match(text)
    # fast exit for prose: a metadata line has a label right at its start, or right after
    # a leading date (the checks below would reject any other line after a full scan)
    start = lead.end() if lead else 0
    start += len(text) - start - len(text[start:].lstrip(" \t\n\u3000\xa0|｜/·" if lead else None))
    # every label ends in a colon: without one, no label can match
    labelled = (":" in text or "：" in text) and _LABEL.match(text, start)
    if lead and not labelled:
        named = _DATED_SOURCE.fullmatch(text, lead.end())
        if named and not _EVENT_WORDS.search(named.group("source")):
            # "2020-02-10　　Ministry of Civil Affairs": a date and its source
            fields = _date_fields(lead.group(0))
            fields["source"] = named.group("source")
            return fields
    if not labelled and (
            not lead or len(text.strip()) > lead.end() + 3):
        return None
    labels = list(_LABEL.finditer(text))
    if not labels and not lead:
        return None
    if lead and not labels and len(text.strip()) > lead.end() + 3:
        return None
    # a label must open the line or follow a date/another label: prose that mentions
    # "source:" mid-sentence is not metadata
    first = labels[0].start() if labels else len(text)
    prefix = text[:first].strip()
    if prefix and not (lead and lead.end() >= len(text[:first].rstrip(" \t|｜/·\u3000\xa0"))):
        return None
    fields = _date_fields(lead.group(0)) if lead else {}
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value = _OPENERS_AFTER.sub("", text[m.end():end]).strip(_VALUE_EDGES)
        if value.endswith(("】", "]")) and value.count("】") + value.count("]") > \
                value.count("【") + value.count("["):
            # "【Source: Yunnan ...】 【Author: Li Hua】": each field in its brackets
            value = value[:-1].rstrip(_VALUE_EDGES)
        key = next(k for k in _META_LABELS if m.group(k) is not None)
        if key == "controls":
            continue
        if key not in ("date", "views") and "\u3000" in value.strip("\u3000"):
            # "Zhang\u3000Min" is two words, "张三\u3000李四" two names; "张\u3000敏" one
            # name padded to the width of three characters
            value = " ".join(_HAN_PAD.sub("", value).replace("\u3000", " ").split())
        if key not in ("date", "views") and _VALUE_CONTROLS.search(value):
            value = _VALUE_CONTROLS.sub("", value)  # "新华网 [打印] [关闭]"
        if key == "author" and (_QUESTION.search(value) or len(labels) == 1 and not lead and (
                _SAID.search(value) and (_LOWER_WORD.search(_ASIDES.sub("", value)) or
                                         _SAID_ZH.search(value)))):
            # "记者：今年的重点任务是什么？", "Reporter: Thank you.", "记者：公众最关心的是
            # 善款去向。", "记者：谢谢！": an interview (a byline's own line, "作者：民政部
            # 社会救助司。", or a metadata line's author, keeps its other fields)
            return None
        if key in NAMES and (len(_ASIDES.sub("", value).split()) > MAX_NAME_WORDS or
                             _LOWER_WORD.search(_ASIDES.sub("", value))):
            # "Photo: Volunteers distribute relief supplies to ...": a caption (a name
            # has no lower-case words)
            return None
        if key in ("reviewer", "proofreader") and not _person_names(value):
            return None  # "Review: The Year in Charity" is a heading
        if key not in ("date", "views") and _SENTENCE_VALUE.search(value):
            return None  # "Source: the survey found that 80% of couples prefer ...": prose
        if key == "source" and m.group("label")[:1] in "Ff" and _DATE_FIRST.match(value):
            return None  # "From: March 1, 2023 to March 31, 2023": a period, no source
        if key == "date":
            if m.group("label").lower() in ("time", "时间") and not _DATE_FIRST.match(value):
                return None  # "Time: 9:00-17:00, August 12" of a notice is its content
            if len(_WORD.findall(_DATE_OR_TIME.sub(" ", _CONTROLS.sub("", value)))) > \
                    MAX_DATE_WORDS:
                return None  # "Time: February 14, 2023, 8:30-17:30, all offices open"
            dated = _date_fields(value)
            fields.update(dated)
            if not dated and value:
                fields["date_text"] = value
        elif key == "views":
            num = _VIEWS.fullmatch(value.strip(" |｜/")) or \
                _VIEWS.fullmatch(_CONTROLS.sub("", value).strip(" |｜/"))
            if num:
                fields["views"] = num.group(1).replace(",", "").replace(" ", "")
            elif _WORD.search(_CONTROLS.sub("", value)):
                # "Views: residents welcomed the new policy", "Visits: 1,200 by
                # volunteers, 800 by social workers": content
                return None
        else:
            dated = _TRAILING_DATE.search(value)
            if dated and iso_date(dated.group(0)) and "date" not in fields:
                # "Source: Xinhua 2023-04-02 10:21:33": the date the source gave
                fields["date"] = iso_date(dated.group(0)) or ""
                t = _TIME.search(dated.group(0))
                if t:
                    fields["time"] = t.group(0)
                value = value[:dated.start()].strip(" \t,;|/，；")
            # "Correspondent: Li Ming Reporter: Zhang Wei": both names
            fields[key] = f"{fields[key]}, {value}" if fields.get(key) and value and \
                value not in fields[key].split(", ") else fields.get(key) or value
    # words between labels that are too long are prose, not a metadata line
    if any(len(v) > 120 for v in fields.values()):
        return None
    if not fields and not lead:
        return None  # controls alone ("Font size: large medium small"): chrome's to judge
    return fields


# a byline: "By Wang Fang", "Xinhua News Agency reporter Chen Shangying, Wang Liwu",
# "新华社记者 陈尚营 王立武"
_NOT_A_NAME = (r"(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|"
               r"February|March|April|May|June|July|August|September|October|November|"
               r"December|The|This|That|Then|Now|Next|Last|Law|Order|Far|All|Our)\b)")
_NAME = _NOT_A_NAME + r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}"
# a name in pinyin, as MT writes a Chinese byline's ("Zhao Yijun", "Lin Huocan"): each
# word syllables of pinyin ("Visit", "Team", "Programme" are none)
_PINYIN_WORD = regex.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ueng|ang|eng|ing|ong|uan|ian|"
    r"iao|uai|ai|ei|ao|ou|an|en|er|in|un|ia|ie|iu|ua|uo|ui|ue|a|o|e|i|u))+", regex.IGNORECASE)
# the common surnames, which open a Chinese byline's names
_SURNAMES = frozenset(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏"
    "吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱"
    "严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁"
    "尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时"
    "穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾"
    "隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝富")


def _pinyin_names(names: str) -> bool:
    """Are these a byline's names in pinyin ("Chen Shangying, Wang Liwu and Liu Xacun")?"""
    words = [w for w in regex.split(r"[\s,、&]+|\band\b", names) if w]
    return bool(words) and all(_PINYIN_WORD.fullmatch(w.replace("-", "").replace("'", ""))
                               for w in words)


def _names_like(names: str) -> bool:
    """Names after "By": no capitalised small words ("By Land And Sea"), three words or
    fewer each."""
    return not any(w[:1].isupper() and w.lower() in _SMALL_WORDS for w in names.split()) and all(
        len(n.split()) <= 3 for n in regex.split(r"\s*(?:,|&|\band\b)\s*", names) if n)


def _person_names(value: str) -> bool:
    """A few people's names, in pinyin, Chinese or capitalised words ("Zhang Wei", "张伟",
    "Mary Smith"), not a heading's words ("The Year in Charity", "Within 10 Days")."""
    value = value.strip()
    if _pinyin_names(value) or _chinese_names(value):
        return True
    words = [w for w in regex.split(r"[\s,、&]+", value) if w]
    return bool(words) and all(regex.fullmatch(r"[A-Z][a-z'’-]+", w) and
                               w.lower() not in _SMALL_WORDS for w in words) and \
        _names_like(value)


_SMALL_WORDS = frozenset("and of the in on for to with at by from a an".split())


def _chinese_names(names: str) -> bool:
    """Chinese names: two to four characters each, opening with a common surname."""
    parts = [p for p in regex.split(r"[、，,\s]+", names) if p]
    return bool(parts) and all(2 <= len(p) <= 4 and p[0] in _SURNAMES or
                               p in ("记者", "通讯员") for p in parts)
_BY = regex.compile(rf"\A\s*(?:(?P<edited>Edited\s+by)|[Bb]y|(?:Reported|Written|Text)\s+by|"
                    rf"Authors?|Writers?|Text\s*/\s*Photos?(?:\s+by)?)\s*[,:]?\s+"
                    rf"(?P<names>{_NAME}(?:\s*(?:,|and|&)\s*{_NAME})*)\s*\Z")
_ROLE_WORD = r"(?:[Rr]eporters?|[Cc]orrespondents?|[Jj]ournalists?)"
_ROLE = r"(?:(?:[Cc]hief|[Ss]enior|[Ss]pecial|[Ss]taff|[Rr]esident|[Gg]eneral|[Ll]ocal)\s+)?" + \
    _ROLE_WORD
_NAMES = rf"{_NAME}(?:\s*(?:,|、|and|&)\s*{_NAME})*"
# (the paper's name, in any case and with its separators: "Hunan Daily - new Hunan client
# reporter Jiang Rui correspondent Xiao Yan")
_REPORTER = regex.compile(
    rf"\A\s*(?:(?:[Bb]y|Reported\s+by)\s+)?(?P<org>(?:[\w'’.&·-]+\s+(?:[-–—·|]\s+)?){{0,8}}?)"
    rf"{_ROLE}\s+"
    rf"(?P<names>{_NAMES}(?:\s+{_ROLE}\s+{_NAMES})*)\s*\Z")
# a lower-case word no paper's name holds: "He told the reporter Li Ming" is prose
_PROSE_WORD = regex.compile(r"(?<![\w'’.·-])(?!(?:of|and|the|this|our|a|an|new|client|app|"
                            r"online|news|net|network|daily|newspaper|paper)\b)[a-z][\w'’-]*")
# words before the role that name no paper: "Our reporter", "this newspaper correspondent"
# what ends an organisation's name in a byline, and a role between two names
_ORG_END = regex.compile(r"\b(?:Bureau|Agency|Daily|News|Network|Station|Centre|Center|Office|"
                         r"Department|Ministry|Commission|Committee|Press|Times|Post|Online|"
                         r"Service|Group)\s*\Z")
_ROLE_BETWEEN = regex.compile(rf"\s+{_ROLE_WORD}\s+|\s*(?:记者|通讯员)\s*")
_NO_PAPER = regex.compile(r"\A(?:(?:our|the|a|an|this|newspaper|paper['’]?s?)\s*)*\Z",
                          regex.IGNORECASE)
_REPORTER_ZH = regex.compile(r"\A\s*(?:(?P<org>[\p{Han}·]{0,16}?)(?:记者|通讯员|特约记者)|作者|撰文|文/图|图/文|文图|文)\s*"
                             r"(?P<names>[\p{Han}·]{2,5}(?:[、，,\s]+[\p{Han}·]{2,5}){0,5})\s*\Z")
_BYLINE_WORD = regex.compile(r"eporter|orrespondent|ournalist|记者|通讯员|"
                             r"\A\s*(?:(?:Reported|Written|Edited|Text)\s+by|Authors?|Writers?|Text\s*/\s*Photos?)\b|"
                             r"\A\s*(?:作者|撰文|文/图|图/文|文图|文)\s")
# the agencies a byline names in one word ("By Xinhua"); any other word is a heading's
# ("By Phone", "By Age", "By Region")
_AGENCIES = frozenset("xinhua xinhuanet chinanews ecns cgtn cctv cri reuters afp ap "
                      "bloomberg yonhap kyodo bernama agencies chinadaily.com.cn".split())
_BYLINE_SEP = regex.compile(r"\s*[|｜]\s*")
MAX_BYLINE_CHARS = 160


def _maybe_byline(text: str) -> bool:
    """A cheap test that a line may hold a byline's words (most lines hold none)."""
    if text.isascii():
        return "eport" in text or "orrespond" in text or "ournalist" in text or \
            text.lstrip()[:4] in ("Repo", "Writ", "Edit", "Text", "Auth")
    return "记者" in text or "通讯员" in text or text.lstrip()[:1] in "作撰文图" or \
        "eport" in text or "orrespond" in text or "ournalist" in text


def parse_byline(text: str) -> dict[str, str] | None:
    """The fields of a byline, alone or with a site and a date between bars; None when
    the line is none.

    >>> parse_byline("By Wang Fang | chinadaily.com.cn | Updated: 2021-03-05 10:30")
    {'author': 'Wang Fang', 'source': 'chinadaily.com.cn', 'date': '2021-03-05', 'time': '10:30'}
    >>> parse_byline("Xinhua News Agency reporter Chen Shangying, Wang Liwu, Liu Xacun")
    {'source': 'Xinhua News Agency', 'author': 'Chen Shangying, Wang Liwu, Liu Xacun'}
    >>> parse_byline("新华社记者 陈尚营、王立武")
    {'source': '新华社', 'author': '陈尚营、王立武'}
    >>> parse_byline("By the end of the year, the county had built 12 homes") is None
    True
    """
    fields: dict[str, str] = {}
    for part in _BYLINE_SEP.split(text.strip()):
        m = _BY.match(part)
        if m and (not (_names_like(m["names"]) or _pinyin_names(m["names"])) or
                  " " not in m["names"].strip() and "|" not in text and "｜" not in text and
                  m["names"].strip().lower().rstrip(".") not in _AGENCIES):
            # one word alone is an agency ("By Xinhua"), or a heading ("By Phone"); with
            # a site and a date beside it, a byline ("By Agencies | chinadaily.com.cn")
            m = None
        reporter = _REPORTER.match(part)
        if reporter and not _pinyin_names(_ROLE_BETWEEN.sub(", ", reporter["names"])):
            reporter = None  # "Foreign Journalists Visit Xinjiang" is a headline
        if reporter is None:
            reporter = _REPORTER_ZH.match(part)
            if reporter and not _chinese_names(reporter["names"]):
                reporter = None  # "社区通讯员培训班开班" is a headline
        if m and "author" not in fields and "editor" not in fields:
            names = [n.strip() for n in m["names"].split(",")]
            if len(names) > 1 and _ORG_END.search(names[-1]):
                fields["source"] = names.pop()  # "By Yang Hong, General Affairs Bureau"
            fields["editor" if m["edited"] else "author"] = ", ".join(names)
        elif reporter and "author" not in fields and not _PROSE_WORD.search(reporter["org"] or ""):
            org = (reporter["org"] or "").strip(" -–—·|")
            if org and not _NO_PAPER.match(org):
                fields.setdefault("source", org)
            # the names, without the roles between them ("蒋睿 通讯员 肖燕")
            fields["author"] = _ROLE_BETWEEN.sub(lambda r: "、" if "\u4e00" <= r.group(0).strip()[0]
                                                 else ", ", reporter["names"].strip())
        elif fields and chrome.is_site_name(part) and "source" not in fields:
            fields["source"] = part.strip()
        elif fields and (more := _meta_part(part)) is not None:
            for k, v in more.items():
                fields.setdefault(k, v)
        else:
            return None
    return fields if "author" in fields or "editor" in fields else None


def _meta_part(part: str) -> dict[str, str] | None:
    """A labelled part of a byline ("Updated: 2021-03-05 10:30"), or a bare date."""
    fields = parse_meta(part) if (":" in part or "：" in part) else None
    if fields is None and _DATETIME_LINE.fullmatch(part.strip()):
        d, t = iso_date(part), _TIME.search(part)
        fields = {k: v for k, v in (("date", d), ("time", t and t.group(0))) if v}
    return fields or None


_DATED_LINE = regex.compile(
    r"\A\s*(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日)\s*"
    r"(?P<org>[^.!?。！？:：,，;；]{2,60}?)\s*\Z")


def parse_dated_line(text: str) -> dict[str, str] | None:
    """A date and an organisation on their own line (CMS pages put one under the
    ``DATA:`` line); the classifier takes it as metadata only right after another one.

    >>> parse_dated_line("2017-10-09 Red Cross Society of China")
    {'date': '2017-10-09', 'organization': 'Red Cross Society of China'}
    >>> parse_dated_line("2017-10-09 was the day the volunteers arrived in the city") is None
    True
    """
    m = _DATED_LINE.match(text)
    if not m or len(m.group("org").split()) > 6:
        return None
    day = iso_date(m.group(1))
    if not day:
        return None
    return {"date": day, "organization": m.group("org").strip()}


# --- structure ------------------------------------------------------------------------

# either width: classification runs before repair, which turns one into the other, and
# a block must keep its kind when its cleaned text is cleaned again
_CLOSING_EN = tuple(".!?:;,\"”’)…。！？：；，、）》")
_CLOSING_ZH = tuple("。！？：；，、”’）….!?:;,)")
# a sentence's end inside straight quotes: '他说："我们要兜住民生底线！"' (a quoted phrase
# without one can close a headline: '斯宾塞： "星期天是休闲装"')
_QUOTED_END_ZH = ('。"', '！"', '？"', "。'", "！'", "？'", '!"', '?"', '."')
# marks that open what follows: a line ending in one goes on (MT or a typist's opening
# quote for a closing one, 'deserves thanks. “'), so the mark before them decides
_OPENING_END = " “‘「『(（[【《"
_COUNT_END = regex.compile(r"(?<=\w)\s*[(（]\d{1,4}[)）]\Z")
_LIST_END = regex.compile(r"\A[^,]*,[^,]+,.*(?:\s等|\betc\.?|\band\s+others)\s*\Z")
_LIST_ENDS = ("等", "etc", "etc.", "others")
_OPENING_ENDS = tuple(_OPENING_END)
MAX_HEADING_CHARS_EN = 90
MAX_HEADING_CHARS_ZH = 36
MAX_TITLE_CHARS = 250
# contact details, no heading however short: "Contact: Wang Li, 0731-8888888", "电话：..."
_CONTACT = regex.compile(
    r"(?:Contacts?(?:\s+(?:person|us|information|details|number|tel(?:ephone)?|phone))?|"
    r"Tel(?:ephone)?|Phone|Mobile|Fax|E-?mail|Address|Website|Hotline|"
    r"(?:Consultation|Service|Enquiry|Inquiry)\s+(?:tel(?:ephone)?|phone|hotline)|"
    r"Post\s*code|Zip\s+code|联系人|联系电话|联系方式|电话|手机|地址|邮箱|电子邮箱|传真|"
    r"咨询电话|服务热线|热线|邮编|网址|(?:监督|投诉|举报|求助|值班)(?:电话|热线)|"
    r"(?:Supervision|Complaint|Complaints|Report(?:ing)?|Duty)\s+(?:tel(?:ephone)?|phone|hotline)|"
    # a notice's files are content, never a heading: "Attachment: list.docx"
    r"Attachments?|Annex(?:es)?|Downloads?|附件|下载|"
    # ... nor a programme's people: "Speaker: Wang Jian, Vice Minister"
    r"Speakers?|Moderators?|Presenters?|Hosts?|Guests?|Chair(?:man|person)?|主讲人|主持人|"
    r"嘉宾|演讲人|"
    # ... nor a sum: "Total: 1,865,300 yuan"
    r"(?:Grand\s+)?Total|Subtotal|合计|总计)\s*[:：]\s*\S", regex.IGNORECASE)


# a row's figures at the end of a line: two numbers, a share the second or the first
# grouped or with decimals ("43,210.9 12.7%", "2,345 1,234"); one number ends many a
# heading ("Chapter 3", "Outlook 2035", "Output up 5%"), and two a date ("May 16, 2023")
_FIGURES_END = regex.compile(r"\d[\d,.]*\s+\d[\d,.]*\s*[%％]\Z|\d[\d,]*[.,]\d+\s+\d[\d,.]*\Z")


def _headingish(text: str, lang: str) -> bool:
    t = text.strip().lstrip(BULLETS + " ")
    if not t or (":" in t or "：" in t) and _CONTACT.match(t) or table_row(t) or \
            lang == "en" and columns(t) or (t[-1:].isdigit() or t[-1:] in "%％") and \
            _FIGURES_END.search(t[-40:]) or "://" in t or "www." in t:
        # (nor a table's row that ends in its figures, "Others 44,037.3 13.0%", nor a
        # line with a web address, "For details: https://...")
        # (a table's row, "Total\t23,772\t24,318", or names, is no heading; a Chinese
        # heading's phrases are parted by U+3000: "凝心聚力　砥砺前行　开创新局面")
        return False
    if t.endswith(_OPENING_ENDS):
        t = t.rstrip(_OPENING_END)
        if not t:
            return False
    if lang == "zh":
        return len(t) <= MAX_HEADING_CHARS_ZH and not t.endswith(_CLOSING_ZH) and \
            not t.endswith(_QUOTED_END_ZH)
    if t[-1] in ")）" and _COUNT_END.search(t):
        t = t[:_COUNT_END.search(t).start()]  # "III. Donor Award (30)": a count, no close
    elif t.endswith(_LIST_ENDS) and _LIST_END.search(t):
        return False  # "Tencent Foundation, Alibaba Foundation, Fosun Foundation 等": names
    return (len(t) <= MAX_HEADING_CHARS_EN and len(t.split()) <= 12
            and not t.endswith(_CLOSING_EN) and t[0].isupper() or t[:1].isdigit()
            and len(t) <= MAX_HEADING_CHARS_EN and not t.endswith(_CLOSING_EN))


def _heading_before(text: str, lang: str, next_text: str, next_lang: str) -> bool:
    """The heading test (for classification, and again after repair): a short line
    without a closing mark, before a block of its language that is not one."""
    return _headingish(text, lang) and not _headingish(next_text, next_lang)


_LIST_NUMBER = regex.compile(r"\s*(?:(\d{1,2})([.、)）])|([(（])(\d{1,2})[)）])\s*\S")


MAX_ROW_LINE = 100


def continues_list(text: str, previous: str) -> bool:
    """Is ``text`` the next item of a numbered list ``previous`` is an item of? The
    last item of a list without end marks ("3. Strengthen supervision", before a
    paragraph) is an item like the others, not a heading.

    >>> continues_list("3. Strengthen supervision", "2. Renovate homes")
    True
    >>> continues_list("2. Framework of collaboration", "The first aspect is set out.")
    False
    >>> continues_list("3. Safeguard measures", "(2) Strengthen supervision")
    False
    >>> continues_list("100 years and above: 500 yuan", "90-99 years old: 100 yuan")
    True
    """
    m, p = _LIST_NUMBER.match(text), _LIST_NUMBER.match(previous)
    if not m or not p or _style(m) != _style(p):  # "3." after "(2)": another level
        # rows of labels and values, or short items alike ("100 years old and above:
        # 500 yuan per month" after "90-99 years old: 100 yuan per month"; a longer
        # value is a row too: "Registration authority: Haidian District Civil Affairs
        # Bureau" after "Registered capital: 300,000 yuan"; in English: a Chinese
        # sentence's colon comes early, "汇丰银行陷入了窘境：在西方...")
        return not m and not p and (list_rows(previous, text) or len(text) <= MAX_ROW_LINE
                                    and previous.strip()[:1].isascii()
                                    and text.strip()[:1].isascii()
                                    and label_row(previous) and label_row(text))
    n, before = to_int(m.group(1) or m.group(4)), to_int(p.group(1) or p.group(4))
    return n is not None and before is not None and n == before + 1


def _style(m: regex.Match) -> str:
    """How a list number is written: "." (1.), "、", ")" or "(" for (1)."""
    return {"）": ")", "（": "("}.get(m.group(2) or m.group(3), m.group(2) or m.group(3))


def _text(block: Block) -> str:
    return block.en if block.en is not None else (block.zh or "")


_MD_WRAP = regex.compile(r"\A(?:>\s*)?[*_]{1,3}(?=\S)|(?<=\S)[*_]{1,3}\s*\Z|\A>\s*")
_MD_EMPHASIS = regex.compile(r"\*\*(?=[^*\s])|(?<=[^*\s])\*\*")


def _as_repaired(text: str) -> str:
    """A line as repair will leave it, for the tests that decide a kind before repair
    runs: without zero-width and control characters, and without a leading bullet
    ("● 6 Jul 2020" is a date line: cleaned again, it reads as one).

    >>> _as_repaired("\u200d● 6 Jul 2020")
    '6 Jul 2020'
    """
    text = without_invisible(text)
    if text[:1] in BULLETS or text[:1] == " ":
        text = text.lstrip(BULLETS + " ")
    if text[:1] in "*_>" or "**" in text:
        # Markdown's emphasis and quote around a line: "*Source: Hunan Daily*",
        # "**Date**: 2022-09-05", "> Source: ..."
        text = _MD_EMPHASIS.sub("", _MD_WRAP.sub("", text))
    if not text.isascii() and has_fullwidth_alnum(text):
        text = text.translate(FULLWIDTH_ALNUM)  # "Date:２０２１－１２－２０" is a date
    return text


def mark_page_furniture(item: Item, kinds: tuple[str, ...]) -> tuple[str, ...]:
    """Kinds for page chrome (``boilerplate``) and photo credits (``caption``); blocks
    already decided (metadata) keep their kind.

    >>> from pipeline.runner import build_item, SourceText
    >>> item = build_item("x", [SourceText("x", "Title\\n\\n【Fonts:Small Big\\n\\nTi Gong")])
    >>> mark_page_furniture(item, ("", "", ""))
    ('', 'boilerplate', 'caption')
    """
    en_page: list[bool] = []  # worked out for the first Chinese UI label, if any
    out = list(kinds)
    for i, block in enumerate(item.blocks):
        if out[i]:
            continue
        text = _text(block)
        lang = "en"  # (the language matters to Chinese UI labels only)
        if chrome.is_zh_ui_label(text):  # ("邮箱：...@163.com" reads as English)
            if not en_page:
                en_page.append(_english_page(item.blocks, out))
            lang = "en" if en_page[0] else "zh"
        if chrome.is_chrome(text, lang) or chrome.is_image_file_name(text):
            out[i] = "boilerplate"
        elif chrome.is_caption(text):
            out[i] = "caption"
    for i in range(1, len(out) - 1):
        # "Sign up" alone between two paragraphs of a notice heads its next part; a site's
        # own "Sign up" sits among its other controls or at the page's edge
        nxt = _text(item.blocks[i + 1])
        if out[i] == "boilerplate" and _ACCOUNT_CONTROL.match(_text(item.blocks[i])) and \
                not out[i - 1] and not out[i + 1] and (
                    _sentence_like(nxt) or _LABELLED.match(nxt) is not None):
            # (... before a sentence, or a notice's labelled line: "Registration
            # deadline: April 20, 2023")
            out[i] = ""
    return tuple(out)


_LABELLED = regex.compile(r"[^\W\d][\w ]{2,30}[:：]\s*\S")
_ACCOUNT_CONTROL = regex.compile(r"\s*(?:Subscribe|Sign\s+up|Register|Registration)\s*[:：]?\s*\Z",
                                 regex.IGNORECASE)


def _english_page(blocks: Sequence[Block], kinds: Sequence[str] = ()) -> bool:
    """An English page, where a Chinese UI label (地址：, 电话：) is chrome: English
    blocks, and Chinese ones but for such labels, chrome (版权所有, the ICP licence) and
    metadata lines (``kinds``: a Chinese "来源：" line, which the Markdown leaves out)
    fewer than a third as many. A page in both languages, line by line, gives its
    address and telephone in both."""
    english = sum(1 for b in blocks if b.en is not None)
    if not english:
        return False
    chinese = sum(1 for i, b in enumerate(blocks) if b.en is None and b.zh is not None
                  and not (i < len(kinds) and kinds[i] == "meta")
                  and not chrome.is_zh_ui_label(b.zh) and not chrome.is_chrome(b.zh, "zh"))
    return chinese * 3 < english


def _side(block: Block) -> str:
    return "en" if block.en is not None else "zh"


def _comparable(text: str) -> str:
    text = drop_repeated_sentence(strip_heading_affixes(text))
    if "\x1c" in text or "\x1d" in text or "\x1e" in text or "\x1f" in text:
        return _PUNCT_RUN.sub(" ", text).strip().casefold()
    # the same, faster: str.split() splits where \s matches, except at \x1c-\x1f; in
    # ASCII, \p{P} and \p{S} are string.punctuation (a test checks every character)
    if text.isascii():
        return " ".join(text.translate(_ASCII_PUNCT_TO_SPACE).split()).lower()
    return " ".join(_PUNCT.sub(" ", text).split()).casefold()


_PUNCT_RUN = regex.compile(r"[\p{P}\p{S}\s]+")
_PUNCT = regex.compile(r"[\p{P}\p{S}]+")
_ASCII_PUNCT_TO_SPACE = str.maketrans(string.punctuation, " " * len(string.punctuation))


def _without_site(text: str) -> str:
    crumb = chrome.split_breadcrumb(text)
    text = crumb[1] if crumb else text
    parts = chrome.split_site(text)
    return parts[1] if parts else text


def move_site_out_of_title(item: Item, index: int, lang: str | None = None) -> Item:
    """Cut a site name or breadcrumb off the title at ``index`` (its ``lang`` side,
    else the English one if it has one) by an edit, and record the site in
    ``meta["site"]`` (and the trail in ``meta["breadcrumb"]``); a site already recorded
    under another name goes to ``meta["site_<lang>"]``."""
    block = item.blocks[index]
    lang = lang or _side(block)
    text = block.text(lang) or ""
    edits = list(item.edits)
    meta: dict[str, str] = {}
    crumb = chrome.split_breadcrumb(text)
    if crumb is not None:
        trail, text = crumb
        edits.append(Edit(SITE_SUFFIX, index, lang, 0, trail, ""))
        meta["breadcrumb"] = trail.strip().rstrip(">›» ").strip()
    parts = chrome.split_site(text)
    if parts is not None:
        prefix, clean, suffix = parts
        if suffix:
            edits.append(Edit(SITE_SUFFIX, index, lang, len(prefix) + len(clean), suffix, ""))
        if prefix:
            edits.append(Edit(SITE_SUFFIX, index, lang, 0, prefix, ""))
        meta["site"] = chrome.site_name(prefix, suffix)
        text = clean
    if not meta:
        return item
    blocks = list(item.blocks)
    blocks[index] = block.with_text(lang, text)
    merged = dict(item.meta)
    for key, value in meta.items():
        if merged.get(key, value) == value:
            merged[key] = value
        else:
            merged.setdefault(f"{key}_{lang}", value)
    return evolve(item, blocks=tuple(blocks), edits=tuple(edits), meta=tuple(merged.items()))


def _source_views(item: Item) -> list[list[tuple[int, str | None]]]:
    """The blocks of each source document, in page order: ``(index, None)`` for a block
    of one language, ``(index, side)`` for each side of a bilingual block (an item read
    back from JSON Lines, whose sides may come from two documents or from one
    interleaved page). Each document is then classified as it was when first cleaned,
    one language-block at a time."""
    groups: dict[int, list[tuple[int, str | None]]] = {}
    split = False
    for i, block in enumerate(item.blocks):
        zh, en = block.zh_origin, block.en_origin
        if zh is not None and en is not None:
            groups.setdefault(zh.doc, []).append((i, "zh"))
            groups.setdefault(en.doc, []).append((i, "en"))
            split = True
        else:
            origin = zh or en
            groups.setdefault(origin.doc if origin else -1, []).append((i, None))
    if split:  # the page order: a bilingual block of an interleaved page is two places
        for view in groups.values():
            view.sort(key=lambda entry: _pos(item.blocks[entry[0]], entry[1]))
    return list(groups.values())


def _pos(block: Block, side: str | None) -> int:
    origin = block.origin(side) if side else (block.zh_origin or block.en_origin)
    return origin.pos if origin else 0


def _one_side(block: Block, side: str) -> Block:
    if side == "zh":
        return evolve(block, lang="zh", en=None, en_origin=None)
    return evolve(block, lang="en", zh=None, zh_origin=None)


def classify_item(item: Item, extra=None, disabled: frozenset[str] = frozenset()) -> Item:
    """Classify each source document on its own (a zh file and its en file each have a
    title), with :func:`classify_document`.

    >>> from pipeline.runner import SourceText, build_item
    >>> item = build_item("x", [SourceText("a", "民政部召开会议\\n\\n会议强调。", lang="zh"),
    ...                         SourceText("b", "Ministry holds meeting\\n\\nIt stressed.", lang="en")])
    >>> [b.kind for b in classify_item(item).blocks]
    ['title', 'paragraph', 'title', 'paragraph']
    >>> item = build_item("y", [SourceText("a", "北京生态向好 - 中新网\\n\\n正文。", lang="zh"),
    ...                         SourceText("b", "Beijing ecology improves - CNN\\n\\nText.", lang="en")])
    >>> {k: v for k, v in classify_item(item).meta if k.startswith("site")}
    {'site': '中新网', 'site_en': 'CNN'}
    """
    views = _source_views(item)
    if len(views) <= 1 and not any(side for view in views for _, side in view):
        return classify_document(item, extra, disabled)
    blocks = list(item.blocks)
    edits = list(item.edits)  # classification only adds edits (a site name cut off)
    side_kinds: dict[int, dict[str, str]] = {}
    meta = dict(item.meta)
    for view in views:
        sub = evolve(item, blocks=tuple(_one_side(blocks[i], side) if side else blocks[i]
                                        for i, side in view),
                     edits=(), meta=tuple(meta.items()))
        done = classify_document(sub, extra, disabled)
        for (i, side), block in zip(view, done.blocks):
            if side is None:
                blocks[i] = block
            else:
                side_kinds.setdefault(i, {})[side] = block.kind
                blocks[i] = blocks[i].with_text(side, block.text(side) or "")
        edits.extend(renumber_edits(done.edits, {k: i for k, (i, _) in enumerate(view)}))
        sides = [s for b in done.blocks for s in b.sides]
        lang = max(sorted(set(sides)), key=sides.count) if sides else "und"
        for key, value in done.meta:
            if key not in meta:
                meta[key] = value
            elif meta[key] != value:
                # the other source says it its own way ("中新网" and "CNN"): keep both
                meta.setdefault(f"{key}_{lang}", value)
    for i, kinds in side_kinds.items():
        blocks[i] = evolve(blocks[i], kind=merged_kind([kinds["zh"]], [kinds["en"]]))
    if DUPLICATE not in disabled and not side_kinds:
        _mirror_duplicates(blocks, views)
    return evolve(item, blocks=tuple(blocks), edits=tuple(edits), meta=tuple(meta.items()))


def _mirror_duplicates(blocks: list[Block], views) -> None:
    """Where one file of a pair repeats its headline as its first paragraph (marked
    ``duplicate``), the other file's first paragraph is its translation: a repeat too,
    when it is close to its own headline (MT words the two further apart than a
    repeat in one language, "Israel strengthens prevention and control of repeated
    outbreaks" and "Israel has stepped up its prevention and control of the outbreak").
    Left out of the alignment on one side only, the repeat would pull its neighbours'
    pairs by one. Changes ``blocks`` in place."""
    firsts = []
    for view in views:
        idx = [i for i, _ in view]
        title = next((i for i in idx if blocks[i].kind == "title"), None)
        if title is None:
            return
        after = next((i for i in idx if i > title
                      and blocks[i].kind not in ("meta", "boilerplate", "caption")), None)
        firsts.append((title, after))
    if not any(a is not None and blocks[a].kind == "duplicate" for _, a in firsts):
        return
    for title, after in firsts:
        if after is not None and blocks[after].kind in ("paragraph", "heading") and \
                _repeats(_comparable(_text(blocks[title])), _text(blocks[after]), loose=True):
            blocks[after] = evolve(blocks[after], kind="duplicate")


_LEVELS = {"title": 1, "heading": 2}
# the kinds a block read back from JSON Lines keeps (a new block is a paragraph): the
# repairs since it was classified may have changed what its text looks like, and the
# record cleaned again must come out the same
KEPT_KINDS = frozenset({"meta", "boilerplate", "caption", "duplicate"})


def _md_level(block: Block) -> int:
    """The Markdown heading level of a block (the deeper of its sides' markers). A title
    or heading of an item read back from JSON Lines counts as marked, as it is in the
    text `mtclean run` makes of such a record (a new block is a paragraph): so the
    record, cleaned again, keeps its kinds however its cleaned text reads now."""
    level = 0
    for origin in (block.en_origin, block.zh_origin):
        if origin is not None and origin.mark:
            level = max(level, origin.mark.count("#"))
    return level or _LEVELS.get(block.kind, 0)


# a Markdown heading's underline right under its line, which the next block's gap holds
# (segmentation keeps it as layout in a .md file): "=====" level 1, "-----" level 2
_SETEXT = regex.compile(r"\A(?:\r\n|\n|\r) {0,3}(?:(=+)|-+)[ \t]*(?:\r\n|\n|\r|\Z)")


def _setext_level(blocks: Sequence[Block], i: int) -> int:
    if i + 1 >= len(blocks):
        return 0
    here, after = blocks[i], blocks[i + 1]
    for origin, nxt in ((here.en_origin, after.en_origin), (here.zh_origin, after.zh_origin)):
        if origin is not None and nxt is not None and nxt.doc == origin.doc and \
                nxt.gap[:1] in "\r\n":
            m = _SETEXT.match(nxt.gap)
            if m:
                return 1 if m.group(1) else 2
    return 0


def _next_same_side(blocks: tuple[Block, ...], kinds: list[str]) -> list[int | None]:
    """For each block, the next block in the same language that is not metadata, chrome
    or a caption: in an interleaved page the translation in between must not decide, or
    the Markdown (zh before en) would read differently. One backward pass: the kinds
    after a block are not yet decided when the block is."""
    following: list[int | None] = [None] * len(blocks)
    last: dict[bool, int | None] = {True: None, False: None}
    for j in range(len(blocks) - 1, -1, -1):
        zh = blocks[j].en is None
        following[j] = last[zh]
        if kinds[j] not in ("meta", "boilerplate", "caption"):
            last[zh] = j
    return following


def classify_document(item: Item, extra=None, disabled: frozenset[str] = frozenset()) -> Item:
    """Give every block its kind and collect metadata fields into ``item.meta``.

    Page chrome becomes ``boilerplate``, photo credits ``caption``, a site name on the
    title moves into ``meta["site"]`` (an edit), and a headline repeated as the first
    paragraph becomes ``duplicate``. ``extra`` is an optional function
    ``(item, kinds) -> kinds`` that later rules use to mark more kinds. Ids in
    ``disabled`` (``repair.site_suffix``, ``classify.boilerplate``, ...) are not applied.
    """
    blocks = item.blocks
    kinds: list[str] = []
    meta: dict[str, str] = {}
    bylines: dict[str, str] = {}
    for i, block in enumerate(blocks):
        text = _text(block)
        fields = parse_meta(_as_repaired(text))
        if fields is not None and fields.keys() <= _WHEN and (
                _EVENT_LABEL.match(text) or _NAMED_DATE_LINE.match(text) and
                _dates_in_body(blocks, i)) and \
                any(_sentence_like(_text(b)) for b in blocks[:i]):
            # "Time: August 12, 2022 9:00 a.m." in a notice's body is content (a page's
            # "Release date:" or "Last updated:" at its foot is not), and so are a
            # programme's "Tuesday, May 16, 2023" and a timeline's "October 19, 1949"
            fields = None
        if fields is not None and "source" in fields and ":" not in text and \
                "：" not in text and _DATETIME_LINE.match(text) and \
                any(_sentence_like(_text(b)) for b in blocks[:i]) and \
                any(j != i and _DATETIME_LINE.match(_text(b)) and ":" not in _text(b) and
                    "：" not in _text(b) for j, b in enumerate(blocks)):
            # a date and a name with no label, after body text, beside other dated
            # lines without labels: a timeline's entry ("1978年3月5日　民政部"), not the page's source
            fields = None
        if fields is not None and fields.keys() <= _WHEN and _signed(blocks, i):
            # a notice's date under its signature ("Ministry of Civil Affairs" / "June 8,
            # 2023") is part of the notice: the page's date, and shown with the text
            for k, v in fields.items():
                meta.setdefault(k, v)
            fields = None
        if fields is not None:
            kinds.append("meta")
            # a byline's agency gives way to a "Source:" label anywhere on the page
            into = bylines if "author" in fields and parse_byline(
                _as_repaired(text)) is not None else meta
            for k, v in fields.items():
                into.setdefault(k, v)
        elif block.kind in KEPT_KINDS:
            kinds.append(block.kind)  # a record's: kept, as its titles and headings are
        else:
            kinds.append("")
    for k, v in bylines.items():
        meta.setdefault(k, v)
    for i in range(1, len(blocks)):
        if not kinds[i] and kinds[i - 1] == "meta":
            fields = parse_dated_line(_text(blocks[i]))
            if fields is not None:
                kinds[i] = "meta"
                for k, v in fields.items():
                    meta.setdefault(k, v)
    furniture = mark_page_furniture(item, tuple(kinds))
    off = {kind for kind, ident in (("boilerplate", BOILERPLATE), ("caption", CAPTION))
           if ident in disabled}
    kinds = [old if new in off else new for old, new in zip(kinds, furniture)]
    if extra is not None:
        kinds = list(extra(item, tuple(kinds)))
    title_done = False
    title_at = None
    titles: list[int] = []  # every title: one per language on a page that gives both
    titled: set[str] = set()  # the languages that have a title
    body_seen = False  # a paragraph or heading before i: a flag, not a rescan per block
    following = _next_same_side(blocks, kinds)
    before: dict[str, str] = {}  # per language: the text of the last block of the body
    for i, block in enumerate(blocks):
        if i and kinds[i - 1] in ("paragraph", "heading"):
            body_seen = True
            previous = blocks[i - 1]
            before["zh" if previous.en is None else "en"] = _text(previous)
        if kinds[i]:
            continue
        text = _text(block)
        lang = "zh" if block.en is None else "en"
        md_level = _md_level(block) or _setext_level(blocks, i)
        if md_level == 1 or (md_level == 0 and not title_done and len(text) <= MAX_TITLE_CHARS
                             and not body_seen and not _body_sentence(text, lang)):
            # a marked title in a language without one is a title too: the Markdown of a
            # zh/en pair whose titles do not translate each other shows both
            first = not title_done or (md_level == 1 and lang not in titled)
            kinds[i] = "title" if first else "heading"
            if not title_done:
                title_at = i
            if first:
                titles.append(i)
            title_done = True
            titled.add(lang)
            continue
        if md_level >= 2:
            kinds[i] = "heading"
            continue
        nxt = following[i]
        if nxt is not None and _heading_before(
                text, lang, _text(blocks[nxt]), "zh" if blocks[nxt].en is None else "en") \
                and not continues_list(text, before.get(lang, "")):
            kinds[i] = "heading"
        else:
            kinds[i] = "paragraph"
    if title_at is not None and BOILERPLATE not in disabled:
        headline = _headline_below_banner(blocks, kinds, title_at)
        if headline is not None:
            kinds[title_at], kinds[headline] = "boilerplate", "title"
            titles = [headline if t == title_at else t for t in titles]
            title_at = headline
    new_blocks = tuple(b if b.kind == k else evolve(b, kind=k) for b, k in zip(blocks, kinds))
    merged = dict(item.meta)
    for k, v in meta.items():
        merged.setdefault(k, v)
    item = evolve(item, blocks=new_blocks, meta=tuple(merged.items()))
    if title_at is not None:
        if SITE_SUFFIX not in disabled:
            for i in titles:  # "# ... - Xinhuanet" and "# ...-新华网": each loses its site
                item = move_site_out_of_title(item, i)
        if DUPLICATE not in disabled:
            item = mark_repeated_headline(item, title_at)
    return item



# the name of a body or a site, as a page's banner gives it above its menu
_BANNER_END = regex.compile(r"(?:\b(?:Bureau|Department|Ministry|Commission|Committee|Office|"
                            r"Government|Foundation|Association|Federation|Administration|"
                            r"Network|Website|Portal)(?:\s+(?:of|for)(?:\s+(?:the\s+)?[A-Z][\w'’-]*"
                            r"|\s+and){1,6})?|民政厅|民政局|民政部|人民政府|政府|基金会|"
                            r"协会|委员会|网|门户网站)\s*\Z")


def _headline_below_banner(blocks, kinds: list[str], title_at: int) -> int | None:
    """The page's headline when the block taken for its title is its banner: a body's
    or site's name, then its menu (boilerplate), then a heading whose metadata line
    follows it ("Hunan Provincial Department of Civil Affairs" / "Home | About Us |
    News" / "Hunan Issues New Rules ..." / "Release date: 2023-04-04"); or a body's
    name alone, right over a heading and its text."""
    banner = _text(blocks[title_at])
    if not (_BANNER_END.search(banner) or _ORG_LINE.fullmatch(banner)):
        return None
    j = title_at + 1
    while j < len(kinds) and kinds[j] == "boilerplate":
        j += 1
    if j + 1 >= len(kinds) or kinds[j] != "heading" or \
            (blocks[j].en is None) != (blocks[title_at].en is None):
        return None
    if kinds[j + 1] in ("paragraph", "meta") and _ORG_LINE.fullmatch(banner) and \
            not _EVENT_WORDS.search(banner):  # ("Ministry ... Holds Press Conference")
        # a body's name alone over a headline and its text ("Ministry of Civil Affairs
        # of the People's Republic of China" / "Anhui issues relief funds ..."): no
        # news item's headline is a name
        return j
    if j == title_at + 1 or kinds[j + 1] != "meta":
        return None
    if not any(_MENU.search(_text(blocks[k])) for k in range(title_at + 1, j)):
        return None  # (a font switcher under a headline is no site's menu)
    return j


# a line that is a body's name alone: capitalised words (and of, the, and, for) with
# the word of a body among them, or a Chinese body's name
_ORG_LINE = regex.compile(
    r"(?:The\s+)?(?=(?:[\w'’.-]+\s+){0,12}?(?:Ministry|Bureau|Department|Commission|Office|"
    r"Government|Foundation|Association|Federation|Administration|Council)\b)"
    r"[A-Z][\w'’.-]*(?:\s+(?:of|the|and|for|[A-Z][\w'’.-]*)){0,13}|"
    r"[\p{Han}·]{0,16}(?:民政厅|民政局|民政部|人民政府|基金会|慈善总会|慈善联合会|协会)")
# a site's menu: items between bars, or a row that opens with the home page
_MENU = regex.compile(r"[|｜].*[|｜]|\A\s*(?:Home(?:page)?|首页)\b")


# a headline that ends in a full stop is short, and has no comma below the longest
MAX_TITLE_SENTENCE_WORDS = 20
MAX_TITLE_WORDS = 35
MAX_TITLE_SENTENCE_CHARS_ZH = 60


def _body_sentence(text: str, lang: str) -> bool:
    """A page without a headline opens with its first paragraph: a long sentence that
    ends as one, with a comma in it ("On August 12th, the 23rd ... participated in the
    exchange."); a 25-word headline with a full stop and no comma stays one (WMT22)."""
    end = text.rstrip(" \"'”’」』）)")[-1:]
    if lang == "zh":
        return end in "。！？" and len(text) > MAX_TITLE_SENTENCE_CHARS_ZH
    if end not in ".!?":
        return False
    words = len(text.split())
    return words > MAX_TITLE_WORDS or words > MAX_TITLE_SENTENCE_WORDS and \
        any(mark in text for mark in ",;:")


_WHEN = frozenset({"date", "time", "date_text"})
# a date alone that names its month or weekday ("Tuesday, May 16, 2023", "May 16, 2023",
# "2023年5月16日 星期二"): a page's date above its body, a heading inside it
_NAMED_DATE_LINE = regex.compile(
    rf"\s*(?:{_WEEKDAY_EN}\b|{MONTH_PATTERN}\s+\d|[^:：]*{_WEEKDAY_ZH}\s*\Z)")
# the labels of an event's date and time, not of the page's
_EVENT_LABEL = regex.compile(r"\s*(?:Time|Date|Dates|Event\s+(?:date|time)|时间|日期)\s*[:：]",
                             regex.IGNORECASE)
_SENTENCE_END = regex.compile(r"[.!?。！？:：][\"'”’」』）)]*\s*\Z")


_ANNOUNCES = regex.compile(r"(?:[:：]|\bas\s+follows\.|如下。?)\s*\Z", regex.IGNORECASE)


# a notice's signature: the body that issues it
_SIGNATURE = regex.compile(
    rf"(?:(?:[A-Z][\w'’.&-]*|of|the|and|for)\s+){{0,8}}{_ORG_LAST}|"
    r"[\p{Han}（）()·]{2,30}(?:部|局|厅|委|办|政府|基金会|协会|联合会|委员会|中心|院|总会|办公室)")


def _signed(blocks, i: int) -> bool:
    """Is block ``i`` a date alone under a notice's signature, with the notice's text
    before them and none after?"""
    if i < 2:
        return False
    text = _text(blocks[i]).strip()
    lead = _DATETIME_LINE.match(text)
    if lead is None or lead.end() != len(text):
        return False
    return _SIGNATURE.fullmatch(_text(blocks[i - 1]).strip()) is not None and \
        any(_sentence_like(_text(b)) for b in blocks[:i - 1]) and \
        not any(_sentence_like(_text(b)) for b in blocks[i + 1:])


def _dates_in_body(blocks, i: int) -> bool:
    """Is the date line at ``i`` one of a programme's or a timeline's: after a line that
    announces what follows ("The programme is as follows."), or with another date line
    of its kind in the page? (One under a lead's photo caption, or a standfirst, is the
    page's date.)"""
    if i and _ANNOUNCES.search(_text(blocks[i - 1])):
        return True
    return any(j != i and _NAMED_DATE_LINE.match(_text(b)) and
               _DATETIME_LINE.match(_text(b)) for j, b in enumerate(blocks))


def _sentence_like(text: str) -> bool:
    """A line of body text: words ending as a sentence does ("The training will be held
    as follows.")."""
    return len(text.split()) >= 4 and _SENTENCE_END.search(text) is not None or \
        len(text) >= 10 and not text.isascii() and _SENTENCE_END.search(text) is not None


def late_kinds(item: Item, disabled: frozenset[str] = frozenset()) -> Item:
    """The kinds the cleaned text now has: :func:`late_title`, then :func:`late_headings`
    (the same item when nothing changes)."""
    item = late_title(item, disabled)
    late = late_headings(item)
    if not late:
        return item
    blocks = list(item.blocks)
    for i in late:
        blocks[i] = evolve(blocks[i], kind="heading")
    return evolve(item, blocks=tuple(blocks))


def late_title(item: Item, disabled: frozenset[str] = frozenset()) -> Item:
    """Give a document without a title the title it now has: its first block was too
    long for one until repair shortened it (a headline repeated in one line, one copy
    dropped), and cleaning the output again would make it the title. Like
    :func:`classify_document`, a site name is cut off it and a paragraph repeating it
    becomes a duplicate. Documents with bilingual blocks are left alone."""
    for view in _source_views(item):
        if any(side is not None for _, side in view):
            continue
        blocks = [item.blocks[i] for i, _ in view]
        if any(b.kind == "title" for b in blocks):
            continue
        first = next((k for k, b in enumerate(blocks)
                      if b.kind not in ("meta", "boilerplate", "caption")), None)
        if first is None:
            continue
        block = blocks[first]
        if (block.kind != "paragraph" or _md_level(block)
                or len(_text(block)) > MAX_TITLE_CHARS
                or _body_sentence(_text(block), block.lang)):
            continue  # (a page that opens with its first paragraph, as classify decides)
        local = {i: k for k, (i, _) in enumerate(view)}
        sub = evolve(item, blocks=tuple(evolve(b, kind="title") if k == first else b
                                        for k, b in enumerate(blocks)),
                     edits=renumber_edits([e for e in item.edits if e.block in local], local))
        if SITE_SUFFIX not in disabled:
            sub = move_site_out_of_title(sub, first)
        if DUPLICATE not in disabled:
            sub = mark_repeated_headline(sub, first)
        new_blocks = list(item.blocks)
        for k, (i, _) in enumerate(view):
            new_blocks[i] = sub.blocks[k]
        added = sub.edits[sum(1 for e in item.edits if e.block in local):]
        item = evolve(item, blocks=tuple(new_blocks), meta=sub.meta,
                      edits=item.edits + renumber_edits(added, dict(enumerate(local))))
    return item


def late_headings(item: Item) -> list[int]:
    """Paragraphs that read as headings now that the glossary and repair have changed
    their text, by the test :func:`classify_document` makes: a short line without a
    closing mark, before a block of its language that is not one. The English "...dream
    -China News Network" has 14 words; the glossary's "Chinanews.com" leaves 12, so the
    cleaned text, cleaned again, would make it a heading. Each side is read as its own
    document (as the cleaned output of two files is); a block with a Markdown marker
    keeps the kind the marker gives."""
    blocks = item.blocks
    found = []
    following: dict[str, int | None] = {"en": None, "zh": None}
    for i in range(len(blocks) - 1, -1, -1):
        block = blocks[i]
        sides = block.sides
        if block.kind == "paragraph" and not _md_level(block):
            for lang in sides:
                nxt = following[lang]
                text = block.text(lang) or ""
                if nxt is not None and _heading_before(
                        text, lang, blocks[nxt].text(lang) or "", lang) and \
                        not continues_list(text, _body_before(blocks, i, lang)):
                    found.append(i)
                    break
        if block.kind not in ("meta", "boilerplate", "caption"):
            for lang in sides:
                following[lang] = i
    return found[::-1]


def _body_before(blocks: Sequence[Block], i: int, lang: str) -> str:
    """The text on side ``lang`` of the last paragraph or heading before block ``i``."""
    for j in range(i - 1, -1, -1):
        if blocks[j].kind in ("paragraph", "heading") and blocks[j].text(lang) is not None:
            return blocks[j].text(lang) or ""
    return ""


def merged_kind(zh_kinds: list[str], en_kinds: list[str]) -> str:
    """The kind of a bilingual block: the highest of its blocks' kinds (a title, then a
    heading, a caption, a paragraph). Kinds no aligned block has (a side that reads as
    metadata when a record is cleaned again) count only when there is no other.

    >>> merged_kind(["title"], ["paragraph"]), merged_kind(["paragraph"], ["heading", "paragraph"])
    ('title', 'heading')
    """
    kinds = [k for k in zh_kinds + en_kinds if k in KIND_RANK] or zh_kinds + en_kinds
    return min(kinds, key=lambda k: KIND_RANK.get(k, len(KIND_RANK)))


SAME_HEADLINE_RATIO = 0.75
MIN_ADDED_WORDS = 2  # words after a headline's own that make a text a lead paragraph
SAME_LENGTHS = (0.75, 1.33)
# where the other file of a pair repeats its headline: MT words the repeat further apart
LOOSE_HEADLINE_RATIO = 0.5
LOOSE_LENGTHS = (0.6, 1.67)


_NUMBER = regex.compile(r"\d+")
# the parts of a date or time (a dateline's "december 11", "12月11日", "2020-07-26 04:56")
_DATE_PARTS = regex.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}|\b{MONTH_PATTERN}\s*\d{{1,2}}(?!\d)"
    r"|\d{1,2}\s*月\s*(?:\d{1,2}\s*[日号])?|\d{1,2}\s*[日号]|\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b"
    r"|\b\d{1,2}:\d{2}(?::\d{2})?\b|\b\d{1,2}(?:st|nd|rd|th)\b", regex.IGNORECASE)


def _same_numbers(title: str, text: str) -> bool:
    """Does ``text`` give no number that ``title`` does not, but for a date (a dateline,
    "Beijing, December 11: ...") or a year? (A repeat may leave a number out.)

    >>> _same_numbers("5 tents for 300 families", "on 11 december 2020 5 tents for 300 families")
    True
    >>> _same_numbers("500 000 yuan", "800 000 yuan"), _same_numbers("500 species", "species")
    (False, True)
    >>> _same_numbers("50 million yuan for elderly care", "50 million yuan for elderly care in 12 counties")
    False
    """
    extra = Counter(_NUMBER.findall(text)) - Counter(_NUMBER.findall(title))
    if not extra:
        return True  # the usual answer, without looking for dates
    extra = Counter(_NUMBER.findall(_DATE_PARTS.sub(" ", text))) - \
        Counter(_NUMBER.findall(title))
    values = [to_int(n) for n in extra]
    return all(v is not None and 1900 <= v <= 2100 for v in values)


def same_headline(a: str, b: str, loose: bool = False) -> bool:
    """Are two (comparable) texts, a headline and a text after it, the same headline,
    perhaps worded apart by MT? The text gives no number the headline does not.

    Words are compared for English, characters for Chinese; the texts must be of about
    the same length, so a lead paragraph that expands the headline is not one.

    >>> same_headline("shaanxi crack the problem of helping after relocation to avoid the masses run at both ends",
    ...               "shaanxi crack the problem of helping after relocation to avoid the masses two headed run")
    True
    >>> same_headline("israel strengthens measures", "israel strengthens measures to stop the epidemic from coming back")
    False
    >>> same_headline("bureau donates 500 000 yuan to flood victims in hefei",
    ...               "bureau donates 800 000 yuan to flood victims in hefei")
    False
    """
    if a == b:
        return bool(a)
    if not _same_numbers(a, b):
        return False  # "donates 800,000 yuan" under "donates 500,000 yuan": a new fact
    ua, ub = (a.split(), b.split()) if a.isascii() and b.isascii() else (list(a), list(b))
    least, lengths = (LOOSE_HEADLINE_RATIO, LOOSE_LENGTHS) if loose else \
        (SAME_HEADLINE_RATIO, SAME_LENGTHS)
    if min(len(ua), len(ub)) < 4 or not lengths[0] <= len(ua) / len(ub) <= lengths[1]:
        return False
    # first SequenceMatcher.quick_ratio(), an upper bound of ratio() (the units the two
    # have in common, in any order), counted without building a matcher
    common = sum((Counter(ua) & Counter(ub)).values())
    if 2.0 * common / (len(ua) + len(ub)) < least:
        return False
    matcher = SequenceMatcher(None, ua, ub, autojunk=False)
    if matcher.ratio() < least:
        return False
    # a text that goes on after the headline's last words adds to it ("... during the
    # Spring Festival and cold waves"): a lead paragraph, not a repeat
    last = matcher.get_matching_blocks()[-2] if len(matcher.get_matching_blocks()) > 1 \
        else None
    return not (last and last.a + last.size == len(ua) and
                len(ub) - (last.b + last.size) >= MIN_ADDED_WORDS)


def _repeats(title: str, text: str, loose: bool = False) -> bool:
    """Does ``text``, with or without a site name, or a metadata label or the page's
    controls after it (" Source: Hunan Daily", " [Print this page]"), repeat the
    (comparable) ``title``?"""
    if same_headline(title, _comparable(text), loose):
        return True
    bare = _without_site(text)
    # a text without a site to cut was compared already
    if bare != text and same_headline(title, _comparable(bare), loose):
        return True
    if len(text) > 2 * len(title) + MAX_EXTRA_CHARS or not _EXTRA_MARKS.intersection(text):
        return False  # a paragraph, or nothing such after it
    tail = _TRAILING_LABEL.search(text) or chrome.TRAILING_CONTROLS.search(text)
    return tail is not None and same_headline(title, _comparable(text[:tail.start()]), loose)


MAX_EXTRA_CHARS = 80
_EXTRA_MARKS = frozenset(":：]】")


# what a CMS prints after a repeated headline on its line: a label and what follows (as
# a CMS writes it, capitalised: "... gala time: February 5" is the event's), or the
# page's controls (chrome.TRAILING_CONTROLS)
_TRAILING_LABEL = regex.compile(
    r"(?:\s+(?:Source|Author|Editor|Date|Time|Views|Published|Release\s+(?:date|time)|"
    r"Publish\s+time)|\s*(?:来源|作者|编辑|发布时间|时间|日期))\s*[:：].*\Z")


# a day of a month ("July 27", "27 July", "7月27日", "2021-07-27"), not a dateline's
# bare "14th"
_DAY_OF_MONTH = regex.compile(
    rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{MONTH_PATTERN}|\b{MONTH_PATTERN}\s*\d{{1,2}}(?!\d)"
    r"|\d{1,2}\s*月\s*\d{1,2}\s*[日号]|\b\d{4}[-/.]\d{1,2}[-/.]\d{1,2}\b", regex.IGNORECASE)


def _gives_date(text: str) -> bool:
    """Does the text name a day, before any metadata label after it?"""
    label = _TRAILING_LABEL.search(text)
    return _DAY_OF_MONTH.search(text, 0, label.start() if label else len(text)) is not None


def mark_repeated_headline(item: Item, title_at: int) -> Item:
    """Mark the text blocks right after the title ``duplicate`` while they repeat it."""
    title = _comparable(_text(item.blocks[title_at]))
    if not title:
        return item
    blocks = list(item.blocks)
    marked = False
    dated = bool(item.meta_dict.get("date")) or _gives_date(title)
    for j in range(title_at + 1, len(blocks)):
        block = blocks[j]
        if block.kind in ("meta", "boilerplate", "caption"):
            continue
        if block.kind not in ("paragraph", "heading") or not _repeats(title, _text(block)):
            break
        if not dated and _gives_date(_text(block)):
            break  # "On July 27, Henan allocated ...": the page's only date is a fact
        blocks[j] = evolve(block, kind="duplicate")
        marked = True
    if not marked:
        return item
    return evolve(item, blocks=tuple(blocks))
