"""One TEI input, read and parsed once: its path, its bytes and its tree, passed on as one value.

Every command reads its inputs through `load`: the bytes once (for byte-for-byte copies and minimal edits),
the tree once (tools.core.xmlsafe: no DTD, no entities, no network), and hands the same value to the
validator, the XSLT processor and the builders, so that no step reads or parses the file again.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from tools.core.project import display
from tools.core.xmlsafe import parse_bytes, read_bytes


@dataclass
class Document:
    path: Path                    # where it is
    shown: str                    # how messages name it (relative to the working folder when possible)
    data: bytes                   # the file as it is
    tree: etree._ElementTree      # parsed safely

    @property
    def root(self) -> etree._Element:
        return self.tree.getroot()


def load(path: Path | str, *, force: bool = False, warnings: list[str] | None = None) -> Document:
    """Read and parse one file safely; ToolError (located) on any problem.

    With `force` (a build that goes on despite errors), malformed and duplicate xml:id values, which make the
    parser refuse the whole document, are renamed in the bytes handed to the parser (tools.core.repair), one
    warning each appended to `warnings`; `data` stays the file as it is."""
    path = Path(path)
    shown = display(path)
    data = read_bytes(path)
    if not force:
        return Document(path, shown, data, parse_bytes(data, shown))
    from tools.core.repair import repair_ids

    repaired, found = repair_ids(data, shown)
    if warnings is not None:
        warnings.extend(found)
    return Document(path, shown, data, parse_bytes(repaired, shown))
