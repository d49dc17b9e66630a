"""The print edition (tools.build_pdf): read the PDF back with poppler and check it against the TEI.

One build (A4) of tests/fixtures/print-mini.xml, and one of a snapshot of the edition once its registers are
merged, serves every test that takes `built`. What a page holds is told
apart by type size, as a reader would: the running text is the commonest size on a page, the apparatus what
stands below the last body line (page-foot notes), the folio and running head stand above the first.
On a failure the PDF is kept in the pytest temporary folder (printed in the assertion) for inspection.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from lxml import etree

from tools.targets.pdf import PHASES, anchor_pages, build_pdf, lay_out_text_part, paper_sizes
from tools.core.errors import ToolError

pytestmark = pytest.mark.slow  # the full suite only (./setup.sh test); see pyproject.toml


def test_poppler_is_installed():
    assert shutil.which("pdftotext"), "poppler-utils is needed: run ./setup.sh"

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "print-mini.xml"
EDITION = ROOT / "tei" / "kazakhstan-1920-1932.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SIGLUM = "W"


# ---------------------------------------------------------------- reading the TEI (text/tail aware)
def _local(el) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def reading(el) -> str:
    """The reading text of an element as the print edition shows it: corrections, no witness errors, no notes."""
    parts: list[str] = []

    def walk(e):
        name, parent = _local(e), e.getparent()
        if name == "note" or (name in ("sic", "orig", "abbr") and parent is not None and _local(parent) == "choice"):
            return
        if name == "supplied":
            parts.append("⟨")
        parts.append(e.text or "")
        for child in e:
            if isinstance(child.tag, str):
                walk(child)
            parts.append(child.tail or "")
        if name == "supplied":
            parts.append("⟩")

    walk(el)
    return norm("".join(parts))


def norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def flat(s: str) -> str:
    """For comparing running text: a line may break after a hyphen ("1-|конференциясы"), so drop the space there."""
    return re.sub(r"-\s+", "-", norm(s))


def in_text(tree):
    """Elements of the text proper (no header, no registers, no web-page residue)."""
    return [e for e in tree.iter(f"{TEI}choice", f"{TEI}sic", f"{TEI}persName", f"{TEI}placeName")
            if e.xpath("ancestor::*[local-name()='body']")]


TEXTUAL = {"choice", "app", "supplied"}


def interventions(tree) -> list:
    """What gets an apparatus entry (cf. kse:is-intervention): choice, app, supplied, sic or corr alone, and an
    editorial note unless it follows one of these directly or stands inside one; nothing nested in another."""
    def textual(e):
        return _local(e) in TEXTUAL or (_local(e) in ("sic", "corr") and _local(e.getparent()) != "choice")

    found = []
    for e in tree.iter(f"{TEI}choice", f"{TEI}app", f"{TEI}supplied", f"{TEI}sic", f"{TEI}corr", f"{TEI}note"):
        if not e.xpath("ancestor::*[local-name()='body']") or e.xpath("ancestor::*[local-name()='choice' or "
                                                                     "local-name()='app']"):
            continue
        if _local(e) == "note":
            prev = e.getprevious()
            attached = (prev is not None and not (prev.tail or "").strip() and textual(prev)) or textual(e.getparent())
            if e.get("type") == "editorial" and not attached:
                found.append(e)
        elif textual(e) and not e.xpath("ancestor::*[local-name()='supplied']"):
            found.append(e)
    return found


# ---------------------------------------------------------------- reading the PDF
@dataclass
class Page:
    number: int
    body: str = ""            # the running text, footnote calls left out
    apparatus: str = ""       # the page-foot notes
    words: list = field(default_factory=list)
    notes: list = field(default_factory=list)  # the words of the page-foot notes, in reading order


def pdf_pages(pdf: Path) -> list[Page]:
    out = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    chunks = re.findall(r"<page [^>]*>(.*?)</page>", out, re.S)
    page_words = []
    for chunk in chunks:
        words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(
            r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>', chunk)]
        page_words.append([(x0, y0, x1, y1, _unescape(w)) for x0, y0, x1, y1, w in words])
    # the running text is what most words of the book are (not of each page: a last page of text may hold
    # more words of notes than of text)
    heights = Counter(round(y1 - y0, 1) for words in page_words for _, y0, _, y1, _ in words)
    body_h = heights.most_common(1)[0][0] if heights else 0
    pages = []
    for n, words in enumerate(page_words, start=1):
        page = Page(n, words=words)
        body = [w for w in words if abs(round(w[3] - w[1], 1) - body_h) <= 0.3]
        if body:
            bottom = max(w[3] for w in body)
            page.body = " ".join(w[4] for w in _in_reading_order(body))
            page.notes = _in_reading_order(w for w in words if w[1] > bottom)
            page.apparatus = " ".join(w[4] for w in page.notes)
        pages.append(page)
    return pages


def _lines(words) -> list[list]:
    """Words grouped into lines, top to bottom, each left to right: a new line starts where the baseline
    drops by more than 2 pt (bold, italic and superscript words of one line differ by less)."""
    lines: list[list] = []
    last = None
    for w in sorted(words, key=lambda w: w[3]):
        if last is None or w[3] - last > 2:
            lines.append([])
        lines[-1].append(w)
        last = w[3]
    return [sorted(line, key=lambda w: w[0]) for line in lines]


def _in_reading_order(words) -> list:
    return [w for line in _lines(words) for w in line]


def _unescape(s: str) -> str:
    return (s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
            .replace("&amp;", "&"))


def page_text(pdf: Path, n: int) -> str:
    out = subprocess.run(["pdftotext", "-f", str(n), "-l", str(n), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    # footnote calls glued to the word they follow: "қаржысы20", "І.121 Қабылов"
    return norm(re.sub(r"(?<=[^\W\d_]\.)\d+(?=\s)", "", re.sub(r"(?<=[^\W\d_])\d+", "", out)))


def page_labels(pdf: Path) -> list[str]:
    """The printed folio of each page, from the PDF's page labels (front matter in roman numerals)."""
    import pikepdf

    with pikepdf.Pdf.open(pdf) as doc:
        return [page.label for page in doc.pages]


def physical(pdf: Path, folio: str | int) -> int:
    """The page (1-based, as pdftotext counts) that carries the printed folio (`12`, `iii`)."""
    labels = page_labels(pdf)
    assert labels.count(str(folio)) == 1, f"folio {folio} of {pdf}: {labels}"
    return labels.index(str(folio)) + 1


def named_pages(doc) -> dict[str, int]:
    """{named destination: index (0-based) of its page} of a pikepdf document (one flat name tree, as the
    join writes it)."""
    index_of = {page.objgen: i for i, page in enumerate(doc.pages)}
    items = list(doc.Root.Names.Dests.Names)
    return {str(items[i]): index_of[items[i + 1][0].objgen] for i in range(0, len(items), 2)}


# ---------------------------------------------------------------- the build
SOURCES = [MINI] + ([EDITION] if EDITION.exists() and b"<standOff" in EDITION.read_bytes() else [])


@pytest.fixture(scope="module", params=SOURCES, ids=lambda p: p.stem)
def built(request, tmp_path_factory):
    out = tmp_path_factory.mktemp("pdf")
    # build from a snapshot: the edition may be edited while the tests run
    (out / "tei").mkdir()
    src = out / "tei" / request.param.name
    shutil.copy(request.param, src)
    before = hashlib.sha256(src.read_bytes()).hexdigest()
    timings: dict[str, float] = {}
    [pdf] = build_pdf([src], out / "build", timings=timings)
    assert hashlib.sha256(src.read_bytes()).hexdigest() == before, "the build must not touch the source"
    tree = etree.parse(str(src))
    return pdf, pdf_pages(pdf), tree, timings


def test_writes_pdf_under_outdir_pdf(built):
    pdf, pages, _, timings = built
    assert pdf.parent.name == "pdf" and pdf.suffix == ".pdf" and pdf.stat().st_size > 10_000
    assert set(timings) == set(PHASES) and all(timings[phase] > 0 for phase in ("layout-text", "layout-front",
                                                                              "layout-back", "join"))
    assert len(pages) >= 10


def test_body_has_corrected_readings_and_not_the_errors(built):
    pdf, pages, tree, _ = built
    paras = [reading(p) for p in tree.iter(f"{TEI}p") if p.get("n")]
    first = next(p.number for p in pages if flat(paras[0])[:40] in flat(p.body))
    last = next(p.number for p in reversed(pages) if flat(paras[-1])[-40:] in flat(p.body))
    body = flat(" ".join(p.body for p in pages[first - 1:last]))
    expected_body = flat(" ".join(paras))
    for choice in (e for e in in_text(tree) if _local(e) == "choice"):
        corr, sic = flat(reading(choice.find(f"{TEI}corr"))), flat("".join(choice.find(f"{TEI}sic").itertext()))
        assert corr in body, f"corrected reading {corr!r} missing from the body of {pdf}"
        if sic != corr:
            # the witness error may only appear in the body as often as the same word is right elsewhere
            word = re.compile(rf"(?<!\w){re.escape(sic)}(?!\w)")
            assert len(word.findall(body)) <= len(word.findall(expected_body)), f"witness error {sic!r} in the body"


def test_apparatus_has_every_intervention_once_with_witness_reading(built):
    pdf, pages, tree, _ = built
    apparatus = flat(" ".join(p.apparatus for p in pages))
    for el in in_text(tree):
        if _local(el) == "choice":
            corr, sic = reading(el.find(f"{TEI}corr")), norm("".join(el.find(f"{TEI}sic").itertext()))
            entry = f"{corr}] {sic} {SIGLUM}"
        elif _local(el) == "sic" and _local(el.getparent()) != "choice":
            entry = f"{norm(''.join(el.itertext()))} {SIGLUM}"
        else:
            continue
        assert flat(entry) in apparatus, f"apparatus entry {entry!r} missing in {pdf}"
    # certainty and notes are printed where present
    certs = {c.get("cert") for c in tree.iter(f"{TEI}corr")}
    assert ("орташа" in apparatus) == ("medium" in certs) and ("төмен" in apparatus) == ("low" in certs)
    for note in tree.iter(f"{TEI}note"):
        if note.get("type") == "editorial" and note.xpath("ancestor::*[local-name()='body']"):
            assert flat("".join(note.itertext()))[:40] in apparatus, f"note missing: {norm(note.xpath('string()'))[:60]}"


def test_apparatus_numbers_run_once_in_order(built):
    pdf, pages, tree, _ = built
    count = len(interventions(tree))
    markers = []
    for p in pages:
        notes = p.notes
        if not notes:
            continue
        text_h = Counter(round(w[3] - w[1], 1) for w in notes).most_common(1)[0][0]
        markers += [int(w[4]) for w in notes if w[4].isdigit() and round(w[3] - w[1], 1) < text_h - 0.4]
    assert markers == list(range(1, count + 1)), f"apparatus numbers of {pdf}: {markers}"


def test_apparatus_is_keyed_by_paragraph_in_order(built):
    """Each paragraph that has interventions opens its apparatus with its number ("¶ 6") once, in text order."""
    pdf, pages, tree, _ = built
    apparatus = flat(" ".join(p.apparatus for p in pages))
    keys = [int(k) for k in re.findall(r"¶ (\d+) (?=\d+ )", apparatus)]   # "¶ 6 12 lemma]", not "cf. ¶ 62, 63"
    blocks = []
    for el in interventions(tree):
        p = next((a for a in el.iterancestors(f"{TEI}p")), None)
        if p is not None and p.get("n") and p.get("n") not in blocks:
            blocks.append(p.get("n"))
    assert keys == [int(n) for n in blocks], f"paragraph keys of the apparatus of {pdf}: {keys}"


def _lines_below_head(page: Page) -> list[str]:
    """The lines of a page without its running head and folio (whatever stands above the running text)."""
    heights = Counter(round(w[3] - w[1], 1) for w in page.words)
    if not heights:
        return []
    body_h = heights.most_common(1)[0][0]
    top = min(w[1] for w in page.words if round(w[3] - w[1], 1) >= body_h - 0.3)  # running text or a title
    return [" ".join(w[4] for w in line) for line in _lines(w for w in page.words if w[1] >= top - 1)]


def _starts_entry(text: str, at: int) -> bool:
    """An entry starts after the end of another (its page numbers), a letter heading or the note under the title."""
    before = text[:at].rstrip("\n").rsplit("\n", 1)[-1]
    return bool(re.search(r"\d$", before) or re.fullmatch(r"[^\W\d_]", before) or before.endswith("көрсетеді."))


BACK_TITLES = ("Кісі есімдерінің көрсеткіші", "Жер-су атауларының көрсеткіші", "Ұйымдар көрсеткіші", "Мазмұны")
PAGES_AT_END = re.compile(r"((?:\d+(?:–\d+)?)(?:, \d+(?:–\d+)?)*)$")


def index_pages(pdf: Path, pages: list[Page], title: str, heads: list[str]) -> list[list[int]]:
    """The page numbers an index prints for each entry (given by the words its heading starts with; two
    entries may share them, e.g. the town and the river Орал).

    The index is read as text from its title to the end of the book; an entry runs from its heading (at the
    start of a line) to the next heading, and its page numbers are the run of numbers that ends it.
    """
    first = next(p.number for p in pages if title in page_text(pdf, p.number))
    text = "\n".join(line for p in pages[first - 1:] for line in _lines_below_head(p))
    text = text[text.index(title):]
    ends = [text.find("\n" + t) for t in BACK_TITLES if t != title and text.find("\n" + t) > 0]
    text = text[:min(ends, default=len(text))]
    starts: list[int] = []
    for head in heads:
        pattern = r"(?m)^" + r"\s+".join(map(re.escape, head.split())) + r"(?=[\s,(])"
        found = [m.start() for m in re.finditer(pattern, text)
                 if m.start() not in starts and _starts_entry(text, m.start())]
        assert found, f"index entry {head!r} not found in {title!r} of {pdf}"
        starts.append(found[0])
    order = sorted(starts)
    result = []
    for start in starts:
        nxt = next((o for o in order if o > start), None)
        chunk = norm(text[start:nxt])
        chunk = re.sub(r"\s+[^\W\d_]$", "", chunk)  # a letter heading (Қ) before the next entry
        found = PAGES_AT_END.search(chunk)
        assert found, f"no page numbers at the end of {chunk!r}"
        numbers = []
        for part in found.group(1).split(", "):
            a, _, b = part.partition("–")
            numbers.extend(range(int(a), int(b or a) + 1))
        result.append(numbers)
    return result


@pytest.mark.parametrize("kind,title", [("person", "Кісі есімдерінің көрсеткіші"),
                                        ("place", "Жер-су атауларының көрсеткіші")])
def test_every_register_entry_is_indexed_on_pages_that_hold_it(built, kind, title):
    pdf, pages, tree, _ = built
    refs: dict[str, list[str]] = {}
    for el in in_text(tree):
        if el.get("ref"):
            refs.setdefault(el.get("ref").lstrip("#"), []).append(reading(el))
    entries = [e for e in tree.iter(f"{TEI}{kind}") if e.get(XML_ID) in refs]
    assert entries
    heads = {}
    for entry in entries:
        normalized = next(norm(n.text or "") for n in entry if _local(n) in ("persName", "placeName"))
        heads[entry.get(XML_ID)] = normalized.split()[-1] if kind == "person" else normalized
    printed = index_pages(pdf, pages, title, list(heads.values()))
    for (key, head), numbers in zip(heads.items(), printed):
        assert numbers and numbers == sorted(set(numbers)), f"{head}: page numbers not distinct and ascending"
        forms = {flat(f) for f in refs[key]}
        for n in numbers:
            assert _holds(pdf, pages, physical(pdf, n), forms), f"{head}: page {n} of {pdf} holds none of {forms}"


def _holds(pdf: Path, pages: list[Page], n: int, forms: set[str]) -> bool:
    """Page n (as pdftotext counts) holds one of the forms — or ends it: a name the page break splits ("Шығыс | Қазақстан") is
    cited on the page where it ends."""
    text = flat(page_text(pdf, n))
    if any(f in text for f in forms):
        return True
    if n < 2:
        return False
    end, start = _plain_words(pages[n - 2].body), _plain_words(pages[n - 1].body)
    for form in forms:
        words = _plain_words(form)
        if any(end[-k:] == words[:k] and start[:len(words) - k] == words[k:] for k in range(1, len(words))):
            return True
    return False


def _plain_words(s: str) -> list[str]:
    """Words without the marks glued to them ("қаржысы20") and without the punctuation around them."""
    return [w.strip(".,;:()«»\"") for w in re.sub(r"(?<=[^\W\d_])\d+", "", flat(s)).split()]


def test_fonts_embedded_noto_only(built):
    pdf, *_ = built
    out = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout
    rows = [line.split() for line in out.splitlines()[2:] if line.strip()]
    assert rows
    for row in rows:
        name, emb = row[0], row[-5]
        assert emb == "yes", f"font {name} not embedded"
        assert "Noto" in name, f"fallback font {name}: a glyph is missing from Noto Serif"
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    for letter in "әғқңөұүі":
        assert letter in text, f"Kazakh letter {letter} not extractable"
    assert "\ufffd" not in text


def test_paragraph_numbers_stand_in_the_outer_margin(built):
    _, pages, _, _ = built
    seen = {"left": 0, "right": 0}
    for p in pages:
        body = [w for w in p.words if round(w[3] - w[1], 1) >= 14]
        if len(body) < 100:  # not a page of the text (title page, index …)
            continue
        x_min, x_max = min(w[0] for w in body), max(w[2] for w in body)
        numbers = [w for w in p.words if w[4].isdigit() and (w[2] < x_min or w[0] > x_max) and w[1] > 80]
        for w in numbers:
            side = "left" if w[2] < x_min else "right"
            assert side == ("left" if p.number % 2 == 0 else "right"), f"¶ {w[4]} in the inner margin of p. {p.number}"
            seen[side] += 1
    assert seen["left"] and seen["right"]


def test_title_page_colophon_and_parts(built):
    pdf, pages, _, _ = built
    first = page_text(pdf, 1)
    assert "Қазақстан халық шаруашылығын қалпына келтіру дәуірінде" in first
    assert "CC BY 4.0" in page_text(pdf, 2)
    whole = " ".join(page_text(pdf, p.number) for p in pages)
    for heading in ("Редакциялық кіріспе", "Қысқартулар мен шартты белгілер", "Хронология"):
        assert heading in whole
    assert "РК(б)П ОК Россия Коммунистік (большевиктер) партиясының Орталық Комитеті" in whole  # abbreviations
    assert "Ұйымдар көрсеткіші" not in whole  # the org index is optional (param indexes)


def test_every_general_abbreviation_is_expanded(built):
    """The edition's list of the article's other abbreviations (standOff/list[@type='abbreviations']) is
    printed whole: each abbreviation with its Kazakh expansion and its English gloss."""
    pdf, pages, tree, _ = built
    items = tree.findall(f".//{TEI}standOff//{TEI}list[@type='abbreviations']/{TEI}item")
    assert items
    whole = flat(" ".join(page_text(pdf, p.number) for p in pages))
    for item in items:
        abbr = norm(item.find(f"{TEI}abbr").text)
        kk, en = (norm("".join(e.itertext())) for e in item.findall(f"{TEI}expan"))
        assert flat(f"{abbr} {kk} ({en})") in whole, f"{abbr} not expanded in {pdf}"


def test_refuses_invalid_edition_unless_forced(tmp_path):
    bad = tmp_path / "bad.xml"
    text = MINI.read_text(encoding="utf-8").replace('href="../../schema/', f'href="{(ROOT / "schema").as_uri()}/')
    bad.write_text(text.replace('<corr resp="#ed" cert="high">үстіне</corr>', "<corr>үстіне</corr>", 1),
                   encoding="utf-8")
    with pytest.raises(ToolError) as err:
        build_pdf([bad], tmp_path / "out")
    assert err.value.exit_code == 1 and err.value.problems
    assert not (tmp_path / "out" / "pdf").exists()


def test_several_editions_are_all_validated_before_any_is_built(tmp_path, monkeypatch):
    """An invalid second edition is refused before the first is laid out (and nothing is written)."""
    from tools.targets import forked

    good, bad = tmp_path / "a.xml", tmp_path / "b.xml"
    text = MINI.read_text(encoding="utf-8").replace('href="../../schema/', f'href="{(ROOT / "schema").as_uri()}/')
    good.write_text(text, encoding="utf-8")
    bad.write_text(text.replace('<corr resp="#ed" cert="high">үстіне</corr>', "<corr>үстіне</corr>", 1),
                   encoding="utf-8")
    submitted = []
    monkeypatch.setattr(forked.Worker, "submit", lambda self, *task: submitted.append(task))
    with pytest.raises(ToolError) as err:
        build_pdf([good, bad], tmp_path / "out")
    assert err.value.exit_code == 1 and {p.path for p in err.value.problems} == {str(bad)}
    assert submitted == [] and not (tmp_path / "out" / "pdf").exists()


def test_unknown_paper_is_a_usage_error(tmp_path):
    with pytest.raises(ToolError) as err:
        build_pdf([MINI], tmp_path, paper="Letter")
    assert err.value.exit_code == 2 and "A4" in str(err.value)
    assert paper_sizes() == ["A4", "A5", "B5"]


@pytest.mark.parametrize("paper,size", [("A5", "419.528 x 595.276"), ("B5", "498.898 x 708.661")])
def test_paper_size_comes_from_css(tmp_path, paper, size):
    [pdf] = build_pdf([MINI], tmp_path, paper=paper)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"Page size:\s+{re.escape(size)} pts", info), info


def test_params_reach_the_stylesheet(tmp_path):
    [pdf] = build_pdf([MINI], tmp_path, params={"indexes": "persons places orgs", "witness-siglum": "V"})
    text = norm(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    assert "Ұйымдар көрсеткіші" in text and "жылы] жыды V" in text


@pytest.mark.parametrize("text_pages,skip,first_number", [(8, 0, 9), (9, 1, 9), (1, 1, 1), (2, 0, 3)])
def test_back_part_continues_on_a_right_hand_page(text_pages, skip, first_number):
    """Regression: the back part restarted at page 1 on a right-hand page whatever the text's length."""
    from tools.targets.pdf import _continuation

    dropped, css = _continuation(text_pages)
    assert dropped == skip and f"counter-reset: page {first_number}" in css
    # the first page kept is the page after the text, and WeasyPrint gives it the same side as the book
    kept = first_number + dropped
    assert kept == text_pages + 1
    assert (dropped % 2 == 0) == (kept % 2 == 1)  # right-hand in WeasyPrint <=> odd page of the book


_TEXT_LAYOUTS: dict = {}


def text_layout(paper: str):
    """The text part of the edition laid out as in a build, once per paper size for these tests."""
    if paper not in _TEXT_LAYOUTS:
        _TEXT_LAYOUTS[paper] = lay_out_text_part(EDITION, paper)
    return _TEXT_LAYOUTS[paper]


@pytest.mark.parametrize("paper", paper_sizes())
def test_every_entry_stands_on_the_page_of_its_mark(paper):
    """The apparatus entry N (`entry-N`) is at the foot of the page that holds its mark N (`call-N`) — also
    where WeasyPrint by itself would move an entry on to make room for a widow or an orphan."""
    document = text_layout(paper)
    where = anchor_pages(document)
    marks = {anchor[len("call-"):]: page for anchor, page in where.items() if anchor.startswith("call-")}
    entries = {anchor[len("entry-"):]: page for anchor, page in where.items() if anchor.startswith("entry-")}
    assert len(marks) == len(interventions(etree.parse(str(EDITION)))) > 100
    assert entries.keys() == marks.keys()
    assert {n: (marks[n], entries[n]) for n in marks if entries[n] != marks[n]} == {}


@pytest.mark.parametrize("paper", paper_sizes())
def test_text_lines_keep_one_leading(paper):
    """Every line of the text is one leading high: no line is opened up by a mark (a superscript, or the
    empty call WeasyPrint leaves where a note was taken out)."""
    from weasyprint.formatting_structure.boxes import LineBox

    heights = Counter()
    for page in text_layout(paper).pages:
        for box in page._page_box.descendants():
            if getattr(box, "element_tag", None) == "p" and "para" in (box.element.get("class") or "").split():
                heights.update(round(line.height, 2) for line in box.children if isinstance(line, LineBox))
    assert sum(heights.values()) > 500
    assert len(heights) == 1, f"{paper}: line heights {dict(heights)}"


def test_adjacent_marks_are_parted():
    """Two marks with nothing printed between them ("АССР⁵⁹⁶⁰" would read as 5960) are parted by a comma."""
    from lxml import html as lxml_html

    from tools.targets.pdf import STYLESHEET
    from tools.core.saxon import transform_to_string

    doc = lxml_html.fromstring(transform_to_string(STYLESHEET, EDITION, {"part": "text"}))
    glued = []
    for call in doc.xpath("//sup[@class='call']"):
        prev = call.getprevious()
        while prev is not None and (prev.get("class") == "app" or (prev.tag == "a" and not len(prev)
                                                                   and not prev.text)) and not (prev.tail or ""):
            prev = prev.getprevious()
        if prev is not None and prev.get("class") == "call" and not (prev.tail or ""):
            glued.append((prev.text, call.text))
    assert doc.xpath("//sup[@class='call-sep']"), "the edition has one pair of adjacent marks (59, 60)"
    assert glued == []


def test_no_line_ends_with_an_initial_a_bare_ordinal_or_a_paragraph_key(built):
    """Line ends a good compositor avoids: an initial parted from its surname ("В. | И. Ленин"), a number
    parted from its suffix ("1- | Конституциясында"), a paragraph key parted from its entry ("¶ 40 | 83 …")."""
    pdf, pages, _, _ = built
    bad = []
    for page in pages:
        apparatus = {id(w) for w in page.notes}
        for line in _lines(page.words):
            words = [w[4] for w in line]
            end = " ".join(words[-2:])
            # "¶ 3" may end a line of the chronology, where it closes an entry; in the apparatus it opens one
            key = re.search(r"¶ \d+$", end) and id(line[-1]) in apparatus
            if (re.search(r"(^|\s)[^\W\d_]\.$", end) and not re.search(r"\b(ж|б|т|мыс)\.$", end)) \
                    or re.search(r"\d-$", end) or key:
                bad.append((page.number, " ".join(words[-4:])))
    assert bad == [], f"{pdf}: {bad[:10]}"


def test_contents_give_the_page_each_part_opens_on(built):
    """The contents at the end of the book: every part listed with a page that really opens with its title."""
    pdf, pages, _, _ = built
    last = page_text(pdf, len(pages))
    assert "Мазмұны" in last
    raw = subprocess.run(["pdftotext", "-layout", "-f", str(len(pages)), "-l", str(len(pages)), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    entries = re.findall(r"^\s*(\S.*?)\s*(?:\.\s*)+(\d+|[ivxl]+)\s*$", raw, re.M)
    titles = {t for t, _ in entries}
    assert {"Редакциялық кіріспе", "Хронология", "Кісі есімдерінің көрсеткіші"} <= titles, entries
    roman = {title for title, folio in entries if re.fullmatch("[ivxl]+", folio)}
    assert roman == {"Редакциялық кіріспе", "Қысқартулар мен шартты белгілер", "Хронология"}, entries  # front matter
    assert any(folio == "1" for _, folio in entries), "the text opens on page 1"
    for title, folio in entries:
        # an opening page has no running head: its folio, then the title (a later page has it only as a head)
        text = page_text(pdf, physical(pdf, folio)).casefold()
        assert 0 <= text.find(title.casefold()) <= len(folio) + 1, f"{title}: page {folio} of {pdf}: {text[:80]}"
    # and each entry is a link to that page, across the parts of the book
    import pikepdf

    with pikepdf.open(pdf) as doc:
        dests = named_pages(doc)
        led_to = {doc.pages[dests[str(link.Dest)]].label for link in doc.pages[len(pages) - 1].Annots}
    assert led_to == {folio for _, folio in entries}


def test_index_shows_the_forms_a_reader_would_not_find_under_the_heading():
    """"А. Досов" stands in the text for Ә. И. Досов, "Кошкінбаев" for Көшкінбаев, "Ильич" for Lenin: the index
    names them; initials, a patronymic the heading lacks and spacing ("С.Сейфуллин") are no other forms."""
    from lxml import html as lxml_html

    from tools.targets.pdf import STYLESHEET
    from tools.core.saxon import transform_to_string

    doc = lxml_html.fromstring(transform_to_string(STYLESHEET, EDITION, {"part": "back"}))
    forms = {e.get("id"): norm(" ".join(e.xpath(".//span[@class='forms']//text()")))
             for e in doc.xpath("//div[@class='index-entry']")}
    assert forms["ix-pers.dosov"] == "(мәтінде: А. Досов)"
    assert forms["ix-pers.koshkinbaev"] == "(мәтінде: Ж. Кошкінбаев)"
    assert "Ильич" in forms["ix-pers.lenin"]
    for quiet in ("ix-pers.seifullin", "ix-pers.zhandosov", "ix-pers.mendeshev", "ix-pers.korostelev"):
        assert forms[quiet] == "", quiet


def test_index_page_numbers_link_to_the_pages_they_name(built):
    """Each page number of an index is a link (made across the PDF parts of the book) to that page of the
    text: the folio of the page the link leads to is the number under the link."""
    import pikepdf

    pdf, pages, _, _ = built
    first = next(p.number for p in pages if "Кісі есімдерінің көрсеткіші" in page_text(pdf, p.number))
    checked = 0
    with pikepdf.open(pdf) as doc:
        dests = named_pages(doc)
        for n in range(first, len(pages)):  # the contents, the last page, holds no page numbers of names
            page, height = doc.pages[n - 1], float(doc.pages[n - 1].mediabox[3])
            for link in page.get("/Annots", []):
                assert "/A" not in link, f"p. {n}: a link left as {link.A}"
                x1, y1, x2, y2 = (float(v) for v in link.Rect)
                top, bottom = height - max(y1, y2), height - min(y1, y2)
                # the words the link overlaps ("13–14" is one word to pdftotext, with a link on each number)
                under = [w[4] for w in pages[n - 1].words if w[0] < max(x1, x2) and w[2] > min(x1, x2)
                         and top - 1 <= (w[1] + w[3]) / 2 <= bottom + 1]
                number = re.findall(r"\d+", " ".join(under))
                assert number, f"p. {n}: no number under the link to {link.Dest}"
                assert doc.pages[dests[str(link.Dest)]].label in number, \
                    f"p. {n}: {under} leads to the page labelled {doc.pages[dests[str(link.Dest)]].label}"
                checked += 1
    assert checked > 10


def test_introduction_counts_add_up_to_the_apparatus(built):
    """The statistics of the introduction: the apparatus entries are the corrections, the editorial notes that
    stand as entries of their own, and the passages left unmended, and there are as many as the apparatus has."""
    pdf, pages, tree, _ = built
    text = norm(" ".join(page_text(pdf, p.number) for p in pages[:6]))
    found = re.search(r"(\d+) аппарат жазбасы: (\d+) түзету \(.*?\), (\d+) редакциялық ескертпе, (\d+) түзетілмеген", text)
    assert found, f"statistics not found in the introduction of {pdf}"
    entries, corrections, notes, unmended = map(int, found.groups())
    assert entries == corrections + notes + unmended == len(interventions(tree))


def test_one_process_build_gives_the_same_book(tmp_path, monkeypatch):
    """KSE_JOBS=1 (no worker process) lays the parts out in turn, and the book is the same, page for page."""
    def pages_of(env_jobs, out):
        if env_jobs:
            monkeypatch.setenv("KSE_JOBS", env_jobs)
        else:
            monkeypatch.delenv("KSE_JOBS", raising=False)
        [pdf] = build_pdf([MINI], out)
        return [page_text(pdf, n) for n in range(1, len(pdf_pages(pdf)) + 1)], page_labels(pdf)

    assert pages_of(None, tmp_path / "two") == pages_of("1", tmp_path / "one")
