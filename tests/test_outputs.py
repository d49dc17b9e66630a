"""Nothing a user had is lost (issue 14): output folders the tools did not make are never replaced, outputs never go
among the sources, the swap is recoverable, killed builds leave nothing behind, environment errors are exit 2.

Each case of the issue is a test here, run through the CLI as a user runs it.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import FIXTURES, ROOT
from tools.core import outputs
from tools.core.errors import ToolError

MINI = FIXTURES / "valid" / "minimal.xml"


@pytest.fixture
def src(tmp_path):
    """The minimal valid document in its own folder (outputs never go among the sources)."""
    folder = tmp_path / "src"
    folder.mkdir()
    text = MINI.read_text(encoding="utf-8").replace("../../../schema/", (ROOT / "schema").as_uri() + "/")
    doc = folder / "minimal.xml"
    doc.write_text(text, encoding="utf-8")
    return doc


def _entries(folder) -> list[str]:
    """What a folder holds, but the build cache the HTML builder keeps beside its site (OUTDIR/.tools-cache)."""
    return sorted(n for n in os.listdir(folder) if n != ".tools-cache")


def _tree(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


# ---------------------------------------------------------------- foreign files

def test_a_users_file_in_the_output_folder_is_never_deleted(run_tools, src, tmp_path):
    out = tmp_path / "out"
    assert run_tools("build", "html", src, "-o", out).returncode == 0
    (out / "html" / "notes.txt").write_text("mine")
    before = _tree(out)
    result = run_tools("build", "html", src, "-o", out)
    assert result.returncode == 2, result.stderr
    assert "notes.txt" in result.stderr and "did not write" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert _tree(out) == before  # nothing touched


def test_an_edited_page_is_not_overwritten(run_tools, src, tmp_path):
    out = tmp_path / "out"
    assert run_tools("build", "html", src, "-o", out).returncode == 0
    page = out / "html" / "index.html"
    page.write_bytes(page.read_bytes() + b"<!-- my edit -->")
    result = run_tools("build", "html", src, "-o", out)
    assert result.returncode == 2 and "index.html (changed)" in result.stderr
    assert page.read_bytes().endswith(b"<!-- my edit -->")


def test_a_copied_site_with_new_times_is_still_the_tools(run_tools, src, tmp_path):
    """cp -r gives the files new times; the same bytes are the same files (checked by their digest)."""
    out = tmp_path / "out"
    assert run_tools("build", "html", src, "-o", out).returncode == 0
    shutil.copytree(out, tmp_path / "copy", copy_function=shutil.copyfile)
    assert run_tools("build", "html", src, "-o", tmp_path / "copy").returncode == 0


@pytest.mark.parametrize("target", ["html", "pdf"])
def test_a_folder_the_tools_did_not_make_is_refused(run_tools, src, tmp_path, target):
    (tmp_path / "out" / target).mkdir(parents=True)
    (tmp_path / "out" / target / "thesis.docx").write_bytes(b"chapter 1")
    result = run_tools("build", target, src, "-o", tmp_path / "out")
    assert result.returncode == 2 and "thesis.docx" in result.stderr
    assert (tmp_path / "out" / target / "thesis.docx").read_bytes() == b"chapter 1"
    assert _entries(tmp_path / "out") == [target]  # no temporary folder either


def test_build_all_checks_every_target_before_writing_any(run_tools, src, tmp_path):
    (tmp_path / "out" / "pdf").mkdir(parents=True)
    (tmp_path / "out" / "pdf" / "mine.pdf").write_bytes(b"%PDF mine")
    result = run_tools("build", src, "-o", tmp_path / "out")
    assert result.returncode == 2 and "mine.pdf" in result.stderr
    assert not (tmp_path / "out" / "html").exists()


def test_an_empty_folder_may_be_used(run_tools, src, tmp_path):
    (tmp_path / "out" / "html").mkdir(parents=True)
    assert run_tools("build", "html", src, "-o", tmp_path / "out").returncode == 0
    assert outputs.is_tool_output(tmp_path / "out" / "html")


def test_a_file_where_the_output_folder_goes_is_refused(run_tools, src, tmp_path):
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "html").write_text("not a folder")
    result = run_tools("build", "html", src, "-o", tmp_path / "out")
    assert result.returncode == 2 and (tmp_path / "out" / "html").read_text() == "not a folder"


def test_the_source_inside_the_output_folder_is_never_deleted(run_tools, tmp_path):
    """The issue's case: `tools build html d/html/ed.xml -o d` deleted the TEI source itself."""
    (tmp_path / "d" / "html").mkdir(parents=True)
    ed = tmp_path / "d" / "html" / "ed.xml"
    shutil.copy(MINI, ed)
    for extra in ([], ["--force"]):
        result = run_tools("build", "html", ed, "-o", tmp_path / "d", *extra)
        assert result.returncode == 2 and "contains the input" in result.stderr
        assert ed.read_bytes() == MINI.read_bytes()
        assert _entries(tmp_path / "d") == ["html"]


def test_a_marked_output_folder_holding_the_input_is_refused_too(run_tools, src, tmp_path):
    out = tmp_path / "out"
    assert run_tools("build", "html", src, "-o", out).returncode == 0
    # the site's own copy of the source, given as the input: building would replace its own input
    copy = out / "html" / "tei" / "minimal.xml"
    result = run_tools("build", "html", copy, "-o", out, "--force")
    assert result.returncode == 2 and "contains the input" in result.stderr and copy.is_file()


def test_no_output_among_the_sources(run_tools, tmp_path):
    """The issue's case: `-o tei/out` wrote under tei/ (the README promises never), and afterwards validate found
    two editions and the default build exited 2."""
    assert run_tools("new", tmp_path / "ed").returncode == 0
    project = tmp_path / "ed"
    before = _tree(project)
    for out in ("tei/out", "tei", "tei/witness", "schema/x"):
        result = run_tools("build", "html", "-o", out, cwd=project)
        assert result.returncode == 2, (out, result.stderr)
        assert "source folder" in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert _tree(project) == before
    assert run_tools("build", "html", cwd=project).returncode == 0  # build/ beside the sources is fine
    assert run_tools("validate", cwd=project).returncode == 0


def test_the_folder_of_an_input_counts_as_a_source_folder(run_tools, src, tmp_path):
    result = run_tools("build", "html", src, "-o", src.parent / "site")
    assert result.returncode == 2 and "source folder" in result.stderr
    assert sorted(os.listdir(src.parent)) == ["minimal.xml"]
    # from the input's folder, its default build/ is allowed (the working folder is where build/ goes)
    assert run_tools("build", "html", src.name, cwd=src.parent).returncode == 0


def test_a_glob_that_reaches_the_output_does_not_take_its_copies_for_sources(run_tools, tmp_path):
    assert run_tools("new", tmp_path / "ed").returncode == 0
    project = tmp_path / "ed"
    toml = project / "edition.toml"
    toml.write_text(toml.read_text(encoding="utf-8").replace('documents = ["tei/*.xml"]', 'documents = ["**/*.xml"]'),
                    encoding="utf-8")
    assert run_tools("build", "html", cwd=project).returncode == 0
    again = run_tools("build", "html", cwd=project)  # would find the site's copy as a second edition
    assert again.returncode == 0, again.stderr


def test_a_symlinked_output_folder_is_followed_and_kept(run_tools, src, tmp_path):
    real = tmp_path / "www"
    assert run_tools("build", "html", src, "-o", real).returncode == 0
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "html").symlink_to(real / "html", target_is_directory=True)
    assert run_tools("build", "html", src, "-o", tmp_path / "out").returncode == 0
    assert (tmp_path / "out" / "html").is_symlink() and outputs.is_tool_output(real / "html")


# ---------------------------------------------------------------- the swap and killed builds

def test_the_swap_keeps_the_old_site_when_the_build_fails(run_tools, src, tmp_path):
    out = tmp_path / "out"
    assert run_tools("build", "html", src, "-o", out).returncode == 0
    before = _tree(out / "html")
    src.write_text(src.read_text(encoding="utf-8").replace('cert="high"', 'cert="sure"'), encoding="utf-8")
    assert run_tools("build", "html", src, "-o", out).returncode == 1
    assert _tree(out / "html") == before and _entries(out) == ["html"]


def test_the_swap_without_exchange(monkeypatch, tmp_path):
    """Where the file system cannot exchange two folders, two renames; the old output goes."""
    monkeypatch.setattr(outputs, "_exchange", lambda a, b: False)
    for n in range(2):
        with outputs.atomic_dir(tmp_path / "site") as tmp:
            (tmp / "index.html").write_text(str(n))
    assert (tmp_path / "site" / "index.html").read_text() == "1" and sorted(os.listdir(tmp_path)) == ["site"]


def test_exchange_is_atomic_here(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x").write_text("a")
    assert outputs._exchange(tmp_path / "a", tmp_path / "b")
    assert (tmp_path / "b" / "x").read_text() == "a" and not (tmp_path / "a" / "x").exists()


_KILL_BETWEEN_RENAMES = """
import os, sys
from tools.core import outputs
outputs._exchange = lambda a, b: False
real_rename, calls = os.rename, []
def rename(a, b):
    real_rename(a, b)
    calls.append(b)
    if ".old-" in str(b):
        os._exit(9)   # killed between the two renames: html/ is gone, the old site is aside
os.rename = rename
from tools.cli import main
main(sys.argv[1:])
"""


def test_a_build_killed_between_its_two_renames_is_recovered(run_tools, src, tmp_path):
    out = tmp_path / "out"
    assert run_tools("build", "html", src, "-o", out).returncode == 0
    before = _tree(out / "html")
    killed = subprocess.run([sys.executable, "-c", _KILL_BETWEEN_RENAMES, "build", "html", str(src), "-o", str(out)],
                            cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert killed.returncode == 9, killed.stderr
    assert not (out / "html").exists()
    leftovers = sorted(os.listdir(out))
    assert any(".html.old-" in n for n in leftovers) and any(".html.tmp-" in n for n in leftovers)
    # the next run puts the old site back before anything else: a failing build leaves it in place
    src.write_text(src.read_text(encoding="utf-8").replace('cert="high"', 'cert="sure"'), encoding="utf-8")
    assert run_tools("build", "html", src, "-o", out).returncode == 1
    assert _entries(out) == ["html"] and _tree(out / "html") == before


def test_leftovers_of_killed_builds_are_removed_and_foreign_ones_kept(run_tools, src, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    dead = _dead_pid()
    for name in (f".html.tmp-{dead}-abc", f".html.old-{dead}-def", f".pdf.tmp-{dead}-ghi"):
        (out / name / "sub").mkdir(parents=True)
        outputs.write_mark(out / name)
    (out / f".html.tmp-{dead}-empty").mkdir()
    (out / f".html.tmp-{dead}-user").mkdir()
    (out / f".html.tmp-{dead}-user" / "precious.txt").write_text("not the tools'")
    (out / f".html.tmp-{os.getppid()}-alive").mkdir()  # a live process's: not touched
    assert run_tools("build", "html", src, "-o", out).returncode == 0
    assert _entries(out) == sorted([f".html.tmp-{dead}-user", f".html.tmp-{os.getppid()}-alive",
                                              f".pdf.tmp-{dead}-ghi", "html"])


@pytest.mark.slow
def test_a_build_killed_by_sigkill_leaves_nothing_behind(run_tools, run_tools_process, tmp_path):
    """A real kill -9 in the middle of a build of the edition: the next build removes the temporary folder."""
    out = tmp_path / "out"
    assert run_tools("build", "html", "-o", out).returncode == 0
    before = _tree(out / "html")
    proc = subprocess.Popen([sys.executable, "-m", "tools", "build", "html", "-o", str(out)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.time() + 120
    while time.time() < deadline and not any(".html.tmp-" in n for n in os.listdir(out)):
        time.sleep(0.01)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert any(".html.tmp-" in n for n in os.listdir(out))
    assert _tree(out / "html") == before  # the old site is whole
    assert run_tools("build", "html", "-o", out).returncode == 0
    assert _entries(out) == ["html"]


def test_the_mark_lists_what_was_written(tmp_path):
    with outputs.atomic_dir(tmp_path / "site") as tmp:
        (tmp / "a").mkdir()
        (tmp / "a" / "b.txt").write_text("b")
    mark = json.loads((tmp_path / "site" / outputs.OUTPUT_MARK).read_text(encoding="utf-8"))
    assert mark["complete"] and set(mark["files"]) == {"a/b.txt"} and mark["dirs"] == ["a"]
    assert outputs.foreign_entries(tmp_path / "site") == []
    (tmp_path / "site" / "a" / "c").mkdir()
    assert outputs.foreign_entries(tmp_path / "site") == ["a/c/"]


def test_a_mark_of_an_earlier_version_is_trusted(tmp_path):
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / outputs.OUTPUT_MARK).write_text("written by `tools build`; the whole folder is replaced\n")
    (tmp_path / "site" / "index.html").write_text("old")
    with outputs.atomic_dir(tmp_path / "site") as tmp:
        (tmp / "index.html").write_text("new")
    assert (tmp_path / "site" / "index.html").read_text() == "new"


# ---------------------------------------------------------------- environment errors

def _one_line_exit_2(result, *needles):
    assert result.returncode == 2, (result.returncode, result.stderr)
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr and "internal error" not in result.stderr, lines
    for needle in needles:
        assert needle in lines[0], (needle, lines[0])


def test_output_under_a_regular_file(run_tools, src, tmp_path):
    (tmp_path / "f").write_text("x")
    _one_line_exit_2(run_tools("build", "html", src, "-o", tmp_path / "f" / "sub"), str(tmp_path / "f"))


@pytest.mark.parametrize("err", [errno.EACCES, errno.EROFS])
def test_an_output_folder_one_may_not_write(run_tools, src, tmp_path, monkeypatch, err):
    """Tests run as root, which chmod does not stop: the refusal of the file system is simulated."""
    def refuse(*args, **kwargs):
        raise OSError(err, os.strerror(err), kwargs.get("dir") or args[0])
    monkeypatch.setattr(outputs.tempfile, "mkdtemp", refuse)
    _one_line_exit_2(run_tools("build", "html", src, "-o", tmp_path / "out"), str(tmp_path / "out"))


def test_a_full_disk_during_the_build(run_tools, src, tmp_path, monkeypatch):
    from tools.targets import html

    def full(manifest, folder, **kwargs):  # the site's files are linked into the new folder
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(folder))
    out = tmp_path / "out"
    assert run_tools("build", "html", src, "-o", out).returncode == 0
    before = _tree(out / "html")
    monkeypatch.setattr(html, "link_all", full)
    _one_line_exit_2(run_tools("build", "html", src, "-o", out), "disk is full")
    assert _tree(out / "html") == before and _entries(out) == ["html"]


def test_an_os_error_that_slips_through_is_still_exit_2(run_tools, monkeypatch, tmp_path):
    from tools.core import check

    def boom(*args, **kwargs):
        raise OSError(errno.EIO, "Input/output error", "/dev/sdz")
    monkeypatch.setattr(check, "check_paths", boom)
    _one_line_exit_2(run_tools("check"), "/dev/sdz")


def test_a_bug_is_still_exit_3(run_tools, monkeypatch):
    from tools.core import check

    monkeypatch.setattr(check, "check_paths", lambda *a, **k: 1 / 0)
    result = run_tools("check")
    assert result.returncode == 3 and "internal error" in result.stderr and "Traceback" not in result.stderr


def test_atomic_write_follows_a_link_and_keeps_it(tmp_path):
    (tmp_path / "real.xml").write_bytes(b"old")
    (tmp_path / "link.xml").symlink_to("real.xml")
    outputs.atomic_write_bytes(tmp_path / "link.xml", b"new")
    assert (tmp_path / "link.xml").is_symlink() and (tmp_path / "real.xml").read_bytes() == b"new"


def test_atomic_write_on_a_full_disk_leaves_the_file(tmp_path, monkeypatch):
    f = tmp_path / "a.xml"
    f.write_bytes(b"precious")

    def full(fd):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
    monkeypatch.setattr(outputs.os, "fsync", full)
    with pytest.raises(ToolError) as err:
        outputs.atomic_write_bytes(f, b"x" * 1000)
    assert err.value.exit_code == 2 and "disk is full" in str(err.value)
    assert f.read_bytes() == b"precious" and os.listdir(tmp_path) == ["a.xml"]


def test_a_failed_second_rename_puts_the_old_output_back(monkeypatch, tmp_path):
    with outputs.atomic_dir(tmp_path / "site") as tmp:
        (tmp / "index.html").write_text("old")
    monkeypatch.setattr(outputs, "_exchange", lambda a, b: False)
    real_rename = os.rename

    def rename(a, b):
        if ".tmp-" in str(a):
            raise OSError(errno.EIO, "Input/output error", str(a))
        real_rename(a, b)
    monkeypatch.setattr(outputs.os, "rename", rename)
    with pytest.raises(ToolError) as err:
        with outputs.atomic_dir(tmp_path / "site") as tmp:
            (tmp / "index.html").write_text("new")
    assert err.value.exit_code == 2
    assert (tmp_path / "site" / "index.html").read_text() == "old" and sorted(os.listdir(tmp_path)) == ["site"]


def test_the_inventory_reads_only_files_the_replaced_output_did_not_have(tmp_path, monkeypatch):
    """A rebuild links unchanged files from the build cache: their digests come from the old inventory."""
    import os

    from tools.core import outputs

    old, new = tmp_path / "old", tmp_path / "new"
    old.mkdir()
    new.mkdir()
    (old / "same.html").write_text("same", encoding="utf-8")
    outputs.write_mark(old)
    os.link(old / "same.html", new / "same.html")  # as the build cache does: same bytes, same mtime
    (new / "fresh.html").write_text("fresh", encoding="utf-8")
    read = []
    real_digest = outputs._file_digest
    monkeypatch.setattr(outputs, "_file_digest", lambda path: read.append(os.path.basename(path)) or real_digest(path))
    outputs.write_mark(new, replacing=old)
    assert read == ["fresh.html"]
    monkeypatch.setattr(outputs, "_file_digest", real_digest)
    assert outputs.foreign_entries(new) == []
    (new / "same.html").unlink()
    (new / "same.html").write_text("SAME", encoding="utf-8")  # same size, new bytes and mtime: seen
    assert outputs.foreign_entries(new) == ["same.html (changed)"]
