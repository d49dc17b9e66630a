"""Where the toolkit's own files are: stylesheets, schemas, templates and assets, inside the installed package.

The repository keeps them in top-level folders (xslt/, schema/, tools/templates/); pyproject.toml maps those
into the wheel as the packages `tools.xslt` and `tools.schema`, so importlib.resources finds them in an
installed wheel and in an editable install alike, and nothing here knows where a checkout is. The
toolkit needs real files (Saxon and libxml2 open them by path), so a zipped install is not supported.

    xslt("html", "html.xsl")    -> Path of that stylesheet
    schema("vendor", "tei_all.rng")
    template("new-edition")     -> the folder `tools new` copies
"""
from __future__ import annotations

from functools import cache
from importlib.resources import files
from pathlib import Path


@cache
def _root(package: str) -> Path:
    return Path(str(files(package)))


def xslt(*parts: str) -> Path:
    """A file or folder of the stylesheets (xslt/ in the repository)."""
    return _root("tools.xslt").joinpath(*parts)


def schema(*parts: str) -> Path:
    """A file or folder of the shipped schemas (schema/ in the repository)."""
    return _root("tools.schema").joinpath(*parts)


def template(*parts: str) -> Path:
    """A file or folder of the templates `tools new` copies (tools/templates/)."""
    return _root("tools").joinpath("templates", *parts)


def tei_all() -> Path:
    """The official TEI P5 all-schema (RELAX NG), the judge of a document that declares no usable schema."""
    return schema("vendor", "tei_all.rng")
