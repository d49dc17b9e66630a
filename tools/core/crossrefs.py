"""Pointers between files of a project: every pointer into a shared register must lead to an entry.

A grammar and a Schematron see one file; whether `@ref="registers.xml#pers.seifullin"` leads anywhere is a
question about the project. This check answers it for every document, with the register ids loaded once
(tools.core.registers):

    tei/a.xml:12:34: error: @ref="registers.xml#pers.seifulin" points to no entry of tei/registers.xml;
                     closest ids: pers.seifullin

What is checked, in every attribute of every element (a pointer may sit in @ref, @corresp, @who …):
  - a token with a file part and a fragment ("file.xml#id") that resolves to one of the project's register
    files must name an id of that file;
  - one that resolves to no existing file at all, while the project has registers, is an error too (a
    misspelt register name would otherwise only show as unlinked names in the outputs);
  - a name element (persName, placeName, orgName) pointing into a register must point to an entry of its
    kind (a person, a place, an organisation), as the edition's Schematron requires of local pointers.
Local pointers ("#id") are the Schematron's business; pointers to other existing files (another document,
an image) are not judged here. The register files themselves contribute their own problems (unreadable,
duplicate ids across files).
"""
from __future__ import annotations

import difflib
import re
from pathlib import Path

from lxml import etree

from tools.core.errors import Problem
from tools.core.project import Project, display
from tools.core.registers import NAME_KINDS, Registers, load_registers

_KIND_NOUN = {"persons": "a <person>", "places": "a <place>", "orgs": "an <org>"}
_POINTERISH = re.compile(r"[^\s#]+#[^\s#]+")


def check_documents(docs, project: Project | None) -> list[Problem]:
    """Problems of the pointers of loaded documents (tools.core.document.Document) into the project's
    registers, and of the register files themselves; [] when the project has no registers."""
    reg = load_registers(project)
    if not reg.files:
        return []
    problems = list(reg.problems)
    for doc in docs:
        if reg.is_register(doc.path):
            continue
        problems += check_tree(doc.tree, doc.path, doc.shown, reg, _text_of(doc))
    return problems


# the attributes worth a look, found in C: those with a '#' in them (most attributes have none)
_WITH_HASH = etree.XPath("descendant-or-self::*/@*[contains(., '#')]")


def check_tree(tree, path: Path, shown: str, reg: Registers, text: str | None = None) -> list[Problem]:
    lines = text.split("\n") if text is not None else None
    problems = []
    seen: dict[tuple[int, str, str], int] = {}  # (line, attribute, value) -> how many such attributes so far
    verdicts = reg.verdicts  # the same pointer from the same kind of element in the same folder: judged once
    folder = str(Path(path).parent)
    root = tree.getroot() if hasattr(tree, "getroot") else tree
    for value in _WITH_HASH(root):
        tokens = value.split()
        if len(tokens) == 1 and tokens[0][0] == "#":
            continue  # a local pointer: the Schematron's business
        el = value.getparent()
        attr = _attr_name(value.attrname)
        value = str(value)
        line = el.sourceline or 1
        nth = seen.get((line, attr, value), 0)
        seen[(line, attr, value)] = nth + 1
        for token in tokens:
            if not _POINTERISH.fullmatch(token):
                continue
            key = (folder, token, attr, etree.QName(el).localname if attr == "ref" else None)
            if key in verdicts:
                msg = verdicts[key]
            else:
                found = reg.resolve(path, token)
                msg = None if found is None else _judge(el, found[0], found[1], token, attr, reg)
                if found is None or found[0] in reg.files:  # not what depends on other files existing
                    verdicts[key] = msg
            if msg:
                problems.append(Problem(shown, line, _column(lines, line, attr, value, nth), "error", msg))
    return problems


def _judge(el, target: Path, ident: str, token: str, attr: str, reg: Registers) -> str | None:
    if target in reg.files and target not in reg.trees:
        why = next((p.format() for p in reg.problems if p.path == display(target)), "it cannot be read")
        return f'@{attr}="{token}" points into {display(target)}, which cannot be read ({why})'
    if target in reg.files:
        entry = reg.entry(ident)
        if entry is None or entry.file != target:
            shown_file = display(target)  # only for the message: resolving it for every pointer cost half the time
            close = difflib.get_close_matches(ident, [e.id for e in reg.entries.values() if e.file == target],
                                              n=3, cutoff=0.6)
            hint = f"; closest ids: {', '.join(close)}" if close else "; add an entry with this xml:id to the register"
            return f'@{attr}="{token}" points to no entry of {shown_file}{hint}'
        want = NAME_KINDS.get(etree.QName(el).localname) if attr == "ref" else None
        if want and entry.kind != want:
            return (f'@{attr}="{token}" of a {etree.QName(el).localname} must point to {_KIND_NOUN[want]} of the '
                    f"register, but {ident} is {_KIND_NOUN[entry.kind]} ({display(entry.file)}:{entry.line})")
        return None
    if not target.exists() and target.suffix.lower() == ".xml":
        names = ", ".join(display(f) for f in reg.files)
        return f'@{attr}="{token}" points to {display(target)}, which does not exist; the project\'s registers: {names}'
    return None


def _attr_name(name: str) -> str:
    if name.startswith("{http://www.w3.org/XML/1998/namespace}"):
        return "xml:" + name.split("}", 1)[1]
    return name.split("}", 1)[-1]


def _column(lines, line: int, attr: str, value: str, nth: int) -> int:
    """1-based column of the `nth` (0-based) `attr="value"` on the element's line (a paragraph on one line has
    many names; libxml2 gives an element the line its start tag ends on, so look back a few lines for a tag
    written over several); 1 when not found."""
    if lines is None:
        return 1
    rx = re.compile(r"(?<![\w:.-])" + re.escape(attr) + r"\s*=\s*([\"'])" + re.escape(value) + r"\1")
    for ln in range(line, max(line - 20, 0), -1):
        src = lines[ln - 1] if 0 < ln <= len(lines) else ""
        matches = list(rx.finditer(src))
        if matches:
            return matches[min(nth, len(matches) - 1) if ln == line else 0].start() + 1
    return 1


def _text_of(doc) -> str | None:
    try:
        return doc.data.decode(doc.tree.docinfo.encoding or "utf-8", "replace")
    except LookupError:
        return None


def problems_of(tree, path: Path, shown: str, project: Project | None, text: str | None = None) -> list[Problem]:
    """What `tools validate` adds for one file of a project with shared registers (the hook in
    tools.core.validate): a document's pointers into the registers; for a register file, its duplicate ids."""
    if project is None or not project.registers:
        return []
    reg = load_registers(project)
    if reg.is_register(path):
        return [p for p in reg.problems if p.path == display(path) and "duplicate register id" in p.message]
    return check_tree(tree, path, shown, reg, text)
