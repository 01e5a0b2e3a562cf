"""Lint a glossary file: every problem a terminologist should fix, as ``FILE:LINE: message``.

Unlike loading (which stops at the first problem that makes the file unusable), lint
reads every row and reports everything: column count, empty or malformed fields, ids,
duplicates, conflicting preferred terms, deprecated variants that are another entry's
preferred or admitted term, Chinese punctuation and stray spaces in English fields, and
unknown part-of-speech or domain values.
"""
from __future__ import annotations

from typing import NamedTuple

import regex

from .model import COLUMNS, MULTI, POS, SEP, Glossary, bad_chars, split_rows
from .variants import fold

DOMAINS = ("ministry", "government", "social-organizations", "charity",
           "social-assistance", "elderly-care", "child-welfare", "disability", "marriage",
           "funeral", "divisions", "place-names", "community", "social-work", "volunteering",
           "disaster-relief", "organizations", "veterans", "general", "media")
ENGLISH = ("en_preferred", "en_admitted", "en_deprecated")
_ID = regex.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
# CJK and full-width characters, the Chinese dash (two em dashes) and the middle dot
# of transliterated names; curly quotes, one em dash and an ellipsis are English too
_CJK_PUNCT = regex.compile(r"[\u3000-\u303f\uff00-\uffef\u00b7]|\u2014\u2014|\p{Han}")
_HAN = regex.compile(r"\p{Han}")
_ODD_SPACE = regex.compile(r"[^\S\t\n\r ]")  # white space but a plain space (NBSP, U+3000)
_BAD_SEP = regex.compile(r"(?<! )\||\|(?! )")
_FORMAT_CHAR = regex.compile(r"\p{Cf}")  # zero-width, soft hyphen, direction marks


class Problem(NamedTuple):
    line: int
    message: str


def _norm(term: str) -> str:
    return " ".join(fold(term).split())


def _cell_problems(name: str, cell: str) -> list[str]:
    out = []
    bad = bad_chars(cell)
    if bad:
        out.append(f"{name}: {bad}")
    values = cell.split(SEP) if name in MULTI else [cell]
    if any(v != v.strip() for v in values):
        out.append(f"{name}: leading or trailing space" if len(values) == 1 else
                   f"{name}: a space too many around a value or a ' | ' separator")
    if any("  " in v for v in values):
        out.append(f"{name}: double space")
    if name in MULTI and _BAD_SEP.search(cell):
        out.append(f"{name}: separate values with ' | ' (space, bar, space)")
    if name == "en_preferred" and "|" in cell:
        out.append(f"{name}: one term only (put variants in en_admitted)")
    if name in MULTI and cell.strip() and any(not v.strip() for v in cell.split("|")):
        out.append(f"{name}: empty value between separators")
    if name == "zh":
        latin = [v.strip() for v in cell.split("|") if v.strip() and not _HAN.search(v)]
        if latin:
            out.append(f"zh: {latin[0]!r} has no Chinese characters")
    if '"' in cell:
        out.append(f"{name}: a double quote (the format has none; write “ ” or none)")
    invisible = sorted(set(_FORMAT_CHAR.findall(cell)))
    if invisible:
        out.append(f"{name}: an invisible character ("
                   f"{', '.join(f'U+{ord(c):04X}' for c in invisible)}): text is matched "
                   "with these removed, so the term would never match")
    if name == "zh" or name in ENGLISH:
        odd = sorted(set(_ODD_SPACE.findall(cell)))
        if odd:
            out.append(f"{name}: a space of another kind ("
                       f"{', '.join(f'U+{ord(c):04X}' for c in odd)}): terms match text with "
                       "its spaces made plain, so write a plain space")
    if name in ENGLISH:
        wide = sorted(set(_CJK_PUNCT.findall(cell)))
        if wide:
            out.append(f"{name}: Chinese or full-width characters in English: {''.join(wide)}")
    return out


def lint_text(text: str, base: Glossary | None = None) -> list[Problem]:
    """All problems of a glossary given as text, in line order.

    >>> head = "\\t".join(COLUMNS)
    >>> lint_text(head + "\\nmca\\t民政部\\tMinistry of Civil Affairs\\t\\t\\tnoun\\tministry\\t\\t"
    ...           "mca.gov.cn\\nmca\\t民政部\\tMinistry  of Home Affairs\\t\\t\\tnoun\\tministry\\t\\t\\n")
    ... # doctest: +NORMALIZE_WHITESPACE
    [Problem(line=3, message='en_preferred: double space'),
     Problem(line=3, message='source: empty (say where the rendering comes from)'),
     Problem(line=3, message="duplicate id 'mca' (first on line 2)"),
     Problem(line=3, message="conflicting preferred terms for 民政部: 'Ministry  of Home Affairs' here, 'Ministry of Civil Affairs' on line 2")]
    """
    problems: list[Problem] = []
    if text.startswith("\ufeff"):  # (a BOM and CRLF line ends are read, and kept by add)
        text = text[1:]
    rows = list(split_rows(text))
    if not rows:
        return [Problem(1, "empty file: expected a header row")]
    number, header = rows[0]
    if tuple(h.strip() for h in header) != COLUMNS:
        problems.append(Problem(number, "header must be: " + "<TAB>".join(COLUMNS)))
    ids: dict[str, int] = {}
    zh_terms: dict[str, tuple[int, str]] = {}
    good: list[tuple[int, dict[str, str]]] = []
    for number, cells in rows[1:]:
        if len(cells) != len(COLUMNS):
            problems.append(Problem(number, f"expected {len(COLUMNS)} tab-separated "
                                            f"columns, found {len(cells)}"))
            continue
        row = dict(zip(COLUMNS, cells))
        found = []
        for name in COLUMNS:
            found.extend(_cell_problems(name, row[name]))
        for name in ("id", "zh", "en_preferred", "pos", "domain", "source"):
            if not row[name].strip():
                hint = " (say where the rendering comes from)" if name == "source" else ""
                found.append(f"{name}: empty{hint}")
        ident = row["id"].strip()
        if ident and not _ID.fullmatch(ident):
            found.append(f"id {ident!r}: use lower-case letters, digits and hyphens")
        if row["pos"].strip() and row["pos"].strip() not in POS:
            found.append(f"unknown pos {row['pos'].strip()!r} (use one of {', '.join(POS)})")
        if row["domain"].strip() and row["domain"].strip() not in DOMAINS:
            found.append(f"unknown domain {row['domain'].strip()!r}")
        if ident in ids:
            found.append(f"duplicate id {ident!r} (first on line {ids[ident]})")
        else:
            ids[ident] = number
        preferred = row["en_preferred"].strip()
        english = [preferred] + [v.strip() for n in ("en_admitted", "en_deprecated")
                                 for v in row[n].split("|") if v.strip()]
        seen: set[str] = set()
        for term in english:
            if _norm(term) in seen:
                found.append(f"English term {term!r} appears twice in this entry")
            seen.add(_norm(term))
        for term in (v.strip() for v in row["zh"].split("|") if v.strip()):
            if term in zh_terms:
                first, other = zh_terms[term]
                if _norm(other) != _norm(preferred):
                    found.append(f"conflicting preferred terms for {term}: {preferred!r} "
                                 f"here, {other!r} on line {first}")
                else:
                    found.append(f"duplicate Chinese term {term} (also on line {first})")
            else:
                zh_terms[term] = (number, preferred)
        problems.extend(Problem(number, m) for m in found)
        good.append((number, row))
    problems.extend(_deprecated_conflicts(good))
    if base is not None:
        problems.extend(_base_conflicts(good, base))
    return sorted(problems, key=lambda p: p.line)


def _base_conflicts(rows: list[tuple[int, dict[str, str]]], base: Glossary) -> list[Problem]:
    """What a glossary layered over ``base`` (a project glossary over the shipped one)
    must not do: repeat one of its ids or Chinese terms (the entry would replace the
    base's, deprecated variants and all), or deprecate one of its accepted terms (the
    cleaner would replace a term the base calls right)."""
    ids = {e.id: e for e in base.entries}
    zh = {t: e for e in base.entries for t in e.zh}
    accepted = {_norm(t): e for e in base.entries for t in (e.en_preferred,) + e.en_admitted}
    deprecated = {_norm(t): e for e in base.entries for t in e.en_deprecated}
    out = []
    for number, row in rows:
        ident = row["id"].strip()
        if ident in ids:
            out.append(Problem(number, f"id {ident!r} is also in {ids[ident].where}: "
                                       "layered over it, this entry replaces that one"))
        for term in (v.strip() for v in row["zh"].split("|") if v.strip()):
            if term in zh and zh[term].id != ident:
                out.append(Problem(number, f"Chinese term {term} is also in {zh[term].where} "
                                           f"(entry {zh[term].id!r}): layered over it, this "
                                           "entry replaces that one"))
        for term in (v.strip() for v in row["en_deprecated"].split("|") if v.strip()):
            hit = accepted.get(_norm(term))
            if hit is not None:
                out.append(Problem(number, f"deprecated variant {term!r} is a preferred or "
                                           f"admitted term of entry {hit.id!r} ({hit.where})"))
        for name in ("en_preferred", "en_admitted"):
            for term in (v.strip() for v in row[name].split("|") if v.strip()):
                hit = deprecated.get(_norm(term))
                if hit is not None:
                    out.append(Problem(number, f"{term!r} is a deprecated variant of entry "
                                               f"{hit.id!r} ({hit.where})"))
    return out


def _deprecated_conflicts(rows: list[tuple[int, dict[str, str]]]) -> list[Problem]:
    """A deprecated variant must never be a preferred or admitted term of any entry:
    the cleaner would replace a correct term, or loop between two entries."""
    accepted: dict[str, tuple[int, str]] = {}
    for number, row in rows:
        for name in ("en_preferred", "en_admitted"):
            for term in (v.strip() for v in row[name].split("|") if v.strip()):
                accepted.setdefault(_norm(term), (number, row["id"].strip()))
    out = []
    deprecated: dict[str, tuple[int, str]] = {}
    for number, row in rows:
        for term in (v.strip() for v in row["en_deprecated"].split("|") if v.strip()):
            hit = accepted.get(_norm(term))
            if hit is not None:
                where = "this entry" if hit[0] == number else f"entry {hit[1]!r} (line {hit[0]})"
                out.append(Problem(number, f"deprecated variant {term!r} is a preferred or "
                                           f"admitted term of {where}"))
            first = deprecated.setdefault(_norm(term), (number, row["id"].strip()))
            if first[0] != number:
                out.append(Problem(number, f"deprecated variant {term!r} is also deprecated "
                                           f"by entry {first[1]!r} (line {first[0]}); the "
                                           "later entry wins: keep it in one entry"))
    return out
