"""Our schema stays inside TEI: generated in step, accepted documents accepted by tei_all, lxml agrees with jing."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from conftest import EDITION, FIXTURES, ROOT

RNG = ROOT / "schema" / "kse-edition.rng"
TEI_ALL = ROOT / "schema" / "vendor" / "tei_all.rng"
JING = shutil.which("jing")
# documents that differ only in what the grammar says (no Schematron-only faults): tools validate ≡ jing
GRAMMAR_CORPUS = sorted([EDITION, *(FIXTURES / "valid").glob("*.xml"), *(FIXTURES / "rng-corpus").glob("*.xml")])
# every well-formed document we have, Schematron faults included: lxml's RELAX NG ≡ jing's
ALL_DOCS = sorted([*GRAMMAR_CORPUS, *(FIXTURES / "invalid").glob("*.xml")])


def jing_valid(schema: Path, doc: Path) -> bool:
    result = subprocess.run([JING, str(schema), str(doc)], capture_output=True, text=True, timeout=120)
    return result.returncode == 0


def lxml_valid(doc: Path) -> bool | None:
    """RELAX NG verdict of lxml; None when the file is not well-formed or uses entities (not a grammar question)."""
    data = doc.read_bytes()
    if b"<!ENTITY" in data or not data.strip():
        return None
    try:
        tree = etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False))
    except etree.XMLSyntaxError:
        return None
    return etree.RelaxNG(etree.parse(str(RNG))).validate(tree)


def test_jing_is_installed():
    assert JING, "jing (Debian package 'jing') is needed: run ./setup.sh"


def test_schema_is_generated_from_customization():
    result = subprocess.run([sys.executable, "-m", "tools", "schema", "--check"], cwd=ROOT, capture_output=True,
                            text=True)
    assert result.returncode == 0, result.stderr


def test_vendored_tei_all_keeps_its_licence_header():
    head = TEI_ALL.read_text(encoding="utf-8")[:6000]
    assert "4.3.0" in head and "BSD-2" in head and "TEI Consortium" in head


@pytest.mark.slow
def test_edition_valid_against_tei_all():
    assert jing_valid(TEI_ALL, EDITION)


WELL_FORMED = [d for d in ALL_DOCS if lxml_valid(d) is not None]


@pytest.mark.slow
def test_corpus_has_both_verdicts():
    verdicts = [lxml_valid(d) for d in GRAMMAR_CORPUS]
    assert verdicts.count(True) >= 10 and verdicts.count(False) >= 10


@pytest.mark.slow
@pytest.mark.parametrize("doc", WELL_FORMED, ids=lambda p: p.name)
def test_lxml_and_jing_agree_on_the_grammar(doc):
    assert lxml_valid(doc) == jing_valid(RNG, doc)


@pytest.mark.slow
@pytest.mark.parametrize("doc", GRAMMAR_CORPUS, ids=lambda p: p.name)
def test_tools_validate_and_jing_agree(doc):
    from tools.core.validate import validate_paths

    assert validate_paths([doc]).ok == jing_valid(RNG, doc)


@pytest.mark.slow
@pytest.mark.parametrize("doc", WELL_FORMED, ids=lambda p: p.name)
def test_what_we_accept_tei_all_accepts(doc):
    if lxml_valid(doc):
        assert jing_valid(TEI_ALL, doc)


# -- tei_all: `tools validate` (tei_all pruned to each document's elements) ≡ jing on the whole tei_all -------

# documents we wrote, modelled on real projects (tests/fixtures/realworld/README.md), and the other foreign
# fixtures; each judged by tei_all whatever it declares (--schema tei_all)
TEI_ALL_CORPUS = sorted([*(FIXTURES / "realworld").glob("*.xml"), *(FIXTURES / "foreign").glob("*.xml"),
                         *(FIXTURES / "declared").glob("*.xml"), *(FIXTURES / "rng-corpus").glob("*.xml"),
                         *(FIXTURES / "valid").glob("*.xml"), EDITION])


@pytest.fixture(scope="module")
def jing_on_tei_all():
    """jing's verdicts on the whole corpus, one JVM (restarted after a fatal error)."""
    import jingrun

    return jingrun.run(TEI_ALL, TEI_ALL_CORPUS)


@pytest.fixture(scope="module")
def ours_on_tei_all():
    from tools.core.validate import validate_paths

    report = validate_paths(TEI_ALL_CORPUS, schema="tei_all", use_cache=False)
    bad = report.invalid_files()
    return {doc: shown not in bad for doc, shown in zip(TEI_ALL_CORPUS, report.files)}


@pytest.mark.slow
def test_the_tei_all_corpus_has_both_verdicts(jing_on_tei_all):
    verdicts = [not errors for errors in jing_on_tei_all.values()]
    assert verdicts.count(True) >= 10 and verdicts.count(False) >= 10


@pytest.mark.slow
@pytest.mark.parametrize("doc", TEI_ALL_CORPUS, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_tei_all_verdict_is_jings(doc, jing_on_tei_all, ours_on_tei_all):
    errors = jing_on_tei_all[doc.resolve()]
    assert ours_on_tei_all[doc] == (not errors), errors[:3]
