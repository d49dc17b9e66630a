"""Minimal edits of a TEI file: insert markup around text spans and keep every other byte.

Why: a scholar's file has its own indentation, line breaks, attribute order and character references;
re-serializing it with lxml would rewrite all of that and drown the real change in the diff. So the
assistants' `--apply` works on the file's text: each edit replaces one span [start, end) of the decoded
file (offsets from `tools.textsource`) by new markup that *contains the span's own bytes* (the <sic> or
the <date> keeps the original characters, entity references included). A span may cross markup only
when that markup is balanced inside it (a <date> around "1921 <choice>…</choice> 8-16 мартта").

The result is re-parsed and validated (`tools.validate.validate_paths`) before anything is written;
if it is not valid, nothing is written and the problems are raised. The previous file is kept as
`FILE.bak`, and the new one is swapped in by `tools.outputs.atomic_write_bytes`.

    edits = [Edit(start, end, "<date when=\"1921\">", "</date>")]
    apply_edits(path, edits)          # -> the number of edits written
"""
from __future__ import annotations

import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from tools.core.errors import EXIT_INVALID, EXIT_USAGE, ToolError
from tools.core.outputs import atomic_write_bytes
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


def apply_edits(path: Path | str, edits: list[Edit], backup: bool = True) -> int:
    """Write `edits` into the TEI file `path` as a minimal edit; validate first; keep FILE.bak."""
    path = Path(path)
    raw = read_bytes(path)
    if not raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        raise ToolError(f"{path}: error: --apply needs a TEI file; this is plain text", EXIT_USAGE)
    text = decode_utf8(raw, path)
    good = [e for e in edits if balanced(text, e.start, e.end)]
    if not good:
        return 0
    new_text = render(text, good)
    data = new_text.encode("utf-8")
    problems = validate_bytes(data, str(path))  # raises a located ToolError if not even well-formed
    if any(p.severity == "error" for p in problems):
        first = next(p for p in problems if p.severity == "error")
        raise ToolError(f"{first.format()} (after applying the suggestions; nothing was written)",
                        EXIT_INVALID, problems)
    if backup:
        shutil.copy2(path, path.with_name(path.name + ".bak"))
    atomic_write_bytes(path, data)
    return len(good)


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
