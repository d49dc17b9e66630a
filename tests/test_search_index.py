"""The split search index (tools/targets/search_index.py): folding, terms, shards, text files."""
from __future__ import annotations

import json

from tools.targets import search_index as si


def _call_args(body: bytes):
    text = body.decode("utf-8")
    return json.loads("[" + text[text.index("(") + 1:text.rindex(")")] + "]")


def test_folding_is_kazakh_aware_and_keeps_positions():
    assert si.fold("Қазақстан") == "казакстан"
    assert si.fold("күн ӨНЕР ұлт Һ і ё") == "кун онер улт х и е"
    assert si.fold("Aлмaты") == "алматы"  # Latin homoglyphs of the OCR'd witness
    text = "Ұлы Октябрьдің 5 жылдығына"
    assert len(si.fold(text)) == len(text)


def test_terms_are_folded_words_of_two_characters_or_more():
    assert si.terms("В. И. Ленин 1921 жылы, т. б.") == ["ленин", "1921", "жылы"]
    assert si.terms("бай-феодалдар") == ["бай", "феодалдар"]


def test_postings_tell_reading_from_witness():
    blocks = [{"id": "p1", "r": "бір күн", "d": "бір кун"}, {"id": "p2", "r": "екі жылы", "d": "екі жыды"}]
    post = si.doc_postings(blocks)
    assert post["кун"] == ([0], [])          # folded alike: the reading has it
    assert post["жылы"] == ([1], []) and post["жыды"] == ([], [1])  # a witness error: found in the witness only


def test_shards_by_two_letters_split_by_three_when_large(monkeypatch):
    docs = [{"жылы": ([0, 1], []), "жыл": ([2], []), "казак": ([0], [])}, {"жылдары": ([0], [3])}]
    shards, split = si.shards(docs)
    assert set(shards) == {"жы", "ка"} and not split
    assert shards["жы"]["жылы"] == [[0, [0, 1], []]] and shards["жы"]["жылдары"] == [[1, [0], [3]]]
    key, terms = _call_args(si.shard_file("жы", shards["жы"]))
    assert key == "жы" and terms["жыл"] == [[0, [2], []]]
    monkeypatch.setattr(si, "SPLIT_BYTES", 10)
    shards, split = si.shards(docs)
    assert split == {"жы": ["жыл"], "ка": ["каз"]} and "жыл" in shards and "жы" not in shards
    assert si.key_file("ка") == "43a-430.js"


def test_text_files_hold_the_blocks_of_a_document_by_eight():
    blocks = [{"id": f"p{i}", "n": str(i), "k": "p", "r": f"мәтін {i}", "d": f"мәтін {i}"} for i in range(1, 11)]
    blocks[2]["d"] = "мәтiн 3"  # a witness reading that differs is kept
    files = si.text_chunks(blocks, "doc-0001/", "Атау")
    assert sorted(files) == [0, 1]
    (first,) = _call_args(files[0])
    assert first["folder"] == "doc-0001/" and first["title"] == "Атау" and len(first["blocks"]) == si.CHUNK
    assert first["blocks"][0] == ["p1", "1", "p", "мәтін 1", ""] and first["blocks"][2][4] == "мәтiн 3"
    (second,) = _call_args(files[1])
    assert [b[0] for b in second["blocks"]] == ["p9", "p10"]


def test_meta_carries_the_folding_table_for_the_client():
    text = si.meta(3, {"жы": ["жыл"]}).decode("utf-8")
    meta = json.loads(text[text.index("=") + 1:].strip().rstrip(";"))
    assert meta["docs"] == 3 and meta["split"] == {"жы": ["жыл"]} and meta["fold"]["fold"]["қ"] == "к"
