"""Safe XML reading with located errors.

Every TEI file the tools read goes through `parse_file`: no DTD loading, no external entities, no network,
and no entity expansion at all (a TEI file of this project has no need of entities), so an XXE or
"billion laughs" document is refused with a located message instead of being expanded. Syntax errors come
back as `Problem`s with the file, line and column that libxml2 reports.

`NotXML` (exit 2) is for files that are not XML at all (empty, binary, no markup): a usage problem rather
than an invalid document.
"""
from __future__ import annotations

import re
from pathlib import Path

from lxml import etree

from tools.core.errors import EXIT_INVALID, EXIT_USAGE, Problem, ToolError

_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


def safe_parser(**extra) -> etree.XMLParser:
    """A parser that never fetches or expands anything."""
    options = dict(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                   huge_tree=False, remove_blank_text=False)
    options.update(extra)
    return etree.XMLParser(**options)


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    line = data.count(b"\n", 0, offset) + 1
    col = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
    return line, col


def read_bytes(path: Path) -> bytes:
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise ToolError(f"{path}: no such file", EXIT_USAGE)
    except IsADirectoryError:
        raise ToolError(f"{path}: is a directory, not a file", EXIT_USAGE)
    except OSError as exc:
        raise ToolError(f"{path}: cannot read: {exc.strerror or exc}", EXIT_USAGE)


def decode_utf8(data: bytes, path) -> str:
    """Text of a plain-text file (a witness), without a byte-order mark; a located error if it is not UTF-8."""
    try:
        return data.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        msg = "the file is not UTF-8 (perhaps Windows-1251 or UTF-16); re-save it as UTF-8"
        raise ToolError(f"{path}:{line}:{col}: error: {msg}", EXIT_USAGE, [Problem(str(path), line, col, "error", msg)])


def parse_bytes(data: bytes, path: str) -> etree._ElementTree:
    """Parse `data` (the content of `path`) or raise ToolError with located problems."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        # UTF-16 with a byte-order mark: re-encode as UTF-8 (same lines and columns) so that the checks
        # below, the entity check above all, see the real characters
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:  # a UTF-16 byte-order mark on bytes that are not UTF-16 throughout
            before = data[:exc.start].decode("utf-16", "replace")
            line, col = before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
            msg = ("the file starts with a UTF-16 byte-order mark but is not UTF-16 throughout (truncated or mixed "
                   "encodings): re-save it as UTF-8")
            raise ToolError(f"{path}:{line}:{col}: error: {msg}", EXIT_INVALID,
                            [Problem(path, line, col, "error", msg)]) from None
        text = re.sub(r'^(<\?xml[^>]*encoding=["\'])UTF-16(["\'])', r"\1UTF-8\2", text, flags=re.IGNORECASE)
        data = text.encode("utf-8")
    body = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not body:
        raise ToolError(f"{path}:1:1: error: the file is empty, not an XML document", EXIT_USAGE,
                        [Problem(path, 1, 1, "error", "the file is empty, not an XML document")])
    if not body.startswith(b"<"):
        line, col = _line_col(data, len(data) - len(body))
        msg = "not an XML document (it does not start with '<'); is this the right file?"
        raise ToolError(f"{path}:{line}:{col}: error: {msg}", EXIT_USAGE, [Problem(path, line, col, "error", msg)])
    match = _ENTITY_DECL.search(data)
    if match:
        line, col = _line_col(data, match.start())
        msg = ("the DOCTYPE declares entities; entities are refused for safety (no external files, no expansion): "
               "replace them with the characters they stand for")
        raise ToolError(f"{path}:{line}:{col}: error: {msg}", EXIT_INVALID, [Problem(path, line, col, "error", msg)])
    parser = safe_parser()
    try:
        tree = etree.fromstring(data, parser, base_url=str(path)).getroottree()
    except etree.XMLSyntaxError as exc:
        problems = _syntax_problems(exc, parser.error_log, path)
        first = problems[0]
        raise ToolError(first.format(), EXIT_INVALID, problems)
    _refuse_dtd(tree, data, path)
    return tree


def _refuse_dtd(tree: etree._ElementTree, data: bytes, path: str) -> None:
    """Refuse what another parser would fetch or expand: an external DTD, an internal subset, entity references.

    Checked on the parsed document, so it holds whatever the encoding (the byte pattern above is only a
    fast first look). A bare `<!DOCTYPE TEI>` is harmless and allowed.
    """
    info = tree.docinfo
    problem = None
    if info.system_url or info.public_id:
        problem = ("the DOCTYPE refers to an external DTD; it is refused for safety (no file or network access) "
                   "and TEI needs none: remove the DOCTYPE")
    elif info.internalDTD is not None:
        problem = ("the DOCTYPE has an internal subset (declarations); it is refused for safety and TEI needs "
                   "none: remove the DOCTYPE")
    if problem:
        text = data.decode(info.encoding or "utf-8", "replace")
        at = text.find("<!DOCTYPE")
        line = text.count("\n", 0, at) + 1 if at >= 0 else 1
        col = at - (text.rfind("\n", 0, at) + 1) + 1 if at >= 0 else 1
        raise ToolError(f"{path}:{line}:{col}: error: {problem}", EXIT_INVALID, [Problem(path, line, col, "error", problem)])
    for entity in tree.getroot().iter(etree.Entity):
        msg = f"entity reference &{entity.name}; is refused for safety: write the character it stands for"
        line = entity.sourceline or 1
        raise ToolError(f"{path}:{line}:1: error: {msg}", EXIT_INVALID, [Problem(path, line, 1, "error", msg)])


def _syntax_problems(exc: etree.XMLSyntaxError, log, path: str) -> list[Problem]:
    """The first fatal error of this parse. `log` is the parser's own log: the exception's is the thread's
    global one, which still holds errors of earlier, unrelated documents (RELAX NG messages among them)."""
    problems = []
    for entry in log:
        if entry.level_name in ("ERROR", "FATAL"):
            msg = entry.message.strip()
            problems.append(Problem(path, entry.line or 1, max(entry.column, 1), "error", _hint_syntax(msg)))
            break  # after the first fatal error libxml2's follow-up messages only confuse
    if not problems:
        line, col = exc.position if exc.position else (1, 1)
        problems.append(Problem(path, line or 1, max(col, 1), "error", _hint_syntax(str(exc.msg))))
    return problems


def _hint_syntax(msg: str) -> str:
    if "not proper UTF-8" in msg or "Document labelled UTF-16" in msg or "Invalid bytes in character encoding" in msg:
        return (msg + " — the file is not UTF-8 (perhaps Windows-1251 or another legacy encoding): "
                "re-save it as UTF-8 in your editor")
    m = re.match(r"ID (\S+) already defined", msg)
    if m:
        return f'duplicate xml:id "{m.group(1)}": every identifier must be unique in the file; rename one of them'
    bare = re.sub(r",? (?:try|use) XML_PARSE_HUGE(?: option)?", "", msg)  # advice for programmers, not editors
    if "Excessive depth in document" in msg:
        return (f"{bare} — elements are nested more than 256 deep, the limit of the safe parser (a safeguard "
                "against hostile documents): no edition needs that many levels; flatten the nesting")
    if "Text node too long" in msg or "Buffer size limit exceeded" in msg:
        return (f"{bare} — a text or an attribute value longer than 10,000,000 characters, the limit of the safe "
                "parser (a safeguard against hostile documents): split it (e.g. into paragraphs)")
    if "Name too long" in msg:
        return msg + " — a name longer than 50,000 characters, the limit of the safe parser"
    if "XML_PARSE_HUGE" in msg:
        return bare + " — a limit of the safe parser (a safeguard against hostile documents)"
    if "Opening and ending tag mismatch" in msg:
        return msg + " — close the inner element before the outer one"
    if "Premature end of data" in msg or "EndTag" in msg:
        return msg + " — an element is not closed"
    return msg


def parse_file(path: Path | str) -> etree._ElementTree:
    """Read and parse one file safely; raise ToolError (located) on any problem."""
    path = Path(path)
    return parse_bytes(read_bytes(path), str(path))
