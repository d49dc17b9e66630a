"""Minimal edits of a TEI file: insert markup around text spans and keep every other byte.

Why: a scholar's file has its own indentation, line breaks, attribute order and character references;
re-serializing it with lxml would rewrite all of that and drown the real change in the diff. So the
assistants' `--apply` works on the file's text: each edit replaces one span [start, end) of the decoded
file (offsets from `tools.textsource`) by new markup that *contains the span's own bytes* (the <sic> or
the <date> keeps the original characters, entity references included). A span may cross markup only
when that markup is balanced inside it (a <date> around "1921 <choice>…</choice> 8-16 мартта").

The result is re-parsed and validated (`tools.validate.validate_paths`) before anything is written;
if it is not valid, nothing is written and the problems are raised. Nothing a user had is lost:
- the file must still be what the suggestions were computed on (`textsource.load` remembers what it read):
  an editor's save made meanwhile is never overwritten (exit 1, nothing written; run again);
- a read-only file is refused (exit 2); a symbolic link is followed (its target is edited, the link stays);
- the byte-order mark and the line endings stay as they were (only the spans change);
- the previous version is kept as `FILE.bak`, written completely under a temporary name and renamed, so an
  existing backup is never left half-written (a full disk: exit 2, the file and the old backup untouched);
  then the new version is swapped in by `tools.core.outputs.atomic_write_bytes`.

    edits = [Edit(start, end, "<date when=\"1921\">", "</date>")]
    apply_edits(path, edits)          # -> the number of edits written
"""
from __future__ import annotations

import hashlib
import os
import re
import shutil
import stat
import tempfile
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from tools.assist import textsource
from tools.core.errors import EXIT_INVALID, EXIT_USAGE, ToolError
from tools.core.outputs import atomic_write_bytes, environment_errors
from tools.core.validate import validate_bytes
from tools.core.xmlsafe import decode_utf8, read_bytes

_TAG = re.compile(r"<(/?)([^\s/>!?]+)[^>]*?(/?)>|<!--.*?-->|<\?.*?\?>", re.S)


@dataclass(frozen=True)
class Edit:
    """Wrap the decoded-file span [start, end) as `before` + span + `after`; `replace` drops the span."""

    start: int
    end: int
    before: str
    after: str
    replace: str | None = None  # when set, the span itself is replaced by this (already-escaped) text


def balanced(text: str, start: int, end: int) -> bool:
    """Is the markup inside text[start:end] well nested, and is the span outside any tag?"""
    if text.rfind("<", 0, start) > text.rfind(">", 0, start):
        return False  # starts inside a tag
    if text.rfind("<", 0, end) > text.rfind(">", 0, end):
        return False
    depth = 0
    for m in _TAG.finditer(text, start, end):
        if m.group(2) is None or m.group(3):
            continue
        depth += -1 if m.group(1) else 1
        if depth < 0:
            return False
    return depth == 0


def render(text: str, edits: list[Edit]) -> str:
    """Apply non-overlapping edits to `text`; refuse overlapping or unbalanced ones."""
    out, pos = [], 0
    for e in sorted(edits, key=lambda e: e.start):
        if e.start < pos:
            raise ToolError(f"edits overlap at offset {e.start}", EXIT_USAGE)
        if not balanced(text, e.start, e.end):
            raise ToolError(f"span {e.start}-{e.end} crosses markup", EXIT_USAGE)
        out.append(text[pos:e.start])
        out.append(e.before)
        out.append(text[e.start:e.end] if e.replace is None else e.replace)
        out.append(e.after)
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def apply_edits(path: Path | str, edits: list[Edit], backup: bool = True, *, original: bytes | None = None) -> int:
    """Write `edits` into the TEI file `path` as a minimal edit; validate first; keep FILE.bak.

    `original`: the bytes the edits' offsets refer to (default: what `textsource.load` last read from `path`,
    if it read it); the file must still hold them."""
    path = Path(path)
    raw = read_bytes(path)
    expected = _digest(original) if original is not None else textsource.last_read(path)
    if expected is not None and _digest(raw) != expected:
        raise _changed(path)
    if not raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        raise ToolError(f"{path}: error: --apply needs a TEI file; this is plain text", EXIT_USAGE)
    _require_writable(path)
    text = decode_utf8(raw, path)  # without the byte-order mark: the offsets count from the first character
    good = [e for e in edits if balanced(text, e.start, e.end)]
    if not good:
        return 0
    bom = b"\xef\xbb\xbf" if raw.startswith(b"\xef\xbb\xbf") else b""
    data = bom + render(text, good).encode("utf-8")
    problems = validate_bytes(data, str(path))  # raises a located ToolError if not even well-formed
    if any(p.severity == "error" for p in problems):
        first = next(p for p in problems if p.severity == "error")
        raise ToolError(f"{first.format()} (after applying the suggestions; nothing was written)",
                        EXIT_INVALID, problems)
    if read_bytes(path) != raw:  # saved in an editor while the suggestions were validated
        raise _changed(path)
    if backup:
        _write_backup(path, raw)
    if read_bytes(path) != raw:
        raise _changed(path, backup_written=backup)
    atomic_write_bytes(path, data)
    return len(good)


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def _changed(path: Path, backup_written: bool = False) -> ToolError:
    kept = f"; {path}.bak holds the version that was read" if backup_written else ""
    return ToolError(f"{path}: error: the file changed since it was read (saved in an editor?); nothing was "
                     f"written{kept}: run the command again", EXIT_INVALID)


def _require_writable(path: Path) -> None:
    """Refuse a read-only file (by its permission bits too: root may write anything, a scholar's read-only
    file is a decision to respect)."""
    real = Path(os.path.realpath(path))
    with environment_errors(path, "read"):
        mode = os.stat(real).st_mode
    if not mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise ToolError(f"{path}: error: the file is read-only; nothing was written (make it writable to apply "
                        "the suggestions)", EXIT_USAGE)
    if not os.access(real, os.W_OK):
        raise ToolError(f"{path}: error: cannot write the file (no permission, or a read-only file system); nothing "
                        "was written", EXIT_USAGE)


def _write_backup(path: Path, raw: bytes) -> None:
    """FILE.bak (beside the name the user gave) := `raw`, completely written under a temporary name, then
    renamed: an existing backup is replaced only by a complete one. A link named FILE.bak is replaced, not
    followed."""
    bak = path.with_name(path.name + ".bak")
    with environment_errors(bak, "write the backup"):
        fd, tmp = tempfile.mkstemp(prefix=f".{bak.name}.", suffix=".tmp", dir=bak.parent)
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(raw)
                fh.flush()
                os.fsync(fh.fileno())
            shutil.copystat(os.path.realpath(path), tmp)  # the backup keeps the file's permissions and times
            os.replace(tmp, bak)
        except BaseException:
            if os.path.exists(tmp):
                os.unlink(tmp)
            raise


# ---------------------------------------------------------------- the assistants' markup

def cert_of(confidence: float) -> str:
    return "high" if confidence >= 0.8 else "medium" if confidence >= 0.5 else "low"


def ocr_edit(item, resp: str = "#tools") -> Edit:
    """<choice><sic>ORIGINAL BYTES</sic><corr resp cert>suggestion</corr></choice> around an OcrItem."""
    corr = (f"</sic><corr resp={quoteattr(resp)} cert={quoteattr(cert_of(item.confidence))}>"
            f"{escape(item.suggestion)}</corr></choice>")
    return Edit(item.start, item.end, "<choice><sic>", corr)


def date_edit(item) -> Edit:
    """<date W3C attributes>ORIGINAL BYTES</date> around a DateItem."""
    attrs = "".join(f" {k}={quoteattr(v)}" for k, v in item.attrs.items())
    return Edit(item.start, item.end, f"<date{attrs}>", "</date>")


def apply_ocr(path: Path | str, items, resp: str = "#tools") -> int:
    """Write OCR suggestions (already filtered by the caller) into a TEI file; where two overlap
    (a split word and one of its halves) the more confident one is kept."""
    chosen = []
    for it in sorted(items, key=lambda x: -x.confidence):
        if all(it.end <= c.start or it.start >= c.end for c in chosen):
            chosen.append(it)
    return apply_edits(path, [ocr_edit(it, resp) for it in chosen])


def apply_dates(path: Path | str, items) -> int:
    """Write date suggestions into a TEI file."""
    return apply_edits(path, [date_edit(it) for it in items])


def name_edit(item, element: str) -> Edit:
    """<persName|placeName|orgName ref="#id">ORIGINAL BYTES</…> around a name mention; a mention the tagger
    is not sure of carries @cert (medium, low)."""
    cert = cert_of(item.confidence)
    attrs = f" ref={quoteattr(item.ref)}" + (f" cert={quoteattr(cert)}" if cert != "high" else "")
    return Edit(item.start, item.end, f"<{element}{attrs}>", f"</{element}>")


def apply_names(path: Path | str, items, elements: dict[str, str]) -> int:
    """Write name mentions (items with a `ref` and a `kind` that `elements` maps to an element name) into a
    TEI file."""
    return apply_edits(path, [name_edit(it, elements[it.kind]) for it in items if it.ref and it.kind in elements])
