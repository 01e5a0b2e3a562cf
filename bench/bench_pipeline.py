"""Benchmark mtclean on a corpus of several thousand news items built from ../shared/data.

Prints, in one run: the throughput of a baseline that only reads, parses and writes the
same JSON Lines (orjson); each stage alone; the whole pipeline (``run_batch``, worker
start-up included) with 1 and with N jobs; and every figure as a ratio to the baseline.

    python bench/bench_pipeline.py                 # from the repository root
    python bench/bench_pipeline.py --items 2000 --jobs 2 --keep /tmp/corpus.jsonl
    python bench/bench_pipeline.py --corpus-only /tmp/corpus.jsonl   # just the corpus
    python bench/bench_pipeline.py --items 2000 --profile 30   # where the time goes
"""
from __future__ import annotations

import argparse
import os
import platform
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Iterator

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline import memo, runner  # noqa: E402
from pipeline.batch import default_jobs, run_batch  # noqa: E402
from pipeline.batch.work import config_fingerprint, entry_hash, warm_up  # noqa: E402
from pipeline.emit.jsonl import dumps_item  # noqa: E402
from pipeline.readers import InputItem, iter_inputs  # noqa: E402
from pipeline.stages import align, classify, detect, glossary  # noqa: E402
from pipeline.stages.decode import decode_bytes  # noqa: E402
from pipeline.stages.segment import split_blocks  # noqa: E402

WMT21 = "wmt21-newstest2021-zhen"
WMT22 = "wmt22-generaltest2022-docs"
WMT24 = "wmt24-enzh-news-docs"


def find_data(explicit: str | None) -> Path:
    """``--data``, else ``../shared/data`` from the repository root (or a parent of it)."""
    if explicit:
        return Path(explicit)
    for base in (ROOT, *ROOT.parents):
        if (base.parent / "shared" / "data" / WMT21).is_dir():
            return base.parent / "shared" / "data"
    sys.exit("bench: cannot find ../shared/data; pass --data DIR")


# --- the corpus ---------------------------------------------------------------------------

def _lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def _groups(n: int, sizes: tuple[int, ...]) -> Iterator[tuple[int, int]]:
    """Consecutive line ranges of varying size (WMT21 has no document boundaries)."""
    start, k = 0, 0
    while start < n:
        end = min(n, start + sizes[k % len(sizes)])
        yield start, end
        start, k = end, k + 1


def _paras(lines: list[str], rnd: int, zh: bool) -> str:
    """Lines grouped ``rnd % 3 + 1`` to a paragraph, so that every round of the corpus
    has different blocks (no cache can make a repeated round free)."""
    k = rnd % 3 + 1
    sep = "" if zh else " "
    return "\n\n".join(sep.join(lines[i:i + k]) for i in range(0, len(lines), k))


def _records(data: Path, rnd: int) -> Iterator[dict]:
    d21 = data / WMT21
    sizes = ((8, 13, 20, 11), (15, 9, 24, 6), (12, 18, 7, 30))[rnd % 3]
    zh = _lines(d21 / "newstest2021.zh-en.src.zh")
    en_sides = {k: _lines(d21 / f"newstest2021.zh-en.{k}.en")
                for k in ("hyp.Online-A", "hyp.Online-W", "ref.A")}
    for a, b in _groups(len(zh), sizes):
        key = f"r{rnd}-wmt21-zhen-{a + 1}"
        z = _paras(zh[a:b], rnd, True)
        yield {"id": f"{key}-zh", "text": z}
        for name, lines in en_sides.items():
            e = _paras(lines[a:b], rnd, False)
            yield {"id": f"{key}-{name}", "text": e}
            if name.startswith("hyp"):
                yield {"id": f"{key}-{name}-pair", "zh": z, "en": e}
    en = _lines(d21 / "newstest2021.en-zh.src.en")
    zh_sides = {k: _lines(d21 / f"newstest2021.en-zh.{k}.zh") for k in ("hyp.Online-A", "ref.A")}
    for a, b in _groups(len(en), sizes):
        key = f"r{rnd}-wmt21-enzh-{a + 1}"
        e = _paras(en[a:b], rnd, False)
        yield {"id": f"{key}-en", "text": e}
        for name, lines in zh_sides.items():
            z = _paras(lines[a:b], rnd, True)
            yield {"id": f"{key}-{name}", "text": z}
        yield {"id": f"{key}-pair", "zh": _paras(zh_sides["hyp.Online-A"][a:b], rnd, True),
               "en": e}
    for path in (data / WMT22 / "zh-en.news_docs.jsonl", data / WMT22 / "en-zh.news_docs.jsonl",
                 data / WMT24 / "en-zh.news_docs.jsonl"):
        for line in path.read_bytes().splitlines():
            doc = orjson.loads(line)
            segs = doc["segments"]
            fields = [k for k in segs[0] if k not in ("id", "line")]
            texts = {f: _paras([s[f] for s in segs if s.get(f)], rnd, f.startswith("zh"))
                     for f in fields}
            key = f"r{rnd}-{path.parent.name[:5]}-{doc['doc_id']}"
            for f, t in texts.items():
                yield {"id": f"{key}-{f}", "text": t}
            zh_f = [f for f in fields if f.startswith("zh")]
            en_f = [f for f in fields if f.startswith("en")]
            for zf in zh_f:
                for ef in en_f:
                    if "mt" in zf or "mt" in ef:
                        yield {"id": f"{key}-{zf}-{ef}", "zh": texts[zf], "en": texts[ef]}


def build_corpus(data: Path, items: int, out: Path) -> tuple[int, int]:
    """Write ``items`` JSON Lines records to ``out``; return (items, characters)."""
    n = chars = 0
    with open(out, "wb") as f:
        rnd = 0
        while n < items:
            for rec in _records(data, rnd):
                if n >= items:
                    break
                f.write(orjson.dumps(rec) + b"\n")
                chars += sum(len(rec.get(k) or "") for k in ("text", "zh", "en"))
                n += 1
            rnd += 1
    return n, chars


# --- measuring ----------------------------------------------------------------------------

def best_of(fn: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        detect._model_says_english.cache_clear()  # every repeat pays for langdetect
        t = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t)
    return best


def baseline(corpus: Path, out: Path) -> None:
    with open(corpus, "rb") as src, open(out, "wb") as dst:
        for line in src:
            dst.write(orjson.dumps(orjson.loads(line)) + b"\n")


def _each(fn: Callable, items: list) -> list:
    """``fn`` over the items, each item's caches emptied first, as clean_item does."""
    out = []
    for item in items:
        memo.forget()
        out.append(fn(item))
    return out


def stage_timings(corpus: Path, repeat: int) -> list[tuple[str, float]]:
    """Each stage alone, on the output of the stages before it (prepared untimed), in
    the order of :func:`pipeline.runner.clean_item`. The item caches (sentence splits,
    anchors, glossary hits, alignment units) are emptied before each item, so a stage
    pays for what it reads; in a run, later stages of an item reuse what earlier ones
    kept, which is why the stages added up exceed the whole run."""
    config = runner.Config()
    inputs = [e for e in iter_inputs([str(corpus)]) if isinstance(e, InputItem)]
    sources = [s for e in inputs for s in e.sources]
    encoded = [s.text.encode("utf-8") for s in sources]
    raws = [split_blocks(s.text)[0] for s in sources]
    fp = config_fingerprint(config)

    def normalize(i):
        return runner.run_rule_group(i, "normalize", config)

    def term(i):
        return glossary.apply_glossary(i, config)

    def repair(pair):  # an item and how many edits it had when classified, as in a run
        item, classified = pair
        return runner.repair_until_settled(item, config, classified=classified)

    def check(i):
        return runner.run_checks(i, config)

    built = [runner.build_item(e.id, e.sources) for e in inputs]
    normalized = _each(normalize, built)
    classified = _each(classify.classify_item, normalized)
    aligned = _each(align.align_blocks, classified)
    termed = _each(term, aligned)
    counted = list(zip(termed, (len(i.edits) for i in classified)))
    repaired = [runner.drop_empty_blocks(i) for i in _each(repair, counted)]
    split = _each(runner.add_sentences, repaired)
    paired = _each(align.align_sentences, split)
    final = _each(check, paired)
    stages = [
        ("read + parse JSON Lines", lambda: sum(1 for _ in iter_inputs([str(corpus)]))),
        ("content hash (resume)", lambda: [entry_hash(e, fp) for e in inputs]),
        ("decode (as if from bytes)", lambda: [decode_bytes(b) for b in encoded]),
        ("segment", lambda: [split_blocks(s.text) for s in sources]),
        ("detect", lambda: [detect.detect_block(b.text) for r in raws for b in r]),
        ("build item (segment+detect)",
         lambda: [runner.build_item(e.id, e.sources) for e in inputs]),
        ("normalize", lambda: _each(normalize, built)),
        ("classify", lambda: _each(classify.classify_item, normalized)),
        ("align blocks (zh/en items)", lambda: _each(align.align_blocks, classified)),
        ("glossary", lambda: _each(term, aligned)),
        ("repair (+ normalize, rounds)", lambda: _each(repair, counted)),
        ("sentences", lambda: _each(runner.add_sentences, repaired)),
        ("align sentences (zh/en items)", lambda: _each(align.align_sentences, split)),
        ("qa checks", lambda: _each(check, paired)),
        ("emit JSON Lines", lambda: [dumps_item(i) for i in final]),
    ]
    return [(name, best_of(fn, repeat)) for name, fn in stages]


def _cpu() -> float:
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def whole(corpus: Path, jobs: int, tmp: Path, repeat: int) -> tuple[float, float, dict]:
    """Best of ``repeat`` complete runs (a fresh folder each, worker start-up included):
    (wall seconds, CPU seconds of all processes, report)."""
    best, cpu, report = float("inf"), 0.0, {}
    for k in range(repeat):
        out = tmp / f"run-{jobs}" if k == 0 else tmp / f"run-{jobs}-{k}"
        c, t = _cpu(), time.perf_counter()
        report = run_batch([str(corpus)], str(out), jobs=jobs).report
        wall = time.perf_counter() - t
        if wall < best:
            best, cpu = wall, _cpu() - c
    return best, cpu, report


def machine() -> str:
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu or 'unknown CPU'}, {os.cpu_count()} cores ({default_jobs()} usable), "
            f"Python {platform.python_version()}, {platform.system()} {platform.release()}")


def profile(corpus: Path, top: int) -> None:
    """cProfile over ``clean_sources`` and ``dumps_item`` of every item, one process,
    after the warm-up a run does (glossary, langdetect's profiles); by own time, then by
    cumulative time (cProfile's overhead inflates small functions: compare, don't add)."""
    import cProfile
    import pstats

    config = runner.Config()
    inputs = [e for e in iter_inputs([str(corpus)]) if isinstance(e, InputItem)]
    warm_up(config)  # the loading, untimed

    def clean_all() -> None:
        for e in inputs:
            dumps_item(runner.clean_sources(e.id, e.sources, config))

    prof = cProfile.Profile()
    prof.runcall(clean_all)
    stats = pstats.Stats(prof, stream=sys.stdout).strip_dirs()
    for key in ("tottime", "cumulative"):
        stats.sort_stats(key).print_stats(top)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", help="the shared data folder (default: ../shared/data)")
    ap.add_argument("--items", type=int, default=5000, help="corpus size in items")
    ap.add_argument("--jobs", type=int, default=default_jobs(), help="N for the N-job run")
    ap.add_argument("--repeat", type=int, default=3, help="best of this many timings")
    ap.add_argument("--keep", help="also write the corpus here")
    ap.add_argument("--no-stages", action="store_true", help="skip the per-stage table")
    ap.add_argument("--corpus-only", metavar="FILE",
                    help="only write the corpus (JSON Lines) to FILE, for `mtclean run`")
    ap.add_argument("--profile", type=int, metavar="N",
                    help="instead of the table: profile cleaning the corpus in one "
                         "process and print the N functions with the most time of their own")
    args = ap.parse_args(argv)
    if args.corpus_only:
        n, chars = build_corpus(find_data(args.data), args.items, Path(args.corpus_only))
        print(f"wrote {n} items, {chars:,} characters to {args.corpus_only}")
        return
    if args.profile:
        with tempfile.TemporaryDirectory(prefix="mtclean-bench-") as tmpdir:
            corpus = Path(tmpdir) / "corpus.jsonl"
            n, chars = build_corpus(find_data(args.data), args.items, corpus)
            print(f"corpus: {n} items, {chars:,} characters")
            profile(corpus, args.profile)
        return

    with tempfile.TemporaryDirectory(prefix="mtclean-bench-") as tmpdir:
        tmp = Path(tmpdir)
        corpus = Path(args.keep) if args.keep else tmp / "corpus.jsonl"
        n, chars = build_corpus(find_data(args.data), args.items, corpus)
        size = corpus.stat().st_size
        print(f"machine: {machine()}")
        print(f"corpus: {n} items, {chars:,} characters, {size / 1e6:.1f} MB JSON Lines")
        # the baseline takes a fraction of a second: more repeats steady its best time
        base = best_of(lambda: baseline(corpus, tmp / "baseline.jsonl"), 5 * args.repeat)
        base_cps = chars / base
        rows = [("baseline: orjson read, parse, write", base, "")]
        if not args.no_stages:
            stages = stage_timings(corpus, args.repeat)
            rows += [(f"stage: {name}", t, "") for name, t in stages]
            # what a run does, once each (segment and detect are inside build item;
            # a JSON Lines input is text already, so nothing is decoded)
            parts = [t for name, t in stages if name not in ("segment", "detect",
                                                               "decode (as if from bytes)")]
            rows.append(("stages of a run, added up", sum(parts), ""))
        t1, cpu1, rep1 = whole(corpus, 1, tmp, args.repeat)
        rows.append(("whole pipeline, 1 job", t1, f"CPU {cpu1:.2f} s"))
        tn, cpun, repn = whole(corpus, args.jobs, tmp, args.repeat)
        rows.append((f"whole pipeline, {args.jobs} jobs", tn,
                     f"CPU {cpun:.2f} s, speed-up {t1 / tn:.2f}x over 1 job"))
        same = (tmp / "run-1" / "items.jsonl").read_bytes() == \
            (tmp / f"run-{args.jobs}" / "items.jsonl").read_bytes()
        print()
        print(f"{'what':<40} {'seconds':>8} {'M chars/s':>10} {'baseline/x':>11}")
        for name, t, note in rows:
            cps = chars / t
            print(f"{name:<40} {t:8.3f} {cps / 1e6:10.2f} {base_cps / cps:11.1f}  {note}")
        print()
        print(f"items in/out/rejected: {rep1['items']['in']}/{rep1['items']['out']}/"
              f"{rep1['items']['rejected']}; 1-job and {args.jobs}-job items.jsonl "
              f"byte-identical: {same}")
        per_core = (chars / tn) / args.jobs
        print(f"parallel overhead: the {args.jobs}-job run used {cpun / cpu1:.2f}x the CPU "
              f"time of the 1-job run (so on {args.jobs} free cores, at best "
              f"{args.jobs * cpu1 / cpun:.2f}x)")
        load = ", ".join(f"{x:.2f}" for x in os.getloadavg())
        print(f"load average at the end: {load} (other work on the machine slows the "
              f"{args.jobs}-job run most)")
        print(f"whole pipeline per core: 1/{base_cps / (chars / t1):.1f} of baseline "
              f"(1 job), 1/{base_cps / per_core:.1f} (per core, {args.jobs} jobs); "
              f"target 1/10")


if __name__ == "__main__":
    main()
