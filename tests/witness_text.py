"""An independent reading of a parallel-segmentation TEI document in Python (lxml), for the tests: the text of
each witness and every reading with its witnesses, computed without the stylesheets, so that what the site
shows can be compared with what the TEI says.

Rules (the TEI Guidelines' parallel segmentation, as the common layer reads it):
- in an <app>, a witness reads the lem/rdg whose @wit names it (a listWit group names its members); a lem
  without @wit is read by every witness that no reading of the app names; otherwise the witness has nothing;
- <witStart/>, <witEnd/>, <lacunaStart/>, <lacunaEnd/> (their @wit, else the reading's) switch a witness off
  and on; a witness with a witStart is off before it;
- notes, witDetail, supplied, corr (standing alone or in choice), reg and expan are not the witness's text;
  a gap is '[…]'; lb/pb/cb are spaces unless break="no"; blocks are separated by spaces.
"""
from __future__ import annotations

from lxml import etree

TEI = "{http://www.tei-c.org/ns/1.0}"
BLOCKS = {"p", "l", "ab", "head", "item", "cell", "speaker", "stage", "salute", "signed", "dateline", "byline",
          "bibl", "label", "trailer", "docTitle", "titlePart", "lg", "div", "sp"}
SKIP = {"note", "witDetail", "wit", "supplied", "fw", "figDesc", "reg", "expan"}


def _tokens(value: str | None) -> list[str]:
    return [t.split("#", 1)[1] if "#" in t else t for t in (value or "").split() if t.strip("#")]


class Witnesses:
    def __init__(self, tree: etree._ElementTree):
        self.root = tree.getroot()
        self.groups = {g.get("{http://www.w3.org/XML/1998/namespace}id"):
                       [w.get("{http://www.w3.org/XML/1998/namespace}id") for w in g.iter(TEI + "witness")]
                       for g in self.root.iter(TEI + "listWit") if g.get("{http://www.w3.org/XML/1998/namespace}id")}
        declared = [w.get("{http://www.w3.org/XML/1998/namespace}id") for w in self.root.iter(TEI + "witness")
                    if w.get("{http://www.w3.org/XML/1998/namespace}id")]
        text = self.root.find(TEI + "text")
        used = []
        for e in text.iter():
            for t in _tokens(e.get("wit")):
                if t not in used and t not in declared and t not in self.groups:
                    used.append(t)
        self.ids = declared + used
        self.late = {w for m in text.iter(TEI + "witStart") for w in self.marker(m)}

    def expand(self, ids):
        out = []
        for i in ids:
            for w in self.groups.get(i, [i]):
                if w not in out:
                    out.append(w)
        return out

    def marker(self, m):
        if m.get("wit"):
            return self.expand(_tokens(m.get("wit")))
        for a in m.iterancestors():
            if etree.QName(a).localname in ("rdg", "lem", "rdgGrp") and a.get("wit"):
                return self.expand(_tokens(a.get("wit")))
        return []

    def readings(self, app):
        """(element, witnesses) for every lem/rdg of an app, the lem's complement filled in."""
        els = [e for e in app.iter(TEI + "lem", TEI + "rdg") if e.xpath("ancestor::*[local-name()='app'][1]")[0] is app]
        cited = self.expand([t for e in els for t in _tokens(e.get("wit"))])
        out = []
        for e in els:
            wits = self.expand(_tokens(e.get("wit")))
            if etree.QName(e).localname == "lem" and not e.get("wit"):
                wits = [w for w in self.ids if w not in cited]
            out.append((e, wits))
        return out

    def text(self, wit: str) -> str:
        """The text witness `wit` gives, whitespace normalized."""
        parts: list[str] = []
        state = {"absent": wit in self.late}

        def walk(e):
            name = etree.QName(e).localname if isinstance(e.tag, str) else None
            if name is None:  # comment, PI
                if e.tail and not state["absent"]:
                    parts.append(e.tail)
                return
            if name in ("lacunaStart", "witEnd") and wit in self.marker(e):
                state["absent"] = True
            elif name in ("lacunaEnd", "witStart") and wit in self.marker(e):
                state["absent"] = False
            if name == "app":
                for r, wits in self.readings(e):
                    if wit in wits:
                        inner(r)
                        break
            elif name in SKIP or (name == "corr"):
                pass
            elif name == "gap":
                if not state["absent"]:
                    parts.append("[…]")
            elif name in ("lb", "pb", "cb"):
                if e.get("break") != "no":
                    parts.append(" ")
            else:
                if name in BLOCKS:
                    parts.append(" ")
                inner(e)
                if name in BLOCKS:
                    parts.append(" ")
            if e.tail and not state["absent"]:
                parts.append(e.tail)

        def inner(e):
            if e.text and not state["absent"]:
                parts.append(e.text)
            for c in e:
                walk(c)

        inner(self.root.find(TEI + "text"))
        return " ".join("".join(parts).split())


def all_readings(tree: etree._ElementTree) -> list[tuple[str, list[str]]]:
    """Every rdg and lem of the text: (its text, normalized, notes left out; its witness ids)."""
    w = Witnesses(tree)
    out = []
    for app in tree.getroot().find(TEI + "text").iter(TEI + "app"):
        for r, wits in w.readings(app):
            text = " ".join("".join(t for t in r.xpath(".//text()[not(ancestor::*[local-name()='note' or local-name()='witDetail'])]")).split())
            out.append((text, wits))
    return out
