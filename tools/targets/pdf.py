"""The print edition: TEI → (XSLT 3.0, xslt/print/print.xsl) → Typst source → (Typst, in-process) → PDF.

    build_pdf([Path("tei/edition.xml")], Path("build"), paper="A5")  ->  [Path("build/pdf/edition.pdf")]

How it works, in one process and one pass:
- The TEI is read and parsed once (tools.core.document) and validated; then, in a copy of the tree in
  memory, the words of languages a language pack can hyphenate get soft hyphens (tools.core.hyphenation;
  Kazakh by syllables, tools/lang/kk/hyphenate.py): no typesetter has Kazakh patterns, and justified Kazakh
  needs them. The TEI file is never changed.
- print.xsl turns that tree into a Typst document that only calls the functions of the template
  xslt/print/kse.typ, with all TEI text as Typst strings (print_typst.xsl).
- Typst (the `typst` package, the Rust typesetter) sets it into a PDF in the same process: footnotes on the
  page of their marks, the indexes' page numbers by queries of the names' labels, the contents, bookmarks
  and page labels, all in one compile. The PDF is tagged (PDF/UA-1), its title, author, language and date
  from the teiHeader.
Paper sizes are data of the template (its `papers` dictionary), passed to Typst through `sys.inputs`.

THE CORPUS AS A BOOK (`build_book`, `tools build pdf --book`, or `[pdf] book = true`): one PDF of all the
documents. Each document is set by print.xsl as a chapter (parameter `chapter`: its title, text, apparatus
and commentary; labels scoped by the chapter; apparatus numbers restarting in each chapter, as in each
document's HTML edition), and print_book.xsl, run on a teiCorpus of the documents made in memory, writes the
frame: title page and colophon of the project, contents, and the indexes merged across the chapters from
the shared registers. One Typst compile sets it all, so the indexes' pages, the contents, the bookmarks (one
per chapter) and the page labels (roman front matter, arabic text) come from the same layout.

The editions are all validated before any is built, and refused when invalid unless `force`. `timings`, if
given, receives the seconds of each step (PHASES).

BOTH CORES: build_pdf forks an XSLT worker first (tools.core.xslt_worker), which compiles print.xsl (a third
of a second or more) while this process reads, validates and hyphenates; the worker transforms each document
as it is handed over, the next one while Typst sets this one. Saxon still sees a document only after the safe
parse and the validation. Its `xslt` phase is then the time this process waited for the worker. Without a
worker (TOOLS_JOBS=1, one core, Saxon already running in this process) the same functions run here.
"""
from __future__ import annotations

import copy
import re
import time
from contextlib import nullcontext
from functools import lru_cache
from pathlib import Path

from tools.core import resources
from tools.core.document import Document, load
from tools.core.errors import EXIT_INTERNAL, EXIT_INVALID, EXIT_USAGE, Problem, ToolError
from tools.core.outputs import atomic_dir
from tools.core.project import Project, expand, find_project, require_distinct_stems
from tools.core.registers import stylesheet_params
from tools.core.saxon import check_params, declared_params, parse_text, transform_to_string
from tools.core.xslt_worker import XsltWorker

PRINT_DIR = resources.xslt("print")
STYLESHEET = PRINT_DIR / "print.xsl"
BOOK_STYLESHEET = PRINT_DIR / "print_book.xsl"
CHAPTERS_MARK = "// @chapters\n"   # where print_book.xsl's frame takes the chapters
TEMPLATE = PRINT_DIR / "kse.typ"
FONT_DIRS = [Path("/usr/share/fonts/truetype/noto")]  # Debian fonts-noto-core: Noto Serif/Sans cover Kazakh
PDF_STANDARD = "ua-1"
PHASES = ("parse", "validate", "hyphenate", "xslt", "typeset", "write")


@lru_cache(maxsize=None)
def paper_sizes() -> list[str]:
    """The paper sizes the template defines (the keys of `papers` in kse.typ): ['A4', 'A5', 'B5']."""
    block = re.search(r"#let papers = \((.*?)\n\)", TEMPLATE.read_text(encoding="utf-8"), re.S).group(1)
    return sorted(re.findall(r"^  (\w+): \(", block, re.M))


def known_params() -> list[str]:
    """The stylesheet parameters `--param` may set for the print edition."""
    return declared_params((resources.xslt("common", "common_param.xsl"), PRINT_DIR / "print_param.xsl"))


def project_params(project: Project) -> dict[str, str]:
    """The stylesheet parameters the project file sets for print: its [pdf] params, and what other tables say
    (the siglum of a single witness, the interface languages: the first is the language of the labels)."""
    params = {"witness-siglum": project.witness_siglum, "languages": " ".join(project.languages),
              "indexes": " ".join(project.pdf.get("indexes", [])), **project.pdf.get("params", {})}
    return {k: v for k, v in params.items() if v != "" or k != "indexes"}


def build_pdf(sources: list[Path], outdir: Path | None = None, *, force: bool = False, paper: str | None = None,
              params: dict[str, str] | None = None, timings: dict[str, float] | None = None,
              warnings: list[str] | None = None, project: Project | None = None) -> list[Path]:
    """Write OUTDIR/pdf/<name>.pdf for each TEI file of `sources` (files or folders; none = the project's).

    With `force`, malformed and duplicate xml:ids are renamed for the build (tools.core.repair), one line each
    in `warnings`, and an invalid edition is built all the same."""
    project = project or find_project()
    # print.xsl compiles in a worker process (tools.core.xslt_worker) from now on, while the documents are found,
    # read and validated here; without one (TOOLS_JOBS=1, one core, Saxon already running here) all runs here
    worker = XsltWorker.start(_compile_print)
    with worker or nullcontext():
        outdir = outdir if outdir is not None else project.output_dir()
        files = _documents(sources, project)
        require_distinct_stems(files)
        paper, params, clock = _settings(project, paper, params, timings)
        docs = _load_valid(files, force=force, warnings=warnings, clock=clock, project=project, output="the PDF")
        written = []
        with atomic_dir(Path(outdir) / "pdf", inputs=files, project=project) as tmp:
            for doc, text in _typst_sources(docs, params, clock, project, worker):
                pdf = _set(text, doc, paper, clock)
                t = time.perf_counter()
                (tmp / f"{doc.path.stem}.pdf").write_bytes(pdf)
                clock["write"] += time.perf_counter() - t
                written.append(Path(outdir) / "pdf" / f"{doc.path.stem}.pdf")
    return written


def _compile_print() -> None:
    """The worker's warm-up: compile print.xsl (SaxonC, a third of a second or more)."""
    from tools.core.saxon import compile_stylesheet

    compile_stylesheet(str(STYLESHEET))


def _typst_sources(docs, params, clock, project, worker):
    """(document, its Typst source) for each document, in order. With a worker the XSLT runs there, the next
    document's while the caller sets this one; `clock["xslt"]` is then the time spent waiting for it."""
    if worker is None:
        nodes = stylesheet_params(project)
        for doc in docs:
            yield doc, typst_source(doc, params, clock, nodes=nodes)
        return

    def send(doc: Document) -> None:
        t = time.perf_counter()
        text = hyphenated_xml(doc)
        clock["hyphenate"] += time.perf_counter() - t
        worker.send(_transform_hyphenated, text, doc.shown, dict(params), project)

    if docs:
        send(docs[0])
    for i, doc in enumerate(docs):
        t = time.perf_counter()
        text = worker.receive()
        clock["xslt"] += time.perf_counter() - t
        if i + 1 < len(docs):
            send(docs[i + 1])
        yield doc, text


def _transform_hyphenated(text: str, shown: str, params: dict[str, str], project: Project | None,
                          nodes: dict | None = None) -> str:
    """print.xsl on a document's hyphenated XML text (hyphenated_xml; made from a parsed, validated tree)."""
    node = parse_text(text)
    return transform_to_string(STYLESHEET, shown, params, node=node,
                               nodes=nodes if nodes is not None else stylesheet_params(project))


def _settings(project: Project, paper: str | None, params: dict[str, str] | None, timings) -> tuple[str, dict, dict]:
    """The paper, the stylesheet parameters (the project's, then the caller's; checked) and the phase clock of
    a print build; an unknown paper or parameter is refused before anything is read."""
    paper = paper or project.pdf.get("paper") or "A4"
    params = {**project_params(project), **(params or {})}
    check_params(params, known_params())
    if paper not in paper_sizes():
        raise ToolError(f"error: unknown paper size {paper!r}; available: {', '.join(paper_sizes())}", EXIT_USAGE)
    clock = timings if timings is not None else {}
    for phase in PHASES:
        clock.setdefault(phase, 0.0)
    return paper, params, clock


def _load_valid(files, *, force: bool, warnings, clock: dict, project: Project, output: str) -> list:
    """Each file read and parsed once (located errors first), then validated; refused when invalid unless
    `force` (whose id repairs go to `warnings`)."""
    # imported here, after build_pdf has forked its XSLT worker: the validator's modules (~40 ms) load while
    # the worker compiles
    from tools.core.validate import require_valid

    t = time.perf_counter()
    found: list[str] = [] if warnings is None else warnings
    docs = [load(f, force=force, warnings=found) for f in files]
    clock["parse"] += time.perf_counter() - t
    t = time.perf_counter()
    require_valid(docs, force=force, output=output, project=project)
    clock["validate"] += time.perf_counter() - t
    return docs


def _documents(sources, project: Project) -> list[Path]:
    """The TEI documents to print: `sources` (files or folders; none = the project's), the project's shared
    register files left out (they are sources of the edition, not documents of it), in the order of the
    project file (the order of the book)."""
    from tools.targets.corpus import documents_for_print

    return documents_for_print(project, list(sources))


def book_title(project: Project, sources=()) -> str:
    """The title of the book: the project's ([edition] title, else name); without a project file, the name of
    the one folder or file given, else ''."""
    if project.title or project.name:
        return project.title or project.name
    return Path(sources[0]).resolve().stem if len(sources) == 1 else ""


def book_name(project: Project, sources=()) -> str:
    """The file name of the book of the corpus: the project's name (or the folder's), made safe for a file name."""
    name = re.sub(r"[^\w.-]+", "-", project.name or book_title(project, sources) or "book").strip(".-")
    return (name or "book") + ".pdf"


def build_book(sources: list[Path], outdir: Path | None = None, *, force: bool = False, paper: str | None = None,
               params: dict[str, str] | None = None, timings: dict[str, float] | None = None,
               warnings: list[str] | None = None, project: Project | None = None) -> list[Path]:
    """Write OUTDIR/pdf/<project name>.pdf: the TEI files of `sources` (files or folders; none = the
    project's documents, in the order of the project file) as one book, each document a chapter.

    Validation, `force` and `warnings` as for build_pdf: every document is validated (its pointers into the
    shared registers too) before anything is written, and the output folder is replaced only on success."""
    from lxml import etree

    project = project or find_project()
    outdir = outdir if outdir is not None else project.output_dir()
    files = _documents(sources, project)
    if not files:
        raise ToolError("error: no TEI documents to print as a book; name files or folders, or list them in "
                        "[edition] documents of edition.toml", EXIT_USAGE)
    paper, params, clock = _settings(project, paper, params, timings)
    docs = _load_valid(files, force=force, warnings=warnings, clock=clock, project=project, output="the book")
    nodes = stylesheet_params(project)

    # the frame: print_book.xsl over a teiCorpus of the documents (in memory; no file is read again)
    t = time.perf_counter()
    tei = "http://www.tei-c.org/ns/1.0"
    corpus = etree.Element(f"{{{tei}}}teiCorpus", nsmap={None: tei})
    header = etree.SubElement(corpus, f"{{{tei}}}teiHeader")
    stmt = etree.SubElement(etree.SubElement(header, f"{{{tei}}}fileDesc"), f"{{{tei}}}titleStmt")
    etree.SubElement(stmt, f"{{{tei}}}title").text = book_title(project, sources)
    for doc in docs:
        corpus.append(copy.deepcopy(doc.root))
    frame = transform_to_string(BOOK_STYLESHEET, "the book", params,
                                node=parse_text(etree.tostring(corpus, encoding="unicode")), nodes=nodes)
    clock["xslt"] += time.perf_counter() - t
    if frame.count(CHAPTERS_MARK) != 1:
        raise ToolError("error: internal error: the frame of the book has no place for its chapters; please report "
                        "it", EXIT_INTERNAL)
    # the chapters: print.xsl on each document, as its own PDF would have it
    chapters = [typst_source(doc, {**params, "chapter": f"c{i}"}, clock, nodes=nodes)
                for i, doc in enumerate(docs, 1)]
    head, tail = frame.split(CHAPTERS_MARK)
    source = head + "".join(chapters) + tail
    t = time.perf_counter()
    try:
        pdf = typeset(source, paper, name=project.name or "the book")
    except ToolError as err:
        if re.search(r"maximum [a-z ]*depth exceeded", str(err)):
            deepest = max(docs, key=lambda d: _deepest(d)[0])
            raise _too_deep(deepest) from None
        raise
    clock["typeset"] += time.perf_counter() - t
    name = book_name(project, sources)
    with atomic_dir(Path(outdir) / "pdf", inputs=files, project=project) as tmp:
        t = time.perf_counter()
        (tmp / name).write_bytes(pdf)
        clock["write"] += time.perf_counter() - t
    return [Path(outdir) / "pdf" / name]


def _deepest(doc: Document):
    """How deep the document's elements nest, and its first element that deep."""
    from lxml import etree

    depth = deepest = 0
    where = doc.root
    for event, el in etree.iterwalk(doc.root, events=("start", "end")):
        depth += 1 if event == "start" else -1
        if event == "start" and depth > deepest:
            deepest, where = depth, el
    return deepest, where


def typst_source(source: Document | Path, params: dict[str, str] | None = None,
                 clock: dict[str, float] | None = None, *, nodes: dict | None = None) -> str:
    """The Typst document print.xsl writes for a TEI document (soft hyphens added to a copy in memory first)."""
    clock = clock if clock is not None else {}
    doc = source if isinstance(source, Document) else load(source)
    t = time.perf_counter()
    text = hyphenated_xml(doc)
    clock["hyphenate"] = clock.get("hyphenate", 0.0) + time.perf_counter() - t
    t = time.perf_counter()
    result = _transform_hyphenated(text, doc.shown, dict(params or {}), None, nodes=nodes if nodes is not None else {})
    clock["xslt"] = clock.get("xslt", 0.0) + time.perf_counter() - t
    return result


def hyphenated_xml(doc: Document) -> str:
    """The document as XML text, soft hyphens added to the words of the languages a pack hyphenates, in a copy
    in memory (the file and `doc` are never changed)."""
    from lxml import etree

    from tools.core.hyphenation import hyphenate_tree

    tree = copy.deepcopy(doc.tree)
    hyphenate_tree(tree)
    return etree.tostring(tree.getroot(), encoding="unicode")


def typeset(source: str, paper: str = "A4", *, standard: str | None = PDF_STANDARD, name: str = "book") -> bytes:
    """A Typst document (calling the template as "/kse.typ") set into PDF bytes."""
    import typst

    try:
        return typst.compile(source.encode("utf-8"), root=str(PRINT_DIR), font_paths=[str(d) for d in FONT_DIRS],
                             ignore_system_fonts=True, sys_inputs={"paper": paper},
                             pdf_standards=[standard] if standard else [])
    except typst.TypstError as exc:  # the document is ours: an error here is a bug of the print target
        detail = " ".join((getattr(exc, "diagnostic", "") or str(exc)).split("\n")[:2]).strip()
        raise ToolError(f"{name}: internal error: Typst could not set the print edition ({detail[:300]}); "
                        "please report it with the TEI file", EXIT_INTERNAL) from None


def _set(text: str, doc: Document, paper: str, clock: dict[str, float]) -> bytes:
    """The Typst source of a document set into PDF bytes (Typst's limit on nesting: a located error)."""
    t = time.perf_counter()
    try:
        pdf = typeset(text, paper, name=doc.shown)
    except ToolError as err:
        if re.search(r"maximum [a-z ]*depth exceeded", str(err)):  # parsing, show rule, call depth
            raise _too_deep(doc) from None
        raise
    clock["typeset"] = clock.get("typeset", 0.0) + time.perf_counter() - t
    return pdf


def _too_deep(doc: Document) -> ToolError:
    """Typst's parser refuses markup nested past its limit (some 60 levels of inline wrappers such as <hi> or
    <foreign>, or of lists): a located error (exit 1) at the document's deepest element, not an internal one."""
    deepest, where = _deepest(doc)
    line = where.sourceline or 1
    msg = (f"elements nested {deepest} deep here are more than the print edition can set (Typst's limit on nested "
           "markup): flatten the nesting (the HTML edition is not limited)")
    return ToolError(f"{doc.shown}:{line}:1: error: {msg}", EXIT_INVALID, [Problem(doc.shown, line, 1, "error", msg)])
