"""Parser limits (issue 14): a valid document never gets exit 3.

SaxonC's own parser refused documents nested more than 100 deep or with more than 200 attributes or namespace
declarations on one element (exit 3, with a wrong line number), and it ran before validation, so an invalid
document with 20,000 attributes got exit 3 instead of 1. Now Saxon sees a document only after the safe parser
and the validator (or --force) have accepted it, with its limits lifted; the safe parser's own limits (256
levels, 10 MB per text) are reported as located errors, exit 1.
"""
from __future__ import annotations

import pytest

from conftest import FIXTURES

BASE = (FIXTURES / "foreign" / "prose.xml").read_text(encoding="utf-8")  # judged by tei_all
_P = BASE.index("<p>", BASE.index("<body"))


def _nested(depth: int) -> str:
    return BASE[:_P + 3] + "<hi>" * depth + "deep" + "</hi>" * depth + BASE[_P + 3:]


def _write(tmp_path, name, text):
    (tmp_path / "src").mkdir(exist_ok=True)
    path = tmp_path / "src" / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("name, text", [
    ("deep150.xml", _nested(150)),
    ("deep250.xml", _nested(250)),
    ("ns300.xml", BASE.replace("<TEI ", "<TEI " + " ".join(f'xmlns:p{k}="urn:x:{k}"' for k in range(300)) + " ", 1)),
    ("longprefix.xml", BASE.replace("<TEI ", "<TEI xmlns:" + "p" * 5000 + '="urn:x" ', 1)),
])
def test_valid_documents_beyond_saxons_default_limits_build(run_tools, tmp_path, name, text):
    doc = _write(tmp_path, name, text)
    assert run_tools("validate", doc).returncode == 0
    result = run_tools("build", "html", doc, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "deep" in (tmp_path / "out" / "html" / "text.html").read_text(encoding="utf-8") or "ns" in name or "prefix" in name


@pytest.mark.slow  # the forced build takes ~90 s: Saxon copies an element's attributes in quadratic time (DTS passages)
def test_an_invalid_document_with_20000_attributes_is_exit_1(run_tools, tmp_path):
    attrs = " ".join(f'a{k}="1"' for k in range(20000))
    doc = _write(tmp_path, "att.xml", BASE[:_P] + f"<p {attrs}>" + BASE[_P + 3:])
    for command in (["validate", doc], ["build", "html", doc, "-o", tmp_path / "out"]):
        result = run_tools(*command)
        assert result.returncode == 1, (command, result.stderr)
        assert "@a0 is not allowed" in result.stdout + result.stderr and "Traceback" not in result.stderr
    forced = run_tools("build", "html", doc, "-o", tmp_path / "out", "--force")
    assert forced.returncode == 0, forced.stderr


def test_deeper_than_the_safe_parser_allows_is_a_located_exit_1(run_tools, tmp_path):
    doc = _write(tmp_path, "deep300.xml", _nested(300))
    line = _nested(300)[:_P].count("\n") + 1
    for command in (["validate", doc], ["build", "html", doc, "-o", tmp_path / "out", "--force"], ["check", doc]):
        result = run_tools(*command)
        assert result.returncode == 1, (command, result.stderr)
        out = result.stdout + result.stderr
        assert f"deep300.xml:{line}:" in out and "nested more than 256 deep" in out


def test_saxon_sees_the_document_only_after_validation(run_tools, tmp_path, monkeypatch):
    from tools.targets import html

    seen = []
    monkeypatch.setattr(html, "load_source", lambda doc: seen.append(doc))
    doc = _write(tmp_path, "bad.xml", BASE.replace("<p>", "<p unknown='1'>", 1))
    assert run_tools("build", "html", doc, "-o", tmp_path / "out").returncode == 1 and not seen


def test_nesting_past_typsts_limit_is_a_located_exit_1_in_print(run_tools, tmp_path):
    """Typst's parser has its own limit on nested markup (some 60 <hi> in one another): a valid document past it
    gets a located error naming the deepest element (exit 1), never an internal error; below it, it prints."""
    doc = _write(tmp_path, "deep100.xml", _nested(100))
    result = run_tools("build", "pdf", doc, "-o", tmp_path / "out")
    line = _nested(100)[:_P].count("\n") + 1
    assert result.returncode == 1, result.stderr
    assert f"deep100.xml:{line}:1: error: elements nested" in result.stderr and "internal" not in result.stderr
    shallow = _write(tmp_path, "deep30.xml", _nested(30))
    assert run_tools("build", "pdf", shallow, "-o", tmp_path / "out").returncode == 0
