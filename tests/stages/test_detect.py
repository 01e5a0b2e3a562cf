import pytest

from pipeline.stages.detect import detect_block, document_lang, script_lang


@pytest.mark.parametrize("text,expected", [
    # the seed's headings and other short lines langdetect gets wrong (Italian, Afrikaans,
    # Korean): a script test and the document's language decide them
    ("Building blocks of participation", "en"),
    ("Innovation paradigm", "en"),
    ("Social assistance", "en"),
    ("Disaster relief", "en"),
    ("Main points of action", "en"),
    ("民政部", "zh"),
    ("社会救助", "zh"),
    ("民政部召开全国民政工作会议，部署明年重点任务。", "zh"),
    ("The Ministry of Civil Affairs held a meeting in Beijing on Monday.", "en"),
    ("2022-08-17", "und"),
    ("12,000", "und"),
    ("", "und"),
    # an English headline with a Chinese site name is English
    ("Tea expo opens in Changsha - 视点头条 - 湖南日报网 - 华声在线", "en"),
    # a Chinese sentence with an acronym is Chinese
    ("WHO发布新冠疫情报告。", "zh"),
    # headlines without function words (wmt21 Online-A/W lines, research use)
    ("Engine may stall FAA urgently orders 2,000 Boeing jets - Xinhua", "en"),
    ("Wang Liwen, village cadre, helped Fu Kunbao make plans.", "en"),
    # a long paragraph in another Latin-script language is not English
    ("Le ministère des Affaires civiles a tenu une réunion nationale à Pékin pour "
     "présenter les nouvelles règles sur les organisations sociales et caritatives du pays "
     "entier cette semaine", "und"),
])
def test_detect_block(text, expected):
    assert detect_block(text, "en") == expected
    assert detect_block(text, "en") == expected  # deterministic (langdetect is seeded)


def test_script_lang_counts():
    assert script_lang("民政部 Civil") == ("zh", 3, 5)


def test_document_lang_by_characters():
    assert document_lang([("en", 10), ("zh", 30), ("und", 100)]) == "zh"
    assert document_lang([("und", 5)]) == "und"
