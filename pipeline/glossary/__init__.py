"""The civil-affairs terminology glossary: loading and layering, matching, lint, stats,
and TBX/CSV/JSON exchange."""
from .match import Hit, Matcher, matcher_for
from .model import COLUMNS, SHIPPED, Entry, Glossary, format_tsv, load_glossaries, parse_tsv

__all__ = ["COLUMNS", "SHIPPED", "Entry", "Glossary", "Hit", "Matcher", "format_tsv",
           "load_glossaries", "matcher_for", "parse_tsv"]
