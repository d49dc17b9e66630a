"""The text of a TEI document as the editorial rules read it: which child of <choice> is the reading and which
the witness, which elements are blocks, what is editorial and never witness text.

The rules are data, in one file shared with the XSLT common layer (xslt/common/text-rules.json, read there
with json-doc()); tests/test_textmodel.py checks that the stylesheets and this module read them alike.

Mixed content is walked by `witness_text`, the one place that handles lxml's text/tail model for the
witness reading: the text of <text> with the witness side of every <choice> (sic, orig, abbr) and nothing
editorial (corr, reg, expan, supplied, notes, readings of other witnesses, and divisions the editors wrote,
such as the bibliography of the commentary).
"""
from __future__ import annotations

import json
from functools import cache

from lxml import etree

from tools.core import resources


@cache
def rules() -> dict:
    return json.loads(resources.xslt("common", "text-rules.json").read_text(encoding="utf-8"))


def block_elements() -> frozenset[str]:
    """Elements whose content is one block of running text (a paragraph, a verse line, a cell …)."""
    return frozenset(rules()["blocks"])


def choice_reading() -> tuple[str, ...]:
    """Children of <choice> that give the edited reading, by preference."""
    return tuple(rules()["choice-reading"])


def choice_witness() -> tuple[str, ...]:
    """Children of <choice> that give the witness reading, by preference."""
    return tuple(rules()["choice-witness"])


def editorial() -> frozenset[str]:
    """Elements that are the editor's, never witness text."""
    return frozenset(rules()["editorial"])


def editorial_divs() -> frozenset[str]:
    """Types of <div> the editors wrote, never witness text (the bibliography of the commentary)."""
    return frozenset(rules().get("editorial-divs", ()))


def not_text() -> frozenset[str]:
    """Elements whose content is not running text in any view (notes, header, forme work …)."""
    return frozenset(rules()["not-text"])


def witness_text(el: etree._Element, skip: frozenset[str] | None = None) -> list[tuple[str, int]]:
    """Pieces of witness text under `el`, each with the source line of the node it came from."""
    return list(iter_witness_text(el, skip))


def iter_witness_text(el: etree._Element, skip: frozenset[str] | None = None):
    """`witness_text` one piece at a time (a large document's pieces are never all held at once)."""
    skip = editorial() if skip is None else skip
    divs = editorial_divs()

    def walk(node):
        name = etree.QName(node).localname if isinstance(node.tag, str) else None
        if name is not None and name not in skip and not (name == "div" and node.get("type") in divs):
            if node.text:
                yield node.text, node.sourceline or 0
            for kid in node:
                yield from walk(kid)
        if node is not el and node.tail:
            parent = node.getparent()
            yield node.tail, parent.sourceline if parent is not None else 0

    return walk(el)


def words_with_lines(pieces) -> list[tuple[str, int]]:
    """Whitespace-separated words; a word split across nodes (e.g. <sic>ОК</sic>-нің) is joined."""
    return list(iter_words(pieces))


def iter_words(pieces):
    """`words_with_lines` one word at a time: a word is given once the next piece shows it is complete."""
    pending: tuple[str, int] | None = None
    joinable = False
    for text, line in pieces:
        if not text:
            continue
        parts = text.split()
        if not parts:
            joinable = False
            continue
        starts_glued = not text[0].isspace()
        for i, part in enumerate(parts):
            if i == 0 and starts_glued and joinable and pending is not None:
                pending = (pending[0] + part, pending[1])
            else:
                if pending is not None:
                    yield pending
                pending = (part, line)
        joinable = not text[-1].isspace()
    if pending is not None:
        yield pending
