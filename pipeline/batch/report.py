"""The run report: counts that depend only on the input and the config, and a separate
``timing`` object for everything that varies between runs (seconds, speed, jobs)."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Sequence

import orjson

from .. import __version__
from ..runner import Config
from .journal import JournalEntry, decode_counts, decode_reason
from .work import glossary_digests


def build_report(entries: Iterable[JournalEntry], inputs: Sequence[str], config: Config,
                 timing: dict) -> dict:
    items_in = items_out = chars = 0
    edits: dict[str, int] = {}
    checks: dict[str, dict[str, int]] = {}
    reasons: dict[str, int] = {}
    items_end = 0
    for e in entries:
        items_in += 1
        chars += e.chars
        if e.items_end > items_end:
            items_out += 1
        items_end = e.items_end
        for rule, n in decode_counts(e.edits):
            edits[rule] = edits.get(rule, 0) + n
        for key, n in decode_counts(e.checks):
            check, _, severity = key.rpartition("/")
            by_sev = checks.setdefault(check, {})
            by_sev[severity] = by_sev.get(severity, 0) + n
        reason = decode_reason(e.reason)
        if reason is not None:
            reasons[reason] = reasons.get(reason, 0) + 1
    return {
        "mtclean": __version__,
        "inputs": list(inputs),
        "config": {"disabled": sorted(config.disabled),
                   "glossaries": [{"file": _shown(path), "sha256": digest}
                                  for path, digest in glossary_digests(config)],
                   "use_glossary": config.use_glossary},
        "items": {"in": items_in, "out": items_out, "rejected": items_in - items_out},
        "chars_in": chars,
        "edits": dict(sorted(edits.items())),
        "checks": {k: dict(sorted(v.items())) for k, v in sorted(checks.items())},
        "rejects": dict(sorted(reasons.items())),
        "timing": timing,
    }


def dumps_report(report: dict) -> bytes:
    return orjson.dumps(report, option=orjson.OPT_INDENT_2) + b"\n"


def summary(report: dict) -> str:
    """A few lines for a person at the end of a run."""
    items, timing = report["items"], report["timing"]
    lines = [f"items: {items['in']} in, {items['out']} out, {items['rejected']} rejected"
             + (f" (resumed {timing['items_resumed']} done before)"
                if timing.get("items_resumed") else "")]
    if report["edits"]:
        top = sorted(report["edits"].items(), key=lambda kv: (-kv[1], kv[0]))
        lines.append("edits: " + ", ".join(f"{k} {v}" for k, v in top))
    if report["checks"]:
        lines.append("checks: " + ", ".join(
            f"{k} " + "/".join(f"{n} {sev}" for sev, n in v.items())
            for k, v in report["checks"].items()))
    if report["rejects"]:
        lines.append("rejects: " + ", ".join(f"{k} {v}" for k, v in report["rejects"].items()))
    if timing.get("worker_deaths"):
        lines.append(death_note(report))
    cps = timing.get("chars_per_s")
    lines.append(f"time: {timing['seconds']:.1f} s with {timing['jobs']} job(s)"
                 + (f", {cps / 1e6:.2f}M chars/s, {timing['items_per_s']:.0f} items/s"
                    if cps else ""))
    return "\n".join(lines)


def death_note(report: dict) -> str:
    """A line on the workers that died during the run, or "" when none did.

    >>> death_note({"timing": {"worker_deaths": 1, "items_cleaned_alone": 64}})
    'mtclean: note: a worker process died (1 time); the 64 items it may have held were cleaned again one at a time, and any that killed its process too is in rejects.jsonl'
    """
    timing = report["timing"]
    if not timing.get("worker_deaths"):
        return ""
    return (f"mtclean: note: a worker process died ({timing['worker_deaths']} time"
            f"{'s' if timing['worker_deaths'] > 1 else ''}); the "
            f"{timing['items_cleaned_alone']} items it may have held were cleaned again "
            "one at a time, and any that killed its process too is in rejects.jsonl")


def _shown(path: str) -> str:
    """A glossary file as the report names it: as given, but the shipped one by its
    place in the project (an absolute path would differ from machine to machine)."""
    from ..glossary import model

    try:
        if Path(path).resolve() == model.SHIPPED.resolve():
            return model.SHIPPED.relative_to(model.ROOT).as_posix()
    except OSError:
        pass
    return path
