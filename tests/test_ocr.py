"""The OCR-error finder on real Kazakh input: the witness and a small extract of it."""
from pathlib import Path

import pytest

from tools import paths as P
from tools.ocr import harmony_ok, looks_loan, suggest_ocr

FIX = Path(__file__).parent / "fixtures" / "assistants" / "mini-witness.txt"


@pytest.fixture(scope="module")
def mini():
    return {it.text: it for it in suggest_ocr(FIX)}


def test_typical_confusions_found_with_corrections(mini):
    assert mini["жыды"].suggestion == "жылы"
    assert mini["болді"].suggestion == "бөлді"
    assert mini["устіне"].suggestion == "үстіне"


def test_positions_are_file_line_and_character_column(mini):
    it = mini["жыды"]
    assert (it.line, it.column) == (3, 6)
    line = FIX.read_text(encoding="utf-8").split("\n")[it.line - 1]
    assert line[it.column - 1:it.column - 1 + len(it.text)] == it.text


def test_homoglyph_pi_and_split_words(mini):
    assert mini["I"].suggestion == "І"
    assert mini["ІІ"].suggestion == "П"
    assert mini["совет тік"].suggestion == "советтік"
    assert mini["ОК- нің"].suggestion == "ОК-нің"


def test_names_and_loanwords_not_flagged(mini):
    for word in ("Москвада", "Жансүгіров", "съезі", "партияның", "Съезд"):
        assert word not in mini


def test_confidence_in_range_and_filter():
    items = suggest_ocr(FIX)
    assert all(0.0 <= it.confidence <= 1.0 for it in items)
    high = suggest_ocr(FIX, min_confidence=0.8)
    assert high and all(it.confidence >= 0.8 for it in high) and len(high) < len(items)


def test_json_shape(mini):
    d = mini["жыды"].as_dict()
    assert {"line", "column", "text", "suggestion", "confidence"} <= set(d)


def test_vowel_harmony_and_loan_detection():
    assert not harmony_ok("болді") and harmony_ok("бөлді")
    assert looks_loan("конференциясы") and looks_loan("съезд") and not looks_loan("жылы")


def test_witness_precision_of_confident_items_and_speed():
    import time
    t = time.perf_counter()
    items = suggest_ocr(P.WITNESS, min_confidence=0.5)
    assert time.perf_counter() - t < 3.0
    by = {(it.text, it.suggestion) for it in items}
    for pair in [("конферепциясы", "конференциясы"), ("курес", "күрес"), ("Олкелік", "Өлкелік")]:
        assert pair in by
    assert len(items) < 120  # a list a scholar can read
