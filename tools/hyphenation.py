"""Soft hyphens for languages no typesetter can hyphenate, from the language packs that offer them.

A language pack registers a function `hyphenate(text) -> text` (which puts U+00AD where a word may break)
for its language code in the entry point group `kse_tools.hyphenators` (pyproject.toml):

    [project.entry-points."kse_tools.hyphenators"]
    kk = "tools.lang.kk.hyphenate:hyphenate"

`hyphenate_tree` adds the soft hyphens to the text of a parsed TEI document *in memory* (the print builder
hands that tree to the stylesheet; the TEI file is never touched): every text node inside <text> whose
language (the nearest xml:lang, else the document's) has a hyphenator. The core names no language here.
"""
from __future__ import annotations

from functools import lru_cache
from importlib.metadata import entry_points
from typing import Callable

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TEI_TEXT = "{http://www.tei-c.org/ns/1.0}text"
GROUP = "kse_tools.hyphenators"


@lru_cache(maxsize=None)
def hyphenators() -> dict[str, Callable[[str], str]]:
    """{language code: hyphenate function} of the installed language packs."""
    return {ep.name: ep.load() for ep in entry_points(group=GROUP)}


def hyphenator(lang: str | None) -> Callable[[str], str] | None:
    """The hyphenator of a language tag ('kk', 'kk-Cyrl'), if a language pack has one."""
    if not lang:
        return None
    return hyphenators().get(lang.split("-")[0].lower())


def hyphenate_tree(tree) -> int:
    """Put soft hyphens into the text of every <text> of an lxml TEI tree, by language; return how many
    text nodes were changed."""
    if not hyphenators():
        return 0
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    default = root.get(XML_LANG)
    changed = 0
    for text in root.iter(TEI_TEXT):
        if text.getparent() is not None and any(a.tag == TEI_TEXT for a in text.iterancestors()):
            continue  # a nested <text> is done with its outer one
        changed += _walk(text, text.get(XML_LANG) or _lang_of(text) or default)
    return changed


def _lang_of(el) -> str | None:
    for a in el.iterancestors():
        if a.get(XML_LANG):
            return a.get(XML_LANG)
    return None


def _walk(el, lang: str | None) -> int:
    """Hyphenate el.text and, for each child, its subtree and its tail (the tail is in el's language)."""
    own = el.get(XML_LANG) or lang
    fn = hyphenator(own)
    changed = 0
    if fn and el.text:
        new = fn(el.text)
        changed += new != el.text
        el.text = new
    for child in el:
        if isinstance(child.tag, str):
            changed += _walk(child, own)
        if fn and child.tail:
            new = fn(child.tail)
            changed += new != child.tail
            child.tail = new
    return changed
