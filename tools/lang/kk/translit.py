"""Kazakh in the Latin alphabet of 2021, from the Cyrillic (which stays the source of every form).

    to_latin("Қазақстан халық шаруашылығын")  ->  "Qazaqstan halyq şaruaşylyğyn"
    to_latin("Сейфуллин съезінде")             ->  "Seifullin sezınde"

The letter table is data, in one place: data/latin-2021.toml (the 31 letters of the 2021 alphabet, the
Cyrillic letter each one writes, and the documented rule for the letters the alphabet has none for:
я -> ia, ю -> iu, ё -> io, ц -> ts, ч -> tş, щ -> şş, э -> e, ъ and ь left out; Russian loanwords go
through the same table letter by letter). The conversion is letter by letter, with one matter of context:
a capital written with two letters is capital-then-small (Я -> İa) unless the word around it is in
capitals (ЯНВАРЬ -> İANVAR, ЧОН -> TŞON). Case is never left to str.upper()/str.lower() for the i's:
Python would make the capital of i "I" and the small of İ "i̇"; the table gives both cases explicitly.
Anything that is not a Cyrillic letter of the table (digits, punctuation, Latin) passes unchanged.

`search_folding()` gives the data the client-side search needs to make Cyrillic and Latin queries meet
(the table and the folding of diacritics and romanization spellings), from the same file.

Offered by the Kazakh pack (tools/lang/kk/__init__.py: `transliterate`, `other_scripts`), which the core finds
through its entry point (tools.core.packs); the HTML target never imports this module by name. Tested on a
word list checked by hand (tests/test_translit_kk.py).
"""
from __future__ import annotations

import tomllib
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).with_name("data") / "latin-2021.toml"


@lru_cache(maxsize=None)
def _data() -> dict:
    with open(DATA, "rb") as f:
        return tomllib.load(f)


@lru_cache(maxsize=None)
def table() -> dict[str, str]:
    """Cyrillic letter -> its Latin letter(s): the alphabet's letters and the rule for the others."""
    data = _data()
    return {**data["letters"], **data["outside"]}


def alphabet() -> list[str]:
    """The capitals of the 2021 alphabet, in order."""
    return _data()["alphabet"].split()


def _is_upper_letter(c: str) -> bool:
    return c.isalpha() and c.isupper()


def to_latin(text: str) -> str:
    """`text` (Kazakh Cyrillic) in the Latin alphabet of 2021; what is not Cyrillic passes as it is."""
    tab = table()
    out = []
    for i, c in enumerate(text):
        lat = tab.get(c)
        if lat is None:
            out.append(c)
            continue
        if len(lat) > 1 and c.isupper():
            nxt = text[i + 1] if i + 1 < len(text) else ""
            prev = text[i - 1] if i > 0 else ""
            # a word in capitals keeps its capitals: the neighbour that is a letter decides
            if _is_upper_letter(nxt) or (not nxt.isalpha() and _is_upper_letter(prev)):
                lat = lat[0] + lat[1:].upper()
        out.append(lat)
    return "".join(out)


def search_folding() -> dict:
    """Data for a client-side search where Cyrillic and Latin queries meet: `letters` (Cyrillic letter ->
    Latin, small letters only: the search lower-cases first) and `fold` (Latin spellings taken as the same,
    longest first)."""
    tab = table()
    letters = dict(tab)  # capitals too, for the table shown to readers (the search lower-cases first)
    fold = _data()["search-folding"]
    return {"letters": letters,
            "fold": dict(sorted(fold.items(), key=lambda kv: (-len(kv[0]), kv[0])))}
