"""Glossary usage in a corpus: how often each entry and each variant occurs, which entries
the corpus never uses, and which deprecated variants it actually uses."""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import orjson

from ..errors import JSONL_HINT, InputError
from ..readers import is_input_file
from ..stages.decode import decode_bytes
from .match import matcher_for
from .model import Glossary

TEXT_FIELDS = ("text", "zh", "en")  # of an input record (see pipeline.readers)


@dataclass(frozen=True)
class Usage:
    """Counts keyed by (entry index, language or status, term)."""

    counts: tuple[tuple[tuple[int, str, str], int], ...]
    files: int
    chars: int


def _in_corpus(path: Path) -> bool:
    """A corpus file in a folder, as ``mtclean run`` reads folders (text, Markdown, JSON
    Lines, WMT-style .zh/.en; no hidden file, no README), that can be read."""
    return is_input_file(path) and path.is_file()


def corpus_files(paths: Iterable[str]) -> list[Path]:
    """The corpus files named, folders walked in name order (hidden folders left out),
    each file once however often or however it is named."""
    out: list[Path] = []
    seen: set[Path] = set()
    for name in paths:
        path = Path(name)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*") if _in_corpus(p) and not any(
                part.startswith(".") for part in p.relative_to(path).parts[:-1]))
            if not found:
                raise InputError("folder has no corpus files (.txt, .md, .jsonl)", path=name)
        elif path.is_file():
            found = [path]
        else:
            raise InputError("no such file or folder", path=name)
        for file in found:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                out.append(file)
    return out


def record_texts(record) -> Iterator[str]:
    """The texts of one JSON Lines record: the blocks' Chinese and English of a record
    mtclean wrote (not its sentence pairs, edits or checks, which repeat them or hold
    the text before cleaning), else the ``text``, ``zh`` and ``en`` of an input record.

    >>> list(record_texts({"id": "a", "blocks": [{"zh": "民政局", "en": None,
    ...                    "sentences": ["民政局"]}], "edits": [{"before": "x"}]}))
    ['民政局']
    >>> list(record_texts({"id": "Home Affairs Bureau", "en": "The bureau met."}))
    ['The bureau met.']
    """
    if not isinstance(record, dict):
        return
    blocks = record.get("blocks")
    if isinstance(blocks, list):
        for block in blocks:
            if isinstance(block, dict):
                yield from (block[k] for k in ("zh", "en") if isinstance(block.get(k), str))
        return
    yield from (record[k] for k in TEXT_FIELDS if isinstance(record.get(k), str))


def corpus_texts(path: Path) -> Iterator[str]:
    """The texts of one corpus file: the whole text, or those of each JSON Lines
    record (see :func:`record_texts`)."""
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
        if not isinstance(record, dict) or not (
                isinstance(record.get("blocks"), list) or
                any(isinstance(record.get(k), str) for k in TEXT_FIELDS)):
            # (counting nothing in a file of another layout would read as "no term used")
            raise InputError("a record with no 'text', 'zh', 'en' or 'blocks' to count terms "
                             "in", path=str(path), line=number, hint=JSONL_HINT)
        yield from record_texts(record)


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
