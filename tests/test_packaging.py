"""The toolkit as a user installs it: a wheel (and the wheel built from the sdist) in a clean virtual
environment, far from this checkout, makes a new edition, validates it and builds its HTML and PDF.

Slow (it installs the dependencies into a fresh venv): part of the full suite, not of the default run.
"""
from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def _run(*cmd, cwd, env=None, timeout=900):
    result = subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=timeout, env=env)
    assert result.returncode == 0, f"{cmd}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


@pytest.fixture(scope="module")
def dist(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    _run(sys.executable, "-m", "build", "--sdist", "--wheel", "--outdir", out, ROOT, cwd=ROOT)
    return out


def test_wheel_carries_stylesheets_schemas_templates_and_the_language_pack(dist):
    wheel = next(dist.glob("*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for needed in ("tools/xslt/html/html.xsl", "tools/xslt/common/common.xsl", "tools/xslt/common/text-rules.json",
                   "tools/schema/vendor/tei_all.rng", "tools/templates/new-edition/tei/edition.xml",
                   "tools/lang/kk/data/kk-extra.txt", "tools/xslt/html/assets/edition.js"):
        assert needed in names, needed
    assert not any(n.startswith(("tei/", "tests/", "bench/")) for n in names)


def test_installed_wheel_works_outside_the_checkout(dist, tmp_path):
    """A clean venv (no access to this checkout), the wheel built from the sdist: new, validate, build."""
    sdist = next(dist.glob("*.tar.gz"))
    wheels = tmp_path / "wheels"
    _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "-w", wheels, sdist, cwd=tmp_path)
    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", venv, cwd=tmp_path)
    pip = venv / "bin" / "pip"
    _run(pip, "install", "-q", next(wheels.glob("*.whl")), cwd=tmp_path)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["XDG_CACHE_HOME"] = str(tmp_path / "cache")
    tools = venv / "bin" / "tools"
    work = tmp_path / "work"
    work.mkdir()
    _run(tools, "new", "ed", "--title", "Test edition", cwd=work, env=env)
    _run(tools, "validate", cwd=work / "ed", env=env)
    _run(tools, "build", "html", cwd=work / "ed", env=env)
    _run(tools, "build", "pdf", cwd=work / "ed", env=env)
    assert (work / "ed" / "build" / "html" / "index.html").is_file()
    assert (work / "ed" / "build" / "pdf" / "ed.pdf").read_bytes().startswith(b"%PDF")
    # the installed package knows nothing of this checkout
    where = _run(venv / "bin" / "python", "-c", "import tools, tools.core.resources as r; print(tools.__file__);"
                 "print(r.xslt()); print(r.schema())", cwd=work, env=env).stdout
    assert str(ROOT) not in where and str(venv) in where
    # a foreign document, judged by tei_all, in the installed toolkit too
    verse = ROOT / "tests" / "fixtures" / "foreign" / "verse.xml"
    out = _run(tools, "validate", verse, cwd=work, env=env).stdout
    assert "judged by tei_all" in out
