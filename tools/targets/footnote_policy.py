"""Keep every page-foot note on the page of its call: WeasyPrint honouring `footnote-policy: line` fully.

WHY: the critical apparatus must stand at the foot of the page that holds its mark. CSS GCPM's
`footnote-policy: line` says how: when a note does not fit, the line holding its call goes to the next page
with it. WeasyPrint 70 does that for the note being added, but it has a second path: when a *line* does not
fit and breaking before it would leave an orphan or a widow, it first moves the page's last notes — whose
calls stay on this page — to the next page to make room (`_linebox_layout`: "first try to report footnotes").
In the A4 edition that put notes 16, 118 and 119 one page after their marks.

HOW: that path is taken only when the page holds no note with `footnote-policy: line`; otherwise the line is
broken the ordinary way (`_break_line`: the paragraph's last lines, or all of it, go to the next page, and
their notes with them). The change is one condition in WeasyPrint's own `_linebox_layout`, made at run time
from the installed source so that the rest of the function stays WeasyPrint's; if that source is not the
one expected (another WeasyPrint release), nothing is patched and a warning says so.
tests/test_pdf.py checks that every entry stands on the page of its mark, in each paper size.
"""
from __future__ import annotations

import inspect
import logging
import textwrap
from contextlib import contextmanager
from functools import cache

_LOG = logging.getLogger(__name__)

STOCK = "report = not context.in_column and can_break_now and not could_break_before"
PATCHED = ("report = (not context.in_column and can_break_now and not could_break_before and not any("
           "note.style['footnote_policy'] == 'line' for note in context.current_page_footnotes))")


@cache  # made once per process, however many builds and tests enter the block
def _patched_linebox_layout():
    """WeasyPrint's `_linebox_layout` with the one condition changed, or None if its source is not as expected."""
    try:
        from weasyprint.layout import block

        source = textwrap.dedent(inspect.getsource(block._linebox_layout))
    except (ImportError, AttributeError, OSError, TypeError) as exc:
        _LOG.warning("footnote policy left to WeasyPrint: %s", exc)
        return None, None
    if source.count(STOCK) != 1:
        _LOG.warning("footnote policy left to WeasyPrint: its _linebox_layout is not the expected one")
        return None, None
    namespace = dict(vars(block))  # the function keeps resolving WeasyPrint's own helpers
    exec(compile(source.replace(STOCK, PATCHED), block.__file__, "exec"), namespace)
    return block, namespace["_linebox_layout"]


@contextmanager
def notes_stay_with_their_calls():
    """While inside, WeasyPrint never moves a `footnote-policy: line` note away from its call's page."""
    block, patched = _patched_linebox_layout()
    if patched is None:
        yield False
        return
    stock = block._linebox_layout
    block._linebox_layout = patched
    try:
        yield True
    finally:
        block._linebox_layout = stock
