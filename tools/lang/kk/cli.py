"""The Kazakh pack's commands: `tools suggest ocr`, `tools tag dates`, `tools tag names` (a thin layer, as
tools.cli)."""
from __future__ import annotations

import click

from tools.cliformat import report_apply, table


def register(cli: click.Group) -> None:
    cli.commands["suggest"].add_command(suggest_ocr_cmd)
    cli.commands["tag"].add_command(tag_dates_cmd)
    cli.commands["tag"].add_command(tag_names_cmd)


@click.command("ocr")
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Only suggestions at least this confident [default: 0 for listing, 0.5 with --apply].")
@click.option("--apply", "apply_", is_flag=True, help="Write the suggestions into the TEI file as <choice> markup.")
@click.option("--lexicon", "lexicons", multiple=True, type=click.Path(), metavar="TEI",
              help="A proofread TEI edition whose words (and corrections) the finder learns (repeatable) "
                   "[default: the project's documents].")
@click.option("--no-lexicon", is_flag=True, help="Learn from no edition: hunspell-kk, aspell-kk and the rules only.")
@click.option("--resp", default="#tools", show_default=True, help="@resp of the <corr> that --apply writes.")
@click.pass_context
def suggest_ocr_cmd(ctx, path, fmt, min_confidence, apply_, lexicons, no_lexicon, resp):
    """List likely OCR and keying errors in a Kazakh plain-text witness or TEI file (in a TEI file, the text
    outside corrections and notes). With --apply, write them into the TEI file as
    <choice><sic>…</sic><corr resp cert>…</corr></choice>, changing no other byte."""
    from pathlib import Path

    from tools.lang.kk import ocr

    if min_confidence is None:  # writing markup asks for more confidence than reading a list
        min_confidence = 0.5 if apply_ else 0.0
    knowledge = None if no_lexicon else _knowledge(ctx, [Path(x) for x in lexicons])
    items = ocr.suggest_ocr(path, min_confidence, knowledge=knowledge)
    click.echo(table([it.as_dict() for it in items], ["line", "column", "confidence", "text", "suggestion", "reason"],
                     fmt))
    if apply_:
        from tools.assist.minedit import apply_ocr

        report_apply(apply_ocr(path, items, resp=resp), "corrections", path, fmt)


def _knowledge(ctx, lexicons):
    """What the given proofread editions teach, else the project's documents; None when there are none."""
    from tools.core.errors import ToolError
    from tools.lang.kk import ocr

    if not lexicons:
        try:
            from tools.cli import _project

            lexicons = _project(ctx).document_files()
        except ToolError:
            lexicons = []
    if not lexicons:
        return None
    words, fixes, texts = set(), {}, []
    for p in lexicons:
        k = ocr.learn_from_edition(p)
        words |= k.words
        fixes.update(k.corrections)
        texts.extend(k.texts)
    return ocr.EditionKnowledge(frozenset(words), fixes, tuple(texts))


@click.command("dates")
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--apply", "apply_", is_flag=True, help="Write the proposed <date> markup into the TEI file.")
def tag_dates_cmd(path, fmt, apply_):
    """Recognize Kazakh date expressions and propose <date> markup with W3C values."""
    from tools.lang.kk import dates

    items = dates.tag_dates(path)
    click.echo(table([it.as_dict() for it in items],
                     ["line", "column", "text", "when", "from", "to", "notBefore", "notAfter", "evidence", "cert"], fmt))
    if apply_:
        from tools.assist.minedit import apply_dates

        report_apply(apply_dates(path, items), "dates", path, fmt)


@click.command("names")
@click.argument("path", type=click.Path())
@click.option("--registers", type=click.Path(), default=None, metavar="TEI",
              help="TEI file whose listPerson/listPlace/listOrg are the registers [default: PATH itself if it has "
                   "them, else the project's documents that have them].")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Only mentions at least this confident [default: 0 for listing, 0.5 with --apply].")
@click.option("--no-candidates", is_flag=True, help="Leave out capitalised names that are in no register.")
@click.option("--apply", "apply_", is_flag=True,
              help="Wrap the mentions in persName/placeName/orgName with @ref in the TEI file.")
@click.pass_context
def tag_names_cmd(ctx, path, registers, fmt, min_confidence, no_candidates, apply_):
    """Find mentions of the registers' persons, places and organisations in Kazakh text, in their inflected
    forms, with the entry's id, its kind and a confidence; capitalised names in no register are listed as
    candidates for new entries (kind "candidate", no ref)."""
    from pathlib import Path

    from tools.lang.kk import names

    regs = names.load_registers(Path(registers)) if registers else _default_registers(ctx, Path(path))
    if min_confidence is None:
        min_confidence = 0.5 if apply_ else 0.0
    items = [it for it in names.tag_names(path, regs, candidates=not no_candidates)
             if it.ref is None or it.confidence >= min_confidence]
    rows = [it.as_dict() for it in items]
    if fmt != "json":
        rows = [{**r, "ref": r["ref"] or "–"} for r in rows]  # a candidate has no entry yet
    click.echo(table(rows, ["line", "column", "kind", "ref", "confidence", "text", "reason"], fmt))
    if apply_:
        from tools.assist.minedit import apply_names

        report_apply(apply_names(path, [it for it in items if it.ref], names.ELEMENTS), "names", path, fmt)


def _default_registers(ctx, path):
    """The registers of PATH itself, else of the first project document that has some."""
    from pathlib import Path

    from tools.core.errors import EXIT_USAGE, ToolError
    from tools.lang.kk import names

    if path.exists() and path.suffix.lower() == ".xml" and names.has_registers(path):
        return names.load_registers(path)
    try:
        from tools.cli import _project

        project = _project(ctx)
        docs = project.document_files() if project else []
    except ToolError:
        docs = []
    for doc in docs:
        if Path(doc).exists() and names.has_registers(Path(doc)):
            return names.load_registers(Path(doc))
    raise ToolError(f"{path}: error: no registers found: give --registers TEI (a file with listPerson, listPlace "
                    "or listOrg)", EXIT_USAGE)
