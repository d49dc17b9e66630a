"""The corpus as a book (issue 15): `tools build pdf --book` sets the project's documents as one PDF.

The fixture tests/fixtures/book is a project of three short documents whose names point into a shared
register (tei/registers.xml): Valikhanov is named in all three, Altynsarin in the second and third. One book
is built per module (A5, about two seconds) and read back: its text (pdftotext, page by page), its bookmarks
and page labels (pikepdf), and the page numbers its indexes print, checked against the pages where the names
stand. The book of 20 generated documents (bench/make_corpus.py) is slow-marked.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pikepdf
import pytest

from tools.core.project import load_project
from tools.targets.pdf import build_book

ROOT = Path(__file__).resolve().parent.parent
FIXTURE = ROOT / "tests" / "fixtures" / "book"
TITLES = ["Shoqan Valikhanov", "Ybyrai Altynsarin", "Abai Qunanbaiuly"]
# a phrase of each document's text, in the order of the book
WORDS = ["journey to Kashgar", "first printed in 1879", "Words of Edification"]


def copy_fixture(tmp_path: Path) -> Path:
    src = tmp_path / "src"
    shutil.copytree(FIXTURE, src)
    return src


@pytest.fixture(scope="module")
def book(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("book")
    src = copy_fixture(tmp)
    written = build_book([], tmp / "out", project=load_project(src))
    assert written == [tmp / "out" / "pdf" / "book-fixture.pdf"]
    return written[0]


_texts: dict[tuple, list[str]] = {}


def page_texts(pdf: Path) -> list[str]:
    """The text of each page (pdftotext separates pages by form feeds), words broken at a line end joined."""
    key = (str(pdf), pdf.stat().st_mtime_ns, pdf.stat().st_size)
    if key not in _texts:
        _texts[key] = _page_texts(pdf)
    return _texts[key]


def _page_texts(pdf: Path) -> list[str]:
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = out.split("\f")[:-1]
    return [re.sub(r"\s+", " ", re.sub(r"[\u00ad-]\n", "", p)) for p in pages]


def labels(pdf: Path) -> list[str]:
    with pikepdf.open(pdf) as p:
        return [page.label for page in p.pages]


def index_entries(texts: list[str], title: str) -> str:
    """The text of the index called `title` (from its heading to the next index or the end)."""
    start = next(i for i, t in enumerate(texts) if t.strip().startswith(title))
    return " ".join(texts[start:])


def pages_in_index(index: str, heading: str) -> list[str]:
    """The page numbers an index prints after the entry `heading` ("Altynsarin, Ybyrai … ; 2–3" → 2, 3)."""
    m = re.search(re.escape(heading) + r"[^;]*?; ([\d–, ]+)", index) or re.search(re.escape(heading) + r", ([\d–, ]+)", index)
    assert m, f"no entry {heading!r} in the index: {index[:400]}"
    pages: list[str] = []
    for part in m.group(1).strip(" ,").split(", "):
        a, _, b = part.partition("–")
        pages += [str(n) for n in range(int(a), int(b or a) + 1)]
    return pages


def test_the_book_is_one_pdf_with_every_document_in_order(book):
    assert sorted(p.name for p in book.parent.glob("*.pdf")) == ["book-fixture.pdf"]
    text = " ".join(page_texts(book))
    assert "Three Kazakh Enlighteners: a test corpus" in text  # the title page: [edition] title
    positions = [text.index(w) for w in WORDS]
    assert positions == sorted(positions), "the chapters follow the order of the project's documents"
    for title in TITLES:
        assert title in text


def test_each_chapter_has_its_bookmark_on_its_first_page(book):
    texts = page_texts(book)
    with pikepdf.open(book) as pdf:
        with pdf.open_outline() as outline:
            marks = {item.title: pdf.pages.index(pikepdf.Page(item.destination[0])) for item in outline.root}
    assert [t for t in marks if t in TITLES] == TITLES
    assert {"Contents", "Index of persons", "Index of places"} <= set(marks)
    contents = texts[marks["Contents"]]
    assert contents.count("Contents") == 1, "the contents list the chapters and indexes, not themselves"
    listed = [contents.index(t) for t in TITLES + ["Index of persons", "Index of places"]]
    assert listed == sorted(listed)
    for title, word in zip(TITLES, WORDS):
        page = marks[title]
        assert texts[page].lstrip().startswith(title), f"{title!r} bookmark on a page that opens with {texts[page][:60]!r}"
        assert word in texts[page]


def test_page_labels_roman_front_matter_then_the_text_from_1(book):
    texts, found = page_texts(book), labels(book)
    first = next(i for i, t in enumerate(texts) if t.lstrip().startswith(TITLES[0]))
    assert found[:first] == ["i", "ii", "iii", "iv"][:first]
    assert found[first:] == [str(n) for n in range(1, len(found) - first + 1)]


def test_each_chapter_has_its_own_apparatus_numbered_from_1(book):
    """Numbers restart per chapter: they are those of each document's own edition (its HTML, its PDF)."""
    texts = page_texts(book)
    for title, entry in zip(TITLES, ["1 Omsk] Omks W", "1 Torgai] Torgia W", "1 Semey] Semye W"]):
        page = next(t for t in texts if t.lstrip().startswith(title))
        assert entry in page, f"{entry!r} not at the foot of {title!r}: {page[-200:]!r}"


@pytest.mark.parametrize("index, heading, name", [
    ("Index of persons", "Valikhanov, Shoqan", "Valikhanov"),
    ("Index of persons", "Altynsarin, Ybyrai", "Altynsarin"),
    ("Index of places", "Omsk", "Omsk"),
])
def test_an_entry_named_in_several_documents_is_one_entry_with_the_pages_of_all(book, index, heading, name):
    texts, found = page_texts(book), labels(book)
    where = index_entries(texts, index)
    if index == "Index of persons":
        where = where.split("Index of places")[0]
    assert where.count(heading) == 1, f"one entry for {heading!r}"
    # the pages of the text (arabic labels, before the indexes) where the name stands
    start = next(i for i, t in enumerate(texts) if t.strip().startswith("Index of persons"))
    expected = [found[i] for i in range(start) if found[i].isdigit() and name in texts[i]]
    assert pages_in_index(where, heading) == expected
    if name == "Altynsarin":
        assert len(expected) == 2  # named in the second and the third document: the pages of both
    if name == "Valikhanov":
        assert len(expected) == 3


def test_without_book_each_document_is_its_own_pdf(tmp_path, run_tools):
    src = copy_fixture(tmp_path)
    ran = run_tools("build", "pdf", "-o", tmp_path / "out", cwd=src)
    assert ran.returncode == 0, ran.stderr
    assert sorted(p.name for p in (tmp_path / "out" / "pdf").glob("*.pdf")) == [
        "a-valikhanov.pdf", "b-altynsarin.pdf", "c-abai.pdf"]  # the shared register is not a document
    # a document's own PDF indexes the shared entries it names (the registers reach print.xsl too)
    index = index_entries(page_texts(tmp_path / "out" / "pdf" / "b-altynsarin.pdf"), "Index of persons")
    assert "Valikhanov, Shoqan" in index and "Altynsarin, Ybyrai" in index and "Qunanbaiuly" not in index


def test_the_project_file_may_ask_for_the_book_and_the_option_overrides_it(tmp_path, run_tools):
    src = copy_fixture(tmp_path)
    toml = src / "edition.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + "book = true\n", encoding="utf-8")
    ran = run_tools("build", "pdf", "-o", tmp_path / "out", cwd=src)
    assert ran.returncode == 0, ran.stderr
    assert ran.stdout.strip().endswith("out/pdf/book-fixture.pdf")
    ran = run_tools("build", "pdf", "--no-book", "-o", tmp_path / "out", cwd=src)
    assert ran.returncode == 0, ran.stderr
    assert len(list((tmp_path / "out" / "pdf").glob("*.pdf"))) == 3


@pytest.mark.slow
def test_all_targets_with_book_make_pages_without_links_to_pdfs_not_made(tmp_path, run_tools):
    src = copy_fixture(tmp_path)
    ran = run_tools("build", "--book", "-o", tmp_path / "out", cwd=src)
    assert ran.returncode == 0, ran.stderr
    assert [p.name for p in (tmp_path / "out" / "pdf").glob("*.pdf")] == ["book-fixture.pdf"]
    page = (tmp_path / "out" / "html" / "a-valikhanov" / "text.html").read_text(encoding="utf-8")
    assert "a-valikhanov.pdf" not in page


def test_a_folder_without_a_project_file_is_a_book_named_after_it(tmp_path, run_tools):
    docs = tmp_path / "src" / "notes"
    docs.mkdir(parents=True)
    for name in ("a-valikhanov.xml", "c-abai.xml"):
        shutil.copy(FIXTURE / "tei" / name, docs / name)
    ran = run_tools("build", "pdf", "--book", "notes", "-o", tmp_path / "out", cwd=tmp_path / "src")
    assert ran.returncode == 0, ran.stderr
    texts = page_texts(tmp_path / "out" / "pdf" / "notes.pdf")
    assert texts[0].strip().startswith("notes")
    assert "journey to Kashgar" in " ".join(texts) and "Words of Edification" in " ".join(texts)


def test_a_pointer_to_no_register_entry_refuses_the_book_and_keeps_the_last_one(tmp_path, run_tools):
    src = copy_fixture(tmp_path)
    out = tmp_path / "out"
    assert run_tools("build", "pdf", "--book", "-o", out, cwd=src).returncode == 0
    before = (out / "pdf" / "book-fixture.pdf").read_bytes()
    doc = src / "tei" / "b-altynsarin.xml"
    lines = doc.read_text(encoding="utf-8").split("\n")
    line = next(i for i, s in enumerate(lines) if "registers.xml#pers.valikhanov" in s)
    lines[line] = lines[line].replace("#pers.valikhanov", "#pers.valikhanof")
    doc.write_text("\n".join(lines), encoding="utf-8")
    ran = run_tools("build", "pdf", "--book", "-o", out, cwd=src)
    assert ran.returncode == 1
    first = ran.stderr.strip().split("\n")[0]
    assert re.match(rf"tei/b-altynsarin\.xml:{line + 1}:\d+: error: .*pers\.valikhanof", first), ran.stderr
    assert "Traceback" not in ran.stderr + ran.stdout
    assert (out / "pdf" / "book-fixture.pdf").read_bytes() == before  # nothing overwritten
    # --force builds it all the same: the name without an entry is printed, not indexed
    ran = run_tools("build", "pdf", "--book", "--force", "-o", out, cwd=src)
    assert ran.returncode == 0, ran.stderr
    assert "Valikhanov" in " ".join(page_texts(out / "pdf" / "book-fixture.pdf"))


def test_the_book_is_never_written_into_a_source_folder(tmp_path, run_tools):
    src = copy_fixture(tmp_path)
    ran = run_tools("build", "pdf", "--book", "-o", src / "tei", cwd=src)
    assert ran.returncode == 2
    assert ran.stderr.strip().count("\n") == 0 and "error:" in ran.stderr
    assert not (src / "tei" / "pdf").exists()


@pytest.mark.slow
def test_a_book_of_twenty_generated_documents(tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    from make_corpus import make_corpus

    src = tmp_path / "src"
    make_corpus(src, 20, seed=3)
    t = time.perf_counter()
    [pdf] = build_book([], tmp_path / "out", project=load_project(src))
    seconds = time.perf_counter() - t
    texts, found = page_texts(pdf), labels(pdf)
    with pikepdf.open(pdf) as book:
        with book.open_outline() as outline:
            titles = [item.title for item in outline.root]
    chapters = [t for t in titles if "(" in t and t.rstrip(")").split("(")[-1].isdigit()]
    assert len(chapters) == 20, titles
    assert found[-1].isdigit() and int(found[-1]) > 20
    # one index of persons, each person once; Lenin is named in most documents: many pages
    start = next(i for i, t in enumerate(texts) if t.strip().startswith("Кісі есімдерінің көрсеткіші"))
    index = " ".join(texts[start:])
    assert index.count("Ленин, Владимир Ильич") == 1
    print(f"book of 20 documents: {len(found)} pages in {seconds:.1f} s")
