"""Shared fixtures: project paths and a CLI runner that runs `tools` as the user does."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
EDITION = ROOT / "tei" / "kazakhstan-1920-1932.xml"


@pytest.fixture
def run_tools():
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
