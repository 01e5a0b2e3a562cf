"""Exchange formats: TBX (ISO 30042, TBX-Basic) export and import, CSV and JSON export.

Export writes TBX 2019 (``tbx``/``conceptEntry``/``langSec``/``termSec``). Import reads
TBX 2019 and TBX 2008 (``martif``/``termEntry``/``langSet``/``tig``) through defusedxml:
a DTD, an entity declaration or an external reference is refused. A round trip
TSV -> TBX -> TSV keeps every field.
"""
from __future__ import annotations

import csv
import io
from xml.etree import ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

import orjson
from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from ..errors import GlossaryError
from .model import COLUMNS, MULTI, POS, Entry, Glossary

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATUS_TBX = {"preferred": "preferredTerm-admn-sts", "admitted": "admittedTerm-admn-sts",
              "deprecated": "deprecatedTerm-admn-sts"}
_STATUS_IN = {v: k for k, v in STATUS_TBX.items()}
_STATUS_IN.update({"supersededTerm-admn-sts": "deprecated",
                   "standardizedTerm-admn-sts": "preferred",
                   "legalTerm-admn-sts": "admitted", "regulatedTerm-admn-sts": "admitted"})


# --- export -------------------------------------------------------------------------------

def _term_sec(term: str, pos: str, status: str, indent: str) -> list[str]:
    return [f"{indent}<termSec>",
            f"{indent}  <term>{escape(term)}</term>",
            f'{indent}  <termNote type="partOfSpeech">{escape(pos)}</termNote>',
            f'{indent}  <termNote type="administrativeStatus">{STATUS_TBX[status]}</termNote>',
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
    for e in glossary.entries:
        out.append(f"      <conceptEntry id={quoteattr(e.id)}>")
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
    """The glossary as CSV (RFC 4180 quoting), the TSV columns in the same order."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\n")
    writer.writerow(COLUMNS)
    for e in glossary.entries:
        writer.writerow(e.cells())
    return buf.getvalue()


def to_json(glossary: Glossary) -> str:
    """The glossary as a JSON array; multi-valued fields are arrays."""
    rows = [{c: list(getattr(e, c)) if c in MULTI else getattr(e, c) for c in COLUMNS}
            for e in glossary.entries]
    return orjson.dumps(rows, option=orjson.OPT_INDENT_2).decode("utf-8") + "\n"


EXPORTERS = {"tbx": to_tbx, "csv": to_csv, "json": to_json}


# --- import -------------------------------------------------------------------------------

def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _children(el, *names):
    return [c for c in el if _local(c.tag) in names]


def _lang(el) -> str:
    lang = (el.get(XML_LANG) or el.get("lang") or "").lower()
    return lang.split("-")[0].split("_")[0]


def _text(el) -> str:
    return "".join(el.itertext()).strip()


def _terms(lang_sec, concept: str, path: str) -> list[tuple[str, str | None, str | None]]:
    """(term, status, pos) of each term of a langSec/langSet, in document order."""
    out = []
    for sec in _children(lang_sec, "termSec", "tig", "ntig"):
        group = _children(sec, "termGrp")
        holder = group[0] if group else sec
        terms = _children(holder, "term")
        if not terms:
            raise GlossaryError(f"concept {concept!r}: a term section without a term",
                                path=path)
        status = pos = None
        for note in holder.iter():
            kind = note.get("type")
            if _local(note.tag) != "termNote":
                continue
            if kind in ("administrativeStatus", "normativeAuthorization"):
                value = _text(note)
                if value not in _STATUS_IN:
                    raise GlossaryError(f"concept {concept!r}: unknown status {value!r}",
                                        path=path)
                status = _STATUS_IN[value]
            elif kind == "partOfSpeech":
                pos = _text(note)
        out.append((_text(terms[0]), status, pos))
    return out


def _entry(concept_el, path: str, index: int) -> Entry:
    ident = concept_el.get("id") or f"concept-{index}"
    domain = note = source = ""
    for el in concept_el:
        kind, name = el.get("type"), _local(el.tag)
        if name == "descrip" and kind == "subjectField":
            domain = _text(el)
        elif name == "note":
            note = _text(el)
        elif name == "admin" and kind == "source":
            source = _text(el)
    zh: list[str] = []
    english: dict[str, list[str]] = {"preferred": [], "admitted": [], "deprecated": []}
    poses: list[str] = []
    for sec in _children(concept_el, "langSec", "langSet"):
        terms = _terms(sec, ident, path)
        poses += [p for _, _, p in terms if p]
        if _lang(sec) == "zh":
            zh += [t for t, _, _ in terms]
        elif _lang(sec) == "en":
            for term, status, _ in terms:
                english[status or ("admitted" if english["preferred"] else "preferred")] \
                    .append(term)
    if not zh or not english["preferred"]:
        raise GlossaryError(f"concept {ident!r}: needs a Chinese term and a preferred "
                            "English term", path=path)
    if len(english["preferred"]) > 1:
        raise GlossaryError(f"concept {ident!r}: more than one preferred English term "
                            f"({', '.join(english['preferred'])})", path=path)
    pos = poses[0] if poses else "noun"
    if pos not in POS:
        raise GlossaryError(f"concept {ident!r}: unknown part of speech {pos!r}", path=path)
    return Entry(ident, tuple(zh), english["preferred"][0], tuple(english["admitted"]),
                 tuple(english["deprecated"]), pos, domain, note, source, path, 0)


def from_tbx(data: bytes, path: str = "<tbx>") -> Glossary:
    """Read a TBX 2019 or TBX 2008 file safely (no DTD, no entities, nothing external).

    >>> tbx = to_tbx(Glossary((Entry("mca", ("民政部",), "Ministry of Civil Affairs"),)))
    >>> from_tbx(tbx.encode()).entries[0].zh
    ('民政部',)
    >>> from_tbx(b'<!DOCTYPE x [<!ENTITY a "b">]><tbx/>')  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    pipeline.errors.GlossaryError: <tbx>: refused: the file declares a DTD or entities ...
    """
    try:
        root = fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException:
        raise GlossaryError("refused: the file declares a DTD or entities (unsafe XML); "
                            "remove the DOCTYPE", path=path) from None
    except ET.ParseError as exc:
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise GlossaryError(f"not well-formed XML: {exc.msg if hasattr(exc, 'msg') else exc}",
                            path=path, line=line) from None
    if _local(root.tag) not in ("tbx", "martif"):
        raise GlossaryError(f"not a TBX file: root element is <{_local(root.tag)}>, "
                            "expected <tbx> or <martif>", path=path)
    concepts = [el for el in root.iter() if _local(el.tag) in ("conceptEntry", "termEntry")]
    return Glossary(tuple(_entry(c, path, i) for i, c in enumerate(concepts, 1)), (path,))
