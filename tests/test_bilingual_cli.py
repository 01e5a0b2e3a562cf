"""The four bilingual input forms from the command line, and TMX output."""
import json
import xml.etree.ElementTree as ET

from click.testing import CliRunner
from hypothesis import given, settings, strategies as st
from defusedxml.ElementTree import fromstring

from pipeline.cli import main
from pipeline.emit.tmx import clean_xml_text, render_tmx, wrong_language
from pipeline.runner import SourceText, clean_sources
from pipeline.stages.align import sentence_pairs
from pipeline.stages.crosscheck import same_text

from bilingual import DOC, doc_sides

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def run(*args, **kw):
    return CliRunner().invoke(main, list(args), catch_exceptions=False, **kw)


def write_pair(tmp_path, stem="news", suffix=".txt"):
    zh, en = doc_sides()
    (tmp_path / f"{stem}.zh{suffix}").write_text(zh, encoding="utf-8")
    (tmp_path / f"{stem}.en{suffix}").write_text(en, encoding="utf-8")
    return tmp_path / f"{stem}.zh{suffix}", tmp_path / f"{stem}.en{suffix}"


def records(output):
    return [json.loads(line) for line in output.splitlines() if line.strip()]


def assert_bilingual(rec):
    texts = [b for b in rec["blocks"] if b["kind"] in ("title", "paragraph")]
    assert [b["lang"] for b in texts] == ["zh+en"] * 5
    assert [b["zh"] for b in texts] == DOC["zh"] and [b["en"] for b in texts] == DOC["en"]
    for b in texts:
        assert b["align"]["pairs"] and all("score" in p for p in b["align"]["pairs"])


def test_zh_and_en_options(tmp_path):
    zh, en = write_pair(tmp_path)
    res = run("clean", "--zh", str(zh), "--en", str(en))
    assert res.exit_code == 0, res.output
    (rec,) = records(res.output)
    assert rec["id"] == "news"
    assert_bilingual(rec)


def test_pair_found_in_a_folder_and_restored(tmp_path):
    (tmp_path / "in").mkdir()
    write_pair(tmp_path / "in", suffix=".md")
    out = tmp_path / "o.jsonl"
    assert run("clean", str(tmp_path / "in"), "-o", str(out)).exit_code == 0
    (rec,) = records(out.read_text(encoding="utf-8"))
    assert_bilingual(rec)
    res = run("restore", str(out))
    assert res.output == "".join(doc_sides())


def test_interleaved_file(tmp_path):
    path = tmp_path / "inter.txt"
    path.write_text("\n\n".join(x for z, e in zip(DOC["zh"], DOC["en"]) for x in (z, e)),
                    encoding="utf-8")
    res = run("clean", str(path))
    assert res.exit_code == 0, res.output
    assert_bilingual(records(res.output)[0])


def test_jsonl_with_zh_and_en(tmp_path):
    path = tmp_path / "items.jsonl"
    lines = [{"id": "a", "zh": "\n".join(DOC["zh"]), "en": "\n\n".join(DOC["en"])},
             {"id": "b", "zh": None, "en": "Title\n\nEnglish alone."},
             {"id": "c", "zh": "标题\n\n只有中文。"}]
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n",
                    encoding="utf-8")
    res = run("clean", str(path))
    assert res.exit_code == 0, res.output
    a, b, c = records(res.output)
    assert_bilingual(a)
    assert all(x["zh"] is None and x["en"] for x in b["blocks"])
    assert all(x["en"] is None and x["zh"] for x in c["blocks"])
    assert not any(x.get("align") for x in b["blocks"] + c["blocks"])


def test_one_side_only_from_options(tmp_path):
    zh, _ = write_pair(tmp_path)
    res = run("clean", "--zh", str(zh))
    assert res.exit_code == 0
    (rec,) = records(res.output)
    assert all(b["en"] is None for b in rec["blocks"])


def test_bilingual_markdown(tmp_path):
    zh, en = write_pair(tmp_path)
    res = run("clean", "--zh", str(zh), "--en", str(en), "--to", "md")
    parts = res.output.strip().split("\n\n")
    assert parts[:2] == ["# " + DOC["zh"][0], "# " + DOC["en"][0]]
    assert parts[2:4] == [DOC["zh"][1], DOC["en"][1]]


def test_tmx_parses_with_one_unit_per_pair(tmp_path):
    zh, en = write_pair(tmp_path)
    out = tmp_path / "o.tmx"
    assert run("clean", "--zh", str(zh), "--en", str(en), "--to", "tmx", "-o",
               str(out)).exit_code == 0
    data = out.read_bytes()
    root = fromstring(data)
    header = root.find("header")
    assert root.get("version") == "1.4" and header.get("srclang") == "zh"
    assert header.get("creationtool") == "mtclean" and header.get("creationtoolversion")
    units = root.findall("body/tu")
    item = clean_sources("news", [SourceText(str(zh), zh.read_text(), lang="zh"),
                                  SourceText(str(en), en.read_text(), lang="en")])
    pairs = [p for b in item.blocks for p in dict(b.align).get("pairs", ())
             if p["zh"] and p["en"]]
    assert len(units) == len(pairs) > 5
    tu = units[0]
    assert tu.get("srclang") == "zh"
    assert [p.text for p in tu.findall("prop") if p.get("type") == "x-item-id"] == ["news"]
    assert [t.get(XML_LANG) for t in tu.findall("tuv")] == ["zh", "en"]
    assert tu.find("tuv/seg").text == DOC["zh"][0]
    again = tmp_path / "again.tmx"
    run("clean", "--zh", str(zh), "--en", str(en), "--to", "tmx", "-o", str(again))
    assert again.read_bytes() == data


def test_tmx_language_tags_for_tools_that_want_a_region(tmp_path):
    zh, en = write_pair(tmp_path)
    out = tmp_path / "o.tmx"
    result = run("clean", "--zh", str(zh), "--en", str(en), "--to", "tmx", "--zh-lang",
                 "zh-CN", "--en-lang", "en-GB", "-o", str(out))
    assert result.exit_code == 0
    root = fromstring(out.read_bytes())
    assert root.find("header").get("srclang") == "zh-CN"
    units = root.findall("body/tu")
    assert units and {tu.get("srclang") for tu in units} == {"zh-CN"}
    assert {tuple(t.get(XML_LANG) for t in tu.findall("tuv")) for tu in units} == {
        ("zh-CN", "en-GB")}


def test_tmx_language_tag_of_the_wrong_language_or_format_is_refused(tmp_path):
    zh, en = write_pair(tmp_path)
    out = tmp_path / "o.tmx"
    wrong = run("clean", "--zh", str(zh), "--en", str(en), "--to", "tmx", "--zh-lang",
                "en-US", "-o", str(out))
    assert wrong.exit_code == 2 and "--zh-lang" in wrong.output and "Chinese" in wrong.output
    junk = run("clean", "--zh", str(zh), "--en", str(en), "--to", "tmx", "--en-lang",
               'en"><x', "-o", str(out))
    assert junk.exit_code == 2 and "--en-lang" in junk.output
    not_tmx = run("clean", "--zh", str(zh), "--en", str(en), "--zh-lang", "zh-TW")
    assert not_tmx.exit_code == 2 and "--to tmx" in not_tmx.output
    assert not out.exists()


def test_tmx_date_from_item():
    item = clean_sources("d", [SourceText("a", "会议举行\n\n日期：2022-08-17\n\n会议举行了。", lang="zh"),
                               SourceText("b", "Meeting\n\nThe meeting was held.", lang="en")])
    root = ET.fromstring(render_tmx([item]))
    assert {tu.get("creationdate") for tu in root.iter("tu")} == {"20220817T000000Z"}


def test_tmx_leaves_out_a_side_pasted_from_the_other():
    en = "The conference adopted the Beijing Declaration on Monday."
    item = clean_sources("u", [SourceText("u.zh.txt", f"会议\n\n会议在北京举行。\n\n{en}\n", lang="zh"),
                               SourceText("u.en.txt", f"Meeting\n\nThe meeting was held in "
                                          f"Beijing.\n\n{en}\n", lang="en")])
    segs = [seg.text for seg in ET.fromstring(render_tmx([item])).iter("seg")]
    assert "会议在北京举行。" in segs and en not in segs
    # the copy is reported on its block
    copied = [c for c in item.checks if c.check == "qa.identical"]
    assert [item.blocks[c.block].zh for c in copied] == [en]


def test_tmx_is_well_formed_for_forbidden_characters():
    item = clean_sources("x\x01", [SourceText("a", "会议\ud800举行。", "json", lang="zh"),
                                   SourceText("b", "The meeting\x0b was held.", "json",
                                              lang="en")])
    text = render_tmx([item])
    root = ET.fromstring(text.encode("utf-8", "surrogatepass"))
    notes = [n.text for n in root.iter("note")]
    assert notes and "U+D800" in notes[0]
    assert clean_xml_text("ok") == ("ok", [])


def test_tmx_from_jsonl_of_the_shared_form(tmp_path):
    path = tmp_path / "items.jsonl"
    path.write_text(json.dumps({"id": "w24", "zh": "\n".join(DOC["zh"]),
                                "en": "\n".join(DOC["en"])}, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    res = run("clean", str(path), "--to", "tmx")
    root = fromstring(res.output.encode("utf-8"))
    assert len(root.findall("body/tu")) >= len(DOC["zh"])


def test_bad_zh_file_is_one_line_error(tmp_path):
    res = run("clean", "--zh", str(tmp_path / "missing.zh.txt"), "--en",
              str(tmp_path / "x.en.txt"))
    assert res.exit_code != 0 and "missing.zh.txt" in res.output
    assert "Traceback" not in res.output and len(res.output.strip().splitlines()) == 1


def test_no_input_is_a_usage_error():
    res = run("clean")
    assert res.exit_code != 0 and "--zh" in res.output


def test_pair_named_as_two_arguments(tmp_path):
    zh, en = write_pair(tmp_path)
    res = run("clean", str(en), str(zh))
    assert res.exit_code == 0, res.output
    (rec,) = records(res.output)
    assert_bilingual(rec)
    assert [s["lang"] for s in rec["sources"]] == ["zh", "en"]


@settings(max_examples=40, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_tmx_well_formed_for_any_text(zh, en):
    item = clean_sources("any", [SourceText("a", zh + "。", "json", lang="zh"),
                                 SourceText("b", en + " and so on.", "json", lang="en")])
    root = ET.fromstring(render_tmx([item]).encode("utf-8", "surrogatepass"))
    pairs = sum(1 for b in item.blocks if b.zh and b.en for z, e, *_ in sentence_pairs(b)
                if not same_text(z, e)  # a copy makes no unit, nor a side without words
                and all(any(c.isalnum() for c in clean_xml_text(t)[0]) for t in (z, e))
                and not wrong_language(clean_xml_text(z)[0], clean_xml_text(e)[0]))
    assert len(root.findall("body/tu")) == pairs


def test_tmx_units_carry_words_and_ids_come_back_exactly():
    """An id with a carriage return, a line feed or a tab is read back as written (a
    parser turns a raw CR into LF); a unit whose side has no letter or digit (a mark
    alone, or nothing once the characters XML forbids are removed) is no unit."""
    ident = "a\rb\nc\td"
    item = clean_sources(ident, [SourceText("a", "会议举行。\n\n\ufffe\n\n——", "json", lang="zh"),
                                 SourceText("b", "Meeting held.\n\n\uffff\n\n…", "json",
                                            lang="en")])
    root = ET.fromstring(render_tmx([item]).encode("utf-8"))
    units = root.findall("body/tu")
    assert [[seg.text for seg in tu.iter("seg")] for tu in units] == [["会议举行。", "Meeting held."]]
    assert units[0].find("prop[@type='x-item-id']").text == ident


def test_restore_writes_each_file_of_a_pair_apart(tmp_path):
    """One stream runs the two files of a pair together; --files gives each back, byte
    for byte: its encoding (GB18030, a UTF-8 byte order mark) and its suffix."""
    zh, en = tmp_path / "a.zh.md", tmp_path / "a.en.md"
    zh.write_bytes("民政部召开会议。\r\n\r\n会议强调。".encode("gb18030"))  # no final newline
    en.write_text("\ufeffThe Ministry met.\n\nIt stressed.", encoding="utf-8")
    out = tmp_path / "a.jsonl"
    assert run("clean", "--zh", str(zh), "--en", str(en), "-o", str(out)).exit_code == 0
    back = tmp_path / "back"
    assert run("restore", str(out), "--files", str(back)).exit_code == 0
    assert sorted(p.name for p in back.iterdir()) == ["a.en.md", "a.zh.md"]
    assert (back / "a.zh.md").read_bytes() == zh.read_bytes()
    assert (back / "a.en.md").read_bytes() == en.read_bytes()
    res = run("restore", str(out), "--files", str(back), "-o", str(tmp_path / "x.txt"))
    assert res.exit_code == 2 and "contradict" in res.output


def test_restore_files_gives_back_names_that_are_not_utf8_or_hold_a_backslash(tmp_path):
    import os

    corpus = os.fsencode(tmp_path / "gb")
    os.makedirs(corpus)
    names = [b"\xd0\xc2\xce\xc5.zh.txt", b"\xd0\xc2\xce\xc5.en.txt", b"a\\b.txt"]
    texts = ["新闻\n\n会议举行。\n", "News\n\nThe meeting was held.\n", "Title\n\nText.\n"]
    for name, text in zip(names, texts):
        with open(os.path.join(corpus, name), "wb") as f:
            f.write(text.encode("utf-8"))
    out = tmp_path / "out"
    assert run("run", str(tmp_path / "gb"), "-o", str(out), "--quiet").exit_code == 0
    back = tmp_path / "back"
    assert run("restore", str(out / "items.jsonl"), "--files", str(back)).exit_code == 0
    restored = sorted(os.listdir(os.fsencode(back)))
    assert restored == sorted(names)
    for name, text in zip(names, texts):
        with open(os.path.join(os.fsencode(back), name), "rb") as f:
            assert f.read() == text.encode("utf-8")


def test_an_empty_file_of_a_pair_is_an_error_naming_it(tmp_path):
    zh, en = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    zh.write_text("民政部召开会议。", encoding="utf-8")
    en.write_text("\n\n", encoding="utf-8")
    res = run("clean", "--zh", str(zh), "--en", str(en))
    assert res.exit_code == 1
    assert f"{en}: empty file: this side of the pair has no text" in res.output


def test_swapped_or_doubled_sides_are_refused(tmp_path):
    """The English file given as --zh and the Chinese as --en made a TMX whose Chinese
    was labelled en (exit 0); the Chinese file given twice had its "English" side
    rewritten by the glossary."""
    zh, en = write_pair(tmp_path)
    res = run("clean", "--zh", str(en), "--en", str(zh), "--to", "tmx")
    assert res.exit_code == 1 and "given as the Chinese side, but the text is English" in \
        res.stderr and str(en) in res.stderr
    res = run("clean", "--zh", str(zh), "--en", str(zh))
    assert res.exit_code == 1 and "given as the English side, but the text is Chinese" in \
        res.stderr
    record = tmp_path / "r.jsonl"
    record.write_text(json.dumps({"id": "r", "zh": "The ministry met.", "en": "民政部开会。"})
                      + "\n", encoding="utf-8")
    res = run("clean", str(record))
    assert res.exit_code == 1 and "swapped" in res.stderr


def test_an_english_page_partly_left_in_chinese_is_still_english(tmp_path):
    zh = tmp_path / "p.zh.txt"
    en = tmp_path / "p.en.txt"
    zh.write_text("民政部召开会议。\n\n会议部署了救助工作。\n", encoding="utf-8")
    en.write_text("The ministry held a meeting.\n\n会议部署了救助工作。\n", encoding="utf-8")
    assert run("clean", "--zh", str(zh), "--en", str(en)).exit_code == 0
    # a Chinese page that quotes a long English text is Chinese still
    zh.write_text("联合国秘书长发表致辞\n\n秘书长在会上发表致辞，全文如下：\n\n" +
                  "The Secretary-General said the world must act on climate now. " * 20 +
                  "\n", encoding="utf-8")
    assert run("clean", "--zh", str(zh), "--en", str(en)).exit_code == 0


def test_a_tmx_without_units_says_so(tmp_path):
    page = tmp_path / "p.txt"
    page.write_text("Title\n\nOnly English here.\n", encoding="utf-8")
    res = run("clean", str(page), "--to", "tmx", "-o", str(tmp_path / "p.tmx"))
    assert res.exit_code == 0 and "no sentence pairs" in res.stderr
    zh, en = write_pair(tmp_path)
    res = run("clean", "--zh", str(zh), "--en", str(en), "--to", "tmx", "-o",
              str(tmp_path / "pair.tmx"))
    assert res.exit_code == 0 and res.stderr == ""


def test_a_sentence_broken_across_two_blocks_is_one_sentence_once_they_are_merged():
    """Alignment merges the two English blocks of one broken sentence; its sentences
    were still cut at the old boundary, so the TMX paired the Chinese sentence with
    half the English one and left the other half out."""
    from pipeline.stages.sentences import split_sentences

    zh = "民政部召开会议\n\n会议于2022年8月12日在北京举行，部署了下一阶段的社会救助工作，与会人员详细讨论了养老服务问题。他们还提出了措施。"
    en = ("Ministry holds meeting\n\nThe meeting was held in Beijing on August 12, 2022 to "
          "arrange the next stage of social assistance work and the participants\n\n"
          "discussed elderly care services in detail. They also proposed measures.")
    item = clean_sources("hw", [SourceText("a", zh, "json", lang="zh"),
                                SourceText("b", en, "json", lang="en")])
    (block,) = [b for b in item.blocks if b.zh and b.en and "participants" in b.en]
    assert list(block.en_sentences) == split_sentences(block.en, "en")
    pairs = [(z, e) for z, e, *_ in sentence_pairs(block)]
    assert pairs[0][1].endswith("participants discussed elderly care services in detail.")
    assert pairs[1] == ("他们还提出了措施。", "They also proposed measures.")


def test_tmx_files_no_text_under_the_other_languages_tag(tmp_path):
    """A pair of files whose Chinese file holds an English paragraph (or the reverse)
    wrote it under xml:lang="zh" beside the English one."""
    zh = "民政部召开会议\n\nThe Ministry of Civil Affairs held a meeting in Beijing on Friday to discuss elderly care.\n\n会议讨论了养老服务。"
    en = "Ministry holds meeting\n\nThe ministry met in Beijing on Friday about elderly care.\n\nThe meeting discussed elderly care services."
    item = clean_sources("m", [SourceText("a", zh, "json", lang="zh"),
                               SourceText("b", en, "json", lang="en")])
    root = ET.fromstring(render_tmx([item]).encode("utf-8"))
    for tu in root.findall("body/tu"):
        zh_seg, en_seg = [seg.text for seg in tu.iter("seg")]
        assert any("\u4e00" <= c <= "\u9fff" for c in zh_seg), zh_seg
    assert len(root.findall("body/tu")) >= 2
