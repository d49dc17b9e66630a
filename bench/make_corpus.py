"""Make a test corpus of N TEI documents from the Kazakh edition, with its registers in one shared file.

    python bench/make_corpus.py OUT [-n 1000] [--seed 1]

OUT gets an edition of its own, ready for `tools validate` / `tools build` / `tools serve`:
    OUT/edition.toml            [edition] documents = ["tei/*.xml"], registers = ["tei/registers.xml"]
    OUT/schema/                 a copy of the edition's RELAX NG and Schematron
    OUT/tei/registers.xml       the edition's listPerson, listPlace and listOrg, as one TEI file
    OUT/tei/doc-0001.xml …      the documents

Each document is a valid document of that project, made from the edition's paragraphs: a random selection
(4–16 of the 76) in shuffled order, some split in two at a sentence boundary, renumbered ¶ 1…; its own
title (the opening words of its first paragraph), date (a volume of the encyclopedia, 1972–1978, and its
pages) and author; every name points into the shared register (`@ref="registers.xml#pers.lenin"`) instead
of the edition's own standOff. The documents are synthetic test data for benchmarks and tests, and say so in
their header: they are not an edition, and their titles, authors and page numbers mean nothing. The same
seed gives the same corpus byte for byte.
"""
from __future__ import annotations

import argparse
import copy
import random
import re
import shutil
import sys
from pathlib import Path

from lxml import etree

ROOT = Path(__file__).resolve().parent.parent
EDITION = ROOT / "tei" / "kazakhstan-1920-1932.xml"
TEI = "http://www.tei-c.org/ns/1.0"
NS = {"t": TEI}
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
LISTS = ("listPerson", "listPlace", "listOrg")
# synthetic signatures (the encyclopedia's articles are signed with initials and a surname)
AUTHORS = ["А. Бекмаханова", "Б. Әбдіров", "Ғ. Сапарова", "Д. Жолдасов", "Е. Ысқақов", "Ж. Тұрсынова",
           "К. Омаров", "Л. Серікова", "М. Нұрғалиев", "Н. Кәрімова", "О. Сейітов", "С. Ахметова"]


def t(name: str) -> str:
    return f"{{{TEI}}}{name}"


def make_corpus(out: Path, n: int = 1000, seed: int = 1, edition: Path = EDITION) -> list[Path]:
    """Write the corpus into `out` (created; existing files of the same names replaced); return the documents."""
    out = Path(out)
    (out / "tei").mkdir(parents=True, exist_ok=True)
    (out / "schema").mkdir(exist_ok=True)
    for name in ("kse-edition.rng", "kse-edition.sch"):
        shutil.copyfile(ROOT / "schema" / name, out / "schema" / name)
    (out / "edition.toml").write_text(
        "# A generated test corpus (bench/make_corpus.py): documents made from the Kazakh edition's paragraphs.\n"
        "[edition]\n"
        f'name = "kse-test-corpus"\ntitle = "Қазақ совет энциклопедиясы: сынақ корпусы ({n})"\n'
        'documents = ["tei/*.xml"]\nregisters = ["tei/registers.xml"]\n\n'
        '[schema]\nrng = "schema/kse-edition.rng"\nschematron = "schema/kse-edition.sch"\n\n'
        '[interface]\nlanguages = ["kk", "en", "ru"]\n\n[apparatus]\nwitness-siglum = "W"\neditors = ["ed"]\n',
        encoding="utf-8")
    source = etree.parse(str(edition))
    register_ids = _write_registers(source, out / "tei" / "registers.xml")
    paragraphs = source.xpath("//t:body//t:p[not(ancestor::t:note)]", namespaces=NS)  # not the notes' own
    rng = random.Random(seed)
    written = []
    for i in range(1, n + 1):
        path = out / "tei" / f"doc-{i:04d}.xml"
        path.write_bytes(_document(source, paragraphs, register_ids, i, rng))
        written.append(path)
    return written


def _write_registers(source, path: Path) -> set[str]:
    header = copy.deepcopy(source.find(t("teiHeader")))
    for child in list(header):
        if etree.QName(child).localname != "fileDesc":
            header.remove(child)
    title_stmt = header.find(f"{t('fileDesc')}/{t('titleStmt')}")
    for title in title_stmt.findall(t("title")):
        title_stmt.remove(title)
    title = etree.Element(t("title"), type="main")
    title.text = "Registers of persons, places and organisations of the test corpus"
    title_stmt.insert(0, title)
    source_desc = header.find(f"{t('fileDesc')}/{t('sourceDesc')}")
    for child in list(source_desc):
        source_desc.remove(child)
    p = etree.SubElement(source_desc, t("p"))
    p.text = "The registers of the edition kazakhstan-1920-1932.xml, shared by the generated test documents."
    root = etree.Element(t("TEI"), nsmap={None: TEI})
    root.set("{http://www.w3.org/XML/1998/namespace}lang", "kk")
    root.append(header)
    stand_off = etree.SubElement(root, t("standOff"))
    ids = set()
    for name in LISTS:
        for lst in source.xpath(f"//t:standOff/t:{name}", namespaces=NS):
            stand_off.append(copy.deepcopy(lst))
            ids.update(lst.xpath(".//@xml:id"))
    pi = '<?xml-model href="../schema/kse-edition.rng" type="application/xml" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
    path.write_bytes(b'<?xml version="1.0" encoding="UTF-8"?>\n' + pi.encode()
                     + etree.tostring(root, encoding="utf-8") + b"\n")
    return ids


def _document(source, paragraphs, register_ids: set[str], i: int, rng: random.Random) -> bytes:
    root = copy.deepcopy(source.getroot())
    chosen = [copy.deepcopy(p) for p in rng.sample(paragraphs, rng.randint(4, 16))]
    blocks = []
    for p in chosen:
        blocks.extend(_split(p) if rng.random() < 0.3 else [p])
    # the text: one article division with a head and the chosen paragraphs, renumbered
    body = root.find(f"{t('text')}/{t('body')}")
    for child in list(body):
        body.remove(child)
    div = etree.SubElement(body, t("div"), type="article")
    div.set(XML_ID, "article")
    head = etree.SubElement(div, t("head"))
    title = _title(blocks[0], i)
    head.text = title
    for k, p in enumerate(blocks, 1):
        p.set(XML_ID, f"p{k}")
        p.set("n", str(k))
        p.tail = "\n"
        div.append(p)
    for name in ("front", "back"):  # the web page's residue is the edition's, not these documents'
        for residue in root.xpath(f"t:text/t:{name}/t:div[@type='residue']", namespaces=NS):
            residue.getparent().remove(residue)
        part = root.find(f"{t('text')}/{t(name)}")
        if part is not None and len(part) == 0:
            part.getparent().remove(part)
    # registers: shared, in registers.xml
    for lst in root.xpath("t:standOff/t:listPerson | t:standOff/t:listPlace | t:standOff/t:listOrg", namespaces=NS):
        lst.getparent().remove(lst)
    for el in root.xpath("//t:text//*[@ref]", namespaces=NS):
        ref = el.get("ref")
        if ref.startswith("#") and ref[1:] in register_ids:
            el.set("ref", "registers.xml" + ref)
    # the header: title, date, author, pages; what the document is
    year = rng.randint(1972, 1978)
    volume = year - 1971
    first_page = rng.randint(100, 900)  # three digits: the Schematron compares @from/@to as dates
    fd = root.find(f"{t('teiHeader')}/{t('fileDesc')}")
    main = fd.find(f"{t('titleStmt')}/{t('title')}[@type='main']")
    main.text = title
    bibl = fd.find(f"{t('sourceDesc')}/{t('bibl')}[@type='print']")
    bibl.find(t("title") + "[@level='a']").text = title
    author = etree.Element(t("author"))
    author.text = rng.choice(AUTHORS)
    bibl.insert(0, author)
    date = bibl.find(t("date"))
    date.set("when", str(year))
    date.text = str(year)
    scope = bibl.find(t("biblScope"))
    scope.set("from", str(first_page))
    scope.set("to", str(first_page + len(blocks) // 4))
    scope.text = f"{first_page}–{first_page + len(blocks) // 4}"
    vol = etree.Element(t("biblScope"), unit="volume")
    vol.text = str(volume)
    scope.addprevious(vol)
    note = bibl.find(t("note"))
    note.text = (f"Generated test document {i} (bench/make_corpus.py): paragraphs of the edition "
                 "kazakhstan-1920-1932.xml, selected, shuffled and split at random. Not an edition: its title, "
                 "author, volume and pages are synthetic.")
    for child in list(note):
        note.remove(child)
    for web in fd.xpath("t:sourceDesc/t:bibl[@type='web']", namespaces=NS):
        web.getparent().remove(web)
    idno = fd.find(f"{t('publicationStmt')}/{t('idno')}")
    if idno is not None:
        idno.text = f"kse-test-corpus-{i:04d}"
    source_line = root.xpath("t:text/t:back/t:div[@type='source']//t:date", namespaces=NS)
    for d in source_line:
        d.set("when", str(year))
        d.text = str(year)
    revision = root.find(f"{t('teiHeader')}/{t('revisionDesc')}")
    if revision is not None:
        revision.getparent().remove(revision)
    text = etree.tostring(root, encoding="unicode")
    pis = "".join(etree.tostring(node, encoding="unicode") + "\n" for node in _prolog(source))
    return ('<?xml version="1.0" encoding="UTF-8"?>\n' + pis + text + "\n").encode("utf-8")


def _prolog(source):
    node, found = source.getroot().getprevious(), []
    while node is not None:
        found.append(node)
        node = node.getprevious()
    return list(reversed(found))


def _title(p, i: int) -> str:
    words = " ".join("".join(p.xpath(".//text()[not(ancestor::t:note) and not(ancestor::t:sic)]",
                                     namespaces=NS)).split()).split(" ")
    words = [w for w in words[:7] if w]
    return re.sub(r"[\s,.:;(–-]+$", "", " ".join(words)) + f" ({i})"


def _split(p) -> list:
    """Split a paragraph in two after a sentence that ends in one of its own text nodes (never inside markup),
    when there is such a place; else return it whole."""
    places = []
    for k, child in enumerate([None, *p]):
        text = p.text if child is None else child.tail
        for m in re.finditer(r"[.!?] (?=[А-ЯӘҒҚҢӨҰҮҺІЁ])", text or ""):
            places.append((k, m.end()))
    if not places:
        return [p]
    k, at = places[len(places) // 2]
    first, second = p, etree.Element(p.tag)
    children = list(p)
    if k == 0:
        second.text, first.text = first.text[at:], first.text[:at].rstrip()
        moved = children
    else:
        anchor = children[k - 1]
        second.text, anchor.tail = anchor.tail[at:], anchor.tail[:at].rstrip()
        moved = children[k:]
    for child in moved:
        second.append(child)
    return [first, second]


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("-n", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    docs = make_corpus(args.out, args.n, args.seed)
    print(f"wrote {len(docs)} documents and tei/registers.xml into {args.out}", file=sys.stderr)


if __name__ == "__main__":
    main()
