"""`tools check`: the witness reading rebuilt from the TEI, its fidelity to the witness file, and counts.

The witness reading (tools.core.textmodel.witness_text) is the text of <text> with, in every <choice>, the
witness side and nothing editorial. It must equal the witness file word for word: that is the edition's
promise that nothing of the witness is lost, added or changed. The witness file is the one the project file
names for the document (edition.toml, [witnesses]), or the one given with --witness.
"""
from __future__ import annotations

from array import array
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tools.core.errors import EXIT_USAGE, ToolError
from tools.core.project import Project, display, expand, find_project
from tools.core.align import opcodes
from tools.core.textmodel import iter_witness_text, iter_words, witness_text, words_with_lines  # noqa: F401
from tools.core.xmlsafe import decode_utf8, parse_file, read_bytes

TEI = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI}}}"


@dataclass
class Difference:
    kind: str  # "lost" | "added" | "changed"
    witness: str
    edition: str
    witness_line: int
    tei_line: int

    def as_dict(self):
        return self.__dict__.copy()


@dataclass
class CheckResult:
    path: str
    witness: str | None
    words: int = 0
    differences: list[Difference] = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    @property
    def faithful(self) -> bool:
        return self.witness is not None and not self.differences

    def as_dict(self) -> dict:
        return {"path": self.path, "witness": self.witness, "words": self.words, "faithful": self.faithful,
                "differences": [d.as_dict() for d in self.differences], "counts": self.counts}

    def format(self) -> str:
        c = self.counts
        lines = []
        if self.witness is None:
            lines.append(f"{self.path}: no witness file named for it (edition.toml [witnesses], or --witness); "
                         "fidelity not checked")
        else:
            for d in self.differences[:50]:
                lines.append(f"{self.path}:{d.tei_line}:1: error: witness word {d.kind}: "
                             f"witness {d.witness!r} (witness line {d.witness_line}), edition {d.edition!r}")
            verdict = "0 differences" if not self.differences else f"{len(self.differences)} difference(s)"
            lines.append(f"{self.path}: witness fidelity: {self.words} words compared with {self.witness}: {verdict}")
        cert = c["interventions_by_cert"]
        lines += [
            f"  interventions: {c['interventions']} ({', '.join(f'{k} {v}' for k, v in cert.items())}); "
            f"editorial notes: {c['notes']}; unmended passages: {c['unmended']}",
            f"  commentary: {c['commentary']} notes, {c['bibliography']} works in its bibliography",
            f"  persons: {c['persons']} in the register, {c['person_mentions']} mentions",
            f"  places: {c['places']} in the register, {c['place_mentions']} mentions",
            f"  organisations: {c['orgs']} in the register, {c['org_mentions']} mentions",
            f"  dates: {c['dates']} ({c['dates_from_context']} completed from context)",
            f"  paragraphs: {c['paragraphs']}",
        ]
        return "\n".join(lines)


def counts(tree) -> dict:
    text = tree.find(f"{T}text")
    root = tree.getroot()
    ns = {"tei": TEI}
    corrs = text.xpath(".//tei:corr", namespaces=ns) if text is not None else []
    cert = Counter(c.get("cert", "unspecified") for c in corrs)
    dates = text.xpath("./tei:body//tei:date", namespaces=ns) if text is not None else []  # the article, as the chronology
    x = lambda q: len(root.xpath(q, namespaces=ns))
    return {
        "interventions": len(corrs),
        "interventions_by_cert": {k: cert[k] for k in ("high", "medium", "low", "unspecified") if cert[k]},
        "notes": x("//tei:text//tei:note[@type='editorial']"),
        # the historian's commentary is counted apart from the textual interventions and their notes
        "commentary": x("//tei:text//tei:note[@type='commentary']"),
        "bibliography": x("//tei:text//tei:div[@type='bibliography']//tei:biblStruct"),
        "unmended": x("//tei:text//tei:sic[not(parent::tei:choice)]"),
        "persons": x("//tei:person"), "person_mentions": x("//tei:text//tei:persName"),
        "places": x("//tei:place"), "place_mentions": x("//tei:text//tei:placeName"),
        "orgs": x("//tei:org"), "org_mentions": x("//tei:text//tei:orgName"),
        "dates": len(dates),
        "dates_from_context": sum(1 for d in dates if d.get("evidence") == "internal"),
        "paragraphs": x("//tei:body//tei:p[not(ancestor::tei:note)]"),  # a commentary note has <p>s of its own
    }


def check_file(path: Path, *, project: Project | None = None, witness: Path | None = None) -> CheckResult:
    """Counts, and the word-for-word comparison with the witness. Memory stays a few times the file's size: the
    tree is dropped once the witness reading is taken from it, and words are held once each (interned) with
    their line numbers in arrays; the alignment (tools.core.align) takes time about proportional to the
    length."""
    project = project or find_project()
    tree = parse_file(path)
    shown = display(path)
    wpath = witness or project.witness_for(path)
    result = CheckResult(shown, display(wpath) if wpath else None, counts=counts(tree))
    if wpath is None:
        return result
    words: dict[str, str] = {}  # one string per distinct word
    text = tree.find(f"{T}text")
    b, b_lines = _words(iter_words(iter_witness_text(text)) if text is not None else (), words)
    del tree, text
    try:
        a, a_lines = _words(_witness_words(wpath), words)
    except ToolError as err:
        where = project.file if witness is None and project.file else "--witness"
        raise ToolError(f"{where}: error: the witness of {shown} cannot be read: {err}", err.exit_code)
    del words
    result.words = len(a)
    for tag, i1, i2, j1, j2 in opcodes(a, b):
        if tag == "equal":
            continue
        kind = {"delete": "lost", "insert": "added", "replace": "changed"}[tag]
        wl = a_lines[i1] if i1 < len(a) else (a_lines[-1] if a else 0)
        tl = b_lines[j1] if j1 < len(b) else (b_lines[-1] if b else 0)
        result.differences.append(Difference(kind, " ".join(a[i1:i2]), " ".join(b[j1:j2]), wl, tl))
    return result


def _words(pairs, interned: dict[str, str]) -> tuple[list[str], array]:
    """(word, line) pairs as a list of shared strings and an array of line numbers."""
    out, lines = [], array("l")
    share = interned.setdefault
    for word, line in pairs:
        out.append(share(word, word))
        lines.append(line)
    return out, lines


def _witness_words(wpath: Path):
    """(word, line) of the witness file, line by line (UTF-8, a byte-order mark allowed; a located error
    otherwise)."""
    data = read_bytes(wpath)
    shown = display(wpath)
    start = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    number = 0
    while start <= len(data):
        end = data.find(b"\n", start)
        if end < 0:
            end = len(data)
        number += 1
        try:
            line = data[start:end].decode("utf-8")
        except UnicodeDecodeError:
            decode_utf8(data, shown)  # raises the located error
            raise
        for word in line.split():
            yield word, number
        start = end + 1


def check_paths(paths=(), *, project: Project | None = None, witness: Path | None = None) -> list[CheckResult]:
    project = project or find_project()
    files = expand(list(paths), project)
    if witness is not None and len(files) != 1:
        raise ToolError("error: --witness names the witness of one document: give exactly one PATH", EXIT_USAGE)
    return [check_file(p, project=project, witness=witness) for p in files]
