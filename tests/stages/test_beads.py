"""The bead search: the banded, precomputed dynamic programme finds exactly the beads of
the plain recurrence written out cell by cell; kept units stay right."""
import math

from hypothesis import given, settings, strategies as st

from pipeline.stages.anchors import ANCHORS, register_anchor
from pipeline.stages.beads import (BOUNDARY_BONUS, PRIORS, Bead, Layout, Unit, align_units,
                                   bead_cost, make_unit, null_cost, visible_length)


def plain_align(zh, en, ratio, zl=None, el=None, kind_cost=False):
    """Every cell of the full table, each bead costed with ``bead_cost``: slow and
    obviously the recurrence. Ties go to the first candidate, in ``PRIORS`` order, then
    whole blocks left out, as in the banded search."""
    n, m = len(zh), len(en)
    bonus = zl is not None and el is not None
    zl = zl or Layout.free(n)
    el = el or Layout.free(m)
    zprev = dict(zip(sorted(zl.bounds)[1:], sorted(zl.bounds)))
    eprev = dict(zip(sorted(el.bounds)[1:], sorted(el.bounds)))

    def straddles(bounds, end, size):
        return size > 1 and any(end - size < b < end for b in bounds)

    best = {(0, 0): (0.0, 0, 0, 0.0)}
    for i in range(n + 1):
        for j in range(m + 1):
            if (i, j) == (0, 0):
                continue
            zb, eb = i in zl.bounds, j in el.bounds
            if (i in zl.barriers and not eb) or (j in el.barriers and not zb):
                continue
            cell = (math.inf, 0, 0, 0.0)
            for di, dj in PRIORS:
                if di > i or dj > j or (i - di, j - dj) not in best:
                    continue
                if straddles(zl.bounds, i, di) or straddles(el.bounds, j, dj):
                    continue
                cost, score = bead_cost(zh[i - di:i], en[j - dj:j], ratio, kind_cost)
                total = best[(i - di, j - dj)][0] + cost
                if bonus and zb and eb and di and dj:
                    total -= BOUNDARY_BONUS
                if total < cell[0]:
                    cell = (total, di, dj, score)
            if bonus and zb and eb:
                for di, dj in ((i - zprev.get(i, i), 0), (0, j - eprev.get(j, j))):
                    if di + dj > 1 and (i - di, j - dj) in best:
                        size = sum(u.length + u.latin / ratio for u in zh[i - di:i]) + \
                            sum(u.length for u in en[j - dj:j]) / ratio
                        total = best[(i - di, j - dj)][0] + null_cost(size)
                        if total < cell[0]:
                            cell = (total, di, dj, 0.0)
            if cell[0] < math.inf:
                best[(i, j)] = cell
    if (n, m) not in best:
        return [Bead((i,), (), 0.0) for i in range(n)] + [Bead((), (j,), 0.0)
                                                          for j in range(m)]
    beads = []
    i, j = n, m
    while i or j:
        _, di, dj, score = best[(i, j)]
        beads.append(Bead(tuple(range(i - di, i)), tuple(range(j - dj, j)), score))
        i, j = i - di, j - dj
    return beads[::-1]


KEYS = ["n:5", "n:12", "d:8-12", "w:who", "w:un"]
KINDS = ["title", "heading", "paragraph", "caption", "meta"]

units = st.builds(Unit, st.integers(0, 120), st.frozensets(st.sampled_from(KEYS), max_size=2),
                  st.sampled_from(KINDS), st.integers(0, 6))


@st.composite
def layouts(draw, n):
    """Block boundaries (0 and n always) and barriers among them."""
    inner = draw(st.sets(st.integers(1, max(n - 1, 1)), max_size=4)) if n > 1 else set()
    bounds = frozenset(inner | {0, n})
    barriers = frozenset(draw(st.sets(st.sampled_from(sorted(bounds)), max_size=2)))
    return Layout(bounds, barriers)


@st.composite
def problems(draw):
    zh = draw(st.lists(units, max_size=9))
    en = draw(st.lists(units, max_size=9))
    ratio = draw(st.sampled_from([2.5, 3.8, 4.4]))
    with_layout = draw(st.booleans())
    zl = draw(layouts(len(zh))) if with_layout else None
    el = draw(layouts(len(en))) if with_layout else None
    return zh, en, ratio, zl, el, draw(st.booleans())


@settings(max_examples=300, deadline=None)
@given(problems())
def test_banded_search_equals_the_plain_recurrence(problem):
    zh, en, ratio, zl, el, kind_cost = problem
    got = align_units(zh, en, ratio, zh_layout=zl, en_layout=el, kind_cost=kind_cost)
    assert got == plain_align(zh, en, ratio, zl, el, kind_cost)


@settings(max_examples=200, deadline=None)
@given(units, units, st.sampled_from([2.5, 3.8, 4.4]), st.booleans(), st.booleans())
def test_one_unit_each_equals_the_plain_recurrence(z, e, ratio, with_layout, kind_cost):
    one = Layout.free(1) if with_layout else None
    got = align_units([z], [e], ratio, zh_layout=one, en_layout=one, kind_cost=kind_cost)
    assert got == plain_align([z], [e], ratio, one, one, kind_cost)


def test_one_unit_each_may_be_left_out_on_both_sides():
    zh, en = [Unit(4, frozenset())], [Unit(900, frozenset())]
    one = Layout.free(1)
    beads = align_units(zh, en, 4.0, zh_layout=one, en_layout=one)
    assert sorted(b.type for b in beads) == ["0-1", "1-0"]
    assert beads == plain_align(zh, en, 4.0, one, one)


def test_kept_units_follow_the_registered_extractors_and_the_kind():
    before = make_unit("民政部发布1.2万份", "zh")

    def term(text, lang):
        return {"t:moca"} if "民政部" in text else set()

    register_anchor(term)
    try:
        assert make_unit("民政部发布1.2万份", "zh").keys == before.keys | {"t:moca"}
    finally:
        ANCHORS.remove(term)
    assert make_unit("民政部发布1.2万份", "zh") == before
    title = make_unit("民政部发布1.2万份", "zh", "title")
    assert (title.kind, title.length, title.keys) == ("title", before.length, before.keys)


def test_visible_length_counts_what_split_and_join_keep():
    """Only the space among white space is printable, so a printable text's visible
    length is its length less its spaces."""
    assert not [c for c in map(chr, range(0x110000))
                if c.isspace() and c.isprintable() and c != " "]
    for text in ["", " a b ", "两个\u3000词", "tab\there", "line\nbreak\xa0nbsp", "一 二"]:
        assert visible_length(text) == len("".join(text.split()))
