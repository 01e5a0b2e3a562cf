"""The dynamic programme that aligns Chinese and English units (sentences or blocks).

A bead pairs a few units of one side with a few of the other (1-1, 1-2, 2-1, 1-0, 0-1,
2-2, 1-3, 3-1). Its cost is Gale and Church's: the English length is expected to be
``c`` times the Chinese length and the deviation is scored as a normal variable;
shared anchors (:mod:`pipeline.stages.anchors`) lower it. The search keeps to a band
around the diagonal, so its cost is linear in the number of units.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

import regex

from .anchors import anchor_similarity, anchors

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


@dataclass(frozen=True)
class Unit:
    """One thing to align: its length in characters and its anchor keys."""

    length: int
    keys: frozenset
    kind: str = "paragraph"
    latin: int = 0  # Latin letters and digits in Chinese text: English-sized characters


_LATIN_CHAR = regex.compile(r"[A-Za-z0-9]")


def make_unit(text: str, lang: str, kind: str = "paragraph") -> Unit:
    """A sentence or block to align: Latin letters and digits inside Chinese text are
    counted apart, since they are as long as English rather than as Chinese."""
    keys = frozenset(anchors(text, lang))
    if lang == "zh":
        latin = len(_LATIN_CHAR.findall(text))
        return Unit(len("".join(text.split())) - latin, keys, kind, latin)
    return Unit(len("".join(text.split())), keys, kind)


@dataclass(frozen=True)
class Bead:
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
    return _span_cost(_span(zh, ratio, True), _span(en, ratio, False), ratio, kind_cost)


def _span(units: Sequence[Unit], ratio: float, zh: bool) -> tuple:
    """What a bead needs of one side's units: count, length, anchor keys, best kind."""
    if zh:
        length = sum(u.length for u in units) + sum(u.latin for u in units) / ratio
    else:
        length = sum(u.length for u in units)
    return (len(units), length, frozenset().union(*(u.keys for u in units)),
            min((KIND_RANK.get(u.kind, 3) for u in units), default=3))


def _span_cost(zs: tuple, es: tuple, ratio: float, kind_cost: bool) -> tuple[float, float]:
    nz, lz, zkeys, kz = zs
    ne, le, ekeys, ke = es
    if not nz or not ne:
        # a unit with no counterpart: the prior, and a little more for a longer unit
        return -math.log(PRIORS[(nz, ne)]) + math.log1p((lz + le / ratio) / 50), 0.0
    delta = abs(le - ratio * lz) / math.sqrt(VARIANCE_PER_RATIO * ratio * max(lz, 1))
    log_p = _log_sf(delta)
    cost = -math.log(PRIORS[(nz, ne)]) - log_p
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
        return cls(frozenset({0, n}))


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
    band = BAND
    while True:
        beads, touched = _banded(zh, en, ratio, zl, el, kind_cost, band,
                                 zh_layout is not None and en_layout is not None)
        if beads is not None and (not touched or band >= min(max(n, m), MAX_BAND)):
            return beads
        if band >= max(n, m):
            return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0)
                                                              for j in range(m)]
        band *= 2


def _banded(zh, en, ratio, zl: Layout, el: Layout, kind_cost, band, bonus):
    n, m = len(zh), len(en)
    inf = float("inf")
    best: dict[tuple[int, int], tuple[float, int, int, float]] = {(0, 0): (0.0, 0, 0, 0.0)}

    def window(i: int) -> tuple[int, int]:
        centre = i * m / n if n else 0
        return max(0, int(centre) - band), min(m, int(math.ceil(centre)) + band)

    # a whole block with no counterpart is one bead, costed once: sentence by sentence
    # a long left-out paragraph would cost more than shifting every pair after it
    zh_prev = _previous_bounds(zl.bounds) if bonus else {}
    en_prev = _previous_bounds(el.bounds) if bonus else {}

    # the last block boundary strictly before each position, for the straddle test
    zbefore = _bound_before(zl.bounds, n)
    ebefore = _bound_before(el.bounds, m)
    zspans: dict = {}  # one side's units of a bead, summed once for every bead using them
    espans: dict = {}
    for i in range(n + 1):
        lo, hi = window(i)
        zb = i in zl.bounds
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            eb = j in el.bounds
            if (i in zl.barriers and not eb) or (j in el.barriers and not zb):
                continue
            cell = (inf, 0, 0, 0.0)
            for (di, dj) in PRIORS:
                if di > i or dj > j:
                    continue
                if di > 1 and zbefore[i] > i - di or dj > 1 and ebefore[j] > j - dj:
                    continue  # a bead never straddles a block boundary
                prev = best.get((i - di, j - dj))
                if prev is None:
                    continue
                zkey, ekey = (i - di, i), (j - dj, j)
                zs = zspans.get(zkey)
                if zs is None:
                    zs = zspans[zkey] = _span(zh[i - di:i], ratio, True)
                es = espans.get(ekey)
                if es is None:
                    es = espans[ekey] = _span(en[j - dj:j], ratio, False)
                cost, score = _span_cost(zs, es, ratio, kind_cost)
                total = prev[0] + cost
                if bonus and zb and eb and di and dj:
                    total -= BOUNDARY_BONUS  # a pair that ends with both paragraphs
                if total < cell[0]:
                    cell = (total, di, dj, score)
            if zb and eb:
                for di, dj in ((i - zh_prev.get(i, i), 0), (0, j - en_prev.get(j, j))):
                    prev = best.get((i - di, j - dj)) if di + dj > 1 else None
                    if prev is not None:
                        size = sum(u.length + u.latin / ratio for u in zh[i - di:i]) + \
                            sum(u.length for u in en[j - dj:j]) / ratio
                        total = prev[0] + null_cost(size)
                        if total < cell[0]:
                            cell = (total, di, dj, 0.0)
            if cell[0] < inf:
                best[(i, j)] = cell
    if (n, m) not in best:
        return None, True
    beads = []
    touched = False
    i, j = n, m
    while i or j:
        _, di, dj, score = best[(i, j)]
        lo, hi = window(i)
        if (j == lo and lo > 0) or (j == hi and hi < m):
            touched = True
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), score))
        i, j = i - di, j - dj
    beads.reverse()
    return beads, touched


def _bound_before(bounds, n: int) -> list[int]:
    """For each position 0..n, the largest boundary strictly before it (-1 if none)."""
    out = [-1] * (n + 1)
    last = -1
    for k in range(n + 1):
        out[k] = last
        if k in bounds:
            last = k
    return out


def _previous_bounds(bounds) -> dict[int, int]:
    ordered = sorted(bounds)
    return dict(zip(ordered[1:], ordered))


def group_cost(zs, es, sizes, ratio: float) -> float:
    """Length cost of a group of blocks; ``sizes`` are in Chinese characters."""
    lz = sum(sizes[i] for i in zs)
    le = sum(sizes[i] for i in es) * ratio
    return -_log_sf(abs(le - ratio * lz) / math.sqrt(VARIANCE_PER_RATIO * ratio * max(lz, 1)))


def null_cost(size: float) -> float:
    """Cost of a whole block (``size`` Chinese characters) with no counterpart."""
    return -math.log(PRIORS[(1, 0)]) + math.log1p(size / 50) + size / 100

