"""Incremental measuring of WeasyPrint's footnote area: the same page breaks with less work.

WHY: while WeasyPrint fills a page, it adds the page's footnotes one by one, and after each one it lays out
the *whole* footnote area again (deep copy, anonymous boxes, line breaking of every note so far) only to learn
its new height (`LayoutContext._update_footnote_area`). The print edition's apparatus is about seven short
notes per page, run on (`footnote-display: inline`), so every note is laid out four to five times.

HOW: the notes of a footnote area are run-on inline boxes broken into lines greedily. Appending a note at the
end can only change the last line (every earlier line ended because its next word did not fit), so the new
height is: the lines before the old last line, plus the lines WeasyPrint's own line breaker
(`iter_line_boxes`) makes when it resumes at the start of that last line with the new note appended. For each
sequence of notes of an area we keep where each of its lines starts (WeasyPrint's skip stack) and where it
stands. Any other change (a note taken back, or moved on to the next page) is measured from the first line;
any other kind of area (block notes, floats beside the area, not one run of lines) the stock way. The area
that is drawn is still laid out by WeasyPrint when the page is finished: only the measuring is shared.

The saving is what the note layout costs, not more: a line holds three or four notes, which are laid out
again with each new one (build time of the A4 edition: about -0.4 s of 5.5 s; see bench/bench_pdf.py).
`tests/test_footnote_area.py` checks in `verify` mode that every measurement equals WeasyPrint's own over the
edition in each paper size, and that the pages come out the same. The hook uses WeasyPrint internals
(pinned to one release series in pyproject.toml); where they are missing it leaves WeasyPrint as it is.
"""
from __future__ import annotations

import logging
from contextlib import contextmanager
from math import inf

_LOG = logging.getLogger(__name__)


class _Lines:
    """The lines of one footnote area holding a given sequence of notes."""

    __slots__ = ("starts", "tops", "bottom")

    def __init__(self, starts, tops, bottom):
        self.starts = starts  # per line: (index of the note it starts in, skip stack inside that note)
        self.tops = tops      # per line: its top (position_y)
        self.bottom = bottom  # bottom of the last line


class IncrementalFootnotes:
    """Measures footnote areas for one render; `hook` replaces `LayoutContext._update_footnote_area`.

    With `verify`, the stock method still does the work and every measurement is compared with it
    (`mismatches` counts the differences): the test of this module.
    """

    def __init__(self, stock_update, verify: bool = False):
        self._stock = stock_update
        self._verify = verify
        self._areas = {}  # footnote area box -> {"geometry": …, tuple of notes: _Lines}
        self.fallbacks = self.incremental = self.calls = self.mismatches = 0

    def hook(self):
        measurer = self

        def _update_footnote_area(context):
            return measurer.update(context)

        return _update_footnote_area

    # -- the replacement of LayoutContext._update_footnote_area --------------------------------------
    def update(self, context):
        area = context.current_footnote_area
        notes = tuple(context.current_page_footnotes)
        if not notes:
            return self._stock(context)
        self.calls += 1
        try:
            height = self._measure(context, area, notes)
        except _Unsupported:
            self.fallbacks += 1
            return self._stock(context)
        used, overflow = _used_height(area, height)
        if self._verify:
            stock_overflow = self._stock(context)
            if abs(area.height - used) > 1e-6 or stock_overflow != overflow:
                self.mismatches += 1
                _LOG.warning("footnote area: measured %s/%s, stock %s/%s", used, overflow,
                             area.height, stock_overflow)
            return stock_overflow
        # what the stock method does with its laid-out area, with the measured height
        if area.height != "auto" and not context.in_column:
            context.page_bottom += area.margin_height()
        area.children = context.current_page_footnotes
        area.height = used
        if not context.in_column:
            context.page_bottom -= area.margin_height()
        return overflow

    # -- measuring ----------------------------------------------------------------------------------
    def _measure(self, context, area, notes):
        """Height of the content of `area` holding `notes` (the run of lines, before min/max-height)."""
        if context.excluded_shapes:
            raise _Unsupported  # a float beside the footnote area: leave it to WeasyPrint
        if any(note.style["footnote_display"] != "inline" for note in notes):
            raise _Unsupported
        known = self._areas.setdefault(area, {})
        geometry = known.get("geometry")
        if geometry is None:
            geometry = known["geometry"] = _geometry(context, area)
        previous = known.get(notes[:-1]) if len(notes) > 1 else None
        if previous is None or not previous.starts:
            lines = _lay_out(context, area, notes, geometry, (0, None), geometry[1], [], [])
        else:  # keep every line but the last; resume where the last one started
            lines = _lay_out(context, area, notes, geometry, previous.starts[-1], previous.tops[-1],
                             previous.starts[:-1], previous.tops[:-1])
            self.incremental += 1
        known[notes] = lines
        return lines.bottom - geometry[1] if lines.tops else 0


def _used_height(area, content_height):
    """(used height, overflow) of a block area whose content is `content_height` high."""
    used = max(content_height, area.min_height if area.min_height != "auto" else 0)
    if area.max_height != "auto":
        used = min(used, area.max_height)
    return used, content_height > used + 1e-9


def _geometry(context, area):
    """(the area laid out empty the stock way — the containing block of its lines, top of its content)."""
    from weasyprint.formatting_structure import build
    from weasyprint.layout.block import block_level_layout

    empty = build.create_anonymous_boxes(area.copy_with_children([]).deepcopy())
    laid = block_level_layout(context, empty, -inf, None, area.page)[0]
    return laid, laid.content_box_y()


def _lay_out(context, area, notes, geometry, start, top, starts, tops):
    """The lines of `notes` from `start` = (note index, skip stack inside it) down from `top`, after the
    kept lines `starts`/`tops`."""
    from weasyprint.formatting_structure import boxes, build
    from weasyprint.layout.inline import iter_line_boxes

    first, inner = start
    part = build.create_anonymous_boxes(area.copy_with_children(list(notes[first:])).deepcopy())
    if len(part.children) != 1 or not isinstance(part.children[0], boxes.LineBox):
        raise _Unsupported
    containing_block, _ = geometry
    starts, tops = list(starts), list(tops)
    bottom = top
    skip = None if (first, inner) == (0, None) else {0: inner}
    for line, resume_at in iter_line_boxes(context, part.children[0], top, -inf, skip, containing_block,
                                           [], [], None, None):
        starts.append(start)
        tops.append(line.position_y)
        bottom = line.position_y + line.height
        if resume_at is not None:
            (index, inner), = resume_at.items()
            start = (first + index, inner)
    return _Lines(starts, tops, bottom)


class _Unsupported(Exception):
    """An area this measuring does not handle; the stock method measures it."""


@contextmanager
def incremental_footnote_areas(verify: bool = False):
    """Measure footnote areas incrementally while WeasyPrint lays out documents inside this block."""
    try:
        from weasyprint.layout import LayoutContext

        stock = LayoutContext._update_footnote_area
    except (ImportError, AttributeError) as exc:  # another WeasyPrint: the stock behaviour
        _LOG.warning("footnote areas measured the stock way: %s", exc)
        yield None
        return
    measurer = IncrementalFootnotes(stock, verify=verify)
    LayoutContext._update_footnote_area = measurer.hook()
    try:
        yield measurer
    finally:
        LayoutContext._update_footnote_area = stock
