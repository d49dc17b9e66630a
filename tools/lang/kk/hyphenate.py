"""Kazakh hyphenation by syllables, for the print edition (no typesetter has Kazakh hyphenation patterns).

    hyphenate_word("конференциясы")  ->  "кон\xadфе\xadрен\xadци\xadя\xadсы"   (soft hyphens, U+00AD)

Kazakh syllabification is regular: a syllable has one vowel; between two vowels a single consonant opens
the next syllable (ба-ла), of two consonants one closes the syllable and one opens the next (кол-лек-тив,
ау-ру), of three, two close it when they can end a Kazakh syllable (a sonorant first: айт-ты, жұрт-тың),
else one (Қа-зақ-стан, ин-дус-три-я). A syllable of one vowel letter is not left alone (ко-опе-ра-тив). Two vowels
side by side part (си-ыр, ци-я). The soft and hard signs (ь, ъ) stay with the consonant before them
(октябрь-де, объ-ект). у and и after a vowel are glides, consonants (а-уыл, та-уы, ау-ру). A word is only
broken so that at least two letters stay on the line and two go to the next; words with capitals after the
first letter (abbreviations: РК(б)П, ОАК-інің) and words of fewer than five letters are not broken.
The Russian words of the text (month names of the 1920s, loanwords) follow the same rules; the breaks they
get (ян-варь-да, рес-пуб-ли-ка) are ones a Russian compositor accepts too.

Offered by the Kazakh pack (tools/lang/kk/__init__.py: `hyphenate`), which the core finds through the entry
point group `tools.language_packs` (tools.core.packs): the print builder never imports this module by name.
Tested on a word list checked by hand (tests/test_hyphenate_kk.py).
"""
from __future__ import annotations

import re

SOFT_HYPHEN = "\u00ad"
VOWELS = set("аәеёиоөуұүыіэюяАӘЕЁИОӨУҰҮЫІЭЮЯ")
GLIDES = set("уиУИ")           # consonants after a vowel
SIGNS = set("ьъЬЪ")            # never open a syllable
LEFT_MIN, RIGHT_MIN, WORD_MIN = 2, 2, 5
WORD = re.compile(r"[А-Яа-яЁёӘәҒғҚқҢңӨөҰұҮүҺһІі]+")


def _is_vowel(word: str, i: int) -> bool:
    c = word[i]
    if c not in VOWELS:
        return False
    return not (c in GLIDES and i > 0 and word[i - 1] in VOWELS and not _glide_before(word, i - 1))


def _glide_before(word: str, i: int) -> bool:
    """Whether word[i] is itself a glide (so that a у/и after it is a vowel again: "ауу" is rare, kept simple)."""
    return word[i] in GLIDES and i > 0 and word[i - 1] in VOWELS


def breaks(word: str) -> list[int]:
    """The positions (indexes into `word`) before which a line may break."""
    if len(word) < WORD_MIN or any(c.isupper() for c in word[1:]):
        return []
    vowels = [i for i in range(len(word)) if _is_vowel(word, i)]
    found = []
    for a, b in zip(vowels, vowels[1:]):
        consonants = [i for i in range(a + 1, b) if word[i] not in SIGNS]
        signs = [i for i in range(a + 1, b) if word[i] in SIGNS]
        if signs:
            at = signs[-1] + 1        # a sign closes its syllable: октябрь-де, объ-ект, съ-езд
        elif not consonants:
            at = b
        elif len(consonants) == 3 and not _coda(word[consonants[0]], word[consonants[1]]):
            at = consonants[1]        # жұрт-тың, айт-ты, but Қа-зақ-стан, ин-дус-три-я
        else:
            at = consonants[-1]       # ба-ла, кол-лек-тив
        if LEFT_MIN <= at <= len(word) - RIGHT_MIN:
            found.append(at)
    # a syllable of a single vowel letter goes with the next one (ко-опе-ра-тив, пар-ти-ясы, ша-ру-ашы)
    return [at for k, at in enumerate(found) if not (k > 0 and at - found[k - 1] == 1 and word[at - 1] in VOWELS)]


# the native Kazakh codas of two consonants: a sonorant, then a consonant (айт, жұрт, қорқ, өлт, құлд)
SONORANTS = set("йрлнмңуЙРЛНМҢУ")


def _coda(first: str, second: str) -> bool:
    return first in SONORANTS


def hyphenate_word(word: str) -> str:
    """`word` with a soft hyphen at each syllable break."""
    cuts = breaks(word)
    if not cuts:
        return word
    parts, last = [], 0
    for at in cuts:
        parts.append(word[last:at])
        last = at
    parts.append(word[last:])
    return SOFT_HYPHEN.join(parts)


def hyphenate(text: str) -> str:
    """`text` with soft hyphens in every word that may be broken (anything else stays as it is)."""
    return WORD.sub(lambda m: hyphenate_word(m.group(0)), text)
