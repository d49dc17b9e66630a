"""The `tools` command line: a thin click layer over the library.

Each command parses its options, calls one library function and prints the result. Library errors are
`ToolError`s; `main` turns them into one-line messages and exit codes (0 ok, 1 invalid, 2 usage or
environment, 3 internal), and turns any unexpected exception into a one-line message too: a scholar never
sees a traceback. Commands find their edition's project file (edition.toml) as git finds its repository, or
take `tools --project DIR`. Language packs (tools.core.packs) add their own commands to `suggest` and `tag`.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from tools import __version__
from tools.core.errors import EXIT_INTERNAL, EXIT_INVALID, EXIT_USAGE, ToolError

FORMAT = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
                      help="Output for people (text) or for programs (json).")


def _project(ctx: click.Context):
    """The project of this run: --project DIR, else the nearest edition.toml (loaded once per run)."""
    from tools.core.project import find_project, load_project

    obj = ctx.find_root().ensure_object(dict)
    if "project" not in obj:
        where = obj.get("project_dir")
        obj["project"] = load_project(Path(where)) if where else find_project()
    return obj["project"]


class _ToolsGroup(click.Group):
    """The root group: the one place that turns library errors into messages and exit codes, so that the
    console script and in-process callers (click's CliRunner in the tests) behave alike."""

    def invoke(self, ctx: click.Context):
        try:
            return super().invoke(ctx)
        except ToolError as err:
            report_error(err)
            ctx.exit(err.exit_code)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort, KeyboardInterrupt):
            raise
        except Exception as exc:  # a bug of ours: still one line, never a traceback, and its own exit code
            code = report_unexpected(exc)
            ctx.exit(code)


def report_unexpected(exc: BaseException) -> int:
    """One line for an exception no library function turned into a ToolError; its exit code. An OSError of the
    machine or of the user's folders (a full disk, a read-only folder) that slipped through is exit 2 with its
    path and cause; anything else is a bug of ours (exit 3)."""
    from tools.core.outputs import ENVIRONMENT_ERRNOS, environment_error

    if isinstance(exc, OSError) and exc.errno in ENVIRONMENT_ERRNOS:
        err = environment_error(exc)
        report_error(err)
        return err.exit_code
    if isinstance(exc, MemoryError):
        click.echo("error: out of memory: the input is too large for this machine", err=True)
        return EXIT_USAGE
    click.echo(f"internal error: {type(exc).__name__}: {exc} (please report it)", err=True)
    return EXIT_INTERNAL


def report_error(err: ToolError) -> None:
    lines = [p.format() for p in err.problems]
    lines += [line for line in str(err).splitlines() if line not in lines]  # e.g. "use --force"
    for line in lines:
        click.echo(line, err=True)


@click.group(cls=_ToolsGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="tools")
@click.option("--project", "project_dir", type=click.Path(), metavar="DIR",
              help="The edition's folder (its edition.toml); default: found from the current folder upwards.")
@click.pass_context
def cli(ctx, project_dir):
    """Tools for TEI editions: validate, check, build, new editions, and editorial assistants."""
    ctx.ensure_object(dict)["project_dir"] = project_dir
    _load_packs()  # before click resolves `suggest …`/`tag …`, whose commands the packs add


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--schema", metavar="tei_all|FILE", help="Judge every file by this schema instead: tei_all, or a "
              "RELAX NG (.rng, .rnc) or Schematron (.sch, with tei_all) file.")
@click.option("--jobs", "-j", type=click.IntRange(min=1), metavar="N",
              help="Worker processes (default: one per core).")
@click.option("--no-cache", is_flag=True, help="Judge every file afresh (verdicts are otherwise cached, keyed by "
              "the file's and the schemas' contents).")
@FORMAT
@click.pass_context
def validate(ctx, paths, schema, jobs, no_cache, fmt):
    """Validate TEI files: well-formedness, RELAX NG, Schematron.

    Each file is judged by the schema it declares in <?xml-model?> when it can be had here (RELAX NG in
    XML or compact syntax, Schematron), else by the project's schema for the project's documents, else by
    tei_all; a line says which. PATHS are files or directories (every *.xml in them); default: the
    project's documents. Exit 0 when every file is valid (warnings allowed), 1 when any is invalid, 2 for
    usage problems, 3 when a file could not be judged (a limit of the validator).
    """
    from tools.core.validate import validate_paths

    report = validate_paths(paths, project=_project(ctx), schema=schema, jobs=jobs, use_cache=not no_cache)
    if fmt == "json":
        bad = report.invalid_files()
        click.echo(json.dumps({
            "valid": report.ok,
            "files": [{"path": f, "schema": report.schemas.get(f), "valid": f not in bad} for f in report.files],
            "problems": [p.as_dict() for p in report.problems]}, ensure_ascii=False, indent=1))
    else:
        for f in report.files:
            if f in report.schemas:
                click.echo(f"{f}: judged by {report.schemas[f]}")
        for p in report.problems:
            click.echo(p.format())
        errors = sum(p.severity == "error" for p in report.problems)
        warnings = len(report.problems) - errors
        bad = len(report.invalid_files())
        click.echo(f"{len(report.files)} file(s) checked: {len(report.files) - bad} valid, {bad} invalid; "
                   f"{errors} error(s), {warnings} warning(s)", err=True)
    if report.usage_error:
        sys.exit(EXIT_USAGE)
    if report.internal_error:
        sys.exit(EXIT_INTERNAL)
    sys.exit(0 if report.ok else EXIT_INVALID)


@cli.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--witness", type=click.Path(), help="The plain-text witness of the one PATH (default: the one "
                                                    "edition.toml names for it).")
@FORMAT
@click.pass_context
def check(ctx, paths, witness, fmt):
    """Witness fidelity and markup statistics of the edition.

    Rebuilds the witness reading from the TEI (sic, orig, abbr; no corrections, additions or notes) and
    compares it word for word with the witness file; counts interventions, names and dates.
    Exit 1 if any word differs (a file without a witness is counted, not compared).
    """
    from tools.core.check import check_paths

    results = check_paths(paths, project=_project(ctx), witness=Path(witness) if witness else None)
    if fmt == "json":
        click.echo(json.dumps([r.as_dict() for r in results], ensure_ascii=False, indent=1))
    else:
        for r in results:
            click.echo(r.format())
    sys.exit(EXIT_INVALID if any(r.differences for r in results) else 0)


TARGETS = ("html", "pdf")


@cli.command(context_settings={"ignore_unknown_options": False})
@click.argument("target_and_paths", nargs=-1, type=click.Path(), metavar="[html|pdf|all] [PATH]...")
@click.option("-o", "--outdir", type=click.Path(), default=None,
              help="Output folder [default: the project's, else build].")
@click.option("--force", is_flag=True, help="Build even if the TEI does not validate.")
@click.option("--param", "params", multiple=True, metavar="NAME=VALUE", help="Stylesheet parameter (repeatable).")
@click.option("--paper", type=click.Choice(["A4", "A5", "B5"]), default=None,
              help="Paper size of the PDF (a geometry of the print template) [default: the project's, else A4].")
@click.option("--book/--no-book", default=None,
              help="Print the documents as one book, OUTDIR/pdf/<project name>.pdf, each a chapter, with "
                   "indexes across them [default: the project's [pdf] book, else one PDF per document].")
@click.pass_context
def build(ctx, target_and_paths, outdir, force, params, paper, book):
    """Build the reading editions from the TEI: the HTML site (OUTDIR/html/, entry index.html) and the
    print edition (OUTDIR/pdf/<edition>.pdf; with --book, the documents as one book).

    The first argument may name one target (html or pdf; default: all). PATHs are TEI files or folders;
    default: the project's documents. The input is validated first and an invalid edition is refused
    (with the validation messages) unless --force; a failed build leaves the previous output as it was.
    """
    from importlib import import_module

    from tools.core.outputs import check_output
    from tools.core.params import check_params
    from tools.core.project import expand

    project = _project(ctx)
    args = list(target_and_paths)
    targets = TARGETS
    if args and args[0] in (*TARGETS, "all"):
        first = args.pop(0)
        targets = TARGETS if first == "all" else (first,)
    out = Path(outdir) if outdir else None
    # only the chosen targets' builders are imported (the HTML builder's modules cost `build pdf` 50 ms)
    builders = {t: import_module(f"tools.targets.{t}") for t in targets}
    build_html, build_pdf = builders.get("html"), builders.get("pdf")
    given = _params(params)
    # a parameter must be known to one of the chosen targets, with a value of its type; each target gets only
    # its own
    known = {t: builders[t].known_params() for t in targets}
    check_params(given, {n: spec for t in targets for n, spec in known[t].items()})
    own = {t: {k: v for k, v in given.items() if k in known[t]} for t in targets}
    # every target's output folder is checked before any is written: `build` refuses, nothing touched
    files = expand(args, project)
    for t in targets:
        check_output((out if out is not None else project.output_dir()) / t, files, project)
    as_book = book if book is not None else project.pdf.get("book", False)
    if "html" in targets:
        warnings: list[str] = []
        # the pages link to each document's PDF, which a book of the corpus does not make
        entry = build_html.build_html(args, out, force=force, params=own['html'], warnings=warnings, project=project,
                                      with_pdf="pdf" in targets and not as_book)
        for line in warnings:
            click.echo(line, err=True)
        click.echo(f"wrote {entry}")
    if "pdf" in targets:
        warnings = []
        make = build_pdf.build_book if as_book else build_pdf.build_pdf
        written = make(args, out, force=force, paper=paper, params=own["pdf"], warnings=warnings, project=project)
        if "html" not in targets:  # the same documents: the HTML build has told them already
            for line in warnings:
                click.echo(line, err=True)
        for pdf in written:
            click.echo(f"wrote {pdf}")


@cli.command()
@click.argument("path", required=False, type=click.Path())
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="The port on 127.0.0.1 (0: any free port).")
@click.pass_context
def serve(ctx, path, port):
    """Serve the HTML edition on 127.0.0.1 while you edit: every save rebuilds what changed and reloads the
    open page; while a file is invalid, the page shows its problems (file:line:col and message).

    PATH is the edition's folder (default: the current one, or --project DIR) or a TEI file or folder.
    Ctrl-C stops it.
    """
    from tools.targets.serve import serve as run

    project = _project(ctx) if path is None else None
    sys.exit(run(Path(path) if path else None, port=port, project=project, log=lambda line: click.echo(line, err=True)))


def _params(pairs) -> dict[str, str]:
    out = {}
    for pair in pairs:
        if "=" not in pair:
            raise ToolError(f"--param {pair!r}: expected NAME=VALUE", EXIT_USAGE)
        name, value = pair.split("=", 1)
        out[name.strip()] = value
    return out


@cli.command()
@click.argument("folder", type=click.Path())
@click.option("--title", default=None, help="Title of the edition [default: from the folder's name].")
@click.option("--language", default="en", show_default=True,
              help="Language of the texts (xml:lang of <text>), e.g. kk, ru, ar.")
@click.option("--interface", default=None, metavar="LANGS",
              help="Interface languages, comma-separated, the first the default [default: en].")
def new(folder, title, language, interface):
    """Make a new edition in FOLDER: a project file, a sample TEI document with a real header, a schema
    customization (and the RELAX NG made from it), a Schematron, and a short guide for the editor.

    It validates and builds out of the box: `cd FOLDER && tools validate && tools build`.
    """
    from tools.core.scaffold import new_edition

    languages = [x.strip() for x in interface.split(",") if x.strip()] if interface else None
    made = new_edition(Path(folder), title=title, language=language, languages=languages)
    click.echo(f"made a new edition in {made}: see {made / 'GUIDE.md'}")


@cli.command()
@click.option("--check", "check_only", is_flag=True, help="Only check that the RELAX NG is in step (exit 1 if not).")
@click.pass_context
def schema(ctx, check_only):
    """Regenerate the project's RELAX NG from its customization ([schema] customization of edition.toml):
    tei_all narrowed to the elements and attribute values the edition allows."""
    from tools.core.schemagen import regenerate

    click.echo(regenerate(_project(ctx), check_only=check_only))


@cli.command()
@click.argument("witnesses", nargs=-1, required=True, type=click.Path())
@click.option("-o", "--output", "output", type=click.Path(), required=True, metavar="OUT.xml",
              help="The TEI document to write (parallel segmentation).")
@click.option("--base", default=None, metavar="SIGLUM", help="The witness whose readings are the lemmata "
                                                            "[default: the first].")
@click.option("--language", default=None, metavar="LANG",
              help="Language of the text, for the language pack's normalisation (e.g. kk) "
                   "[default: xml:lang of a TEI witness's <text>].")
@click.option("--title", default=None, help="Title of the collation [default: 'Collation of A, B, …'].")
def collate(witnesses, output, base, language, title):
    """Collate plain-text or TEI witnesses with CollateX into a TEI document in parallel segmentation.

    Sigla come from the file names (A.txt -> A). Tokens are aligned on a normalised form (case, lookalike
    Latin letters, the language pack's rules); every reading keeps its witness's characters, so each
    witness's text can be read back exactly. The output is valid against tei_all and builds with
    `tools build html OUT.xml`.
    """
    from tools.assist.collate import collate_files
    from tools.core.outputs import atomic_write_bytes

    paths = [Path(w) for w in witnesses]
    out = Path(output)
    if any(out.resolve() == p.resolve() for p in paths if p.exists()):
        raise ToolError(f"{out}: error: the output would overwrite a witness; choose another -o", EXIT_USAGE)
    doc = collate_files(paths, language=language, base=base, title=title)
    atomic_write_bytes(out, doc.xml.encode("utf-8"))
    click.echo(f"wrote {out}: {len(doc.sigla)} witnesses ({', '.join(doc.sigla)}), {doc.apps} apparatus entries")


@cli.group()
def suggest():
    """Editorial assistants that propose corrections (from the installed language packs)."""


@cli.group()
def tag():
    """Editorial assistants that propose markup (from the installed language packs)."""


def _load_packs() -> None:
    from tools.core.packs import packs

    for pack in packs():
        pack.commands(cli)  # idempotent: a command added twice is the same command


def main(argv: list[str] | None = None) -> None:
    try:
        code = cli.main(args=argv, prog_name="tools", standalone_mode=False)
    except ToolError as err:  # raised before a command runs (e.g. loading a language pack)
        report_error(err)
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
        sys.exit(report_unexpected(exc))
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
