"""Generate an edition's RELAX NG customization from the official tei_all grammar.

How it works: read the edition's customization (a TOML file: the grammar it starts from, the file it writes,
the list of elements the edition may use and closed value lists), then on tei_all
  1. drop annotations and embedded Schematron (our rules live in schema/kse-edition.sch);
  2. turn every element not in the list into `notAllowed` and propagate it (a choice loses the branch,
     an optional or zeroOrMore becomes empty, a required part makes its parent impossible) to a fixpoint;
  3. drop what is no longer reachable from `start`;
  4. close attribute values: "*@attr" everywhere, "el@attr" by cloning the attribute-class definitions on
     the path from that element's definition (so other elements keep the TEI values).
Every step narrows the language, so whatever the result accepts, tei_all accepts (tested with jing).

Usage: `tools schema` rewrites the project's RELAX NG (edition.toml: [schema] customization); `--check` exits
1 if it is out of date. `source = "tei_all"` in a customization means the toolkit's vendored tei_all.
The same pruning, on the elements one document uses, judges a document by tei_all (tools.core.teiall).
"""
from __future__ import annotations

import copy
import sys
import tomllib
from collections import deque
from pathlib import Path

from lxml import etree

from tools.core.errors import EXIT_INVALID, EXIT_USAGE, ToolError

RNG = "http://relaxng.org/ns/structure/1.0"
R = f"{{{RNG}}}"


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
    def keep_only(self, elements: set[str], keep_wildcards: bool = False) -> None:
        """Make every element not named in `elements` impossible and propagate. Wildcard elements (any name of
        other namespaces, as in TEI's anyElement-* defines) go too, unless `keep_wildcards`."""
        for define in self.defines.values():
            kids = [k for k in define if isinstance(k.tag, str)]
            if len(kids) == 1 and kids[0].tag == R + "element":
                name = kids[0].get("name")
                if (name is None and not keep_wildcards) or (name is not None and name not in elements):
                    _replace_children(define, [_rng("notAllowed")])
        dead = set(self.defines) - self._productive()
        for name in dead:
            self.grammar.remove(self.defines.pop(name))
        for define in list(self.defines.values()) + [self.grammar.find(R + "start")]:
            self._rewrite(define, dead)

    def _productive(self) -> set[str]:
        """The defines that match some finite tree (least fixpoint). A define that is not productive matches
        nothing, e.g. <listPerson> once <person> is gone: it would need a <listPerson> inside, for ever.
        Such a pattern is notAllowed in disguise; left in, it sends libxml2's compiler into an endless loop.
        A worklist: a define is looked at again only when one it refers to has become productive."""
        users: dict[str, set[str]] = {}
        for name, define in self.defines.items():
            for ref in define.iter(R + "ref"):
                users.setdefault(ref.get("name"), set()).add(name)
        productive: set[str] = set()
        todo = deque(self.defines)
        queued = set(todo)
        while todo:
            name = todo.popleft()
            queued.discard(name)
            if name in productive or not all(self._yields(k, productive) for k in self.defines[name]):
                continue
            productive.add(name)
            for user in users.get(name, ()):
                if user not in productive and user not in queued:
                    todo.append(user)
                    queued.add(user)
        return productive

    def _yields(self, el: etree._Element, productive: set[str]) -> bool:
        tag = el.tag[len(R):]
        if tag == "notAllowed":
            return False
        if tag == "ref":
            return el.get("name") in productive
        if tag in ("element", "attribute"):
            kids = list(el) if el.get("name") is not None else list(el)[1:]  # skip the name class
            return all(self._yields(k, productive) for k in kids)
        if tag in ("group", "interleave", "oneOrMore", "list", "mixed", "define"):
            return all(self._yields(k, productive) for k in el)
        if tag == "choice":
            return any(self._yields(k, productive) for k in el)
        return True  # empty, text, data, value, zeroOrMore, optional

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
            kid = self._simplify(el, kid, dead)
            if kid is not None:
                self._rewrite(kid, dead)

    def _simplify(self, parent: etree._Element, kid: etree._Element, dead: set[str]) -> etree._Element | None:
        """Drop what `dead` makes impossible in `kid` (a child of `parent`); return what stands in its place,
        or None when nothing is left to look into. Repeated: unwrapping a choice can uncover an optional part
        that is now impossible ("(model.global* | q)" once q is gone)."""
        while True:
            tag = kid.tag[len(R):]
            if tag in ("zeroOrMore", "optional") and self._na_seq(list(kid), dead):
                parent.replace(kid, _rng("empty"))
                return None
            if tag != "choice":
                return kid
            for branch in list(kid):
                if self._na(branch, dead):
                    kid.remove(branch)
            if len(kid) != 1:
                return kid
            only = kid[0]
            parent.replace(kid, only)
            kid = only

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
            for el in list(self.grammar.iter(R + "oneOrMore", R + "zeroOrMore", R + "optional")):
                # (X+)+ is X+, (X*)+ and (X+)? are X*, … : nested repetitions (which pruning uncovers, e.g. in
                # listPerson) send libxml2's content-model compiler into exponential work
                if len(el) == 1 and el[0].tag in (R + "oneOrMore", R + "zeroOrMore", R + "optional"):
                    outer, inner = el.tag[len(R):], el[0].tag[len(R):]
                    merged = outer if outer == inner else "zeroOrMore"
                    repl = _rng(merged)
                    for k in list(el[0]):
                        repl.append(k)
                    el.getparent().replace(el, repl)
                    changed = True
            for el in list(self.grammar.iter(R + "group", R + "choice")):
                parent = el.getparent()
                if len(el) != 1 or parent is None:
                    continue
                # The first child of an element or attribute without @name is its name class: a choice there
                # is a name class and stays. Anywhere else a lone group or choice is unwrapped: libxml2 loops
                # for ever on element a { group((b | a)+), attribute? } and on
                # element msItem { group(p+ | (bibl | msItem)+), attribute? } (pruning uncovers such groups).
                name_class = parent.tag in (R + "element", R + "attribute") and parent.get("name") is None \
                    and el.getprevious() is None
                if not name_class:
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


def generate(customization: Path) -> tuple[Path, bytes]:
    """The RELAX NG a customization file describes: (the file it is written to, its bytes)."""
    from tools.core import resources

    customization = Path(customization)
    try:
        spec = tomllib.loads(customization.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ToolError(f"{customization}: error: cannot read the customization: {exc}", EXIT_USAGE)
    for key in ("output", "elements"):
        if key not in spec:
            raise ToolError(f"{customization}: error: the customization needs `{key}`", EXIT_USAGE)
    source_name = spec.get("source", "tei_all")
    source = resources.tei_all() if source_name == "tei_all" else customization.parent / source_name
    parser = etree.XMLParser(remove_blank_text=True, remove_comments=False, resolve_entities=False, no_network=True)
    tree = etree.parse(str(source), parser)
    grammar = tree.getroot()
    header = [c for c in grammar if isinstance(c, etree._Comment)]  # TEI licence and version: keep
    cust = Customizer(grammar)
    cust.strip_annotations()
    cust.keep_only(set(spec["elements"]))
    cust.tidy()
    cust.drop_unreachable()
    try:
        cust.close_values(spec.get("values", {}))
    except SystemExit as exc:
        raise ToolError(f"{customization}: error: {exc}", EXIT_INVALID)
    for c in reversed(header):
        grammar.insert(0, c)
    grammar.insert(0, etree.Comment(
        f" Generated by `tools schema` from {customization.name} and the official TEI "
        "tei_all grammar (below its licence). Do not edit by hand: edit the customization and regenerate. "))
    etree.cleanup_namespaces(grammar, top_nsmap={None: RNG})
    data = etree.tostring(tree, pretty_print=True, xml_declaration=True, encoding="UTF-8")
    return customization.parent / spec["output"], data


def regenerate(project, check_only: bool = False) -> str:
    """Write (or, with `check_only`, compare) the project's RELAX NG; return what was done, for the user.
    ToolError: exit 2 when the project has no customization, exit 1 when the RELAX NG is out of step."""
    if project.customization is None:
        where = project.file or "this folder (no edition.toml)"
        raise ToolError(f"{where}: error: no [schema] customization in the project file: nothing to generate",
                        EXIT_USAGE)
    out, data = generate(project.customization)
    if check_only:
        if not out.exists() or out.read_bytes() != data:
            raise ToolError(f"{out}: error: out of date with {project.customization.name}; run `tools schema`",
                            EXIT_INVALID)
        return f"{out}: in step with {project.customization.name}"
    from tools.core.outputs import atomic_write_bytes

    atomic_write_bytes(out, data)
    return f"wrote {out} ({len(data)} bytes)"
