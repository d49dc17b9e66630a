"""The print edition (tools.targets.pdf, Typst): read the PDF back with poppler and pikepdf and check it
against the TEI.

One build (A4) of tests/fixtures/print-mini.xml, and one of a snapshot of the edition once its registers are
merged, serves every test that takes `built`. What a page holds is told apart by type size, as a reader
would: the running text is the commonest size on a page, the apparatus what stands below the last body line
(page-foot notes), the folio and running head stand above the first. Links are read with pikepdf: an index
number or a contents entry must lead to the page it names, a mark to the entry on its own page.
On a failure the PDF is kept in the pytest temporary folder (printed in the assertion) for inspection.
"""
from __future__ import annotations

import hashlib
import random
import json
import re
import shutil
import subprocess
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pikepdf
import pytest
from lxml import etree

from tools.core.errors import ToolError
from tools.targets.pdf import PHASES, build_pdf, paper_sizes, typst_source

pytestmark = pytest.mark.slow  # the full suite only (./setup.sh test); see pyproject.toml


def test_poppler_is_installed():
    assert shutil.which("pdftotext"), "poppler-utils is needed: run ./setup.sh"

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "print-mini.xml"
EDITION = ROOT / "tei" / "kazakhstan-1920-1932.xml"
TEI = "{http://www.tei-c.org/ns/1.0}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
SIGLUM = "W"
SIC_LABEL = json.loads((Path(__file__).resolve().parent.parent / "xslt" / "common" / "labels" / "kk.json")
                       .read_text(encoding="utf-8"))["kind-sic"]


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
    """Whitespace collapsed, soft hyphens gone: the print edition hyphenates Kazakh by syllables with soft
    hyphens (U+00AD), which pdftotext keeps, also where a word is broken at the end of a line."""
    return re.sub(r"\s+", " ", re.sub(r"\xad+\s*", "", s)).strip()


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
    """The text of page n in the order it was set (-raw: a term and its expansion beside it read together)."""
    out = subprocess.run(["pdftotext", "-raw", "-f", str(n), "-l", str(n), str(pdf), "-"],
                         capture_output=True, text=True, check=True).stdout
    # footnote calls glued to the word they follow: "қаржысы20", "І.121 Қабылов"
    return norm(re.sub(r"(?<=[^\W\d_]\.)\d+(?=\s)", "", re.sub(r"(?<=[^\W\d_\xad])\d+", "", out)))


def page_labels(pdf: Path) -> list[str]:
    """The printed folio of each page, from the PDF's page labels (front matter in roman numerals)."""
    with pikepdf.Pdf.open(pdf) as doc:
        return [page.label for page in doc.pages]


def physical(pdf: Path, folio: str | int) -> int:
    """The page (1-based, as pdftotext counts) that carries the printed folio (`12`, `iii`)."""
    labels = page_labels(pdf)
    assert labels.count(str(folio)) == 1, f"folio {folio} of {pdf}: {labels}"
    return labels.index(str(folio)) + 1


def links(doc, n: int) -> list[tuple[tuple[float, float, float, float], int]]:
    """The internal links of page n (1-based) of a pikepdf document: (rect, index of the page led to), whether
    the link holds its destination, names it, or is a GoTo action."""
    index_of = {page.objgen: i for i, page in enumerate(doc.pages)}
    named = {}
    if "/Names" in doc.Root and "/Dests" in doc.Root.Names:
        items = list(doc.Root.Names.Dests.Names)
        named = {str(items[i]): items[i + 1] for i in range(0, len(items), 2)}
    found = []
    for link in doc.pages[n - 1].get("/Annots", []):
        dest = link.get("/Dest")
        if dest is None and "/A" in link and link.A.get("/S") == "/GoTo":
            dest = link.A.D
        if dest is None:
            continue
        if not isinstance(dest, pikepdf.Array):
            dest = named[str(dest)]
        found.append((tuple(float(v) for v in link.Rect), index_of[dest[0].objgen]))
    return found


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
    assert set(timings) == set(PHASES) and all(timings[phase] > 0 for phase in ("xslt", "typeset"))
    assert len(pages) >= 10
    assert pdf.read_bytes().startswith(b"%PDF-")


def test_made_by_typst_tagged_with_metadata_and_language(built):
    """An accessible PDF: tagged (PDF/UA-1), the document's title, author and language from the TEI header."""
    pdf, _, tree, _ = built
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    title = norm(tree.find(f".//{TEI}titleStmt/{TEI}title").text)
    assert re.search(r"^Creator:\s+Typst", info, re.M), info
    assert re.search(r"^Tagged:\s+yes", info, re.M)
    assert re.search(rf"^Title:\s+{re.escape(title)}$", info, re.M)
    assert re.search(r"^Author:\s+KSE Digital Edition team", info, re.M)
    with pikepdf.open(pdf) as doc:
        assert str(doc.Root.Lang) == "kk"
        assert "/StructTreeRoot" in doc.Root
        assert "pdfuaid:part" in str(doc.open_metadata())


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
            # a passage left as it stands: the common model's entry is "text] doubtful passage"
            entry = f"{norm(''.join(el.itertext()))}] {SIC_LABEL}"
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
    markers = [n for p in pages for n in entry_numbers(p)]
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


MARK = re.compile(r"^(?=.*[^\W\d_]).*[^\d\-–,](\d+(?:,\d+)*)[.,;:»)…]*$")


def entry_numbers(page: Page) -> list[int]:
    """The numbers of the apparatus entries at the foot of a page (bold figures smaller than the notes' text)."""
    if not page.notes:
        return []
    text_h = Counter(round(w[3] - w[1], 1) for w in page.notes).most_common(1)[0][0]
    return [int(w[4]) for w in page.notes if w[4].isdigit() and round(w[3] - w[1], 1) < text_h - 0.4]


def mark_numbers(page: Page) -> list[int]:
    """The marks in the running text of a page: figures glued to the end of a word ("жылы3", "АССР59,60")."""
    found = []
    for word in page.body.split():
        m = MARK.match(word.replace("\xad", ""))
        if m:
            found += [int(n) for n in m.group(1).split(",")]
    return found


def end_of_text(pdf: Path, pages) -> int:
    """The first page after the text: the commentary's (the second series of notes), else the first index's."""
    return next(p.number for p in pages if page_text(pdf, p.number).startswith(("Түсініктемелер", "Кісі есімдерінің көрсеткіші")))


def test_every_entry_stands_on_the_page_of_its_mark(built):
    """The apparatus entries at the foot of each page are those of the marks in its text, no more, no fewer;
    and the marks that are links (the first of each line: it holds the entries of its line) lead to their own
    page."""
    pdf, pages, tree, _ = built
    first = physical(pdf, 1)
    last = end_of_text(pdf, pages)
    seen = []
    for page in pages[first - 1:last - 1]:
        _same_page(pdf, page)
        seen += entry_numbers(page)
    assert seen == list(range(1, len(interventions(tree)) + 1))
    with pikepdf.open(pdf) as doc:
        for n in range(first, last):
            for _, target in links(doc, n):
                if target >= last - 1:  # a mark of the commentary, which follows the text
                    continue
                assert target == n - 1, f"{pdf}: a mark on page {n} leads to page {target + 1}"


@pytest.mark.parametrize("paper", ["A5", "B5"])
def test_every_entry_stands_on_the_page_of_its_mark_on_every_paper(tmp_path, paper):
    [pdf] = build_pdf([EDITION], tmp_path, paper=paper)
    pages = pdf_pages(pdf)
    first = physical(pdf, 1)
    last = end_of_text(pdf, pages)
    for page in pages[first - 1:last - 1]:
        _same_page(pdf, page)


def _same_page(pdf: Path, page: Page) -> None:
    """Every mark found in the body has its entry on the page, and every entry of the page has its mark there:
    a word of the body ends with its number (after a word, a bracket or a figure: "79.944³⁵" reads
    "79.94435" to pdftotext, so only this direction can take a figure before the number)."""
    marks, entries = mark_numbers(page), entry_numbers(page)
    assert set(marks) <= set(entries), f"{pdf}, page {page.number}: marks {marks}, entries {entries}"
    raw = [w.replace("\xad", "") for w in page.body.split()]
    words = [w.rstrip(".,;:»)…") for w in raw]
    for n in entries:
        # "АССР⁵⁹,⁶⁰": a mark after a mark and its raised comma may stand apart
        assert any((w.endswith(str(n)) and w != str(n)) or (w == str(n) and i and (raw[i - 1].endswith(",") or MARK.match(raw[i - 1])))
                   for i, w in enumerate(words)), f"{pdf}, page {page.number}: no mark {n}"


def test_text_lines_keep_one_leading(built):
    """Every line of the running text stands one leading below the one before (15.5 pt on A4): no line is
    opened up by a mark, and paragraphs follow one another without extra space."""
    pdf, pages, _, _ = built
    first = physical(pdf, 1)
    gaps = Counter()
    body_h = Counter(round(w[3] - w[1], 1) for p in pages for w in p.words).most_common(1)[0][0]
    end = end_of_text(pdf, pages)
    for p in pages[first:]:
        if p.number >= end:
            break
        body = [w for w in p.words if abs(round(w[3] - w[1], 1) - body_h) <= 0.3 and w[1] > 70]
        baselines = sorted({round(w[3], 1) for w in body})
        gaps.update(round(b - a, 1) for a, b in zip(baselines, baselines[1:]))
    assert sum(gaps.values()) > 50
    leading = gaps.most_common(1)[0][0]
    assert abs(leading - 15.5) < 0.3
    odd = {g: c for g, c in gaps.items() if abs(g - leading) > 0.3 and g < 40}  # the source line stands apart
    assert odd == {}, f"{pdf}: line gaps {dict(gaps)}"

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


def test_introduction_counts_add_up_to_the_apparatus(built):
    """The statistics of the introduction: the apparatus entries are the corrections, the editorial notes that
    stand as entries of their own, and the passages left unmended, and there are as many as the apparatus has."""
    pdf, pages, tree, _ = built
    text = norm(" ".join(page_text(pdf, p.number) for p in pages[:6]))
    found = re.search(r"(\d+) аппарат жазбасы: (\d+) түзету \(.*?\), (\d+) редакциялық ескертпе, (\d+) түзетілмеген", text)
    assert found, f"statistics not found in the introduction of {pdf}"
    entries, corrections, notes, unmended = map(int, found.groups())
    assert entries == corrections + notes + unmended == len(interventions(tree))



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


def test_front_matter_in_roman_numerals_text_from_one_back_matter_continues(built):
    """Page labels: the front matter i, ii …, the text from 1 on a right-hand page, the indexes and contents
    going on from the text's last page; bookmarks for every part."""
    pdf, pages, _, _ = built
    labels = page_labels(pdf)
    one = labels.index("1")
    assert labels[:one] == [_roman(i) for i in range(1, one + 1)] and one % 2 == 0  # page 1 is a recto
    assert labels[one:] == [str(i) for i in range(1, len(labels) - one + 1)]
    # a page left blank before a part that opens on a right-hand page carries no running head or folio
    assert not any(p.words and all(w[3] < 60 for w in p.words) for p in pages), "a blank page with a head"
    assert any(not p.words for p in pages), "no blank page before a right-hand opening"
    with pikepdf.open(pdf) as doc:
        titles = [item.title for item in doc.open_outline().root]
    assert titles[:3] == ["Редакциялық кіріспе", "Қысқартулар мен шартты белгілер", "Хронология"]
    assert titles[-3:] == ["Кісі есімдерінің көрсеткіші", "Жер-су атауларының көрсеткіші", "Мазмұны"]


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


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
    """An invalid second edition is refused before the first is set (and nothing is written)."""
    from tools.targets import pdf as builder

    good, bad = tmp_path / "a.xml", tmp_path / "b.xml"
    text = MINI.read_text(encoding="utf-8").replace('href="../../schema/', f'href="{(ROOT / "schema").as_uri()}/')
    good.write_text(text, encoding="utf-8")
    bad.write_text(text.replace('<corr resp="#ed" cert="high">үстіне</corr>', "<corr>үстіне</corr>", 1),
                   encoding="utf-8")
    rendered = []
    monkeypatch.setattr(builder, "_set", lambda text, doc, *a, **kw: rendered.append(doc) or b"%PDF-")
    with pytest.raises(ToolError) as err:
        build_pdf([good, bad], tmp_path / "out")
    assert err.value.exit_code == 1 and {p.path for p in err.value.problems} == {str(bad)}
    assert rendered == [] and not (tmp_path / "out" / "pdf").exists()


def test_unknown_paper_is_a_usage_error(tmp_path):
    with pytest.raises(ToolError) as err:
        build_pdf([MINI], tmp_path, paper="Letter")
    assert err.value.exit_code == 2 and "A4" in str(err.value)
    assert paper_sizes() == ["A4", "A5", "B5"]


@pytest.mark.parametrize("paper,size", [("A5", "419.528 x 595.276"), ("B5", "498.898 x 708.661")])
def test_paper_size_comes_from_the_template(tmp_path, paper, size):
    [pdf] = build_pdf([MINI], tmp_path, paper=paper)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True).stdout
    assert re.search(rf"Page size:\s+{re.escape(size)} pts", info), info


def test_params_reach_the_stylesheet(tmp_path):
    [pdf] = build_pdf([MINI], tmp_path, params={"indexes": "persons places orgs", "witness-siglum": "V"})
    text = norm(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout)
    assert "Ұйымдар көрсеткіші" in text and "жылы] жыды V" in text


def _marks(source: str) -> list[tuple[int, bool, int, int]]:
    """The calls #k.mark(N, [...], sep: …) of a Typst source written by print.xsl: (N, sep, start, end), found
    by a scan that skips strings (an entry's text may hold brackets)."""
    found = []
    for m in re.finditer(r"#k\.mark\((\d+), ", source):
        i, depth = m.end(), 0
        while True:
            c = source[i]
            if c == '"':
                i += 1
                while source[i] != '"':
                    i += 2 if source[i] == "\\" else 1
            elif c in "([":
                depth += 1
            elif c in ")]":
                if depth == 0:
                    break
                depth -= 1
            i += 1
        found.append((int(m.group(1)), source[m.end():i].endswith(", sep: true"), m.start(), i + 1))
    return found


def test_adjacent_marks_are_parted():
    """Two marks with nothing printed between them ("АССР⁵⁹⁶⁰" would read as 5960) are parted by a comma:
    a mark written right after another (69, 70 in the edition, and a few more) has sep: true, and no other
    mark has."""
    marks = _marks(typst_source(EDITION))
    assert len(marks) > 100
    source = typst_source(EDITION)
    # nothing but the closing of the calls around the first (a name: k.occ(…, [… mark])) between the two
    glued = {n for (_, _, _, end), (n, _, start, _) in zip(marks, marks[1:]) if re.fullmatch(r"[\])]*", source[end:start])}
    assert glued, "the edition has marks written right after another (АССР⁶⁹,⁷⁰ …)"
    assert {n for n, sep, _, _ in marks if sep} == glued


def test_index_shows_the_forms_a_reader_would_not_find_under_the_heading():
    """"А. Досов" stands in the text for Ә. И. Досов, "Кошкінбаев" for Көшкінбаев, "Ильич" for Lenin: the index
    names them; initials, a patronymic the heading lacks and spacing ("С.Сейфуллин") are no other forms."""
    source = typst_source(EDITION)
    forms = {m.group(1): m.group(2) for m in re.finditer(r'^  \("([^"]+)", .*?\(мәтінде: ([^)]*)\)', source, re.M)}
    assert forms["pers.dosov"] == "А.\u00a0Досов"
    assert forms["pers.koshkinbaev"] == "Ж.\u00a0Кошкінбаев"
    assert "Ильич" in forms["pers.lenin"]
    for quiet in ("pers.seifullin", "pers.zhandosov", "pers.mendeshev", "pers.korostelev"):
        assert quiet not in forms, quiet


def test_contents_give_the_page_each_part_opens_on(built):
    """The contents at the end of the book: every part listed with a page that really opens with its title,
    each entry a link to that page."""
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
        # an opening page has no running head: its title comes first
        text = page_text(pdf, physical(pdf, folio)).casefold()
        assert text.find(norm(title).casefold()[:20]) == 0, f"{title}: page {folio} of {pdf}: {text[:80]}"
    with pikepdf.open(pdf) as doc:
        led_to = {doc.pages[target].label for _, target in links(doc, len(pages))}
    assert led_to == {folio for _, folio in entries}


def test_index_page_numbers_link_to_the_pages_they_name(built):
    """Each page number of an index is a link to that page of the text: the folio of the page the link
    leads to is the number under the link."""
    pdf, pages, _, _ = built
    # the index's opening page (its title heads the page; the introduction names the index too)
    first = next(p.number for p in pages if page_text(pdf, p.number).lstrip().startswith("Кісі есімдерінің көрсеткіші"))
    checked = 0
    with pikepdf.open(pdf) as doc:
        for n in range(first, len(pages)):  # the contents, the last page, holds no page numbers of names
            height = float(doc.pages[n - 1].mediabox[3])
            for (x1, y1, x2, y2), target in links(doc, n):
                top, bottom = height - max(y1, y2), height - min(y1, y2)
                # the words the link overlaps ("13–14" is one word to pdftotext, with a link on each number)
                under = [w[4] for w in pages[n - 1].words if w[0] < max(x1, x2) and w[2] > min(x1, x2)
                         and top - 1 <= (w[1] + w[3]) / 2 <= bottom + 1]
                number = re.findall(r"\d+", " ".join(under))
                assert number, f"p. {n}: no number under the link to page {target + 1}"
                assert doc.pages[target].label in number, f"p. {n}: {under} leads to the page labelled {doc.pages[target].label}"
                checked += 1
    assert checked > 10


# ---------------------------------------------------------------- escaping: any character reaches the page
SPECIAL = "#[]*_`$@<>\\/~\"'=-+.:;,(){}|^&%!?=" + "«»“”‘’–—…§¶†"
ALPHABET = SPECIAL + "abcxyzABCXYZ" + "әғқңөұүһіӘҒҚҢӨҰҮҺІабвгдеёжзийклмнопрстуфхцчшщъыьэюя" + "αβγΩ" + "0123456789"


def _random_text(rng: random.Random, length: int) -> str:
    words = []
    while sum(len(w) + 1 for w in words) < length:
        words.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(1, 7))))
    return " ".join(words)


def test_any_text_reaches_the_pdf_unchanged(tmp_path):
    """Random Unicode text, full of what Typst gives meaning to (# [ ] * _ ` $ @ < > \\ / ~ quotes, comment and
    label syntax), put into paragraphs, a heading and paragraph numbers, comes out of the PDF as it went in:
    no character was read as markup, code or a label, none lost or changed (quotes stay straight)."""
    rng = random.Random(20261207)
    paras = [_random_text(rng, 38) for _ in range(30)]
    paras[0] = SPECIAL[:36]              # every special character at least once
    paras[1] = "// not a comment /* nor this */ <not-a-label> @not-a-ref $x$ `raw` \\ \"q\" --- ..."
    paras[2] = 'Typst escapes: \\" \\\\ \\n \\u{41} \\t and a trailing backslash \\'
    head = _random_text(rng, 30)
    numbers = ["#1]", "2*", '"3"']
    body = "".join(f'<p n="{_xml(numbers[i % 3])}{i}">{_xml(t)}</p>' for i, t in enumerate(paras))
    (tmp_path / "src").mkdir()  # outputs never go among the sources
    tei = tmp_path / "src" / "random.xml"
    tei.write_text(f'''<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xml:lang="zxx"><teiHeader><fileDesc><titleStmt><title>Random {_xml(head)}</title>
</titleStmt><publicationStmt><p>test</p></publicationStmt><sourceDesc><p>generated</p></sourceDesc></fileDesc></teiHeader>
<text><body><div><head>{_xml(head)}</head>{body}</div></body></text></TEI>''', encoding="utf-8")
    [pdf] = build_pdf([tei], tmp_path / "out")
    lines = subprocess.run(["pdftotext", "-raw", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout.splitlines()
    got = {re.sub(r"\s+", " ", line).strip() for line in lines}
    for i, text in enumerate(paras):
        assert re.sub(r"\s+", " ", text).strip() in got, f"paragraph {i} {text!r} not found unchanged in {pdf}"
    assert any(re.sub(r"\s+", " ", head) in line for line in got)
    whole = "\n".join(lines)
    for i in range(len(paras)):
        assert f"{numbers[i % 3]}{i}" in whole, f"paragraph number {numbers[i % 3]}{i} missing"


def _xml(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def test_apparatus_keyed_to_line_numbers(tmp_path):
    """With apparatus-key=line the lines of the text are numbered on each page (every fifth shown in the
    margin) and an entry opens with the number of the line its mark stands on: on every page after the first
    of the text, the K-th line of the running text holds the mark of the entry keyed K."""
    [pdf] = build_pdf([MINI], tmp_path, params={"apparatus-key": "line"})
    pages = pdf_pages(pdf)
    first = physical(pdf, 1)
    last = end_of_text(pdf, pages)
    body_h = Counter(round(w[3] - w[1], 1) for p in pages for w in p.words).most_common(1)[0][0]
    checked = 0
    for page in pages[first:last - 1]:
        body = [w for w in page.words if abs(round(w[3] - w[1], 1) - body_h) <= 0.3 and w[1] > 50]  # below the head
        if not body:
            continue
        lines = _lines(body)
        for note_line in _lines(page.notes):
            key, *rest = [w[4] for w in note_line]
            if not key.isdigit():
                continue
            k = int(key)
            first_entry = rest[0]
            words = [w[4].replace("\xad", "").rstrip(".,;:»)…") for w in lines[k - 1]]
            assert any(w.endswith(first_entry) and w != first_entry for w in words), \
                f"{pdf}, page {page.number}: entry {first_entry} keyed to line {k}: {' '.join(words)}"
            checked += 1
        # the line numbers in the margin: 5, 10 … beside the lines they count
        shown = [w for w in page.words if w[4].isdigit() and w[0] > max(x[2] for x in body) + 5]
        for w in shown:
            assert int(w[4]) % 5 == 0
            assert any(abs(line[0][3] - w[3]) < 3 for line in [lines[int(w[4]) - 1]]), f"line number {w[4]} astray"
    assert checked > 10
