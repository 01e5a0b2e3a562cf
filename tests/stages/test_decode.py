import pytest

from pipeline.errors import DecodeError
from pipeline.stages.decode import decode_bytes

TEXT = "民政部召开会议。The Ministry of Civil Affairs met.\n"


@pytest.mark.parametrize("data,encoding", [
    (TEXT.encode("utf-8"), "utf-8"),
    (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "utf-8-sig"),
    (TEXT.encode("utf-16"), "utf-16"),
    ("Plain English text here.\n".encode("utf-16-le"), "utf-16-le"),
    ("Plain English text here.\n".encode("utf-16-be"), "utf-16-be"),
    (TEXT.encode("gb18030"), "gb18030"),
    ("民政部召開會議，討論慈善組織的登記與管理。".encode("big5"), "big5"),
    # Chinese in UTF-16 without a BOM, with digits among it (their zero bytes)
    ("2022年8月17日，民政部召开会议。".encode("utf-16-le"), "utf-16-le"),
    ("民政部召开会议，部署2023年工作。\n民政部召开会议，部署工作。\n".encode("utf-16-be"),
     "utf-16-be"),
    # ... and with quotes, a dash and an ellipsis, more than 3% of the text
    ("民政部2021年12月31日发布“社会救助”“慈善”通知——气温25℃……\n".encode("utf-16-le"),
     "utf-16-le"),
    ("民政部发布“社会救助”“慈善”通知。\n".encode("utf-16-le"), "utf-16-le"),
])
def test_encodings(data, encoding):
    text, found = decode_bytes(data)
    assert found == encoding
    assert "民政部" in text or "Plain" in text


ENGLISH = "Ministry\u2019s charity training opens \u2014 the officials said it\u2019s a milestone.\n"


@pytest.mark.parametrize("text", ["小康不小康，关键看老乡。\n", "CBA迎来新赛季。\n"])
def test_gb18030_whose_first_bytes_are_valid_utf8_is_not_mixed(text):
    """小 is D0 A1 in GB18030, "ѡ" in UTF-8: such a file read as one that mixes
    encodings (a file in seven of WMT21's Chinese, cut ten lines to a file)."""
    assert decode_bytes(text.encode("gb18030")) == (text, "gb18030")


@pytest.mark.parametrize("data, text, encoding", [
    # a Windows editor's English: GB18030 reads its curly quotes as rare Han ("ministry抯")
    (ENGLISH.encode("cp1252"), ENGLISH, "cp1252"),
    ("Caf\u00e9 owners in Hohhot donated 500 meals.\n".encode("cp1252"),
     "Caf\u00e9 owners in Hohhot donated 500 meals.\n", "cp1252"),
    # a no-break space (the seed page has one: "Lao\u00a0Niu") was refused as binary
    ("Lao\u00a0Niu Philanthropy Class held \u201conline\u201d.\n".encode("cp1252"),
     "Lao\u00a0Niu Philanthropy Class held \u201conline\u201d.\n", "cp1252"),
    # English with a rare Chinese name in GBK stays GB18030
    ("The 鄂 city and 埇桥 district met.\n".encode("gb18030"),
     "The 鄂 city and 埇桥 district met.\n", "gb18030"),
    # English saved as GB18030, as Chinese sites save their English pages: its quotes,
    # dashes, full-width colon and no-break spaces are GB18030's, not Windows-1252's
    # ("He said: ¡°We" before)
    ("He said: \u201cWe will help\u2014as soon as possible.\u201d\n".encode("gb18030"),
     "He said: \u201cWe will help\u2014as soon as possible.\u201d\n", "gb18030"),
    ("DATA:2021-07-26\u00a0\u00a0Views:15\n".encode("gb18030"),
     "DATA:2021-07-26\u00a0\u00a0Views:15\n", "gb18030"),
    ("The director said\uff1a\u201cWe will help\uff0c soon\u3002\u201d\n".encode("gb18030"),
     "The director said\uff1a\u201cWe will help\uff0c soon\u3002\u201d\n", "gb18030"),
    # ... with accented letters, which Big5 read as Han ("Andr谷s") or none could read
    ("Andrés Manuel López Obrador met Peña in São Paulo.\n".encode("gb18030"),
     "Andrés Manuel López Obrador met Peña in São Paulo.\n", "gb18030"),
])
def test_western_text_is_not_read_as_chinese(data, text, encoding):
    assert decode_bytes(data) == (text, encoding)


@pytest.mark.parametrize("data,message", [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "PNG"),
    (b"PK\x03\x04\x14\x00", "ZIP"),
    (bytes(range(256)) * 8, "binary"),
    ("好好".encode("utf-8") + "好".encode("gbk") * 3, "mixed"),
    ("民政部召开会议。\n".encode("utf-8") + "小康不小康".encode("gb18030"), "mixed"),
])
def test_refused(data, message):
    with pytest.raises(DecodeError) as info:
        decode_bytes(data, "x.txt")
    assert message in str(info.value) and "x.txt" in str(info.value)


def test_big5_from_windows_comes_back_byte_for_byte():
    # "記者王小明／台北報導。" as Windows writes Big5 (cp950): ／ is A1FE, which Python's
    # big5 reads but writes back as A241
    data = bytes.fromhex("b04faacca4fda470a9faa1fea578a55fb3f8bec9a143") + b"\n"
    text, encoding = decode_bytes(data)
    assert text == "記者王小明／台北報導。\n"
    assert text.encode(encoding) == data
    # Big5 that Python's codec writes back as it was keeps its name
    plain = "民政部召開會議，討論慈善組織的登記與管理。".encode("big5")
    assert decode_bytes(plain)[1] == "big5"


def test_utf16_chinese_with_roman_and_circled_numbers_and_windows_only_big5():
    # WMT21's 防汛Ⅱ级响应, circled numbers and bullets: UTF-16 without a BOM
    text = "国家防总启动防汛Ⅳ级应急响应，①②③●★。\n"
    assert decode_bytes(text.encode("utf-16-le")) == (text, "utf-16-le")
    # codes that Windows' Big5 has and Python's big5 lacks (F9D6-F9FE): cp950, exactly
    data = "這裏是圍碁比賽的報導，民政部召開會議。\n".encode("cp950")
    decoded, encoding = decode_bytes(data)
    assert encoding == "cp950" and decoded.encode(encoding) == data


def test_one_line_of_windows_english_is_no_utf16():
    # ASCII pairs read as UTF-16 give Han, but rare Han: "Spain's" is no Chinese
    data = "Tourism is one of Spain’s most important industries.".encode("cp1252")
    assert decode_bytes(data)[1] == "cp1252"
