"""Loading a glossary: validation with FILE:LINE errors, layering, caching."""
from pathlib import Path

import pytest

from pipeline.errors import GlossaryError
from pipeline.glossary import COLUMNS, SHIPPED, format_tsv, load_glossaries, parse_tsv
from pipeline.glossary.model import layer, read_glossary

HERE = Path(__file__).parent
MINI = HERE / "mini.tsv"
PROJECT = HERE / "project.tsv"
HEADER = "\t".join(COLUMNS)
ROW = "mca\t民政部\tMinistry of Civil Affairs\t\t\tproperNoun\tministry\t\tmca.gov.cn"


def test_mini_loads_into_frozen_records():
    g = read_glossary(MINI)
    mca = g.by_id()["mca"]
    assert mca.zh == ("民政部", "中华人民共和国民政部")
    assert mca.en_admitted == ("MCA",) and mca.en_deprecated == ("Ministry of Home Affairs",)
    assert mca.line == 2 and mca.path == str(MINI)
    with pytest.raises(AttributeError):
        mca.id = "x"


def test_format_tsv_is_the_inverse_of_parse():
    text = MINI.read_text(encoding="utf-8")
    assert format_tsv(parse_tsv(text)) == text


@pytest.mark.parametrize("text, line, message", [
    ("", 1, "empty glossary"),
    ("id\tzh\n" + ROW, 1, "header must be"),
    (HEADER + "\n" + ROW + "\n\nbad\trow\n", 4, "expected 9 tab-separated columns, found 2"),
    (HEADER + "\n" + ROW.replace("properNoun", "name"), 2, "unknown pos 'name'"),
    (HEADER + "\n" + ROW.replace("民政部", ""), 2, "no Chinese term"),
    (HEADER + "\n" + ROW.replace("Ministry of Civil Affairs", ""), 2, "no preferred English"),
    (HEADER + "\n" + ROW.replace("民政部", "民政部 |  | 民政"), 2, "empty value"),
    (HEADER + "\n" + ROW.replace("mca", "", 1), 2, "empty id"),
    # what would break a row or the XML of a TBX export
    (HEADER + "\n" + ROW.replace("Ministry of", "Ministry\x1bof"), 2,
     "en_preferred: a control character U+001B"),
    (HEADER + "\n" + ROW.replace("Ministry of", "Ministry\rof"), 2, "U+000D"),
    (HEADER + "\n" + ROW.replace("Ministry of Civil Affairs", "Ministry of Civil Affairs | MCA"),
     2, "en_preferred holds one term"),
])
def test_errors_name_file_and_line(text, line, message):
    with pytest.raises(GlossaryError) as err:
        parse_tsv(text, "g.tsv")
    assert err.value.line == line
    assert str(err.value).startswith(f"g.tsv:{line}: ")
    assert message in str(err.value)


def test_unreadable_files(tmp_path):
    with pytest.raises(GlossaryError, match="not found"):
        read_glossary(tmp_path / "missing.tsv")
    bad = tmp_path / "latin1.tsv"
    bad.write_bytes((HEADER + "\n" + ROW + "\n").encode("utf-8") + b"x\xe9y\n")
    with pytest.raises(GlossaryError) as err:
        read_glossary(bad)
    assert err.value.line == 3 and "UTF-8" in str(err.value)


def test_later_glossary_overrides_by_id_and_by_chinese_term():
    g = layer([read_glossary(MINI), read_glossary(PROJECT)])
    ids = [e.id for e in g.entries]
    assert "hebei" not in ids and "hebei-project" in ids  # same Chinese term 河北
    assert g.by_id()["social-group"].en_preferred == "social organization"  # same id
    assert "mca" in ids and "lnfund" in ids
    assert len(g) == len(read_glossary(MINI)) - 2 + 3
    assert g.paths == (str(MINI), str(PROJECT))


def test_loaded_glossaries_are_cached_per_process():
    a = load_glossaries((str(MINI),))
    assert load_glossaries((str(MINI),)) is a
    assert load_glossaries((str(MINI), str(PROJECT))) is not a


def test_shipped_glossary_has_400_concepts_each_with_a_source():
    g = load_glossaries(None)
    assert g.paths == (str(SHIPPED),)
    assert len(g) >= 400
    assert all(e.source.strip() for e in g.entries)
    assert len({e.id for e in g.entries}) == len(g)
