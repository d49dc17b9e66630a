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
