"""Glossary usage in a corpus: how often each entry and each variant occurs, which entries
the corpus never uses, and which deprecated variants it actually uses."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import orjson

from ..errors import InputError
from ..stages.decode import decode_bytes
from .match import matcher_for
from .model import Glossary

CORPUS_SUFFIXES = (".txt", ".md", ".markdown", ".text", ".jsonl", ".en", ".zh")  # in folders


@dataclass(frozen=True)
class Usage:
    """Counts keyed by (entry index, language or status, term)."""

    counts: tuple[tuple[tuple[int, str, str], int], ...]
    files: int
    chars: int


def corpus_files(paths: Iterable[str]) -> list[Path]:
    """The corpus files named, folders walked in name order."""
    out: list[Path] = []
    for name in paths:
        path = Path(name)
        if path.is_dir():
            out += sorted(p for p in path.rglob("*")
                          if p.is_file() and p.suffix.lower() in CORPUS_SUFFIXES)
        elif path.is_file():
            out.append(path)
        else:
            raise InputError("no such file or folder", path=name)
    return out


def _strings(value) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def corpus_texts(path: Path) -> Iterator[str]:
    """The texts of one corpus file: the whole text, or every string of every JSON Lines
    record."""
    text, _ = decode_bytes(path.read_bytes(), str(path))
    if path.suffix.lower() != ".jsonl":
        yield text
        return
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        try:
            record = orjson.loads(line)
        except orjson.JSONDecodeError as exc:
            raise InputError(f"not valid JSON: {exc}", path=str(path), line=number) from None
        yield from _strings(record)


def count_usage(glossary: Glossary, paths: Iterable[str]) -> Usage:
    matcher = matcher_for(glossary)
    counts: Counter = Counter()
    files = chars = 0
    for path in corpus_files(paths):
        files += 1
        for text in corpus_texts(path):
            chars += len(text)
            for index, term in matcher.zh_entries(text):
                counts[(index, "zh", term)] += 1
            for hit in matcher.find_en(text):
                counts[(hit.entry, hit.status, hit.term)] += 1
    return Usage(tuple(sorted(counts.items())), files, chars)


def format_report(glossary: Glossary, usage: Usage) -> str:
    """A tab-separated report in three sections, for reading or for a spreadsheet.

    >>> from pipeline.glossary.model import Entry, Glossary
    >>> g = Glossary((Entry("a", ("民政局",), "Civil Affairs Bureau", (), ("Home Affairs Bureau",)),
    ...               Entry("b", ("低保",), "subsistence allowance")))
    >>> print(format_report(g, Usage((((0, "deprecated", "Home Affairs Bureau"), 2),), 1, 40)))
    # occurrences: entry, language/status, term, count
    a	deprecated	Home Affairs Bureau	2
    # deprecated variants in use: entry, variant, count, preferred term
    a	Home Affairs Bureau	2	Civil Affairs Bureau
    # entries never seen: 1 of 2
    b	低保	subsistence allowance
    # 1 file(s), 40 characters, 1 of 2 entries seen
    """
    entries = glossary.entries
    lines = ["# occurrences: entry, language/status, term, count"]
    seen = set()
    for (index, status, term), n in usage.counts:
        seen.add(index)
        lines.append(f"{entries[index].id}\t{status}\t{term}\t{n}")
    lines.append("# deprecated variants in use: entry, variant, count, preferred term")
    for (index, status, term), n in usage.counts:
        if status == "deprecated":
            lines.append(f"{entries[index].id}\t{term}\t{n}\t{entries[index].en_preferred}")
    unseen = [e for i, e in enumerate(entries) if i not in seen]
    lines.append(f"# entries never seen: {len(unseen)} of {len(entries)}")
    lines += [f"{e.id}\t{' | '.join(e.zh)}\t{e.en_preferred}" for e in unseen]
    lines.append(f"# {usage.files} file(s), {usage.chars} characters, "
                 f"{len(seen)} of {len(entries)} entries seen")
    return "\n".join(lines)
