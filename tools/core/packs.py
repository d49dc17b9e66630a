"""Language packs: what the toolkit knows of one language, kept apart from the core.

A pack is found through the entry point group `tools.language_packs` (pyproject.toml of whatever
distribution provides it); the core never imports a pack by name. A pack is a module with
    LANGUAGE = "kk"                   # the language it serves (BCP 47)
    def commands(cli) -> None         # adds its commands to the CLI (e.g. `suggest ocr`, `tag dates`)
and, optionally,
    def hyphenate(word: str) -> str   # the word with soft hyphens (U+00AD) where it may break
    def collation_key(token: str) -> str   # more normalisation of a case-folded token for `tools collate`
    OTHER_SCRIPTS = ("Latn",)         # scripts (ISO 15924) the language is also written in, besides its own
    def transliterate(text: str, script: str) -> str     # the text in one of OTHER_SCRIPTS
    def search_folding(script: str) -> dict              # data for a search where both scripts meet
The toolkit's own Kazakh pack is tools.lang.kk.

    for pack in packs(): ...
    hyphenator("kk")       ->  callable or None
    other_scripts("kk")    ->  {"Latn": callable}  (empty when the language has no other script)
"""
from __future__ import annotations

from functools import cache
from importlib.metadata import entry_points
from types import ModuleType

GROUP = "tools.language_packs"


@cache
def packs() -> tuple[ModuleType, ...]:
    """Every installed language pack, loaded (in entry-point name order)."""
    found = []
    for ep in sorted(entry_points(group=GROUP), key=lambda e: e.name):
        found.append(ep.load())
    return tuple(found)


def _pack(language: str) -> ModuleType | None:
    """The pack serving `language` ('kk', 'kk-Cyrl' …: the primary subtag decides), or None."""
    base = language.split("-")[0].lower()
    for pack in packs():
        if getattr(pack, "LANGUAGE", None) == base:
            return pack
    return None


def other_scripts(language: str) -> dict:
    """The scripts `language` is written in besides the one of its text, each with its transliteration:
    {'Latn': function(text) -> text}. Empty when no pack offers one (the core knows no language)."""
    pack = _pack(language)
    if pack is None or not hasattr(pack, "transliterate"):
        return {}
    own = {part.capitalize() for part in language.split("-")[1:] if len(part) == 4}  # a text tagged kk-Latn
    return {script: (lambda text, s=script: pack.transliterate(text, s))
            for script in getattr(pack, "OTHER_SCRIPTS", ()) if script not in own}


def search_folding(language: str, script: str) -> dict | None:
    """The pack's data for a search in which queries in `script` find the text of `language`, or None."""
    pack = _pack(language)
    if pack is None or not hasattr(pack, "search_folding") or script not in getattr(pack, "OTHER_SCRIPTS", ()):
        return None
    return pack.search_folding(script)


def hyphenator(language: str):
    """The hyphenation function of the pack for `language` ('kk', 'kk-Cyrl' …), or None."""
    base = language.split("-")[0].lower()
    for pack in packs():
        if getattr(pack, "LANGUAGE", None) == base and hasattr(pack, "hyphenate"):
            return pack.hyphenate
    return None
