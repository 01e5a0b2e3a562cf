"""``mtclean glossary``: commands for the terminologist (lint, add, stats, export,
import)."""
from __future__ import annotations

import re
import sys

import click

from . import friendly
from ..errors import GlossaryError
from ..glossary.edit import add_entry
from ..glossary.exchange import EXPORTERS, read_csv, read_tbx
from ..glossary.lint import DOMAINS, lint_text
from ..glossary.model import (POS, Entry, Glossary, bad_chars, format_tsv, load_glossaries,
                              parse_tsv, read_glossary)
from ..glossary.stats import count_usage, format_report
from ..io import atomic_output


def _read_text(path: str) -> str:
    try:
        data = open(path, "rb").read()
    except FileNotFoundError:
        raise GlossaryError("glossary file not found", path=path) from None
    except OSError as exc:
        raise GlossaryError(f"cannot read: {exc.strerror or exc}", path=path) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise GlossaryError("not UTF-8 text", path=path,
                            line=data[:exc.start].count(b"\n") + 1) from None


@click.group()
def glossary():
    """Check, measure and exchange terminology glossaries (TSV, one concept per row).

    \b
    Example:
      mtclean glossary lint glossaries/civil-affairs.tsv
    """


BASE_HELP = ("A glossary this one is layered over (repeatable), as --add-glossary layers a "
             "project glossary over the shipped one: repeating one of its ids or Chinese "
             "terms, or deprecating one of its terms, is a problem.")


def _base(paths) -> Glossary | None:
    return load_glossaries(tuple(paths)) if paths else None


@glossary.command()
@click.argument("file")
@click.option("--base", "bases", multiple=True, metavar="FILE", help=BASE_HELP)
@friendly
def lint(file, bases):
    """Report every problem in a glossary as FILE:LINE: message (exit 1 if any).

    Checks columns, control characters, empty or malformed fields, ids, duplicates,
    conflicting preferred terms, deprecated variants that are another entry's preferred
    or admitted term, Chinese punctuation and stray spaces in English fields, Chinese
    terms without Chinese, unknown pos and domain values; with --base, conflicts with
    the glossary it is layered over.

    \b
    Examples:
      mtclean glossary lint glossaries/civil-affairs.tsv
      mtclean glossary lint glossaries/projects/lnfund.tsv --base glossaries/civil-affairs.tsv
    """
    text = _read_text(file)
    problems = lint_text(text, _base(bases))
    for p in problems:
        click.echo(f"{file}:{p.line}: {p.message}")
    if problems:
        click.echo(f"{file}: {len(problems)} problem(s)", err=True)
        sys.exit(1)
    click.echo(f"{file}: {len(parse_tsv(text, file))} entries, no problems")


@glossary.command()
@click.argument("file")
@click.option("--id", "ident", required=True, help="The entry's id (lower case, hyphens).")
@click.option("--zh", multiple=True, required=True, help="A Chinese term (repeatable).")
@click.option("--en", "preferred", required=True, help="The preferred English term.")
@click.option("--admitted", multiple=True, help="An admitted English variant (repeatable).")
@click.option("--deprecated", multiple=True,
              help="A wrong or outdated English rendering to replace (repeatable).")
@click.option("--pos", type=click.Choice(POS), default="noun", show_default=True)
@click.option("--domain", type=click.Choice(DOMAINS), required=True)
@click.option("--note", default="", help="Scope, former names, where a variant was seen.")
@click.option("--source", required=True, help="Where the preferred rendering comes from.")
@click.option("--base", "bases", multiple=True, metavar="FILE", help=BASE_HELP)
@friendly
def add(file, ident, zh, preferred, admitted, deprecated, pos, domain, note, source, bases):
    """Add one concept to a glossary file, as its last row.

    The row is checked with lint against the whole file first: a duplicate id or
    Chinese term, a conflicting preferred term, or a deprecated variant that is another
    entry's term stops it with FILE:LINE: message (exit 1), and the file is left as it
    was. The file is rewritten in one step.

    \b
    Example:
      mtclean glossary add glossaries/projects/lnfund.tsv --id lnfund-class \\
        --zh 老牛公益课堂 --en "Lao Niu Philanthropy Class" --pos properNoun \\
        --domain organizations --source "the foundation's English pages"
    """
    for option, values in (("--id", [ident]), ("--zh", zh), ("--en", [preferred]),
                           ("--admitted", admitted), ("--deprecated", deprecated),
                           ("--note", [note]), ("--source", [source])):
        for value in values:
            bad = "\t" in value and "a tab" or "\n" in value and "a line break" or \
                bad_chars(value)
            if bad:
                raise click.BadParameter(f"{value!r} holds {bad.removeprefix('a ')}"
                                         if bad.startswith("a ") else f"{value!r}: {bad}",
                                         param_hint=f"'{option}'")
            if "|" in value:
                raise click.BadParameter(f"{value!r} holds '|', the value separator: "
                                         f"give {option} once per value",
                                         param_hint=f"'{option}'")
    entry = Entry(ident, tuple(zh), preferred, tuple(admitted), tuple(deprecated), pos,
                  domain, note, source)
    text = add_entry(_read_text(file), entry, file, _base(bases))
    with atomic_output(file) as out:
        out.write(text.encode("utf-8"))
    click.echo(f"{file}: added {ident} ({' | '.join(zh)}: {preferred})")


@glossary.command()
@click.argument("file")
@click.argument("corpus", nargs=-1, required=True)
@click.option("-o", "--output", default=None, metavar="OUT",
              help="Write the report here instead of standard output.")
@friendly
def stats(file, corpus, output):
    """Count each entry and variant in text, Markdown or JSON Lines files or folders.

    The report lists occurrences per entry and term, the deprecated variants the corpus
    uses, and the entries it never uses.

    \b
    Example:
      mtclean glossary stats glossaries/civil-affairs.tsv corpus/ news.jsonl
    """
    g = read_glossary(file)
    report = format_report(g, count_usage(g, corpus))
    with atomic_output(output, (file, *corpus)) as out:
        out.write((report + "\n").encode("utf-8"))


@glossary.command()
@click.argument("file")
@click.option("--to", "fmt", type=click.Choice(sorted(EXPORTERS)), required=True,
              help="Output format: TBX-Basic (ISO 30042), CSV or JSON.")
@click.option("-o", "--output", default=None, metavar="OUT",
              help="Write here instead of standard output.")
@friendly
def export(file, fmt, output):
    """Write a glossary as TBX, CSV or JSON.

    \b
    Example:
      mtclean glossary export glossaries/civil-affairs.tsv --to tbx -o civil-affairs.tbx
    """
    text = EXPORTERS[fmt](read_glossary(file))
    with atomic_output(output, (file,)) as out:
        out.write(text.encode("utf-8"))


@glossary.command(name="import")
@click.argument("file")
@click.option("-o", "--output", default=None, metavar="OUT",
              help="Write the TSV here instead of standard output.")
@click.option("--skip-invalid", is_flag=True,
              help="Write the concepts that fit a row and list the others, instead of "
                   "writing nothing.")
@friendly
def import_(file, output, skip_invalid):
    """Read a TBX file (TBX 2019 or 2008), or a CSV file with the TSV's columns (as
    `export --to csv` writes it), and write our TSV; unsafe XML is refused.

    A concept that cannot be a row (no Chinese or no preferred English term, a '|' in a
    term, an unknown status) is listed as FILE:LINE: concept 'ID': reason, every one of
    them; then nothing is written (exit 1), unless --skip-invalid. What was changed to
    fit a row (a deprecated Chinese term moved to the note, an en-GB preferred term
    admitted) is listed too, and what lint would report on the result.

    \b
    Example:
      mtclean glossary import civil-affairs.tbx -o civil-affairs.tsv
    """
    try:
        data = open(file, "rb").read()
    except IsADirectoryError:
        raise GlossaryError("is a folder, not a TBX file", path=file) from None
    except OSError as exc:
        raise GlossaryError(f"cannot read: {exc.strerror or exc}", path=file) from None
    _refuse_other_formats(file, data)
    got = read_csv(data, file) if _is_csv(file, data) else read_tbx(data, file)
    for line, message in got.changed:
        click.echo(f"{file}:{line}: {message}", err=True)
    for line, message in got.skipped:
        click.echo(f"{file}:{line}: {'skipped: ' if skip_invalid else ''}{message}", err=True)
    if got.skipped and not skip_invalid:
        raise GlossaryError(f"{len(got.skipped)} concept(s) cannot be a glossary row; "
                            "nothing was written", path=file,
                            hint="fix them, or use --skip-invalid to write the others")
    text = format_tsv(got.glossary)
    parse_tsv(text, output or "<output>")  # what is written must load
    entries = got.glossary.entries
    def source_line(row: int) -> int | None:
        """The line in the imported file of the concept written as TSV line ``row``."""
        return entries[row - 2].line if 2 <= row < len(entries) + 2 else None

    for problem in lint_text(text):
        line = source_line(problem.line)
        where = f"{file}:{line}: concept {entries[problem.line - 2].id!r}" if line else file
        # lint names other rows by their TSV line: name them by the imported file's
        message = re.sub(r"\bline (\d+)\b",
                         lambda m: f"line {source_line(int(m.group(1))) or m.group(1)}",
                         problem.message)
        click.echo(f"{where}: lint: {message}", err=True)
    with atomic_output(output, (file,)) as out:
        out.write(text.encode("utf-8"))


def _refuse_other_formats(file: str, data: bytes) -> None:
    """A glossary in a format import does not read, named for what it is: the TSV
    itself, a tab-separated or UTF-16 spreadsheet export, a CSV separated by ';'."""
    head = data[:4096]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")) and not _utf16_xml(head):
        raise GlossaryError("UTF-16 text (as Excel's 'Unicode Text' saves it): import reads "
                            "TBX, or CSV in UTF-8", path=file,
                            hint="save the sheet as 'CSV UTF-8'")
    first = head.removeprefix(b"\xef\xbb\xbf").split(b"\n", 1)[0]
    if first.startswith(b"id\t"):
        raise GlossaryError("this is a tab-separated glossary, the format import writes: "
                            "use it as it is (mtclean glossary lint checks it)", path=file)
    if first.startswith(b"id;"):
        raise GlossaryError("a CSV separated by ';' (as Excel saves it in some locales): "
                            "import reads ',' as the separator", path=file, line=1,
                            hint="save the sheet as 'CSV UTF-8 (comma delimited)'")


def _utf16_xml(head: bytes) -> bool:
    """Is this UTF-16 text XML (a TBX as Windows CAT tools write it)?"""
    text = head[:200].decode("utf-16", "replace")
    return text.lstrip("\ufeff \t\r\n").startswith("<")


def _is_csv(file: str, data: bytes) -> bool:
    """A CSV file by its name, or by its header row."""
    if file.lower().endswith(".csv"):
        return True
    return data.removeprefix(b"\xef\xbb\xbf").startswith(b"id,")  # (the header's start)
