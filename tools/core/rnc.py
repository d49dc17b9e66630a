"""RELAX NG compact syntax (.rnc), read by converting it to the XML syntax that libxml2 compiles.

Many TEI projects declare the .rnc that Roma or the TEI Stylesheets made. The conversion is rnc2rng's (a
maintained pure-Python library; it inlines `include`d .rnc files itself) and is cached in the toolkit's
cache folder, keyed by the bytes of the .rnc and of the files it includes, so a large schema is converted
once. A syntax error becomes a SchemaError naming the place.

    data = to_rng(Path("schema/project.rnc"))    # bytes of the equivalent RELAX NG XML
"""
from __future__ import annotations

import re
from pathlib import Path

from tools.core import cache
from tools.core.rngcompile import SchemaError


def to_rng(path: Path) -> bytes:
    try:
        key = cache.digest("rnc2rng", _version(), *_closure(Path(path).resolve(), set()))
    except OSError as exc:
        raise SchemaError(f"{path}: cannot read: {exc.strerror or exc}")
    data = cache.get("rnc", key, ".rng")
    if data is None:
        try:
            import rnc2rng
        except ImportError:  # pragma: no cover - a dependency of the package
            raise SchemaError(f"{path}: RELAX NG compact syntax needs the rnc2rng package (pip install rnc2rng)")
        try:
            data = rnc2rng.dumps(rnc2rng.load(str(path))).encode("utf-8")
        except Exception as exc:  # noqa: BLE001 - rnc2rng's ParseError and whatever a bad file provokes
            where = " ".join(str(exc).split())
            raise SchemaError(f"{path} is not valid RELAX NG compact syntax: {where}")
        cache.put("rnc", key, data, ".rng")
    return data


def _closure(path: Path, seen: set) -> list[bytes]:
    """The bytes of `path` and of every .rnc it includes or references (external), recursively."""
    if path in seen:
        return []
    seen.add(path)
    data = path.read_bytes()
    parts = [str(path).encode(), data]
    for href in re.findall(rb'\b(?:include|external)\s+["\']([^"\']+)["\']', data):
        target = (path.parent / href.decode("utf-8", "replace")).resolve()
        try:
            parts += _closure(target, seen)
        except OSError:
            parts.append(f"missing {target}".encode())
    return parts


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("rnc2rng")
    except Exception:  # noqa: BLE001
        return "?"
