"""Evaluate zh-en alignment and the cross-language checks on WMT news documents.

Each document of WMT22 zh-en (Chinese with its human reference en_refA) and of WMT24
en-zh (English with its human reference zh_refA) is known segment by segment. One side
is re-paragraphed (segments merged with the next one or split at a sentence end, seeded
by the document id, so every run is the same), the two sides are cleaned as one
bilingual item, and every aligned sentence pair links the segments its sentences came
from. Precision and recall of those links against the known pairing are printed.

Then the cross-language checks run on each document paragraph by paragraph, once with
the human translation (they should stay quiet) and once with a machine translation, and
the share of bilingual blocks each check fires on is printed.

    python bench/eval_align.py [--data ../shared/data]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.emit.markdown import SHOWN, render_markdown  # noqa: E402
from pipeline.runner import SourceText, clean_sources, clean_text  # noqa: E402
from pipeline.stages.sentences import split_sentences  # noqa: E402

SETS = [
    # file, Chinese field, English field, machine translation field, side re-paragraphed
    ("wmt22-generaltest2022-docs/zh-en.news_docs.jsonl", "zh", "en_refA",
     ("en", "en_mt_Online-A"), "en"),
    ("wmt24-enzh-news-docs/en-zh.news_docs.jsonl", "zh_refA", "en",
     ("zh", "zh_mt_ONLINE-B"), "zh"),
]
MERGE_P = 0.3
SPLIT_P = 0.3
ENDS = tuple(".!?。！？\"”’)）")


def reparagraph(segments: list[str], lang: str, rng: random.Random) -> list[list[tuple[int, str]]]:
    """Paragraphs as lists of (segment id, text): segments merged with the next one or
    split at a sentence end, differently from the other side."""
    paras: list[list[tuple[int, str]]] = []
    for k, text in enumerate(segments):
        sents = split_sentences(text, lang)
        if k > 0 and len(sents) > 1 and rng.random() < SPLIT_P:
            cut = rng.randrange(1, len(sents))
            sep = "" if lang == "zh" else " "
            pieces = [sep.join(sents[:cut]), sep.join(sents[cut:])]
        else:
            pieces = [text]
        for n, piece in enumerate(pieces):
            # only whole sentences are run together: a heading merged into the next
            # paragraph would make one run-on sentence that no aligner could split
            if paras and n == 0 and k > 1 and paras[-1][-1][1].rstrip()[-1:] in ENDS \
                    and rng.random() < MERGE_P:
                paras[-1].append((k, piece))
            else:
                paras.append([(k, piece)])
    return paras


def _squash(s: str) -> str:
    return "".join(s.split())


def _bare(s: str) -> str:
    return "".join(c for c in s if c.isalnum())


class Locator:
    """Map sentences of the cleaned text back to the segments they came from."""

    def __init__(self, pieces: list[tuple[int, str]]):
        self.text = ""
        self.ids: list[int] = []
        for k, piece in pieces:
            # letters and digits only: punctuation and spacing repairs must not move it
            sq = _bare(piece)
            self.text += sq
            self.ids.extend([k] * len(sq))
        self.cursor = 0

    def segments(self, sentence: str) -> set[int]:
        sq = _bare(sentence)
        at = self.text.find(sq, self.cursor)
        if at < 0 or at > self.cursor + 200:
            at = self.cursor  # changed by a repair rule: assume it is the next text
        end = min(at + len(sq), len(self.ids))
        self.cursor = end
        return set(self.ids[at:end])


def side_pieces(paras, joiner):
    text = "\n\n".join(joiner.join(t for _, t in p) for p in paras)
    return text, [piece for p in paras for piece in p]


def evaluate_alignment(docs, zh_key, en_key, re_side):
    tp = n_pred = n_gold = 0
    types: Counter = Counter()
    for doc in docs:
        segs = [s for s in doc["segments"] if s[zh_key].strip() and s[en_key].strip()]
        rng = random.Random(doc["doc_id"])
        zh_segs = [s[zh_key] for s in segs]
        en_segs = [s[en_key] for s in segs]
        zh_paras = [[(k, t)] for k, t in enumerate(zh_segs)]
        en_paras = [[(k, t)] for k, t in enumerate(en_segs)]
        if re_side in ("zh", "both"):
            zh_paras = reparagraph(zh_segs, "zh", rng)
        if re_side in ("en", "both"):
            en_paras = reparagraph(en_segs, "en", rng)
        zh_text, zh_pieces = side_pieces(zh_paras, "")
        en_text, en_pieces = side_pieces(en_paras, " ")
        item = clean_sources(doc["doc_id"], [SourceText("zh", zh_text, lang="zh"),
                                             SourceText("en", en_text, lang="en")])
        zh_loc, en_loc = Locator(zh_pieces), Locator(en_pieces)
        pred: set[tuple[int, int]] = set()
        for b in item.blocks:
            zh_of = [zh_loc.segments(s) for s in b.zh_sentences]
            en_of = [en_loc.segments(s) for s in b.en_sentences]
            for p in dict(b.align).get("pairs", ()):
                types[p["type"]] += 1
                zs = set().union(*(zh_of[i] for i in p["zh"])) if p["zh"] else set()
                es = set().union(*(en_of[i] for i in p["en"])) if p["en"] else set()
                pred |= {(z, e) for z in zs for e in es}
        gold = {(k, k) for k in range(len(segs))}
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
    return tp / max(n_pred, 1), tp / max(n_gold, 1), n_gold, types


def check_rates(docs, zh_key, en_key, mt=None, show=False):
    """Share of bilingual blocks on which each check fires, paragraph by paragraph."""
    fired: Counter = Counter()
    blocks = 0
    for doc in docs:
        segs = [s for s in doc["segments"] if s[zh_key].strip() and s[en_key].strip()]
        zh = [s[zh_key] for s in segs]
        en = [s[en_key] for s in segs]
        if mt:
            side, key = mt
            if side == "zh":
                zh = [s.get(key) or "" for s in segs]
            else:
                en = [s.get(key) or "" for s in segs]
        item = clean_sources(doc["doc_id"], [SourceText("zh", "\n\n".join(zh), lang="zh"),
                                             SourceText("en", "\n\n".join(en), lang="en")])
        blocks += sum(1 for b in item.blocks if b.zh and b.en)
        for c in item.checks:
            fired[c.check] += 1
            if show:
                b = item.blocks[c.block]
                print(f"    {c.check}: {c.message}\n      zh: {(b.zh or '')[:150]}\n"
                      f"      en: {(b.en or '')[:200]}")
    return blocks, fired


def interleaved(docs, zh_key, en_key):
    """One file per document, each Chinese segment followed by its English, with the
    English of about one segment in ten left out (seeded): precision and recall of the
    block pairs."""
    tp = n_pred = n_gold = 0
    for doc in docs:
        segs = [s for s in doc["segments"] if s[zh_key].strip() and s[en_key].strip()]
        rng = random.Random(doc["doc_id"] + "interleaved")
        keep = [rng.random() >= 0.1 for _ in segs]
        parts = []
        for s, k in zip(segs, keep):
            parts.append(s[zh_key])
            if k:
                parts.append(s[en_key])
        item = clean_sources(doc["doc_id"], [SourceText("inter", "\n\n".join(parts))])
        # compared by position in the file (repairs may change the text itself)
        positions, pos = [], 0
        for k in keep:
            positions.append((pos, pos + 1 if k else None))
            pos += 2 if k else 1
        pred = {(b.zh_origin.pos, b.en_origin.pos) for b in item.blocks
                if b.zh and b.en and b.zh_origin and b.en_origin}
        gold = {p for p in positions if p[1] is not None}
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
    return tp / max(n_pred, 1), tp / max(n_gold, 1)


def interleaved_cut(docs, zh_key, en_key):
    """One file per document, each Chinese segment followed by its English but the
    headline's (a stray English line on top), with one English segment cut to a fifth:
    each segment in turn. Precision and recall of the block pairs, and how many pages
    have more than two wrong pairs (a reading shifted by one)."""
    tp = n_pred = n_gold = shifted = pages = 0
    for doc in docs:
        segs = [s for s in doc["segments"] if s[zh_key].strip() and s[en_key].strip()]
        for cut in range(1, len(segs)):
            parts, gold, pos = [segs[0][en_key]], set(), 1
            for k, s in enumerate(segs[1:], 1):
                en = s[en_key] if k != cut else s[en_key][:max(8, len(s[en_key]) // 5)]
                parts += [s[zh_key], en]
                gold.add((pos, pos + 1))
                pos += 2
            item = clean_sources(doc["doc_id"], [SourceText("inter", "\n\n".join(parts))])
            pred = {(b.zh_origin.pos, b.en_origin.pos) for b in item.blocks
                    if b.zh and b.en and b.zh_origin and b.en_origin}
            tp += len(pred & gold)
            n_pred += len(pred)
            n_gold += len(gold)
            shifted += len(pred - gold) > 2
            pages += 1
    return tp / max(n_pred, 1), tp / max(n_gold, 1), shifted, pages


def dropped_paragraphs(docs, zh_key, en_key):
    """Leave one English segment out of each document (seeded) and count how often the
    Chinese segment is reported by qa.missing, how many other blocks are, and the
    documents with a block pair that is wrong (a reading shifted towards the gap)."""
    found = false_alarms = tried = shifted = 0
    for doc in docs:
        segs = [s for s in doc["segments"] if s[zh_key].strip() and s[en_key].strip()]
        if len(segs) < 3:
            continue
        drop = random.Random(doc["doc_id"] + "drop").randrange(1, len(segs))
        zh = "\n\n".join(s[zh_key] for s in segs)
        en = "\n\n".join(s[en_key] for k, s in enumerate(segs) if k != drop)
        item = clean_sources(doc["doc_id"], [SourceText("zh", zh, lang="zh"),
                                             SourceText("en", en, lang="en")])
        tried += 1
        english = [k for k in range(len(segs)) if k != drop]  # segment of each English block
        shifted += any(b.zh_origin.pos != english[b.en_origin.pos] for b in item.blocks
                       if b.zh and b.en and b.zh_origin and b.en_origin)
        reported = [item.blocks[c.block].zh for c in item.checks if c.check == "qa.missing"]
        found += segs[drop][zh_key].strip() in [(r or "").strip() for r in reported]
        false_alarms += sum(1 for r in reported if (r or "").strip() != segs[drop][zh_key].strip())
    return found, tried, false_alarms, shifted


def left_out_runs(docs, zh_key, en_key, side: str, per_doc: int = 4):
    """One segment of one side left out, at up to ``per_doc`` places per document
    (seeded): the runs with a block pair that is wrong, and the wrong pairs."""
    runs = wrong_runs = wrong = 0
    for doc in docs:
        segs = [s for s in doc["segments"] if s[zh_key].strip() and s[en_key].strip()]
        if len(segs) < 4:
            continue
        rng = random.Random(doc["doc_id"] + "left out")
        for drop in rng.sample(range(1, len(segs)), min(per_doc, len(segs) - 1)):
            zh = [k for k in range(len(segs)) if side != "zh" or k != drop]
            en = [k for k in range(len(segs)) if side != "en" or k != drop]
            item = clean_sources(doc["doc_id"], [
                SourceText("zh", "\n\n".join(segs[k][zh_key] for k in zh), lang="zh"),
                SourceText("en", "\n\n".join(segs[k][en_key] for k in en), lang="en")])
            bad = sum(1 for b in item.blocks if b.zh and b.en and b.zh_origin and b.en_origin
                      and zh[b.zh_origin.pos] != en[b.en_origin.pos])
            runs += 1
            wrong_runs += bad > 0
            wrong += bad
    return wrong_runs, runs, wrong


def markdown_again(docs, zh_key, en_key, variants: int = 8):
    """Pairs with blocks that have no counterpart, made from each document (seeded):
    3 to 12 segments, one to three of them left out on one side or cut short. How many
    read back differently when their Markdown is cleaned again (the Markdown shows the
    pairing only by order and script), and how many of their block pairs are wrong."""
    differ = tried = wrong = 0
    for doc in docs:
        segs = [s for s in doc["segments"] if (s.get(zh_key) or "").strip()
                and (s.get(en_key) or "").strip()]
        rng = random.Random(doc["doc_id"] + "markdown")
        for _ in range(variants):
            k = min(len(segs), rng.randint(3, 12))
            start = rng.randrange(len(segs) - k + 1)
            zh = [(j, s[zh_key]) for j, s in enumerate(segs[start:start + k])]
            en = [(j, s[en_key]) for j, s in enumerate(segs[start:start + k])]
            for _ in range(rng.randint(1, 3)):
                if len(zh) < 2 or len(en) < 2:
                    break
                r, i = rng.random(), rng.randrange(min(len(zh), len(en)))
                if r < 0.3:  # a truncated translation
                    zh[i] = (zh[i][0], zh[i][1][:max(2, len(zh[i][1]) // 5)] + "。")
                elif r < 0.5:
                    del zh[i]
                elif r < 0.7:
                    del en[i]
                else:
                    en[i] = (en[i][0], en[i][1].split(",")[0] + ".")
            item = clean_sources(doc["doc_id"], [
                SourceText("zh", "\n\n".join(t for _, t in zh), lang="zh"),
                SourceText("en", "\n\n".join(t for _, t in en), lang="en")])
            again = clean_text(render_markdown(item), doc["doc_id"], name="page.md")
            tried += 1
            differ += _shown(again) != _shown(item)
            wrong += sum(1 for b in item.blocks if b.zh and b.en and b.zh_origin
                         and b.en_origin and zh[b.zh_origin.pos][0] != en[b.en_origin.pos][0])
    return differ, tried, wrong


def _shown(item):
    return [(b.zh, b.en) for b in item.blocks if b.kind in SHOWN]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data"))
    ap.add_argument("--show", action="store_true", help="print check messages")
    args = ap.parse_args(argv)
    ok = True
    for rel, zh_key, en_key, mt, re_side in SETS:
        path = Path(args.data) / rel
        docs = [json.loads(line) for line in path.open(encoding="utf-8")]
        t0 = time.perf_counter()
        p, r, n, types = evaluate_alignment(docs, zh_key, en_key, re_side)
        dt = time.perf_counter() - t0
        print(f"{rel}: {len(docs)} docs, {n} segments")
        print(f"  {re_side} side re-paragraphed: precision {p:.3f} recall {r:.3f}  ({dt:.1f}s; "
              "sentence beads " + ", ".join(f"{k} {v}" for k, v in sorted(types.items())) + ")")
        ok &= p >= 0.95 and r >= 0.95
        p, r, n, types = evaluate_alignment(docs, zh_key, en_key, "both")
        print(f"  both sides re-paragraphed: precision {p:.3f} recall {r:.3f}")
        p, r = interleaved(docs, zh_key, en_key)
        print(f"  interleaved file, 1 English segment in 10 left out: precision {p:.3f} "
              f"recall {r:.3f}")
        p, r, shifted, pages = interleaved_cut(docs, zh_key, en_key)
        print(f"  interleaved file without the Chinese headline, 1 English segment cut "
              f"short: precision {p:.3f} recall {r:.3f} ({shifted}/{pages} pages shifted)")
        found, tried, false_alarms, shifted = dropped_paragraphs(docs, zh_key, en_key)
        print(f"  one English segment left out per document: qa.missing found it in "
              f"{found}/{tried} documents ({false_alarms} other blocks reported); a wrong "
              f"block pair in {shifted}/{tried}")
        mt_zh, mt_en = (mt[1], en_key) if mt[0] == "zh" else (zh_key, mt[1])
        for label, zk, ek, side in (("English", zh_key, en_key, "en"),
                                    ("Chinese", zh_key, en_key, "zh"),
                                    (f"English ({mt[1]})" if mt[0] == "en" else
                                     f"Chinese ({mt[1]})", mt_zh, mt_en, mt[0])):
            wrong_runs, runs, wrong = left_out_runs(docs, zk, ek, side)
            print(f"  one {label} segment left out, up to 4 places per document: a wrong "
                  f"block pair in {wrong_runs}/{runs} runs ({wrong} pairs)")
        differ, tried, wrong = markdown_again(docs, mt_zh, mt_en)
        print(f"  pairs ({mt[1]}) with segments left out or cut short: the Markdown of "
              f"{differ}/{tried} reads back differently; {wrong} wrong block pairs")
        for label, which in (("human translation", None), (f"machine translation {mt[1]}", mt)):
            blocks, fired = check_rates(docs, zh_key, en_key, which, args.show)
            rates = ", ".join(f"{k} {v} ({v / blocks:.1%})" for k, v in sorted(fired.items()))
            print(f"  checks on {label}: {blocks} blocks; {rates or 'none fired'}")
    scaling(Path(args.data) / SETS[0][0], SETS[0][1], SETS[0][2])
    return 0 if ok else 1


def scaling(path: Path, zh_key: str, en_key: str) -> None:
    """Time to clean one long bilingual item made of every document, 1, 2 and 4 times
    over: the banded search keeps it linear."""
    segs = [s for line in path.open(encoding="utf-8")
            for s in json.loads(line)["segments"]]
    for times in (1, 2, 4):
        zh = "\n\n".join(s[zh_key] for s in segs * times)
        en = "\n\n".join(s[en_key] for s in segs * times)
        t0 = time.perf_counter()
        clean_sources("long", [SourceText("zh", zh, lang="zh"), SourceText("en", en, lang="en")])
        dt = time.perf_counter() - t0
        print(f"  one item of {len(segs) * times} segments: {dt:.2f}s "
              f"({dt / (len(segs) * times) * 1000:.1f} ms per segment)")


if __name__ == "__main__":
    sys.exit(main())
