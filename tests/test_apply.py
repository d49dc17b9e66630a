"""`--apply` loses nothing (issue 14): an editor's save made during the run, a symbolic link, a byte-order mark,
line endings, a read-only file, an existing backup on a full disk."""
from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

import pytest

from conftest import EDITION
from tools.assist import minedit
from tools.assist.minedit import apply_dates
from tools.core.errors import ToolError
from tools.lang.kk.dates import tag_dates

TAGGED = '<date when="1920">1920 жылы</date>'


def _untagged(text: str) -> str:
    """The edition with one date's markup taken away: `tag dates --apply` puts it back."""
    assert TAGGED in text
    return text.replace(TAGGED, "1920 жылы", 1)


@pytest.fixture
def doc(tmp_path):
    path = tmp_path / "ed.xml"
    path.write_bytes(_untagged(EDITION.read_text(encoding="utf-8")).encode("utf-8"))
    return path


def _items(path):
    return [d for d in tag_dates(path) if d.text == "1920 жылы"][:1]


def test_apply_puts_the_date_back(doc):
    apply_dates(doc, _items(doc))
    assert doc.read_bytes() == EDITION.read_bytes()


def test_a_save_between_reading_and_applying_is_kept(doc):
    items = _items(doc)
    doc.write_bytes(doc.read_bytes().replace("Қазақстан".encode(), "Казакстан".encode(), 1))  # the editor saves
    saved = doc.read_bytes()
    with pytest.raises(ToolError) as err:
        apply_dates(doc, items)
    assert err.value.exit_code == 1 and "changed since it was read" in str(err.value)
    assert "\n" not in str(err.value)
    assert doc.read_bytes() == saved and not doc.with_name("ed.xml.bak").exists()


def test_a_save_during_validation_is_kept(doc, monkeypatch):
    items = _items(doc)
    real = minedit.validate_bytes

    def validate_while_the_editor_saves(data, shown, **kwargs):
        doc.write_bytes(doc.read_bytes() + b"\n<!-- saved meanwhile -->")
        return real(data, shown, **kwargs)
    monkeypatch.setattr(minedit, "validate_bytes", validate_while_the_editor_saves)
    with pytest.raises(ToolError) as err:
        apply_dates(doc, items)
    assert err.value.exit_code == 1
    assert doc.read_bytes().endswith(b"<!-- saved meanwhile -->") and not doc.with_name("ed.xml.bak").exists()


def test_the_cli_refuses_in_one_line(run_tools, doc, monkeypatch):
    real = minedit.validate_bytes

    def validate_while_the_editor_saves(data, shown, **kwargs):
        doc.write_bytes(doc.read_bytes() + b"\n")
        return real(data, shown, **kwargs)
    monkeypatch.setattr(minedit, "validate_bytes", validate_while_the_editor_saves)
    result = run_tools("tag", "dates", doc, "--apply", cwd=doc.parent)
    assert result.returncode == 1 and "changed since it was read" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr


def test_a_symlink_is_written_through(doc, tmp_path):
    link = tmp_path / "link.xml"
    link.symlink_to(doc.name)
    apply_dates(link, _items(link))
    assert link.is_symlink() and os.readlink(link) == doc.name
    assert doc.read_bytes() == EDITION.read_bytes()
    assert link.with_name("link.xml.bak").read_bytes() == _untagged(EDITION.read_text(encoding="utf-8")).encode()


def test_bom_and_crlf_are_kept(doc):
    crlf = b"\xef\xbb\xbf" + doc.read_bytes().replace(b"\n", b"\r\n")
    doc.write_bytes(crlf)
    items = _items(doc)
    assert items and items[0].line > 1
    apply_dates(doc, items)
    expected = b"\xef\xbb\xbf" + EDITION.read_bytes().replace(b"\n", b"\r\n")
    assert doc.read_bytes() == expected


def test_a_read_only_file_is_refused(doc, run_tools):
    os.chmod(doc, 0o444)
    before = doc.read_bytes()
    result = run_tools("tag", "dates", doc, "--apply", cwd=doc.parent)
    assert result.returncode == 2 and "read-only" in result.stderr and "Traceback" not in result.stderr
    assert doc.read_bytes() == before and not doc.with_name("ed.xml.bak").exists()
    assert stat.S_IMODE(os.stat(doc).st_mode) == 0o444


def test_permissions_are_kept(doc):
    os.chmod(doc, 0o640)
    apply_dates(doc, _items(doc))
    assert stat.S_IMODE(os.stat(doc).st_mode) == 0o640


def test_a_full_disk_leaves_the_old_backup_whole(doc, monkeypatch):
    bak = doc.with_name("ed.xml.bak")
    bak.write_bytes(b"the previous backup")
    before = doc.read_bytes()
    items = _items(doc)

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(minedit.os, "fsync", full)
    with pytest.raises(ToolError) as err:
        apply_dates(doc, items)
    assert err.value.exit_code == 2 and "disk is full" in str(err.value) and str(bak) in str(err.value)
    assert bak.read_bytes() == b"the previous backup" and doc.read_bytes() == before
    assert sorted(os.listdir(doc.parent)) == ["ed.xml", "ed.xml.bak"]  # no temporary file left


def test_a_full_disk_when_writing_the_file(doc, monkeypatch):
    before = doc.read_bytes()
    items = _items(doc)
    calls = []

    def full_after_the_backup(fd):  # the backup is flushed first, then the new file
        calls.append(fd)
        if len(calls) > 1:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(os, "fsync", full_after_the_backup)
    with pytest.raises(ToolError) as err:
        apply_dates(doc, items)
    assert err.value.exit_code == 2 and doc.read_bytes() == before
    assert doc.with_name("ed.xml.bak").read_bytes() == before  # complete
    assert sorted(os.listdir(doc.parent)) == ["ed.xml", "ed.xml.bak"]


@pytest.mark.parametrize("err", [errno.EACCES, errno.EROFS])
def test_a_folder_one_may_not_write(doc, monkeypatch, run_tools, err):
    def refuse(*args, **kwargs):
        raise OSError(err, os.strerror(err), kwargs.get("dir"))
    monkeypatch.setattr(minedit.tempfile, "mkstemp", refuse)
    before = doc.read_bytes()
    result = run_tools("tag", "dates", doc, "--apply", cwd=doc.parent)
    assert result.returncode == 2 and str(doc.parent) in result.stderr and "internal" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1 and doc.read_bytes() == before
