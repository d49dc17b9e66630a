"""The Kazakh language pack: the OCR- and keying-error finder (ocr.py) and the date tagger (dates.py) for
Kazakh Cyrillic, and their commands (`tools suggest ocr`, `tools tag dates`).

Found by the core through the entry point `tools.language_packs: kk` (pyproject.toml); see tools.core.packs.
"""
from __future__ import annotations

LANGUAGE = "kk"


def commands(cli) -> None:
    """Add this pack's commands to the CLI's `suggest` and `tag` groups."""
    from tools.lang.kk.cli import register

    register(cli)
