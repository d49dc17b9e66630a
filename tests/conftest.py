"""Shared fixtures: project paths, and the `tools` CLI run as the user runs it.

`run_tools` runs the command in-process (click's CliRunner: same parsing, messages and exit codes, since
the root group turns errors into codes itself) — fast. `run_tools_process` runs `python -m tools` in a real
process, for the few tests where the process itself matters (fd-level stderr, the console entry point).
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EDITION = ROOT / "tei" / "kazakhstan-1920-1932.xml"

# the toolkit's cache (pruned grammars, compile proofs, verdicts) in a folder of this test session: no test
# sees what an earlier run or the user's own runs left there
os.environ["TEI_TOOLS_CACHE"] = tempfile.mkdtemp(prefix="tei-tools-cache-")


@dataclass
class Ran:
    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def run_tools(monkeypatch):
    """Run `tools ARGS` in-process from `cwd` (default: the repository root)."""
    from tools.cli import cli

    def run(*args, cwd=ROOT):
        monkeypatch.chdir(cwd)
        result = CliRunner().invoke(cli, [str(a) for a in args])
        return Ran(result.exit_code, result.stdout, result.stderr)

    return run


@pytest.fixture
def run_tools_process():
    """Run `python -m tools ARGS` in a subprocess (real exit codes, real stderr, real fd 2)."""

    def run(*args, cwd=ROOT):
        return subprocess.run([sys.executable, "-m", "tools", *map(str, args)], cwd=cwd,
                              capture_output=True, text=True, timeout=300)

    return run


CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright (no `playwright install`), one per test module."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
