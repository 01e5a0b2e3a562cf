"""The HTML review report: every edit and check of every item is on the page, all text
escaped, the page well formed and the same bytes for the same items."""
import pytest
from html.parser import HTMLParser

from click.testing import CliRunner

from pipeline.cli import main
from pipeline.emit.html import render_html
from pipeline.emit.jsonl import dumps_item
from pipeline.readers import InputItem, clean_input, iter_inputs
from pipeline.runner import Config, SourceText, clean_sources, clean_text

from paths import CORPUS, ROOT, SEED

VOID = {"meta", "br"}


class Page(HTMLParser):
    """Counts what the report shows and checks that every element is closed in order."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str] = []
        self.edit_rows = self.check_items = self.blocks = self.hidden = 0
        self.text: list[str] = []
        self.scripts = 0

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        classes = (attrs.get("class") or "").split()
        if tag == "script":
            self.scripts += 1
        if tag == "li" and "block" in classes:
            self.blocks += 1
            self.hidden += "hidden" in classes
        if tag == "li" and any(c.startswith("sev-") for c in classes):
            self.check_items += 1
        if tag == "tr" and self.open[-1:] == ["table.edits"]:
            self.edit_rows += 1
        if tag not in VOID:
            self.open.append(tag + (".edits" if tag == "table" and "edits" in classes else ""))

    def handle_endtag(self, tag):
        assert self.open and self.open[-1].split(".")[0] == tag, (tag, self.open[-3:])
        self.open.pop()

    def handle_data(self, data):
        self.text.append(data)


def parse(page: str) -> Page:
    parser = Page()
    parser.feed(page)
    parser.close()
    assert not parser.open, parser.open
    return parser


def corpus_items():
    config = Config(glossaries=(str(ROOT / "glossaries" / "civil-affairs.tsv"),
                                str(ROOT / "glossaries" / "projects" / "lnfund.tsv")))
    return [clean_input(e, config) for e in iter_inputs([str(CORPUS)])
            if isinstance(e, InputItem)]


def test_every_block_edit_and_check_of_the_corpus_is_shown():
    items = corpus_items()
    page = parse(render_html(items))
    assert page.blocks == sum(len(i.blocks) for i in items)
    assert page.edit_rows == sum(len(i.edits) for i in items) > 10
    assert page.check_items == sum(len(i.checks) for i in items) > 0
    hidden = sum(b.kind in ("meta", "boilerplate", "duplicate") for i in items for b in i.blocks)
    assert page.hidden == hidden > 0
    text = "".join(page.text)
    for item in items:
        for edit in item.edits:
            assert edit.rule in text
    assert "Building blocks of participation" in text  # the seed's heading, before its edit


def test_text_from_the_data_is_escaped():
    item = clean_sources("x<y", [SourceText("a&b.txt", "Title <script>alert(1)</script>\n\n"
                                             "He said \"a < b\" & left.\u0007")])
    page = render_html([item])
    parsed = parse(page)
    assert parsed.scripts == 0
    assert "&lt;script&gt;" in page and "a&amp;b.txt" in page and "x&lt;y" in page
    assert "U+0007" in page  # the removed control character, shown in its edit


def test_same_items_give_the_same_bytes():
    a = render_html(corpus_items())
    assert render_html(corpus_items()) == a and a.endswith("</html>\n")


def test_no_items_is_still_a_page():
    page = render_html([])
    assert "0 items, 0 edits, 0 checks" in page
    parse(page)


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_clean_to_html_and_review_of_jsonl_agree(tmp_path):
    html = tmp_path / "seed.html"
    assert run("clean", SEED, "--to", "html", "-o", html).exit_code == 0
    records = tmp_path / "seed.jsonl"
    assert run("clean", SEED, "-o", records).exit_code == 0
    reviewed = tmp_path / "review.html"
    assert run("review", records, "-o", reviewed).exit_code == 0
    # the same item, read back from its record: the same sections
    body = html.read_text(encoding="utf-8").split("<section", 1)[1]
    assert reviewed.read_text(encoding="utf-8").split("<section", 1)[1] == body
    assert "<code>repair.nbsp</code>" in body


def test_review_of_a_file_that_is_no_mtclean_output_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "text": "not a record"}\n', encoding="utf-8")
    res = run("review", bad, "-o", tmp_path / "r.html")
    assert res.exit_code == 1
    assert "bad.jsonl" in res.stderr and "Traceback" not in res.output
    assert not (tmp_path / "r.html").exists()


def test_review_writes_what_clean_wrote(tmp_path):
    item = clean_text("Title\n\nLao\u00a0Niu met.", "a")
    records = tmp_path / "a.jsonl"
    records.write_bytes(dumps_item(item))
    res = run("review", records)
    assert res.exit_code == 0 and "Lao<span class=\"mark\">U+00A0</span>Niu" in res.output


def test_a_block_of_several_sentence_pairs_shows_them():
    from pipeline.stages.align import sentence_pairs

    items = corpus_items()
    page = render_html(items)
    several = [sentence_pairs(b) for i in items for b in i.blocks
               if b.zh and b.en and len(sentence_pairs(b)) > 1]
    assert several and page.count("<details>") == len(several)
    for pairs in several:
        assert f"<summary>{len(pairs)} sentence pairs</summary>" in page
        zh, en, _, _ = pairs[0]
        assert f'<td lang="zh">{zh}</td><td lang="en">' in page


def test_review_reads_its_file_as_it_goes(tmp_path, monkeypatch):
    """review held the whole file and every page in memory (316 MB for the 5,000-item
    benchmark output): it reads a line at a time and keeps the pages in a temporary file
    (spooled in memory up to a size, here none), with the same bytes as before."""
    from pipeline.emit import html

    monkeypatch.setattr(html, "SPOOL_BYTES", 0)  # every page goes to the disk
    items = corpus_items()
    record = tmp_path / "items.jsonl"
    record.write_bytes(b"".join(dumps_item(i) for i in items))
    out = tmp_path / "review.html"
    res = CliRunner().invoke(main, ["review", str(record), "-o", str(out)])
    assert res.exit_code == 0, res.output
    assert out.read_text(encoding="utf-8") == render_html(
        items, f"mtclean review: {record}")
    # a damaged line after good ones: one error, and no half-written page
    record.write_bytes(record.read_bytes() + b'{"id": "x", "blocks": 5}\n')
    out.unlink()
    res = CliRunner().invoke(main, ["review", str(record), "-o", str(out)])
    assert res.exit_code == 1 and f"{record}:{len(items) + 1}" in res.stderr
    assert not out.exists()


def _bilingual_record() -> dict:
    import json
    item = clean_sources("p", [SourceText("p.zh.txt", "标题\n\n会议在北京举行。大家都来了。\n", "zh"),
                               SourceText("p.en.txt", "Title\n\nThe meeting was held in "
                                          "Beijing. Everyone came.\n", "en")])
    return json.loads(dumps_item(item))


def test_every_field_of_a_hand_edited_record_is_escaped(tmp_path):
    import json
    record = _bilingual_record()
    script = '<script>alert("x")</script>'
    record["edits"].append({"rule": "repair.nbsp", "block": 1, "lang": script,
                            "offset": 0, "before": "a", "after": "b"})
    record["checks"].append({"check": "qa.numbers", "severity": "minor", "block": 1,
                             "message": "m", "lang": script})
    block = next(b for b in record["blocks"] if b.get("align", {}).get("pairs"))
    block["align"]["type"] = script
    block["align"]["pairs"][0]["type"] = script
    path = tmp_path / "hand.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    res = run("review", path, "-o", tmp_path / "r.html")
    assert res.exit_code == 0, res.output
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert parse(page).scripts == 0 and "<script>" not in page
    assert page.count("&lt;script&gt;") >= 3


@pytest.mark.parametrize("damage", [
    lambda pair: pair.__setitem__("zh", [99]),  # past the block's sentences
    lambda pair: pair.__setitem__("en", ["0"]),
    lambda pair: pair.__setitem__("score", "<b>1</b>"),
])
def test_review_of_a_record_with_a_broken_sentence_pair_is_a_clear_error(tmp_path, damage):
    import json
    record = _bilingual_record()
    block = next(b for b in record["blocks"] if b.get("align", {}).get("pairs"))
    damage(block["align"]["pairs"][0])
    path = tmp_path / "broken.jsonl"
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    res = run("review", path, "-o", tmp_path / "r.html")
    assert res.exit_code == 1
    assert "damaged record" in res.stderr and "broken.jsonl" in res.stderr
    assert "Traceback" not in res.output and not (tmp_path / "r.html").exists()


def test_direction_controls_in_names_are_shown_not_obeyed():
    item = clean_sources("a\u202eb", [SourceText("evil\u202etxt.exe", "Title\n\nText here.\n")])
    page = render_html([item])
    assert "\u202e" not in page and page.count("U+202E") == 2
    parse(page)


def test_a_records_other_fields_are_shown_escaped():
    from pipeline.emit.html import render_item
    from pipeline.records import evolve
    from pipeline.runner import clean_text
    item = evolve(clean_text("The ministry met on Monday.\n"),
                  fields=(("title", "Ministry <b>holds</b> meeting"), ("url", "http://x.cn/1"),
                          ("x", "a\ud800b")))
    page = render_item(item, 1)
    assert '<caption>fields</caption>' in page and "http://x.cn/1" in page
    assert "&lt;b&gt;holds" in page and "<b>holds" not in page
    assert "U+D800" in page
    assert "<caption>fields</caption>" not in render_item(clean_text("Hi there.\n"), 2)


def test_an_item_without_a_title_is_headed_by_its_id_shown_safely():
    """The id stands in for a missing title: its controls and direction marks are named,
    not written raw into the heading (a NUL made the report invalid HTML, U+202E turned
    the heading round)."""
    item = clean_text("DATA:2022-08-17  Views:0", "x\x01\u202e<y>")  # (no title)
    html = render_html([item])
    assert "\x01" not in html and "\u202e" not in html
    assert "U+0001" in html and "U+202E" in html and "&lt;y&gt;" in html
