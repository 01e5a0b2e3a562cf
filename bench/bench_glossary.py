"""Glossary matching throughput (characters per second) on real news text, next to a
baseline measured in the same run: reading, parsing and writing the same text as JSON
Lines with orjson.

    python bench/bench_glossary.py [--data ../shared/data] [--repeat 5]

English text: WMT21 zh-en Online-A and Online-W MT output and the human reference.
Chinese text: the WMT21 zh-en source. Glossaries: the shipped one, and a synthetic one
of 10,000 concepts: the shipped concepts, terms sampled from *other* news (WMT22 zh-en
documents: 2-3-word English n-grams that neither start nor end with a function word,
2-6-character Chinese substrings) and, to reach
10,000, random 2-4-word combinations of that news vocabulary (names that mostly never
occur, as in a real glossary). Targets with 10,000 terms: English at 1/4 of the
baseline or better, Chinese at 1/15 or better. Prints figures; asserts nothing.
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.glossary import load_glossaries  # noqa: E402
from pipeline.glossary.match import build_matcher  # noqa: E402
from pipeline.glossary.model import Entry, Glossary  # noqa: E402

TARGETS = {"en": 4, "zh": 15}
# a term is a noun phrase: it neither starts nor ends with a function word ("of the")
FUNCTION_WORDS = frozenset("a an and are as at be been but by for from had has have he her "
                           "his in into is it its of on or our she that the their them they "
                           "this to was we were which who will with would".split())
SIZE = 10_000


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def synthetic(shipped: Glossary, data: Path, size: int = SIZE) -> Glossary:
    rng = random.Random(20211)
    docs = [orjson.loads(line) for line in
            (data / "wmt22-generaltest2022-docs" / "zh-en.news_docs.jsonl").read_bytes()
            .splitlines() if line.strip()]
    en_lines = [s["en_refA"] for d in docs for s in d["segments"] if s.get("en_refA")]
    zh_lines = [s["zh"] for d in docs for s in d["segments"] if s.get("zh")]
    words = [[w.strip('.,;:"()\'') for w in line.split()] for line in en_lines]
    words = [[w for w in ws if w] for ws in words]
    vocab = sorted({w for ws in words for w in ws if len(w) > 2})
    en_terms: dict[str, None] = {}
    zh_terms: dict[str, None] = {}
    while len(en_terms) < size // 10:
        ws = rng.choice(words)
        if len(ws) > 3:
            i = rng.randrange(len(ws) - 2)
            gram = ws[i:i + rng.randint(2, 3)]
            if gram[0].lower() not in FUNCTION_WORDS and gram[-1].lower() not in FUNCTION_WORDS:
                en_terms[" ".join(gram)] = None
    while len(en_terms) < size - len(shipped):
        en_terms[" ".join(rng.choice(vocab) for _ in range(rng.randint(2, 4)))] = None
    while len(zh_terms) < size - len(shipped):
        line = rng.choice(zh_lines)
        if len(line) > 8:
            i = rng.randrange(len(line) - 6)
            zh_terms[line[i:i + rng.randint(2, 6)]] = None
    extra = tuple(Entry(f"synthetic-{i}", (zh,), en) for i, (zh, en) in
                  enumerate(zip(zh_terms, en_terms)))
    return Glossary(shipped.entries + extra)


def best_rate(fn, chars: int, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return chars / best


def baseline(lines: list[str], repeat: int) -> float:
    """Read, parse and write the same text as JSON Lines with orjson."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "in.jsonl"
        src.write_bytes(b"".join(orjson.dumps({"text": t}) + b"\n" for t in lines))
        dst = Path(tmp) / "out.jsonl"

        def run():
            out = [orjson.dumps(orjson.loads(line)) for line in src.read_bytes().splitlines()]
            dst.write_bytes(b"\n".join(out) + b"\n")

        return best_rate(run, sum(map(len, lines)), repeat)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    data = Path(args.data)
    if not (data / "wmt21-newstest2021-zhen").is_dir():
        sys.exit(f"bench_glossary: data folder not found: {data} (pass --data)")
    wmt = data / "wmt21-newstest2021-zhen"
    texts = {
        "en": sum((read_lines(wmt / f"newstest2021.zh-en.{n}.en")
                   for n in ("hyp.Online-A", "hyp.Online-W", "ref.A")), []),
        "zh": read_lines(wmt / "newstest2021.zh-en.src.zh"),
    }
    shipped = load_glossaries(None)
    start = time.perf_counter()
    big = synthetic(shipped, data)
    made = time.perf_counter() - start
    print(f"glossaries: shipped {len(shipped)} concepts; synthetic {len(big)} concepts "
          f"(made in {made:.2f}s)")
    print(f"{'text':<4} {'glossary':<10} {'build s':>8} {'chars/s':>12} {'baseline/s':>12} "
          f"{'ratio':>8} {'target':>8}")
    for lang, lines in texts.items():
        chars = sum(map(len, lines))
        base = baseline(lines, args.repeat)
        for name, glossary in (("shipped", shipped), ("10k", big)):
            start = time.perf_counter()
            matcher = build_matcher(glossary)
            built = time.perf_counter() - start
            # search_en: find_en keeps the hits of recent texts, and each repeat would
            # only look them up again
            find = matcher.search_en if lang == "en" else matcher.find_zh

            def run():
                for line in lines:
                    find(line)

            rate = best_rate(run, chars, args.repeat)
            target = f"1/{TARGETS[lang]}" if name == "10k" else ""
            met = "" if not target else (" ok" if rate * TARGETS[lang] >= base else " MISSED")
            print(f"{lang:<4} {name:<10} {built:>8.2f} {rate:>12,.0f} {base:>12,.0f} "
                  f"{'1/' + format(base / rate, '.1f'):>8} {target:>8}{met}")
    print(f"text: {sum(map(len, texts['en'])):,} English and {sum(map(len, texts['zh'])):,} "
          "Chinese characters, best of", args.repeat, "runs")
    precision(shipped, data, wmt)


def precision(shipped: Glossary, data: Path, wmt: Path) -> None:
    """Glossary edits on human reference translations (should be none) and on MT."""
    from pipeline.stages.glossary import enforce_text

    docs = [orjson.loads(line) for line in
            (data / "wmt22-generaltest2022-docs" / "zh-en.news_docs.jsonl").read_bytes()
            .splitlines() if line.strip()]
    sets = {
        "WMT21 ref.A (human)": read_lines(wmt / "newstest2021.zh-en.ref.A.en"),
        "WMT22 en_refA (human)": [s["en_refA"] for d in docs for s in d["segments"]
                                  if s.get("en_refA")],
        "WMT21 Online-A (MT)": read_lines(wmt / "newstest2021.zh-en.hyp.Online-A.en"),
        "WMT21 Online-W (MT)": read_lines(wmt / "newstest2021.zh-en.hyp.Online-W.en"),
    }
    print("glossary edits with the shipped glossary (every line as a paragraph):")
    for name, lines in sets.items():
        edits = [e for i, line in enumerate(lines) for e in enforce_text(line, shipped, i)[1]]
        changed = len({e.block for e in edits})
        print(f"  {name:<24} {len(lines):>5} lines  {len(edits):>4} edits in {changed} lines")
        if name.endswith("(human)"):
            for e in edits:
                print(f"    {e.rule} {e.before!r} -> {e.after!r} ({e.entry})")


if __name__ == "__main__":
    main()
