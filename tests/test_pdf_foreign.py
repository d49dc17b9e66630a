"""The print edition of TEI that is not ours (tests/fixtures/foreign/: verse, drama, a letter, prose with
lists, tables and figures, a manuscript description, right-to-left text; and tests/fixtures/apparatus/: an
apparatus of several witnesses):
each prints (exit 0), with nearly every word of its <text> in the PDF, and the apparatus gives the readings
with their real sigla.
"""
from __future__ import annotations

import re
import subprocess
import unicodedata
from collections import Counter
from pathlib import Path

import pytest
from lxml import etree

from tools.targets.pdf import build_pdf

FIXTURES = Path(__file__).resolve().parent / "fixtures"
# the foreign samples the HTML tests share, and an apparatus of several witnesses (kept apart: the HTML
# reading view shows the lemma only, its test would miss the readings)
SAMPLES = sorted((FIXTURES / "foreign").glob("*.xml")) + [FIXTURES / "apparatus" / "several-witnesses.xml"]
TEI = "{http://www.tei-c.org/ns/1.0}"


def words(s: str) -> list[str]:
    """Words as pdftotext gives them back: soft hyphens (and the line breaks at them) gone, NFC, and Arabic
    vowel signs dropped (the shaper puts the tanwin of "وشكراً" before its alif, pdftotext keeps that order)."""
    s = re.sub(r"[\u064b-\u065f\u0670]", "", unicodedata.normalize("NFC", s))
    return re.findall(r"\w+", re.sub(r"\xad+\s*", "", s))


def pdf_text(pdf: Path, *options: str) -> str:
    return subprocess.run(["pdftotext", *options, str(pdf), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def printed(tmp_path_factory):
    out = tmp_path_factory.mktemp("foreign")
    samples = SAMPLES
    pdfs = build_pdf(samples, out, force=True)   # foreign TEI: no schema of ours to validate against
    return dict(zip((s.name for s in samples), pdfs))


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
def test_words_of_the_text_are_printed(printed, sample):
    name = sample.name
    text = etree.parse(str(sample)).find(f".//{TEI}text")
    expected = words(" ".join(text.itertext()))
    found = Counter(words(pdf_text(printed[name])))
    missing = []
    for w in expected:
        if found[w]:
            found[w] -= 1
        else:
            missing.append(w)
    share = 1 - len(missing) / len(expected)
    # the Arabic word الله set inside a left-to-right line comes back from pdftotext reversed (rtl.xml): 1 word
    assert share >= 0.95, f"{name}: {share:.1%} of {len(expected)} words printed; missing {missing[:20]}"
    assert len(missing) <= 1, f"{name}: missing {missing}"


def test_apparatus_of_several_witnesses_has_their_sigla(printed):
    text = re.sub(r"\s+", " ", re.sub(r"\xad+\s*", "", pdf_text(printed["several-witnesses.xml"])))
    for entry in ("өткіздік] өткіздім R; өтіп едік M",       # two readings, each with its siglum (@n)
                  "өткіздік] жоқ R K (R: erased)",            # an omission, two witnesses, a witDetail
                  "қалған] қалған K; қалғанда M. M adds",     # a reading group, a note inside app
                  "1 4 қалды] толды R M"):                    # an app in verse line 1, keyed by its number
        assert entry in text, f"{entry!r} not in the apparatus"
    # the sigla come from listWit (@n, or abbr[@type='siglum']: K), and the list of sigla explains them
    listed = re.sub(r"\s+", " ", pdf_text(printed["several-witnesses.xml"], "-raw"))   # in the order set: siglum, witness
    assert "K Kazan print, 1909" in listed and "P Petersburg manuscript" in listed
    assert " W " not in text and "веб-көшірмесі" not in text    # not the Kazakh edition's witness


def test_right_to_left_passages_are_set_right_to_left(printed):
    """Arabic and Hebrew paragraphs keep their words in reading order (pdftotext marks them RTL), in fonts
    that have the letters (Noto Naskh Arabic, Noto Serif Hebrew), all embedded."""
    text = pdf_text(printed["rtl.xml"])
    assert "الحمد لله رب العالمين" in text and "בראשית ברא אלהים" in text
    fonts = subprocess.run(["pdffonts", str(printed["rtl.xml"])], capture_output=True, text=True).stdout
    assert "NotoNaskhArabic" in fonts and "NotoSerifHebrew" in fonts
    assert all(line.split()[-5] == "yes" for line in fonts.splitlines()[2:] if line.strip())


def test_manuscript_description_is_printed(printed):
    text = re.sub(r"\s+", " ", pdf_text(printed["msdesc.xml"]))
    for part in ("Almaty, Test Library, MS 1", "Parchment, one leaf.", "Written in the fourteenth century.",
                 "One careful gothic hand."):
        assert part in text, part


ODD = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="x-none"><teiHeader><fileDesc><titleStmt><title/>
<title type="sub">One</title><title type="sub">Two</title></titleStmt><publicationStmt><p/></publicationStmt>
<sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><group><text xml:lang="123"><body><div><head/>
<p>Alpha<note>a note <note>in a note</note> with <choice><sic>eror</sic><corr>error</corr></choice></note> beta
<app><lem>gamma <app><lem>delta</lem><rdg wit="#nobody">epsilon</rdg></app></lem><rdg>zeta</rdg></app>
<choice><orig>eta</orig><reg>theta</reg></choice> <choice><abbr>i.e.</abbr><expan>id est</expan></choice>
<choice><unclear>iota</unclear><unclear>kappa</unclear></choice> <hi rend="weird;{}">lambda</hi>
<note place="end">an endnote</note> <note place="inline">inline</note> <note type="editorial">ed</note></p>
<list><item/><item><p>mu</p><list><item>nu</item></list></item></list><table><row><cell cols="x"/>
<cell cols="3">xi</cell></row></table><lg><l/><l n="v">omicron</l></lg><sp><speaker/><p>pi</p></sp>
<floatingText><body><p>rho</p></body></floatingText><figure><head/><figDesc/></figure>
<quote><l>sigma</l></quote><cit><quote>tau</quote><bibl>upsilon</bibl></cit></div></body></text>
<text><body><p>phi <supplied>chi</supplied> <sic>psi</sic> <corr>omega</corr></p></body></text></group></text></TEI>"""


def test_odd_structures_print(tmp_path):
    """Empty titles and heads, notes in notes, an app in an app, choice of two unclears, two subtitles (the
    XPTY0004 of the old print target), a language tag Typst would refuse, nested texts in a group: the book
    is printed, every word of the text in it."""
    (tmp_path / "src").mkdir()  # outputs never go among the sources
    src = tmp_path / "src" / "odd.xml"
    src.write_text(ODD, encoding="utf-8")
    [pdf] = build_pdf([src], tmp_path / "out", force=True)
    text = " ".join(words(pdf_text(pdf)))
    # (not "epsilon": the reading of an app inside a lemma is no entry of its own in the common layer's model)
    for w in ("Alpha", "note", "error", "beta", "gamma", "delta", "zeta", "theta", "eta", "id", "iota",
              "lambda", "endnote", "inline", "mu", "nu", "xi", "omicron", "pi", "rho", "sigma", "tau", "upsilon",
              "phi", "chi", "psi", "omega", "One", "Two"):
        assert re.search(rf"\b{w}\b", text), w
