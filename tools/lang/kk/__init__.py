"""The Kazakh language pack: the OCR- and keying-error finder (ocr.py) and the date tagger (dates.py) for
Kazakh Cyrillic, the name tagger (names.py), their commands (`tools suggest ocr`, `tools tag dates`,
`tools tag names`), the normalisation of Kazakh tokens for `tools collate` (`collation_key`), hyphenation
by syllables for the print edition (hyphenate.py), and the Latin alphabet of 2021 (translit.py: the reading
text and the names of the HTML edition in Latin script, and the data its search uses to let Cyrillic and
Latin queries meet).

Found by the core through the entry point `tools.language_packs: kk` (pyproject.toml); see tools.core.packs.
"""
from __future__ import annotations

LANGUAGE = "kk"

# Letters a Kazakh copy writes either way without changing the word, folded for collation (the witness's
# own letters stay in the output): ё, found only in Russian loans, is often printed and keyed as е.
_COLLATION_FOLD = str.maketrans({"ё": "е"})


def collation_key(token: str) -> str:
    """Extra normalisation of an already case-folded token for aligning Kazakh witnesses (tools collate)."""
    return token.translate(_COLLATION_FOLD)


def commands(cli) -> None:
    """Add this pack's commands to the CLI's `suggest` and `tag` groups."""
    from tools.lang.kk.cli import register

    register(cli)


# imported here, before `hyphenate` is defined: loading the submodule tools.lang.kk.hyphenate binds its name
# on this package, and the function below must be what that name means
from tools.lang.kk.hyphenate import hyphenate_word as _hyphenate_word  # noqa: E402


def hyphenate(word: str) -> str:
    """The word with soft hyphens (U+00AD) between its syllables, where a line may break (print edition)."""
    return _hyphenate_word(word)


# Kazakh is written in another script too: the Latin alphabet of 2021 (ISO 15924 code Latn).
OTHER_SCRIPTS = ("Latn",)


def transliterate(text: str, script: str) -> str:
    """`text` (Kazakh Cyrillic) in `script` (one of OTHER_SCRIPTS)."""
    from tools.lang.kk.translit import to_latin

    if script != "Latn":
        raise ValueError(f"no transliteration of Kazakh into {script!r}")
    return to_latin(text)


def search_folding(script: str) -> dict:
    """The data a client-side search needs to match queries in `script` with the Cyrillic text."""
    from tools.lang.kk.translit import search_folding as folding

    if script != "Latn":
        raise ValueError(f"no transliteration of Kazakh into {script!r}")
    return folding()
