"""Evaluate the repair rules on the shared WMT data: what they find and fix in commercial
MT output, and how little they touch human reference translations.

Run from the repository root:

    PYTHONPATH=$PWD python bench/eval_repair.py [--data ../shared/data] [--examples 3]

WMT21 newstest2021 has no document boundaries: a document starts at each line whose
Chinese source ends in a site suffix ("-新华网", " - 中新网"), and runs of more than 40
lines are cut into documents of 20. The same boundaries apply to every English side, so
the MT outputs and the reference are cut alike. WMT22 comes as documents.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.registry import STRUCTURAL  # noqa: E402
from pipeline.restore import restore_sources  # noqa: E402
from pipeline.runner import clean_text  # noqa: E402

WMT21 = "wmt21-newstest2021-zhen"
WMT22 = "wmt22-generaltest2022-docs"
WMT24 = "wmt24-enzh-news-docs"
# edits that move page furniture (site names) out of text, rather than repair wording
MOVES = frozenset({"repair.site_suffix"})
_ZH_HEADLINE = regex.compile(r"(?:[-－—]|\s-\s)\s*\S{1,12}(?:网|在线)\s*\Z")
MAX_DOC_LINES = 40
CHUNK = 20


def wmt21_documents(data: Path, side: str) -> list[list[str]]:
    src = (data / WMT21 / "newstest2021.zh-en.src.zh").read_text(encoding="utf-8").splitlines()
    tgt = (data / WMT21 / f"newstest2021.zh-en.{side}").read_text(
        encoding="utf-8").splitlines()
    starts = [i for i, line in enumerate(src) if i == 0 or _ZH_HEADLINE.search(line)]
    docs = []
    for a, b in zip(starts, starts[1:] + [len(src)]):
        step = CHUNK if b - a > MAX_DOC_LINES else b - a
        docs.extend(tgt[k:min(k + step, b)] for k in range(a, b, step))
    return docs


def wmt22_documents(data: Path, field: str, name: str = "zh-en.news_docs.jsonl",
                    folder: str = WMT22) -> list[list[str]]:
    docs = []
    with open(data / folder / name, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            docs.append([seg[field] for seg in rec["segments"]])
    return docs


def wmt21_english_original(data: Path) -> list[list[str]]:
    lines = (data / WMT21 / "newstest2021.en-zh.src.en").read_text(
        encoding="utf-8").splitlines()
    return [lines[k:k + CHUNK] for k in range(0, len(lines), CHUNK)]


def evaluate(docs: list[list[str]], name: str) -> dict:
    edits: Counter[str] = Counter()
    checks: Counter[str] = Counter()
    kinds: Counter[str] = Counter()
    examples: dict[str, list[tuple[str, str]]] = {}
    blocks = edited = edited_text = 0
    lost = 0
    unstable = 0
    for n, lines in enumerate(docs):
        text = "\n\n".join(line.strip() for line in lines) + "\n"
        item = clean_text(text, f"{name}-{n}")
        if restore_sources(item) != [text]:
            lost += 1
        again = clean_text("\n\n".join(b.text(s) for b in item.blocks for s in b.sides)
                           + "\n")
        unstable += sum(1 for e in again.edits if e.rule not in MOVES)
        blocks += len(item.blocks)
        touched = {e.block for e in item.edits}
        touched_text = {e.block for e in item.edits if e.rule not in MOVES}
        edited += len(touched)
        edited_text += len(touched_text)
        for e in item.edits:
            edits[e.rule] += 1
            examples.setdefault(e.rule, [])
            if len(examples[e.rule]) < 50:
                examples[e.rule].append((e.before, e.after))
        for c in item.checks:
            checks[c.check] += 1
            examples.setdefault(c.check, [])
            if len(examples[c.check]) < 50:
                examples[c.check].append((c.span or "", c.message))
        kinds.update(b.kind for b in item.blocks)
    return {"docs": len(docs), "blocks": blocks, "edited": edited,
            "edited_text": edited_text, "edits": edits, "checks": checks, "kinds": kinds,
            "examples": examples, "lost": lost, "unstable": unstable}


def pct(a: int, b: int) -> str:
    return f"{100 * a / b:.2f}%" if b else "-"


def report(name: str, r: dict, examples: int, reference: bool) -> None:
    print(f"\n## {name} ({'human text' if reference else 'MT output'})")
    print(f"documents {r['docs']}, blocks {r['blocks']}, kinds "
          + ", ".join(f"{k} {v}" for k, v in sorted(r["kinds"].items())))
    print(f"blocks edited: {r['edited']} ({pct(r['edited'], r['blocks'])}); "
          f"by text repairs (not counting site names moved to meta): {r['edited_text']} "
          f"({pct(r['edited_text'], r['blocks'])})")
    print(f"restore mismatches: {r['lost']}; edits on re-cleaning: {r['unstable']}")
    for label, counter in (("edits", r["edits"]), ("checks", r["checks"])):
        for ident, count in sorted(counter.items(), key=lambda kv: (-kv[1], kv[0])):
            kind = "structural" if ident in STRUCTURAL else label[:-1]
            print(f"  {ident:32} {count:5}  ({kind})")
            if reference or examples > 3:
                for before, after in r["examples"][ident][:examples]:
                    print(f"      {before[:70]!r} -> {after[:70]!r}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--examples", type=int, default=3,
                    help="examples shown per rule for the references")
    args = ap.parse_args(argv)
    data = Path(args.data)
    if not (data / WMT21).is_dir() or not (data / WMT22).is_dir():
        print(f"eval_repair: error: no WMT data under {data} (use --data)", file=sys.stderr)
        return 1
    runs = [
        ("wmt21 Online-A", wmt21_documents(data, "hyp.Online-A.en"), False),
        ("wmt21 Online-W", wmt21_documents(data, "hyp.Online-W.en"), False),
        ("wmt22 Online-A", wmt22_documents(data, "en_mt_Online-A"), False),
        ("wmt22 Online-B", wmt22_documents(data, "en_mt_Online-B"), False),
        ("wmt21 ref.A", wmt21_documents(data, "ref.A.en"), True),
        ("wmt22 refA", wmt22_documents(data, "en_refA"), True),
        ("wmt22 refB", wmt22_documents(data, "en_refB"), True),
        # controls: text written in its own language, where every edit needs a reason
        ("wmt21 en-zh source (English original)", wmt21_english_original(data), True),
        ("wmt22 en-zh source (English original)",
         wmt22_documents(data, "en", "en-zh.news_docs.jsonl"), True),
        ("wmt24 en-zh source (English original)",
         wmt22_documents(data, "en", "en-zh.news_docs.jsonl", WMT24), True),
        ("wmt21 zh-en source (Chinese original)", wmt21_documents(data, "src.zh"), True),
        ("wmt22 zh-en source (Chinese original)", wmt22_documents(data, "zh"), True),
    ]
    print("# Repair evaluation on the shared WMT zh-en data")
    total_blocks, started = 0, time.perf_counter()
    for name, docs, reference in runs:
        result = evaluate(docs, name)
        total_blocks += result["blocks"]
        report(name, result, args.examples, reference)
    elapsed = time.perf_counter() - started
    print(f"\n{total_blocks} blocks cleaned twice (clean, then re-clean) in {elapsed:.1f} s "
          f"({2 * total_blocks / elapsed:.0f} blocks/s on this machine)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
