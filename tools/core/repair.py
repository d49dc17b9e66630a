"""Repair of identifiers for a forced build: malformed and duplicate xml:id values renamed in memory.

    data, warnings = repair_ids(data, "path/to/file.xml")

An xml:id that is not an NCName ("xi:include_1.d2e187", "12", "a b") or that repeats one already used makes
the XML parser refuse the whole document, yet projects publish such files (DTA, EarlyPrint and DraCor exports
have them). With --force the builders call this first: each bad value is replaced in the bytes handed to the
parser (the file itself is never touched) by the closest NCName that is not yet taken ("xi_include_1.d2e187",
"_12", "a_b"; a duplicate gets "-2", "-3" …), and pointers "#old" in attribute values follow a malformed id
(a duplicate's pointers keep pointing to the first one, which is what a reader of the file would assume).
One warning per id changed, `path:line:col: warning: …`, located in the original file.

Only the attribute values are rewritten, by their byte offsets: every other byte stays. The scan is textual
(the parser cannot be asked, it stops at the first bad id); an `xml:id="…"` inside a comment or CDATA section
is left alone. Documents in UTF-16 are returned unchanged (the parser reports what it finds).
"""
from __future__ import annotations

import re

__all__ = ["repair_ids", "is_ncname"]

_ID_ATTR = re.compile(rb"""(?<=[\s])xml:id\s*=\s*(["'])(.*?)\1""", re.S)
_SKIP = re.compile(rb"<!--.*?-->|<!\[CDATA\[.*?\]\]>", re.S)
_NCNAME = re.compile(r"[^\W\d][\w.\-\u00B7\u0300-\u036F\u203F\u2040]*")
_POINTER = re.compile(rb"""(\s[\w:.-]+\s*=\s*)(["'])(.*?)\2""", re.S)


def is_ncname(value: str) -> bool:
    return bool(_NCNAME.fullmatch(value))


def _ncname(value: str) -> str:
    """The closest NCName: every character an NCName may not hold becomes '_', and a leading one too."""
    chars = [c if re.fullmatch(r"[\w.\-\u00B7\u0300-\u036F\u203F\u2040]", c) else "_" for c in value.strip()]
    name = "".join(chars) or "id"
    return name if is_ncname(name) else "_" + name


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    return line, len(data[start:offset].decode("utf-8", "replace")) + 1


def repair_ids(data: bytes, path: str) -> tuple[bytes, list[str]]:
    """Return `data` with malformed and duplicate xml:id values renamed, and one warning per change."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data, []
    skipped = [m.span() for m in _SKIP.finditer(data)]
    found = []
    for m in _ID_ATTR.finditer(data):
        if any(a <= m.start() < b for a, b in skipped):
            continue
        found.append(m)
    taken = {m.group(2).decode("utf-8", "replace") for m in found}
    seen: set[str] = set()
    edits: list[tuple[int, int, bytes]] = []
    renamed: dict[str, str] = {}  # malformed value -> its new name (pointers follow)
    warnings = []
    for m in found:
        value = m.group(2).decode("utf-8", "replace")
        if is_ncname(value) and value not in seen:
            seen.add(value)
            continue
        base = _ncname(value)
        new, k = base, 1
        while new in taken or new in seen:
            k += 1
            new = f"{base}-{k}"
        seen.add(new)
        taken.add(new)
        line, col = _line_col(data, m.start())
        if is_ncname(value):
            why = f'duplicate xml:id "{value}" renamed "{new}" for this build (pointers to it still go to the first)'
        else:
            why = f'malformed xml:id "{value}" (not an XML name) renamed "{new}" for this build'
            renamed.setdefault(value, new)
        warnings.append(f"{path}:{line}:{col}: warning: {why}")
        edits.append((m.start(2), m.end(2), new.encode("utf-8")))
    if renamed:  # "#old" pointers in any attribute value follow a malformed id
        for m in _POINTER.finditer(data):
            if any(a <= m.start() < b for a, b in skipped) or m.group(1).strip().startswith(b"xml:id"):
                continue
            raw = m.group(3).decode("utf-8", "replace")
            tokens = raw.split(" ")
            changed = [("#" + renamed[t[1:]]) if t.startswith("#") and t[1:] in renamed else t for t in tokens]
            if changed != tokens:
                edits.append((m.start(3), m.end(3), " ".join(changed).encode("utf-8")))
    out = bytearray(data)
    for start, end, new in sorted(edits, reverse=True):
        out[start:end] = new
    return bytes(out), warnings
