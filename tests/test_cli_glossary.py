"""`mtclean glossary ...` and the glossary options of `mtclean clean`, through CliRunner."""
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.glossary import COLUMNS, SHIPPED
from pipeline.glossary.model import read_glossary

GLOSSARIES = Path(__file__).resolve().parent / "glossary"
MINI = GLOSSARIES / "mini.tsv"
PROJECT = GLOSSARIES / "project.tsv"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_lint_clean_file_prints_a_summary():
    res = run("glossary", "lint", SHIPPED)
    assert res.exit_code == 0, res.output
    assert res.stdout.strip().endswith("entries, no problems")


def test_lint_reports_file_line_message_and_exits_1():
    bad = GLOSSARIES / "bad.tsv"
    res = run("glossary", "lint", bad)
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert lines and all(line.startswith(f"{bad}:") for line in lines)
    assert f"{bad}:4: conflicting preferred terms for 民政部" in res.stdout
    assert "problem(s)" in res.stderr and "Traceback" not in res.output


def test_lint_missing_file_is_one_line():
    res = run("glossary", "lint", "nope.tsv")
    assert res.exit_code == 1
    assert res.stderr.strip() == "mtclean: error: nope.tsv: glossary file not found"


@pytest.mark.parametrize("fmt, check", [
    ("tbx", lambda text: text.startswith('<?xml version="1.0" encoding="UTF-8"?>\n<tbx ')),
    ("csv", lambda text: text.startswith("\ufeffid,zh,en_preferred,")),
    ("json", lambda text: json.loads(text)[0]["id"] == "mca"),
])
def test_export_formats(fmt, check, tmp_path):
    res = run("glossary", "export", MINI, "--to", fmt)
    assert res.exit_code == 0 and check(res.stdout)
    out = tmp_path / f"g.{fmt}"
    assert run("glossary", "export", MINI, "--to", fmt, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == res.stdout


def test_export_then_import_round_trip(tmp_path):
    tbx = tmp_path / "g.tbx"
    assert run("glossary", "export", SHIPPED, "--to", "tbx", "-o", tbx).exit_code == 0
    res = run("glossary", "import", tbx)
    assert res.exit_code == 0
    assert res.stdout == SHIPPED.read_text(encoding="utf-8")
    out = tmp_path / "back.tsv"
    assert run("glossary", "import", tbx, "-o", out).exit_code == 0
    assert out.read_bytes() == SHIPPED.read_bytes()
    # a TBX in UTF-16, as Windows CAT tools write one, is TBX, not a spreadsheet export
    wide = tmp_path / "wide.tbx"
    wide.write_bytes(tbx.read_text(encoding="utf-8").replace('encoding="UTF-8"',
                                                             'encoding="UTF-16"')
                     .encode("utf-16"))
    res = run("glossary", "import", wide)
    assert res.exit_code == 0 and res.stdout == SHIPPED.read_text(encoding="utf-8")


def test_import_refuses_entities_without_writing(tmp_path):
    evil = tmp_path / "evil.tbx"
    evil.write_text('<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY a "aaaa">]><tbx>&a;</tbx>')
    out = tmp_path / "out.tsv"
    res = run("glossary", "import", evil, "-o", out)
    assert res.exit_code == 1 and not out.exists()
    assert res.stderr.startswith(f"mtclean: error: {evil}: refused") and "Traceback" not in res.output


def test_stats_on_shipped_glossary_and_corpus(tmp_path):
    corpus = tmp_path / "c.txt"
    corpus.write_text("The Home Affairs Bureau met. 民政局召开会议。", encoding="utf-8")
    res = run("glossary", "stats", SHIPPED, corpus)
    assert res.exit_code == 0, res.output
    assert "civil-affairs-bureau\tHome Affairs Bureau\t1\tCivil Affairs Bureau" in res.stdout
    assert "civil-affairs-bureau\tzh\t民政局\t1" in res.stdout
    assert res.stdout.rstrip().endswith("entries seen")


def test_help_texts_carry_an_example():
    for command in ("lint", "stats", "export", "import"):
        res = run("glossary", command, "--help")
        assert res.exit_code == 0 and "Example" in res.stdout and "mtclean glossary" in res.stdout


TEXT = "The Home Affairs Bureau met with the Old Cow Foundation.\n"


@pytest.mark.parametrize("options, expected", [
    ([], "The Civil Affairs Bureau met with the Old Cow Foundation."),
    (["--no-glossary"], TEXT.strip()),
    (["--glossary", PROJECT], "The Home Affairs Bureau met with the Lao Niu Foundation."),
    (["--add-glossary", PROJECT], "The Civil Affairs Bureau met with the Lao Niu Foundation."),
    (["--glossary", MINI, "--add-glossary", PROJECT],
     "The Civil Affairs Bureau met with the Lao Niu Foundation."),
    (["--add-glossary", PROJECT, "--disable", "glossary.deprecated"], TEXT.strip()),
])
def test_clean_glossary_options(options, expected, tmp_path):
    src = tmp_path / "page.txt"
    src.write_text(TEXT, encoding="utf-8")
    res = run("clean", src, *options)
    assert res.exit_code == 0, res.output
    record = json.loads(res.stdout)
    assert record["blocks"][0]["en"] == expected
    for edit in record["edits"]:
        if edit["rule"].startswith("glossary."):
            assert edit["entry"]


def test_clean_with_a_broken_glossary_names_file_and_line(tmp_path):
    src = tmp_path / "page.txt"
    src.write_text(TEXT, encoding="utf-8")
    res = run("clean", src, "--glossary", GLOSSARIES / "bad.tsv")
    assert res.exit_code == 1
    assert res.stderr.startswith(f"mtclean: error: {GLOSSARIES / 'bad.tsv'}:7: unknown pos")


def test_clean_output_is_byte_identical_across_hash_seeds(tmp_path):
    import os
    import subprocess
    import sys

    src = tmp_path / "page.txt"
    src.write_text("Home Affairs Bureau Meeting\n\nThe Ministry of Home Affairs, 民政部 and "
                   "public organizations in the Northern Province of the River met.\n",
                   encoding="utf-8")
    root = Path(__file__).resolve().parent.parent
    outputs = []
    for seed in ("1", "2"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(root))
        res = subprocess.run([sys.executable, "-m", "pipeline", "clean", str(src), "--add-glossary",
                              str(PROJECT)], capture_output=True, env=env, check=True)
        outputs.append(res.stdout)
    assert outputs[0] == outputs[1] and b"glossary.deprecated" in outputs[0]


ADD = ["--id", "lnfund-class", "--zh", "老牛公益课堂", "--en", "Lao Niu Philanthropy Class",
       "--deprecated", "Old Cow Public Welfare Class", "--pos", "properNoun",
       "--domain", "organizations", "--source", "the foundation's English pages"]


def test_add_appends_one_row_that_lint_and_cleaning_use(tmp_path):
    g = tmp_path / "project.tsv"
    g.write_bytes(PROJECT.read_bytes())
    before = g.read_text(encoding="utf-8")
    res = run("glossary", "add", g, *ADD)
    assert res.exit_code == 0, res.output
    after = g.read_text(encoding="utf-8")
    assert after.startswith(before) and after.count("\n") == before.count("\n") + 1
    assert after.splitlines()[-1].split("\t")[:5] == [
        "lnfund-class", "老牛公益课堂", "Lao Niu Philanthropy Class", "",
        "Old Cow Public Welfare Class"]
    assert run("glossary", "lint", g).exit_code == 0
    page = tmp_path / "page.txt"
    page.write_text("Title\n\nThe Old Cow Public Welfare Class was held online.\n",
                    encoding="utf-8")
    res = run("clean", page, "--add-glossary", g, "--to", "md")
    assert "The Lao Niu Philanthropy Class was held online." in res.stdout


@pytest.mark.parametrize("change, message", [
    (["--id", "lnfund-other"], "duplicate Chinese term 老牛公益课堂"),
    (["--zh", "另一个课堂"], "duplicate id 'lnfund-class'"),
    # (the new entry deprecates "Old Cow Public Welfare Class" as lnfund-class does, and
    # lint says so first)
    (["--id", "x2", "--zh", "新词", "--deprecated", "Lao Niu Foundation"],
     "is also deprecated by entry 'lnfund-class' (line 5)"),
])
def test_add_refuses_a_conflict_and_leaves_the_file_alone(tmp_path, change, message):
    g = tmp_path / "project.tsv"
    g.write_bytes(PROJECT.read_bytes())
    assert run("glossary", "add", g, *ADD).exit_code == 0
    kept = g.read_bytes()
    args = list(ADD)
    for i in range(0, len(change), 2):  # replace the named options, add the others
        if change[i] in args and change[i] != "--deprecated":
            args[args.index(change[i]) + 1] = change[i + 1]
        else:
            args += change[i:i + 2]
    res = run("glossary", "add", g, *args)
    assert res.exit_code == 1
    new_line = kept.count(b"\n") + 1
    assert f"{g}:{new_line}:" in res.stderr and message in res.stderr
    assert g.read_bytes() == kept


def test_add_needs_a_known_domain_and_a_source(tmp_path):
    g = tmp_path / "project.tsv"
    g.write_bytes(PROJECT.read_bytes())
    args = [a if a != "organizations" else "sports" for a in ADD]
    assert run("glossary", "add", g, *args).exit_code == 2
    assert run("glossary", "add", g, *ADD[:-2]).exit_code == 2
    assert g.read_bytes() == PROJECT.read_bytes()


def test_add_keeps_the_files_line_ends(tmp_path):
    g = tmp_path / "crlf.tsv"
    g.write_bytes(PROJECT.read_bytes().replace(b"\n", b"\r\n"))
    assert run("glossary", "add", g, *ADD).exit_code == 0
    data = g.read_bytes()
    assert data.endswith(b"\r\n") and data.count(b"\n") == data.count(b"\r\n")
    assert run("glossary", "lint", g).exit_code == 0


BAD_TBX = """<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>
<conceptEntry id="ok"><langSec xml:lang="zh"><termSec><term>民政局</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>Civil Affairs Bureau</term></termSec></langSec></conceptEntry>
<conceptEntry id="no-en"><langSec xml:lang="zh"><termSec><term>低保</term></termSec></langSec>
</conceptEntry>
<conceptEntry id="bar"><langSec xml:lang="zh"><termSec><term>民政部</term></termSec></langSec>
<langSec xml:lang="en"><termSec><term>Ministry | MCA</term></termSec></langSec></conceptEntry>
</body></text></tbx>
"""


def test_import_lists_every_bad_concept_and_writes_nothing(tmp_path):
    tbx = tmp_path / "in.tbx"
    tbx.write_text(BAD_TBX, encoding="utf-8")
    out = tmp_path / "out.tsv"
    res = run("glossary", "import", tbx, "-o", out)
    assert res.exit_code == 1 and not out.exists()
    assert f"{tbx}:4: concept 'no-en': no preferred English term" in res.stderr
    assert f"{tbx}:6: concept 'bar': term 'Ministry | MCA' holds '|'" in res.stderr
    assert "2 concept(s) cannot be a glossary row; nothing was written" in res.stderr
    res = run("glossary", "import", tbx, "-o", out, "--skip-invalid")
    assert res.exit_code == 0 and f"{tbx}:4: skipped: concept 'no-en'" in res.stderr
    assert [e.id for e in read_glossary(out).entries] == ["ok"]
    # the row loads; what it lacks for lint (no source in the TBX) is said on the way
    assert f"{tbx}:2: concept 'ok': lint: source: empty" in res.stderr


def test_import_reports_what_lint_finds_in_the_result(tmp_path):
    tbx = tmp_path / "in.tbx"
    tbx.write_text(BAD_TBX.replace("低保", "民政局").replace(
        "</conceptEntry>\n<conceptEntry id=\"bar\">",
        '<langSec xml:lang="en"><termSec><term>Home Affairs</term></termSec></langSec>'
        '</conceptEntry>\n<conceptEntry id="bar">').replace("Ministry | MCA", "MCA"),
        encoding="utf-8")
    res = run("glossary", "import", tbx)
    assert res.exit_code == 0, res.output
    assert f"{tbx}:4: concept 'no-en': lint: conflicting preferred terms for 民政局" in res.stderr


def test_add_with_base_refuses_to_shadow_a_shipped_term(tmp_path):
    g = tmp_path / "project.tsv"
    g.write_bytes((SHIPPED.parent / "projects" / "lnfund.tsv").read_bytes())
    args = ["glossary", "add", g, "--id", "lnfund-mca", "--zh", "民政部", "--en",
            "Ministry of Civil Affairs", "--domain", "ministry", "--source", "x"]
    res = run(*args, "--base", SHIPPED)
    assert res.exit_code == 1 and "Chinese term 民政部 is also in" in res.stderr
    assert g.read_bytes() == (SHIPPED.parent / "projects" / "lnfund.tsv").read_bytes()
    assert run(*args).exit_code == 0  # without --base the file alone is checked
    res = run("glossary", "lint", g, "--base", SHIPPED)
    assert res.exit_code == 1 and "(entry 'ministry-of-civil-affairs')" in res.stdout


def test_add_names_the_row_in_conflict_and_the_new_rows_line(tmp_path):
    g = tmp_path / "project.tsv"
    g.write_bytes((SHIPPED.parent / "projects" / "lnfund.tsv").read_bytes())
    lines = g.read_text(encoding="utf-8").count("\n")
    res = run("glossary", "add", g, "--id", "lnfund-t", "--zh", "新词", "--en", "New Word",
              "--admitted", "Building blocks of participation", "--domain", "charity",
              "--source", "s")
    assert res.exit_code == 1
    assert f"{g}:2: deprecated variant 'Building blocks of participation'" in res.stderr
    assert f"line {lines + 1} is the row being added" in res.stderr


@pytest.mark.parametrize("option, value, message", [
    ("--en", "New\tWord", "holds tab"),
    ("--note", "one\nline", "holds line break"),
    ("--en", "New | Word", "holds '|'"),
    ("--source", "x\x1by", "control character U+001B"),
])
def test_add_refuses_a_value_that_cannot_be_a_cell(tmp_path, option, value, message):
    g = tmp_path / "project.tsv"
    g.write_bytes(PROJECT.read_bytes())
    args = dict(zip(ADD[::2], ADD[1::2]))
    args[option] = value
    res = run("glossary", "add", g, *[x for kv in args.items() for x in kv])
    assert res.exit_code == 2 and option in res.output and message in res.output
    assert g.read_bytes() == PROJECT.read_bytes()


def test_add_through_a_link_changes_the_file_it_names(tmp_path):
    real = tmp_path / "real.tsv"
    real.write_bytes(PROJECT.read_bytes())
    link = tmp_path / "link.tsv"
    link.symlink_to(real.name)
    assert run("glossary", "add", link, *ADD).exit_code == 0
    assert link.is_symlink() and "lnfund-class" in real.read_text(encoding="utf-8")


@pytest.mark.parametrize("options", [["--add-glossary", PROJECT], ["--glossary", MINI]])
def test_no_glossary_with_a_glossary_is_a_usage_error(tmp_path, options):
    src = tmp_path / "page.txt"
    src.write_text(TEXT, encoding="utf-8")
    for command in (["clean", src], ["run", src, "-o", tmp_path / "out"]):
        res = run(*command, "--no-glossary", *options)
        assert res.exit_code == 2 and "contradict" in res.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("data, message", [
    ("\t".join(COLUMNS).encode("utf-16") + b"\n", "UTF-16 text"),
    (";".join(COLUMNS).encode("utf-8") + b"\n", "separated by ';'"),
    (PROJECT.read_bytes(), "tab-separated glossary"),
])
def test_import_names_the_format_it_does_not_read(tmp_path, data, message):
    f = tmp_path / "sheet.csv"
    f.write_bytes(data)
    res = run("glossary", "import", f)
    assert res.exit_code == 1 and message in res.stderr and "XML" not in res.stderr



def test_a_project_entry_redirects_a_variant_the_shipped_glossary_deprecates(tmp_path):
    """A later glossary wins a deprecated variant both claim; plurals of bodies match."""
    project = tmp_path / "hk.tsv"
    project.write_text("\t".join(COLUMNS) + "\nhk-hyab\t民政及青年事务局\tHome and Youth Affairs "
                       "Bureau\t\tHome Affairs Bureau\tproperNoun\torganizations\t\thk\n",
                       encoding="utf-8")
    assert run("glossary", "lint", project, "--base", SHIPPED).exit_code == 0
    page = tmp_path / "page.txt"
    page.write_text("News\n\nThe Home Affairs Bureaus met, and the Home Affairs Bureau "
                    "spoke.\n", encoding="utf-8")
    shipped = run("clean", page, "--to", "md").stdout
    assert "The Civil Affairs Bureaus met, and the Civil Affairs Bureau spoke" in shipped
    layered = run("clean", page, "--to", "md", "--add-glossary", project).stdout
    assert "the Home and Youth Affairs Bureau spoke" in layered
