"""Throughput of sentence splitting, printed as figures (no assertions).

    PYTHONPATH=$PWD python bench/bench_sentences.py [--repeat 5] [--data DIR]

1. The regex fast path (``split_english``, ``split_chinese``) on WMT21 newstest2021 zh-en:
   the English reference and the Chinese source, one call per line (a line is a short
   block) and one call per paragraph of ten lines.
2. The spaCy pipeline ``english_nlp()`` (``spacy.blank("en")`` plus the same rules) on the
   same English lines, with ``nlp.pipe``.
3. Linear time: adversarial texts (long runs of dots, spaced dots, abbreviations, end marks,
   unmatched quotes and brackets) at 0.5, 1 and 2 MB; the time per MB must stay flat.

Figures are best-of-N wall-clock times; on a shared machine they are noisy.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.stages.sentences import english_nlp, split_chinese, split_english  # noqa: E402

# ../shared/data next to the repository (in a nested checkout, the nearest one above it)
DATA = next((p / "shared" / "data" / "wmt21-newstest2021-zhen" for p in ROOT.parents
             if (p / "shared" / "data").is_dir()), ROOT.parent / "shared" / "data")
EN_FILE = "newstest2021.zh-en.ref.A.en"
ZH_FILE = "newstest2021.zh-en.src.zh"


def best_of(repeat: int, fn) -> float:
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def throughput(label: str, chunks: list[str], split, repeat: int) -> None:
    chars = sum(map(len, chunks))
    seconds = best_of(repeat, lambda: [split(c) for c in chunks])
    sentences = sum(len(split(c)) for c in chunks)
    print(f"{label:<46} {chars / seconds / 1e6:8.1f} M chars/s"
          f"  ({len(chunks)} calls, {sentences} sentences)")


def paragraphs(lines: list[str], size: int, sep: str) -> list[str]:
    return [sep.join(lines[i:i + size]) for i in range(0, len(lines), size)]


ADVERSARIAL = {
    "en": {
        "dots": "." * 64 + "a",
        "spaced dots": ". " * 32 + "a ",
        "initials": "A. " * 20 + "b ",
        "abbreviations": "Mr. U.S. a.m. No. 5 ",
        "end marks": "!?" * 30 + "x ",
        "list labels": "1. a 2. b 3. c ",
        "bullets": "• " * 30,
        "no spaces": "a.b" * 30,
        "spaces": " " * 60 + ". ",
    },
    "zh": {
        "end marks": "。" * 64,
        "half-width !": "!" * 64 + "a",
        "open quotes": "“" * 64,
        "open titles": "《" * 32 + "。",
        "unbalanced": "“《（。" * 16,
        "close quotes": "”" * 32 + "。",
        "straight quotes": '"。' * 32,
        "quoted ends": "“走吧。”" * 12,
    },
}


def linear_check(repeat: int) -> None:
    print("\ntime per MB on adversarial text (flat = linear):")
    for lang, cases in ADVERSARIAL.items():
        split = split_english if lang == "en" else split_chinese
        for name, unit in cases.items():
            per_mb = []
            for mb in (0.5, 1, 2):
                text = unit * int(mb * 1_000_000 // len(unit))
                per_mb.append(best_of(2, lambda: split(text)) / mb)
            figures = "  ".join(f"{t * 1000:7.1f}" for t in per_mb)
            print(f"  {lang} {name:<18} ms/MB at 0.5, 1, 2 MB: {figures}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--data", type=Path, default=DATA)
    args = parser.parse_args()

    en = (args.data / EN_FILE).read_text(encoding="utf-8").splitlines()
    zh = (args.data / ZH_FILE).read_text(encoding="utf-8").splitlines()
    print(f"fast path ({EN_FILE}, {ZH_FILE}):")
    throughput("  split_english, per line", en, split_english, args.repeat)
    throughput("  split_english, per 10-line paragraph", paragraphs(en, 10, " "),
               split_english, args.repeat)
    throughput("  split_chinese, per line", zh, split_chinese, args.repeat)
    throughput("  split_chinese, per 10-line paragraph", paragraphs(zh, 10, ""),
               split_chinese, args.repeat)

    nlp = english_nlp()
    chars = sum(map(len, en))
    seconds = best_of(max(1, args.repeat // 2), lambda: list(nlp.pipe(en)))
    print(f"\nspaCy english_nlp() (blank en + rules), nlp.pipe per line: "
          f"{chars / seconds / 1e6:.2f} M chars/s")
    blank = english_nlp.__wrapped__().tokenizer
    seconds = best_of(max(1, args.repeat // 2), lambda: [blank(t) for t in en])
    print(f"spaCy blank English tokenizer alone:                      "
          f"{chars / seconds / 1e6:.2f} M chars/s")

    linear_check(args.repeat)


if __name__ == "__main__":
    main()
