"""Minimal edits: --apply changes only the suggested spans, validates first, keeps a backup."""
import shutil
from pathlib import Path

import pytest

from tools.lang.kk.dates import tag_dates
from tools.core.errors import ToolError
from tools.assist.minedit import Edit, apply_dates, apply_edits, apply_ocr, balanced
from tools.lang.kk.ocr import suggest_ocr
from tools.assist.textsource import load

ROOT = Path(__file__).resolve().parent.parent

EDITION = ROOT / "tei" / "kazakhstan-1920-1932.xml"


@pytest.fixture
def copy(tmp_path):
    dst = tmp_path / EDITION.name
    shutil.copy2(EDITION, dst)
    return dst




def test_ocr_apply_is_a_minimal_edit(copy):
    before = copy.read_bytes()
    items = suggest_ocr(copy, min_confidence=0.0)[:5]
    assert items, "the finder proposes something on the edition"
    n = apply_ocr(copy, items)
    after = copy.read_bytes()
    assert n == len(items)
    assert (copy.parent / (copy.name + ".bak")).read_bytes() == before
    # remove exactly the inserted markup: the rest must be the old file byte for byte
    text = after.decode("utf-8")
    import re
    import re
    stripped = re.sub(r'<choice><sic>([^<]*)</sic><corr resp="#tools" cert="(?:high|medium|low)">[^<]*</corr></choice>',
                      r"\1", text)
    assert stripped.encode("utf-8") == before


def test_date_apply_inside_text_only_and_identity(copy):
    before = copy.read_bytes()
    src = load(copy)
    # take one real untagged phrase from a paragraph: remove its <date> tags in memory first
    text = before.decode("utf-8")
    m = __import__("re").search(r'<date when="1920">1920 жылы</date>', text)
    assert m
    untagged = text[:m.start()] + "1920 жылы" + text[m.end():]
    copy.write_bytes(untagged.encode("utf-8"))
    items = [d for d in tag_dates(copy) if d.text == "1920 жылы"]
    assert items and items[0].attrs == {"when": "1920"}
    apply_dates(copy, items[:1])
    assert copy.read_bytes() == before  # putting the tag back gives the original file, byte for byte
    assert src.kind == "tei"


def test_positions_in_tei_are_those_of_the_xml_file(copy):
    text = copy.read_text(encoding="utf-8")
    lines = text.split("\n")
    for it in suggest_ocr(copy)[:10]:
        assert lines[it.line - 1][it.column - 1:].startswith(it.text)


def test_tagged_text_is_not_proposed_again(copy):
    assert tag_dates(copy) == []  # every date of the edition is already tagged


def test_invalid_result_writes_nothing(copy):
    before = copy.read_bytes()
    text = before.decode("utf-8")
    k = text.index("<p ")
    k = text.index(">", k) + 1
    with pytest.raises(ToolError):
        apply_edits(copy, [Edit(k, k + 1, "<date when=\"not-a-date\">", "</date>")])
    assert copy.read_bytes() == before
    assert not (copy.parent / (copy.name + ".bak")).exists()


def test_unbalanced_spans_refused():
    s = "<p>a <hi>b</hi> c</p>"
    assert balanced(s, 3, 15)
    assert not balanced(s, 3, 10)
    assert not balanced(s, 1, 5)


def test_apply_refuses_plain_text(tmp_path):
    f = tmp_path / "w.txt"
    f.write_text("1921 жылы\n", encoding="utf-8")
    with pytest.raises(ToolError):
        apply_dates(f, tag_dates(f))


def test_atomic_writes_keep_permissions(tmp_path):
    """Regression: --apply turned a 0644 TEI file into 0600, and build folders were 0700."""
    import os
    import stat

    from tools.core.outputs import atomic_dir, atomic_write_bytes

    f = tmp_path / "a.xml"
    f.write_bytes(b"<a/>")
    os.chmod(f, 0o644)
    atomic_write_bytes(f, b"<b/>")
    assert stat.S_IMODE(os.stat(f).st_mode) == 0o644 and f.read_bytes() == b"<b/>"
    with atomic_dir(tmp_path / "site") as tmp:
        (tmp / "index.html").write_text("x")
    assert stat.S_IMODE(os.stat(tmp_path / "site").st_mode) & 0o055 == 0o055 & ~os.umask(os.umask(0))
