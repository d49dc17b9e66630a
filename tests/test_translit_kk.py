"""Kazakh in the Latin alphabet of 2021 (tools/lang/kk/translit.py, data/latin-2021.toml), on a word list
checked by hand, and how the core reaches it (tools.core.packs: the pack's entry point, by language).

Each expected form was written letter by letter from the 2021 table (ә ä, ғ ğ, қ q, ң ñ, ө ö, ұ ū, ү ü,
ш ş, і ı, и/й i with the capital İ, ы y, у u, х/һ h, ж j) and, for the letters the alphabet has none for,
from the documented rule (я ia, ю iu, ё io, ц ts, ч tş, щ şş, э e; ъ ь left out); most are words and names
of the edition's text and registers.
"""
from __future__ import annotations

import pytest

from tools.core import packs
from tools.lang.kk import translit
from tools.lang.kk.translit import to_latin

WORDS = """
Қазақстан Qazaqstan
халық halyq
шаруашылығын şaruaşylyğyn
қалпына qalpyna
келтіру keltıru
дәуірінде däuırınde
Алматы Almaty
Ақтөбе Aqtöbe
Шымкент Şymkent
Қарағанды Qarağandy
Жетісу Jetısu
Әулиеата Äulieata
Ертіс Ertıs
Сырдария Syrdariia
Оңтүстік Oñtüstık
Түрксіб Türksıb
ұлттық ūlttyq
мемлекеттік memlekettık
бөлді böldı
үкімет ükımet
ауыл auyl
ұйымдастыру ūiymdastyru
сияқты siiaqty
саясат saiasat
жою joiu
еңбекшілер eñbekşıler
жұмысшы jūmysşy
ғылым ğylym
Бәрібаев Bärıbaev
Сейфуллин Seifullin
Сәкен Säken
Мұхтар Mūhtar
Әуезов Äuezov
Рысқұлов Rysqūlov
Жабаев Jabaev
Жансүгіров Jansügırov
Қуанышбаев Quanyşbaev
Көшкінбаев Köşkınbaev
Иса İsa
Байзақов Baizaqov
Біршоғыр Bırşoğyr
Ащысай Aşşysai
Балқаш Balqaş
Семей Semei
шаһар şahar
Бұрынғы Būrynğy
съезд sezd
Съезд Sezd
январьда ianvarda
Октябрьдің Oktiabrdıñ
революция revoliutsiia
контрреволюциялық kontrrevoliutsiialyq
конференциясы konferentsiiasy
социалистік sotsialistık
Ильич İlitş
училищелер utşilişşeler
экономикалық ekonomikalyq
Нэп Nep
НЭП NEP
ЧОН TŞON
Гурьевте Gurevte
Зиновьев Zinovev
бюросы biurosy
Пётр Piotr
Цюрупа Tsiurupa
ЯНВАРЬ İANVAR
ИЮНЬ İİUN
ҚАССР QASSR
"""


@pytest.mark.parametrize("cyrillic, latin", [line.split() for line in WORDS.strip().splitlines()])
def test_word(cyrillic, latin):
    assert to_latin(cyrillic) == latin


@pytest.mark.parametrize("cyrillic, latin", [
    ("Қазақстан халық шаруашылығын қалпына келтіру дәуірінде", "Qazaqstan halyq şaruaşylyğyn qalpyna keltıru däuırınde"),
    ("РК(б)П ОК-інің", "RK(b)P OK-ınıñ"),              # abbreviations, brackets and hyphens kept
    ("І. Жансүгіров", "I. Jansügırov"),                # the capital of і is the undotted I
    ("Ю. Б.", "İu. B."),                               # a two-letter capital alone is capital-then-small
    ("1921 жылы 1-2 январьда", "1921 jyly 1-2 ianvarda"),  # digits and punctuation pass
    ("Алма-Ата", "Alma-Ata"),
    ("Latin I and 1979", "Latin I and 1979"),          # what is not Cyrillic is left alone
])
def test_phrase(cyrillic, latin):
    assert to_latin(cyrillic) == latin


def test_every_latin_letter_is_of_the_2021_alphabet():
    capitals = translit.alphabet()
    assert len(capitals) == 31
    small = {"I": "ı", "İ": "i"}
    letters = set(capitals) | {small.get(c, c.lower()) for c in capitals}
    used = {ch for value in translit.table().values() for ch in value}
    assert used <= letters, used - letters
    # every letter of the Kazakh Cyrillic alphabet (42) is covered, in both cases
    kazakh = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
    assert len(kazakh) == 42
    assert set(kazakh) | set(kazakh.lower()) <= set(translit.table())


def test_the_core_finds_it_through_the_pack():
    scripts = packs.other_scripts("kk")
    assert set(scripts) == {"Latn"} and scripts["Latn"]("Қазақ") == "Qazaq"
    assert set(packs.other_scripts("kk-Cyrl")) == {"Latn"}
    assert packs.other_scripts("kk-Latn") == {}   # already Latin: nothing else to offer
    assert packs.other_scripts("en") == {}
    folding = packs.search_folding("kk", "Latn")
    assert folding["letters"]["қ"] == "q" and folding["letters"]["я"] == "ia"
    assert list(folding["fold"])[0] in ("ch", "ii", "kh", "sh", "zh")   # longest spellings first
    assert packs.search_folding("en", "Latn") is None
