"""JSON Lines: one cleaned item per line, the lossless format.

Keys keep a fixed order and no value depends on time or machine, so the same input gives
byte-identical output. Lone surrogates (possible in JSON input) are written as JSON
escapes rather than invalid UTF-8.
"""
from __future__ import annotations

import json
from typing import Any

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
    try:
        return orjson.loads(line)
    except orjson.JSONDecodeError:
        try:
            return json.loads(line)  # the stdlib accepts escaped lone surrogates
        except (ValueError, TypeError) as exc:
            raise InputError(f"malformed JSON: {_where(exc)}", path=path, line=lineno,
                             hint=JSONL_HINT) from None


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


def load_items(data: bytes, path: str = "<jsonl>") -> list[Item]:
    """Read mtclean's own JSON Lines output back into items."""
    items = []
    for lineno, line in enumerate(data.splitlines(), 1):
        if not line.strip():
            continue
        record = loads_line(line, path, lineno)
        try:
            if not isinstance(record, dict) or not isinstance(record.get("blocks"), list):
                raise ValueError("no 'blocks'")
            items.append(Item.from_dict(record))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise InputError(f"not an mtclean record ({type(exc).__name__}: {exc})",
                             path=path, line=lineno,
                             hint="restore and review read the JSON Lines that "
                                  "`mtclean clean` and `mtclean run` write") from None
    return items
