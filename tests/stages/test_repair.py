import pytest

from pipeline.stages.repair import ascii_punct_in_english

# repair.fullwidth_punct
@pytest.mark.parametrize("text,expected", [
    ("Source：Beijing Youth Daily Author：Wang Sishuo", "Source: Beijing Youth Daily Author: Wang Sishuo"),
    ("Beijing，Shanghai", "Beijing, Shanghai"),
    ("the Charity Law（2016）", "the Charity Law (2016)"),
    ("Already fine: yes, (2016).", "Already fine: yes, (2016)."),
    ("left 华声在线，here", "left 华声在线, here"),
])
def test_fullwidth_punct(text, expected):
    assert ascii_punct_in_english(text) == expected
    assert ascii_punct_in_english(expected) == expected
