"""`tools collate`: three Kazakh witnesses (omissions, an addition, a transposition, lookalike Latin
letters, a capitalised word) into TEI parallel segmentation that gives each witness back exactly."""
from pathlib import Path

import pytest
from lxml import etree

from tools.assist.collate import collate_files, default_key, paragraphs, tokenize, witness_text

FIX = Path(__file__).parent / "fixtures" / "collation"
WITS = [FIX / "A.txt", FIX / "B.txt", FIX / "C.txt"]
NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def doc():
    return collate_files(WITS, language="kk")


@pytest.fixture(scope="module")
def tree(doc):
    return etree.fromstring(doc.xml.encode("utf-8"))


def test_each_witness_read_back_exactly(doc):
    for path, siglum in zip(WITS, doc.sigla):
        assert witness_text(doc.xml, siglum) == path.read_text(encoding="utf-8")


def test_list_wit_sigla_from_file_names(tree):
    ids = tree.xpath("//t:listWit/t:witness/@xml:id", namespaces=NS)
    assert ids == ["A", "B", "C"]
    assert tree.xpath("//t:variantEncoding/@method", namespaces=NS) == ["parallel-segmentation"]


def test_every_app_names_every_witness_once(tree):
    apps = tree.xpath("//t:app", namespaces=NS)
    assert len(apps) >= 6
    for app in apps:
        wits = [w for r in app for w in r.get("wit").split()]
        assert sorted(wits) == ["#A", "#B", "#C"]
        assert etree.QName(app[0]).localname == "lem" and "#A" in app[0].get("wit").split()


def _app_with(tree, siglum, text):
    for app in tree.xpath("//t:app", namespaces=NS):
        for r in app:
            if f"#{siglum}" in r.get("wit").split() and "".join(r.itertext()).strip() == text:
                return app
    return None


def test_omission_is_an_empty_reading(tree):
    app = _app_with(tree, "A", "жаңа")
    assert app is not None
    b = [r for r in app if "#B" in r.get("wit").split()][0]
    assert b.text is None and len(b) == 0  # B omits the word


def test_addition_and_transposition(tree):
    app = _app_with(tree, "C", "1922 жылдың көктемінде")
    assert app is not None and app[0].text is None  # A and B lack it: empty lemma
    assert _app_with(tree, "C", "Ақтөбе") is not None and _app_with(tree, "C", "Бөкей") is not None


def test_lookalikes_and_case_align_but_keep_the_witness_letters(tree):
    latin = _app_with(tree, "B", "Opал")      # Latin O and p
    assert latin is not None and latin.get("type") == "orthographic"
    upper = _app_with(tree, "B", "ҚУАҢШЫЛЫҚ")
    assert upper is not None and upper.get("type") == "orthographic"
    # the lookalike word did not drag its neighbours into the variant: "пен жұт" stays shared text
    assert "пен жұт" in (upper.tail or "")


def test_normalisation_keys():
    assert default_key("Opал,", True) == default_key("Орал,", True)
    assert default_key("I.", True) == default_key("І.", True)
    assert default_key("Opal", False) == "opal"  # a Latin text keeps its letters
    from tools.lang.kk import collation_key
    assert collation_key(default_key("Самолёт", True)) == collation_key(default_key("самолет", True))


def test_tokens_and_paragraphs_lose_nothing():
    text = "  Бір, екі — үш!\n\nТөрт «бес» 6-шы.\n"
    assert "".join(tokenize(text)) == text
    assert "".join(paragraphs(text)) == text and len(paragraphs(text)) == 2


def test_cli_writes_valid_tei_all(run_tools, tmp_path):
    out = tmp_path / "c.xml"
    r = run_tools("collate", *WITS, "-o", out, "--language", "kk")
    assert r.returncode == 0, r.stderr
    assert "3 witnesses" in r.stdout
    v = run_tools("validate", out)
    assert v.returncode == 0, v.stdout + v.stderr
    assert "tei_all" in v.stdout


def test_tei_witness_and_errors(run_tools, tmp_path):
    tei = tmp_path / "D.xml"
    tei.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>D</title>'
                   '</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc>'
                   '</teiHeader><text xml:lang="kk"><body><p>Бір  екі\n үш.</p><p>Төрт <note>жоқ</note>бес.</p>'
                   '</body></text></TEI>', encoding="utf-8")
    plain = tmp_path / "E.txt"
    plain.write_text("Бір екі үш.\n\nТөрт алты бес.", encoding="utf-8")
    doc = collate_files([tei, plain])
    assert witness_text(doc.xml, "D") == "Бір екі үш.\n\nТөрт бес."  # the note is not the witness's text
    assert witness_text(doc.xml, "E") == plain.read_text(encoding="utf-8")
    assert 'xml:lang="kk"' in doc.xml
    r = run_tools("collate", plain, "-o", tmp_path / "x.xml")
    assert r.returncode == 2 and "at least two" in r.stderr
    r = run_tools("collate", plain, tmp_path / "missing.txt", "-o", tmp_path / "x.xml")
    assert r.returncode == 2 and "missing.txt" in r.stderr and not (tmp_path / "x.xml").exists()
    r = run_tools("collate", plain, tei, "-o", plain)
    assert r.returncode == 2 and plain.read_text(encoding="utf-8").startswith("Бір")


@pytest.mark.slow
def test_jing_and_html_build(run_tools, tmp_path):
    import shutil
    import subprocess

    (tmp_path / "src").mkdir()  # outputs never go among the sources
    out = tmp_path / "src" / "c.xml"
    assert run_tools("collate", *WITS, "-o", out).returncode == 0
    root = Path(__file__).resolve().parent.parent
    if shutil.which("jing"):
        j = subprocess.run(["jing", str(root / "schema" / "vendor" / "tei_all.rng"), str(out)],
                           capture_output=True, text=True)
        assert j.returncode == 0, j.stdout
    r = run_tools("build", "html", out, "-o", tmp_path / "b")
    assert r.returncode == 0, r.stderr
    html = (tmp_path / "b" / "html" / "text.html").read_text(encoding="utf-8")
    assert "Қуаңшылық" in html and "губернияларын" in html
