"""The HTML reading edition: TEI → (XSLT 3.0) → a static site; one document or a corpus as one site.

    build_html([Path("tei/edition.xml")], Path("build"))  ->  Path("build/html/index.html")

LAYOUT. One document: its pages are the site (xslt/html/html.xsl: title page, text, apparatus, registers,
chronology, search). Several documents (a folder, or the project's list): one site — the collection page,
each document's pages in a folder of its own (xslt/html/html_corpus_doc.xsl), the registers, chronology and
search merged across the documents (xslt/html/html_corpus.xsl, tools/targets/corpus.py). Either way the
styles, scripts and fonts are in assets/ once, and the search index is split (tools/targets/search_index.py).

INCREMENTAL. Every input is hashed: a document's bytes, the toolkit (its stylesheets, assets and builder
code), the project file and schema, the parameters, and the shared register entries the document names. A
document whose hash was built before is not parsed, validated or transformed again: its pages, its text
for the search and its contribution come from the cache (OUTDIR/.tools-cache/html, tools.core.buildcache).
The corpus's pages are units with digests of what they show, so a changed document re-renders only the pages
it touches. The documents to transform go to worker processes on both cores (tools.core.build_pool): each one is
parsed safely, validated (RELAX NG, Schematron, pointers into the shared registers) and transformed there.

OUTPUT. Everything is linked (hard links from the cache) into a temporary folder that is swapped in whole
(tools.core.outputs.atomic_dir): a failed or interrupted build leaves the previous site as it was. An
invalid document is refused with its problems unless `force`; the documents that were valid are kept in
the cache, so the next build after the fix does only the fixed one.

ORDER OF WORK. The output folder is checked first (tools.core.outputs.check_output: a folder holding files the
tools did not write, containing an input or lying among the sources is refused before anything is read);
in its worker every source is parsed safely (tools.core.xmlsafe: no entities, no DTD, no network; not waived
by `force`, since Saxon would otherwise expand what the safe parser refuses), then validated and refused when
invalid unless `force`; only then is it handed to Saxon (tools.core.saxon.load_source). `timings`, if given, receives the seconds
of each phase (PHASES); `report`, if given, what was rebuilt and reused.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import pickle
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

from lxml import etree

from tools.core import packs, resources
from tools.core.buildcache import BuildCache, digest, file_digest, link_all, toolkit_digest
from tools.core.document import Document
from tools.core.errors import EXIT_INVALID, EXIT_USAGE, Problem, ToolError
from tools.core.outputs import atomic_dir, check_output
from tools.core.build_pool import Pool
from tools.core.project import Project, display, expand, find_project, require_distinct_stems
from tools.core.registers import KINDS as REGISTER_KINDS, Registers, load_registers, stylesheet_params
from tools.core.saxon import check_params, declared_params, load_source, parse_text, transform_to_string
from tools.core.xmlsafe import parse_bytes, read_bytes
from tools.targets import corpus, search_index

HTML_DIR = resources.xslt("html")
STYLESHEET = HTML_DIR / "html.xsl"
DOC_STYLESHEET = HTML_DIR / "html_corpus_doc.xsl"
CORPUS_STYLESHEET = HTML_DIR / "html_corpus.xsl"
ASSETS = HTML_DIR / "assets"
PARAM_FILES = (resources.xslt("common", "common_param.xsl"), HTML_DIR / "html_param.xsl")
FONT_DIR = Path("/usr/share/fonts/truetype/noto")
FONTS = ("NotoSerif-Regular.ttf", "NotoSerif-Italic.ttf", "NotoSerif-Bold.ttf",
         "NotoSans-Regular.ttf", "NotoSans-Bold.ttf")  # the faces edition.css declares
PHASES = ("hash", "parse", "validate", "transform", "documents", "corpus", "write")
FORMAT = 1  # the shape of the cache's entries; a change makes every entry another key
TEI_NS = "http://www.tei-c.org/ns/1.0"


@dataclass
class BuildReport:
    """What a build did: the entry page, the documents transformed and those reused, the problems found
    (warnings, and with `force` the errors too)."""
    entry: Path
    rebuilt: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    units_rendered: int = 0
    manifest: dict[str, str] = field(default_factory=dict)   # every file of the site -> where it is in the cache
    repairs: list[str] = field(default_factory=list)         # with force: the ids renamed for the build


def build_html(sources: list[Path], outdir: Path | None = None, *, force: bool = False,
               params: dict[str, str] | None = None, timings: dict[str, float] | None = None,
               warnings: list[str] | None = None, project: Project | None = None, cache: bool = True,
               pool: Pool | None = None,
               report: BuildReport | None = None, materialize: bool = True, session: dict | None = None,
               on_documents=None, with_pdf: bool = False) -> Path:
    """Write the site to OUTDIR/html/ and return the path of its entry page, OUTDIR/html/index.html.

    `sources` are files or folders (none: the project's documents; the project's shared register files are
    never documents); `outdir` defaults to the project's output folder; `params` (stylesheet parameters)
    override the project's [html] params. With `force`, malformed and duplicate xml:ids are renamed for the
    build, one line each in `warnings`. `cache=False` builds everything afresh (and keeps no cache);
    `pool` lends a pool of workers that outlives the build (tools serve); `materialize=False` writes no site,
    only the cache, and leaves in `report.manifest` where each file of the site is (tools serve serves them
    from there); `session`, a dict kept by the caller between builds, holds the documents' contributions in
    memory instead of reading them from the cache; `on_documents(files)` is called once the changed
    documents' own pages are made, before the corpus's (site path -> file). The pages link to the print
    edition of each document (OUTDIR/pdf/<name>.pdf) when `with_pdf` (the caller builds it too) or when it
    is already there."""
    project = project or find_project()
    clock = timings if timings is not None else {}
    for phase in PHASES:
        clock.setdefault(phase, 0.0)
    t = time.perf_counter()
    registers = load_registers(project)
    files = [f for f in expand(list(sources), project) if not registers.is_register(f)]
    if not files:
        raise ToolError("error: nothing to build: the paths hold only the project's register files", EXIT_USAGE)
    require_distinct_stems(files)
    user_params = {**project_params(project), **(params or {})}
    check_params(user_params, known_params())
    single = len(files) == 1
    target = Path(outdir if outdir is not None else project.output_dir()) / "html"
    check_output(target, files, project)  # a folder holding a user's files, or among the sources: refused now
    store = BuildCache(target.parent / ".tools-cache" / "html") if cache else None
    base = digest(FORMAT, toolkit_digest(), _project_digest(project), user_params, "single" if single else "corpus")
    docs = [_Doc(f, display(f), read_bytes(f), "" if single else f"{f.stem}/") for f in files]
    pdf_dir = target.parent / "pdf"
    for d in docs:
        if with_pdf or (pdf_dir / f"{d.path.stem}.pdf").is_file():  # the pages link to the print edition
            d.pdf_href = ("../pdf/" if single else "../../pdf/") + quote(f"{d.path.stem}.pdf")
        d.key = digest(base, d.folder, d.path.name, d.data, d.pdf_href)
    clock["hash"] += time.perf_counter() - t

    own_pool = pool is None
    pool = pool or Pool()
    try:
        if store is None:
            import tempfile

            tmp_cache = Path(tempfile.mkdtemp(prefix=".tools-cache-", dir=target.parent if target.parent.exists() else None))
            try:
                done = _build(docs, target, BuildCache(tmp_cache), base, single, registers, project, user_params,
                              force, clock, pool, own_pool, report, materialize, session, on_documents)
            finally:
                shutil.rmtree(tmp_cache, ignore_errors=True)
        else:
            with store.locked():
                try:
                    done = _build(docs, target, store, base, single, registers, project, user_params, force,
                                  clock, pool, own_pool, report, materialize, session, on_documents)
                finally:
                    store.discard_staging()
        if warnings is not None:
            warnings.extend(done.repairs)
        return done.entry
    finally:
        if own_pool:
            pool.close()


class Session(dict):
    """The documents' contributions kept in memory between builds by a long-lived caller (tools serve): key of
    a document version -> its parts."""

    def keep(self, keys) -> None:
        for key in [k for k in self if k not in keys]:
            del self[key]


@dataclass
class _Doc:
    path: Path
    shown: str
    data: bytes
    folder: str
    key: str = ""
    pdf_href: str = ""
    meta: dict | None = None
    parts: dict | None = None


def _build(docs, target, store: BuildCache, base, single, registers: Registers, project, params, force, clock,
           pool: Pool, own_pool: bool, report: BuildReport | None, materialize: bool, session,
           on_documents) -> BuildReport:
    report = report if report is not None else BuildReport(target / "index.html")
    report.entry = target / "index.html"
    # which documents must be transformed
    t = time.perf_counter()
    todo = []
    reused_problems = []
    for d in docs:
        meta = store.meta(d.key)
        if meta is not None and _still_good(meta, d, registers, force):
            d.meta = meta
            report.reused.append(d.shown)
            reused_problems += [Problem(**p) for p in meta.get("warnings", [])]
            report.repairs += meta.get("repairs", [])
        else:
            todo.append(d)
    clock["hash"] += time.perf_counter() - t

    t = time.perf_counter()
    tasks = [_Task(d.path, d.shown, d.data, str(store.staging()), d.folder, {**params, "pdf-href": d.pdf_href},
                   force, project,
                   str(STYLESHEET if single else DOC_STYLESHEET)) for d in todo]
    # in a corpus, even one changed document goes to a worker: this process stays free of Saxon, so that the
    # corpus's pages can then be rendered on both cores (a forked copy of a running Saxon is not safe)
    results = pool.map(_build_document, tasks, at_least=1 if not own_pool or not single else 2)
    problems: list[Problem] = []
    failed = []
    for d, task, res in zip(todo, tasks, results):
        problems += res.problems
        report.repairs += res.repairs
        for phase, seconds in res.clock.items():
            clock[phase] = clock.get(phase, 0.0) + seconds
        if not res.built:
            shutil.rmtree(task.staging, ignore_errors=True)
            failed.append(d)
            continue
        meta = {"validated": res.valid, "refs": res.refs, "refs_digest": registers.digest_of(res.refs),
                "deps": res.deps, "shown": d.shown, "warnings": [p.as_dict() for p in res.problems],
                "files": res.files, "chunks": res.chunks, "repairs": res.repairs}
        store.commit(Path(task.staging), d.key, meta)
        d.meta = meta
        d.parts = res.parts
        report.rebuilt.append(d.shown)
    clock["documents"] += time.perf_counter() - t
    report.problems = reused_problems + problems
    if failed or (not force and any(p.severity == "error" for p in problems)):
        errors = [p for p in problems if p.severity == "error"]
        first = errors[0].format() if errors else "the edition is not valid"
        raise ToolError(f"{first}\nerror: refusing to build the HTML edition of an invalid document "
                        f"({len(errors)} problem(s)); fix them or use --force", EXIT_INVALID, problems)

    if on_documents is not None:  # tools serve shows a changed document before the corpus's pages are made
        on_documents({d.folder + rel: os.path.join(store.path(d.key), "site", rel)
                      for d in docs if d.shown in report.rebuilt for rel in d.meta["files"]})

    # what spans the documents: units of the corpus's pages and of the search index, each kept as blobs
    t = time.perf_counter()
    # the index of what was made: {"units": {unit key: {file: blob}}, "corpus": {corpus key: {"files": …,
    # "units": [unit keys]}}}; the corpus key names a set of documents, so that an unchanged corpus skips all
    index = store.index("units")
    made, corpora = index.get("units", {}), index.get("corpus", {})
    corpus_key = digest(base, registers.fingerprint(), [(d.folder, d.key) for d in docs])
    last = corpora.get(corpus_key)
    if last and all(store.has_blob(b) for b in last["files"].values()):
        corpus_files, used = last["files"], last["units"]  # no document changed: the last build's pages
    else:
        corpus_files, used = _corpus_units(docs, store, made, base, single, registers, project, params, pool,
                                           own_pool, report, session)
    assets = _assets(store, base, made)
    used = [*used, *assets]
    store.save_index("units", {"units": {k: made[k] for k in used if k in made},
                               "corpus": {corpus_key: {"files": corpus_files, "units": used}}})
    clock["corpus"] += time.perf_counter() - t

    # the site: every file by its place, from the cache
    t = time.perf_counter()
    manifest: dict[str, str] = {}
    for i, d in enumerate(docs):
        entry = str(store.path(d.key))
        for rel in d.meta["files"]:
            manifest[d.folder + rel] = os.path.join(entry, "site", rel)
        for k in range(d.meta["chunks"]):
            manifest[f"search/t/{i}-{k}.js"] = os.path.join(entry, "chunks", f"{k}.js")
    blobs = str(store.folder / "blobs")
    for files in (corpus_files, *assets.values()):
        for rel, blob in files.items():
            manifest[rel] = os.path.join(blobs, blob)
    report.manifest = manifest
    if materialize:  # written into a new folder, swapped in whole
        with atomic_dir(target, inputs=[d.path for d in docs], project=project) as tmp:
            link_all(manifest, tmp)
    kept_blobs = set(corpus_files.values()) | {b for f in assets.values() for b in f.values()}
    if session is not None:
        session.keep({d.key for d in docs})
    store.keep([d.key for d in docs], kept_blobs)
    clock["write"] += time.perf_counter() - t
    return report


def _single_register_records(parts: dict, registers) -> list[dict]:
    """The search records of the register entries a site of one document shows (its own entries and the
    shared ones it names), each leading to its place on the register page (persons.html#ID …)."""
    found, seen = [], set()
    for ident, xml in parts.get("entries", {}).items():
        el = search_index.parse_entry(xml)
        kind = REGISTER_KINDS.get(etree.QName(el).localname) if el is not None else None
        if kind:
            found.append((ident, kind, el))
            seen.add(ident)
    for name in parts.get("names", []):
        shared = registers.entry(name["id"]) if name.get("shared") and name["id"] not in seen else None
        if shared is not None and shared.kind in ("persons", "places", "orgs"):
            found.append((shared.id, shared.kind, shared.element))
            seen.add(shared.id)
    return search_index.register_records(found, lambda kind, ident: f"{kind}.html#{ident}")


def _corpus_units(docs, store: BuildCache, made: dict, base, single, registers, project, params, pool: Pool,
                  own_pool: bool, report: BuildReport, session) -> tuple[dict[str, str], list[str]]:
    """Make what of the corpus's pages and search files is not in the cache (`made` gets it); return every file
    of them (site-relative path -> blob) and the keys of their units."""
    for d in docs:
        if d.parts is None:
            d.parts = session.get(d.key) if session is not None and d.key in session else _load_parts(store, d.key)
        if session is not None:
            session[d.key] = d.parts
    if single:
        merged = None
        units = corpus.search_units([docs[0].parts["postings"]], _single_register_records(docs[0].parts, registers),
                                    [docs[0].parts.get("bounds", [10 ** 9, 10 ** 9])])
    else:
        merged = corpus.merge([corpus.DocParts(d.folder, d.parts) for d in docs], registers)
        units = corpus.units(merged, registers)
    unit_keys = {name: digest(base, name, u.digest) for name, u in units.items()}
    have = {name: made.get(unit_keys[name]) for name in units}
    dirty = [name for name in units if not have[name] or not all(store.has_blob(b) for b in have[name].values())]
    for name in [n for n in dirty if units[n].make is not None]:
        have[name] = {rel: store.blob(body) for rel, body in units[name].make().items()}
    xslt_dirty = [n for n in dirty if units[n].make is None]
    if xslt_dirty:
        staging = store.staging()
        header = _corpus_header(project, merged.docs)
        # the pages are independent of each other: with workers, in as many shares as there are workers
        shares = max(1, min(pool.jobs if pool.parallel else 1, len(xslt_dirty)))
        groups = [xslt_dirty[k::shares] for k in range(shares)]
        tasks = [_CorpusTask(str(staging / f"out{k}"), json.dumps(corpus.job(merged, group), ensure_ascii=False),
                             header, params, project) for k, group in enumerate(groups)]
        pool.map(_render_corpus, tasks, at_least=1 if not own_pool else 2)
        for k, group in enumerate(groups):
            out = staging / f"out{k}"
            for name in group:
                files = {}
                for rel in units[name].files:
                    if not (out / rel).is_file():
                        raise ToolError(f"error: the corpus stylesheet did not write {rel}", EXIT_INVALID)
                    files[rel] = store.blob((out / rel).read_bytes())
                have[name] = files
        shutil.rmtree(staging, ignore_errors=True)
    report.units_rendered = len(dirty)
    for name in units:
        made[unit_keys[name]] = have[name]
    return {rel: blob for name in units for rel, blob in have[name].items()}, list(unit_keys.values())


def _still_good(meta: dict, d: _Doc, registers: Registers, force: bool) -> bool:
    """May a cached document be reused: built from valid input (or now forced), the shared entries it names
    unchanged, the local files it copies unchanged?"""
    if not meta.get("validated") and not force:
        return False
    if meta.get("refs_digest") != registers.digest_of(meta.get("refs", [])):
        return False
    base = d.path.resolve().parent
    return all(file_digest(base / rel) == sha for rel, sha in meta.get("deps", []))


def _load_parts(store: BuildCache, key: str) -> dict:
    with open(store.path(key) / "parts.pickle", "rb") as fh:
        return pickle.load(fh)


def _project_digest(project: Project) -> str:
    """What of the project a document's pages and verdict depend on: its file and its schema files."""
    files = [project.file, project.rng, project.schematron]
    return digest([file_digest(f) if f else "" for f in files], project.languages, project.title)


def known_params() -> list[str]:
    """The stylesheet parameters `--param` may set for the HTML edition."""
    return declared_params(PARAM_FILES, reserved=("build-date", "script-data", "pdf-href"))


def project_params(project: Project) -> dict[str, str]:
    """The stylesheet parameters the project file sets: its [html] params, and what other tables say that
    the HTML target needs (the siglum of a single witness)."""
    params = {"witness-siglum": project.witness_siglum, "languages": " ".join(project.languages)}
    params.update(project.html.get("params", {}))
    return {k: v for k, v in params.items() if k in known_params()}


def _assets(store: BuildCache, base: str, made: dict) -> dict[str, dict[str, str]]:
    """The site's assets (styles, scripts, fonts from Debian's fonts-noto-core when installed), once for the
    site: {unit key: {"assets/…": blob}} (`made` gets it)."""
    fonts = [FONT_DIR / name for name in FONTS if (FONT_DIR / name).is_file()]
    key = digest(base, "assets", [(f.name, f.stat().st_size, f.stat().st_mtime_ns) for f in fonts])
    files = made.get(key)
    if not files or not all(store.has_blob(b) for b in files.values()):
        # without fonts-noto-core the CSS falls back to the system font stack
        files = {f"assets/{a.name}": store.blob(a.read_bytes()) for a in ASSETS.iterdir() if a.is_file()}
        files.update({f"assets/fonts/{f.name}": store.blob(f.read_bytes()) for f in fonts})
    made[key] = files
    return {key: files}


def _corpus_header(project: Project, docs: list[dict]) -> str:
    """The corpus's own header (a teiCorpus with the edition's title), the principal source of
    html_corpus.xsl; made with lxml, so nothing of the project file can break its markup."""
    langs = [d.get("title-lang") for d in docs if d.get("title-lang")]
    root = etree.Element(f"{{{TEI_NS}}}teiCorpus", nsmap={None: TEI_NS})
    if langs:
        root.set("{http://www.w3.org/XML/1998/namespace}lang", max(set(langs), key=langs.count))
    header = etree.SubElement(root, f"{{{TEI_NS}}}teiHeader")
    fd = etree.SubElement(header, f"{{{TEI_NS}}}fileDesc")
    title = etree.SubElement(etree.SubElement(fd, f"{{{TEI_NS}}}titleStmt"), f"{{{TEI_NS}}}title", type="main")
    title.text = project.title or project.name or "TEI"
    etree.SubElement(etree.SubElement(fd, f"{{{TEI_NS}}}publicationStmt"), f"{{{TEI_NS}}}p")
    etree.SubElement(etree.SubElement(fd, f"{{{TEI_NS}}}sourceDesc"), f"{{{TEI_NS}}}p")
    return etree.tostring(root, encoding="unicode")


# ---------------------------------------------------------------- the work of one worker process

def warm_up() -> None:
    """Compile the stylesheets (a worker of tools serve does it as it starts, not at the first save)."""
    from tools.core.saxon import compile_stylesheet

    for sheet in (STYLESHEET, DOC_STYLESHEET, CORPUS_STYLESHEET):
        compile_stylesheet(sheet)


@dataclass
class _Task:
    path: Path
    shown: str
    data: bytes
    staging: str
    folder: str
    params: dict
    force: bool
    project: Project
    stylesheet: str


@dataclass
class _Result:
    shown: str
    problems: list[Problem]
    valid: bool
    built: bool
    refs: list[str] = field(default_factory=list)
    deps: list = field(default_factory=list)
    parts: dict | None = None
    clock: dict = field(default_factory=dict)
    files: list[str] = field(default_factory=list)   # the document's pages, relative to its folder
    chunks: int = 0                                  # its text files for the search
    repairs: list[str] = field(default_factory=list)  # with force: the ids renamed for the build


def _build_document(task: _Task) -> _Result:
    """Parse, validate and transform one document into `task.staging` (runs in a worker process)."""
    from tools.core.validate import validate_documents

    clock = {}
    t = time.perf_counter()
    repairs: list[str] = []
    try:
        if task.force:  # malformed and duplicate ids renamed in what the parser gets (tools.core.repair)
            from tools.core.repair import repair_ids

            repaired, repairs = repair_ids(task.data, task.shown)
            tree = parse_bytes(repaired, task.shown)
        else:
            tree = parse_bytes(task.data, task.shown)
    except ToolError as err:
        return _Result(task.shown, err.problems or [Problem(task.shown, 1, 1, "error", str(err))], False, False)
    doc = Document(Path(task.path), task.shown, task.data, tree)
    clock["parse"] = time.perf_counter() - t
    t = time.perf_counter()
    verdict = validate_documents([doc], project=task.project)
    clock["validate"] = time.perf_counter() - t
    if not verdict.ok and not task.force:
        return _Result(task.shown, verdict.problems, False, False, clock=clock)
    staging = Path(task.staging)
    site = staging / "site"
    site.mkdir(parents=True)
    # the file's name as a URL path (a name may hold '#', '?', '%' or a colon)
    params = {"source-href": "tei/" + quote(doc.path.name), "build-date": _dt.date.today().isoformat(),
              "script-data": json.dumps(script_data(doc), ensure_ascii=False), **task.params}
    if task.folder:
        params["doc-folder"] = task.folder
    t = time.perf_counter()
    node = load_source(doc)
    manifest = transform_to_string(Path(task.stylesheet), doc, params, base_output=site, node=node,
                                   nodes=stylesheet_params(task.project))
    clock["transform"] = time.perf_counter() - t
    t = time.perf_counter()
    missing = [name for name in manifest.split() if not (site / name).is_file()]
    if missing:
        raise ToolError(f"{task.shown}: error: the stylesheet did not write {', '.join(missing)}", EXIT_INVALID)
    contribution = json.loads((site / "contribution.json").read_text(encoding="utf-8"))
    (site / "contribution.json").unlink()  # what the site needs of it is in parts.pickle and chunks/
    (site / "tei").mkdir(exist_ok=True)
    (site / "tei" / doc.path.name).write_bytes(doc.data)  # the source as it is, byte for byte
    deps = []
    for rel in _local_files(doc):  # what the TEI points to (the witness, images), so its links work
        (site / "tei" / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(doc.path.parent / rel, site / "tei" / rel)
        deps.append((str(rel), file_digest(doc.path.parent / rel)))
    blocks = search_index.order_records(contribution.get("blocks", []))
    (staging / "chunks").mkdir()
    chunks = search_index.text_chunks(blocks, task.folder, contribution["meta"]["title"])
    for k, body in chunks.items():
        (staging / "chunks" / f"{k}.js").write_bytes(body)
    files = sorted(str(p.relative_to(site)) for p in site.rglob("*") if p.is_file())
    parts = {"meta": contribution["meta"], "names": contribution.get("names", []),
             "entries": contribution.get("entries", {}), "dates": contribution.get("dates", []),
             "postings": search_index.doc_postings(blocks), "bounds": search_index.bounds(blocks, (), ("note",))}
    with open(staging / "parts.pickle", "wb") as fh:
        pickle.dump(parts, fh, protocol=pickle.HIGHEST_PROTOCOL)
    clock["write"] = time.perf_counter() - t
    return _Result(task.shown, verdict.problems, verdict.ok, True, _shared_refs(tree), deps, parts, clock,
                   files, len(chunks), repairs)


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


def _shared_refs(tree) -> list[str]:
    """The ids the document's pointers with a file part name (what of the shared registers it shows)."""
    found = set()
    for value in tree.xpath("//@ref"):
        for token in value.split():
            if "#" in token and not token.startswith("#"):
                found.add(token.split("#", 1)[1])
    return sorted(found)


@dataclass
class _CorpusTask:
    out: str
    job: str
    header: str
    params: dict
    project: Project


def _render_corpus(task: _CorpusTask) -> str:
    """Render the corpus's pages the job lists into `task.out` (runs in a worker process)."""
    out = Path(task.out)
    out.mkdir(parents=True)
    node = parse_text(task.header)
    params = {"build-date": _dt.date.today().isoformat(), **task.params, "job": task.job}
    return transform_to_string(CORPUS_STYLESHEET, "the corpus", params, base_output=out, node=node,
                               nodes=stylesheet_params(task.project))


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
