"""A corpus: many documents as one edition. What spans the documents is made here from their contributions.

Each document's transform leaves, beside its pages, its contribution (xslt/html/html_contrib.xsl): its
metadata, the names it tags with their anchors, its dated expressions with their sentences, its own register
entries, and the terms of its blocks (tools.targets.search_index). `merge` puts the contributions of all
documents together, in the order of the collection:

    merged = merge([DocParts(folder="doc-0001/", parts=…), …], registers)
    for name, unit in units(merged, registers).items(): …

A UNIT is one piece of the corpus's pages with a digest of exactly what it shows: the collection page, the
register pages, one page per register entry (persons/ID.html …, every occurrence in the corpus), the
chronology's index and one page per year, the search page, and each search shard. The builder
(tools/targets/html.py) renders only the units whose digest it has not rendered before, by one run of
xslt/html/html_corpus.xsl over a job that lists them (`job`), and reuses the others: a changed document
touches the units of the entries it names and the years it dates, the collection if its title changes, the
shards of its words.

RULES (of identity, kept here): a register entry is one entry of the corpus by its xml:id. An entry of the
shared registers (tools.core.registers) is that entry; a document's own entry (in its standOff) with the same
id as another document's is the same entry (the first document's markup is shown), and one with the id of a
shared entry is the shared entry. Every entry of the shared registers is listed, named in the corpus or not.
Dates go to the year of their sort key (kse:date-sort-key: the first of @when, @from, @notBefore …).

`documents_for_print(project)` gives the print builder the documents in the order of the edition.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from tools.core.buildcache import data_digest
from tools.targets import search_index

_YEAR = re.compile(r"^-?\d{4}")


@dataclass
class DocParts:
    folder: str          # the document's folder in the site ('STEM/'; '' for a site of one document)
    parts: dict          # meta, names, entries, dates, postings (see tools.targets.html._document_parts)


@dataclass
class Merged:
    docs: list[dict] = field(default_factory=list)                  # the collection: one row per document
    entries: dict[str, dict] = field(default_factory=dict)          # id -> {kind, xml, occ: [[doc, anchor, n, form]]}
    years: dict[str, list] = field(default_factory=dict)            # year -> rows, in date order
    postings: list[dict] = field(default_factory=list)              # per document: term -> (reading, witness)
    bounds: list[list[int]] = field(default_factory=list)           # per document: end of its text, of its notes


@dataclass
class Unit:
    digest: str
    files: tuple[str, ...]               # the site-relative files it writes
    make: object = None                  # () -> {file: bytes} for what is made here (the search files) rather
                                         # than by the stylesheet; called only when the unit is not cached


def merge(docs: list[DocParts], registers) -> Merged:
    merged = Merged()
    for entry in registers.entries.values():
        merged.entries[entry.id] = {"kind": entry.kind, "xml": "", "occ": []}
    for i, doc in enumerate(docs):
        parts = doc.parts
        meta = parts["meta"]
        merged.docs.append({"folder": doc.folder, "title": meta.get("title", ""), "title-lang": meta.get("title-lang", ""),
                            "date": meta.get("date"), "authors": meta.get("authors", []),
                            "words": meta.get("words", 0), "paragraphs": meta.get("paragraphs", 0),
                            "corrections": meta.get("corrections", 0)})
        for ident, xml in parts.get("entries", {}).items():
            if ident not in merged.entries:
                merged.entries[ident] = {"kind": _kind_of(xml), "xml": xml, "occ": []}
        for name in parts.get("names", []):
            entry = merged.entries.get(name["id"])
            if entry is None:  # an entry of another document's standOff, named here: not ours to resolve
                continue
            entry["occ"].append([i, name["anchor"], name["n"], name["form"]])
        for k, d in enumerate(parts.get("dates", [])):
            m = _YEAR.match(d.get("sort", ""))
            year = m.group(0) if m else "undated"
            merged.years.setdefault(year, []).append(
                (d.get("sort", ""), i, k, [i, d["anchor"], d["n"], d["attrs"], d["text"], d["before"], d["match"], d["after"]]))
        merged.postings.append(parts.get("postings", {}))
        merged.bounds.append(parts.get("bounds", [10 ** 9, 10 ** 9]))
    for year, rows in merged.years.items():
        rows.sort(key=lambda r: (r[0], r[1], r[2]))
        merged.years[year] = [r[3] for r in rows]
    merged.years = dict(sorted(merged.years.items(), key=lambda kv: (kv[0] == "undated", _year_number(kv[0]))))
    return merged


def _year_number(year: str) -> int:
    try:
        return int(year)
    except ValueError:
        return 0


def _kind_of(xml: str) -> str:
    m = re.match(r"\s*<(?:\w+:)?(person|personGrp|place|org)\b", xml)
    return {"person": "persons", "personGrp": "persons", "place": "places", "org": "orgs"}.get(m.group(1) if m else "", "other")


def units(merged: Merged, registers) -> dict[str, Unit]:
    """Every unit of the corpus's pages and search files, with its digest (see the module comment)."""
    out: dict[str, Unit] = {}
    docs = merged.docs
    doc_ids = [(d["folder"], d["title"], d["title-lang"]) for d in docs]
    out["collection"] = Unit(data_digest(["collection", docs]), ("index.html",))
    out["search-page"] = Unit(data_digest("search-page"), ("search.html", "assets/labels.js"))
    index = register_index(merged)
    shared = {i: registers.digest(i) for i in registers.entries}
    out["registers"] = Unit(data_digest(["registers", index, shared]), ("persons.html", "places.html", "orgs.html"))
    for ident, entry in merged.entries.items():
        if entry["kind"] not in ("persons", "places", "orgs"):
            continue
        named = sorted({o[0] for o in entry["occ"]})
        out[f"entry:{ident}"] = Unit(
            data_digest(["entry", ident, entry["kind"], entry["xml"] or shared.get(ident, "-"), entry["occ"],
                         [doc_ids[i] for i in named]]),
            (f"{entry['kind']}/{ident}.html",))
    year_index = [[y, len(rows)] for y, rows in merged.years.items()]
    out["chronology"] = Unit(data_digest(["chronology", year_index]), ("chronology.html",))
    for year, rows in merged.years.items():
        named = sorted({r[0] for r in rows})
        out[f"year:{year}"] = Unit(data_digest(["year", year, rows, [doc_ids[i] for i in named]]),
                                   (f"chronology/{year}.html",))
    out.update(search_units(merged.postings, register_records(merged, registers), merged.bounds))
    titles = [d["title"] for d in docs]
    for name, body in search_index.title_files(titles).items():
        out[f"search-titles:{name}"] = Unit(data_digest(["search-titles", name, body.decode("utf-8")]), (name,),
                                            lambda name=name, body=body: {name: body})
    return out


def register_records(merged: Merged, registers) -> list[dict]:
    """The search records of the corpus's register entries (each leads to its page, persons/ID.html …)."""
    found = []
    for ident, entry in merged.entries.items():
        if entry["kind"] not in ("persons", "places", "orgs"):
            continue
        if entry["xml"]:
            el = search_index.parse_entry(entry["xml"])
        else:
            shared = registers.entry(ident)
            el = shared.element if shared is not None else None
        if el is not None:
            found.append((ident, entry["kind"], el))
    return search_index.register_records(found, lambda kind, ident: f"{kind}/{ident}.html")


def search_units(postings: list[dict], records: list[dict] | None = None, doc_bounds: list[list[int]] | None = None) -> dict[str, Unit]:
    """The units of the search index: its meta file, each shard, and the text files of the register entries'
    records (`records`, search_index.register_records), which are the last "document" of the index."""
    out: dict[str, Unit] = {}
    docs = len(postings)
    records = records or []
    by_key, split = search_index.shards([*postings, search_index.doc_postings(records)])
    # where each document's text records end and its notes: the kind of a result without loading its text
    all_bounds = [*(doc_bounds or [[10 ** 9, 10 ** 9]] * docs), search_index.bounds(records, ("persons",), ("places",))]
    out["search-meta"] = Unit(data_digest(["search-meta", docs, split, all_bounds]), ("search/meta.js",),
                              lambda: {"search/meta.js": search_index.meta(docs, split, all_bounds)})
    chunks = search_index.text_chunks(records, "", "")
    names = tuple(f"search/t/{docs}-{k}.js" for k in chunks)
    out["search-registers"] = Unit(data_digest(["search-registers", docs, records]), names,
                                   lambda: {f"search/t/{docs}-{k}.js": body for k, body in chunks.items()})
    for key, terms in by_key.items():
        name = f"search/s/{search_index.key_file(key)}"
        out[f"shard:{key}"] = Unit(data_digest(["shard", key, terms]), (name,),
                                   lambda name=name, key=key, terms=terms: {name: search_index.shard_file(key, terms)})
    return out


def register_index(merged: Merged) -> dict[str, list]:
    """kind -> [[id, entry-xml or '', mentions, documents], …] for the register pages."""
    index: dict[str, list] = {"persons": [], "places": [], "orgs": []}
    for ident, entry in merged.entries.items():
        if entry["kind"] in index:
            index[entry["kind"]].append([ident, entry["xml"], len(entry["occ"]), len({o[0] for o in entry["occ"]})])
    return index


def job(merged: Merged, dirty: list[str]) -> dict:
    """The job of html_corpus.xsl for the units named in `dirty`."""
    pages = [p for p in ("collection", "search-page", "registers", "chronology") if p in dirty]
    entries = [[u.split(":", 1)[1], merged.entries[u.split(":", 1)[1]]["kind"], merged.entries[u.split(":", 1)[1]]["xml"],
                merged.entries[u.split(":", 1)[1]]["occ"]] for u in dirty if u.startswith("entry:")]
    years = [[u.split(":", 1)[1], merged.years[u.split(":", 1)[1]]] for u in dirty if u.startswith("year:")]
    return {"pages": [{"search-page": "search"}.get(p, p) for p in pages], "docs": merged.docs,
            "index": register_index(merged) if "registers" in dirty else {},
            "entries": entries, "years": years,
            "year-index": [[y, len(rows)] for y, rows in merged.years.items()] if "chronology" in dirty else []}


# ---------------------------------------------------------------- the corpus as a book (the print builder)

def documents_for_print(project, sources=()) -> list[Path]:
    """The documents the print builder sets, in the order of the edition (the project file's list, or
    `sources`): the shared register files are sources of the edition, not documents of it (the print
    stylesheets get the registers themselves through tools.core.registers.stylesheet_params)."""
    from tools.core.project import expand
    from tools.core.registers import load_registers

    reg = load_registers(project)
    return [f for f in expand(list(sources), project) if not reg.is_register(f)]
