"""The reading text in another script (xslt/html/html_script.xsl, tools/targets/html.py script_data): the
Kazakh pack offers the Latin alphabet of 2021, and the HTML edition gets a page text-latn.html built from
the reading text, plus the Latin form of every register name. The generic target asks the pack; it knows no
alphabet itself (a document in a language without a pack gets no such page).
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import html as lhtml

from tools.targets.html import build_html, script_data
from tools.core.document import load

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini-edition.xml"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("latn-src") / "mini.xml"
    # a register entry giving its own Latin form (kk-Latn), to be used for the name wherever it stands, inflected too
    text = MINI.read_text(encoding="utf-8").replace(
        '<persName type="normalized">Владимир Ильич Ленин</persName>',
        '<persName type="normalized">Владимир Ильич Ленин</persName>'
        '<persName xml:lang="kk-Latn">Vladimir Ilyich Lenin</persName>')
    src.write_text(text, encoding="utf-8")
    return build_html([src], tmp_path_factory.mktemp("latn")).parent


def page(site, name):
    return lhtml.parse(str(site / name)).getroot()


def text_of(el) -> str:
    return " ".join(el.text_content().split())


def test_script_data_comes_from_the_pack():
    data = script_data(load(MINI))
    assert set(data) == {"kk"} and set(data["kk"]) == {"Latn"}
    words = data["kk"]["Latn"]["words"]
    assert words["Қазақстанда"] == "Qazaqstanda" and words["мартта"] == "martta"
    assert "Two" not in words            # the English note's words do not change, so they are not sent
    assert data["kk"]["Latn"]["letters"]["ң"] == "ñ"


def test_latin_page_is_the_reading_text(site):
    root = page(site, "text-latn.html")
    article = root.xpath("//article[contains(@class, 'edition-script')]")[0]
    assert article.get("lang") == "kk-Latn"
    p2 = text_of(article.xpath(".//p[@id='p2']")[0])
    assert "1921 jyly 8-16 martta" in p2              # the corrections (жыды -> жылы) are the text
    assert "jyly" in p2 and "jydy" not in p2 and "kün" in p2 and "kun " not in p2
    assert "partiianyñ 10-sezı öttı" in p2            # ъ left out, ы y, і ı
    assert "Съезд" not in p2 and "Sezd ūlt mäselesıne" in p2
    # no witness readings, apparatus marks, tooltips or editorial notes: they are on text.html
    # (a passage left unmended, sic alone, is the text: it stays)
    assert not article.xpath(".//*[contains(concat(' ', @class, ' '), ' sic ') or contains(@class, 'app-mark') "
                             "or contains(@class, 'app-tip') or contains(@class, 'para-app')]")
    assert "Two days before" not in text_of(article)
    # the heading, and a paragraph number that is a permalink of this page
    assert text_of(article.xpath(".//h2[@class='head'] | .//h1[@class='head'] | .//*[@class='head']")[0]).startswith("QAZAQSTAN HALYQ")
    assert article.xpath(".//p[@id='p1']/a[@class='pnum'][@href='#p1']")


def test_names_keep_their_links_and_take_the_registers_forms(site):
    root = page(site, "text-latn.html")
    lenin = root.xpath("//article//a[@href='persons.html#pers.lenin']")
    # the register gives "Vladimir Ilyich Lenin": its word for Ленин is used, with the ending by the table
    assert [text_of(a) for a in lenin] == ["V. İ. Lenin", "Leninnıñ"]
    assert lenin[0].get("title") == "Vladimir Ilyich Lenin 1870–1924"
    mendeshev = root.xpath("//article//a[@href='persons.html#pers.mendeshev']")[0]
    assert text_of(mendeshev) == "S. M. Meñdeşev"      # no form given: the table
    place = root.xpath("//article//a[@href='places.html#pl.moscow']")[0]
    assert text_of(place) == "Moskvada"


def test_other_languages_are_left_as_they_are(site, tmp_path):
    (tmp_path / "src").mkdir()  # outputs never go among the sources
    src = tmp_path / "src" / "ru.xml"
    src.write_text(MINI.read_text(encoding="utf-8").replace(
        "газетінде жазды", 'газетінде <foreign xml:lang="ru">Степь</foreign> жазды'), encoding="utf-8")
    root = page(build_html([src], tmp_path / "out").parent, "text-latn.html")
    foreign = root.xpath("//article//*[@lang='ru']")
    assert [text_of(f) for f in foreign] == ["Степь"]


def test_registers_show_the_latin_forms(site):
    root = page(site, "persons.html")
    forms = {a.get("id"): text_of(a.xpath(".//p[@class='entry-script']/span[@lang='kk-Latn']")[0])
             for a in root.xpath("//article[@class='entry']")}
    assert forms["pers.lenin"] == "Vladimir Ilyich Lenin"          # as the register gives it
    assert forms["pers.zhansugirov"] == "Iliias Jansügırov"         # Ілияс: І I, и i, я ia
    assert forms["pers.muratbaev"] == "Ğani Mūratbaev"


def test_pages_link_to_each_other_and_the_letter_table_is_shown(site):
    assert page(site, "text.html").xpath("//p[@class='script-links']/a[@href='text-latn.html']")
    root = page(site, "text-latn.html")
    assert root.xpath("//p[@class='script-links']/a[@href='text.html']")
    cells = {text_of(tr[0]): text_of(tr[1]) for tr in root.xpath("//details[@class='letter-table']//tbody/tr")}
    assert cells["Ң ң"] == "Ñ ñ" and cells["І і"] == "I ı" and cells["И и"] == "İ i" and cells["Ъ ъ"] == "—"
    assert len(cells) == 42


def test_no_page_without_a_pack(tmp_path):
    (tmp_path / "src").mkdir()  # outputs never go among the sources
    src = tmp_path / "src" / "en.xml"
    src.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="en"><teiHeader><fileDesc><titleStmt><title>T</title>'
                   '</titleStmt><publicationStmt><p/></publicationStmt><sourceDesc><p/></sourceDesc></fileDesc></teiHeader>'
                   '<text><body><p>Hello</p></body></text></TEI>', encoding="utf-8")
    site = build_html([src], tmp_path / "out").parent
    assert not (site / "text-latn.html").exists()
    assert not page(site, "text.html").xpath("//p[@class='script-links']")
