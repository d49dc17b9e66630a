"""tools/footnote_area.py: the incremental measuring of footnote areas gives WeasyPrint's own heights.

In `verify` mode WeasyPrint still measures every footnote area itself and the hook compares its own
measurement with it at every call; a single difference would move a page break. The edition's apparatus is
the real case; a synthetic document adds what it lacks (notes longer than a line, notes moved on to the next
page, a full footnote area).
"""
from __future__ import annotations

import gc
from pathlib import Path

import pytest

from tools.targets.pdf import BASE_CSS, PRINT_DIR, STYLESHEET, paper_css, paper_sizes
from tools.targets.footnote_area import incremental_footnote_areas
from tools.core.saxon import transform_to_string

pytestmark = pytest.mark.slow  # the full suite only (./setup.sh test); see pyproject.toml

ROOT = Path(__file__).resolve().parent.parent
EDITION = ROOT / "tei" / "kazakhstan-1920-1932.xml"


@pytest.fixture(scope="module")
def text_part() -> str:
    return transform_to_string(STYLESHEET, EDITION, {"part": "text"})


def _render(html: str, css: list, **hook):
    from weasyprint import CSS, HTML

    sheets = [CSS(filename=str(p)) for p in css]
    gc.disable()
    try:
        if hook:
            with incremental_footnote_areas(**hook) as measurer:
                document = HTML(string=html, base_url=str(PRINT_DIR) + "/").render(stylesheets=sheets)
            return document, measurer
        return HTML(string=html, base_url=str(PRINT_DIR) + "/").render(stylesheets=sheets), None
    finally:
        gc.enable()


def _page_texts(document) -> list[list[str]]:
    """Per page, the text of every laid-out text box, in order (body, footnote area, margins)."""
    from weasyprint.formatting_structure.boxes import TextBox

    return [[box.text for box in page._page_box.descendants() if isinstance(box, TextBox)]
            for page in document.pages]


@pytest.mark.parametrize("paper", paper_sizes())
def test_every_measurement_equals_weasyprints_own(text_part, paper):
    _, measurer = _render(text_part, [BASE_CSS, paper_css(paper)], verify=True)
    assert measurer.calls > 100                 # the apparatus was measured …
    assert measurer.incremental > measurer.calls / 2   # … mostly incrementally …
    assert measurer.fallbacks == 0
    assert measurer.mismatches == 0             # … and always to the stock height


def test_pages_are_the_same_with_and_without_the_hook(text_part):
    css = [BASE_CSS, paper_css("A4")]
    stock, _ = _render(text_part, css)
    fast, measurer = _render(text_part, css, verify=False)
    assert measurer.incremental > 0
    assert len(fast.pages) == len(stock.pages)
    assert _page_texts(fast) == _page_texts(stock)


SYNTHETIC = """<html><head><style>
@page { size: 105mm 148mm; margin: 12mm; @footnote { border-top: 0.5pt solid; max-height: 40%; } }
body { font: 10pt/13pt "Noto Serif"; text-align: justify; }
.fn { float: footnote; footnote-display: inline; font-size: 8pt; line-height: 10pt; margin-right: 1em; }
.fn::footnote-call { content: counter(footnote); vertical-align: super; font-size: 6pt; }
</style></head><body>{body}</body></html>"""


def _synthetic() -> str:
    words = "бір екі үш төрт бес алты жеті сегіз тоғыз он".split()
    paragraphs = []
    for p in range(40):
        parts = []
        for w in range(60):
            parts.append(words[(p * 7 + w) % 10])
            if (w + p) % 9 == 0:
                size = 1 + (w * p) % 25            # from one word to several lines
                note = " ".join(words[(w + k) % 10] for k in range(size))
                parts.append(f'<span class="fn"><b>{p}.{w}</b> {note} <i>W</i></span>')
        paragraphs.append("<p>" + " ".join(parts) + "</p>")
    return SYNTHETIC.replace("{body}", "\n".join(paragraphs))


def test_long_and_moved_notes_are_measured_exactly(tmp_path):
    css = tmp_path / "empty.css"
    css.write_text("")
    _, measurer = _render(_synthetic(), [css], verify=True)
    assert measurer.incremental > 50
    assert measurer.mismatches == 0


def test_the_hook_is_removed_afterwards(text_part):
    from weasyprint.layout import LayoutContext

    stock = LayoutContext._update_footnote_area
    with incremental_footnote_areas():
        assert LayoutContext._update_footnote_area is not stock
    assert LayoutContext._update_footnote_area is stock
