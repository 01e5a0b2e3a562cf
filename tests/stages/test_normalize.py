import pytest

from pipeline.stages import normalize as n

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
]


@pytest.mark.parametrize("fn,text,expected", TABLE)
def test_table(fn, text, expected):
    assert fn(text) == expected
    assert fn(expected) == expected  # idempotent
