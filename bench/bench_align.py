"""CPU time of block and sentence alignment on the zh/en items of a corpus.

The items are cleaned once while the inputs the runner gives ``align_blocks`` and
``align_sentences`` are kept; then the two stages alone are timed on those inputs, as the
runner calls them (blocks, then sentences, item by item), best of ``--repeat``, with the
unit and sentence caches emptied before each repetition. A benchmark, not a test: it
prints figures and never fails.

    python bench/bench_align.py                        # builds 2,000 items from ../shared/data
    python bench/bench_align.py corpus.jsonl --repeat 5
"""
from __future__ import annotations

import argparse
import gc
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.bench_pipeline import build_corpus, find_data  # noqa: E402
from pipeline import memo, runner  # noqa: E402
from pipeline.readers import InputItem, iter_inputs  # noqa: E402
from pipeline.stages import align, beads  # noqa: E402


def stage_inputs(corpus: Path) -> list[tuple]:
    """``(item given to align_blocks, item given to align_sentences)`` per zh/en item."""
    seen: dict[str, list] = {"blocks": [], "sentences": []}
    real = align.align_blocks, align.align_sentences

    def keep(name, fn):
        def stage(item, *args):
            seen[name].append(item)
            return fn(item, *args)
        return stage

    align.align_blocks, align.align_sentences = keep("blocks", real[0]), keep("sentences", real[1])
    try:
        for e in iter_inputs([str(corpus)]):
            if isinstance(e, InputItem) and len(e.sources) > 1:
                runner.clean_sources(e.id, e.sources, runner.Config())
    finally:
        align.align_blocks, align.align_sentences = real
    return list(zip(seen["blocks"], seen["sentences"]))


def _caches() -> list:
    """The functools caches of the alignment modules."""
    return [fn for mod in (align, beads) for fn in vars(mod).values()
            if hasattr(fn, "cache_clear") and getattr(fn, "__module__", "") == mod.__name__]


def time_stages(inputs: list[tuple], repeat: int) -> tuple[float, float]:
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        for fn in _caches():
            fn.cache_clear()
        blocks = sentences = 0.0
        for before_blocks, before_sentences in inputs:
            memo.forget()  # as clean_item does: units are kept within an item only
            t0 = time.process_time()
            align.align_blocks(before_blocks)
            t1 = time.process_time()
            align.align_sentences(before_sentences)
            sentences += time.process_time() - t1
            blocks += t1 - t0
        best = min(best, (blocks, sentences), key=sum)
    return best


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", help="JSON Lines items (default: build one)")
    ap.add_argument("--data", help="the shared data folder (default: ../shared/data)")
    ap.add_argument("--items", type=int, default=2000, help="corpus size when building one")
    ap.add_argument("--repeat", type=int, default=3, help="best of this many timings")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(args.corpus) if args.corpus else Path(tmp) / "corpus.jsonl"
        if not args.corpus:
            build_corpus(find_data(args.data), args.items, corpus)
        inputs = stage_inputs(corpus)
    gc.collect()
    gc.freeze()  # the kept items are not garbage: collections need not walk them
    blocks, sentences = time_stages(inputs, args.repeat)
    chars = sum(len(b.text(lang) or "") for item, _ in inputs for b in item.blocks
                for lang in ("zh", "en"))
    print(f"zh/en items: {len(inputs)}, {chars:,} characters")
    print(f"{'what':<22}{'CPU s':>8}{'ms/item':>10}")
    for name, cpu in (("block alignment", blocks), ("sentence alignment", sentences),
                      ("both", blocks + sentences)):
        print(f"{name:<22}{cpu:>8.3f}{1000 * cpu / max(len(inputs), 1):>10.2f}")


if __name__ == "__main__":
    main()
