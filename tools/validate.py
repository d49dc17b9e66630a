"""Validation of TEI files: well-formedness, then our RELAX NG, then our Schematron.

Each problem is a `Problem` located at path:line:column with a message that says what to do. The grammar
and the Schematron are compiled once per process. libxml2 gives RELAX NG errors a line but no column and
terse text; we locate the element on its line in the source to give a column, and add hints from the
grammar (what is allowed there, the closed values of an attribute, the closest existing ids).

Policy: "project" validates every file against our schema (what `tools validate` does); "declared" does so
only for files whose <?xml-model?> names our schema and checks the others for well-formedness only, so that
the builders can render foreign TEI documents (what `tools build` does).
"""
from __future__ import annotations

import calendar
import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lxml import etree, isoschematron

from tools import paths as P
from tools.errors import EXIT_INVALID, Problem, ToolError
from tools.grammar import Grammar
from tools.xmlsafe import parse_bytes, read_bytes, safe_parser

TEI_NS = "http://www.tei-c.org/ns/1.0"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"


@dataclass
class Report:
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    usage_error: bool = False  # a file could not be read or is not XML at all

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def invalid_files(self) -> set[str]:
        return {p.path for p in self.problems if p.severity == "error"}


@lru_cache(maxsize=None)
def _rng(path: str = str(P.RNG)):
    tree = etree.parse(path, safe_parser())
    return etree.RelaxNG(tree), Grammar(tree)


@lru_cache(maxsize=None)
def _schematron(path: str = str(P.SCHEMATRON)):
    return isoschematron.Schematron(etree.parse(path, safe_parser()), store_report=True)


def validate_paths(paths=(), *, policy: str = "project") -> Report:
    """Validate files (or every *.xml in directories); default: the edition under tei/."""
    report = Report()
    for path in P.expand(list(paths)):
        shown = P.display(path)
        report.files.append(shown)
        try:
            report.problems.extend(validate_file(path, shown=shown, policy=policy))
        except ToolError as err:
            report.problems.extend(err.problems or [Problem(shown, 1, 1, "error", str(err))])
            if err.exit_code == 2:
                report.usage_error = True
    return report


def require_valid(files, *, force: bool, output: str) -> Report:
    """What every builder does first: validate (policy "declared") and refuse an invalid document unless
    `force`, with the validation problems in the error. `output` names what was to be built."""
    report = validate_paths(files, policy="declared")
    if not report.ok and not force:
        problems = [p for p in report.problems if p.severity == "error"]
        first = problems[0].format() if problems else "the edition is not valid"
        raise ToolError(f"{first}\nerror: refusing to build {output} of an invalid document "
                        f"({len(problems)} problem(s)); fix them or use --force", EXIT_INVALID, report.problems)
    return report


def validate_file(path: Path, *, shown: str | None = None, policy: str = "project") -> list[Problem]:
    return validate_bytes(read_bytes(path), shown or str(path), policy=policy)


def validate_bytes(data: bytes, shown: str, *, policy: str = "project") -> list[Problem]:
    """Validate a document held in memory (e.g. an edit before it is written); `shown` names it in messages."""
    tree = parse_bytes(data, shown)
    # columns are counted in the characters the user sees: decode as the parser did
    try:
        text = data.decode("utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else data.decode(
            tree.docinfo.encoding or "utf-8", "replace")
    except (LookupError, UnicodeDecodeError):
        text = data.decode("utf-8", "replace")
    if policy == "declared" and not _declares_our_schema(tree):
        root = tree.getroot()
        if etree.QName(root).namespace != TEI_NS:
            return [Problem(shown, root.sourceline or 1, 1, "error",
                            f"root element <{root.tag}> is not in the TEI namespace ({TEI_NS})")]
        return [Problem(shown, 1, 1, "warning", "no <?xml-model?> for this project's schema: "
                        "checked for well-formedness only")]
    locator = _Locator(tree, text)
    problems = _relaxng(tree, shown, locator)
    problems += _schematron_problems(tree, shown, locator)
    return sorted(set(problems), key=lambda p: (p.line, p.column, p.message))


def _declares_our_schema(tree) -> bool:
    node = tree.getroot().getprevious()
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model" \
                and P.RNG.name in (node.text or ""):
            return True
        node = node.getprevious()
    return False


class _Locator:
    """Find columns: libxml2 gives RELAX NG errors a line only."""

    def __init__(self, tree, text: str):
        self.lines = text.split("\n")
        self.by_line: dict[int, list[etree._Element]] = {}
        for el in tree.iter():
            if isinstance(el.tag, str) and el.sourceline:
                self.by_line.setdefault(el.sourceline, []).append(el)
        self.ids = sorted(x for x in tree.xpath("//@xml:id"))

    def element(self, line: int, name: str | None = None):
        for el in self.by_line.get(line, []):
            if name is None or etree.QName(el).localname == name:
                return el
        return None

    def column(self, line: int, name: str | None, attr: str | None = None) -> int:
        """1-based column of `<name` (or of `attr=` inside it) on `line`; 1 when not found.

        An element's sourceline in libxml2 is where its start tag ends, so look back a few lines too.
        """
        for ln in range(line, max(line - 20, 0), -1):
            src = self.lines[ln - 1] if 0 < ln <= len(self.lines) else ""
            if name:
                m = re.search(r"<(?:\w+:)?" + re.escape(name) + r"[\s/>]", src)
                if m and ln == line:
                    if attr:
                        a = re.compile(r"\s" + re.escape(attr) + r"\s*=").search(src, m.start())
                        if a:
                            return a.start() + 2
                    return m.start() + 1
        if attr:
            src = self.lines[line - 1] if 0 < line <= len(self.lines) else ""
            a = re.search(r"\s" + re.escape(attr) + r"\s*=", src)
            if a:
                return a.start() + 2
        return 1


_RNG_PATTERNS = [
    (re.compile(r"Did not expect element (\S+) there"), "unexpected"),
    (re.compile(r"Element (\S+) has extra content: (\S+)"), "extra"),
    (re.compile(r"Expecting element (\S+), got (\S+)"), "expecting"),
    (re.compile(r"Expecting an element ?(\S*), got nothing"), "missing"),
    (re.compile(r"Invalid attribute (\S+) for element (\S+)"), "badattr"),
    (re.compile(r"Element (\S+) failed to validate attributes"), "attrs"),
    (re.compile(r"Type (\S+) doesn't allow value '([^']*)'"), "datatype"),
    (re.compile(r"Error validating value ?'?([^']*)'?"), "value"),
    (re.compile(r"Element (\S+) failed to validate content"), "content"),
    (re.compile(r"Expecting a namespace for element (\S+)"), "namespace"),
    (re.compile(r"Element (\S+), attribute (\S+): (.*)"), "attrmsg"),
]
# cascade messages say less than the specific ones on the same line
_RANK = {"unexpected": 0, "extra": 0, "expecting": 0, "missing": 1, "badattr": 0, "datatype": 0, "namespace": 0,
         "attrmsg": 0, "value": 2, "attrs": 3, "content": 4, None: 5}


def _relaxng(tree, shown: str, loc: _Locator) -> list[Problem]:
    rng, grammar = _rng()
    if rng.validate(tree):
        return []
    by_line: dict[int, tuple[int, Problem]] = {}
    for entry in rng.error_log:
        line = entry.line or 1
        kind, match = None, None
        for rx, k in _RNG_PATTERNS:
            match = rx.search(entry.message)
            if match:
                kind = k
                break
        problem = _explain_rng(kind, match, entry.message, line, shown, loc, grammar)
        rank = _RANK[kind]
        if line not in by_line or rank < by_line[line][0]:
            by_line[line] = (rank, problem)
    return [p for _, p in by_line.values()]


def _explain_rng(kind, m, message, line, shown, loc, grammar: Grammar) -> Problem:
    def at(name, attr=None):
        return loc.column(line, name, attr)

    if kind in ("unexpected", "extra", "expecting"):
        name = m.group(1) if kind == "unexpected" else m.group(2)
        el = loc.element(line, name)
        parent = el.getparent() if el is not None else None
        pname = etree.QName(parent).localname if parent is not None else None
        if name not in grammar.element_names:
            close = grammar.close_elements(name)
            hint = f"; did you mean <{'>, <'.join(close)}>?" if close else ""
            msg = f"element <{name}> is not part of this edition's TEI schema{hint}"
        else:
            allowed = grammar.children(pname) if pname else []
            msg = f"element <{name}> is not allowed here" + (f" inside <{pname}>" if pname else "")
            if allowed and name not in allowed:
                msg += f"; allowed there: {_few(allowed)}"
            elif allowed:
                msg += " (wrong position or count: check the order of the siblings)"
        return Problem(shown, line, at(name), "error", msg)
    if kind == "missing":
        el = loc.element(line, m.group(1) or None)
        name = m.group(1) or (etree.QName(el).localname if el is not None else "element")
        allowed = grammar.children(name)
        hint = f"; it may contain: {_few(allowed)}" if allowed else ""
        return Problem(shown, line, at(name), "error",
                       f"<{name}> is incomplete: a required child element is missing{hint}")
    if kind in ("badattr", "attrs", "datatype", "value", "attrmsg"):
        name = m.group(2) if kind == "badattr" else (m.group(1) if kind in ("attrs", "attrmsg") else None)
        el = loc.element(line, name) if name else (loc.by_line.get(line) or [None])[0]
        name = etree.QName(el).localname if el is not None else name
        allowed = grammar.attributes(name) if name else {}
        if el is not None:
            for attr, value in el.attrib.items():
                short = "xml:" + attr.split("}")[1] if attr.startswith("{http://www.w3.org/XML/1998") else attr
                if short not in allowed:
                    return Problem(shown, line, at(name, short), "error",
                                   f"attribute @{short} is not allowed on <{name}>; allowed: {_few(sorted(allowed))}")
                values = allowed[short]
                if values is not None and value not in values:
                    return Problem(shown, line, at(name, short), "error",
                                   f"@{short}=\"{value}\" is not allowed on <{name}>; use one of: {', '.join(values)}")
            for attr in ("when", "from", "to", "notBefore", "notAfter", "xml:id"):
                key = "{http://www.w3.org/XML/1998/namespace}id" if attr == "xml:id" else attr
                if el.get(key) is not None and kind in ("datatype", "value", "attrs", "badattr"):
                    v = el.get(key)
                    if attr != "xml:id":
                        msg = _date_problem(attr, v)
                        if msg:
                            return Problem(shown, line, at(name, attr), "error", msg)
        return Problem(shown, line, at(name), "error", _clean(message) + " — check the attribute values of this element")
    if kind == "namespace":
        return Problem(shown, line, at(m.group(1)), "error",
                       f"element <{m.group(1)}> has no namespace: TEI elements belong to {TEI_NS}")
    if kind == "content":
        return Problem(shown, line, at(m.group(1)), "error", f"the content of <{m.group(1)}> is not valid here")
    return Problem(shown, line, 1, "error", _clean(message))


def _date_problem(attr: str, value: str) -> str | None:
    """The message for a bad W3C date value, worded as the Schematron words it (so the two merge)."""
    m = re.fullmatch(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2})(?:T[\d:.]+(?:Z|[+-]\d\d:\d\d)?)?)?)?", value)
    if not m:
        return f'@{attr}="{value}" is not a W3C date: write YYYY, YYYY-MM or YYYY-MM-DD'
    year, month, day = m.groups()
    if month and not 1 <= int(month) <= 12:
        return f'@{attr}="{value}": there is no month {month}'
    if day:
        last = calendar.monthrange(int(year), int(month))[1]
        if not 1 <= int(day) <= last:
            return f'@{attr}="{value}" is not a calendar date: that month has {last} days'
    return None


def _few(names: list[str], limit: int = 14) -> str:
    shown = ", ".join(names[:limit])
    return shown + (f", … ({len(names)} in all)" if len(names) > limit else "")


def _clean(message: str) -> str:
    return message.strip().rstrip(".")


def _schematron_problems(tree, shown: str, loc: _Locator) -> list[Problem]:
    sch = _schematron()
    sch.validate(tree)
    report = sch.validation_report
    problems = []
    ns = {"tei": TEI_NS}
    for item in report.iter(SVRL + "failed-assert", SVRL + "successful-report"):
        location = item.get("location")
        text = " ".join("".join(item.findtext(SVRL + "text") or "").split())
        severity = "warning" if item.get("role") == "warning" else "error"
        node = None
        try:
            found = tree.xpath(location, namespaces=ns)
            node = found[0] if found else None
        except etree.XPathError:
            pass
        attr = None
        if node is not None and not isinstance(node, etree._Element):  # an attribute
            attr = node.attrname
            attr = "xml:" + attr.split("}")[1] if attr.startswith("{http://www.w3.org/XML/1998") else attr
            node = node.getparent()
        if attr is None:
            m = re.match(r"@([\w:]+)=", text)
            attr = m.group(1) if m else None
        line = node.sourceline if node is not None else 1
        name = etree.QName(node).localname if node is not None else None
        text += _pointer_hint(text, loc)
        problems.append(Problem(shown, line or 1, loc.column(line or 1, name, attr), severity, text))
    return problems


def _pointer_hint(text: str, loc: _Locator) -> str:
    m = re.search(r'="#([^"]+)" points to no xml:id', text) or re.search(r'="#([^"]+)" of an? \w+ must point', text)
    if not m:
        return ""
    close = difflib.get_close_matches(m.group(1), loc.ids, n=3, cutoff=0.5)
    if close:
        return f"; closest ids: {', '.join('#' + c for c in close)}"
    if text.startswith("@resp=") or text.startswith("@who="):
        return f'; declare it in the header, e.g. <respStmt xml:id="{m.group(1)}"><resp>…</resp><name>…</name></respStmt>'
    return "; no similar id exists: add a register entry with this xml:id"
