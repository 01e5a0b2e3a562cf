"""`mtclean run`: order, byte identity across job counts, accounting, resume after a kill."""
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

import pipeline.batch as batch
from pipeline.batch import journal, progress, run_batch, work
from pipeline.cli import main

from paths import ROOT, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
BAD_LINES = ['{"id": "broken", "text": "no closing', '{"id": "n1", "text": "dup"}',
             '{"id": "nothing"}']


def record(i: int, variant: str = "") -> dict:
    """Items of three shapes: a whole press release, a zh/en pair, a short note."""
    if i % 3 == 0:
        return {"id": f"n{i}", "text": SEED_TEXT.replace("Lao Niu", f"Lao\u00a0Niu {i}{variant}")}
    if i % 3 == 1:
        return {"id": f"n{i}", "zh": f"民政部召开第{i}次会议。\n\n会议强调，要做好社会组织工作。{variant}",
                "en": f"The Ministry held meeting {i}，with  partners.\n\nIt stressed social "
                      f"work{variant}."}
    return {"id": f"n{i}", "text": f"Item {i}{variant}\n\nThis paragraph has\u00a0a no-break "
                                   "space and\nwas wrapped by hand."}


def write_jsonl(path: Path, n: int, *, bad: bool = True, changed: int | None = None) -> None:
    lines = [json.dumps(record(i, "x" if i == changed else ""), ensure_ascii=False)
             for i in range(n)]
    if bad:
        for k, line in enumerate(BAD_LINES):
            lines.insert(2 + 3 * k, line)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def corpus(tmp_path):
    """A folder with a JSON Lines file (with bad lines), text files, a pair, a binary
    file and an empty file."""
    folder = tmp_path / "in"
    folder.mkdir()
    write_jsonl(folder / "b.jsonl", 30)
    (folder / "a.txt").write_text(SEED_TEXT, encoding="utf-8")
    (folder / "c.zh.txt").write_text("民政部召开会议。", encoding="utf-8")
    (folder / "c.en.txt").write_text("The Ministry held a meeting.", encoding="utf-8")
    (folder / "d.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    (folder / "e.txt").write_bytes(b"")
    return folder


def outputs(outdir: Path) -> tuple[bytes, bytes, dict]:
    report = json.loads((outdir / "report.json").read_text(encoding="utf-8"))
    del report["timing"]
    return ((outdir / "items.jsonl").read_bytes(), (outdir / "rejects.jsonl").read_bytes(),
            report)


def lines_of(data: bytes) -> list[dict]:
    return [json.loads(line) for line in data.splitlines()]


def test_order_and_accounting(corpus, tmp_path):
    result = run_batch([str(corpus)], str(tmp_path / "out"), jobs=1)
    items, rejects, report = outputs(tmp_path / "out")
    ids = [r["id"] for r in lines_of(items)]
    assert ids == ["a"] + [f"n{i}" for i in range(30)] + ["c"]
    rej = lines_of(rejects)
    sources = [r["source"] for r in rej]
    jsonl = str(corpus / "b.jsonl")
    assert sources == [f"{jsonl}:3", f"{jsonl}:6", f"{jsonl}:9", str(corpus / "d.txt"),
                       str(corpus / "e.txt")]
    assert rej[0]["original"] == BAD_LINES[0] and "malformed JSON" in rej[0]["reason"]
    assert "duplicate id" in rej[1]["reason"] and rej[1]["original"] == BAD_LINES[1]
    assert "binary" in rej[3]["reason"] and "empty" in rej[4]["reason"]
    assert report["items"] == {"in": 37, "out": 32, "rejected": 5}
    assert result.report["items"]["in"] == len(ids) + len(rej)
    assert report["edits"]["repair.nbsp"] >= 30 and report["rejects"]["malformed JSON"] == 1
    assert not list((tmp_path / "out").glob("*.partial"))
    assert not (tmp_path / "out" / journal.JOURNAL).exists()


def test_output_identical_for_one_and_two_jobs(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_ITEMS", 2)  # many chunks, finishing out of order
    run_batch([str(corpus)], str(tmp_path / "one"), jobs=1)
    run_batch([str(corpus)], str(tmp_path / "two"), jobs=2)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")
    assert json.loads((tmp_path / "two" / "report.json").read_bytes())["timing"]["jobs"] == 2


def test_spawned_workers_give_the_same_bytes(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_ITEMS", 4)
    run_batch([str(corpus)], str(tmp_path / "one"), jobs=1)
    monkeypatch.setattr(batch, "START_METHOD", "spawn")  # macOS and Windows default
    run_batch([str(corpus)], str(tmp_path / "two"), jobs=2)
    assert outputs(tmp_path / "one") == outputs(tmp_path / "two")


def test_failing_item_is_rejected_not_fatal(corpus, tmp_path, monkeypatch):
    real = work.clean_input

    def flaky(inp, config):
        if inp.id == "n4":
            raise RuntimeError("boom")
        return real(inp, config)

    monkeypatch.setattr(work, "clean_input", flaky)
    run_batch([str(corpus)], str(tmp_path / "out"), jobs=1)
    items, rejects, report = outputs(tmp_path / "out")
    rej = [r for r in lines_of(rejects) if r["id"] == "n4"]
    assert rej and rej[0]["reason"] == "internal error: RuntimeError: boom"
    assert set(rej[0]["original"].values()) == {record(4)["zh"], record(4)["en"]}
    assert report["items"] == {"in": 37, "out": 31, "rejected": 6}
    assert "n4" not in [r["id"] for r in lines_of(items)]


def die_on_n7(chunk):
    if any(getattr(e, "id", None) == "n7" for _, e in chunk):
        os._exit(9)  # a worker killed by the kernel, say for lack of memory
    return work.process_chunk(chunk)


def test_an_item_that_kills_its_worker_is_rejected_and_the_run_goes_on(corpus, tmp_path,
                                                                      monkeypatch):
    """The item that kills every worker cleaning it (out of memory) is found by cleaning
    the chunks in flight one item at a time, and rejected with the reason; every other
    item comes out as in a run where no worker died. It used to stop the run, and every
    rerun of it, at the same place, with no name for the item."""
    monkeypatch.setattr(batch, "CHUNK_ITEMS", 2)
    monkeypatch.setattr(batch, "COMMIT_SECONDS", 0)
    monkeypatch.setattr(batch, "process_chunk", die_on_n7)
    result = run_batch([str(corpus)], str(tmp_path / "out"), jobs=2)
    monkeypatch.undo()
    # (one death in the pool, two more of the item alone, in two fresh workers)
    assert result.report["timing"]["worker_deaths"] == 3
    assert result.report["timing"]["items_cleaned_alone"] >= 2
    items, rejects, report = outputs(tmp_path / "out")
    (dead,) = [r for r in lines_of(rejects) if r["id"] == "n7"]
    assert dead["reason"].startswith("the process cleaning this item died (exit code 9)")
    assert set(dead["original"].values()) == {record(7)["zh"], record(7)["en"]}
    run_batch([str(corpus)], str(tmp_path / "ref"), jobs=1)
    ref_items, ref_rejects, ref_report = outputs(tmp_path / "ref")
    assert items == b"".join(line for line in ref_items.splitlines(keepends=True)
                             if b'"id":"n7"' not in line)
    assert report["items"]["in"] == ref_report["items"]["in"]
    assert report["items"]["rejected"] == ref_report["items"]["rejected"] + 1


def die_twice_on_n7(chunk):
    """Dies the first two times it meets n7 (a counter in a file, across processes):
    a kill from outside, not the item's doing."""
    marker = Path(os.environ["MTCLEAN_TEST_DEATHS"])
    if any(getattr(e, "id", None) == "n7" for _, e in chunk):
        deaths = len(marker.read_text()) if marker.exists() else 0
        if deaths < 2:
            marker.write_text("x" * (deaths + 1))
            os._exit(9)
    return work.process_chunk(chunk)


def test_a_worker_killed_again_while_items_are_cleaned_alone_rejects_nothing(
        corpus, tmp_path, monkeypatch):
    """A second kill, of the worker cleaning an item alone, made that good item a
    permanent reject: an item is rejected only when it kills two fresh workers."""
    monkeypatch.setattr(batch, "CHUNK_ITEMS", 2)
    monkeypatch.setattr(batch, "process_chunk", die_twice_on_n7)
    monkeypatch.setenv("MTCLEAN_TEST_DEATHS", str(tmp_path / "deaths"))
    result = run_batch([str(corpus)], str(tmp_path / "out"), jobs=2)
    monkeypatch.undo()
    assert result.report["timing"]["worker_deaths"] == 2
    run_batch([str(corpus)], str(tmp_path / "ref"), jobs=1)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "ref")


def memory_error_on_n7(chunk):
    if any(getattr(e, "id", None) == "n7" for _, e in chunk):
        raise MemoryError  # (escaped process_entry: even the reject line failed)
    return work.process_chunk(chunk)


def test_an_error_that_escapes_a_worker_rejects_its_item_not_the_run(corpus, tmp_path,
                                                                      monkeypatch):
    """A MemoryError raised again while the worker wrote the item's reject escaped the
    worker: the run stopped with an internal error, and every rerun at the same item."""
    monkeypatch.setattr(batch, "CHUNK_ITEMS", 2)
    monkeypatch.setattr(batch, "process_chunk", memory_error_on_n7)
    run_batch([str(corpus)], str(tmp_path / "out"), jobs=2)
    monkeypatch.undo()
    _, rejects, _ = outputs(tmp_path / "out")
    (dead,) = [r for r in lines_of(rejects) if r["id"] == "n7"]
    assert dead["reason"].startswith("the process cleaning this item died (MemoryError)")


def die_always(chunk):
    os._exit(9)


def test_workers_that_die_on_no_item_at_all_are_one_clear_error(corpus, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_ITEMS", 2)
    monkeypatch.setattr(batch, "COMMIT_SECONDS", 0)
    monkeypatch.setattr(batch, "process_chunk", die_always)
    with pytest.raises(batch.MtcleanError, match="worker processes die even with no item"):
        run_batch([str(corpus)], str(tmp_path / "out"), jobs=2)
    monkeypatch.undo()
    run_batch([str(corpus)], str(tmp_path / "out"), jobs=1)
    run_batch([str(corpus)], str(tmp_path / "ref"), jobs=1)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "ref")


def test_full_disk_is_one_clear_error_and_resumable(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_ITEMS", 2)
    monkeypatch.setattr(batch, "COMMIT_SECONDS", 0)
    real_fsync, calls = os.fsync, []

    def fsync_until_full(fd):  # a full disk shows when written data is made durable
        calls.append(fd)
        if len(calls) > 7:
            raise OSError(28, "No space left on device")
        return real_fsync(fd)

    monkeypatch.setattr(journal.os, "fsync", fsync_until_full)
    out = tmp_path / "out"
    res = CliRunner().invoke(main, ["run", str(corpus), "-o", str(out), "--quiet",
                                    "--sync-every", "0", "--jobs", "1"])
    assert res.exit_code == 1
    message = res.output
    assert "No space left on device" in message and str(out) in message
    assert "internal error" not in message and "Traceback" not in message
    assert not (out / "items.jsonl").exists()  # nothing published half-written
    monkeypatch.undo()
    run_batch([str(corpus)], str(out), jobs=1)  # space freed: the same run resumes
    run_batch([str(corpus)], str(tmp_path / "ref"), jobs=1)
    assert outputs(out) == outputs(tmp_path / "ref")


class Stop(Exception):
    pass


def interrupt_after(calls: int):
    seen = []

    def progress_fn(entries, chars):
        seen.append(entries)
        if len(seen) >= calls:
            raise Stop()

    return progress_fn


def test_resume_after_interruption_and_torn_writes(corpus, tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_ITEMS", 3)
    monkeypatch.setattr(batch, "COMMIT_SECONDS", 0)
    run_batch([str(corpus)], str(tmp_path / "ref"), jobs=1)
    out = tmp_path / "out"
    with pytest.raises(Stop):
        run_batch([str(corpus)], str(out), jobs=1, progress=interrupt_after(4))
    # a crash after writing lines but before journalling them, and inside a journal line
    with open(out / "items.jsonl.partial", "ab") as f:
        f.write(b'{"id":"n9","meta":{"da')
    with open(out / journal.JOURNAL, "ab") as f:
        f.write(b"12 abcdef 99")
    result = run_batch([str(corpus)], str(out), jobs=1)
    assert outputs(out) == outputs(tmp_path / "ref")
    assert result.report["timing"]["items_resumed"] == 9  # three chunks were journalled


def interrupted_run(tmp_path, monkeypatch, n: int) -> Path:
    """A run over ``n`` items stopped after five chunks of two, each journalled."""
    monkeypatch.setattr(batch, "CHUNK_ITEMS", 2)
    monkeypatch.setattr(batch, "COMMIT_SECONDS", 0)
    src = tmp_path / "c.jsonl"
    write_jsonl(src, n, bad=False)
    with pytest.raises(Stop):
        run_batch([str(src)], str(tmp_path / "out"), jobs=1, progress=interrupt_after(5))
    return src


def test_changed_item_is_processed_again(tmp_path, monkeypatch):
    src = interrupted_run(tmp_path, monkeypatch, 20)
    write_jsonl(src, 20, bad=False, changed=3)
    result = run_batch([str(src)], str(tmp_path / "out"), jobs=1)
    run_batch([str(src)], str(tmp_path / "ref"), jobs=1)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "ref")
    assert result.report["timing"]["items_resumed"] == 3  # n0..n2 kept, redone from n3
    assert "Niu 3x" in (tmp_path / "out" / "items.jsonl").read_text(encoding="utf-8")


def test_shorter_input_drops_journalled_tail(tmp_path, monkeypatch):
    src = interrupted_run(tmp_path, monkeypatch, 12)
    write_jsonl(src, 4, bad=False)
    run_batch([str(src)], str(tmp_path / "out"), jobs=1)
    run_batch([str(src)], str(tmp_path / "ref"), jobs=1)
    assert outputs(tmp_path / "out") == outputs(tmp_path / "ref")


def test_inputs_are_read_in_a_bounded_window(tmp_path, monkeypatch):
    monkeypatch.setattr(batch, "CHUNK_ITEMS", 2)
    src = tmp_path / "c.jsonl"
    write_jsonl(src, 120, bad=False)
    read = [0]
    real = batch.iter_inputs

    def counting(*args, **kw):
        for entry in real(*args, **kw):
            read[0] += 1
            yield entry

    monkeypatch.setattr(batch, "iter_inputs", counting)
    done, ahead = [0], []

    def progress_fn(entries, chars):
        done[0] += entries
        ahead.append(read[0] - done[0])

    run_batch([str(src)], str(tmp_path / "out"), jobs=2, progress=progress_fn)
    bound = 2 * batch.WINDOW_PER_JOB * batch.CHUNK_ITEMS + batch.CHUNK_ITEMS
    assert done[0] == 120 and max(ahead) <= bound


def journalled(outdir: Path) -> int:
    try:
        return (outdir / journal.JOURNAL).read_bytes().count(b"\n") - 1
    except FileNotFoundError:
        return 0


def test_resume_after_kill_9_is_byte_identical(tmp_path):
    """A real run is killed with SIGKILL at seeded random points (twice), then resumed."""
    rnd = random.Random(6)
    src = tmp_path / "big.jsonl"
    write_jsonl(src, 4000)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "run", str(src), "-o", str(out),
           "--jobs", "2", "--quiet", "--sync-every", "0.05"]  # many points to resume from
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    codes = []
    target = 0
    for _ in range(2):
        target += rnd.randint(50, 1200)  # entries journalled before the kill
        with open(tmp_path / "stderr.txt", "ab") as err:
            proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stderr=err)
        while proc.poll() is None and journalled(out) < target:
            time.sleep(0.01)
        time.sleep(rnd.uniform(0, 0.15))  # and then some: lines written, not journalled
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
        codes.append(proc.wait())
    assert codes[0] == -signal.SIGKILL, ("the run ended before it could be killed", codes,
                                         (tmp_path / "stderr.txt").read_text())
    assert (out / "items.jsonl.partial").exists()
    res = subprocess.run(cmd, env=env, cwd=ROOT, capture_output=True)
    assert res.returncode == 0, res.stderr
    run_batch([str(src)], str(tmp_path / "ref"), jobs=1)
    assert outputs(out) == outputs(tmp_path / "ref")
    timing = json.loads((out / "report.json").read_bytes())["timing"]
    assert timing["items_resumed"] > 0


def _workers(pid: int) -> list[int]:
    found = subprocess.run(["ps", "--ppid", str(pid), "-o", "pid="], capture_output=True,
                           text=True).stdout.split()
    return [int(p) for p in found]


@pytest.mark.parametrize("how", ["kill -9 a worker", "Ctrl-C to the process group"])
def test_a_killed_worker_or_ctrl_c_ends_the_run_with_one_line(tmp_path, how):
    """A worker killed while the others write results (the system's OOM killer), or
    SIGINT sent to every process of the run (Ctrl-C in a terminal): the run ends with
    one line, no traceback, and the same bytes as a run undisturbed (a killed worker's
    items are cleaned again; after Ctrl-C, the same command resumes). The run used to
    hang for ever on the pool's pipe, or print the workers' tracebacks."""
    src = tmp_path / "big.jsonl"
    write_jsonl(src, 3000)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "run", str(src), "-o", str(out), "--jobs", "2",
           "--quiet", "--sync-every", "0.05"]
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    # (with faulthandler: should it hang, SIGABRT prints where every thread waits)
    proc = subprocess.Popen([sys.executable, "-X", "faulthandler"] + cmd[1:], env=env,
                            cwd=ROOT, stderr=subprocess.PIPE, start_new_session=True)
    deadline = time.monotonic() + 60
    while proc.poll() is None and (journalled(out) < 100 or len(_workers(proc.pid)) < 2):
        assert time.monotonic() < deadline, "the run never started its workers"
        time.sleep(0.02)
    assert proc.poll() is None, proc.communicate()
    if how.startswith("kill"):
        os.kill(_workers(proc.pid)[0], signal.SIGKILL)
    else:
        os.killpg(proc.pid, signal.SIGINT)
    try:
        _, err = proc.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        proc.send_signal(signal.SIGABRT)
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            err = b""
        os.killpg(proc.pid, signal.SIGKILL)
        raise AssertionError(f"the run hung after {how}:\n{err.decode(errors='replace')}")
    text = err.decode()
    assert proc.returncode == (0 if how.startswith("kill") else 130), text
    assert "Traceback" not in text and text.count("\n") == 1, text
    assert ("a worker process died (1 time)" if how.startswith("kill")
            else "interrupted") in text
    assert subprocess.run(cmd, env=env, cwd=ROOT).returncode == 0
    run_batch([str(src)], str(tmp_path / "ref"), jobs=1)
    assert outputs(out) == outputs(tmp_path / "ref")


def test_entry_hash_depends_on_config():
    entry = next(iter(batch.iter_inputs([str(SEED)])))
    plain = work.config_fingerprint(batch.Config())
    off = work.config_fingerprint(batch.Config(disabled=frozenset({"repair.nbsp"})))
    assert work.entry_hash(entry, plain) != work.entry_hash(entry, off)


def test_entry_hash_follows_the_code(monkeypatch):
    """A run resumed after the code changed kept the old code's lines: the version
    number, all the fingerprint had of the code, does not change with each fix."""
    assert len(work.code_digest.__wrapped__()) == 32  # (the real one reads the package)
    entry = next(iter(batch.iter_inputs([str(SEED)])))
    before = work.entry_hash(entry, work.config_fingerprint(batch.Config()))
    monkeypatch.setattr(work, "code_digest", lambda: "another build")
    after = work.entry_hash(entry, work.config_fingerprint(batch.Config()))
    assert before != after


def test_entry_hash_follows_the_shipped_glossary(tmp_path, monkeypatch):
    """Editing the shipped glossary between runs makes a resumed run redo every item."""
    from pipeline.glossary import model
    entry = next(iter(batch.iter_inputs([str(SEED)])))
    copy = tmp_path / "civil-affairs.tsv"
    copy.write_bytes(model.SHIPPED.read_bytes())
    monkeypatch.setattr(model, "SHIPPED", copy)
    before = work.entry_hash(entry, work.config_fingerprint(batch.Config()))
    with open(copy, "ab") as f:
        f.write(b"\n")
    after = work.entry_hash(entry, work.config_fingerprint(batch.Config()))
    assert before != after


def test_report_names_each_glossary_with_its_digest(tmp_path):
    import hashlib
    project = ROOT / "glossaries" / "projects" / "lnfund.tsv"
    run_batch([str(SEED)], str(tmp_path / "out"), jobs=1,
              config=batch.Config(glossaries=(str(ROOT / "glossaries" / "civil-affairs.tsv"),
                                              str(project))))
    listed = json.loads((tmp_path / "out" / "report.json").read_bytes())["config"]["glossaries"]
    assert [g["file"] for g in listed] == ["glossaries/civil-affairs.tsv", str(project)]
    assert listed[1]["sha256"] == hashlib.sha256(project.read_bytes()).hexdigest()


# --- the command -----------------------------------------------------------------------------

def cli(*args):
    return CliRunner().invoke(main, ["run", *args], catch_exceptions=False)


@pytest.mark.parametrize("option, content", [
    ("--glossary", None), ("--add-glossary", "id\tzh\n")], ids=["missing", "bad-header"])
def test_a_glossary_that_cannot_load_stops_the_run_before_it_starts(tmp_path, option,
                                                                    content):
    """It rejected every item, each with a reason that named no file, and exited 0."""
    glossary = tmp_path / "g.tsv"
    if content is not None:
        glossary.write_text(content, encoding="utf-8")
    res = cli(str(SEED), "-o", str(tmp_path / "out"), option, str(glossary))
    assert res.exit_code == 1
    assert res.stderr.startswith("mtclean: error: ") and str(glossary) in res.stderr
    assert not (tmp_path / "out").exists()


def test_cli_run_prints_summary(corpus, tmp_path):
    res = cli(str(corpus), "-o", str(tmp_path / "out"), "--jobs", "1")
    assert res.exit_code == 0, res.output
    assert "items: 37 in, 32 out, 5 rejected" in res.stderr
    assert "repair.nbsp" in res.stderr and "chars/s" in res.stderr
    quiet = cli(str(corpus), "-o", str(tmp_path / "out2"), "-j", "1", "--quiet")
    assert quiet.exit_code == 0 and quiet.output == ""


@pytest.mark.parametrize("make_args, message", [
    (lambda t: [str(t / "missing"), "-o", str(t / "out")], "no such file or folder"),
    (lambda t: [str(t / "empty_dir"), "-o", str(t / "out")], "folder has no input files"),
    (lambda t: [str(SEED), "-o", str(SEED)], "not a folder"),
    (lambda t: [str(t / "in"), "-o", str(t / "in" / "out")], "inside this input folder"),
    (lambda t: [str(SEED), "-o", str(t / "ro" / "out")], "cannot write"),
])
def test_cli_errors_are_one_line(tmp_path, make_args, message):
    (tmp_path / "empty_dir").mkdir()
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Title", encoding="utf-8")
    (tmp_path / "ro").mkdir()
    os.chmod(tmp_path / "ro", 0o500)
    try:
        res = cli(*make_args(tmp_path))
    finally:
        os.chmod(tmp_path / "ro", 0o700)
    if message == "cannot write" and os.geteuid() == 0:
        # root ignores permissions: check that the run succeeds instead of failing
        assert res.exit_code == 0
        return
    assert res.exit_code == 1
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and message in lines[0] and lines[0].startswith("mtclean: error:")


def test_second_run_on_same_folder_is_refused(tmp_path, monkeypatch):
    monkeypatch.setattr(journal, "LOCK_WAIT", 0.1)
    files = journal.RunFiles(str(tmp_path / "out"))
    try:
        res = cli(str(SEED), "-o", str(tmp_path / "out"))
        assert res.exit_code == 1 and "another `mtclean run`" in res.stderr
    finally:
        files.close()


def test_second_run_on_same_folder_says_what_to_do(tmp_path, monkeypatch):
    monkeypatch.setattr(journal, "LOCK_WAIT", 0.1)
    files = journal.RunFiles(str(tmp_path / "out"))
    try:
        res = cli(str(SEED), "-o", str(tmp_path / "out"))
        assert "wait for it to end" in res.stderr and "writable" not in res.stderr
    finally:
        files.close()


def test_a_terminal_that_reports_no_size_still_gets_a_bar():
    """A bare pty reports 0 columns and 0 lines: tqdm drew no bar in no lines."""
    import pty
    import select

    master, slave = pty.openpty()  # a new pty has no size
    try:
        with open(slave, "w", encoding="utf-8", closefd=False) as stream:
            p = progress.Progress(10, stream)
            p(4, 100)
            p.close()
        shown = ""
        while select.select([master], [], [], 0.5)[0]:
            shown += os.read(master, 1 << 16).decode("utf-8", "replace")
    finally:
        os.close(master)
        os.close(slave)
    assert "4/10" in shown and "%|" in shown


def test_a_report_file_left_by_a_killed_run_is_removed_on_resume(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / ".report.json.k2f9x.tmp").write_text("{")
    run_batch([str(SEED)], str(out), jobs=1)
    assert sorted(p.name for p in out.iterdir()) == [
        ".lock", "items.jsonl", "rejects.jsonl", "report.json"]


class _ClosedPipe(io.StringIO):
    def write(self, text):
        raise BrokenPipeError(32, "Broken pipe")


def test_progress_to_a_closed_pipe_leaves_the_run_going(monkeypatch, tmp_path):
    """'mtclean run ... 2>&1 | head -1' stopped the run at its second progress line and
    exited 0 with no items.jsonl; with stderr closed (2>&-) it died with exit 70."""
    monkeypatch.setattr(progress, "PLAIN_EVERY", 0)
    p = progress.Progress(10, _ClosedPipe())
    p(4, 100)
    p(4, 100)
    p.close()
    assert p.gone and p.count == 8
    corpus = tmp_path / "c.jsonl"
    write_jsonl(corpus, 3, bad=False)
    cmd = [sys.executable, "-m", "pipeline", "run", str(corpus), "-o", str(tmp_path / "out"),
           "--jobs", "1"]
    res = subprocess.run(cmd, cwd=ROOT, capture_output=True,
                         preexec_fn=lambda: os.close(2))
    assert res.returncode == 0, res
    assert (tmp_path / "out" / "items.jsonl").read_bytes().count(b"\n") == 3


def test_plain_progress_lines(monkeypatch, tmp_path):
    monkeypatch.setattr(progress, "PLAIN_EVERY", 0)
    stream = io.StringIO()
    p = progress.Progress(10, stream)
    p(4, 100)
    p.close()
    assert stream.getvalue().startswith("mtclean: 4/10 items,") and "ETA" in stream.getvalue()
    src = tmp_path / "c.jsonl"
    write_jsonl(src, 7, bad=False)
    assert progress.estimate_total([str(src), str(SEED)]) == 8


@pytest.mark.parametrize("rule", ["manual fix", "manual,fix", "manual.修正", "a=b"])
def test_a_hand_edited_rule_id_is_counted_as_it_is(tmp_path, rule):
    """A record cleaned again keeps its edits; a rule id edited by hand may hold spaces,
    commas or Chinese. The journal's counts quote it: the report used to miscount (a
    space) or the run died building it (a comma, a non-ASCII letter)."""
    page = tmp_path / "p.txt"
    page.write_text("The Ministry\u00a0of Civil Affairs held a meeting.\n", encoding="utf-8")
    run_batch([str(page)], str(tmp_path / "base"), jobs=1)
    rec = json.loads((tmp_path / "base" / "items.jsonl").read_bytes())
    rec["edits"][0]["rule"] = rule
    src = tmp_path / "in.jsonl"
    src.write_text(json.dumps(rec, ensure_ascii=False) + '\n{"id": "b", "text": "Two."}\n',
                   encoding="utf-8")
    report = run_batch([str(src)], str(tmp_path / "out"), jobs=1).report
    lines = (tmp_path / "out" / "items.jsonl").read_bytes().count(b"\n")
    assert report["items"]["out"] == lines == 2
    assert report["edits"].get(rule) == 1


def test_ids_are_unique_in_a_run_and_its_output_runs_again_the_same(tmp_path):
    """Files of one name in two subfolders are named by their path; an id an earlier
    input gave is rejected (running the output again used to reject two of three)."""
    corpus = tmp_path / "corpus"
    for year, text in (("2021", "Flood relief reaches Henan."), ("2022", "Charity law.")):
        (corpus / year).mkdir(parents=True)
        (corpus / year / "news.txt").write_text(f"{text}\n\nThe Ministry met.\n",
                                                encoding="utf-8")
    more = tmp_path / "more.jsonl"
    more.write_text('{"id": "news", "en": "A story."}\n{"id": "2021/news", "en": "Again."}\n',
                    encoding="utf-8")
    report = run_batch([str(corpus), str(more), str(more)], str(tmp_path / "out"), jobs=1).report
    ids = [json.loads(line)["id"] for line in (tmp_path / "out" / "items.jsonl").open()]
    assert ids == ["2021/news", "2022/news", "news"]
    rejects = [json.loads(line) for line in (tmp_path / "out" / "rejects.jsonl").open()]
    assert [(r["id"], r["reason"].split(" (")[0]) for r in rejects] == [
        ("2021/news", "duplicate id '2021/news'"), ("news", "duplicate id 'news'"),
        ("2021/news", "duplicate id '2021/news'")]
    assert rejects[0]["reason"].startswith(f"duplicate id '2021/news' (first in {corpus}")
    # the report counts them as one kind, whatever files they came from
    kinds = json.loads((tmp_path / "out" / "report.json").read_bytes())["rejects"]
    assert kinds == {"duplicate id '…' (first in …; give every item its own id)": 3}, kinds
    # a JSON Lines record's reject keeps its line whole, as a line's own duplicate does
    assert rejects[0]["original"] == '{"id": "2021/news", "en": "Again."}'
    assert report["items"] == {"in": 6, "out": 3, "rejected": 3}
    again = run_batch([str(tmp_path / "out" / "items.jsonl")], str(tmp_path / "again"),
                      jobs=1).report
    assert again["items"] == {"in": 3, "out": 3, "rejected": 0}
    assert (tmp_path / "again" / "items.jsonl").read_bytes() == \
        (tmp_path / "out" / "items.jsonl").read_bytes()


def test_what_cannot_be_read_is_rejected_and_the_run_goes_on(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("One.\n", encoding="utf-8")
    (corpus / "b.jsonl").symlink_to(tmp_path / "gone.jsonl")  # a link to nowhere
    (corpus / "c.txt").symlink_to(tmp_path / "gone.txt")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "d.txt").write_text("Linked.\n", encoding="utf-8")
    (corpus / "linked").symlink_to(elsewhere)  # a linked folder is read, as a linked file
    (corpus / "pair.zh.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(50))
    (corpus / "pair.en.txt").write_text("The English side.\n", encoding="utf-8")
    (corpus / "w.zh").write_text("民政部召开会议。", encoding="utf-8")  # WMT-style pair
    (corpus / "w.en").write_text("The Ministry met.", encoding="utf-8")
    (corpus / "rec.jsonl").write_text('{"id": "s", "blocks": [{"kind": "paragraph", '
                                          '"lang": "en", "en": "Text."}], "sources": 5}\n',
                                          encoding="utf-8")
    report = run_batch([str(corpus)], str(tmp_path / "out"), jobs=1).report
    items = [json.loads(line)["id"] for line in (tmp_path / "out" / "items.jsonl").open()]
    assert items == ["a", "s", "w", "linked/d"]
    rejects = {r["source"]: r for r in map(json.loads, (tmp_path / "out" / "rejects.jsonl").open())}
    assert set(rejects) == {str(corpus / "b.jsonl"), str(corpus / "c.txt"),
                            f"{corpus / 'pair.zh.txt'} + {corpus / 'pair.en.txt'}"}
    pair = rejects[f"{corpus / 'pair.zh.txt'} + {corpus / 'pair.en.txt'}"]
    # the file named after the reason, so that the report counts the reason's kind
    assert pair["reason"].startswith("binary file") and \
        pair["reason"].endswith(f"[in {corpus / 'pair.zh.txt'}]")
    assert pair["id"] == "pair"
    kinds = json.loads((tmp_path / "out" / "report.json").read_bytes())["rejects"]
    assert not any(str(corpus) in kind for kind in kinds), kinds
    assert pair["original"] == {str(corpus / "pair.zh.txt"): None,
                                str(corpus / "pair.en.txt"): "The English side.\n"}
    assert report["items"] == {"in": 7, "out": 4, "rejected": 3}


def test_estimate_and_stdin_and_an_empty_output_name(tmp_path):
    assert progress.estimate_total([str(tmp_path / "typo.jsonl")]) is None  # the run says
    feed = b'{"id": "a", "text": "First."}\n{"id": "b", "text": "Second."}\n'
    for head in (b"\xef\xbb\xbf", b"\n" * 70):
        out = tmp_path / f"o{len(head)}"
        report = run_batch(["-"], str(out), jobs=1, stdin=io.BufferedReader(
            io.BytesIO(head + feed))).report
        assert report["items"]["out"] == 2, head
    with pytest.raises(batch.ConfigError, match="empty name"):
        run_batch([str(SEED)], "", jobs=1)


def test_json_lines_in_utf_16_is_one_clear_reject(tmp_path):
    src = tmp_path / "u16.jsonl"
    src.write_bytes('{"id": "a", "text": "First."}\n{"id": "b", "text": "Second."}\n'
                    .encode("utf-16"))
    report = run_batch([str(src)], str(tmp_path / "out"), jobs=1).report
    (reject,) = map(json.loads, (tmp_path / "out" / "rejects.jsonl").open())
    assert reject["reason"].startswith("JSON Lines in UTF-16 or UTF-32: they must be UTF-8")
    assert report["items"] == {"in": 1, "out": 0, "rejected": 1}


def test_a_dead_worker_is_noticed_while_the_pool_waits_on_its_pipe(monkeypatch):
    """A worker killed in the middle of writing a result leaves the pool's thread
    waiting for the rest of the message for ever, so the futures never fail: the run
    notices the dead process itself (a run hung about once in ten such kills)."""
    from concurrent.futures import Future
    from concurrent.futures.process import BrokenProcessPool

    monkeypatch.setattr(batch, "POLL_SECONDS", 0.01)
    monkeypatch.setattr(batch, "NOTICE_SECONDS", 0.05)

    class Process:
        def __init__(self, exitcode):
            self.exitcode = exitcode

    class Pool:
        def __init__(self, *codes):
            self._processes = {k: Process(c) for k, c in enumerate(codes)}

    done = Future()
    done.set_result(["result"])
    assert batch._result(done, Pool(None, -9)) == ["result"]
    late = Future()
    with pytest.raises(BrokenProcessPool):
        batch._result(late, Pool(None, -9))
    import threading
    slow = Future()
    threading.Timer(0.1, slow.set_result, (["slow"],)).start()
    assert batch._result(slow, Pool(None, None)) == ["slow"]  # alive workers: it waits


def test_a_second_file_of_one_side_is_not_joined_to_the_pair(tmp_path):
    corpus = tmp_path / "c"
    corpus.mkdir()
    (corpus / "a.zh.txt").write_text("民政部召开会议。\n", encoding="utf-8")
    (corpus / "a.ZH.txt").write_text("民政部召开会议，部署工作。\n", encoding="utf-8")
    (corpus / "a.en.txt").write_text("The ministry met.\n", encoding="utf-8")
    report = run_batch([str(corpus)], str(tmp_path / "out"), jobs=1).report
    items = [json.loads(line) for line in (tmp_path / "out" / "items.jsonl").open()]
    rejects = [json.loads(line) for line in (tmp_path / "out" / "rejects.jsonl").open()]
    assert [len(i["sources"]) for i in items] == [2]  # one Chinese file, one English
    assert len(rejects) == 1 and rejects[0]["reason"].startswith("duplicate id 'a'")
    assert report["items"] == {"in": 2, "out": 1, "rejected": 1}


def test_output_reached_through_a_link_in_the_input_folder_is_refused(tmp_path):
    """The walk followed the link and read the last run's items and rejects as input:
    each run had one more item, and its rejects nested the ones before."""
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text("Hello one.\n", encoding="utf-8")
    out = tmp_path / "out"
    assert cli(str(tmp_path / "in"), "-o", str(out), "--quiet").exit_code == 0
    first = (out / "items.jsonl").read_bytes()
    os.symlink("../out", tmp_path / "in" / "results")
    res = cli(str(tmp_path / "in"), "-o", str(out), "--quiet")
    assert res.exit_code == 1 and "leads into the output folder" in res.stderr
    named = cli(str(tmp_path / "in" / "a.txt"), str(out / "items.jsonl"), "-o", str(out),
                "--quiet")
    assert named.exit_code == 1 and "in the output folder" in named.stderr
    assert (out / "items.jsonl").read_bytes() == first


def test_a_records_other_fields_are_kept_and_a_changed_one_is_cleaned_again(tmp_path):
    """A record's title, address and tags were dropped without a word."""
    src = tmp_path / "in.jsonl"
    src.write_text('{"id": "n1", "title": "Ministry holds meeting", "url": "http://x.cn/1", '
                   '"tags": ["a", {"b": 1}], "text": "The ministry met on Monday."}\n'
                   '{"id": "n2", "text": "Plain."}\n', encoding="utf-8")
    out = tmp_path / "out"
    assert cli(str(src), "-o", str(out), "--quiet", "--jobs", "2").exit_code == 0
    records = [json.loads(line) for line in (out / "items.jsonl").read_text().splitlines()]
    assert records[0]["fields"] == {"title": "Ministry holds meeting", "url": "http://x.cn/1",
                                    "tags": ["a", {"b": 1}]}
    assert "fields" not in records[1]
    # cleaned again, the record keeps them, byte for byte
    again = tmp_path / "again"
    assert cli(str(out / "items.jsonl"), "-o", str(again), "--quiet").exit_code == 0
    assert (again / "items.jsonl").read_bytes() == (out / "items.jsonl").read_bytes()
    # a changed field is a changed item: the resumed run writes it anew
    src.write_text(src.read_text().replace("x.cn/1", "x.cn/2"), encoding="utf-8")
    assert cli(str(src), "-o", str(out), "--quiet").exit_code == 0
    assert "x.cn/2" in (out / "items.jsonl").read_text()


def test_a_pipe_where_the_run_writes_is_refused_before_the_run(tmp_path):
    """A pipe named items.jsonl was replaced by a file; one named items.jsonl.partial
    made the run hang."""
    for name in ("items.jsonl", "items.jsonl.partial"):
        out = tmp_path / name.replace(".", "_")
        out.mkdir()
        os.mkfifo(out / name)
        res = cli(str(SEED), "-o", str(out), "--quiet")
        assert res.exit_code == 1 and "is a pipe" in res.stderr
        assert (out / name).is_fifo()


def test_a_signal_stops_a_run_that_waits_for_more_input(tmp_path):
    """With two jobs, SIGTERM was only noted while the run waited on an open stdin
    (a producer still writing, tail -f): the run went on until the input ended."""
    records = "".join(json.dumps({"id": f"r{i}", "text": f"The ministry met on day {i}."})
                      + "\n" for i in range(300)).encode()
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "pipeline", "run", "-", "-o", str(out), "--jobs", "2",
           "--quiet"]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdin=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        proc.stdin.write(records)
        proc.stdin.flush()  # ... and the pipe stays open
        deadline = time.monotonic() + 60
        while not (out / "items.jsonl.partial").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        time.sleep(1.5)  # the records read are done; the run waits for more
        proc.send_signal(signal.SIGTERM)
        try:
            code = proc.wait(timeout=60)
        except subprocess.TimeoutExpired:
            proc.kill()
            pytest.fail("the run did not stop while its input stayed open")
    finally:
        proc.stdin.close()
        proc.wait()
    assert code == 130, proc.stderr.read()
