import pytest

from pipeline.stages import normalize as n

ZH_SPACES = n.drop_spaces_around_chinese_punct

# (function, input, expected): rows that must change and rows that must not
TABLE = [
    (n.compose_unicode, "Cafe\u0301", "Caf\u00e9"),
    (n.compose_unicode, "Café 民政部", "Café 民政部"),
    (n.remove_control_chars, "a\x07b", "ab"),
    (n.remove_control_chars, "a\tb", "a b"),
    (n.remove_control_chars, "left\u202eright", "leftright"),
    (n.remove_control_chars, "plain text", "plain text"),
    (n.remove_zero_width, "Lao\u200bNiu", "LaoNiu"),
    (n.remove_zero_width, "co\u00adoperation", "cooperation"),
    (n.remove_zero_width, "\U0001F468\u200d\U0001F469", "\U0001F468\u200d\U0001F469"),
    (n.remove_zero_width, "民政部", "民政部"),
    (n.replace_nbsp, "Lao\xa0Niu", "Lao Niu"),
    (n.replace_nbsp, "all\u202fparticipated", "all participated"),
    (n.replace_nbsp, "民政部\u3000召开", "民政部\u3000召开"),
    (n.replace_nbsp, "no change", "no change"),
    (n.collapse_spaces, "DATA:2022-08-17  Views:0", "DATA:2022-08-17 Views:0"),
    (n.collapse_spaces, "one space", "one space"),
    (n.strip_edges, "  indented", "indented"),
    (n.strip_edges, "\u3000\u3000民政部召开会议。", "民政部召开会议。"),
    (n.strip_edges, "tidy", "tidy"),
    # repair.zh_punct_spaces: the first three are clauses of the WMT21 and WMT22 Chinese
    # sources (tests/data/SOURCE.md); then rows that must not change (spaces between words,
    # before Latin words and numbers)
    (ZH_SPACES, "吸引野生动物到城市里“定居 ” 。", "吸引野生动物到城市里“定居”。"),
    (ZH_SPACES, "皮莱说 ： “ 他们能够在家里控制疾病 。 ”", "皮莱说：“他们能够在家里控制疾病。”"),
    (ZH_SPACES, "长势不错 ， “ 昨天还", "长势不错，“昨天还"),
    (ZH_SPACES, "《 慈善法 》 施行", "《慈善法》施行"),
    (ZH_SPACES, "“失血” “贫血”", "“失血”“贫血”"),
    (ZH_SPACES, "民政部\u3000，财政部", "民政部，财政部"),
    (ZH_SPACES, "他说： Hello world。", "他说： Hello world。"),
    (ZH_SPACES, "成立。 2022年", "成立。 2022年"),
    (ZH_SPACES, "使用 Python 语言", "使用 Python 语言"),
    (ZH_SPACES, "民政部召开会议。", "民政部召开会议。"),
    (ZH_SPACES, "No Chinese here , at all .", "No Chinese here , at all ."),
]


@pytest.mark.parametrize("fn,text,expected", TABLE)
def test_table(fn, text, expected):
    assert fn(text) == expected
    assert fn(expected) == expected  # idempotent
