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
MATHML = "{http://www.w3.org/1998/Math/MathML}"


def prose_text(element) -> str:
    """The text of an element without its MathML: a formula is set as math (its letters are the mathematical
    italic ones, its superscripts touch their bases), not as words; test_mathml_is_set_as_math reads it."""
    parts = []
    for node in element.iter():
        if isinstance(node.tag, str) and node.tag.startswith(MATHML):
            if node.tail and not node.getparent().tag.startswith(MATHML):
                parts.append(node.tail)
            continue
        if any(a.tag.startswith(MATHML) for a in node.iterancestors() if isinstance(a.tag, str)):
            continue
        parts.extend(t for t in (node.text if isinstance(node.tag, str) else None, node.tail) if t)
    return " ".join(parts)


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
    expected = words(prose_text(text))
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
    for entry in ("өткіздік P K] өткіздім R; өтіп едік M",   # two readings, each with its siglum (@n)
                  "өткіздік P] жоқ R K (R erased)",            # an omission, two witnesses, a witDetail
                  "қалған P R] қалған K; қалғанда M M adds",   # a reading group, a note inside app
                  "1 4 қалды P] толды R M"):                   # an app in verse line 1, keyed by its number
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


def test_mathml_is_set_as_math(printed):
    """The MathML of manuscript.xml is set by Typst's math (h = r² x), its text in reading order; its link
    (href="javascript:…") is no link in the PDF, and nothing in the PDF can act (no actions, no scripts)."""
    import pikepdf

    pdf = printed["manuscript.xml"]
    text = re.sub(r"\s+", "", unicodedata.normalize("NFKC", pdf_text(pdf)))
    # mathematical italic h, r, x (NFKC: plain letters); the script element's text stays text, upright
    assert "h=r2xalert(2)" in text
    with pikepdf.open(pdf) as doc:
        for page in doc.pages:
            for annot in page.get("/Annots", []):
                assert annot.get("/Subtype") != "/Link" or "/URI" not in repr(annot.get("/A", {}))
        everything = b"".join(obj.read_bytes() if isinstance(obj, pikepdf.Stream) else repr(obj).encode()
                              for obj in doc.objects)
    for action in (b"/JavaScript", b"/JS", b"/URI", b"/Launch", b"javascript"):
        assert action not in everything, action


HOSTILE_MATH = r"""<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>Math</title></titleStmt>
<publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader><text><body><div>
<p>Before <formula><math xmlns="http://www.w3.org/1998/Math/MathML" display="block"><mrow><mi>a</mi><mo>+</mo>
<mfrac><mn>1</mn><msqrt><mi>q</mi></msqrt></mfrac><mo>&#x2212;</mo><mroot><mi>z</mi><mn>3</mn></mroot></mrow>
<msubsup><mo>&#x2211;</mo><mi>i</mi><mi>n</mi></msubsup><munderover><mo>&#x222B;</mo><mn>0</mn><mn>9</mn></munderover>
<mover><mi>v</mi><mo>^</mo></mover><munder><mi>lim</mi><mi>k</mi></munder><mspace width="thickmathspace"/>
<mtext>"quote\ #hash $dollar [bracket] */comment</mtext><mi mathvariant="normal">sin</mi><mi>)); panic("x</mi>
<mfenced open="[" close="]"><mi>p</mi><mi>w</mi></mfenced><ms>lit</ms><msub><mi>y</mi><mn>7</mn></msub>
<mtable><mtr><mtd><mn>5</mn></mtd><mtd><mn>6</mn></mtd></mtr><mtr><mtd><mn>8</mn></mtd></mtr></mtable>
<mphantom><mi>hidden</mi></mphantom><semantics><mi>s</mi><annotation encoding="TeX">\\frac</annotation></semantics>
<unknown>strange</unknown></math></formula> after.</p></div></body></text></TEI>"""


def test_mathml_of_every_kind_prints_and_no_character_escapes(tmp_path):
    """Every mapped MathML element, with text that would be Typst syntax in markup, code or math mode: the
    book prints, every token comes back as it was written (the phantom is hidden, the annotation dropped)."""
    (tmp_path / "src").mkdir()  # outputs never go among the sources
    src = tmp_path / "src" / "math.xml"
    src.write_text(HOSTILE_MATH, encoding="utf-8")
    [pdf] = build_pdf([src], tmp_path / "out", force=True)
    text = unicodedata.normalize("NFKC", pdf_text(pdf))
    for token in ('"quote\\ #hash $dollar [bracket] */comment', "sin", ')); panic("x', "strange", "lit", "Before", "after"):
        assert token in text, token
    flat = re.sub(r"\s+", "", text)
    for token in ("a+", "1", "q", "z", "3", "y7", "[p,w]", "56", "8", "∑", "∫", "lim"):
        assert token in flat, token
    assert "hidden" not in flat and "frac" not in flat


def test_force_repairs_bad_ids_for_print(tmp_path, run_tools):
    """--force renames malformed and duplicate xml:ids in memory, one located warning each (as for HTML),
    and the PDF is printed with every paragraph."""
    from test_repair import DOC

    (tmp_path / "src").mkdir()  # outputs never go among the sources
    src = tmp_path / "src" / "ids.xml"
    src.write_text(DOC, encoding="utf-8")
    assert run_tools("build", "pdf", src, "-o", tmp_path / "out").returncode == 1
    done = run_tools("build", "pdf", src, "-o", tmp_path / "out", "--force")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count(": warning: ") == 3 and f"{src}:6:8: warning: malformed xml:id" in done.stderr
    text = re.sub(r"\s+", " ", pdf_text(tmp_path / "out" / "pdf" / "ids.pdf"))
    assert "Third, a duplicate." in text and "Fourth, a number." in text


def test_labels_follow_the_interface_language(tmp_path):
    """The labels are the label data's (xslt/common/labels), in the first interface language: the project's
    (Kazakh here), or English when asked; the manuscript description's fields have their labels, not the
    names of their elements."""
    src = FIXTURES / "foreign" / "msdesc.xml"
    [kk] = build_pdf([src], tmp_path / "kk", force=True)
    [en] = build_pdf([src], tmp_path / "en", force=True, params={"languages": "en kk"})
    kk_text, en_text = (re.sub(r"\s+", " ", re.sub(r"\xad\s*", "", pdf_text(p))) for p in (kk, en))
    assert "Мазмұны" in kk_text and "Қолжазбаның сипаттамасы" in kk_text and "Парақтар fol. 1r" in kk_text
    assert "Contents" in en_text and "Manuscript description" in en_text and "Folios fol. 1r" in en_text
    assert "Мазмұны" not in en_text
    for text in (kk_text, en_text):
        assert "SUPPORT DESC" not in text and "MS ITEM" not in text and "ms-" not in text


def test_front_and_back_matter_of_a_right_to_left_text_are_in_the_labels_language(tmp_path):
    """An Arabic text's book: the text is set right to left, its colophon and introduction (the labels'
    language, English here) left to right, the direction said each time it changes."""
    from tools.core.document import load
    from tools.targets.pdf import typst_source

    source = typst_source(load(FIXTURES / "realworld" / "arabic.xml"), {"languages": "en"})
    front, rest = source.split("#k.start-text()", 1)
    text, back = rest.split('#set text(lang: "en"', 1)
    assert '#set text(lang: "en", dir: auto, ligatures: true)' in front
    assert front.index('lang: "en", dir: auto') < front.index("k.colophon")
    assert '#set text(lang: "ar", dir: rtl, ligatures: false)' in text
    assert "dir: auto" in back.split(")", 1)[0]
    # the book's own language (the PDF's) stays the text's
    assert 'lang: "ar"' in front.split("#show: k.book.with", 1)[1].split("\n", 1)[0]
