"""The registers a project's documents share: TEI files of persons, places and organisations.

A corpus keeps one register for all its documents, in a TEI file of its own named by the project file
(`[edition] registers = ["tei/registers.xml"]`): a `teiHeader` and a `standOff` with `listPerson`,
`listPlace`, `listOrg` (or the lists anywhere in it). A document points into it with an ordinary relative
URI, `<persName ref="registers.xml#pers.seifullin">`, resolved against the document's own location as any
TEI pointer is, so oXygen, the TEI Guidelines and our tools read it alike. Registers are sources of the
edition but not documents of it: they are validated, never built or listed in the collection.

    shared = load_registers(project)          # parsed once per process while the files are unchanged
    shared.entry("pers.seifullin")            # -> Entry(id, kind, element, file, line)
    shared.resolve(doc_path, "registers.xml#pers.seifullin")   # -> (register file or None, id)
    shared.digest_of(["pers.x", "pl.y"])      # content hash of those entries (cache keys of the builders)

Identifiers must be unique across all the project's register files (a pointer names a file, but the builders
key entries by id); `problems` lists duplicates and files that cannot be read, each located.
"""
from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from tools.core.errors import Problem, ToolError
from tools.core.project import Project, display, resolved
from tools.core.xmlsafe import parse_bytes, read_bytes

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"
# what an entry of each register is, and which name elements may point to it
KINDS = {"person": "persons", "personGrp": "persons", "place": "places", "org": "orgs"}
NAME_KINDS = {"persName": "persons", "placeName": "places", "orgName": "orgs"}


@dataclass(frozen=True)
class Entry:
    id: str
    kind: str            # persons | places | orgs
    element: etree._Element
    file: Path
    line: int


@dataclass
class Registers:
    files: tuple[Path, ...] = ()
    entries: dict[str, Entry] = field(default_factory=dict)
    trees: dict[Path, etree._ElementTree] = field(default_factory=dict)
    data: dict[Path, bytes] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _digests: dict[str, str] = field(default_factory=dict)
    # tools.core.crossrefs: the verdict on a pointer, by (document folder, token, attribute, element kind);
    # the same person is pointed to from hundreds of documents
    verdicts: dict[tuple, str | None] = field(default_factory=dict)

    def entry(self, ident: str) -> Entry | None:
        return self.entries.get(ident)

    def is_register(self, path: Path) -> bool:
        return Path(path).resolve() in self.files

    def resolve(self, document: Path, pointer: str) -> tuple[Path | None, str] | None:
        """Where a pointer of `document` leads when it has a file part: (the file, resolved, the fragment).
        None for a local pointer ("#x"), a URL with a scheme, or one without a fragment."""
        parts = urlsplit(pointer)
        if parts.scheme or parts.netloc or not parts.path or not parts.fragment:
            return None
        # both cached: a document has hundreds of pointers into the same register file (resolving them was half
        # of the time `tools validate` spent on a corpus document)
        return resolved(str(resolved(str(document)).parent), unquote(parts.path)), unquote(parts.fragment)

    def digest(self, ident: str) -> str:
        """A hash of one entry's markup ('-' when there is none): what the pages naming it show of it."""
        if ident not in self._digests:
            entry = self.entries.get(ident)
            self._digests[ident] = (hashlib.sha256(etree.tostring(entry.element, method="c14n")).hexdigest()[:16]
                                    if entry is not None else "-")
        return self._digests[ident]

    def digest_of(self, idents) -> str:
        h = hashlib.sha256()
        for ident in sorted(set(idents)):
            h.update(f"{ident}={self.digest(ident)};".encode())
        return h.hexdigest()

    def fingerprint(self) -> str:
        """A hash of every register file's bytes (what a build that shows whole registers depends on)."""
        h = hashlib.sha256()
        for path in self.files:
            h.update(str(path).encode() + b"\0" + hashlib.sha256(self.data.get(path, b"")).digest())
        return h.hexdigest()


_cache: dict[tuple, Registers] = {}


def load_registers(project: Project | None) -> Registers:
    """The project's shared registers, parsed safely; a register file that is missing or not XML is reported
    in `problems` (located), never raised. Cached per process while the files' size and mtime are unchanged."""
    files = tuple(project.register_files()) if project is not None else ()
    if not files:
        return Registers()
    stamp = tuple((p, *_stat(p)) for p in files)
    if stamp in _cache:
        return _cache[stamp]
    reg = Registers(files=files)
    for path in files:
        shown = display(path)
        try:
            data = read_bytes(path)
            tree = parse_bytes(data, shown)
        except ToolError as err:
            where = f" (named by [edition] registers of {display(project.file)})" if project.file else ""
            reg.problems.extend(err.problems or [Problem(shown, 1, 1, "error", str(err).split(": ", 1)[-1] + where)])
            continue
        reg.data[path] = data
        reg.trees[path] = tree
        for el in tree.iter(*(f"{{{TEI_NS}}}{k}" for k in KINDS)):
            ident = el.get(XML_ID)
            if not ident:
                continue
            kind = KINDS[etree.QName(el).localname]
            if ident in reg.entries:
                first = reg.entries[ident]
                reg.problems.append(Problem(shown, el.sourceline or 1, 1, "error",
                                            f'duplicate register id "{ident}": already declared at '
                                            f"{display(first.file)}:{first.line}; ids must be unique across "
                                            "the project's registers"))
                continue
            reg.entries[ident] = Entry(ident, kind, el, path, el.sourceline or 1)
    if len(_cache) > 8:
        _cache.clear()
    _cache[stamp] = reg
    return reg


def _stat(path: Path) -> tuple:
    try:
        st = os.stat(path)
        return st.st_size, st.st_mtime_ns
    except OSError:
        return (-1, -1)


def register_documents_xml(reg: Registers) -> str:
    """The register files as one TEI document (their lists side by side in a standOff), as text for Saxon:
    what the stylesheets get as the `registers` parameter to resolve pointers into the shared registers."""
    root = etree.Element(f"{{{TEI_NS}}}TEI", nsmap={None: TEI_NS})
    stand_off = etree.SubElement(root, f"{{{TEI_NS}}}standOff")
    for path in reg.files:
        tree = reg.trees.get(path)
        if tree is None:
            continue
        for el in tree.getroot().iter(f"{{{TEI_NS}}}listPerson", f"{{{TEI_NS}}}listPlace", f"{{{TEI_NS}}}listOrg"):
            if el.getparent() is not None and etree.QName(el.getparent()).localname in ("listPerson", "listPlace", "listOrg"):
                continue  # nested lists come with their parent
            stand_off.append(_copy(el))
    return etree.tostring(root, encoding="unicode")


def _copy(el):
    import copy

    return copy.deepcopy(el)


_saxon_nodes: dict[str, object] = {}


def stylesheet_params(project: Project | None) -> dict:
    """The `registers` parameter of the stylesheets (xslt/common/common_names.xsl): the project's shared
    registers as one Saxon document, parsed once per process and version of the files; {} without registers.
    Every builder passes it (tools.core.saxon.transform_to_string(..., nodes=…)), so that a name pointing into
    the shared registers is resolved in every output."""
    reg = load_registers(project)
    if not reg.files:
        return {}
    fp = reg.fingerprint()
    if fp not in _saxon_nodes:
        from tools.core.saxon import parse_text

        _saxon_nodes.clear()
        _saxon_nodes[fp] = parse_text(register_documents_xml(reg))
    return {"registers": _saxon_nodes[fp]}
