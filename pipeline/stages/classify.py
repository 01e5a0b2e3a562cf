"""Stage: classify every block as title, meta, heading, paragraph, caption or boilerplate,
and parse metadata lines into fields.

Classification decides; it changes no text. Metadata and boilerplate blocks stay in the
item with their kind, so nothing is lost; emitters leave them out of reading formats.
"""
from __future__ import annotations

from dataclasses import replace

import regex

from ..records import Block, Item

# --- metadata -------------------------------------------------------------------------

_MONTHS = {m: i for i, m in enumerate(
    "jan feb mar apr may jun jul aug sep oct nov dec".split(), 1)}
_C = r"\s*[:：]\s*"
_META_LABELS = {
    "date": r"DATA|Date|Published|Release\s+date|Time|日期|时间|发布时间|发布日期",
    "views": r"Views|Hits|Clicks|Reads|浏览次数|浏览量|阅读|点击",
    "source": r"Source|来源|稿件来源|信息来源",
    "author": r"Author|Written\s+by|作者|撰稿",
    "editor": r"(?:Responsib(?:le|ility)\s+)?Editors?(?:\s+in\s+charge)?|责任编辑|编辑|责编",
    "translator": r"Translator|Translated\s+by|译者|翻译",
    "original_title": r"Original\s+Language\s+Title",
    "chinese_source": r"Chinese\s+source",
    "reviewer": r"Reviewer|Proofread(?:er|\s+by)|审核|校对",
    "photographer": r"Photo(?:graph(?:y|er))?(?:\s+by)?|摄影|图片",
}
_LABEL = regex.compile(
    r"(?:^|(?<=\s)|(?<=\d))(?P<label>" + "|".join(
        f"(?P<{k}>{v})" for k, v in _META_LABELS.items()) + r")" + _C,
    regex.IGNORECASE | regex.VERSION1)
_ISO_DATE = regex.compile(r"(?<!\d)(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?!\d)")
_DMY_DATE = regex.compile(
    r"(?<!\d)(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?,?\s+(\d{4})",
    regex.IGNORECASE)
_MDY_DATE = regex.compile(
    r"\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})",
    regex.IGNORECASE)
_TIME = regex.compile(r"(?<![\d:])([01]?\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?(?![\d:])")
_DATETIME_LINE = regex.compile(
    r"\A\s*(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{4}年\d{1,2}月\d{1,2}日|"
    r"\d{1,2}\s+[A-Za-z]{3,9}\.?,?\s+\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?")


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
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        elif order == "dmy":
            d, mo, y = int(m.group(1)), _MONTHS[m.group(2).lower()[:3]], int(m.group(3))
        else:
            mo, d, y = _MONTHS[m.group(1).lower()[:3]], int(m.group(2)), int(m.group(3))
        if 1 <= mo <= 12 and 1 <= d <= 31 and 1900 <= y <= 2100:
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
    labels = list(_LABEL.finditer(text))
    lead = _DATETIME_LINE.match(text)
    if not labels and not lead:
        return None
    if lead and not labels and len(text.strip()) > lead.end() + 3:
        return None
    # a label must open the line or follow a date/another label: prose that mentions
    # "source:" mid-sentence is not metadata
    first = labels[0].start() if labels else len(text)
    prefix = text[:first].strip()
    if prefix and not (lead and lead.end() >= len(text[:first].rstrip())):
        return None
    fields: dict[str, str] = {}
    if lead:
        d = iso_date(lead.group(0))
        if d:
            fields["date"] = d
        t = _TIME.search(lead.group(0))
        if t:
            fields["time"] = t.group(0)
    for i, m in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        value = text[m.end():end].strip(" \t,;|/，；")
        key = next(k for k in _META_LABELS if m.group(k) is not None)
        if key == "date":
            d = iso_date(value)
            if d:
                fields["date"] = d
            t = _TIME.search(value)
            if t:
                fields["time"] = t.group(0)
            if not d and not t and value:
                fields["date_text"] = value
        elif key == "views":
            num = regex.match(r"\d[\d,]*", value)
            if num:
                fields["views"] = num.group(0).replace(",", "")
        else:
            fields[key] = value
    # words between labels that are too long are prose, not a metadata line
    if any(len(v) > 120 for v in fields.values()):
        return None
    return fields


# --- structure ------------------------------------------------------------------------

# with the full-width marks that repair turns into these: classification runs before
# repair and must decide as it will on the repaired text
_CLOSING_EN = tuple(".!?:;\"”’)…。！？：；）》")
_CLOSING_ZH = tuple("。！？：；”’）…")
MAX_HEADING_CHARS_EN = 90
MAX_HEADING_CHARS_ZH = 36
MAX_TITLE_CHARS = 250


def _headingish(text: str, lang: str) -> bool:
    t = text.strip()
    if not t:
        return False
    if lang == "zh":
        return len(t) <= MAX_HEADING_CHARS_ZH and not t.endswith(_CLOSING_ZH)
    return (len(t) <= MAX_HEADING_CHARS_EN and len(t.split()) <= 12
            and not t.endswith(_CLOSING_EN) and t[0].isupper() or t[:1].isdigit()
            and len(t) <= MAX_HEADING_CHARS_EN and not t.endswith(_CLOSING_EN))


def _text(block: Block) -> str:
    return block.en if block.en is not None else (block.zh or "")


def classify_item(item: Item, extra=None) -> Item:
    """Give every block its kind and collect metadata fields into ``item.meta``.

    ``extra`` is an optional function ``(item, kinds) -> kinds`` that later rules use to
    mark boilerplate, captions and duplicates.
    """
    blocks = item.blocks
    kinds: list[str] = []
    meta: dict[str, str] = {}
    for block in blocks:
        fields = parse_meta(_text(block))
        if fields is not None:
            kinds.append("meta")
            for k, v in fields.items():
                meta.setdefault(k, v)
        else:
            kinds.append("")
    if extra is not None:
        kinds = list(extra(item, tuple(kinds)))
    title_done = False
    body_seen = False  # a paragraph or heading before i: a flag, not a rescan per block
    for i, block in enumerate(blocks):
        if i and kinds[i - 1] in ("paragraph", "heading"):
            body_seen = True
        if kinds[i]:
            continue
        text = _text(block)
        lang = "zh" if block.en is None else "en"
        md_level = max((o.mark.count("#") for o in (block.en_origin, block.zh_origin) if o),
                       default=0)
        if md_level == 1 or (md_level == 0 and not title_done and len(text) <= MAX_TITLE_CHARS
                             and not body_seen):
            kinds[i] = "title" if not title_done else "heading"
            title_done = True
            continue
        if md_level >= 2:
            kinds[i] = "heading"
            continue
        nxt = next((j for j in range(i + 1, len(blocks)) if kinds[j] != "meta"), None)
        if _headingish(text, lang) and nxt is not None and not _headingish(
                _text(blocks[nxt]), "zh" if blocks[nxt].en is None else "en"):
            kinds[i] = "heading"
        else:
            kinds[i] = "paragraph"
    new_blocks = tuple(replace(b, kind=k) for b, k in zip(blocks, kinds))
    merged = dict(item.meta)
    for k, v in meta.items():
        merged.setdefault(k, v)
    return replace(item, blocks=new_blocks, meta=tuple(merged.items()))
