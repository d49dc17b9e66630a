"""Join the PDF parts of a book (front matter, text, back matter) into one PDF, as one book.

    join([front, text, back], target, numbering=["lower-roman", "decimal", None], pad_to_recto=[True, False, False])

tools/build_pdf.py lays the parts out in separate processes, so WeasyPrint writes one PDF per part. Joining
them page by page (pikepdf, on qpdf) would lose what a PDF keeps for the whole document, so this module
rebuilds it:
- named destinations (WeasyPrint writes one per anchor, and its links point to them by name): one name tree
  for the book, each destination pointing to the joined page; the first part to name an anchor keeps it;
- links across parts: a part cannot link to an anchor of another one, so the stylesheet writes such a link
  as the URI "dest:ID" (see xslt/print/print_back.xsl) and it becomes a link to the named destination ID;
- bookmarks (the outline), each part's in order, shown when the book is opened;
- page labels, so that a PDF viewer shows the printed folios (iii, 12): a part given a numbering starts a
  new page-label range, a part given None continues the previous one;
- the document information (title, author …) and language of the first part;
- a blank page after a part that must be followed by a right-hand page (an odd page count before the text).
"""
from __future__ import annotations

import logging
import warnings
from pathlib import Path
from urllib.parse import unquote

LINK_SCHEME = "dest:"
_LOG = logging.getLogger(__name__)
_LABEL_STYLES = {"decimal": "/D", "lower-roman": "/r", "upper-roman": "/R", "lower-alpha": "/a", "upper-alpha": "/A"}


def join(parts: list[Path], target: Path, *, numbering: list[str | None], pad_to_recto: list[bool]) -> list[int]:
    """Write `target` from the PDFs `parts`; returns the index (0-based) in it of the first page of each part."""
    import pikepdf
    from pikepdf import Array, Dictionary, Name, String

    book = pikepdf.Pdf.new()
    sources = [pikepdf.Pdf.open(path) for path in parts]
    try:
        first = sources[0]
        book.docinfo = book.copy_foreign(first.docinfo)
        if "/Lang" in first.Root:
            book.Root.Lang = first.Root.Lang

        starts, page_of = [], []  # page_of[k]: objgen of a page of part k -> the joined page
        labels = Array()
        for k, source in enumerate(sources):
            start = len(book.pages)
            starts.append(start)
            if numbering[k] is not None:
                labels.extend([start, Dictionary(S=Name(_LABEL_STYLES[numbering[k]]))])
            with warnings.catch_warnings():  # that named destinations are not carried over: done below
                warnings.simplefilter("ignore")
                book.pages.extend(source.pages)
            page_of.append({page.objgen: book.pages[start + i].obj for i, page in enumerate(source.pages)})
            if pad_to_recto[k] and len(book.pages) % 2:
                mediabox = book.pages[-1].mediabox
                book.add_blank_page(page_size=(float(mediabox[2]) - float(mediabox[0]),
                                               float(mediabox[3]) - float(mediabox[1])))
        if len(labels):
            book.Root.PageLabels = book.make_indirect(Dictionary(Nums=labels))

        named = [dict(_name_tree(source.Root.get("/Names", {}).get("/Dests"))) for source in sources]

        def moved(destination, k):
            """A destination of part k — explicit, [page /XYZ x y z], or a name — as an explicit destination
            in the joined book (None if it leads nowhere)."""
            if isinstance(destination, (String, Name)):
                destination = named[k].get(str(destination), (None, None))[1]
            if not isinstance(destination, Array) or len(destination) == 0:
                return None
            target_page = page_of[k].get(destination[0].objgen)
            return None if target_page is None else Array([target_page, *list(destination)[1:]])

        names = _join_destinations(book, named, moved, Array, Dictionary)
        _join_outlines(book, sources, moved, pikepdf)
        if "/Outlines" in book.Root:
            book.Root.PageMode = Name.UseOutlines  # a book of parts: open with its bookmarks shown
        _links_across_parts(book, names)
        book.save(target)  # into the builder's temporary folder (tools/outputs.atomic_dir)
        return starts
    finally:
        for source in sources:
            source.close()
        book.close()


def _join_destinations(book, named, moved, Array, Dictionary) -> dict:
    """One /Dests name tree for the book, the first part naming an anchor keeping it; returns
    {name: the name as the PDF holds it (a String, whose bytes may be UTF-16)}."""
    names: dict[str, tuple] = {}
    for k, part in enumerate(named):
        for name, (string, destination) in part.items():
            if name not in names and (where := moved(destination, k)) is not None:
                names[name] = (string, where)
    if names:
        flat = []  # built as a list: growing a pikepdf Array item by item is quadratic
        for string, where in sorted(names.values(), key=lambda item: bytes(item[0])):  # sorted by the bytes held
            flat += [string, where]
        book.Root.Names = Dictionary(Dests=book.make_indirect(Dictionary(Names=Array(flat))))
    return {name: string for name, (string, _) in names.items()}


def _name_tree(node):
    """(name, (name as held, value)) of a name tree, leaves and kids alike."""
    if node is None:
        return
    if "/Names" in node:
        items = list(node.Names)
        for i in range(0, len(items) - 1, 2):
            yield str(items[i]), (items[i], items[i + 1])
    for kid in node.get("/Kids", []):
        yield from _name_tree(kid)


def _join_outlines(book, sources, moved, pikepdf) -> None:
    with book.open_outline() as outline:
        for k, source in enumerate(sources):
            with source.open_outline() as part:
                outline.root.extend(_copy_items(part.root, k, moved, pikepdf))


def _copy_items(items, k, moved, pikepdf):
    copied = []
    for item in items:
        destination = item.destination
        if destination is None and item.action is not None and item.action.get("/S") == pikepdf.Name.GoTo:
            destination = item.action.get("/D")
        new = pikepdf.OutlineItem(item.title, moved(destination, k) if destination is not None else None)
        new.is_closed = item.is_closed
        new.children.extend(_copy_items(item.children, k, moved, pikepdf))
        copied.append(new)
    return copied


def _links_across_parts(book, names: dict) -> None:
    """URI links "dest:ID" become links to the named destination ID (`names`: as the book holds them); a link
    to an ID no part has is dropped (with a warning, as WeasyPrint does within a document)."""
    from pikepdf import Array, Name

    for page in book.pages:
        annotations = page.obj.get("/Annots")
        if annotations is None:
            continue
        kept = []
        for annotation in annotations:
            action = annotation.get("/A")
            uri = str(action.URI) if action is not None and action.get("/S") == Name.URI else ""
            if uri.startswith(LINK_SCHEME):
                anchor = unquote(uri[len(LINK_SCHEME):])  # WeasyPrint writes a URI: "dest:caf%C3%A9"
                if anchor not in names:
                    _LOG.warning("no anchor #%s for a link across the parts of the book", anchor)
                    continue
                del annotation["/A"]
                annotation.Dest = names[anchor]
            kept.append(annotation)
        if len(kept) != len(annotations):
            page.obj.Annots = Array(kept)
