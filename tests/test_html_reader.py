"""The reading edition of the Kazakh article as a reader meets it, in headless Chromium (issue 16).

On the real edition (tei/kazakhstan-1920-1932.xml): at 390 px (a phone) and 1366 px, in the three interface
languages, no page scrolls sideways; every apparatus tooltip stays inside the viewport; axe-core (vendored in
tests/vendor/axe-core, see its README) finds no serious or critical violation, WCAG 2.2 AA target sizes
included; the keyboard reaches every apparatus entry; a note mark of the reading view brings its note into
view; the browser's print keeps the notes of the marks it prints; no English passage is tagged as another
language; the Latin text works without JavaScript; the citations take the address the site is served at.
"""
from __future__ import annotations

import functools
import http.server
import re
import threading
from pathlib import Path

import pytest

from tools.targets.html import build_html

ROOT = Path(__file__).resolve().parent.parent
EDITION = ROOT / "tei" / "kazakhstan-1920-1932.xml"
AXE = ROOT / "tests" / "vendor" / "axe-core" / "axe.min.js"
SHOTS = ROOT / "build" / "test-screenshots"
LANGS = ("kk", "en", "ru")
PAGES = ["index.html", "text.html", "text-latn.html", "apparatus.html", "persons.html", "places.html", "orgs.html",
         "chronology.html", "search.html", "cite.html", "cite.html#cite-p34", "search.html?q=%D0%A1%D0%B5%D0%B9%D1%84%D1%83%D0%BB%D0%BB%D0%B8%D0%BD"]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_html([EDITION], tmp_path_factory.mktemp("reader")).parent


@pytest.fixture
def open_page(browser, site):
    """open_page(name, width=1366, lang='kk', js=True) -> a page at that width, in that interface language."""
    contexts = []

    def open_(name: str, width: int = 1366, lang: str = "kk", js: bool = True, height: int = 900):
        ctx = browser.new_context(viewport={"width": width, "height": height}, java_script_enabled=js)
        ctx.add_init_script(f"try {{ localStorage.setItem('kse-lang', '{lang}'); localStorage.removeItem('kse-view'); }} catch (e) {{}}")
        contexts.append(ctx)
        pg = ctx.new_page()
        pg.errors = []
        pg.on("pageerror", lambda e: pg.errors.append(str(e)))
        pg.goto(f"{site.as_uri()}/{name}")
        return pg

    yield open_
    for ctx in contexts:
        ctx.close()


def set_view(pg, view):
    """Choose a view of text.html as a reader does: by its label (the radio button itself is hidden)."""
    pg.click(f"label[for=view-{view}]")
    assert pg.locator(f"#view-{view}").is_checked()


def shot(pg, name):
    SHOTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(SHOTS / f"reader-{name}.png"))


@pytest.mark.parametrize("lang", LANGS)
def test_no_page_scrolls_sideways_on_a_phone(open_page, lang):
    wide = []
    for name in PAGES:
        pg = open_page(name, width=390, lang=lang)
        views = ["reading", "diplomatic", "apparatus"] if name == "text.html" else [None]
        for view in views:
            if view:
                set_view(pg, view)
            width = pg.evaluate("Math.max(document.documentElement.scrollWidth, document.body.scrollWidth)")
            if width > 390:
                wide.append((name, view, width))
        assert pg.errors == [], (name, pg.errors)
        if lang == "kk":
            shot(pg, f"390-{name.replace('?', '_').replace('#', '_').replace('%', '')[:40]}")
    assert wide == []


TIPS_JS = """() => {
  const out = [], W = document.documentElement.clientWidth, H = window.innerHeight;
  for (const app of document.querySelectorAll('.app[id^="app-"]')) {
    const tip = app.querySelector(':scope > .app-tip');
    if (!tip) continue;
    const target = app.querySelector(':scope > a.app-mark') || app.closest('a.name');
    if (!target) { out.push([app.id, 'no focusable mark']); continue; }
    target.focus();
    if (getComputedStyle(tip).display === 'none') { out.push([app.id, 'hidden on focus']); continue; }
    const r = tip.getBoundingClientRect();
    if (r.left < 0 || r.right > W || r.top < 0 || r.bottom > H) out.push([app.id, [r.left, r.right, r.top, r.bottom, W, H]]);
  }
  return [out, document.querySelectorAll('.app[id^="app-"] > .app-tip').length];
}"""


@pytest.mark.parametrize("width", [390, 1366])
def test_every_tooltip_stays_inside_the_viewport(open_page, width):
    pg = open_page("text.html", width=width)
    set_view(pg, "apparatus")
    outside, count = pg.evaluate(TIPS_JS)
    assert count > 150                   # the edition's 190-odd entries
    assert outside == []
    # and one shown for the eye
    pg.focus("#app-1 > a.app-mark")
    shot(pg, f"tip-{width}")


def test_keyboard_reaches_every_apparatus_entry(open_page):
    pg = open_page("text.html")
    set_view(pg, "apparatus")
    pg.evaluate("""() => { window.__seen = new Set();
        document.addEventListener('focusin', e => { const app = e.target.closest('.app') ||
            (e.target.matches('a.name') ? e.target : null);
          if (e.target.matches('a.app-mark')) window.__seen.add(e.target.closest('.app').id);
          if (e.target.matches('a.name')) e.target.querySelectorAll('.app[id^="app-"]').forEach(a => window.__seen.add(a.id)); }); }""")
    pg.focus("#view-apparatus")
    total = pg.evaluate("document.querySelectorAll('a, button, input, [tabindex]').length")
    for _ in range(total + 10):
        pg.keyboard.press("Tab")
    wanted = pg.evaluate("[...document.querySelectorAll('.app[id^=\"app-\"]')].filter(a => a.querySelector(':scope > .app-tip')).map(a => a.id)")
    seen = set(pg.evaluate("[...window.__seen]"))
    assert len(wanted) > 150
    assert [a for a in wanted if a not in seen] == []


def test_a_note_mark_brings_its_note_into_view(open_page):
    pg = open_page("text.html")
    set_view(pg, "reading")
    mark = pg.locator(".app-note > a.app-mark").nth(5)
    href = mark.get_attribute("href")
    mark.click()
    assert pg.locator("#view-apparatus").is_checked()
    note = pg.locator(href)
    assert note.is_visible()
    box, height = note.bounding_box(), pg.viewport_size["height"]
    assert 0 <= box["y"] and box["y"] + box["height"] <= height
    shot(pg, "note-in-view")


def test_the_browsers_print_keeps_the_notes(open_page):
    pg = open_page("text.html")
    set_view(pg, "reading")
    pg.emulate_media(media="print")
    marks = pg.locator(".app-note > a.app-mark:visible").count()
    notes = pg.locator(".para-app li.kind-note:visible").count()
    assert marks > 10 and notes == marks
    assert pg.locator(".para-app li:not(.kind-note):visible").count() == 0   # only what the marks point to
    pdf = pg.pdf()                     # and Chromium prints it
    assert pdf[:4] == b"%PDF"


ENGLISH_JS = """() => {
  const bad = [], english = /\\b(the|of|and|is|are|was|were|with|which|from|this|that|not)\\b/gi;
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const n = walker.currentNode, el = n.parentElement;
    if (!el || el.closest('script, style, [hidden], .cite-text, code') || !el.offsetParent && getComputedStyle(el).position !== 'fixed') continue;
    const t = n.nodeValue, words = (t.match(english) || []).length;
    if (words < 2 || /[\\u0400-\\u04FF]/.test(t) && (t.match(/[\\u0400-\\u04FF]/g).length > t.length / 3)) continue;
    const lang = (el.closest('[lang]') || document.documentElement).getAttribute('lang');
    if (!/^en/.test(lang)) bad.push([lang, t.trim().slice(0, 80)]);
  }
  return bad;
}"""


@pytest.mark.parametrize("lang", LANGS)
def test_no_english_passage_is_tagged_as_another_language(open_page, lang):
    for name in ["index.html", "text.html", "apparatus.html", "persons.html", "places.html", "orgs.html", "cite.html"]:
        pg = open_page(name, lang=lang)
        if name == "text.html":
            set_view(pg, "apparatus")
        assert pg.evaluate(ENGLISH_JS) == [], (name, lang)


def test_the_language_switch_changes_title_and_introduction(open_page):
    pg = open_page("index.html")
    intro = pg.locator("#introduction > .versions > .version")
    assert pg.locator("#introduction > .versions > .version[data-version='kk']").is_visible()
    assert pg.locator("#introduction > .versions > .version[data-version='en']").is_hidden()
    assert "Бұл басылым" in pg.locator("#introduction").inner_text()
    pg.click("[data-lang-switch] button[data-lang='en']")
    assert pg.title() == "Kazakhstan in the Period of the Restoration of the National Economy"
    assert pg.locator("#introduction > .versions > .version[data-version='en']").is_visible()
    assert pg.locator("#introduction > .versions > .version[data-version='kk']").is_hidden()
    assert pg.evaluate("document.documentElement.lang") == "en"
    pg.click("[data-lang-switch] button[data-lang='ru']")
    assert pg.title().startswith("Казахстан в период")
    assert "Издание даёт" in pg.locator("#introduction").inner_text()
    assert intro.count() == 3
    shot(pg, "index-ru")


AXE_JS = """() => axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice']},
                                   resultTypes: ['violations']})
  .then(r => r.violations.map(v => [v.id, v.impact, v.nodes.length, v.nodes.slice(0, 2).map(n => n.target.join(' '))]))"""


@pytest.mark.parametrize("width", [1366, 390])
def test_axe_finds_no_serious_violation(open_page, width):
    assert AXE.is_file(), "tests/vendor/axe-core/axe.min.js"
    found = {}
    cases = [(name, "kk", None) for name in PAGES[:10]] + [("text.html", "kk", "apparatus"), ("text.html", "kk", "diplomatic"),
                                                          ("index.html", "en", None), ("text.html", "ru", "apparatus")]
    for name, lang, view in cases:
        pg = open_page(name, width=width, lang=lang)
        if view:
            set_view(pg, view)
        pg.add_script_tag(path=str(AXE))
        violations = pg.evaluate(AXE_JS)
        serious = [v for v in violations if v[1] in ("serious", "critical")]
        if serious:
            found[(name, lang, view)] = serious
    assert found == {}


def test_the_latin_text_needs_no_javascript(open_page):
    pg = open_page("text-latn.html", js=False)
    assert pg.locator("article.edition-script").get_attribute("lang") == "kk-Latn"
    assert "Qazaqstan" in pg.locator("#p1").inner_text()
    assert pg.locator("details.letter-table").count() == 1
    pg = open_page("text.html", js=False)
    assert pg.locator("p.script-links a[href='text-latn.html']").is_visible()


@pytest.fixture(scope="module")
def served(site):
    """The site over http on localhost (the citations take the address they are read at)."""
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()


def test_citations_take_the_address_and_day_of_reading(browser, served):
    ctx = browser.new_context()
    pg = ctx.new_page()
    pg.goto(f"{served}/cite.html#cite-p12")
    # (the formats are folded away in <details>: their text is read, not their rendering)
    url = pg.locator("#cite-p12-bibtex-kk .cite-url").text_content()
    assert url == f"{served}/text.html#p12"
    day = pg.evaluate("new Date().toISOString().slice(0, 10)")
    assert pg.locator("#cite-p12-bibtex-kk .cite-date").text_content() == pg.evaluate(
        "(() => { const d = new Date(); return d.getFullYear() + '-' + String(d.getMonth() + 1).padStart(2, '0') + '-' + String(d.getDate()).padStart(2, '0'); })()")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", day)
    ris = pg.locator("#cite-p12-ris-kk").text_content()
    assert f"UR  - {served}/text.html#p12" in ris and "ET  - 0.1" in ris
    # only ¶ 12's section shows
    assert pg.locator("#cite-p12").is_visible() and pg.locator("#cite-p13").is_hidden()
    ctx.close()
