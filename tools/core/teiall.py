"""tei_all at the speed of a customization: the official grammar pruned to the elements a document uses.

libxml2 takes 11–15 s to compile the whole tei_all (jing about 1–2 s to validate one file against it). But a
document can only ever match the element patterns of the elements it contains. Pruning tei_all to that set
(schemagen's `keep_only`: every other element becomes `notAllowed`, propagated to a fixpoint; wildcard
elements kept; then what is unreachable dropped) gives a grammar that accepts exactly the same documents
*with those elements*: every derivation of such a document uses only their patterns, all of which are kept,
and the pruned grammar accepts nothing tei_all does not. So the verdict on the document is tei_all's; the
agreement with jing on the full tei_all is tested document by document (tests/test_conformance.py).

The pruned grammar is small (tens of KB), compiles in a few milliseconds, and is cached: in memory per
process, and on disk in the toolkit's cache folder (tools.core.cache, `tei_all/`), keyed by the hash of
tei_all, of the pruning code and of the element set, so that an editor's next `tools validate` of the same
document skips the pruning too. Its first compile on a machine is proven in a forked child with a deadline
(tools.core.rngcompile): should libxml2 loop on a pruned grammar, the document is judged by the whole
tei_all instead (compiled once per process, 11-15 s), with a warning that says so.

    rng, warning = grammar_for({"TEI", "teiHeader", ...})   # an lxml RelaxNG, and None or why it is slower
    full_tree()                                             # the whole grammar (for error hints), parsed once
"""
from __future__ import annotations

import hashlib
from functools import cache, lru_cache
from pathlib import Path

from lxml import etree

from tools.core import cache as disk
from tools.core import resources
from tools.core.rngcompile import SchemaError, relaxng
from tools.core.xmlsafe import safe_parser

PRUNED_DEADLINE = 60.0   # s; a pruned grammar compiles in milliseconds
FULL_DEADLINE = 900.0    # s; the whole tei_all takes 11-15 s here


@cache
def _source_bytes() -> bytes:
    return resources.tei_all().read_bytes()


@cache
def _source_hash() -> str:
    """Identifies what a cached grammar was made from: tei_all and the pruning code (schemagen, this module)."""
    from tools.core import schemagen

    digest = hashlib.sha256(_source_bytes())
    digest.update(Path(schemagen.__file__).read_bytes())
    digest.update(Path(__file__).read_bytes())
    return digest.hexdigest()[:16]


@cache
def full_tree() -> etree._ElementTree:
    """The whole tei_all grammar as a tree (annotations kept), parsed once per process."""
    return etree.ElementTree(etree.fromstring(_source_bytes(), safe_parser(remove_blank_text=True)))


def pruned_bytes(elements: frozenset[str]) -> bytes:
    """tei_all pruned to `elements` (local names), serialized; from the disk cache when it is there."""
    key = disk.digest(_source_hash(), *sorted(elements))
    data = disk.get("tei_all", key, ".rng")
    if data is None:
        data = _prune(elements)
        disk.put("tei_all", key, data, ".rng")
    return data


@cache
def _stripped_bytes() -> bytes:
    """tei_all without its annotations (documentation, embedded Schematron): what every pruning starts from."""
    from tools.core.schemagen import Customizer

    tree = etree.fromstring(_source_bytes(), safe_parser(remove_blank_text=True))
    Customizer(tree).strip_annotations()
    return etree.tostring(tree)


def _prune(elements: frozenset[str]) -> bytes:
    from tools.core.schemagen import Customizer

    tree = etree.fromstring(_stripped_bytes(), safe_parser(remove_blank_text=True))
    cust = Customizer(tree)
    cust.keep_only(set(elements), keep_wildcards=True)
    cust.tidy()
    cust.drop_unreachable()
    _as_jing_reads(tree)
    return etree.tostring(tree)


# Where libxml2's XML Schema datatypes accept what jing's (Xerces', XSD 1.0) refuse, a pattern facet narrows
# libxml2 to jing's reading (found by probing both with the same values; tests/test_conformance.py):
# hour 24 in a time or dateTime ("1921-03-01T24:00:00"), and an exponent without digits in a double ("1e").
# The other way round (jing accepts a leap second "23:59:60" and "10:00:00." in a time, libxml2 does not) a
# facet cannot widen a type: those values stay refused here.
_JING_PATTERNS = {
    "time": r"([01][0-9]|2[0-3]):.*",
    "dateTime": r"[^T]*T([01][0-9]|2[0-3]):.*",
    "double": r"(\+|-)?([0-9]+(\.[0-9]*)?|\.[0-9]+)([eE](\+|-)?[0-9]+)?|-?INF|NaN",
}


def _as_jing_reads(tree: etree._Element) -> None:
    rng = "{http://relaxng.org/ns/structure/1.0}"
    for data in tree.iter(rng + "data"):
        pattern = _JING_PATTERNS.get(data.get("type"))
        if pattern is not None and (data.get("datatypeLibrary") or _library(data)).startswith(
                "http://www.w3.org/2001/XMLSchema-datatypes"):
            param = etree.Element(rng + "param", name="pattern")
            param.text = pattern
            data.insert(0, param)


def _library(el: etree._Element) -> str:
    while el is not None:
        if el.get("datatypeLibrary") is not None:
            return el.get("datatypeLibrary")
        el = el.getparent()
    return ""


@lru_cache(maxsize=64)
def grammar_for(elements: frozenset[str]) -> tuple[etree.RelaxNG, str | None]:
    """The compiled tei_all grammar for documents whose elements are `elements`, and None; or, when libxml2
    cannot compile the pruned grammar, the whole tei_all and a warning saying why it is used."""
    try:
        return relaxng(pruned_bytes(elements), base_url=None, label="tei_all pruned to the document's elements",
                       deadline=PRUNED_DEADLINE), None
    except SchemaError as err:
        return full_grammar(), f"{err}: judged by the whole tei_all instead (same verdict, slower)"


@cache
def full_grammar() -> etree.RelaxNG:
    """The whole tei_all, compiled (11-15 s)."""
    return relaxng(_source_bytes(), base_url=None, label="tei_all", deadline=FULL_DEADLINE)


# Always kept, whatever the document uses: the skeleton of a minimal TEI document. Adding elements the
# document does not use cannot change its verdict, and it keeps the pruned grammar from collapsing (a
# document of a bare <TEI/> would otherwise leave a grammar that matches nothing, which libxml2 refuses
# to compile, and error messages that say less).
SKELETON = frozenset({"TEI", "teiHeader", "fileDesc", "titleStmt", "title", "publicationStmt", "p", "sourceDesc",
                      "text", "body"})


def element_names(tree: etree._ElementTree) -> frozenset[str]:
    """The local names of the elements of a document (any namespace), with the TEI skeleton."""
    return SKELETON | frozenset(etree.QName(el).localname for el in tree.iter() if isinstance(el.tag, str))
