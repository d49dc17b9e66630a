"""Citations (xslt/common/common_cite.xsl, xslt/html/html_cite.xsl): the edition and each paragraph in ГОСТ
(Kazakh and Russian), a plain reference, BibTeX, RIS and CSL-JSON; the version in every one; the permalink
built on edition-url; the files for reference managers; cite.html and the paragraphs' links to it.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html as lhtml

from tools.targets.html import build_html

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini-edition.xml"
URL = "https://example.org/kse/"
KEY = "kse-mini-fixture"            # the fixture's publicationStmt/idno


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_html([MINI], tmp_path_factory.mktemp("cite"), params={"edition-url": URL}).parent


@pytest.fixture(scope="module")
def site_without_url(tmp_path_factory) -> Path:
    return build_html([MINI], tmp_path_factory.mktemp("cite-nourl")).parent


def text(path: Path) -> str:
    return path.read_text(encoding="utf-8")


def test_bibtex_of_the_edition(site):
    bib = text(site / "cite" / f"{KEY}.bib")
    assert bib.startswith(f"@online{{{KEY},\n")
    fields = dict(re.findall(r"^  (\w+) = \{(.*)\},?$", bib, re.M))
    assert fields["title"] == "Қазақстан халық шаруашылығын қалпына келтіру дәуірінде"
    assert fields["version"] == "0.1" and fields["date"] == "2026-11-26"
    assert fields["url"] == URL and re.fullmatch(r"\d{4}-\d\d-\d\d", fields["urldate"])
    assert fields["editor"] == "{KSE Digital Edition team}"      # a corporate name, kept whole
    assert bib.count("{") == bib.count("}")


def test_ris_of_the_edition(site):
    ris = (site / "cite" / f"{KEY}.ris").read_bytes().decode("utf-8")
    lines = ris.split("\r\n")
    assert lines[0] == "TY  - ELEC" and lines[-2] == "ER  - " and lines[-1] == ""
    tags = {line[:2]: line[6:] for line in lines if line}
    assert tags["TI"] == "Қазақстан халық шаруашылығын қалпына келтіру дәуірінде"
    assert tags["ET"] == "0.1" and tags["UR"] == URL and tags["ED"] == "KSE Digital Edition team"
    assert re.fullmatch(r"\d{4}/\d\d/\d\d", tags["Y2"]) and tags["DA"] == "2026/11/26"
    assert all(re.match(r"^[A-Z][A-Z0-9]  - ", line) for line in lines if line)


def test_csl_json_and_paragraph_files(site):
    items = json.loads(text(site / "cite" / f"{KEY}.json"))
    assert items[0]["version"] == "0.1" and items[0]["URL"] == URL
    assert items[0]["issued"] == {"date-parts": [[2026, 11, 26]]}
    assert len(items[0]["accessed"]["date-parts"][0]) == 3
    paras = json.loads(text(site / "cite" / f"{KEY}-paragraphs.json"))
    assert [p["section"] for p in paras] == [f"¶\u00a0{n}" for n in range(1, 7)]
    assert paras[1]["URL"] == URL + "text.html#p2" and paras[1]["id"] == f"{KEY}-p2"
    assert all(p["version"] == "0.1" for p in paras)
    bib = text(site / "cite" / f"{KEY}-paragraphs.bib")
    assert bib.count("@online{") == 6 and "titleaddon = {¶\u00a06}" in bib and f"url = {{{URL}text.html#p6}}" in bib
    ris = text(site / "cite" / f"{KEY}-paragraphs.ris")
    assert ris.count("TY  - ELEC") == 6 and "SE  - ¶\u00a03" in ris


def test_gost_in_kazakh_and_russian(site):
    root = lhtml.parse(str(site / "cite.html")).getroot()
    kk = root.get_element_by_id("cite-edition-gost-kk").text_content()
    ru = root.get_element_by_id("cite-edition-gost-ru").text_content()
    assert kk.startswith("Қазақстан халық шаруашылығын қалпына келтіру дәуірінде : ғылыми-сыни басылым / KSE Digital Edition team. – Нұсқа 0.1. – 2026. – URL: " + URL + " (қаралған күні: ")
    assert kk.endswith(") – Мәтін : электрондық.") or kk.endswith("). – Мәтін : электрондық.")
    assert ru.startswith("Қазақстан халық шаруашылығын қалпына келтіру дәуірінде : научно-критическое издание / KSE Digital Edition team. – Версия 0.1. – 2026.")
    assert "(дата обращения: " in ru and ru.endswith("Текст : электронный.")
    assert re.search(r"дата обращения: \d\d\.\d\d\.\d{4}\)", ru)
    # a paragraph: its number and its own permalink
    p2 = root.get_element_by_id("cite-p2-gost-ru").text_content()
    assert "– ¶\u00a02. – URL: " + URL + "text.html#p2 (дата обращения:" in p2


def test_the_main_reference_follows_the_interface_language(site):
    root = lhtml.parse(str(site / "index.html")).getroot()
    box = root.xpath("//section[@id='citation']//div[contains(@class, 'cite-main')]")[0]
    versions = {v.get("data-version"): v for v in box.xpath("*[@data-version]")}
    assert set(versions) == {"kk", "en", "ru"}
    assert versions["kk"].get("hidden") is None and versions["en"].get("hidden") is not None
    assert "Мәтін : электрондық" in versions["kk"].text_content()
    assert versions["en"].get("lang") == "en" and "version 0.1" in versions["en"].text_content()
    assert "Версия 0.1" in versions["ru"].text_content()


def test_paragraph_numbers_lead_to_their_citation(site):
    root = lhtml.parse(str(site / "text.html")).getroot()
    links = root.xpath("//article//a[@class='pcite']")
    assert [a.get("href") for a in links] == [f"cite.html#cite-p{n}" for n in range(1, 7)]
    cite = lhtml.parse(str(site / "cite.html")).getroot()
    for n in range(1, 7):
        section = cite.get_element_by_id(f"cite-p{n}")
        assert section.xpath(f".//h3/a/@href") == [f"text.html#p{n}"]
    # the Latin page has no such links (the citation is of the edition's text)
    assert not lhtml.parse(str(site / "text-latn.html")).getroot().xpath("//a[@class='pcite']")


def test_without_an_address_files_leave_the_url_out_and_pages_use_relative_ones(site_without_url):
    bib = text(site_without_url / "cite" / f"{KEY}.bib")
    assert "url = " not in bib and "urldate" not in bib and "version = {0.1}" in bib
    root = lhtml.parse(str(site_without_url / "cite.html")).getroot()
    url = root.xpath("//pre[@id='cite-p2-bibtex-kk']//span[@class='cite-url']")[0]
    assert url.get("data-rel") == "text.html#p2" and url.text == "text.html#p2"   # edition.js makes it absolute
    date = root.xpath("//pre[@id='cite-p2-bibtex-kk']//span[@class='cite-date']")[0]
    assert date.get("data-form") == "iso" and re.fullmatch(r"\d{4}-\d\d-\d\d", date.text)


def test_special_characters_are_escaped_for_bibtex(tmp_path):
    (tmp_path / "src").mkdir()  # outputs never go among the sources
    src = tmp_path / "src" / "odd.xml"
    src.write_text(MINI.read_text(encoding="utf-8").replace(
        '<title type="main" xml:lang="kk">Қазақстан халық шаруашылығын қалпына келтіру дәуірінде</title>',
        '<title type="main" xml:lang="kk">Notes &amp; {braces} 100% #1 a_b</title>'), encoding="utf-8")
    site = build_html([src], tmp_path / "out", params={"edition-url": URL}).parent
    bib = text(site / "cite" / f"{KEY}.bib")
    assert "title = {Notes \\& braces 100\\% \\#1 a\\_b}" in bib
    assert bib.count("{") == bib.count("}")
