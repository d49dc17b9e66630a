"""The site search as a reader uses it, in headless Chromium from file:// (issue 16, point 2).

Queries are typed into search.html?q=… of the built Kazakh edition (and of a small corpus) and the results
read from the page: a Latin query finds the Cyrillic person and text; a misspelt one finds them by the typo
tolerance; "Alma-Ata" finds the place; a quoted phrase keeps its words in sequence; a word only in a
commentary note, a witness reading only in the apparatus; the facets filter; the client's keys are the
index's; nothing of a document's text becomes markup.
"""
from __future__ import annotations

import shutil
import sys
from pathlib import Path
from urllib.parse import quote

import pytest

from conftest import ROOT
from tools.core.project import load_project
from tools.targets import search_index as si
from tools.targets.html import build_html

EDITION = ROOT / "tei" / "kazakhstan-1920-1932.xml"
MINI = ROOT / "tests" / "fixtures" / "mini-edition.xml"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_html([EDITION], tmp_path_factory.mktemp("search")).parent


@pytest.fixture(scope="module")
def corpus_site(tmp_path_factory) -> Path:
    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import make_corpus

    src = tmp_path_factory.mktemp("corpus-src")
    make_corpus(src, 3, seed=11)
    return build_html([], tmp_path_factory.mktemp("corpus-out"), project=load_project(src)).parent


@pytest.fixture
def search(browser):
    """search(site, q) -> the page of search.html?q=q once its results (or "no results") are shown."""
    contexts = []

    def open_(site: Path, q: str):
        ctx = browser.new_context(viewport={"width": 1366, "height": 900})
        ctx.add_init_script("try { localStorage.setItem('kse-lang', 'en'); } catch (e) {}")
        contexts.append(ctx)
        pg = ctx.new_page()
        pg.errors = []
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        pg.goto(f"{site.as_uri()}/search.html?q={quote(q)}")
        pg.wait_for_selector("#search-results[data-done]", state="attached")
        assert pg.input_value("#q") == q  # the query is in the box, the results came without a keystroke
        return pg

    yield open_
    for ctx in contexts:
        ctx.close()


def groups(pg) -> dict[str, list[tuple[str, str]]]:
    """kind -> [(link, snippet text)] of the results shown."""
    return pg.evaluate("""() => {
      const out = {};
      document.querySelectorAll('#search-results .result-group').forEach(sec => {
        out[sec.dataset.kind] = [...sec.querySelectorAll('li')].map(li =>
          [li.querySelector('a.rn').getAttribute('href'), li.querySelector('.snippet').textContent]);
      });
      return out;
    }""")


def facets(pg) -> dict[str, int]:
    return pg.evaluate("""() => Object.fromEntries([...document.querySelectorAll('.facet-kind')].map(b =>
      [b.dataset.kind, Number(b.querySelector('.facet-n').textContent)]))""")


def marked(pg) -> set[str]:
    return set(pg.locator("#search-results .snippet mark").all_text_contents())


def test_latin_query_finds_the_person_and_the_text(site, search):
    pg = search(site, "Seifullin")
    found = groups(pg)
    assert ["persons.html#pers.seifullin"] == [href for href, _ in found["person"]]
    assert "Сейфуллин" in found["person"][0][1]
    assert len(found["text"]) >= 5 and all("Сейфуллин" in snippet for _, snippet in found["text"])
    assert all(href.startswith("text.html?q=Seifullin#p") for href, _ in found["text"])
    assert "Сейфуллин" in marked(pg) and "Seifullin" in marked(pg)  # the English note says Seifullin
    assert pg.locator(".fuzzy").count() == 0  # one key for both scripts: an exact match, not a similar word
    assert groups(search(site, "Seyfullin"))["person"] == found["person"]
    assert pg.errors == []


def test_misspelt_query_finds_them_by_the_typo_tolerance(site, search):
    pg = search(site, "Сейфулин")
    found = groups(pg)
    assert [href for href, _ in found["person"]] == ["persons.html#pers.seifullin"]
    assert len(found["text"]) >= 5 and pg.locator(".fuzzy").count() >= 6


def test_alma_ata_finds_the_place(site, search):
    pg = search(site, "Alma-Ata")
    found = groups(pg)
    assert "places.html#pl.almaty" in [href for href, _ in found["place"]]
    # the hyphenated name is one phrase: a paragraph with "Алматы" and some "ата…" elsewhere is not a hit,
    # and only the name is marked in the snippets (not "Алматыға" or "аталды" beside it)
    assert "text" not in found
    assert marked(pg) <= {"Alma", "Ata", "Алма", "Ата"} and "Alma" in marked(pg)
    pg.goto(pg.url.split("?")[0] + "?q=" + quote("Алма-Ата"))
    pg.wait_for_selector("#search-results[data-done]", state="attached")
    assert "places.html#pl.almaty" in [href for href, _ in groups(pg)["place"]]


def test_quoted_phrase_matches_the_words_in_sequence(site, search):
    pg = search(site, '"жаңа экономикалық саясат"')
    found = groups(pg)
    hits = [s for kind in found for _, s in found[kind]]
    assert hits and all(si.fold("жаңа экономикалық саясат") in si.fold(s) for s in hits)
    assert any(href.startswith("text.html") for href, _ in found["text"])
    assert {si.key(m) for m in marked(pg)} <= {si.key(w) for w in ("жаңа", "экономикалық", "саясатқа", "саясат")}
    pg = search(site, '"саясат экономикалық жаңа"')  # the same words, not in that order
    assert pg.locator(".result-group").count() == 0
    assert search(site, "саясат экономикалық жаңа").locator(".result-group").count() > 0  # unquoted: they are


def test_a_word_only_in_a_commentary_note(site, search):
    pg = search(site, "collectivisation")
    found = groups(pg)
    assert list(found) == ["note"] and all(href.startswith("commentary.html#cmt.") for href, _ in found["note"])
    assert {m.lower() for m in marked(pg)} == {"collectivisation"}


def test_a_witness_reading_only_in_the_apparatus(site, search):
    # ¶ 22: the witness reads "оолды" where the text has "болды" (apparatus entry 41)
    pg = search(site, "оолды")
    found = groups(pg)
    assert [href for href, _ in found["app"]] == ["apparatus.html#a41"]
    assert "болды] оолды W" in found["app"][0][1]
    assert pg.locator(".witness-hit").count() == 1  # the text hit is the witness's, marked so


def test_facets_count_and_filter(site, search):
    pg = search(site, "Alma-Ata")
    counts = facets(pg)
    assert counts["place"] >= 1 and counts["person"] >= 1 and counts["note"] >= 1
    assert sum(counts.values()) == int(pg.locator(".result-count").text_content().split(":")[1].split()[0])
    pg.click(".facet-kind[data-kind=place]")
    pg.wait_for_selector(".facet-kind[data-kind=place][aria-pressed=true]")
    pg.wait_for_selector("#search-results[data-done]", state="attached")
    assert list(groups(pg)) == ["place"]
    pg.click(".facet-kind[data-kind=place]")
    pg.wait_for_selector(".facet-kind[data-kind=place][aria-pressed=false]")
    pg.wait_for_selector("#search-results[data-done]", state="attached")
    shown = groups(pg)
    assert set(shown) == set(counts)  # the first view has every kind: ten results taken in turn from each
    assert sum(len(v) for v in shown.values()) == min(10, sum(counts.values()))


def test_the_client_keys_are_the_index_keys(site, search):
    pg = search(site, "Seifullin")
    words = ["Сейфуллин", "Seyfullin", "Қазақстан", "QAZAQSTAN", "Kazakhstan", "Алма-Ата", "Aлмaты", "Жамбыл",
             "Zhambyl", "İlitş", "Ильич", "Öskemen", "съезд", "ЯНВАРЬ", "Дмитрий", "1921", "Ұлытау", "Хлудов"]
    for w in words:
        for part in si.words(w):
            assert pg.evaluate("w => window.KSE_KEY(w)", part) == si.key(part), part


def test_text_page_highlights_a_latin_query(site, browser):
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.goto(f"{site.as_uri()}/text.html?q=Seifullin#p2")
    pg.wait_for_selector("mark.hit")
    assert "Сейфуллин" in pg.locator("mark.hit").all_text_contents()
    ctx.close()


def test_a_documents_text_never_becomes_markup(tmp_path, search):
    src = tmp_path / "src"
    src.mkdir()
    data = MINI.read_text(encoding="utf-8").replace(
        "контрреволюциялық элементтер", 'контрреволюциялық &lt;img src="x" onerror="window.PWNED=1"&gt; элементтер', 1)
    (src / "mini-edition.xml").write_text(data, encoding="utf-8")
    site = build_html([src / "mini-edition.xml"], tmp_path / "out", force=True).parent
    pg = search(site, "onerror")
    assert pg.locator("#search-results img").count() == 0
    assert 'onerror="window.PWNED=1"' in pg.locator("#search-results .snippet").first.text_content()
    assert pg.evaluate("window.PWNED") is None


def test_corpus_facets_per_document(corpus_site, search):
    pg = search(corpus_site, "Қазақстан")
    docs = pg.locator(".facet-doc")
    assert docs.count() >= 2
    first = docs.first
    title = first.text_content().rsplit(" ", 1)[0]
    first.click()
    pg.wait_for_selector(".facet-doc[aria-pressed=true]")
    pg.wait_for_selector("#search-results[data-done]", state="attached")
    shown = set(pg.locator("#search-results .result-doc").all_text_contents())
    assert shown == {title}
    # a register entry of the shared registers is one result, leading to its page
    pg = search(corpus_site, "Seifullin")
    assert [href for href, _ in groups(pg)["person"]] == ["persons/pers.seifullin.html"]


def test_a_finely_split_index_finds_the_same(site, tmp_path_factory, search, monkeypatch):
    """Shards split down to four letters (a large corpus's index): the client walks the split keys."""
    monkeypatch.setattr(si, "SPLIT_BYTES", 1500)
    fine = build_html([EDITION], tmp_path_factory.mktemp("fine")).parent
    meta = (fine / "search" / "meta.js").read_text(encoding="utf-8")
    split = __import__("json").loads(meta[meta.index("=") + 1:].strip().rstrip(";"))["split"]
    assert any(len(k) == 3 for k in split) and any(len(s) == 4 for subs in split.values() for s in subs)
    for q in ("Seifullin", "Сейфулин", "жыл", "ка"):
        pg = search(fine, q)
        coarse = search(site, q)
        found = pg.locator(".result-count").text_content()
        assert found == coarse.locator(".result-count").text_content(), q
