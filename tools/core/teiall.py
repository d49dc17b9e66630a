"""tei_all at the speed of a customization: the official grammar pruned to the elements a document uses.

libxml2 takes 11–15 s to compile the whole tei_all (jing about 1–2 s to validate one file against it). But a
document can only ever match the element patterns of the elements it contains. Pruning tei_all to that set
(schemagen's `keep_only`: every other element becomes `notAllowed`, propagated to a fixpoint; wildcard
elements kept; then what is unreachable dropped) gives a grammar that accepts exactly the same documents
*with those elements*: every derivation of such a document uses only their patterns, all of which are kept,
and the pruned grammar accepts nothing tei_all does not. So the verdict on the document is tei_all's; the
agreement with jing on the full tei_all is tested document by document (tests/test_conformance.py).

The pruned grammar is small (tens of KB), compiles in a few milliseconds, and is cached: in memory per
process, and on disk under the user's cache folder ($XDG_CACHE_HOME or ~/.cache, `tei-tools/tei_all/`), keyed
by the hash of tei_all and of the element set, so that an editor's next `tools validate` of the same
document skips the pruning too. A cache that cannot be written is simply not used.

    rng = grammar_for({"TEI", "teiHeader", ...})     # an lxml RelaxNG
    full_tree()                                      # the whole grammar (for error hints), parsed once
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from functools import cache, lru_cache
from pathlib import Path

from lxml import etree

from tools.core import resources
from tools.core.xmlsafe import safe_parser


def _cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tei-tools" / "tei_all"


@cache
def _source_bytes() -> bytes:
    return resources.tei_all().read_bytes()


@cache
def _source_hash() -> str:
    """Identifies what a cached grammar was made from: tei_all and the pruning code (schemagen)."""
    from tools.core import schemagen

    digest = hashlib.sha256(_source_bytes())
    digest.update(Path(schemagen.__file__).read_bytes())
    return digest.hexdigest()[:16]


@cache
def full_tree() -> etree._ElementTree:
    """The whole tei_all grammar as a tree (annotations kept), parsed once per process."""
    return etree.ElementTree(etree.fromstring(_source_bytes(), safe_parser(remove_blank_text=True)))


def pruned_bytes(elements: frozenset[str]) -> bytes:
    """tei_all pruned to `elements` (local names), serialized; from the disk cache when it is there."""
    key = hashlib.sha256("\n".join(sorted(elements)).encode("utf-8")).hexdigest()[:24]
    cached = _cache_dir() / f"{_source_hash()}-{key}.rng"
    try:
        return cached.read_bytes()
    except OSError:
        pass
    data = _prune(elements)
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cached.parent, prefix=".tmp-")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, cached)
    except OSError:
        pass  # a read-only home: no cache, same verdicts
    return data


def _prune(elements: frozenset[str]) -> bytes:
    from tools.core.schemagen import Customizer

    tree = etree.fromstring(_source_bytes(), safe_parser(remove_blank_text=True))
    cust = Customizer(tree)
    cust.strip_annotations()
    cust.keep_only(set(elements), keep_wildcards=True)
    cust.tidy()
    cust.drop_unreachable()
    return etree.tostring(tree)


@lru_cache(maxsize=64)
def grammar_for(elements: frozenset[str]) -> etree.RelaxNG:
    """The compiled tei_all grammar for documents whose elements are `elements`."""
    return etree.RelaxNG(etree.fromstring(pruned_bytes(elements), safe_parser()))


# Always kept, whatever the document uses: the skeleton of a minimal TEI document. Adding elements the
# document does not use cannot change its verdict, and it keeps the pruned grammar from collapsing (a
# document of a bare <TEI/> would otherwise leave a grammar that matches nothing, which libxml2 refuses
# to compile, and error messages that say less).
SKELETON = frozenset({"TEI", "teiHeader", "fileDesc", "titleStmt", "title", "publicationStmt", "p", "sourceDesc",
                      "text", "body"})


def element_names(tree: etree._ElementTree) -> frozenset[str]:
    """The local names of the elements of a document (any namespace), with the TEI skeleton."""
    return SKELETON | frozenset(etree.QName(el).localname for el in tree.iter() if isinstance(el.tag, str))
