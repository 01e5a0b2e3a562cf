"""repair.article_numbers: a regulation's articles written as bare ordinals ("Eleventh to
apply ...", MT of 第十一条) read "Article N" where the number fits its neighbours. The
texts are written after the artifact catalogue's description of a civil-affairs
regulation page (mt-web-artifacts/pages.tsv: "article numbering inconsistently
translated")."""
import pytest

from pipeline.emit.markdown import render_markdown
from pipeline.restore import restore_sources
from pipeline.runner import Config, clean_text
from pipeline.stages.articles import ordinal_value

REGULATION = """Regulations on the Registration of Social Organizations

Article 10 The registration authority shall examine the application.

Eleventh to apply for registration, the following materials shall be submitted:

Twelfth the registration authority shall decide within 60 days.

Article 13 Registration shall be refused in any of the following cases.
"""


def english(text, config=Config()):
    item = clean_text(text, "doc", config)
    return item, [b.en for b in item.blocks]


@pytest.mark.parametrize("text, changed", [
    (REGULATION, ["Article 11 To apply for registration, the following materials shall be "
                  "submitted:", "Article 12 The registration authority shall decide within "
                  "60 days."]),
    # ordinals before the first "Article N" count back from it
    ("Rules\n\nEighth these rules apply.\n\nNinth the bureau keeps the register.\n\n"
     "Article 10 Each unit reports once a year.\n\nArticle 11 Reports are public.\n",
     ["Article 8 These rules apply.", "Article 9 The bureau keeps the register."]),
    ("Rules\n\nArticle 19 Funds are kept.\n\nArticle 20 Funds are audited.\n\n"
     "Twenty-first the audit is published.\n",
     ["Article 21 The audit is published."]),
    # rows that must not change: no article in the item, a number that does not fit,
    # an ordinal followed by a comma
    ("News\n\nFirst, the ministry met.\n\nThird quarter GDP grew by 5 percent.\n", []),
    ("Rules\n\nArticle 2 Scope.\n\nNinth plan targets were met early.\n\nArticle 3 Terms.\n",
     []),
    ("Rules\n\nArticle 4 Scope.\n\nFifth, the bureau acts.\n\nArticle 6 Terms.\n", []),
    # news citing an article is no regulation: "Article 2 of the Measures" is a reference
    ("New measures on charitable trusts take effect\n\nArticle 2 of the Measures defines a "
     "charitable trust.\n\nThird parties that manage trust assets must register.\n", []),
    ("Rules\n\nArticle 2 Scope.\n\nThird parties that manage trust assets must register.\n",
     []),
    # an ordinal that starts a name
    ("Rules\n\nArticle 12 Scope.\n\nArticle 13 Terms.\n\nFourteenth Provincial Party "
     "Congress delegates attended the ceremony.\n\nFifteenth Five-Year Plan targets apply.\n",
     []),
    # ... but an article's text may open with a capitalised subject
    ("Rules\n\nArticle 10 Scope.\n\nEleventh The Civil Affairs Department of the county shall "
     "inspect.\n\nArticle 12 Terms.\n\nThirteenth County People's Governments shall provide "
     "funds.\n\nArticle 14 Review.\n",
     ["Article 11 The Civil Affairs Department of the county shall inspect.",
      "Article 13 County People's Governments shall provide funds."]),
    # MT's "Seventh article" (第七条 word by word) takes "Article" once
    ("Rules\n\nArticle 6 The state encourages charity.\n\nSeventh article The municipal "
     "department shall supervise.\n\nArticle 8 Donors may choose.\n",
     ["Article 7 The municipal department shall supervise."]),
])
def test_article_numbers(text, changed):
    item, blocks = english(text)
    _, before = english(text, Config(disabled=frozenset({"repair.article_numbers"})))
    assert [b for b in blocks if b not in before] == changed
    edits = [e for e in item.edits if e.rule == "repair.article_numbers"]
    assert len(edits) == len(changed)
    assert restore_sources(item) == [text]
    assert clean_text(render_markdown(item), "again").edits == ()


def test_ordinal_values():
    words = ("first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
             "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth "
             "nineteenth twentieth").split()
    assert [ordinal_value(w) for w in words] == list(range(1, 21))
    assert ordinal_value("Ninety-ninth") == 99 and ordinal_value("forty second") == 42
    assert ordinal_value("Hundredth") is None and ordinal_value("twenty-") is None
