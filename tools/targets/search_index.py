"""The search index of a site, split so that a query loads a small part of it (xslt/html/assets/search.js).

RECORDS. What is searched is a list of records per document, each shown as one result: the blocks of the
text (reading and witness text), the notes (commentary notes in every language, the editorial notes of the
apparatus) and the apparatus entries (lemma and the witnesses' readings), all from the document's
contribution (xslt/html/html_contrib.xsl: its `blocks`, each with `k` its kind and `p` the page it is shown
on); and the register entries (persons, places, organisations: every name form in every language, their
Latin form, their description), made here from the entries' TEI (`register_records`) as one more "document"
after the collection's documents, so that an entry named by many documents is one result.

KEYS. Text and query are cut into words (runs of letters and digits, after NFC) and each word is folded to
its KEY (`key`, the same as search.js's): in a word that has Cyrillic letters, the Latin letters that look
like Cyrillic ones become those (the OCR'd witness mixes them); lower case; then, where a language pack
offers a Latin script with a search folding (the Kazakh pack: the alphabet of 2021, tools/lang/kk/data/
latin-2021.toml), every Cyrillic letter is written in Latin by the pack's table, the marks are dropped
(ä→a, ş→s, ü→u …), and the pack's romanization spellings are folded (zh→j, kh→h, sh→s, y→i, ii→i …): so
"Сейфуллин", "Seifullin" and "Seyfullin" have one key, "seifullin", and "Қазақ", "Qazaq", "Kazak" the key
"kazak". Without such a pack the Kazakh letters fold onto their Cyrillic neighbours (search-folding.json:
ә→а, қ→к …). The rules are data (meta.js carries them to the client). TERMS are the keys of two characters or
more.

FILES (all under search/ at the root of the site; JavaScript files that call a function, so that they load
from file:// as well as from a server, where fetch() of JSON would be refused):
  meta.js            KSE_SEARCH_META = {"version": 2, "fold": {...the rules...}, "chunk": 4, "docs": N,
                                         "titles": 16, "split": {"se": ["sei", …], …}, "bounds": […]}
  s/<key>.js         KSE_SEARCH_SHARD("<key>", {term: [[doc, [record, …], [record, …]], …], …})
                     one shard per key: the first two characters of its terms, or three, or four where the
                     shorter key's shard would be larger than SPLIT_BYTES (then "split" lists the sub-keys of
                     that key; a shard keyed by the key itself holds the terms of exactly its length). For each term
                     and document: the records whose reading text has the term, then the records where only
                     the witness text has it. A key's file name is its characters' code points in hex, joined
                     by '-' ("ka" → 6b-61.js), so that no file name depends on the file system's encoding.
  t/<doc>-<k>.js     KSE_SEARCH_TEXT({"folder": "STEM/", "title": …, "blocks": [[id, n, kind, reading,
                     witness or "", page], …]})   the text of the records k*chunk … k*chunk+chunk-1 of a
                     document, for the result snippets and the phrase check: only the chunks of the results
                     shown are loaded (search.js knows which one called from the script element that loaded it,
                     document.currentScript). `page` is where the record is shown ("apparatus.html#a3"; "" for
                     text.html#id). Doc N (= docs) holds the register entries; its folder is "".
  d/<g>.js           KSE_SEARCH_TITLES(g, [title, …])  (a corpus) the titles of documents g*16 … g*16+15, for the
                     facets of the documents
  <doc> is the document's position in the collection (from 0), <record> its position in the document.
A query loads meta.js, the shard of each of its words, and the text chunks of the ten results it shows (of
the candidates of a quoted phrase, to check the words' order); search.js matches word beginnings (prefixes)
and, for words of four letters or more, words one edit away (two from eight letters), within the loaded
shard. bench/bench_corpus.py measures the bytes a query loads.
"""
from __future__ import annotations

import json
import re
import unicodedata
from functools import lru_cache

from tools.core import packs, resources
from tools.core.registers import TEI_NS

VERSION = 2
CHUNK = 4              # records per text file (a result loads its file: small files, small loads)
TITLES = 16            # document titles per title file (the corpus's facets name the documents they count)
SPLIT_BYTES = 48_000   # a shard larger than this is split by one letter more
MAX_KEY = 4            # … up to keys of four letters (a misspelling is looked for within its shard)
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=None)
def folding() -> dict:
    return json.loads(resources.xslt("common", "search-folding.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def rules() -> dict:
    """The folding rules of the site (what meta.js gives the client): homoglyphs, the Cyrillic folding used
    without a Latin pack, and, from the first installed pack that writes its language in Latin with a search
    folding, `letters` (Cyrillic -> Latin, small letters), `singles` (one letter -> its key letter) and
    `multi` (spellings of two letters or more -> theirs, longest first). One set for every site, so that a
    document's cached terms do not depend on the corpus it is built in."""
    table = folding()
    out = {"homoglyphs": table["homoglyphs"], "fold": table["fold"], "letters": {}, "singles": {}, "multi": {}}
    for pack in packs.packs():
        lang = getattr(pack, "LANGUAGE", None)
        data = packs.search_folding(lang, "Latn") if lang else None
        if not data:
            continue
        out["letters"] = {c: v for c, v in data.get("letters", {}).items() if c == c.lower()}
        fold_rules = data.get("fold", {})
        out["singles"] = {k: v for k, v in fold_rules.items() if len(k) == 1}
        out["multi"] = {k: v for k, v in sorted(fold_rules.items(), key=lambda kv: (-len(kv[0]), kv[0])) if len(k) > 1}
        break
    return out


_CYRILLIC = re.compile("[\u0400-\u04ff]")


@lru_cache(maxsize=200_000)
def key(word: str) -> str:
    """The key of one word (see the module comment); the same as search.js's key()."""
    r = rules()
    if _CYRILLIC.search(word):
        homo = r["homoglyphs"]
        word = "".join(homo.get(c, c) for c in word)
    letters, old = r["letters"], r["fold"]
    out = []
    for c in word:
        if c == "\u0130":  # İ: lower() would give i + a combining dot
            c = "i"
        else:
            low = c.lower()
            c = low if len(low) == 1 else c
        out.append(letters.get(c, c) if letters else old.get(c, c))
    text = "".join(c for c in unicodedata.normalize("NFD", "".join(out)) if not unicodedata.category(c).startswith("M"))
    singles, multi = r["singles"], r["multi"]
    if singles:
        text = "".join(singles.get(c, c) for c in text)
    if multi:
        longest = max(len(k) for k in multi)
        res, i = [], 0
        while i < len(text):
            for n in range(longest, 1, -1):
                rep = multi.get(text[i:i + n])
                if rep is not None:
                    res.append(rep)
                    i += n
                    break
            else:
                res.append(text[i])
                i += 1
        text = "".join(res)
    return text


def words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text))


def fold(text: str) -> str:
    """The keys of the words of `text`, joined by spaces."""
    return " ".join(key(w) for w in words(text))


def terms(text: str) -> list[str]:
    return [k for k in (key(w) for w in words(text)) if len(k) >= 2]


def key_file(key: str) -> str:
    return "-".join(f"{ord(c):x}" for c in key) + ".js"


def doc_postings(blocks: list[dict]) -> dict[str, tuple[list[int], list[int]]]:
    """term -> (blocks whose reading text has it, blocks where only the witness text has it), for one
    document's blocks (the `blocks` of its contribution)."""
    found: dict[str, tuple[list[int], list[int]]] = {}
    for i, block in enumerate(blocks):
        reading = set(terms(block.get("r", "")))
        witness = set(terms(block.get("d", ""))) - reading
        for term in reading:
            found.setdefault(term, ([], []))[0].append(i)
        for term in witness:
            found.setdefault(term, ([], []))[1].append(i)
    return found


def text_chunks(blocks: list[dict], folder: str, title: str) -> dict[int, bytes]:
    """The text files of one document: chunk number -> the file's bytes."""
    out = {}
    for k in range(0, max(len(blocks), 1), CHUNK):
        part = [[b["id"], b.get("n", ""), b.get("k", ""), b.get("r", ""), b["d"] if b.get("d", "") != b.get("r", "") else "",
                 b.get("p", "")] for b in blocks[k:k + CHUNK]]
        payload = {"folder": folder, "title": title, "blocks": part}
        out[k // CHUNK] = _js_call("KSE_SEARCH_TEXT", payload)
    return out


def shards(postings: list[dict[str, tuple[list[int], list[int]]]]) -> tuple[dict[str, dict], dict[str, list[str]]]:
    """The shards of a corpus from its documents' postings (in collection order): key -> {term: rows} (what
    `shard_file` writes), and the keys that were split, each with its sub-keys: a shard larger than
    SPLIT_BYTES is split by one letter more (two letters, then three, then four at most); the terms as long
    as the key stay in the shard of the key itself."""
    by_key: dict[str, dict[str, list]] = {}
    # about the bytes of each term in a shard's file (two bytes a Cyrillic letter, four a block number),
    # reckoned as the rows are gathered: whether to split a shard is decided on their sum
    sizes: dict[str, int] = {}
    for doc, terms_of_doc in enumerate(postings):
        for term, (reading, witness) in terms_of_doc.items():
            by_key.setdefault(term[:2], {}).setdefault(term, []).append([doc, reading, witness])
            sizes[term] = sizes.get(term, 2 * len(term) + 6) + 8 + 4 * (len(reading) + len(witness))
    out: dict[str, dict] = {}
    split: dict[str, list[str]] = {}

    def place(key: str, terms_of_key: dict) -> None:
        if len(key) >= MAX_KEY or sum(sizes[t] for t in terms_of_key) <= SPLIT_BYTES:
            out[key] = _sorted(terms_of_key)
            return
        sub: dict[str, dict[str, list]] = {}
        for term, rows in terms_of_key.items():
            sub.setdefault(term[:len(key) + 1], {})[term] = rows
        split[key] = sorted(sub)
        for k in sorted(sub):
            if k == key:  # the terms of exactly this length
                out[k] = _sorted(sub[k])
            else:
                place(k, sub[k])

    for key in sorted(by_key):
        place(key, by_key[key])
    return out, split


def shard_file(key: str, terms_of_key: dict) -> bytes:
    return _js_call("KSE_SEARCH_SHARD", key, terms_of_key)


def bounds(records: list[dict], first: tuple[str, ...], second: tuple[str, ...]) -> list[int]:
    """Where a document's records of one kind end: [end of `first` kinds, end of `second`] (the records are
    in that order; see html_contrib.xsl and register_records)."""
    a = sum(1 for r in records if r.get("k") in first) if first else sum(1 for r in records if r.get("k") not in ("note", "app"))
    return [a, a + sum(1 for r in records if r.get("k") in second)]


def order_records(blocks: list[dict]) -> list[dict]:
    """The records of a document in the order the index needs (text, notes, apparatus), stable."""
    rank = {"note": 1, "app": 2}
    return sorted(blocks, key=lambda b: rank.get(b.get("k", ""), 0))


def meta(docs: int, split: dict[str, list[str]], bounds_of: list[list[int]] | None = None) -> bytes:
    value = {"version": VERSION, "fold": rules(), "chunk": CHUNK, "docs": docs, "split": split,
             "bounds": bounds_of or [], "titles": TITLES}
    return ("window.KSE_SEARCH_META = " + _json(value) + ";\n").encode("utf-8")


def title_files(titles: list[str]) -> dict[str, bytes]:
    """The title files of a corpus: site-relative name -> bytes."""
    return {f"search/d/{g}.js": _js_call("KSE_SEARCH_TITLES", g, titles[g * TITLES:(g + 1) * TITLES])
            for g in range((len(titles) + TITLES - 1) // TITLES)}


# ---------- the register entries as records ----------
_TEI = "{" + TEI_NS + "}"
_DESC_TAGS = {"occupation", "note", "desc", "p", "state", "trait", "affiliation", "faith", "education", "residence",
              "location", "nationality"}


def register_records(entries, href, latin=None) -> list[dict]:
    """The records of register entries: `entries` is [(id, kind, element)] in register order (kind persons |
    places | orgs; element the TEI entry, lxml); `href(kind, id)` the page the entry is shown on (the site's
    register page and anchor, or the entry's page in a corpus); `latin(text)` the text's Latin form (the
    pack's), added so that the snippet shows it. r = the names (each form once, in document order), then
    the description; d = ""."""
    out = []
    order = {"persons": 0, "places": 1, "orgs": 2}
    for ident, kind, el in sorted(entries, key=lambda e: order.get(e[1], 3)):
        names, desc = [], []
        for node in el.iter():
            if not isinstance(node.tag, str):
                continue
            local = node.tag.replace(_TEI, "")
            if local in ("persName", "placeName", "orgName", "name") and not _inside(node, el, ("persName", "placeName", "orgName", "name")):
                text = " ".join("".join(node.itertext()).split())
                if text and text not in names:
                    names.append(text)
            elif local in _DESC_TAGS and not _inside(node, el, tuple(_DESC_TAGS)):
                text = " ".join("".join(node.itertext()).split())
                if text:
                    desc.append(text)
        if latin is not None:
            for name in list(names):
                lat = latin(name)
                if lat and lat != name and lat not in names:
                    names.append(lat)
        text = " · ".join(names)
        if desc:
            text += " — " + " · ".join(desc)
        out.append({"id": ident, "n": "", "k": kind, "r": text, "d": "", "p": href(kind, ident)})
    return out


def parse_entry(xml: str):
    """An entry's TEI as the contribution serialized it (lxml element; safe parser), or None."""
    from lxml import etree

    from tools.core.xmlsafe import safe_parser

    try:
        return etree.fromstring(xml.encode("utf-8"), safe_parser())
    except etree.XMLSyntaxError:
        return None


def _inside(node, top, tags) -> bool:
    """Whether `node` is inside an element of `tags` below `top` (its text is counted there already)."""
    p = node.getparent()
    while p is not None and p is not top:
        if isinstance(p.tag, str) and p.tag.replace(_TEI, "") in tags:
            return True
        p = p.getparent()
    return False


def _sorted(d: dict) -> dict:
    return {k: d[k] for k in sorted(d)}


def _json(value) -> str:
    # U+2028/2029 are legal in JSON but ended a line in older JavaScript: escape them
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _js_call(function: str, *args) -> bytes:
    return f"{function}({','.join(_json(a) for a in args)});\n".encode("utf-8")
