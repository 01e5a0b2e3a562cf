"""The immutable records that flow between stages, and their JSON form.

A stage takes an :class:`Item` and returns a new one (``dataclasses.replace``); nothing
is changed in place. Text that a stage drops from view (metadata, boilerplate, the
blank lines between blocks, Markdown markers) stays in the record, so the decoded input
can always be rebuilt (see :mod:`pipeline.restore`).
"""
from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any, Iterable, Mapping

LANGS = ("en", "zh")
KINDS = ("title", "meta", "heading", "paragraph", "caption", "boilerplate", "duplicate")
SEVERITIES = ("critical", "major", "minor", "info")


@dataclass(frozen=True)
class Edit:
    """One change to one side of one block: ``before`` at ``offset`` became ``after``.

    ``offset`` counts characters in the side's text as it was just before this edit,
    so undoing the edits of a block in reverse order gives back its original text.
    """

    rule: str
    block: int
    lang: str
    offset: int
    before: str
    after: str
    entry: str | None = None  # the glossary entry behind a glossary edit

    def to_dict(self) -> dict[str, Any]:
        d = {"rule": self.rule, "block": self.block, "lang": self.lang,
             "offset": self.offset, "before": self.before, "after": self.after}
        if self.entry is not None:
            d["entry"] = self.entry
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Edit":
        return cls(d["rule"], int(d["block"]), d["lang"], int(d["offset"]), d["before"],
                   d["after"], d.get("entry"))


@dataclass(frozen=True)
class Check:
    """A finding for an editor: a quality check that did not pass. Checks never change text."""

    check: str
    severity: str
    block: int
    message: str
    lang: str | None = None
    span: str | None = None

    def to_dict(self) -> dict[str, Any]:
        d = {"check": self.check, "severity": self.severity, "block": self.block,
             "message": self.message}
        if self.lang is not None:
            d["lang"] = self.lang
        if self.span is not None:
            d["span"] = self.span
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Check":
        return cls(d["check"], d["severity"], int(d["block"]), d["message"], d.get("lang"),
                   d.get("span"))


@dataclass(frozen=True)
class Origin:
    """Where one side of a block came from: source document, position, and the layout
    text (blank lines, indentation, Markdown marker) that preceded it there."""

    doc: int
    pos: int
    gap: str = ""
    mark: str = ""

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"doc": self.doc, "pos": self.pos, "gap": self.gap}
        if self.mark:
            d["mark"] = self.mark
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Origin":
        return cls(int(d["doc"]), int(d["pos"]), d.get("gap", ""), d.get("mark", ""))


@dataclass(frozen=True)
class Block:
    """A paragraph-sized unit of a news item, with its English and/or Chinese text."""

    kind: str
    lang: str
    en: str | None = None
    zh: str | None = None
    en_origin: Origin | None = None
    zh_origin: Origin | None = None
    en_sentences: tuple[str, ...] = ()
    zh_sentences: tuple[str, ...] = ()
    align: tuple[tuple[str, Any], ...] = ()  # alignment type, score, sentence pairs

    def text(self, lang: str) -> str | None:
        return self.en if lang == "en" else self.zh

    def origin(self, lang: str) -> Origin | None:
        return self.en_origin if lang == "en" else self.zh_origin

    def with_text(self, lang: str, text: str) -> "Block":
        return evolve(self, **{lang: text})

    def with_sentences(self, en: tuple[str, ...], zh: tuple[str, ...]) -> "Block":
        """This block with its sentences set (the same block when they are)."""
        if en == self.en_sentences and zh == self.zh_sentences:
            return self
        return evolve(self, en_sentences=en, zh_sentences=zh)

    @property
    def sides(self) -> tuple[str, ...]:
        if self.en is None:
            return () if self.zh is None else ("zh",)
        return ("en",) if self.zh is None else LANGS

    def to_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {
            "kind": self.kind, "lang": self.lang, "en": self.en, "zh": self.zh,
            "sentences": {"en": list(self.en_sentences), "zh": list(self.zh_sentences)},
            "origin": {"en": self.en_origin.to_dict() if self.en_origin else None,
                       "zh": self.zh_origin.to_dict() if self.zh_origin else None},
        }
        if self.align:
            d["align"] = dict(self.align)
        return d

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Block":
        origin = d.get("origin") or {}
        sentences = d.get("sentences") or {}
        return cls(
            kind=d["kind"], lang=d["lang"], en=d.get("en"), zh=d.get("zh"),
            en_origin=Origin.from_dict(origin["en"]) if origin.get("en") else None,
            zh_origin=Origin.from_dict(origin["zh"]) if origin.get("zh") else None,
            en_sentences=tuple(sentences.get("en") or ()),
            zh_sentences=tuple(sentences.get("zh") or ()),
            align=tuple((d.get("align") or {}).items()),
        )


@dataclass(frozen=True)
class Source:
    """One input document of an item (an item has two when zh and en come as two files)."""

    name: str
    encoding: str = "utf-8"
    tail: str = ""  # layout text after the last block
    lang: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "encoding": self.encoding, "lang": self.lang,
                "tail": self.tail}

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Source":
        return cls(d["name"], d.get("encoding", "utf-8"), d.get("tail", ""), d.get("lang"))


@dataclass(frozen=True)
class Item:
    """A news item: its sources, metadata, blocks, and everything done to it."""

    id: str
    sources: tuple[Source, ...] = ()
    meta: tuple[tuple[str, Any], ...] = ()
    blocks: tuple[Block, ...] = ()
    edits: tuple[Edit, ...] = ()
    checks: tuple[Check, ...] = ()
    # the input record's other fields ("url", "title", ...), kept as they came: the
    # output holds all that came in
    fields: tuple[tuple[str, Any], ...] = ()

    @property
    def meta_dict(self) -> dict[str, Any]:
        return dict(self.meta)

    def with_meta(self, **values: Any) -> "Item":
        merged = dict(self.meta)
        merged.update(values)
        return evolve(self, meta=tuple(merged.items()))

    def block_edits(self, index: int, lang: str) -> list[Edit]:
        return [e for e in self.edits if e.block == index and e.lang == lang]

    def to_dict(self) -> dict[str, Any]:
        meta = {"date": None}
        meta.update(self.meta)
        return {
            "id": self.id,
            "meta": meta,
            "blocks": [b.to_dict() for b in self.blocks],
            "edits": [e.to_dict() for e in self.edits],
            "checks": [c.to_dict() for c in self.checks],
            "sources": [s.to_dict() for s in self.sources],
            **({"fields": dict(self.fields)} if self.fields else {}),
        }

    @classmethod
    def from_dict(cls, d: Mapping[str, Any]) -> "Item":
        meta = d.get("meta") or {}
        return cls(
            id=d["id"],
            sources=tuple(Source.from_dict(s) for s in d.get("sources") or ()),
            meta=tuple((k, v) for k, v in meta.items() if not (k == "date" and v is None)),
            blocks=tuple(Block.from_dict(b) for b in d.get("blocks") or ()),
            edits=tuple(Edit.from_dict(e) for e in d.get("edits") or ()),
            checks=tuple(Check.from_dict(c) for c in d.get("checks") or ()),
            fields=record_fields(d),
        )


_RECORD_KEYS = frozenset({"id", "meta", "blocks", "edits", "checks", "sources", "fields"})


def record_fields(d: Mapping[str, Any]) -> tuple[tuple[str, Any], ...]:
    """A record's ``fields``, and any key added beside its own (``url`` put on a record
    by hand): kept, as a record's other fields are."""
    fields = dict(d["fields"]) if isinstance(d.get("fields"), dict) else {}
    for k, v in d.items():
        if k not in _RECORD_KEYS:
            fields.setdefault(k, v)
    return tuple(fields.items())


_FIELDS: dict[type, frozenset[str] | None] = {}  # None: the class has a __post_init__
_UNKNOWN = frozenset({""})  # (no record has a field named "")


def evolve(record: Any, **changes: Any) -> Any:
    """``dataclasses.replace(record, **changes)`` for these records, at a third of the
    cost: the copy takes the record's fields as they are instead of passing them all
    through the generated ``__init__`` (a frozen one sets each with
    ``object.__setattr__``). Stages make several new items and blocks per item. A
    record with a ``__post_init__`` goes through ``replace``, so no check is ever
    skipped; the copy is as frozen and compares equal to what ``replace`` gives (a test
    checks both)."""
    cls = type(record)
    names = _FIELDS.get(cls, _UNKNOWN)
    if names is _UNKNOWN:  # (worked out once per class: hasattr's miss costs an exception)
        names = _FIELDS[cls] = (None if hasattr(cls, "__post_init__")
                                else frozenset(f.name for f in fields(cls)))
    if names is None:
        return replace(record, **changes)
    if not names.issuperset(changes):
        raise TypeError(f"{cls.__name__} has no field {sorted(changes.keys() - names)[0]!r}")
    new = object.__new__(cls)
    state = new.__dict__
    state.update(record.__dict__)
    state.update(changes)
    return new


def renumber_edits(edits: Iterable[Edit], mapping: Mapping[int, int]) -> tuple[Edit, ...]:
    """Move edits to new block numbers after blocks were merged or reordered."""
    return tuple(replace(e, block=mapping[e.block]) for e in edits)


__all__ = ["Block", "Check", "Edit", "Item", "Origin", "Source", "KINDS", "LANGS",
           "SEVERITIES", "evolve", "record_fields", "renumber_edits"]
