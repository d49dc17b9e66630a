"""The edition model: the witness reading rebuilt from the TEI, its fidelity to the witness file, and counts.

The witness reading is the text of <text> with, in every <choice>, the witness side (sic, orig, abbr) and
without anything editorial (corr, reg, expan, supplied, note of any type, the commentary's bibliography
<div type="bibliography">). It must equal the witness file word for word:
that is the edition's promise that nothing of the witness is lost, added or changed. The witness file is the
one the header points to (sourceDesc//bibl[@type='web']//ref/@target, relative to the TEI file).

Mixed content is walked by `witness_text`, the one place that handles lxml's text/tail model for this.
"""
from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tools import paths as P
from tools.errors import ToolError
from tools.xmlsafe import decode_utf8, parse_file, read_bytes

TEI = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI}}}"
EDITORIAL = {"corr", "reg", "expan", "supplied", "note"}
# Divisions the editors wrote (not witness text), by @type: the bibliography of the commentary.
EDITORIAL_DIVS = {"bibliography"}


def _editorial(node, name: str, skip: set[str]) -> bool:
    return name in skip or (name == "div" and node.get("type") in EDITORIAL_DIVS)


def witness_text(el: etree._Element, skip: set[str] = EDITORIAL) -> list[tuple[str, int]]:
    """Pieces of witness text under `el`, each with the source line of the node it came from."""
    out: list[tuple[str, int]] = []

    def walk(node):
        name = etree.QName(node).localname if isinstance(node.tag, str) else None
        if name is not None and not _editorial(node, name, skip):
            if node.text:
                out.append((node.text, node.sourceline or 0))
            for kid in node:
                walk(kid)
        if node is not el and node.tail:
            parent = node.getparent()
            out.append((node.tail, parent.sourceline if parent is not None else 0))

    walk(el)
    return out


def words_with_lines(pieces: list[tuple[str, int]]) -> list[tuple[str, int]]:
    """Whitespace-separated words; a word split across nodes (e.g. <sic>ОК</sic>-нің) is joined."""
    words: list[tuple[str, int]] = []
    joinable = False
    for text, line in pieces:
        if not text:
            continue
        parts = text.split()
        if not parts:
            joinable = False
            continue
        starts_glued = not text[0].isspace()
        for i, part in enumerate(parts):
            if i == 0 and starts_glued and joinable and words:
                words[-1] = (words[-1][0] + part, words[-1][1])
            else:
                words.append((part, line))
        joinable = not text[-1].isspace()
    return words


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
            lines.append(f"{self.path}: no witness file declared (sourceDesc//bibl[@type='web']//ref/@target); "
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


def witness_path(tree, tei_path: Path) -> Path | None:
    targets = tree.xpath("//tei:sourceDesc//tei:bibl[@type='web']//tei:ref/@target", namespaces={"tei": TEI})
    return (tei_path.parent / targets[0]) if targets else None


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


def check_file(path: Path) -> CheckResult:
    tree = parse_file(path)
    shown = P.display(path)
    wpath = witness_path(tree, path)
    result = CheckResult(shown, P.display(wpath) if wpath else None, counts=counts(tree))
    if wpath is None:
        return result
    text = tree.find(f"{T}text")
    edition = words_with_lines(witness_text(text)) if text is not None else []
    try:
        witness_lines = decode_utf8(read_bytes(wpath), P.display(wpath)).split("\n")
    except ToolError as err:
        ref = tree.xpath("//tei:sourceDesc//tei:bibl[@type='web']//tei:ref", namespaces={"tei": TEI})[0]
        raise ToolError(f"{shown}:{ref.sourceline}:1: error: the witness declared here cannot be read: {err}",
                        err.exit_code)
    witness = [(w, i + 1) for i, line in enumerate(witness_lines) for w in line.split()]
    result.words = len(witness)
    a = [w for w, _ in witness]
    b = [w for w, _ in edition]
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if tag == "equal":
            continue
        kind = {"delete": "lost", "insert": "added", "replace": "changed"}[tag]
        wl = witness[i1][1] if i1 < len(witness) else (witness[-1][1] if witness else 0)
        tl = edition[j1][1] if j1 < len(edition) else (edition[-1][1] if edition else 0)
        result.differences.append(Difference(kind, " ".join(a[i1:i2]), " ".join(b[j1:j2]), wl, tl))
    return result


def check_paths(paths=()) -> list[CheckResult]:
    return [check_file(p) for p in P.expand(list(paths))]
