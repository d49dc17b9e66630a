"""The HTML reading edition: TEI → (XSLT 3.0, xslt/html/html.xsl, one transform) → a static site.

    build_html([Path("tei/edition.xml")], Path("build"))  ->  Path("build/html/index.html")

One transform writes every page of the site (xsl:result-document) into a temporary folder; the builder then
copies the static assets (CSS, JS, the Noto fonts from Debian's fonts-noto-core when installed) and a
byte-for-byte copy of the TEI source for download, and swaps the folder in whole (tools.outputs.atomic_dir):
a failed or interrupted build leaves the previous site as it was. The stylesheet is compiled once per
process (tools.saxon). Several sources give one sub-site each (OUTDIR/html/<stem>/) under an index page.

Order of work: every source is parsed safely first (tools.xmlsafe: no entities, no DTD, no network; this is
not waived by `force`, since Saxon would otherwise expand what the safe parser refuses), then validated
(tools.validate, policy "declared": foreign TEI without our schema is checked for well-formedness only) and
refused when invalid unless `force`. `timings`, if given, receives the seconds of each phase
(parse, validate, transform, write) for bench/bench_html.py.
"""
from __future__ import annotations

import datetime as _dt
import html
import re
import shutil
import time
from pathlib import Path

from tools.errors import EXIT_INVALID, ToolError
from tools.outputs import atomic_dir
from tools.paths import XSLT_DIR, expand, require_distinct_stems
from tools.saxon import check_params, declared_params, load_source, load_tree, transform_to_string
from tools.validate import require_valid

HTML_DIR = XSLT_DIR / "html"
STYLESHEET = HTML_DIR / "html.xsl"
ASSETS = HTML_DIR / "assets"
PARAM_FILES = (XSLT_DIR / "common" / "common_param.xsl", HTML_DIR / "html_param.xsl")
FONT_DIR = Path("/usr/share/fonts/truetype/noto")
FONTS = ("NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Bold.ttf",
         "NotoSans-Regular.ttf", "NotoSans-Bold.ttf")  # the faces edition.css declares
PHASES = ("parse", "validate", "transform", "write")


def build_html(sources: list[Path], outdir: Path, *, force: bool = False,
               params: dict[str, str] | None = None, timings: dict[str, float] | None = None,
               warnings: list[str] | None = None) -> Path:
    """Write the site to OUTDIR/html/ and return the path of its entry page, OUTDIR/html/index.html.
    With `force`, malformed and duplicate xml:ids are renamed for the build, one line each in `warnings`."""
    files = expand(list(sources))
    require_distinct_stems(files)
    user_params = dict(params or {})
    check_params(user_params, known_params())
    clock = timings if timings is not None else {}
    for phase in PHASES:
        clock.setdefault(phase, 0.0)

    t = time.perf_counter()
    found: list[str] = [] if warnings is None else warnings
    trees = {src: load_tree(src, force=force, warnings=found) for src in files}  # first: located errors
    nodes = {src: load_source(src, tree=trees[src]) for src in files}
    clock["parse"] += time.perf_counter() - t

    t = time.perf_counter()
    require_valid(files, force=force, output="the HTML edition")
    clock["validate"] += time.perf_counter() - t

    target = Path(outdir) / "html"
    with atomic_dir(target) as tmp:
        if len(files) == 1:
            _build_site(files[0], nodes[files[0]], trees[files[0]], tmp, user_params, clock)
        else:
            for src in files:
                _build_site(src, nodes[src], trees[src], tmp / src.stem, user_params, clock)
            t = time.perf_counter()
            _write_collection_index(files, trees, tmp)
            clock["write"] += time.perf_counter() - t
        t_swap = time.perf_counter()
    clock["write"] += time.perf_counter() - t_swap
    return target / "index.html"


def known_params() -> list[str]:
    """The stylesheet parameters `--param` may set for the HTML edition."""
    return declared_params(PARAM_FILES, reserved=("build-date",))


def _build_site(src: Path, node, tree, site: Path, user_params: dict[str, str], clock: dict[str, float]) -> None:
    site.mkdir(parents=True, exist_ok=True)
    params = {"source-href": f"tei/{src.name}", "build-date": _dt.date.today().isoformat(), **user_params}

    t = time.perf_counter()
    manifest = transform_to_string(STYLESHEET, src, params, base_output=site, node=node)
    clock["transform"] += time.perf_counter() - t

    t = time.perf_counter()
    missing = [name for name in manifest.split() if not (site / name).is_file()]
    if missing:
        raise ToolError(f"{src}: error: the stylesheet did not write {', '.join(missing)}", EXIT_INVALID)
    assets = site / "assets"
    assets.mkdir(exist_ok=True)
    for asset in ASSETS.iterdir():
        if asset.is_file():
            shutil.copyfile(asset, assets / asset.name)
    fonts = [FONT_DIR / name for name in FONTS if (FONT_DIR / name).is_file()]
    if fonts:  # without fonts-noto-core the CSS falls back to the system font stack
        (assets / "fonts").mkdir(exist_ok=True)
        for font in fonts:
            shutil.copyfile(font, assets / "fonts" / font.name)
    (site / "tei").mkdir(exist_ok=True)
    shutil.copyfile(src, site / "tei" / src.name)  # the source as it is, byte for byte
    for rel in _local_files(src, tree):  # what the TEI points to (the witness, images), so its links work
        (site / "tei" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src.parent / rel, site / "tei" / rel)
    clock["write"] += time.perf_counter() - t


def _local_files(src: Path, tree) -> list[Path]:
    """Files beside or below the TEI file that its ref/ptr/@target, graphic/@url and pb/@facs point to."""
    base = src.parent.resolve()
    found = []
    for url in tree.xpath("//*[local-name()='ref' or local-name()='ptr']/@target | //*[local-name()='graphic']/@url"
                          " | //*[local-name()='pb']/@facs"):
        if re.match(r"^([a-z][a-z0-9+.-]*:|#|/)", url, re.I):
            continue
        target = (base / url.split("#")[0]).resolve()
        if target.is_file() and base in target.parents:
            found.append(target.relative_to(base))
    return found


def _write_collection_index(files: list[Path], trees: dict, site: Path) -> None:
    """The entry page when several documents are built: one link per sub-site."""
    items = []
    for src in files:
        tree = trees[src]
        titles = tree.xpath("//*[local-name()='titleStmt']/*[local-name()='title']")
        title = " ".join((titles[0].xpath("string()") if titles else src.stem).split())
        items.append(f'<li><a href="{html.escape(src.stem)}/index.html">{html.escape(title)}</a></li>')
    page = ("<!DOCTYPE html>\n<html lang=\"kk\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>TEI</title>"
            f"<link rel=\"stylesheet\" href=\"{html.escape(files[0].stem)}/assets/edition.css\"></head>"
            "<body><main id=\"main\"><h1>TEI</h1><ul>" + "".join(items) + "</ul></main></body></html>\n")
    (site / "index.html").write_text(page, encoding="utf-8")
