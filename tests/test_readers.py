import json
import io

import pytest

from pipeline.errors import InputError
from pipeline.readers import InputItem, Rejected, iter_inputs, side_of


def collect(paths, **kw):
    return list(iter_inputs([str(p) for p in paths], **kw))


def test_pairs_zh_and_en_files_in_a_folder(tmp_path):
    (tmp_path / "a.zh.txt").write_text("民政部召开会议。", encoding="utf-8")
    (tmp_path / "a.en.txt").write_text("The ministry met.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("Alone.", encoding="utf-8")
    got = collect([tmp_path])
    assert [g.id for g in got] == ["a", "b"]
    assert [s.lang for s in got[0].sources] == ["zh", "en"]


def test_a_side_in_capitals_pairs_too(tmp_path):
    """c.zh.txt and c.EN.txt were two items, 'c' and 'c.EN'."""
    (tmp_path / "c.ZH.txt").write_text("民政部召开会议。", encoding="utf-8")
    (tmp_path / "c.EN.txt").write_text("The ministry met.", encoding="utf-8")
    got = collect([tmp_path])
    assert [g.id for g in got] == ["c"]
    assert [s.lang for s in got[0].sources] == ["zh", "en"]


def test_jsonl_forms_and_rejects(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_bytes(
        b'{"id": "1", "zh": "\xe6\xb0\x91\xe6\x94\xbf", "en": "Civil affairs"}\n'
        b'{"id": "2", "text": "Plain"}\n'
        b'not json\n'
        b'{"id": "3", "en": 5}\n'
        b'{"zh": "no id"}\n'
        b'{"id": "1", "en": "again"}\n'
        b'\n'
        b'{"id": "4", "en": null, "zh": "  "}\n')
    got = collect([f])
    assert [type(g).__name__ for g in got] == [
        "InputItem", "InputItem", "Rejected", "Rejected", "Rejected", "Rejected", "Rejected"]
    rejects = [g for g in got if isinstance(g, Rejected)]
    assert [r.where for r in rejects] == [f"{f}:3", f"{f}:4", f"{f}:5", f"{f}:6", f"{f}:8"]
    assert "malformed JSON" in rejects[0].reason
    assert "'en' must be a string" in rejects[1].reason
    assert "'id'" in rejects[2].reason
    assert "duplicate id '1'" in rejects[3].reason
    assert rejects[0].original == "not json"


def test_strict_raises_with_line(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_bytes(b'{"id": "1", "en": "ok"}\n{broken\n')
    with pytest.raises(InputError) as info:
        collect([f], strict=True)
    assert f"{f}:2" in str(info.value)


def test_empty_folder_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no input files"):
        collect([tmp_path])


def test_stdin_jsonl_and_text():
    got = list(iter_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(b'{"id":"x","en":"Hi."}\n'))))
    assert isinstance(got[0], InputItem) and got[0].id == "x"


def test_stdin_jsonl_whose_first_line_comes_late():
    """A pipe that brings a blank line, then (later) the records: one peek saw only the
    blank line, and 300 records became one text item."""
    import os
    import threading
    import time

    read, write = os.pipe()

    def feed():
        os.write(write, b"\n")
        time.sleep(0.3)
        os.write(write, b'{"id":"x","en":"Hi."}\n{"id":"y","en":"Bye."}\n')
        os.close(write)

    threading.Thread(target=feed).start()
    with open(read, "rb") as stdin:
        got = list(iter_inputs(["-"], stdin=stdin))
    assert [g.id for g in got] == ["x", "y"]
    assert [g.where for g in got] == ["<stdin>:2", "<stdin>:3"]


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf\n{\"id\":\"x\",\"en\":\"Hi.\"}\n",
                                  b"\xef\xbb\xbf{\"id\":\"x\",\"en\":\"Hi.\"}\n"])
def test_a_byte_order_mark_before_json_lines_is_no_record(tmp_path, data):
    path = tmp_path / "b.jsonl"
    path.write_bytes(data)
    assert [type(g).__name__ for g in iter_inputs([str(path)])] == ["InputItem"]
    assert [type(g).__name__ for g in iter_inputs(["-"], stdin=io.BytesIO(data))] == \
        ["InputItem"]


def test_side_of():
    assert side_of("x/y.zh.md") == ("y", "zh")


def test_stdin_text():
    got = list(iter_inputs(["-"], stdin=io.BufferedReader(io.BytesIO(b"Title\n\nBody."))))
    assert got[0].id == "stdin" and got[0].sources[0].text == "Title\n\nBody."


def test_folder_walk_skips_documentation(tmp_path):
    (tmp_path / "README.md").write_text("# About this corpus\n", encoding="utf-8")
    (tmp_path / "SOURCE.md").write_text("Where it comes from.\n", encoding="utf-8")
    (tmp_path / "news.txt").write_text("Title\n\nBody.\n", encoding="utf-8")
    assert [g.id for g in collect([tmp_path])] == ["news"]
    assert [g.id for g in collect([tmp_path / "README.md"])] == ["README"]


# wmt22-generaltest2022-docs/en-zh.news_docs.jsonl, doc egyptindependent.com.4763,
# segments 13-16: English source and Online-B's Chinese (tests/data/SOURCE.md), laid out
# as an English-first page with the Chinese of 13 and the English of 16 missing
IRAN_PAGE = "\n\n".join([
    "Under the original nuclear deal, abandoned in 2018 by then-President Donald Trump, "
    "Iran limited its nuclear program in return for relief from U.S., European Union and "
    "U.N. sanctions.",
    "The West fears the program would be used to develop weapons, something Tehran denies.",
    "西方担心该计划将被用于开发武器，德黑兰对此予以否认。",
    "Raisi said on Saturday that Tehran was serious in its nuclear talks in Vienna, the "
    "official IRNA news agency reported.",
    "据伊朗官方通讯社报道，莱西周六表示，德黑兰在维也纳举行的核谈判中是认真的。",
    "由于德黑兰拒绝与华盛顿直接接触，来自法国、英国、德国、俄罗斯和中国的外交官在美伊间接会谈中穿梭，"
    "旨在让双方恢复全面遵守该协议。"])


def test_a_record_of_an_english_first_page_is_read_back_in_its_order():
    from pipeline.emit.jsonl import dumps_item
    from pipeline.readers import record_to_item
    from pipeline.runner import SourceText, clean_sources
    import orjson

    item = clean_sources("iran", [SourceText("page.txt", IRAN_PAGE)])
    assert [b.sides for b in item.blocks][1:3] == [("en", "zh"), ("en", "zh")]
    source = record_to_item(orjson.loads(dumps_item(item)), "items.jsonl:1").sources[0]
    # each pair English first, as on the page: Chinese first, the runs would change
    assert source.text.index("The West fears") < source.text.index("西方担心")
    again = clean_sources("iran", [source])
    assert [(b.zh, b.en) for b in again.blocks] == [(b.zh, b.en) for b in item.blocks]
    assert again.edits == ()


def test_a_record_keeps_the_kinds_classification_gave_it():
    # an editor rewrote a photo credit in items.jsonl: it is still the caption, as a title
    # or a heading stays one; the kinds were given when the text was first read
    import orjson

    from pipeline.emit.jsonl import dumps_item
    from pipeline.readers import clean_input, record_to_item
    from pipeline.runner import clean_text

    item = clean_text("Title of the story\n\nPhoto by Fu Tian\n\nThe ministry met.\n", "t")
    assert [b.kind for b in item.blocks] == ["title", "caption", "paragraph"]
    rec = orjson.loads(dumps_item(item))
    rec["blocks"][1]["en"] = "Fu Tian took this picture of the meeting."
    out = clean_input(record_to_item(rec, "items.jsonl:1"))
    assert [b.kind for b in out.blocks] == ["title", "caption", "paragraph"]


def test_a_record_cleaned_again_is_not_aligned_again():
    # found by random examples: nothing paired when the item was first cleaned, but the
    # repair of the English ("Smith1.2万1.2万" -> "Smith 12,000 12,000") made its length
    # fit the Chinese paragraph, so aligning the record again paired them
    import orjson

    from pipeline.emit.jsonl import dumps_item
    from pipeline.readers import clean_input, record_to_item
    from pipeline.runner import SourceText, clean_sources

    zh = ("...Tierra del Sol画廊位于圣莫尼卡大道7414号。如需了解更多信息，请访问"
          "tierradelsolgallery.org。\n\n西索画作成为新画廊展览的焦点西索画作成为新画廊展览的焦点")
    item = clean_sources("p", [SourceText("a.zh.txt", zh, lang="zh"),
                               SourceText("a.en.txt", "\n\n\nMr. Smith1.2万1.2万", lang="en")])
    assert not any(b.zh and b.en for b in item.blocks)
    line = dumps_item(item)
    assert dumps_item(clean_input(record_to_item(orjson.loads(line), "items.jsonl:1"))) == line


def test_a_record_whose_cleaning_left_no_text_is_read_back():
    # a control character alone is text on input and nothing once cleaned: the record
    # is still the item, not an empty input to reject
    import orjson

    from pipeline.emit.jsonl import dumps_item
    from pipeline.readers import clean_input, record_to_item
    from pipeline.runner import SourceText, clean_sources

    item = clean_sources("p", [SourceText("a.en.txt", "\x08", lang="en")])
    line = dumps_item(item)
    assert dumps_item(clean_input(record_to_item(orjson.loads(line), "items.jsonl:1"))) == line


def test_a_record_of_junk_keeps_its_kinds():
    # tests/data/junk_pair.json: random pieces glued together. Classified again, a
    # bilingual paragraph of its record read as a title: a record's kinds stand, as its
    # pairing does
    import orjson

    from paths import ROOT
    from pipeline.emit.jsonl import dumps_item
    from pipeline.readers import clean_input, record_to_item

    junk = orjson.loads((ROOT / "tests" / "data" / "junk_pair.json").read_bytes())
    first = dumps_item(clean_input(record_to_item(junk, "junk.jsonl:1")))
    again = dumps_item(clean_input(record_to_item(orjson.loads(first), "items.jsonl:1")))
    assert again == first


def test_a_record_goes_to_a_worker_as_its_json_line(tmp_path):
    # pickling a record's nested dicts cost workers more than parsing the line again:
    # the line is sent, and parsed as the reader parsed it
    import pickle

    from pipeline.emit.jsonl import dumps_item
    from pipeline.runner import SourceText, clean_sources, clean_text

    lines = [dumps_item(clean_text("Title\n\nThe Ministry met\u00a0in Beijing.", "a")),
             b'{"id": "b", "text": "plain"}\n',
             dumps_item(clean_sources("c", [SourceText("c.zh.txt", "民政部召开会议。", lang="zh"),
                                            SourceText("c.en.txt", "The MCA met.", lang="en")]))]
    f = tmp_path / "items.jsonl"
    f.write_bytes(b"".join(lines))
    entries = list(iter_inputs([str(f)]))
    assert [e.record is not None for e in entries] == [True, False, True]
    for entry in entries:
        sent = pickle.dumps(entry)
        back = pickle.loads(sent)
        assert back == entry and back.record == entry.record
        if entry.record is not None:  # sent as the line, not as the dicts
            assert back.record_line == entry.record_line
            assert entry.record_line in sent
            assert entry.__reduce__()[1][-1] == entry.record_line
        else:  # the line stays with the reader (for a reject); the sources go
            assert entry.record_line is not None and back.record_line is None


def test_a_file_name_that_is_not_utf8_gives_an_id_utf8_can_hold(tmp_path):
    """Its bytes became lone surrogates in the id and the source name: escaped in the
    JSON output ("\\udcff"), which other JSON readers refuse."""
    import os

    os.makedirs(os.fsencode(tmp_path / "sub"))
    with open(os.fsencode(tmp_path / "sub") + b"/bad\xffname.txt", "wb") as f:
        f.write(b"Title\n\nSome text here.\n")
    (item,) = collect([tmp_path])
    assert item.id == "sub/bad\\xffname"
    assert item.sources[0].name.endswith("bad\\xffname.txt")
    item.id.encode("utf-8")
    item.sources[0].name.encode("utf-8")


def test_a_text_with_null_sides_beside_it_is_read(tmp_path):
    # every column written, the unused ones null: what pandas and many exporters write
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "a", "text": "The ministry met.", "zh": null, "en": null}\n'
                 '{"id": "b", "text": null, "zh": "会议举行。", "en": null}\n'
                 '{"id": "c", "text": null, "zh": null, "en": null}\n', encoding="utf-8")
    entries = list(iter_inputs([str(f)]))
    assert [type(e).__name__ for e in entries] == ["InputItem", "InputItem", "Rejected"]
    assert [s.text for s in entries[0].sources] == ["The ministry met."]
    assert [(s.lang, s.text) for s in entries[1].sources] == [("zh", "会议举行。")]
    assert entries[2].reason.startswith("no text")


def test_empty_sides_beside_a_text_and_a_key_added_to_a_record(tmp_path):
    from pipeline.emit.jsonl import dumps_item
    from pipeline.readers import clean_input
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "a", "text": "The ministry met.", "zh": "", "en": ""}\n',
                 encoding="utf-8")
    (entry,) = iter_inputs([str(f)])
    assert isinstance(entry, InputItem) and [s.text for s in entry.sources] == [
        "The ministry met."]
    # a key put beside mtclean's own record by hand is kept among its fields
    record = json.loads(dumps_item(clean_input(entry)))
    record["url2"] = "http://x.cn/2"
    g = tmp_path / "b.jsonl"
    g.write_text(json.dumps(record) + "\n", encoding="utf-8")
    (again,) = iter_inputs([str(g)])
    assert json.loads(dumps_item(clean_input(again)))["fields"] == {"url2": "http://x.cn/2"}


def test_fields_too_deep_or_no_finite_number_are_refused_and_a_hand_edit_keeps_them(tmp_path):
    from pipeline.emit.jsonl import dumps_item
    from pipeline.readers import clean_input
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "deep", "text": "Hi there.", "x": ' + "[" * 80 + "]" * 80 + "}\n"
                 '{"id": "nan", "text": "Hi there.", "x": NaN}\n', encoding="utf-8")
    reasons = [e.reason for e in iter_inputs([str(f)])]
    assert "nested more than 64 levels" in reasons[0] and "1e400 or NaN" in reasons[1]
    # mtclean's own record, with a number no JSON holds beside it
    g = tmp_path / "b.jsonl"
    g.write_text('{"id": "h", "text": "The ministry\\u00a0held a meeting.", "url": "http://x"}\n',
                 encoding="utf-8")
    record = dumps_item(clean_input(next(iter_inputs([str(g)])))).decode()
    bad = tmp_path / "c.jsonl"
    bad.write_text(record.rstrip("\n")[:-1] + ', "y": 1e400}\n', encoding="utf-8")
    assert "1e400" in next(iter_inputs([str(bad)])).reason
    # a record edited by hand is cleaned from its text, and keeps its fields
    edited = tmp_path / "d.jsonl"
    edited.write_text(record.replace('"en":"The ministry held', '"en":"The Ministry held'),
                      encoding="utf-8")
    item = clean_input(next(iter_inputs([str(edited)])))
    assert dict(item.fields) == {"url": "http://x"}


def test_a_key_given_twice_is_refused_and_a_long_integer_is_kept_exactly(tmp_path):
    from pipeline.emit.jsonl import dumps_item
    from pipeline.readers import clean_input
    f = tmp_path / "a.jsonl"
    f.write_text('{"id": "a", "text": "The ministry met.", "text": "Second text."}\n'
                 '{"id": "b", "text": "Hi.", "meta": {"k": 1, "k": 2}}\n'
                 '{"id": "c", "text": "He said \\"yes\\": the ministry met.", "n": '
                 '123456789012345678901234, "m": -9223372036854775809}\n',
                 encoding="utf-8")
    a, b, c = iter_inputs([str(f)])
    # either text would be lost without a word: the record is refused, naming the key
    assert isinstance(a, Rejected) and "key 'text' is given twice" in a.reason
    assert isinstance(b, Rejected) and "key 'k' is given twice" in b.reason
    assert isinstance(c, InputItem) and [s.text for s in c.sources] == [
        'He said "yes": the ministry met.']
    record = json.loads(dumps_item(clean_input(c)))
    assert record["fields"] == {"n": 123456789012345678901234, "m": -9223372036854775809}
    assert isinstance(record["fields"]["n"], int)
    with pytest.raises(InputError, match=r"a\.jsonl:1: .*given twice"):
        list(iter_inputs([str(f)], strict=True))
