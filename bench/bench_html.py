"""Time `tools build html` on the edition and show where the time goes; compare with a JVM reference.

Reference: the TEI Stylesheets' HTML conversion on Saxon/JVM takes about 4 s for a text of this size. We
count the same way: a whole `python -m tools build html` process, start to exit, best of N runs. A second,
instrumented process reports the phases: Python imports, safe parse, validation (RELAX NG + Schematron),
the transform (one XSLT 3.0 run writing every page, stylesheet compilation included) and writing (assets,
fonts, the TEI copy, the swap of the output folder).
Side by side, when a JVM and Saxon-HE's jar are installed (Debian: jing pulls in the JVM, libsaxonhe-java
the jar), the very same stylesheet runs on Saxon-HE/JVM as a whole process, which is what a JVM toolchain
pays for this work on this machine.

    python bench/bench_html.py [EDITION] [--runs N]
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
REFERENCE_SECONDS = 4.0  # TEI Stylesheets' HTML conversion on Saxon/JVM, a text of this size
SAXON_JARS = [Path("/usr/share/java/Saxon-HE.jar"), Path("/usr/share/java/saxon9he.jar")]

PHASES = r"""
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from pathlib import Path
from tools.targets.html import build_html
import saxonche, lxml.etree, tools.validate  # what build_html imports lazily, counted as start-up
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
    args = ap.parse_args()
    src = Path(args.edition).resolve()

    with tempfile.TemporaryDirectory() as tmp:
        walls = whole_runs([sys.executable, "-m", "tools", "build", "html", str(src), "-o", tmp],
                           args.runs)
        site = Path(tmp) / "html"
        pages = sorted(p.name for p in site.glob("*.html"))
        size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file() and "fonts" not in p.parts)

        code = PHASES.format(root=str(ROOT), src=str(src), out=tmp)
        phases = run_phases(code)
        jvm = _jvm_reference(src, Path(tmp) / "jvm", args.runs)

    best = min(walls)
    print(f"tools build html {src.name}: {len(pages)} pages ({', '.join(pages)}), {size / 1024:.0f} KiB without fonts")
    print(f"  whole process, best of {args.runs}: {best:.2f} s   (runs: {', '.join(f'{w:.2f}' for w in walls)})")
    print("  where it goes (one instrumented run):")
    for name in ("imports", "parse", "validate", "transform", "write"):
        print(f"    {name:9s} {phases[name]:6.3f} s  {100 * phases[name] / phases['total']:4.0f} %")
    print(f"    {'total':9s} {phases['total']:6.3f} s")
    print(f"  a second build in the same process (stylesheet and schemas already compiled): {phases['again']:.3f} s "
          f"(transform {phases['again_transform']:.3f} s)")
    ratio = REFERENCE_SECONDS / best
    print(f"  vs TEI Stylesheets HTML on Saxon/JVM ({REFERENCE_SECONDS:.0f} s): {ratio:.1f}x "
          f"{'faster' if ratio >= 1 else 'slower'}")
    if jvm is not None:
        print(f"  side by side here: the same html.xsl on Saxon-HE/JVM, whole process, best of {args.runs}: {jvm:.2f} s "
              f"-> ours {jvm / best:.1f}x faster")
    else:
        print("  side by side: no JVM or Saxon-HE jar here (apt-get install default-jre-headless libsaxonhe-java)")
    return 0


def _jvm_reference(src: Path, out: Path, runs: int) -> float | None:
    java = shutil.which("java")
    jar = next((j for j in SAXON_JARS if j.is_file()), None)
    if not java or not jar:
        return None
    out.mkdir(parents=True, exist_ok=True)
    walls = []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run([java, "-jar", str(jar), f"-s:{src}", f"-xsl:{ROOT / 'xslt' / 'html' / 'html.xsl'}",
                               f"-o:{out / 'manifest.txt'}", f"source-href=tei/{src.name}"],
                              capture_output=True, text=True)
        walls.append(time.perf_counter() - t)
        if proc.returncode != 0:
            print("  (Saxon-HE/JVM reference failed: " + proc.stderr.strip().splitlines()[-1] + ")", file=sys.stderr)
            return None
    return min(walls)


if __name__ == "__main__":
    sys.exit(main())
