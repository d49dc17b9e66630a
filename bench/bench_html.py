"""Time `tools build html` on the edition and show where the time goes; compare with a JVM reference.

Reference: the TEI Stylesheets' HTML conversion (html/html.xsl) of the same file on Saxon-HE/JVM, run here side
by side (TEI_STYLESHEETS=folder of a checkout; Debian libsaxonhe-java). We count the same way: a whole process,
start to exit, rounds alternating between the two, wall and CPU, medians; each of our builds goes to a new
folder (the build cache sits beside the output, so a build into the same folder again is timed apart as the
unchanged rebuild). A second,
instrumented process reports the phases: Python imports, safe parse, validation (RELAX NG + Schematron),
the transform (one XSLT 3.0 run writing every page, stylesheet compilation included) and writing (assets,
fonts, the TEI copy, the swap of the output folder).

    python bench/bench_html.py [EDITION] [--runs N]
    python bench/bench_html.py --scaling [--size-mb 2] [--runs 3]

--scaling: is the build linear in the size of the document? A document of about 2 MB is generated (prose
with names, dates, notes and corrections, verse, drama, and a three-witness apparatus: what the stylesheets
do per node), and the same document doubled; both are built side by side, alternating, several rounds, with
`tools build html` and with the TEI Stylesheets' html/html.xsl on Saxon-HE/JVM (TEI_STYLESHEETS=folder of a
checkout, Debian libsaxonhe-java), wall and CPU time. The ratio doubled/single should stay near 2.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import phases as run_phases, whole_runs

ROOT = Path(__file__).resolve().parent.parent
SAXON_JARS = [Path("/usr/share/java/Saxon-HE.jar"), Path("/usr/share/java/saxon9he.jar")]

PHASES = r"""
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from pathlib import Path
from tools.targets.html import build_html
import saxonche, lxml.etree, tools.core.validate  # what build_html imports lazily, counted as start-up
t1 = time.perf_counter()
timings = {{}}
build_html([Path({src!r})], Path({out!r}), timings=timings)
t2 = time.perf_counter()
t3 = time.perf_counter()
timings2 = {{}}
build_html([Path({src!r})], Path({out!r}), timings=timings2)  # a second build in the same process
t4 = time.perf_counter()
print(json.dumps({{"imports": t1 - t0, **timings, "total": t2 - t0, "again": t4 - t3,
                  "again_transform": timings2["transform"]}}))
"""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("edition", nargs="?", default=str(ROOT / "tei" / "kazakhstan-1920-1932.xml"))
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--scaling", action="store_true", help="a generated document and the same doubled")
    ap.add_argument("--size-mb", type=float, default=2.0)
    args = ap.parse_args()
    if args.scaling:
        return scaling(args.size_mb, args.runs)
    src = Path(args.edition).resolve()
    import os

    styles = Path(os.environ.get("TEI_STYLESHEETS", "/tmp/teistyle"))
    java, jar = shutil.which("java"), next((j for j in SAXON_JARS if j.is_file()), None)
    reference = bool(java and jar and (styles / "html" / "html.xsl").is_file())
    ours, warm, tei = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        # alternating rounds, so that a change of load hits both alike; each of our builds into a new folder
        # (the build cache lives beside the output: a second build into the same folder is a cached rebuild,
        # timed apart as "unchanged rebuild")
        for i in range(args.runs):
            out = Path(tmp) / f"out-{i}"
            ours.append(_timed([sys.executable, "-m", "tools", "build", "html", str(src), "-o", str(out)]))
            warm.append(_timed([sys.executable, "-m", "tools", "build", "html", str(src), "-o", str(out)]))
            if reference:
                tei.append(_timed([java, "-jar", str(jar), f"-s:{src}", f"-xsl:{styles / 'html' / 'html.xsl'}",
                                   f"-o:{Path(tmp) / 'tei' / 'index.html'}"]))
        site = Path(tmp) / "out-0" / "html"
        pages = sorted(p.name for p in site.glob("*.html"))
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file() and "fonts" not in p.parts)
        code = PHASES.format(root=str(ROOT), src=str(src), out=str(Path(tmp) / "phases"))
        phases = run_phases(code)

    def med(xs, k):
        return sorted(x[k] for x in xs)[len(xs) // 2]

    print(f"tools build html {src.name}: {len(pages)} pages, {size / 1024:.0f} KiB without fonts; "
          f"{args.runs} alternating rounds, whole processes, median wall / median CPU (children's user+system)")
    print(f"  ours, first build      {med(ours, 0):6.2f} s wall {med(ours, 1):6.2f} s CPU   "
          f"(walls: {', '.join(f'{w:.2f}' for w, _ in ours)})")
    print(f"  ours, unchanged rebuild {med(warm, 0):5.2f} s wall {med(warm, 1):6.2f} s CPU")
    if tei:
        print(f"  TEI Stylesheets html/html.xsl, Saxon-HE/JVM  {med(tei, 0):6.2f} s wall {med(tei, 1):6.2f} s CPU   "
              f"(walls: {', '.join(f'{w:.2f}' for w, _ in tei)})")
        print(f"  ratio (theirs / ours, first build): {med(tei, 0) / med(ours, 0):.2f}x wall, "
              f"{med(tei, 1) / med(ours, 1):.2f}x CPU")
    else:
        print("  side by side: no JVM, Saxon-HE jar or TEI Stylesheets checkout here (apt-get install "
              "default-jre-headless libsaxonhe-java; TEI_STYLESHEETS=folder of a checkout)")
    print("  where it goes (one instrumented run):")
    for name in ("imports", "parse", "validate", "transform", "write"):
        if name in phases:
            print(f"    {name:9s} {phases[name]:6.3f} s  {100 * phases[name] / phases['total']:4.0f} %")
    print(f"    {'total':9s} {phases['total']:6.3f} s")
    return 0


# ---------- scaling: a generated document and the same doubled ----------

PERSONS = ["Abai", "Alikhan", "Akhmet", "Mirzhakyp", "Magzhan", "Saken", "Ilyas", "Beimbet", "Mukhtar", "Sabit"]


def generate(n_units: int) -> str:
    """A TEI document of n_units repetitions of a block of prose, verse, drama and apparatus (ids unique)."""
    from xml.sax.saxutils import escape

    persons = "".join(f'<person xml:id="p{i}"><persName>{escape(n)}</persName></person>' for i, n in enumerate(PERSONS))
    units = []
    for u in range(n_units):
        p = PERSONS[u % len(PERSONS)]
        units.append(
            f'<div n="{u}"><head>Section {u}</head>'
            f'<p>In <date when="19{20 + u % 60}">the year {1920 + u % 60}</date> <persName ref="#p{u % 10}">{p}</persName> '
            f'wrote <choice><sic>teh</sic><corr resp="#ed" cert="high">the</corr></choice> letter<note>Note {u}.</note>; '
            f'the text of <app><lem wit="#A">all three</lem><rdg wit="#B">both</rdg><rdg wit="#C"/></app> witnesses '
            f'<app><lem>agrees</lem><rdg wit="#C">agree</rdg></app> here, and the reading is kept as it stands in every copy '
            f'of the work, with its punctuation and its spelling, which the editor does not change at all.</p>'
            f'<lg><l>A line of verse number one in unit {u},</l><l>a second line that rhymes with it,</l></lg>'
            f'<sp who="#p{u % 10}"><speaker>{p}</speaker><p>A speech in the drama, short but not too short.</p></sp></div>')
    return ('<?xml version="1.0" encoding="UTF-8"?>\n<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader>'
            '<fileDesc><titleStmt><title>Generated for bench_html --scaling</title></titleStmt><publicationStmt><p>bench</p>'
            '</publicationStmt><sourceDesc><listWit><witness xml:id="A" n="A">A</witness><witness xml:id="B" n="B">B</witness>'
            '<witness xml:id="C" n="C">C</witness></listWit></sourceDesc></fileDesc></teiHeader>'
            f'<standOff><listPerson>{persons}</listPerson></standOff><text><body>{"".join(units)}</body></text></TEI>\n')


def _timed(argv: list[str]) -> tuple[float, float]:
    """Wall and CPU (children's user+system) seconds of one whole process."""
    import os

    before = os.times()
    t = time.perf_counter()
    proc = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
    wall = time.perf_counter() - t
    after = os.times()
    if proc.returncode != 0:
        print(" ".join(argv), proc.stderr[-2000:], file=sys.stderr)
        raise SystemExit(proc.returncode)
    return wall, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def scaling(size_mb: float, runs: int) -> int:
    import os

    unit_bytes = len(generate(1)) - len(generate(0))
    n = max(1, int(size_mb * 1024 * 1024 / unit_bytes))
    styles = Path(os.environ.get("TEI_STYLESHEETS", "/tmp/teistyle"))
    java, jar = shutil.which("java"), next((j for j in SAXON_JARS if j.is_file()), None)
    reference = java and jar and (styles / "html" / "html.xsl").is_file()
    with tempfile.TemporaryDirectory() as tmp:
        docs = {}
        for label, units in (("single", n), ("doubled", 2 * n)):
            path = Path(tmp) / f"{label}.xml"
            path.write_text(generate(units), encoding="utf-8")
            docs[label] = path
        results = {(tool, label): [] for tool in ("ours", "tei") for label in docs}
        for _ in range(runs):  # alternating, so that a change of load hits both alike
            for label, path in docs.items():
                out = Path(tmp) / f"out-{label}-{len(results[('ours', label)])}"  # a new folder: no cached build
                results[("ours", label)].append(_timed([sys.executable, "-m", "tools", "build", "html", str(path),
                                                        "-o", str(out), "--force"]))
                if reference:
                    results[("tei", label)].append(_timed([java, "-jar", str(jar), f"-s:{path}",
                                                           f"-xsl:{styles / 'html' / 'html.xsl'}",
                                                           f"-o:{Path(tmp) / 'tei' / (label + '.html')}"]))
        sizes = {label: path.stat().st_size for label, path in docs.items()}
    print(f"scaling: generated documents of {sizes['single'] / 1048576:.2f} MB ({n} units) and "
          f"{sizes['doubled'] / 1048576:.2f} MB, {runs} alternating rounds, best wall / its CPU")
    for tool, name in (("ours", "tools build html"), ("tei", "TEI Stylesheets html.xsl, Saxon-HE/JVM")):
        if not results[(tool, "single")]:
            print(f"  {name}: not run (no JVM, Saxon-HE jar or TEI_STYLESHEETS checkout)")
            continue
        best = {label: min(results[(tool, label)]) for label in docs}
        ratio = best["doubled"][0] / best["single"][0]
        print(f"  {name:40s} single {best['single'][0]:6.2f} s ({best['single'][1]:6.2f} CPU)   "
              f"doubled {best['doubled'][0]:6.2f} s ({best['doubled'][1]:6.2f} CPU)   ratio {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
