import pytest

from pipeline.stages.sentences import english_nlp, split_chinese, split_english


@pytest.mark.parametrize("text,expected", [
    ("Mr. Smith went to Washington. He arrived.", ["Mr. Smith went to Washington.", "He arrived."]),
    ("Dr. Lee met Prof. Wang.", ["Dr. Lee met Prof. Wang."]),
    ("The U.S. Government said so.", ["The U.S. Government said so."]),
    ("It is 3.14 today. Next.", ["It is 3.14 today.", "Next."]),
    ("See No. 5 for details. Thanks.", ["See No. 5 for details.", "Thanks."]),
    ("At 5 p.m. the meeting ended.", ["At 5 p.m. the meeting ended."]),
    ('He said "Stop." She stopped.', ['He said "Stop."', "She stopped."]),
    ("Wait... What happened?", ["Wait...", "What happened?"]),
    ("(This is quoted.) Next one.", ["(This is quoted.)", "Next one."]),
    ("No end", ["No end"]),
])
def test_english(text, expected):
    assert split_english(text) == expected


@pytest.mark.parametrize("text,expected", [
    ("民政部召开会议。会议强调。", ["民政部召开会议。", "会议强调。"]),
    ("我们明天一起去看《摔跤吧！爸爸》好吗？好！", ["我们明天一起去看《摔跤吧！爸爸》好吗？", "好！"]),
    ("他说：“我们走吧。”大家同意。", ["他说：“我们走吧。”", "大家同意。"]),
    ("真的吗？！是的。", ["真的吗？！", "是的。"]),
    ("没有句号", ["没有句号"]),
])
def test_chinese(text, expected):
    assert split_chinese(text) == expected


def test_spacy_pipeline_uses_same_rules():
    doc = english_nlp()("Mr. Smith went to Washington. He arrived.")
    assert [s.text for s in doc.sents] == ["Mr. Smith went to Washington.", "He arrived."]
