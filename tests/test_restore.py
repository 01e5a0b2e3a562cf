"""Nothing lost: restore(clean(x)) == x on every corpus file and on generated text."""
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings, strategies as st

from pipeline.emit.jsonl import dumps_item, load_items
from pipeline.restore import restore_sources
from pipeline.runner import clean_text

from paths import CORPUS


def run(*args):
    from click.testing import CliRunner

    from pipeline.cli import main
    return CliRunner().invoke(main, list(args), catch_exceptions=False)

CORPUS_FILES = sorted(p for p in CORPUS.rglob("*") if p.suffix in (".txt", ".md"))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name)
def test_corpus_restores(path: Path):
    text = path.read_text(encoding="utf-8")
    item = clean_text(text, path.stem)
    back = load_items(dumps_item(item))[0]  # through the JSON form, as `restore` reads it
    assert restore_sources(back) == [text]


PIECES = st.sampled_from([
    "Title", "DATA:2022-08-17  Views:0", "Lao\xa0Niu", "民政部召开会议。", "the\u200bword",
    "Source：Beijing", "\n", "\n\n", "\r\n", "  ", "\t", "# ", "## ", "a", "A.", "（", "）",
    "ends with,", "lower case", "Café", "e\u0301", "\x07", "\u3000", "—", "1.2万",
])


@settings(max_examples=150, deadline=None)
@given(st.lists(PIECES, max_size=30).map("".join))
def test_generated_text_restores(text):
    item = clean_text(text, "gen")
    assert restore_sources(load_items(dumps_item(item))[0]) == [text]


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=200))
def test_any_text_restores(text):
    item = clean_text(text, "gen")
    assert restore_sources(load_items(dumps_item(item))[0]) == [text]


def test_restore_files_writes_every_item_whatever_its_id(tmp_path):
    """Ids that `clean` takes (a lone surrogate, NUL, 300 characters, one a pair's side
    name takes, two that differ only in slashes) each give a file, byte for byte."""
    import json

    records = [{"id": "\ud800x", "text": "One."}, {"id": "a\u0000", "text": "Two."},
               {"id": "x" * 300, "text": "Three."},
               {"id": "b", "zh": "民政部召开会议。", "en": "The ministry met."},
               {"id": "b.zh", "text": "Four."}, {"id": "c/d", "text": "Five."},
               {"id": "c//d", "text": "Six."}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    items = tmp_path / "items.jsonl"
    assert run("clean", str(src), "-o", str(items)).exit_code == 0
    back = tmp_path / "back"
    res = run("restore", str(items), "--files", str(back))
    assert res.exit_code == 0, res.output
    written = sorted(p.read_bytes() for p in back.rglob("*") if p.is_file())
    expected = sorted(t.encode("utf-8") for r in records
                      for t in ([r["text"]] if "text" in r else [r["zh"], r["en"]]))
    assert written == expected
    assert not [p for p in back.iterdir() if p.name.startswith(".mtclean")]


def test_restore_files_writes_nothing_when_one_file_cannot_be_written(tmp_path):
    items = tmp_path / "items.jsonl"
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "a", "text": "One."}\n{"id": "b", "text": "Two."}\n',
                   encoding="utf-8")
    assert run("clean", str(src), "-o", str(items)).exit_code == 0
    back = tmp_path / "back"
    (back / "b.txt").mkdir(parents=True)  # in the way of the second file
    res = run("restore", str(items), "--files", str(back))
    assert res.exit_code == 1 and "b.txt" in res.stderr and "Traceback" not in res.output
    assert sorted(p.name for p in back.iterdir()) == ["b.txt"]  # a.txt was not written


def test_restore_files_with_a_file_in_the_way_of_a_folder_writes_nothing(tmp_path):
    from click.testing import CliRunner
    from pipeline.cli import main
    (tmp_path / "in" / "zz").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text("The ministry met on Monday.\n", encoding="utf-8")
    (tmp_path / "in" / "zz" / "b.txt").write_text("Another meeting.\n", encoding="utf-8")
    back = tmp_path / "back"
    back.mkdir()
    (back / "a.txt").write_text("OLD\n", encoding="utf-8")
    (back / "zz").write_text("x\n", encoding="utf-8")
    runner = CliRunner()
    assert runner.invoke(main, ["run", str(tmp_path / "in"), "-o", str(tmp_path / "out"),
                                "--quiet"]).exit_code == 0
    res = runner.invoke(main, ["restore", str(tmp_path / "out" / "items.jsonl"), "--files",
                               str(back)])
    assert res.exit_code == 1 and "in the way" in res.stderr
    assert (back / "a.txt").read_text(encoding="utf-8") == "OLD\n"


def test_an_interrupt_during_the_moves_waits_until_all_files_are_in_place(tmp_path, monkeypatch):
    """Ctrl-C or SIGTERM while restore --files moved its files in left some of them
    written (76 of 11,118 in one try) and said no output file was left."""
    import os
    import signal

    from pipeline import io as pio
    moved = []
    real_replace = os.replace

    def replace(src, dst):
        if not moved:
            os.kill(os.getpid(), signal.SIGINT)  # arrives during the first move
        moved.append(dst)
        real_replace(src, dst)

    monkeypatch.setattr(pio.os, "replace", replace)
    stale = tmp_path / (pio.STAGE_PREFIX + "killed")
    stale.mkdir()
    (stale / "a.txt").write_text("left by kill -9")
    files = [(f"f{i}.txt", b"x") for i in range(20)]
    with pytest.raises(KeyboardInterrupt):
        pio.write_files(str(tmp_path), files)
    assert len(moved) == 20
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(n for n, _ in files)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from([b"{}", b"ab", b"", b"\r", b"\n", b"\r\n", b"\xe4\xb8\xad"]),
                max_size=12))
def test_restore_reads_lines_one_by_one_as_a_whole_file_split_at_once(tmp_path_factory, parts):
    """restore streams its input (an items.jsonl need not fit in memory) with the same
    lines, and so the same line numbers in errors, as the whole file split at once."""
    from pipeline.cli import _record_lines

    data = b"".join(parts)
    path = tmp_path_factory.mktemp("lines") / "items.jsonl"
    path.write_bytes(data)
    with _record_lines(str(path)) as lines:
        assert list(lines) == data.splitlines()


def test_restore_names_the_line_of_a_damaged_record_after_good_ones(tmp_path):
    from click.testing import CliRunner

    from pipeline.cli import main

    good = dumps_item(clean_text("a", "First item.\n"))
    bad = dumps_item(clean_text("b", "Second item.\n")).replace(b'"after":', b'"after" :', 1)
    record = __import__("json").loads(good)
    record["id"] = "c"
    record["edits"] = [{"rule": "x", "block": 0, "lang": "en", "offset": 0,
                        "before": "A", "after": "Z"}]
    damaged = __import__("json").dumps(record).encode() + b"\n"
    src = tmp_path / "items.jsonl"
    src.write_bytes(good + bad + b"\n" + damaged)
    res = CliRunner().invoke(main, ["restore", str(src), "-o", str(tmp_path / "out.txt")])
    assert res.exit_code == 1
    assert f"{src}:4 item 'c'" in res.output, res.output
    assert not (tmp_path / "out.txt").exists()


def test_a_live_writers_staging_folder_is_not_removed_by_another_write(tmp_path):
    """A second restore --files into the same folder removed the first one's staging
    folder while it wrote: the first failed, or left part of its files."""
    import pipeline.io as pio

    live = tmp_path / f"{pio.STAGE_PREFIX}{os.getppid()}.abc"  # (a live process's)
    live.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = tmp_path / f"{pio.STAGE_PREFIX}{dead.pid}.xyz"
    stale.mkdir()
    old_style = tmp_path / f"{pio.STAGE_PREFIX}killed"
    old_style.mkdir()
    pio.write_files(str(tmp_path), [("a.txt", b"x")])
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(["a.txt", live.name])
