"""tools/pdfparts.py: three PDF parts written by WeasyPrint become one book whose links, bookmarks, named
destinations and page labels work across the parts."""
from __future__ import annotations

import logging

import pikepdf
import pytest

from tools.targets.pdfparts import join

pytestmark = pytest.mark.slow  # the full suite only (./setup.sh test); see pyproject.toml

FRONT = """<html lang="kk"><head><title>Кітап</title></head><body>
<h1 id="intro">Кіріспе</h1><p>алғы сөз</p></body></html>"""
TEXT = """<html><body><h1 id="text">Мәтін</h1><p id="a1">бірінші бет</p>
<p id="a2" style="break-before: page">екінші бет <a href="#a1">1</a></p></body></html>"""
BACK = """<html><body><h1 id="index">Көрсеткіш</h1>
<p><a href="dest:a2">2</a> <a href="dest:intro">i</a> <a href="dest:nowhere">?</a> <a href="#index">↑</a></p>
</body></html>"""


@pytest.fixture(scope="module")
def book(tmp_path_factory):
    from weasyprint import HTML

    folder = tmp_path_factory.mktemp("parts")
    parts = []
    for name, html in (("front", FRONT), ("text", TEXT), ("back", BACK)):
        HTML(string=html).write_pdf(folder / f"{name}.pdf")
        parts.append(folder / f"{name}.pdf")
    target = folder / "book.pdf"
    starts = join(parts, target, numbering=["lower-roman", "decimal", None], pad_to_recto=[True, False, False])
    return target, starts


def _dests(pdf) -> dict[str, int]:
    """Named destination -> index of its page."""
    pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
    items = list(pdf.Root.Names.Dests.Names)
    return {str(items[i]): pages[items[i + 1][0].objgen] for i in range(0, len(items), 2)}


def test_pages_in_order_with_a_blank_page_before_the_text(book):
    target, starts = book
    with pikepdf.open(target) as pdf:
        # front (1 page) + blank, so that the text opens on a right-hand page; text (2); back (1)
        assert len(pdf.pages) == 5 and starts == [0, 2, 4]
        assert [page.label for page in pdf.pages] == ["i", "ii", "1", "2", "3"]


def test_every_named_destination_points_into_the_joined_book(book):
    target, _ = book
    with pikepdf.open(target) as pdf:
        dests = _dests(pdf)
        assert {"intro": 0, "text": 2, "a1": 2, "a2": 3, "index": 4}.items() <= dests.items()
        names = list(dests)
        assert names == sorted(names, key=lambda n: n.encode())  # a name tree is sorted


def test_links_across_parts_become_named_links_and_dead_ones_go(book):
    target, _ = book
    with pikepdf.open(target) as pdf:
        back = [str(a.Dest) for a in pdf.pages[4].Annots]
        assert back == ["a2", "intro", "index"]  # "dest:nowhere" dropped, the link inside the part kept
        assert all("/A" not in a for a in pdf.pages[4].Annots)
        assert [str(a.Dest) for a in pdf.pages[3].Annots] == ["a1"]  # a link inside the text part, untouched


def test_bookmarks_of_all_parts_lead_to_their_pages(book):
    target, _ = book
    with pikepdf.open(target) as pdf:
        pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
        with pdf.open_outline() as outline:
            marks = [(item.title, pages[item.destination[0].objgen]) for item in outline.root]
    assert marks == [("Кіріспе", 0), ("Мәтін", 2), ("Көрсеткіш", 4)]
    with pikepdf.open(target) as pdf:
        assert pdf.Root.PageMode == pikepdf.Name.UseOutlines


def test_document_information_and_language_come_from_the_first_part(book):
    target, _ = book
    with pikepdf.open(target) as pdf:
        assert str(pdf.docinfo.Title) == "Кітап" and str(pdf.Root.Lang) == "kk"


def test_a_dead_link_is_reported(tmp_path, caplog):
    from weasyprint import HTML

    HTML(string=TEXT).write_pdf(tmp_path / "a.pdf")
    HTML(string=BACK).write_pdf(tmp_path / "b.pdf")
    with caplog.at_level(logging.WARNING, logger="tools.pdfparts"):
        join([tmp_path / "a.pdf", tmp_path / "b.pdf"], tmp_path / "ab.pdf", numbering=["decimal", None],
             pad_to_recto=[False, False])
    assert "no anchor #nowhere" in caplog.text and "#intro" in caplog.text  # this book has no front part


def test_names_outside_ascii_keep_their_links(tmp_path):
    """WeasyPrint holds a name like "сөз-1" in UTF-16: the book's name tree, the links inside a part and a link
    across parts ("dest:сөз-1", which arrives percent-encoded) must all still meet."""
    from weasyprint import HTML

    HTML(string='<p id="сөз-1">сөз</p><p><a href="#сөз-1">↑</a></p>').write_pdf(tmp_path / "a.pdf")
    HTML(string='<p><a href="dest:сөз-1">1</a></p>').write_pdf(tmp_path / "b.pdf")
    join([tmp_path / "a.pdf", tmp_path / "b.pdf"], tmp_path / "ab.pdf", numbering=["decimal", None],
         pad_to_recto=[False, False])
    with pikepdf.open(tmp_path / "ab.pdf") as pdf:
        held = {bytes(name) for name in list(pdf.Root.Names.Dests.Names)[::2]}
        inside, across = pdf.pages[0].Annots[0], pdf.pages[1].Annots[0]
        assert bytes(inside.Dest) in held and bytes(across.Dest) in held
        assert str(across.Dest) == "сөз-1" and _dests(pdf)["сөз-1"] == 0


def test_a_bookmark_with_a_named_destination_is_kept(tmp_path):
    from weasyprint import HTML

    HTML(string='<h1 id="a">Бір</h1><h1 id="b" style="break-before: page">Екі</h1>').write_pdf(tmp_path / "p.pdf")
    with pikepdf.open(tmp_path / "p.pdf", allow_overwriting_input=True) as pdf:
        with pdf.open_outline() as outline:
            outline.root[1].destination = pikepdf.String("b")  # by name, as other producers write it
        pdf.save(tmp_path / "p.pdf")
    join([tmp_path / "p.pdf"], tmp_path / "out.pdf", numbering=["decimal"], pad_to_recto=[False])
    with pikepdf.open(tmp_path / "out.pdf") as pdf:
        pages = {page.objgen: i for i, page in enumerate(pdf.pages)}
        with pdf.open_outline() as outline:
            assert [(i.title, pages[i.destination[0].objgen]) for i in outline.root] == [("Бір", 0), ("Екі", 1)]
