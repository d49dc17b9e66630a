"""The HTML reading edition: TEI → (XSLT 3.0, xslt/html/html.xsl, one transform) → a static site.

    build_html([Path("tei/edition.xml")], Path("build"))  ->  Path("build/html/index.html")

One transform writes every page of the site (xsl:result-document) into a temporary folder; the builder then
copies the static assets (CSS, JS, the Noto fonts from Debian's fonts-noto-core when installed) and a
byte-for-byte copy of the TEI source for download, and swaps the folder in whole (tools.outputs.atomic_dir):
a failed or interrupted build leaves the previous site as it was. The stylesheet is compiled once per
process (tools.saxon). Several sources give one sub-site each (OUTDIR/html/<stem>/) under an index page.

Order of work: the output folder is checked first (tools.core.outputs.check_output: a folder holding files the
tools did not write, containing an input or lying among the sources is refused before anything is read);
every source is parsed safely (tools.xmlsafe: no entities, no DTD, no network; this is not waived by `force`,
since Saxon would otherwise expand what the safe parser refuses), then validated (tools.validate) and refused
when invalid unless `force`; only then is it handed to Saxon (tools.core.saxon.load_source). `timings`, if
given, receives the seconds of each phase (parse, validate, transform, write) for bench/bench_html.py.
"""
from __future__ import annotations

import datetime as _dt
import html
import json
import re
import shutil
import time
from pathlib import Path
from urllib.parse import quote

from tools.core import packs, resources
from tools.core.document import Document, load
from tools.core.errors import EXIT_INVALID, ToolError
from tools.core.outputs import atomic_dir, check_output
from tools.core.project import Project, expand, find_project, require_distinct_stems
from tools.core.saxon import check_params, declared_params, load_source, transform_to_string
from tools.core.validate import require_valid

HTML_DIR = resources.xslt("html")
STYLESHEET = HTML_DIR / "html.xsl"
ASSETS = HTML_DIR / "assets"
PARAM_FILES = (resources.xslt("common", "common_param.xsl"), HTML_DIR / "html_param.xsl")
FONT_DIR = Path("/usr/share/fonts/truetype/noto")
FONTS = ("NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Bold.ttf",
         "NotoSans-Regular.ttf", "NotoSans-Bold.ttf")  # the faces edition.css declares
PHASES = ("parse", "validate", "transform", "write")


def build_html(sources: list[Path], outdir: Path | None = None, *, force: bool = False,
               params: dict[str, str] | None = None, timings: dict[str, float] | None = None,
               warnings: list[str] | None = None, project: Project | None = None, with_pdf: bool = False) -> Path:
    """Write the site to OUTDIR/html/ and return the path of its entry page, OUTDIR/html/index.html.

    `sources` are files or folders (none: the project's documents); `outdir` defaults to the project's output
    folder; `params` (stylesheet parameters) override the project's [html] params. With `force`, malformed
    and duplicate xml:ids are renamed for the build, one line each in `warnings`. The pages link to the print
    edition of each document (OUTDIR/pdf/<name>.pdf) when `with_pdf` (the caller builds it too) or when it
    is already there."""
    project = project or find_project()
    files = expand(list(sources), project)
    require_distinct_stems(files)
    user_params = {**project_params(project), **(params or {})}
    check_params(user_params, known_params())
    clock = timings if timings is not None else {}
    for phase in PHASES:
        clock.setdefault(phase, 0.0)

    target = Path(outdir if outdir is not None else project.output_dir()) / "html"
    check_output(target, files, project)  # a folder holding a user's files, or among the sources: refused now

    t = time.perf_counter()
    found: list[str] = [] if warnings is None else warnings
    docs = [load(src, force=force, warnings=found) for src in files]  # read and parsed once, first: located errors
    clock["parse"] += time.perf_counter() - t

    t = time.perf_counter()
    require_valid(docs, force=force, output="the HTML edition", project=project)
    clock["validate"] += time.perf_counter() - t

    pdf_dir = target.parent / "pdf"
    has_pdf = {doc.path: with_pdf or (pdf_dir / f"{doc.path.stem}.pdf").is_file() for doc in docs}

    # only now does the XSLT processor see the documents: accepted by the safe parser and by the validator
    # (or --force)
    t = time.perf_counter()
    nodes = {doc.path: load_source(doc) for doc in docs}
    clock["parse"] += time.perf_counter() - t

    with atomic_dir(target, inputs=files, project=project) as tmp:
        if len(docs) == 1:
            _build_site(docs[0], nodes[docs[0].path], tmp, user_params, clock,
                        pdf_href=f"../pdf/{docs[0].path.stem}.pdf" if has_pdf[docs[0].path] else "")
        else:
            for doc in docs:
                _build_site(doc, nodes[doc.path], tmp / doc.path.stem, user_params, clock,
                            pdf_href=f"../../pdf/{doc.path.stem}.pdf" if has_pdf[doc.path] else "")
            t = time.perf_counter()
            _write_collection_index(docs, tmp)
            clock["write"] += time.perf_counter() - t
        t_swap = time.perf_counter()
    clock["write"] += time.perf_counter() - t_swap
    return target / "index.html"


def known_params() -> list[str]:
    """The stylesheet parameters `--param` may set for the HTML edition."""
    return declared_params(PARAM_FILES, reserved=("build-date", "script-data", "pdf-href"))


def project_params(project: Project) -> dict[str, str]:
    """The stylesheet parameters the project file sets: its [html] params, and what other tables say that
    the HTML target needs (the siglum of a single witness)."""
    params = {"witness-siglum": project.witness_siglum, "languages": " ".join(project.languages)}
    params.update(project.html.get("params", {}))
    return {k: v for k, v in params.items() if k in known_params()}


def _build_site(doc: Document, node, site: Path, user_params: dict[str, str], clock: dict[str, float],
                pdf_href: str = "") -> None:
    src = doc.path
    site.mkdir(parents=True, exist_ok=True)
    # the file's name as a URL path (a name may hold '#', '?', '%' or a colon)
    params = {"source-href": "tei/" + quote(src.name), "build-date": _dt.date.today().isoformat(), "pdf-href": pdf_href,
              "script-data": json.dumps(script_data(doc), ensure_ascii=False), **user_params}

    t = time.perf_counter()
    manifest = transform_to_string(STYLESHEET, doc, params, base_output=site, node=node)
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
    (site / "tei" / src.name).write_bytes(doc.data)  # the source as it is, byte for byte
    for rel in _local_files(doc):  # what the TEI points to (the witness, images), so its links work
        (site / "tei" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src.parent / rel, site / "tei" / rel)
    clock["write"] += time.perf_counter() - t


XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
WORD = re.compile(r"[^\W\d_]+")


def script_data(doc: Document) -> dict:
    """What the stylesheet needs to show the text in the other scripts its language is written in, asked of
    the language packs (tools.core.packs; the Kazakh pack offers the Latin alphabet of 2021):
        {"kk": {"Latn": {"words": {"Қазақ": "Qazaq", …}, "letters": {"қ": "q", …}}}}
    `words` holds every word of the document's text in that language whose form changes (the stylesheet
    replaces word by word, so the transliteration rule stays in the pack); `letters` is the pack's letter
    table, shown to the reader and used by the search. Empty when no language of the document has one."""
    root = doc.root
    lang_of: dict = {}
    words: dict[str, set[str]] = {}
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        parent = el.getparent()
        lang = (el.get(XML_LANG) or (lang_of.get(parent) if parent is not None else None) or "").split("-")[0].lower()
        lang_of[el] = lang
        if lang:
            bucket = words.setdefault(lang, set())
            bucket.update(WORD.findall(el.text or ""))
            if parent is not None and el.tail:
                words.setdefault(lang_of.get(parent) or "", set()).update(WORD.findall(el.tail))
    data: dict = {}
    for lang, found in sorted(words.items()):
        for script, convert in packs.other_scripts(lang).items():
            changed = {w: convert(w) for w in sorted(found)}
            folding = packs.search_folding(lang, script) or {}
            data.setdefault(lang, {})[script] = {"words": {w: v for w, v in changed.items() if v != w},
                                                 "letters": folding.get("letters", {}),
                                                 "fold": folding.get("fold", {})}
    return data


def _local_files(doc: Document) -> list[Path]:
    """Files beside or below the TEI file that its ref/ptr/@target, graphic/@url and pb/@facs point to."""
    base = doc.path.parent.resolve()
    found = []
    for url in doc.tree.xpath("//*[local-name()='ref' or local-name()='ptr']/@target | //*[local-name()='graphic']/@url"
                              " | //*[local-name()='pb']/@facs"):
        if re.match(r"^([a-z][a-z0-9+.-]*:|#|/)", url, re.I):
            continue
        target = (base / url.split("#")[0]).resolve()
        if target.is_file() and base in target.parents:
            found.append(target.relative_to(base))
    return found


def _write_collection_index(docs: list[Document], site: Path) -> None:
    """The entry page when several documents are built: one link per sub-site."""
    items = []
    for doc in docs:
        src = doc.path
        titles = doc.tree.xpath("//*[local-name()='titleStmt']/*[local-name()='title']")
        title = " ".join((titles[0].xpath("string()") if titles else src.stem).split())
        items.append(f'<li><a href="{html.escape(src.stem)}/index.html">{html.escape(title)}</a></li>')
    page = ("<!DOCTYPE html>\n<html lang=\"kk\"><head><meta charset=\"utf-8\">"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>TEI</title>"
            f"<link rel=\"stylesheet\" href=\"{html.escape(docs[0].path.stem)}/assets/edition.css\"></head>"
            "<body><main id=\"main\"><h1>TEI</h1><ul>" + "".join(items) + "</ul></main></body></html>\n")
    (site / "index.html").write_text(page, encoding="utf-8")
