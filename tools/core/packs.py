"""Language packs: what the toolkit knows of one language, kept apart from the core.

A pack is found through the entry point group `tools.language_packs` (pyproject.toml of whatever
distribution provides it); the core never imports a pack by name. A pack is a module with
    LANGUAGE = "kk"                   # the language it serves (BCP 47)
    def commands(cli) -> None         # adds its commands to the CLI (e.g. `suggest ocr`, `tag dates`)
and, optionally,
    def hyphenate(word: str) -> str   # the word with soft hyphens (U+00AD) where it may break
    def collation_key(token: str) -> str   # more normalisation of a case-folded token for `tools collate`
The toolkit's own Kazakh pack is tools.lang.kk.

    for pack in packs(): ...
    hyphenator("kk")  ->  callable or None
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


def hyphenator(language: str):
    """The hyphenation function of the pack for `language` ('kk', 'kk-Cyrl' …), or None."""
    base = language.split("-")[0].lower()
    for pack in packs():
        if getattr(pack, "LANGUAGE", None) == base and hasattr(pack, "hyphenate"):
            return pack.hyphenate
    return None
