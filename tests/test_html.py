"""The HTML reading edition (tools.build_html + xslt/html): assertions on the generated site.

The site of tests/fixtures/mini-edition.xml (our conventions, fully marked up) is built once per module
and examined with XPath; the real edition and the foreign TEI samples (verse, letter, drama, prose) are
built too. Browser behaviour is in test_html_browser.py, the CLI in test_html_cli.py.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from lxml import etree
from lxml import html as lhtml

from tools.targets.html import build_html
from tools.core.errors import ToolError

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
MINI = FIXTURES / "mini-edition.xml"
EDITION = ROOT / "tei" / "kazakhstan-1920-1932.xml"
FOREIGN = sorted((FIXTURES / "foreign").glob("*.xml"))
PAGES = ["index.html", "text.html", "apparatus.html", "persons.html", "places.html", "orgs.html",
         "chronology.html", "search.html"]


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("mini")
    entry = build_html([MINI], out)
    assert entry == out / "html" / "index.html"
    return entry.parent


def page(site: Path, name: str):
    return lhtml.parse(str(site / name)).getroot()


def search_index(site: Path) -> list[dict]:
    """The blocks of the text as the search shows them (search/t/0-*.js, tools.targets.search_index)."""
    blocks = []
    for chunk in sorted((site / "search" / "t").glob("0-*.js"), key=lambda p: int(p.stem.split("-")[1])):
        text = chunk.read_text(encoding="utf-8")
        data = json.loads(text[text.index("(") + 1:text.rindex(")")])
        blocks += [{"id": b[0], "n": b[1], "k": b[2], "r": b[3], "d": b[4] or b[3]} for b in data["blocks"]]
    return blocks


def search_shard(site: Path, key: str) -> dict:
    from tools.targets.search_index import key_file

    text = (site / "search" / "s" / key_file(key)).read_text(encoding="utf-8")
    return json.loads(text[text.index(",") + 1:text.rindex(")")])


# ---------- the site as a whole ----------

def test_every_page_is_written(site):
    for name in PAGES + ["assets/edition.css", "assets/edition.js", "assets/search.js",
                         "search/meta.js", "assets/labels.js"]:
        assert (site / name).is_file(), name


def test_tei_source_is_offered_byte_for_byte(site):
    copy = site / "tei" / MINI.name
    assert copy.read_bytes() == MINI.read_bytes()
    assert page(site, "index.html").xpath(f"//a[@href='tei/{MINI.name}'][@download]")


def test_no_resource_is_loaded_from_outside_the_site(site):
    for name in PAGES:
        root = page(site, name)
        for url in root.xpath("//link/@href | //script/@src | //img/@src | //iframe/@src | //source/@src"):
            assert not urlsplit(url).scheme and not url.startswith("//"), (name, url)
    css = (site / "assets" / "edition.css").read_text(encoding="utf-8")
    assert not re.search(r"url\(\s*['\"]?(https?:)?//", css)
    assert "@import" not in css


def test_every_internal_link_resolves(site):
    ids = {name: set(page(site, name).xpath("//@id")) for name in PAGES}
    for name in PAGES:
        for href in page(site, name).xpath("//a/@href"):
            parts = urlsplit(href)
            if parts.scheme or href.startswith("tei/"):
                continue
            target = parts.path or name
            assert (site / target).is_file(), (name, href)
            if parts.fragment and target in ids:
                assert parts.fragment in ids[target], (name, href)


def test_ids_are_unique_and_no_link_is_nested(site):
    for name in PAGES:
        root = page(site, name)
        all_ids = root.xpath("//@id")
        assert len(all_ids) == len(set(all_ids)), name
        assert not root.xpath("//a//a"), name


def test_pages_are_kazakh_with_their_labels_as_data(site):
    root = page(site, "text.html")
    assert root.get("lang") == "kk" and root.get("dir") == "ltr"
    labels = {el.text: el.get("data-l10n") for el in root.xpath("//label[@data-l10n]")}
    assert labels == {"Оқу мәтіні": "reading", "Дипломатиялық мәтін": "diplomatic", "Аппарат": "apparatus"}
    # the switch: one button per interface language, each named in its own language
    buttons = [(b.get("data-lang"), b.text_content().strip(), b.get("aria-pressed"))
               for b in root.xpath("//*[@data-lang-switch]//button")]
    assert buttons == [("kk", "Қазақша", "true"), ("en", "English", "false"), ("ru", "Русский", "false")]
    # the scripts get the same data, every language complete
    js = (site / "assets" / "labels.js").read_text(encoding="utf-8")
    data = json.loads(js[js.index("=") + 1:js.index(";\n")])
    assert data["ru"]["reading"] == "Текст для чтения" and data["en"]["reading"] == "Reading text"
    assert set(data["kk"]) == set(data["en"]) == set(data["ru"])
    nav = [a.text for a in root.xpath("//nav[@class='site-nav']//a")]
    assert nav == ["Басты бет", "Мәтін", "Аппарат", "Кісі есімдері", "Жер-су атаулары", "Ұйымдар", "Хронология", "Іздеу"]


# ---------- 1. the text and its three views ----------

def test_paragraphs_have_numbers_and_permalinks(site):
    root = page(site, "text.html")
    paras = root.xpath("//article[@class='edition']//p[contains-token(@class, 'para')]".replace(
        "contains-token(@class, 'para')", "contains(concat(' ', @class, ' '), ' para ')"))
    # the paragraph the witness breaks in two (p5 part I + p6 part F) is one paragraph, as in print; its second
    # part keeps its id, number and permalink (a span in the same p)
    assert [p.get("id") for p in paras] == [f"p{n}" for n in range(1, 6)]
    for p in paras:
        assert p.xpath("a[@class='pnum']/@href") == [f"#{p.get('id')}"]
    assert "part-I" in root.get_element_by_id("p5").get("class")
    second = root.get_element_by_id("p6")
    assert second.tag == "span" and second.get("class") == "part-join" and second.getparent().get("id") == "p5"
    assert second.xpath("a[@class='pnum']/@href") == ["#p6"] and second.get("data-n") == "6"
    assert second.xpath("normalize-space(.)").startswith("6 1,5-2 есе өсті")


def test_choice_carries_both_readings(site):
    root = page(site, "text.html")
    app = root.get_element_by_id("app-2")
    assert app.xpath("string(span[@class='lem'])") == "жылы"
    assert app.xpath("string(span[@class='sic'])") == "жыды"
    assert app.xpath("a[@class='app-mark']/@href") == ["#appn-2"]
    assert "жыды" in app.xpath("string(span[@role='tooltip'])")
    assert root.get_element_by_id("appn-2").xpath("normalize-space(.//span[@class='app-rdg'])") == "жыды W"
    assert root.get_element_by_id("appn-2").xpath("normalize-space(.)") == "2 жылы] жыды W жоғары"


def test_three_views_switch_without_reloading(site):
    root = page(site, "text.html")
    radios = root.xpath("//input[@type='radio'][@name='view']")
    assert [r.get("value") for r in radios] == ["reading", "diplomatic", "apparatus"]
    assert radios[0].get("checked") is not None  # the reading view without JavaScript
    css = (site / "assets" / "edition.css").read_text(encoding="utf-8")
    for view in ("diplomatic", "apparatus"):
        assert f"body:has(#view-{view}:checked)" in css


def test_interventions_are_numbered_in_document_order(site):
    root = page(site, "text.html")
    marks = [int(a.text) for a in root.xpath("//article//a[@class='app-mark'] | //article//sup[@class='app-mark']")]
    assert marks == list(range(1, 12))


def test_sic_alone_and_free_note(site):
    root = page(site, "text.html")
    sic = root.get_element_by_id("app-7")
    assert "app-sic" in sic.get("class")
    assert sic.xpath("string(span[@class='sic-alone'])") == "70° мың км"
    assert "damaged digit" in sic.xpath("string(span[@role='tooltip'])")
    note = root.get_element_by_id("app-4")
    assert "app-note" in note.get("class") and "computed from the context" in note.text_content()


def test_name_holding_a_correction_has_no_nested_link(site):
    root = page(site, "text.html")
    name = root.get_element_by_id("pers.muratbaev-1")
    assert name.tag == "a" and name.get("href") == "persons.html#pers.muratbaev"
    assert name.xpath("string(.//span[@class='lem'])") == "Ғани"
    assert name.xpath(".//sup[@class='app-mark']")


# ---------- 2. registers ----------

def test_names_link_to_their_entries_and_back(site):
    text = page(site, "text.html")
    persons = page(site, "persons.html")
    assert text.xpath("//a[@href='persons.html#pers.lenin']/@id") == ["pers.lenin-1", "pers.lenin-2"]
    entry = persons.get_element_by_id("pers.lenin")
    assert entry.xpath("string(.//h3)").startswith("Владимир Ильич Ленин")
    assert "(1870–1924)" in entry.xpath("string(.//h3)")
    assert "В. И. Ленин" in entry.xpath("string(.//p[@class='variants'])")
    assert "Bolshevik" in entry.xpath("string(.//p[@class='role'])")
    links = entry.xpath(".//ul[@class='occ-list']//a")
    assert [a.get("href") for a in links] == ["text.html#pers.lenin-1", "text.html#pers.lenin-2"]
    assert [a.xpath("string(span[@class='occ-form'])") for a in links] == ["В. И. Ленин", "Лениннің"]


def test_registers_follow_the_kazakh_alphabet_by_surname(site):
    ids = page(site, "persons.html").xpath("//article[@class='entry']/@id")
    # Жансүгіров, Ленин, Меңдешев, Мұратбаев: surnames in Kazakh alphabetical order (е before ұ)
    assert ids == ["pers.zhansugirov", "pers.lenin", "pers.mendeshev", "pers.muratbaev"]


def test_places_and_orgs(site):
    places = page(site, "places.html")
    assert places.xpath("string(//article[@id='pl.orenburg']//span[@class='entry-en'])") == "Orenburg"
    assert len(places.xpath("//article[@id='pl.kazakhstan']//ul[@class='occ-list']/li")) == 3
    orgs = page(site, "orgs.html")
    assert "РК(б)П ОК" in orgs.xpath("string(//article[@id='org.rkpb-ok']//p[@class='variants'])")


# ---------- 3. chronology ----------

def test_chronology_is_in_date_order_with_sentences(site):
    root = page(site, "chronology.html")
    rows = root.xpath("//table[@class='chronology']/tbody/tr")
    assert len(rows) == 8
    dates = [r.xpath("string(th)") for r in rows]
    assert dates[0] == "1920 ж."
    assert dates[3] == "1921 ж. 8–16 наурыз"
    assert "болжалды" in dates[2] and "мәнмәтіннен" in dates[2]  # cert=medium, evidence=internal
    first = rows[0].xpath("string(td[@class='chrono-sentence'])")
    assert first == "1920 жылы мұнда өнеркәсіп соғысқа дейінгі өнім көлемінің 1,5%-не жуығын ғана берді."
    assert rows[3].xpath("td//a/@href")[0] == "text.html#date-p2-1"


# ---------- 4. apparatus ----------

def test_apparatus_lists_every_intervention(site):
    root = page(site, "apparatus.html")
    rows = root.xpath("//table[@class='apparatus-table']/tbody/tr")
    assert len(rows) == 11
    row8 = root.get_element_by_id("a8")
    assert [row8.xpath(f"normalize-space(td[{i}])") for i in (2, 3)] == ["4", "басшыларының] басшыларыңың W орташа"]
    assert row8.xpath("td[1]/a/@href") == ["text.html#app-8"]
    assert "damaged digit" in root.get_element_by_id("a7").text_content()


# ---------- 5. search index ----------

def test_search_index_has_reading_and_witness_text(site):
    docs = {d["id"]: d for d in search_index(site)}
    assert "күн" in docs["p2"]["r"] and "кун бұрын" in docs["p2"]["d"]
    assert docs["p2"]["n"] == "2"
    assert not any("Жарияланған" in d["r"] for d in docs.values())  # residue is left out
    # the term of the witness only ("кун", key "kun") points to p2 as a witness hit; "күн" has that key too
    p2 = [i for i, d in enumerate(search_index(site)) if d["id"] == "p2"][0]
    rows = search_shard(site, "ku")["kun"]
    assert [0, [p2], []] in rows or any(r[0] == 0 and p2 in r[1] for r in rows)


def test_search_index_has_notes_apparatus_and_registers(site):
    records = search_index(site)
    kinds = [r["k"] for r in records]
    # text blocks first, then the notes, then the apparatus entries (the client knows a kind by its place)
    assert kinds == sorted(kinds, key=lambda k: {"note": 1, "app": 2}.get(k, 0)) and "app" in kinds
    apps = [r for r in records if r["k"] == "app"]
    assert all(r["id"].startswith("a") for r in apps) and any("]" in r["r"] for r in apps)
    meta = (site / "search" / "meta.js").read_text(encoding="utf-8")
    info = json.loads(meta[meta.index("=") + 1:].strip().rstrip(";"))
    text_end, note_end = info["bounds"][0]
    assert kinds.index("app") == note_end and all(k not in ("note", "app") for k in kinds[:text_end])
    # the register entries: the last "document" of the index, each leading to its entry
    chunk = (site / "search" / "t" / f"{info['docs']}-0.js").read_text(encoding="utf-8")
    entries = json.loads(chunk[chunk.index("(") + 1:chunk.rindex(")")])["blocks"]
    assert entries and all(e[5] == f"{e[2]}.html#{e[0]}" for e in entries)
    assert all(e[2] in ("persons", "places", "orgs") for e in entries)


# ---------- 6. title page and introduction ----------

def test_title_page_and_introduction(site):
    root = page(site, "index.html")
    assert root.xpath("string(//h1)") == "Қазақстан халық шаруашылығын қалпына келтіру дәуірінде"
    for section in ("introduction", "sources", "principles", "statistics", "citation"):
        assert root.get_element_by_id(section) is not None
    stats = {tr.xpath("string(td[2])"): tr.xpath("string(td[1])") for tr in root.xpath("//table[@class='stats']//tr")}
    assert stats["абзац"] == "6"
    # the same definitions as `tools check` (tools.edition.counts): one statistic, two outputs
    from tools.core.check import counts
    from tools.core.xmlsafe import parse_file

    c = counts(parse_file(MINI))
    assert stats["түзету"] == str(c["interventions"])
    assert stats["оның ішінде сенімді"] == str(c["interventions_by_cert"].get("high", 0))
    assert stats["редакциялық ескертпе"] == str(c["notes"]) and stats["түзетілмеген орын"] == str(c["unmended"])
    # the suggested citation (in the interface language's style: ГОСТ in Kazakh) names the version; the BibTeX
    # key is the edition's identifier (test_html_cite.py has the rest)
    shown = root.xpath("string(//section[@id='citation']//blockquote[contains(@class, 'citation')][not(@hidden)])")
    assert "Нұсқа 0.1" in shown and "Қазақстан халық шаруашылығын" in shown
    assert "@online{kse-mini-fixture," in root.xpath("string(//section[@id='citation']//pre[contains(@id, 'bibtex')])")


def test_abbreviations_of_the_text_are_listed_with_expansions(site):
    root = page(site, "index.html")
    section = root.get_element_by_id("abbreviations")
    terms = [dt.text_content().strip() for dt in section.xpath(".//dl[@class='abbr']/dt")]
    assert terms == ["ж.", "ОК"]   # every item of the list, in Kazakh order
    glosses = " ".join(" ".join(json.loads(dd.get("data-l10n-values")).values()) for dd in section.xpath(".//dl[@class='abbr']/dd"))
    for expected in ("жыл, жылы", "year, in the year", "Орталық Комитет", "Central Committee"):
        assert expected in glosses


# ---------- 8. any reasonable TEI P5 ----------

@pytest.mark.parametrize("sample", FOREIGN, ids=[p.stem for p in FOREIGN])
def test_foreign_tei_renders(sample, tmp_path):
    # as a reader of real-world TEI would build it: --force (their validity is test_validate_schemas' business;
    # manuscript.xml has MathML, which tei_all does not allow)
    entry = build_html([sample], tmp_path, force=True)
    root = page(entry.parent, "text.html")
    text = " ".join(root.xpath("string(//article)").split())
    source = etree.parse(str(sample))
    words = re.findall(r"\w{4,}", " ".join(source.xpath("//*[local-name()='text']//text()[not(ancestor::*[local-name()='figDesc'])]")))
    assert [w for w in words if w not in text] == [], "text lost"
    assert not root.xpath("//a//a")
    assert not root.xpath("//img[starts-with(@src, 'http')]")


def test_foreign_structures(tmp_path):
    def text_page(name):
        return page(build_html([FIXTURES / "foreign" / f"{name}.xml"], tmp_path / name).parent, "text.html")

    verse = text_page("verse")
    assert len(verse.xpath("//div[contains(@class, 'lg')]//div[contains(@class, 'l')][@data-n]")) == 8
    assert verse.xpath("//a[@class='lnum']/text()") == ["5"]
    letter = text_page("letter")
    assert letter.xpath("//div[@class='opener']/p[@class='salute']") and letter.xpath("//p[@class='signed']")
    assert letter.xpath("//a[@href='persons.html#anna']")
    drama = text_page("drama")
    assert [s.text for s in drama.xpath("//div[@class='speaker']")] == ["Hamlet", "Ophelia"]
    assert drama.xpath("//span[@class='stage']") and drama.xpath("//p[@class='stage']")
    prose = text_page("prose")
    assert prose.xpath("//section[@class='footnotes']//li[@id='fn-1']") and prose.xpath("//a[@class='fn-call']")
    assert prose.xpath("//ol[contains(@class, 'list')]/li") and prose.xpath("//dl[@class='list']/dt")
    assert prose.xpath("//table//th[@scope='col']") and prose.xpath("//td[@colspan='2']")
    assert prose.xpath("//figure/img[@src='tei/images/caravan.jpg']")
    assert prose.xpath("//a[@class='remote-graphic'][@href='https://example.org/remote.png']")
    assert prose.xpath("//*[@class='tei-floatingText']") and "Ride on" in prose.text_content()


# ---------- the real edition, safety of the build ----------

def test_the_edition_builds(tmp_path):
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "tei").rglob("*") if p.is_file()}
    entry = build_html([EDITION], tmp_path)
    after = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (ROOT / "tei").rglob("*") if p.is_file()}
    assert before == after  # the source is sacred
    root = page(entry.parent, "text.html")
    # ¶ 33/34, broken in two by the witness, is one paragraph (as in print); ¶ 34 keeps its anchor and number
    assert root.xpath("//p[@id='p76']") and root.xpath("//p[@id='p33']/span[@class='part-join'][@id='p34']")
    assert not root.xpath("//*[contains(@class, 'residue')]")
    # the chronology is the article's: the dates of the commentary's bibliography are not events
    chrono = page(entry.parent, "chronology.html").text_content()
    assert "1920" in chrono and "Cornell University Press" not in chrono and "Hamburger Edition" not in chrono


def test_invalid_edition_is_refused_unless_forced(tmp_path):
    (tmp_path / "src").mkdir()
    bad = tmp_path / "src" / "bad.xml"
    bad.write_text(MINI.read_text(encoding="utf-8").replace('resp="#ed" cert="high">үстіне', 'resp="#ed">үстіне')
                   .replace("../../schema/", str(ROOT / "schema") + "/"), encoding="utf-8")
    with pytest.raises(ToolError) as err:
        build_html([bad], tmp_path / "out")
    assert err.value.exit_code == 1 and err.value.problems
    assert "refusing" in str(err.value)
    assert not (tmp_path / "out" / "html").exists()
    assert build_html([bad], tmp_path / "out", force=True).is_file()


def test_failed_build_keeps_the_previous_site(tmp_path, monkeypatch):
    src = tmp_path / "src" / MINI.name
    src.parent.mkdir()
    src.write_bytes(MINI.read_bytes().replace(b"../../schema/", (str(ROOT / "schema") + "/").encode()))
    entry = build_html([src], tmp_path)
    before = entry.read_bytes()
    import tools.targets.html as B

    def broken(*args, **kwargs):
        raise ToolError("boom", 1)

    monkeypatch.setattr(B, "transform_to_string", broken)
    monkeypatch.setenv("TOOLS_JOBS", "1")  # the patched function is this process's
    src.write_bytes(src.read_bytes() + b"\n")  # changed: it must be transformed again
    with pytest.raises(ToolError):
        build_html([src], tmp_path)
    assert entry.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != ".tools-cache") == ["html", "src"]  # no temporary folder left
    assert not list((tmp_path / ".tools-cache").rglob(".staging-*"))  # nor a half-made cache entry


def test_unknown_parameter_is_a_usage_error(tmp_path):
    with pytest.raises(ToolError) as err:
        build_html([MINI], tmp_path, params={"no-such-param": "1"})
    assert err.value.exit_code == 2 and "default-view" in str(err.value)


def test_parameters_reach_the_stylesheet(tmp_path):
    entry = build_html([MINI], tmp_path, params={"default-view": "apparatus", "lang": "en"})
    root = page(entry.parent, "text.html")
    assert root.get("lang") == "en"
    assert root.xpath("//input[@id='view-apparatus']/@checked")
    assert root.xpath("string(//label[@for='view-reading'])") == "Reading text"


def test_several_sources_give_one_site_each(tmp_path):
    entry = build_html([MINI, FIXTURES / "foreign" / "verse.xml"], tmp_path)
    assert (entry.parent / "mini-edition" / "text.html").is_file()
    assert (entry.parent / "verse" / "text.html").is_file()
    assert page(entry.parent, "index.html").xpath("//a[@href='verse/index.html']")


def test_javascript_targets_do_not_become_links(tmp_path):
    """Regression (review): a TEI file is untrusted; ref/@target="javascript:…" must not be a live link."""
    doc = MINI.read_text(encoding="utf-8")
    doc = doc.replace("</body>", '<div><p><ref target="javascript:alert(1)">click</ref> '
                      '<ref target="https://example.org/">ok</ref></p></div></body>', 1)
    (tmp_path / "src").mkdir()
    src = tmp_path / "src" / "x.xml"
    src.write_text(doc, encoding="utf-8")
    site = build_html([src], tmp_path / "out", force=True).parent
    hrefs = [h for f in site.glob("*.html") for h in lhtml.parse(str(f)).getroot().xpath("//@href")]
    assert "https://example.org/" in hrefs
    assert not any(h.strip().lower().startswith("javascript:") for h in hrefs)


def test_manuscript_mathml_leiden_facsimile(tmp_path):
    """msDesc as a catalogue entry, MathML kept (and cleaned), Leiden brackets, a page's facsimile."""
    src = FIXTURES / "foreign" / "manuscript.xml"
    site = build_html([src], tmp_path, force=True).parent
    index = page(site, "index.html")
    ms = index.xpath("//div[@class='msdesc']")[0]
    assert ms.xpath("normalize-space(h3)") == "Oxford, Imaginary Library, MS. Imag. 1"
    text = " ".join(ms.text_content().split())
    for words in ("Tractatus de quadrante", "Quadrantem componere volentes", "et sic est finis", "parchment",
                  "ii + 20 leaves", "small gothic bookhand", "first half of the 14th century", "fictitious donor"):
        assert words in text, words
    html = (site / "text.html").read_text(encoding="utf-8")
    assert '<math xmlns="http://www.w3.org/1998/Math/MathML"><mi>h</mi><mo>=</mo><msup>' in html
    assert "javascript" not in html and "onerror" not in html and "<script>alert" not in html
    root = page(site, "text.html")
    assert root.xpath("//span[contains(@class, 'app-supplied')]//span[@class='leiden']/text()") == ["[", "]"]
    assert root.xpath("//span[@class='pb']//img[@class='facs']/@src") == ["tei/page1.png"]


def test_right_to_left_letter(tmp_path):
    """An Arabic letter: the page and the text right to left, the English note and the transliteration left to
    right, the correspondence description shown, @rend a class, @rendition's CSS filtered."""
    site = build_html([FIXTURES / "foreign" / "letter-rtl.xml"], tmp_path, force=True, params={"languages": "en ru"}).parent
    root = page(site, "text.html")
    assert root.get("dir") == "rtl" and root.get("lang") == "en"
    assert root.xpath("//header[@class='site-header']/@dir") == ["ltr"]
    article = root.xpath("//article[contains(@class, 'edition')]")[0]
    assert article.get("lang") == "ar" and article.get("dir") == "rtl"
    assert root.xpath("//*[@lang='ar-Latn']/@dir") == ["ltr"]
    assert root.xpath("//li[starts-with(@id, 'fn-')]/@lang") == ["en"]
    bold = root.xpath("//strong[contains(@class, 'rend-bold')]")[0]
    assert bold.get("style") == "color: #a00"     # the url() declaration is dropped
    index = page(site, "index.html")
    corresp = " ".join(index.get_element_by_id("correspondence").text_content().split())
    assert "Sent" in corresp and "محمد" in corresp and "القاهرة" in corresp
