"""`tools build pdf` side by side with the TEI Stylesheets' fo/fo.xsl on Saxon-HE + Apache FOP, same TEI, same run.

Each round runs both, one after the other, alternating which goes first: ours as a whole process
(`python -m tools build pdf EDITION`: start-up, validation, XSLT, Typst, writing), theirs as the two
processes the TEI Stylesheets need (Saxon-HE, Java: TEI → XSL-FO with fo/fo.xsl; Apache FOP: XSL-FO → PDF).
Wall time is measured around the processes, CPU time as the user + system time of the children
(resource.getrusage; our build's XSLT worker process is one of them). Each round writes to fresh output
folders. Then one instrumented build of ours in a fresh process shows where its time goes (its `xslt` is the
time the build waited for its XSLT worker, which compiles the stylesheet while the build validates).

    python bench/bench_pdf.py [EDITION] [--rounds N] [--paper A4|A5|B5] [--stylesheets DIR]
    python bench/bench_pdf.py --scaling MB [--rounds N]   the edition with its body repeated to about MB megabytes,
                                                          and to twice that, each side by side

Needs Debian `fop` and `libsaxonhe-java`, and a copy of the TEI Stylesheets (github TEIC/Stylesheets; only
`fo/` and `common/` are used), in DIR or $TEI_STYLESHEETS (default /tmp/Stylesheets). Not committed here.
Figures: see README ("Speed"). Run it on a quiet machine (`uptime`): both builds use two cores at times.
"""
from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _timing import phases as run_phases

ROOT = Path(__file__).resolve().parent.parent
SAXON_JAR = Path("/usr/share/java/Saxon-HE.jar")

PHASES = r"""
import json, sys, time
t0 = time.perf_counter()
sys.path.insert(0, {root!r})
from pathlib import Path
from tools.targets.pdf import build_pdf
timings = {{}}
build_pdf([Path({src!r})], Path({out!r}), paper={paper!r}, timings=timings)
print(json.dumps({{**timings, "total": time.perf_counter() - t0}}))
"""


def timed(commands: list[list[str]]) -> tuple[float, float]:
    """Run the commands one after another; (wall seconds, CPU seconds of the children)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    for argv in commands:
        proc = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
        if proc.returncode != 0:
            print(" ".join(argv), proc.stdout[-2000:], proc.stderr[-2000:], file=sys.stderr, sep="\n")
            raise SystemExit(proc.returncode)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("edition", nargs="?", default=str(ROOT / "tei" / "kazakhstan-1920-1932.xml"))
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--paper", default="A4")
    ap.add_argument("--stylesheets", default=os.environ.get("TEI_STYLESHEETS", "/tmp/Stylesheets"))
    ap.add_argument("--scaling", type=float, default=None, metavar="MB",
                    help="time the edition repeated to about MB megabytes, and to twice that")
    args = ap.parse_args()
    if args.scaling:
        src = Path(args.edition).resolve()
        with tempfile.TemporaryDirectory() as gen:
            results = []
            for factor in (1, 2):
                doc = Path(gen) / f"repeated-{factor}.xml"
                repeat_body(src, doc, args.scaling * factor)
                print(f"== {doc.name}: {doc.stat().st_size / 1e6:.1f} MB")
                results.append(compare(doc, args, force=True))
            (o1, t1), (o2, t2) = results
            print(f"doubled / single: ours {o2[0] / o1[0]:.2f}x wall, {o2[1] / o1[1]:.2f}x CPU; "
                  f"TEI Stylesheets + FOP {t2[0] / t1[0]:.2f}x wall, {t2[1] / t1[1]:.2f}x CPU")
        return 0
    compare(Path(args.edition).resolve(), args)
    return 0


def repeat_body(src: Path, out: Path, megabytes: float) -> None:
    """The edition with its body repeated until the file has about `megabytes` MB: each copy's xml:ids get a
    suffix and the pointers inside the copies follow them (the registers, bibliography and header are shared).
    A document both builds can set (bench_html's generated TEI has constructs fo.xsl turns into invalid FO)."""
    import copy

    from lxml import etree

    tree = etree.parse(str(src))
    body = tree.find(".//{http://www.tei-c.org/ns/1.0}body")
    original = list(body)
    size = len(etree.tostring(tree, encoding="utf-8"))
    per_copy = len(etree.tostring(body, encoding="utf-8"))
    copies = max(0, round((megabytes * 1e6 - size) / per_copy))
    xml_id = "{http://www.w3.org/XML/1998/namespace}id"
    ids = {e.get(xml_id) for e in body.iter() if e.get(xml_id)}
    for k in range(1, copies + 1):
        for child in original:
            dup = copy.deepcopy(child)
            for e in dup.iter():
                if not isinstance(e.tag, str):
                    continue
                if e.get(xml_id):
                    e.set(xml_id, f"{e.get(xml_id)}-{k}")
                for att in ("target", "from", "to", "corresp"):
                    v = e.get(att)
                    if v and any(t.startswith("#") and t[1:] in ids for t in v.split()):
                        e.set(att, " ".join(f"{t}-{k}" if t.startswith("#") and t[1:] in ids else t for t in v.split()))
            body.append(dup)
    tree.write(str(out), encoding="utf-8", xml_declaration=True)


def compare(src: Path, args, force: bool = False) -> tuple[tuple[float, float], tuple[float, float]]:
    """Both builds side by side, alternating, args.rounds rounds; the medians (wall, CPU) of ours and theirs."""
    fo_xsl = Path(args.stylesheets) / "fo" / "fo.xsl"
    for need in (fo_xsl, SAXON_JAR):
        if not need.exists():
            print(f"bench_pdf: {need} not found (see the module comment)", file=sys.stderr)
            raise SystemExit(2)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        def ours(r: int) -> list[list[str]]:  # a fresh output folder each round: nothing of the last build is there
            return [[sys.executable, "-m", "tools", "build", "pdf", str(src), "-o", str(tmp / f"ours-{r}"),
                     "--paper", args.paper, *(["--force"] if force else [])]]

        def theirs(r: int) -> list[list[str]]:
            return [["java", "-jar", str(SAXON_JAR), f"-s:{src}", f"-xsl:{fo_xsl}", f"-o:{tmp / f'tei-{r}.fo'}"],
                    ["fop", "-fo", str(tmp / f"tei-{r}.fo"), "-pdf", str(tmp / f"tei-{r}.pdf")]]

        print(f"load before: {os.getloadavg()[0]:.2f}")
        rows = {"ours": [], "theirs": []}
        for r in range(args.rounds):
            order = [("ours", ours(r)), ("theirs", theirs(r))]
            for name, commands in (order if r % 2 == 0 else order[::-1]):
                rows[name].append(timed(commands))
            (o_wall, o_cpu), (t_wall, t_cpu) = rows["ours"][-1], rows["theirs"][-1]
            print(f"round {r + 1}: ours {o_wall:.2f} s wall {o_cpu:.2f} s CPU | TEI Stylesheets + FOP "
                  f"{t_wall:.2f} s wall {t_cpu:.2f} s CPU | ratio wall {t_wall / o_wall:.1f}x, CPU {t_cpu / o_cpu:.1f}x")
        print(f"load after: {os.getloadavg()[0]:.2f}")
        med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in rows.items()}
        print(f"median of {args.rounds}: ours {med['ours'][0]:.2f} s wall, {med['ours'][1]:.2f} s CPU; "
              f"theirs {med['theirs'][0]:.2f} s wall, {med['theirs'][1]:.2f} s CPU; "
              f"ours is {med['theirs'][0] / med['ours'][0]:.1f}x faster in wall time, "
              f"{med['theirs'][1] / med['ours'][1]:.1f}x in CPU time")
        if not force:
            steps = run_phases(PHASES.format(root=str(ROOT), src=str(src), out=str(tmp / "phases"), paper=args.paper))
            print("ours, one build in a fresh process: " + ", ".join(f"{k} {v:.2f} s" for k, v in steps.items()))
    return med["ours"], med["theirs"]


if __name__ == "__main__":
    raise SystemExit(main())
