"""Shared by the benchmarks: time a whole command several rounds, and run an instrumented build in a fresh
process to see where the time goes."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def whole_runs(argv: list[str], runs: int) -> list[float]:
    """Wall time of `argv` (run from the project root), `runs` times; exits with its output if it fails."""
    walls = []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True)
        walls.append(time.perf_counter() - t)
        if proc.returncode != 0:
            print(proc.stdout, proc.stderr, file=sys.stderr)
            raise SystemExit(proc.returncode)
    return walls


def phases(code: str) -> dict[str, float]:
    """Run `code` in a fresh interpreter; it prints one JSON object of phase timings as its last line."""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    return json.loads(out.strip().splitlines()[-1])
