"""The Kazakh language pack: the OCR- and keying-error finder (ocr.py) and the date tagger (dates.py) for
Kazakh Cyrillic, the name tagger (names.py), their commands (`tools suggest ocr`, `tools tag dates`,
`tools tag names`), and the normalisation of Kazakh tokens for `tools collate` (`collation_key`).

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
