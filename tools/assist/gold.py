"""Gold standards from a marked-up TEI file, for scoring the assistants (bench/, tests/).

An assistant that proposes markup is scored by taking a document whose markup an editor made, removing that
markup, running the assistant on what is left and comparing. `strip_elements` removes the start and end tags
of the named elements inside <text> (the header and <standOff> keep theirs: they hold the registers) and
returns the new file text with the spans, in it, that the removed elements covered and their attributes.

    text, spans = strip_elements(xml, {"persName", "placeName", "orgName"})
    for s in spans: s.start, s.end, s.name, s.attrs   # offsets in `text`
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_TAG = re.compile(r"<(/?)([\w.:-]+)((?:\s+[^\s=/>]+\s*=\s*(?:\"[^\"]*\"|'[^']*'))*)\s*(/?)>")
_ATTR = re.compile(r"([^\s=]+)\s*=\s*(?:\"([^\"]*)\"|'([^']*)')")


@dataclass
class Span:
    start: int
    end: int
    name: str
    attrs: dict


def strip_elements(xml: str, names: set[str]) -> tuple[str, list[Span]]:
    body = re.search(r"<text[\s>]", xml)
    if not body:
        return xml, []
    out = [xml[:body.start()]]
    length = body.start()
    pos = body.start()
    open_: list[tuple[str, int, dict] | None] = []
    spans: list[Span] = []
    for m in _TAG.finditer(xml, body.start()):
        local = m.group(2).split(":")[-1]
        chunk = xml[pos:m.start()]
        out.append(chunk)
        length += len(chunk)
        pos = m.end()
        if m.group(4):  # empty element
            out.append(m.group())
            length += len(m.group())
            continue
        if m.group(1):
            top = open_.pop() if open_ else None
            if top is not None:
                spans.append(Span(top[1], length, top[0], top[2]))
                continue
        elif local in names:
            attrs = {a.group(1): a.group(2) if a.group(2) is not None else a.group(3)
                     for a in _ATTR.finditer(m.group(3))}
            open_.append((local, length, attrs))
            continue
        else:
            open_.append(None)
        out.append(m.group())
        length += len(m.group())
    out.append(xml[pos:])
    spans.sort(key=lambda s: s.start)
    return "".join(out), spans
