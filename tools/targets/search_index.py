"""The search index of a site, split so that a query loads a small part of it (xslt/html/assets/search.js).

FOLDING: one table, xslt/common/search-folding.json, applied here to the text and by search.js to the
query (it gets the table through search/meta.js): Latin homoglyphs to Cyrillic, lower case, then the
Kazakh letters onto their neighbours (ә→а, қ→к, ү→у …), one character for one character. TERMS are the runs
of letters and digits of the folded text, two characters or more.

FILES (all under search/ at the root of the site; JavaScript files that call a function, so that they load
from file:// as well as from a server, where fetch() of JSON would be refused):
  meta.js            KSE_SEARCH_META = {"version": 1, "fold": {...the table...}, "chunk": 8, "docs": N,
                                         "split": {"жы": ["жы", "жыл", "жыр"], …}}
  s/<key>.js         KSE_SEARCH_SHARD("<key>", {term: [[doc, [block, …], [block, …]], …], …})
                     one shard per key: the first two characters of its terms, or the first three where the
                     two-letter shard would be larger than SPLIT_BYTES (then "split" lists the keys of that
                     prefix; a shard keyed by the two letters alone holds the two-letter terms). For each term
                     and document: the blocks whose reading text has the term, then the blocks where only the
                     witness text has it. A key's file name is its characters' code points in hex, joined by
                     '-' ("ка" → 43a-430.js), so that no file name depends on the file system's encoding.
  t/<doc>-<k>.js     KSE_SEARCH_TEXT({"folder": "STEM/", "title": …, "blocks": [[id, n, kind, reading,
                     witness or ""], …]})   the text of the blocks k*chunk … k*chunk+chunk-1 of a document, for
                     the result snippets: only the chunks of the results shown are loaded (search.js knows
                     which one called from the script element that loaded it, document.currentScript; the
                     file itself does not depend on the document's place in the collection)
  <doc> is the document's position in the collection (from 0), <block> its block's position in the document.
A query loads meta.js, the shard of each of its words, and the text chunks of the ten results it shows;
search.js matches word beginnings (prefixes) and, for words of four letters or more, words one edit away
(two from eight letters), within the loaded shard. bench/bench_corpus.py measures the bytes a query loads.
"""
from __future__ import annotations

import json
import re
from functools import lru_cache

from tools.core import resources

VERSION = 1
CHUNK = 8              # blocks per text file
SPLIT_BYTES = 48_000   # a two-letter shard larger than this is split by three letters
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=None)
def folding() -> dict:
    return json.loads(resources.xslt("common", "search-folding.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=None)
def _fold_table() -> dict[int, str]:
    table = folding()
    homo, fold = table["homoglyphs"], table["fold"]
    out = {}
    for code in range(0x10000):  # the BMP is all the text of a TEI edition needs folded
        c = chr(code)
        c2 = homo.get(c, c)
        low = c2.lower()
        if len(low) != 1:
            low = c2
        f = fold.get(low, low)
        if f != c:
            out[code] = f
    return out


def fold(text: str) -> str:
    """The folded text, character for character (the same as search.js's fold)."""
    return text.translate(_fold_table())


def terms(text: str) -> list[str]:
    return [w for w in _WORD.findall(fold(text)) if len(w) >= 2]


def shard_key(term: str, split: bool) -> str:
    return term[:3] if split else term[:2]


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
        part = [[b["id"], b.get("n", ""), b.get("k", ""), b.get("r", ""), b["d"] if b.get("d", "") != b.get("r", "") else ""]
                for b in blocks[k:k + CHUNK]]
        payload = {"folder": folder, "title": title, "blocks": part}
        out[k // CHUNK] = _js_call("KSE_SEARCH_TEXT", payload)
    return out


def shards(postings: list[dict[str, tuple[list[int], list[int]]]]) -> tuple[dict[str, dict], dict[str, list[str]]]:
    """The shards of a corpus from its documents' postings (in collection order): key -> {term: rows} (what
    `shard_file` writes), and the keys of the two-letter prefixes that were split."""
    by_key: dict[str, dict[str, list]] = {}
    for doc, terms_of_doc in enumerate(postings):
        for term, (reading, witness) in terms_of_doc.items():
            by_key.setdefault(term[:2], {}).setdefault(term, []).append([doc, reading, witness])
    out: dict[str, dict] = {}
    split: dict[str, list[str]] = {}
    for key in sorted(by_key):
        terms_of_key = by_key[key]
        if _size(terms_of_key) <= SPLIT_BYTES:
            out[key] = _sorted(terms_of_key)
            continue
        sub: dict[str, dict[str, list]] = {}
        for term, rows in terms_of_key.items():
            sub.setdefault(term[:3], {})[term] = rows
        split[key] = sorted(sub)
        for k in sorted(sub):
            out[k] = _sorted(sub[k])
    return out, split


def shard_file(key: str, terms_of_key: dict) -> bytes:
    return _js_call("KSE_SEARCH_SHARD", key, terms_of_key)


def _size(terms_of_key: dict) -> int:
    """About the bytes of a shard's file (two bytes a Cyrillic letter, four a block number), without writing
    it: whether to split it is decided on this."""
    return sum(2 * len(term) + 6 + sum(8 + 4 * (len(r) + len(w)) for _doc, r, w in rows)
               for term, rows in terms_of_key.items())


def meta(docs: int, split: dict[str, list[str]]) -> bytes:
    return ("window.KSE_SEARCH_META = " + _json({"version": VERSION, "fold": folding_for_client(), "chunk": CHUNK,
                                                 "docs": docs, "split": split}) + ";\n").encode("utf-8")


def folding_for_client() -> dict:
    table = folding()
    return {"homoglyphs": table["homoglyphs"], "fold": table["fold"]}


def _sorted(d: dict) -> dict:
    return {k: d[k] for k in sorted(d)}


def _json(value) -> str:
    # U+2028/2029 are legal in JSON but ended a line in older JavaScript: escape them
    return json.dumps(value, ensure_ascii=False, separators=(",", ":")).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def _js_call(function: str, *args) -> bytes:
    return f"{function}({','.join(_json(a) for a in args)});\n".encode("utf-8")
