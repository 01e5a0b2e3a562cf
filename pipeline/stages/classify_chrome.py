"""Classification helpers for web-page furniture left in MT'd news: site names and
breadcrumbs in headlines, page chrome and boilerplate lines, captions and image file names.

These functions decide; :mod:`.classify` applies the decisions (a kind per block, and an
edit on the title when a site suffix is moved into ``item.meta["site"]``).
"""
from __future__ import annotations

import re

import regex

from .normalize import without_invisible
from .repair import BULLETS, IMAGE_LEAD

_I = regex.IGNORECASE | regex.VERSION1

# --- site names in headlines ----------------------------------------------------------

# verbs that weave a net of care in a headline's second half ("织密", "筑牢", "构建")
_WOVEN = r"(?:织[密牢就起好]|编织|筑[牢起]|构建|构筑|撑起|兜[牢住]|铺就|拉起|张开)"
# names that are sites even when glued to the headline by a bare hyphen ("...-Xinhua")
_STRICT_SITE = (
    r"(?:www\.)?[a-z][\w-]*(?:\.[\w-]+)*\.(?:com|cn|net|org|gov)(?:\.cn)?"
    r"|Xinhua(?:\s*(?:net|news(?:\s+agency)?|network|english(?:\s*\.?\s*news\.cn)?))?"
    r"(?:\s+[\w-]+(?:\.[\w-]+)+)?"
    r"|CNN|China\s+News(?:\s+Network|\s+Service)?|China\s+New\s+Network|Zhongxin\s+network"
    r"|Huasheng\s+Online|(?:[\w'’]+\s+){1,2}Daily(?:\s+(?:News|Online|Network))?"
    # (a net that is woven, not a site: 织密社会救助网, 筑牢社区防控网)
    r"|(?!\p{Han}{0,4}" + _WOVEN + r")\p{Han}{1,10}(?:(?<!" + "|".join((
        "互联", "物联", "安全", "保障", "防护", "关系", "电", "天", "法", "渔", "上", "信息", "服务",
        "(?<!组)织", "救助", "防控", "兜底", "关爱", "保护", "救援", "监测", "帮扶", "防护", "治理")) +
    r")网|在线)"
)
_SITE = regex.compile(
    r"(?:" + _STRICT_SITE +
    # (a subtitle is no site: "A Warm Safety Net")
    r"|(?!(?:A|An)\s)(?:[\w'’.&]+\s+){0,4}(?<!(?:Safety|Security|Social|Care|Protection)\s+)"
    r"(?:Net|Network|Online|Daily(?:\s+(?:Online|Network|News))?"
    r"|News(?:\s+(?:Network|Agency|Online))?|Website|Web)"
    r"|\p{Han}{1,10}(?:日报|新闻|晚报|早报)"
    r")", _I)
_STRICT = regex.compile(r"(?:" + _STRICT_SITE + r")", _I)
# section names that sit between a headline and its site ("视点头条", "Today's News")
# (only between a headline and a site name: "... - Nod Notes - Hunan Daily Network")
_SECTION = regex.compile(
    r"\p{Han}{1,6}(?:头条|要闻|新闻|频道|资讯|时评|专题)|(?:[\w'’]+\s+){0,2}(?:Headlines?|News|"
    r"Notes|Viewpoints?|Focus|Channel|Column|Topics?|Commentary|Opinions?)", _I)
_SEP = regex.compile(r"\s+(?:-{1,2}|[–—_|｜]|— —)\s+|\s*(?:——|丨)\s*")
_TIGHT = regex.compile(r"(?<=\S)\s?(?:-{1,2}|[–—_])\s?(?=\S)")
MAX_SITE_CHARS = 48
# every separator that _SEP or _TIGHT matches holds one of these
_SEP_CHARS = regex.compile(r"[-–—_|｜丨]")


# one of these is in every text _SITE (and so _STRICT) matches, case folded: a domain
# ending, or a word each alternative ends in or names (a test checks the folding)
_SITE_WORD = re.compile("|".join(re.escape(w) for w in (
    ".com", ".cn", ".org", ".gov", "net", "xinhua", "cnn", "daily", "online", "news", "web",
    "网", "在线", "日报", "新闻", "晚报", "早报")))


# a word in lower case that is no small word: site names are names, capitalised
# ("People's Daily Online", "Lao Niu Foundation Net"); a domain is one word with dots
_LOWER_WORD = regex.compile(r"(?:^|(?<=\s))(?!(?:of|and|the|for|on|in|at)\s)"
                            r"[a-z][\w'’&-]*(?=\s|$)")


def _is_site(segment: str, strict: bool = False) -> bool:
    # as repair will leave it: "◆Xinhua" and "新华网\x00" are sites
    seg = without_invisible(segment).strip()
    if seg[:1] in BULLETS:
        seg = seg.lstrip(BULLETS + " ")
    if not seg or len(seg) > MAX_SITE_CHARS:
        return False
    # the patterns backtrack over a segment that is no site (14 us a call): most are
    # settled by the words they need ("İ" matches "i" in the patterns, but case-folds
    # to "i" and a combining dot)
    if "\u0130" not in seg and not _SITE_WORD.search(seg.casefold()):
        return False
    if _STRICT.fullmatch(seg):
        return True
    # a name not known by itself is capitalised: "the last safety net" is a subtitle
    return not strict and not _LOWER_WORD.search(seg) and bool(_SITE.fullmatch(seg))


def is_site_name(segment: str) -> bool:
    """Is the segment a site's name or domain ("chinadaily.com.cn", "Hunan Daily")?

    >>> is_site_name("chinadaily.com.cn"), is_site_name("the last safety net")
    (True, False)
    """
    return _is_site(segment)


def split_site(title: str) -> tuple[str, str, str] | None:
    """Split a headline into (site prefix, clean title, site suffix); None if it has none.

    The site parts keep their separators, so ``prefix + title + suffix == headline``.

    >>> split_site("Make returning migrant workers a force-Xinhua")
    ('', 'Make returning migrant workers a force', '-Xinhua')
    >>> split_site("第十三届省茶博会开幕 - 视点头条 - 湖南日报网 - 华声在线")
    ('', '第十三届省茶博会开幕', ' - 视点头条 - 湖南日报网 - 华声在线')
    >>> split_site("Sino-US trade talks - what comes next") is None
    True
    >>> split_site("Promote industrial projects-Hunan Daily News - 华声在线")
    ('', 'Promote industrial projects', '-Hunan Daily News - 华声在线')
    >>> split_site("Minimum living allowance - the last safety net") is None
    True
    >>> split_site("智慧养老——让老人乐享互联网") is None
    True
    >>> split_site("兜底保障——织密社会救助网"), split_site("Love Breakfast - A Warm Safety Net")
    (None, None)
    """
    if not _SEP_CHARS.search(title):
        return None  # no separator and no hyphen: nothing can be cut
    seps = list(_SEP.finditer(title))
    bounds = [0] + [x for m in seps for x in (m.start(), m.end())] + [len(title)]
    segments = [(bounds[i], bounds[i + 1]) for i in range(0, len(bounds), 2)]
    start, end = 0, len(segments)
    # suffix: the last segment must be a site; sections may sit between title and site
    if end > 1 and _is_site(title[slice(*segments[-1])]):
        end -= 1
        while end > 1 and (_is_site(title[slice(*segments[end - 1])])
                           or _SECTION.fullmatch(title[slice(*segments[end - 1])].strip())):
            end -= 1
    # prefix: a site name before the headline ("越南人民报网 - ..."), and sections after
    # it ("Joke Collection Website - Bulletin headlines - ...")
    while end - start > 1 and _is_site(title[slice(*segments[start])]):
        start += 1
    while 0 < start and end - start > 1 and \
            _SECTION.fullmatch(title[slice(*segments[start])].strip()):
        start += 1
    cut_start = segments[start][0]
    cut_end = segments[end - 1][1]
    # a site glued with a bare hyphen to the last remaining segment
    if end == len(segments):
        body = title[cut_start:cut_end]
        tight = list(_TIGHT.finditer(body))
        if tight:
            m = tight[-1]
            if _is_site(body[m.end():], strict=True) and len(body[:m.start()].split()) >= 1 \
                    and len(body[:m.start()].strip()) >= 4:
                cut_end = cut_start + m.start()
    if cut_start == 0 and cut_end == len(title):
        return None
    clean = title[cut_start:cut_end]
    if len(clean.strip()) < 4 or (clean.isascii() and len(clean.split()) < 2):
        return None  # what is left would be no headline
    inner = split_site(clean)  # "...-新华网-新华网": cut until nothing is left to cut
    if inner is not None:
        return title[:cut_start] + inner[0], inner[1], inner[2] + title[cut_end:]
    return title[:cut_start], clean, title[cut_end:]


def site_name(prefix: str, suffix: str) -> str:
    """The site named by the parts :func:`split_site` cut off, separators removed.

    >>> site_name("", " - Hunan Daily Online - 华声在线")
    'Hunan Daily Online - 华声在线'
    """
    parts = [p.strip() for p in _SEP.split(prefix + " - " + suffix) if p and p.strip()]
    parts = [regex.sub(r"\A(?:-{1,2}|[–—_])\s*|\s*(?:-{1,2}|[–—_])\Z", "", p) for p in parts]
    return " - ".join(p for p in parts if p)


# a breadcrumb before the headline: "Home > News > Headline", "首页>新闻>..."
# a breadcrumb's label; a bare "Location:" labels one only before "Home"
_CRUMB_LABEL = (r"(?:(?:Your\s+)?current\s+(?:location|position)|Your\s+(?:location|position)|"
                r"You\s+are\s+here|当前位置|您的位置|您现在的位置|所在位置)\s*[:：]\s*")
_HOME_LABEL = r"(?:" + _CRUMB_LABEL + r"|(?:Location|Position)\s*[:：]\s*)"
_BREADCRUMB_PREFIX = regex.compile(
    r"\A" + _HOME_LABEL + r"?(?:(?:Home(?:page)?|首页)\s*"
    r"(?:[>›»]{1,2}\s*[^>›»]{1,40}?\s*)*[>›»]{1,2}\s*)", _I)


def split_breadcrumb(title: str) -> tuple[str, str] | None:
    """Split a breadcrumb trail off a headline: (trail, headline), or None.

    >>> split_breadcrumb("Home > News > Charity law training opens")
    ('Home > News > ', 'Charity law training opens')
    """
    m = _BREADCRUMB_PREFIX.match(title)
    if not m or len(title[m.end():].strip()) < 4:
        return None
    return title[:m.end()], title[m.end():]


# --- page chrome ------------------------------------------------------------------------

# what a QR code is scanned to do when it is content: apply, fill in, pay, book, register
_TO_APPLY = "申请|办理|填写|缴|预约|登记|报名|领取"
_FOOTER_LINK = (r"(?:Web\s*)?site\s*map|Website\s+map|Contact\s+us|About\s+us|Privacy(?:\s+(?:statement|"
                r"policy|notice))?|Disclaimer|Legal\s+(?:notice|statement)|Copyright\s+(?:notice|"
                r"statement)|Terms\s+of\s+(?:use|service)|Help|Feedback|Accessibility|"
                r"Home(?:page)?|网站地图|联系我们|关于我们|隐私(?:声明|政策)|免责声明|法律声明|"
                r"版权声明|使用帮助|帮助|意见反馈|网站声明")
_COUNTER_LABEL = (r"(?:Total|Today'?s|Yesterday'?s|This\s+month'?s)\s+(?:visits|visitors|views|"
                  r"page\s*views|hits)|Visits\s+today|Number\s+of\s+visitors|Visitors|"
                  r"(?:总|今日|本日|昨日)?(?:访问量|访问人次|访问人数|浏览量)|访客(?:数)?")
_ACCOUNT_LABEL = (r"WeChat(?:\s+(?:public|official))?(?:\s+account)?|Official\s+WeChat|Weibo|"
                  r"(?:Official\s+)?Weibo\s+account|微信公众号|官方微信|微信|官方微博|微博|抖音|"
                  r"Douyin|TikTok")
_CHROME_PATTERNS = (
    # font switchers and print/mail/comment links
    r"[【\[]?\s*(?:Fonts?|Font\s+size|Text\s+size|字号|字体)\s*[:：]?\s*[】\]]?"
    r"(?:\s*[【\[]?\s*(?:Small|Medium|Middle|Big|Large|Default|大|中|小|默认)?\s*[】\]]?)*",
    r"(?:Adjust|Change)\s+(?:the\s+)?font\s+size\s*[:：]?.{0,30}",
    r"(?:Fonts?|Font\s+size|Text\s+size|字号)\s*[:：]?(?:\s*A[+-]?){1,4}",  # "Font size: A+ A A-"
    r"(?:[【\[]\s*(?:Large|Medium|Middle|Small|Big|Default|大|中|小)\s*[】\]]\s*){2,}",
    # a row of page controls: "Print | Close | Share", "Add to favorites", "Top"
    r"(?:(?:Print|Close|Share|Collect|Favorites?|Bookmark|Save|E-?mail|Top|Back|Return)"
    r"(?:\s+(?:this\s+)?(?:page|article|window))?\s*[|/｜／]\s*){1,5}"
    r"(?:Print|Close|Share|Collect|Favorites?|Bookmark|Save|E-?mail|Top|Back|Return)"
    r"(?:\s+(?:this\s+)?(?:page|article|window))?",
    r"(?:Add\s+to\s+)?(?:Favorites?|Bookmarks?)|Top|Back|(?:Return|Back)\s+to\s+(?:the\s+)?"
    r"(?:list|home(?:page)?|index|top)|返回列表|返回首页",
    r"[【\[(（]\s*(?:Back\s+to\s+top|Return\s+to\s+top|Return\s+to\s+list|Back)\s*[】\])）]",
    r"Comments?\s*[(（]\s*\d+\s*[)）]|评论\s*[(（]\s*\d+\s*[)）]",
    r"[(（]\s*(?:End|The\s+end|完|全文完)\s*[)）]",
    # the share buttons' labels in a row: "WeChat Weibo QQ Space"
    r"(?:WeChat|Weibo|QQ\s*(?:Space|Zone)?|Qzone|Douban|Facebook|Twitter|LinkedIn|微信|微博|"
    r"QQ空间|豆瓣)(?:\s*[,/|、，]?\s*(?:WeChat|Weibo|QQ\s*(?:Space|Zone)?|Qzone|Douban|Facebook|"
    r"Twitter|LinkedIn|微信|微博|QQ空间|豆瓣|Friends?|Moments)){1,8}",
    # (tags, or keywords in a list: "Keywords: Common Prosperity" heads a section)
    r"(?:Tags?|标签)\s*[:：].{0,100}",
    r"(?:Keywords?|关键词|关键字)\s*[:：]\s*[^,，、;；|]{1,40}(?:\s*[,，、;；|]\s*[^,，、;；|]{1,40}){1,8}",
    r"Welcome\s+to\s+(?:visit\s+)?(?:the\s+)?(?:official\s+)?(?:website|web\s+site|site|"
    r"portal)\b.{0,80}",
    r"Scan\s+(?:the\s+)?(?:QR\s+)?code\s+to\s+(?:read|view|open|share|follow|browse)\b.{0,40}",
    r"\d+\s*Comments?(?:\(s\))?\s*(?:Print\s*)?(?:E-?mail)?",
    r"(?:[【\[]\s*(?:Print(?:\s+this\s+page)?|Close(?:\s+(?:this\s+)?(?:window|page))?|Collect"
    r"|(?:Add\s+to\s+)?(?:Favorites|Bookmarks?)|Back\s+to\s+top|Return\s+to\s+top|Top|Back|E-?mail|Share|打印(?:本页|此页)?"
    r"|关闭(?:窗口|本页)?|收藏(?:本页)?|返回顶部|返回|分享"
    # (a font switcher among them: "【Font：Large Medium Small】 【Print】 【Close】")
    r"|(?:Fonts?|Font\s+size|Text\s+size|字号|字体)\s*[:：]?(?:\s*(?:Large|Medium|Middle|Small|"
    r"Big|Default|大|中|小))*)\s*[】\]]\s*)+",
    r"(?:Print(?:\s+this\s+(?:page|article))?|Close(?:\s+(?:this\s+)?(?:window|page))?"
    r"|Back\s+to\s+top|Return\s+to\s+top|Go\s+back)"
    r"(?:\s*[|/｜／]\s*|\s{2,}|\s+(?=Close|Back|Return))"
    r"(?:Print(?:\s+this\s+(?:page|article))?|Close(?:\s+(?:this\s+)?(?:window|page))?"
    r"|Back\s+to\s+top)(?:\s*[|/｜／]\s*(?:Print|Close(?:\s+window)?|Back\s+to\s+top))*",
    r"(?:Print(?:\s+this\s+(?:page|article))?|Close(?:\s+(?:this\s+)?(?:window|page))?"
    r"|Back\s+to\s+top|Return\s+to\s+top|Go\s+back)",
    # links to the articles before and after, and their heading
    r"(?:Previous|Next)(?:\s+(?:article|post|page|item|story))?\s*[:：].{0,100}",
    r"(?:上一篇|下一篇|上一条|下一条)\s*[:：].{0,100}",
    r"(?:Related\s+(?:news|articles?|reading|links|stories|content)|相关(?:新闻|阅读|链接|文章))"
    r"\s*[:：]?",
    # the footer: copyright, the ICP licence, who runs the site
    # (a copyright line, not a sentence on copyright: a mark or a year after the word)
    r"(?:Copyright\s*(?:©|\(c\)|\d{4}|[:：])|Copyright\s+(?:reserved|owned)\b|©|"
    r"\(c\)\s*\d{4}).{0,150}",
    # (who runs the site, in the footer with its address or licence: an event notice's
    # organisers, 主办单位：湖南省民政厅, are content)
    # (a site's sponsor with its address or post code; an event's organiser, 承办单位,
    # only with a licence, a copyright, or an address with the phone: a notice's
    # organiser with its phone number is content, 主办单位 or 承办单位)
    r"(?:主办单位|主办|技术支持|维护单位|Sponsored\s+by|Hosted\s+by|Technical\s+support)\s*[:：]"
    r"(?=.{0,140}(?:地址|邮编|ICP|版权|网站标识码|备案|Copyright|©|Address|Post\s*code)).{0,140}",
    r"(?:承办单位|承办)\s*[:：](?=.{0,140}(?:ICP|版权|网站标识码|备案|Copyright|©|"
    r"(?:地址|Address).{0,80}(?:电话|Tel)|(?:电话|Tel).{0,80}(?:地址|Address))).{0,140}",
    # sharing and following
    r"Share(?:\s+(?:to|on|this(?:\s+article)?))?\s*[:：](?:\s*[\w.+]+){0,8}",
    r"Share\s+(?:to|on)\s+(?:WeChat|Weibo|QQ|Qzone|Facebook|Twitter|LinkedIn|Douban)"
    r"(?:\s*[,/|，／｜]?\s*[\w.+]+){0,6}",
    # (the account is what is followed: "follow the instructions on the bureau's WeChat
    # official account to apply" is content)
    r".{0,40}(?:follow|subscribe\s+to)\s+(?:us|our|the|this)\b(?:\s+[\w'’-]+){0,3}?\s*"
    r"(?:official\s+account|public\s+account|WeChat|Weibo|account|subscription).{0,40}",
    # (a QR code to share, follow or open the page: one to apply for a subsidy is content)
    r"(?:Scan|Long\s+press).{0,40}QR\s+code\s+(?:below|above)\s+(?:to|and)\s+follow\b.{0,60}",
    r"(?:Scan|Long\s+press).{0,40}QR\s+code(?:\s*(?:to|and)\s+(?:share|follow|open|read|view|"
    r"browse|visit|download|subscribe|enter|add|watch)\b.{0,50}|\s*(?:on|with|in|via)\s+"
    r"(?:WeChat|Weibo|(?:your\s+)?mobile|(?:your\s+)?phone).{0,40})?\s*[.!]?",
    # (to share, follow or open the page; one to apply for an allowance is content)
    r"(?:扫一扫|扫描|长按)(?:(?!" + _TO_APPLY + r")[^。；]){0,14}(?:分享|关注|打开|在手机|手机|"
    r"阅读|浏览|下载|公众号)(?:(?!" + _TO_APPLY + r")[^。；]){0,20}",
    r".{0,20}SMS\s+subscription.{0,60}",
    # the links of a WeChat article's page: "Click \"Read the original\" to learn more",
    # "Scan and share to mobile phone"
    r"Click\s+(?:on\s+)?[\"“']?\s*(?:Read\s+(?:the\s+)?original(?:\s+text)?|阅读原文)\s*[\"”']?"
    r"(?:\s+(?:to|for)\b.{0,40})?|(?:点击)?阅读原文",
    r"Scan\s+(?:and|to)\s+share(?:\s+(?:to|on|with)\s+(?:your\s+)?(?:mobile(?:\s+phone)?|phone|"
    r"WeChat|friends|Moments))?",
    r"(?:Post|Add|Leave|Write)\s+(?:a|your)\s+comments?(?:\s+(?:here|below))?\s*[:：.!]?"
    r"|(?:Your\s+)?Comments?\s*[:：]?",
    r"(?:Subscribe|Sign\s+up|Log\s*in|Register)(?:\s*[|/｜／]\s*(?:Subscribe|Sign\s+up|Log\s*in"
    r"|Register))*\s*[:：]?",
    # "click to correct the error", mobile station
    r".{0,10}Click\s*[【\[]?\s*I\s+want\s+to\s+correct\s+(?:the\s+)?error\s*[】\]]?.{0,40}",
    # (纠错 alone or as a control: 建立健全容错纠错机制 is a policy's heading)
    r".{0,12}(?:我要|点此|点击)纠错.{0,10}|[【\[(（]?\s*(?:网站|页面|点击|信息)?纠错\s*[】\])）]?"
    r"|纠错(?:邮箱|电话|热线|信箱)\s*[:：].{0,60}",
    r"Swipe\s+to\s+enter\s+the\s+mobile\s+(?:station|version|site).{0,10}",
    r"(?:Enter|Go\s+to)\s+the\s+mobile\s+(?:station|version|site).{0,10}",
    # Chinese UI labels left in English pages
    r"(?:当前位置|您的位置|您现在的位置|地址|邮编|官网|网址|电话|传真|邮箱|分享到)\s*[:：].{0,80}",
    r"(?:字号|打印|关闭|扫一扫|分享到)(?:\s*[\[【(（]?\s*[大中小]?\s*[\]】)）]?)*",
    # a Chinese page's own controls in a row: "打印本页 关闭窗口", "【收藏】 【返回顶部】"
    r"(?:[【\[]?\s*(?:打印(?:本页|此页|文章)?|关闭(?:窗口|本页)?|收藏(?:本页)?|返回(?:顶部|列表|首页)?|"
    r"分享|字号|纠错)\s*[】\]]?\s*[|｜/]?\s*){2,6}",
    # the footer's links in a row ("Website map | Contact us | Privacy statement")
    r"(?:" + _FOOTER_LINK + r")(?:\s*[|｜/]\s*(?:" + _FOOTER_LINK + r")){2,8}",
    # the site's technical support, a company ("Technical support: Xiamen Information
    # Group Co., Ltd."; an event's, "Technical support: Tencent Foundation", is content)
    r"(?:Technical\s+support|技术支持)\s*[:：][^.。;；]{1,80}?(?:Co\.,?\s*Ltd|Company|Inc|"
    r"Corporation|公司)\.?",
    # the browser and screen the site is best viewed with, its visitor counters
    r"(?:(?:It\s+is\s+)?(?:Best|Recommended\s+to\s+be)\s+viewed|Recommended\s+(?:browser|"
    r"resolution))\b(?=.{0,60}(?:browser|IE\s*\d|Internet\s+Explorer|Chrome|Firefox|"
    r"resolution|\d{3,4}\s*[*×xX]\s*\d{3,4})).{0,100}",
    r"(?:建议|推荐)(?:您)?(?:使用|采用).{0,40}(?:浏览器|分辨率).{0,40}|最佳(?:浏览效果|分辨率).{0,60}",
    r"(?:" + _COUNTER_LABEL + r")\s*[:：]?\s*[\d,]+\s*(?:times|人次|次)?"
    r"(?:\s*[|｜,，;；]?\s*(?:" + _COUNTER_LABEL + r")\s*[:：]?\s*[\d,]+\s*(?:times|人次|次)?){0,3}",
    r"You\s+are\s+(?:the\s+)?(?:No\.\s*)?[\d,]+(?:st|nd|rd|th)?\s+visitors?\b.{0,30}",
    r"您是(?:本站|本网站|本网)?(?:的)?第\s*[\d,]+\s*(?:位|个|名)(?:访问者|访客|来访者|浏览者).{0,10}",
    # the site's accounts in a row ("WeChat public account: ... | Weibo: @民政部发布")
    r"(?:" + _ACCOUNT_LABEL + r")\s*[:：]\s*[^|｜]{1,40}(?:\s*[|｜]\s*(?:" + _ACCOUNT_LABEL +
    r")\s*[:：]\s*[^|｜]{1,40}){1,4}",
    # trailing stubs of city-government pages
    r"Please\s+(?:refer\s+to|indicate\s+the\s+source)\s+when\s+(?:using|reprinting).{0,60}",
    # breadcrumb lines ("Home > News", "Location: Home >> News", "HOME / NEWS / LOCAL")
    # (with bars or slashes, two of them after Home: "Home/community elderly care" and
    # "Home | Elderly care at home" are headings; 首页 is one however written)
    _HOME_LABEL + r"?(?:Home(?:page)?|首页)"
    r"(?:\s*[>›»]{1,2}\s*[^\s>›»]+(?:\s+[^\s>›»]+){0,3}){1,6}",
    _HOME_LABEL + r"?(?:Home(?:page)?)"
    r"(?:\s*[|/｜]\s*[^\s|/｜]+(?:\s+[^\s|/｜]+){0,3}){2,6}",
    _HOME_LABEL + r"?首页(?:\s*[|/｜]\s*[^\s|/｜]+(?:\s+[^\s|/｜]+){0,3}){1,6}",
    _CRUMB_LABEL + r".{0,120}",
)
# the page's own controls at the end of a line ("【Fonts:Small Big】", "Font size: large
# medium small", "[Print this page]", "| Print | Close"): a metadata line's value and a
# repeated headline end before them ("Close to 200 volunteers joined" in the middle of a
# line is prose)
TRAILING_CONTROLS = regex.compile(
    r"(?:\s*[|｜/]?\s*(?:[【\[][^】\]]{0,30}[】\]]|(?i:Fonts?|Font\s+size|Text\s+size|字号|字体)"
    r"\s*[:：]?(?:\s*(?i:small|medium|middle|big|large|default|大|中|小))*|"
    r"(?i:Print(?:\s+this\s+page)?|Close(?:\s+(?:this\s+)?window)?|Share(?:\s+to)?\s*[:：]?|"
    r"Back\s+to\s+top)|打印|关闭|分享到?\s*[:：]?))+\s*\Z")

# one alternation: a line matches it whole exactly when it matches one pattern whole, and
# one call costs less than a call per pattern
_CHROME = regex.compile("|".join(f"(?:{p})" for p in _CHROME_PATTERNS), _I)
# footer lines with their mark anywhere: searched only in a line that holds one of
# _FOOTER_MARKS (an opening wildcard tried on every line cost a third of the chrome test)
_FOOTER = regex.compile(
    r".{0,40}版权所有(?![人者权]).{0,100}|.{0,120}All\s+rights\s+reserved\.?|"
    r".{0,60}(?:ICP\s*(?:No\.?|备|证|License|licen[cs]e)|公网安备|网站标识码).{0,60}", _I)
_FOOTER_MARKS = ("版权所有", "ights", "ICP", "公网安备", "网站标识码")  # (Rights too)
MAX_CHROME_CHARS = 160
_SENTENCE_ENDS = frozenset(".!?。！？")
# chrome that may end in a full stop
_CALL_TO_ACTION = regex.compile(
    r"(?:Please|Follow|Scan|Long\s+press|Welcome\s+to\s+(?:follow|visit|the)|.{0,20}SMS|"
    r"You\s+are\s+(?:the\s+)?(?:No\.\s*)?[\d,]+|"
    r"Technical\s+support\s*[:：][^.。;；]{1,80}?(?:Co\.,?\s*Ltd|Company|Inc|Corporation)\.\Z|"
    r"Copyright\s*(?:©|\(c\)|\d{4})|©|.{0,120}All\s+rights\s+reserved)", _I)
_ZH_UI_LABEL = regex.compile(r"\A(?:当前位置|您的位置|您现在的位置|字号|地址|邮编|官网|网址|电话|传真|邮箱)")
_ZH_CONTACT_LABEL = regex.compile(r"\A(?:地址|邮编|官网|网址|电话|传真|邮箱)")


# the site's notice on the text's standing: a machine translation whose Chinese
# prevails, a reprint that the site removes on request ("Disclaimer: The English version
# is machine-translated ...", "声明：本文转载自...如有侵权请联系删除")
_SITE_NOTICE = regex.compile(
    r"[【\[(（]?\s*(?:Disclaimer|Statement|Declaration|Special\s+(?:statement|note)|Note|"
    r"Copyright\s+notice|免责声明|特别声明|版权声明|声明)\s*[】\])）]?\s*[:：]", _I)
# (the machine translation's notice; a reprint's, with its offer to take the text down:
# a news "Note:" on figures reprinted from a yearbook, or a foundation's statement on
# infringement, is content)
_SITE_NOTICE_WORDS = regex.compile(
    # (a text machine-translated, not news on machine translation; the Chinese text
    # prevailing over a translation, not over an agreement's English text)
    r"machine[- ]translated|translated\s+by\s+(?:a\s+)?machine|automatic(?:ally)?\s+translated|"
    r"machine\s+translation\b.{0,80}(?:for\s+reference|inaccura|errors?\b)|"
    r"(?:translat|English\s+version|reference).{0,200}(?:Chinese|original)\s+(?:version|text)\s+"
    r"shall\s+prevail|以中文(?:版本?)?为准|机器翻译|"
    r"(?:reproduced|reprinted|transferred)\s+from.{0,160}(?:contact\s+us|delet|remov)|"
    r"(?:转载|转自).{0,80}(?:联系|删除)", _I)
_SITE_NOTICE_OPENERS = frozenset("DSNCdsnc免特版声【[(（")
MAX_SITE_NOTICE_CHARS = 400


def is_zh_ui_label(text: str) -> bool:
    """Does the line open with a Chinese UI label (当前位置, 地址, 电话 ...)?"""
    return bool(_ZH_UI_LABEL.match(text.strip()))


def is_chrome(text: str, lang: str = "en") -> bool:
    """Is this line page chrome (font switcher, share or print links, UI labels)?

    Chinese UI labels count only on English pages, where they cannot be content.

    >>> is_chrome("【Fonts:Small Big"), is_chrome("0 Comment(s)Print E-mail")
    (True, True)
    >>> is_chrome("Share the joy of reading with your children.")
    False
    """
    t = text.strip()
    if t[:1] in _SITE_NOTICE_OPENERS and len(t) <= MAX_SITE_NOTICE_CHARS and \
            _SITE_NOTICE.match(t) and _SITE_NOTICE_WORDS.search(t):
        return True
    if not t or len(t) > MAX_CHROME_CHARS:
        return False
    if lang != "en" and _ZH_CONTACT_LABEL.match(t):
        return False  # (a Chinese page's address or telephone is content; its breadcrumb not)
    if t[-1] in _SENTENCE_ENDS and not _CALL_TO_ACTION.match(t):
        return False
    if any(mark in t for mark in _FOOTER_MARKS) and _FOOTER.fullmatch(t):
        return True
    return bool(_CHROME.fullmatch(t))


# --- captions and image file names -----------------------------------------------------------

_IMG = r"[\w\-.()（） ]{0,60}?\.(?:jpe?g|png|gif|webp|bmp|tiff?)(?:\s*\(\d+\))?"
_IMAGE_FILE = regex.compile(rf"(?:{_IMG})+", _I)
_IMAGE_EXT = regex.compile(r"\.(?:jpe?g|png|gif|webp|bmp|tiff?)\b", _I)
MAX_IMAGE_LINE_CHARS = 300
_CREDIT = regex.compile(
    r"\(?\s*(?:Photos?|Pictures?|Images?|Photographs?)\s*(?:by|/|credit|courtesy\s+of)\s*[:：]?"
    r"\s*[^.!?]{1,60}\)?"
    r"|\(?\s*(?:Xinhua|Imaginechina|IC|CFP|VCG|China\s+Daily|Visual\s+China)\s*/\s*[^.!?]{1,40}\)?"
    r"|Ti\s+Gong|Imaginechina|图片来源\s*[:：].{0,40}|\(?\s*(?:摄影|图)\s*[:：/].{0,30}\)?"
    # Chinese credits: "（新华社记者 王鹏 摄）", "新华社记者 王鹏 摄", and a caption before
    # one: "图为活动现场。（新华社记者 王鹏 摄）"
    r"|(?:图为[^。！？\n]{1,80}[。.]?\s*)?[（(]\s*[^（）()\n]{0,24}?\s*摄\s*[）)]"
    r"|(?:图为[^。！？\n]{1,80}[。.]?\s*)?(?:新华社)?记者\s*[\p{Han}·、\s]{2,20}?\s*摄"
    # "图为表彰大会现场。李贺 摄": a caption, then its photographer's name
    r"|图为[^。！？\n]{1,80}[。.]\s*[\p{Han}·]{2,6}(?:[、，\s]+[\p{Han}·]{2,6}){0,2}\s+摄"
    r"|图为[^。！？\n]{1,80}[。.]?", _I)


# the ASCII characters a caption can open with (a partial match tells, so the set follows
# the patterns): any other ASCII first character settles a line without them
_CAPTION_ASCII_STARTS = frozenset(
    c for c in map(chr, range(128))
    if _CREDIT.fullmatch(c, partial=True) or IMAGE_LEAD.match(c, partial=True))


# the CJK letters (U+4E00-U+9FFF) a caption can open with: those that open the Chinese
# credits (图, 摄影, 新华社记者, 记者); a Chinese line opening with another is no caption
# (a test tries every letter of the range)
_CAPTION_HAN_STARTS = frozenset("图摄新记")


_NAME_CREDIT = regex.compile(r"[\p{Han}·]{2,6}(?:[、，\s]+[\p{Han}·]{2,6}){0,2}\s+摄")


def is_image_file_name(text: str) -> bool:
    """Is the line nothing but image file names (``640.webp (15).jpg``)?

    >>> is_image_file_name("640.webp (15).jpg"), is_image_file_name("See photo.jpg below.")
    (True, False)
    """
    t = text.strip()
    # cheap tests first: the pattern backtracks over a long paragraph
    if len(t) > MAX_IMAGE_LINE_CHARS or "." not in t or not _IMAGE_EXT.search(t):
        return False
    return bool(_IMAGE_FILE.fullmatch(t))


# a short line that ends in its photographer's credit, after its own full stop
_CREDIT_AFTER = regex.compile(r"[。.]\s*[（(]?\s*(?:新华社记者|本报记者|记者|通讯员)?\s*"
                              r"[\p{Han}·]{2,6}(?:[、，\s]+[\p{Han}·]{2,6}){0,2}\s*摄\s*[)）]?\Z")
MAX_CAPTION_CHARS = 80


def is_caption(text: str) -> bool:
    """Is the line a photo caption or credit (an image file name and its caption, or a
    credit such as ``Ti Gong`` or ``(Xinhua/Li Ming)``)?

    >>> is_caption("Ti Gong"), is_caption("20200812.jpg Volunteers at the site")
    (True, True)
    >>> is_caption("Photos by volunteers were shown at the meeting, which ended at noon.")
    False
    >>> is_caption("图为表彰大会现场。新华社记者 李贺 摄"), is_caption("图为表彰大会现场。李贺 摄")
    (True, True)
    >>> is_caption("开幕式现场。 李健 摄"), is_caption("开幕式现场。（新华社记者 王冠森 摄）")
    (True, True)
    """
    t = text.strip()
    if t.endswith("摄") and _NAME_CREDIT.fullmatch(t):  # "马铭言 摄": a name, then 摄
        return True
    if t[-1:] in "摄）)" and len(t) <= MAX_CAPTION_CHARS and _CREDIT_AFTER.search(t):
        return True  # "开幕式现场。 李健 摄", "开幕式现场。（新华社记者 李贺 摄）"
    first = t[:1]
    if first.isascii():
        if first not in _CAPTION_ASCII_STARTS:
            return False
    elif "\u4e00" <= first <= "\u9fff" and first not in _CAPTION_HAN_STARTS:
        return False
    return bool(_CREDIT.fullmatch(t) or IMAGE_LEAD.match(t))

