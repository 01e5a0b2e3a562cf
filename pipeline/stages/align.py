"""Stage: align the Chinese and the English side of an item.

One banded dynamic programme over "beads" (:mod:`pipeline.stages.beads`) aligns
sentences. A bead's cost is Gale and Church's: the English length is expected to be
``c`` times the Chinese length, ``c`` estimated from the item itself, and the deviation
is scored as a normal variable; shared anchors (numbers, dates, Latin words of the
Chinese text, and any extractor registered with
:func:`pipeline.stages.anchors.register_anchor`) lower it.

Blocks: the sentences of the whole item are aligned with block boundaries as
constraints (a bead stays inside one block of each side), and the bead sequence is cut
wherever both sides are at a block boundary. Each piece is a group of blocks that
translate each other and becomes one bilingual block, so paragraphs split or joined
differently in the two languages still pair up (1-1, 1-2, 2-1, or more); a block with
nothing on the other side stays monolingual (1-0, 0-1). Two source files (or JSON Lines
``zh``/``en``) are aligned as two sequences; a single file holding both languages is
aligned by adjacency: neighbours pair up, block with block, never crossing (where two
blocks of each language meet, the lengths decide which of them pair).

Sentences: after the repairs, the sentences of each bilingual block are aligned again
on the final text; the pairs, with their type and score, go into ``Block.align``.

Nothing is lost: blocks of one side joined into one keep the first block's origin, and
each join (the next block's blank lines and marker, replaced by a space, or by nothing
in Chinese) is an edit ``align.merge_blocks`` that restore undoes.
"""
from __future__ import annotations

from collections import deque
from typing import Any, Sequence

import regex

from ..records import Block, Edit, Item, evolve
from ..registry import structural
from .beads import (ALIGNED_KINDS, Bead, Layout, Unit, align_units, bead_cost,
                    estimate_ratio, group_cost, make_units, null_cost, visible_length)
from .classify import (MAX_HEADING_CHARS_EN, MAX_HEADING_CHARS_ZH, MAX_TITLE_CHARS,
                       SITE_SUFFIX, merged_kind, move_site_out_of_title)
from .sentences import sentences_of

MERGE_BLOCKS = structural(
    "align.merge_blocks",
    "Join two blocks of one side that translate one block of the other side (1-2, 2-1).")

TRIM_MARGIN = 2.0
WEAK_SCORE = 0.01
MIN_INTERLEAVED_BLOCKS = 2
MIN_SIDE_SHARE = 0.5  # a one-file item aligns only when both languages are this present
MAX_RUN_SEARCH = 4  # runs of one language this long or shorter are paired by a search


# --- blocks -------------------------------------------------------------------------------

def _units(text: str, lang: str, kind: str) -> list[Unit]:
    sentences = sentences_of(text, lang)
    if lang == "zh" and ("；" in text or "：" in text):
        sentences = [c for s in sentences for c in _clauses(s)]
    return make_units(sentences, lang, kind)


# where a Chinese notice's sentence lists its items, which its English often sets as
# paragraphs of their own: after each "；", and after a "：" that opens a numbered list
# ("项目如下：（一）新建...；（二）建设...。")
_CLAUSE_END = regex.compile(r"(?<=；)|(?<=：)(?=[（(][一二三四五六七八九十\d]{1,3}[)）]|"
                            r"[一二三四五六七八九十]{1,3}、|\d{1,2}[.、．]|[①-⑳])")


def _clauses(sentence: str) -> list[str]:
    """A Chinese sentence cut into its list's items for block alignment (a block of one
    sentence may pair with as many English blocks as its items).

    >>> _clauses("项目如下：（一）新建服务站50个；（二）建设儿童之家30个。")
    ['项目如下：', '（一）新建服务站50个；', '（二）建设儿童之家30个。']
    """
    if ("；" not in sentence and "：" not in sentence) or not _LIST_MARK.search(sentence):
        return [sentence]  # (a news sentence's "；" parts clauses its English keeps together)
    return [c for c in _CLAUSE_END.split(sentence) if c]


_LIST_MARK = regex.compile(r"[（(][一二三四五六七八九十\d]{1,3}[)）]|(?<![\d\p{Han}])\d{1,2}[、．]|"
                           r"(?<![\p{Han}])[一二三四五六七八九十]{1,3}、|[①-⑳]")


def _alignable(block: Block) -> str | None:
    if block.kind not in ALIGNED_KINDS or len(block.sides) != 1:
        return None
    side = block.sides[0]
    return side if (block.text(side) or "").strip() else None


def _runs(item: Item, indexes: list[int]) -> list[tuple[str | None, list[int]]]:
    """Maximal runs of blocks of one language, in document order."""
    runs: list[tuple[str | None, list[int]]] = []
    for i in sorted(indexes):
        side = _alignable(item.blocks[i])
        if runs and runs[-1][0] == side:
            runs[-1][1].append(i)
        else:
            runs.append((side, [i]))
    return runs


def _interleaved(item: Item, zh_idx: list[int], en_idx: list[int]) -> bool:
    """Does a one-file item alternate between the languages, as bilingual pages do?

    Both languages need a fair share of the blocks, and at least two blocks each in
    alternating runs: a stray Chinese line in an English page is not a translation pair.
    """
    fewer = min(len(zh_idx), len(en_idx))
    if fewer < MIN_INTERLEAVED_BLOCKS or fewer < MIN_SIDE_SHARE * max(len(zh_idx),
                                                                      len(en_idx)):
        return False
    return len(_runs(item, zh_idx + en_idx)) >= 2 * MIN_INTERLEAVED_BLOCKS


def _adjacent_pairs(runs, lead: str, match=None) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    """Pairs of an interleaved file: each run of the ``lead`` language with the run that
    follows it, block by block from where the two runs meet (the block just before the
    other language is its translation); blocks left over stay alone, in order.

    Where both runs hold two blocks or more, where they meet says little (a block with
    no translation on either side of a pair, or a page that gives two paragraphs and
    then their translations), so ``match``, given the two runs as (Chinese, English),
    picks the pairs (see :func:`_run_pairs`); runs longer than
    ``MAX_RUN_SEARCH`` (a whole text, then its translation) pair from where they meet,
    keeping the cost linear."""
    start = 0 if runs[0][0] == lead else 1
    out: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    if start:
        out.extend(_alone(runs[0]))
    k = start
    while k < len(runs):
        first = runs[k][1]
        second = runs[k + 1][1] if k + 1 < len(runs) else []
        k += 2
        if match is not None and 1 < len(first) <= MAX_RUN_SEARCH and \
                1 < len(second) <= MAX_RUN_SEARCH:
            out.extend(match(*((first, second) if lead == "zh" else (second, first))))
            continue
        c = min(len(first), len(second))
        out.extend(_alone((lead, first[:len(first) - c])))
        out.extend(((a,), (b,)) if lead == "zh" else ((b,), (a,))
                   for a, b in zip(first[len(first) - c:], second[:c]))
        out.extend(_alone(("en" if lead == "zh" else "zh", second[c:])))
    return out


def _run_pairs(zs: list[int], es: list[int], pair_cost, alone_cost):
    """The cheapest monotone pairing of a run of Chinese blocks with a run of English
    ones, block with block or alone, never joining; in page order, each side's blocks
    in theirs (of equal costs: a pair, then Chinese alone, then English alone).

    >>> _run_pairs([0, 1], [2, 3], lambda z, e: 1.0 if (z, e) == (1, 2) else 9.0,
    ...            lambda lang, i: 2.0)
    [((0,), ()), ((1,), (2,)), ((), (3,))]
    """
    n, m = len(zs), len(es)
    zalone = [alone_cost("zh", z) for z in zs]
    ealone = [alone_cost("en", e) for e in es]
    cost = [[0.0] * (m + 1) for _ in range(n + 1)]
    step = [[-1] * (m + 1) for _ in range(n + 1)]
    for j in range(1, m + 1):
        cost[0][j], step[0][j] = cost[0][j - 1] + ealone[j - 1], 2
    for i in range(1, n + 1):
        row, above = cost[i], cost[i - 1]
        row[0], step[i][0] = above[0] + zalone[i - 1], 1
        for j in range(1, m + 1):
            best, how = above[j - 1] + pair_cost(zs[i - 1], es[j - 1]), 0
            c = above[j] + zalone[i - 1]
            if c < best:
                best, how = c, 1
            c = row[j - 1] + ealone[j - 1]
            if c < best:
                best, how = c, 2
            row[j], step[i][j] = best, how
    steps: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    i, j = n, m
    while i or j:
        how = step[i][j]
        if how == 0:
            steps.append(((zs[i - 1],), (es[j - 1],)))
            i, j = i - 1, j - 1
        elif how == 1:
            steps.append(((zs[i - 1],), ()))
            i -= 1
        else:
            steps.append(((), (es[j - 1],)))
            j -= 1
    return steps[::-1]


def _alone(run) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    side, idx = run
    return [((i,), ()) if side == "zh" else ((), (i,)) for i in idx]


def _sequence(item: Item, idx: list[int], lang: str, kinds: dict[int, str]):
    """Sentence units of the blocks ``idx``, their layout, and each unit's block.
    Blocks that are not neighbours in the item are never joined."""
    units: list[Unit] = []
    owner: list[int] = []
    bounds = {0}
    barriers = set()
    for k, i in enumerate(idx):
        if k and idx[k - 1] != i - 1:
            barriers.add(len(units))
        block_units = _units(item.blocks[i].text(lang) or "", lang, kinds[i])
        units.extend(block_units)
        owner.extend([i] * len(block_units))
        bounds.add(len(units))
    return units, Layout(frozenset(bounds), frozenset(barriers)), owner


def _by_block(units: list[Unit], owner: list[int], idx: list[int]) -> dict[int, list[Unit]]:
    """Each block's units, in order."""
    out: dict[int, list[Unit]] = {i: [] for i in idx}
    for u, o in zip(units, owner):
        out[o].append(u)
    return out


def plan_alignment(item: Item) -> list[tuple[tuple[int, ...], tuple[int, ...], float]]:
    """Groups of block indexes ``(zh blocks, en blocks, score)`` that translate each
    other, found by aligning the sentences of the whole item; empty when the item is not
    bilingual."""
    sides = [_alignable(b) for b in item.blocks]
    zh_idx = [i for i, side in enumerate(sides) if side == "zh"]
    en_idx = [i for i, side in enumerate(sides) if side == "en"]
    if not zh_idx or not en_idx:
        return []
    docs = {_doc_of(item.blocks[i]) for i in zh_idx + en_idx}
    ratio = estimate_ratio([visible_length(item.blocks[i].zh or "") for i in zh_idx],
                           [visible_length(item.blocks[i].en or "") for i in en_idx])
    if len(docs) == 1 and not _interleaved(item, zh_idx, en_idx):
        # a few lines of the other language in a one-language document, but for a
        # headline given in both: the Markdown of an item with one pair is just that
        return _title_pair(item, zh_idx, en_idx, ratio)
    kinds = {i: item.blocks[i].kind for i in zh_idx + en_idx}
    if len(docs) > 1 and any(b.kind == "title" for b in item.blocks):
        # classification sees one title per item: the other file's first block is its title
        for idx in (zh_idx, en_idx):
            b = item.blocks[idx[0]]
            if len(b.text(b.sides[0]) or "") <= MAX_TITLE_CHARS:
                kinds[idx[0]] = "title"
    if len(docs) == 1:
        plan, cost = _plan_interleaved(item, zh_idx + en_idx, kinds, ratio)
        paired = _pairs_ratio(item, plan, ratio)
        if paired is not None:  # (as for two files, below)
            again, again_cost = _plan_interleaved(item, zh_idx + en_idx, kinds, paired)
            if again_cost < cost:
                plan = again
        return plan
    zu, zl, zown = _sequence(item, zh_idx, "zh", kinds)
    eu, el, eown = _sequence(item, en_idx, "en", kinds)
    beads = align_units(zu, eu, ratio, zh_layout=zl, en_layout=el, kind_cost=True)
    paired = _paired_ratio(beads, zu, eu, ratio)
    if paired is not None:
        # text left out on one side makes the whole-item ratio wrong, and a wrong ratio
        # shifts pairs towards the gap: the pairs found tell the item's own ratio, and
        # the alignment that costs less under its ratio is taken
        again = align_units(zu, eu, paired, zh_layout=zl, en_layout=el, kind_cost=True)
        if _path_cost(again, zu, eu, paired) < _path_cost(beads, zu, eu, ratio):
            beads, ratio = again, paired
    sizes = {i: block_size(us, "zh", ratio) for i, us in _by_block(zu, zown, zh_idx).items()}
    sizes.update({i: block_size(us, "en", ratio)
                  for i, us in _by_block(eu, eown, en_idx).items()})
    plan = []
    for group in _block_groups(beads, zl, el, zown, eown):
        plan.extend(_trim_group(group, sizes, ratio))
    plan = _fill_gaps(plan, lambda zs, es: _pair_cost(
        [u for i in zs for u in zh_units_of(item, i, kinds)],
        [u for i in es for u in en_units_of(item, i, kinds)], ratio),
        lambda i: null_cost(sizes[i]))
    return _english_first_in_gaps(plan)


MIN_RATIO_UNIT = 10  # Chinese characters of a sentence whose pair tells the ratio
RATIO_CHANGE = 0.1  # a ratio this much further off is worth a second search
MIN_RATIO_PAIRS = 3


def _paired_ratio(beads: list[Bead], zu: list[Unit], eu: list[Unit],
                  ratio: float) -> float | None:
    """The English-to-Chinese length ratio of the 1-1 sentence pairs found, when some
    units found no counterpart and it differs from ``ratio`` by more than
    :data:`RATIO_CHANGE`; else None. The median, so that the pairs a wrong ratio shifted
    do not decide it.

    >>> u = lambda n: Unit(n, frozenset())
    >>> zu, eu = [u(20), u(20), u(20), u(30)], [u(100), u(100), u(100)]
    >>> beads = [Bead((0,), (0,), 1.0), Bead((1,), (1,), 1.0), Bead((2,), (2,), 1.0),
    ...          Bead((3,), (), 0.0)]
    >>> _paired_ratio(beads, zu, eu, 3.8), _paired_ratio(beads, zu, eu, 4.8)
    (5.0, None)
    """
    if all(b.zh and b.en for b in beads):
        return None
    ratios = sorted(eu[b.en[0]].length / zu[b.zh[0]].length for b in beads
                    if len(b.zh) == len(b.en) == 1 and zu[b.zh[0]].length >= MIN_RATIO_UNIT)
    if len(ratios) < MIN_RATIO_PAIRS:
        return None
    mid = len(ratios) // 2
    median = ratios[mid] if len(ratios) % 2 else (ratios[mid - 1] + ratios[mid]) / 2
    median = min(max(median, 1.5), 8.0)
    return median if abs(median - ratio) > RATIO_CHANGE * ratio else None


def _pairs_ratio(item: Item, plan, ratio: float) -> float | None:
    """:func:`_paired_ratio` of an interleaved file's block pairs."""
    zu = [Unit(visible_length(item.blocks[zs[0]].zh or ""), frozenset()) for zs, es, _ in plan
          if len(zs) == len(es) == 1]
    eu = [Unit(visible_length(item.blocks[es[0]].en or ""), frozenset()) for zs, es, _ in plan
          if len(zs) == len(es) == 1]
    beads = [Bead((k,), (k,), 0.0) for k in range(len(zu))]
    if len(zu) == len(plan):
        return None
    return _paired_ratio(beads + [Bead((), (), 0.0)], zu, eu, ratio)


def _path_cost(beads: list[Bead], zu: list[Unit], eu: list[Unit], ratio: float) -> float:
    """What a bead sequence costs under ``ratio``: its pairs as the search costs them,
    and what is left out as whole blocks are (:func:`null_cost`)."""
    total = 0.0
    for b in beads:
        if b.zh and b.en:
            total += bead_cost([zu[i] for i in b.zh], [eu[j] for j in b.en], ratio, True)[0]
        else:
            total += null_cost(block_size([zu[i] for i in b.zh], "zh", ratio) if b.zh
                               else block_size([eu[j] for j in b.en], "en", ratio))
    return total


def _title_pair(item: Item, zh_idx: list[int], en_idx: list[int], ratio: float):
    """The plan of a one-file item that is not interleaved: its Chinese title and its
    English title, when it has one of each and nothing to align comes between them, as
    one pair (the rest alone, in order); else nothing pairs. A page has two titles only
    when one is marked "# " (see classify), as in the Markdown of an item with one pair,
    whose metadata lines are left out."""
    zt = [i for i in zh_idx if item.blocks[i].kind == "title"]
    et = [i for i in en_idx if item.blocks[i].kind == "title"]
    if len(zt) != 1 or len(et) != 1:
        return []
    order = sorted(zh_idx + en_idx)
    if abs(order.index(zt[0]) - order.index(et[0])) != 1:
        return []
    z, e = zt[0], et[0]
    score = _pair_cost(_units(item.blocks[z].zh or "", "zh", "title"),
                       _units(item.blocks[e].en or "", "en", "title"), ratio)[1]
    plan: list = [((z,), (e,), score)]
    plan += [((i,), (), 0.0) for i in zh_idx if i != z]
    plan += [((), (i,), 0.0) for i in en_idx if i != e]
    return sorted(plan, key=lambda entry: min(entry[0] + entry[1]))


def _fill_gaps(plan, pair_cost, alone_cost):
    """Pair the two blocks of a gap between two pairs that holds one block of each
    language, when their lengths fit better paired than apart: the sentence search can
    leave a long, loosely translated paragraph out on both sides, which a second clean
    (the paragraph now one block a side) then pairs differently."""
    out = list(plan)
    k = 1
    while k + 2 < len(out):
        before, a, b, after = out[k - 1], out[k], out[k + 1], out[k + 2]
        lone = [e for e in (a, b) if not (e[0] and e[1])]
        if before[0] and before[1] and after[0] and after[1] and len(lone) == 2 and \
                bool(a[0]) != bool(b[0]):
            zs, es = (a[0], b[1]) if a[0] else (b[0], a[1])
            cost, score = pair_cost(zs, es)
            if cost < alone_cost(zs[0]) + alone_cost(es[0]):
                out[k:k + 2] = [(zs, es, score)]
        k += 1
    return out


def _english_first_in_gaps(plan):
    """In each run of blocks with no counterpart between two pairs, the English ones
    first, each file's blocks in their order. Written zh-first, a Chinese block with no
    translation followed by an English block with no original would read as one more
    pair when the item's Markdown is cleaned again (neighbours pair on an interleaved
    page); English-first, they read as they are.

    >>> _english_first_in_gaps([((0,), (5,), 1.0), ((1,), (), 0.0), ((), (6,), 0.0),
    ...                         ((2,), (7,), 1.0)])
    [((0,), (5,), 1.0), ((), (6,), 0.0), ((1,), (), 0.0), ((2,), (7,), 1.0)]
    """
    out: list = []
    gap: list = []
    for entry in plan + [None]:
        if entry is not None and not (entry[0] and entry[1]):
            gap.append(entry)
            continue
        out.extend(e for e in gap if not e[0])
        out.extend(e for e in gap if e[0])
        gap = []
        if entry is not None:
            out.append(entry)
    return out


def _plan_interleaved(item: Item, indexes: list[int], kinds, ratio: float):
    """An interleaved file pairs neighbours, block with block, never crossing and never
    joining (joined blocks would make its Markdown read back differently). Whether
    Chinese or English comes first is the reading that pairs more blocks, then the one
    that fits the lengths better, so a stray line at the top does not shift every
    pair."""
    runs = _runs(item, indexes)

    # each block's size and whole unit, and each pair's cost, are worked out once per
    # text (a block's kind changes none of them): pages repeat lines, and the readings
    # and the run search weigh the same blocks again
    sizes: dict[tuple[str, str], float] = {}
    wholes: dict[tuple[str, str], Unit] = {}
    costs: dict[tuple[str, str], tuple[float, float]] = {}

    def text(lang: str, i: int) -> str:
        return item.blocks[i].text(lang) or ""

    def units(lang: str, i: int) -> list[Unit]:
        return zh_units_of(item, i, kinds) if lang == "zh" else en_units_of(item, i, kinds)

    def size(lang: str, i: int) -> float:
        key = (lang, text(lang, i))
        known = sizes.get(key)
        if known is None:
            known = sizes[key] = block_size(units(lang, i), lang, ratio)
        return known

    def whole(lang: str, i: int) -> Unit:
        key = (lang, text(lang, i))
        known = wholes.get(key)
        if known is None:
            known = wholes[key] = _whole(units(lang, i), lang)
        return known

    def pair_cost(z: int, e: int) -> tuple[float, float]:
        key = (text("zh", z), text("en", e))
        known = costs.get(key)
        if known is None:
            known = costs[key] = bead_cost([whole("zh", z)], [whole("en", e)], ratio, False)
        return known

    def alone_cost(lang: str, i: int) -> float:
        return null_cost(size(lang, i))

    def match(zs: list[int], es: list[int]):
        return _run_pairs(zs, es, lambda z, e: pair_cost(z, e)[0], alone_cost)

    best = None
    for lead in ("zh", "en"):
        plan = []
        total = 0.0
        for zs, es in _adjacent_pairs(runs, lead, match):
            if zs and es:
                cost, score = pair_cost(zs[0], es[0])
                # a pair adjacency forced on the reading weighs no more than its two
                # blocks alone: one cut-short translation must not tip it
                cost = min(cost, alone_cost("zh", zs[0]) + alone_cost("en", es[0]))
            else:
                cost, score = null_cost(size("zh", zs[0]) if zs else size("en", es[0])), 0.0
            plan.append((zs, es, score))
            total += cost
        key = (-sum(1 for zs, es, _ in plan if zs and es), total)
        if best is None or key < best[0]:
            best = (key, plan)
    assert best is not None  # (two readings were weighed)
    return best[1], best[0][1]


def _trim_group(group, sizes, ratio: float):
    """Split off a block at either end of a group when the lengths of the blocks say it
    has no counterpart: sentences of a left-out paragraph can otherwise be spread over
    its neighbour's translation. Returns the group and the blocks split off, in order."""
    zs, es, score = group
    before: list = []
    after: list = []
    while len(zs) + len(es) >= 3:
        best = group_cost(zs, es, sizes, ratio) - TRIM_MARGIN
        choice = None
        for side in ("zh", "en"):
            members = zs if side == "zh" else es
            if len(members) < 2:
                continue
            for end in (0, -1):
                rest = members[1:] if end == 0 else members[:-1]
                cost = null_cost(sizes[members[end]]) + (
                    group_cost(rest, es, sizes, ratio) if side == "zh"
                    else group_cost(zs, rest, sizes, ratio))
                if cost < best:
                    best, choice = cost, (side, end, rest)
        if choice is None:
            break
        side, end, rest = choice
        lone = ((zs[end],), (), 0.0) if side == "zh" else ((), (es[end],), 0.0)
        if end == 0:
            before.append(lone)
        else:
            after.insert(0, lone)
        zs, es = (rest, es) if side == "zh" else (zs, rest)
    return before + [(zs, es, score)] + after


def _opens_a_paragraph(kind: str, kinds: list[str], zh: str, en: str) -> bool:
    """Is a title or heading joined with the blocks after it (the other side has no
    break between them, or none at all) a paragraph? A whole article is no title, and a
    heading with a paragraph is past a heading's length: a Chinese line cut inside a
    sentence ("...，推动" / "社会组织...。") reads as a heading on its own.

    >>> zh = "会议指出，要进一步加强社会组织管理，推动社会组织高质量发展。会议强调，要做好养老服务工作。"
    >>> _opens_a_paragraph("heading", ["heading", "paragraph", "paragraph"], zh, "...")
    True
    >>> _opens_a_paragraph("heading", ["heading"] * 3, "一、加强领导", "I. Strengthen leadership")
    False
    """
    if kind not in ("title", "heading"):
        return False
    if max(len(zh), len(en)) > MAX_TITLE_CHARS:
        return True
    return kind == "heading" and set(kinds) != {"heading"} and (
        len(zh) > MAX_HEADING_CHARS_ZH or len(en) > MAX_HEADING_CHARS_EN)


def zh_units_of(item: Item, i: int, kinds) -> list[Unit]:
    return _units(item.blocks[i].zh or "", "zh", kinds[i])


def en_units_of(item: Item, i: int, kinds) -> list[Unit]:
    return _units(item.blocks[i].en or "", "en", kinds[i])


def _pair_cost(zh: list[Unit], en: list[Unit], ratio: float) -> tuple[float, float]:
    """Cost and score of pairing two whole blocks, given their sentence units."""
    return bead_cost([_whole(zh, "zh")], [_whole(en, "en")], ratio, False)


def block_size(units: list[Unit], lang: str, ratio: float) -> float:
    """The size of a block in Chinese characters, from its sentence units (Latin letters
    in Chinese text and English text count at ``ratio`` to one)."""
    if lang == "zh":
        return sum(u.length + u.latin / ratio for u in units)
    return sum(u.length for u in units) / ratio


def _whole(units: list[Unit], lang: str) -> Unit:
    """One unit for a whole block, from its sentence units."""
    if lang == "zh":
        return Unit(sum(u.length for u in units), frozenset().union(*(u.keys for u in units)),
                    latin=sum(u.latin for u in units))
    return Unit(sum(u.length for u in units), frozenset().union(*(u.keys for u in units)))


def _block_groups(beads: list[Bead], zl: Layout, el: Layout, zown, eown):
    """Cut the bead sequence where both sides are at a block boundary: each piece is a
    group of blocks that translate each other (or one block with no counterpart)."""
    out = []
    i = j = 0
    piece: list[Bead] = []
    for bead in beads:
        piece.append(bead)
        i += len(bead.zh)
        j += len(bead.en)
        if i in zl.bounds and j in el.bounds:
            zs = tuple(sorted({zown[k] for b in piece for k in b.zh}))
            es = tuple(sorted({eown[k] for b in piece for k in b.en}))
            scored = [b.score for b in piece if b.zh and b.en]
            score = sum(scored) / len(scored) if scored else 0.0
            if zs and es:
                out.append((zs, es, score))
            else:  # blocks with nothing on the other side stay apart
                out.extend(((z,), (), 0.0) for z in zs)
                out.extend(((), (e,), 0.0) for e in es)
            piece = []
    return out


def _merge_side(item: Item, members: tuple[int, ...], lang: str, new_index: int, edits_of):
    """Text, origin and edits of one side of a merged block."""
    first = item.blocks[members[0]]
    text = first.text(lang) or ""
    edits = _renumbered(edits_of(members[0], lang), new_index)
    sep = "" if lang == "zh" else " "
    for other in members[1:]:
        block = item.blocks[other]
        origin = block.origin(lang)
        assert origin is not None  # (a member of this side)
        joint = origin.gap + origin.mark
        shift = len(text) + len(joint)
        edits.extend(evolve(e, block=new_index, offset=e.offset + shift)
                     for e in edits_of(other, lang))
        edits.append(Edit(MERGE_BLOCKS, new_index, lang, len(text), joint, sep))
        text = text + sep + (block.text(lang) or "")
    return text, first.origin(lang), edits


def _edits_by_block(item: Item):
    """``item.block_edits`` as a lookup built in one pass over the edits."""
    groups: dict[tuple[int, str], list[Edit]] = {}
    for e in item.edits:
        groups.setdefault((e.block, e.lang), []).append(e)
    return lambda index, lang: groups.get((index, lang), [])


def _renumbered(edits: list[Edit], index: int) -> list[Edit]:
    return [e if e.block == index else evolve(e, block=index) for e in edits]


def _doc_of(block: Block) -> int:
    o = block.zh_origin or block.en_origin
    return o.doc if o else 0


def align_blocks(item: Item, disabled: frozenset[str] = frozenset()) -> Item:
    """Merge the monolingual Chinese and English blocks of a bilingual item into
    bilingual blocks (``lang`` ``zh+en``). Metadata and boilerplate stay monolingual, in
    their place; an item with one language is returned unchanged, and so is an item
    aligned already (read back from JSON Lines): the blocks it left alone were left
    alone on purpose, and aligning them now would reorder the record.

    A bilingual title whose side was no title (the English of an interleaved page's
    headline reads as a heading or a paragraph; a file's first block too long for a
    title) has its site name cut off that side too, as the output cleaned again would
    (unless ``repair.site_suffix`` is in ``disabled``)."""
    if any(len(b.sides) == 2 for b in item.blocks):
        return item
    plan = plan_alignment(item)
    if not any(zs and es for zs, es, _ in plan):
        return item  # nothing translates anything: each file keeps its order
    edits_of = _edits_by_block(item)
    in_plan = {i for zs, es, _ in plan for i in zs + es}

    docs = [_doc_of(b) for b in item.blocks]
    # blocks left as they are (metadata, boilerplate) keep their place in their document
    pending: dict[int, deque] = {}
    for i in range(len(item.blocks)):
        if i not in in_plan:
            pending.setdefault(docs[i], deque()).append(i)
    order: list[tuple[str, Any]] = []
    for zs, es, score in plan:
        members = zs + es
        for d in sorted({docs[i] for i in members}):
            limit = max(i for i in members if docs[i] == d)
            queue = pending.get(d, deque())
            while queue and queue[0] < limit:
                order.append(("keep", queue.popleft()))
        order.append(("bead", (zs, es, score)))
    order.extend(("keep", i) for i in sorted(i for q in pending.values() for i in q))

    blocks: list[Block] = []
    edits: list[Edit] = []
    untitled: list[tuple[int, str]] = []  # (block, side) of titles with an untitled side
    for what, entry in order:
        k = len(blocks)
        if what == "keep":
            blocks.append(item.blocks[entry])
            for lang in ("en", "zh"):
                edits.extend(_renumbered(edits_of(entry, lang), k))
            continue
        zs, es, score = entry
        if not zs or not es:
            src = (zs or es)[0]
            blocks.append(item.blocks[src])
            for lang in ("en", "zh"):
                edits.extend(_renumbered(edits_of(src, lang), k))
            continue
        zh_text, zh_origin, zh_edits = _merge_side(item, zs, "zh", k, edits_of)
        en_text, en_origin, en_edits = _merge_side(item, es, "en", k, edits_of)
        zh_kinds = [item.blocks[i].kind for i in zs]
        en_kinds = [item.blocks[i].kind for i in es]
        kind = merged_kind(zh_kinds, en_kinds)
        if len(zs) + len(es) > 2 and _opens_a_paragraph(kind, zh_kinds + en_kinds,
                                                          zh_text, en_text):
            kind = "paragraph"
        if kind == "title":
            untitled.extend((k, lang) for lang, kinds in (("zh", zh_kinds), ("en", en_kinds))
                            if "title" not in kinds)
        blocks.append(Block(kind=kind, lang="zh+en", en=en_text, zh=zh_text,
                            en_origin=en_origin, zh_origin=zh_origin,
                            align=(("type", f"{len(zs)}-{len(es)}"),
                                   ("score", round(score, 3)))))
        edits.extend(en_edits)
        edits.extend(zh_edits)
    item = evolve(item, blocks=tuple(blocks), edits=tuple(edits))
    if SITE_SUFFIX not in disabled:
        for k, lang in untitled:
            item = move_site_out_of_title(item, k, lang)
    return item


# --- sentences ----------------------------------------------------------------------------

def _item_ratio(item: Item) -> float:
    pairs = [(b.zh, b.en) for b in item.blocks if b.zh and b.en and b.kind in ALIGNED_KINDS]
    return estimate_ratio([visible_length(zh) for zh, _ in pairs],
                          [visible_length(en) for _, en in pairs])


def join_points(item: Item, index: int, lang: str) -> list[int]:
    """Offsets in a side's current text where blocks were joined by alignment, followed
    through the edits made after each join."""
    return _join_points(item.block_edits(index, lang))


def _join_points(edits: list[Edit]) -> list[int]:
    points: list[int] = []
    for e in edits:
        delta = len(e.after) - len(e.before)
        points = [p + delta if e.offset + len(e.before) <= p else
                  (e.offset + len(e.after) if e.offset < p else p) for p in points]
        if e.rule == MERGE_BLOCKS:
            points.append(e.offset + len(e.after))
    return points


def _split_parts(text: str, lang: str, points: list[int]) -> tuple[list[str], Layout]:
    """Sentences of each joined part (a sentence never crosses a join), and the layout.
    A join inside one sentence broken across two blocks ("...and the participants" +
    "discussed ...", "...讨论了" + "，部署...") ends no part."""
    points = [p for p in points if not _mid_sentence(text, p)]
    sentences: list[str] = list(sentences_of(text, lang)) if not points else []
    if not points:  # most blocks: one part
        return sentences, Layout.free(len(sentences))
    bounds = {0}
    for start, end in zip([0] + points, points + [len(text)]):
        sentences.extend(sentences_of(text[start:end], lang))
        bounds.add(len(sentences))
    return sentences, Layout(frozenset(bounds))


def _mid_sentence(text: str, point: int) -> bool:
    """Does a join at ``point`` fall inside a sentence: no sentence mark before it, and
    after it a lower-case word or a mark that goes on a sentence (a part that ends in
    a comma goes on too)? A headline joined to its paragraph starts a new part."""
    before = text[max(0, point - 16):point].rstrip()
    if not before or _PART_END.search(before):
        return False
    after = text[point:point + 2].lstrip()
    return before[-1] in _GOES_ON or bool(after) and (after[0] in _GOES_ON
                                                        or after[0].islower())


_PART_END = regex.compile(r"[.!?。！？…;；:：][\"'”’」』）)\]]*\Z")
_GOES_ON = frozenset(",，、")


def align_sentences(item: Item) -> Item:
    """Pair the sentences of every bilingual block; the pairs, each with its type and
    score, go into ``Block.align`` under ``pairs``. In a block joined from several, the
    sentences of each part are split apart."""
    if not any(b.zh and b.en for b in item.blocks):
        return item
    ratio = _item_ratio(item)
    edits_of = _edits_by_block(item)
    blocks = []
    for index, b in enumerate(item.blocks):
        if not (b.zh and b.en) or b.kind not in ALIGNED_KINDS:
            blocks.append(b)
            continue
        zh_s, zl = _split_parts(b.zh, "zh", _join_points(edits_of(index, "zh")))
        en_s, el = _split_parts(b.en, "en", _join_points(edits_of(index, "en")))
        zh = make_units(zh_s, "zh")
        en = make_units(en_s, "en")
        beads = align_units(zh, en, ratio, zh_layout=zl, en_layout=el)
        pairs: list[dict[str, Any]] = [
            {"zh": list(x.zh), "en": list(x.en), "type": x.type, "score": round(x.score, 3)}
            for x in beads]  # as JSON reads it back
        info = dict(b.align)
        info.setdefault("type", "1-1")
        if "score" not in info:  # joined blocks have theirs from block alignment
            info["score"] = round(min((p["score"] for p in pairs), default=0.0), 3)
        info["pairs"] = pairs
        blocks.append(evolve(b, align=tuple(info.items()), zh_sentences=tuple(zh_s),
                              en_sentences=tuple(en_s)))
    return evolve(item, blocks=tuple(blocks))


def sentence_pairs(block: Block) -> list[tuple[str, str, str, float]]:
    """The aligned sentence pairs of a block as ``(zh, en, type, score)``; beads with
    one side empty are left out."""
    out = []
    zh_at = _sentence_spans(block.zh or "", block.zh_sentences)
    en_at = _sentence_spans(block.en or "", block.en_sentences)
    for p in dict(block.align).get("pairs", ()):
        if not p["zh"] or not p["en"]:
            continue
        zh = _run(block.zh or "", block.zh_sentences, zh_at, p["zh"], "")
        en = _run(block.en or "", block.en_sentences, en_at, p["en"], " ")
        out.append((zh, en, p["type"], p["score"]))
    return out


def _sentence_spans(text: str, sentences: Sequence[str]) -> list[tuple[int, int]] | None:
    """Where each sentence stands in its block's text, in order; None when one is not
    found there (a record edited by hand)."""
    spans, at = [], 0
    for sentence in sentences:
        start = text.find(sentence, at)
        if start < 0:
            return None
        at = start + len(sentence)
        spans.append((start, at))
    return spans


def _run(text: str, sentences: Sequence[str], spans: list[tuple[int, int]] | None,
         numbers: Sequence[int], joiner: str) -> str:
    """The text of consecutive sentences as the block has it, with the spaces between
    them ("Go now! Stay safe! 大家..." on a Chinese side keeps its spaces)."""
    if spans is not None and list(numbers) == list(range(numbers[0], numbers[-1] + 1)):
        return text[spans[numbers[0]][0]:spans[numbers[-1]][1]]
    return joiner.join(sentences[i] for i in numbers)
