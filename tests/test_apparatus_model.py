"""The common apparatus model (xslt/common/common_apparatus.xsl), without any target: entries, sigla and the
text of each witness, compared with an independent Python reading of the TEI (tests/witness_text.py)."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from lxml import etree

from tools.core.saxon import transform_to_string
from witness_text import Witnesses

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "apparatus"
DUMP = FIXTURES / "model-dump.xsl"
THREE = FIXTURES / "three-witnesses.xml"


def model(src: Path, **params) -> dict:
    return json.loads(transform_to_string(DUMP, src, params))


@pytest.fixture(scope="module")
def three() -> dict:
    return model(THREE)


def test_witnesses_in_order_with_their_sigla(three):
    assert [(w["id"], w["siglum"]) for w in three["witnesses"]] == [("A", "A"), ("B", "B"), ("C-frag", "C")]


def test_each_witness_text_equals_the_independent_reading(three):
    ref = Witnesses(etree.parse(str(THREE)))
    for w in three["witnesses"]:
        assert w["text"] == ref.text(w["id"]), w["id"]
    texts = {w["id"]: w["text"] for w in three["witnesses"]}
    # the fragment begins in §2, has a lacuna in §3 and ends in §4
    assert texts["C-frag"].startswith("Incipit. Hi omnes")
    assert "fortissimi minime ad eos" in texts["C-frag"]
    assert texts["C-frag"].endswith("qui trans Rhenum incolunt")
    assert "Gallos" not in texts["B"] and "omnes divisa" in texts["B"]


def test_entries_in_the_conventional_form(three):
    lines = [e["text"] for e in three["entries"]]
    assert lines[0] == "omnis A] omnes B"
    assert "Belgae] Belge B" in lines                                # negative apparatus: lem without @wit
    assert "Gallos ab Aquitanis Garumna flumen A C] om. B (homeoteleuton)" in lines
    assert "Aquitanis A] Aquitanus C (corr. in marg.)" in lines     # nested app, witDetail
    assert "Aquitani] Aquitanii Scal. (B: Aquitani in marg.)" in lines   # a conjecture, a loose witDetail
    assert "Gallos ab Aquitanis Garumna flumen A C] om. B (homeoteleuton)" in lines
    assert "Germanis A] […] β" in lines                              # a group siglum, a gap
    assert "om. A B] Incipit. C (the witness begins)" in lines       # witStart
    assert "fortissimi A B] fortissimi C (lacuna begins)" in lines   # lacunaStart
    assert "om. A B] C (the witness ends)" in lines                  # witEnd
    assert [e["n"] for e in three["entries"]] == list(range(1, len(lines) + 1))


def test_lemma_witnesses_include_the_complement(three):
    belgae = next(e for e in three["entries"] if e["text"].startswith("Belgae]"))
    assert belgae["lemma"] == ["Belgae", ["A", "C-frag"]]
    assert belgae["readings"][0][2] == ["B"]


def test_notes_inside_app_belong_to_the_entry(three):
    entry = three["entries"][1]
    assert entry["notes"] == ["B repeats the next clause here."]
    assert entry["readings"][0][0] == ", quarum unam incolunt Belgae"


def test_single_witness_corrections_are_entries_of_the_same_model():
    mini = model(Path(__file__).resolve().parent / "fixtures" / "mini-edition.xml", **{"witness-siglum": "W"})
    assert mini["witnesses"] == []
    first = mini["entries"][0]
    assert first["kind"] == "correction" and first["text"] == "үстіне] устіне W"
    sic = next(e for e in mini["entries"] if e["kind"] == "sic")
    assert sic["text"] == "70° мың км]" and sic["readings"] == [] and sic["notes"]


def test_double_end_point_entries_are_numbered_in_the_order_of_the_text():
    dep = model(FIXTURES / "double-end-point.xml")
    lines = [(e["n"], e["method"], e["text"]) for e in dep["entries"]]
    assert lines == [(1, "double-end-point", "virumque M] virosque P"),
                     (2, "double-end-point", "Italiam] Italia P"),       # the lemma read between the anchors
                     (3, "location-referenced", "alto] alti P")]


def test_double_end_point_witness_text():
    dep = model(FIXTURES / "double-end-point.xml")
    texts = {w["id"]: w["text"] for w in dep["witnesses"]}
    assert texts["M"].startswith("Arma virumque cano, Troiae qui primus ab oris Italiam, fato")
    assert texts["P"].startswith("Arma virosque cano, Troiae qui primus ab oris Italia, fato")
