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


def load(path: Path | str) -> Document:
    """Read and parse one file safely; ToolError (located) on any problem."""
    path = Path(path)
    shown = display(path)
    data = read_bytes(path)
    return Document(path, shown, data, parse_bytes(data, shown))
