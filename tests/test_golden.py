"""Whole documents: every item of ``corpus/`` against its expected output in
``tests/golden/`` (the JSON record and the Markdown), cleaned as the README's first
command cleans them (the shipped glossary with the corpus's project glossary).

A change to the output of a whole document shows here as a diff to review. When the
change is intended, write the new expected files and commit them with it:

    MTCLEAN_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""
import os

import pytest

from pipeline.emit.jsonl import dumps_item
from pipeline.emit.markdown import render_markdown
from pipeline.readers import InputItem, clean_input, iter_inputs
from pipeline.runner import Config

from paths import CORPUS, ROOT

GOLDEN = ROOT / "tests" / "golden"
CONFIG = Config(glossaries=(str(ROOT / "glossaries" / "civil-affairs.tsv"),
                            str(ROOT / "glossaries" / "projects" / "lnfund.tsv")))
UPDATE = os.environ.get("MTCLEAN_UPDATE_GOLDEN") == "1"


def _items():
    """The corpus read as `mtclean run corpus` reads it from the repository root, so
    that the records name the files as ``corpus/...`` wherever the clone is."""
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        return [e for e in iter_inputs([CORPUS.name]) if isinstance(e, InputItem)]
    finally:
        os.chdir(here)


def test_the_corpus_has_an_expected_output_per_item():
    ids = {e.id for e in _items()}
    assert len(ids) == 3
    if not UPDATE:
        assert {p.name.split(".")[0] for p in GOLDEN.iterdir()} == ids


@pytest.mark.parametrize("entry", _items(), ids=lambda e: e.id)
def test_item_matches_its_expected_output(entry):
    item = clean_input(entry, CONFIG)
    outputs = {"jsonl": dumps_item(item).decode("utf-8"), "md": render_markdown(item)}
    for suffix, got in outputs.items():
        path = GOLDEN / f"{entry.id}.{suffix}"
        if UPDATE:
            GOLDEN.mkdir(exist_ok=True)
            path.write_bytes(got.encode("utf-8"))
        expected = path.read_bytes().decode("utf-8")
        assert got == expected, f"{path.name} differs: see this module's docstring"
