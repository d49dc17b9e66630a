"""The HTML build is linear in the size of the document: a generated document (bench/bench_html.py's: prose,
names, dates, notes, corrections, verse, drama, a three-witness apparatus) and the same doubled, transformed
in this process; the doubled one may take at most 2.4 times the CPU time. The fault this guards against is a
search of the whole document (or a count of preceding nodes) per node; bench/bench_html.py --scaling measures
the same at 2 and 4 MB, side by side with the TEI Stylesheets."""
from __future__ import annotations

import sys
import time

import pytest
from pathlib import Path

from tools.targets.html import STYLESHEET
from tools.core.saxon import load_source, transform_to_string

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))
from bench_html import generate  # noqa: E402


def _cpu(src: Path, node, out: Path) -> float:
    t = time.process_time()
    transform_to_string(STYLESHEET, src, {"languages": "en"}, base_output=out, node=node)
    return time.process_time() - t


@pytest.mark.slow
def test_a_doubled_document_takes_at_most_2_4_times_as_long(tmp_path):
    units = 250
    single, doubled = tmp_path / "single.xml", tmp_path / "doubled.xml"
    single.write_text(generate(units), encoding="utf-8")
    doubled.write_text(generate(2 * units), encoding="utf-8")
    nodes = {p: load_source(p) for p in (single, doubled)}
    _cpu(single, nodes[single], tmp_path / "warm")  # compile the stylesheet, warm the processor
    a, b = [], []
    for _ in range(3):  # alternating, best of three: a busy machine slows both alike
        a.append(_cpu(single, nodes[single], tmp_path / "a"))
        b.append(_cpu(doubled, nodes[doubled], tmp_path / "b"))
    assert min(b) / min(a) <= 2.4, f"{min(a):.2f} s, doubled {min(b):.2f} s: ratio {min(b) / min(a):.2f}"
