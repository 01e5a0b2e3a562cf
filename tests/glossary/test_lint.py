"""Lint reports every problem of a glossary with its line; the shipped files are clean."""
from pathlib import Path

import pytest

from pipeline.glossary.lint import lint_text
from pipeline.glossary.model import COLUMNS, SHIPPED

HERE = Path(__file__).parent
HEADER = "\t".join(COLUMNS)
ROW = "mca\t民政部\tMinistry of Civil Affairs\tMCA\t\tproperNoun\tministry\t\tmca.gov.cn"


def problems(*rows):
    return [(p.line, p.message) for p in lint_text("\n".join((HEADER,) + rows) + "\n")]


@pytest.mark.parametrize("row, line, expected", [
    (ROW.replace("\tMCA\t", "\tMCA（中国）\t"), 2, "Chinese or full-width characters"),
    (ROW.replace("Ministry of", "Ministry  of"), 2, "double space"),
    (ROW.replace("Ministry of", " Ministry of"), 2, "leading or trailing space"),
    (ROW.replace("\tMCA\t", "\tMCA|Civil Affairs Ministry\t"), 2, "separate values with ' | '"),
    (ROW.replace("\tMCA\t", "\tMCA |  | CAM\t"), 2, "empty value between separators"),
    (ROW.replace("mca.gov.cn", ""), 2, "source: empty"),
    (ROW.replace("properNoun", "name"), 2, "unknown pos 'name'"),
    (ROW.replace("ministry\t", "religion\t"), 2, "unknown domain 'religion'"),
    (ROW.replace("mca\t", "MCA_1\t", 1), 2, "use lower-case letters"),
    (ROW.replace("\tMCA\t", "\tministry of civil affairs\t"), 2, "appears twice in this entry"),
    (ROW.replace("\t\tproperNoun", "\tMCA\tproperNoun"), 2,
     "deprecated variant 'MCA' is a preferred or admitted term of this entry"),
    ("mca\t民政部", 2, "expected 9 tab-separated columns, found 2"),
    (ROW.replace("\t\tmca.gov.cn", "\tseen in\x0cOnline-A\tmca.gov.cn"), 2,
     "note: a control character U+000C at column 8"),
    (ROW.replace("Ministry of", "Ministry\rof"), 2, "a control character U+000D"),
    (ROW.replace("\t\tmca.gov.cn", "\tx\ufffe\tmca.gov.cn"), 2,
     "a character XML cannot hold U+FFFE"),
    # a TBX reader takes it for a line break: it would come back as a space
    (ROW.replace("\t\tmca.gov.cn", "\tline one\u2028line two\tmca.gov.cn"), 2,
     "note: a line or paragraph separator U+2028 at column 9"),
    (ROW.replace("\tMCA\t", "\tMCA  | CAM\t"), 2, "a space too many around a value"),
    (ROW.replace("\tMCA\t", "\tMCA |  CAM\t"), 2, "a space too many around a value"),
    (ROW.replace("Ministry of Civil Affairs", "Ministry of Civil Affairs | MCA"), 2,
     "en_preferred: one term only"),
    (ROW.replace("民政部", "MCA"), 2, "zh: 'MCA' has no Chinese characters"),
    (ROW.replace("民政部", "民政部 | MCA"), 2, "zh: 'MCA' has no Chinese characters"),
    (ROW.replace("Ministry of", "Ministry\u00a0of"), 2,
     "en_preferred: a space of another kind (U+00A0)"),
    (ROW.replace("民政部", "民政\u3000部"), 2, "zh: a space of another kind (U+3000)"),
])
def test_single_row_problems(row, line, expected):
    found = problems(row)
    assert any(n == line and expected in m for n, m in found), found


def test_english_typography_is_no_chinese_punctuation():
    row = ROW.replace("\tMCA\t", "\tthe “Double Support” work — 2022’s\t")
    assert not any("full-width" in m for _, m in problems(row))
    row = ROW.replace("\tMCA\t", "\tMCA——China\t")
    assert any("full-width characters in English: ——" in m for _, m in problems(row))


def test_problems_across_rows():
    other = "cab\t民政局\tCivil Affairs Bureau\t\tMCA\tproperNoun\tministry\t\tmca.gov.cn"
    found = problems(ROW, ROW, ROW.replace("mca", "mca-2", 1).replace(
        "Ministry of Civil Affairs", "Civil Affairs Ministry"), other)
    assert (3, "duplicate id 'mca' (first on line 2)") in found
    assert (3, "duplicate Chinese term 民政部 (also on line 2)") in found
    assert any(n == 4 and m.startswith("conflicting preferred terms for 民政部") for n, m in found)
    assert (5, "deprecated variant 'MCA' is a preferred or admitted term of entry 'mca' "
               "(line 2)") in found


def test_clean_rows_and_bad_header():
    assert problems(ROW) == []
    assert lint_text("id\tzh\n")[0].message.startswith("header must be")
    assert lint_text("")[0].line == 1


def test_bad_fixture_reports_each_kind_once_per_line():
    found = lint_text((HERE / "bad.tsv").read_text(encoding="utf-8"))
    assert sorted({p.line for p in found}) == [3, 4, 5, 6, 7, 8, 9]


@pytest.mark.parametrize("path", [SHIPPED, SHIPPED.parent / "projects" / "lnfund.tsv",
                                  HERE / "mini.tsv", HERE / "project.tsv"],
                         ids=lambda p: p.name)
def test_shipped_and_test_glossaries_pass_lint(path):
    assert lint_text(path.read_text(encoding="utf-8")) == []


def test_lint_reports_invisible_characters_quotes_and_a_variant_deprecated_twice():
    head = "\t".join(COLUMNS)
    row = "{id}\t{zh}\t{en}\t\t{dep}\tnoun\tcharity\t\tsrc"
    text = "\n".join([head,
                      row.format(id="a", zh="老牛\u200b课堂", en="Lao Niu Class", dep=""),
                      row.format(id="b", zh="民政局", en='Civil "Affairs" Bureau',
                                 dep="Home Affairs Bureau"),
                      row.format(id="c", zh="民政事务局", en="Home and Youth Affairs Bureau",
                                 dep="Home Affairs Bureau")]) + "\n"
    messages = [(p.line, p.message.split(":")[0]) for p in lint_text(text)]
    assert (2, "zh") in messages  # U+200B: the term would never match
    assert (3, "en_preferred") in messages  # a double quote
    assert any(line == 4 and "also deprecated by entry 'b'" in m
               for line, m in [(p.line, p.message) for p in lint_text(text)])
