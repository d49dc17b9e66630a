"""The Kazakh pack's commands: `tools suggest ocr` and `tools tag dates` (a thin layer, as tools.cli)."""
from __future__ import annotations

import click

from tools.cliformat import report_apply, table


def register(cli: click.Group) -> None:
    cli.commands["suggest"].add_command(suggest_ocr_cmd)
    cli.commands["tag"].add_command(tag_dates_cmd)


@click.command("ocr")
@click.argument("path", type=click.Path())
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True)
@click.option("--min-confidence", type=click.FloatRange(0, 1), default=None,
              help="Only suggestions at least this confident [default: 0 for listing, 0.5 with --apply].")
@click.option("--apply", "apply_", is_flag=True, help="Write the suggestions into the TEI file as <choice> markup.")
def suggest_ocr_cmd(path, fmt, min_confidence, apply_):
    """List likely OCR and keying errors in a Kazakh plain-text witness or TEI file."""
    from tools.lang.kk import ocr

    if min_confidence is None:  # writing markup asks for more confidence than reading a list
        min_confidence = 0.5 if apply_ else 0.0
    items = ocr.suggest_ocr(path, min_confidence)
    click.echo(table([it.as_dict() for it in items], ["line", "column", "confidence", "text", "suggestion", "reason"],
                     fmt))
    if apply_:
        from tools.assist.minedit import apply_ocr

        report_apply(apply_ocr(path, items), "corrections", path, fmt)


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
