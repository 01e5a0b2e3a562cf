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
