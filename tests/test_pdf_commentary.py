"""The commentary in print: the second series of notes, apart from the textual apparatus. Each note is
marked in the text (*1, *2 …, its own numbering), printed after the text in the interface language (the kk
or the en paragraph of the note, never both), with the paragraph and page of its mark; the works it cites
are printed in author–year form and listed in the bibliography; the apparatus numbers are not disturbed."""
from __future__ import annotations

import re
import subprocess

from tools.targets.pdf import build_pdf

DOC = """<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="kk"><teiHeader><fileDesc><titleStmt><title>Түсініктеме</title>
</titleStmt><publicationStmt><p>test</p></publicationStmt><sourceDesc><p>written for the test</p></sourceDesc></fileDesc>
</teiHeader><text xml:lang="kk"><body><div>
<p n="1">Бірінші <choice><sic>сөйлем</sic><corr cert="high">сөйлемі</corr></choice> осында.<note type="commentary" xml:id="cmt.a"><p xml:lang="kk">Қазақша түсініктеме алпha. Әдебиет: <bibl><ptr target="#bib.cam"/>, <citedRange unit="page">12–14</citedRange></bibl>.</p><p xml:lang="en">English comment betaword. Sources: <bibl><ptr target="#bib.cam"/>, <citedRange unit="page">12–14</citedRange></bibl>.</p></note> Тағы <choice><sic>бip</sic><corr cert="medium">бір</corr></choice> сөз.</p>
<p n="2">Екінші абзац.<note type="commentary" xml:id="cmt.b"><p xml:lang="kk">Екінші гаммасөз.</p><p xml:lang="en">Second deltaword.</p></note></p>
</div></body><back><div type="bibliography" xml:lang="en"><head>Works cited</head><listBibl>
<biblStruct xml:id="bib.cam"><monogr><author><forename>Sarah</forename> <surname>Cameron</surname></author>
<title level="m">The Hungry Steppe</title><imprint><pubPlace>Ithaca</pubPlace><publisher>Cornell University Press</publisher>
<date when="2018">2018</date></imprint></monogr></biblStruct></listBibl></div></back></text></TEI>"""


def text_of(pdf) -> str:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", re.sub(r"\xad\s*", "", out))


def test_commentary_is_a_second_series_in_the_interface_language(tmp_path):
    (tmp_path / "src").mkdir()  # outputs never go among the sources
    src = tmp_path / "src" / "c.xml"
    src.write_text(DOC, encoding="utf-8")
    [kk] = build_pdf([src], tmp_path / "kk", force=True, params={"languages": "kk en"})
    [en] = build_pdf([src], tmp_path / "en", force=True, params={"languages": "en kk"})
    kk_text, en_text = text_of(kk), text_of(en)
    # marks in the text, in their own series; the apparatus keeps its numbers 1, 2
    assert "осында.*1 Тағы" in kk_text and "абзац.*2" in kk_text
    assert "1 сөйлемі] сөйлем W" in kk_text and "2 бір] бip W" in kk_text
    # the notes after the text, each in the interface language only, with the paragraph of its mark
    assert "Түсініктемелер" in kk_text and "Commentary" in en_text
    assert re.search(r"\*1 ¶ 1, \d+ Қазақша түсініктеме", kk_text) and "betaword" not in kk_text
    assert re.search(r"\*1 ¶ 1, \d+ English comment betaword", en_text) and "алпha" not in en_text
    assert re.search(r"\*2 ¶ 2, \d+ Екінші гаммасөз", kk_text) and "deltaword" in en_text
    # citations in author–year form, the work in the bibliography
    assert "Cameron 2018, 12–14" in kk_text and "Cameron 2018, 12–14" in en_text
    # the bibliography under the interface's heading (as on bibliography.html), its entry as the common layer
    # formats it (Chicago author-date: the same words as the HTML's)
    assert "Түсініктемеде сілтеме жасалған әдебиет" in kk_text and "Works cited in the commentary" in en_text
    assert "Cameron, Sarah. 2018. The Hungry Steppe. Ithaca: Cornell University Press." in en_text
