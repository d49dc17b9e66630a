"""Collation of several witnesses of one text into TEI parallel segmentation (`tools collate`).

How it works. Each witness (a plain-text file, or the text of a TEI document's <text>) is cut into tokens
that keep *their exact characters*, trailing whitespace included, so that the tokens of a witness put back
together are its text, character for character. Each token also gets a normalised form, the key on which
CollateX (PyPI `collatex`, its edit-graph aligner) aligns: case folded, NFC, Latin letters that look like
Cyrillic ones read as Cyrillic inside Cyrillic words, and whatever the language pack adds (`collation_key`,
e.g. ё → е for Kazakh). So "Kазақстан" (Latin K) and "ҚАЗАҚСТАН" align with "Қазақстан", while the output
keeps every witness's own spelling.

Witnesses with the same number of paragraphs (blocks separated by blank lines; the <p>/<ab>… of a TEI
witness) are collated paragraph by paragraph, one <ab> each; otherwise the whole text is one <ab>.
Where every witness has the very same characters, the text stands alone; elsewhere an <app> holds a <lem>
(the base witness's reading, the first witness given unless `base` says otherwise) and one <rdg> for each
other distinct reading, with @wit listing every witness that has it: each witness is in exactly one
reading of every <app>, and an omission is an empty reading. An <app> whose readings differ only in
case or lookalike letters gets type="orthographic", one that differs only in whitespace type="whitespace".

Reading back one witness — the text outside <app> plus, in each <app>, the reading whose @wit names it —
gives that witness's text exactly (`witness_text`; a test checks it for every witness). The document has a
<listWit> (sigla from the file names), <variantEncoding method="parallel-segmentation">, and is valid
against tei_all.

    doc = collate_files([Path("A.txt"), Path("B.txt"), Path("C.xml")], language="kk")
    doc.xml          # the TEI document (str); doc.sigla, doc.apps (number of <app>)
    witness_text(doc.xml, "B")  -> str
"""
from __future__ import annotations

import datetime as _dt
import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Callable
from xml.sax.saxutils import escape, quoteattr

from tools.core.errors import EXIT_USAGE, ToolError

TEI_NS = "http://www.tei-c.org/ns/1.0"

# Latin letters with a Cyrillic twin; read as Cyrillic inside a word that has Cyrillic letters, or in a
# Cyrillic text when the whole word is made of them (a lone "I." initial).
LOOKALIKES = dict(zip("AaBCcEeHIiKkMOoPpTXxYy", "АаВСсЕеНІіКкМОоРрТХхУу"))
_CYR = re.compile(r"[\u0400-\u04FF]")
_LATIN_WORD = re.compile(r"[A-Za-z]")

# A token: a word (letters, digits, inner hyphens and apostrophes) or a run of punctuation, each with the
# whitespace that follows it.
_TOKEN = re.compile(r"(?:[^\W_]+(?:[-'’][^\W_]+)*|[^\w\s]+|_+)\s*")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r]*\n\s*")


@dataclass
class Witness:
    siglum: str
    path: Path
    text: str   # exactly what the readings give back


@dataclass
class Collated:
    xml: str
    sigla: list[str]
    apps: int


# ---------------------------------------------------------------- normalisation

def default_key(word: str, cyrillic: bool) -> str:
    """Normalised form of a token for alignment: NFC, case folded, lookalike Latin letters as Cyrillic."""
    w = unicodedata.normalize("NFC", word).strip()
    if cyrillic and _LATIN_WORD.search(w) and (_CYR.search(w) or all(c in LOOKALIKES or not c.isalpha() for c in w)):
        w = "".join(LOOKALIKES.get(c, c) for c in w)
    return w.casefold()


def language_key(language: str | None) -> Callable[[str], str] | None:
    """The language pack's extra normalisation (`collation_key`), if a pack for `language` has one."""
    if not language:
        return None
    from tools.core.packs import packs

    base = language.split("-")[0].lower()
    for pack in packs():
        if getattr(pack, "LANGUAGE", None) == base and hasattr(pack, "collation_key"):
            return pack.collation_key
    return None


# ---------------------------------------------------------------- witnesses

def siglum_of(path: Path, taken: set[str]) -> str:
    """A siglum from the file name (its stem), made an XML name and unique."""
    s = re.sub(r"[^\w.-]", "_", path.stem) or "W"
    if not (s[0].isalpha() or s[0] == "_"):
        s = "W" + s
    base, k = s, 2
    while s in taken:
        s, k = f"{base}_{k}", k + 1
    taken.add(s)
    return s


def read_witness(path: Path, siglum: str) -> tuple[Witness, str | None]:
    """The witness's text and the xml:lang of a TEI witness's <text>."""
    from tools.assist.textsource import is_xml, load
    from tools.core.xmlsafe import decode_utf8, read_bytes

    data = read_bytes(path)
    if not is_xml(data):
        text = decode_utf8(data, path)
        return Witness(siglum, path, text.lstrip("\ufeff")), None
    src = load(path)
    blocks = [re.sub(r"\s+", " ", b.text).strip() for b in src.blocks]
    text = "\n\n".join(b for b in blocks if b)
    m = re.search(r"<text\b[^>]*\bxml:lang\s*=\s*[\"']([^\"']+)", src.decoded)
    return Witness(siglum, path, text), (m.group(1) if m else None)


def paragraphs(text: str) -> list[str]:
    """The text cut after each blank-line break; the pieces put together are the text."""
    out, pos = [], 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        if m.start() > pos:
            out.append(text[pos:m.end()])
            pos = m.end()
    if pos < len(text) or not out:
        if out and not text[pos:].strip():
            out[-1] += text[pos:]
        else:
            out.append(text[pos:])
    return out


def tokenize(text: str) -> list[str]:
    """Tokens whose concatenation is `text` exactly (leading whitespace goes with the first token)."""
    toks = [m.group() for m in _TOKEN.finditer(text)]
    lead = len(text) - len(text.lstrip())
    if toks:
        toks[0] = text[:lead] + toks[0]
    elif text:
        toks = [text]
    assert "".join(toks) == text, "tokenizer lost characters"
    return toks


# ---------------------------------------------------------------- collation

def _align(segments: dict[str, str], key: Callable[[str], str]) -> list[dict[str, str]]:
    """Align the witnesses' texts of one segment; a list of columns {siglum: reading ('' = omitted)}."""
    try:
        from collatex import Collation, collate
    except ImportError as exc:
        raise ToolError(f"collation needs CollateX: pip install collatex python-Levenshtein ({exc})", EXIT_USAGE)
    sigla = list(segments)
    tokens = {s: tokenize(segments[s]) for s in sigla}
    nonempty = [s for s in sigla if tokens[s]]
    if len(nonempty) < 2:
        return [{s: segments[s] for s in sigla}] if any(segments.values()) else []
    c = Collation()
    for s in nonempty:
        c.add_witness({"id": s, "tokens": [{"t": t, "n": key(t) or t} for t in tokens[s]]})
    table = collate(c, output="table", segmentation=False)
    columns = []
    for col in table.columns:
        row = {}
        for s in sigla:
            toks = col.tokens_per_witness.get(s)
            row[s] = "".join(tk.token_data["t"] for tk in toks) if toks else ""
        columns.append(row)
    # the aligner keeps each witness's token order: check it, since the output's fidelity rests on it
    for s in sigla:
        if "".join(col[s] for col in columns) != segments[s]:
            raise ToolError(f"internal: the alignment lost text of witness {s}", EXIT_USAGE)
    return _merge_invariant(columns, key)


def _merge_invariant(columns: list[dict[str, str]], key: Callable[[str], str]) -> list[dict[str, str]]:
    """Join neighbouring token columns into places of variation: a run of columns whose readings differ
    in substance becomes one <app> (an omitted phrase, a replaced one), while a column that differs only
    in spelling (case, lookalike letters) stays an <app> of its own, and columns alike in every witness
    stay plain text."""
    def kind(col: dict[str, str]) -> str:
        if len(set(col.values())) == 1:
            return "same"
        if len({_norm(r, key) for r in col.values()}) == 1:
            return "spelling"
        return "substance"

    out: list[dict[str, str]] = []
    prev = None
    for col in columns:
        k = kind(col)
        if out and k == prev and k != "spelling":
            for s in col:
                out[-1][s] += col[s]
        else:
            out.append(dict(col))
        prev = k
    return out


def _norm(reading: str, key: Callable[[str], str]) -> str:
    return " ".join(key(t) for t in tokenize(reading))


def collate_witnesses(witnesses: list[Witness], language: str | None = None, base: str | None = None,
                      title: str | None = None) -> Collated:
    if len(witnesses) < 2:
        raise ToolError("collate: give at least two witnesses", EXIT_USAGE)
    sigla = [w.siglum for w in witnesses]
    if base is not None and base not in sigla:
        raise ToolError(f"collate: --base {base!r} is not one of the sigla ({', '.join(sigla)})", EXIT_USAGE)
    base = base or sigla[0]
    cyrillic = sum(len(_CYR.findall(w.text)) for w in witnesses) > sum(
        len(_LATIN_WORD.findall(w.text)) for w in witnesses)
    extra = language_key(language)

    def key(tok: str) -> str:
        k = default_key(tok, cyrillic)
        return extra(k) if extra else k

    paras = {w.siglum: paragraphs(w.text) for w in witnesses}
    counts = {len(p) for p in paras.values()}
    if len(counts) == 1:
        segments = [{s: paras[s][i] for s in sigla} for i in range(counts.pop())]
    else:
        segments = [{w.siglum: w.text for w in witnesses}]

    body, apps = [], 0
    for i, seg in enumerate(segments, 1):
        parts = []
        for col in _align(seg, key):
            if len(set(col.values())) == 1:
                parts.append(escape(col[base]))
            else:
                parts.append(_app(col, base, key))
                apps += 1
        body.append(f'        <ab n="{i}">{"".join(parts)}</ab>')
    xml = _document(witnesses, "\n".join(body), language, title)
    return Collated(xml, sigla, apps)


def _app(col: dict[str, str], base: str, key: Callable[[str], str]) -> str:
    readings: dict[str, list[str]] = {}
    for s, r in col.items():
        readings.setdefault(r, []).append(s)
    kind = ""
    if len({re.sub(r"\s+", "", r) for r in readings}) == 1:
        kind = ' type="whitespace"'
    elif len({_norm(r, key) for r in readings}) == 1:
        kind = ' type="orthographic"'
    lem_text = col[base]
    out = [f"<app{kind}>"]
    wits = " ".join("#" + s for s in readings[lem_text])
    out.append(f'<lem wit="{wits}">{escape(lem_text)}</lem>' if lem_text else f'<lem wit="{wits}"/>')
    for r, ss in readings.items():
        if r == lem_text:
            continue
        wits = " ".join("#" + s for s in ss)
        out.append(f'<rdg wit="{wits}">{escape(r)}</rdg>' if r else f'<rdg wit="{wits}"/>')
    out.append("</app>")
    return "".join(out)


def _document(witnesses: list[Witness], body: str, language: str | None, title: str | None) -> str:
    import collatex  # noqa: F401  (already imported by the aligner)
    from importlib.metadata import version

    sigla = ", ".join(w.siglum for w in witnesses)
    title = title or f"Collation of {sigla}"
    lang = f" xml:lang={quoteattr(language)}" if language else ""
    wits = "\n".join(f"            <witness xml:id={quoteattr(w.siglum)} n={quoteattr(w.siglum)}>"
                     f"{escape(w.path.name)}</witness>" for w in witnesses)
    today = _dt.date.today().isoformat()
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<?xml-model href="http://www.tei-c.org/release/xml/tei/custom/schema/relaxng/tei_all.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>
<TEI xmlns="{TEI_NS}">
  <teiHeader>
    <fileDesc>
      <titleStmt>
        <title>{escape(title)}</title>
      </titleStmt>
      <publicationStmt>
        <p>Made by <name>tools collate</name> with CollateX {escape(version("collatex"))} on <date when="{today}">{today}</date>.</p>
      </publicationStmt>
      <sourceDesc>
        <listWit>
{wits}
        </listWit>
      </sourceDesc>
    </fileDesc>
    <encodingDesc>
      <variantEncoding method="parallel-segmentation" location="internal"/>
      <editorialDecl>
        <p>Witnesses aligned on normalised tokens (case, lookalike Latin letters{', the language pack' if language else ''});
          every reading keeps its witness's characters. The lemma is the reading of the base witness
          (#{escape(witnesses[0].siglum)} unless stated); each witness is named in one reading of every apparatus entry.</p>
      </editorialDecl>
    </encodingDesc>
  </teiHeader>
  <text{lang}>
    <body>
      <div type="collation">
{body}
      </div>
    </body>
  </text>
</TEI>
"""


def collate_files(paths: list[Path], language: str | None = None, base: str | None = None,
                  title: str | None = None) -> Collated:
    taken: set[str] = set()
    witnesses, langs = [], []
    for p in paths:
        w, lang = read_witness(Path(p), siglum_of(Path(p), taken))
        witnesses.append(w)
        if lang:
            langs.append(lang)
    return collate_witnesses(witnesses, language or (langs[0] if langs else None), base, title)


def witness_text(xml: str | bytes, siglum: str) -> str:
    """One witness's text read back from a parallel-segmentation document: text outside <app>, and in each
    <app> the reading whose @wit names the witness (the text of each <ab>, in order)."""
    from lxml import etree

    from tools.core.xmlsafe import parse_bytes

    tree = parse_bytes(xml.encode("utf-8") if isinstance(xml, str) else xml, "collation")
    ns = {"t": TEI_NS}
    out = []

    def walk(el) -> None:
        for node in el.iterchildren():
            if not isinstance(node.tag, str):
                out.append(node.tail or "")
                continue
            name = etree.QName(node).localname
            if name == "app":
                for r in node:
                    if isinstance(r.tag, str) and "#" + siglum in (r.get("wit") or "").split():
                        out.append("".join(r.itertext()))
                        break
            else:
                out.append(node.text or "")
                walk(node)
            out.append(node.tail or "")

    for ab in tree.iterfind(".//t:body//t:ab", ns):
        out.append(ab.text or "")
        walk(ab)
    return "".join(out)
