"""What one worker does with a chunk of input entries, and the content hash that lets a
resumed run recognise the entries it has already done.

A chunk is a list of ``(index, entry)`` where the entry is an
:class:`~pipeline.readers.InputItem` or a :class:`~pipeline.readers.Rejected`. The result
is one :class:`Done` per entry: the bytes of exactly one line for ``items.jsonl`` or for
``rejects.jsonl``. The same function runs in the main process (``--jobs 1``) and in
worker processes, so the bytes do not depend on the number of jobs.
"""
from __future__ import annotations

import hashlib
import os
import re
import signal
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Sequence

from .. import __version__, registry
from ..emit.jsonl import dumps_item, dumps_record
from ..errors import MtcleanError
from ..readers import InputItem, Rejected, clean_input
from ..records import Item
from ..runner import Config, SourceText, clean_sources
from .journal import encode_counts, encode_reason

Entry = InputItem | Rejected
_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"")
_NUMBER = re.compile(r"(?<![\w-])\d+(?![\w-])")  # a count or position, not "UTF-8"
_HEAD = re.compile(r"(?:\([^()]*\)|[^(:]|:(?! ))*")  # up to the first ": " outside parentheses


@dataclass(frozen=True)
class Done:
    """One entry's output line: ``item`` lines go to items.jsonl, the others to rejects."""

    index: int
    is_item: bool
    line: bytes
    chars: int  # input characters, for throughput figures
    edits: str = "-"  # counts for the report, in the journal's encoding
    checks: str = "-"
    reason: str = "-"


def entry_chars(entry: Entry) -> int:
    if isinstance(entry, InputItem):
        return sum(len(s.text) for s in entry.sources)
    if isinstance(entry.original, dict):
        return sum(len(text or "") for text in entry.original.values())
    return len(entry.original or "")


def _original(sources: Sequence[SourceText]) -> str | dict[str, str]:
    """The input text of a rejected item: a string, or one string per source file."""
    if len(sources) == 1:
        return sources[0].text
    return {s.name: s.text for s in sources}


def reject_line(where: str, reason: str, original, item_id: str | None,
                raw: bytes | None = None) -> bytes:
    """One line of ``rejects.jsonl``.

    >>> reject_line("in.jsonl:3", "malformed JSON", '{"id": ', None)
    b'{"id":null,"source":"in.jsonl:3","reason":"malformed JSON","original":"{\\\\"id\\\\": "}\\n'
    """
    return dumps_record(Rejected(where, reason, original, item_id, raw).to_dict())


def reason_kind(reason: str) -> str:
    """The kind of a reject reason, for the report's counts: the part before any colon
    outside parentheses, its numbers as N and its quoted values as '…' (a quoted field
    name stays: "field 'text' must be a string").

    >>> reason_kind("malformed JSON: unexpected character: line 1 column 9 (char 8)")
    'malformed JSON'
    >>> reason_kind("duplicate id 'a7' (first at line 3)")
    "duplicate id '…' (first at line N)"
    >>> reason_kind("not UTF-8 (byte 23 of the line) (JSON Lines must be UTF-8: convert it)")
    'not UTF-8 (byte N of the line) (JSON Lines must be UTF-8: convert it)'
    >>> reason_kind("empty input: no text to clean (check that the file was exported completely)")
    'empty input'
    >>> reason_kind("duplicate id 'x' (first in corpus/2021/zh-en/xinhua-news.jsonl; give every "
    ...             "item its own id)")
    "duplicate id '…' (first in …; give every item its own id)"
    >>> reason_kind("duplicate id 'x' (first in rin/feed é.jsonl; give every item its own id)")
    "duplicate id '…' (first in …; give every item its own id)"
    """
    head = _QUOTED.sub(_unquoted, _HEAD.match(reason).group(0))  # type: ignore[union-attr]
    head = _FILE_ASIDE.sub(lambda m: m.group(1) + "…", head)  # a file's name is no kind
    kind = " ".join(_NUMBER.sub("N", head).split())
    while len(kind) > MAX_KIND_CHARS and _LAST_ASIDE.search(kind):
        kind = _LAST_ASIDE.sub("", kind)  # the hint in brackets at the end goes first
    if len(kind) > MAX_KIND_CHARS:  # then words, not a word cut in two
        kind = kind[:MAX_KIND_CHARS].rsplit(" ", 1)[0] + " …"
    return kind


MAX_KIND_CHARS = 80
# where a reason names a file: "(first in corpus/a.jsonl; ...", "[in news.zh.txt]"
_FILE_ASIDE = re.compile(r"(\(first in |\[in )[^;)\]]+")
_LAST_ASIDE = re.compile(r"\s*\([^()]*\)\s*\Z")


# quoted words of the input format: a reason names them, and they stay in its kind
FIELDS = frozenset({"id", "text", "zh", "en", "blocks", "sources", "edits", "checks",
                    "meta", "rule", "before", "after"})


def _unquoted(m: re.Match) -> str:
    """A quoted name in a reason: a field stays, anything else (an id) becomes '…'."""
    quoted = m.group(0)
    return quoted if quoted[1:-1] in FIELDS else quoted[0] + "…" + quoted[-1]


def _counts(item: Item) -> tuple[str, str]:
    edits: dict[str, int] = {}
    for e in item.edits:
        edits[e.rule] = edits.get(e.rule, 0) + 1
    checks: dict[str, int] = {}
    for c in item.checks:
        key = f"{c.check}/{c.severity}"
        checks[key] = checks.get(key, 0) + 1
    return encode_counts(edits), encode_counts(checks)


def process_entry(index: int, entry: Entry, config: Config) -> Done:
    """Clean one entry; any failure becomes a reject line, never an exception."""
    chars = entry_chars(entry)
    if isinstance(entry, Rejected):
        return Done(index, False, reject_line(entry.where, entry.reason, entry.original,
                                              entry.id, entry.raw), chars,
                    reason=encode_reason(reason_kind(entry.reason)))
    try:
        item = clean_input(entry, config)
        line = dumps_item(item)
        counts = _counts(item)
    except MtcleanError as exc:
        reason = exc.message
    except Exception as exc:  # a bug in a stage: reject this item, keep the run going
        reason = f"internal error: {type(exc).__name__}: {exc}"
    else:
        return Done(index, True, line, chars, *counts)
    return Done(index, False, reject_line(entry.where, reason, _original(entry.sources),
                                          entry.id), chars,
                reason=encode_reason(reason_kind(reason)))


def died_entry(index: int, entry: Entry, exitcode: int | None,
               error: BaseException | None = None) -> Done:
    """The reject of an entry whose worker died while cleaning it, alone (the system
    killed it for lack of memory, most often), or failed in a way that even its reject
    line could not be written (``error``, a MemoryError).

    >>> from pipeline.runner import SourceText
    >>> done = died_entry(4, InputItem("a", (SourceText("a.txt", "Hi."),), "a.txt"), -9)
    >>> done.line.decode()
    '{"id":"a","source":"a.txt","reason":"the process cleaning this item died (killed by SIGKILL: out of memory?); clean it alone with mtclean clean to see more","original":"Hi."}\\n'
    """
    if error is not None:
        how = f"{type(error).__name__}{': ' if str(error) else ''}{error}"
    elif exitcode is not None and exitcode < 0:
        try:
            how = f"killed by {signal.Signals(-exitcode).name}"
        except ValueError:
            how = f"killed by signal {-exitcode}"
        how += ": out of memory?" if exitcode == -signal.SIGKILL else ""
    else:
        how = "exit code unknown" if exitcode is None else f"exit code {exitcode}"
    reason = (f"the process cleaning this item died ({how}); clean it alone with "
              "mtclean clean to see more")
    if isinstance(entry, Rejected):  # (cannot happen: nothing of a reject is cleaned)
        return process_entry(index, entry, _WORKER_CONFIG)
    return Done(index, False, reject_line(entry.where, reason, _original(entry.sources),
                                          entry.id), entry_chars(entry),
                reason=encode_reason(reason_kind(reason)))


def process_chunk(chunk: Sequence[tuple[int, Entry]]) -> list[Done]:
    """Worker entry point: uses the config that :func:`init_worker` installed."""
    return [process_entry(i, e, _WORKER_CONFIG) for i, e in chunk]


_WORKER_CONFIG = Config()


def init_worker(config: Config, close_fds: tuple[int, ...] = (),
                watch_parent: bool = False, preload: bool = False) -> None:
    """Set a worker up once: its config, and everything the stages load on first use
    (:func:`warm_up`; nothing left to load in a worker forked after the main process
    warmed up), so no item pays for start-up.

    A forked worker closes the run's lock (``close_fds``) so that a rerun after a crash
    is not locked out, and exits when its parent dies (``watch_parent``): a ``kill -9``
    of the run leaves no worker behind.
    """
    global _WORKER_CONFIG
    _WORKER_CONFIG = config
    if watch_parent:
        # Ctrl-C in a terminal reaches the whole process group: the run stops the
        # workers itself, so a worker does not die in the middle of a result with a
        # traceback of its own
        signal.signal(signal.SIGINT, signal.SIG_IGN)
    for fd in close_fds:
        try:
            os.close(fd)
        except OSError:
            pass
    if watch_parent:
        threading.Thread(target=_exit_with_parent, args=(os.getppid(),), daemon=True).start()
    warm_up(config, preload)


def warm_up(config: Config, preload: bool = True) -> None:
    """Clean a small bilingual sample, so that whatever the stages load on first use
    (glossary, compiled patterns) is loaded now, and with ``preload`` also langdetect's
    language profiles (0.3 s). Run in the main process before workers are forked, it
    lets every worker share one copy instead of loading its own."""
    sample = (SourceText("<warm-up>", "民政部召开会议。", "utf-8", "zh"),
              SourceText("<warm-up>", "Title\n\nThe Ministry of Civil Affairs held a "
                                      "meeting in Beijing on Monday.", "utf-8", "en"))
    try:
        clean_sources("warm-up", sample, config)
        if preload:
            from ..stages.detect import _langdetect

            _langdetect()("Warm-up text loads every language profile once")
    except Exception:  # the real items will report the problem, one by one
        pass


def _exit_with_parent(parent: int) -> None:
    while True:
        time.sleep(0.2)
        if os.getppid() != parent:
            os._exit(1)


# --- content hashes -----------------------------------------------------------------------

def config_fingerprint(config: Config) -> bytes:
    """Everything besides the input that decides the output bytes: the mtclean version,
    the registered rules and checks, disabled ids, and the glossary files' contents
    (the shipped one too: a terminologist edits it between runs)."""
    h = hashlib.blake2b(digest_size=16)
    parts = [f"mtclean {__version__}", f"code {code_digest()}",
             "rules " + " ".join(sorted(registry.RULES)),
             "checks " + " ".join(sorted(registry.CHECKS)),
             "structural " + " ".join(sorted(registry.STRUCTURAL)),
             "disabled " + " ".join(sorted(config.disabled)),
             f"glossary {config.use_glossary}"]
    for path, digest in glossary_digests(config):
        parts.append(f"glossary-file {os.path.abspath(path)} {digest}")
    for p in parts:
        _feed(h, p)
    return h.digest()


# the libraries whose answers are part of the output (sentence and word splits, the
# language model, patterns)
_LIBRARIES = ("regex", "langdetect", "rjieba", "spacy")


@lru_cache(maxsize=1)
def code_digest() -> str:
    """A digest of the package's own code and of the libraries' versions. The version
    number alone does not change with every fix: a run resumed after an update would
    keep the lines the old code wrote beside the new code's (a rule's behaviour changes
    without a new id)."""
    from importlib import metadata

    h = hashlib.blake2b(digest_size=16)
    root = Path(__file__).resolve().parent.parent
    for path in sorted(root.rglob("*.py")):
        _feed(h, str(path.relative_to(root)))
        h.update(path.read_bytes())
    for name in _LIBRARIES:
        try:
            _feed(h, f"{name} {metadata.version(name)}")
        except metadata.PackageNotFoundError:
            _feed(h, f"{name} -")
    return h.hexdigest()


def glossary_digests(config: Config) -> list[tuple[str, str]]:
    """(path, SHA-256 of its contents) of each glossary file the config uses, in layer
    order: the shipped glossary when none is named, none with ``use_glossary`` off."""
    if not config.use_glossary:
        return []
    from ..glossary import model  # read at call time: tests point SHIPPED elsewhere

    out = []
    for path in config.glossaries or (str(model.SHIPPED),):
        try:
            with open(path, "rb") as f:
                digest = hashlib.sha256(f.read()).hexdigest()
        except OSError:
            digest = "unreadable"
        out.append((str(path), digest))
    return out


def _feed(h, text: str | None) -> None:
    if text is None:
        h.update(b"\x00N")
        return
    data = text.encode("utf-8", "surrogatepass")
    h.update(len(data).to_bytes(8, "little"))
    h.update(data)


def entry_hash(entry: Entry, fingerprint: bytes) -> str:
    """A hash of everything that decides an entry's output line.

    >>> from pipeline.runner import SourceText
    >>> a = InputItem("a", (SourceText("a.txt", "Hello."),), "a.txt")
    >>> b = InputItem("a", (SourceText("a.txt", "Hello!"),), "a.txt")
    >>> entry_hash(a, b"") == entry_hash(a, b""), entry_hash(a, b"") == entry_hash(b, b"")
    (True, False)
    """
    h = hashlib.blake2b(fingerprint, digest_size=16)
    if isinstance(entry, InputItem):
        _feed(h, "item")
        _feed(h, entry.id)
        _feed(h, entry.where)
        for s in entry.sources:
            for part in (s.name, s.encoding, s.lang, s.text):
                _feed(h, part)
        if entry.fields:  # kept in the output as they came
            _feed(h, "fields")
            _feed(h, dumps_record(dict(entry.fields)).decode("utf-8", "surrogatepass"))
        if entry.record is not None:  # cleaned as a record: its edits and origins count
            _feed(h, "record")
            _feed(h, dumps_record(entry.record).decode("utf-8"))
    else:
        _feed(h, "reject")
        original = entry.original
        if isinstance(original, dict):
            original = dumps_record(original).decode("utf-8", "surrogatepass")
        for part in (entry.id, entry.where, entry.reason, original):
            _feed(h, part)
        if entry.raw is not None:
            _feed(h, "raw")
            h.update(entry.raw)
    return h.hexdigest()
