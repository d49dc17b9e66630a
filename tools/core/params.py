"""Stylesheet parameters: what each one may hold, read where it is declared, checked before any transform.

A parameter is declared once, in a stylesheet's *_param.xsl, with a one-line doc comment just before it whose
head says what values it takes (the one place where that is said):

    <!-- show-residue (yes|no): include the residue …            one of a closed list
    <!-- indexes (space-separated: persons places orgs): …        any of these words, space-separated
    <!-- source-href (url): relative link to …                    '' or a relative or http(s) address
    <!-- line-numbers-every (integer): …                          a whole number
    <!-- build-date (date): …                                     '' or an ISO date (YYYY-MM-DD)
    <!-- lang (language): …       languages (languages): …        a language code; several, space-separated
    <!-- base-witness (id): …                                     '' or an XML name (an xml:id)
    <!-- typeface (text): …                                       any text (the stylesheet escapes it)

Why here and not only in the stylesheets: a value given on the command line (`--param NAME=VALUE`) or in the
project file goes into HTML attributes, scripts and print markup; a value outside its type ("kk\\";alert(1)//"
as a language, "javascript:…" as a link) is refused with exit 2 before the transform, so the stylesheets only
ever see values of the declared shape (and still escape them: JSON for scripts, attributes for HTML).
tests/test_params.py checks that every declared parameter has a type this module knows.
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass
from pathlib import Path

from tools.core.errors import EXIT_USAGE, ToolError

KINDS = ("choice", "tokens", "url", "integer", "date", "language", "languages", "id", "text")


@dataclass(frozen=True)
class ParamSpec:
    name: str
    kind: str                        # one of KINDS; "" when the declaration names no type
    values: tuple[str, ...] = ()     # for choice and tokens
    file: str = ""                   # where it is declared

    def describe(self) -> str:
        if self.kind == "choice":
            return "one of " + ", ".join(self.values)
        if self.kind == "tokens":
            return "space-separated words among " + ", ".join(self.values)
        return {
            "url": "a relative address or an http(s) URL",
            "integer": "a whole number",
            "date": "a date YYYY-MM-DD",
            "language": "a language code such as kk, en, ru",
            "languages": "language codes separated by spaces",
            "id": "an XML name (an xml:id)",
            "text": "text",
        }.get(self.kind, "text")


_PARAM = re.compile(r'<!--(?P<doc>(?:(?!-->).)*)-->\s*<xsl:param\s+name="(?P<name>[^"]+)"', re.S)
_HEAD = re.compile(r"\s*(?P<name>[\w.-]+)\s*(?:\((?P<spec>[^)]*)\))?\s*:")
_BARE_PARAM = re.compile(r'<xsl:param\s+name="([^"]+)"')


def parse_spec(name: str, spec: str | None, file: str = "") -> ParamSpec:
    """The ParamSpec of a declaration whose doc comment head is `NAME (SPEC):`."""
    spec = (spec or "").strip()
    if "|" in spec:
        return ParamSpec(name, "choice", tuple(v.strip() for v in spec.split("|")), file)
    if spec.startswith("space-separated:"):
        return ParamSpec(name, "tokens", tuple(spec.split(":", 1)[1].split()), file)
    if spec in KINDS and spec not in ("choice", "tokens"):
        return ParamSpec(name, spec, (), file)
    return ParamSpec(name, "", (), file)


def declared_params(param_files, reserved=()) -> dict[str, ParamSpec]:
    """The xsl:param a user may set (`--param`), by name, with what each takes: those declared in `param_files`,
    less `reserved` (parameters the builder itself sets)."""
    specs: dict[str, ParamSpec] = {}
    for path in param_files:
        text = Path(path).read_text(encoding="utf-8")
        documented = {}
        for m in _PARAM.finditer(text):
            doc = m.group("doc").rsplit("<!--", 1)[-1]
            head = _HEAD.match(doc)
            spec = head.group("spec") if head and head.group("name") == m.group("name") else None
            documented[m.group("name")] = parse_spec(m.group("name"), spec, Path(path).name)
        for name in _BARE_PARAM.findall(text):
            specs.setdefault(name, documented.get(name, ParamSpec(name, "", (), Path(path).name)))
    return {n: s for n, s in specs.items() if n not in reserved}


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff\ufffe\uffff]")
_URL_FORBIDDEN = re.compile(r"[\x00-\x20\x7f\\]")  # browsers drop tabs and newlines inside a scheme
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")
_NCNAME = re.compile(r"^[^\W\d][\w.\-\u00b7\u0300-\u036f\u203f\u2040]*$")


def value_problem(spec: ParamSpec, value: str) -> str | None:
    """Why `value` is not a value of `spec` (None if it is)."""
    if _CONTROL.search(value):
        return "it contains control characters"
    kind = spec.kind
    if kind == "choice":
        return None if value in spec.values else f"it must be {spec.describe()}"
    if kind == "tokens":
        bad = [t for t in value.split() if t not in spec.values]
        return f"{bad[0]!r} is not among {', '.join(spec.values)}" if bad else None
    if kind == "url":
        if value == "":
            return None
        if _URL_FORBIDDEN.search(value):
            return "an address may not contain spaces, control characters or backslashes"
        m = _SCHEME.match(value)
        if m and m.group(1).lower() not in ("http", "https"):
            return f"only http(s) addresses or relative ones are allowed, not {m.group(1)}:"
        if m and not value[len(m.group(0)):].startswith("//"):
            return "an http(s) address must be absolute (http://host/…)"
        return None
    if kind == "integer":
        return None if re.fullmatch(r"[0-9]{1,9}", value) else f"it must be {spec.describe()}"
    if kind == "date":
        if value == "":
            return None
        try:
            _dt.date.fromisoformat(value)
            return None if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else f"it must be {spec.describe()}"
        except ValueError:
            return f"it must be {spec.describe()}"
    if kind == "language":
        return None if _LANGUAGE.match(value) else f"it must be {spec.describe()}"
    if kind == "languages":
        words = value.split()
        return None if words and all(_LANGUAGE.match(w) for w in words) else f"it must be {spec.describe()}"
    if kind == "id":
        return None if value == "" or _NCNAME.match(value) else f"it must be {spec.describe()}"
    return None  # text (and an undeclared type, which tests/test_params.py forbids): the stylesheet escapes it


def _shown(value: str) -> str:
    return repr(value if len(value) <= 60 else value[:57] + "...")


def check_params(params: dict[str, str], known) -> None:
    """Refuse (ToolError, exit 2) unknown parameters, and values outside their declared type when `known` is
    what `declared_params` returns (a list of names checks the names only)."""
    unknown = sorted(set(params) - set(known))
    if unknown:
        raise ToolError(f"error: unknown stylesheet parameter(s) {', '.join(unknown)}; known: {', '.join(known)}",
                        EXIT_USAGE)
    if not isinstance(known, dict):
        return
    for name, value in params.items():
        spec = known[name]
        problem = value_problem(spec, str(value))
        if problem:
            raise ToolError(f"error: stylesheet parameter {name}={_shown(str(value))} is refused: {problem}",
                            EXIT_USAGE)
