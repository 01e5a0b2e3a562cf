"""Composition: the stages in order, the fix-point loop for rules, and the error policy.

    decode -> segment -> detect -> normalize -> classify -> align (blocks) -> glossary
    -> repair -> sentences -> align (sentences) -> qa

Every stage is a function from record to record; this module only wires them together.
"""
from __future__ import annotations

import functools
import inspect
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, Sequence

import regex

from . import memo, registry
from .diff import diff_spans
from .errors import read_error
from .records import LANGS, Block, Check, Edit, Item, Origin, Source, evolve
from .stages import align as align_stage
from .stages import articles as articles_stage
from .stages import classify as classify_stage
from .stages import crosscheck as _crosscheck  # noqa: F401  (registers checks)
from .stages import detect as detect_stage
from .stages import glossary as glossary_stage
from .stages import normalize as _normalize  # (also registers its rules)
from .stages import qa as _qa  # noqa: F401  (registers checks)
from .stages import repair as _repair  # noqa: F401  (registers rules)
from .stages import wording as _wording  # noqa: F401  (registers checks)
from .stages.decode import decode_bytes
from .stages.segment import split_blocks
from .stages.sentences import sentences_of

MAX_ROUNDS = 8


@dataclass(frozen=True)
class Config:
    """What a run does: which rules are off, which glossaries apply."""

    disabled: frozenset[str] = frozenset()
    glossaries: tuple[str, ...] | None = None  # None: the shipped glossary
    use_glossary: bool = True

    def __post_init__(self):
        registry.validate_ids(self.disabled)


@dataclass(frozen=True)
class SourceText:
    """One decoded input document, before segmentation."""

    name: str
    text: str
    encoding: str = "utf-8"
    lang: str | None = None  # the side it belongs to, when known (zh/en file pairs)


# --- building an item from text ---------------------------------------------------------

MARKDOWN_SUFFIXES = (".md", ".markdown")


def is_markdown(name: str) -> bool:
    """Is the source a Markdown file (by its name), whose backslash escapes are taken
    off? (``clean --to md`` writes them.)"""
    return name.lower().endswith(MARKDOWN_SUFFIXES)


def build_item(item_id: str, sources: Sequence[SourceText]) -> Item:
    """Segment each source into blocks and put each block on its language's side."""
    blocks: list[Block] = []
    edits: list[Edit] = []
    recs: list[Source] = []
    for doc, src in enumerate(sources):
        raw, tail = split_blocks(src.text, markdown=is_markdown(src.name))
        recs.append(Source(src.name, src.encoding, tail, src.lang))
        first = [detect_stage.detect_block(b.text) for b in raw]
        near = None  # needed only for a block without a language (rare): found then
        for k, (rb, lang) in enumerate(zip(raw, first)):
            if src.lang:
                side = src.lang
                lang = src.lang if lang in ("und", src.lang) or lang == "zh" else lang
            elif lang == "und":
                if near is None:
                    near = _nearest_sides(raw, first)
                side = near[k]
            else:
                side = lang
            origin = Origin(doc, rb.pos, rb.gap, rb.mark)
            index = len(blocks)
            if side == "en":
                blocks.append(Block("paragraph", lang, en=rb.text, en_origin=origin))
            else:
                blocks.append(Block("paragraph", lang, zh=rb.text, zh_origin=origin))
            if rb.edits:
                edits.extend(Edit(rule, index, side, off, before, after)
                             for rule, off, before, after in rb.edits)
    return Item(item_id, tuple(recs), (), tuple(blocks), tuple(edits), ())


def _nearest_sides(raw, langs: list[str]) -> list[str]:
    """The side of each block of a source: its language; English for Latin text that
    langdetect does not call English (a list of names); for a block without letters (a
    line of digits, dashes or brackets) the language of the nearest block before it,
    else after it, else English. Neighbours, not the language with most characters:
    repair changes lengths (a Chinese term in English text becomes English words), and
    cleaning the clean text again must put such a block on the same side. Metadata lines
    are not neighbours: the clean text leaves them out."""
    known = [lang if lang in ("en", "zh") and classify_stage.parse_meta(b.text) is None
             else None for lang, b in zip(langs, raw)]
    sides: list[str] = []
    last = ""
    for lang in known:
        last = lang or last
        sides.append(last)
    nxt = None
    for k in range(len(known) - 1, -1, -1):
        nxt = known[k] or nxt
        if langs[k] in ("en", "zh"):
            sides[k] = langs[k]
        elif detect_stage.is_latin(raw[k].text):
            sides[k] = "en"
        else:
            sides[k] = sides[k] or nxt or "en"
    return sides


def decode_source(data: bytes, name: str, lang: str | None = None) -> SourceText:
    text, encoding = decode_bytes(data, name)
    return SourceText(name, text, encoding, lang)


# --- applying rules -----------------------------------------------------------------------

def apply_rules(text: str, rules: Iterable[registry.Rule], block: int, lang: str,
                max_rounds: int = MAX_ROUNDS) -> tuple[str, list[Edit], bool]:
    """Apply rules until the text stops changing. Returns (text, edits, converged)."""
    return _apply_steps(text, [(r.id, r.fn) for r in rules], block, lang, max_rounds)


def _apply_steps(text: str, steps: Sequence[tuple[str, Callable[[str], str]]], block: int,
                 lang: str, max_rounds: int = MAX_ROUNDS) -> tuple[str, list[Edit], bool]:
    edits: list[Edit] = []
    for _ in range(max_rounds):
        changed = False
        for ident, fn in steps:
            new = fn(text)
            if new != text:
                for off, old, new_span in diff_spans(text, new):
                    edits.append(Edit(ident, block, lang, off, old, new_span))
                text = new
                changed = True
        if not changed:
            return text, edits, True
    return text, edits, False


@dataclass(frozen=True, eq=False)
class _RuleSet:
    """Rules that apply to one side of one kind of block, in order. Compared by
    identity: :func:`_rules_for` makes one object per distinct tuple of rules, so kinds
    with the same rules share it (and what is known about the texts they leave alone)."""

    steps: tuple[tuple[str, Callable[[str], str]], ...]  # (id, function) of each rule
    unchanged_if: Callable[[str], bool] | None  # a test that proves all rules do nothing


# Tests that prove a whole rule set leaves a text alone, with the ids of the rules they
# cover: one is used only for a rule set it covers entirely, so a rule added to a group
# elsewhere turns the shortcut off rather than being skipped.
_UNCHANGED_IF = ((_normalize.RULE_IDS, _normalize.is_normal),
                 (_normalize.ZH_RULE_IDS, _normalize.is_normal_chinese))
_RULE_SETS: dict[tuple[registry.Rule, ...], _RuleSet] = {}


@functools.lru_cache(maxsize=None)
def _rules_for(group: str, disabled: frozenset[str], lang: str, kind: str,
               registered: int) -> _RuleSet:
    """(``registered`` is the registry's size, so that a rule added later is not missed.)"""
    rules = tuple(r for r in registry.rules_in(group, disabled) if r.applies(lang, kind))
    if rules not in _RULE_SETS:
        ids = {r.id for r in rules}
        test = next((test for covered, test in _UNCHANGED_IF if ids <= covered), None)
        _RULE_SETS[rules] = _RuleSet(tuple((r.id, r.fn) for r in rules), test)
    return _RULE_SETS[rules]


Settled = dict[_RuleSet, set[str]]


def run_rule_group(item: Item, group: str, config: Config,
                   kind_filter: Callable[[Block], bool] | None = None,
                   settled: Settled | None = None) -> Item:
    """Apply a group's rules to every side of every block.

    ``settled`` remembers, across calls for one item, the texts each rule set gave back
    unchanged (a fix point: the last round of :func:`apply_rules` changed nothing); rules
    are pure, so such a text is skipped. The second normalize pass meets mostly texts
    the first one settled.
    """
    registered = len(registry.RULES)
    if settled is None:
        settled = {}
    plans: dict[str, tuple[tuple, ...]] = {}  # per kind: see _plan
    blocks = item.blocks
    new_blocks: list[Block] | None = None  # made when a block first changes
    edits: list[Edit] = []
    checks: list[Check] = []
    for i, block in enumerate(blocks):
        plan = plans.get(block.kind)
        if plan is None:
            plan = plans[block.kind] = _plan(group, config, block.kind, registered, settled)
        new = block
        for lang, steps, known, unchanged_if in plan:
            text = block.en if lang == "en" else block.zh
            if text is None or text in known:
                continue
            if unchanged_if is not None and unchanged_if(text):
                known.add(text)
                continue
            for _, fn in steps:  # most texts need nothing: one round tells, without edits
                if fn(text) != text:
                    break
            else:
                known.add(text)
                continue
            result, new_edits, converged = _apply_steps(text, steps, i, lang)
            if new_edits:
                edits.extend(new_edits)
                new = new.with_text(lang, result)
            if converged:
                known.add(result)
            else:
                checks.append(Check("qa.unstable_rules", "major", i,
                                    f"rules kept changing this block after {MAX_ROUNDS} "
                                    f"rounds; please report it", lang))
        if new is not block:
            if new_blocks is None:
                new_blocks = list(blocks)
            new_blocks[i] = new
    if not edits and not checks:
        return item
    return evolve(item, blocks=blocks if new_blocks is None else tuple(new_blocks),
                  edits=item.edits + tuple(edits), checks=item.checks + tuple(checks))


def _plan(group: str, config: Config, kind: str, registered: int,
          settled: Settled) -> tuple[tuple, ...]:
    """For each side with rules: (side, the rule steps, the texts they are known to
    leave alone, a test that proves they would or None)."""
    plan = []
    for lang in LANGS:
        ruleset = _rules_for(group, config.disabled, lang, kind, registered)
        if ruleset.steps:
            plan.append((lang, ruleset.steps, settled.setdefault(ruleset, set()),
                         ruleset.unchanged_if))
    return tuple(plan)


# --- checks and sentences -----------------------------------------------------------------

@functools.lru_cache(maxsize=None)
def _takes_config(fn: Callable) -> bool:
    """Whether a check wants the run's config (the glossary checks do)."""
    return "config" in inspect.signature(fn).parameters


def run_checks(item: Item, config: Config) -> Item:
    found = list(item.checks)
    specs, plans = _checks_for(config)
    for i, block in enumerate(item.blocks):
        en, zh = block.en, block.zh
        shape = (block.kind, en is not None, zh is not None)
        plan = plans.get(shape)
        if plan is None:
            plan = plans[shape] = _check_plan(specs, *shape, config)
        for spec, lang, extra in plan:
            if lang is None:
                for message, span in spec.fn(zh, en, **extra) or ():
                    found.append(Check(spec.id, spec.severity, i, message, None, span))
            else:
                for message, span in spec.fn(en if lang == "en" else zh, **extra) or ():
                    found.append(Check(spec.id, spec.severity, i, message, lang, span))
    for spec in specs:  # item scope: fn(item) -> (block, message, lang, span)
        if spec.scope == "item":
            for i, message, lang, span in spec.fn(item) or ():
                found.append(Check(spec.id, spec.severity, i, message, lang, span))
    return evolve(item, checks=tuple(found))


# per run config (by identity, checked): the registry size when worked out, the checks
# it runs, and the block plans found so far; kept across items, as they depend on the
# config and the registry alone
_CHECKS: dict[int, tuple[Config, int, list[registry.CheckSpec], dict]] = {}


def _checks_for(config: Config) -> tuple[list[registry.CheckSpec], dict]:
    """The checks a config runs, in registry order, and its plans by block shape."""
    registered = len(registry.CHECKS)
    kept = _CHECKS.get(id(config))
    if kept is None or kept[0] is not config or kept[1] != registered:
        if len(_CHECKS) >= 16:
            _CHECKS.clear()  # bounded; configs are few in a run
        specs = [c for c in registry.CHECKS.values() if c.id not in config.disabled]
        kept = _CHECKS[id(config)] = (config, registered, specs, {})
    return kept[2], kept[3]


def _check_plan(specs: list[registry.CheckSpec], kind: str, has_en: bool, has_zh: bool,
                config: Config) -> list[tuple]:
    """The block checks for one kind and set of sides, in the order a loop over every
    check and side would call them: (spec, side or None for a pair check, keywords).
    Worked out once per config and shape, not for every block."""
    sides = [lang for lang, has in (("en", has_en), ("zh", has_zh)) if has]
    plan: list[tuple] = []
    for spec in specs:
        if kind not in spec.kinds:
            continue
        if spec.scope == "text":
            extra = {"config": config} if _takes_config(spec.fn) else {}
            plan.extend((spec, lang, extra) for lang in sides if spec.lang in ("*", lang))
        elif spec.scope == "pair" and has_en and has_zh:
            plan.append((spec, None, {"config": config} if _takes_config(spec.fn) else {}))
    return plan


def add_sentences(item: Item) -> Item:
    blocks = tuple(
        b.with_sentences(sentences_of(b.en, "en") if b.en else (),
                         sentences_of(b.zh, "zh") if b.zh else ())
        for b in item.blocks)
    return evolve(item, blocks=blocks)


def drop_empty_blocks(item: Item) -> Item:
    """Blocks emptied by repairs stay in the record (their edits restore them) but are
    marked as boilerplate, so no reading format shows an empty block."""
    if not any(b.kind != "boilerplate" and _blank(b) for b in item.blocks):
        return item
    blocks = tuple(evolve(b, kind="boilerplate") if b.kind != "boilerplate" and _blank(b)
                   else b for b in item.blocks)
    return evolve(item, blocks=blocks)


def _blank(block: Block) -> bool:
    """No side has visible text (``str.isspace`` is exactly "strips to nothing")."""
    en, zh = block.en, block.zh  # (no generator: this runs for every block of every item)
    return not ((en and not en.isspace()) or (zh and not zh.isspace()))


# --- the whole pipeline -----------------------------------------------------------------------

def clean_item(item: Item, config: Config = Config(), *, record: bool = False) -> Item:
    """Clean an item built by :func:`build_item` (or read from JSON Lines). ``record``:
    the item is a record mtclean wrote, whose blocks were classified and aligned when it
    was first cleaned: their kinds and pairing stand, even where nothing paired (the
    text that classification and the search read has changed since)."""
    memo.forget()  # the caches of stages hold one item's texts: the last item's go
    settled: Settled = {}  # fix points of each rule set, for this item
    if item.checks:  # a record read back: its findings are made again from its text
        item = evolve(item, checks=())
    item = run_rule_group(item, "normalize", config, settled=settled)
    if not record:
        item = classify_stage.classify_item(item, disabled=config.disabled)
        item = articles_stage.number_articles(item, config.disabled)
    classified = len(item.edits)
    if not record:
        item = align_stage.align_blocks(item, config.disabled)
    if config.use_glossary:
        item = glossary_stage.apply_glossary(item, config)
    item = repair_until_settled(item, config, settled, classified)
    item = drop_empty_blocks(item)
    # checks run last: cross-language checks read the sentence alignment
    item = align_stage.align_sentences(add_sentences(item))
    return run_checks(item, config)


def repair_until_settled(item: Item, config: Config = Config(),
                         settled: Settled | None = None, classified: int = 0) -> Item:
    """Repair (and normalize again) after the glossary, until nothing changes: the
    cleaned output, cleaned again, must not change. A repair may leave what normalize
    removes (a full-width space becomes a space next to another); it can uncover a
    glossary term ("Affairs2019年" becomes "Affairs 2019"), so the glossary runs again;
    and classification read the text before both changed it, so a paragraph that now
    reads as a heading or a title becomes one (and gets their repairs). Most items
    settle in the first round. ``classified``: how many edits the item had when it was
    classified; while it has no more, its texts are those classification read."""
    settled = {} if settled is None else settled
    for _ in range(4):
        before = len(item.edits)
        item = run_rule_group(item, "repair", config, settled=settled)
        item = run_rule_group(item, "normalize", config, settled=settled)
        kinds = (classify_stage.late_kinds(item, config.disabled)
                 if len(item.edits) > classified else item)
        if kinds is item and len(item.edits) == before:
            break
        item = kinds
        if config.use_glossary:
            item = glossary_stage.apply_glossary(item, config)
    return item


def clean_sources(item_id: str, sources: Sequence[SourceText],
                  config: Config = Config()) -> Item:
    return clean_item(build_item(item_id, sources), config)


def clean_text(text: str, item_id: str = "text", config: Config = Config(),
               name: str = "<text>") -> Item:
    """Clean one document given as text.

    >>> item = clean_text("Title\\n\\nDATA:2022-08-17  Views:0\\n\\nA paragraph\\u00a0here.")
    >>> [b.kind for b in item.blocks], item.meta_dict["date"]
    (['title', 'meta', 'paragraph'], '2022-08-17')
    """
    return clean_sources(item_id, [SourceText(name, text)], config)


def shown_path(path: str) -> str:
    """A file name as the record shows it: bytes of a name that are not UTF-8 (which
    Python keeps as lone surrogates, which no UTF-8 output can hold) as ``\\xff``.

    >>> shown_path("bad\\udcffname.txt")
    'bad\\\\xffname.txt'
    """
    if path.isascii():
        return path
    try:
        path.encode("utf-8")
        return path
    except UnicodeEncodeError:
        return os.fsencode(path).decode("utf-8", "backslashreplace")


# a byte of a file name that was not UTF-8, as shown_path shows it
_SHOWN_BYTE = regex.compile(r"\\x([89a-f][0-9a-f])")


def unshown_path(shown: str) -> str:
    r"""The file name :func:`shown_path` showed, its bytes that were not UTF-8 as lone
    surrogates again (what ``os.fsencode`` writes as those bytes).

    >>> os.fsencode(unshown_path(shown_path(os.fsdecode(b"bad\xffname.txt"))))
    b'bad\xffname.txt'
    """
    if "\\x" not in shown:
        return shown
    return _SHOWN_BYTE.sub(lambda m: chr(0xDC00 + int(m[1], 16)), shown)


def item_id_for(path: str) -> str:
    if path == "-":
        return "stdin"
    name = shown_path(Path(path).name)
    for suffix in (".txt", ".md", ".markdown", ".text"):
        if name.lower().endswith(suffix):
            return name[: -len(suffix)]
    return name


def read_path(path: str) -> bytes:
    import sys

    try:
        if path == "-":
            return sys.stdin.buffer.read()
        return Path(path).read_bytes()
    except OSError as exc:
        raise read_error(exc, path) from None


def clean_file(path: str, config: Config = Config()) -> Item:
    """Clean one text or Markdown file (``-``: standard input) as one item."""
    from .readers import files_item  # readers builds on this module

    path = str(path)
    inp = files_item([(path, None)], item_id_for(path))
    return clean_sources(inp.id, inp.sources, config)
