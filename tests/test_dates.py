"""The date tagger: Kazakh date phrases and their W3C values."""
from pathlib import Path

import pytest

from tools.lang.kk.dates import tag_dates

FIX = Path(__file__).parent / "fixtures" / "assistants" / "mini-witness.txt"


@pytest.fixture(scope="module")
def dates():
    return {d.text: d for d in tag_dates(FIX)}


def test_day_range_with_ocr_year_word(dates):
    d = dates["1921 жыды 8-16 мартта"]
    assert d.attrs == {"from": "1921-03-08", "to": "1921-03-16"}
    assert (d.line, d.column) == (3, 1)


def test_academic_year(dates):
    assert dates["1924/25 оқу жылында"].attrs == {"notBefore": "1924-09-01", "notAfter": "1925-08-31"}


def test_context_year_is_internal_evidence(dates):
    d = dates["12 июньде"]
    assert d.attrs == {"when": "1925-06-12", "evidence": "internal"}  # the year closes 1924/25
    assert dates["сол жылы"].attrs["evidence"] == "internal"


def test_period_of_half_and_season(dates):
    d = dates["1926 жылдың 2-жартысы мен 1928 жылдың көктемі аралығында"]
    assert d.attrs == {"notBefore": "1926-07-01", "notAfter": "1928-05-31"}


def test_year_range_and_decade(dates):
    assert dates["1921-22 жылы"].attrs == {"from": "1921", "to": "1922"}
    assert dates["30 жылдардың басында"].attrs == {"notBefore": "1930", "notAfter": "1933"}


def test_no_false_date_from_numbers(tmp_path):
    f = tmp_path / "n.txt"
    f.write_text("Республикада 1204 колхоз, 316 май өндіретін зауыт, 10-съезі болды.\n", encoding="utf-8")
    assert tag_dates(f) == []


def test_may_is_not_oil(tmp_path):
    """Regression: "майлы" (oily) was read as May."""
    from tools.lang.kk.dates import tag_dates

    f = tmp_path / "may.txt"
    f.write_text("1925 жылы майлы дақылдар.\n1925 жылы май зауыты.\n1928 жылы майдың басында.\n"
                 "1926 жылы 20 майда.\n1930 жылы май айында.\n", encoding="utf-8")
    got = {i.line: i.attrs for i in tag_dates(f)}
    assert got[1] == {"when": "1925"} and got[2] == {"when": "1925"}
    assert got[3]["notBefore"] == "1928-05-01" and got[4] == {"when": "1926-05-20"} and got[5] == {"when": "1930-05"}


def test_assistants_on_text_without_words(tmp_path):
    """Regression: an empty file or one without words crashed the OCR finder."""
    from tools.lang.kk.dates import tag_dates
    from tools.lang.kk.ocr import suggest_ocr

    for content in ("", "   \n", "1921"):
        f = tmp_path / "x.txt"
        f.write_text(content, encoding="utf-8")
        assert suggest_ocr(f) == []
        assert isinstance(tag_dates(f), list)


def test_impossible_dates_are_not_proposed(tmp_path):
    """Regression (review): 35 July or a backwards range made --apply write invalid markup."""
    from tools.lang.kk.dates import tag_dates

    f = tmp_path / "bad.txt"
    f.write_text("1921 жылы 35 июльде.\n1924 жылы 29 февральда.\n1922 жылы 9 майдан 2 майға дейін.\n", encoding="utf-8")
    got = {i.line: i.attrs for i in tag_dates(f)}
    assert got.get(1) in (None, {"when": "1921"})  # at most the year, never 1921-07-35
    assert 3 not in got
    assert got[2] == {"when": "1924-02-29"}


def test_two_seasons_and_a_bracketed_year(tmp_path):
    from tools.lang.kk.dates import tag_dates

    f = tmp_path / "s.txt"
    f.write_text("1920 жылдың көктемі мен жазында назар аударды. ОК-інің январь (1925) пленумы.\n", encoding="utf-8")
    got = [(i.text, i.attrs) for i in tag_dates(f)]
    assert got == [("1920 жылдың көктемі мен жазында", {"notBefore": "1920-03-01", "notAfter": "1920-08-31"}),
                   ("январь (1925)", {"when": "1925-01"})]
