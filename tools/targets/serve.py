"""`tools serve`: the edition on 127.0.0.1, rebuilt on every save, the open page reloaded.

    serve(Path("."), port=8000)      # until Ctrl-C

HOW. The site is built once, incrementally (tools.targets.html: only what changed since the last `tools
build` is done again), into the project's build cache (OUTDIR/.tools-cache, shared with `tools build`), and
served from there by the standard library's ThreadingHTTPServer, bound to 127.0.0.1 only: each request is
looked up in the build's list of files, so no site folder is written or swapped at each save and a rebuild
costs what changed, not the size of the corpus. watchfiles watches the project's sources (its folder, less
the output and hidden folders: documents, shared registers, project file, schema, witnesses, images), and
each change rebuilds the same way (one changed document: that document and the corpus pages it touches), in
one pool of worker processes kept for the whole session, so that their compiled stylesheets stay warm. The
pages are those of `tools build`; what is sent to the browser gets one more line, a script that listens to
/__tools/events (server-sent events) and reloads the page when a build has finished. While the sources are
invalid the server answers every page with the problems (file:line:col, severity and message, escaped)
instead of the last good page, until a build succeeds again. Ctrl-C stops the watcher, the server and the
workers, and exits 0.

Without a project file (a TEI file or folder given as PATH) the cache is a temporary folder, removed at the
end.
"""
from __future__ import annotations

import html
import http.server
import json
import shutil
import socket
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path
from urllib.parse import parse_qsl, unquote, urlsplit

from tools.core.errors import EXIT_USAGE, Problem, ToolError
from tools.core.build_pool import Pool
from tools.core.project import Project, display, find_project, load_project

LIVE_JS = """(function () {
  "use strict";
  /* reload this page when a build has changed it (or the edition stopped or started building) */
  if (!window.EventSource) { return; }
  var mine = window.__TOOLS_BUILD, page = window.location.pathname;
  var events = new EventSource("/__tools/events");
  events.onmessage = function (e) {
    var build = +e.data;
    if (build <= mine) { return; }
    fetch("/__tools/changed?since=" + mine + "&page=" + encodeURIComponent(page), { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (answer) {
        if (answer.trim() === "yes") { events.close(); window.location.reload(); } else { mine = build; }
      });
  };
})();
"""
WATCHED = (".xml", ".toml", ".rng", ".sch", ".txt", ".json", ".png", ".jpg", ".jpeg", ".gif", ".svg")


class _State:
    """What the server tells the browsers: the number of the last build, the site it made (every file's place
    in the build cache), which pages each build changed, and, if it failed, its problems."""

    def __init__(self):
        self.version = 0
        self.manifest: dict[str, str] = {}
        self.problems: list[Problem] = []
        self.message = ""
        self.changes: dict[int, set[str] | None] = {}  # build -> the pages it changed (None: every page)
        self.changed = threading.Condition()
        self.stopping = False

    def built(self, problems=(), message="", manifest=None):
        with self.changed:
            failed_before = bool(self.problems or self.message)
            self.problems = list(problems)
            self.message = message
            pages: set[str] | None = None
            if manifest is not None and not failed_before and not (self.problems or self.message) and self.version:
                old = self.manifest
                pages = {rel for rel, src in manifest.items() if rel.endswith(".html") and old.get(rel) != src}
                pages |= {rel for rel in old if rel.endswith(".html") and rel not in manifest}
            if manifest is not None:
                self.manifest = manifest
            self.version += 1
            self.changes[self.version] = pages
            self.changes.pop(self.version - 100, None)
            self.changed.notify_all()

    def page_changed(self, page: str, since: int) -> bool:
        with self.changed:
            for build in range(since + 1, self.version + 1):
                pages = self.changes.get(build, None)
                if pages is None or page in pages:
                    return True
            return False

    def stop(self):
        with self.changed:
            self.stopping = True
            self.changed.notify_all()


def serve(path: Path | None = None, *, port: int = 8000, project: Project | None = None,
          ready: threading.Event | None = None, stop: threading.Event | None = None, log=None) -> int:
    """Build, serve and watch until Ctrl-C (or `stop` is set); return the exit code (0). `ready` is set once
    the server listens; `log` receives one line per event (default: stderr)."""
    log = log or (lambda line: print(line, file=sys.stderr, flush=True))
    path = Path(path) if path else None
    sources: list[Path] = []
    if project is None:
        if path is not None and path.is_dir() and (path / "edition.toml").is_file():
            project = load_project(path)
        else:
            project = find_project(path.parent if path is not None and path.is_file() else path)
            if path is not None:
                if not path.exists():
                    raise ToolError(f"{path}: error: no such file or directory", EXIT_USAGE)
                sources = [path]
    temporary = None
    if project.file is not None:
        outdir = project.output if project.output is not None else project.root / "build"
    else:
        temporary = Path(tempfile.mkdtemp(prefix="tools-serve-"))
        outdir = temporary
    from tools.targets.html import Session

    state = _State()
    session = Session()
    server = _server(state, port)
    stop = stop or threading.Event()
    from tools.targets.html import warm_up

    pool = Pool(warm=warm_up)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.2}, daemon=True)
    try:
        watcher = _Watcher(project, sources, outdir, stop)
        pool.start()  # the workers compile the stylesheets now, not at the first save
        _rebuild(sources, outdir, project, pool, state, session, log)
        thread.start()
        log(f"serving the edition at http://127.0.0.1:{server.server_address[1]}/ (Ctrl-C to stop)")
        if ready is not None:
            ready.set()
        _watch(watcher, project, sources, outdir, pool, state, session, log)
    except KeyboardInterrupt:
        pass
    finally:
        stop.set()
        state.stop()
        server.shutdown() if thread.is_alive() else None
        server.server_close()
        pool.close()
        if temporary is not None:
            shutil.rmtree(temporary, ignore_errors=True)
    log("stopped")
    return 0


def _rebuild(sources, outdir: Path, project: Project, pool: Pool, state: _State, session, log) -> None:
    from tools.targets.html import BuildReport, build_html

    t = time.perf_counter()
    report = BuildReport(Path(outdir) / "html" / "index.html")
    try:
        def documents_done(files):  # the changed documents' pages first, the corpus's a moment later
            if files and not (state.problems or state.message):
                state.built(manifest={**state.manifest, **files})
                log(f"documents in {time.perf_counter() - t:.2f} s")

        build_html(list(sources), outdir, project=_fresh(project), pool=pool, report=report, materialize=False,
                   session=session, on_documents=documents_done)
    except ToolError as err:
        problems = err.problems or []
        state.built(problems, "" if problems else str(err))
        log(f"build failed ({time.perf_counter() - t:.2f} s): " + (problems[0].format() if problems else str(err)))
        return
    state.built([p for p in report.problems if p.severity == "error"], manifest=report.manifest)
    log(f"built in {time.perf_counter() - t:.2f} s: {len(report.rebuilt)} document(s) transformed, "
        f"{len(report.reused)} reused, {report.units_rendered} corpus part(s) made")


def _fresh(project: Project) -> Project:
    """The project as its file says now (it may have been edited)."""
    if project.file is None:
        return project
    try:
        return load_project(project.file)
    except ToolError:
        raise


class _Watcher:
    """watchfiles in a thread of its own, from before the first build (a save during it is not missed): the
    changed files go to a queue that the build loop drains."""

    def __init__(self, project: Project, sources, outdir: Path, stop: threading.Event):
        import queue

        self.changes: queue.Queue = queue.Queue()
        self.stop = stop
        out = Path(outdir).resolve()
        self.roots = sorted({project.root.resolve()} if project.file is not None else
                            {Path(s).resolve().parent if Path(s).is_file() else Path(s).resolve() for s in sources})

        def wanted(change, name: str) -> bool:
            p = Path(name)
            if p == out or out in p.parents:
                return False
            if any(part.startswith(".") for part in p.relative_to(_root_of(p, self.roots)).parts):
                return False
            return p.suffix.lower() in WATCHED

        self.wanted = wanted
        self.started = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()
        self.started.wait(5)

    def _run(self) -> None:
        import watchfiles

        self.started.set()  # the Rust watcher is set up at the generator's first step, just after this
        for changes in watchfiles.watch(*self.roots, watch_filter=self.wanted, stop_event=self.stop, step=100,
                                        debounce=400, raise_interrupt=False, yield_on_timeout=False):
            self.changes.put(changes)

    def next(self) -> set | None:
        """The changes since the last call, waiting for some; None when stopping."""
        import queue

        while not self.stop.is_set():
            try:
                found = set(self.changes.get(timeout=0.25))
            except queue.Empty:
                continue
            while True:  # everything saved meanwhile goes into the same rebuild
                try:
                    found |= set(self.changes.get_nowait())
                except queue.Empty:
                    return found
        return None


def _watch(watcher: _Watcher, project: Project, sources, outdir: Path, pool: Pool, state: _State, session,
           log) -> None:
    while (changes := watcher.next()) is not None:
        names = sorted({display(Path(name)) for _change, name in changes})
        log(f"changed: {', '.join(names[:5])}{' …' if len(names) > 5 else ''}")
        try:
            project = _fresh(project)
        except ToolError as err:
            state.built(err.problems, "" if err.problems else str(err))
            log(f"build failed: {err}")
            continue
        _rebuild(sources, outdir, project, pool, state, session, log)


def _root_of(p: Path, roots) -> Path:
    for root in roots:
        if root == p or root in p.parents:
            return root
    return p.parent


class _QuietServer(http.server.ThreadingHTTPServer):
    """A browser that goes away in the middle of a response (a reload, a closed tab) is not an error to print:
    the standard library writes a traceback for it."""

    def handle_error(self, request, client_address):
        if isinstance(sys.exc_info()[1], (ConnectionError, TimeoutError)):
            return
        super().handle_error(request, client_address)


def _server(state: _State, port: int):
    handler = partial(_Handler, state=state)
    try:
        server = _QuietServer(("127.0.0.1", port), handler)
    except OSError as exc:
        raise ToolError(f"error: cannot listen on 127.0.0.1:{port} ({exc.strerror or exc}); choose another "
                        "port with --port N", EXIT_USAGE)
    server.daemon_threads = True
    return server


TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".css": "text/css; charset=utf-8",
         ".xml": "application/xml", ".txt": "text/plain; charset=utf-8", ".json": "application/json",
         ".ttf": "font/ttf", ".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".svg": "image/svg+xml"}


class _Handler(http.server.BaseHTTPRequestHandler):
    """Serves the files of the last good build by their place in the site (nothing else: a request is looked
    up in the build's list of files, never joined to a path on disk)."""

    def __init__(self, *args, state: _State, **kwargs):
        self.state = state
        super().__init__(*args, **kwargs)

    def log_message(self, format, *args):  # noqa: A002 - the standard library's name
        pass  # the terminal is for the builds

    def do_HEAD(self):
        self.do_GET()

    def do_GET(self):
        route = unquote(urlsplit(self.path).path)
        if route == "/__tools/events":
            return self._events()
        if route == "/__tools/live.js":
            return self._send(200, TYPES[".js"], LIVE_JS.encode())
        if route == "/__tools/changed":
            query = dict(parse_qsl(urlsplit(self.path).query))
            page = unquote(query.get("page", "/")).lstrip("/")
            page = page + "index.html" if page == "" or page.endswith("/") else page
            try:
                since = int(query.get("since", "0"))
            except ValueError:
                since = 0
            return self._send(200, "text/plain", b"yes" if self.state.page_changed(page, since) else b"no")
        if route == "/__tools/status":
            body = json.dumps({"build": self.state.version,
                               "problems": [p.as_dict() for p in self.state.problems], "message": self.state.message})
            return self._send(200, "application/json", body.encode())
        manifest = self.state.manifest
        rel = route.lstrip("/")
        if rel == "" or rel.endswith("/"):
            rel += "index.html"
        elif rel not in manifest and f"{rel}/index.html" in manifest:
            self.send_response(301)
            self.send_header("Location", route + "/")
            self.end_headers()
            return
        failed = self.state.problems or self.state.message
        suffix = Path(rel).suffix.lower()
        if failed and (suffix == ".html" or rel not in manifest):
            return self._send(200, TYPES[".html"], self._problems_page().encode("utf-8"))
        source = manifest.get(rel)
        try:
            with open(source, "rb") as fh:
                body = fh.read()
        except (OSError, TypeError):
            body = None
        if body is None:
            return self._send(404, "text/plain; charset=utf-8", b"not found\n")
        if suffix == ".html":
            body = _inject(body, self.state.version)
        return self._send(200, TYPES.get(suffix, "application/octet-stream"), body)

    def _send(self, status: int, ctype: str, body: bytes):
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")  # a preview: every reload shows the last build
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _events(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/event-stream")
        self.end_headers()
        state = self.state
        try:
            seen = -1
            while True:
                with state.changed:
                    if state.version == seen and not state.stopping:
                        state.changed.wait(timeout=15)
                    if state.stopping:
                        return
                    version = state.version
                if version != seen:
                    self.wfile.write(f"data: {version}\n\n".encode())
                    seen = version
                else:
                    self.wfile.write(b": keep-alive\n\n")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError, socket.timeout, OSError):
            return

    def _problems_page(self) -> str:
        state = self.state
        rows = "".join(
            f'<li class="{html.escape(p.severity)}"><code>{html.escape(p.path)}:{p.line}:{p.column}</code> '
            f"<b>{html.escape(p.severity)}</b>: {html.escape(p.message)}</li>" for p in state.problems)
        if not rows:
            rows = f"<li class=\"error\">{html.escape(state.message)}</li>"
        n = len(state.problems) or 1
        return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>The edition does not build"
                "</title><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><style>"
                "body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1e1c19}"
                "h1{font-size:1.4rem;color:#8b2a10}ul{padding-left:1.2rem}li{margin:.5rem 0}"
                "code{font:14px ui-monospace,monospace;background:#f2eee4;padding:0 .2em}"
                "li.warning b{color:#7a5a00}li.error b{color:#a3241a}</style>"
                f"<script>window.__TOOLS_BUILD = {state.version};</script>"
                "<script src=\"/__tools/live.js\"></script></head><body>"
                f"<h1>The edition does not build: {n} problem(s)</h1>"
                "<p>This page shows the problems instead of the last good page, and reloads by itself once the "
                "files are fixed and saved.</p>"
                f"<ul class=\"problems\">{rows}</ul></body></html>\n")


def _inject(page: bytes, version: int) -> bytes:
    """The page with the live-reload script (the file on disk is left as the build wrote it)."""
    script = (f"<script>window.__TOOLS_BUILD = {version};</script>"
              "<script src=\"/__tools/live.js\"></script>").encode()
    at = page.rfind(b"</body>")
    return page[:at] + script + page[at:] if at >= 0 else page + script
