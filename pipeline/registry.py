"""Registration of rules (functions that fix text) and checks (functions that report).

A rule is a pure ``str -> str`` function with a stable id in ``stage.snake_case`` form.
The runner calls it, and records an edit only when the text changed. A check returns
findings and never raises for a data problem. This module imports no stage.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterable

from .errors import ConfigError

ALL_KINDS = frozenset({"title", "meta", "heading", "paragraph", "caption", "boilerplate",
                       "duplicate"})
TEXT_KINDS = frozenset({"title", "heading", "paragraph", "caption"})


@dataclass(frozen=True)
class Rule:
    id: str
    fn: Callable[[str], str]
    lang: str  # "en", "zh" or "*"
    kinds: frozenset[str]
    group: str  # "normalize" runs before detection; "repair" in the fix-point loop
    order: int
    doc: str

    @property
    def summary(self) -> str:
        return (self.doc or "").strip().splitlines()[0] if self.doc else ""

    def applies(self, lang: str, kind: str) -> bool:
        return (self.lang == "*" or self.lang == lang) and kind in self.kinds


@dataclass(frozen=True)
class CheckSpec:
    id: str
    fn: Callable
    severity: str
    scope: str  # "text": fn(text) per side; "pair": fn(zh, en) per bilingual block; "item"
    lang: str
    kinds: frozenset[str]
    doc: str

    @property
    def summary(self) -> str:
        return (self.doc or "").strip().splitlines()[0] if self.doc else ""


RULES: dict[str, Rule] = {}
CHECKS: dict[str, CheckSpec] = {}
# Rules and checks that live outside the fix-point loop (segmentation, classification,
# glossary): documented here so `mtclean rules` lists every id that can appear in a record.
STRUCTURAL: dict[str, str] = {}


def _check_id(ident: str) -> None:
    stage, _, name = ident.partition(".")
    if not stage or not name or not ident.replace(".", "").replace("_", "").isalnum() \
            or ident.lower() != ident:
        raise ConfigError(f"bad id {ident!r}: use stage.snake_case")


def rule(ident: str, *, lang: str = "*", kinds: Iterable[str] = TEXT_KINDS,
         group: str = "repair", order: int = 100):
    """Register a ``str -> str`` rule under a stable id."""
    _check_id(ident)

    def register(fn: Callable[[str], str]) -> Callable[[str], str]:
        if ident in RULES or ident in STRUCTURAL:
            raise ConfigError(f"rule id {ident!r} registered twice")
        RULES[ident] = Rule(ident, fn, lang, frozenset(kinds), group, order, fn.__doc__ or "")
        return fn

    return register


def check(ident: str, *, severity: str, scope: str = "text", lang: str = "*",
          kinds: Iterable[str] = TEXT_KINDS):
    """Register a check under a stable id with a severity."""
    _check_id(ident)
    if severity not in ("critical", "major", "minor", "info"):
        raise ConfigError(f"check {ident!r}: unknown severity {severity!r}")

    def register(fn: Callable) -> Callable:
        if ident in CHECKS:
            raise ConfigError(f"check id {ident!r} registered twice")
        CHECKS[ident] = CheckSpec(ident, fn, severity, scope, lang, frozenset(kinds),
                                  fn.__doc__ or "")
        return fn

    return register


def structural(ident: str, summary: str) -> str:
    """Declare an edit id made by a stage outside the rule loop (for listing and docs)."""
    _check_id(ident)
    STRUCTURAL.setdefault(ident, summary)
    return ident


def rules_in(group: str, disabled: frozenset[str] = frozenset()) -> tuple[Rule, ...]:
    return tuple(sorted((r for r in RULES.values()
                         if r.group == group and r.id not in disabled),
                        key=lambda r: (r.order, r.id)))


def validate_ids(ids: Iterable[str]) -> None:
    known = set(RULES) | set(CHECKS) | set(STRUCTURAL)
    unknown = sorted(set(ids) - known)
    if unknown:
        raise ConfigError(f"unknown rule or check id(s): {', '.join(unknown)}",
                          hint="run `mtclean rules` to list them")
