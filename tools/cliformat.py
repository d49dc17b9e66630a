"""Output helpers shared by the core CLI and the language packs' commands."""
from __future__ import annotations

import json

import click


def table(rows: list[dict], columns: list[str], fmt: str) -> str:
    """One JSON array, or an aligned table with the given columns (missing cells left blank)."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1)
    cells = [columns] + [[str(r.get(c, "")) for c in columns] for r in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(columns))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in cells)


def report_apply(n: int, what: str, path: str, fmt: str) -> None:
    if fmt != "json":  # the JSON on stdout stays one array
        click.echo(f"{n} {what} written to {path} (previous version: {path}.bak)" if n
                   else f"nothing written: no {what} to add", err=True)
