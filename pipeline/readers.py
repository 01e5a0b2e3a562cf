"""Input forms: text and Markdown files, zh/en file pairs, folders, JSON Lines, stdin.

:func:`iter_inputs` streams :class:`InputItem` objects in a stable order (arguments in the
order given, folder contents sorted by path), reading JSON Lines one line at a time. An
input that cannot become an item is yielded as a :class:`Rejected` with its place and
reason, so a batch run can carry on and nothing is lost; ``strict=True`` raises instead.
"""
from __future__ import annotations

import base64
import hashlib
import io
import math
import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any, Iterable, Iterator

import regex

from .emit.jsonl import loads_line, shape_problem
from .errors import JSONL_HINT, InputError, MtcleanError, read_error
from .emit.markdown import page_order
from .records import Block, Item, evolve, record_fields
from .restore import restore_sources
from .runner import (Config, SourceText, clean_item, clean_sources, decode_source, item_id_for,
                     shown_path)
from .stages.detect import script_lang
from .stages.segment import has_text

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
SIDES = ("zh", "en")


@dataclass(frozen=True)
class InputItem:
    id: str
    sources: tuple[SourceText, ...]
    where: str  # file, or file:line, for messages and rejects
    # a record mtclean wrote (blocks, edits, origins), as read: cleaned again as the
    # record it is when it is whole, it keeps its history (see clean_input); it is
    # loaded there, in the worker, not by the reader
    record: dict | None = None
    # the JSON line the record was read from: a worker is sent the line, not the dict
    # (pickling a record's nested dicts costs workers more than parsing the line again)
    record_line: bytes | None = field(default=None, repr=False, compare=False)
    # a JSON Lines record's fields besides id, text, zh and en (see Item.fields)
    fields: tuple[tuple[str, Any], ...] = ()

    def __reduce__(self):
        if self.record is None or self.record_line is None:
            return InputItem, (self.id, self.sources, self.where, self.record, None,
                               self.fields)
        return _with_record_line, (self.id, self.sources, self.where, self.record_line)


def _with_record_line(item_id: str, sources: tuple[SourceText, ...], where: str,
                      line: bytes) -> InputItem:
    """An :class:`InputItem` sent to a worker as its record's JSON line (see
    ``InputItem.__reduce__``): the line is parsed as the reader parsed it."""
    return InputItem(item_id, sources, where, loads_line(line, where), line)


@dataclass(frozen=True)
class Rejected:
    where: str
    reason: str
    # the input text, or the raw JSON line; None if unreadable; for a pair of files, the
    # text of each (None: that one unreadable)
    original: str | dict[str, str | None] | None
    id: str | None = None
    # a JSON line that is not UTF-8: its bytes (``original`` shows them decoded with
    # U+FFFD for each byte that is no UTF-8, which JSON can hold; these are exact)
    raw: bytes | None = None

    def to_dict(self) -> dict:
        out = {"id": self.id, "source": self.where, "reason": self.reason,
               "original": self.original}
        if self.raw is not None:
            out["original_base64"] = base64.b64encode(self.raw).decode("ascii")
        return out


def _reason(exc: MtcleanError) -> str:
    """The reason for a reject: what is wrong and what to do, without the place (the
    reject records that itself)."""
    return f"{exc.message} ({exc.hint})" if exc.hint else exc.message


def side_of(path: str) -> tuple[str, str | None]:
    """Split ``NAME.zh.txt`` into (``NAME``, ``zh``); other names have no side.

    >>> side_of("news/a1.zh.txt"), side_of("news/a1.EN.md"), side_of("a1.txt")
    (('a1', 'zh'), ('a1', 'en'), ('a1', None))
    """
    stem = item_id_for(path)
    for lang in SIDES:
        if stem[-len(lang) - 1:].lower() == "." + lang:  # (c.EN.txt is a side too)
            return stem[: -len(lang) - 1], lang
    return stem, None


# Documentation that sits beside a corpus in its folder is not news: a folder walk skips
# it (a file named on the command line is still read).
NOT_INPUT_STEMS = ("readme", "source", "sources", "license", "licence", "changelog")


PAIR_SUFFIXES = (".zh", ".en")  # NAME.zh with NAME.en, as WMT names its files


def is_input_file(p: Path) -> bool:
    """A file a folder walk reads. A link that leads nowhere counts, so that reading it
    fails and it is rejected with its reason rather than left out unseen."""
    name = p.name.lower()
    if name.split(".")[0] in NOT_INPUT_STEMS:
        return False
    if name.startswith(".") or not name.endswith(TEXT_SUFFIXES + JSONL_SUFFIXES +
                                                  PAIR_SUFFIXES):
        return False
    try:
        return p.is_file() or (p.is_symlink() and not p.exists())
    except OSError:
        return True  # in a folder that can be listed, not entered: rejected when read


def expand_paths(paths: Iterable[str]) -> Iterator[str]:
    """Files named directly, and the input files of named folders (sorted, recursive)."""
    for path in paths:
        p = Path(path)
        if path != "-" and _is_dir(path):
            found = False
            unreadable: list[str] = []
            visited = {os.path.realpath(p)}
            # linked folders are followed, as linked files are (each real folder once)
            for root, dirs, files in os.walk(p, onerror=lambda e: unreadable.append(
                    e.filename), followlinks=True):
                kept = []
                for d in sorted(d for d in dirs if not d.startswith(".")):
                    real = os.path.realpath(os.path.join(root, d))
                    if real not in visited:
                        visited.add(real)
                        kept.append(d)
                dirs[:] = kept
                for f in sorted(files):
                    fp = Path(root) / f
                    if is_input_file(fp):
                        found = True
                        yield str(fp)
                while unreadable:  # a folder that could not be listed: rejected as such
                    found = True
                    yield unreadable.pop(0)
            while unreadable:  # ... the last one too, with no folder walked after it
                found = True
                yield unreadable.pop(0)
            if not found:
                raise InputError("folder has no input files (.txt, .md, .jsonl)", path=path,
                                 hint="put input files in it, or name the files")
        else:
            yield path


def _pair_files(files: list[str]) -> Iterator[list[str]]:
    """Group NAME.zh.* with NAME.en.* from the same folder; everything else alone. A
    second file of a side (``a.zh.txt`` and ``a.ZH.md``) starts a group of its own."""
    groups: dict[tuple[str, str, int], list[str]] = {}
    order: list[tuple[str, str, int] | str] = []
    for f in files:
        stem, lang = side_of(f)
        if lang is None or f.lower().endswith(JSONL_SUFFIXES):
            order.append(f)
            continue
        n = 0
        while any(side_of(g)[1] == lang for g in groups.get((str(Path(f).parent), stem, n), ())):
            n += 1
        key = (str(Path(f).parent), stem, n)
        if key not in groups:
            groups[key] = []
            order.append(key)  # type: ignore[arg-type]
        groups[key].append(f)
    for entry in order:
        if isinstance(entry, tuple):
            yield sorted(groups[entry], key=lambda f: SIDES.index(side_of(f)[1]))
        else:
            yield [entry]


def read_bytes(path: str, stdin: IO[bytes] | None = None) -> bytes:
    from .runner import read_path

    if path == "-" and stdin is not None:
        return stdin.read()
    return read_path(path)


def files_item(entries: list[tuple[str, str | None]], item_id: str,
               stdin: IO[bytes] | None = None) -> InputItem:
    """One item from files given as ``(path, side)`` (side ``None``: found per block);
    ``-`` is standard input."""
    sources = [decode_source(read_bytes(path, stdin),
                             "<stdin>" if path == "-" else shown_path(path), lang)
               for path, lang in entries]
    where = " + ".join("<stdin>" if p == "-" else shown_path(p) for p, _ in entries)
    if not any(has_text(s.text) for s in sources):
        files = "file was" if len(entries) == 1 else "files were"
        raise InputError("empty input: no text to clean", path=where,
                         hint=f"check that the {files} exported completely")
    for (path, _), source in zip(entries, sources):
        if not has_text(source.text):  # one file of a pair: its side would be missing unseen
            raise InputError("empty file: this side of the pair has no text",
                             path="<stdin>" if path == "-" else path,
                             hint="check that the file was exported completely")
        _refuse_wrong_side(source, "<stdin>" if path == "-" else path)
    return InputItem(item_id, tuple(sources), where)


MIN_SIDE_SHARE = 0.1  # of a side's letters, at least this share in its own script
HAN_LETTERS = 3  # a Chinese character says about as much as three Latin letters
MIN_HAN = 20  # Chinese characters that make a side Chinese, whatever else it holds
SIDE_SAMPLE = 1000  # characters of a side read to tell its language


def _refuse_wrong_side(source: SourceText, where: str, item: str | None = None) -> None:
    """A side given as English that holds no English, or as Chinese without Chinese:
    files swapped (--zh en.txt --en zh.txt), or one file given twice. Cleaned, the
    Chinese would be labelled English in the TMX, and the glossary would "translate"
    it. (An English page that MT left partly in Chinese passes: it has English too.)"""
    if source.lang not in ("zh", "en"):
        return
    _, han, latin = script_lang(source.text[:SIDE_SAMPLE])  # (the start tells, mostly)
    if source.lang == "zh" and han >= MIN_HAN:
        return  # Chinese, whatever it quotes ("全文如下：" and a long English speech)
    if len(source.text) > SIDE_SAMPLE:  # before a refusal, the whole side
        _, han, latin = script_lang(source.text)
        if source.lang == "zh" and han >= MIN_HAN:
            return
    han *= HAN_LETTERS
    own, other = (han, latin) if source.lang == "zh" else (latin, han)
    if other and own < MIN_SIDE_SHARE * (own + other):
        given, found = ("Chinese", "English") if source.lang == "zh" else \
            ("English", "Chinese")
        raise InputError(f"given as the {given} side, but the text is {found}", path=where,
                         item=item, hint="check that the Chinese and English files (or "
                                         "'zh' and 'en') are not swapped")


def _text_item(group: list[str], stdin: IO[bytes] | None = None,
               root: str | None = None) -> InputItem:
    """One item from a file or a NAME.zh/NAME.en pair; found in a subfolder of the named
    folder ``root``, its id is its path from there (``2021/news``)."""
    return files_item([(p, side_of(p)[1] if p != "-" else None) for p in group],
                      _group_id(group, root), stdin)


def _group_id(group: list[str], root: str | None = None) -> str:
    """The id of the item a file or a pair of files makes (see :func:`_text_item`)."""
    item_id = side_of(group[0])[0] if group[0] != "-" else "stdin"
    if root is not None and Path(group[0]) != Path(root):  # (not the named folder itself,
        # which could not be listed)
        folder = Path(group[0]).parent.relative_to(root)
        if folder.parts:
            item_id = f"{shown_path(folder.as_posix())}/{item_id}"
    return item_id


def clean_input(inp: InputItem, config: Config = Config()) -> Item:
    """Clean one input. A record mtclean wrote is cleaned as the record it is, with its
    edits and origins, when they still fit its text: the original input stays
    restorable from the output, and a record cleaned again comes out the same. Any
    other input (a record edited by hand too) is cleaned from its text."""
    if inp.record is not None:
        whole = _whole_record(inp.record)
        if whole is not None:
            return clean_item(whole, config, record=True)
        if not any(has_text(s.text) for s in inp.sources):
            raise InputError("empty text", path=inp.where, item=inp.id,
                             hint="check that the item was exported completely")
    item = clean_sources(inp.id, inp.sources, config)
    # (a record edited by hand keeps its fields too)
    fields = inp.fields or (record_fields(inp.record) if inp.record is not None else ())
    return evolve(item, fields=fields) if fields else item


_INPUT_KEYS = frozenset(("id", "text") + SIDES)


MAX_FIELD_DEPTH = 64  # levels of nesting in a record's other fields


def _writable(fields: tuple, where: str, item_id: str) -> None:
    """Refuse fields the output could not hold as JSON, or a worker be sent: a number
    that is no finite number (``1e400`` reads as infinity, ``NaN``), or nesting deeper
    than :data:`MAX_FIELD_DEPTH` levels."""
    stack = [(v, 1) for _, v in fields]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_FIELD_DEPTH:
            raise InputError(f"the record's other fields are nested more than "
                             f"{MAX_FIELD_DEPTH} levels deep", path=where, item=item_id,
                             hint=JSONL_HINT)
        if isinstance(value, dict):
            stack.extend((v, depth + 1) for v in value.values())
        elif isinstance(value, list):
            stack.extend((v, depth + 1) for v in value)
        elif isinstance(value, float) and not math.isfinite(value):
            raise InputError("a number JSON cannot hold (such as 1e400 or NaN) in the "
                             "record's other fields", path=where, item=item_id,
                             hint=JSONL_HINT)


def record_to_item(record: object, where: str, line: bytes | None = None) -> InputItem:
    """One JSON Lines record: ``id`` and ``text``, or ``id`` with ``zh`` and/or ``en``, or
    a record that mtclean wrote (``id`` and ``blocks``), which is cleaned again: as the
    record itself when its edits and origins still fit its text (its original input can
    be rebuilt from it), else from its text (a record edited by hand, or partial).
    ``line``: the JSON the record was parsed from, if any (kept with an mtclean record)."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", path=where,
                         hint=JSONL_HINT)
    item_id = record.get("id")
    if not isinstance(item_id, (str, int)) or isinstance(item_id, bool) or item_id == "":
        raise InputError("missing or invalid field 'id' (a non-empty string)", path=where,
                         hint=JSONL_HINT)
    item_id = str(item_id)
    if record.get("text") is not None and any(record.get(k) not in (None, "") for k in SIDES):
        # which would be the item? (the text was dropped without a word)
        raise InputError("both 'text' and 'zh'/'en' given: give one of them", path=where,
                         item=item_id, hint=JSONL_HINT)
    sources = []
    if isinstance(record.get("blocks"), list) and not any(
            k in record for k in ("text",) + SIDES):
        sources = _cleaned_record_sources(record, where, item_id)
    elif record.get("text") is not None or "text" in record and not any(
            k in record for k in SIDES):  # ("zh": null and "en": null, or "", beside a
        # text: an exporter that writes every column)
        text = record["text"]
        if not isinstance(text, str):
            raise InputError("field 'text' must be a string", path=where, item=item_id,
                             hint=JSONL_HINT)
        sources.append(SourceText(where, text, "json"))
    else:
        for lang in SIDES:
            value = record.get(lang)
            if value is None:
                continue
            if not isinstance(value, str):
                raise InputError(f"field {lang!r} must be a string or null", path=where,
                                 item=item_id, hint=JSONL_HINT)
            sources.append(SourceText(f"{where}#{lang}", value, "json", lang))
            _refuse_wrong_side(sources[-1], where, item_id)
        if not sources:
            raise InputError("no text: give 'zh' and/or 'en' (or 'text')", path=where,
                             item=item_id, hint=JSONL_HINT)
    mtclean_record = "blocks" in record and not any(k in record for k in ("text",) + SIDES)
    # (a whole record stands for its input, which had text, whatever the cleaning left:
    # clean_input rejects an empty one that is not whole)
    if not mtclean_record and not any(has_text(s.text) for s in sources):
        raise InputError("empty text", path=where, item=item_id,
                         hint="check that the item was exported completely")
    for src in sources:
        _refuse_surrogates(src.text, where, item_id)
    if mtclean_record:
        _writable(record_fields(record), where, item_id)
    if not mtclean_record:
        # the line is kept for a reject (a duplicate id across files keeps it whole); a
        # worker is sent the sources alone
        fields = tuple((k, v) for k, v in record.items() if k not in _INPUT_KEYS)
        if fields:
            _writable(fields, where, item_id)
        return InputItem(item_id, tuple(sources), where, None, line, fields)
    return InputItem(item_id, tuple(sources), where, record, line)


def _whole_record(record: dict) -> Item | None:
    """The record as an :class:`Item`, when it is one whose original input can be
    rebuilt (every edit fits its block, every origin its sources); else None."""
    if shape_problem(record) is not None:
        return None  # (a field of the wrong type: its text is read instead)
    try:
        item = Item.from_dict(record)
        restore_sources(item)
    except (MtcleanError, KeyError, TypeError, ValueError, AttributeError, IndexError):
        return None
    return item


_MARKS = {"title": "# ", "heading": "## "}


def _cleaned_record_sources(record: dict, where: str, item_id: str) -> list[SourceText]:
    """The text of an mtclean record, so cleaned output can be cleaned again: every block
    (metadata and boilerplate too) in order, titles and headings marked as in Markdown;
    one text per source document the record came from."""
    blocks = record["blocks"]
    sources = record.get("sources")
    two_docs = isinstance(sources, list) and len(sources) > 1
    texts: dict[str | None, list[str]] = {}
    for block in blocks:
        if not isinstance(block, dict):
            raise InputError("field 'blocks' must hold objects", path=where, item=item_id,
                             hint=JSONL_HINT)
        both = block.get("zh") is not None and block.get("en") is not None
        for lang in _page_order(block) if both and not two_docs else SIDES:
            text = block.get(lang)
            if text is None:
                continue
            if not isinstance(text, str):
                raise InputError(f"block field {lang!r} must be a string or null",
                                 path=where, item=item_id, hint=JSONL_HINT)
            texts.setdefault(lang if two_docs else None, []).append(
                _MARKS.get(str(block.get("kind")), "") + text)
    return [SourceText(f"{where}#{lang}" if lang else where, "\n\n".join(parts), "json",
                       lang)
            for lang, parts in sorted(texts.items(), key=lambda kv: SIDES.index(kv[0])
                                      if kv[0] else 0)]


def _page_order(block: dict) -> tuple[str, ...]:
    """The sides of a block of a one-file record in the order the page gave them, as the
    Markdown writes them (:func:`~pipeline.emit.markdown.page_order`): English first
    where its origin comes first, so that the page read again has the runs it had."""
    try:
        return page_order(Block.from_dict(block), SIDES)
    except (KeyError, TypeError, ValueError, AttributeError):
        return SIDES  # a block edited out of shape: its text is all that is read


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def _refuse_surrogates(text: str, where: str, item_id: str) -> None:
    """JSON can escape half of a UTF-16 pair (``"\\ud800"``): that is no character, and
    no UTF-8 output could hold it, so the item is refused rather than silently changed."""
    m = _SURROGATE.search(text)
    if m:
        raise InputError(f"lone surrogate \\u{ord(m.group(0)):04x} at character "
                         f"{m.start()}: not a Unicode character", path=where, item=item_id,
                         hint="fix the export that wrote half of a UTF-16 pair")


def iter_jsonl(stream: IO[bytes], path: str) -> Iterator[InputItem | Rejected]:
    seen: dict[str, int] = {}
    for lineno, line in enumerate(stream, 1):
        if not line.strip() or (lineno == 1 and not line.removeprefix(_BOM).strip()):
            continue  # a blank line, or a byte order mark alone on the first
        where = f"{path}:{lineno}"
        raw = None
        try:
            try:
                original = line.decode("utf-8").rstrip("\r\n")
            except UnicodeDecodeError as exc:
                # the reject shows the line with U+FFFD for its bad bytes and keeps the
                # bytes themselves (base64): a lone surrogate would be no valid JSON text
                original = line.decode("utf-8", "replace").rstrip("\r\n")
                raw = line.rstrip(b"\r\n")
                raise InputError(f"not UTF-8 (byte {exc.start + 1} of the line)", path=path,
                                 line=lineno, hint="JSON Lines must be UTF-8: convert "
                                 "the file") from None
            record = loads_line(line, path, lineno)
            item = record_to_item(record, where, line)
        except MtcleanError as exc:
            yield Rejected(where, _reason(exc), original,
                           exc.item if exc.item is not None else None, raw)
            continue
        if item.id in seen:
            yield Rejected(where, f"duplicate id {item.id!r} (first at line {seen[item.id]}; "
                           "give every item its own id)",
                           original, item.id)
            continue
        seen[item.id] = lineno
        yield item


def iter_inputs(paths: Iterable[str], *, strict: bool = False,
                stdin: IO[bytes] | None = None) -> Iterator[InputItem | Rejected]:
    """Every input item of the given paths, in order; see the module docstring.

    Ids are unique in a run: a file in a subfolder of a named folder is named by its
    path from there (``2021/news``), and an item whose id an earlier source gave is
    rejected."""
    files: list[str] = []
    roots: dict[str, str] = {}  # a file found in a named folder: that folder
    for path in paths:
        folder = path != "-" and _is_dir(path)
        for found in expand_paths([path]):
            files.append(found)
            if folder:
                roots[found] = path
    ids = _RunIds()
    for occurrence, group in enumerate(_pair_files(files)):
        first = group[0]
        ids.named(occurrence, " + ".join(group) if first != "-" else "<stdin>")
        if first == "-" or first.lower().endswith(JSONL_SUFFIXES):
            stream = stdin or sys.stdin.buffer
            if first == "-":
                stream, jsonl = _sniffed(stream)
                if not jsonl:
                    entries: Iterable = _guard([first], strict, stream)
                else:
                    entries = _jsonl_from(stream, "<stdin>")
            else:
                entries = _jsonl_file(first, strict)
        else:
            entries = _guard(group, strict, root=roots.get(first))
        for entry in entries:
            entry = ids.check(entry, occurrence)
            if strict and isinstance(entry, Rejected):
                raise InputError(entry.reason, path=entry.where, item=entry.id)
            yield entry


_BOM = b"\xef\xbb\xbf"
SNIFF_BYTES = 1 << 16


def _sniffed(stream: IO[bytes]) -> tuple[IO[bytes], bool]:
    """Standard input, unread, and whether it holds JSON Lines: its first visible
    character (after a byte order mark and blank lines, within 64 KB) opens an object.
    The bytes are read until that character arrives (a pipe may bring the blank lines
    first and the rest later), and given back in front of the stream."""
    head = b""
    read1 = getattr(stream, "read1", None) or stream.read
    while len(head) < SNIFF_BYTES and not head.removeprefix(_BOM).strip():
        chunk = read1(SNIFF_BYTES - len(head))
        if not chunk:
            break
        head += chunk
    jsonl = head.removeprefix(_BOM).lstrip()[:1] == b"{"
    return io.BufferedReader(_Prefixed(head, stream), SNIFF_BYTES), jsonl


class _Prefixed(io.RawIOBase):
    """``head``, then the rest of ``stream``."""

    def __init__(self, head: bytes, stream: IO[bytes]) -> None:
        self.head, self.stream = memoryview(head), stream
        self.read_rest = getattr(stream, "read1", None) or stream.read

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        if len(self.head):
            n = min(len(buffer), len(self.head))
            buffer[:n] = self.head[:n]
            self.head = self.head[n:]
            return n
        data = self.read_rest(len(buffer))
        buffer[:len(data)] = data
        return len(data)


class _RunIds:
    """The ids given so far in a run, as 64-bit hashes (a corpus of millions keeps a few
    tens of megabytes), with the input each came from."""

    def __init__(self) -> None:
        self.seen: dict[int, int] = {}
        self.inputs: dict[int, str] = {}  # occurrence -> file name

    def check(self, entry: InputItem | Rejected, occurrence: int) -> InputItem | Rejected:
        if not isinstance(entry, InputItem):
            return entry
        key = int.from_bytes(hashlib.blake2b(entry.id.encode("utf-8", "surrogatepass"),
                                             digest_size=8).digest(), "little")
        first = self.seen.setdefault(key, occurrence)
        if first == occurrence:
            return entry  # (one JSON Lines file checks its own lines, by line)
        return Rejected(entry.where, f"duplicate id {entry.id!r} (first in "
                                     f"{self.inputs[first]}; give every item its "
                                     "own id)", _entry_text(entry), entry.id)

    def named(self, occurrence: int, name: str) -> None:
        self.inputs.setdefault(occurrence, name)


def _entry_text(entry: InputItem) -> str | dict[str, str | None]:
    if entry.record_line is not None:
        return entry.record_line.decode("utf-8", "replace").rstrip("\r\n")
    if len(entry.sources) == 1:
        return entry.sources[0].text
    return {s.name: s.text for s in entry.sources}


def _is_dir(path: str) -> bool:
    """``Path.is_dir``, but False where the answer is refused (a file in a folder that can
    be listed but not entered): reading it then fails with its reason."""
    try:
        return Path(path).is_dir()
    except OSError:
        return False


def _guard(group: list[str], strict: bool, stdin: IO[bytes] | None = None,
           root: str | None = None) -> Iterator[InputItem | Rejected]:
    try:
        if group[0] != "-" and _is_dir(group[0]):  # a folder the walk could not list
            raise InputError("cannot list this folder: permission denied", path=group[0],
                             hint="check the folder's permissions and owner")
        yield _text_item(group, stdin, root)
    except MtcleanError as exc:
        if strict:
            raise
        where = " + ".join(shown_path(p) for p in group)
        reason = _reason(exc)
        if len(group) > 1 and exc.path:
            reason = f"{reason} [in {exc.path}]"  # which file of the pair
        yield Rejected(where, reason, _originals(group), _group_id(group, root))


def _originals(group: list[str]) -> str | dict[str, str | None] | None:
    """The text of a rejected file (None: unreadable or undecodable, the file itself is
    the original), or of each file of a pair: the readable one is kept."""
    texts: dict[str, str | None] = {}
    for p in group:
        if p == "-":
            continue
        try:
            texts[p] = decode_source(read_bytes(p), p).text
        except MtcleanError:
            texts[p] = None
    if len(group) == 1:
        return texts.get(group[0])
    return texts


def _jsonl_from(stream: IO[bytes], path: str) -> Iterator[InputItem | Rejected]:
    yield from iter_jsonl(stream, path)


def _jsonl_file(path: str, strict: bool = False) -> Iterator[InputItem | Rejected]:
    try:
        stream = open(path, "rb")
    except OSError as exc:
        error = read_error(exc, path)
        if strict:
            raise error from None
        yield Rejected(path, _reason(error), None)  # its items are not known: the file is
        return
    with stream:
        head = stream.read(4)
        stream.seek(0)
        if head[:2] in (b"\xff\xfe", b"\xfe\xff") or (len(head) == 4 and (
                head[1::2] == b"\x00\x00" or head[0::2] == b"\x00\x00")):
            # UTF-16 (or 32): split at each 0x0A byte, its lines would each be a reject
            error = InputError("JSON Lines in UTF-16 or UTF-32: they must be UTF-8",
                               path=path, hint="convert the file (iconv -f UTF-16 -t UTF-8)")
            if strict:
                raise error
            yield Rejected(path, _reason(error), None)  # the file itself is the original
            return
        try:
            yield from iter_jsonl(stream, path)
        except OSError as exc:  # a failing disk or network share mid-file
            raise read_error(exc, path) from None


def pair_input(zh_path: str | None, en_path: str | None,
               stdin: IO[bytes] | None = None) -> InputItem:
    """One bilingual item from a Chinese file and an English file (either may be
    missing: that side is then null). The id is the Chinese file's name without
    ``.zh`` and its suffix."""
    first = zh_path or en_path or "-"
    item_id = side_of(first)[0] if first != "-" else "stdin"
    return files_item([(p, lang) for p, lang in ((zh_path, "zh"), (en_path, "en")) if p],
                      item_id, stdin)
