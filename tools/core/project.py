"""An edition as the toolkit sees it: a folder with a project file, `edition.toml`.

Everything particular to one edition lives in its project file or in its own files: which TEI documents
it has, the plain-text witness each is checked against, its schema, the languages of its interface, its
sigla and editors, the options of each target. The toolkit's code knows no edition.

Commands find the project the way git finds its repository: the nearest `edition.toml` in the current
folder or above it, or the folder given with `tools --project DIR`. Without one, the tools work on the
files they are given, with the toolkit's defaults (each file judged by the schema it declares, else by
tei_all; an English interface).

    project = find_project()            # or load_project(Path("my-edition"))
    project.document_files()            # the edition's TEI documents, sorted
    project.witness_for(path)           # the plain-text witness of a document, or None
    expand(["tei/", "x.xml"], project)  # PATH arguments -> TEI files (none: the project's documents)

The format (every key optional; paths are relative to the project file):

    [edition]
    name = "kazakhstan-1920-1932"          # short name (folder and file names); default: the folder's name
    title = "Қазақ совет энциклопедиясы"   # the title of the edition as a whole (a corpus's collection page)
    documents = ["tei/*.xml"]              # globs of the edition's TEI documents
    registers = ["tei/registers.xml"]      # TEI files of registers shared by the documents (listPerson, listPlace,
                                           # listOrg); documents point into them: @ref="registers.xml#pers.x".
                                           # They are not documents of the edition, even where a glob matches them
    [witnesses]                            # plain-text witness of a document, for `tools check`
    "tei/kazakhstan-1920-1932.xml" = "tei/witness/000_2a7645c052e16c4f.txt"
    [schema]
    rng = "schema/kse-edition.rng"         # RELAX NG (XML syntax) that judges the edition's documents
    schematron = "schema/kse-edition.sch"  # ISO Schematron (XSLT 1 query binding)
    customization = "schema/customization.toml"   # source of `rng` (tools schema regenerates it)
    [interface]
    languages = ["kk", "en", "ru"]         # languages of the interface, the first is the default
    [apparatus]
    witness-siglum = "W"                   # siglum of the single witness corrected by <choice>
    sigla = { "#A" = "A" }                 # sigla shown for witness ids (default: listWit's @n, else the id)
    editors = ["ed"]                       # xml:ids of the editors' respStmt (credited in the outputs)
    [build]
    output = "build"                       # where `tools build` writes, unless -o
    [html]
    params = { default-view = "reading" }  # stylesheet parameters of the HTML target
    [pdf]
    paper = "A4"
    indexes = ["persons", "places"]
    params = {}
    book = false                           # true: `tools build pdf` prints the documents as one book
"""
from __future__ import annotations

import glob
import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from tools.core.errors import EXIT_USAGE, Problem, ToolError

PROJECT_FILE = "edition.toml"

# the keys each table may hold, and their types: a typo in a key must not pass unnoticed
_SCHEMA: dict[str, dict[str, type | tuple[type, ...]]] = {
    "edition": {"name": str, "title": str, "documents": list, "registers": list},
    "witnesses": {},  # free: document path -> witness path
    "schema": {"rng": str, "schematron": str, "customization": str},
    "interface": {"languages": list},
    "apparatus": {"witness-siglum": str, "sigla": dict, "editors": list},
    "build": {"output": str},
    "html": {"params": dict},
    "pdf": {"paper": str, "indexes": list, "params": dict, "book": bool},
}
_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class Project:
    root: Path                                  # the folder of the project file (or the working folder)
    file: Path | None = None                    # the project file; None: no project, toolkit defaults
    name: str = ""
    title: str = ""                             # the edition's title ([edition] title, else its name)
    documents: tuple[str, ...] = ()             # globs relative to root
    registers: tuple[Path, ...] = ()            # shared register files (absolute), not documents
    witnesses: dict[str, str] = field(default_factory=dict)
    rng: Path | None = None
    schematron: Path | None = None
    customization: Path | None = None
    languages: tuple[str, ...] = ("en",)
    witness_siglum: str = "W"
    sigla: dict[str, str] = field(default_factory=dict)
    editors: tuple[str, ...] = ()
    output: Path | None = None
    html: dict[str, Any] = field(default_factory=dict)
    pdf: dict[str, Any] = field(default_factory=dict)

    @property
    def default_language(self) -> str:
        return self.languages[0]

    def document_files(self) -> list[Path]:
        """The edition's TEI documents (the globs of `documents`), in the order of the globs, each sorted, each
        file once; the shared register files are not documents even where a glob matches them, nor is a file of
        an output folder of the toolkit (a site's copy of the TEI source, when a glob such as **/*.xml reaches
        build/)."""
        found: dict[Path, None] = {}
        registers = set(self.register_files())
        in_output: dict[str, bool] = {}  # by folder: a corpus has hundreds of documents in one
        for pattern in self.documents:
            for name in sorted(glob.glob(str(self.root / pattern), recursive=True)):
                if not os.path.isfile(name):
                    continue
                folder = os.path.dirname(name)
                if folder not in in_output:
                    in_output[folder] = _in_output(Path(name), self.root)
                if in_output[folder]:
                    continue
                real = Path(os.path.realpath(name))
                if real not in registers:
                    found.setdefault(real, None)
        return list(found)

    def register_files(self) -> list[Path]:
        """The shared register files ([edition] registers), resolved; those that exist and those that do not
        (a missing one is reported by whoever reads it)."""
        return [p.resolve() for p in self.registers]

    def is_document(self, path: Path) -> bool:
        return Path(path).resolve() in set(self.document_files())

    def witness_for(self, document: Path) -> Path | None:
        """The plain-text witness the project file names for `document`, or None."""
        doc = Path(document).resolve()
        for key, witness in self.witnesses.items():
            if (self.root / key).resolve() == doc:
                return self.root / witness
        return None

    def source_dirs(self) -> list[Path]:
        """Folders that hold the edition's sources (documents, witnesses, schema): no output may go there."""
        dirs = {p.parent for p in self.document_files()} | {p.parent for p in self.register_files()}
        dirs |= {(self.root / w).resolve().parent for w in self.witnesses.values()}
        return sorted(dirs)

    def output_dir(self) -> Path:
        return self.output if self.output is not None else Path("build")


def find_project(start: Path | None = None) -> Project:
    """The project of `start` (default: the working folder): the nearest edition.toml there or above;
    a project without a file (toolkit defaults, rooted at `start`) when there is none."""
    start = Path(start or Path.cwd()).resolve()
    for folder in (start, *start.parents):
        candidate = folder / PROJECT_FILE
        if candidate.is_file():
            return load_project(candidate)
    return Project(root=start)


def load_project(path: Path) -> Project:
    """Read a project file (or the edition.toml of a folder); ToolError (exit 2) naming what is wrong."""
    path = Path(path)
    if path.is_dir():
        path = path / PROJECT_FILE
    if not path.is_file():
        raise ToolError(f"{path}: error: no project file here ({PROJECT_FILE}); make one with `tools new DIR`",
                        EXIT_USAGE)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+), column (\d+)\)", str(exc))
        line, col = (int(m.group(1)), int(m.group(2))) if m else (1, 1)
        msg = f"not a valid TOML file: {re.sub(r' [(]at line.*', '', str(exc))}"
        raise ToolError(f"{path}:{line}:{col}: error: {msg}", EXIT_USAGE, [Problem(str(path), line, col, "error", msg)])
    except (OSError, UnicodeDecodeError) as exc:
        raise ToolError(f"{path}: error: cannot read the project file: {exc}", EXIT_USAGE)
    _check_keys(data, path)
    root = path.parent.resolve()
    get = lambda table, key, default=None: data.get(table, {}).get(key, default)  # noqa: E731

    def rel(value: str | None) -> Path | None:
        return (root / value) if value else None

    languages = tuple(get("interface", "languages", ["en"]))
    bad = [lang for lang in languages if not isinstance(lang, str) or not _LANG.match(lang)]
    if bad or not languages:
        raise ToolError(f"{path}: error: [interface] languages must be a non-empty list of language codes "
                        f"such as \"kk\", \"en\", \"ru\" (got {bad or languages!r})", EXIT_USAGE)
    paper = get("pdf", "paper")
    registers = get("edition", "registers", [])
    if not all(isinstance(r, str) and r for r in registers):
        raise ToolError(f"{path}: error: [edition] registers must be a list of paths of TEI files, "
                        f"such as [\"tei/registers.xml\"] (got {registers!r})", EXIT_USAGE)
    name = get("edition", "name") or root.name
    return Project(
        root=root, file=path,
        name=name, title=get("edition", "title") or name,
        documents=tuple(get("edition", "documents", ["tei/*.xml"])),
        registers=tuple(root / r for r in registers),
        witnesses={str(k): str(v) for k, v in data.get("witnesses", {}).items()},
        rng=rel(get("schema", "rng")), schematron=rel(get("schema", "schematron")),
        customization=rel(get("schema", "customization")),
        languages=languages,
        witness_siglum=get("apparatus", "witness-siglum", "W"),
        sigla={str(k): str(v) for k, v in get("apparatus", "sigla", {}).items()},
        editors=tuple(get("apparatus", "editors", [])),
        output=rel(get("build", "output")),
        html={"params": {str(k): str(v) for k, v in get("html", "params", {}).items()}},
        pdf={"paper": paper, "indexes": list(get("pdf", "indexes", ["persons", "places"])),
             "params": {str(k): str(v) for k, v in get("pdf", "params", {}).items()},
             "book": bool(get("pdf", "book", False))},
    )


def _check_keys(data: dict, path: Path) -> None:
    for table, value in data.items():
        if table not in _SCHEMA:
            raise ToolError(f"{path}: error: unknown table [{table}]; known: "
                            f"{', '.join('[' + t + ']' for t in _SCHEMA)}", EXIT_USAGE)
        if not isinstance(value, dict):
            raise ToolError(f"{path}: error: [{table}] must be a table", EXIT_USAGE)
        keys = _SCHEMA[table]
        if not keys:
            continue
        for key, item in value.items():
            if key not in keys:
                raise ToolError(f"{path}: error: unknown key {key!r} in [{table}]; known: {', '.join(keys)}",
                                EXIT_USAGE)
            if not isinstance(item, keys[key]):
                raise ToolError(f"{path}: error: [{table}] {key} must be a {keys[key].__name__}", EXIT_USAGE)


def expand(paths=(), project: Project | None = None) -> list[Path]:
    """Expand PATH arguments to a list of XML files; none given: the project's documents.

    A folder means every *.xml below it, except in hidden folders and in folders the toolkit wrote
    (its output folders carry a mark, see tools.core.outputs). ToolError (exit 2) for usage problems.
    """
    project = project or find_project()
    if not paths:
        files = project.document_files()
        if files:
            return files
        if project.file is None:
            raise ToolError("error: no PATH given and no edition.toml in this folder or above: name TEI files or "
                            "folders, or make an edition with `tools new DIR`", EXIT_USAGE)
        raise ToolError(f"{project.file}: error: [edition] documents {list(project.documents)} match no file",
                        EXIT_USAGE)
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(x for x in p.rglob("*.xml") if _walkable(x.relative_to(p).parent, p))
            if not found:
                raise ToolError(f"{p}: error: no *.xml files in this directory", EXIT_USAGE)
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            raise ToolError(f"{p}: error: no such file or directory", EXIT_USAGE)
    seen: set[Path] = set()
    unique = []
    for f in files:  # "tei tei/x.xml" names x.xml twice: once is enough
        if f.resolve() not in seen:
            seen.add(f.resolve())
            unique.append(f)
    return unique


def _in_output(path: Path, root: Path) -> bool:
    """Is `path` (below `root`) inside an output folder of the toolkit?"""
    try:
        rel = path.parent.relative_to(root)
    except ValueError:
        return False
    return not _walkable(rel, root, hidden=True)


def _walkable(rel: Path, base: Path, hidden: bool = False) -> bool:
    """May a folder expansion look into `base/rel`? Not into an output folder of the toolkit, nor (unless
    `hidden`: a glob of the project file says where to look) into hidden folders or the witness folder."""
    from tools.core.outputs import is_tool_output

    here = base
    for part in rel.parts:
        here = here / part
        if is_tool_output(here) or (not hidden and (part.startswith(".") or part == "witness")):
            return False
    return True


def require_distinct_stems(files: list[Path]) -> None:
    """Outputs are named after the source (x.xml → x/, x.pdf): two sources with one name would overwrite."""
    by_stem: dict[str, Path] = {}
    for f in files:
        if f.stem in by_stem:
            raise ToolError(f"{f}: error: another source has the same name ({by_stem[f.stem]}), and outputs are "
                            "named after their source: build them separately (-o) or rename one", EXIT_USAGE)
        by_stem[f.stem] = f


def display(path: Path) -> str:
    """A path as the user should see it: relative to the current directory when possible."""
    try:
        return str(Path(path).resolve().relative_to(resolved(os.getcwd())))
    except ValueError:
        return str(path)


@lru_cache(maxsize=4096)
def resolved(path: str, relative: str = "") -> Path:
    """`path` (joined with `relative`), its real path: cached, since a corpus asks for the same few again and
    again (the working folder for every message, the schema and the register every document points to), and
    resolving costs a system call per path component. For one command's life: a link changed meanwhile is
    not seen."""
    return (Path(path) / relative).resolve()
