"""The `tools` command line: a thin click layer over the library.

Each command parses its options, calls one library function and prints the result. Library errors are
`ToolError`s; `main` turns them into one-line messages and exit codes (0 ok, 1 invalid, 2 usage), and turns
any unexpected exception into a one-line message too: a scholar never sees a traceback.
"""
from __future__ import annotations

import json
import sys

import click

from tools import __version__
from tools.errors import EXIT_INTERNAL, EXIT_INVALID, EXIT_USAGE, ToolError

FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
                      help="Output for people (text) or for programs (json).")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tools")
def cli():
    """Tools for the TEI edition: validate, check, build, and editorial assistants."""


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@FORMAT
def validate(paths, fmt):
    """Validate TEI files: well-formedness, RELAX NG, Schematron.

    PATHS are files or directories (every *.xml in them); default: the edition under tei/.
    Exit 0 when every file is valid (warnings allowed), 1 when any is invalid, 2 for usage problems.
    """
    from tools.validate import validate_paths

    report = validate_paths(paths)
    if fmt == "json":
        click.echo(json.dumps([p.as_dict() for p in report.problems], ensure_ascii=False, indent=1))
    else:
        for p in report.problems:
            click.echo(p.format())
        errors = sum(p.severity == "error" for p in report.problems)
        warnings = len(report.problems) - errors
        bad = len(report.invalid_files())
        click.echo(f"{len(report.files)} file(s) checked: {len(report.files) - bad} valid, {bad} invalid; "
                   f"{errors} error(s), {warnings} warning(s)", err=True)
    if report.usage_error:
        sys.exit(EXIT_USAGE)
    sys.exit(0 if report.ok else EXIT_INVALID)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@FORMAT
def check(paths, fmt):
    """Witness fidelity and markup statistics of the edition.

    Rebuilds the witness reading from the TEI (sic, orig, abbr; no corrections, additions or notes) and
    compares it word for word with the witness file; counts interventions, names and dates.
    Exit 1 if any word differs (a file that declares no witness is counted, not compared).
    """
    from tools.edition import check_paths

    results = check_paths(paths)
    if fmt == "json":
        click.echo(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=1))
    else:
        for r in results:
            click.echo(r.format())
    sys.exit(EXIT_INVALID if any(r.differences for r in results) else 0)


TARGETS = ("html", "pdf")


@cli.command(context_settings={"ignore_unknown_options": False})
@click.argument("target_and_paths", nargs=-1, type=click.Path(), metavar="[html|pdf|all] [PATH]...")
@click.option("-o", "--outdir", type=click.Path(), default="build", show_default=True, help="Output folder.")
@click.option("--force", is_flag=True, help="Build even if the TEI does not validate.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Stylesheet parameter (repeatable).")
@click.option("--paper", type=click.Choice(["A4", "A5", "B5"]), default="A4", show_default=True,
              help="Paper size of the PDF (the page geometry lives in the print template, xslt/print/kse.typ).")
def build(target_and_paths, outdir, force, params, paper):
    """Build the reading editions from the TEI: the HTML site (OUTDIR/html/, entry index.html) and the
    print edition (OUTDIR/pdf/<edition>.pdf).

    The first argument may name one target (html or pdf; default: all). PATHs are TEI files or folders;
    default: the edition under tei/. The input is validated first and an invalid edition is refused
    (with the validation messages) unless --force; a failed build leaves the previous output as it was.
    """
    from pathlib import Path

    from tools.paths import expand

    args = list(target_and_paths)
    targets = TARGETS
    if args and args[0] in (*TARGETS, "all"):
        first = args.pop(0)
        targets = TARGETS if first == "all" else (first,)
    files = expand(args)
    out = Path(outdir)
    from tools import build_html, build_pdf
    from tools.saxon import check_params

    builders = {"html": build_html, "pdf": build_pdf}
    given = _params(params)
    # a parameter must be known to one of the chosen targets; each target gets only its own
    known = {t: builders[t].known_params() for t in targets}
    check_params(given, sorted({n for names in known.values() for n in names}))
    own = {t: {k: v for k, v in given.items() if k in known[t]} for t in targets}
    if "html" in targets:
        click.echo(f"wrote {build_html.build_html(files, out, force=force, params=own['html'])}")
    if "pdf" in targets:
        for pdf in build_pdf.build_pdf(files, out, force=force, paper=paper, params=own["pdf"]):
            click.echo(f"wrote {pdf}")


def _params(pairs) -> dict[str, str]:
    out = {}
    for pair in pairs:
        if "=" not in pair:
            raise ToolError(f"--param {pair!r}: expected NAME=VALUE", EXIT_USAGE)
        name, value = pair.split("=", 1)
        out[name.strip()] = value
    return out


@cli.group()
def suggest():
    """Editorial assistants that propose corrections."""


@suggest.command("ocr")
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Only suggestions at least this confident [default: 0 for listing, 0.5 with --apply].")
@click.option("--apply", "apply_", is_flag=True, help="Write the suggestions into the TEI file as <choice> markup.")
def suggest_ocr_cmd(path, fmt, min_confidence, apply_):
    """List likely OCR and keying errors in a plain-text witness or a TEI file."""
    from tools import ocr

    if min_confidence is None:  # writing markup asks for more confidence than reading a list
        min_confidence = 0.5 if apply_ else 0.0
    items = ocr.suggest_ocr(path, min_confidence)
    click.echo(_table([it.as_dict() for it in items], ["line", "column", "confidence", "text", "suggestion", "reason"],
                      fmt))
    if apply_:
        from tools.minedit import apply_ocr

        _report_apply(apply_ocr(path, items), "corrections", path, fmt)


@cli.group()
def tag():
    """Editorial assistants that propose markup."""


@tag.command("dates")
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--apply", "apply_", is_flag=True, help="Write the proposed <date> markup into the TEI file.")
def tag_dates_cmd(path, fmt, apply_):
    """Recognize Kazakh date expressions and propose <date> markup with W3C values."""
    from tools import dates

    items = dates.tag_dates(path)
    click.echo(_table([it.as_dict() for it in items],
                      ["line", "column", "text", "when", "from", "to", "notBefore", "notAfter", "evidence", "cert"], fmt))
    if apply_:
        from tools.minedit import apply_dates

        _report_apply(apply_dates(path, items), "dates", path, fmt)


def _table(rows: list[dict], columns: list[str], fmt: str) -> str:
    """One JSON array, or an aligned table with the given columns (missing cells left blank)."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=1)
    table = [columns] + [[str(r.get(c, "")) for c in columns] for r in rows]
    widths = [max(len(row[i]) for row in table) for i in range(len(columns))]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row, widths)).rstrip() for row in table)


def _report_apply(n: int, what: str, path: str, fmt: str) -> None:
    if fmt != "json":  # the JSON on stdout stays one array
        click.echo(f"{n} {what} written to {path} (previous version: {path}.bak)" if n
                   else f"nothing written: no {what} to add", err=True)


def main(argv: list[str] | None = None) -> None:
    try:
        cli.main(args=argv, prog_name="tools", standalone_mode=False)
    except ToolError as err:
        lines = [p.format() for p in err.problems]
        lines += [line for line in str(err).splitlines() if line not in lines]  # e.g. "use --force"
        for line in lines:
            click.echo(line, err=True)
        sys.exit(err.exit_code)
    except click.exceptions.Abort:
        click.echo("aborted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(EXIT_USAGE)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(130)
    except Exception as exc:  # a bug of ours: still one line, never a traceback, and its own exit code
        click.echo(f"internal error: {type(exc).__name__}: {exc} (please report it)", err=True)
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":
    main()
