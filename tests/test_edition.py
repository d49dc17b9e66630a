"""The edition itself: faithful to the witness word for word, complete structure, registers used."""
from __future__ import annotations

import hashlib
import json

from lxml import etree

from conftest import EDITION, ROOT
from tools.core.check import check_file, witness_text, words_with_lines

TEI = {"tei": "http://www.tei-c.org/ns/1.0"}
WITNESS = ROOT / "tei" / "witness" / "000_2a7645c052e16c4f.txt"


def tree():
    return etree.parse(str(EDITION))


def test_witness_copy_is_untouched():
    # sha256 of ../shared/seed/000_2a7645c052e16c4f.txt, the witness as received
    digest = hashlib.sha256(WITNESS.read_bytes()).hexdigest()
    assert digest == "8e2f877209f032e43a88159055178a7a77d2922482f6fe0405acb880383e6042"


def test_witness_fidelity_zero_differences():
    result = check_file(EDITION)
    assert result.witness is not None
    assert result.words == len(WITNESS.read_text(encoding="utf-8").split())
    assert result.differences == [], result.differences[:5]


def test_fidelity_check_catches_a_lost_word(tmp_path):
    text = EDITION.read_text(encoding="utf-8").replace("Интервенттер мен", "Интервенттер", 1)
    broken = tmp_path / "e.xml"
    broken.write_text(text, encoding="utf-8")
    result = check_file(broken, witness=WITNESS)
    assert [(d.kind, d.witness) for d in result.differences] == [("lost", "мен")]


def test_split_words_join_across_markup():
    p = etree.fromstring('<p xmlns="http://www.tei-c.org/ns/1.0">РК(б)П <choice><sic>ОК- нің</sic>'
                         '<corr>ОК-нің</corr></choice> және <choice><sic>ОК</sic><corr>ОК</corr></choice>-нің</p>')
    assert [w for w, _ in words_with_lines(witness_text(p))] == ["РК(б)П", "ОК-", "нің", "және", "ОК-нің"]


def test_seventy_six_paragraphs_with_ids_in_order():
    ps = tree().xpath("//tei:body//tei:p[not(ancestor::tei:note)]", namespaces=TEI)
    assert [p.get("n") for p in ps] == [str(i) for i in range(1, 77)]
    assert [p.get("{http://www.w3.org/XML/1998/namespace}id") for p in ps] == [f"p{i}" for i in range(1, 77)]


def test_the_broken_paragraph_is_joined_by_part():
    t = tree()
    assert t.xpath("string(//tei:p[@n='33']/@part)", namespaces=TEI) == "I"
    assert t.xpath("string(//tei:p[@n='34']/@part)", namespaces=TEI) == "F"


def test_residue_is_outside_the_article():
    t = tree()
    residue = " ".join(t.xpath("//tei:div[@type='residue']//text()", namespaces=TEI))
    article = " ".join(t.xpath("//tei:div[@type='article']//text()", namespaces=TEI))
    assert "UF" in residue and "ТОЛЫҒЫРАҚ" in residue and "Қаралды-463" in residue
    assert "ТОЛЫҒЫРАҚ" not in article and "Қаралды" not in article


def test_every_name_links_to_a_register_entry_of_its_kind():
    t = tree()
    ids = {el.get("{http://www.w3.org/XML/1998/namespace}id"): etree.QName(el).localname
           for el in t.xpath("//tei:standOff//*[@xml:id]", namespaces=TEI)}
    for tag, kind in (("persName", "person"), ("placeName", "place"), ("orgName", "org")):
        for el in t.xpath(f"//tei:text//tei:{tag}", namespaces=TEI):
            assert ids.get(el.get("ref", "")[1:]) == kind, (tag, el.get("ref"), el.sourceline)


def test_counts_reach_the_expected_scale():
    c = check_file(EDITION).counts
    assert c["interventions"] >= 120
    assert c["dates"] >= 100
    assert c["persons"] >= 50 and c["person_mentions"] >= c["persons"]
    assert c["paragraphs"] == 76


def test_check_command_json(run_tools):
    result = run_tools("check", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data[0]["faithful"] is True and data[0]["differences"] == []
    assert data[0]["counts"]["interventions_by_cert"]["high"] > 0


def test_check_command_text(run_tools):
    result = run_tools("check")
    assert result.returncode == 0
    assert ": 0 differences" in result.stdout and "interventions:" in result.stdout


def test_check_with_a_missing_witness_is_a_usage_error(run_tools, tmp_path):
    """Regression: a declared witness that does not exist crashed `tools check`."""
    (tmp_path / "edition.toml").write_text('[witnesses]\n"e.xml" = "witness/no.txt"\n', encoding="utf-8")
    (tmp_path / "e.xml").write_bytes(EDITION.read_bytes())
    result = run_tools("check", "e.xml", cwd=tmp_path)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "edition.toml: error: the witness of e.xml cannot be read" in result.stderr
    assert "no.txt" in result.stderr
    result = run_tools("check", tmp_path / "e.xml", "--witness", tmp_path / "missing.txt")
    assert result.returncode == 2 and "--witness: error:" in result.stderr


def test_check_takes_the_witness_from_the_project_file(run_tools, tmp_path):
    (tmp_path / "w").mkdir()
    (tmp_path / "w" / "x.txt").write_bytes(WITNESS.read_bytes())
    (tmp_path / "e.xml").write_bytes(EDITION.read_bytes())
    (tmp_path / "edition.toml").write_text('[edition]\ndocuments = ["*.xml"]\n[witnesses]\n"e.xml" = "w/x.txt"\n',
                                           encoding="utf-8")
    result = run_tools("check", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "w/x.txt: 0 differences" in result.stdout


def test_commentary_and_bibliography_are_not_witness_text():
    """Commentary notes and the bibliography are the editors' text: the witness reading skips them."""
    p = etree.fromstring(
        '<text xmlns="http://www.tei-c.org/ns/1.0"><body><p>бір<note type="commentary"><p>түсініктеме</p></note>'
        ' екі</p>\n</body><back><div type="source"><p>үш</p></div> <div type="bibliography"><listBibl>'
        '<biblStruct><monogr><title>Book</title><imprint><date>2018</date></imprint></monogr></biblStruct>'
        '</listBibl></div></back></text>')
    assert [w for w, _ in words_with_lines(witness_text(p))] == ["бір", "екі", "үш"]


def test_a_bibliography_word_in_a_witness_division_is_caught(tmp_path):
    """Only div[@type='bibliography'] is skipped: text added to the source line still counts as added."""
    text = EDITION.read_text(encoding="utf-8").replace(
        '<div type="source" xml:id="source">', '<div type="source" xml:id="source"><ab>Cameron</ab>', 1)
    broken = tmp_path / "e.xml"
    broken.write_text(text, encoding="utf-8")
    assert [(d.kind, d.edition) for d in check_file(broken, witness=WITNESS).differences] == [("added", "Cameron")]


def test_commentary_counted_apart_from_interventions():
    t = tree()
    c = check_file(EDITION).counts
    assert c["commentary"] == len(t.xpath("//tei:text//tei:note[@type='commentary']", namespaces=TEI))
    assert c["notes"] == len(t.xpath("//tei:text//tei:note[@type='editorial']", namespaces=TEI))
    assert c["bibliography"] == len(t.xpath("//tei:div[@type='bibliography']//tei:biblStruct", namespaces=TEI))
    assert c["bibliography"] >= 12


def test_commentary_notes_are_bilingual_and_cite_the_bibliography():
    t = tree()
    bib = set(t.xpath("//tei:div[@type='bibliography']//tei:biblStruct/@xml:id", namespaces=TEI))
    for note in t.xpath("//tei:text//tei:note[@type='commentary']", namespaces=TEI):
        where = note.get("{http://www.w3.org/XML/1998/namespace}id")
        assert where and where.startswith("cmt."), note.sourceline
        langs = [p.get("{http://www.w3.org/XML/1998/namespace}lang") for p in note.xpath("tei:p", namespaces=TEI)]
        assert langs == ["kk", "en"], (where, langs)
        cited = {ptr[1:] for ptr in note.xpath(".//tei:bibl/tei:ptr/@target", namespaces=TEI)}
        assert cited and cited <= bib, (where, cited - bib)


def test_register_events_are_dated_or_say_why_not():
    for ev in tree().xpath("//tei:person/tei:event", namespaces=TEI):
        assert ev.get("type") in {"arrest", "execution", "rehabilitation"}
        assert ev.get("when") or "not established" in "".join(ev.itertext()), ev.sourceline
