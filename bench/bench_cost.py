"""Cost per MB of adversarial inputs, whole pipeline and stage by stage.

Every pattern and loop in mtclean must run in linear time, so the seconds per MB printed
here must stay flat as the input grows (a figure that doubles with the size is a
quadratic spot). This is a benchmark, not a test: it prints figures and never fails.

    python bench/bench_cost.py                      # 1, 2, 4, 8 MB; a 50 MB single line
    python bench/bench_cost.py --sizes 0.25,0.5,1 --cases dot_runs,short_lines
    python bench/bench_cost.py --stages             # also time each stage

Figures on a shared machine are noisy; compare ratios within one run.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from pipeline import runner  # noqa: E402
from pipeline.emit.jsonl import dumps_item  # noqa: E402
from pipeline.emit.markdown import render_markdown  # noqa: E402
from pipeline.restore import restore_sources  # noqa: E402
from pipeline.stages.decode import decode_bytes  # noqa: E402
from pipeline.stages.segment import split_blocks  # noqa: E402

MB = 1 << 20


def _repeat(unit: str, size: int) -> str:
    """``unit`` repeated to about ``size`` UTF-8 bytes."""
    per = len(unit.encode("utf-8"))
    return unit * max(1, size // per)


# Each case builds text of about ``size`` UTF-8 bytes.
CASES = {
    "space_runs": lambda n: "a" + " " * (n - 2) + "b",
    "space_runs_x": lambda n: _repeat("x" + " " * 1000, n),
    "punct_runs": lambda n: _repeat("，。！？；：、", n),
    "ascii_punct": lambda n: _repeat(",;:!?()[]\"'", n) + "x",
    "digit_runs": lambda n: "1" * (n - 1) + "x",
    "digit_dates": lambda n: _repeat("2022-08-17 12:30 ", n),
    "han_runs": lambda n: _repeat("民", n),
    "dot_runs": lambda n: "." * (n - 1) + "x",
    "dot_space": lambda n: _repeat(". ", n) + "x",
    "words": lambda n: _repeat("word ", n),
    "sentences": lambda n: _repeat("The man said so. ", n),
    "abbrevs": lambda n: _repeat("Mr. U.S. a.m. No. 5 ", n),
    "zh_sentences": lambda n: _repeat("民政部召开会议。“他说：好！”", n),
    "zh_quotes_open": lambda n: _repeat("民《“（", n),
    "nbsp": lambda n: _repeat("a\u00a0", n),
    "mixed": lambda n: _repeat("Lao\u00a0Niu，民政部  . 12.5 Source：x ", n),
    "meta_lines": lambda n: _repeat("Date: 2020-01-01\n", n),
    "short_lines": lambda n: _repeat("a\n", n),
    "short_lines_upper": lambda n: _repeat("A\n", n),
    # one character a line, Latin and Han mixed: a page interleaved line by line
    "mixed_lines": lambda n: _repeat("a\nb\n\u00e9\n民\n。\n.\nA\n1\n \n", n),
    "blank_lines": lambda n: _repeat("a\n\n", n),
    "soft_wrapped": lambda n: _repeat("the Ministry said that the\n", n),
    "broken_gap": lambda n: _repeat("and then the ministry said,\n\nand", n),
    # glossary hits all along one line (each looked back to the line's start once)
    "glossary_hits": lambda n: _repeat("Officials of the new crown pneumonia office met in "
                                       "chengdu on Monday. ", n),
    "fullwidth_commas": lambda n: _repeat("Some 1，000 people，", n),
}
SINGLE_LINE = "single_line"  # one line of N MB: ordinary English words, no line breaks


def _single_line(n: int) -> str:
    return _repeat("The ministry met\u00a0in Beijing，and said so. ", n)


CASES[SINGLE_LINE] = _single_line


def stage_times(text: str) -> dict[str, float]:
    """Seconds spent in each stage for one document."""
    times: dict[str, float] = {}

    def timed(name, fn, *args):
        t0 = time.perf_counter()
        out = fn(*args)
        times[name] = time.perf_counter() - t0
        return out

    data = text.encode("utf-8")
    timed("decode", decode_bytes, data)
    timed("segment", split_blocks, text)
    item = timed("build+detect", runner.build_item, "bench", [runner.SourceText("b", text)])
    config = runner.Config()
    item = timed("normalize", runner.run_rule_group, item, "normalize", config)
    item = timed("classify", runner.classify_stage.classify_item, item)
    item = timed("repair", runner.run_rule_group, item, "repair", config)
    item = timed("checks", runner.run_checks, item, config)
    item = timed("sentences", runner.add_sentences, item)
    timed("restore", restore_sources, item)
    timed("jsonl", dumps_item, item)
    timed("markdown", render_markdown, item)
    return times


def whole(text: str) -> float:
    t0 = time.perf_counter()
    runner.clean_text(text)
    return time.perf_counter() - t0


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1,2,4,8", help="sizes in MB, comma-separated")
    ap.add_argument("--single", type=float, default=50.0,
                    help="size in MB of the single-line case's largest run (0: skip)")
    ap.add_argument("--cases", default=",".join(CASES), help="cases, comma-separated")
    ap.add_argument("--stages", action="store_true", help="also print time per stage")
    args = ap.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    print(f"{'case':<18}" + "".join(f"{s:>9g}MB" for s in sizes) + "   (seconds per MB)")
    for name in args.cases.split(","):
        gen = CASES[name]
        run_sizes = sizes + ([args.single] if name == SINGLE_LINE and args.single else [])
        cells = []
        per_stage: list[tuple[float, dict[str, float]]] = []
        for s in run_sizes:
            text = gen(int(s * MB))
            mb = len(text.encode("utf-8")) / MB
            cells.append(f"{whole(text) / mb:>11.3f}")
            if args.stages:
                per_stage.append((mb, stage_times(text)))
            del text
        label = name + (f" (+{args.single:g}MB)" if len(run_sizes) > len(sizes) else "")
        print(f"{label:<18}" + "".join(cells), flush=True)
        for stage in (per_stage[0][1] if per_stage else ()):
            print(f"  {stage:<16}" + "".join(f"{t[stage] / mb:>11.3f}" for mb, t in per_stage),
                  flush=True)


if __name__ == "__main__":
    main()
