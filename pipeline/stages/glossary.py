"""Stage: apply the civil-affairs terminology glossary (enforcement lands with the
glossary work; until then the stage passes items through unchanged)."""
from __future__ import annotations


def apply_glossary(item, config):
    return item
