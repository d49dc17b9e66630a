"""--force with malformed and duplicate xml:ids: renamed in memory, one warning each, the site built."""
from __future__ import annotations

from lxml import html as lhtml

from tools.core.repair import is_ncname, repair_ids

DOC = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0">
  <teiHeader><fileDesc><titleStmt><title>Ids</title></titleStmt><publicationStmt><p>test</p></publicationStmt>
    <sourceDesc><p>written for the test</p></sourceDesc></fileDesc></teiHeader>
  <text><body>
    <p xml:id="xi:include_1.d2e187">First <ref target="#xi:include_1.d2e187">self</ref>.</p>
    <p xml:id="p2">Second.</p>
    <!-- <p xml:id="p2">a comment is not an element</p> -->
    <p xml:id="p2">Third, a duplicate.</p>
    <p xml:id='12'>Fourth, a number.</p>
  </body></text>
</TEI>
"""


def test_bad_ids_are_renamed_with_one_located_warning_each():
    data, warnings = repair_ids(DOC.encode(), "d.xml")
    text = data.decode()
    assert 'xml:id="xi_include_1.d2e187"' in text and 'target="#xi_include_1.d2e187"' in text
    assert 'xml:id="p2-2">Third' in text and "xml:id='_12'" in text
    assert '<!-- <p xml:id="p2">a comment' in text  # comments untouched
    assert [w.split(": warning: ")[0] for w in warnings] == ["d.xml:6:8", "d.xml:9:8", "d.xml:10:8"]
    assert all(": warning: " in w for w in warnings) and len(warnings) == 3
    # every byte outside the renamed values stays
    assert text.replace("xi_include", "xi:include").replace("p2-2", "p2").replace("'_12'", "'12'") == DOC


def test_a_good_document_is_left_byte_for_byte():
    good = DOC.replace("xi:include_1", "x1").replace('"p2">Third', '"p3">Third').replace("'12'", "'p4'").encode()
    assert repair_ids(good, "g.xml") == (good, [])
    assert is_ncname("p1") and not is_ncname("1p") and not is_ncname("a:b") and is_ncname("ед.1")


def test_build_with_force_renames_and_warns(tmp_path, run_tools):
    (tmp_path / "src").mkdir()  # outputs never go among the sources
    src = tmp_path / "src" / "ids.xml"
    src.write_text(DOC, encoding="utf-8")
    refused = run_tools("build", "html", src, "-o", tmp_path / "out")
    assert refused.returncode == 1
    done = run_tools("build", "html", src, "-o", tmp_path / "out", "--force")
    assert done.returncode == 0, done.stderr
    assert done.stderr.count(": warning: ") == 3 and f"{src}:6:8: warning: malformed xml:id" in done.stderr
    root = lhtml.parse(str(tmp_path / "out" / "html" / "text.html")).getroot()
    assert "Third, a duplicate." in root.text_content() and "Fourth, a number." in root.text_content()
