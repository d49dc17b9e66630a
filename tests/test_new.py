"""`tools new DIR`: a new edition that validates and builds out of the box, with a guide for its editor."""
from __future__ import annotations

import tomllib

from click.testing import CliRunner

from tools.cli import cli
from tools.core.project import load_project
from tools.core.validate import validate_paths


def test_new_edition_validates_and_builds_html(tmp_path, monkeypatch):
    result = CliRunner().invoke(cli, ["new", str(tmp_path / "letters"), "--title", "Letters & <Notes>",
                                      "--language", "kk", "--interface", "kk,ru,en"])
    assert result.exit_code == 0, result.output
    ed = tmp_path / "letters"
    assert sorted(p.relative_to(ed).as_posix() for p in ed.rglob("*") if p.is_file()) == [
        "GUIDE.md", "edition.toml", "schema/customization.toml", "schema/edition.rng", "schema/edition.sch",
        "tei/letters.xml"]
    project = load_project(ed)
    assert project.languages == ("kk", "ru", "en")
    doc = (ed / "tei" / "letters.xml").read_text(encoding="utf-8")
    assert "Letters &amp; &lt;Notes&gt;" in doc and '<text xml:lang="kk">' in doc
    assert '<?xml-model href="../schema/edition.rng"' in doc
    report = validate_paths([], project=project)
    assert report.ok, [p.format() for p in report.problems]
    rng, sch = list(report.schemas.values())[0].split(" + ")
    assert rng.endswith("schema/edition.rng") and sch.endswith("schema/edition.sch")
    monkeypatch.chdir(ed)
    result = CliRunner().invoke(cli, ["build", "html"])
    assert result.exit_code == 0, result.output
    assert (ed / "build" / "html" / "index.html").is_file()
    assert "Letters &amp; &lt;Notes&gt;" in (ed / "build" / "html" / "index.html").read_text(encoding="utf-8")


def test_new_schema_is_in_step_with_its_customization(tmp_path, monkeypatch):
    CliRunner().invoke(cli, ["new", str(tmp_path / "ed")])
    monkeypatch.chdir(tmp_path / "ed")
    result = CliRunner().invoke(cli, ["schema", "--check"])
    assert result.exit_code == 0, result.output
    assert tomllib.loads((tmp_path / "ed" / "schema" / "customization.toml").read_text())["source"] == "tei_all"


def test_new_refuses_a_folder_that_has_files(tmp_path):
    (tmp_path / "ed").mkdir()
    (tmp_path / "ed" / "mine.txt").write_text("keep me")
    result = CliRunner().invoke(cli, ["new", str(tmp_path / "ed")])
    assert result.exit_code == 2 and (tmp_path / "ed" / "mine.txt").read_text() == "keep me"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ed"]  # no temporary folder left behind
