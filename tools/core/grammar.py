"""What our RELAX NG grammar allows, for error hints.

libxml2's RELAX NG messages say what is wrong ("Did not expect element foo there") but not what would be
right. This module reads the grammar once and answers: which elements exist, which children an element may
have, which attributes and which closed values an attribute takes.
"""
from __future__ import annotations

import difflib
from functools import cached_property

from lxml import etree

R = "{http://relaxng.org/ns/structure/1.0}"


class Grammar:
    def __init__(self, rng_tree: etree._ElementTree):
        root = rng_tree.getroot()
        self._defines = {d.get("name"): d for d in root.iter(R + "define")}
        self._elements: dict[str, list[etree._Element]] = {}
        for el in root.iter(R + "element"):
            if el.get("name"):
                self._elements.setdefault(el.get("name"), []).append(el)

    @cached_property
    def element_names(self) -> list[str]:
        return sorted(self._elements)

    def _walk(self, node, seen: set[str], want: str):
        """Yield patterns of kind `want` (element|attribute) directly in `node`, following refs."""
        for kid in node:
            if not isinstance(kid.tag, str):
                continue
            tag = kid.tag[len(R):]
            if tag == want:
                yield kid
                continue
            if tag in ("element", "attribute"):
                continue
            if tag == "ref":
                name = kid.get("name")
                if name not in seen and name in self._defines:
                    seen.add(name)
                    yield from self._walk(self._defines[name], seen, want)
            else:
                yield from self._walk(kid, seen, want)

    def children(self, element: str) -> list[str]:
        names: set[str] = set()
        for el in self._elements.get(element, []):
            names.update(e.get("name") for e in self._walk(el, set(), "element") if e.get("name"))
        return sorted(names)

    def attributes(self, element: str) -> dict[str, list[str] | None]:
        """Attribute name → closed list of values (None when the value is free)."""
        out: dict[str, list[str] | None] = {}
        for el in self._elements.get(element, []):
            for a in self._walk(el, set(), "attribute"):
                name = a.get("name")
                if name is None:
                    continue
                if name.startswith("{http://www.w3.org/XML/1998/namespace}"):
                    name = "xml:" + name.split("}")[1]
                kids = [k for k in a if isinstance(k.tag, str)]
                values = None
                if len(kids) == 1 and kids[0].tag == R + "choice" and all(v.tag == R + "value" for v in kids[0]):
                    values = [v.text for v in kids[0]]
                out[name] = values
        return out

    def close_elements(self, name: str) -> list[str]:
        return difflib.get_close_matches(name, self.element_names, n=3, cutoff=0.6)
