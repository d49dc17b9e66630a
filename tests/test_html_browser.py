"""The HTML reading edition in a real headless browser (Debian chromium driven by Playwright).

Loads the site of the mini edition from disk (file://), switches the three views, checks the apparatus
tooltip on hover and on keyboard focus, follows a register link and back, runs Kazakh-aware searches,
switches the interface to English, and asserts that no request leaves file://. Screenshots of every step
go to build/test-screenshots/ to be looked at.
"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tools.targets.html import build_html

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini-edition.xml"
SHOTS = ROOT / "build" / "test-screenshots"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

pytestmark = pytest.mark.slow  # the full suite only (./setup.sh test); see pyproject.toml


def test_chromium_is_installed():
    assert Path(CHROMIUM).exists() and shutil.which("chromium"), "Debian chromium is needed: run ./setup.sh"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    return build_html([MINI], tmp_path_factory.mktemp("browser")).parent


@pytest.fixture(scope="module")
def browser():
    from playwright import sync_api

    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser):
    SHOTS.mkdir(parents=True, exist_ok=True)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    pg = context.new_page()
    pg.requests = []
    pg.errors = []
    pg.on("request", lambda r: pg.requests.append(r.url))
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    yield pg
    outside = [u for u in pg.requests if not u.startswith(("file://", "data:", "about:"))]
    assert outside == [], "requests left file://"
    assert pg.errors == []
    context.close()


def shot(pg, name):
    pg.screenshot(path=str(SHOTS / f"{name}.png"))


def test_three_views(site, page):
    page.goto((site / "text.html").as_uri())
    lem, sic = page.locator("#app-2 > .lem"), page.locator("#app-2 > .sic")
    assert lem.is_visible() and sic.is_hidden()
    assert page.locator(".para-app").first.is_hidden()
    shot(page, "01-reading")

    page.click("label[for=view-diplomatic]")
    assert sic.is_visible() and lem.is_hidden()
    assert page.url.endswith("text.html")  # no reload, no navigation
    shot(page, "02-diplomatic")

    page.click("label[for=view-apparatus]")
    assert lem.is_visible() and sic.is_hidden()
    assert page.locator("#appn-2").is_visible()
    page.hover("#app-2 > .lem")
    assert page.locator("#tip-2").is_visible() and "жыды" in page.locator("#tip-2").inner_text()
    shot(page, "03-apparatus-hover")
    page.mouse.move(5, 5)
    page.focus("#app-5 > a.app-mark")  # keyboard focus shows the witness reading too
    assert page.locator("#tip-5").is_visible() and "болді" in page.locator("#tip-5").inner_text()
    page.keyboard.press("Escape")
    page.locator("#tip-5").wait_for(state="hidden")

    page.reload()  # the chosen view is remembered
    assert page.locator("#view-apparatus").is_checked()
    page.click("label[for=view-reading]")


def test_keyboard_switches_views(site, page):
    page.goto((site / "text.html").as_uri())
    page.click("label[for=view-reading]")
    page.focus("#view-reading")
    page.keyboard.press("ArrowRight")
    assert page.locator("#view-diplomatic").is_checked()
    assert page.locator("#app-2 > .sic").is_visible()
    page.keyboard.press("ArrowLeft")


def test_register_link_and_back(site, page):
    page.goto((site / "text.html").as_uri())
    page.click("label[for=view-reading]")
    page.click("a[href='persons.html#pers.lenin'] >> nth=0")
    page.wait_for_url("**/persons.html#pers.lenin")
    assert page.url.endswith("persons.html#pers.lenin")
    assert page.locator("#pers\\.lenin").is_visible()
    shot(page, "04-register")
    page.click("#pers\\.lenin a[href='text.html#pers.lenin-2']")
    page.wait_for_url("**/text.html#pers.lenin-2")
    assert page.url.endswith("text.html#pers.lenin-2")
    assert page.locator("#pers\\.lenin-2").is_visible()
    page.go_back()
    assert page.url.endswith("persons.html#pers.lenin")
    page.go_back()
    assert page.url.endswith("text.html")


def test_kazakh_aware_search(site, page):
    page.goto((site / "search.html").as_uri() + "?q=кун")
    results = page.locator("#search-results .results li")
    assert results.count() >= 1 and "күн" in results.first.inner_text()
    page.fill("#q", "КАЗАК")
    page.wait_for_function("document.querySelectorAll('#search-results .results li').length >= 4")  # head + p2, p4, p6
    assert "Қазақстан" in page.locator("#search-results").inner_text()
    shot(page, "05-search")
    page.fill("#q", "жыды")  # a witness error is found in the witness text
    page.wait_for_selector("#search-results .witness-hit")
    page.fill("#q", "мұратбаевтан")
    page.wait_for_function("document.querySelector('#search-results').innerText.includes('Мұратбаевтан')")
    assert page.locator("#search-results .results li").count() == 1
    page.click("#search-results .results a")
    page.wait_for_url("**/text.html?q=*#p4")
    page.wait_for_selector("mark.hit")
    assert "text.html" in page.url and page.url.endswith("#p4")
    assert page.locator("mark.hit").count() == 1


def test_quick_search_from_the_header(site, page):
    page.goto((site / "index.html").as_uri())
    page.fill(".quick-search input", "ленин")
    page.press(".quick-search input", "Enter")
    page.wait_for_url("**/search.html?q=*")
    page.wait_for_selector("#search-results[data-done]", state="attached")
    # the two paragraphs that name him, and his register entry
    assert page.locator("#search-results .group-text .results li").count() == 2
    assert page.locator("#search-results .group-person .results li").count() == 1


def test_interface_languages(site, page):
    page.goto((site / "text.html").as_uri())
    page.click("[data-lang-switch] button[data-lang=en]")
    assert page.locator("label[for=view-reading]").inner_text() == "Reading text"
    assert page.locator("html").get_attribute("lang") == "en"
    assert page.locator("#app-2 .app-mark").get_attribute("aria-label") == "Apparatus 2"
    page.goto((site / "chronology.html").as_uri())  # the choice holds across pages
    assert "8–16 March 1921" in page.locator("#y1921 table.chronology").inner_text()
    shot(page, "06-chronology-en")
    page.click("[data-lang-switch] button[data-lang=ru]")
    assert "8–16 марта 1921 г." in page.locator("#y1921 table.chronology").inner_text()
    assert page.locator("html").get_attribute("lang") == "ru"
    assert page.locator(".site-nav a[href='chronology.html']").inner_text() == "Хронология"
    page.click("[data-lang-switch] button[data-lang=kk]")
    assert "1921 ж. 8–16 наурыз" in page.locator("#y1921 table.chronology").inner_text()
    assert page.locator("[data-lang-switch] button[data-lang=kk]").get_attribute("aria-pressed") == "true"


def test_phone_width(site, browser):
    context = browser.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=2)
    pg = context.new_page()
    pg.goto((site / "text.html").as_uri())
    width = pg.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, "horizontal scrolling on a phone"
    pg.screenshot(path=str(SHOTS / "07-phone.png"))
    context.close()


def test_without_javascript_reading_view_and_apparatus(site, browser):
    context = browser.new_context(java_script_enabled=False)
    pg = context.new_page()
    pg.goto((site / "text.html").as_uri())
    assert pg.locator("#app-2 > .sic").is_hidden() and pg.locator("#app-2 > .lem").is_visible()
    pg.click("label[for=view-apparatus]")  # CSS alone switches the views
    assert pg.locator("#appn-2").is_visible()
    pg.goto((site / "apparatus.html").as_uri())
    assert pg.locator("table.apparatus-table tbody tr").count() == 11
    context.close()
