"""Glossary records and the TSV file a terminologist edits by hand.

One concept per row, tab-separated, with a header row::

    id  zh  en_preferred  en_admitted  en_deprecated  pos  domain  note  source

Multi-valued cells (``zh``, ``en_admitted``, ``en_deprecated``) separate values with
`` | ``. Status values follow TBX: preferred, admitted, deprecated. Several glossaries
layer: a later file's entry replaces an earlier one with the same id or the same Chinese
term.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator, Sequence

from ..errors import GlossaryError

COLUMNS = ("id", "zh", "en_preferred", "en_admitted", "en_deprecated", "pos", "domain",
           "note", "source")
MULTI = ("zh", "en_admitted", "en_deprecated")
SEP = " | "
# TBX-Basic's parts of speech, and properNoun (a TBX export writes it as a noun with a note)
POS = ("noun", "properNoun", "verb", "adjective", "adverb", "other")
STATUSES = ("preferred", "admitted", "deprecated")
ROOT = Path(__file__).resolve().parent.parent.parent
SHIPPED = ROOT / "glossaries" / "civil-affairs.tsv"
# characters no cell may hold: control characters (a tab or line break would break the
# row), the line and paragraph separators (a line break to a TBX reader, which makes it
# a space), and what XML 1.0 cannot carry (surrogates, U+FFFE, U+FFFF)
BAD_CHARS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff\r]")


def bad_chars(cell: str) -> str | None:
    """A message naming the first character no cell may hold, or None.

    >>> bad_chars("seen in\x0cOnline-A"), bad_chars("民政部")
    ('a control character U+000C at column 8', None)
    """
    m = BAD_CHARS.search(cell)
    if m is None:
        return None
    code = ord(m.group())
    what = "a control character" if code < 0xa0 else "a line or paragraph separator" \
        if code in (0x2028, 0x2029) else "a character XML cannot hold"
    return f"{what} U+{code:04X} at column {m.start() + 1}"


@dataclass(frozen=True)
class Entry:
    """One concept: its Chinese terms and English terms by TBX status."""

    id: str
    zh: tuple[str, ...]
    en_preferred: str
    en_admitted: tuple[str, ...] = ()
    en_deprecated: tuple[str, ...] = ()
    pos: str = "noun"
    domain: str = ""
    note: str = ""
    source: str = ""
    path: str = field(default="", compare=False)
    line: int = field(default=0, compare=False)

    def english(self) -> Iterator[tuple[str, str]]:
        """Every English term with its status, preferred first."""
        yield self.en_preferred, "preferred"
        for term in self.en_admitted:
            yield term, "admitted"
        for term in self.en_deprecated:
            yield term, "deprecated"

    def cells(self) -> tuple[str, ...]:
        """The row as TSV cells, in :data:`COLUMNS` order."""
        return tuple(SEP.join(v) if isinstance(v, tuple) else v
                     for v in (getattr(self, c) for c in COLUMNS))

    @property
    def where(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Glossary:
    """Entries in file order (after layering), and where they came from."""

    entries: tuple[Entry, ...]
    paths: tuple[str, ...] = ()

    def __len__(self) -> int:
        return len(self.entries)

    def by_id(self) -> dict[str, Entry]:
        return {e.id: e for e in self.entries}


def split_cell(cell: str) -> tuple[str, ...]:
    """Values of a multi-valued cell.

    >>> split_cell("civil affairs bureau | home affairs bureau"), split_cell("")
    (('civil affairs bureau', 'home affairs bureau'), ())
    """
    return tuple(v.strip() for v in cell.split("|")) if cell.strip() else ()


def split_rows(text: str) -> Iterator[tuple[int, list[str]]]:
    """(line number, cells) for each non-blank line, the header included."""
    for number, line in enumerate(text.split("\n"), 1):
        line = line.rstrip("\r")
        if line.strip():
            yield number, line.split("\t")


def entry_from_cells(cells: Sequence[str], path: str, line: int) -> Entry:
    values = {c: cells[i] for i, c in enumerate(COLUMNS)}
    multi = {c: split_cell(values[c]) for c in MULTI}
    return Entry(values["id"].strip(), multi["zh"], values["en_preferred"].strip(),
                 multi["en_admitted"], multi["en_deprecated"], values["pos"].strip(),
                 values["domain"].strip(), values["note"].strip(), values["source"].strip(),
                 path, line)


def parse_tsv(text: str, path: str = "<glossary>") -> Glossary:
    """Parse and validate a glossary; the first problem is a :class:`GlossaryError`.

    Validation here covers what matching needs (columns, id, a Chinese and a preferred
    English term, known part of speech); ``mtclean glossary lint`` checks the rest.

    >>> g = parse_tsv("\\t".join(COLUMNS) + "\\nmca\\t民政部\\tMinistry of Civil Affairs"
    ...               "\\t\\tMinistry of Home Affairs\\tproperNoun\\tministry\\t\\tmca.gov.cn\\n")
    >>> g.entries[0].en_deprecated
    ('Ministry of Home Affairs',)
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    rows = split_rows(text)
    first = next(rows, None)
    if first is None:
        raise GlossaryError("empty glossary: expected a header row", path=path, line=1)
    number, header = first
    if tuple(h.strip() for h in header) != COLUMNS:
        raise GlossaryError("header must be the columns " + " ".join(COLUMNS) +
                            " separated by tabs", path=path, line=number)
    entries = []
    for number, cells in rows:
        if len(cells) != len(COLUMNS):
            raise GlossaryError(f"expected {len(COLUMNS)} tab-separated columns, found "
                                f"{len(cells)}", path=path, line=number)
        entry = entry_from_cells(cells, path, number)
        problem = row_problem(entry, cells)
        if problem:
            raise GlossaryError(problem, path=path, line=number)
        entries.append(entry)
    return Glossary(tuple(entries), (path,))


def row_problem(entry: Entry, cells: Sequence[str]) -> str | None:
    """Why a row cannot be loaded (what matching needs), or None."""
    return next((f"{name}: {bad_chars(cell)}" for name, cell in zip(COLUMNS, cells)
                 if bad_chars(cell)), None) or \
        (not entry.id and "empty id") or \
        (not entry.zh and "no Chinese term") or \
        (not entry.en_preferred and "no preferred English term") or \
        ("|" in entry.en_preferred and
         "en_preferred holds one term: put variants in en_admitted") or \
        (any(not v for v in entry.zh + entry.en_admitted + entry.en_deprecated)
         and "empty value in a ' | '-separated cell") or \
        (entry.pos not in POS and
         f"unknown pos {entry.pos!r} (use one of {', '.join(POS)})") or None


def layer(glossaries: Iterable[Glossary]) -> Glossary:
    """Later glossaries override earlier entries with the same id or Chinese term."""
    merged: list[Entry] = []
    paths: list[str] = []
    for g in glossaries:
        ids = {e.id for e in g.entries}
        zh = {t for e in g.entries for t in e.zh}
        merged = [e for e in merged if e.id not in ids and not zh.intersection(e.zh)]
        merged.extend(g.entries)
        paths.extend(g.paths)
    return Glossary(tuple(merged), tuple(paths))


def read_glossary(path: str | Path) -> Glossary:
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise GlossaryError("glossary file not found", path=name) from None
    except IsADirectoryError:
        raise GlossaryError("is a folder, not a glossary file", path=name) from None
    except OSError as exc:
        raise GlossaryError(f"cannot read: {exc.strerror or exc}", path=name) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[:exc.start].count(b"\n") + 1
        raise GlossaryError("not UTF-8 text", path=name, line=line,
                            hint="save the glossary as UTF-8") from None
    return parse_tsv(text, name)


@lru_cache(maxsize=32)
def load_glossaries(paths: tuple[str, ...] | None = None) -> Glossary:
    """The layered glossary for these files (``None``: the shipped one), cached per
    process."""
    if paths is None:
        if not SHIPPED.is_file():
            raise GlossaryError("the shipped glossary is missing", path=str(SHIPPED),
                                hint="run from a full checkout, or use --glossary FILE "
                                     "or --no-glossary")
        paths = (str(SHIPPED),)
    return layer(read_glossary(p) for p in paths)


def format_tsv(glossary: Glossary | Iterable[Entry]) -> str:
    """The glossary as TSV text (header row first), the inverse of :func:`parse_tsv`."""
    entries = glossary.entries if isinstance(glossary, Glossary) else glossary
    rows = ["\t".join(COLUMNS)] + ["\t".join(e.cells()) for e in entries]
    return "\n".join(rows) + "\n"
