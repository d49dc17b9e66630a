"""Writing outputs so that nothing a user had is lost: the toolkit replaces only what it made itself, and a
failed, interrupted or killed run leaves the previous output as it was.

Output folders (`atomic_dir`, used by every builder):
- Each folder the toolkit writes carries a mark, `.tools-output`, listing every file and folder it wrote
  (size, modification time, SHA-256). Before a build replaces `OUTDIR/html`, `check_output` refuses
  (exit 2, nothing touched) a folder that is not marked and not empty, that holds anything the mark does not
  list or a listed file changed since (a user's file, an edited page), that contains one of the build's
  inputs or a source folder of the edition, or that lies inside a source folder (`tei/out/html`).
- The new output is written into a temporary sibling, `.html.tmp-PID-XXXX`, marked from the start (so that
  folder expansions skip it), and swapped in with one `renameat2(RENAME_EXCHANGE)`: there is no moment when
  `html/` is missing. Where the file system cannot exchange, two renames are used (`html` → `.html.old-PID-…`,
  then the new one → `html`); a run killed between them leaves the old output in `.html.old-…`, and the next
  run puts it back before it does anything else.
- Temporary and old folders of runs that are no longer alive (their PID is in the name) are removed at the
  next run into the same place, if they carry the mark (or are empty): a folder the toolkit did not make is
  never removed.

Files (`atomic_write_bytes`, used by `--apply` and `tools schema`): written to a temporary file in the same
folder, flushed to disk, then renamed over the target; through a symbolic link, the link's target is replaced
and the link kept; the file's permissions are kept.

Environment errors (a read-only folder, a full disk, a path under a regular file) become `ToolError`s with
exit 2 and one line naming the path and what is wrong (`environment_error`), never an internal error.
"""
from __future__ import annotations

import ctypes
import errno
import hashlib
import json
import os
import re
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from tools.core.errors import EXIT_USAGE, ToolError

# Every output folder the toolkit writes carries this file, so that it can tell its own folders from a user's.
OUTPUT_MARK = ".tools-output"
_MARK_FORMAT = "tools-output/1"
_MARK_NOTE = ("written by `tools build`, which replaces this folder whole at each build; it lists what the "
              "build wrote, and a build refuses to replace the folder if anything else is found in it")


# ---------------------------------------------------------------- environment errors

# errors of the machine or of the user's folders, not of the tools: exit 2 with the path and the cause
ENVIRONMENT_ERRNOS = frozenset({
    errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOSPC, errno.EDQUOT, errno.ENOENT, errno.ENOTDIR,
    errno.EISDIR, errno.EEXIST, errno.ENOTEMPTY, errno.EMFILE, errno.ENFILE, errno.EIO, errno.ENAMETOOLONG,
    errno.ELOOP, errno.EXDEV, errno.EBUSY, errno.ETXTBSY, errno.EFBIG, errno.ENOMEM,
})

_HINTS = {
    errno.ENOSPC: "the disk is full: free some space and run again",
    errno.EDQUOT: "the disk quota is exceeded: free some space and run again",
    errno.EROFS: "the file system is read-only: choose a writable place",
    errno.EACCES: "permission denied: choose a folder you may write to, or change its permissions",
    errno.EPERM: "operation not permitted: choose a folder you may write to, or change its permissions",
    errno.ENOTDIR: "a part of this path is a file, not a folder",
    errno.ENAMETOOLONG: "the path is too long",
}


def environment_error(exc: OSError, path=None, doing: str = "", *, named: bool = False) -> ToolError:
    """A one-line ToolError (exit 2) for an OSError: `PATH: error: cannot DOING: cause`; PATH is the error's
    own file, unless `named` (then `path`: what the user named, rather than a temporary file inside it)."""
    where = path if named or exc.filename is None else exc.filename
    cause = _HINTS.get(exc.errno) or (exc.strerror or str(exc)).lower()
    if exc.errno == errno.ENOENT and path is not None and exc.filename is None:
        cause = "no such file or folder"
    what = f"cannot {doing}: " if doing else ""
    return ToolError(f"{where}: error: {what}{cause}", EXIT_USAGE)


@contextmanager
def environment_errors(path, doing: str = ""):
    """Turn an OSError raised inside into a one-line ToolError (exit 2) naming the path and the cause."""
    try:
        yield
    except OSError as exc:
        if exc.errno not in ENVIRONMENT_ERRNOS:
            raise
        raise environment_error(exc, path, doing) from None


# ---------------------------------------------------------------- the mark

def is_tool_output(folder: Path) -> bool:
    """Did the toolkit write this folder (it carries the mark)?"""
    return (Path(folder) / OUTPUT_MARK).is_file()


def _file_digest(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def _walk(folder: Path):
    """(relative POSIX path of a folder, its subfolder names (may be pruned), its file names, its path), as
    os.walk gives them: strings, not Path objects (an output of thousands of files is walked at each build)."""
    top = os.fspath(folder)
    cut = len(top.rstrip(os.sep)) + 1
    for here, subdirs, names in os.walk(top):
        rel_here = here[cut:].replace(os.sep, "/") if len(here) >= cut else ""
        yield rel_here, subdirs, names, here


def _join(rel_here: str, name: str) -> str:
    return f"{rel_here}/{name}" if rel_here else name


def _inventory(folder: Path, previous: dict | None = None) -> tuple[dict[str, list], list[str]]:
    """Every file (size, mtime, SHA-256) and folder under `folder`, by relative POSIX path; the mark excluded.
    A file whose size and mtime are those `previous` (the inventory of the output this one replaces) recorded
    keeps the digest recorded there: the build links unchanged files from its cache, so most of a corpus's
    thousands of files need no reading (the same test `_changed` trusts)."""
    previous = previous or {}
    files, dirs = {}, []
    for rel_here, subdirs, names, here in _walk(folder):
        dirs.extend(_join(rel_here, d) for d in subdirs)
        for name in names:
            rel = _join(rel_here, name)
            if rel == OUTPUT_MARK:
                continue
            full = os.path.join(here, name)
            st = os.lstat(full)
            before = previous.get(rel)
            if not stat.S_ISREG(st.st_mode):
                digest = ""
            elif before and before[0] == st.st_size and before[1] == st.st_mtime_ns and before[2]:
                digest = before[2]
            else:
                digest = _file_digest(full)
            files[rel] = [st.st_size, st.st_mtime_ns, digest]
    return files, sorted(dirs)


def write_mark(folder: Path, building: bool = False, replacing: Path | None = None) -> None:
    """Write the mark of `folder`: while building, only the mark; at the end, the inventory of what was made
    (`replacing`: the output it will replace, whose inventory lends the digests of unchanged files)."""
    previous = None
    if not building and replacing is not None:
        mark = _read_mark(replacing)
        previous = mark.get("files") if isinstance(mark, dict) else None
    files, dirs = ({}, []) if building else _inventory(folder, previous if isinstance(previous, dict) else None)
    mark = {"format": _MARK_FORMAT, "note": _MARK_NOTE, "complete": not building, "files": files, "dirs": dirs}
    (Path(folder) / OUTPUT_MARK).write_text(json.dumps(mark, ensure_ascii=False, separators=(",", ":")) + "\n",
                                            encoding="utf-8")


def _read_mark(folder: Path) -> dict | None:
    """The mark's inventory; {} for a mark of an earlier version (no inventory); None if there is no mark."""
    path = Path(folder) / OUTPUT_MARK
    if not path.is_file():
        return None
    try:
        mark = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, UnicodeDecodeError):
        return {}  # the first marks were one line of text: the folder is ours, its inventory unknown
    return mark if isinstance(mark, dict) else {}


def foreign_entries(folder: Path, limit: int = 3) -> list[str]:
    """What in `folder` the toolkit did not write ("notes.txt", "drafts/"), or changed since it wrote it
    ("index.html (changed)"): at most `limit` paths relative to the folder; [] if the folder is wholly the
    toolkit's."""
    folder = Path(folder)
    mark = _read_mark(folder)
    if mark is None:
        found = sorted(os.listdir(folder))
        return [name + ("/" if (folder / name).is_dir() else "") for name in found[:limit]]
    if "files" not in mark:
        return []  # a mark of an earlier version: the folder is the toolkit's, as it was then trusted
    files, dirs = mark.get("files", {}), set(mark.get("dirs", []))
    out = []
    for rel_here, subdirs, names, here in _walk(folder):
        for d in list(subdirs):
            rel = _join(rel_here, d)
            if rel not in dirs:
                out.append(f"{rel}/")
                subdirs.remove(d)
            elif os.path.islink(os.path.join(here, d)):
                out.append(f"{rel} (a link)")
                subdirs.remove(d)
        for name in names:
            rel = _join(rel_here, name)
            if rel == OUTPUT_MARK:
                continue
            if rel not in files:
                out.append(rel)
            elif _changed(os.path.join(here, name), files[rel]):
                out.append(f"{rel} (changed)")
            if len(out) >= limit:
                return out
    return out[:limit]


def _changed(path: Path, recorded: list) -> bool:
    size, mtime_ns, digest = recorded
    st = os.lstat(path)
    if not stat.S_ISREG(st.st_mode):
        return True
    if st.st_size != size:
        return True
    if st.st_mtime_ns == mtime_ns:
        return False
    return _file_digest(path) != digest  # touched or copied (cp -r): the same bytes are the same file


# ---------------------------------------------------------------- where an output may go

def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def source_folders(inputs=(), project=None) -> list[Path]:
    """Folders that hold the edition's sources: the project's document, witness and schema folders, and the
    folders of this run's input files; the project's own folder (or the working folder, without a project
    file) is not one of them: `build/` goes there."""
    folders = {Path(f).resolve().parent for f in inputs}
    root = None
    if project is not None:
        root = Path(project.root).resolve()
        folders |= {Path(d).resolve() for d in project.source_dirs()}
        folders |= {Path(p).resolve().parent for p in (project.rng, project.schematron, project.customization) if p}
    folders.discard(root or Path.cwd().resolve())
    return sorted(folders)


def check_output(target: Path, inputs=(), project=None) -> Path:
    """Refuse (ToolError, exit 2, nothing touched) to replace `target` when it is not the toolkit's to replace:
    it contains an input or the project, it lies inside a source folder, or it holds anything the toolkit did
    not write. Returns the folder that will be replaced (a symbolic link to a folder is followed: the link
    stays, its target is replaced)."""
    target = Path(target)
    if target.is_symlink():
        if not target.resolve().is_dir():
            raise ToolError(f"{target}: error: the output folder is a symbolic link to nothing or to a file; remove "
                            "it or choose another -o OUTDIR", EXIT_USAGE)
    real = target.resolve()
    for f in inputs:
        if _inside(Path(f).resolve(), real):
            raise ToolError(f"{target}: error: the output folder contains the input {f}, and a build replaces "
                            "its output folder whole: choose another -o OUTDIR", EXIT_USAGE)
    if project is not None and project.file is not None and _inside(Path(project.root).resolve(), real):
        raise ToolError(f"{target}: error: the output folder contains the edition ({project.file}): choose "
                        "another -o OUTDIR", EXIT_USAGE)
    for folder in source_folders(inputs, project):
        if _inside(folder, real):
            raise ToolError(f"{target}: error: the output folder contains the source folder {folder}: choose "
                            "another -o OUTDIR", EXIT_USAGE)
        if _inside(real, folder):
            raise ToolError(f"{target}: error: the output folder lies inside the source folder {folder}; outputs "
                            "are never written among the sources: choose another -o OUTDIR (e.g. build)",
                            EXIT_USAGE)
    if real.parent.exists() and not real.parent.is_dir():
        raise ToolError(f"{real.parent}: error: the output folder is a file; choose another -o OUTDIR", EXIT_USAGE)
    with environment_errors(target, "read the output folder"):
        _recover(real)
        if real.exists() or real.is_symlink():
            if not real.is_dir():
                raise ToolError(f"{target}: error: exists and is not a folder; the build would replace it: move it "
                                "away or choose another -o OUTDIR", EXIT_USAGE)
            foreign = foreign_entries(real)
            if foreign:
                raise ToolError(f"{target}: error: the output folder holds files the tools did not write, or changed "
                                f"since ({', '.join(foreign)}), and a build replaces it whole: move them away or "
                                "choose another -o OUTDIR", EXIT_USAGE)
    return real


# ---------------------------------------------------------------- stale folders of killed runs

_LEFTOVER = re.compile(r"\.(?P<name>.+)\.(?P<kind>tmp|old)-(?P<pid>\d+)-[A-Za-z0-9_]+$")


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


def _recover(target: Path) -> None:
    """Before building `target`: put back an old output a killed run left aside (when `target` is missing), and
    remove the temporary and old folders of runs that are no longer alive, when they carry the mark or are
    empty."""
    parent = target.parent
    if not parent.is_dir():
        return
    stale = []
    for entry in os.scandir(parent):
        m = _LEFTOVER.match(entry.name)
        if not m or m.group("name") != target.name or not entry.is_dir(follow_symlinks=False):
            continue
        if _alive(int(m.group("pid"))):
            continue
        path = Path(entry.path)
        mark = _read_mark(path)
        if mark is None and os.listdir(path):
            continue  # not ours: never removed
        stale.append((m.group("kind"), entry.stat(follow_symlinks=False).st_mtime_ns, path, mark))
    # the newest complete old output comes back if the swap was cut between its two renames
    if not target.exists() and not target.is_symlink():
        olds = [s for s in stale if s[0] == "old" and s[3] is not None and s[3].get("complete", True)]
        if olds:
            _, _, path, _ = max(olds, key=lambda s: s[1])
            os.rename(path, target)
            stale = [s for s in stale if s[2] != path]
    for _, _, path, _ in stale:
        shutil.rmtree(path, ignore_errors=True)


# ---------------------------------------------------------------- the swap

_RENAME_EXCHANGE = 2
_AT_FDCWD = -100


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths atomically (Linux renameat2 RENAME_EXCHANGE); False where that is not available."""
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        fn = libc.renameat2
    except (OSError, AttributeError):
        return False
    fn.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p, ctypes.c_uint]
    if fn(_AT_FDCWD, os.fsencode(a), _AT_FDCWD, os.fsencode(b), _RENAME_EXCHANGE) == 0:
        return True
    err = ctypes.get_errno()
    if err in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False
    raise OSError(err, os.strerror(err), str(b))


def _swap_in(tmp: Path, target: Path) -> None:
    """Put the finished `tmp` in the place of `target`; the old output, if any, is removed afterwards."""
    if not target.exists():
        os.rename(tmp, target)
        return
    if _exchange(tmp, target):
        shutil.rmtree(tmp, ignore_errors=True)  # now holds the old output
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-{os.getpid()}-", dir=target.parent))
    os.rmdir(old)
    os.rename(target, old)  # killed here: the next run renames `old` back (see _recover)
    try:
        os.rename(tmp, target)
    except BaseException:
        os.rename(old, target)  # the previous output back in its place
        raise
    shutil.rmtree(old, ignore_errors=True)


@contextmanager
def atomic_dir(target: Path, *, inputs=(), project=None):
    """Yield a fresh, marked temporary folder; on success it replaces `target` whole, on failure it is removed.

    `target` is checked first (`check_output`, with the run's `inputs` and `project` for the location rules):
    a folder holding anything the toolkit did not write is refused, and nothing is touched."""
    target = Path(target)
    real = check_output(target, inputs, project)  # before anything is created
    with environment_errors(real.parent, "create the output folder"):
        if real.parent.exists() and not real.parent.is_dir():
            raise ToolError(f"{real.parent}: error: the output folder is a file; choose another -o OUTDIR", EXIT_USAGE)
        real.parent.mkdir(parents=True, exist_ok=True)
    with environment_errors(real.parent, "write the output"):
        tmp = Path(tempfile.mkdtemp(prefix=f".{real.name}.tmp-{os.getpid()}-", dir=real.parent))
    try:
        with environment_errors(tmp, "write the output"):
            os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it private (0700); a site must be readable
            write_mark(tmp, building=True)
        try:
            yield tmp
        except OSError as exc:
            if exc.errno not in ENVIRONMENT_ERRNOS:
                raise
            raise environment_error(exc, target, "write the output", named=True) from None
        with environment_errors(real, "write the output"):
            write_mark(tmp, replacing=real)
            _swap_in(tmp, real)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


# ---------------------------------------------------------------- files

def atomic_write_bytes(target: Path, data: bytes, *, mode: int | None = None) -> Path:
    """Write `data` to `target` through a temporary file in the same folder, flushed, then renamed. A symbolic
    link is followed (its target is replaced, the link stays). The file's permissions are kept (`mode` for a
    new file: default 0666 less the umask). Returns the path written. Environment errors: ToolError, exit 2;
    the target is then untouched."""
    target = Path(os.path.realpath(target))
    with environment_errors(target, "write"):
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
        try:
            # keep the file's permissions (mkstemp makes it 0600) and owner: a minimal edit changes nothing
            # but the bytes
            if target.exists():
                st = os.stat(target)
                mode = stat.S_IMODE(st.st_mode)
                if (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
                    try:
                        os.fchown(fd, st.st_uid, st.st_gid)
                    except PermissionError:
                        pass  # only root may give a file away; the bytes are what matters
            os.fchmod(fd, mode if mode is not None else 0o666 & ~_umask())
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise
    return target


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
