"""The historical commentary in the HTML reading edition: its layer in the text, commentary.html,
bibliography.html, the fates in the register, the statistics (xslt/html/html_commentary.xsl over the common
layer's xslt/common/common_commentary.xsl).

The real edition is built once per module and compared with its TEI read by lxml (every note, every pointer,
every work, every event of the register); the common layer's rules (citation forms, order, languages) are
probed on small documents; a hostile bibliography is built too. The browser tests (slow tier) check the switch
of the layer, the notes on a 390 px phone and on a wide screen, the keyboard, and the language of the notes.
Screenshots go to build/test-screenshots/.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from lxml import etree
from lxml import html as lhtml

from conftest import EDITION, ROOT
from tools.core.saxon import transform_to_string
from tools.targets.html import build_html

TEI = {"t": "http://www.tei-c.org/ns/1.0"}
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
COMMON = ROOT / "xslt" / "common" / "common.xsl"
SHOTS = ROOT / "build" / "test-screenshots"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_html([EDITION], tmp_path_factory.mktemp("commentary")).parent


@pytest.fixture(scope="module")
def tei():
    return etree.parse(str(EDITION))


def page(site: Path, name: str):
    return lhtml.parse(str(site / name)).getroot()


def norm(s: str) -> str:
    return " ".join(s.split())


def notes_of(tei) -> list:
    return tei.xpath("//t:text//t:note[@type='commentary']", namespaces=TEI)


def works_of(tei) -> dict:
    return {w.get(XML_ID): w for w in tei.xpath("//t:listBibl/t:biblStruct", namespaces=TEI)}


def expected_cite(work) -> str:
    """The short citation, computed here from the TEI independently of the stylesheets."""
    authors = work.xpath("t:analytic/t:author", namespaces=TEI) or work.xpath("t:monogr/t:author", namespaces=TEI)
    year = work.xpath("string(t:monogr/t:imprint/t:date/@when)", namespaces=TEI)[:4]
    if not authors:  # a page without an author: its title
        first = norm(work.xpath("string((.//t:title)[1])", namespaces=TEI)).split(":")[0]
    else:
        first = authors[0].xpath("string(.//t:surname)", namespaces=TEI)
    if len(authors) >= 3:
        first += " и др." if authors[0].get(XML_LANG) == "ru" else " et al."
    return f"{first} {year}".strip()


# ---------- the layer in the text ----------

def test_every_commentary_note_reaches_the_text_in_both_languages(site, tei):
    root = page(site, "text.html")
    notes = notes_of(tei)
    assert len(notes) == 38
    marks = root.xpath("//article[@class='edition']//span[@class='cmt']")
    assert [m.get("id") for m in marks] == [n.get(XML_ID) for n in notes]  # text order, stable anchors
    for k, (note, mark) in enumerate(zip(notes, marks), start=1):
        a = mark.xpath("a[@class='cmt-mark']")[0]
        # a series of its own, an accessible name, and without JavaScript a link to the note on its page
        assert a.text == str(k) and a.get("aria-label") == f"Түсініктеме {k}" and a.get("data-l10n-aria-label") == "commentary-n"
        assert a.get("href") == f"commentary.html#{note.get(XML_ID)}"
        # described by the note in the interface language (read out on focus)
        assert a.get("aria-describedby") == f"{note.get(XML_ID)}-kk" and mark.xpath(f".//*[@id='{note.get(XML_ID)}-kk'][@lang='kk']")
        for p in note.xpath("t:p", namespaces=TEI):
            lang = p.get(XML_LANG)
            version = mark.xpath(f".//span[contains(@class, 'lang-version')][@lang='{lang}']")
            assert len(version) == 1, (note.get(XML_ID), lang)
            shown = norm(version[0].text_content())
            for text in p.xpath(".//text()[not(ancestor::t:bibl)]", namespaces=TEI):  # every word of the note
                assert norm(text) in shown, (note.get(XML_ID), lang, text)
        # Kazakh shows for the Kazakh and the Russian interface, English for the English one
        assert mark.xpath(".//span[@lang='kk']/@data-for") == ["kk ru"] and mark.xpath(".//span[@lang='en']/@data-for") == ["en"]
    # the apparatus keeps its numbers and its marks; the commentary is not among the footnotes
    assert root.xpath("//a[@class='app-mark']") and not root.xpath("//section[@class='footnotes']")


def test_the_switch_and_the_language_rules_need_no_script(site):
    root = page(site, "text.html")
    switch = root.xpath("//fieldset[@id='views']//input[@id='layer-commentary'][@type='checkbox']")
    assert switch and switch[0].get("checked") is not None
    assert root.xpath("//label[@for='layer-commentary']//*[@data-l10n='commentary']")
    css = (site / "assets" / "commentary.css").read_text(encoding="utf-8")
    assert "body:has(#layer-commentary:not(:checked)) .edition .cmt { display: none; }" in css
    style = "".join(root.xpath("//head/style/text()"))
    for lang in ("kk", "en", "ru"):
        assert f'html[lang="{lang}"] .lang-version[data-for]:not([data-for~="{lang}"]) {{ display: none; }}' in style
    assert root.xpath("//head/script[@src='assets/commentary.js']")


def test_commentary_page_in_text_order_with_passages_and_links_both_ways(site, tei):
    root = page(site, "commentary.html")
    text = page(site, "text.html")
    # the reading text of each block, as the search's text files give it (search/t/*.js: [id, n, kind, reading, …])
    index = {b[0]: b[3] for f in sorted((site / "search" / "t").glob("*.js")) for b in json.loads(
        f.read_text(encoding="utf-8").split("(", 1)[1].rstrip().rstrip(";").rstrip(")"))["blocks"]}
    entries = root.xpath("//ol[@class='cmt-list']/li")
    notes = notes_of(tei)
    assert [e.get("id") for e in entries] == [n.get(XML_ID) for n in notes]
    for k, (entry, note) in enumerate(zip(entries, notes), start=1):
        nid, para = note.get(XML_ID), note.getparent()
        assert entry.get("value") == str(k)
        # to the mark in the text and back
        assert entry.xpath(f".//a[@class='cmt-badge'][@href='text.html#{nid}']")
        assert text.xpath(f"//span[@id='{nid}']/a[@href='commentary.html#{nid}']")
        # its paragraph
        link = entry.xpath(".//a[@class='cmt-para']")[0]
        assert link.get("href") == f"text.html#{para.get(XML_ID)}" and link.text_content() == f"¶\xa0{para.get('n')}"
        # the passage commented on: the sentence of the reading text that ends at the note
        lemma = norm(entry.xpath("string(.//p[@class='cmt-lemma']/a)")).split(": ", 1)[1]
        assert lemma and lemma in index[para.get(XML_ID)], nid
        # both languages, in full
        for p in note.xpath("t:p", namespaces=TEI):
            col = entry.xpath(f".//div[contains(@class, 'cmt-col')][@lang='{p.get(XML_LANG)}']")
            assert col and all(norm(t) in norm(col[0].text_content()) for t in p.xpath(".//text()[not(ancestor::t:bibl)]", namespaces=TEI))
    famine = root.get_element_by_id("cmt.famine1921")
    assert norm(famine.xpath("string(.//p[@class='cmt-lemma']/a)")).endswith(
        "Егіннің шықпауы қуаңшылықтың ғана емес, ауыл шаруашылық артта қалуының да салдарынан еді.")
    assert norm(root.get_element_by_id("cmt.nep").xpath("string(.//p[@class='cmt-lemma']/a)")).endswith(
        "соғыс коммунизмінен жаңа экономикалық саясатқа (нэп)")
    lead = norm(root.xpath("string(//p[@class='lead'])"))
    assert "38" in lead and "30" in lead  # 38 notes on 30 paragraphs


def test_every_pointer_is_a_short_citation_of_an_entry(site, tei):
    works = works_of(tei)
    bib = page(site, "bibliography.html")
    text = page(site, "text.html")
    entry_ids = set(bib.xpath("//li[@class='bib-entry']/@id"))
    ptrs = tei.xpath("//t:note[@type='commentary']//t:ptr", namespaces=TEI)
    assert len(ptrs) > 150
    for ptr in ptrs:
        assert ptr.get("target")[1:] in works, ptr.get("target")  # every pointer resolves to a work
    cites = text.xpath("//span[@class='cmt']//a[@class='cite']")
    assert len(cites) == len(ptrs)
    for a in cites:
        target = a.get("href").split("#", 1)
        assert target[0] == "bibliography.html" and target[1] in entry_ids
        assert a.text == expected_cite(works[target[1]])
    # the citation as one phrase, with the pages: "Kindler 2018, 158–217"
    phrases = {norm(s.text_content()) for s in text.xpath("//span[@class='cmt']//span[@class='bibl-cite']")}
    assert {"Kindler 2018, 158–217", "Payne 2001, 126–155", "Cameron 2018", "Абылхожин и др. 1989"} <= phrases
    assert not text.xpath("//span[@class='cmt']//a[starts-with(normalize-space(.), '#')]")  # no raw "#bib.x" left


def test_bibliography_has_its_works_formatted_and_sorted(site, tei):
    works = works_of(tei)
    root = page(site, "bibliography.html")
    entries = root.xpath("//ul[@class='bibliography']/li[@class='bib-entry']")
    assert len(entries) == len(works) == 16  # 14 works, and two on Asfendiyarov since the review of the commentary
    ids = [e.get("id") for e in entries]
    assert set(ids) == set(works)

    kazakh = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя"

    def key(i):
        lead = works[i].xpath("string((.//t:author)[1]//t:surname)", namespaces=TEI) or works[i].xpath("string((.//t:title)[1])", namespaces=TEI)
        cyrillic = bool(re.match(r"[\u0400-\u04FF]", lead))
        folded = [kazakh.index(c) if c in kazakh else ord(c) for c in lead.casefold()] if cyrillic else [ord(c) for c in lead.casefold()]
        return (not cyrillic, folded, works[i].xpath("string(.//t:date/@when)", namespaces=TEI))
    assert ids == sorted(ids, key=key)  # Cyrillic first (in the Kazakh alphabet), then by author and year
    refs = {e.get("id"): e.xpath(".//p[@class='bib-ref']")[0] for e in entries}
    text = {i: norm(r.text_content()) for i, r in refs.items()}
    # a book: author, year, title in italics, place: publisher
    assert text["bib.olcott1987"] == "Olcott, Martha Brill. 1987. The Kazakhs. Stanford: Hoover Institution Press."
    assert refs["bib.olcott1987"].xpath("string(.//i)") == "The Kazakhs"
    # journal articles: title in quotation marks, journal in italics, volume (issue): pages; issue alone as №
    assert "Harvard Ukrainian Studies 25 (3/4): 237–251." in text["bib.pianciola2001"]
    assert refs["bib.pianciola2001"].xpath("string(.//q)") == "The Collectivization Famine in Kazakhstan, 1931–1933"
    assert "Вопросы истории, № 7: 53–71." in text["bib.abylkhozhin1989"]
    assert text["bib.abylkhozhin1989"].startswith("Абылхожин, Ж. Б., М. К. Козыбаев және М. Б. Татимов. 1989.")
    # a translation and its series; the same author again as a dash (the name kept for screen readers)
    assert "Translated by Cynthia Klohr. Central Eurasia in Context. Pittsburgh: University of Pittsburgh Press." in text["bib.kindler2018"]
    assert refs["bib.kindler2018"].xpath("string(.//span[@class='bib-ditto'])") == "———"
    # DOIs and URLs are links, and nothing else is
    assert refs["bib.pianciola2004"].xpath(".//a/@href") == ["https://doi.org/10.4000/monderusse.8681"]
    assert refs["bib.ohayon2013"].xpath(".//a/@href")[0].startswith("https://www.sciencespo.fr/")
    assert all(re.match(r"https?://", h) for r in refs.values() for h in r.xpath(".//a/@href"))
    assert refs["bib.cameron2016"].xpath(".//a/@href") == ["https://doi.org/10.21226/T2T59X"]  # the DOI, not also the URL
    # a page without an author or a date: its title first
    assert text["bib.iie-asfendiarov"].startswith("Санжар Асфендиаров. Басылымда: Website of the Ch. Ch. Valikhanov Institute")
    assert refs["bib.iie-asfendiarov"].xpath("string(.//q[@lang='ru'])") == "Санжар Асфендиаров"  # in quotation marks, in Russian
    # the notes that cite each work, with their numbers
    notes = notes_of(tei)
    for e in entries:
        citing = [k for k, n in enumerate(notes, 1) if n.xpath(f".//t:ptr[@target='#{e.get('id')}']", namespaces=TEI)]
        shown = [int(a.text) for a in e.xpath(".//p[@class='bib-cited']/a")]
        assert shown == citing, e.get("id")
        assert all(a.get("href") == f"commentary.html#{notes[k - 1].get(XML_ID)}" for a, k in zip(e.xpath(".//p[@class='bib-cited']/a"), shown))
    assert root.xpath("//a[@class='cite'][@href='bibliography.html#bib.kindler2018']")  # the pointer in a work's note


def test_register_shows_the_fates(site, tei):
    root = page(site, "persons.html")
    events = tei.xpath("//t:person/t:event", namespaces=TEI)
    assert len(events) > 20
    for ev in events:
        person = ev.getparent().get(XML_ID)
        entry = root.get_element_by_id(person)
        item = entry.xpath(f".//ul[@class='fates']/li[contains(@class, 'fate-{ev.get('type')}')]")
        assert item, (person, ev.get("type"))
        shown = norm(" ".join(i.text_content() for i in item))
        assert norm(ev.xpath("string(t:p)", namespaces=TEI)) in shown, person
        if ev.get("when"):
            assert ev.get("when")[:4] in shown, person
    zhandosov = root.get_element_by_id("pers.zhandosov")
    execution = norm(zhandosov.xpath("string(.//li[contains(@class, 'fate-execution')])"))
    assert execution.startswith("Атылды 1938 ж. 2 наурыз") and "shot on the same day" in execution
    assert zhandosov.xpath(".//li[contains(@class, 'fate-execution')]//span[@class='fate-date']/@data-l10n-values")
    assert "Ақталды 1957" in norm(zhandosov.xpath("string(.//li[contains(@class, 'fate-rehabilitation')])"))
    # notes of an entry are shown, in their language
    trotsky = root.get_element_by_id("pers.trotsky")
    assert trotsky.xpath(".//p[@class='entry-note'][@lang='en'][contains(., 'Coyoacán')]")


def test_statistics_and_navigation_mention_the_commentary(site, tei):
    root = page(site, "index.html")
    rows = {norm(tr.xpath("string(td[2])")): norm(tr.xpath("string(td[1])")) for tr in root.xpath("//table[@class='stats']//tr")}
    assert rows["тарихи түсініктеме"] == str(len(notes_of(tei))) == "38"
    assert rows["түсініктемеде сілтеме жасалған еңбек"] == str(len(works_of(tei)))
    assert root.xpath("//table[@class='stats']//a[@href='commentary.html']")
    nav = [a.get("href") for a in root.xpath("//nav[@class='site-nav']//a")]
    assert nav.index("commentary.html") == nav.index("apparatus.html") + 1 and "bibliography.html" in nav


def test_pages_link_within_the_site_and_ids_are_unique(site):
    pages = ["text.html", "commentary.html", "bibliography.html", "persons.html", "index.html"]
    ids = {name: page(site, name).xpath("//@id") for name in pages}
    for name in pages:
        assert len(ids[name]) == len(set(ids[name])), name
        root = page(site, name)
        assert not root.xpath("//a//a"), name
        for href in root.xpath("//a/@href"):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("tei/"):
                continue
            target = parts.path or name
            assert (site / target).is_file(), (name, href)
            if parts.fragment and target in ids:
                assert unquote(parts.fragment) in ids[target], (name, href)


# ---------- the rules of the common layer, on small documents ----------

def _probe(tmp_path: Path, text: str, expr: str, languages: str = "kk en ru") -> list[str]:
    xsl = tmp_path / "probe.xsl"
    xsl.write_text(f'''<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
        xmlns:kse="urn:kse:xslt" xmlns:tei="http://www.tei-c.org/ns/1.0">
      <xsl:import href="{COMMON.as_uri()}"/>
      <xsl:output method="text"/>
      <xsl:template match="/"><xsl:value-of select="{expr}" separator="|"/></xsl:template></xsl:stylesheet>''', encoding="utf-8")
    src = tmp_path / "probe.xml"
    src.write_text(f'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text>{text}</text></TEI>', encoding="utf-8")
    return transform_to_string(xsl, src, {"languages": languages}).split("|")


def _book(id_, surnames, year, title, lang=None):
    attr = f' xml:lang="{lang}"' if lang else ""
    authors = "".join(f"<author{attr}><forename>X.</forename> <surname>{s}</surname></author>" for s in surnames)
    return (f'<biblStruct xml:id="{id_}"><monogr>{authors}<title level="m">{title}</title>'
            f'<imprint><pubPlace>P</pubPlace><publisher>Q</publisher><date when="{year}"/></imprint></monogr></biblStruct>')


def test_citation_forms_and_order(tmp_path):
    works = "".join([_book("a", ["Smith"], 2018, "Beta"), _book("b", ["Smith"], 2018, "Alpha"),
                     _book("c", ["Jones", "Brown"], 2001, "Gamma"), _book("d", ["Müller", "Krause", "Wolf"], 1999, "Delta", "de"),
                     _book("e", ["Әбенов"], 1990, "Эпсилон"), _book("f", ["Ахметов"], 1990, "Зета"),
                     _book("g", ["Ólafsson"], 2005, "Eta")])
    text = (f'<body><p>Text.<note type="commentary" xml:id="n1"><p xml:lang="kk">Қ <bibl><ptr target="#a"/>, <citedRange>5–9</citedRange></bibl></p>'
            f'<p xml:lang="en">E <bibl><ptr target="#c"/></bibl></p></note></p></body>'
            f'<back><div type="bibliography"><listBibl>{works}</listBibl></div></back>')
    out = _probe(tmp_path, text, "kse:bibliography(/) ! (@xml:id || '=' || kse:short-cite(.)), "
                                 "//tei:note/tei:p/tei:bibl ! kse:citation(.), "
                                 "count(kse:citing-notes(id('a'))), count(kse:citing-notes(id('b')))")
    # Cyrillic first in the Kazakh alphabet (Ахметов before Әбенов), then Latin, diacritics folded (Ó with O);
    # same author and year lettered by title; two authors joined, three and more "et al." in their language
    assert out[:7] == ["f=Ахметов 1990", "e=Әбенов 1990", "c=Jones and Brown 2001", "d=Müller et al. 1999",
                       "g=Ólafsson 2005", "b=Smith 2018a", "a=Smith 2018b"]
    assert out[7:] == ["Smith 2018b, 5–9", "Jones and Brown 2001", "1", "0"]


def test_which_version_an_interface_shows(tmp_path):
    expr = "kse:version-lang(('kk', 'en'), 'ru'), kse:version-lang(('kk', 'en'), 'en'), kse:version-lang(('de', 'fr'), 'kk'), " \
           "string-join(kse:version-shown-for(('kk', 'en'), 'kk'), ' ')"
    assert _probe(tmp_path, "<body><p/></body>", expr) == ["kk", "en", "de", "kk ru"]
    # another edition, Russian first: its Russian readers see the English version of a Kazakh–English note
    assert _probe(tmp_path, "<body><p/></body>", expr, languages="ru en kk")[:2] == ["en", "en"]


def test_hostile_bibliography_makes_no_live_link(tmp_path):
    (tmp_path / "src").mkdir()
    src = tmp_path / "src" / "hostile.xml"  # outputs are never written inside a source folder
    src.write_text('''<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
      <publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>
      <text><body><p>Text.<note type="commentary" xml:id="n1"><p xml:lang="en">See <bibl><ptr target="#w"/></bibl>.</p></note></p></body>
      <back><div type="bibliography"><listBibl><biblStruct xml:id="w"><analytic><author><surname>Evil&lt;script&gt;</surname></author>
      <title level="a">&lt;img src=x onerror=alert(1)&gt;</title><idno type="URI">javascript:alert(1)</idno><idno type="DOI">10.1234/x"onclick="y</idno></analytic>
      <monogr><title level="j">J</title><imprint><date when="2020"/></imprint></monogr></biblStruct></listBibl></div></back></text></TEI>''',
                   encoding="utf-8")
    site = build_html([src], tmp_path / "out", force=True).parent
    html = (site / "bibliography.html").read_text(encoding="utf-8")
    assert "Evil<script>" not in html and "Evil&lt;script&gt;" in html  # names and titles are text
    assert "<img" not in html and "&lt;img src=x" in html and "javascript:" not in html
    root = page(site, "bibliography.html")
    # the URI is no link; the DOI is one, to doi.org, its quotation marks escaped in the URL
    assert root.xpath("//li[@id='w']//p[@class='bib-ref']//a/@href") == ["https://doi.org/10.1234/x%22onclick=%22y"]
    assert not root.xpath("//@onclick | //@onerror")
    assert page(site, "text.html").xpath("//a[@class='cite'][@href='bibliography.html#w']")


# ---------- in a browser (slow tier) ----------

@pytest.fixture
def pg(browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    made = []

    def new(width=1366, height=900, **kw):
        context = browser.new_context(viewport={"width": width, "height": height}, **kw)
        p = context.new_page()
        p.errors = []
        p.on("pageerror", lambda e: p.errors.append(str(e)))
        made.append((context, p))
        return p
    yield new
    for context, p in made:
        assert p.errors == []
        context.close()


def _cmt(nid: str) -> str:
    return "#" + nid.replace(".", "\\.")


@pytest.mark.slow
def test_switch_shows_and_hides_the_layer(site, pg):
    p = pg()
    p.goto((site / "text.html").as_uri())
    mark = p.locator(_cmt("cmt.nep") + " > .cmt-mark")
    assert mark.is_visible()
    p.click("label[for=layer-commentary]")
    assert mark.is_hidden() and p.locator(".cmt-mark:visible").count() == 0
    assert p.locator(".app-mark").count() > 0  # the apparatus stays
    p.screenshot(path=str(SHOTS / "cmt-01-layer-off.png"))
    p.reload()  # remembered
    assert not p.locator("#layer-commentary").is_checked() and mark.is_hidden()
    p.click("label[for=layer-commentary]")
    assert mark.is_visible()
    p.reload()
    assert p.locator("#layer-commentary").is_checked()


@pytest.mark.slow
def test_switch_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False)
    p = context.new_page()
    p.goto((site / "text.html").as_uri())
    mark = p.locator(_cmt("cmt.nep") + " > .cmt-mark")
    mark.hover()
    assert p.locator(_cmt("cmt.nep") + " .cmt-pop").is_visible()  # hover opens the note without a script
    p.mouse.move(0, 0)
    p.click("label[for=layer-commentary]")
    assert mark.is_hidden()
    context.close()


@pytest.mark.slow
def test_notes_stay_inside_a_phone_screen(site, pg, tei):
    p = pg(390, 844, device_scale_factor=2, has_touch=True)
    p.goto((site / "text.html").as_uri())
    assert p.evaluate("document.documentElement.scrollWidth") <= 390
    for note in notes_of(tei):
        nid = note.get(XML_ID)
        p.locator(_cmt(nid) + " > .cmt-mark").tap()
        pop = p.locator(_cmt(nid) + " .cmt-pop")
        pop.wait_for(state="visible")
        p.wait_for_timeout(60)  # commentary.js scrolls the mark above the sheet on the next frame
        box = pop.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 390, nid
        assert box["y"] >= 0 and box["y"] + box["height"] <= 844, nid
        mark = p.locator(_cmt(nid) + " > .cmt-mark").bounding_box()
        assert mark["y"] + mark["height"] <= box["y"], nid  # the mark stays in sight above the note
        if nid == "cmt.famine":
            p.screenshot(path=str(SHOTS / "cmt-02-phone.png"))
        p.locator(_cmt(nid) + " .cmt-close").tap()
        pop.wait_for(state="hidden")
    assert p.url.endswith("text.html")  # a tap opened the note, it did not leave the page


@pytest.mark.slow
def test_notes_stay_inside_a_wide_screen(site, pg, tei):
    p = pg(1366, 900)
    p.goto((site / "text.html").as_uri())
    for note in notes_of(tei)[::5]:
        nid = note.get(XML_ID)
        p.locator(_cmt(nid) + " > .cmt-mark").hover()
        pop = p.locator(_cmt(nid) + " .cmt-pop")
        pop.wait_for(state="visible")
        p.wait_for_timeout(50)
        box = pop.bounding_box()
        assert 0 <= box["x"] and box["x"] + box["width"] <= 1366 and 0 <= box["y"] and box["y"] + box["height"] <= 900, nid
        p.mouse.move(0, 0)
    p.locator(_cmt("cmt.nep") + " > .cmt-mark").hover()
    p.wait_for_timeout(200)  # the note fades in
    p.screenshot(path=str(SHOTS / "cmt-03-wide.png"))


@pytest.mark.slow
def test_keyboard_reaches_every_mark(site, pg, tei):
    p = pg()
    p.goto((site / "text.html").as_uri())
    want = [n.get(XML_ID) for n in notes_of(tei)]
    seen = []
    p.locator("#layer-commentary").focus()
    for _ in range(1500):
        p.keyboard.press("Tab")
        got = p.evaluate("(() => { const a = document.activeElement; return a && a.classList.contains('cmt-mark') ? a.parentElement.id : null; })()")
        if got:
            seen.append(got)
            assert p.locator(_cmt(got) + " .cmt-pop").is_visible()  # focus opens the note
            if len(seen) == len(want):
                break
    assert seen == want
    p.keyboard.press("Escape")
    p.locator(_cmt(want[-1]) + " .cmt-pop").wait_for(state="hidden")


@pytest.mark.slow
def test_note_follows_the_interface_language(site, pg):
    p = pg()
    p.goto((site / "text.html").as_uri())
    nep = _cmt("cmt.nep")
    p.locator(nep + " > .cmt-mark").click()
    assert p.locator(nep + " .lang-version[lang=kk]").is_visible() and p.locator(nep + " .lang-version[lang=en]").is_hidden()
    p.locator(nep + " .cmt-lang[data-version=en]").click()  # the other language, one click away
    assert p.locator(nep + " .lang-version[lang=en]").is_visible() and p.locator(nep + " .lang-version[lang=kk]").is_hidden()
    assert p.locator(nep + " .cmt-lang[data-version=en]").get_attribute("aria-pressed") == "true"
    p.click("[data-lang-switch] button[data-lang=en]")
    p.locator(nep + " > .cmt-mark").click()
    assert p.locator(nep + " .lang-version[lang=en]").is_visible() and p.locator(nep + " .lang-version[lang=kk]").is_hidden()
    assert p.locator(nep + " > .cmt-mark").get_attribute("aria-label") == "Commentary note 1"
    assert p.locator(nep + " > .cmt-mark").get_attribute("aria-describedby") == "cmt.nep-en"
    p.screenshot(path=str(SHOTS / "cmt-04-en.png"))
    p.click("[data-lang-switch] button[data-lang=ru]")  # no Russian version: the Kazakh one
    p.locator(nep + " > .cmt-mark").click()
    assert p.locator(nep + " .lang-version[lang=kk]").is_visible() and p.locator(nep + " .lang-version[lang=en]").is_hidden()
    p.goto((site / "commentary.html").as_uri())
    assert p.locator(".cmt-about.lang-version").is_visible()  # says why the Kazakh text comes first
    p.click("[data-lang-switch] button[data-lang=kk]")
    assert p.locator(".cmt-about.lang-version").is_hidden()
    p.screenshot(path=str(SHOTS / "cmt-05-commentary-page.png"), full_page=False)
    p.goto((site / "bibliography.html").as_uri())
    p.screenshot(path=str(SHOTS / "cmt-06-bibliography.png"), full_page=False)
