"""The toolkit's cache folder: things that are slow to make and can always be made again.

$XDG_CACHE_HOME/tei-tools (default ~/.cache/tei-tools), or $TEI_TOOLS_CACHE when set (the tests point it at a
temporary folder). Everything in it is keyed by hashes of what it was made from, so an entry is never stale,
only unused; a cache that cannot be read or written is simply not used (same results, more time).

    key = digest(b"...", "...")            # hex digest of several parts
    data = get("verdicts", key)           # bytes, or None
    put("verdicts", key, data)            # atomic: written to a temporary file, then renamed
"""
from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def root() -> Path:
    if os.environ.get("TEI_TOOLS_CACHE"):
        return Path(os.environ["TEI_TOOLS_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "tei-tools"


def digest(*parts: bytes | str) -> str:
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "big"))  # lengths first: ("ab", "c") and ("a", "bc") differ
        h.update(data)
    return h.hexdigest()


def path(kind: str, key: str, suffix: str = "") -> Path:
    return root() / kind / key[:2] / f"{key}{suffix}"


def get(kind: str, key: str, suffix: str = "") -> bytes | None:
    try:
        return path(kind, key, suffix).read_bytes()
    except OSError:
        return None


def put(kind: str, key: str, data: bytes, suffix: str = "") -> None:
    target = path(kind, key, suffix)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
    except OSError:
        pass  # a read-only or full disk: no cache, same results
