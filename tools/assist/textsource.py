"""Text to analyse, with every character's place in the input file.

The editorial assistants (`tools.ocr`, `tools.dates`) read either a plain-text witness or a TEI file and
must report line and column *in the file they were given*, and `--apply` must edit that file without
re-serializing it. So this module does not use lxml's tree: it scans the decoded file once with a small
XML lexer (tags, comments, PIs, CDATA, entity and character references) and keeps, for each character of
the text it hands out, the offset of its source in the file.

A source is a list of `Block`s (one per line of a plain-text file; one per `<p>`, `<head>`, … of a TEI
file). A block's `text` is what the assistants read:
- text inside `<note>` is left out; the reading of a `<choice>` is its `<corr>` (else `<reg>`, `<expan>`,
  `<sic>`, `<orig>`, `<abbr>`) and is *frozen*: no proposal may start, end or lie inside it;
- characters inside `<sic>`/`<corr>` (and the other `<choice>` children) are frozen for every assistant;
  characters already inside a `<date>` carry the flag `in_date` so that the date tagger does not propose
  them twice (the OCR finder does look inside dates: the edition puts `<choice>` inside `<date>`); characters
  inside a `<persName>`, `<placeName>`, `<orgName>` or `<name>` carry `in_name`, for the name tagger.
Only the `<text>` of a TEI document is read (not the header, not `<standOff>`).

    src = load(path)            # Source(kind="text"|"tei", path, raw, blocks)
    for b in src.blocks: b.text, b.src_start[i], b.src_end[i], b.frozen[i]
    src.line_col(offset)        # 1-based line and column (in characters) of a file offset
"""
from __future__ import annotations

import bisect
import hashlib
import os
import re
from dataclasses import dataclass, field
from pathlib import Path

from tools.core import textmodel
from tools.core.xmlsafe import decode_utf8, parse_bytes, read_bytes

TEI_NS = "http://www.tei-c.org/ns/1.0"

# The editorial rules are the common ones (tools.core.textmodel, shared with the XSLT layer): which elements
# are blocks, which child of <choice> gives the reading (the edited one first, then the witness's), what is
# not running text; the assistants also freeze every reading of a <choice> and what an editor supplied.
BLOCK_ELEMENTS = textmodel.block_elements()
CHOICE_CHILDREN = textmodel.choice_reading() + textmodel.choice_witness()  # reading preference inside <choice>
FROZEN = frozenset(CHOICE_CHILDREN) | {"supplied"}
SKIPPED = textmodel.not_text()
NAMES = {"persName", "placeName", "orgName", "name", "geogName", "rs"}  # already tagged: `tag names` skips them

_LEX = re.compile(
    r"<!--.*?-->"
    r"|<\?.*?\?>"
    r"|<!\[CDATA\[(?P<cdata>.*?)\]\]>"
    r"|<!DOCTYPE(?:[^\[>]|\[.*?\])*>"
    r"|<(?P<close>/)?(?P<name>[^\s/>!?]+)(?P<attrs>(?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(?P<empty>/)?>",
    re.S,
)
_REF = re.compile(r"&(?:#x([0-9A-Fa-f]+)|#([0-9]+)|(lt|gt|amp|quot|apos));")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


@dataclass
class Block:
    """One run of text: per character its source span [src_start, src_end) and flags."""

    text: str = ""
    src_start: list[int] = field(default_factory=list)
    src_end: list[int] = field(default_factory=list)
    frozen: list[bool] = field(default_factory=list)
    in_date: list[bool] = field(default_factory=list)
    in_name: list[bool] = field(default_factory=list)

    def add(self, ch: str, start: int, end: int, frozen: bool = False, in_date: bool = False,
            in_name: bool = False) -> None:
        self.text += ch
        self.src_start.append(start)
        self.src_end.append(end)
        self.frozen.append(frozen)
        self.in_date.append(in_date)
        self.in_name.append(in_name)

    def span(self, i: int, j: int) -> tuple[int, int]:
        """The file span of block characters [i, j)."""
        return self.src_start[i], self.src_end[j - 1]


@dataclass
class Source:
    kind: str  # "text" | "tei"
    path: Path
    raw: bytes
    decoded: str
    blocks: list[Block]
    _line_starts: list[int] = field(default_factory=list, repr=False)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column (in characters) of a character offset in the decoded file."""
        if not self._line_starts:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.decoded)]
        i = bisect.bisect_right(self._line_starts, offset) - 1
        return i + 1, offset - self._line_starts[i] + 1

    def all_text(self) -> str:
        return "\n".join(b.text for b in self.blocks)


def _decode(data: bytes, path: Path) -> str:
    return decode_utf8(data, path)


def is_xml(data: bytes) -> bool:
    return data.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<")


# what `load` last read from each file (SHA-256 of its bytes): `--apply` (tools.assist.minedit) writes only
# if the file still holds what the suggestions were computed on
_READ: dict[str, str] = {}


def last_read(path: Path | str) -> str | None:
    """The SHA-256 of the bytes `load` last read from `path` in this process, or None."""
    return _READ.get(os.path.realpath(path))


def load(path: Path | str) -> Source:
    """Read a plain-text or TEI file into blocks with source positions."""
    path = Path(path)
    data = read_bytes(path)
    _READ[os.path.realpath(path)] = hashlib.sha256(data).hexdigest()
    text = _decode(data, path)
    if is_xml(data):
        parse_bytes(data, str(path))  # well-formedness, located errors, no entities
        return Source("tei", path, data, text, tei_blocks(text))
    return Source("text", path, data, text, text_blocks(text))


def text_blocks(text: str) -> list[Block]:
    blocks = []
    pos = 0
    for line in text.split("\n"):
        b = Block()
        for k, ch in enumerate(line):
            if ch == "\ufeff" or ch == "\r":
                continue
            b.add(ch, pos + k, pos + k + 1)
        blocks.append(b)
        pos += len(line) + 1
    return blocks


def _local(name: str) -> str:
    return name.split(":", 1)[-1]


def tei_blocks(text: str) -> list[Block]:
    """Blocks of a TEI document's <text>, by scanning the decoded file (see the module comment)."""
    blocks: list[Block] = []
    stack: list[str] = []
    cur: Block | None = None
    block_depth = -1
    in_text = False
    choice_depth = -1     # depth of the open <choice> whose reading is being collected
    choice_start = 0
    choice_reading: list[str] = []
    choice_child = ""     # which child of the current choice supplies its reading
    pos = 0

    def chardata(chunk: str, base: int) -> None:
        # `chunk` is raw character data starting at file offset `base`
        if cur is None or not in_text:
            return
        names = set(stack)
        if names & SKIPPED:
            return
        frozen = bool(names & FROZEN)
        dated = "date" in names
        named = bool(names & NAMES)
        if choice_depth >= 0:
            child = stack[choice_depth + 1] if len(stack) > choice_depth + 1 else ""
            if child == choice_child:
                choice_reading.append(_unescape(chunk))
            return
        k = 0
        while k < len(chunk):
            if chunk[k] == "&":
                m = _REF.match(chunk, k)
                if m:
                    ch = _ref_char(m)
                    cur.add(ch, base + k, base + m.end(), frozen, dated, named)
                    k = m.end()
                    continue
            cur.add(chunk[k], base + k, base + k + 1, frozen, dated, named)
            k += 1

    for m in _LEX.finditer(text):
        if m.start() > pos:
            chardata(text[pos:m.start()], pos)
        pos = m.end()
        if m.group("cdata") is not None:
            chardata(m.group("cdata"), m.start("cdata"))
            continue
        name = m.group("name")
        if name is None:
            continue
        local = _local(name)
        if m.group("close"):
            if not stack:
                continue
            stack.pop()
            depth = len(stack)
            if depth == choice_depth:
                if cur is not None and in_text and not (set(stack) & SKIPPED):
                    reading = "".join(choice_reading)
                    dated = "date" in stack
                    named = bool(set(stack) & NAMES)
                    for ch in reading:
                        cur.add(ch, choice_start, m.end(), True, dated, named)
                choice_depth = -1
            if depth == block_depth:
                blocks.append(cur)
                cur, block_depth = None, -1
            if local == "text":
                in_text = False
            continue
        empty = bool(m.group("empty"))
        if local == "text" and not empty:
            in_text = True
        if local == "choice" and choice_depth < 0 and not empty:
            choice_depth = len(stack)
            choice_start = m.start()
            choice_reading = []
            choice_child = _choice_reading_child(text, m.end())
        if local in BLOCK_ELEMENTS and cur is None and in_text and not empty:
            cur, block_depth = Block(), len(stack)
        if not empty:
            stack.append(local)
        elif local == "lb" and cur is not None and choice_depth < 0:
            cur.add(" ", m.start(), m.end(), True, False)
    return blocks


def _choice_reading_child(text: str, after: int) -> str:
    """Which child of the <choice> starting at `after` gives the reading (corr before sic, etc.)."""
    depth = 0
    kids = []
    for m in _LEX.finditer(text, after):
        name = m.group("name")
        if name is None:
            continue
        if m.group("close"):
            if depth == 0:
                break
            depth -= 1
            continue
        if depth == 0:
            kids.append(_local(name))
        if not m.group("empty"):
            depth += 1
    for pref in CHOICE_CHILDREN:
        if pref in kids:
            return pref
    return kids[0] if kids else ""


def _ref_char(m: re.Match) -> str:
    if m.group(1):
        return chr(int(m.group(1), 16))
    if m.group(2):
        return chr(int(m.group(2)))
    return _NAMED[m.group(3)]


def _unescape(chunk: str) -> str:
    return _REF.sub(_ref_char, chunk)
