"""The dynamic programme that aligns Chinese and English units (sentences or blocks).

A bead pairs a few units of one side with a few of the other (1-1, 1-2, 2-1, 1-0, 0-1,
2-2, 1-3, 3-1). Its cost is Gale and Church's: the English length is expected to be
``c`` times the Chinese length and the deviation is scored as a normal variable;
shared anchors (:mod:`pipeline.stages.anchors`) lower it. The search keeps to a band
around the diagonal, so its cost is linear in the number of units.
"""
from __future__ import annotations

import math
import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple, Sequence


from ..memo import item_cache
from .anchors import ANCHORS, LATIN_ANCHORS, anchor_similarity, anchors

ALIGNED_KINDS = ("title", "heading", "caption", "paragraph")
KIND_RANK = {k: i for i, k in enumerate(ALIGNED_KINDS)}
# Gale and Church's priors for bead types, with 2-1/1-2 split evenly; 1-3 because one
# Chinese sentence often holds a whole quotation that English splits into several
PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2,
          (1, 2): 0.089 / 2, (2, 2): 0.0011, (1, 3): 0.005, (3, 1): 0.002}
DEFAULT_RATIO = 3.8  # English characters per Chinese character in news (WMT22/24 data)
VARIANCE_PER_RATIO = 5.0  # variance of the English length per Chinese character, / c
ANCHOR_WEIGHT = 6.0
ANCHOR_CENTRE = 0.5
PSEUDO_CHARS = 100
BAND = 12
MAX_BAND = 256  # widening stops here unless no path fits: the cost stays linear
BOUNDARY_BONUS = 3.0  # paragraphs that end together on both sides are kept apart


# --- the dynamic programme ------------------------------------------------------------

def _log_sf(x: float) -> float:
    """log P(|Z| > x) for a standard normal Z, stable for large x."""
    if x < 5:
        return math.log(max(math.erfc(x / math.sqrt(2)), 1e-300))
    return -x * x / 2 - math.log(x * math.sqrt(math.pi / 2))


class Unit(NamedTuple):
    """One thing to align: its length in characters and its anchor keys. A named tuple,
    not a frozen dataclass: one is made per sentence, and a dataclass sets each field
    through ``object.__setattr__``."""

    length: int
    keys: frozenset
    kind: str = "paragraph"
    latin: int = 0  # Latin letters and digits in Chinese text: English-sized characters


# ASCII classes only, read alike by both engines: the standard one counts twice as fast
_LATIN_CHAR = re.compile(r"[A-Za-z0-9]")


def make_unit(text: str, lang: str, kind: str = "paragraph") -> Unit:
    """A sentence or block to align: Latin letters and digits inside Chinese text are
    counted apart, since they are as long as English rather than as Chinese.

    Block alignment and sentence alignment see mostly the same sentences (the first
    with the block's kind, the second as paragraphs), so the units of an item's texts
    are kept (:mod:`pipeline.memo`); the extractors registered at the time are part of
    the key."""
    return make_units([text], lang, kind)[0]


def make_units(texts, lang: str, kind: str = "paragraph") -> list[Unit]:
    """:func:`make_unit` of each text, the registered extractors read once."""
    extractors = (*ANCHORS, None, *LATIN_ANCHORS)
    out = []
    for text in texts:
        unit = _paragraph_unit(text, lang, extractors)
        out.append(unit if kind == unit.kind else Unit(unit.length, unit.keys, kind, unit.latin))
    return out


@item_cache(maxsize=4096)
def _paragraph_unit(text: str, lang: str, extractors: tuple) -> Unit:
    keys = frozenset(anchors(text, lang))
    if lang == "zh":
        latin = len(_LATIN_CHAR.findall(text))
        return Unit(visible_length(text) - latin, keys, "paragraph", latin)
    return Unit(visible_length(text), keys)


def visible_length(text: str) -> int:
    """The characters of a text that are not white space.

    Every white-space character but the space is unprintable (a test checks all of
    Unicode), so a printable text, as nearly every sentence is, needs only its spaces
    counted, not a split and a join.

    >>> visible_length("Two words"), visible_length("两个\u3000词")
    (8, 3)
    """
    if text.isprintable():
        return len(text) - text.count(" ")
    return len("".join(text.split()))


class Bead(NamedTuple):
    """Units of each side that translate each other (a named tuple, as :class:`Unit`)."""

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float

    @property
    def type(self) -> str:
        return f"{len(self.zh)}-{len(self.en)}"


def estimate_ratio(zh_lengths: Sequence[int], en_lengths: Sequence[int]) -> float:
    """English characters per Chinese character, from the texts themselves.

    >>> round(estimate_ratio([10, 20], [40, 80]), 2), estimate_ratio([], [5])
    (3.85, 3.8)
    >>> round(estimate_ratio([1000, 2000], [4500, 9000]), 2)
    4.48
    """
    z, e = sum(zh_lengths), sum(en_lengths)
    if z < 20 or e < 20:
        return DEFAULT_RATIO
    # a pseudo-count keeps short items (and items with missing text) near the usual ratio
    return min(max((e + DEFAULT_RATIO * PSEUDO_CHARS) / (z + PSEUDO_CHARS), 1.5), 8.0)


def bead_cost(zh: Sequence[Unit], en: Sequence[Unit], ratio: float,
              kind_cost: bool) -> tuple[float, float]:
    """Cost (lower is better) and score in [0, 1] of pairing ``zh`` with ``en``."""
    if not zh or not en:
        size = (_zh_span(zh, ratio)[0] if zh else 0.0) + sum(u.length for u in en) / ratio
        return _alone_cost(len(zh), len(en), size), 0.0
    return _pair_cost(_zh_span(zh, ratio), _en_span(en, ratio),
                      PRIOR_COST[(len(zh), len(en))], kind_cost)


PRIOR_COST = {t: -math.log(p) for t, p in PRIORS.items()}


_ZH_ALONE, _EN_ALONE_PRIOR = PRIOR_COST[(1, 0)], PRIOR_COST[(0, 1)]


def _alone_cost(nz: int, ne: int, size: float) -> float:
    """A unit with no counterpart: the prior, and a little more for a longer unit."""
    return PRIOR_COST[(nz, ne)] + math.log1p(size / 50)


def _zh_span(units: Sequence[Unit], ratio: float) -> tuple:
    """What a bead needs of its Chinese units: length (Latin letters and digits counted
    as English), anchor keys, best kind rank, the English length expected and its
    deviation, and the cost of the span with no counterpart."""
    if len(units) == 1:  # most spans: the sums below, without their loops
        u = units[0]
        lz = u.length + u.latin / ratio
        keys, kind = u.keys, KIND_RANK.get(u.kind, 3)
    else:
        lz = sum(u.length for u in units) + sum(u.latin for u in units) / ratio
        keys, kind = _keys(units), _kind_rank(units)
    return (lz, keys, kind, ratio * lz,
            math.sqrt(VARIANCE_PER_RATIO * ratio * (lz if lz > 1 else 1)),
            _ZH_ALONE + math.log1p(lz / 50))  # _alone_cost(1, 0, lz), for every span


def _en_span(units: Sequence[Unit], ratio: float) -> tuple:
    """What a bead needs of its English units: length, anchor keys, best kind rank, and
    the cost of the span with no counterpart."""
    if len(units) == 1:
        u = units[0]
        le, keys, kind = u.length, u.keys, KIND_RANK.get(u.kind, 3)
    else:
        le, keys, kind = sum(u.length for u in units), _keys(units), _kind_rank(units)
    return le, keys, kind, _EN_ALONE_PRIOR + math.log1p(le / ratio / 50)  # _alone_cost


def _keys(units: Sequence[Unit]) -> frozenset:
    return frozenset().union(*(u.keys for u in units))


def _kind_rank(units: Sequence[Unit]) -> int:
    return min((KIND_RANK.get(u.kind, 3) for u in units), default=3)


def _pair_cost(zs: tuple, es: tuple, prior: float, kind_cost: bool) -> tuple[float, float]:
    """Cost and score of a bead with units on both sides (spans from :func:`_zh_span`
    and :func:`_en_span`); :func:`_banded` writes the cost out in its inner loop."""
    _, zkeys, kz, mean, sd, _ = zs
    le, ekeys, ke, _ = es
    log_p = _log_sf(abs(le - mean) / sd)
    cost = prior - log_p
    score = math.exp(log_p)
    sim = anchor_similarity(zkeys, ekeys)
    if sim is not None:
        cost -= ANCHOR_WEIGHT * (sim - ANCHOR_CENTRE)
        score = (score + sim) / 2
    if kind_cost:
        if (kz == 3) != (ke == 3):
            cost += 3.0  # a paragraph with a title or heading
        elif kz != ke:
            cost += 0.5
    return cost, score


@dataclass(frozen=True)
class Layout:
    """Where blocks start in a sequence of sentence units: beads never straddle a block
    boundary, and at a barrier (two blocks that cannot be joined, such as blocks with a
    metadata line between them) the other side must be at a block boundary too."""

    bounds: frozenset  # unit positions that start or end a block (0 and n included)
    barriers: frozenset = frozenset()

    @classmethod
    def free(cls, n: int) -> "Layout":
        return _free_layout(n)


@lru_cache(maxsize=64)
def _free_layout(n: int) -> Layout:
    """One layout per length (layouts never change): most blocks have a sentence or two."""
    return Layout(frozenset({0, n}))


def align_units(zh: Sequence[Unit], en: Sequence[Unit], ratio: float, *,
                zh_layout: Layout | None = None, en_layout: Layout | None = None,
                kind_cost: bool = False) -> list[Bead]:
    """The cheapest monotone sequence of beads covering both sides.

    Without layouts every unit may join its neighbour; with them, beads keep inside
    blocks and a point where both sides are at a block boundary earns a small bonus, so
    paragraphs that match are kept apart. The search keeps to a band around the
    diagonal, widened only when the best path touches its edge, so the cost is linear
    in the number of units.

    >>> u = lambda n: Unit(n, frozenset())
    >>> [b.type for b in align_units([u(10), u(12)], [u(38), u(20), u(25)], 4.0)]
    ['1-1', '1-2']
    """
    n, m = len(zh), len(en)
    zl = zh_layout or Layout.free(n)
    el = en_layout or Layout.free(m)
    bonus = zh_layout is not None and en_layout is not None
    if n == m == 1 and not zl.barriers and not el.barriers:
        return _one_each(zh[0], en[0], ratio, kind_cost,
                         bonus and 1 in zl.bounds and 1 in el.bounds)
    # the spans of each side are summed once, for every band the search tries
    zspans = _spans(zh, zl.bounds, _zh_span, ratio)
    espans = _spans(en, el.bounds, _en_span, ratio)
    band = BAND
    while True:
        found = _banded(zh, en, zspans, espans, ratio, zl, el, kind_cost, band, bonus)
        if found is not None:
            path, touched = found
            if not touched or band >= min(max(n, m), MAX_BAND):
                return _beads(path, zspans, espans, kind_cost)
        if band >= max(n, m):
            return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0)
                                                              for j in range(m)]
        band *= 2


def _one_each(zh: Unit, en: Unit, ratio: float, kind_cost: bool,
              bonus: bool) -> list[Bead]:
    """What the search finds for one unit on each side (most blocks' sentences): the
    pair, unless leaving out both costs less; of equal costs the pair, the first bead
    type tried."""
    zs, es = _zh_span([zh], ratio), _en_span([en], ratio)
    cost, score = _pair_cost(zs, es, PRIOR_COST[(1, 1)], kind_cost)
    paired = 0.0 + cost  # the sums of the table, in its order, so ties stay ties
    if bonus:
        paired -= BOUNDARY_BONUS
    if paired <= (0.0 + es[3]) + zs[5]:  # English left out, then Chinese
        return [Bead((0,), (0,), score)]
    return [Bead((), (0,), 0.0), Bead((0,), (), 0.0)]


_STEPS = [(di, dj, PRIOR_COST[(di, dj)], (di, dj)) for di, dj in PRIORS]
# the bead types that take Chinese units, in PRIORS order; one English unit alone comes
# after the first two of them (see _banded)
_ZH_STEPS = [s for s in _STEPS if s[0]]
_EN_ALONE = (0, 1)
_BEFORE_EN_ALONE = frozenset(s[3] for s in _STEPS[:[s[3] for s in _STEPS].index(_EN_ALONE)])
_SQRT2 = math.sqrt(2)
_SQRT_HALF_PI = math.sqrt(math.pi / 2)


_NO_TERMS: dict = {}  # the terms of no Chinese keys: read only where there are keys


def _anchor_term(zkeys: frozenset, ekeys: frozenset) -> float | None:
    """What the anchors take off a bead's cost (None: neither side has anchors)."""
    sim = anchor_similarity(zkeys, ekeys)
    return None if sim is None else ANCHOR_WEIGHT * (sim - ANCHOR_CENTRE)


_NO_SHARED_TERM = ANCHOR_WEIGHT * (0.0 - ANCHOR_CENTRE)
_NO_KEYS: frozenset = frozenset()


def _kind_costs(zkind: int) -> tuple:
    """What pairing a span of kind rank ``zkind`` with each English kind rank adds: a
    paragraph with a title or heading much, two different non-paragraph kinds a little."""
    return tuple(3.0 if (zkind == 3) != (ekind == 3) else 0.5 if zkind != ekind else 0.0
                 for ekind in range(4))


_KIND_COSTS = tuple(_kind_costs(k) for k in range(4))  # by the Chinese span's kind rank


def _spans(units: Sequence[Unit], bounds, span, ratio: float) -> list[list]:
    """For each end position ``i``, ``span(units[i - d:i], ratio)`` for the spans a bead
    may take, by ``d`` (1 to 3; index 0 is a placeholder), stopping where a span would
    straddle a block boundary."""
    out = [[None]]
    for i in range(1, len(units) + 1):
        row = [None, span(units[i - 1:i], ratio)]
        for d in (2, 3):
            if d > i or i - d + 1 in bounds:
                break  # a bead never straddles a block boundary
            row.append(span(units[i - d:i], ratio))
        out.append(row)
    return out


def _banded(zh, en, zspans, espans, ratio, zl: Layout, el: Layout, kind_cost, band,
            bonus):
    """The cheapest path within ``band`` of the diagonal, as ``(di, dj)`` steps, and
    whether it touches the band's edge; None when no path reaches the end.

    Each row is a list over its window's columns (infinity where no path arrives). The
    bead types that take Chinese units read only earlier rows, so each is run along the
    whole row, in PRIORS order (of equal costs the first wins); one English unit alone
    and whole blocks left out read the row itself, so a second pass over the columns
    adds them, in order. The cost of a bead with units on both sides is
    :func:`_pair_cost` written out, with all that depends on one side only taken from
    the spans: this loop runs for every cell and bead type.
    """
    n, m = len(zh), len(en)
    inf = math.inf
    log, erfc = math.log, math.erfc
    windows = _windows(n, m, band)
    # a whole block with no counterpart is one bead, costed once: sentence by sentence
    # a long left-out paragraph would cost more than shifting every pair after it
    zwhole = _whole_blocks(zl.bounds, lambda i, d: _null_size(zh, en, i, d, 0, 0, ratio),
                           True) if bonus else {}
    ewhole = _whole_blocks(el.bounds, lambda j, d: _null_size(zh, en, 0, 0, j, d, ratio),
                           False) if bonus else {}
    ebounds = [j in el.bounds for j in range(m + 1)]
    ebarriers = el.barriers
    # the English spans of each width, by the column they end at (none where a span
    # would straddle a block boundary); first[d][j] is the first one ending at j or later
    ecols: list = [None]
    first: list = [None]
    for d in (1, 2, 3):
        col = [(j, *row[d][:3], ebounds[j], _anchor_term(_NO_KEYS, row[d][1]) if row[d][1]
                else None) for j, row in enumerate(espans) if d < len(row)]
        ends = [c[0] for c in col]
        ecols.append(col)
        first.append([bisect_left(ends, j) for j in range(m + 5)])
    ealone = [inf] + [row[1][3] for row in espans[1:]]
    eblocks = [ewhole.get(j) for j in range(m + 1)]
    terms: dict = {}  # Chinese keys -> English keys -> what their similarity takes off
    kinds = _KIND_COSTS
    costs: list[list] = []  # per row: cost of the cheapest path to each cell of the window
    steps: list[list] = []  # per row: the last bead (di, dj) of that path, or None
    for i in range(n + 1):
        lo, hi = windows[i]
        zb = i in zl.bounds
        zrow = zspans[i]
        crow = [inf] * (hi - lo + 1)
        srow: list = [None] * (hi - lo + 1)
        if not i:
            crow[0] = 0.0
        boundary = bonus and zb  # pairs ending here where both sides end a block earn a bonus
        for di, dj, prior, step in _ZH_STEPS:
            if di >= len(zrow):
                continue
            prow = costs[i - di]
            plo, phi = windows[i - di]
            # max(lo, plo + dj), min(hi, phi + dj) + 1 without the calls (once per row and type)
            start = plo + dj if plo + dj > lo else lo
            stop = (phi + dj if phi + dj < hi else hi) + 1
            zs = zrow[di]
            if not dj:  # the Chinese span alone
                alone = zs[5]
                for j in range(start, stop):
                    total = prow[j - plo] + alone
                    if total < crow[j - lo]:
                        crow[j - lo] = total
                        srow[j - lo] = step
                continue
            _, zkeys, zkind, mean, sd, _ = zs
            kcost = kinds[zkind] if kind_cost else None
            shift = plo + dj
            at = first[dj]
            zterms: dict = terms.setdefault(zkeys, {}) if zkeys else _NO_TERMS
            for j, le, ekeys, ekind, eb, eterm in ecols[dj][at[start]:at[stop]]:
                x = abs(le - mean) / sd
                if x < 5:  # _log_sf, whose floor erfc never reaches below 5
                    log_p = log(erfc(x / _SQRT2))
                else:
                    log_p = -x * x / 2 - log(x * _SQRT_HALF_PI)
                cost = prior - log_p
                if zkeys:  # then there is a similarity, 0 when English has no keys
                    if ekeys:
                        term = zterms.get(ekeys)
                        if term is None:  # (computed, never None: zkeys are anchors)
                            term = zterms[ekeys] = _anchor_term(zkeys, ekeys) or 0.0
                    else:
                        term = _NO_SHARED_TERM
                    cost -= term
                elif eterm is not None:  # the term of the English keys alone
                    cost -= eterm
                if kcost:
                    cost += kcost[ekind]
                total = prow[j - shift] + cost  # infinity where no path arrives
                if boundary and eb:
                    total -= BOUNDARY_BONUS  # a pair that ends with both paragraphs
                if total < crow[j - lo]:
                    crow[j - lo] = total
                    srow[j - lo] = step
        # second pass, in column order: one English unit alone after the cell before,
        # whole blocks left out, and the cells a barrier closes
        zbar = i in zl.barriers
        closed = zbar or (ebarriers and not zb)
        zblock = zwhole.get(i) if boundary else None
        if zblock is not None:
            zd, zcost, zstep = zblock
            zprow = costs[i - zd]
            zplo, zphi = windows[i - zd]
        start = lo if i else max(lo, 1)
        prev = crow[start - lo - 1] if start > lo else inf
        for j in range(start, hi + 1):
            k = j - lo
            if closed and ((zbar and not ebounds[j]) or (not zb and j in ebarriers)):
                crow[k] = prev = inf
                srow[k] = None
                continue
            best = crow[k]
            total = prev + ealone[j]
            if total < best:
                best = total
                srow[k] = _EN_ALONE
            elif total == best != inf and srow[k] not in _BEFORE_EN_ALONE:
                srow[k] = _EN_ALONE
            if boundary and ebounds[j]:
                if zblock is not None and zplo <= j <= zphi:
                    total = zprow[j - zplo] + zcost
                    if total < best:
                        best = total
                        srow[k] = zstep
                eblock = eblocks[j]
                if eblock is not None and j - eblock[0] >= lo:
                    total = crow[k - eblock[0]] + eblock[1]
                    if total < best:
                        best = total
                        srow[k] = eblock[2]
            crow[k] = prev = best
        costs.append(crow)
        steps.append(srow)
    lo, hi = windows[n]
    if (n or m) and not (lo <= m <= hi and steps[n][m - lo] is not None):
        return None
    touched = False
    i, j = n, m
    path = []
    while i or j:
        lo, hi = windows[i]
        di, dj = steps[i][j - lo]
        if (j == lo and lo > 0) or (j == hi and hi < m):
            touched = True
        path.append((di, dj))
        i, j = i - di, j - dj
    path.reverse()
    return path, touched


def _windows(n: int, m: int, band: int) -> list[tuple[int, int]]:
    """The columns of each row ``i`` within ``band`` of the diagonal (one loop for all
    rows: a call per row cost more than the row's bounds)."""
    if not n:
        return [(0, min(m, band))]
    ceil = math.ceil
    out = []
    for i in range(n + 1):
        centre = i * m / n
        lo, hi = int(centre) - band, ceil(centre) + band
        out.append((lo if lo > 0 else 0, hi if hi < m else m))
    return out


def _null_size(zh, en, i: int, di: int, j: int, dj: int, ratio: float) -> float:
    """Size in Chinese characters of the units of a whole block left out."""
    return sum(u.length + u.latin / ratio for u in zh[i - di:i]) + \
        sum(u.length for u in en[j - dj:j]) / ratio


def _beads(path, zspans, espans, kind_cost: bool) -> list[Bead]:
    """The beads of a path of ``(di, dj)`` steps, each paired bead with its score (only
    the beads on the best path need one)."""
    beads = []
    i = j = 0
    for di, dj in path:
        i, j = i + di, j + dj
        score = _pair_cost(zspans[i][di], espans[j][dj], PRIOR_COST[(di, dj)],
                           kind_cost)[1] if di and dj else 0.0
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), score))
    return beads


def _whole_blocks(bounds, size, zh: bool) -> dict[int, tuple]:
    """For each boundary that ends a block of more than one unit: the block's length,
    the cost of leaving it out whole (``size(end, length)`` is its size in Chinese
    characters), and the step that does."""
    ordered = sorted(bounds)
    out = {}
    for start, end in zip(ordered, ordered[1:]):
        d = end - start
        if d > 1:
            out[end] = (d, null_cost(size(end, d)), (d, 0) if zh else (0, d))
    return out


def group_cost(zs, es, sizes, ratio: float) -> float:
    """Length cost of a group of blocks; ``sizes`` are in Chinese characters."""
    lz = sum(sizes[i] for i in zs)
    le = sum(sizes[i] for i in es) * ratio
    return -_log_sf(abs(le - ratio * lz) / math.sqrt(VARIANCE_PER_RATIO * ratio * max(lz, 1)))


def null_cost(size: float) -> float:
    """Cost of a whole block (``size`` Chinese characters) with no counterpart."""
    return -math.log(PRIORS[(1, 0)]) + math.log1p(size / 50) + size / 100

