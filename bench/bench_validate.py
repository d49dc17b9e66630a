"""Benchmark: `tools validate` against jing on the same files and the same RELAX NG schema.

Both run as whole commands, as the scholar runs them after an edit (process start included), several rounds
side by side; we print the median wall times and their ratio. `tools validate` does more than jing here
(well-formedness, RELAX NG *and* Schematron). A second line times the library call alone (no process start),
which is what an editor integration would pay.

Usage: .venv/bin/python bench/bench_validate.py [--rounds N] [FILES...]
"""
from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def wall(cmd: list[str]) -> float:
    t = time.perf_counter()
    subprocess.run(cmd, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - t


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=7)
    ap.add_argument("files", nargs="*", default=[str(ROOT / "tei" / "kazakhstan-1920-1932.xml")])
    args = ap.parse_args()
    jing = shutil.which("jing")
    if not jing:
        print("jing not found: run ./setup.sh", file=sys.stderr)
        return 2
    rng = str(ROOT / "schema" / "kse-edition.rng")
    ours_cmd = [str(ROOT / ".venv" / "bin" / "tools"), "validate", *args.files]
    jing_cmd = [jing, rng, *args.files]
    ours, ref = [], []
    for _ in range(args.rounds):  # interleaved, so machine noise hits both alike
        ours.append(wall(ours_cmd))
        ref.append(wall(jing_cmd))
    from tools.core.validate import validate_paths

    validate_paths(args.files)  # warm: compile grammar and Schematron once
    lib = []
    for _ in range(args.rounds):
        t = time.perf_counter()
        validate_paths(args.files)
        lib.append(time.perf_counter() - t)
    m_ours, m_ref, m_lib = (statistics.median(x) for x in (ours, ref, lib))
    print(f"files: {len(args.files)}; rounds: {args.rounds}")
    print(f"tools validate (wf + RELAX NG + Schematron, whole command): median {m_ours * 1000:.0f} ms")
    print(f"jing (RELAX NG only, whole command):                        median {m_ref * 1000:.0f} ms")
    print(f"ratio jing / tools validate: {m_ref / m_ours:.1f}x  (tools validate is {m_ref / m_ours:.1f} times faster)")
    print(f"library call, compiled schemas reused: median {m_lib * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
