"""Exchange formats: TBX (ISO 30042, TBX-Basic) and CSV export and import, JSON export.

Export writes TBX 2019 (``tbx``/``conceptEntry``/``langSec``/``termSec``). Import reads
TBX 2019 and TBX 2008 (``martif``/``termEntry``/``langSet``/``tig``) through defusedxml:
a DTD, an entity declaration or an external reference is refused. A round trip
TSV -> TBX -> TSV keeps every field.
"""
from __future__ import annotations

import csv
import io
import re
from typing import NamedTuple
from xml.etree import ElementTree as ET
from xml.etree.ElementTree import TreeBuilder
from xml.sax.saxutils import escape, quoteattr

import orjson
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import DefusedXMLParser

from ..errors import GlossaryError
from .model import (COLUMNS, MULTI, POS, Entry, Glossary, bad_chars, entry_from_cells,
                    row_problem)

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_TBX = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
              "deprecated": "deprecatedTerm-admn-sts"}


# --- export -------------------------------------------------------------------------------

# TBX-Basic's parts of speech are adjective, noun, other, verb and adverb: a proper noun
# is written a noun, with this note on its term, and read back as one
PROPER_NOUN_NOTE = "proper noun"


def _term_sec(term: str, pos: str, status: str, indent: str) -> list[str]:
    proper = pos == "properNoun"
    return [f"{indent}<termSec>",
            f"{indent}  <term>{escape(term)}</term>",
            f'{indent}  <termNote type="partOfSpeech">{"noun" if proper else escape(pos)}'
            "</termNote>",
            f'{indent}  <termNote type="administrativeStatus">{STATUS_TBX[status]}</termNote>',
            *([f"{indent}  <note>{PROPER_NOUN_NOTE}</note>"] if proper else []),
            f"{indent}</termSec>"]


def to_tbx(glossary: Glossary) -> str:
    """The glossary as a TBX-Basic document (TBX 2019, DCA style).

    >>> from pipeline.glossary.model import Entry, Glossary
    >>> tbx = to_tbx(Glossary((Entry("mca", ("民政部",), "Ministry of Civil Affairs"),)))
    >>> "<term>民政部</term>" in tbx and 'id="mca"' in tbx
    True
    """
    out = ['<?xml version="1.0" encoding="UTF-8"?>',
           f'<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="{TBX_NS}">',
           "  <tbxHeader>",
           "    <fileDesc>",
           "      <sourceDesc>",
           "        <p>mtclean civil-affairs terminology glossary</p>",
           "      </sourceDesc>",
           "    </fileDesc>",
           "  </tbxHeader>",
           "  <text>",
           "    <body>"]
    seen: dict[str, Entry] = {}
    for e in glossary.entries:
        ident = _ID_ESCAPE + e.id if e.id[:1].isdigit() else e.id  # an xsd:ID
        if not _XML_ID.fullmatch(ident):
            raise GlossaryError(f"id {e.id!r} cannot be a TBX concept id (an XML ID: "
                                "letters, digits, '-', '_' and '.', no space)",
                                path=e.path or None, line=e.line or None,
                                hint="fix it (mtclean glossary lint lists every problem)")
        if ident in seen:
            raise GlossaryError(f"duplicate id {e.id!r} (first on line {seen[ident].line})",
                                path=e.path or None, line=e.line or None,
                                hint="give every concept its own id (mtclean glossary lint "
                                     "lists every problem)")
        seen[ident] = e
        out.append(f"      <conceptEntry id={quoteattr(ident)}>")
        if e.domain:
            out.append(f'        <descrip type="subjectField">{escape(e.domain)}</descrip>')
        if e.note:
            out.append(f"        <note>{escape(e.note)}</note>")
        if e.source:
            out.append(f'        <admin type="source">{escape(e.source)}</admin>')
        out.append('        <langSec xml:lang="zh">')
        for i, term in enumerate(e.zh):
            out += _term_sec(term, e.pos, "admitted" if i else "preferred", "          ")
        out.append("        </langSec>")
        out.append('        <langSec xml:lang="en">')
        for term, status in e.english():
            out += _term_sec(term, e.pos, status, "          ")
        out.append("        </langSec>")
        out.append("      </conceptEntry>")
    out += ["    </body>", "  </text>", "</tbx>", ""]
    return "\n".join(out)


def to_csv(glossary: Glossary) -> str:
    """The glossary as CSV (RFC 4180 quoting), the TSV columns in the same order, after
    a byte order mark: spreadsheet programs read a CSV file without one in the system's
    legacy code page, and the Chinese comes out garbled. A cell that a spreadsheet
    would run as a formula (``=``, ``+``, ``-``, ``@`` first) gets a ``'`` before it,
    which :func:`read_csv` takes off again; so does a cell that opens with ``'`` itself,
    so that its own ``'`` comes back.

    >>> to_csv(Glossary((Entry("a", ("民政",), "=HYPERLINK(1)"),))).splitlines()[1]
    "a,民政,'=HYPERLINK(1),,,noun,,,"
    """
    buf = io.StringIO()
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in glossary.entries:
        writer.writerow(["'" + c if c[:1] in _GUARDED else c for c in e.cells()])
    return buf.getvalue()


_FORMULA_STARTS = ("=", "+", "-", "@")
# how export's CSV opens: a byte order mark and the header row, LF line ends
_EXPORTED_GUARD = re.compile(rb"\xef\xbb\xbfid,zh,en_preferred,en_admitted,en_deprecated,pos,"
                             rb"domain,note,source\n")
_GUARDED = (*_FORMULA_STARTS, "'")  # what a written cell's guard stands before


def read_csv(data: bytes, path: str = "<csv>") -> Imported:
    """Read a glossary written as CSV (``glossary export --to csv``, or a spreadsheet
    saved as CSV with the same header row): UTF-8, a byte order mark allowed, RFC 4180
    quoting. A line break or tab in a cell becomes a space (a row holds neither), the ``'`` that guards a formula-like cell is taken off, and a row that cannot
    be loaded is listed in ``skipped`` with its line.

    >>> g = Glossary((Entry("a", ("民政",), "=civil affairs", note="'-' for none, \\"y\\""),))
    >>> read_csv(to_csv(g).encode()).glossary.entries == g.entries
    True
    """
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise GlossaryError("not UTF-8 text", path=path,
                            line=data[:exc.start].count(b"\n") + 1,
                            hint="save the CSV as UTF-8") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader, None)
        if header is None or tuple(h.strip() for h in header) != COLUMNS:
            raise GlossaryError("header must be the columns " + ",".join(COLUMNS), path=path,
                                line=1)
        entries: list[Entry] = []
        skipped: list[tuple[int, str]] = []
        changed: list[tuple[int, str]] = []
        line = reader.line_num + 1
        for row in reader:
            start, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(COLUMNS):
                skipped.append((start, f"expected {len(COLUMNS)} columns, found {len(row)}"))
                continue
            cells = [_one_line(c) for c in row]
            guarded = [n for n, c in zip(COLUMNS, cells) if c[:1] == "'" and c[1:2] in _GUARDED]
            cells = [c[1:] if c[:1] == "'" and c[1:2] in _GUARDED else c for c in cells]
            if guarded and not _EXPORTED_GUARD.match(data):
                # a file export did not write: its ' may be the text's own
                changed.append((start, f"row {cells[0]!r}: a leading ' taken off "
                                       f"{', '.join(guarded)} (as export guards a cell a "
                                       "spreadsheet would run): check it was not the "
                                       "text's own"))
            if cells != [c for c in row]:
                spaced = [n for n, a in zip(COLUMNS, row) if _one_line(a) != a]
                if spaced:
                    changed.append((start, f"row {cells[0]!r}: line breaks or tabs made "
                                           f"spaces in {', '.join(spaced)}"))
            entry = entry_from_cells(cells, path, start)
            problem = row_problem(entry, cells)
            if problem:
                skipped.append((start, f"row {cells[0]!r}: {problem}"))
                continue
            entries.append(entry)
    except csv.Error as exc:
        raise GlossaryError(f"not well-formed CSV: {exc}", path=path,
                            line=reader.line_num) from None
    return Imported(Glossary(tuple(entries), (path,)), tuple(skipped), tuple(changed))


def to_json(glossary: Glossary) -> str:
    """The glossary as a JSON array; multi-valued fields are arrays."""
    rows = [{c: list(getattr(e, c)) if c in MULTI else getattr(e, c) for c in COLUMNS}
            for e in glossary.entries]
    return orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


EXPORTERS = {"tbx": to_tbx, "csv": to_csv, "json": to_json}


# --- import -------------------------------------------------------------------------------

class Imported(NamedTuple):
    """What a TBX file gave: the glossary, the concepts left out (line, reason) and what
    was changed on the way in (line, what)."""

    glossary: Glossary
    skipped: tuple[tuple[int, str], ...] = ()
    changed: tuple[tuple[int, str], ...] = ()


class _Unusable(Exception):
    """A concept that cannot become a row (its message says why)."""


# status values: TBX-Basic's administrativeStatus picklist, and the bare values of
# TBX 2008's normativeAuthorization (preferredTerm, deprecatedTerm ...)
_STATUS_IN = {"preferredTerm": "preferred", "admittedTerm": "admitted",
              "deprecatedTerm": "deprecated", "supersededTerm": "deprecated",
              "standardizedTerm": "preferred", "legalTerm": "admitted",
              "regulatedTerm": "admitted"}
_EXPAT_ENCODINGS = frozenset({"utf-8", "utf8", "utf-16", "utf16", "utf-16le", "utf-16be",
                              "iso-8859-1", "latin-1", "latin1", "us-ascii", "ascii"})
_DECLARED = re.compile(rb"\A(\xef\xbb\xbf)?<\?xml[^>]*?encoding\s*=\s*[\"']([A-Za-z0-9._-]+)[\"']")
_ID_ESCAPE = "_"  # before an id that starts with a digit: xsd:ID must not
_XML_ID = re.compile(r"[^\W\d][\w.\-]*")  # an NCName (letters of any script included)


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el, *names):
    return [c for c in el if _local(c.tag) in names]


_TRADITIONAL = frozenset({"zh-tw", "zh-hk", "zh-mo", "zh-hant", "zh-hant-tw", "zh-hant-hk"})


def _lang(el) -> tuple[str, str]:
    """(language, full tag) of a langSec: ('en', 'en-gb')."""
    tag = (el.get(XML_LANG) or el.get("lang") or "").lower().replace("_", "-")
    lang = tag.split("-")[0]
    return _ISO639_2.get(lang, lang), tag


# ISO 639-2 and -3 codes, which some tools write ("zho-CN", "eng-US")
_ISO639_2 = {"zho": "zh", "chi": "zh", "cmn": "zh", "eng": "en"}


def _text(el) -> str:
    """The element's text, without the line breaks and indentation of a pretty-printed
    file: a run of white space with a tab or line break in it is one space (a row holds
    neither). Other white space stays as it is, a no-break space or U+3000 too."""
    return _one_line("".join(el.itertext()))


_BREAKING = "\t\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_BREAK_RUN = re.compile(f"[ {_BREAKING}]*[{_BREAKING}][ {_BREAKING}]*")


def _one_line(text: str) -> str:
    """>>> _one_line("\\n   Lao\\u00a0Niu\\n   Foundation \\n")
    'Lao\\xa0Niu Foundation'
    """
    return _BREAK_RUN.sub(" ", text).strip(" ")


_STATUS_FOLDED = {k.lower(): v for k, v in _STATUS_IN.items()} | {
    v: v for v in ("preferred", "admitted", "deprecated")} | {
    # TBX-Min's and MultiTerm's words
    "notrecommended": "deprecated", "forbidden": "deprecated", "obsolete": "deprecated"}
_POS_FOLDED = {p.lower(): p for p in POS} | {"propernoun": "properNoun",
                                             "proper noun": "properNoun"}


def _status(value: str) -> str:
    """A status value as TBX writes it, in any case ("Preferred", "preferredTerm")."""
    status = _STATUS_FOLDED.get(value.lower().removesuffix("-admn-sts"))
    if status is None:
        raise _Unusable(f"unknown status {value!r}")
    return status


def _notes(sec) -> list[tuple[str, str]]:
    """(data category, text) of what a term or concept holds besides its terms, in
    either TBX style: ``<termNote type="partOfSpeech">`` (DCA) or
    ``<basic:partOfSpeech>`` (DCT), ``<descrip type="definition">`` or
    ``<basic:definition>``; ``note`` for a note. Groups (``descripGrp``, ``adminGrp``,
    ``termNoteGrp``) are read through."""
    out = []
    for el in sec:
        name = _local(el.tag)
        if name == "descripGrp":
            # a definition's own source is the definition's, not the concept's
            out += [("source of the definition" if c == "source" else c, t)
                    for c, t in _notes(el)]
        elif name in ("adminGrp", "termNoteGrp", "transacGrp"):
            out += _notes(el)
        elif name in ("xref", "ref"):  # a cross-reference, in DCA style
            out.append((el.get("type") or "crossReference",
                        _text(el) or el.get("target") or ""))
        elif name in ("termNote", "descrip", "admin"):
            out.append((el.get("type") or name, _text(el)))
        elif name in _DCT_CATEGORIES or name == "note":
            out.append((name, _text(el)))
    return out


# the data categories a DCT-style file writes as elements of their own
_DCT_CATEGORIES = frozenset({"administrativeStatus", "normativeAuthorization",
                             "partOfSpeech", "subjectField", "source", "definition",
                             "context", "customerSubset", "projectSubset", "grammaticalGender",
                             "termType", "geographicalUsage", "externalCrossReference",
                             "crossReference", "xGraphic", "responsibility"})
# the label a data category gets in the note (another keeps its own name there); the
# row has columns of its own for the status, part of speech and subject field
_KEPT_IN_NOTE = {"definition": "definition", "context": "context",
                 "geographicalUsage": "usage", "termType": "term type",
                 "customerSubset": "customer", "projectSubset": "project", "source": "source",
                 "crossReference": "see", "externalCrossReference": "see", "xGraphic": "image",
                 "grammaticalGender": "gender", "responsibility": "by"}
_IN_COLUMNS = frozenset({"administrativeStatus", "normativeAuthorization", "partOfSpeech",
                         "subjectField"})


def _terms(lang_sec) -> tuple[list[tuple[str, str | None, str | None]], list[str]]:
    """(term, status, pos) of each term of a langSec/langSet, in document order, and
    what the terms and the langSec say besides ("TERM: note", "definition: ...")."""
    out = []
    said = [_said(category, text) for category, text in _notes(lang_sec)]
    for sec in _children(lang_sec, "termSec", "tig", "ntig", "termGroup"):
        group = _children(sec, "termGrp")
        holder = group[0] if group else sec
        terms = _children(holder, "term")
        if not terms:
            raise _Unusable("a term section without a term")
        status = pos = None
        proper = False
        term = _text(terms[0])
        notes = _notes(holder) + (_notes(sec) if group else [])
        for category, text in notes:
            if category in ("administrativeStatus", "normativeAuthorization"):
                said_status = _status(text)
                if status is not None and said_status != status:
                    raise _Unusable(f"term {term!r} has two statuses ({status}, "
                                    f"{said_status})")
                status = said_status
            elif category == "partOfSpeech":
                pos = _POS_FOLDED.get(text.lower(), text)
            elif category == "note" and text.strip().lower() == PROPER_NOUN_NOTE:
                proper = True  # how the export writes a proper noun
            elif _said(category, text):
                said.append(f"{term}: {_said(category, text)}")
        if proper and pos in (None, "noun"):
            pos = "properNoun"
        # (a term section holds one term; more than one, each is a term of its status)
        for name in (term, *(_text(t) for t in terms[1:])):
            if "|" in name:
                raise _Unusable(f"term {name!r} holds '|', the TSV's value separator")
            if name:
                out.append((name, status, pos))
    return out, [s for s in said if s]


def _said(category: str, text: str) -> str:
    """A note's text, or another data category's with its label; "" for one the row
    has a column for, or none: nothing else is left out."""
    if not text or category in _IN_COLUMNS:
        return ""
    if category == "note":
        return text
    return f"{_KEPT_IN_NOTE.get(category, category)}: {text}"


def _entry(concept_el, ident: str, path: str, line: int) -> tuple[Entry, list[str]]:
    """The concept as an entry, and what was changed to fit it in a row."""
    domain = source = ""
    notes: list[str] = []  # the concept's notes, then what its terms say, in order
    for category, text in _notes(concept_el):
        if category == "subjectField" and not domain:
            domain = text
        elif category == "subjectField":
            notes.append(f"subject field: {text}")  # the row has one domain
        elif category == "source" and not source:
            source = text
        else:
            notes.append(_said(category, text))
    zh: dict[str, list[str]] = {"preferred": [], "admitted": [], "deprecated": []}
    english: dict[str, list[str]] = {"preferred": [], "admitted": [], "deprecated": []}
    preferred_tag = None
    poses: list[str] = []
    changed: list[str] = []
    sections = [(sec, *_lang(sec), *_terms(sec))
                for sec in _children(concept_el, "langSec", "langSet", "langGroup")]
    # an English term marked preferred anywhere in the concept: the others without a
    # status are admitted, whatever their order
    marked = next((t for _, lang, _, terms, _ in sections if lang == "en"
                   for t, status, _ in terms if status == "preferred"), None)
    others = [tag or "untagged" for _, lang, tag, _, _ in sections if lang not in ("zh", "en")]
    for sec, lang, tag, terms, said in sections:
        if lang not in ("zh", "en"):
            changed.append(f"the {tag or 'untagged'} terms left out "
                           f"({', '.join(t for t, _, _ in terms)}): a row holds zh and en")
            continue
        notes += said
        poses += [p for _, _, p in terms if p]
        if lang == "zh" and tag in _TRADITIONAL and terms:
            changed.append(f"the {tag} terms ({', '.join(t for t, _, _ in terms)}) put with "
                           "zh: check they are not the traditional forms of its terms")
        if lang == "zh":
            for term, status, _ in terms:
                zh[status or "admitted"].append(term)
        elif lang == "en":
            for term, status, _ in terms:
                if status is None and (marked or english["preferred"]):
                    # an English term without a status beside a preferred one: admitted,
                    # and the terminologist should know
                    changed.append(f"{term!r} has no status: taken as admitted, beside "
                                   f"{marked or english['preferred'][0]!r} as preferred")
                status = status or ("admitted" if marked or english["preferred"]
                                    else "preferred")
                if status == "preferred" and english["preferred"] and tag != preferred_tag:
                    # the preferred term of another variety of English (en-GB after
                    # en-US): the row has one preferred term, so it is admitted
                    changed.append(f"{term!r} ({tag}) admitted: the preferred term is "
                                   f"{english['preferred'][0]!r} ({preferred_tag})")
                    status = "admitted"
                if status == "preferred":
                    preferred_tag = tag
                english[status].append(term)
    note = "; ".join(dict.fromkeys(n for n in notes if n))
    chinese = zh["preferred"] + zh["admitted"]
    if zh["deprecated"]:
        # the TSV has no deprecated Chinese terms (every Chinese term matches): kept in
        # the note, not as a term
        kept = "deprecated Chinese: " + ", ".join(zh["deprecated"])
        note = f"{note}; {kept}" if note else kept
        changed.append(f"{kept} (moved to the note)")
    if not chinese:
        raise _Unusable("no Chinese term (a zh langSec with a term that is not deprecated)"
                        + (f"; languages not read: {', '.join(others)}" if others else ""))
    if not english["preferred"]:
        raise _Unusable("no preferred English term")
    if len(english["preferred"]) > 1:
        raise _Unusable(f"more than one preferred English term "
                        f"({', '.join(english['preferred'])})")
    pos = poses[0] if poses else "noun"
    if pos not in POS:
        raise _Unusable(f"unknown part of speech {pos!r} (one of {', '.join(POS)})")
    entry = Entry(ident, tuple(chinese), english["preferred"][0], tuple(english["admitted"]),
                  tuple(english["deprecated"]), pos, domain, note, source, path, line)
    for name, cell in zip(COLUMNS, entry.cells()):
        bad = bad_chars(cell)
        if bad:
            raise _Unusable(f"{name}: {bad}")
    return entry, changed


def _as_utf8(data: bytes, path: str) -> bytes:
    """The file in UTF-8 when it declares an encoding the XML parser does not read
    itself (GBK, Big5, GB18030, Shift_JIS...), with its declaration to match."""
    m = _DECLARED.match(data)
    if not m or m.group(2).decode("ascii").lower() in _EXPAT_ENCODINGS:
        return data
    name = m.group(2).decode("ascii")
    try:
        text = data.decode(name)
    except LookupError:
        raise GlossaryError(f"unknown encoding {name!r} in the XML declaration",
                            path=path, line=1, hint="save the file as UTF-8") from None
    except UnicodeDecodeError as exc:
        raise GlossaryError(f"not {name} text, as its XML declaration says", path=path,
                            line=data[:exc.start].count(b"\n") + 1,
                            hint="save the file as UTF-8") from None
    start, end = m.span(2)
    text = data[:start].decode("ascii") + "UTF-8" + text[len(data[:end].decode("ascii")):]
    return text.lstrip("\ufeff").encode("utf-8")


class _LineBuilder(TreeBuilder):
    """A tree builder that notes the line each element starts on."""

    def __init__(self):
        super().__init__()
        self.parser = None
        self.lines: dict = {}

    def start(self, tag, attrs):
        el = super().start(tag, attrs)
        self.lines[el] = self.parser.parser.CurrentLineNumber
        return el


def _parse(data: bytes, path: str):
    builder = _LineBuilder()
    # a DOCTYPE naming an external DTD (as TBX 2008 tools write) is read and its DTD
    # never fetched; entity declarations and external references are refused
    parser = DefusedXMLParser(target=builder, forbid_dtd=False, forbid_entities=True,
                              forbid_external=True)
    builder.parser = parser
    try:
        parser.feed(_as_utf8(data, path))
        return parser.close(), builder.lines
    except DefusedXmlException:
        raise GlossaryError("refused: the file declares entities or external references "
                            "(unsafe XML)", path=path,
                            hint="remove the DOCTYPE's internal subset") from None
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise GlossaryError(f"not well-formed XML: {exc.msg if hasattr(exc, 'msg') else exc}",
                            path=path, line=line) from None
    except ValueError as exc:  # an encoding expat cannot read
        raise GlossaryError(f"cannot read the file's encoding: {exc}", path=path,
                            hint="save the file as UTF-8") from None


def read_tbx(data: bytes, path: str = "<tbx>") -> Imported:
    """Read a TBX 2019 or TBX 2008 file safely (no entities, nothing external). A
    concept that cannot be a row is left out and listed in ``skipped`` with its line;
    a problem with the whole file is a :class:`GlossaryError`.

    >>> tbx = to_tbx(Glossary((Entry("mca", ("民政部",), "Ministry of Civil Affairs"),)))
    >>> read_tbx(tbx.encode()).glossary.entries[0].zh
    ('民政部',)
    >>> read_tbx(b'<!DOCTYPE x [<!ENTITY a "b">]><tbx/>')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    pipeline.errors.GlossaryError: <tbx>: refused: the file declares entities ...
    """
    root, lines = _parse(data, path)
    # (<TBX dialect="TBX-Min">: TBX-Min before TBX 2019, with langGroup and termGroup)
    if _local(root.tag) not in ("tbx", "martif", "TBX"):
        raise GlossaryError(f"not a TBX file: root element is <{_local(root.tag)}>, "
                            "expected <tbx> or <martif>", path=path)
    entries: list[Entry] = []
    skipped: list[tuple[int, str]] = []
    changed: list[tuple[int, str]] = []
    for index, el in enumerate(
            (el for el in root.iter() if _local(el.tag) in ("conceptEntry", "termEntry")), 1):
        line = lines.get(el, 0)
        ident = el.get("id") or f"concept-{index}"
        if ident.startswith(_ID_ESCAPE) and ident[1:2].isdigit():
            ident = ident[1:]  # (see to_tbx)
        try:
            entry, notes = _entry(el, ident, path, line)
        except _Unusable as exc:
            skipped.append((line, f"concept {ident!r}: {exc}"))
            continue
        entries.append(entry)
        changed += [(line, f"concept {ident!r}: {n}") for n in notes]
    return Imported(Glossary(tuple(entries), (path,)), tuple(skipped), tuple(changed))


def from_tbx(data: bytes, path: str = "<tbx>") -> Glossary:
    """The glossary of a TBX file; a concept that cannot be a row is a
    :class:`GlossaryError` (the first one, with its line)."""
    got = read_tbx(data, path)
    if got.skipped:
        line, message = got.skipped[0]
        raise GlossaryError(message, path=path, line=line or None)
    return got.glossary
