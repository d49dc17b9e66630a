"""`tools validate` on any TEI: each file judged by the schema it declares, the project's, or tei_all — and says which.

tei_all verdicts come from tei_all pruned to the document's elements (tools.core.teiall); they must be
jing's on the full tei_all, document by document (the wider corpus is in test_conformance.py).
"""
from __future__ import annotations

import shutil
import subprocess

import pytest
from click.testing import CliRunner

from conftest import EDITION, FIXTURES, ROOT
from tools.cli import cli
from tools.core.project import find_project
from tools.core.validate import choose_schema, validate_paths
from tools.core.xmlsafe import parse_file

DECLARED = FIXTURES / "declared"
TEI_ALL = ROOT / "schema" / "vendor" / "tei_all.rng"
JING = shutil.which("jing")


def judge(path):
    return choose_schema(parse_file(path), path, find_project(ROOT))


def test_a_remote_schema_falls_back_to_tei_all_with_a_warning():
    schema = judge(DECLARED / "remote-schema.xml")
    assert schema.is_tei_all and schema.label == "tei_all (TEI P5 4.3.0)"
    assert any("https://example.org/schemas/project.rng cannot be had here" in w for w in schema.warnings)
    report = validate_paths([DECLARED / "remote-schema.xml"])
    assert report.ok and any(p.severity == "warning" and "judged by tei_all instead" in p.message
                             for p in report.problems)


def test_a_declared_tei_all_is_ours_without_a_warning():
    schema = judge(DECLARED / "tei-all-url.xml")
    assert schema.is_tei_all and not schema.warnings
    report = validate_paths([DECLARED / "tei-all-url.xml"])
    assert not report.ok
    assert [p.message for p in report.problems if p.severity == "error"] == [
        "element <unknownThing> is not part of the schema"]


def test_a_local_declared_schema_judges_its_document():
    schema = judge(DECLARED / "local-schema.xml")
    assert schema.rng == (DECLARED / "local.rng").resolve() and not schema.is_tei_all
    report = validate_paths([DECLARED / "local-schema.xml"])
    assert not report.ok  # local.rng allows no <hi>; tei_all would
    assert report.schemas[next(iter(report.schemas))].endswith("local.rng")


def test_a_compact_syntax_schema_judges_its_document_and_a_missing_schematron_is_named(tmp_path):
    schema = judge(DECLARED / "compact-schema.xml")
    assert schema.rng == (DECLARED / "project.rnc").resolve() and schema.schematron is None
    assert "missing.sch does not exist" in " ".join(schema.warnings)
    report = validate_paths([DECLARED / "compact-schema.xml"], use_cache=False)
    assert report.ok and report.schemas[next(iter(report.schemas))].endswith("project.rnc")
    # project.rnc allows no <facsimile>, which tei_all allows: the verdict is the .rnc's
    doc = tmp_path / "compact.xml"
    (tmp_path / "project.rnc").write_bytes((DECLARED / "project.rnc").read_bytes())
    doc.write_text((DECLARED / "compact-schema.xml").read_text(encoding="utf-8").replace(
        "  <text>", '  <facsimile><graphic url="f1.png"/></facsimile>\n  <text>'), encoding="utf-8")
    report = validate_paths([doc], use_cache=False)
    assert not report.ok
    assert any("facsimile" in p.message for p in report.problems if p.severity == "error"), report.problems


def test_a_broken_compact_syntax_schema_falls_back_to_tei_all_with_a_warning(tmp_path):
    (tmp_path / "broken.rnc").write_text("start = element TEI {", encoding="utf-8")
    doc = tmp_path / "doc.xml"
    doc.write_text((DECLARED / "compact-schema.xml").read_text(encoding="utf-8").replace("project.rnc", "broken.rnc"),
                   encoding="utf-8")
    report = validate_paths([doc], use_cache=False)
    assert report.ok, report.problems  # tei_all accepts the document
    warnings = [p.message for p in report.problems if p.severity == "warning"]
    assert any("broken.rnc is not valid RELAX NG compact syntax" in w and "judged by tei_all instead" in w
               for w in warnings), warnings


def test_the_project_schema_judges_the_project_documents():
    schema = judge(EDITION)
    assert schema.rng == ROOT / "schema" / "kse-edition.rng"
    assert schema.schematron == ROOT / "schema" / "kse-edition.sch"


def test_a_document_outside_the_project_without_a_declaration_is_judged_by_tei_all(tmp_path):
    doc = tmp_path / "plain.xml"
    doc.write_text((DECLARED / "remote-schema.xml").read_text(encoding="utf-8").split("?>", 2)[2].split("-->", 1)[1],
                   encoding="utf-8")
    schema = choose_schema(parse_file(doc), doc, find_project(tmp_path))
    assert schema.is_tei_all and not schema.warnings


def test_validate_says_which_schema_judged_each_file():
    result = CliRunner().invoke(cli, ["validate", str(EDITION), str(FIXTURES / "foreign" / "verse.xml")])
    assert result.exit_code == 0, result.output
    assert "kazakhstan-1920-1932.xml: judged by schema/kse-edition.rng + schema/kse-edition.sch" in result.output
    assert "verse.xml: judged by tei_all (TEI P5 4.3.0)" in result.output


@pytest.mark.slow
@pytest.mark.parametrize("doc", sorted([*(FIXTURES / "foreign").glob("*.xml"), DECLARED / "tei-all-url.xml",
                                        DECLARED / "remote-schema.xml"]), ids=lambda p: p.name)
def test_tei_all_verdicts_are_jings(doc):
    assert JING, "jing (Debian package 'jing') is needed: run ./setup.sh"
    jing = subprocess.run([JING, str(TEI_ALL), str(doc)], capture_output=True, timeout=120).returncode == 0
    assert validate_paths([doc]).ok == jing
