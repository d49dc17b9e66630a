"""The print edition: TEI → (XSLT 3.0, xslt/print/print.xsl) → paged HTML + CSS → (WeasyPrint) → PDF.

    build_pdf([Path("tei/edition.xml")], Path("build"), paper="A5")  ->  [Path("build/pdf/edition.pdf")]

How it works: the book is written, laid out and printed to PDF in three parts, then joined.
- The *front* matter (title page, colophon, introduction, abbreviations, chronology) is paged in roman
  numerals, as academic presses do, so the text's pages do not depend on it: it is laid out beside the text.
- The *text* (the article with its apparatus) is paged from 1. An index must print the pages on which its
  names stand, and only the renderer knows them, so the page of every anchor of the text is read from its
  layout (`Page.anchors`).
- The *back* matter (indexes, contents) is then written by the stylesheet with those pages, distinct and
  sorted ("3, 5–6", never one number per occurrence as target-counter() would give), and laid out with its
  page counter continuing the text's.
A worker process (tools/forked.py, forked at the start so that it imports WeasyPrint while this process
validates and transforms) lays out the text and writes its PDF; meanwhile this process lays out and writes
the front matter, then, once the text's pages are known, the back matter. tools/pdfparts.py joins the three
PDFs (links across parts, bookmarks, page labels). Paper sizes are CSS files (xslt/print/paper-<size>.css);
this module only picks one.

After layout of the text, the paragraph numbers of left-hand pages are moved from the right margin to the
left one, so that they stand in the outer margin of every page (CSS cannot select an element by the side
of the page it falls on). This touches WeasyPrint's laid-out boxes; if that ever fails the numbers simply
stay in the right margin.

Where the time goes (bench/bench_pdf.py): WeasyPrint's layout, about 60 ms a page, and writing (drawing every
text box again). The path that decides the build's time: start-up, the text's layout, the back matter's
layout and writing, the join. What was cut: laying out and writing the front matter and writing the text
run beside that path; WeasyPrint measures a page's footnote area by laying all its notes out again for every
note it adds, tools/footnote_area.py measures it incrementally (same breaks, tested); names and dates carry
empty anchors instead of wrapping elements, and the cyclic garbage collector is paused while the box trees
are built. Tried and given up: one footnote per group of entries (faster, but an entry whose call falls on
the next page was printed at the foot of the previous one); measured and not worth it: full_fonts
(subsetting is HarfBuzz's, 0.06 s), no floats, no break-inside or no justification in the back matter.

The edition is validated first (tools.validate) and refused when invalid unless `force`.
`timings`, if given, receives the seconds of each step (see PHASES) for the bench.
"""
from __future__ import annotations

import gc
import logging
import shutil
import time
from contextlib import contextmanager
from pathlib import Path

from tools.targets import forked
from tools.core.errors import EXIT_USAGE, ToolError
from tools.targets.footnote_area import incremental_footnote_areas
from tools.targets.footnote_policy import notes_stay_with_their_calls
from tools.core.outputs import atomic_dir
from tools.targets.pdfparts import join
from tools.core import resources
from tools.core.document import load
from tools.core.project import Project, expand, find_project, require_distinct_stems
from tools.core.saxon import check_params, declared_params, load_source, transform_to_string
from tools.core.validate import require_valid

PRINT_DIR = resources.xslt("print")
STYLESHEET = PRINT_DIR / "print.xsl"
BASE_CSS = PRINT_DIR / "print.css"


def paper_sizes() -> list[str]:
    """The paper sizes there is a CSS file for (xslt/print/paper-<size>.css), upper-case: ['A4', 'A5', 'B5']."""
    return sorted(p.stem.split("-", 1)[1].upper() for p in PRINT_DIR.glob("paper-*.css"))


def paper_css(paper: str) -> Path:
    """The CSS file of a paper size; ToolError (exit 2) if there is none."""
    path = PRINT_DIR / f"paper-{paper.lower()}.css"
    if not path.is_file():
        raise ToolError(f"error: unknown paper size {paper!r}; available: {', '.join(paper_sizes())}", EXIT_USAGE)
    return path


def known_params() -> list[str]:
    """The stylesheet parameters `--param` may set for the print edition (`part`, `page-map` and `front-pages`
    are the builder's own: it renders the book in parts)."""
    return declared_params((resources.xslt("common", "common_param.xsl"), PRINT_DIR / "print_param.xsl"),
                           reserved=("part", "page-map", "front-pages", "build-date"))


def build_pdf(sources: list[Path], outdir: Path | None = None, *, force: bool = False, paper: str | None = None,
              params: dict[str, str] | None = None, timings: dict[str, float] | None = None,
              project: Project | None = None) -> list[Path]:
    """Write OUTDIR/pdf/<name>.pdf for each TEI file of `sources` (files or folders; none = the project's)."""
    project = project or find_project()
    paper = paper or project.pdf.get("paper") or "A4"
    outdir = outdir if outdir is not None else project.output_dir()
    params = {"witness-siglum": project.witness_siglum, **project.pdf.get("params", {}), **(params or {})}
    files = expand(sources, project)
    require_distinct_stems(files)
    check_params(dict(params or {}), known_params())
    css_files = [BASE_CSS, paper_css(paper)]
    clock = timings if timings is not None else {}
    for phase in PHASES:
        clock.setdefault(phase, 0.0)

    written = []
    # the worker lays out and writes the text of each book; it forks now, to import WeasyPrint while this
    # process transforms and validates. (Inside atomic_dir: on an error the worker is gone before the
    # temporary folder it writes in is removed.)
    with atomic_dir(Path(outdir) / "pdf") as tmp, forked.Worker(prepare=_prepare_worker) as worker:
        # one edition: validated while the worker lays its text out; several: all before the first is built
        validate_first = len(files) > 1 or not forked.parallel()
        if validate_first:
            _validate(files, force, clock)
        for src in files:
            target = tmp / f"{src.stem}.pdf"
            _render(worker, src, target, css_files, dict(params or {}), force, validate_first, clock)
            written.append(Path(outdir) / "pdf" / target.name)
    return written


def _validate(files: list[Path], force: bool, clock: dict[str, float]) -> None:
    t = time.perf_counter()
    require_valid([load(f) for f in files], force=force, output="the PDF")
    clock["validate"] += time.perf_counter() - t


# what `timings` receives: the builder's own steps one after another (validate … join; `wait` is the time it
# waits for the worker), and the worker's (layout-text, write-text), which overlap them
PHASES = ("validate", "xslt", "layout-text", "write-text", "wait", "join",
          "layout-front", "write-front", "layout-back", "write-back")


@contextmanager
def layout_hooks():
    """How this builder runs WeasyPrint: apparatus notes kept on the page of their marks
    (tools/footnote_policy.py), footnote areas measured incrementally (tools/footnote_area.py), and the
    cyclic garbage collector paused."""
    with _no_cyclic_gc(), incremental_footnote_areas(), notes_stay_with_their_calls():
        yield


def lay_out_text_part(src: Path, paper: str = "A4", params: dict[str, str] | None = None):
    """The text part of the book (the article and its apparatus) as WeasyPrint lays it out in a build: a
    `weasyprint.Document`, whose pages' `anchors` tell where each mark and entry stands (for tests)."""
    html = transform_to_string(STYLESHEET, src, {**(params or {}), "part": "text"})
    with layout_hooks():
        return _lay_out(html, _load_css([BASE_CSS, paper_css(paper)]))


def anchor_pages(document) -> dict[str, int]:
    """{anchor: number of the first page it stands on} of a laid-out document (a box the page break splits
    is anchored on both pages)."""
    pages: dict[str, int] = {}
    for number, page in enumerate(document.pages, start=1):
        for anchor in page.anchors:
            pages.setdefault(anchor, number)
    return pages


@contextmanager
def _no_cyclic_gc():
    """Pause Python's cyclic garbage collector while WeasyPrint builds and lays out its box trees.

    Layout allocates millions of small objects that live until the PDF is written; each automatic collection
    walks all of them again (about a tenth of the layout time). Reference counting still frees what is
    dropped; cycles wait for the collector's next run after the build.
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def _load_css(paths: list[Path]):
    from weasyprint import CSS

    return [CSS(filename=str(p)) for p in paths]


def _lay_out(html: str, stylesheets):
    from weasyprint import HTML

    return HTML(string=html, base_url=str(PRINT_DIR) + "/").render(stylesheets=stylesheets)


def _render(worker: forked.Worker, src: Path, target: Path, css_files: list[Path], params: dict[str, str],
            force: bool, validated: bool, clock: dict[str, float]) -> None:
    """The book in three PDF parts, then joined (see the module comment): the worker lays out and writes the
    text while this process validates and does the front matter; once the text's pages are known, this
    process does the back matter while the worker writes the text. An invalid edition is refused before
    anything is written (the worker's layout is then thrown away), unless already `validated`.
    WeasyPrint is imported here only once the text is with the worker."""
    parts = target.with_name(target.stem + ".parts")
    parts.mkdir()

    t = time.perf_counter()
    node = load_source(src)  # parsed once for all parts
    try:
        text_html = transform_to_string(STYLESHEET, src, {**params, "part": "text"}, node=node)
    except ToolError:  # an invalid edition may break the stylesheet: say what is invalid rather than that
        if not validated:
            require_valid([load(src)], force=force, output="the PDF")
        raise
    clock["xslt"] += time.perf_counter() - t
    worker.submit(_text_part, text_html, css_files, parts / "text.pdf")
    if not validated:
        _validate([src], force, clock)

    with layout_hooks():
        _front_and_back(worker, src, node, target, parts, _load_css(css_files), params, clock)


def _front_and_back(worker, src, node, target, parts, stylesheets, params, clock) -> None:
    """This process's share of _render: the front matter, then the back matter, then the join."""
    from weasyprint import CSS

    t = time.perf_counter()
    front_html = transform_to_string(STYLESHEET, src, {**params, "part": "front"}, node=node)
    clock["xslt"] += time.perf_counter() - t
    t = time.perf_counter()
    front = _lay_out(front_html, stylesheets)
    front_pages = anchor_pages(front)
    clock["layout-front"] += time.perf_counter() - t
    t = time.perf_counter()
    front.write_pdf(parts / "front.pdf")
    del front
    clock["write-front"] += time.perf_counter() - t

    t = time.perf_counter()
    text = worker.receive()
    clock["wait"] += time.perf_counter() - t
    clock["layout-text"] += text["layout-text"]

    t = time.perf_counter()
    back_html = transform_to_string(STYLESHEET, src, {
        **params, "part": "back",
        "page-map": _page_map_param(text["pages"]), "front-pages": _page_map_param(front_pages)}, node=node)
    clock["xslt"] += time.perf_counter() - t
    t = time.perf_counter()
    skip, continuation = _continuation(text["count"])
    back = _lay_out(back_html, [*stylesheets, CSS(string=continuation)])
    back = back.copy(back.pages[skip:])
    clock["layout-back"] += time.perf_counter() - t
    t = time.perf_counter()
    back.write_pdf(parts / "back.pdf")
    clock["write-back"] += time.perf_counter() - t

    t = time.perf_counter()
    clock["write-text"] += worker.receive()["write-text"]
    clock["wait"] += time.perf_counter() - t

    t = time.perf_counter()
    join([parts / "front.pdf", parts / "text.pdf", parts / "back.pdf"], target,
         numbering=["lower-roman", "decimal", None], pad_to_recto=[True, False, False])
    shutil.rmtree(parts)
    clock["join"] += time.perf_counter() - t


def _prepare_worker() -> None:
    """In the worker, at once: import WeasyPrint and set up the layout hooks (compiled once per process)."""
    with layout_hooks():
        pass


def _text_part(reply, html: str, css_files: list[Path], pdf: Path) -> dict:
    """The worker's task: lay out the text, reply its pages (anchor -> page, page count), write its PDF."""
    with layout_hooks():
        t = time.perf_counter()
        document = _lay_out(html, _load_css(css_files))
        _outer_margin_numbers(document)
        reply({"pages": anchor_pages(document), "count": len(document.pages),
               "layout-text": time.perf_counter() - t})
        t = time.perf_counter()
        document.write_pdf(pdf)
    return {"write-text": time.perf_counter() - t}


def _page_map_param(pages: dict[str, int]) -> str:
    """A page map as print.xsl takes it: "anchor page anchor page …"."""
    return " ".join(f"{anchor} {number}" for anchor, number in pages.items())


def _continuation(text_pages: int) -> tuple[int, str]:
    """How the back part continues a text of `text_pages` pages: (pages to drop, CSS).

    WeasyPrint always starts a document on a right-hand page. The back part must start on a right-hand
    (odd) page of the book; when the text ends on one (odd count), the back part gets a throw-away first
    page so that its page sides line up with the book's, and its first section moves on to the next
    right-hand page, leaving a blank left-hand page between the parts.
    """
    if text_pages % 2:
        return 1, (f"@page :first {{ counter-reset: page {text_pages} }}\n"
                   "body::before { content: ''; display: block; break-after: page; }")
    return 0, f"@page :first {{ counter-reset: page {text_pages + 1} }}"


def _outer_margin_numbers(document) -> None:
    """Mirror the paragraph numbers of left-hand pages into the left margin (see the module comment)."""
    try:
        for index, page in enumerate(document.pages):
            if index % 2 == 0:  # right-hand page (ltr): the number is already in the outer margin
                continue
            page_box = page._page_box
            left = page_box.content_box_x()
            right = left + page_box.width
            for box in page_box.descendants():
                element = getattr(box, "element", None)
                if getattr(box, "element_tag", None) != "span" or element is None:
                    continue
                if "pn" not in (element.get("class") or "").split():
                    continue
                x, width = box.border_box_x(), box.border_width()
                box.translate(dx=(left + right - width - x) - x)
    except Exception as exc:  # internal API of WeasyPrint: degrade, never fail the build
        logging.getLogger(__name__).warning("paragraph numbers left in the right margin: %s", exc)
