"""Benchmark: `tools validate` against jing, side by side in one run, on a corpus and on one foreign document.

1. A corpus generated from the edition (`--files N`, default 200): copies that differ from each other (the
   title and one paragraph carry the copy's number), every 50th made invalid (an unknown element for the
   grammar, or a dangling pointer for the Schematron), each declaring the project's RELAX NG and Schematron
   by absolute path. `tools validate` (both cores, well-formedness + RELAX NG + Schematron) and jing (RELAX NG
   only, one JVM for all files) run alternately, `--rounds` times. `tools validate` is timed cold (an empty
   cache folder: grammars proven and compiled, every file judged) and warm (the cache of the previous run:
   verdicts of unchanged files are read back); jing has no cache.
   With `--kind project`, the corpus is instead a project made by bench/make_corpus.py (documents of 4-16
   paragraphs, every name pointing into one shared register file: what the corpus of issue 15 looks like);
   `tools validate` runs in the project's folder (its documents and register, with the pointer check across
   files), jing on the same documents and the project's RELAX NG.
2. One foreign document (`--foreign`, default a committed fixture) judged by tei_all: `tools validate
   --schema tei_all` cold (tei_all pruned to its elements, proven, compiled) and warm, against jing on the
   whole tei_all.

Wall time is measured around each whole command; CPU time is the children's user+system time (rusage), which
for `tools validate` includes its workers. Medians over the rounds; the load average is printed, since other
processes share the machine.

Usage: .venv/bin/python bench/bench_validate.py [--files N] [--rounds R] [--kind copies|project] [--foreign FILE]
                                              [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EDITION = ROOT / "tei" / "kazakhstan-1920-1932.xml"
RNG = ROOT / "schema" / "kse-edition.rng"
SCH = ROOT / "schema" / "kse-edition.sch"
TEI_ALL = ROOT / "schema" / "vendor" / "tei_all.rng"
TOOLS = [str(ROOT / ".venv" / "bin" / "tools")]


def generate(folder: Path, count: int) -> list[Path]:
    """`count` variants of the edition in `folder`; every 50th invalid (alternately for RNG and Schematron)."""
    text = EDITION.read_text(encoding="utf-8")
    text = text.replace('href="../schema/kse-edition.rng"', f'href="{RNG}"')
    text = text.replace('href="../schema/kse-edition.sch"', f'href="{SCH}"')
    files = []
    for i in range(count):
        doc = text.replace("</title>", f" (copy {i})</title>", 1)
        starts = [m.end() for m in re.finditer(r'<p [^>]*n="\d+"[^>]*>', doc)]
        at = starts[i % len(starts)]
        doc = doc[:at] + f"[{i}] " + doc[at:]
        if i % 50 == 49:
            doc = doc.replace("</body>", "<speech>not TEI</speech></body>", 1) if i % 100 == 49 else \
                doc.replace('ref="#', 'ref="#missing-', 1)
        path = folder / f"copy-{i:04d}.xml"
        path.write_text(doc, encoding="utf-8")
        files.append(path)
    return files


def generate_project(folder: Path, count: int) -> tuple[list[Path], Path]:
    """A project of `count` documents with a shared register (bench/make_corpus.py): its documents and its RELAX
    NG."""
    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import make_corpus

    make_corpus(folder, count)
    return sorted((folder / "tei").glob("doc-*.xml")), folder / "schema" / "kse-edition.rng"


def timed(argv: list[str], env: dict | None = None, cwd: Path = ROOT) -> tuple[float, float, int]:
    """Wall and CPU seconds (children's user + system) of a whole command, and its exit code."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.run(argv, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, proc.returncode


def row(name: str, runs: list[tuple[float, float, int]]) -> tuple[float, float]:
    wall = statistics.median(r[0] for r in runs)
    cpu = statistics.median(r[1] for r in runs)
    codes = sorted({r[2] for r in runs})
    print(f"  {name:44s} wall {wall:7.2f} s   cpu {cpu:7.2f} s   (rounds: {len(runs)}, exit {codes})")
    return wall, cpu


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--foreign", type=Path, default=ROOT / "tests" / "fixtures" / "realworld" / "msdesc.xml")
    ap.add_argument("--keep", type=Path, help="generate the corpus here and keep it")
    ap.add_argument("--kind", choices=("copies", "project"), default="copies",
                    help="copies of the edition (default), or a project with a shared register (make_corpus.py)")
    args = ap.parse_args()
    jing = shutil.which("jing")
    if not jing:
        print("jing not found: run ./setup.sh", file=sys.stderr)
        return 2
    work = Path(tempfile.mkdtemp(prefix="bench-validate-"))
    folder = args.keep or work / "corpus"
    folder.mkdir(parents=True, exist_ok=True)
    if args.kind == "project":
        files, rng = generate_project(folder, args.files)
        ours_argv, ours_cwd = TOOLS + ["validate"], folder  # the project's documents and its shared register
        size = sum(f.stat().st_size for f in files) // len(files) // 1024
        print(f"corpus: a project of {len(files)} documents of {size} KB on average and a shared register "
              f"(bench/make_corpus.py) in {folder}; {os.cpu_count()} cores; load average before: "
              f"{os.getloadavg()[0]:.2f}")
    else:
        files, rng = generate(folder, args.files), RNG
        ours_argv, ours_cwd = TOOLS + ["validate", *map(str, files)], ROOT
        print(f"corpus: {len(files)} documents of {EDITION.stat().st_size // 1024} KB generated from the edition "
              f"in {folder}; {os.cpu_count()} cores; load average before: {os.getloadavg()[0]:.2f}")
    names = [str(f) for f in files]

    results: dict[str, list] = {"ours cold": [], "ours warm": [], "jing": [], "f ours cold": [],
                                "f ours warm": [], "f jing": []}
    for r in range(args.rounds):
        cold = dict(os.environ, TEI_TOOLS_CACHE=str(work / f"cache-{r}"))
        if r % 2:  # alternate which goes first
            results["jing"].append(timed([jing, str(rng), *names]))
        results["ours cold"].append(timed(ours_argv, cold, ours_cwd))
        if not r % 2:
            results["jing"].append(timed([jing, str(rng), *names]))
        results["ours warm"].append(timed(ours_argv, cold, ours_cwd))  # the cache the cold run left
        fcold = dict(os.environ, TEI_TOOLS_CACHE=str(work / f"fcache-{r}"))
        results["f ours cold"].append(timed(TOOLS + ["validate", "--schema", "tei_all", str(args.foreign)], fcold))
        results["f jing"].append(timed([jing, str(TEI_ALL), str(args.foreign)]))
        results["f ours warm"].append(timed(TOOLS + ["validate", "--schema", "tei_all", str(args.foreign)], fcold))

    print(f"\n{len(files)} generated documents (tools validate: RELAX NG + Schematron; jing: RELAX NG, one JVM):")
    cold = row("tools validate, cold cache", results["ours cold"])
    warm = row("tools validate, warm cache (files unchanged)", results["ours warm"])
    ref = row("jing", results["jing"])
    print(f"  jing / tools validate: cold {ref[0] / cold[0]:.1f}x wall, {ref[1] / cold[1]:.1f}x cpu;"
          f" warm {ref[0] / warm[0]:.1f}x wall, {ref[1] / warm[1]:.1f}x cpu")
    print(f"\none foreign document judged by tei_all: {args.foreign.name}")
    fcold = row("tools validate --schema tei_all, cold cache", results["f ours cold"])
    fwarm = row("tools validate --schema tei_all, warm cache", results["f ours warm"])
    fref = row("jing tei_all.rng", results["f jing"])
    print(f"  jing / tools validate: cold {fref[0] / fcold[0]:.1f}x wall, {fref[1] / fcold[1]:.1f}x cpu;"
          f" warm {fref[0] / fwarm[0]:.1f}x wall, {fref[1] / fwarm[1]:.1f}x cpu")
    print(f"\nload average after: {os.getloadavg()[0]:.2f}")
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
