"""An HTML review report: what an editor reads to trust or undo what mtclean did.

One self-contained page (no script, no outside file) for any number of items. For each
item: its metadata, then every block in order with its kind and language, the Chinese
and English side by side (with the sentence pairs of a block that has several, folded),
the checks that fired on it and every edit made to it (rule id, text before, text
after). Blocks that the cleaned text leaves out (metadata,
boilerplate, a repeated headline) are shown greyed, as the record keeps them. A summary
at the top counts edits per rule and checks per severity, with a link to each item.

Everything from the data is escaped; the page is the same bytes for the same items.
"""
from __future__ import annotations

import io
import json
import shutil
import tempfile
from collections import Counter
from html import escape
from typing import BinaryIO, Iterable

from .. import __version__
from ..records import SEVERITIES, Block, Check, Edit, Item
from ..stages.align import sentence_pairs
from .markdown import SHOWN

_STYLE = """
body{font:15px/1.5 system-ui,sans-serif;margin:2em auto;max-width:72em;padding:0 1em;color:#222}
h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2.5em;border-bottom:1px solid #ccc}
table{border-collapse:collapse}td,th{padding:.15em .6em;vertical-align:top;text-align:left}
.summary td,.summary th,.meta td,.meta th{border-bottom:1px solid #eee}
ol.blocks{list-style:none;padding:0}
li.block{border-left:4px solid #7aa7d8;margin:.8em 0;padding:.3em .8em}
li.block.kind-title,li.block.kind-heading{border-color:#2f6db5}
li.block.hidden{border-color:#ccc;color:#888}
.head{font-size:.8em;color:#666}
.sides{display:flex;gap:1.5em}.sides>div{flex:1}
.kind-title .sides,.kind-heading .sides{font-weight:600}
ul.checks{margin:.3em 0;padding-left:1.2em;font-size:.9em}
.sev-critical,.sev-major{color:#b00020}.sev-minor{color:#8a5a00}.sev-info{color:#555}
table.edits{font-size:.85em;margin:.3em 0}
del{background:#fdd;text-decoration:line-through}ins{background:#dfd;text-decoration:none}
.mark{color:#888;font-size:.85em}
details{font-size:.85em;margin:.3em 0}table.pairs td{border-bottom:1px solid #eee}
"""
_WHITE = {" ": "\u2423", "\n": "\u21b5", "\t": "\u21e5"}  # shown as ␣ ↵ ⇥


def _visible(text: str) -> str:
    """Escaped text with line breaks, invisible characters and the spaces that could
    be the change (at either end, or more than one) made visible, for before and after
    of an edit: a removed space can be the whole change.

    >>> _visible("Lao\\u00a0Niu <b>")
    'Lao<span class="mark">U+00A0</span>Niu &lt;b&gt;'
    >>> _visible(" Views  0")
    '\u2423Views\u2423\u24230'
    """
    out = []
    last = len(text) - 1
    for i, char in enumerate(text):
        if char == " " and 0 < i < last and text[i - 1] != " " and text[i + 1] != " ":
            out.append(" ")
        elif char in _WHITE:
            out.append(_WHITE[char])
        elif not char.isprintable() or (char.isspace() and char != " "):
            out.append(f'<span class="mark">U+{ord(char):04X}</span>')
        else:
            out.append(escape(char))
    return "".join(out)


def _text(text: str | None) -> str:
    return "" if text is None else escape(text).replace("\n", "<br>")


def _title(item: Item) -> str:
    """The item's title as HTML: its title block's text, else its id, shown as an id is
    everywhere in the report (invisible characters named, in its own direction)."""
    for block in item.blocks:
        if block.kind == "title" and (block.en or block.zh):
            return escape(block.en or block.zh or "")
    return f"<bdi>{_visible(item.id)}</bdi>"


def _check_row(check: Check) -> str:
    where = f" ({escape(check.lang)})" if check.lang else ""
    return (f'<li class="sev-{escape(check.severity)}">{escape(check.severity)}: '
            f'<code>{escape(check.check)}</code>{where} {escape(check.message)}</li>')


def _edit_row(edit: Edit) -> str:
    entry = f" ({escape(edit.entry)})" if edit.entry else ""
    return (f"<tr><td><code>{escape(edit.rule)}</code>{entry}</td><td>{escape(edit.lang)}</td>"
            f"<td><del>{_visible(edit.before)}</del></td>"
            f"<td><ins>{_visible(edit.after)}</ins></td></tr>")


def _block(item_no: int, index: int, block: Block, checks: list[Check],
           edits: list[Edit]) -> str:
    hidden = block.kind not in SHOWN
    align = dict(block.align)
    paired = (f", aligned {escape(str(align['type']))} score {escape(str(align['score']))}"
              if block.zh and block.en and "score" in align else "")
    note = ", not in the cleaned text (kept in the record)" if hidden else ""
    parts = [f'<li class="block kind-{escape(block.kind)}{" hidden" if hidden else ""}" '
             f'id="item-{item_no}-block-{index}">',
             f'<div class="head">#{index} {escape(block.kind)} ({escape(block.lang)})'
             f'{paired}{note}</div><div class="sides">']
    for lang in ("zh", "en"):
        text = block.text(lang)
        if text is not None:
            parts.append(f'<div lang="{lang}">{_text(text)}</div>')
    parts.append("</div>")
    pairs = sentence_pairs(block) if block.zh and block.en else []
    if len(pairs) > 1:  # one pair is the block itself
        rows = "".join(f'<tr><td lang="zh">{escape(zh)}</td><td lang="en">{escape(en)}</td>'
                       f"<td>{escape(str(kind))} {escape(str(score))}</td></tr>"
                       for zh, en, kind, score in pairs)
        parts.append(f"<details><summary>{len(pairs)} sentence pairs</summary>"
                     f'<table class="pairs">{rows}</table></details>')
    if checks:
        parts.append('<ul class="checks">' + "".join(map(_check_row, checks)) + "</ul>")
    if edits:
        parts.append('<table class="edits">' + "".join(map(_edit_row, edits)) + "</table>")
    parts.append("</li>")
    return "".join(parts)


def render_item(item: Item, item_no: int) -> str:
    """One item's section of the report."""
    checks: dict[int, list[Check]] = {}
    for c in item.checks:
        checks.setdefault(c.block, []).append(c)
    edits: dict[int, list[Edit]] = {}
    for e in item.edits:
        edits.setdefault(e.block, []).append(e)
    meta = "".join(f"<tr><th>{escape(str(k))}</th><td>{escape(str(v))}</td></tr>"
                   for k, v in item.meta if v is not None)
    # (a name's or an id's direction marks and controls shown, not obeyed: a U+202E
    # in a file name would reorder the line)
    sources = ", ".join(f"<bdi>{_visible(s.name)}</bdi>" for s in item.sources)
    parts = [f'<section class="item" id="item-{item_no}">',
             f"<h2>{_title(item)}</h2>",
             f"<p>id <code><bdi>{_visible(item.id)}</bdi></code>"
             f"{' from ' + sources if sources else ''}: {len(item.blocks)} blocks, "
             f"{len(item.edits)} edits, {len(item.checks)} checks</p>"]
    if meta:
        parts.append(f'<table class="meta">{meta}</table>')
    if item.fields:  # the input record's other fields, as JSON
        rows = "".join(f"<tr><th><bdi>{_visible(str(k))}</bdi></th><td><bdi>"
                       f"{_visible(json.dumps(v, ensure_ascii=False))}</bdi></td></tr>"
                       for k, v in item.fields)
        parts.append(f'<table class="meta fields"><caption>fields</caption>{rows}</table>')
    parts.append('<ol class="blocks">')
    for index, block in enumerate(item.blocks):
        parts.append(_block(item_no, index, block, checks.get(index, []),
                            edits.get(index, [])))
    # (a check or edit always names a block of its item; any other is still shown)
    stray = [c for c in item.checks if not 0 <= c.block < len(item.blocks)]
    stray_edits = [e for e in item.edits if not 0 <= e.block < len(item.blocks)]
    parts.append("</ol>")
    if stray:
        parts.append('<ul class="checks">' + "".join(map(_check_row, stray)) + "</ul>")
    if stray_edits:
        parts.append('<table class="edits">' + "".join(map(_edit_row, stray_edits))
                     + "</table>")
    parts.append("</section>")
    return "".join(parts)


def render_html(items: Iterable[Item], title: str = "mtclean review") -> str:
    """The whole report for ``items``.

    >>> from pipeline.runner import clean_text
    >>> page = render_html([clean_text("Title\\n\\nLao\\u00a0Niu met.", "a")])
    >>> "<code>repair.nbsp</code>" in page and page.startswith("<!DOCTYPE html>")
    True
    """
    out = io.BytesIO()
    write_html(items, out, title)
    return out.getvalue().decode("utf-8")


def write_html(items: Iterable[Item], out: BinaryIO, title: str = "mtclean review") -> None:
    """Write the report for ``items`` to ``out`` (UTF-8), reading them once: the items'
    sections wait in a temporary file (in memory while small) until the summary above
    them is known, so a corpus of any size is reviewed in flat memory."""
    index: list[str] = []  # a line per item (the sections are the bulk)
    rules: Counter = Counter()
    severities: Counter = Counter()
    sections = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)
    with sections:
        for n, item in enumerate(items):
            sections.write(render_item(item, n).encode("utf-8", "backslashreplace"))
            _tally(item, n, index, rules, severities)
        out.write(_head(title, len(index), rules, severities, index).encode(
            "utf-8", "backslashreplace"))
        sections.seek(0)
        shutil.copyfileobj(sections, out)
    out.write(b"</body></html>\n")


SPOOL_BYTES = 16 << 20


def _tally(item: Item, n: int, index: list[str], rules: Counter, severities: Counter) -> None:
    """Count an item's edits and checks, and add its line to the index."""
    rules.update(e.rule for e in item.edits)
    severities.update(c.severity for c in item.checks)
    index.append(f'<li><a href="#item-{n}">{_title(item)}</a> '
                 f"({len(item.edits)} edits, {len(item.checks)} checks)</li>")


def _head(title: str, items: int, rules: Counter, severities: Counter,
          index: list[str]) -> str:
    """The page up to the first item: title, counts, the edits per rule, the index."""
    by_rule = "".join(f"<tr><td><code>{escape(rule)}</code></td><td>{count}</td></tr>"
                      for rule, count in sorted(rules.items()))
    by_severity = ", ".join(f"{severities[s]} {s}" for s in SEVERITIES if severities[s])
    head = (f'<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
            f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
            f"<h1>{escape(title)}</h1>"
            f"<p>{items} items, {sum(rules.values())} edits, "
            f"{sum(severities.values())} checks{': ' + by_severity if by_severity else ''}. "
            f"Made by mtclean {escape(__version__)}; <code>mtclean restore</code> on the "
            f"JSON Lines output gives back the input.</p>")
    summary = (f'<table class="summary"><tr><th>rule</th><th>edits</th></tr>{by_rule}</table>'
               if by_rule else "")
    return head + summary + "<ol>" + "".join(index) + "</ol>"
