"""Shared helpers for the bilingual tests: WMT excerpts (see tests/data/SOURCE.md)."""
import json

from paths import ROOT

DATA = ROOT / "tests" / "data"
EXCERPTS = {r["line"]: r for r in map(json.loads, (DATA / "wmt_excerpts.jsonl")
                                       .read_text(encoding="utf-8").splitlines())}
DOC = json.loads((DATA / "wmt24_doc.json").read_text(encoding="utf-8"))


def doc_sides(zh_paras=None, en_paras=None):
    """The WMT24 document as two texts, one paragraph per segment unless given."""
    zh = "\n\n".join(zh_paras or DOC["zh"]) + "\n"
    en = "\n\n".join(en_paras or DOC["en"]) + "\n"
    return zh, en
