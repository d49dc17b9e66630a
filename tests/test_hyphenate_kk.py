"""Kazakh hyphenation by syllables (tools/lang/kk/hyphenate.py) on a word list checked by hand, and how the
print builder finds and applies it (tools/core/hyphenation.py: the pack's entry point, in memory, by language).

Each expected form was checked against the syllable rules of Kazakh spelling (a syllable starts with at
most one consonant; two consonants part one–one; of three, the two that can end a Kazakh syllable stay;
ь/ъ stay with their consonant; no single letter left at either end, no syllable of one vowel left alone),
and the Russian words of the text against the breaks a Russian compositor accepts.
"""
from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from tools.core.hyphenation import hyphenate_tree, hyphenator
from tools.lang.kk.hyphenate import SOFT_HYPHEN, hyphenate, hyphenate_word

ROOT = Path(__file__).resolve().parent.parent

WORDS = """
конференциясы кон-фе-рен-ци-ясы
коллективтендіру кол-лек-тив-тен-ді-ру
кооперативтендірудің ко-опе-ра-тив-тен-ді-ру-дің
Қазақстан Қа-зақ-стан
қазақтардың қа-зақ-тар-дың
мемлекеттік мем-ле-кет-тік
республика рес-пуб-ли-ка
индустрияландыру ин-дус-три-ялан-ды-ру
социалистік со-ци-алис-тік
коммунистер ком-му-нис-тер
партиясының пар-ти-ясы-ның
шаруашылығын ша-ру-ашы-лы-ғын
ауылдарда ауыл-дар-да
бірлестіктер бір-лес-тік-тер
октябрьде ок-тябрь-де
январьда ян-варь-да
февральда фев-раль-да
объект объ-ект
съездің съез-дің
Зиновьев Зи-новь-ев
Гурьевте Гурь-ев-те
кеңестер ке-ңес-тер
ұйымдастыру ұйым-дас-ты-ру
жұмысшылар жұ-мыс-шы-лар
өнеркәсіп өнер-кә-сіп
тәжірибесі тә-жі-ри-бе-сі
жергілікті жер-гі-лік-ті
көшпелі көш-пе-лі
отырықшы оты-рық-шы
балалар ба-ла-лар
мектептер мек-теп-тер
оқулықтар оқу-лық-тар
үкіметі үкі-ме-ті
Орынборда Орын-бор-да
Семей Се-мей
Қарағанды Қа-ра-ған-ды
Екібастұз Екі-бас-тұз
айтты айт-ты
жұрттың жұрт-тың
қорқты қорқ-ты
тұрмыстық тұр-мыс-тық
байлардың бай-лар-дың
кедейлер ке-дей-лер
ауылдың ауыл-дың
тауы тауы
ауру ауру
сиыры си-ыры
шаруа ша-руа
шаруалар ша-ру-алар
дәуірінде дә-уі-рін-де
қалпына қал-пы-на
келтіру кел-ті-ру
халқының хал-қы-ның
экономикалық эко-но-ми-ка-лық
большевиктер боль-ше-вик-тер
дискуссия дис-кус-сия
Троцкий Троц-кий
Ленинге Ле-нин-ге
кинематография ки-не-ма-тог-ра-фия
электрлендіру электр-лен-ді-ру
жылдардың жыл-дар-дың
технология тех-но-ло-гия
пролетариат про-ле-та-ри-ат
интеллигенция ин-тел-ли-ген-ция
мұғалімдер мұ-ға-лім-дер
ағарту ағар-ту
газеттер га-зет-тер
журналдар жур-нал-дар
кітаптар кі-тап-тар
әйелдер әйел-дер
теңдік тең-дік
құқығы құ-қы-ғы
ұлттық ұлт-тық
мәдениет мә-де-ни-ет
революция ре-во-лю-ция
контрреволюциялық контр-ре-во-лю-ци-ялық
басмашылар бас-ма-шы-лар
Түркістан Түр-кіс-тан
қуаңшылық қу-аң-шы-лық
жәрмеңкелер жәр-мең-ке-лер
кәсіподақтар кә-сі-по-дақ-тар
комсомол ком-со-мол
облыстық об-лыс-тық
губерниялар гу-бер-ни-ялар
уездік уез-дік
болыстық бо-лыс-тық
кооперация ко-опе-ра-ция
ірі ірі
қара қара
малдың мал-дың
егістікке егіс-тік-ке
тұқымдық тұ-қым-дық
астық ас-тық
өндіру өн-ді-ру
миллион мил-ли-он
сантонин сан-то-нин
зауыды за-уы-ды
темір те-мір
жолы жолы
магистралында ма-гис-тра-лын-да
Түрксіб Түрк-сіб
салынды са-лын-ды
социализм со-ци-ализм
пятилетка пя-ти-лет-ка
бесжылдық бес-жыл-дық
атқарды ат-қар-ды
қабылданды қа-был-дан-ды
сайланды сай-лан-ды
ұйымдары ұйым-да-ры
Алматы Ал-ма-ты
Қызылорда Қы-зы-лор-да
шығарды шы-ғар-ды
көрсетті көр-сет-ті
бөлді бөл-ді
жұмыс жұ-мыс
жағдайы жағ-да-йы
аштыққа аш-тық-қа
ұшыраған ұшы-ра-ған
мыңдаған мың-да-ған
кәсіпорындар кә-сі-по-рын-дар
ұстанды ұс-тан-ды
бағыт ба-ғыт
ірі ірі
қара қара
ауру ауру
тауы тауы
ОК-нің ОК-нің
СССР СССР
Алаш Алаш
ССР-дің ССР-дің
РК(б)П-нің РК(б)П-нің
"""


@pytest.mark.parametrize("word,expected", [line.split() for line in WORDS.strip().splitlines()])
def test_word_list(word, expected):
    if "-" in word:   # a word with a hyphen of its own: abbreviations and their endings stay whole
        assert hyphenate(word) == word
    else:
        assert hyphenate_word(word).replace(SOFT_HYPHEN, "-") == expected


def test_list_is_large_enough_and_breaks_are_only_soft_hyphens():
    pairs = [line.split() for line in WORDS.strip().splitlines()]
    assert len(pairs) >= 100
    for word, _ in pairs:
        assert hyphenate_word(word).replace(SOFT_HYPHEN, "") == word


def test_text_keeps_everything_but_adds_soft_hyphens():
    text = "1921 жылы 11-18 июньде «Орынборда» РК(б)П-нің 1-конференциясы өтті; Lenin, V. I."
    out = hyphenate(text)
    assert out.replace(SOFT_HYPHEN, "") == text
    assert "Орын\xadбор\xadда" in out and "Lenin" in out and "РК(б)П-нің" in out


def test_offered_by_the_kazakh_pack_through_the_entry_point():
    from tools.core.packs import hyphenator as pack_hyphenator

    assert pack_hyphenator("kk")("конференциясы") == hyphenate_word("конференциясы")
    text = "1-конференциясы, Орынборда"
    assert hyphenator("kk")(text) == hyphenate(text) and hyphenator("kk-Cyrl")(text) == hyphenate(text)
    assert hyphenator("en") is None and hyphenator(None) is None


def test_tree_is_hyphenated_in_memory_by_language_only_in_text():
    source = (ROOT / "tests" / "fixtures" / "print-mini.xml").read_bytes()
    tree = etree.fromstring(source).getroottree()
    changed = hyphenate_tree(tree)
    assert changed > 10
    tei = "{http://www.tei-c.org/ns/1.0}"
    header = "".join(tree.find(f"{tei}teiHeader").itertext())
    assert SOFT_HYPHEN not in header                       # the header is not text to be set in justified lines
    body = "".join(tree.find(f".//{tei}body").itertext())
    assert "кон\xadфе\xadрен\xadци\xadясы" in body
    for note in tree.iter(f"{tei}note"):                   # English notes keep their words whole
        if note.get("{http://www.w3.org/XML/1998/namespace}lang") == "en":
            assert SOFT_HYPHEN not in "".join(note.itertext())
    assert (ROOT / "tests" / "fixtures" / "print-mini.xml").read_bytes() == source
