"""ISO Schematron (XPath 1.0 binding) run over the parsed tree in Python: the same rules, the same messages,
a fraction of the time of lxml's XSLT 1 implementation.

Why: lxml compiles a Schematron to XSLT whose every pattern is a walk of the whole document, testing every
rule context against every element: on our edition (2,200 elements, 17 patterns) 95 ms even trimmed, most of
a file's validation. Here each rule's context is selected once by one XPath over the tree (C speed:
`*[@xml:id]` becomes `descendant-or-self::*[@xml:id]` from the root element), the first rule of a pattern
that selects a node claims it (as in Schematron), and each assert is evaluated once over the rule's nodes
(a predicate on them). `xsl:key` declarations are honoured: `key()` reads an index built once per
document, never a rescan.

What runs here: the schema after lxml's own inclusion and abstract-pattern expansion steps (so includes,
abstract patterns and their parameters mean what they mean there); sch:ns, sch:let (schema, pattern, rule),
rules whose contexts select elements, assert and report with role, value-of and name in messages, xsl:key,
the functions of XPath 1.0 and key() and current(). Anything else (a phase, abstract rules, a context that
can select attributes or the root, document(), other XSLT or extension functions) raises Unsupported and
the caller runs lxml's XSLT instead. tests/test_validate_engine.py checks that both report the same.

    engine = compile_schematron(Path("rules.sch"))      # or Unsupported
    for node, role, text in engine.run(tree): ...         # failed asserts and successful reports
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from pathlib import Path

from lxml import etree, isoschematron

from tools.core.xmlsafe import safe_parser

SCH = "{http://purl.oclc.org/dsdl/schematron}"
XSL = "{http://www.w3.org/1999/XSL/Transform}"
_XPATH1 = {"last", "position", "count", "id", "local-name", "namespace-uri", "name", "string", "concat",
           "starts-with", "contains", "substring-before", "substring-after", "substring", "string-length",
           "normalize-space", "translate", "boolean", "not", "true", "false", "lang", "number", "sum", "floor",
           "ceiling", "round", "key", "current", "node", "text", "comment", "processing-instruction",
           "and", "or", "div", "mod"}  # operators before a parenthesis


class Unsupported(Exception):
    """The schema uses something this engine does not run: use lxml's XSLT."""


def _functions_ok(expr: str) -> None:
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "", expr or "")
    for name in re.findall(r"(?<![\w.:-])([A-Za-z_][\w.:-]*)\s*\(", bare):
        if name not in _XPATH1:
            raise Unsupported(f"function {name}()")


def may_match_attribute(pattern: str) -> bool:
    """Whether an XSLT match pattern can match an attribute node: some alternative's last step is one
    (predicates and strings removed first). Errs on the side of yes."""
    bare = re.sub(r"'[^']*'|\"[^\"]*\"", "", pattern)
    while "[" in bare:
        stripped = re.sub(r"\[[^\[\]]*\]", "", bare)
        if stripped == bare:
            return True
        bare = stripped
    for alternative in bare.split("|"):
        last = re.split(r"/+", alternative.strip())[-1]
        if last.startswith(("@", "attribute::")) or last in ("node()", "") or "(" in last:
            return True
    return False


def _selection(context: str) -> str:
    """An XSLT match pattern as an XPath that selects, from the root, the nodes it matches."""
    if may_match_attribute(context):
        raise Unsupported(f"context {context!r} may match attributes")
    alternatives, depth, start, quote = [], 0, 0, None
    for i, ch in enumerate(context):
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "[(":
            depth += 1
        elif ch in "])":
            depth -= 1
        elif ch == "|" and depth == 0:
            alternatives.append(context[start:i])
            start = i + 1
    alternatives.append(context[start:])
    out = []
    for alt in (a.strip() for a in alternatives):
        if not alt or alt == "/" or alt.startswith(("key(", "id(")):
            raise Unsupported(f"context {context!r}")
        if alt.startswith("/"):
            out.append(alt)
        elif re.match(r"^(\*|[A-Za-z_][\w.-]*(:[\w.*-]+)?)(\[|/|$)", alt):
            # evaluated at the root element: descendant-or-self:: is // without the text nodes' detour
            out.append("descendant-or-self::" + alt)
        else:
            out.append("//" + alt)
    return " | ".join(out)


class _Rule:
    def __init__(self, select, lets, checks, test=None):
        self.select, self.lets, self.checks = select, lets, checks
        self.test = test  # the context as a Python test of an element, when it is a simple one


_TERM = re.compile(r"\s*(?:@([\w.-]+(?::[\w.-]+)?)|starts-with\(\s*@([\w.-]+(?::[\w.-]+)?)\s*,\s*'([^']*)'\s*\))\s*")


def _python_context(context: str, ns: dict):
    """A function el -> bool for a context of the simplest, commonest forms (`*`, `p:name`, with predicates
    `@a`, `@a and @b`, `starts-with(@a, 'x')`), so that all of them are tested in one walk of the tree
    instead of one XPath walk each (a walk costs about 1 ms per 2,000 elements). None for anything else."""
    m = re.fullmatch(r"\s*(\*|[\w.-]+:[\w.-]+)\s*(?:\[(.*)\])?\s*", context)
    if not m or (m.group(2) and "[" in m.group(2)):
        return None
    tag = None
    if m.group(1) != "*":
        prefix, local = m.group(1).split(":")
        if prefix not in ns:
            return None
        tag = f"{{{ns[prefix]}}}{local}"
    terms = []
    for term in (m.group(2).split(" and ") if m.group(2) else []):
        t = _TERM.fullmatch(term)
        if not t:
            return None
        name = t.group(1) or t.group(2)
        if ":" in name:
            prefix, local = name.split(":")
            if prefix != "xml":
                return None
            name = f"{{http://www.w3.org/XML/1998/namespace}}{local}"
        terms.append((name, t.group(3)))

    def test(el) -> bool:
        if tag is not None and el.tag != tag:
            return False
        for name, prefix in terms:
            value = el.get(name)
            if value is None or (prefix is not None and not value.startswith(prefix)):
                return False
        return True
    test.tag = tag  # the element name the context needs (None: any), for dispatch by name
    test.attribute = terms[0][0] if terms else None  # an attribute it needs, for dispatch by attribute
    return test


class Engine:
    def __init__(self, schema: etree._Element):
        if schema.get("defaultPhase") not in (None, "#ALL") or schema.find(SCH + "phase") is not None:
            raise Unsupported("phases")
        self.ns = {ns.get("prefix"): ns.get("uri") for ns in schema.iter(SCH + "ns")}
        self.keys = []
        for key in schema.iter(XSL + "key"):
            _functions_ok(key.get("use"))
            self.keys.append((key.get("name"), self._xpath(_selection(key.get("match"))), self._xpath(key.get("use"))))
        self.globals = [self._let(let) for let in schema.findall(SCH + "let")]
        self.patterns = []
        for pattern in schema.iter(SCH + "pattern"):
            if pattern.get("abstract") == "true" or pattern.get("is-a"):
                raise Unsupported("unexpanded abstract pattern")
            self.globals += [self._let(let) for let in pattern.findall(SCH + "let")]
            rules = []
            for rule in pattern.findall(SCH + "rule"):
                if rule.get("abstract") == "true" or rule.find(SCH + "extends") is not None:
                    raise Unsupported("abstract rules")
                _functions_ok(rule.get("context"))
                lets = [self._let(let) for let in rule.findall(SCH + "let")]
                checks = []
                for check in rule:
                    if check.tag in (SCH + "assert", SCH + "report"):
                        test = check.get("test")
                        _functions_ok(test)
                        is_report = check.tag == SCH + "report"
                        # the nodes that fire, all at once: the rule's nodes as a variable, the test as a
                        # predicate (not for a test that asks its position or current(), nor after a rule's
                        # lets, whose values differ node by node)
                        bulk = None
                        if not lets and not re.search(r"\b(position|last|current)\s*\(", test):
                            bulk = self._xpath(f"$nodes[{test}]" if is_report else f"$nodes[not({test})]")
                        checks.append((is_report, self._xpath(f"boolean({test})"), bulk, check.get("role"),
                                       self._message(check)))
                rules.append(_Rule(self._xpath(_selection(rule.get("context"))), lets, checks,
                                   _python_context(rule.get("context"), self.ns)))
            self.patterns.append(rules)

    def _xpath(self, expr: str) -> etree.XPath:
        _functions_ok(expr)
        try:
            return etree.XPath(expr, namespaces=self.ns, extensions=self._extensions, smart_strings=False)
        except etree.XPathSyntaxError as exc:
            raise Unsupported(f"{expr!r}: {exc}")

    def _let(self, let) -> tuple[str, etree.XPath]:
        return let.get("name"), self._xpath(let.get("value"))

    def _message(self, check) -> list:
        """Pieces of the message: strings, and XPaths whose string value is put in."""
        parts: list = [check.text or ""]
        for kid in check:
            if kid.tag == SCH + "value-of":
                parts.append(self._xpath(f"string({kid.get('select')})"))
            elif kid.tag == SCH + "name":
                parts.append(self._xpath(f"name({kid.get('path') or '.'})"))
            elif kid.tag in (SCH + "emph", SCH + "dir", SCH + "span"):
                parts.append("".join(kid.itertext()))
            elif isinstance(kid.tag, str):
                raise Unsupported(f"<{kid.tag}> in a message")
            parts.append(kid.tail or "")
        return parts

    @property
    def _extensions(self):
        return {(None, "key"): self._key, (None, "current"): self._current_node}

    # -- run -------------------------------------------------------------------------------------------
    def run(self, tree) -> list[tuple]:
        """(node, role, message) of every failed assert and successful report, pattern by pattern."""
        self._tree, self._index, self._order, self._current = tree, {}, None, None
        root = tree.getroot() if hasattr(tree, "getroot") else tree
        variables = {}
        for name, xp in self.globals:
            variables[name] = xp(root, **variables)
        simple = [rule for rules in self.patterns for rule in rules if rule.test is not None]
        selected: dict[int, list] = {id(rule): [] for rule in simple}
        # one walk for every simple context; each element is tested only against the rules for its name (and
        # those for any element): a test per rule per element was most of the engine's time
        by_tag: dict[str, list] = {}
        by_attribute: dict[str, list] = {}  # contexts of any name that need an attribute ("*[@ref]")
        any_tag = []
        for rule in simple:
            if rule.test.tag is not None:
                by_tag.setdefault(rule.test.tag, []).append(rule)
            elif rule.test.attribute is not None:
                by_attribute.setdefault(rule.test.attribute, []).append(rule)
            else:
                any_tag.append(rule)
        for el in root.iter(etree.Element):
            for rule in by_tag.get(el.tag, ()):
                if rule.test(el):
                    selected[id(rule)].append(el)
            if by_attribute:
                for name in el.attrib:
                    for rule in by_attribute.get(name, ()):
                        if rule.test(el):
                            selected[id(rule)].append(el)
            for rule in any_tag:
                if rule.test(el):
                    selected[id(rule)].append(el)
        findings = []
        for rules in self.patterns:
            claimed = set()
            for rule in rules:
                found = selected[id(rule)] if rule.test is not None else rule.select(root, **variables)
                nodes = [n for n in found if isinstance(n, etree._Element) and n not in claimed]
                claimed.update(nodes)
                if not nodes:
                    continue
                for is_report, test, bulk, role, message in rule.checks:
                    if bulk is not None:
                        fired = bulk(root, nodes=nodes, **variables)
                        findings += [(node, role, self._text(message, node, variables)) for node in fired]
                        continue
                    for node in nodes:
                        self._current = node
                        local = dict(variables)
                        for name, xp in rule.lets:
                            local[name] = xp(node, **local)
                        if test(node, **local) == is_report:
                            findings.append((node, role, self._text(message, node, local)))
        self._tree = self._index = self._order = self._current = None
        return findings

    def _text(self, message: list, node, variables: dict) -> str:
        self._current = node
        return "".join(p if isinstance(p, str) else p(node, **variables) for p in message)

    def _current_node(self, context):
        return [self._current]

    def _key(self, context, name, value):
        index = self._index.get(name)
        if index is None:
            index = self._index[name] = self._build_index(name)
        if isinstance(value, str):  # the usual case: one value, its nodes already in document order
            return index.get(value, [])
        found = []
        for v in _strings(value):
            found.extend(index.get(v, ()))
        if len(found) > 1:
            if self._order is None:
                self._order = {el: i for i, el in enumerate(self._tree.iter())}
            found = sorted(set(found), key=self._order.__getitem__)
        return found

    def _build_index(self, name: str) -> dict[str, list]:
        index: dict[str, list] = {}
        root = self._tree.getroot() if hasattr(self._tree, "getroot") else self._tree
        for key_name, match, use in self.keys:
            if key_name == name:
                for node in match(root):
                    for v in _strings(use(node)):
                        index.setdefault(v, []).append(node)
        return index


def _strings(value) -> list[str]:
    """XPath string values: each node of a node-set, or the one value."""
    if isinstance(value, list):
        return ["".join(v.itertext()) if isinstance(v, etree._Element) else str(v) for v in value]
    if isinstance(value, bool):
        return ["true" if value else "false"]
    if isinstance(value, float):
        if math.isnan(value):
            return ["NaN"]
        return [str(int(value)) if value.is_integer() else repr(value)]
    return [str(value)]


@lru_cache(maxsize=None)
def compile_schematron(path: str) -> Engine:
    """The engine for the Schematron at `path`, after lxml's include and abstract-pattern expansion."""
    doc = etree.parse(path, safe_parser())
    root = doc.getroot()
    if (root.get("queryBinding") or "xslt").lower() not in ("xslt", "xpath"):
        raise Unsupported(f"queryBinding {root.get('queryBinding')}")
    expanded = isoschematron.iso_abstract_expand(isoschematron.iso_dsdl_include(doc))
    return Engine(expanded.getroot())
