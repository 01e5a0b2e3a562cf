"""JSON Lines: one cleaned item per line, the lossless format.

Keys keep a fixed order and no value depends on time or machine, so the same input gives
byte-identical output. Lone surrogates (possible in JSON input) are written as JSON
escapes rather than invalid UTF-8.
"""
from __future__ import annotations

import json
import re
from typing import Any, Iterable, Iterator

import orjson

from ..errors import JSONL_HINT, InputError
from ..records import Item


def dumps_record(record: dict[str, Any]) -> bytes:
    try:
        return orjson.dumps(record) + b"\n"
    except TypeError:
        # orjson refuses lone surrogates; the stdlib escapes them as \udxxx
        return json.dumps(record, ensure_ascii=True, separators=(",", ":")).encode() + b"\n"


def dumps_item(item: Item) -> bytes:
    return dumps_record(item.to_dict())


def loads_line(line: bytes | str, path: str = "<jsonl>", lineno: int | None = None) -> Any:
    """The value of one JSON line, exactly as written. orjson reads most lines; a line
    it reads inexactly is read again with the stdlib: an integer beyond 64 bits (orjson
    makes it a float) and a key given twice in one object (orjson keeps the last one
    silently; it is refused here, naming the key, since either value would be lost).

    >>> loads_line(b'{"id": "a", "n": 123456789012345678901234}')["n"]
    123456789012345678901234
    >>> loads_line(b'{"id": "a", "text": "x", "text": "y"}', "in.jsonl", 3)
    Traceback (most recent call last):
    ...
    pipeline.errors.InputError: in.jsonl:3: malformed JSON: key 'text' is given twice in one object (give each key once)
    """
    try:
        value = orjson.loads(line)
    except orjson.JSONDecodeError:
        value = _stdlib_loads(line, path, lineno)
    else:
        if _inexact(line, value):
            value = _stdlib_loads(line, path, lineno)
    return value


_KEY_END = re.compile(r'"[ \t\r\n]*:')  # each key of an object ends so (and a few strings)
_KEY_END_B = re.compile(_KEY_END.pattern.encode())
# orjson reads integers from -2**63 to 2**64-1 exactly; from 19 digits on, one may not be
_LONG_DIGITS = re.compile(r"\d{19}")
_LONG_DIGITS_B = re.compile(_LONG_DIGITS.pattern.encode())


def _inexact(line: bytes | str, value: Any) -> bool:
    """May orjson have read ``line`` inexactly: fewer keys in ``value`` than there are
    key ends in the line, or a float where the line has a long integer? (Every key ends
    in ``":``, so as many keys as key ends means none was given twice; a string holding
    ``":`` only costs a second reading.)"""
    keys, floats = _keys(value)
    if isinstance(line, bytes):
        return (len(_KEY_END_B.findall(line)) != keys
                or (floats and _LONG_DIGITS_B.search(line) is not None))
    return (len(_KEY_END.findall(line)) != keys
            or (floats and _LONG_DIGITS.search(line) is not None))


def _keys(value: Any) -> tuple[int, bool]:
    """How many keys the objects in ``value`` have, all levels, and whether it holds a
    float (walked without recursion: orjson reads 1,024 levels)."""
    n, floats = 0, isinstance(value, float)
    todo = [value] if isinstance(value, (dict, list)) else []
    while todo:
        v = todo.pop()
        if isinstance(v, dict):
            n += len(v)
        for x in (v.values() if isinstance(v, dict) else v):
            if isinstance(x, (dict, list)):
                todo.append(x)
            elif isinstance(x, float):
                floats = True
    return n, floats


class _DuplicateKey(ValueError):
    pass


def _unique_pairs(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    d = dict(pairs)
    if len(d) != len(pairs):
        seen: set[str] = set()
        for k, _ in pairs:
            if k in seen:
                raise _DuplicateKey(f"key {k!r} is given twice in one object")
            seen.add(k)
    return d


def _stdlib_loads(line: bytes | str, path: str, lineno: int | None) -> Any:
    try:
        # the stdlib accepts escaped lone surrogates, and reads long integers exactly
        return json.loads(line, object_pairs_hook=_unique_pairs)
    except _DuplicateKey as exc:
        raise InputError(f"malformed JSON: {exc}", path=path, line=lineno,
                         hint="give each key once") from None
    except (ValueError, TypeError) as exc:
        raise InputError(f"malformed JSON: {_where(exc)}", path=path, line=lineno,
                         hint=JSONL_HINT) from None
    except RecursionError:  # (orjson refuses more than 1,024 levels, json fails)
        raise InputError("malformed JSON: nested too deeply to be a record", path=path,
                         line=lineno, hint=JSONL_HINT) from None


def _where(exc: Exception) -> str:
    """The parser's complaint, placed by character within the record: its own "line 2
    column 1" counts the line's newline and reads as a line of the file.

    >>> try:
    ...     json.loads('{"id": 1 2}')
    ... except ValueError as exc:
    ...     print(_where(exc))
    Expecting ',' delimiter at character 10 of the line
    """
    if isinstance(exc, json.JSONDecodeError):
        return f"{exc.msg} at character {exc.pos + 1} of the line"
    return str(exc)


_OPT_STR = (str, type(None))
# the fields of a record the readers and writers use, and the types they must have
_SHAPES: dict[str, dict[str, Any]] = {
    "block": {"kind": str, "lang": str, "en": _OPT_STR, "zh": _OPT_STR},
    "edit": {"rule": str, "block": int, "lang": str, "offset": int, "before": str,
             "after": str, "entry": _OPT_STR},
    "check": {"check": str, "severity": str, "block": int, "message": str,
              "lang": _OPT_STR, "span": _OPT_STR},
    "source": {"name": str, "encoding": str, "tail": str, "lang": _OPT_STR},
    "origin": {"doc": int, "pos": int, "gap": str, "mark": str},
}


def _wrong_field(what: str, value: Any) -> str | None:
    """The first field of ``value`` (a record's part) that has the wrong type."""
    if not isinstance(value, dict):
        return f"a {what} is not an object"
    for name, kind in _SHAPES[what].items():
        if name in value and (not isinstance(value[name], kind) or
                              isinstance(value[name], bool)):
            return f"{what} field {name!r} is {type(value[name]).__name__}"
    return None


def _block_parts_problem(block: dict) -> str | None:
    """What is wrong with a block's origins, sentences and alignment, or None."""
    parts = {key: block.get(key) or {} for key in ("origin", "sentences", "align")}
    for key, value in parts.items():
        if not isinstance(value, dict):
            return f"block field {key!r} is {type(value).__name__}, not an object"
    for origin in parts["origin"].values():
        if origin is not None:
            problem = _wrong_field("origin", origin)
            if problem:
                return problem
    for sentences in parts["sentences"].values():
        if not isinstance(sentences, list) or not all(isinstance(x, str) for x in sentences):
            return "block sentences are not strings"
    score = parts["align"].get("score")
    if score is not None and (not isinstance(score, (int, float)) or isinstance(score, bool)):
        return f"alignment score is {type(score).__name__}, not a number"
    pairs = parts["align"].get("pairs", [])
    if not isinstance(pairs, list) or not all(isinstance(p, dict) for p in pairs):
        return "alignment pairs are not a list of objects"
    for i, pair in enumerate(pairs):
        problem = _pair_problem(pair, parts["sentences"])
        if problem:
            return f"alignment pair {i}: {problem}"
    return None


def _pair_problem(pair: dict, sentences: dict) -> str | None:
    """What is wrong with one sentence pair of a block's alignment, or None: its
    sentence numbers must name sentences the block has, its score be a number."""
    for lang in ("zh", "en"):
        numbers = pair.get(lang, [])
        count = len(sentences.get(lang) or ())
        if not isinstance(numbers, list) or not all(
                isinstance(n, int) and not isinstance(n, bool) and 0 <= n < count
                for n in numbers):
            return f"{lang!r} does not name sentences of the block"
    score = pair.get("score")
    if score is not None and (not isinstance(score, (int, float)) or isinstance(score, bool)):
        return f"score is {type(score).__name__}, not a number"
    if not isinstance(pair.get("type", ""), str):
        return "type is not a string"
    return None


def shape_problem(record: Any) -> str | None:
    """What makes a JSON value no mtclean record, or None.

    >>> shape_problem({"id": 5, "blocks": []})
    "'id' is int, not a string"
    >>> shape_problem({"id": "a", "blocks": [{"kind": "paragraph", "lang": "en", "en": 3}]})
    "block 0: block field 'en' is int"
    """
    if not isinstance(record, dict):
        return "not a JSON object"
    if not isinstance(record.get("blocks"), list):
        return "no 'blocks'"
    if not isinstance(record.get("id"), str):
        return f"'id' is {type(record.get('id')).__name__}, not a string"
    for i, block in enumerate(record["blocks"]):
        problem = _wrong_field("block", block) or _block_parts_problem(block)
        if problem:
            return f"block {i}: {problem}"
    for what, key in (("edit", "edits"), ("check", "checks"), ("source", "sources")):
        values = record.get(key) or []
        if not isinstance(values, list):
            return f"{key!r} is not a list"
        for i, value in enumerate(values):
            problem = _wrong_field(what, value)
            if problem:
                return f"{what} {i}: {problem}"
    if not isinstance(record.get("meta") or {}, dict):
        return "'meta' is not an object"
    return None


def load_items(data: bytes, path: str = "<jsonl>") -> list[Item]:
    """Read mtclean's own JSON Lines output back into items."""
    return list(iter_items(data.splitlines(), path))


def iter_items(lines: Iterable[bytes], path: str = "<jsonl>") -> Iterator[Item]:
    """The items of mtclean's own JSON Lines, one line at a time (a file read as it
    goes): a line that is no record is an :class:`InputError` with its place."""
    return (item for _, item in numbered_items(lines, path))


def numbered_items(lines: Iterable[bytes], path: str = "<jsonl>") \
        -> Iterator[tuple[int, Item]]:
    """:func:`iter_items`, each item with its line number."""
    for lineno, line in enumerate(lines, 1):
        if not line.strip():
            continue
        record = loads_line(line, path, lineno)
        try:
            problem = shape_problem(record)
            if problem:
                ident = record.get("id") if isinstance(record, dict) else None
                if isinstance(ident, str) and isinstance(record.get("blocks"), list):
                    raise InputError(f"damaged record: {problem}", path=path, line=lineno,
                                     item=ident, hint="clean its input again")
                raise InputError(f"not an mtclean record: {problem}", path=path,
                                 line=lineno, hint="restore and review read the JSON Lines "
                                 "that `mtclean clean` and `mtclean run` write")
            item = Item.from_dict(record)
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(f"not an mtclean record ({type(exc).__name__}: {exc})",
                             path=path, line=lineno,
                             hint="restore and review read the JSON Lines that "
                                  "`mtclean clean` and `mtclean run` write") from None
        yield lineno, item
