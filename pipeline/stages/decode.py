"""Stage 1, decode: bytes to text.

UTF-8 (with or without BOM), UTF-16/32 (with a BOM, or UTF-16 recognised by its zero
bytes), GB18030 (a superset of GBK and GB2312) and Big5 (when most of the Chinese they
give is common characters), and, for mostly-ASCII text none of these read, Windows-1252
are recognised. Binary files and
text that mixes encodings are refused with a :class:`~pipeline.errors.DecodeError` that
names the line. Nothing is normalised here: the decoded text is what ``mtclean restore``
gives back, and every later change to it is an edit.
"""
from __future__ import annotations

import codecs

from ..errors import DecodeError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

_MAGIC = (
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an Office document)"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ\x00", "an xz archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"%PDF-", "a PDF document"),
    (b"\x7fELF", "an executable"),
    (b"RIFF", "a RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "an old Office document"),
    (b"SQLite format 3\x00", "an SQLite database"),
)


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _utf16_without_bom(data: bytes) -> str | None:
    """Guess UTF-16 without BOM from where the zero bytes fall (ASCII-heavy text)."""
    if len(data) < 4 or len(data) % 2:
        return None
    sample = data[:4096]
    even_zero = sample[0::2].count(0)
    odd_zero = sample[1::2].count(0)
    half = len(sample) // 2
    if odd_zero > 0.3 * half and even_zero < 0.05 * half:
        return "utf-16-le"
    if even_zero > 0.3 * half and odd_zero < 0.05 * half:
        return "utf-16-be"
    return None


def _utf16_han(data: bytes) -> tuple[str, str] | None:
    """UTF-16 without BOM and without ASCII (so without zero bytes): Chinese text whose
    code units are nearly all Han, CJK punctuation or line breaks. GBK or Big5 bytes
    read as UTF-16 give Hangul, Yi and private-use characters instead."""
    if len(data) < 4 or len(data) % 2:
        return None
    for encoding in ("utf-16-le", "utf-16-be"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        han = sum(1 for c in text if "\u4e00" <= c <= "\u9fff")
        # (and digits and Latin among the Chinese, its quotes, dashes and ellipses
        # “”—…, ℃, ·, °, ×, Roman and circled numbers, bullets and stars)
        usual = han + sum(1 for c in text if "\u3000" <= c <= "\u303f"
                          or "\uff00" <= c <= "\uffef" or c in "\n\r\t \u00b7\u00b0\u00d7"
                          or " " <= c <= "~" or "\u2010" <= c <= "\u206f"
                          or "\u2100" <= c <= "\u27bf")  # (℃ Ⅳ ① ● ★ among them)
        if han >= 2 and usual >= 0.97 * len(text) and \
                _han_share(text, _gb2312) >= MIN_USUAL_HAN:
            # (ASCII read as UTF-16 gives Han too, but rare ones: "Spain's" is 卓慮...)
            return text, encoding
    return None


def _han_share(text: str, common) -> float:
    han = [c for c in text if "\u4e00" <= c <= "\u9fff"]
    if not han:
        return 0.0
    return sum(1 for c in han if common(c)) / len(han)


def _gb2312_level1(c: str) -> bool:
    try:
        b = c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return 0xB0 <= b[0] <= 0xD7


def _gb2312(c: str) -> bool:
    try:
        c.encode("gb2312")
    except UnicodeEncodeError:
        return False
    return True


def _big5_frequent(c: str) -> bool:
    try:
        b = c.encode("big5")
    except UnicodeEncodeError:
        return False
    return 0xA4 <= b[0] <= 0xC6


# Chinese decoded from its own encoding is mostly usual characters (GB2312's, Big5's
# frequent block); English in Windows-1252 read as GB18030 gives GBK's extension, whose
# second byte can be ASCII ("ministry\x92s" -> "ministry抯")
MIN_USUAL_HAN = 0.5
MIN_ASCII_WESTERN = 0.9


def _western(data: bytes) -> tuple[str, str] | None:
    """English (or another Western language) in Windows-1252, the encoding of Western
    Windows editors: mostly ASCII, the rest curly quotes, dashes, accented letters, and
    no-break spaces and soft hyphens."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    ascii_share = sum(1 for c in text if c < "\x80") / max(1, len(text))
    if ascii_share < MIN_ASCII_WESTERN or not _plausible(text) or \
            not all(c.isprintable() or c in "\t\n\r\f\v\xa0\xad" for c in text if c >= "\x80"):
        return None
    return text, "cp1252"


def _gb_mark(c: str) -> bool:
    """A character of GB2312's rows of marks (A1-A9: “”、，。：（）——…, U+3000, full-width
    forms) or GB18030's no-break space."""
    if c == "\xa0" or "\u00c0" <= c <= "\u017f" and c.isalpha():
        return True  # (and a Latin letter with an accent: "Andrés", "São Paulo", "Peña")
    b = c.encode("gb18030")
    return len(b) == 2 and 0xA1 <= b[0] <= 0xA9 and b[1] >= 0xA1


def _gb_marks_only(text: str) -> bool:
    """English saved as GB18030, as Chinese sites save their English pages: no Han, and
    all that is not ASCII is Chinese punctuation (Windows-1252 read as GB18030 gives
    GBK's extension Han instead: "ministry\x92s" -> "ministry抯").

    >>> _gb_marks_only("He said: “We will help——as soon as possible.”")
    True
    >>> _gb_marks_only("ministry抯 plan"), _gb_marks_only("plain ASCII")
    (False, False)
    """
    found = False
    for c in text:
        if c >= "\x80":
            if not _gb_mark(c):
                return False
            found = True
    return found


def _plausible(text: str) -> bool:
    """Text decoded from a legacy encoding should be letters, Han, punctuation, spaces."""
    if not text:
        return True
    odd = sum(1 for c in text if (ord(c) < 32 and c not in "\t\n\r\f\v")
              or 0xE000 <= ord(c) <= 0xF8FF or 0x80 <= ord(c) < 0xA0)
    return odd <= 0.01 * len(text)


def decode_bytes(data: bytes, name: str = "<input>") -> tuple[str, str]:
    """Return ``(text, encoding)`` for the bytes of a text file, or raise DecodeError.

    >>> decode_bytes("民政部".encode("gb18030"))
    ('民政部', 'gb18030')
    >>> decode_bytes(b"\\xef\\xbb\\xbfHello")
    ('Hello', 'utf-8-sig')
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding), encoding
            except UnicodeDecodeError as exc:
                raise DecodeError(f"invalid {encoding} data", path=name,
                                  line=_line_of(data, exc.start)) from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise DecodeError(f"binary file: looks like {what}, not text", path=name,
                              hint="give mtclean text, Markdown or JSON Lines files")
    utf16 = _utf16_without_bom(data)
    if utf16:
        try:
            return data.decode(utf16), utf16
        except UnicodeDecodeError:
            pass
    nul = data.find(b"\x00")
    if nul >= 0 and data.count(b"\x00") > max(8, len(data) // 1000):
        # Chinese in UTF-16 without a BOM, with some digits or Latin (their zero bytes)
        chinese = _utf16_han(data)
        if chinese:
            return chinese
        raise DecodeError(f"binary file: NUL bytes (first at byte {nul})", path=name,
                          line=_line_of(data, nul),
                          hint="give mtclean text, Markdown or JSON Lines files")
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        bad = exc.start
    # Not UTF-8. If the part before the first bad byte already holds multi-byte UTF-8,
    # the file mixes encodings: guessing would corrupt one part silently.
    head = data[:bad]
    if any(b >= 0x80 for b in head) and _decodes(head, "utf-8") and _utf8_text(head):
        raise DecodeError("mixed encodings: valid UTF-8 up to here, then bytes that are "
                          "not UTF-8", path=name, line=_line_of(data, bad),
                          hint="convert the whole file to one encoding (UTF-8)")
    try:
        english = data.decode("gb18030")
    except UnicodeDecodeError:
        english = None
    if english is not None and _plausible(english) and _gb_marks_only(english):
        # English saved as GB18030: no Han at all, where Big5 would read "Andrés" as
        # "Andr谷s"; Chinese in Big5 reads as Han in GB18030
        return english, "gb18030"
    candidates = []
    for encoding, common, usual in (("gb18030", _gb2312_level1, _gb2312),
                                    ("big5", _big5_frequent, _big5_frequent)):
        read = _read_big5(data) if encoding == "big5" else _decoded(data, encoding)
        if read is None:
            continue
        text, encoding = read
        if _plausible(text) and _han_share(text, usual) >= MIN_USUAL_HAN:
            candidates.append((_han_share(text, common), encoding == "gb18030", encoding,
                               text))
    if not candidates:
        guessed = _utf16_han(data) or _western(data)
        if guessed:
            return guessed
        raise DecodeError("not text in UTF-8, UTF-16, GB18030, Big5 or Windows-1252",
                          path=name, line=_line_of(data, bad))
    candidates.sort(reverse=True)
    _, _, encoding, text = candidates[0]
    return text, encoding


def _decoded(data: bytes, encoding: str) -> tuple[str, str] | None:
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _read_big5(data: bytes) -> tuple[str, str] | None:
    """Big5, as Python's ``big5`` reads it, or as Windows writes it (``cp950``) where that
    gives the bytes back and ``big5`` does not: Windows writes ／ as A1FE, as Taiwan's
    bylines have it ("記者王小明／台北報導"), which ``big5`` reads but writes back as A241,
    and has codes ``big5`` lacks (F9D6-F9FE: 碁銹裏, €). Box drawing (F9F9-F9FD) comes
    back from neither as it was: refused unless ``big5`` reads it."""
    plain = _decoded(data, "big5")
    if plain is not None and plain[0].encode("big5", "replace") == data:
        return plain
    windows = _decoded(data, "cp950")
    if windows is not None and windows[0].encode("cp950", "replace") == data:
        return windows
    return plain


# what real UTF-8 text holds beyond ASCII: usual Chinese characters (GB2312's, not its
# Cyrillic or Greek), or typographic punctuation
_TEXT_MARKS = frozenset("“”‘’—–…·、，。：；！？（）《》「」")
MIN_UTF8_MARKS = 2  # of those before the first byte that is not UTF-8


def _utf8_text(head: bytes) -> bool:
    """Does ``head`` (valid UTF-8) hold UTF-8 text, not a few bytes of another encoding
    that happen to be valid UTF-8? GB18030's 小 (D0 A1) reads as UTF-8 "ѡ", so a GB18030
    file that opens with it would be taken for one that mixes encodings."""
    text = head.decode("utf-8", "ignore")
    return sum(1 for c in text if c in _TEXT_MARKS or ("\u4e00" <= c <= "\u9fff" and _gb2312(c))
               ) >= MIN_UTF8_MARKS


def _decodes(data: bytes, encoding: str) -> bool:
    try:
        data.decode(encoding)
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the slice is fine
        return exc.start >= len(data) - 3 and exc.reason == "unexpected end of data"
    return True
