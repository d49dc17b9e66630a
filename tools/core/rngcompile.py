"""RELAX NG compiled by libxml2, never hanging: a grammar is first compiled in a forked child with a deadline.

libxml2's RELAX NG compiler loops for ever on some valid grammars (e.g. element a { group((b | a)+),
attribute x? }: a lone group before an optional attribute, which pruning tei_all can produce), and a
process stuck in C code cannot be interrupted. So the first time a grammar is seen on this machine it is
compiled in a forked child (tools.core.pool) under a deadline; only when that child succeeds is the grammar
marked as proven (an empty file in the cache folder, keyed by the grammar's bytes, the files it includes and
the libxml2 version) and compiled here. Later runs find the mark and compile here at once. The cost of the
proof is one fork and one extra compile, once per grammar per machine (a few ms for a pruned grammar).

    rng = relaxng(data, base_url="/path/schema.rng", label="schema.rng", deadline=60)   # or SchemaError
"""
from __future__ import annotations

from pathlib import Path

from lxml import etree

from tools.core import cache, pool
from tools.core.xmlsafe import safe_parser

RNG = "{http://relaxng.org/ns/structure/1.0}"
VERSIONS = f"lxml {etree.LXML_VERSION} libxml2 {etree.LIBXML_VERSION}"


class SchemaError(Exception):
    """The grammar cannot be used: not valid RELAX NG for libxml2, or not compiled within the deadline."""


# proofs begun ahead of need (`prove_ahead`), by grammar key; the keys of every proof begun so (a server
# validates again and again: a proof cancelled because no file needed the grammar is not begun again)
_pending: dict[str, pool.Pending] = {}
_begun: set[str] = set()


def _key(data: bytes, base_url: str | None) -> str:
    return cache.digest("relaxng proof", VERSIONS, data, *_included(data, base_url))


def prove_ahead(data: bytes, *, base_url: str | None, deadline: float) -> None:
    """Begin the proof of a grammar not yet proven on this machine in a forked child now, so that the caller
    can read its documents meanwhile; `relaxng` of the same grammar then only waits for it. `cancel_pending`
    ends a proof no one asked for."""
    key = _key(data, base_url)
    if key not in _begun and cache.get("proven", key) is None:
        _begun.add(key)
        pending = pool.start(_try_compile, (data, base_url), deadline=deadline)
        if pending is not None:
            _pending[key] = pending


def cancel_pending() -> None:
    while _pending:
        _pending.popitem()[1].cancel()


def relaxng(data: bytes, *, base_url: str | None, label: str, deadline: float) -> etree.RelaxNG:
    key = _key(data, base_url)
    if cache.get("proven", key) is None and pool.can_fork():
        pending = _pending.pop(key, None)
        if pending is None or not pending.mine:  # not begun ahead (or begun by the process this one forked from)
            pending = pool.start(_try_compile, (data, base_url), deadline=deadline)
        outcome = pending.wait()
        if outcome[0] == "timeout":
            raise SchemaError(f"libxml2 did not finish compiling {label} within {deadline:.0f} s "
                              "(a known libxml2 limit)")
        if outcome[0] != "ok":
            raise SchemaError(f"libxml2 failed on {label}: {outcome[1]}")
        if outcome[1] is not None:
            raise SchemaError(f"{label} is not a RELAX NG grammar libxml2 can use: {outcome[1]}")
        cache.put("proven", key, b"")
    error = _try_compile((data, base_url), keep=True)
    if isinstance(error, str):
        raise SchemaError(f"{label} is not a RELAX NG grammar libxml2 can use: {error}")
    return error


def _try_compile(item, keep: bool = False):
    """The compiled grammar (keep) or None; the error message when libxml2 refuses it."""
    data, base_url = item
    try:
        compiled = etree.RelaxNG(etree.fromstring(data, safe_parser(), base_url=base_url))
    except (etree.RelaxNGParseError, etree.XMLSyntaxError) as exc:
        return str(exc).strip() or "invalid grammar"
    return compiled if keep else None


def _included(data: bytes, base_url: str | None, seen: set | None = None) -> list[bytes]:
    """The bytes of every grammar file `data` includes (include, externalRef), recursively: the proof is of
    the whole grammar."""
    seen = set() if seen is None else seen
    if base_url is None or (b"include" not in data and b"externalRef" not in data):
        return []
    try:
        root = etree.fromstring(data, safe_parser())
    except etree.XMLSyntaxError:
        return []
    out = []
    for el in root.iter(RNG + "include", RNG + "externalRef"):
        href = el.get("href")
        if not href:
            continue
        target = (Path(base_url).parent / href).resolve()
        if target in seen:
            continue
        seen.add(target)
        try:
            part = target.read_bytes()
        except OSError:
            out.append(f"missing {target}".encode())
            continue
        out += [str(target).encode(), part, *_included(part, str(target), seen)]
    return out
