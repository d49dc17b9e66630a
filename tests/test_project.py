"""The project file (edition.toml): found like git finds its repository, strict about its keys, used by every command."""
from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import ROOT
from tools.cli import cli
from tools.core.errors import ToolError
from tools.core.project import expand, find_project, load_project


def test_the_kazakh_edition_is_described_by_its_project_file():
    project = find_project(ROOT / "tei" / "witness")  # found from a folder below
    assert project.file == ROOT / "edition.toml"
    assert project.languages == ("kk", "en", "ru") and project.default_language == "kk"
    assert [p.name for p in project.document_files()] == ["kazakhstan-1920-1932.xml"]
    assert project.witness_for(ROOT / "tei" / "kazakhstan-1920-1932.xml").name == "000_2a7645c052e16c4f.txt"
    assert project.rng.name == "kse-edition.rng" and project.editors == ("ed",)


def test_no_project_file_means_toolkit_defaults(tmp_path):
    project = find_project(tmp_path)
    assert project.file is None and project.languages == ("en",) and project.rng is None
    with pytest.raises(ToolError) as err:
        expand([], project)
    assert err.value.exit_code == 2 and "no edition.toml" in str(err.value)


def test_unknown_key_is_refused(tmp_path):
    (tmp_path / "edition.toml").write_text('[edition]\ndocumnets = ["*.xml"]\n', encoding="utf-8")
    with pytest.raises(ToolError) as err:
        load_project(tmp_path)
    assert err.value.exit_code == 2 and "unknown key 'documnets' in [edition]" in str(err.value)


def test_broken_toml_is_located(tmp_path):
    (tmp_path / "edition.toml").write_text('[edition]\nname = "x\n', encoding="utf-8")
    with pytest.raises(ToolError) as err:
        load_project(tmp_path)
    assert err.value.problems and err.value.problems[0].line == 2
    assert str(err.value).startswith(f"{tmp_path / 'edition.toml'}:2:")


def test_bad_language_code_is_refused(tmp_path):
    (tmp_path / "edition.toml").write_text('[interface]\nlanguages = ["Kazakh"]\n', encoding="utf-8")
    with pytest.raises(ToolError) as err:
        load_project(tmp_path)
    assert "language codes" in str(err.value)


def test_documents_that_match_nothing_are_a_usage_error(tmp_path):
    (tmp_path / "edition.toml").write_text('[edition]\ndocuments = ["texts/*.xml"]\n', encoding="utf-8")
    with pytest.raises(ToolError) as err:
        expand([], load_project(tmp_path))
    assert err.value.exit_code == 2 and "match no file" in str(err.value)


def test_project_option_names_the_edition_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # no project here: --project points to the Kazakh edition
    result = CliRunner().invoke(cli, ["--project", str(ROOT), "validate"])
    assert result.exit_code == 0, result.output
    assert "kazakhstan-1920-1932.xml: judged by" in result.output


def test_folder_expansion_skips_hidden_witness_and_output_folders(tmp_path):
    for rel in ("a.xml", "sub/b.xml", ".hidden/c.xml", "witness/d.xml", "out/html/e.xml"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_text("<x/>")
    (tmp_path / "out" / "html" / ".tools-output").write_text("")
    found = sorted(p.relative_to(tmp_path).as_posix() for p in expand([tmp_path], find_project(tmp_path)))
    assert found == ["a.xml", "sub/b.xml"]
