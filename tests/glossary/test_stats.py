"""Stats: occurrences per entry and variant, unseen entries, deprecated variants in use."""
import json
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.glossary.model import read_glossary
from pipeline.glossary.stats import count_usage, format_report

HERE = Path(__file__).parent


def test_counts_over_text_markdown_and_jsonl(tmp_path):
    (tmp_path / "a.txt").write_text("The Home Affairs Bureau and the Civil Affairs Bureau.\n"
                                    "民政局 and 民政部", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# The Home Affairs Bureau's work\n", encoding="utf-8")
    (tmp_path / "c.jsonl").write_text(json.dumps({"id": "x", "zh": "民政局", "en": "MCA"}) + "\n",
                                      encoding="utf-8")
    (tmp_path / "news.zh").write_text("民政部召开会议", encoding="utf-8")  # WMT-style name
    # 河北 (Hebei) inside 黄河 / 北岸 is no use of the term: not counted
    (tmp_path / "river.txt").write_text("黄河北岸的村庄", encoding="utf-8")
    (tmp_path / "ignored.bin").write_bytes(b"\x00\x01")
    g = read_glossary(HERE / "mini.tsv")
    usage = count_usage(g, [str(tmp_path)])
    counts = {(g.entries[i].id, s, t): n for (i, s, t), n in usage.counts}
    assert counts == {
        ("civil-affairs-bureau", "deprecated", "Home Affairs Bureau"): 2,
        ("civil-affairs-bureau", "preferred", "Civil Affairs Bureau"): 1,
        ("civil-affairs-bureau", "zh", "民政局"): 2,
        ("mca", "zh", "民政部"): 2,
        ("mca", "admitted", "MCA"): 1,
    }
    assert usage.files == 5
    report = format_report(g, usage)
    assert "civil-affairs-bureau\tHome Affairs Bureau\t2\tCivil Affairs Bureau" in report
    assert f"# entries never seen: {len(g) - 2} of {len(g)}" in report
    assert "\nhebei\t河北\tHebei" in report


def test_missing_corpus_and_bad_jsonl(tmp_path):
    g = read_glossary(HERE / "mini.tsv")
    with pytest.raises(InputError, match="no such file"):
        count_usage(g, [str(tmp_path / "nope")])
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"text": "a"}\n{oops\n', encoding="utf-8")
    with pytest.raises(InputError) as err:
        count_usage(g, [str(bad)])
    assert err.value.line == 2
    # a record of another layout (WMT's "segments") would count nothing: refused
    other = tmp_path / "docs.jsonl"
    other.write_text('{"doc_id": "d1", "segments": [{"zh": "民政局"}]}\n', encoding="utf-8")
    with pytest.raises(InputError, match="no 'text', 'zh', 'en' or 'blocks'") as err:
        count_usage(g, [str(other)])
    assert err.value.line == 1
    # so would a folder with no corpus file
    (tmp_path / "empty").mkdir()
    with pytest.raises(InputError, match="no corpus files"):
        count_usage(g, [str(tmp_path / "empty")])


def test_records_mtclean_wrote_count_their_block_text_once(tmp_path):
    from pipeline.emit.jsonl import dumps_item
    from pipeline.runner import clean_text

    g = read_glossary(HERE / "mini.tsv")
    page = tmp_path / "page.txt"
    page.write_text("Bureau news\n\nThe Home Affairs Bureau and the Civil Affairs Bureau met.\n",
                    encoding="utf-8")
    out = tmp_path / "items.jsonl"
    out.write_bytes(dumps_item(clean_text(page.read_text(encoding="utf-8"), "page")))
    counts = {(g.entries[i].id, s, t): n for (i, s, t), n in count_usage(g, [str(out)]).counts}
    # the cleaned text has the preferred term twice and the deprecated variant no more;
    # the edit's before/after and the sentence pairs are not text of the corpus
    assert counts == {("civil-affairs-bureau", "preferred", "Civil Affairs Bureau"): 2}


def test_a_file_named_twice_or_a_readme_in_a_folder_is_not_counted_again(tmp_path):
    g = read_glossary(HERE / "mini.tsv")
    (tmp_path / "a.txt").write_text("The Home Affairs Bureau met.", encoding="utf-8")
    (tmp_path / "README.md").write_text("The Home Affairs Bureau is a deprecated term.",
                                        encoding="utf-8")
    usage = count_usage(g, [str(tmp_path), str(tmp_path / "a.txt"),
                            str(tmp_path / ".." / tmp_path.name / "a.txt")])
    assert usage.files == 1
    counts = {(g.entries[i].id, s, t): n for (i, s, t), n in usage.counts}
    assert counts == {("civil-affairs-bureau", "deprecated", "Home Affairs Bureau"): 1}
