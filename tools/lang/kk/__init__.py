"""The Kazakh language pack: the OCR- and keying-error finder (ocr.py) and the date tagger (dates.py) for
Kazakh Cyrillic, and their commands (`tools suggest ocr`, `tools tag dates`); hyphenation by syllables for
the print edition (hyphenate.py).

Found by the core through the entry point `tools.language_packs: kk` (pyproject.toml); see tools.core.packs.
"""
from __future__ import annotations

LANGUAGE = "kk"


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
