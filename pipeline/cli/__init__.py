"""The ``mtclean`` command: a thin layer over the library (the only package that imports
click; one module per command group).

Each command reads its options, builds a :class:`~pipeline.runner.Config`, calls one
library function and turns :class:`~pipeline.errors.MtcleanError` into a one-line
message and a non-zero exit code.
"""
from __future__ import annotations

import functools
import hashlib
import itertools
import os
import signal
import sys
from contextlib import contextmanager
from typing import Iterable, Iterator

import click

from .. import registry
from ..emit.html import write_html
from ..emit.jsonl import dumps_item, iter_items, numbered_items
from ..emit.markdown import render_markdown
from ..emit.tmx import SRCLANG, language_tag, render_tmx
from ..errors import ConfigError, InputError, MtcleanError, read_error
from ..interrupts import release
from ..io import atomic_output, write_files
from ..restore import restore_sources
from ..readers import TEXT_SUFFIXES, clean_input, iter_inputs, pair_input
from ..runner import Config, read_path, unshown_path

EXIT_INPUT = 1
EXIT_INTERRUPTED = 130
EXIT_BUG = 70


def _exit(code: int) -> None:
    """Exit with ``code``. After a batch run stopped its worker processes half-way, the
    process ends at once (its output files are closed by then): the interpreter's own
    exit would wait for the pool's threads, which can block for ever on a pipe that a
    killed worker left half-written."""
    from ..batch import pool_abandoned

    if pool_abandoned():
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)
    sys.exit(code)


def _exit_cleanly_on_sigterm() -> None:
    """``kill`` (SIGTERM) unwinds like Ctrl-C, so temporary output files are removed."""
    def stop(signum, frame):
        raise KeyboardInterrupt

    try:
        signal.signal(signal.SIGTERM, stop)
    except ValueError:  # not the main thread (an embedding application): leave it alone
        pass


def friendly(fn):
    """Turn library errors into one clear line and an exit code; never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        _exit_cleanly_on_sigterm()
        from ..batch import forget_abandoned

        forget_abandoned()
        try:
            release()  # held since start-up (pipeline.launch): one that came arrives here
            return fn(*args, **kwargs)
        except MtcleanError as exc:
            click.echo(f"mtclean: error: {exc}", err=True)
            _exit(EXIT_INPUT)
        except KeyboardInterrupt:
            click.echo("mtclean: interrupted; no output file was left half-written", err=True)
            _exit(EXIT_INTERRUPTED)
        except BrokenPipeError:
            sys.exit(0)
        except (click.exceptions.Exit, click.ClickException, SystemExit):
            raise
        except Exception as exc:  # a bug: still one line, with what to report
            click.echo(f"mtclean: internal error: {type(exc).__name__}: {exc} "
                       "(this is a bug; please report it with the input)", err=True)
            sys.exit(EXIT_BUG)

    return wrapper


def build_config(disable, glossaries, no_glossary, added=()) -> Config:
    """The run's Config; ``added`` glossaries layer over ``glossaries`` (or the shipped
    one when none is given)."""
    if no_glossary and (glossaries or added):
        given = "--glossary" if glossaries else "--add-glossary"
        raise click.UsageError(f"--no-glossary and {given} contradict each other: "
                               "give one of them")
    if added:
        from ..glossary import SHIPPED

        glossaries = (tuple(glossaries) or (str(SHIPPED),)) + tuple(added)
    try:
        config = Config(disabled=frozenset(disable),
                        glossaries=tuple(glossaries) if glossaries else None,
                        use_glossary=not no_glossary)
    except MtcleanError:
        raise
    except Exception as exc:  # pragma: no cover - defensive
        raise ConfigError(str(exc)) from None
    # loaded now (and kept): a glossary that cannot load is one error for the command,
    # not a reject for every item of a run
    from ..stages.glossary import glossary_for

    glossary_for(config)
    return config


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="mtclean")
def main():
    """mtclean: clean machine-translated Chinese news into bilingual (zh/en) items.

    \b
    Example:
      mtclean clean corpus/000_928918768c0ec3d6.txt --to md
    """


@main.command()
@click.argument("files", nargs=-1)
@click.option("-o", "--output", "output", default=None, metavar="OUT",
              help="Write here instead of standard output (replaced in one step).")
@click.option("--to", "fmt", type=click.Choice(["jsonl", "md", "tmx", "html"]),
              default="jsonl", show_default=True,
              help="Output format (tmx: one unit per aligned sentence pair; html: a review "
                   "report of every edit and check).")
@click.option("--zh", "zh_file", default=None, metavar="FILE",
              help="The Chinese side of one bilingual item (with --en).")
@click.option("--en", "en_file", default=None, metavar="FILE",
              help="The English side of one bilingual item (with --zh).")
@click.option("--disable", multiple=True, metavar="ID",
              help="Switch off a rule or check by id (repeatable).")
@click.option("--glossary", "glossaries", multiple=True, metavar="FILE",
              help="Use this glossary instead of the shipped one (repeatable; later files "
                   "win).")
@click.option("--add-glossary", "added", multiple=True, metavar="FILE",
              help="Layer this glossary over the shipped one (or over --glossary files).")
@click.option("--no-glossary", is_flag=True, help="Do not apply any glossary.")
@click.option("--zh-lang", default=SRCLANG, show_default=True, metavar="TAG",
              help="With --to tmx: the Chinese side's language tag, such as zh-CN or zh-TW "
                   "for a tool that wants a region.")
@click.option("--en-lang", default="en", show_default=True, metavar="TAG",
              help="With --to tmx: the English side's language tag, such as en-US or en-GB.")
@friendly
def clean(files, output, fmt, zh_file, en_file, disable, glossaries, added, no_glossary,
          zh_lang, en_lang):
    """Clean files: text or Markdown, NAME.zh.txt + NAME.en.txt pairs, JSON Lines
    (`id` with `text`, or with `zh`/`en`), folders; - for standard input.

    Chinese and English sides of an item are aligned block by block and sentence by
    sentence. Every change is recorded in the JSON output; `mtclean restore` undoes them
    all.

    \b
    Examples:
      mtclean clean corpus/000_928918768c0ec3d6.txt
      mtclean clean page.txt --to md -o page.md
      mtclean clean --zh news.zh.txt --en news.en.txt --to tmx -o news.tmx
      mtclean clean out/items.jsonl --to tmx --zh-lang zh-CN --en-lang en-GB -o news.tmx
      mtclean clean page.txt --to html -o review.html
      cat page.txt | mtclean clean -
      mtclean clean page.txt --add-glossary glossaries/projects/lnfund.tsv
    """
    config = build_config(disable, glossaries, no_glossary, added)
    if not files and not (zh_file or en_file):
        raise click.UsageError("give FILES, or --zh FILE --en FILE")
    if (zh_lang, en_lang) != (SRCLANG, "en") and fmt != "tmx":
        raise click.UsageError("--zh-lang and --en-lang name the languages of a TMX file: "
                               "use them with --to tmx")
    for tag, lang in ((zh_lang, "zh"), (en_lang, "en")):
        try:
            language_tag(tag, lang)
        except ValueError as exc:
            raise click.BadParameter(str(exc), param_hint=f"--{lang}-lang") from None

    def inputs():
        if files:
            yield from iter_inputs(files, strict=True)
        if zh_file or en_file:
            yield pair_input(zh_file, en_file)

    # cleaned one by one into the temporary output: memory stays flat, and an error or
    # Ctrl-C part-way removes the temporary file and leaves any old output untouched
    items = (clean_input(inp, config) for inp in inputs())
    with atomic_output(output, files + tuple(f for f in (zh_file, en_file) if f)) as out:
        if fmt == "tmx":
            tmx = render_tmx(items, zh_lang, en_lang)
            out.write(tmx.encode("utf-8"))
            if "<tu>" not in tmx and "<tu " not in tmx:
                click.echo("mtclean: note: no sentence pairs, so the TMX has no units (TMX "
                           "needs items with Chinese and English: --zh and --en files, a "
                           "NAME.zh/NAME.en pair, or both languages on one page)", err=True)
            return
        if fmt == "html":
            write_html(items, out)
            return
        for n, item in enumerate(items):
            if fmt == "jsonl":
                out.write(dumps_item(item))
            else:
                out.write((b"\n" if n else b"") + render_markdown(item).encode("utf-8"))


@main.command()
@click.argument("file")
@click.option("-o", "--output", "output", default=None, metavar="OUT",
              help="Write here instead of standard output.")
@click.option("--files", "folder", default=None, metavar="DIR",
              help="Write each source file of each item into DIR, as ID.txt, or "
                   "ID.zh.txt and ID.en.txt for a pair of files (instead of one stream).")
@friendly
def restore(file, output, folder):
    """Print the original text of every item in a JSON Lines file made by `clean`.

    The text is rebuilt from the cleaned record by undoing every edit; it equals the
    input as decoded from bytes (in UTF-8). The texts of all items, and of both files of
    a pair, follow each other in one stream; --files DIR writes each source file apart.

    \b
    Examples:
      mtclean clean page.txt -o page.jsonl && mtclean restore page.jsonl
      mtclean clean --zh a.zh.txt --en a.en.txt -o a.jsonl && mtclean restore a.jsonl --files back/
    """
    if output and folder:
        raise click.UsageError("-o and --files contradict each other: give one of them")
    with _record_lines(file) as lines:
        at: list[int] = []  # the line of the record being restored
        numbered = _noting_line(numbered_items(lines, file), at)
        with _placed(file, at):
            if folder:
                write_files(folder, source_files(item for _, item in numbered), (file,))
                return
            with atomic_output(output, (file,)) as out:
                for _, item in numbered:
                    for text in restore_sources(item):
                        out.write(text.encode("utf-8", "surrogatepass"))


@contextmanager
def _record_lines(path: str) -> Iterator[Iterator[bytes]]:
    """The lines of a JSON Lines file (``-``: standard input), read as they are used: a
    corpus's items.jsonl need not fit in memory. Lines end as ``bytes.splitlines`` ends
    them, so a line's number is the same as for the whole file split at once."""
    try:
        stream = sys.stdin.buffer if path == "-" else open(path, "rb")
    except OSError as exc:
        raise read_error(exc, path) from None

    def lines() -> Iterator[bytes]:
        try:
            for raw in stream:
                yield from raw.splitlines()
        except OSError as exc:
            raise read_error(exc, path) from None

    try:
        yield lines()
    finally:
        if path != "-":
            stream.close()


def _noting_line(numbered: Iterable[tuple[int, object]], at: list[int]) -> Iterator:
    for lineno, item in numbered:
        at[:] = [lineno]
        yield lineno, item


@contextmanager
def _placed(path: str, at: list[int]) -> Iterator[None]:
    """An item's error without a place gets the file and the line of the item's record
    ("items.jsonl:7 item 'a': damaged record ...")."""
    try:
        yield
    except InputError as exc:
        if exc.path is not None or exc.item is None:
            raise
        raise InputError(exc.message, path=path, line=at[0] if at else None,
                         item=exc.item, hint=exc.hint or None) from None


def source_files(items) -> list[tuple[str, bytes]]:
    """(file name, original bytes) of every source of every item: ``ID.txt``, or
    ``ID.zh.txt`` and ``ID.en.txt`` for a pair (``ID.1.txt`` ... when the sides are not
    known), with the source file's own suffix (``.md``); an id with ``/`` (a file in a
    subfolder) names a subfolder. Names are made safe: no absolute path, no ``..``. Each
    text is written in the encoding its file had (GB18030, a UTF-8 byte order mark ...),
    so the files come back as they were; text from JSON Lines in UTF-8."""
    out: list[tuple[str, bytes]] = []
    taken: set[str] = set()
    for item in items:
        texts = restore_sources(item)
        safe = "/".join(_safe_part(part) for part in _path_parts(item.id)
                        if part not in ("", ".", "..")) or "item"
        langs = [s.lang for s in item.sources]
        for n in itertools.count(1):  # a name another item took: "ID~2.txt"
            base = safe if n == 1 else f"{safe}~{n}"
            names = [_file_name(base, k, len(texts), langs, source.name)
                     for k, source in enumerate(item.sources)]
            if not taken.intersection(names) and len(set(names)) == len(names):
                break
        taken.update(names)
        out += [(name, _encoded(text, source.encoding))
                for name, text, source in zip(names, texts, item.sources)]
    return out


def _file_name(base: str, k: int, count: int, langs: list, source_name: str) -> str:
    suffix = _suffix(source_name)
    if count == 1:
        return f"{base}{suffix}"
    if len(set(langs)) == len(langs) and all(langs):
        return f"{base}.{langs[k]}{suffix}"
    return f"{base}.{k + 1}{suffix}"


MAX_NAME_BYTES = 200  # of a file name's part, below the usual limit of 255 with a suffix


def _safe_part(part: str) -> str:
    """A folder or file name the file system takes: control characters and characters
    no file name can hold (a lone surrogate from a JSON id) become ``_``, and a name too
    long for it is cut, with a hash of the whole to keep it apart from others."""
    chars = []
    for c in part:
        if c < " " or c == "\x7f":
            c = "_"
        else:
            try:
                os.fsencode(c)
            except UnicodeEncodeError:
                c = "_"
        chars.append(c)
    safe = "".join(chars)
    if len(os.fsencode(safe)) > MAX_NAME_BYTES:
        digest = hashlib.sha1(os.fsencode(safe)).hexdigest()[:12]
        while len(os.fsencode(safe)) > MAX_NAME_BYTES - 13:
            safe = safe[:-1]
        safe = f"{safe}-{digest}"
    return safe


def _path_parts(item_id: str) -> list[str]:
    r"""The folders and name an id stands for: ``/`` parts it (``\`` too where the
    system's separator is one), and a ``\xd0`` that stood for a byte of a name that
    was not UTF-8 is that byte again (``\`` elsewhere is part of a name on Linux).

    >>> [os.fsencode(p) for p in _path_parts("gb/\\xd0\\xc2.txt")]
    [b'gb', b'\xd0\xc2.txt']
    >>> _path_parts("a\\b.txt") == (["a", "b.txt"] if os.sep == "\\" else ["a\\b.txt"])
    True
    """
    if os.sep != "/":
        item_id = item_id.replace(os.sep, "/")
    return [unshown_path(part) for part in item_id.split("/")]


def _suffix(name: str) -> str:
    """The source file's suffix when it is a text suffix (``.md``), else ``.txt``."""
    suffix = os.path.splitext(name)[1]
    return suffix if suffix.lower() in TEXT_SUFFIXES else ".txt"


def _encoded(text: str, encoding: str) -> bytes:
    """``text`` in the encoding it was decoded from; UTF-8 for JSON Lines text, or where
    that encoding cannot hold it."""
    if encoding not in ("json", "utf-8"):
        try:
            return text.encode(encoding)
        except (LookupError, UnicodeEncodeError):
            pass
    return text.encode("utf-8", "surrogatepass")


@main.command()
@click.argument("file")
@click.option("-o", "--output", "output", default=None, metavar="OUT",
              help="Write here instead of standard output (replaced in one step).")
@friendly
def review(file, output):
    """Write an HTML review report of a JSON Lines file made by `clean` or `run`: every
    block with its checks and its edits (rule, before, after).

    \b
    Example:
      mtclean run corpus -o out && mtclean review out/items.jsonl -o review.html
    """
    with _opened(file) as lines, atomic_output(output, (file,)) as out:
        # read a line at a time: a corpus of any size is reviewed in flat memory
        write_html(iter_items(lines, file), out, f"mtclean review: {file}")


@contextmanager
def _opened(path: str) -> Iterator[Iterable[bytes]]:
    """The lines of a file (``-``: standard input), with read_path's errors."""
    if path == "-":
        yield sys.stdin.buffer
        return
    try:
        stream = open(path, "rb")
    except OSError as exc:
        raise read_error(exc, path) from None
    with stream:
        try:
            yield stream
        except OSError as exc:  # a read that fails part-way
            raise read_error(exc, path) from None


@main.command()
@friendly
def rules():
    """List every rule and check with its id and a one-line description.

    \b
    Example:
      mtclean rules | grep glossary
    """
    from .. import runner  # noqa: F401  (imports register every rule and check)

    rows = [(r.id, "rule", r.lang, r.summary) for r in registry.RULES.values()]
    rows += [(i, "structural", "*", s) for i, s in registry.STRUCTURAL.items()]
    rows += [(c.id, f"check/{c.severity}", c.lang, c.summary)
             for c in registry.CHECKS.values()]
    width = max(len(r[0]) for r in rows)
    for ident, what, lang, summary in sorted(rows):
        click.echo(f"{ident:<{width}}  {what:<15} {lang:<2}  {summary}")


from .glossary import glossary as _glossary_commands  # noqa: E402  (needs `friendly`)
from . import run as _run  # noqa: E402  (command modules register on `main`)

main.add_command(_glossary_commands)
_run.register(main, friendly, build_config)

if __name__ == "__main__":  # pragma: no cover
    main()
