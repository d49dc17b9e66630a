"""Soft hyphens for languages no typesetter can hyphenate, from the language packs that offer them.

A language pack may offer `hyphenate(word) -> word with U+00AD where it may break` (tools.core.packs); the
core never names a language. `hyphenate_tree` adds the soft hyphens to the text of a parsed TEI document
*in memory* (the print builder hands that tree to the stylesheet; the TEI file is never touched): every
word of every text node inside <text> whose language (the nearest xml:lang, else the document's) has a
hyphenator. The Kazakh pack breaks by syllables (tools/lang/kk/hyphenate.py).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from tools.core.packs import hyphenator as pack_hyphenator

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TEI_TEXT = "{http://www.tei-c.org/ns/1.0}text"
WORD = re.compile(r"[^\W\d_]+")


@lru_cache(maxsize=None)
def hyphenator(lang: str | None) -> Callable[[str], str] | None:
    """A function putting soft hyphens into a text of language `lang` ('kk', 'kk-Cyrl'), if a pack offers one."""
    if not lang:
        return None
    found = pack_hyphenator(lang)
    if found is None:
        return None
    # a text repeats its words (names, terms, suffixed forms): each distinct word is broken once
    word = lru_cache(maxsize=1 << 16)(found)
    return lambda text: WORD.sub(lambda m: word(m.group(0)), text)


def hyphenate_tree(tree) -> int:
    """Put soft hyphens into the text of every <text> of an lxml TEI tree, by language; return how many
    text nodes were changed."""
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    default = root.get(XML_LANG)
    changed = 0
    for text in root.iter(TEI_TEXT):
        if any(a.tag == TEI_TEXT for a in text.iterancestors()):
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
