"""Validation of TEI files: well-formedness, then RELAX NG, then Schematron, each file by its own schema.

Which schema judges a file (`choose_schema`), in this order:
  1. the schema it declares in `<?xml-model?>`, when that can be had locally (RELAX NG in XML syntax;
     Schematron with the XSLT 1 query binding); a declared tei_all, wherever it points, is our vendored
     tei_all;
  2. for a document of the project (edition.toml), the project's schema;
  3. tei_all (TEI P5 4.3.0), pruned to the document's elements (tools.core.teiall), which gives tei_all's
     verdict at the speed of a small customization.
A declared schema that cannot be had (a URL: there is no network; a missing file; compact syntax) is named
in a warning, and the file is judged by the next rule. `Report.schemas` says which schema judged each file.

Each problem is a `Problem` located at path:line:column with a message that says what to do. Grammars and
Schematrons are compiled once per process. libxml2 gives RELAX NG errors a line but no column and terse
text; we locate the element on its line in the source to give a column, and add hints from the whole
grammar (what is allowed there, the closed values of an attribute, the closest existing ids).
"""
from __future__ import annotations

import calendar
import difflib
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree, isoschematron

from tools.core import crossrefs, teiall
from tools.core.errors import EXIT_INVALID, Problem, ToolError
from tools.core.grammar import Grammar
from tools.core.project import Project, display, expand, find_project
from tools.core.xmlsafe import parse_bytes, read_bytes, safe_parser

TEI_NS = "http://www.tei-c.org/ns/1.0"
SVRL = "{http://purl.oclc.org/dsdl/svrl}"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = ("http://purl.oclc.org/dsdl/schematron", "http://www.ascc.net/xml/schematron")


@dataclass(frozen=True)
class Schema:
    """What judges one document: a RELAX NG grammar (a file, or tei_all pruned to the document) and an
    optional Schematron; `label` is how `tools validate` names it."""

    label: str
    rng: Path | None = None          # None: tei_all
    schematron: Path | None = None
    warnings: tuple[str, ...] = ()   # e.g. a declared schema that could not be had

    @property
    def is_tei_all(self) -> bool:
        return self.rng is None


@dataclass
class Report:
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    schemas: dict[str, str] = field(default_factory=dict)  # file as shown -> label of the schema that judged it
    usage_error: bool = False  # a file could not be read or is not XML at all

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def invalid_files(self) -> set[str]:
        return {p.path for p in self.problems if p.severity == "error"}


@lru_cache(maxsize=None)
def _rng_file(path: str):
    tree = etree.parse(path, safe_parser())
    return etree.RelaxNG(tree), Grammar(tree)


@lru_cache(maxsize=None)
def _tei_all_hints() -> Grammar:
    return Grammar(teiall.full_tree())


@lru_cache(maxsize=None)
def _schematron(path: str):
    return isoschematron.Schematron(etree.parse(path, safe_parser()), store_report=True)


def validate_paths(paths=(), *, project: Project | None = None) -> Report:
    """Validate files (or every *.xml in directories); default: the project's documents."""
    project = project or find_project()
    report = Report()
    files = expand(list(paths), project)
    if not paths:  # the project's shared registers are sources too (tools.core.registers)
        files += [p for p in project.register_files() if p not in {f.resolve() for f in files}]
    for path in files:
        shown = display(path)
        report.files.append(shown)
        try:
            problems, schema = _validate(read_bytes(path), shown, path, project)
            report.problems.extend(problems)
            report.schemas[shown] = schema.label
        except ToolError as err:
            report.problems.extend(err.problems or [Problem(shown, 1, 1, "error", str(err))])
            if err.exit_code == 2:
                report.usage_error = True
    return report


def validate_documents(docs, *, project: Project | None = None) -> Report:
    """Validate documents already loaded (tools.core.document): no file is read or parsed again."""
    project = project or find_project()
    report = Report()
    for doc in docs:
        report.files.append(doc.shown)
        problems, schema = _validate(doc.data, doc.shown, doc.path, project, tree=doc.tree)
        report.problems.extend(problems)
        report.schemas[doc.shown] = schema.label
    return report


def require_valid(docs, *, force: bool, output: str, project: Project | None = None) -> Report:
    """What every builder does first: validate each loaded document by its schema and refuse an invalid one
    unless `force`, with the validation problems in the error. `output` names what was to be built."""
    report = validate_documents(docs, project=project)
    if not report.ok and not force:
        problems = [p for p in report.problems if p.severity == "error"]
        first = problems[0].format() if problems else "the edition is not valid"
        raise ToolError(f"{first}\nerror: refusing to build {output} of an invalid document "
                        f"({len(problems)} problem(s)); fix them or use --force", EXIT_INVALID, report.problems)
    return report


def validate_file(path: Path, *, shown: str | None = None, project: Project | None = None) -> list[Problem]:
    return _validate(read_bytes(path), shown or str(path), Path(path), project or find_project())[0]


def validate_bytes(data: bytes, shown: str, *, path: Path | None = None,
                   project: Project | None = None) -> list[Problem]:
    """Validate a document held in memory (e.g. an edit before it is written); `shown` names it in messages,
    `path` (default: `shown`) is where it lives, for relative schema references."""
    return _validate(data, shown, Path(path or shown), project or find_project())[0]


def _validate(data: bytes, shown: str, path: Path, project: Project, tree=None) -> tuple[list[Problem], Schema]:
    if tree is None:
        tree = parse_bytes(data, shown)
    # columns are counted in the characters the user sees: decode as the parser did
    try:
        text = data.decode("utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else data.decode(
            tree.docinfo.encoding or "utf-8", "replace")
    except (LookupError, UnicodeDecodeError):
        text = data.decode("utf-8", "replace")
    schema = choose_schema(tree, path, project)
    problems = [Problem(shown, 1, 1, "warning", w) for w in schema.warnings]
    locator = _Locator(tree, text)
    problems += _relaxng(tree, shown, locator, schema)
    if schema.schematron is not None:
        problems += _schematron_problems(tree, shown, locator, schema.schematron)
    problems += crossrefs.problems_of(tree, path, shown, project, text)  # pointers into the shared registers
    return sorted(set(problems), key=lambda p: (p.line, p.column, p.message)), schema


def declared_models(tree) -> list[dict[str, str]]:
    """The pseudo-attributes of each <?xml-model?> before the root element, in document order."""
    models = []
    node = tree.getroot().getprevious()
    while node is not None:
        if isinstance(node, etree._ProcessingInstruction) and node.target == "xml-model":
            models.append(dict(re.findall(r'([\w:-]+)\s*=\s*["\']([^"\']*)["\']', node.text or "")))
        node = node.getprevious()
    return list(reversed(models))


def choose_schema(tree, path: Path, project: Project) -> Schema:
    """The schema that judges `tree` (the file at `path`): see the module comment."""
    warnings: list[str] = []
    rng: Path | None = None
    sch: Path | None = None
    declared_tei_all = False
    for model in declared_models(tree):
        href = model.get("href", "")
        if not href:
            continue
        ns = model.get("schematypens", "")
        name = Path(urlsplit(href).path).name.lower()
        kind = ("rng" if ns == RNG_NS or name.endswith(".rng") else
                "rnc" if name.endswith(".rnc") else
                "sch" if ns in SCH_NS or name.endswith((".sch", ".isosch")) else None)
        if kind is None or (kind == "sch" and sch is not None) or (kind in ("rng", "rnc") and (rng or declared_tei_all)):
            continue
        if kind in ("rng", "rnc") and name.startswith("tei_all."):
            declared_tei_all = True   # whatever copy it points to, tei_all is tei_all: ours is P5 4.3.0
            continue
        local = _local_file(href, path)
        if local is None:
            warnings.append(f"the declared schema {href} cannot be had here (no network): "
                            + ("its rules are not checked" if kind == "sch" else "judged by tei_all instead"))
            continue
        if not local.is_file():
            warnings.append(f"the declared schema {href} does not exist ({display(local)}): "
                            + ("its rules are not checked" if kind == "sch" else "judged by tei_all instead"))
            continue
        if kind == "rnc":
            warnings.append(f"the declared schema {href} is RELAX NG compact syntax, which this toolkit does not "
                            "read: judged by tei_all instead (declare the XML syntax, .rng, to be judged by it)")
            continue
        if kind == "sch":
            binding = _query_binding(local)
            if binding not in ("", "xslt", "xpath", "exslt"):
                warnings.append(f"the declared Schematron {href} uses queryBinding=\"{binding}\", which this toolkit "
                                "cannot run (XSLT 1 only): its rules are not checked")
                continue
            sch = local
        else:
            rng = local
    if rng is None and not declared_tei_all and project.rng is not None and project.is_document(path):
        rng = project.rng
        if sch is None and project.schematron is not None:
            sch = project.schematron
    parts = [display(rng) if rng is not None else "tei_all (TEI P5 4.3.0)"] + ([display(sch)] if sch else [])
    return Schema(" + ".join(parts), rng, sch, tuple(warnings))


def _local_file(href: str, doc: Path) -> Path | None:
    parts = urlsplit(href)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if parts.scheme and len(parts.scheme) > 1:  # http:, https:, … (a one-letter "scheme" is a Windows drive)
        return None
    return (Path(doc).resolve().parent / unquote(parts.path)).resolve()


@lru_cache(maxsize=None)
def _query_binding(path: Path) -> str:
    try:
        root = etree.parse(str(path), safe_parser()).getroot()
    except (etree.XMLSyntaxError, OSError):
        return ""
    return (root.get("queryBinding") or "").lower()


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


def _relaxng(tree, shown: str, loc: _Locator, schema: Schema) -> list[Problem]:
    if schema.is_tei_all:
        rng = teiall.grammar_for(teiall.element_names(tree))
        if rng.validate(tree):
            return []
        grammar = _tei_all_hints()
    else:
        rng, grammar = _rng_file(str(schema.rng))
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
            msg = f"element <{name}> is not part of the schema{hint}"
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


def _schematron_problems(tree, shown: str, loc: _Locator, path: Path) -> list[Problem]:
    sch = _schematron(str(path))
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
