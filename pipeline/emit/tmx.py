"""TMX 1.4b: one translation unit per aligned sentence pair.

The output is byte-identical across runs: the only date is the item's own publication
date (``meta.date``), written as the unit's ``creationdate``; the header carries none.
Characters that XML 1.0 forbids (C0 controls other than tab and newline, lone
surrogates, U+FFFE/U+FFFF) are removed from the segment and recorded in a ``<note>``
of the unit, so the file is well-formed for any input. A sentence pair whose two sides
are one text (English pasted on the Chinese side, a code such as ``COVID-19``) makes no
unit: a translation memory would offer it as a translation.
"""
from __future__ import annotations

from typing import Iterable
from xml.sax.saxutils import escape, quoteattr

import regex

from .. import __version__
from ..records import Item
from ..stages.align import sentence_pairs
from ..stages.crosscheck import same_text
from ..stages.months import is_date

SRCLANG = "zh"
_TAG = regex.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")
_FORBIDDEN = regex.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\p{Cs}]")
_WORDLIKE = regex.compile(r"[\p{L}\p{N}]")
_HAN = regex.compile(r"\p{Han}")
_LETTER = regex.compile(r"\p{L}")
# characters that an XML parser reads back as others unless written as references: a
# carriage return becomes a line feed, and in an id (a property's value) any line break
# or tab must come back as it was, to find the item again
_CR = {"\r": "&#13;"}
_BREAKS = {"\r": "&#13;", "\n": "&#10;", "\t": "&#9;"}
_LANGS = {"zh": ("Chinese", ("zh", "zho", "chi"), "zh, zh-CN, zh-TW, zh-Hans"),
          "en": ("English", ("en", "eng"), "en, en-US, en-GB")}


def language_tag(tag: str, lang: str) -> str:
    """``tag`` if it is a language tag (BCP 47 form) for ``lang``, else ValueError: a
    translation memory's tools match units by these tags, and some want a region
    (``zh-CN``, ``zh-TW``, ``en-GB``), which the text alone does not tell.

    >>> language_tag("zh-CN", "zh"), language_tag("zh-Hant-TW", "zh"), language_tag("EN-gb", "en")
    ('zh-CN', 'zh-Hant-TW', 'EN-gb')
    >>> language_tag("en-US", "zh")
    Traceback (most recent call last):
    ValueError: 'en-US' is not a language tag for Chinese (zh, zh-CN, zh-TW, zh-Hans, ...)
    """
    name, primaries, examples = _LANGS[lang]
    if _TAG.fullmatch(tag) is None or tag.split("-")[0].lower() not in primaries:
        raise ValueError(f"{tag!r} is not a language tag for {name} ({examples}, ...)")
    return tag


def clean_xml_text(text: str) -> tuple[str, list[str]]:
    """Text without the characters XML 1.0 forbids, and the code points removed.

    >>> clean_xml_text("a\\x07b\\x0bc")
    ('abc', ['U+0007', 'U+000B'])
    """
    removed = [f"U+{ord(c):04X}" for c in _FORBIDDEN.findall(text)]
    return (_FORBIDDEN.sub("", text), removed) if removed else (text, [])


def wrong_language(zh: str, en: str) -> bool:
    """Is one side of a pair in the other's language: a Chinese side without a Chinese
    character, or an English side mostly Chinese? A translation memory would file it
    under the wrong language.

    >>> wrong_language("The ministry met on Friday.", "The ministry held a meeting.")
    True
    >>> wrong_language("民政部星期五开会。", "民政部星期五在北京开会讨论养老问题。")
    True
    >>> wrong_language("会议讨论了COVID-19。", "The meeting discussed COVID-19.")
    False
    """
    if not _HAN.search(zh):
        return True
    han = len(_HAN.findall(en))
    return han > 0 and 2 * han > len(_LETTER.findall(en))


def _tmx_date(iso: str | None) -> str | None:
    """A record's ISO date as TMX writes it; None for no date or one that is none
    (``2022-99-99`` in a record edited by hand).

    >>> _tmx_date("2022-08-17"), _tmx_date("2022-02-30"), _tmx_date("2022-99-99")
    ('20220817T000000Z', None, None)
    """
    m = regex.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso) if isinstance(iso, str) else None
    if m is None or not is_date(int(m[2]), int(m[3]), int(m[1])):
        return None
    return f"{m[1]}{m[2]}{m[3]}T000000Z"


def _attr(value: str) -> str:
    return quoteattr(clean_xml_text(value)[0])


def render_units(item: Item, zh_lang: str = SRCLANG, en_lang: str = "en") -> Iterable[str]:
    """The ``<tu>`` elements of one item, one per aligned sentence pair; ``zh_lang`` and
    ``en_lang`` are the ``xml:lang`` of the two sides (see :func:`language_tag`)."""
    date = _tmx_date(item.meta_dict.get("date"))
    item_id = clean_xml_text(item.id)[0]
    for index, block in enumerate(item.blocks):
        if not (block.zh and block.en):
            continue
        for number, (zh, en, kind, score) in enumerate(sentence_pairs(block), 1):
            if same_text(zh, en):
                continue  # a text paired with itself is no translation to remember
            zh, zh_removed = clean_xml_text(zh)
            en, en_removed = clean_xml_text(en)
            if not (_WORDLIKE.search(zh) and _WORDLIKE.search(en)):
                continue  # ("—" with "…", or a side left empty: nothing to remember)
            if wrong_language(zh, en):
                continue  # English on the Chinese side, or Chinese on the English side
            head = f'    <tu srclang="{zh_lang}"' + (f' creationdate="{date}"' if date else "")
            lines = [head + ">"]
            removed = zh_removed + en_removed
            if removed:
                lines.append(f"      <note>removed characters XML forbids: "
                             f"{' '.join(removed)}</note>")
            lines += [
                f'      <prop type="x-item-id">{escape(item_id, _BREAKS)}</prop>',
                f'      <prop type="x-block">{index}</prop>',
                f'      <prop type="x-align-type">{escape(str(kind))}</prop>',
                f'      <prop type="x-align-score">{score:.3f}</prop>',
                f'      <tuv xml:lang="{zh_lang}"><seg>{escape(zh, _CR)}</seg></tuv>',
                f'      <tuv xml:lang="{en_lang}"><seg>{escape(en, _CR)}</seg></tuv>',
                "    </tu>",
            ]
            yield "\n".join(lines) + "\n"


def render_tmx(items: Iterable[Item], zh_lang: str = SRCLANG, en_lang: str = "en") -> str:
    """A whole TMX document (``zh_lang``, ``en_lang``: as for :func:`render_units`).

    >>> from pipeline.runner import SourceText, clean_sources
    >>> item = clean_sources("n1", [SourceText("a", "会议举行。", lang="zh"),
    ...                             SourceText("b", "The meeting was held.", lang="en")])
    >>> print(render_tmx([item]).split("<body>")[1])
    <BLANKLINE>
        <tu srclang="zh">
          <prop type="x-item-id">n1</prop>
          <prop type="x-block">0</prop>
          <prop type="x-align-type">1-1</prop>
          <prop type="x-align-score">0.918</prop>
          <tuv xml:lang="zh"><seg>会议举行。</seg></tuv>
          <tuv xml:lang="en"><seg>The meeting was held.</seg></tuv>
        </tu>
      </body>
    </tmx>
    <BLANKLINE>
    """
    zh_lang, en_lang = language_tag(zh_lang, "zh"), language_tag(en_lang, "en")
    parts = [
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<tmx version="1.4">\n',
        f'  <header creationtool="mtclean" creationtoolversion={_attr(__version__)} '
        f'segtype="sentence" o-tmf="mtclean-jsonl" adminlang="en" srclang="{zh_lang}" '
        'datatype="plaintext"/>\n',
        "  <body>\n",
    ]
    for item in items:
        parts.extend(render_units(item, zh_lang, en_lang))
    parts.append("  </body>\n</tmx>\n")
    return "".join(parts)
