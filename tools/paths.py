"""Where things are: the project root, the edition, the schema, the stylesheets; and how PATH arguments expand.

A PATH given on the command line may be a file or a directory; a directory means every `*.xml` in it
(recursively, the witness folder excluded since it holds plain text). With no PATH the tools work on the
edition under `tei/`.
"""
from __future__ import annotations

from pathlib import Path

from tools.errors import EXIT_USAGE, ToolError

ROOT = Path(__file__).resolve().parent.parent
TEI_DIR = ROOT / "tei"
SCHEMA_DIR = ROOT / "schema"
XSLT_DIR = ROOT / "xslt"
WITNESS = TEI_DIR / "witness" / "000_2a7645c052e16c4f.txt"
RNG = SCHEMA_DIR / "kse-edition.rng"
SCHEMATRON = SCHEMA_DIR / "kse-edition.sch"


def expand(paths: list[str | Path] | tuple = ()) -> list[Path]:
    """Expand PATH arguments to a sorted list of XML files; raise ToolError (exit 2) for usage problems."""
    if not paths:
        paths = [TEI_DIR]
    files: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found = sorted(x for x in p.rglob("*.xml") if "witness" not in x.relative_to(p).parts)
            if not found:
                raise ToolError(f"{p}: error: no *.xml files in this directory", EXIT_USAGE)
            files.extend(found)
        elif p.exists():
            files.append(p)
        else:
            raise ToolError(f"{p}: error: no such file or directory", EXIT_USAGE)
    seen: set[Path] = set()
    unique = []
    for f in files:  # "tei tei/x.xml" names x.xml twice: once is enough
        if f.resolve() not in seen:
            seen.add(f.resolve())
            unique.append(f)
    return unique


def require_distinct_stems(files: list[Path]) -> None:
    """Outputs are named after the source (x.xml → x/, x.pdf): two sources with one name would overwrite."""
    by_stem: dict[str, Path] = {}
    for f in files:
        if f.stem in by_stem:
            raise ToolError(f"{f}: error: another source has the same name ({by_stem[f.stem]}), and outputs are "
                            "named after their source: build them separately (-o) or rename one", EXIT_USAGE)
        by_stem[f.stem] = f


def display(path: Path) -> str:
    """A path as the user should see it: relative to the current directory when possible."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
