"""Every kind of bad input gets a clear answer: one line naming the file (and line or
item), a non-zero exit code, no traceback, and no output file left half-written. In a
batch read (``iter_inputs`` without ``strict``) a bad item becomes a ``Rejected`` with its
reason, and the rest carry on."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.emit.jsonl import load_items
from pipeline.errors import DecodeError, InputError, MtcleanError, OutputError
from pipeline.io import atomic_output
from pipeline.batch.work import reject_line
from pipeline.readers import InputItem, Rejected, iter_inputs
from pipeline.restore import restore_sources
from pipeline.runner import clean_file, clean_text
from pipeline.stages.decode import decode_bytes

from paths import ROOT, SEED

ZH = "民政部召开会议，讨论慈善组织的登记与管理。\n"
EN = "The Ministry of Civil Affairs held a meeting in Beijing.\n"


def cli(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input,
                              catch_exceptions=False)


def assert_clear_error(res, *names, code=1):
    """One line on stderr, naming every one of ``names``, and the expected exit code."""
    assert res.exit_code == code, res.output
    err = res.stderr.strip()
    assert "\n" not in err, err
    assert err.startswith("mtclean: error: "), err
    assert "Traceback" not in res.output
    for name in names:
        assert str(name) in err, (name, err)
    assert err.endswith(")"), err  # every message ends with what to do, in brackets
    return err


def assert_only(folder: Path, *names: str):
    """No temporary or partial file was left next to the outputs."""
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)


# --- paths --------------------------------------------------------------------------------

def test_missing_file(tmp_path):
    err = assert_clear_error(cli("clean", tmp_path / "nope.txt"), "nope.txt")
    assert "no such file" in err


def test_missing_jsonl_file(tmp_path):
    err = assert_clear_error(cli("clean", tmp_path / "nope.jsonl"), "nope.jsonl")
    assert "no such file" in err


def test_folder_with_no_inputs(tmp_path):
    (tmp_path / "notes.pdf").write_bytes(b"%PDF-1.4")
    err = assert_clear_error(cli("clean", tmp_path), str(tmp_path))
    assert "no input files" in err


def test_unreadable_file(tmp_path, monkeypatch):
    # chmod 000 does not stop root, so the refusal is simulated where the file is read
    f = tmp_path / "locked.txt"
    f.write_text(EN, encoding="utf-8")

    def denied(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "read_bytes", denied)
    err = assert_clear_error(cli("clean", f), "locked.txt")
    assert "permission denied" in err


def test_unreadable_jsonl_file(tmp_path, monkeypatch):
    f = tmp_path / "locked.jsonl"
    f.write_text('{"id": "a", "en": "Hi."}\n', encoding="utf-8")
    real_open = open

    def denied(path, *args, **kwargs):
        if str(path) == str(f):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)

    monkeypatch.setattr("builtins.open", denied)
    err = assert_clear_error(cli("clean", f), "locked.jsonl")
    assert "permission denied" in err


def test_directory_given_as_restore_file(tmp_path):
    err = assert_clear_error(cli("restore", tmp_path), str(tmp_path))
    assert "folder" in err


def test_read_error_mid_file_is_an_input_error(tmp_path, monkeypatch):
    def failing(self):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(Path, "read_bytes", failing)
    with pytest.raises(InputError, match="Input/output error"):
        clean_file(str(SEED))


def test_output_folder_missing(tmp_path):
    out = tmp_path / "no" / "such" / "o.jsonl"
    err = assert_clear_error(cli("clean", SEED, "-o", out), str(out.parent))
    assert "does not exist" in err
    assert not (tmp_path / "no").exists()


def test_output_inside_a_file(tmp_path):
    blocker = tmp_path / "file.txt"
    blocker.write_text("keep")
    err = assert_clear_error(cli("clean", SEED, "-o", blocker / "o.jsonl"), "file.txt")
    assert "not a folder" in err
    assert blocker.read_text() == "keep"


@pytest.mark.parametrize("command", [
    ("clean", "{page}", "-o", "{page}"),
    ("clean", "--zh", "{zh}", "--en", "{page}", "-o", "{zh}"),
    ("clean", "{folder}", "--to", "md", "-o", "{folder}/page.md"),
    ("restore", "{record}", "-o", "{record}"),
    ("restore", "{record}", "-o", "{link}"),
    ("review", "{record}", "-o", "{record}"),
    ("glossary", "export", "{glossary}", "--to", "tbx", "-o", "{glossary}"),
    ("glossary", "import", "{tbx}", "-o", "{tbx}"),
    ("glossary", "stats", "{glossary}", "{record}", "-o", "{record}"),
])
def test_output_that_is_an_input_is_refused_and_the_input_kept(tmp_path, command):
    folder = tmp_path / "pages"
    folder.mkdir()
    page = folder / "page.txt"
    page.write_text("Title\n\nLao\u00a0Niu met the press.\n", encoding="utf-8")
    zh = tmp_path / "news.zh.txt"
    zh.write_text("标题\n\n老牛会见记者。\n", encoding="utf-8")
    record = tmp_path / "page.jsonl"
    assert cli("clean", page, "-o", record).exit_code == 0
    (tmp_path / "link.jsonl").symlink_to(record)
    glossary = tmp_path / "g.tsv"
    glossary.write_bytes((ROOT / "glossaries" / "projects" / "lnfund.tsv").read_bytes())
    tbx = tmp_path / "g.tbx"
    assert cli("glossary", "export", glossary, "--to", "tbx", "-o", tbx).exit_code == 0
    names = {"page": page, "zh": zh, "folder": folder, "record": record,
             "link": tmp_path / "link.jsonl", "glossary": glossary, "tbx": tbx}
    before = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    result = cli(*(part.format(**names) for part in command))
    assert result.exit_code == 1, result.output
    assert "output" in result.output and ("replace this input" in result.output
                                          or "read as input" in result.output)
    after = {p: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after == before


def test_output_is_a_folder(tmp_path):
    (tmp_path / "out").mkdir()
    err = assert_clear_error(cli("clean", SEED, "-o", tmp_path / "out"), "out")
    assert "is a folder" in err
    assert_only(tmp_path / "out")


def test_output_folder_not_writable(tmp_path, monkeypatch):
    # as root a read-only folder is still writable, so the refusal is simulated
    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tempfile.mkstemp", refuse)
    out = tmp_path / "o.jsonl"
    err = assert_clear_error(cli("clean", SEED, "-o", out), "o.jsonl")
    assert "Permission denied" in err
    assert_only(tmp_path)


def test_disk_full_while_writing(tmp_path):
    out = tmp_path / "o.jsonl"
    out.write_text("previous\n")
    with pytest.raises(OutputError, match="No space left"):
        with atomic_output(str(out)) as stream:
            stream.write(b"part of the output")
            raise OSError(28, "No space left on device")
    assert out.read_text() == "previous\n"
    assert_only(tmp_path, "o.jsonl")


def test_output_gets_the_permissions_a_new_file_or_the_replaced_one_has(tmp_path):
    # the temporary file is made private (0600): that must not outlive the rename
    import os
    import stat

    mask = os.umask(0o022)
    try:
        new = tmp_path / "new.md"
        assert cli("clean", SEED, "--to", "md", "-o", new).exit_code == 0
        assert stat.S_IMODE(new.stat().st_mode) == 0o644
        kept = tmp_path / "kept.md"
        kept.write_text("old\n")
        kept.chmod(0o640)
        assert cli("clean", SEED, "--to", "md", "-o", kept).exit_code == 0
        assert stat.S_IMODE(kept.stat().st_mode) == 0o640 and kept.read_text() != "old\n"
    finally:
        os.umask(mask)


def test_failure_part_way_leaves_old_output(tmp_path):
    out = tmp_path / "o.jsonl"
    out.write_text("previous\n")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert_clear_error(cli("clean", SEED, SEED.parent / "wmt21-hunan-projects.en.txt", bad, "-o", out), "bad.txt")
    assert out.read_text() == "previous\n"
    assert_only(tmp_path, "o.jsonl", "bad.txt")


def test_failure_part_way_prints_nothing_on_stdout(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    res = cli("clean", SEED, bad)
    assert_clear_error(res, "bad.txt")
    assert res.stdout == ""


# --- content ----------------------------------------------------------------------------

def _zip_bytes() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "hello")
    return buf.getvalue()


@pytest.mark.parametrize("name,data,expect", [
    ("image.png.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "PNG image"),
    ("photo.txt", b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4, "JPEG image"),
    ("archive.txt", _zip_bytes(), "ZIP archive"),
    ("archive.gz.txt", b"\x1f\x8b\x08\x00" + bytes(300), "gzip archive"),
    ("nul.txt", b"Hello\x00world\n" + b"\x00" * 100, "NUL bytes"),
    ("random.txt", bytes(range(256)) * 8, "not text"),
    ("invalid.txt", b"Hello \x80\x80\x80 world\n", "not text"),
    ("mixed.txt", ("民政部\n" * 3).encode() + "慈善组织\n".encode("gbk"), "mixed encodings"),
])
def test_refused_content(tmp_path, name, data, expect):
    f = tmp_path / name
    f.write_bytes(data)
    err = assert_clear_error(cli("clean", f, "-o", tmp_path / "o.jsonl"), name)
    assert expect in err
    assert "UTF-8" in err or "text" in err  # says what to do
    assert_only(tmp_path, name)


def test_refusal_names_the_line(tmp_path):
    f = tmp_path / "mixed.txt"
    f.write_bytes(("民政部\n" * 3).encode() + "慈善组织\n".encode("gbk"))
    assert_clear_error(cli("clean", f), "mixed.txt:4")
    g = tmp_path / "nul.txt"
    g.write_bytes(b"line one\nline two\x00" + b"\x00" * 50)
    assert_clear_error(cli("clean", g), "nul.txt:2")


@pytest.mark.parametrize("encoding,text,declared", [
    ("utf-8", ZH + EN, "utf-8"),
    ("utf-8-sig", ZH + EN, "utf-8-sig"),
    ("gb18030", ZH + EN, "gb18030"),
    ("gbk", ZH + EN, "gb18030"),  # GB18030 is a superset of GBK and GB2312
    ("big5", "民政部召開會議，討論慈善組織的登記與管理。\n" + EN, "big5"),
    ("utf-16", ZH + EN, "utf-16"),  # with BOM
    ("utf-16-le", EN + ZH, "utf-16-le"),  # without BOM, found by its zero bytes
    ("utf-16-be", EN + ZH, "utf-16-be"),
    ("utf-16-le", ZH * 3, "utf-16-le"),  # without BOM and without ASCII: no zero bytes
    ("utf-16-be", ZH * 3, "utf-16-be"),
    ("utf-32", ZH + EN, "utf-32"),
], ids=lambda v: v if isinstance(v, str) and v.isascii() and len(v) < 12 else "")
def test_accepted_encodings_restore_exactly(tmp_path, encoding, text, declared):
    f = tmp_path / "in.txt"
    f.write_bytes(text.encode(encoding))
    out = tmp_path / "o.jsonl"
    assert cli("clean", f, "-o", out).exit_code == 0
    item = load_items(out.read_bytes())[0]
    assert item.sources[0].encoding == declared
    assert restore_sources(item) == [text]


def test_a_few_nul_bytes_are_removed_as_edits(tmp_path):
    # a stray NUL inside text is a control character: removed, recorded, restorable
    text = "Hello\x00 world, the ministry met.\n"
    item = clean_text(text)
    assert "\x00" not in item.blocks[0].en
    assert any(e.rule == "repair.control_chars" and e.before.count("\x00") for e in
               item.edits)
    assert restore_sources(item) == [text]


@pytest.mark.parametrize("data", [b"", b"   \n\t\n\r\n  ", "\u3000\u3000\n".encode(),
                                  "\u200b\n".encode(), "\ufeff\u200d \u2060\n".encode()])
def test_empty_or_whitespace_file(tmp_path, data):
    f = tmp_path / "blank.txt"
    f.write_bytes(data)
    err = assert_clear_error(cli("clean", f, "-o", tmp_path / "o.jsonl"), "blank.txt")
    assert "empty input" in err
    assert_only(tmp_path, "blank.txt")


def test_empty_file_in_a_batch_is_rejected_and_the_rest_carry_on(tmp_path):
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "c.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    (tmp_path / "d.txt").write_text(ZH, encoding="utf-8")
    got = list(iter_inputs([str(tmp_path)]))
    assert [type(g).__name__ for g in got] == ["InputItem", "Rejected", "Rejected",
                                               "InputItem"]
    assert got[1].where.endswith("b.txt") and "empty" in got[1].reason
    assert got[2].where.endswith("c.txt") and "PNG" in got[2].reason
    assert got[1].original == ""  # the empty file is kept as it was
    assert got[2].original is None  # undecodable: the file itself is the original


def test_one_line_of_50_mb(tmp_path):
    unit = "The ministry met\u00a0in Beijing, and the delegates said so. "
    text = unit * (50 * 2 ** 20 // len(unit.encode("utf-8"))) + "\n"
    f = tmp_path / "long.txt"
    f.write_text(text, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert cli("clean", f, "-o", out).exit_code == 0
    del text
    back = tmp_path / "back.txt"
    assert cli("restore", out, "-o", back).exit_code == 0
    assert back.read_bytes() == f.read_bytes()


def test_a_hundred_thousand_one_character_lines():
    # a tenth of the size bench/bench_cost.py times (case mixed_lines): the time per MB
    # is flat, so what holds here holds there, in a tenth of the test suite's time
    text = "".join("ab\u00e9民。.A1 "[i % 9] + "\n" for i in range(100_000))
    item = clean_text(text)
    assert restore_sources(item) == [text]
    assert item.blocks and sum(len(b.text(b.sides[0]) or "") for b in item.blocks) > 0


EVERY_CATEGORY = (
    "Cafe\u0301 na\u0308ive \u0915\u093f "          # combining marks (Mn, Mc)
    "\U0001F600\U0001F1E8\U0001F1F3 \u2764\ufe0f "    # emoji, flags, variation selector
    "\ue000\U000F0000 "                               # private use
    "\u202eabc\u202c \u200f\u2066x\u2069 "            # bidi controls
    "\u200b\u200d\u00ad\u2028 "                       # format, line separator
    "\u0007\u001b "                                   # controls
    "\u00a0\u3000\u2003 "                             # spaces
    "\u2160\u00bd\u0660 "                             # numbers: letter, other, digit
    "\u02b0\u3005 \u2018\u201c\u00ab\u00bb\u201d\u2019 "  # modifiers, quotes
    "\u2014\u2012 \u00a9\u20ac\u02c6\u2200 "          # dashes, symbols
    "\ufffd\ufeff \U00010400\U0002A700 "              # replacement, BOM, astral letters
    "\u0301 民政部。 End.\n"                         # a leading combining mark
)


def test_every_unicode_category_restores(tmp_path):
    f = tmp_path / "uni.txt"
    f.write_text(EVERY_CATEGORY, encoding="utf-8")
    out = tmp_path / "o.jsonl"
    assert cli("clean", f, "-o", out).exit_code == 0
    assert restore_sources(load_items(out.read_bytes())[0]) == [EVERY_CATEGORY]
    md = tmp_path / "o.md"
    assert cli("clean", f, "--to", "md", "-o", md).exit_code == 0
    md.read_text(encoding="utf-8")  # valid UTF-8


def test_lone_surrogate_in_json_is_refused_with_its_place(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_bytes(b'{"id": "ok", "en": "Fine."}\n{"id": "x", "en": "a\\ud800b"}\n')
    err = assert_clear_error(cli("clean", f), "in.jsonl:2", "'x'")
    assert "surrogate" in err and "\\ud800" in err
    got = list(iter_inputs([str(f)]))
    assert isinstance(got[0], InputItem)
    assert isinstance(got[1], Rejected) and got[1].id == "x"
    assert got[1].original == '{"id": "x", "en": "a\\ud800b"}'  # the line, as it was


def test_surrogate_pair_escaped_in_json_is_a_character(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_bytes(b'{"id": "x", "en": "Smile \\ud83d\\ude00 please."}\n')
    res = cli("clean", f, "--to", "md")
    assert res.exit_code == 0 and "\U0001F600" in res.stdout


# --- JSON Lines ---------------------------------------------------------------------------

@pytest.mark.parametrize("line,reason", [
    (b'{"id": "a", "en": "unclosed', "malformed JSON"),
    # placed within the line: the parser's "line 2 column 1" would read as the file's
    (b'{"id": "a" "en": "x"}', "Expecting ',' delimiter at character 12 of the line"),
    (b'[1, 2, 3]', "expected a JSON object"),
    (b'"just a string"', "expected a JSON object"),
    (b'{"id": ["a"], "en": "x"}', "'id'"),
    (b'{"id": true, "en": "x"}', "'id'"),
    (b'{"id": "", "en": "x"}', "'id'"),
    (b'{"en": "no id"}', "'id'"),
    (b'{"id": "a", "en": 5}', "'en' must be a string"),
    (b'{"id": "a", "zh": {"t": 1}}', "'zh' must be a string"),
    (b'{"id": "a", "text": ["x"]}', "'text' must be a string"),
    (b'{"id": "a"}', "no text"),
    (b'{"id": "a", "text": "x", "en": "y"}', "both 'text' and 'zh'/'en'"),
    (b'{"id": "a", "en": " \\n "}', "empty text"),
    (b'{"id": "a", "en": "caf\xe9"}', "not UTF-8"),
    # deeper than the parsers go: a reject, not an internal error for the whole run
    (b'{"id": "a", "en": "x", "n": ' + b"[" * 3000 + b"]" * 3000 + b"}", "nested too deeply"),
])
def test_bad_jsonl_line(tmp_path, line, reason):
    f = tmp_path / "in.jsonl"
    f.write_bytes(b'{"id": "first", "en": "Fine."}\n' + line + b"\n"
                  b'{"id": "last", "zh": "\xe5\xa5\xbd\xe3\x80\x82"}\n')
    # batch: the bad line is rejected with its place; the others are kept
    got = list(iter_inputs([str(f)]))
    assert [type(g).__name__ for g in got] == ["InputItem", "Rejected", "InputItem"]
    assert got[1].where == f"{f}:2" and reason in got[1].reason
    # nothing lost: the line itself, or its exact bytes where it is no UTF-8 (the text
    # then shows U+FFFD for them: a lone surrogate would make rejects.jsonl invalid)
    if got[1].raw is None:
        assert got[1].original.encode("utf-8") == line
    else:
        assert got[1].raw == line and got[1].original == line.decode("utf-8", "replace")
        record = json.loads(reject_line(got[1].where, got[1].reason, got[1].original,
                                        got[1].id, got[1].raw))
        assert __import__("base64").b64decode(record["original_base64"]) == line
        assert record["original"].encode("utf-8")  # (a lone surrogate fails here)
    # clean: one line naming file and line, and no output
    out = tmp_path / "o.jsonl"
    err = assert_clear_error(cli("clean", f, "-o", out), "in.jsonl:2")
    assert reason in err
    assert_only(tmp_path, "in.jsonl")


def test_duplicate_ids(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "a", "en": "One."}\n{"id": "b", "en": "Two."}\n'
                 '{"id": "a", "en": "Three."}\n', encoding="utf-8")
    got = list(iter_inputs([str(f)]))
    assert isinstance(got[2], Rejected)
    assert "duplicate id 'a' (first at line 1" in got[2].reason
    assert_clear_error(cli("clean", f), "in.jsonl:3", "duplicate id 'a'")


def test_integer_ids_are_strings(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": 7, "en": "Seven."}\n', encoding="utf-8")
    res = cli("clean", f)
    assert res.exit_code == 0 and json.loads(res.stdout)["id"] == "7"


def test_restore_of_something_else(tmp_path):
    f = tmp_path / "other.jsonl"
    f.write_text('{"id": "a", "en": "not a cleaned record"}\n{"x": 1}\n')
    err = assert_clear_error(cli("restore", f), "other.jsonl:1")  # input, not output
    assert "not an mtclean record" in err
    f.write_text('{"id": "a", "blocks": []}\n{"x": 1}\n')
    assert "not an mtclean record" in assert_clear_error(cli("restore", f), "other.jsonl:2")
    g = tmp_path / "broken.jsonl"
    g.write_text("{oops\n")
    assert_clear_error(cli("restore", g), "broken.jsonl:1", "malformed JSON")


@pytest.mark.parametrize("change, problem", [
    (lambda r: r.update(id=5), "'id' is int, not a string"),
    (lambda r: r["blocks"][1].update(en=7), "block 1: block field 'en' is int"),
    (lambda r: r["edits"].append({"rule": "x", "block": 0, "lang": "en", "offset": 0,
                                  "before": 3, "after": ""}),
     "edit 0: edit field 'before' is int"),
])
def test_a_record_with_a_field_of_the_wrong_type(tmp_path, change, problem):
    page = tmp_path / "a.txt"
    page.write_text("Title\n\nBody.\n", encoding="utf-8")
    record = json.loads(cli("clean", page).stdout)
    change(record)
    f = tmp_path / "edited.jsonl"
    f.write_text(json.dumps(record) + "\n", encoding="utf-8")
    for command in (["review", f, "-o", tmp_path / "r.html"], ["restore", f]):
        assert_clear_error(cli(*command), "edited.jsonl:1", problem)
    assert not (tmp_path / "r.html").exists()
    # cleaned again, such a record is read from its text, into every format
    for fmt in ("jsonl", "tmx", "html", "md"):
        res = cli("clean", f, "--to", fmt)
        assert res.exit_code in (0, 1) and "internal error" not in res.output, res.output


def test_restore_of_a_tampered_record(tmp_path):
    out = tmp_path / "o.jsonl"
    assert cli("clean", SEED, "-o", out).exit_code == 0
    rec = json.loads(out.read_bytes())
    rec["edits"][0]["after"] = "something else entirely"
    out.write_text(json.dumps(rec) + "\n")
    err = assert_clear_error(cli("restore", out, "-o", tmp_path / "back.txt"),
                             "000_928918768c0ec3d6")
    assert "does not match" in err and "o.jsonl:1 " in err  # the record's file and line
    assert_only(tmp_path, "o.jsonl")


def test_decode_error_is_an_input_error():
    # callers can catch the whole family at once
    with pytest.raises(MtcleanError):
        decode_bytes(b"\x89PNG\r\n\x1a\n", "x.png")
    assert issubclass(DecodeError, InputError)


# --- interruption -------------------------------------------------------------------------

def _clean_writing(tmp_path: Path, out: Path) -> subprocess.Popen:
    """A ``clean -o out`` of a large input, returned once its temporary output exists:
    the run is then part-way through."""
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as f:
        for i in range(20000):
            f.write(json.dumps({"id": str(i), "en": EN * 3, "zh": ZH}) + "\n")
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "clean", str(src), "-o",
                             str(out)], env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    while not any(p.name.endswith(".tmp") for p in tmp_path.iterdir()):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the run never started writing"
        time.sleep(0.05)
    return proc


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_interrupt_during_clean_leaves_no_partial_file(tmp_path, sig):
    out = tmp_path / "o.jsonl"
    out.write_text("previous\n")
    proc = _clean_writing(tmp_path, out)
    time.sleep(0.2)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    err = err.decode()
    assert proc.returncode == 130, err
    assert "Traceback" not in err and err.count("\n") == 1
    assert "interrupted" in err
    assert out.read_text() == "previous\n"
    assert_only(tmp_path, "in.jsonl", "o.jsonl")


@pytest.mark.parametrize("delay", [0.1, 0.3, 0.6])
@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "kill"])
def test_an_interrupt_while_the_command_starts_ends_with_one_line(tmp_path, sig, delay):
    """During the imports (a second or so) an interrupt printed a traceback, or was
    printed and ignored by a library's destructor, or made click print "Aborted!"."""
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "run", str(SEED), "-o",
                             str(tmp_path / "out"), "--quiet"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    time.sleep(delay)
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=60)
    err = err.decode()
    if proc.returncode == 0:  # (a fast machine may have finished: nothing to test)
        return
    assert proc.returncode == 130, err
    assert err.count("\n") == 1 and "interrupted" in err, err


def test_langdetect_loads_whole_even_when_interrupted(monkeypatch):
    """langdetect loads its profiles under a bare except: a Ctrl-C part-way became its
    format error, which the stage took for "no answer", and the detector kept the
    languages loaded so far, for the rest of the run and every worker forked after."""
    from langdetect import detector_factory

    from pipeline.stages import detect

    calls = []
    real = detector_factory.DetectorFactory.add_profile

    def add_profile(self, *args):
        calls.append(1)
        if len(calls) == 20:
            os.kill(os.getpid(), signal.SIGINT)  # a real Ctrl-C, part-way
        return real(self, *args)

    monkeypatch.setattr(detector_factory.DetectorFactory, "add_profile", add_profile)
    monkeypatch.setattr(detector_factory, "_factory", None)
    detect._langdetect.cache_clear()
    with pytest.raises(KeyboardInterrupt):
        detect._langdetect()
    assert len(detector_factory._factory.langlist) == len(calls) > 20


@pytest.mark.parametrize("tamper", [
    lambda r: r["blocks"][0].update(en=5),
    lambda r: r["blocks"][0]["origin"].update(en={"doc": 3, "pos": 0, "gap": ""}),
    lambda r: r["edits"][0].update(block=999),
    lambda r: r["edits"][0].update(offset=-4),
    lambda r: r["edits"][0].update(before=None),
    lambda r: r["sources"][0].update(tail=["x"]),
], ids=["text-type", "origin-doc", "edit-block", "edit-offset", "edit-before", "tail"])
def test_restore_of_a_damaged_record(tmp_path, tamper):
    out = tmp_path / "o.jsonl"
    assert cli("clean", SEED, "-o", out).exit_code == 0
    rec = json.loads(out.read_bytes())
    tamper(rec)
    out.write_text(json.dumps(rec) + "\n")
    good = json.dumps({"id": "first", "blocks": []}) + "\n"
    out.write_text(good + json.dumps(rec) + "\n")
    res = cli("restore", out, "-o", tmp_path / "back.txt")
    err = assert_clear_error(res, "000_928918768c0ec3d6")
    assert "damaged record" in err and "o.jsonl:2" in err
    assert_only(tmp_path, "o.jsonl")


@pytest.mark.parametrize("text", [
    "中\n\n\U0001e5f4\n",  # a digit of a newer Unicode than int() knows
    "Article " + "1" * 5000 + "\n",  # more digits than int() converts
    "民政部召开会议。\n\nThe ministry gave " + "1" * 5000 + " yuan.\n",
    "一" * 400 + "点五\n\nx\n",
])
def test_digits_that_are_no_number_are_no_crash(tmp_path, text):
    """Found by fuzzing: int() and float() of what a pattern's \\d found raised."""
    page = tmp_path / "p.txt"
    page.write_text(text, encoding="utf-8")
    res = cli("clean", page)
    assert res.exit_code == 0 and "internal error" not in res.output
    zh, en = tmp_path / "a.zh.txt", tmp_path / "a.en.txt"
    zh.write_text("民政部。\n\n" + text, encoding="utf-8")  # (a Chinese side has Chinese)
    en.write_text("1" * 5000 + " thousand \U0001e5f4\n", encoding="utf-8")
    res = cli("clean", "--zh", zh, "--en", en)
    assert res.exit_code == 0 and "internal error" not in res.output


@pytest.mark.parametrize("block_change, problem", [
    ({"origin": "en"}, "block field 'origin' is str, not an object"),
    ({"sentences": 1}, "block field 'sentences' is int, not an object"),
    ({"align": {"type": "1-1", "score": {}}}, "alignment score is dict, not a number"),
])
def test_a_damaged_record_is_cleaned_from_its_text_and_refused_by_restore(
        tmp_path, block_change, problem):
    page = tmp_path / "a.txt"
    page.write_text("Title\n\nBody.\n", encoding="utf-8")
    record = json.loads(cli("clean", page).stdout)
    record["blocks"][0].update(block_change)
    f = tmp_path / "d.jsonl"
    f.write_text(json.dumps(record) + "\n", encoding="utf-8")
    res = cli("clean", f)
    assert res.exit_code == 0 and "internal error" not in res.output
    assert_clear_error(cli("restore", f), "d.jsonl:1", problem)


def refuse_listing(monkeypatch, name):
    """A folder called ``name`` refuses to be listed (chmod 000 does not stop root)."""
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)


def test_a_last_subfolder_that_cannot_be_listed_is_rejected_not_dropped(tmp_path, monkeypatch):
    # chmod 000 does not stop root: the refusal is simulated where the walk lists it
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text(EN, encoding="utf-8")
    refuse_listing(monkeypatch, "sub")
    entries = list(iter_inputs([str(tmp_path)]))
    assert [type(e).__name__ for e in entries] == ["InputItem", "Rejected"]
    assert "cannot list this folder" in entries[1].reason


def test_a_file_in_a_folder_that_cannot_be_entered_is_rejected(tmp_path, monkeypatch):
    # listed, but neither its kind nor its bytes can be read: a reject with the reason,
    # not an internal error that stops the run
    (tmp_path / "a.txt").write_text(EN, encoding="utf-8")
    (tmp_path / "noexec").mkdir()
    locked = tmp_path / "noexec" / "c.txt"
    locked.write_text(EN, encoding="utf-8")
    real = {name: getattr(Path, name) for name in ("is_file", "is_dir", "read_bytes")}

    def refusing(name):
        def method(self, *args, **kwargs):
            if self.name == "c.txt":
                raise PermissionError(13, "Permission denied", str(self))
            return real[name](self, *args, **kwargs)
        return method

    for name in real:
        monkeypatch.setattr(Path, name, refusing(name))
    entries = list(iter_inputs([str(tmp_path)]))
    assert [type(e).__name__ for e in entries] == ["InputItem", "Rejected"]
    assert "permission denied" in entries[1].reason


def test_output_to_a_pipe_is_refused_and_the_pipe_left_alone(tmp_path):
    page = tmp_path / "page.txt"
    page.write_text(EN, encoding="utf-8")
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    err = assert_clear_error(cli("clean", page, "-o", fifo), "pipe")
    assert "pipe or a device" in err
    assert fifo.is_fifo()


def test_output_folder_that_cannot_be_entered_is_a_clear_error(tmp_path, monkeypatch):
    page = tmp_path / "page.txt"
    page.write_text(EN, encoding="utf-8")
    real = Path.is_symlink

    def denied(self):
        if self.name == "x.jsonl":
            raise PermissionError(13, "Permission denied", str(self))
        return real(self)

    monkeypatch.setattr(Path, "is_symlink", denied)
    err = assert_clear_error(cli("clean", page, "-o", tmp_path / "priv" / "x.jsonl"),
                             "x.jsonl")
    assert "cannot write here" in err


def test_a_named_folder_that_cannot_be_listed_is_rejected_and_the_run_goes_on(tmp_path,
                                                                             monkeypatch):
    (tmp_path / "locked").mkdir()
    (tmp_path / "open").mkdir()
    (tmp_path / "open" / "a.txt").write_text(EN, encoding="utf-8")
    refuse_listing(monkeypatch, "locked")
    entries = list(iter_inputs([str(tmp_path / "locked"), str(tmp_path / "open")]))
    assert [type(e).__name__ for e in entries] == ["Rejected", "InputItem"]
    assert entries[0].id == "locked" and "cannot list" in entries[0].reason


def test_an_input_folder_inside_the_output_folder_is_named_as_such(tmp_path):
    (tmp_path / "out" / "sub").mkdir(parents=True)
    (tmp_path / "out" / "sub" / "a.txt").write_text(EN, encoding="utf-8")
    res = CliRunner().invoke(main, ["run", str(tmp_path / "out" / "sub"), "-o",
                                    str(tmp_path / "out")])
    assert res.exit_code == 1 and "inside the output folder" in res.stderr
    assert "link" not in res.stderr


def test_a_temporary_file_left_by_kill_9_is_removed_by_the_next_write(tmp_path):
    """kill -9 cannot be caught: ``clean -o`` leaves its temporary file. The next write
    of the same output removes it; a temporary file of a live writer stays."""
    out = tmp_path / "o.jsonl"
    proc = _clean_writing(tmp_path, out)
    proc.kill()
    proc.communicate(timeout=60)
    (left,) = [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")]
    live = tmp_path / f".o.jsonl.{os.getppid()}.abc123_x.tmp"  # (a live process)
    live.write_text("")
    other = tmp_path / ".o.jsonl.notes.tmp"  # not a name mtclean gives
    other.write_text("")
    small = tmp_path / "small.txt"
    small.write_text("A short page.\n", encoding="utf-8")
    res = subprocess.run([sys.executable, "-m", "pipeline", "clean", str(small), "-o",
                          str(out)], env=dict(os.environ, PYTHONPATH=str(ROOT)),
                         capture_output=True)
    assert res.returncode == 0, res.stderr
    assert not (tmp_path / left).exists()
    assert_only(tmp_path, "in.jsonl", "o.jsonl", "small.txt", live.name, other.name)
