"""The split search index (tools/targets/search_index.py): folding, terms, shards, text files."""
from __future__ import annotations

import json

from tools.targets import search_index as si


def _call_args(body: bytes):
    text = body.decode("utf-8")
    return json.loads("[" + text[text.index("(") + 1:text.rindex(")")] + "]")


def test_keys_are_kazakh_aware():
    assert si.fold("Қазақстан") == " ".join(si.terms("казакстан")) == "kazakstan"
    assert si.terms("күн ӨНЕР ұлт") == si.terms("кун онер улт")
    assert si.terms("Aлмaты") == si.terms("Алматы")  # Latin homoglyphs of the OCR'd witness


def test_cyrillic_and_latin_meet_in_one_key():
    """The Kazakh Latin of 2021 and the usual romanizations of names have the key of the Cyrillic."""
    one = {"Сейфуллин", "Seifullin", "Seyfullin", "SEIFULLIN", "Сейфуллиннің"[:9]}
    assert {si.key(w) for w in one} == {"seifullin"}
    assert si.key("Сейфулин") == "seifulin"  # a misspelling stays one letter away (the typo tolerance)
    assert si.terms("Алма-Ата") == si.terms("Alma-Ata") == ["alma", "ata"]
    for cyr, lat in [("Қызылорда", "Kyzylorda"), ("Қызылорда", "Qyzylorda"), ("Жамбыл", "Zhambyl"),
                     ("Жамбыл", "Jambyl"), ("Шымкент", "Shymkent"), ("Шымкент", "Şymkent"), ("Ильич", "Ilyich"),
                     ("Дмитрий", "Dmitry"), ("Өскемен", "Öskemen"), ("Ұлытау", "Ūlytau"), ("Оңтүстік", "Oñtüstık"),
                     ("Хлудов", "Khludov"), ("революция", "revoliutsiia")]:
        assert si.key(cyr) == si.key(lat), (cyr, lat)
    assert si.key("İlitş") == si.key("Ильич")  # the capital dotted İ of the Latin text
    assert si.key("Қазақ") != si.key("Қазан")


def test_terms_are_keys_of_two_characters_or_more():
    assert si.terms("В. И. Ленин 1921 жылы, т. б.") == ["lenin", "1921", "jili"]
    assert si.terms("бай-феодалдар") == ["bai", "feodaldar"]


def test_register_records_hold_every_name_form_and_the_description():
    from lxml import etree

    xml = ('<place xmlns="http://www.tei-c.org/ns/1.0" xml:id="pl.almaty"><placeName xml:lang="kk">Алматы</placeName>'
           '<placeName xml:lang="ru">Алма-Ата</placeName><placeName xml:lang="ru">Верный</placeName>'
           '<note>Capital from <date>1929</date>.</note></place>')
    person = ('<person xmlns="http://www.tei-c.org/ns/1.0" xml:id="pers.s"><persName type="normalized">Сәкен Сейфуллин'
              '</persName><persName><forename>С.</forename> <surname>Сейфуллин</surname></persName>'
              '<occupation>writer</occupation></person>')
    entries = [("pl.almaty", "places", si.parse_entry(xml)), ("pers.s", "persons", si.parse_entry(person))]
    records = si.register_records(entries, lambda kind, ident: f"{kind}/{ident}.html")
    assert [r["id"] for r in records] == ["pers.s", "pl.almaty"]  # persons, places, organisations
    assert records[1]["r"] == "Алматы · Алма-Ата · Верный — Capital from 1929."
    assert records[0]["r"] == "Сәкен Сейфуллин · С. Сейфуллин — writer" and records[0]["p"] == "persons/pers.s.html"
    post = si.doc_postings(records)
    assert post[si.key("Alma")] == ([1], []) and post[si.key("Seyfullin")] == ([0], [])
    assert si.bounds(records, ("persons",), ("places",)) == [1, 2]
    assert si.parse_entry("<place>") is None
    assert isinstance(si.parse_entry(xml), etree._Element)


def test_records_are_ordered_text_notes_apparatus():
    blocks = [{"id": "p1", "k": "p"}, {"id": "a1", "k": "app"}, {"id": "c1", "k": "note"}, {"id": "h", "k": "head"},
              {"id": "a2", "k": "note"}, {"id": "a2", "k": "app"}]
    ordered = si.order_records(blocks)
    assert [(b["id"], b["k"]) for b in ordered] == [("p1", "p"), ("h", "head"), ("c1", "note"), ("a2", "note"),
                                                   ("a1", "app"), ("a2", "app")]
    assert si.bounds(ordered, (), ("note",)) == [2, 4]


def test_postings_tell_reading_from_witness():
    blocks = [{"id": "p1", "r": "бір күн", "d": "бір кун"}, {"id": "p2", "r": "екі жылы", "d": "екі жыды"}]
    post = si.doc_postings(blocks)
    assert post["kun"] == ([0], [])          # folded alike: the reading has it
    assert post["jili"] == ([1], []) and post["jidi"] == ([], [1])  # a witness error: found in the witness only


def test_shards_by_two_letters_split_by_three_when_large(monkeypatch):
    docs = [{"жылы": ([0, 1], []), "жыл": ([2], []), "казак": ([0], [])}, {"жылдары": ([0], [3])}]
    shards, split = si.shards(docs)
    assert set(shards) == {"жы", "ка"} and not split
    assert shards["жы"]["жылы"] == [[0, [0, 1], []]] and shards["жы"]["жылдары"] == [[1, [0], [3]]]
    key, terms = _call_args(si.shard_file("жы", shards["жы"]))
    assert key == "жы" and terms["жыл"] == [[0, [2], []]]
    monkeypatch.setattr(si, "SPLIT_BYTES", 10)
    shards, split = si.shards(docs)
    assert split["жы"] == ["жыл"] and split["ка"] == ["каз"] and "жы" not in shards
    assert split["жыл"] == ["жыл", "жылд", "жылы"]  # split again, by four letters; "жыл" keeps the term жыл
    assert shards["жыл"] == {"жыл": [[0, [2], []]]} and "жылдары" in shards["жылд"] and "жылдар" not in split
    assert si.key_file("ка") == "43a-430.js"


def test_text_files_hold_the_records_of_a_document_by_chunk():
    blocks = [{"id": f"p{i}", "n": str(i), "k": "p", "r": f"мәтін {i}", "d": f"мәтін {i}"} for i in range(1, 11)]
    blocks[2]["d"] = "мәтiн 3"  # a witness reading that differs is kept
    files = si.text_chunks(blocks, "doc-0001/", "Атау")
    assert sorted(files) == list(range((10 + si.CHUNK - 1) // si.CHUNK))
    (first,) = _call_args(files[0])
    assert first["folder"] == "doc-0001/" and first["title"] == "Атау" and len(first["blocks"]) == si.CHUNK
    assert first["blocks"][0] == ["p1", "1", "p", "мәтін 1", "", ""] and first["blocks"][2][4] == "мәтiн 3"
    (last,) = _call_args(files[max(files)])
    assert [b[0] for b in last["blocks"]] == [f"p{i}" for i in range(1 + max(files) * si.CHUNK, 11)]


def test_title_files_hold_the_documents_titles_by_group():
    titles = [f"Құжат {i}" for i in range(si.TITLES + 3)]
    files = si.title_files(titles)
    assert sorted(files) == ["search/d/0.js", "search/d/1.js"]
    g, part = _call_args(files["search/d/1.js"])
    assert g == 1 and part == titles[si.TITLES:]


def test_meta_carries_the_folding_table_for_the_client():
    text = si.meta(3, {"ji": ["jil"]}, [[4, 6]] * 4).decode("utf-8")
    meta = json.loads(text[text.index("=") + 1:].strip().rstrip(";"))
    assert meta["docs"] == 3 and meta["split"] == {"ji": ["jil"]} and meta["bounds"] == [[4, 6]] * 4
    rules = meta["fold"]
    assert rules["letters"]["қ"] == "q" and rules["singles"]["q"] == "k" and rules["multi"]["zh"] == "j"
    assert list(rules["multi"]) == sorted(rules["multi"], key=lambda k: -len(k)) and rules["homoglyphs"]["a"] == "а"
