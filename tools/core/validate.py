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

A compact-syntax schema (.rnc) is converted to the XML syntax (rnc2rng) and cached. `<xi:include>` is
resolved before validation, as jing does (tools.core.xinclude). `schema=` (`tools validate --schema`)
judges every file by one schema instead: "tei_all" or a file.

Each problem is a `Problem` located at path:line:column with a message that says what to do. libxml2 gives
RELAX NG errors a line but no column and terse text; we locate the element on its line in the source to
give a column, and add hints from the whole grammar (what is allowed there, the closed values of an
attribute, the closest existing ids); none of that work is done for a valid file.

Speed and safety on a corpus (`validate_paths`):
  - every grammar is compiled first in a forked child with a deadline (tools.core.rngcompile): a libxml2
    compile that never ends cannot hang the command;
  - files are judged in forked workers, as many as `jobs` (default: the number of cores), each file under a
    deadline proportional to its size (tools.core.pool): a validation that never ends is reported for its
    file and the others go on; output is in the order of the files, whatever the number of workers;
  - verdicts are cached (tools.core.cache, `verdicts/`), keyed by the file's bytes, its path, the bytes of
    every schema that could judge it and the toolkit's validation code; a file that includes others
    (XInclude) or a Schematron that reads other documents (document()) is never cached.
  - Schematron runs in Python over the parsed tree (tools.core.schematron: each rule's context selected
    once, keys indexed once), or, for what that engine does not run, as lxml's ISO Schematron XSLT trimmed
    of the passes that cannot change its verdicts (see `_schematron`); keys, not rescans, in our rules.
`validate_documents`, `validate_file` and `validate_bytes` judge in this process (the builders and the
assistants, on the documents they hold).
"""
from __future__ import annotations

import calendar
import copy
import difflib
import json
import os
import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree, isoschematron

from tools.core import cache as disk
from tools.core import crossrefs, pool, rngcompile, teiall, xinclude
from tools.core.errors import EXIT_INVALID, EXIT_USAGE, Problem, ToolError
from tools.core.grammar import Grammar
from tools.core.project import Project, display, expand, find_project, resolved as resolved_path
from tools.core.rngcompile import SchemaError, relaxng
from tools.core.schematron import Unsupported, compile_schematron, may_match_attribute
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
    rng: Path | None = None          # None: tei_all; a .rnc file is converted
    schematron: Path | None = None
    warnings: tuple[str, ...] = ()   # e.g. a declared schema that could not be had
    declared: bool = False           # rng was declared by the document (a failure falls back to tei_all)

    @property
    def is_tei_all(self) -> bool:
        return self.rng is None


@dataclass
class Report:
    files: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    schemas: dict[str, str] = field(default_factory=dict)  # file as shown -> label of the schema that judged it
    usage_error: bool = False  # a file could not be read or is not XML at all
    internal_error: bool = False  # a file could not be judged (a libxml2 limit or crash): exit 3
    cached: int = 0  # how many verdicts came from the cache

    @property
    def ok(self) -> bool:
        return not any(p.severity == "error" for p in self.problems)

    def invalid_files(self) -> set[str]:
        return {p.path for p in self.problems if p.severity == "error"}


RNG_DEADLINE = 120.0   # s, for compiling a schema file (a customization compiles in well under a second)
FILE_DEADLINE = 120.0  # s, to judge one file, plus PER_MB_DEADLINE for each MB (jing: about 1 s/MB)
PER_MB_DEADLINE = 60.0


@lru_cache(maxsize=None)
def _rng_file(path: str) -> etree.RelaxNG:
    """The compiled grammar of a schema file (RELAX NG, XML or compact syntax); SchemaError."""
    data, base = _rng_source(path)
    return relaxng(data, base_url=base, label=display(Path(path)), deadline=RNG_DEADLINE)


def _rng_source(path: str) -> tuple[bytes, str | None]:
    if path.lower().endswith(".rnc"):
        from tools.core import rnc

        return rnc.to_rng(Path(path)), None
    try:
        return Path(path).read_bytes(), path
    except OSError as exc:
        raise SchemaError(f"{display(Path(path))}: cannot read: {exc.strerror or exc}")


@lru_cache(maxsize=None)
def _rng_hints(path: str) -> Grammar:
    """What the grammar allows, for the hints of an invalid file (read only then)."""
    data, base = _rng_source(path)
    return Grammar(etree.ElementTree(etree.fromstring(data, safe_parser(), base_url=base)))


@lru_cache(maxsize=None)
def _tei_all_hints() -> Grammar:
    return Grammar(teiall.full_tree())


@lru_cache(maxsize=None)
def _schematron(path: str) -> etree.XSLT:
    """The Schematron at `path` as lxml's ISO Schematron XSLT, trimmed of what cannot change a verdict.

    The XSLT 1 skeleton makes, for each pattern, two passes over every node and every attribute and writes
    an svrl:fired-rule element for every node a rule fires on: 225 ms on our edition for 17 patterns, most
    of it for nothing. We drop (1) the default-mode pass inside each svrl:active-pattern, which writes no
    assertion; (2) svrl:fired-rule; (3) the visit of attributes in a pattern's pass when none of its rules
    can match an attribute (a rule context whose last step is not an attribute). The failed asserts and
    successful reports are those of the untrimmed XSLT (tested on every fixture): 95 ms.
    """
    sch = isoschematron.Schematron(etree.parse(path, safe_parser()), store_xslt=True)
    xslt = copy.deepcopy(sch.validator_xslt)
    root = xslt.getroot()
    for fired in list(root.iter(_SVRL + "fired-rule")):
        _drop_keep_tail(fired)
    for pattern in root.iter(_SVRL + "active-pattern"):
        for kid in list(pattern):
            if kid.tag == _XSL + "apply-templates" and kid.get("select") is None and kid.get("mode") is None:
                _drop_keep_tail(kid)
    contexts: dict[str, list[str]] = {}
    for template in root.iter(_XSL + "template"):
        if template.get("mode") and template.get("priority") not in ("-1", "-2"):
            contexts.setdefault(template.get("mode"), []).append(template.get("match") or "")
    for apply in root.iter(_XSL + "apply-templates"):
        mode = apply.get("mode")
        if apply.get("select") == "@*|*" and mode in contexts and not any(map(may_match_attribute, contexts[mode])):
            apply.set("select", "*")
    return etree.XSLT(xslt)


_XSL = "{http://www.w3.org/1999/XSL/Transform}"
_SVRL = "{http://purl.oclc.org/dsdl/svrl}"


def _drop_keep_tail(el) -> None:
    parent, tail = el.getparent(), el.tail
    prev = el.getprevious()
    parent.remove(el)
    if tail:
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail


def validate_paths(paths=(), *, project: Project | None = None, schema: str | None = None, jobs: int | None = None,
                   use_cache: bool = True) -> Report:
    """Validate files (or every *.xml in directories); default: the project's documents. `schema`: judge every
    file by this one ("tei_all" or a schema file) instead of choosing; `jobs`: worker processes (default:
    the number of cores); `use_cache`: read and write cached verdicts."""
    project = project or find_project()
    files = expand(list(paths), project)
    override = _override(schema)
    project_docs = frozenset(p.resolve() for p in project.document_files()) if project.file else frozenset()
    report = Report()
    if not paths:  # the project's shared registers are sources too (tools.core.registers)
        files += [p for p in project.register_files() if p not in {f.resolve() for f in files}]
    _prove_ahead(project, override)  # the grammar's first proof on this machine runs while files are read
    try:
        return _validate_files(files, report, project, project_docs, override, jobs, use_cache)
    finally:
        rngcompile.cancel_pending()


def _validate_files(files, report: Report, project: Project, project_docs, override, jobs, use_cache) -> Report:
    items: list[_Item] = []
    for path in files:
        shown = display(path)
        report.files.append(shown)
        try:
            data = read_bytes(path)
        except ToolError as err:
            items.append(_Item(path, shown, b"", None, err))
            continue
        key = _verdict_key(data, path, shown, project, project_docs, override) if use_cache else None
        items.append(_Item(path, shown, data, key))
    todo = []
    for item in items:
        if item.error is None and item.key is not None and (hit := _cached_verdict(item.key)) is not None:
            item.result = hit
            report.cached += 1
        elif item.error is None:
            todo.append(item)
    if todo:
        jobs = max(1, jobs or os.cpu_count() or 1)
        if jobs > 1 and len(todo) > 1:
            _warm(project, override)  # compiled before the fork: every worker has them
        judge = lambda item: _judge(item, project, project_docs, override)  # noqa: E731 - runs in the workers
        for item, outcome in pool.run(judge, todo, jobs=min(jobs, len(todo)), deadline=_deadline):
            if outcome[0] == "ok":
                item.result = outcome[1]
                if item.key is not None and item.result[2] is None:
                    disk.put("verdicts", item.key, _encode(item.result), ".json")
            elif outcome[0] == "timeout":
                item.error = ToolError("", 3, [Problem(item.shown, 1, 1, "error", (
                    f"validation did not finish within {outcome[1]:.0f} s (libxml2 may loop on some schemas): "
                    "the file was not judged; try jing, or report this document"))])
            else:
                item.error = ToolError("", 3, [Problem(item.shown, 1, 1, "error",
                                                       f"internal error while validating: {outcome[1]}")])
    for item in items:
        if item.error is not None:
            err = item.error
            report.problems.extend(err.problems or [Problem(item.shown, 1, 1, "error", str(err))])
            report.usage_error |= err.exit_code == EXIT_USAGE
            report.internal_error |= err.exit_code == 3
            continue
        problems, label, exit_code = item.result
        report.problems.extend(problems)
        if label is not None:
            report.schemas[item.shown] = label
        report.usage_error |= exit_code == EXIT_USAGE
    return report


@dataclass
class _Item:
    path: Path
    shown: str
    data: bytes
    key: str | None
    error: ToolError | None = None
    result: tuple | None = None  # (problems, schema label or None, exit code of a ToolError or None)


def _judge(item: _Item, project: Project, project_docs, override) -> tuple:
    try:
        problems, schema = _validate(item.data, item.shown, item.path, project, project_docs=project_docs,
                                     override=override)
        return problems, schema.label, None
    except ToolError as err:
        return err.problems or [Problem(item.shown, 1, 1, "error", str(err))], None, err.exit_code


def _deadline(item: _Item) -> float:
    return FILE_DEADLINE + PER_MB_DEADLINE * len(item.data) / 1e6


def _main_grammar(project: Project, override: Schema | None) -> Path | None:
    """The grammar file most files will be judged by (None: tei_all, pruned per document)."""
    if override is not None:
        return override.rng
    return project.rng


def _prove_ahead(project: Project, override: Schema | None) -> None:
    rng = _main_grammar(project, override)
    if rng is None:
        return
    try:
        data, base = _rng_source(str(rng))
        rngcompile.prove_ahead(data, base_url=base, deadline=RNG_DEADLINE)
    except (SchemaError, OSError, etree.LxmlError):
        pass  # the compile reports it


def _warm(project: Project, override: Schema | None) -> None:
    """Compile the schemas most files will need, here, before the workers are forked (the Schematron first:
    the grammar's proof may still be running)."""
    try:
        if override is None and project.rng is not None and project.schematron is not None:
            try:
                compile_schematron(str(project.schematron))
            except Unsupported:
                _schematron(str(project.schematron))
        rng = _main_grammar(project, override)
        if rng is not None:
            _rng_file(str(rng))
    except (SchemaError, etree.LxmlError, OSError):
        pass  # each file meets the error itself, and reports it


def _override(schema: str | None) -> Schema | None:
    if schema is None:
        return None
    if schema == "tei_all":
        return Schema("tei_all (TEI P5 4.3.0)")
    path = Path(schema)
    if not path.is_file():
        raise ToolError(f"{schema}: error: no such schema file (--schema takes tei_all, or a .rng, .rnc or .sch "
                        "file)", EXIT_USAGE)
    if path.suffix.lower() in (".sch", ".isosch"):
        return Schema(f"tei_all (TEI P5 4.3.0) + {display(path)}", None, path.resolve())
    return Schema(display(path), path.resolve())


# -- verdict cache -----------------------------------------------------------------------------------------

_CODE_FILES = ("validate.py", "teiall.py", "schemagen.py", "grammar.py", "xinclude.py", "xmlsafe.py", "rnc.py",
               "rngcompile.py", "errors.py", "project.py", "crossrefs.py", "registers.py")


@cache
def _code_hash() -> str:
    here = Path(__file__).parent
    return disk.digest("verdicts v1", f"lxml {etree.LXML_VERSION} libxml2 {etree.LIBXML_VERSION} "
                                      f"libxslt {etree.LIBXSLT_VERSION}",
                       *(here.joinpath(name).read_bytes() for name in _CODE_FILES),
                       teiall._source_hash())


@lru_cache(maxsize=256)
def _file_hash(path: Path, _stamp) -> str:
    """The hash of a schema file and of every file it includes (RELAX NG include/externalRef, Schematron
    include/extends, compact-syntax include/external); "uncacheable" when it reads documents at run time."""
    try:
        data = path.read_bytes()
    except OSError:
        return "missing"
    if path.suffix.lower() in (".sch", ".isosch") and b"document(" in data:
        return "uncacheable"
    parts = [data]
    for href in re.findall(rb'(?:href\s*=\s*["\']|(?:include|external)\s+["\'])([^"\']+)', data):
        target = (path.parent / unquote(href.decode("utf-8", "replace"))).resolve()
        if target != path:
            parts.append(_file_hash(target, _stamp_of(target)).encode())
    return disk.digest(*parts)


def _stamp_of(path: Path):
    try:
        st = path.stat()
        return st.st_mtime_ns, st.st_size, st.st_ino
    except OSError:
        return None


def _verdict_key(data: bytes, path: Path, shown: str, project: Project, project_docs, override) -> str | None:
    """Everything the verdict on this file depends on, hashed; None: not to be cached."""
    if xinclude.uses_xinclude(data):
        return None
    resolved = Path(path).resolve()
    parts = [_code_hash(), shown, str(resolved), data, str(resolved in project_docs)]
    schemas = []
    if override is not None:
        schemas += [override.rng, override.schematron]
    else:
        schemas += [project.rng, project.schematron]
        for href in _declared_hrefs(data):
            local = _local_file(href, path, resolved)
            parts.append(href)
            if local is not None:
                schemas.append(local)
    # a pointer into the shared registers is judged against them (tools.core.crossrefs)
    parts += [_file_hash(reg, _stamp_of(reg)) for reg in project.register_files()] if project.registers else []
    for schema in schemas:
        if schema is not None:
            h = _file_hash(Path(schema), _stamp_of(Path(schema)))
            if h == "uncacheable":
                return None
            parts.append(h)
    return disk.digest(*parts)


def _declared_hrefs(data: bytes) -> list[str]:
    """The href of every <?xml-model?> in the file (a superset of what choose_schema reads: safe for a key)."""
    return [h.decode("utf-8", "replace") for h in
            re.findall(rb'<\?xml-model\b[^?]*?\bhref\s*=\s*["\']([^"\']*)', data)]


def _cached_verdict(key: str):
    raw = disk.get("verdicts", key, ".json")
    if raw is None:
        return None
    try:
        value = json.loads(raw)
        return [Problem(**p) for p in value["problems"]], value["schema"], None
    except (ValueError, KeyError, TypeError):
        return None


def _encode(result) -> bytes:
    problems, label, _ = result
    return json.dumps({"schema": label, "problems": [p.as_dict() for p in problems]},
                      ensure_ascii=False).encode("utf-8")


def validate_documents(docs, *, project: Project | None = None) -> Report:
    """Validate documents already loaded (tools.core.document), in this process: no file is read or parsed
    again."""
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


def _validate(data: bytes, shown: str, path: Path, project: Project, tree=None, *, project_docs=None,
              override: Schema | None = None) -> tuple[list[Problem], Schema]:
    if tree is None:
        tree = parse_bytes(data, shown)
    schema = override or choose_schema(tree, path, project, project_docs=project_docs)
    problems = [Problem(shown, 1, 1, "warning", w) for w in schema.warnings]
    if xinclude.uses_xinclude(data):
        tree, included = xinclude.resolve(tree, path, shown)
        problems += included
    locator = _Locator(tree, data)
    rng_problems, schema = _relaxng(tree, shown, locator, schema)
    problems += rng_problems
    if schema.schematron is not None:
        problems += _schematron_problems(tree, shown, locator, schema.schematron)
    # pointers into the shared registers
    problems += crossrefs.problems_of(tree, path, shown, project, locator.text if project.registers else None)
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


def choose_schema(tree, path: Path, project: Project, *, project_docs=None) -> Schema:
    """The schema that judges `tree` (the file at `path`): see the module comment. `project_docs`: the
    resolved paths of the project's documents, when the caller has them already."""
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
        if kind == "sch":
            binding = _query_binding(local)
            if binding not in ("", "xslt", "xpath", "exslt"):
                warnings.append(f"the declared Schematron {href} uses queryBinding=\"{binding}\", which this toolkit "
                                "cannot run (XSLT 1 only): its rules are not checked")
                continue
            sch = local
        else:
            rng = local
    is_doc = (Path(path).resolve() in project_docs) if project_docs is not None else project.is_document(path)
    if rng is None and not declared_tei_all and project.rng is not None and is_doc:
        rng = project.rng
        if sch is None and project.schematron is not None:
            sch = project.schematron
    parts = [display(rng) if rng is not None else "tei_all (TEI P5 4.3.0)"] + ([display(sch)] if sch else [])
    return Schema(" + ".join(parts), rng, sch, tuple(warnings), declared=rng is not None and rng != project.rng)


def _local_file(href: str, doc: Path, resolved: Path | None = None) -> Path | None:
    """The local file a schema reference of `doc` (whose real path is `resolved`, when known) names."""
    parts = urlsplit(href)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if parts.scheme and len(parts.scheme) > 1:  # http:, https:, … (a one-letter "scheme" is a Windows drive)
        return None
    return resolved_path(str((resolved or Path(doc).resolve()).parent), unquote(parts.path))


@lru_cache(maxsize=None)
def _query_binding(path: Path) -> str:
    try:
        root = etree.parse(str(path), safe_parser()).getroot()
    except (etree.XMLSyntaxError, OSError):
        return ""
    return (root.get("queryBinding") or "").lower()


class _Locator:
    """Find columns: libxml2 gives RELAX NG errors a line only. Built lazily: a valid file pays nothing."""

    def __init__(self, tree, data: bytes):
        self.tree, self.data = tree, data

    @cached_property
    def text(self) -> str:
        # columns are counted in the characters the user sees: decode as the parser did
        data = self.data
        try:
            return data.decode("utf-16") if data.startswith((b"\xff\xfe", b"\xfe\xff")) else data.decode(
                self.tree.docinfo.encoding or "utf-8", "replace")
        except (LookupError, UnicodeDecodeError):
            return data.decode("utf-8", "replace")

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def by_line(self) -> dict[int, list[etree._Element]]:
        by_line: dict[int, list[etree._Element]] = {}
        for el in self.tree.iter():
            if isinstance(el.tag, str) and el.sourceline:
                by_line.setdefault(el.sourceline, []).append(el)
        return by_line

    @cached_property
    def ids(self) -> list[str]:
        return sorted(str(x) for x in self.tree.xpath("//@xml:id"))

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


def _relaxng(tree, shown: str, loc: _Locator, schema: Schema) -> tuple[list[Problem], Schema]:
    """RELAX NG problems of `tree`, and the schema that judged it: a declared grammar that libxml2 cannot use
    gives way to tei_all, with a warning; the project's gives an error (exit 2)."""
    notes: list[Problem] = []
    if not schema.is_tei_all:
        try:
            rng = _rng_file(str(schema.rng))
        except (SchemaError, etree.XMLSyntaxError) as err:
            if not schema.declared:
                raise ToolError(f"{display(schema.rng)}:1:1: error: {err}", EXIT_USAGE,
                                [Problem(shown, 1, 1, "error", f"the schema {display(schema.rng)} cannot be used: "
                                                               f"{err}")])
            notes.append(Problem(shown, 1, 1, "warning", f"{err}: judged by tei_all instead"))
            schema = Schema("tei_all (TEI P5 4.3.0)" + (f" + {display(schema.schematron)}" if schema.schematron
                                                       else ""), None, schema.schematron, schema.warnings)
    if schema.is_tei_all:
        try:
            rng, warning = teiall.grammar_for(teiall.element_names(tree))
        except SchemaError as err:
            return notes + [Problem(shown, 1, 1, "error", f"{err}: the file was not judged")], schema
        if warning:
            notes.append(Problem(shown, 1, 1, "warning", warning))
    if rng.validate(tree):
        return notes, schema
    grammar = _tei_all_hints() if schema.is_tei_all else _rng_hints(str(schema.rng))
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
    return notes + [p for _, p in by_line.values()], schema


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
    try:
        findings = _schematron_findings(tree, path, len(loc.data))
    except (etree.LxmlError, OSError) as exc:
        return [Problem(shown, 1, 1, "error", f"the Schematron {display(path)} cannot be run: {exc}")]
    problems = []
    for node, attr, role, text in findings:
        text = " ".join(text.split())
        severity = "warning" if role == "warning" else "error"
        if attr is None:
            m = re.match(r"@([\w:]+)=", text)
            attr = m.group(1) if m else None
        line = node.sourceline if node is not None else 1
        name = etree.QName(node).localname if node is not None else None
        text += _pointer_hint(text, loc)
        problems.append(Problem(shown, line or 1, loc.column(line or 1, name, attr), severity, text))
    return problems


# Above this size a document's Schematron runs as XSLT: the Python engine hands node-sets to libxml2 through
# lxml, whose conversion of a Python list to a node-set is quadratic in its length (its duplicate check), so
# the engine, faster on an edition-sized file (50 ms of CPU against 63 for ours), grows faster than linearly
# (5 MB: 1.6 s against 1.4; 15 MB: 7.0 s against 4.1). The XSLT, with its native keys, stays linear.
PYTHON_SCHEMATRON_MAX_BYTES = 2_000_000


def _schematron_findings(tree, path: Path, size: int = 0) -> list[tuple]:
    """(element, attribute name or None, role, message) of each failed assert and successful report: by the
    Python engine (tools.core.schematron) when it runs this schema and the document is not large, else by
    lxml's (trimmed) XSLT."""
    engine = None
    if size <= PYTHON_SCHEMATRON_MAX_BYTES:
        try:
            engine = compile_schematron(str(path))
        except Unsupported:
            pass
    if engine is not None:
        return [(node, None, role, text) for node, role, text in engine.run(tree)]
    report = _schematron(str(path))(tree)
    findings = []
    for item in report.iter(SVRL + "failed-assert", SVRL + "successful-report"):
        text = "".join(item.findtext(SVRL + "text") or "")
        node = None
        try:
            found = tree.xpath(item.get("location"), namespaces={"tei": TEI_NS})
            node = found[0] if found else None
        except etree.XPathError:
            pass
        attr = None
        if node is not None and not isinstance(node, etree._Element):  # an attribute
            attr = node.attrname
            attr = "xml:" + attr.split("}")[1] if attr.startswith("{http://www.w3.org/XML/1998") else attr
            node = node.getparent()
        findings.append((node, attr, item.get("role"), text))
    return findings


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
