"""Untrusted XML cannot make any command read other files, reach the network or expand entities.

Regression tests for a hole found in review: the builders once handed the file's path to Saxon, whose own
parser loads external DTDs and expands entities; the safe parse only looked at raw UTF-8 bytes.
"""
from __future__ import annotations

import pytest

from conftest import FIXTURES

SECRET = "SECRET-MUST-NOT-LEAK"


@pytest.fixture
def bait(tmp_path):
    """The hostile documents, in tmp_path/in (outputs go beside it: never among the sources)."""
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET)
    (tmp_path / "evil.dtd").write_text(f'<!ENTITY xxe SYSTEM "{secret.as_uri()}">')
    base = (FIXTURES / "valid" / "minimal.xml").read_text(encoding="utf-8")
    base = base.replace('href="../../../schema', 'href="../schema').replace("сөйледі.", "сөйледі &xxe;.")
    docs = {
        "external-dtd.xml": base.replace("<TEI ", f'<!DOCTYPE TEI SYSTEM "{(tmp_path / "evil.dtd").as_uri()}">\n<TEI ', 1),
        "internal-subset.xml": base.replace("<TEI ", f'<!DOCTYPE TEI [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>\n<TEI ', 1),
    }
    (tmp_path / "in").mkdir()
    for name, text in docs.items():
        (tmp_path / "in" / name).write_text(text, encoding="utf-8")
    # UTF-16 without a byte-order mark: a byte pattern cannot see "<!ENTITY" in it
    (tmp_path / "in" / "utf16-nobom.xml").write_bytes(
        docs["internal-subset.xml"].replace('encoding="UTF-8"', 'encoding="UTF-16"').encode("utf-16-le"))
    return tmp_path / "in"


def _no_leak(result, out_dir):
    assert result.returncode != 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr and SECRET not in result.stdout + result.stderr
    for f in out_dir.rglob("*") if out_dir.exists() else []:
        if f.is_file():
            assert SECRET.encode() not in f.read_bytes(), f


@pytest.mark.parametrize("doc", ["external-dtd.xml", "internal-subset.xml", "utf16-nobom.xml"])
def test_validate_refuses_dtds_and_entities(run_tools, bait, doc):
    result = run_tools("validate", bait / doc)
    assert result.returncode == 1 and "refused for safety" in result.stdout
    assert SECRET not in result.stdout + result.stderr


@pytest.mark.parametrize("doc", ["external-dtd.xml", "internal-subset.xml", "utf16-nobom.xml"])
@pytest.mark.parametrize("target", ["html", "pdf"])
@pytest.mark.parametrize("force", [False, True])
def test_builds_never_expand_entities_even_with_force(run_tools, bait, doc, target, force):
    out = bait.parent / f"out-{target}-{force}"
    args = ["build", target, bait / doc, "-o", out] + (["--force"] if force else [])
    result = run_tools(*args)
    _no_leak(result, out)
    assert "refused for safety" in result.stderr


@pytest.mark.parametrize("command", [["check"], ["suggest", "ocr"], ["tag", "dates"]])
def test_other_commands_refuse_them_too(run_tools, bait, command):
    result = run_tools(*command, bait / "external-dtd.xml")
    _no_leak(result, bait.parent / "none")
