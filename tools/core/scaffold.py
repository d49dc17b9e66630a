"""`tools new DIR`: a new edition that validates and builds out of the box.

The template (tools/templates/new-edition/, shipped with the package) holds a project file, a sample TEI
document with a complete header, a schema customization, a Schematron and a guide for the editor. This
module fills in the edition's name, title, languages and today's date (escaped for the file each goes
into), names the document after the edition, makes the RELAX NG from the customization (tools.core.schemagen,
as `tools schema` would), and moves the folder into place whole: a half-made edition is never left behind.
"""
from __future__ import annotations

import datetime as _dt
import json
import os
import re
import shutil
import tempfile
from pathlib import Path
from string import Template
from xml.sax.saxutils import escape

from tools.core import resources
from tools.core.errors import EXIT_USAGE, ToolError

_LANG = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")


def new_edition(folder: Path, *, title: str | None = None, language: str = "en",
                languages: list[str] | None = None) -> Path:
    """Make the edition in `folder` (which must not exist, or be empty); return its path."""
    from tools.core.schemagen import generate

    folder = Path(folder)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise ToolError(f"{folder}: error: already exists and is not an empty folder: choose a new one", EXIT_USAGE)
    languages = languages or ["en"]
    for lang in [language, *languages]:
        if not _LANG.match(lang):
            raise ToolError(f"error: {lang!r} is not a language code (e.g. en, kk, ru, ar)", EXIT_USAGE)
    name = re.sub(r"[^A-Za-z0-9._-]+", "-", folder.resolve().name).strip("-.") or "edition"
    title = title or name.replace("-", " ").replace("_", " ").strip().capitalize()
    today = _dt.date.today()
    values = {"name": name, "lang": language, "today": today.isoformat(), "year": str(today.year)}
    xml = {**values, "title": escape(title, {'"': "&quot;"})}
    toml = {**values, "title": json.dumps(title, ensure_ascii=False)[1:-1],
            "languages": json.dumps(languages, ensure_ascii=False)}
    md = {**values, "title": title}

    parent = folder.resolve().parent
    try:
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f".{name}.", dir=parent))
    except OSError as exc:
        raise ToolError(f"{parent}: error: cannot write here: {exc.strerror or exc}", EXIT_USAGE)
    try:
        source = resources.template("new-edition")
        for src in sorted(source.rglob("*")):
            if src.is_dir() or src.name.startswith((".", "__")):
                continue
            rel = src.relative_to(source)
            if rel == Path("tei", "edition.xml"):
                rel = Path("tei", f"{name}.xml")
            text = src.read_text(encoding="utf-8")
            table = xml if src.suffix in (".xml", ".sch") else toml if src.suffix == ".toml" else md
            dest = tmp / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            dest.write_text(Template(text).safe_substitute(table), encoding="utf-8")
        out, data = generate(tmp / "schema" / "customization.toml")
        out.write_bytes(data)
        os.chmod(tmp, 0o777 & ~_umask())
        if folder.exists():
            folder.rmdir()  # empty, checked above
        os.replace(tmp, folder)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return folder


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
