"""`tools build html` as the user runs it (a real process: exit codes, messages, output folder)."""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini-edition.xml"


def test_build_html_writes_the_site(run_tools_process, tmp_path):
    proc = run_tools_process("build", "html", MINI, "-o", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "html" / "index.html").is_file()
    assert "index.html" in proc.stdout


def test_build_html_defaults_to_the_edition(run_tools_process, tmp_path):
    proc = run_tools_process("build", "html", "-o", tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "html" / "tei" / "kazakhstan-1920-1932.xml").is_file()


def test_invalid_edition_exits_1_with_the_problems(run_tools_process, tmp_path):
    (tmp_path / "src").mkdir()
    bad = tmp_path / "src" / "bad.xml"
    bad.write_text(MINI.read_text(encoding="utf-8").replace('resp="#ed" cert="high">үстіне', 'resp="#ed">үстіне')
                   .replace("../../schema/", str(ROOT / "schema") + "/"), encoding="utf-8")
    proc = run_tools_process("build", "html", bad, "-o", tmp_path / "out")
    assert proc.returncode == 1
    text = bad.read_text(encoding="utf-8")
    line = text[:text.index('resp="#ed">үстіне')].count("\n") + 1   # where the corr without @cert is
    assert f"bad.xml:{line}:60: error:" in proc.stderr and "@cert" in proc.stderr
    assert not (tmp_path / "out" / "html").exists()
    assert run_tools_process("build", "html", bad, "-o", tmp_path / "out", "--force").returncode == 0


def test_param_reaches_the_stylesheet_and_unknown_is_refused(run_tools_process, tmp_path):
    ok = run_tools_process("build", "html", MINI, "-o", tmp_path, "--param", "lang=en")
    assert ok.returncode == 0, ok.stderr
    assert '<html lang="en"' in (tmp_path / "html" / "text.html").read_text(encoding="utf-8")
    bad = run_tools_process("build", "html", MINI, "-o", tmp_path, "--param", "nope=1")
    assert bad.returncode == 2 and "nope" in bad.stderr
