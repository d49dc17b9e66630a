"""Benchmark of a corpus build (issue 15) on a corpus generated from the edition (bench/make_corpus.py).

    python bench/bench_corpus.py [-n 1000] [--rounds 3] [--keep DIR] [--no-serve] [--no-search]

Each build is a whole `tools build html` process, as a user runs it; wall and CPU seconds (the process and
its workers), and the peak memory: the largest resident size of one process, and the most the process and
its workers held at once (sampled from /proc every 0.1 s). In one run, on the same corpus:
  full        the first build, with an empty cache (every document validated and transformed)
  unchanged   the same build again, nothing changed (rounds)
  one         one document changed (a word in its first paragraph and its title), then built (rounds);
              the change is checked in the document's page and in the collection page
Ratios: unchanged / full and one / full (the issue asks for at most 20 % and 25 %).
search      bytes a query loads: Chromium (Playwright) opens search.html?q=… from a local HTTP server and the
            bytes of every file under search/ it fetches are summed (meta, shards, text of the results shown)
serve       `tools serve` on the corpus; Chromium shows a document's text page; the file is saved with a
            change and the time until the reloaded page shows it is measured (rounds)
There is no reference tool to run beside: the TEI Stylesheets and TEI Publisher have no incremental build;
the ratios compare our own builds in the same run.
"""
from __future__ import annotations

import argparse
import http.server
import json
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from functools import partial
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import make_corpus  # noqa: E402

QUERIES = ["жылы", "партия", "Қазақстан", "кооператив", "съезд", "Мұратбаев", "жер реформасы", "казакстн",
           "жыл", "Ленин", "1921", "совхоздар", "Seifullin", "Сейфулин", "Alma-Ata", '"жаңа экономикалық саясат"',
           "Qazaqstan", "collectivisation"]


def tools_cmd(*args) -> list[str]:
    return [sys.executable, "-m", "tools", *args]


class Sampler:
    """The resident memory of a process and its descendants, sampled from /proc."""

    def __init__(self, pid: int):
        self.pid, self.peak_total, self.peak_one, self._stop = pid, 0, 0, threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _tree(self, pid: int) -> list[int]:
        out = [pid]
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as fh:
                    for child in fh.read().split():
                        out += self._tree(int(child))
        except OSError:
            pass
        return out

    @staticmethod
    def _rss(pid: int) -> int:
        try:
            with open(f"/proc/{pid}/status") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        return int(line.split()[1]) * 1024
        except OSError:
            pass
        return 0

    def _run(self):
        while not self._stop.is_set():
            sizes = [self._rss(p) for p in self._tree(self.pid)]
            self.peak_total = max(self.peak_total, sum(sizes))
            self.peak_one = max([self.peak_one, *sizes])
            time.sleep(0.1)

    def stop(self):
        self._stop.set()
        self.thread.join()


def run_build(corpus: Path) -> dict:
    t = time.perf_counter()
    before = os.times()
    proc = subprocess.Popen(tools_cmd("build", "html"), cwd=corpus, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    sampler = Sampler(proc.pid)
    out, err = proc.communicate()
    sampler.stop()
    wall = time.perf_counter() - t
    after = os.times()
    if proc.returncode != 0:
        print(out, err, file=sys.stderr)
        raise SystemExit(proc.returncode)
    cpu = (after.children_user - before.children_user) + (after.children_system - before.children_system)
    return {"wall": wall, "cpu": cpu, "peak_total_mb": sampler.peak_total / 2**20, "peak_one_mb": sampler.peak_one / 2**20}


def change_one(corpus: Path, k: int) -> tuple[Path, str]:
    doc = sorted((corpus / "tei").glob("doc-*.xml"))[len(list((corpus / "tei").glob("doc-*.xml"))) // 2]
    text = doc.read_text(encoding="utf-8")
    mark = f"ӨЗГЕРІС{k}"
    text = re.sub(r'(<p xml:id="p1" n="1">)(ӨЗГЕРІС\d+ )?', rf"\1{mark} ", text, count=1)
    text = re.sub(r'(<title type="main"[^>]*>)(ӨЗГЕРІС\d+ )?', rf"\1{mark} ", text, count=1)
    doc.write_text(text, encoding="utf-8")
    return doc, mark


def bench_builds(corpus: Path, rounds: int) -> dict:
    shutil.rmtree(corpus / "build", ignore_errors=True)
    results = {"full": run_build(corpus), "unchanged": [], "one": []}
    for k in range(rounds):
        results["unchanged"].append(run_build(corpus))
        doc, mark = change_one(corpus, k)
        results["one"].append(run_build(corpus))
        site = corpus / "build" / "html"
        assert mark in (site / doc.stem / "text.html").read_text(encoding="utf-8"), "the change is not in its page"
        assert mark in (site / "index.html").read_text(encoding="utf-8"), "the change is not in the collection"
    return results


# ---------------------------------------------------------------- search

def _http(site: Path):
    counts: dict[str, int] = {}

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *a):
            pass

        def copyfile(self, source, outputfile):
            data = source.read()
            path = self.path.split("?")[0]
            counts[path] = counts.get(path, 0) + len(data)
            outputfile.write(data)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(Handler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, counts


def _browser():
    from playwright.sync_api import sync_playwright

    pw = sync_playwright().start()
    browser = pw.chromium.launch(executable_path="/usr/bin/chromium",
                                 args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                                       "--disable-component-update", "--disable-sync", "--no-first-run"])
    return pw, browser


def bench_search(site: Path) -> list[dict]:
    server, counts = _http(site)
    pw, browser = _browser()
    out = []
    try:
        for q in QUERIES:
            context = browser.new_context()  # an empty cache for each query
            page = context.new_page()
            counts.clear()
            page.goto(f"http://127.0.0.1:{server.server_address[1]}/search.html?q={quote(q)}")
            page.wait_for_function("document.querySelector('#search-results[data-done]') !== null", timeout=60000)
            page.wait_for_load_state("networkidle")
            text = page.inner_text("#search-results .result-count")
            search = {k: v for k, v in counts.items() if k.startswith("/search/")}
            out.append({"query": q, "bytes": sum(search.values()), "files": len(search), "found": text.strip(),
                        "shards": sum(v for k, v in search.items() if k.startswith("/search/s/"))})
            context.close()
    finally:
        browser.close()
        pw.stop()
        server.shutdown()
    return out


# ---------------------------------------------------------------- serve

def bench_serve(corpus: Path, rounds: int) -> list[float]:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(tools_cmd("serve", "--port", str(port)), cwd=corpus, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    pw, browser = _browser()
    times = []
    try:
        deadline = time.time() + 1800
        import urllib.request

        while time.time() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=5).read()
                break
            except OSError:
                time.sleep(0.5)
        doc = sorted((corpus / "tei").glob("doc-*.xml"))[len(list((corpus / "tei").glob("doc-*.xml"))) // 3]
        page = browser.new_page()
        page.goto(f"http://127.0.0.1:{port}/{doc.stem}/text.html")
        time.sleep(2)
        for k in range(rounds):
            mark = f"САҚТАУ{k}"
            text = doc.read_text(encoding="utf-8")
            text = re.sub(r'(<p xml:id="p1" n="1">)(САҚТАУ\d+ )?', rf"\1{mark} ", text, count=1)
            with page.expect_navigation(timeout=120000):
                t = time.perf_counter()
                doc.write_text(text, encoding="utf-8")
            page.wait_for_function(f"document.body.innerText.includes('{mark}')", timeout=120000)
            times.append(time.perf_counter() - t)
            time.sleep(3)  # the corpus's pages of this change are made after the page is shown
    finally:
        browser.close()
        pw.stop()
        proc.send_signal(2)
        proc.communicate(timeout=120)
    return times


def _print_search(report: dict) -> None:
    for r in report["search"]:
        print(f"search {r['query']!r:30} {r['bytes'] / 1000:7.1f} kB in {r['files']:2} files "
              f"(shards {r['shards'] / 1000:.1f} kB)  {r['found']}")
    sizes = sorted(r["bytes"] for r in report["search"])
    print(f"search: median {statistics.median(sizes) / 1000:.1f} kB, max {sizes[-1] / 1000:.1f} kB per query", flush=True)


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--keep", type=Path, help="make the corpus here and keep it (default: a temporary folder)")
    ap.add_argument("--no-serve", action="store_true")
    ap.add_argument("--no-search", action="store_true")
    ap.add_argument("--search-only", action="store_true", help="one build, then the search (no timing of builds)")
    args = ap.parse_args(argv)
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    try:
        t = time.perf_counter()
        make_corpus(folder, args.n)
        print(f"corpus: {args.n} documents made in {time.perf_counter() - t:.1f} s ({folder})", flush=True)
        if args.search_only:
            run_build(folder)
            report = {"n": args.n, "search": bench_search(folder / "build" / "html")}
            _print_search(report)
            return
        builds = bench_builds(folder, args.rounds)
        full = builds["full"]
        print(f"full build       wall {full['wall']:7.1f} s   cpu {full['cpu']:7.1f} s   peak memory: "
              f"{full['peak_one_mb']:.0f} MB one process, {full['peak_total_mb']:.0f} MB all processes")
        for name in ("unchanged", "one"):
            walls = [r["wall"] for r in builds[name]]
            cpus = [r["cpu"] for r in builds[name]]
            print(f"{name:16} wall {statistics.median(walls):7.2f} s (of {', '.join(f'{w:.2f}' for w in walls)})   "
                  f"cpu {statistics.median(cpus):6.2f} s   = {100 * statistics.median(walls) / full['wall']:.1f} % "
                  f"of the full build's wall time")
        report = {"n": args.n, "builds": builds}
        if not args.no_search:
            report["search"] = bench_search(folder / "build" / "html")
            _print_search(report)
        if not args.no_serve:
            report["serve"] = bench_serve(folder, args.rounds)
            print(f"serve: save to reloaded page {statistics.median(report['serve']):.2f} s "
                  f"(of {', '.join(f'{s:.2f}' for s in report['serve'])})")
        print(json.dumps(report, ensure_ascii=False), file=sys.stderr)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


if __name__ == "__main__":
    main()
