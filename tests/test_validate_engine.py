"""The machinery under `tools validate`: forked workers with deadlines, grammars proven before use, XInclude,
the verdict cache, the trimmed Schematron."""
from __future__ import annotations

import os
import time

import pytest
from lxml import etree, isoschematron

from conftest import EDITION, FIXTURES, ROOT
from tools.core import pool, xinclude
from tools.core.rngcompile import SchemaError, relaxng
from tools.core.schematron import Unsupported, compile_schematron
from tools.core.validate import _schematron, validate_paths
from tools.core.xmlsafe import parse_file

SCH = ROOT / "schema" / "kse-edition.sch"


def _square(x):
    if x == 3:
        time.sleep(60)
    if x == 5:
        os._exit(9)  # a crash in C code looks like this from outside
    if x == 6:
        raise ValueError("bad item")
    return x * x


def test_pool_keeps_order_and_survives_hangs_and_crashes():
    started = time.monotonic()
    results = list(pool.run(_square, list(range(9)), jobs=2, deadline=lambda item: 1.0))
    assert time.monotonic() - started < 20
    assert [item for item, _ in results] == list(range(9))
    outcome = dict(results)
    assert outcome[2] == ("ok", 4) and outcome[8] == ("ok", 64)
    assert outcome[3] == ("timeout", 1.0)
    assert outcome[5][0] == "crash" and "died" in outcome[5][1]
    assert outcome[6][0] == "crash" and "ValueError: bad item" in outcome[6][1]


# libxml2's RELAX NG compiler never returns on this grammar (a lone group before an optional attribute)
LOOPING = b"""<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><ref name="a"/></start>
<define name="a"><element name="a"><group><oneOrMore><choice><ref name="b"/><ref name="a"/></choice></oneOrMore>
</group><optional><attribute name="x"/></optional></element></define>
<define name="b"><element name="b"><empty/></element></define></grammar>"""


def test_a_grammar_libxml2_loops_on_is_refused_within_the_deadline():
    started = time.monotonic()
    with pytest.raises(SchemaError, match="did not finish compiling"):
        relaxng(LOOPING, base_url=None, label="looping.rng", deadline=2)
    assert time.monotonic() - started < 15


def test_a_document_declaring_such_a_grammar_is_judged_by_tei_all(tmp_path, monkeypatch):
    from tools.core import validate

    monkeypatch.setattr(validate, "RNG_DEADLINE", 2)
    (tmp_path / "looping.rng").write_bytes(LOOPING)
    doc = tmp_path / "doc.xml"
    doc.write_text((FIXTURES / "declared" / "local-schema.xml").read_text(encoding="utf-8")
                   .replace("local.rng", "looping.rng"), encoding="utf-8")
    report = validate_paths([doc], use_cache=False)
    assert report.ok  # tei_all allows <hi>
    assert any("did not finish compiling" in p.message and "judged by tei_all instead" in p.message
               for p in report.problems)


def test_a_proven_grammar_compiles_in_process():
    data = (FIXTURES / "declared" / "local.rng").read_bytes()
    assert relaxng(data, base_url=None, label="local.rng", deadline=30).validate(
        parse_file(FIXTURES / "declared" / "local-schema.xml")) is False


XI_DOC = """<?xml version="1.0" encoding="UTF-8"?>
<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:xi="http://www.w3.org/2001/XInclude">
  <teiHeader><fileDesc><titleStmt><title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt>
  <sourceDesc>{source}</sourceDesc></fileDesc></teiHeader>
  <text><body><p>Text.</p></body></text>
</TEI>"""


def _doc(tmp_path, source: str):
    path = tmp_path / "doc.xml"
    path.write_text(XI_DOC.format(source=source), encoding="utf-8")
    return path


def test_xinclude_of_a_local_file_by_id(tmp_path):
    (tmp_path / "parts.xml").write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"><p xml:id="src">From elsewhere'
                                        '</p></TEI>', encoding="utf-8")
    path = _doc(tmp_path, '<xi:include href="parts.xml" xpointer="src"/>')
    tree, problems = xinclude.resolve(parse_file(path), path, "doc.xml")
    assert not problems
    [p] = tree.getroot().iter("{http://www.tei-c.org/ns/1.0}sourceDesc")
    assert "".join(p.itertext()) == "From elsewhere"
    assert p[0].get("{http://www.w3.org/XML/1998/namespace}base") == "parts.xml"  # as Xerces' fix-up
    assert validate_paths([path], use_cache=False).ok


def test_xinclude_fallback_and_missing_resource(tmp_path):
    path = _doc(tmp_path, '<xi:include href="gone.xml"><xi:fallback><p>Fallback.</p></xi:fallback></xi:include>')
    assert validate_paths([path], use_cache=False).ok
    path = _doc(tmp_path, '<xi:include href="gone.xml"/>')
    report = validate_paths([path], use_cache=False)
    assert not report.ok
    assert any("cannot be resolved" in p.message and "no <xi:fallback>" in p.message for p in report.problems)


def test_xinclude_never_changes_the_callers_tree(tmp_path):
    path = _doc(tmp_path, '<xi:include href="gone.xml"><xi:fallback><p>F</p></xi:fallback></xi:include>')
    tree = parse_file(path)
    xinclude.resolve(tree, path, "doc.xml")
    assert next(tree.getroot().iter(xinclude.INCLUDE), None) is not None


def test_xinclude_reads_no_network(tmp_path):
    path = _doc(tmp_path, '<xi:include href="http://127.0.0.1:9/x.xml"><xi:fallback><p>F</p></xi:fallback>'
                          '</xi:include>')
    tree, problems = xinclude.resolve(parse_file(path), path, "doc.xml")
    assert not problems and "F" in "".join(tree.getroot().itertext())


def test_verdicts_are_cached_and_a_change_to_file_or_schema_invalidates_them(tmp_path):
    schema = tmp_path / "local.rng"
    schema.write_bytes((FIXTURES / "declared" / "local.rng").read_bytes())
    doc = tmp_path / "doc.xml"
    doc.write_text((FIXTURES / "declared" / "local-schema.xml").read_text(encoding="utf-8"), encoding="utf-8")
    first = validate_paths([doc])
    again = validate_paths([doc])
    assert (first.cached, again.cached) == (0, 1)
    assert again.problems == first.problems and not again.ok  # local.rng allows no <hi>
    doc.write_text(doc.read_text(encoding="utf-8").replace("<hi>highlighted</hi>", "highlighted"), encoding="utf-8")
    edited = validate_paths([doc])
    assert edited.cached == 0 and edited.ok
    assert validate_paths([doc]).cached == 1
    schema.write_text(schema.read_text(encoding="utf-8").replace("<text/>", "<empty/>", 1), encoding="utf-8")
    changed = validate_paths([doc])
    assert changed.cached == 0


def test_output_does_not_depend_on_the_number_of_workers(tmp_path):
    files = sorted([*(FIXTURES / "invalid").glob("*.xml"), *(FIXTURES / "foreign").glob("*.xml"), EDITION])
    one = validate_paths(files, jobs=1, use_cache=False)
    two = validate_paths(files, jobs=2, use_cache=False)
    assert (one.files, one.problems, one.schemas) == (two.files, two.problems, two.schemas)


def _well_formed(path) -> bool:
    try:
        parse_file(path)
        return True
    except Exception:  # noqa: BLE001 - not well-formed: no Schematron question
        return False


@pytest.mark.parametrize("doc", [d for d in sorted([*(FIXTURES / "invalid").glob("*.xml"), EDITION,
                                                    *(FIXTURES / "valid").glob("*.xml")]) if _well_formed(d)],
                         ids=lambda p: p.name)
def test_the_trimmed_schematron_reports_what_lxml_reports(doc):
    tree = parse_file(doc)
    full = isoschematron.Schematron(etree.parse(str(SCH)), store_report=True)
    full.validate(tree)

    def findings(report):
        return sorted((e.tag, e.get("location"), " ".join("".join(e.itertext()).split()))
                      for e in report.getroot()
                      if isinstance(e.tag, str) and etree.QName(e).localname in ("failed-assert", "successful-report"))

    assert findings(_schematron(str(SCH))(tree)) == findings(full.validation_report)
    # and the Python engine (the one used for our Schematron) reports the same, at the same elements
    lxml_findings = sorted((tree.xpath(e.get("location"))[0].sourceline, e.get("role"),
                            " ".join("".join(e.itertext()).split()))
                           for e in full.validation_report.getroot()
                           if isinstance(e.tag, str) and etree.QName(e).localname in ("failed-assert",
                                                                                    "successful-report"))
    engine = compile_schematron(str(SCH))
    assert sorted((node.sourceline, role, " ".join(text.split())) for node, role, text in engine.run(tree)) \
        == lxml_findings


def test_the_trimmed_schematron_still_finds_faults():
    report = _schematron(str(SCH))(parse_file(FIXTURES / "invalid" / "dangling-pointer.xml"))
    texts = ["".join(e.itertext()) for e in report.getroot() if isinstance(e.tag, str)]
    assert any("points to no xml:id" in t for t in texts)


def test_what_the_python_schematron_does_not_run_goes_to_the_xslt(tmp_path):
    sch = tmp_path / "phased.sch"
    sch.write_text('''<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" defaultPhase="p">
  <sch:phase id="p"><sch:active pattern="a"/></sch:phase>
  <sch:pattern id="a"><sch:rule context="*[@n]"><sch:assert test="document('x.xml')">x</sch:assert></sch:rule>
  </sch:pattern></sch:schema>''', encoding="utf-8")
    with pytest.raises(Unsupported):
        compile_schematron(str(sch))


def test_hints_of_the_whole_tei_all_are_read_only_for_an_invalid_file(monkeypatch):
    from tools.core import validate

    def refuse():
        raise AssertionError("the whole tei_all was read for a valid file")

    monkeypatch.setattr(validate, "_tei_all_hints", refuse)
    assert validate_paths([FIXTURES / "foreign" / "verse.xml"], schema="tei_all", use_cache=False).ok


def _large_edition(path, megabytes: float):
    """Our edition with its body repeated to about `megabytes`, ids suffixed so that it stays valid."""
    import re

    src = EDITION.read_text(encoding="utf-8").replace('href="../schema/', f'href="{ROOT / "schema"}/')
    head, rest = src.split("<body>", 1)
    body, tail = rest.rsplit("</body>", 1)
    copies = max(1, int(megabytes * 1e6 / len(body.encode())))
    parts = []
    for i in range(copies):
        copy_ = re.sub(r'xml:id="([^"]+)"', lambda m: f'xml:id="{m.group(1)}-c{i}"', body)
        parts.append(re.sub(r'(target|corresp)="#(p[^"]*)"', lambda m: f'{m.group(1)}="#{m.group(2)}-c{i}"', copy_))
    path.write_text(head + "<body>" + "".join(parts) + "</body>" + tail, encoding="utf-8")
    return path


@pytest.mark.slow
def test_validation_time_is_linear_in_the_size_of_the_edition(tmp_path):
    """Issue 14: nothing in validate is quadratic (locator, Schematron keys, node-sets, sorting)."""
    import resource
    import subprocess
    import sys

    def cpu_of(path) -> float:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        proc = subprocess.run([sys.executable, "-m", "tools", "validate", "--no-cache", "-j", "1", str(path)],
                              cwd=ROOT, capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        return after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime

    small = cpu_of(_large_edition(tmp_path / "small.xml", 2))
    large = cpu_of(_large_edition(tmp_path / "large.xml", 16))
    assert large < 12 * small, (small, large)  # 8 times the size: about 8 times the time, not 64


# key() on an xml:id key is run as libxml2's id() where that gives the same nodes (tools.core.schematron
# `_keys_as_id`); these documents probe where the two could differ, and the engine must report what lxml's
# Schematron reports on each.
ID_KEY_SCH = '''<sch:schema xmlns:sch="http://purl.oclc.org/dsdl/schematron" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  queryBinding="xslt">
  <xsl:key name="ids" match="*[@xml:id]" use="@xml:id"/>
  <sch:pattern><sch:rule context="*[@xml:id]">
    <sch:assert test="count(key('ids', @xml:id)) = 1">duplicate <sch:value-of select="@xml:id"/></sch:assert>
  </sch:rule></sch:pattern>
  <sch:pattern><sch:rule context="*[@ptr]">
    <sch:assert test="key('ids', @ptr)">@ptr <sch:value-of select="@ptr"/> finds nothing</sch:assert>
    <sch:assert test="key('ids', substring-after(@ptr, '#')) or not(starts-with(@ptr, '#'))">#<sch:value-of
      select="@ptr"/> finds nothing</sch:assert>
  </sch:rule></sch:pattern>
</sch:schema>'''

ID_KEY_DOCS = {
    "clean": '<r><a xml:id="a"/><b xml:id="b" ptr="a"/><c ptr="#b"/><d ptr="zz"/></r>',
    "duplicate ids": '<r><a xml:id="a"/><b xml:id="a" ptr="a"/><c ptr="#a"/></r>',
    "pointer with spaces": '<r><a xml:id="a"/><b xml:id="b" ptr="a b"/><c ptr="#a b"/><d ptr=" a"/></r>',
    "an id with a space": '<r><a xml:id=" a"/><b ptr="a"/><c ptr=" a"/></r>',
    "an id with a hash": '<r><a xml:id="x#y"/><b ptr="x#y"/></r>',
    "pointer with a tab": '<r><a xml:id="a"/><b ptr="a&#9;a"/></r>',
}


@pytest.mark.parametrize("name", list(ID_KEY_DOCS))
def test_keys_run_as_id_report_what_lxml_reports(tmp_path, name):
    from tools.core.schematron import Engine

    sch = tmp_path / "ids.sch"
    sch.write_text(ID_KEY_SCH, encoding="utf-8")
    engine = compile_schematron(str(sch))
    assert any(checks[2][1] is not None for rules in engine.patterns for rule in rules for checks in rule.checks)
    # recover: libxml2 refuses a duplicate xml:id (our parser says so, located); a tree may still hold one
    parser = etree.XMLParser(recover=True)
    trees = {"parsed": etree.ElementTree(etree.fromstring(ID_KEY_DOCS[name], parser))}
    # a tree made by code: its ids are not in libxml2's table; the engine must notice and use key()
    built = etree.Element("r")
    for el in etree.fromstring(ID_KEY_DOCS[name], parser):
        built.append(etree.fromstring(etree.tostring(el), parser))
    trees["built by code"] = etree.ElementTree(built)
    full = isoschematron.Schematron(etree.parse(str(sch)), store_report=True)
    for how, tree in trees.items():
        full.validate(tree)
        expected = sorted(" ".join("".join(e.itertext()).split()) for e in full.validation_report.getroot()
                          if isinstance(e.tag, str) and etree.QName(e).localname == "failed-assert")
        got = sorted(" ".join(text.split()) for _, _, text in engine.run(tree))
        assert got == expected, (name, how)
    assert isinstance(engine, Engine)


def test_keys_run_as_id_on_a_clean_parsed_document():
    """The fast path is taken on an ordinary parsed document, and declined where id() would differ."""
    from tools.core.schematron import _keys_as_id

    engine = compile_schematron(str(SCH))
    tree = parse_file(EDITION)
    root = tree.getroot()
    ids = root.xpath("//@xml:id")
    assert engine._ids_are_native(root, [str(i) for i in ids], [i.getparent() for i in ids])
    assert not engine._ids_are_native(root, ["a", "a"], [root, root])
    assert not engine._ids_are_native(root, ["a b"], [root])
    assert _keys_as_id("key('ids', @ref) and key('other', @ref) and key('ids', //x)", {"ids"}) == \
        "id(translate(@ref, ' \t\n\r', '####')) and key('other', @ref) and key('ids', //x)"
