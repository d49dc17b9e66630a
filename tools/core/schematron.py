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
    alternatives, _ = _split_top(context, sep="|")
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
    test.terms = terms  # (attribute, prefix or None) it needs: the first, for dispatch by attribute
    return test


class Engine:
    def __init__(self, schema: etree._Element):
        if schema.get("defaultPhase") not in (None, "#ALL") or schema.find(SCH + "phase") is not None:
            raise Unsupported("phases")
        self.ns = {ns.get("prefix"): ns.get("uri") for ns in schema.iter(SCH + "ns")}
        self.keys = []
        id_keys = set()
        for key in schema.iter(XSL + "key"):
            _functions_ok(key.get("use"))
            attribute = _plain_attribute(key.get("use"))
            self.keys.append((key.get("name"), self._xpath(_selection(key.get("match"))), self._xpath(key.get("use")),
                              attribute))
            if attribute == _XML_ID and " ".join(key.get("match").split()) in ("*[@xml:id]", "*"):
                id_keys.add(key.get("name"))
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
                        bulk = bulk_by_id = None
                        if not lets and not re.search(r"\b(position|last|current)\s*\(", test):
                            bulk = self._xpath(f"$nodes[{test}]" if is_report else f"$nodes[not({test})]")
                            by_id = _keys_as_id(test, id_keys)
                            if by_id != test:
                                bulk_by_id = self._xpath(f"$nodes[{by_id}]" if is_report else f"$nodes[not({by_id})]")
                        checks.append((is_report, self._xpath(f"boolean({test})"), (bulk, bulk_by_id),
                                       check.get("role"), self._message(check)))
                rules.append(_Rule(self._xpath(_selection(rule.get("context"))), lets, checks,
                                   _python_context(rule.get("context"), self.ns)))
            self.patterns.append(rules)
        self._simple = [rule for rules in self.patterns for rule in rules if rule.test is not None]
        self._by_tag: dict[str, list] = {}        # contexts of one element name ("tei:choice")
        self._by_attribute: dict[str, list] = {}  # contexts of any name that need an attribute ("*[@ref]"):
        self._any_tag = []                        #   (rule, its prefix test or None, its whole test or None)
        for rule in self._simple:
            if rule.test.tag is not None:
                self._by_tag.setdefault(rule.test.tag, []).append(rule)
            elif rule.test.terms:
                name, prefix = rule.test.terms[0]
                whole = rule.test if len(rule.test.terms) > 1 else None
                self._by_attribute.setdefault(name, []).append((rule, prefix, whole))
            else:
                self._any_tag.append(rule)
        self._uses_id = any(bulk_by_id is not None for rules in self.patterns for rule in rules
                            for _, _, (_, bulk_by_id), _, _ in rule.checks)

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
        selected: dict[int, list] = {id(rule): [] for rule in self._simple}
        # one walk for every simple context; each element is tested only against the rules for its name, its
        # attributes' names and any element: a test per rule per element was most of the engine's time.
        # The xml:id values are gathered on the way (for `_ids_are_native`).
        by_tag, by_attribute, any_tag = self._by_tag, self._by_attribute, self._any_tag
        ids, with_id = [], []
        for el in root.iter(etree.Element):
            for rule in by_tag.get(el.tag, ()):
                if rule.test(el):
                    selected[id(rule)].append(el)
            for name, value in el.items():
                if name == _XML_ID:
                    ids.append(value)
                    with_id.append(el)
                for rule, prefix, whole in by_attribute.get(name, ()):
                    if (prefix is None or value.startswith(prefix)) and (whole is None or whole(el)):
                        selected[id(rule)].append(el)
            for rule in any_tag:
                if rule.test(el):
                    selected[id(rule)].append(el)
        by_id = self._uses_id and self._ids_are_native(root, ids, with_id)
        findings = []
        for rules in self.patterns:
            claimed = set()
            for rule in rules:
                found = selected[id(rule)] if rule.test is not None else rule.select(root, **variables)
                nodes = [n for n in found if isinstance(n, etree._Element) and n not in claimed]
                claimed.update(nodes)
                if not nodes:
                    continue
                for is_report, test, (bulk, bulk_by_id), role, message in rule.checks:
                    if by_id and bulk_by_id is not None:
                        bulk = bulk_by_id
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

    def _ids_are_native(self, root, ids: list[str], with_id: list) -> bool:
        """Whether libxml2's own id() gives what key() of an xml:id key gives, on this document (`ids`: its
        xml:id values, `with_id`: the elements that bear them): the tree is a whole document, its xml:id
        values are unique names (no space, no '#': so the argument `_keys_as_id` makes of a string with a space
        finds nothing, as key() would), and libxml2's ID table holds exactly the elements that bear them (a
        parsed document has them there; a tree built or copied by code may not)."""
        if root.getroottree().getroot() is not root:
            return False
        if len(set(ids)) != len(ids) or any(not i or _NOT_A_NAME.search(i) for i in ids):
            return False
        return not ids or root.xpath("count(id($ids)) = $n and count(id($ids) | $elements) = $n",
                                     ids=" ".join(ids), elements=with_id, n=len(ids))

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
        for key_name, match, use, attribute in self.keys:
            if key_name != name:
                continue
            if attribute is not None:  # the usual `use="@a"`: read the attribute, no XPath per node
                for node in match(root):
                    value = node.get(attribute) if isinstance(node, etree._Element) else None
                    if value is not None:
                        index.setdefault(value, []).append(node)
                continue
            for node in match(root):
                for v in _strings(use(node)):
                    index.setdefault(v, []).append(node)
        return index


_NOT_A_NAME = re.compile(r"[\s#]")
_XML_NS = "{http://www.w3.org/XML/1998/namespace}"
_XML_ID = _XML_NS + "id"


def _plain_attribute(use: str) -> str | None:
    """The attribute's name as lxml spells it when a key's `use` is just `@name` or `@xml:name`, else None."""
    m = re.fullmatch(r"\s*@(xml:)?([A-Za-z_][\w.-]*)\s*", use or "")
    if not m:
        return None
    return (_XML_NS if m.group(1) else "") + m.group(2)


# key() calls whose argument is one string: an attribute of the context node, or a function that returns a string
_ONE_STRING = re.compile(r"@[\w.-]+(?::[\w.-]+)?|(?:substring-after|substring-before|substring|concat|"
                         r"normalize-space|string|translate)\(.*\)", re.S)


def _keys_as_id(expr: str, id_keys: set[str]) -> str:
    """`expr` with each `key('K', ARG)` of an xml:id key K made `id(translate(ARG, WHITESPACE, '####'))` when ARG
    is one string (see _ONE_STRING): the same nodes, found by libxml2 in C instead of a call into Python for
    each node (most of a document's Schematron time). translate() turns a string with spaces into one token that
    is no name, so that id(), which would split it, finds nothing, as key() does. Used only on a document where
    `_ids_are_native`; anything else is left as it was."""
    out, i = [], 0
    for m in re.finditer(r"(?<![\w.:-])key\s*\(", expr):
        if m.start() < i:
            continue
        args, end = _arguments(expr, m.end())
        if end is None or len(args) != 2:
            continue
        name = re.fullmatch(r"\s*(['\"])([^'\"]*)\1\s*", args[0])
        arg = args[1].strip()
        if not name or name.group(2) not in id_keys or not _ONE_STRING.fullmatch(arg):
            continue
        out.append(expr[i:m.start()])
        out.append(f"id(translate({_keys_as_id(arg, id_keys)}, ' \t\n\r', '####'))")
        i = end
    out.append(expr[i:])
    return "".join(out)


def _arguments(expr: str, start: int) -> tuple[list[str], int | None]:
    """The top-level arguments of the call whose '(' ends at `start`, and the index after its ')' (None: no
    closing parenthesis)."""
    return _split_top(expr, start, sep=",", close=")")


def _split_top(expr: str, start: int = 0, *, sep: str, close: str | None = None) -> tuple[list[str], int | None]:
    """`expr` from `start` split at `sep` where it stands outside quotes, brackets and parentheses, up to an
    unmatched `close` (or the end): the parts, and the index after `close` (None when it ends without)."""
    parts, depth, quote, begin = [], 0, None, start
    for j in range(start, len(expr)):
        ch = expr[j]
        if quote:
            quote = None if ch == quote else quote
        elif ch in "'\"":
            quote = ch
        elif ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        elif close is not None and ch == close:
            parts.append(expr[begin:j])
            return parts, j + 1
        elif ch == sep and depth == 0:
            parts.append(expr[begin:j])
            begin = j + 1
    parts.append(expr[begin:])
    return parts, None


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
