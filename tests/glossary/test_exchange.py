"""TBX export validates structurally and round-trips; TBX 2008 and 2019 import; unsafe
XML is refused; CSV and JSON keep every field."""
import csv
import io
import json
import re
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest

from pipeline.errors import GlossaryError
from pipeline.glossary import COLUMNS, SHIPPED, format_tsv, load_glossaries
from pipeline.glossary.exchange import (STATUS_TBX, TBX_NS, from_tbx, read_csv, read_tbx,
                                        to_csv, to_json, to_tbx)
from pipeline.glossary.model import parse_tsv, read_glossary

HERE = Path(__file__).parent
NS = {"t": TBX_NS}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
GLOSSARIES = [HERE / "mini.tsv", SHIPPED, SHIPPED.parent / "projects" / "lnfund.tsv"]


@pytest.mark.parametrize("path", GLOSSARIES, ids=lambda p: p.name)
def test_tbx_structure(path):
    g = read_glossary(path)
    root = ET.fromstring(to_tbx(g).encode("utf-8"))
    assert root.tag == f"{{{TBX_NS}}}tbx"
    assert root.get("type") == "TBX-Basic" and root.get("style") == "dca"
    assert root.find("t:tbxHeader/t:fileDesc/t:sourceDesc/t:p", NS) is not None
    concepts = root.findall("t:text/t:body/t:conceptEntry", NS)
    ids = [c.get("id") for c in concepts]
    # an xsd:ID (an NCName): an id that starts with a digit gets a "_" in front
    assert all(re.fullmatch(r"[A-Za-z_][\w.-]*", i) for i in ids)
    assert ids == [("_" if e.id[0].isdigit() else "") + e.id for e in g.entries]
    allowed = set(STATUS_TBX.values())
    for concept, entry in zip(concepts, g.entries):
        langs = [ls.get(XML_LANG) for ls in concept.findall("t:langSec", NS)]
        assert langs == ["zh", "en"]
        for sec in concept.findall("t:langSec/t:termSec", NS):
            assert sec.find("t:term", NS).text
            notes = {n.get("type"): n.text for n in sec.findall("t:termNote", NS)}
            assert notes["administrativeStatus"] in allowed
            # TBX-Basic's picklist (LTAC-Global TBX-Basic dialect, Min module): a
            # proper noun is a noun with a note saying so
            assert notes["partOfSpeech"] in {"adjective", "noun", "other", "verb", "adverb"}
            proper = [n.text for n in sec.findall("t:note", NS)] == ["proper noun"]
            assert (entry.pos == "properNoun") == proper
            assert notes["partOfSpeech"] == ("noun" if proper else entry.pos)
        en = concept.findall("t:langSec[2]/t:termSec", NS)
        statuses = [s.find("t:termNote[@type='administrativeStatus']", NS).text for s in en]
        assert statuses.count("preferredTerm-admn-sts") == 1
        assert statuses[0] == "preferredTerm-admn-sts"
        assert len(en) == 1 + len(entry.en_admitted) + len(entry.en_deprecated)
        source = concept.find("t:admin[@type='source']", NS)
        assert (source.text if source is not None else "") == entry.source


@pytest.mark.parametrize("path", GLOSSARIES, ids=lambda p: p.name)
def test_tsv_tbx_tsv_round_trip_keeps_every_field(path):
    text = path.read_text(encoding="utf-8")
    back = from_tbx(to_tbx(read_glossary(path)).encode("utf-8"), "x.tbx")
    assert format_tsv(back) == text


def test_round_trip_of_xml_special_characters():
    g = load_glossaries((str(HERE / "mini.tsv"),))
    tricky = g.entries[0].__class__("a-b", ("<民政>",), "A & B <C>", ("\"q\" 'x'",), (),
                                    "noun", "general", "note with ]]> and &amp;", "src")
    g2 = from_tbx(to_tbx(g.__class__((tricky,))).encode("utf-8"))
    assert g2.entries == (tricky,)


TBX2008 = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <martifHeader><fileDesc><sourceDesc><p>old tool</p></sourceDesc></fileDesc></martifHeader>
  <text><body>
    <termEntry id="c1">
      <descrip type="subjectField">ministry</descrip>
      <langSet xml:lang="zh-CN"><tig><term>民政局</term></tig></langSet>
      <langSet xml:lang="en-US">
        <tig><term>Civil Affairs Bureau</term>
          <termNote type="partOfSpeech">properNoun</termNote>
          <termNote type="administrativeStatus">preferredTerm-admn-sts</termNote></tig>
        <ntig><termGrp><term>Home Affairs Bureau</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termGrp></ntig>
        <tig><term>Bureau of Civil Affairs</term></tig>
      </langSet>
    </termEntry>
  </body></text>
</martif>
"""


def test_tbx_2008_import():
    (entry,) = from_tbx(TBX2008.encode("utf-8")).entries
    assert (entry.id, entry.zh, entry.en_preferred, entry.en_admitted, entry.en_deprecated,
            entry.pos, entry.domain) == ("c1", ("民政局",), "Civil Affairs Bureau",
                                         ("Bureau of Civil Affairs",), ("Home Affairs Bureau",),
                                         "properNoun", "ministry")


@pytest.mark.parametrize("data, message", [
    (b'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;">]>'
     b"<tbx><text><body/></text></tbx>", "refused"),
    (b'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY % p SYSTEM "http://example.org/x">'
     b' %p;]><tbx/>', "refused"),
    (b'<?xml version="1.0"?><!DOCTYPE tbx [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
     b"<tbx>&x;</tbx>", "refused"),
    (b"<tbx><text>", "not well-formed XML"),
    (b"<html/>", "not a TBX file"),
    (TBX2008.replace("supersededTerm", "weirdTerm").encode(), "unknown status 'weirdTerm-admn-sts'"),
    (TBX2008.replace('<langSet xml:lang="zh-CN"><tig><term>民政局</term></tig></langSet>', "")
     .encode(), "in.tbx:5: concept 'c1': no Chinese term"),
    ('<?xml version="1.0" encoding="x-no-such"?><tbx/>'.encode(), "unknown encoding"),
])
def test_unsafe_or_bad_tbx_is_refused(data, message):
    with pytest.raises(GlossaryError) as err:
        from_tbx(data, "in.tbx")
    assert str(err.value).startswith("in.tbx") and message in str(err.value)


def test_csv_and_json_keep_every_field():
    g = read_glossary(HERE / "mini.tsv")
    rows = list(csv.reader(io.StringIO(to_csv(g).removeprefix("\ufeff"))))
    assert tuple(rows[0]) == COLUMNS
    assert [tuple(r) for r in rows[1:]] == [e.cells() for e in g.entries]
    data = json.loads(to_json(g))
    assert [d["id"] for d in data] == [e.id for e in g.entries]
    assert data[0]["zh"] == list(g.entries[0].zh) and list(data[0]) == list(COLUMNS)


def tbx2019(*concepts):
    return ('<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>\n' + "\n".join(concepts)
            + "\n</body></text></tbx>\n").encode("utf-8")


def concept(ident, zh, en, extra=""):
    return (f'<conceptEntry id="{ident}">{extra}<langSec xml:lang="zh">{zh}</langSec>'
            f'<langSec xml:lang="en">{en}</langSec></conceptEntry>')


def term(text, status=None, pos=None):
    notes = (f'<termNote type="administrativeStatus">{status}</termNote>' if status else "") + \
        (f'<termNote type="partOfSpeech">{pos}</termNote>' if pos else "")
    return f"<termSec><term>{text}</term>{notes}</termSec>"


def test_line_breaks_and_tabs_in_a_concept_become_spaces():
    data = tbx2019(concept("c1", term("民政局"), term("Civil Affairs\n   Bureau"),
                           "<note>Line one.\nLine two,\twith tab.</note>"))
    (entry,) = from_tbx(data).entries
    assert entry.en_preferred == "Civil Affairs Bureau"
    assert entry.note == "Line one. Line two, with tab."
    text = format_tsv(from_tbx(data))
    assert parse_tsv(text).entries == (entry,)


def test_chinese_status_orders_terms_and_deprecated_chinese_goes_to_the_note():
    data = tbx2019(concept("mca", term("民政部门", "deprecatedTerm-admn-sts")
                           + term("民政部", "preferredTerm-admn-sts"),
                           term("Ministry of Civil Affairs")))
    got = read_tbx(data, "in.tbx")
    (entry,) = got.glossary.entries
    assert entry.zh == ("民政部",)
    assert "deprecated Chinese: 民政部门" in entry.note
    assert got.changed and got.changed[0][0] == 2 and "民政部门" in got.changed[0][1]


def test_tbx_2008_normative_authorization_values():
    data = TBX2008.replace("administrativeStatus", "normativeAuthorization") \
        .replace("preferredTerm-admn-sts", "preferredTerm") \
        .replace("supersededTerm-admn-sts", "deprecatedTerm").encode()
    (entry,) = from_tbx(data).entries
    assert entry.en_preferred == "Civil Affairs Bureau"
    assert entry.en_deprecated == ("Home Affairs Bureau",)


def test_every_bad_concept_is_listed_with_its_line_and_the_rest_is_read():
    data = tbx2019(concept("ok", term("民政局"), term("Civil Affairs Bureau")),
                   concept("no-en", term("低保"), ""),
                   concept("bar", term("民政部"), term("Ministry | MCA")),
                   concept("adv", term("依法"), term("according to law", pos="adverb")))
    got = read_tbx(data, "in.tbx")
    assert [e.id for e in got.glossary.entries] == ["ok", "adv"]
    assert [line for line, _ in got.skipped] == [3, 4]
    assert "no preferred English term" in got.skipped[0][1]
    assert "holds '|'" in got.skipped[1][1]


def test_preferred_terms_of_two_varieties_of_english():
    en = '<langSec xml:lang="en-US">' + term("Civil Affairs Center", "preferredTerm-admn-sts") \
        + '</langSec><langSec xml:lang="en-GB">' \
        + term("Civil Affairs Centre", "preferredTerm-admn-sts") + "</langSec>"
    data = tbx2019(f'<conceptEntry id="c"><langSec xml:lang="zh">{term("民政中心")}</langSec>'
                   f"{en}</conceptEntry>")
    got = read_tbx(data)
    (entry,) = got.glossary.entries
    assert (entry.en_preferred, entry.en_admitted) == ("Civil Affairs Center",
                                                        ("Civil Affairs Centre",))
    assert "en-gb" in got.changed[0][1]


@pytest.mark.parametrize("encoding", ["GBK", "Big5", "GB18030"])
def test_a_declared_multi_byte_encoding_is_read(encoding):
    text = (f'<?xml version="1.0" encoding="{encoding}"?>\n'
            + TBX2008.split("\n", 1)[1].replace("民政局", "民政"))
    (entry,) = from_tbx(text.encode(encoding)).entries
    assert entry.zh == ("民政",)


def test_doctype_naming_an_external_dtd_is_read_without_fetching_it():
    data = TBX2008.replace('<martif ', '<!DOCTYPE martif SYSTEM "TBXcoreStructV02.dtd">\n'
                           '<martif ', 1).encode()
    assert from_tbx(data).entries[0].id == "c1"


def test_csv_export_starts_with_a_byte_order_mark_for_spreadsheets():
    assert to_csv(read_glossary(HERE / "mini.tsv")).startswith("\ufeffid,zh,")


# TBX v3, DCT style (ISO 30042:2019): data categories as elements of their own, as
# memoQ writes them; the deprecated term comes first
TBX_DCT = """<?xml version="1.0" encoding="UTF-8"?>
<tbx style="dct" type="TBX-Basic" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <text><body>
    <conceptEntry id="mca">
      <basic:subjectField>ministry</basic:subjectField>
      <note>first</note>
      <langSec xml:lang="zh">
        <termSec><term>民政部</term><basic:partOfSpeech>properNoun</basic:partOfSpeech>
          <basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus>
        </termSec>
      </langSec>
      <langSec xml:lang="en">
        <termSec><term>Ministry of Home Affairs</term>
          <basic:administrativeStatus>deprecatedTerm-admn-sts</basic:administrativeStatus>
        </termSec>
        <termSec><term>Ministry of Civil Affairs</term>
          <basic:administrativeStatus>Preferred</basic:administrativeStatus></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
"""


def test_tbx_dct_style_import():
    """Read as DCA, the statuses were not seen: the deprecated term, first, became the
    preferred one, and the part of speech and domain were lost, all without a word."""
    (entry,) = from_tbx(TBX_DCT.encode("utf-8")).entries
    assert (entry.zh, entry.en_preferred, entry.en_deprecated, entry.pos, entry.domain,
            entry.note) == (("民政部",), "Ministry of Civil Affairs",
                            ("Ministry of Home Affairs",), "properNoun", "ministry", "first")


def test_what_a_row_has_no_column_for_goes_to_the_note_or_is_reported():
    """Of two concept notes only the last was kept; term notes, definitions and
    contexts were dropped, and so was a French langSet, unreported."""
    tbx = TBX2008.replace(
        '<descrip type="subjectField">ministry</descrip>',
        '<descrip type="subjectField">ministry</descrip>'
        '<descripGrp><descrip type="definition">a county-level body</descrip></descripGrp>'
        "<note>one</note><note>two</note>"
        '<langSet xml:lang="fr"><tig><term>bureau des affaires civiles</term></tig></langSet>'
    ).replace("<term>Bureau of Civil Affairs</term>",
              "<term>Bureau of Civil Affairs</term><note>older usage</note>")
    got = read_tbx(tbx.encode("utf-8"), "in.tbx")
    (entry,) = got.glossary.entries
    assert entry.note == ("definition: a county-level body; one; two; "
                          "Bureau of Civil Affairs: older usage")
    assert any("fr terms left out (bureau des affaires civiles)" in m for _, m in got.changed)


def test_csv_import_gives_back_the_exported_glossary(tmp_path):
    """There was no CSV import: 'glossary import x.csv' said 'not well-formed XML'."""
    from click.testing import CliRunner

    from pipeline.cli import main

    csv_file, back = tmp_path / "g.csv", tmp_path / "g.tsv"
    runner = CliRunner()
    assert runner.invoke(main, ["glossary", "export", str(SHIPPED), "--to", "csv", "-o",
                                str(csv_file)]).exit_code == 0
    res = runner.invoke(main, ["glossary", "import", str(csv_file), "-o", str(back)])
    assert res.exit_code == 0, res.output
    assert back.read_bytes() == SHIPPED.read_bytes()


def test_csv_cells_a_spreadsheet_would_run_are_guarded_and_read_back():
    g = load_glossaries((str(HERE / "mini.tsv"),))
    risky = g.entries[0].__class__("a", ("民政",), "=HYPERLINK(\"http://x\")", ("+1", "@x"),
                                   (), "noun", "general", "-note", "src")
    text = to_csv(g.__class__((risky,)))
    assert "'=HYPERLINK" in text and "'+1 | @x" in text and ",'-note," in text
    assert read_csv(text.encode("utf-8")).glossary.entries == (risky,)
    # a cell that opens with an apostrophe of its own keeps it
    quoted = risky.__class__("b", ("民政",), "civil affairs", (), (), "noun", "general",
                             "'-' between the two names", "'tis")
    assert read_csv(to_csv(g.__class__((quoted,))).encode("utf-8")).glossary.entries == (quoted,)


def test_csv_rows_that_cannot_load_are_listed_with_their_line():
    text = ("\ufeff" + ",".join(COLUMNS) + "\n"
            'a,民政,"civil\naffairs",,,noun,general,,src\n'
            "b,,no Chinese,,,noun,general,,src\n")
    got = read_csv(text.encode("utf-8"), "g.csv")
    assert [e.en_preferred for e in got.glossary.entries] == ["civil affairs"]
    assert got.skipped == ((4, "row 'b': no Chinese term"),)
    assert got.changed == ((2, "row 'a': line breaks or tabs made spaces in en_preferred"),)


def test_special_spaces_survive_a_tbx_round_trip():
    """A no-break space or U+3000 came back as a plain space (and a Chinese term no
    longer the same); lint reports them, an import keeps them."""
    g = load_glossaries((str(HERE / "mini.tsv"),))
    odd = g.entries[0].__class__("a", ("老\u3000牛",), "Lao\u00a0Niu", (), (), "noun",
                                 "general", "a\u00a0note", "src")
    assert from_tbx(to_tbx(g.__class__((odd,))).encode("utf-8")).entries == (odd,)


@pytest.mark.parametrize("ids, message", [
    (("a b",), "id 'a b' cannot be a TBX concept id"),
    (("a1", "a1"), "duplicate id 'a1'"),
])
def test_export_refuses_ids_that_make_invalid_tbx(ids, message):
    """A glossary that lint would fail was written as TBX with id="A B", or two concepts
    of one id: files a CAT tool refuses."""
    g = load_glossaries((str(HERE / "mini.tsv"),))
    entries = tuple(g.entries[k].__class__(i, (f"民政{k}",), f"civil affairs {k}")
                    for k, i in enumerate(ids))
    with pytest.raises(GlossaryError, match=message):
        to_tbx(g.__class__(entries))


def test_import_names_the_imported_files_lines_in_lint_findings(tmp_path):
    """'dup.tbx:9: ... duplicate id 'a1' (first on line 2)': line 2 was a TSV row."""
    from click.testing import CliRunner

    from pipeline.cli import main

    concept = TBX2008[TBX2008.index("    <termEntry"):TBX2008.index("  </body>")]
    tbx = tmp_path / "dup.tbx"
    tbx.write_text(TBX2008.replace(concept, concept + concept), encoding="utf-8")
    res = CliRunner().invoke(main, ["glossary", "import", str(tbx)])
    first = TBX2008.splitlines().index('    <termEntry id="c1">') + 1
    second = first + concept.count("\n")
    assert f"{tbx}:{second}: concept 'c1': lint: duplicate id 'c1' (first on line {first})" \
        in res.stderr


def test_nothing_a_dct_concept_says_is_dropped():
    """A term's source, a second source of the concept and a cross-reference were left
    out without a word."""
    tbx = TBX_DCT.replace(
        "<basic:subjectField>ministry</basic:subjectField>",
        "<basic:subjectField>ministry</basic:subjectField><basic:source>MCA site</basic:source>"
        "<basic:source>Xinhua</basic:source>"
        "<basic:crossReference>civil-affairs-bureau</basic:crossReference>").replace(
        "<term>Ministry of Civil Affairs</term>",
        "<term>Ministry of Civil Affairs</term><basic:source>mca.gov.cn</basic:source>")
    (entry,) = from_tbx(tbx.encode("utf-8")).entries
    assert entry.source == "MCA site"
    assert entry.note == ("source: Xinhua; see: civil-affairs-bureau; first; "
                          "Ministry of Civil Affairs: source: mca.gov.cn")


def _one(tbx: str):
    imported = from_tbx_imported(tbx)
    (entry,) = imported.glossary.entries
    return entry, [m for _, m in imported.changed]


def from_tbx_imported(tbx: str):
    from pipeline.glossary.exchange import read_tbx
    return read_tbx(tbx.encode("utf-8"), "x.tbx")


_MARTIF = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en-US"><text><body><termEntry id="c1">{concept}
<langSet xml:lang="{zh_tag}"><tig><term>民政部</term></tig>{more_zh}</langSet>
<langSet xml:lang="en-US">{english}</langSet></termEntry></body></text></martif>"""
_PREFERRED = ('<tig><term>Ministry of Civil Affairs</term><termNote type="administrativeStatus">'
              'preferredTerm-admn-sts</termNote></tig>')


def test_tbx_import_keeps_a_definitions_source_apart_from_the_concepts():
    concept = ('<descripGrp><descrip type="definition">the ministry</descrip>'
               '<admin type="source">Wikipedia</admin></descripGrp>'
               '<admin type="source">mca.gov.cn</admin>')
    entry, _ = _one(_MARTIF.format(concept=concept, zh_tag="zh-CN", more_zh="",
                                   english=_PREFERRED))
    assert entry.source == "mca.gov.cn"
    assert "source of the definition: Wikipedia" in entry.note


def test_tbx_import_says_what_it_guessed_and_reads_forbidden_and_cross_references():
    english = ("<tig><term>Home Affairs Bureau</term></tig>"
               "<tig><term>Civil Affairs Bureau</term></tig>")
    _, changed = _one(_MARTIF.format(concept="", zh_tag="zh-CN", more_zh="", english=english))
    assert any("no status: taken as admitted" in m for m in changed)
    english = (_PREFERRED + '<tig><term>Ministry of Home Affairs</term><termNote '
               'type="administrativeStatus">forbidden</termNote></tig>')
    concept = '<xref type="externalCrossReference" target="https://mca.gov.cn">MCA</xref>'
    entry, changed = _one(_MARTIF.format(concept=concept, zh_tag="zh-CN",
                                         more_zh="<tig><term>民政部門</term></tig>",
                                         english=english))
    assert entry.en_deprecated == ("Ministry of Home Affairs",) and "see: MCA" in entry.note
    entry, changed = _one(_MARTIF.format(concept="", zh_tag="zh-TW", more_zh="",
                                         english=_PREFERRED))
    assert any("zh-tw terms" in m for m in changed)


def test_tbx_min_of_before_2019_is_read():
    tbx = """<?xml version="1.0" encoding="UTF-8"?>
<TBX dialect="TBX-Min"><header><id>civil affairs</id><languages source="zh" target="en"/></header>
<body><conceptEntry id="C001"><subjectField>ministry</subjectField>
<langGroup xml:lang="zh"><termGroup><term>民政部</term><partOfSpeech>properNoun</partOfSpeech>
<administrativeStatus>preferred</administrativeStatus></termGroup></langGroup>
<langGroup xml:lang="en">
<termGroup><term>Ministry of Civil Affairs</term><administrativeStatus>preferred</administrativeStatus></termGroup>
<termGroup><term>Ministry of Home Affairs</term><administrativeStatus>notRecommended</administrativeStatus></termGroup>
</langGroup></conceptEntry></body></TBX>"""
    entry, _ = _one(tbx)
    assert (entry.id, entry.zh, entry.en_preferred, entry.en_deprecated, entry.pos,
            entry.domain) == ("C001", ("民政部",), "Ministry of Civil Affairs",
                              ("Ministry of Home Affairs",), "properNoun", "ministry")


def test_csv_import_says_when_it_takes_a_quote_off_a_file_export_did_not_write():
    g = load_glossaries((str(HERE / "mini.tsv"),))
    entry = g.entries[0].__class__("a", ("民政",), "civil affairs", (), (), "noun", "general",
                                   "-note", "src")
    exported = to_csv(g.__class__((entry,))).encode("utf-8")
    assert read_csv(exported).changed == ()  # its own guard: nothing to say
    third_party = exported.replace(b"\xef\xbb\xbf", b"").replace(b"\n", b"\r\n")
    got = read_csv(third_party)
    assert got.glossary.entries == (entry,)
    assert [m for _, m in got.changed] == [
        "row 'a': a leading ' taken off note (as export guards a cell a spreadsheet would "
        "run): check it was not the text's own"]


def test_an_explicit_preferred_term_wins_over_the_order_of_terms():
    data = tbx2019(concept("relief", term("救助"), term("assistance")
                           + term("relief", "preferredTerm-admn-sts")))
    got = read_tbx(data, "in.tbx")
    (entry,) = got.glossary.entries
    assert (entry.en_preferred, entry.en_admitted) == ("relief", ("assistance",))
    assert "'assistance' has no status: taken as admitted, beside 'relief'" in got.changed[0][1]


def test_nothing_a_concept_holds_is_dropped_and_a_conflict_is_named():
    """A second term in one term section and a second subject field were lost without a
    word; two statuses of one term kept the last."""
    data = tbx2019(
        concept("shop", "<termSec><term>慈善超市</term><term>爱心超市</term></termSec>",
                term("charity supermarket"),
                "<descrip type=\"subjectField\">charity</descrip>"
                "<descrip type=\"subjectField\">social-assistance</descrip>"),
        concept("two", term("街道"), "<termSec><term>subdistrict</term>"
                '<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
                '<termNote type="normativeAuthorization">deprecatedTerm</termNote>'
                "</termSec>"))
    got = read_tbx(data, "in.tbx")
    (entry,) = got.glossary.entries
    assert entry.zh == ("慈善超市", "爱心超市") and entry.domain == "charity"
    assert "subject field: social-assistance" in entry.note
    assert "two statuses (preferred, deprecated)" in got.skipped[0][1]


def test_three_letter_language_codes_are_read_and_unknown_ones_named():
    data = ('<tbx xmlns="urn:iso:std:iso:30042:ed-2"><text><body>'
            '<conceptEntry id="a"><langSec xml:lang="zho-CN">' + term("社区") + "</langSec>"
            '<langSec xml:lang="eng-US">' + term("community") + "</langSec></conceptEntry>"
            '<conceptEntry id="b"><langSec xml:lang="chn">' + term("街道") + "</langSec>"
            '<langSec xml:lang="en">' + term("subdistrict") + "</langSec></conceptEntry>"
            "</body></text></tbx>").encode("utf-8")
    got = read_tbx(data, "in.tbx")
    assert [(e.zh, e.en_preferred) for e in got.glossary.entries] == [(("社区",), "community")]
    assert "languages not read: chn" in got.skipped[0][1]
