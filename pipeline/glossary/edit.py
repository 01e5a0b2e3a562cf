"""Add a concept to a glossary file: one row appended, checked with lint against the
whole file first, so a terminologist cannot add a conflict (a Chinese term or id that
is already there, a deprecated variant that is another entry's preferred term...)."""
from __future__ import annotations

from ..errors import GlossaryError
from .lint import lint_text
from .model import Entry, Glossary, parse_tsv


def add_entry(text: str, entry: Entry, path: str = "<glossary>",
              base: Glossary | None = None) -> str:
    """``text`` (a glossary file) with ``entry`` appended as its last row.

    Raises :class:`GlossaryError` naming the line of a problem lint finds that the file
    did not have before (the new row's, or the row it conflicts with); problems the file
    already had do not stop the addition (lint reports them as before). With ``base``,
    the glossary the file is layered over, a conflict with it stops it too.

    >>> from pipeline.glossary.model import COLUMNS
    >>> head = "\\t".join(COLUMNS) + "\\n"
    >>> text = add_entry(head, Entry("mca", ("民政部",), "Ministry of Civil Affairs",
    ...                              pos="properNoun", domain="ministry", source="mca.gov.cn"))
    >>> text.splitlines()[1].split("\\t")[:3]
    ['mca', '民政部', 'Ministry of Civil Affairs']
    >>> add_entry(text, Entry("mca-2", ("民政部",), "Home Ministry", domain="ministry",
    ...                       source="x"), "g.tsv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    pipeline.errors.GlossaryError: g.tsv:3: conflicting preferred terms for 民政部: ...
    """
    newline = "\r\n" if "\r\n" in text else "\n"  # the file's own line ends
    if text and not text.endswith("\n"):
        text += newline
    new = text + "\t".join(entry.cells()) + newline
    line = new.count("\n")
    before = set(lint_text(text, base))
    added = [p for p in lint_text(new, base) if p not in before]
    if added:
        first = min(added, key=lambda p: (p.line != line, p.line))
        more = f" (and {len(added) - 1} more)" if len(added) > 1 else ""
        raise GlossaryError(f"{first.message}{more}", path=path, line=first.line,
                            hint=None if first.line == line else
                            f"line {line} is the row being added")
    parse_tsv(new, path)  # the file must still load
    return new
