"""Generate our RELAX NG customization from the official tei_all grammar.

How it works: read `schema/customization.toml` (the list of elements the edition may use and closed value
lists), then on tei_all
  1. drop annotations and embedded Schematron (our rules live in schema/kse-edition.sch);
  2. turn every element not in the list into `notAllowed` and propagate it (a choice loses the branch,
     an optional or zeroOrMore becomes empty, a required part makes its parent impossible) to a fixpoint;
  3. drop what is no longer reachable from `start`;
  4. close attribute values: "*@attr" everywhere, "el@attr" by cloning the attribute-class definitions on
     the path from that element's definition (so other elements keep the TEI values).
Every step narrows the language, so whatever the result accepts, tei_all accepts (tested with jing).

Usage: `python -m tools.schemagen` rewrites schema/kse-edition.rng; `--check` exits 1 if it is out of date.
"""
from __future__ import annotations

import copy
import sys
import tomllib
from pathlib import Path

from lxml import etree

RNG = "http://relaxng.org/ns/structure/1.0"
R = f"{{{RNG}}}"
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schema"


def _rng(tag: str, **attrs) -> etree._Element:
    return etree.Element(R + tag, **attrs)


class Customizer:
    def __init__(self, grammar: etree._Element):
        self.grammar = grammar
        self.defines = {d.get("name"): d for d in grammar.iterchildren(R + "define")}

    # -- 1. strip ------------------------------------------------------------------------------------
    def strip_annotations(self) -> None:
        for el in list(self.grammar.iter()):
            parent = el.getparent()
            if parent is None or not isinstance(parent.tag, str) or not parent.tag.startswith(R):
                continue  # the grammar itself, or inside something already dropped
            if not isinstance(el.tag, str) or not el.tag.startswith(R):
                _drop(el)

    # -- 2. prune ------------------------------------------------------------------------------------
    def keep_only(self, elements: set[str]) -> None:
        for define in self.defines.values():
            kids = [k for k in define if isinstance(k.tag, str)]
            if len(kids) == 1 and kids[0].tag == R + "element":
                name = kids[0].get("name")
                if name is None or name not in elements:
                    _replace_children(define, [_rng("notAllowed")])
        dead: set[str] = set()
        while True:
            newly = {n for n, d in self.defines.items() if n not in dead and self._na_seq(list(d), dead)}
            if not newly:
                break
            dead |= newly
        for name in dead:
            self.grammar.remove(self.defines.pop(name))
        for define in list(self.defines.values()) + [self.grammar.find(R + "start")]:
            self._rewrite(define, dead)

    def _na(self, el: etree._Element, dead: set[str]) -> bool:
        tag = el.tag[len(R):]
        if tag == "notAllowed":
            return True
        if tag == "ref":
            return el.get("name") in dead
        if tag in ("element", "attribute"):
            kids = list(el)
            if el.get("name") is None:  # first child is the name class
                kids = kids[1:]
            return self._na_seq(kids, dead)
        if tag in ("group", "interleave", "oneOrMore", "list", "mixed"):
            return self._na_seq(list(el), dead)
        if tag == "choice":
            return all(self._na(k, dead) for k in el)
        return False  # empty, text, data, value, zeroOrMore, optional

    def _na_seq(self, kids: list, dead: set[str]) -> bool:
        return any(self._na(k, dead) for k in kids)

    def _rewrite(self, el: etree._Element, dead: set[str]) -> None:
        for kid in list(el):
            tag = kid.tag[len(R):]
            if tag in ("zeroOrMore", "optional") and self._na_seq(list(kid), dead):
                el.replace(kid, _rng("empty"))
                continue
            if tag == "choice":
                for branch in list(kid):
                    if self._na(branch, dead):
                        kid.remove(branch)
                if len(kid) == 1:
                    only = kid[0]
                    el.replace(kid, only)
                    kid = only
            self._rewrite(kid, dead)

    def tidy(self) -> None:
        """Drop `empty` beside other patterns and unwrap one-child groups and choices.

        Equivalent grammar, but simpler: libxml2 mis-validated sequences with a stray `empty` in them.
        """
        changed = True
        while changed:
            changed = False
            for el in list(self.grammar.iter(R + "empty")):
                parent = el.getparent()
                if parent is not None and parent.tag in (R + "group", R + "element", R + "define", R + "interleave") \
                        and len(parent) > 1:
                    parent.remove(el)
                    changed = True
            for el in list(self.grammar.iter(R + "group", R + "choice")):
                parent = el.getparent()
                if len(el) == 1 and parent is not None and parent.tag != R + "element" or (
                        len(el) == 1 and parent.tag == R + "element" and el.getprevious() is not None):
                    parent.replace(el, el[0])
                    changed = True

    # -- 3. reachability -----------------------------------------------------------------------------
    def drop_unreachable(self) -> None:
        seen: set[str] = set()
        todo = [self.grammar.find(R + "start")]
        while todo:
            node = todo.pop()
            for ref in node.iter(R + "ref"):
                name = ref.get("name")
                if name not in seen:
                    seen.add(name)
                    todo.append(self.defines[name])
        for name in set(self.defines) - seen:
            self.grammar.remove(self.defines.pop(name))

    # -- 4. closed values ----------------------------------------------------------------------------
    def close_values(self, rules: dict[str, list[str]]) -> None:
        for key, values in rules.items():
            element, attr = key.split("@")
            if element == "*":
                found = [a for a in self.grammar.iter(R + "attribute") if a.get("name") == attr]
                if not found:
                    raise SystemExit(f"customization: no attribute @{attr} in the grammar")
                for a in found:
                    _replace_children(a, [_values(values)])
            else:
                define = self.defines.get(element)
                if define is None:
                    raise SystemExit(f"customization: element {element} is not in the schema")
                if not self._close_in(define, attr, values, suffix=element):
                    raise SystemExit(f"customization: element {element} has no attribute @{attr}")

    def _close_in(self, node: etree._Element, attr: str, values: list[str], suffix: str) -> bool:
        """Close @attr below `node`, cloning referenced attribute-class defines so only this element changes."""
        done = False
        for a in node.iter(R + "attribute"):
            if a.get("name") == attr:
                _replace_children(a, [_values(values)])
                done = True
        for ref in list(node.iter(R + "ref")):
            name = ref.get("name")
            if not name.startswith("att.") or not self._mentions(name, attr, set()):
                continue
            clone_name = f"{name}.{suffix}"
            if clone_name not in self.defines:
                clone = copy.deepcopy(self.defines[name])
                clone.set("name", clone_name)
                self.grammar.append(clone)
                self.defines[clone_name] = clone
                self._close_in(clone, attr, values, suffix)
            ref.set("name", clone_name)
            done = True
        return done

    def _mentions(self, name: str, attr: str, seen: set[str]) -> bool:
        if name in seen or name not in self.defines:
            return False
        seen.add(name)
        d = self.defines[name]
        if any(a.get("name") == attr for a in d.iter(R + "attribute")):
            return True
        return any(self._mentions(r.get("name"), attr, seen) for r in d.iter(R + "ref") if r.get("name").startswith("att."))


def _values(values: list[str]) -> etree._Element:
    choice = _rng("choice")
    for v in values:
        val = _rng("value")
        val.text = v
        choice.append(val)
    return choice


def _replace_children(el: etree._Element, kids: list) -> None:
    for k in list(el):
        el.remove(k)
    el.text = None
    for k in kids:
        el.append(k)


def _drop(el) -> None:
    parent = el.getparent()
    tail = el.tail
    parent.remove(el)
    if tail and tail.strip():
        raise ValueError("unexpected text in RELAX NG grammar")


def generate(schema_dir: Path = SCHEMA_DIR) -> tuple[Path, bytes]:
    spec = tomllib.loads((schema_dir / "customization.toml").read_text(encoding="utf-8"))
    source = schema_dir / spec["source"]
    parser = etree.XMLParser(remove_blank_text=True, remove_comments=False, resolve_entities=False, no_network=True)
    tree = etree.parse(str(source), parser)
    grammar = tree.getroot()
    header = [c for c in grammar if isinstance(c, etree._Comment)]  # TEI licence and version: keep
    cust = Customizer(grammar)
    cust.strip_annotations()
    cust.keep_only(set(spec["elements"]))
    cust.tidy()
    cust.drop_unreachable()
    cust.close_values(spec.get("values", {}))
    for c in reversed(header):
        grammar.insert(0, c)
    grammar.insert(0, etree.Comment(
        " Generated by `python -m tools.schemagen` from schema/customization.toml and the official TEI "
        "tei_all grammar (below its licence). Do not edit by hand: edit the customization and regenerate. "))
    etree.cleanup_namespaces(grammar, top_nsmap={None: RNG})
    data = etree.tostring(tree, pretty_print=True, xml_declaration=True, encoding="UTF-8")
    return schema_dir / spec["output"], data


def main(argv: list[str]) -> int:
    out, data = generate()
    if "--check" in argv:
        if not out.exists() or out.read_bytes() != data:
            print(f"{out}: out of date; run `python -m tools.schemagen`", file=sys.stderr)
            return 1
        return 0
    out.write_bytes(data)
    print(f"wrote {out} ({len(data)} bytes)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
