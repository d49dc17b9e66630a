"""XInclude for validation, as jing does it, safely.

jing (through Xerces) resolves `<xi:include>` before it validates: the included document, or its
`<xi:fallback>` when the resource cannot be had, takes the element's place. Real editions use it (EpiDoc
corpora include shared authority lists, with a fallback paragraph when the list is not beside the file), so
a validator that left `<xi:include>` in place would reject what jing accepts. `resolve` returns a copy of
the tree with the inclusions made; the tree the other commands use is never changed.

What is read, and how: only local files (relative to the including document, or file: URLs); never the
network. Each included file goes through the same safe parser as every input (no DTD, no entities). `parse`
"xml" (the default) or "text"; `xpointer` as a bare id (shorthand pointer) or `element()` scheme, which is
what Xerces supports. As in XInclude 1.0 and Xerces: a resource that cannot be had falls back to
`<xi:fallback>` and is an error without one; an included file that is not well-formed, a recursive
inclusion and an unsupported `parse` are errors. The top-level included elements get `xml:base` (and
`xml:lang` when the including context's language differs), as Xerces' fix-up adds them; every included
node is reported at the line of its `<xi:include>`.
"""
from __future__ import annotations

import copy
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from tools.core.errors import Problem, ToolError

XI = "http://www.w3.org/2001/XInclude"
INCLUDE, FALLBACK = f"{{{XI}}}include", f"{{{XI}}}fallback"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_DEPTH = 20


class _ResourceError(Exception):
    """The resource cannot be had: the fallback, if any, takes the include's place."""


class _FatalError(Exception):
    pass


def uses_xinclude(data: bytes) -> bool:
    """Cheap first look on the bytes: only a document that names the XInclude namespace can include."""
    return XI.encode() in data


def resolve(tree: etree._ElementTree, path: Path, shown: str) -> tuple[etree._ElementTree, list[Problem]]:
    """`tree` (the document at `path`) with its inclusions made, and the errors that stop an inclusion.
    The same tree is returned when there is nothing to include."""
    if next(tree.getroot().iter(INCLUDE), None) is None:
        return tree, []
    tree = copy.deepcopy(tree)
    problems: list[Problem] = []
    root = tree.getroot()
    if root.tag == INCLUDE:
        return tree, [Problem(shown, root.sourceline or 1, 1, "error", "the root element cannot be an <xi:include>")]
    _expand(root, Path(path).resolve(), shown, problems, (Path(path).resolve(),), 0)
    return tree, problems


def _expand(el: etree._Element, base: Path, shown: str, problems: list[Problem], stack: tuple, depth: int,
            line: int | None = None) -> None:
    """Make the inclusions below `el`, in document order; an include inside a fallback only if it is used."""
    for inc in list(el):
        if inc.tag != INCLUDE:
            if isinstance(inc.tag, str):
                _expand(inc, base, shown, problems, stack, depth, line)
            continue
        at = line or inc.sourceline or 1
        try:
            nodes = _include(inc, base, shown, problems, stack, depth, at)
        except _ResourceError as err:
            fallback = inc.find(FALLBACK)
            if fallback is None:
                problems.append(Problem(shown, at, 1, "error",
                                        f"<xi:include> cannot be resolved ({err}) and has no <xi:fallback>"))
                nodes = []
            else:
                _expand(fallback, base, shown, problems, stack, depth, line)
                nodes = [fallback.text or ""]
                for kid in list(fallback):
                    tail, kid.tail = kid.tail or "", None
                    nodes += [kid, tail]
        except _FatalError as err:
            problems.append(Problem(shown, at, 1, "error", f"<xi:include>: {err}"))
            nodes = []
        _replace(inc, nodes)


def _include(inc, base: Path, shown: str, problems, stack: tuple, depth: int, line: int) -> list:
    href = inc.get("href", "")
    parse = inc.get("parse", "xml")
    xpointer = inc.get("xpointer")
    if parse not in ("xml", "text"):
        raise _FatalError(f'parse="{parse}" is neither "xml" nor "text"')
    if href and "#" in href:
        raise _FatalError(f'href="{href}" has a fragment identifier, which XInclude forbids')
    if not href and xpointer is None:
        raise _FatalError("neither @href nor @xpointer")
    if depth > _DEPTH:
        raise _FatalError("inclusions nested too deep")
    target = base if not href else _local(href, base)
    if parse == "text":
        if not href:
            raise _FatalError('parse="text" needs @href')
        data = _read(target)
        try:
            return [data.decode(inc.get("encoding") or "utf-8")]
        except (LookupError, UnicodeDecodeError) as exc:
            raise _ResourceError(f"{href}: {exc}")
    if not href:
        doc_root = inc.getroottree().getroot()   # the document itself, as included so far
        if xpointer is None:
            raise _FatalError("a document cannot include itself")
    else:
        if target in stack and xpointer is None:
            raise _FatalError(f"{href} includes itself (recursive inclusion)")
        from tools.core.xmlsafe import parse_bytes

        try:
            doc_root = parse_bytes(_read(target), str(target)).getroot()
        except ToolError as err:
            raise _FatalError(f"{href} is not well-formed: {err}")
        _expand(doc_root, target, shown, problems, stack + (target,), depth + 1, line)
    nodes = [doc_root] if xpointer is None else _point(doc_root, xpointer)
    nodes = [copy.deepcopy(n) for n in nodes]
    parent = inc.getparent()
    for n in nodes:
        for el in n.iter():
            el.sourceline = line
        if href:
            n.set(f"{{{XML_NS}}}base", href)
        lang = _lang(parent) if parent is not None else None
        own = _lang(n)
        if own is not None and own != lang:
            n.set(f"{{{XML_NS}}}lang", own)
    return nodes


def _local(href: str, base: Path) -> Path:
    parts = urlsplit(href)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    if parts.scheme and len(parts.scheme) > 1:
        raise _ResourceError(f"{href} is not a local file (no network)")
    return (base.parent / unquote(parts.path)).resolve()


def _read(target: Path) -> bytes:
    try:
        if not target.is_file():
            raise _ResourceError(f"{target} does not exist")
        return target.read_bytes()
    except OSError as exc:
        raise _ResourceError(f"{target}: {exc.strerror or exc}")


def _point(root: etree._Element, xpointer: str) -> list:
    """The elements an XPointer selects: a shorthand id, or element() schemes (the first that selects)."""
    if re.fullmatch(r"[^\s()/]+", xpointer):
        found = root.xpath("descendant-or-self::*[@xml:id=$id]", id=xpointer)
        if not found:
            raise _ResourceError(f'xpointer "{xpointer}" selects nothing')
        return found[:1]
    parts = re.findall(r"(\w+)\(([^)]*)\)", xpointer)
    if not parts:
        raise _ResourceError(f'xpointer "{xpointer}" is not a pointer this validator (or jing) reads')
    for scheme, body in parts:
        if scheme != "element":
            continue
        steps = body.split("/")
        node = root
        if steps[0]:
            found = root.xpath("descendant-or-self::*[@xml:id=$id]", id=steps[0])
            node = found[0] if found else None
        elif len(steps) > 1 and steps[1] == "1":
            steps = steps[1:]
        else:
            node = None
        for step in steps[1:]:
            if node is None or not step.isdigit():
                node = None
                break
            kids = [k for k in node if isinstance(k.tag, str)]
            node = kids[int(step) - 1] if 0 < int(step) <= len(kids) else None
        if node is not None:
            return [node]
    raise _ResourceError(f'xpointer "{xpointer}" selects nothing')


def _lang(el) -> str | None:
    while el is not None:
        v = el.get(f"{{{XML_NS}}}lang")
        if v is not None:
            return v
        el = el.getparent()
    return None


def _replace(inc: etree._Element, nodes: list) -> None:
    """Put `nodes` (elements and strings) where `inc` is, keeping the text around it."""
    parent = inc.getparent()
    tail = inc.tail or ""
    index = parent.index(inc)
    parent.remove(inc)
    prev = parent[index - 1] if index > 0 else None

    def add_text(text: str) -> None:
        nonlocal prev
        if not text:
            return
        if prev is None:
            parent.text = (parent.text or "") + text
        else:
            prev.tail = (prev.tail or "") + text

    for n in nodes:
        if isinstance(n, str):
            add_text(n)
        else:
            n.tail = None
            parent.insert(index, n)
            index += 1
            prev = n
    add_text(tail)
