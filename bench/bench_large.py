"""Large input: time and peak memory of `tools validate`, `tools check` and `tools build html` on editions of
10, 20 and 50 MB made from the real one, to show whether they grow in proportion to the size.

A large edition is the Kazakh edition with its article repeated (one division per copy) until the file has the size
asked for (each copy's xml:ids suffixed `.cK`, so the document stays valid: its pointers go to the header and
the registers, which are not repeated), and a witness that is its witness reading, so that `tools check`
compares every word (and finds none different). Each is a small project (edition.toml, the schema copied
beside it) in a scratch folder.

Every command runs as a whole process, one after the other (never two at once): wall time, CPU time (user +
system) and peak resident memory of the process (os.wait4's ru_maxrss). The table ends with the seconds and
megabytes per input megabyte: rows whose ratios stay flat as the size grows are linear. Measure on a quiet
machine; the ratios between sizes, measured in the same run, are what counts.

    python bench/bench_large.py [--sizes 10 20 50] [--commands validate check html] [--timeout 600] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITION = ROOT / "tei" / "kazakhstan-1920-1932.xml"
COMMANDS = {
    "validate": ["validate"],
    "check": ["check"],
    "html": ["build", "html", "-o", "out"],
}
_ARTICLE = re.compile(r'(<div type="article" xml:id="article">)(.*?)(\n\s*</div>\s*</body>)', re.S)
_ID = re.compile(r'xml:id="([^"]+)"')


def make_edition(folder: Path, megabytes: float) -> Path:
    """A project in `folder` whose one document is about `megabytes` MB; returns the document's path."""
    folder.mkdir(parents=True, exist_ok=True)
    text = EDITION.read_text(encoding="utf-8")
    m = _ARTICLE.search(text)
    head, article, tail = text[:m.end(1)], m.group(2), text[m.start(3):]
    target = int(megabytes * 1_000_000)
    size_of = lambda s: len(s.encode("utf-8"))  # noqa: E731
    fixed, per_copy = size_of(head) + size_of(tail), size_of(article)
    copies = max(1, round((target - fixed) / per_copy))
    # each copy is one more article division (a second <head> in one division would be invalid)
    parts = [article] + [f'\n      </div>\n      <div type="article" xml:id="article.c{k}">'
                         + _ID.sub(lambda i, k=k: f'xml:id="{i.group(1)}.c{k}"', article) for k in range(1, copies)]
    tei = folder / "tei"
    tei.mkdir(exist_ok=True)
    doc = tei / "large.xml"
    doc.write_text(head + "".join(parts) + tail, encoding="utf-8")
    shutil.copytree(ROOT / "schema", folder / "schema", dirs_exist_ok=True)
    (tei / "witness").mkdir(exist_ok=True)
    witness = tei / "witness" / "large.txt"
    witness.write_text(_witness_of(doc), encoding="utf-8")
    (folder / "edition.toml").write_text(
        '[edition]\nname = "large"\ndocuments = ["tei/*.xml"]\n'
        '[witnesses]\n"tei/large.xml" = "tei/witness/large.txt"\n'
        '[schema]\nrng = "schema/kse-edition.rng"\nschematron = "schema/kse-edition.sch"\n'
        '[interface]\nlanguages = ["kk", "en", "ru"]\n[build]\noutput = "build"\n', encoding="utf-8")
    return doc


def _witness_of(doc: Path) -> str:
    """The witness reading of `doc`, twelve words a line: what `tools check` must find in it."""
    sys.path.insert(0, str(ROOT))
    from lxml import etree

    from tools.core.textmodel import witness_text, words_with_lines
    from tools.core.xmlsafe import safe_parser

    tree = etree.parse(str(doc), safe_parser(huge_tree=False))
    text = tree.find("{http://www.tei-c.org/ns/1.0}text")
    words = [w for w, _ in words_with_lines(witness_text(text))]
    return "\n".join(" ".join(words[i:i + 12]) for i in range(0, len(words), 12)) + "\n"


def run(argv: list[str], cwd: Path, timeout: float) -> dict:
    """Run one command as a whole process: wall, CPU and peak RSS (of that process and what it waited for)."""
    t = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "tools", *argv], cwd=cwd, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    deadline = t + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            proc.returncode = -9
            return {"wall": time.perf_counter() - t, "cpu": usage.ru_utime + usage.ru_stime,
                    "rss_mb": usage.ru_maxrss / 1024, "code": "timeout"}
        time.sleep(0.05)
    wall = time.perf_counter() - t
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace")
    proc.stderr.close()
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024,
            "code": proc.returncode, "err": err.strip().splitlines()[-1:] if proc.returncode else []}


def main() -> None:
    if sys.argv[1:2] == ["--make"]:
        make_edition(Path(sys.argv[2]), float(sys.argv[3]))
        return
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=float, nargs="+", default=[10, 20, 50], help="sizes in MB")
    ap.add_argument("--commands", nargs="+", default=list(COMMANDS), choices=list(COMMANDS))
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--keep", type=Path, default=None, help="make the editions here and keep them")
    args = ap.parse_args()
    base = args.keep or Path(tempfile.mkdtemp(prefix="bench-large-"))
    rows = []
    try:
        for size in args.sizes:
            folder = base / f"{size:g}MB"
            doc = folder / "tei" / "large.xml"
            if not doc.exists():  # in its own process: a child forked from a big parent counts its pages
                subprocess.run([sys.executable, __file__, "--make", str(folder), str(size)], check=True)
            mb = doc.stat().st_size / 1e6
            for name in args.commands:
                shutil.rmtree(folder / "out", ignore_errors=True)
                r = run(COMMANDS[name], folder, args.timeout)
                rows.append((name, mb, r))
                print(f"{name:9} {mb:6.1f} MB  wall {r['wall']:7.1f} s  cpu {r['cpu']:7.1f} s  "
                      f"peak {r['rss_mb']:7.0f} MB  exit {r['code']}  {' '.join(r.get('err', []))}", flush=True)
        print("\nper input MB (flat = linear):")
        for name in args.commands:
            line = [f"{name:9}"]
            for _, mb, r in (row for row in rows if row[0] == name):
                line.append(f"{mb:5.1f} MB: {r['cpu'] / mb:5.2f} cpu-s/MB {r['rss_mb'] / mb:6.1f} MB/MB")
            print("   ".join(line))
    finally:
        if args.keep is None:
            shutil.rmtree(base, ignore_errors=True)


if __name__ == "__main__":
    main()
