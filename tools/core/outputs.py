"""Writing outputs so that a failed or interrupted run leaves the previous output as it was.

Files and folders are written to a temporary sibling and swapped in by `os.replace` only when complete.
"""
from __future__ import annotations

import os
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

from tools.core.errors import EXIT_USAGE, ToolError

# Every output folder the toolkit writes carries this file, so that it can tell its own folders from a user's.
OUTPUT_MARK = ".tools-output"


def is_tool_output(folder: Path) -> bool:
    """Did the toolkit write this folder (it carries the mark)?"""
    return (Path(folder) / OUTPUT_MARK).is_file()


@contextmanager
def atomic_dir(target: Path):
    """Yield a fresh temporary directory; on success it replaces `target` whole, on failure it is removed."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except (FileExistsError, NotADirectoryError):
        raise ToolError(f"{target.parent}: error: the output folder is a file; choose another -o OUTDIR", EXIT_USAGE)
    except OSError as exc:
        raise ToolError(f"{target.parent}: error: cannot create the output folder: {exc.strerror}", EXIT_USAGE)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes it private (0700); a site must be readable by a web server
    (tmp / OUTPUT_MARK).write_text("written by `tools build`; the whole folder is replaced at each build\n",
                                   encoding="utf-8")
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = None
    if target.exists():
        old = target.with_name(f".{target.name}.old-{os.getpid()}")
        os.replace(target, old)
    os.replace(tmp, target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write `data` to `target` through a temporary file in the same folder, then rename."""
    target = Path(target)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        # keep the file's permissions (mkstemp makes it 0600): a minimal edit changes nothing but the bytes
        mode = stat.S_IMODE(os.stat(target).st_mode) if target.exists() else 0o666 & ~_umask()
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
