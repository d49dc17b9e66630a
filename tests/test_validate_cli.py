"""`tools validate` on the edition and on broken documents: located messages, exit codes, no traceback."""
from __future__ import annotations

import json
import re

import pytest

from conftest import EDITION, FIXTURES, ROOT

INVALID = FIXTURES / "invalid"

# file → (exit code, line, message fragment)
CASES = {
    "malformed.xml": (1, 28, "Opening and ending tag mismatch"),
    "unknown-element.xml": (1, 27, "element <speech> is not part of the schema"),
    "wrong-attribute-value.xml": (1, 25, '@type="chapter" is not allowed on <div>; use one of: article'),
    "bad-cert.xml": (1, 26, "use one of: high, medium, low"),
    "dangling-pointer.xml": (1, 27, '@ref="#pers.lennin" points to no xml:id in this file; closest ids: #pers.lenin'),
    "duplicate-id.xml": (1, 28, 'duplicate xml:id "p1"'),
    "impossible-date.xml": (1, 28, '@when="1921-02-30" is not a calendar date: that month has 28 days'),
    "from-after-to.xml": (1, 26, '@from="1921-03-16" is after @to="1921-03-08"'),
    "when-with-from.xml": (1, 28, "@when cannot stand with @from"),
    "choice-two-corr.xml": (1, 26, "a <choice> must hold exactly one pair"),
    "corr-without-cert.xml": (1, 26, "every <corr> needs @cert"),
    "misplaced-element.xml": (1, 25, "element <persName> is not allowed here inside <div>; allowed there: ab"),
    "ref-wrong-register.xml": (1, 27, "of a placeName must point to a <place>"),
    "windows-1251.xml": (1, 8, "the file is not UTF-8"),
    "xxe-local-file.xml": (1, 4, "the DOCTYPE declares entities"),
    "billion-laughs.xml": (1, 3, "the DOCTYPE declares entities"),
    "empty.xml": (2, 1, "the file is empty"),
}


def _minimal_variant(path, *edits: tuple[str, str]):
    """The valid minimal fixture with each (old, new) edit applied, written to `path`: (path, its text)."""
    doc = (FIXTURES / "valid" / "minimal.xml").read_text(encoding="utf-8")
    doc = doc.replace('href="../../../schema/', f'href="{ROOT / "schema"}/')  # the copy lives elsewhere
    for old, new in edits:
        doc = doc.replace(old, new)
    path.write_text(doc, encoding="utf-8")
    return path, doc


def test_edition_is_valid(run_tools_process):
    """As a real process: the console script, exit code and stderr summary."""
    result = run_tools_process("validate")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 invalid" in result.stderr


def test_valid_fixture_is_valid(run_tools):
    assert run_tools("validate", FIXTURES / "valid" / "minimal.xml").returncode == 0


@pytest.mark.parametrize("name", sorted(CASES))
def test_broken_document(run_tools, name):
    code, line, fragment = CASES[name]
    result = run_tools("validate", INVALID / name)
    out = result.stdout + result.stderr
    assert result.returncode == code, out
    assert "Traceback" not in out
    located = re.findall(rf"{re.escape(name)}:(\d+):(\d+): error: (.*)", out)
    assert located, out
    assert any(int(l) == line and fragment in msg for l, c, msg in located), out
    assert all(int(c) >= 1 for _, c, _ in located)


def test_external_entity_content_is_never_shown(run_tools):
    out = run_tools("validate", INVALID / "xxe-local-file.xml")
    assert "root:" not in out.stdout + out.stderr  # first field of /etc/passwd


def test_billion_laughs_is_refused_quickly(run_tools):
    result = run_tools("validate", INVALID / "billion-laughs.xml")
    assert result.returncode == 1 and "lollol" not in result.stdout


@pytest.mark.parametrize("arg, fragment", [
    (INVALID / "no-xml-dir", "no *.xml files in this directory"),
    (INVALID / "does-not-exist.xml", "no such file or directory"),
])
def test_usage_problems_exit_2(run_tools, arg, fragment):
    result = run_tools("validate", arg)
    assert result.returncode == 2
    assert fragment in result.stderr + result.stdout
    assert "Traceback" not in result.stderr


def test_directory_means_every_xml(run_tools):
    result = run_tools("validate", FIXTURES / "valid")
    assert result.returncode == 0 and "1 file(s) checked" in result.stderr


def test_mixed_files_invalid_wins(run_tools):
    result = run_tools("validate", EDITION, INVALID / "bad-cert.xml")
    assert result.returncode == 1 and "2 file(s) checked: 1 valid, 1 invalid" in result.stderr


def test_json_format(run_tools):
    result = run_tools("validate", "--format", "json", INVALID / "from-after-to.xml")
    report = json.loads(result.stdout)
    assert result.returncode == 1 and report["valid"] is False
    assert report["files"] == [{"path": report["files"][0]["path"], "valid": False,
                                "schema": report["files"][0]["schema"]}]
    assert report["files"][0]["schema"].endswith("kse-edition.rng + schema/kse-edition.sch")
    problems = report["problems"]
    assert problems and set(problems[0]) == {"path", "line", "column", "severity", "message"}
    assert problems[0]["line"] == 26 and problems[0]["severity"] == "error"


def test_warning_does_not_fail(run_tools, tmp_path):
    f, _ = _minimal_variant(tmp_path / "warn.xml",
                            ("</listPlace>", '<place xml:id="pl.unused"><placeName>Орал</placeName></place></listPlace>'),
                            ('href="../../../schema', 'href="../schema'))
    result = run_tools("validate", f)
    assert result.returncode == 0
    assert 'warning: register entry "pl.unused" is not referenced' in result.stdout


def test_every_command_has_help(run_tools):
    for cmd in (["validate"], ["check"], ["build"], ["suggest", "ocr"],
                ["tag", "dates"]):
        result = run_tools(*cmd, "--help")
        assert result.returncode == 0 and "Usage:" in result.stdout, cmd
    assert run_tools("--version").stdout.startswith("tools, version")


# regressions found by feeding odd files to the validator
@pytest.mark.parametrize("name, data, code, fragment", [
    ("utf16-xxe.xml", '<?xml version="1.0" encoding="UTF-16"?><!DOCTYPE x [<!ENTITY a SYSTEM "file:///etc/passwd">]>'
                      "<TEI>&a;</TEI>".encode("utf-16"), 1, "the DOCTYPE declares entities"),
    ("utf16.xml", '<?xml version="1.0" encoding="UTF-16"?><TEI/>'.encode("utf-16"), 1, "has no namespace"),
    ("binary.xml", bytes(range(1, 200)), 2, "not an XML document"),
    ("deep.xml", b"<a>" * 5000 + b"</a>" * 5000, 1, "Excessive depth"),
    ("bad-id.xml", b'<p xml:id="1bad">x</p>', 1, "not an NCName"),
    ("incomplete.xml", b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>', 1, "is incomplete"),
])
def test_odd_inputs(run_tools, tmp_path, name, data, code, fragment):
    f = tmp_path / name
    f.write_bytes(data)
    result = run_tools("validate", f)
    out = result.stdout + result.stderr
    assert result.returncode == code, out
    assert fragment in out and "Traceback" not in out and "root:" not in out
    assert re.search(rf"{re.escape(name)}:\d+:\d+: error: ", out)


def test_dangling_resp_hint_says_where_to_declare(run_tools, tmp_path):
    f, _ = _minimal_variant(tmp_path / "resp.xml", ('resp="#ed"', 'resp="#machine"'))
    result = run_tools("validate", f)
    assert result.returncode == 1
    assert '@resp="#machine" points to no xml:id in this file; declare it in the header' in result.stdout


def test_check_without_witness_counts_and_exits_0(run_tools):
    result = run_tools("check", FIXTURES / "valid" / "minimal.xml")
    assert result.returncode == 0 and "fidelity not checked" in result.stdout and "interventions: 1" in result.stdout


def test_output_folder_that_is_a_file(run_tools, tmp_path):
    f = tmp_path / "not-a-folder"
    f.write_text("x")
    result = run_tools("build", "html", FIXTURES / "valid" / "minimal.xml", "-o", f)
    assert result.returncode == 2 and "the output folder is a file" in result.stderr
    assert "Traceback" not in result.stderr and f.read_text() == "x"


def test_sources_with_one_name_are_refused(run_tools, tmp_path):
    """Regression: d1/x.xml and d2/x.xml overwrote each other's outputs."""
    for d in ("d1", "d2"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.xml").write_bytes((FIXTURES / "valid" / "minimal.xml").read_bytes())
    for target in ("html", "pdf"):
        result = run_tools("build", target, tmp_path / "d1" / "x.xml", tmp_path / "d2" / "x.xml", "-o", tmp_path / "o")
        assert result.returncode == 2 and "another source has the same name" in result.stderr


def test_a_file_named_twice_is_validated_once(run_tools):
    result = run_tools("validate", "tei", "tei/kazakhstan-1920-1932.xml")
    assert result.returncode == 0 and "1 file(s) checked" in result.stderr


def test_utf16_columns_are_real(run_tools, tmp_path):
    """Regression (review): columns of problems in UTF-16 files were always 1."""
    doc = (INVALID / "bad-cert.xml").read_text(encoding="utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    doc = doc.replace('href="../../../schema/', f'href="{ROOT / "schema"}/')
    f = tmp_path / "u16.xml"
    f.write_bytes(doc.encode("utf-16"))
    assert "u16.xml:26:115: error: @cert=" in run_tools("validate", f).stdout


def test_apply_from_the_command_line(run_tools, tmp_path):
    """The assistants' --apply through the CLI: markup written, backup kept, JSON stdout stays one array."""
    f, doc = _minimal_variant(
        tmp_path / "e.xml", ('href="../../../schema', 'href="../schema'),
        ("</titleStmt>", '<respStmt xml:id="tools"><resp>suggestions</resp><name>tools</name></respStmt></titleStmt>'),
        ("</div>\n    </body>", '<p xml:id="p3" n="3">1925 жылы 19 февральда кеңес болды.</p></div>\n    </body>'))
    result = run_tools("tag", "dates", f, "--apply", "--format", "json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)[0]["when"] == "1925-02-19"
    assert '<date when="1925-02-19"' in f.read_text(encoding="utf-8")
    assert (tmp_path / "e.xml.bak").read_text(encoding="utf-8") == doc
    assert run_tools("validate", f).returncode == 0
