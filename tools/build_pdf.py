"""The print edition: TEI → (XSLT 3.0, xslt/print/print.xsl) → Typst source → (Typst, in-process) → PDF.

    build_pdf([Path("tei/edition.xml")], Path("build"), paper="A5")  ->  [Path("build/pdf/edition.pdf")]

How it works, in one process and one pass:
- The TEI is parsed safely (tools.xmlsafe) and, in memory, the words of languages a language pack can
  hyphenate get soft hyphens (tools.hyphenation; Kazakh by syllables, tools/lang/kk/hyphenate.py): no
  typesetter has Kazakh patterns, and justified Kazakh needs them. The TEI file is never changed.
- print.xsl turns that tree into a Typst document that only calls the functions of the template
  xslt/print/kse.typ, with all TEI text as Typst strings (print_typst.xsl).
- Typst (the `typst` package, the Rust typesetter) sets it into a PDF in the same process: footnotes on the
  page of their marks, the indexes' page numbers by queries of the names' labels, the contents, bookmarks
  and page labels, all in one compile. The PDF is tagged (PDF/UA-1), its title, author, language and date
  from the teiHeader.
Paper sizes are data of the template (its `papers` dictionary), passed to Typst through `sys.inputs`.

The edition is validated first (tools.validate) and refused when invalid unless `force`; several editions
are all validated before any is built. `timings`, if given, receives the seconds of each step (PHASES).
"""
from __future__ import annotations

import re
import time
from functools import lru_cache
from pathlib import Path

from tools.errors import EXIT_INTERNAL, EXIT_USAGE, ToolError
from tools.outputs import atomic_dir
from tools.paths import XSLT_DIR, expand, require_distinct_stems
from tools.saxon import check_params, declared_params, transform_to_string
from tools.validate import require_valid

PRINT_DIR = XSLT_DIR / "print"
STYLESHEET = PRINT_DIR / "print.xsl"
TEMPLATE = PRINT_DIR / "kse.typ"
FONT_DIRS = [Path("/usr/share/fonts/truetype/noto")]  # Debian fonts-noto-core: Noto Serif/Sans cover Kazakh
PDF_STANDARD = "ua-1"
PHASES = ("validate", "parse", "xslt", "typeset", "write")


@lru_cache(maxsize=None)
def paper_sizes() -> list[str]:
    """The paper sizes the template defines (the keys of `papers` in kse.typ): ['A4', 'A5', 'B5']."""
    block = re.search(r"#let papers = \((.*?)\n\)", TEMPLATE.read_text(encoding="utf-8"), re.S).group(1)
    return sorted(re.findall(r"^  (\w+): \(", block, re.M))


def known_params() -> list[str]:
    """The stylesheet parameters `--param` may set for the print edition."""
    return declared_params((XSLT_DIR / "common" / "common_param.xsl", PRINT_DIR / "print_param.xsl"))


def build_pdf(sources: list[Path], outdir: Path, *, force: bool = False, paper: str = "A4",
              params: dict[str, str] | None = None, timings: dict[str, float] | None = None) -> list[Path]:
    """Write OUTDIR/pdf/<name>.pdf for each TEI file of `sources` (files or folders; none = the edition)."""
    files = expand(sources)
    require_distinct_stems(files)
    params = dict(params or {})
    check_params(params, known_params())
    if paper not in paper_sizes():
        raise ToolError(f"error: unknown paper size {paper!r}; available: {', '.join(paper_sizes())}", EXIT_USAGE)
    clock = timings if timings is not None else {}
    for phase in PHASES:
        clock.setdefault(phase, 0.0)

    t = time.perf_counter()
    require_valid(files, force=force, output="the PDF")
    clock["validate"] += time.perf_counter() - t
    written = []
    with atomic_dir(Path(outdir) / "pdf") as tmp:
        for src in files:
            pdf = render(src, paper=paper, params=params, clock=clock)
            t = time.perf_counter()
            (tmp / f"{src.stem}.pdf").write_bytes(pdf)
            clock["write"] += time.perf_counter() - t
            written.append(Path(outdir) / "pdf" / f"{src.stem}.pdf")
    return written


def typst_source(src: Path, params: dict[str, str] | None = None, clock: dict[str, float] | None = None) -> str:
    """The Typst document print.xsl writes for a TEI file (soft hyphens added in memory first)."""
    from lxml import etree

    from tools.hyphenation import hyphenate_tree
    from tools.saxon import processor
    from tools.xmlsafe import parse_file

    clock = clock if clock is not None else {}
    t = time.perf_counter()
    tree = parse_file(src)
    hyphenate_tree(tree)
    node = processor().parse_xml(xml_text=etree.tostring(tree.getroot(), encoding="unicode"))
    clock["parse"] = clock.get("parse", 0.0) + time.perf_counter() - t
    t = time.perf_counter()
    source = transform_to_string(STYLESHEET, src, dict(params or {}), node=node)
    clock["xslt"] = clock.get("xslt", 0.0) + time.perf_counter() - t
    return source


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


def render(src: Path, *, paper: str = "A4", params: dict[str, str] | None = None,
           clock: dict[str, float] | None = None) -> bytes:
    """The PDF of one TEI file, as bytes."""
    clock = clock if clock is not None else {}
    source = typst_source(src, params, clock)
    t = time.perf_counter()
    pdf = typeset(source, paper, name=str(src))
    clock["typeset"] = clock.get("typeset", 0.0) + time.perf_counter() - t
    return pdf
