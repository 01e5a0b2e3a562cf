import json

import pytest

from click.testing import CliRunner

from pipeline.cli import main

from paths import SEED


def run(*args, **kw):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, **kw)


def test_clean_jsonl_record_contract():
    res = run("clean", str(SEED))
    assert res.exit_code == 0, res.output
    rec = json.loads(res.output.splitlines()[0])
    assert set(rec) >= {"id", "meta", "blocks", "edits", "checks"}
    assert rec["id"] == "000_928918768c0ec3d6"
    for b in rec["blocks"]:
        assert set(b) >= {"kind", "lang", "en", "zh", "sentences"}
        assert set(b["sentences"]) == {"en", "zh"}
    for e in rec["edits"]:
        assert set(e) >= {"rule", "block", "before", "after"}


def test_clean_then_restore_roundtrip(tmp_path):
    out = tmp_path / "o.jsonl"
    assert run("clean", str(SEED), "-o", str(out)).exit_code == 0
    res = run("restore", str(out))
    assert res.exit_code == 0
    assert res.stdout_bytes == SEED.read_bytes()


def test_clean_markdown(tmp_path):
    out = tmp_path / "o.md"
    assert run("clean", str(SEED), "--to", "md", "-o", str(out)).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# The 23rd Lao Niu Philanthropy Class was held\n")
    assert text.count("\n## ") == 4 and "DATA:" not in text


def test_stdin():
    res = run("clean", "-", "--to", "md", input="Title\n\nA paragraph.\n")
    assert res.exit_code == 0 and res.output.startswith("# Title")


def test_missing_file_is_one_line_error(tmp_path):
    res = run("clean", str(tmp_path / "nope.txt"))
    assert res.exit_code != 0
    assert "nope.txt" in res.output and "no such file" in res.output
    assert "Traceback" not in res.output


def test_binary_file_is_refused(tmp_path):
    png = tmp_path / "image.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    res = run("clean", str(png))
    assert res.exit_code != 0 and "image.png" in res.output and "binary" in res.output


def test_empty_file_is_refused(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    res = run("clean", str(empty))
    assert res.exit_code != 0 and "empty.txt" in res.output and "empty" in res.output


def test_no_half_written_output(tmp_path):
    out = tmp_path / "o.jsonl"
    out.write_text("previous\n")
    res = run("clean", str(SEED), str(tmp_path / "missing.txt"), "-o", str(out))
    assert res.exit_code != 0
    assert out.read_text() == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["o.jsonl"]


def test_rules_lists_ids():
    res = run("rules")
    assert "repair.nbsp" in res.output and "qa.untranslated" in res.output


def test_unknown_disable_id():
    res = run("clean", str(SEED), "--disable", "repair.nope")
    assert res.exit_code != 0 and "repair.nope" in res.output


def test_every_command_has_help_with_example():
    for cmd in main.commands:
        res = run(cmd, "--help")
        assert res.exit_code == 0 and "Example" in res.output, cmd


def test_run_with_project_glossary_makes_seed_terms_consistent(tmp_path):
    from paths import ROOT

    out = tmp_path / "out"
    res = run("run", str(SEED), "-o", str(out), "--quiet", "--jobs", "1",
              "--add-glossary", str(ROOT / "glossaries" / "projects" / "lnfund.tsv"))
    assert res.exit_code == 0, res.output
    rec = json.loads((out / "items.jsonl").read_text(encoding="utf-8"))
    heads = [b["en"] for b in rec["blocks"] if b["kind"] == "heading"]
    assert heads == ["Foundation of participation", "Framework of collaboration",
                     "Paradigm of innovation", "Key points of action"]
    text = " ".join(b["en"] for b in rec["blocks"] if b["kind"] == "paragraph")
    for head in heads:
        assert head.lower() in text.lower()  # the heading now says what the text says
    assert {e["entry"] for e in rec["edits"] if e["rule"] == "glossary.deprecated"} >= {
        "lnfund-foundation-of-participation", "lnfund-key-points-of-action"}


def test_cleaning_cleaned_jsonl_changes_nothing(tmp_path):
    """The corpus builder's idempotence: items.jsonl fed back in comes out byte for byte
    the same (each record cleaned as the record it is, its edits kept, so the original
    input can still be rebuilt), for the seed, a zh/en pair and an English-only item."""
    from paths import CORPUS

    first = tmp_path / "first"
    second = tmp_path / "second"
    assert run("run", str(CORPUS), "-o", str(first), "--quiet", "--jobs", "1").exit_code == 0
    res = run("run", str(first / "items.jsonl"), "-o", str(second), "--quiet", "--jobs", "1")
    assert res.exit_code == 0, res.output
    a = [json.loads(line) for line in (first / "items.jsonl").read_text().splitlines()]
    assert len(a) == 3 and any(r["blocks"][0]["zh"] and r["blocks"][0]["en"] for r in a)
    assert all(r["edits"] for r in a)  # there was something to keep
    assert (second / "items.jsonl").read_bytes() == (first / "items.jsonl").read_bytes()
    # the original files, rebuilt from the second output
    back = tmp_path / "back.txt"
    seed_line = (second / "items.jsonl").read_text().splitlines()[0] + "\n"
    (tmp_path / "seed.jsonl").write_text(seed_line, encoding="utf-8")
    assert run("restore", str(tmp_path / "seed.jsonl"), "-o", str(back)).exit_code == 0
    assert back.read_bytes() == (CORPUS / json.loads(seed_line)["sources"][0]["name"]
                                 .rsplit("/", 1)[-1]).read_bytes()


def test_a_record_edited_by_hand_is_cleaned_from_its_text(tmp_path):
    """A record whose text no longer fits its edits (an editor changed a repaired word)
    cannot rebuild its input: it is cleaned from its text, as new input."""
    from paths import CORPUS

    first = tmp_path / "first"
    assert run("run", str(CORPUS / "000_928918768c0ec3d6.txt"), "-o", str(first),
               "--quiet").exit_code == 0
    rec = json.loads((first / "items.jsonl").read_text())
    edit = next(e for e in rec["edits"] if e["after"])
    block = rec["blocks"][edit["block"]]
    text = block[edit["lang"]]
    at = edit["offset"]
    block[edit["lang"]] = text[:at] + "X" * len(edit["after"]) + text[at + len(edit["after"]):]
    (tmp_path / "edited.jsonl").write_text(json.dumps(rec, ensure_ascii=False) + "\n",
                                           encoding="utf-8")
    second = tmp_path / "second"
    res = run("run", str(tmp_path / "edited.jsonl"), "-o", str(second), "--quiet")
    assert res.exit_code == 0, res.output
    out = json.loads((second / "items.jsonl").read_text())
    assert out["sources"][0]["name"].endswith("edited.jsonl:1")  # new input, not the seed
    assert "X" * len(edit["after"]) in (out["blocks"][edit["block"]][edit["lang"]] or "")

def test_markdown_output_escapes_markup_and_reads_back_as_the_same_text(tmp_path):
    """Text that Markdown reads as markup renders as written (escaped), and the
    Markdown, cleaned again as a .md file, gives the same text, and restores exactly."""
    from click.testing import CliRunner

    from pipeline.cli import main

    page = tmp_path / "page.txt"
    page.write_text("Vote for the best charity #\n\nThe ratio was 2*3*4 and __init__ ran.\n\n"
                    "He wrote <img src=x onerror=alert(1)> and &#0; and [docs](http://x).\n\n"
                    "1. Housing comes first in the plan.\n", encoding="utf-8")
    runner = CliRunner()
    md = tmp_path / "page.md"
    assert runner.invoke(main, ["clean", str(page), "--to", "md", "-o", str(md)]).exit_code == 0
    text = md.read_text(encoding="utf-8")
    for escaped in ("# Vote for the best charity \\#", "2\\*3\\*4", "\\_\\_init\\_\\_",
                    "\\<img", "\\&#0;", "\\[docs](http://x)", "1\\. Housing"):
        assert escaped in text, escaped
    again = tmp_path / "again.md"
    assert runner.invoke(main, ["clean", str(md), "--to", "md", "-o", str(again)]).exit_code == 0
    assert again.read_bytes() == md.read_bytes()
    records = tmp_path / "md.jsonl"
    assert runner.invoke(main, ["clean", str(md), "-o", str(records)]).exit_code == 0
    res = runner.invoke(main, ["restore", str(records)])
    assert res.exit_code == 0 and res.output == text


def test_markdown_input_emphasis_quotes_and_underlines(tmp_path):
    """A Markdown page's metadata in emphasis or a quote is metadata; a heading's
    underline and a rule are layout, and restore gives the file back."""
    from pipeline.restore import restore_sources
    from pipeline.runner import clean_text

    page = ("# Hunan launches charity month\n\n*Source: Hunan Daily  Date: 2022-09-05*\n\n"
            "Volunteer week\n==============\n\nOn March 5, 120 teams took part.\n\n---\n\n"
            "> **Editor**: Wang Lin\n")
    item = clean_text(page, "p", name="p.md")
    assert [b.kind for b in item.blocks] == ["title", "meta", "heading", "paragraph", "meta"]
    assert item.meta_dict["date"] == "2022-09-05" and item.meta_dict["editor"] == "Wang Lin"
    assert restore_sources(item) == [page]
    # in a text file, a line of dashes is text
    assert "---" in [b.en for b in clean_text(page, "p", name="p.txt").blocks]
    # an underlined line is a heading however long ("---" under it: level 2)
    page = ("News\n\nOn March 5, teams met in Changsha, and the work began.\n\n"
            "The results of the past year were reviewed in detail at the meeting\n-------\n\n"
            "More text follows here.\n")
    assert [b.kind for b in clean_text(page, "p", name="p.md").blocks] == [
        "title", "paragraph", "heading", "paragraph"]


@pytest.mark.parametrize("value", ["nan", "inf"])
def test_sync_every_must_be_a_number_of_seconds(tmp_path, value):
    """--sync-every nan was taken, and the run never journalled: a kill lost it all."""
    from click.testing import CliRunner

    from pipeline.cli import main
    page = tmp_path / "p.txt"
    page.write_text("Title\n\nText.\n", encoding="utf-8")
    res = CliRunner().invoke(main, ["run", str(page), "-o", str(tmp_path / "out"),
                                    "--sync-every", value])
    assert res.exit_code == 2 and "not a number of seconds" in res.output
    assert not (tmp_path / "out").exists()
