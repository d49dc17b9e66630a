"""Property tests of tei_all pruned to element sets (tools.core.teiall), in the slow tier.

1. Any element set gives a grammar that libxml2 compiles in bounded time: tei_all pruned to random sets of
   elements, each compiled through tools.core.rngcompile (a forked child with a deadline, so a loop in
   libxml2 fails the test instead of hanging it).
2. Verdicts on documents mutated from the corpus (an element renamed to another TEI element, an element
   unwrapped, a child moved up, an element duplicated, an attribute added) are jing's on the whole tei_all.
"""
from __future__ import annotations

import copy
import random

import pytest
from lxml import etree

from conftest import EDITION, FIXTURES, ROOT
from tools.core import teiall
from tools.core.grammar import Grammar
from tools.core.rngcompile import SchemaError, relaxng

pytestmark = pytest.mark.slow
TEI_ALL = ROOT / "schema" / "vendor" / "tei_all.rng"
TEI = "http://www.tei-c.org/ns/1.0"
ALL_ELEMENTS = sorted(Grammar(teiall.full_tree()).element_names)


@pytest.mark.parametrize("seed", range(24))
def test_any_element_set_compiles_in_bounded_time(seed):
    rng = random.Random(seed)
    size = rng.choice([5, 20, 60, 150, 300])
    elements = frozenset(rng.sample(ALL_ELEMENTS, size)) | teiall.SKELETON
    try:
        relaxng(teiall._prune(elements), base_url=None, label=f"seed {seed}", deadline=30)
    except SchemaError as err:
        assert "did not finish" not in str(err), err
        # libxml2 may refuse a grammar that cannot match anything (an empty start): not a hang, and the
        # validator falls back to the whole tei_all for it
        assert "Element" in str(err) or "empty" in str(err) or "RELAX" in str(err), err


SOURCES = sorted([*(FIXTURES / "realworld").glob("*.xml"), *(FIXTURES / "foreign").glob("*.xml"), EDITION])
SOURCES = [p for p in SOURCES if p.name not in ("include-no-fallback.xml", "identifiers.xml",
                                                 "identifier-not-ncname.xml")]


def _mutants(tmp_path, count: int = 40) -> list:
    rng = random.Random(1921)
    out = []
    for n in range(count):
        src = SOURCES[n % len(SOURCES)]
        tree = etree.parse(str(src), etree.XMLParser(resolve_entities=False, no_network=True))
        elements = [e for e in tree.iter() if isinstance(e.tag, str) and e.getparent() is not None
                    and e.tag.startswith("{" + TEI)]
        el = rng.choice(elements)
        kind = n % 5
        if kind == 0:
            el.tag = f"{{{TEI}}}{rng.choice(ALL_ELEMENTS)}"
        elif kind == 1:  # unwrap: children and text take its place
            parent, index = el.getparent(), el.getparent().index(el)
            for k, kid in enumerate(list(el)):
                parent.insert(index + k, kid)
            parent.remove(el)
        elif kind == 2 and el.getparent().getparent() is not None:  # a child moved up beside its parent
            parent = el.getparent()
            parent.addnext(el)
        elif kind == 3:
            el.addnext(copy.deepcopy(el))
        else:
            el.set(rng.choice(["type", "n", "rend", "when", "ref", "cert", "space"]),
                   rng.choice(["x", "1", "#a", "2020-02-30", "high"]))
        path = tmp_path / f"m{n:02d}-{src.stem}.xml"
        tree.write(str(path), encoding="UTF-8", xml_declaration=True)
        out.append(path)
    return out


def test_verdicts_on_mutated_documents_are_jings(tmp_path):
    import jingrun
    from tools.core.validate import validate_paths

    docs = _mutants(tmp_path)
    jing = jingrun.run(TEI_ALL, docs)
    report = validate_paths(docs, schema="tei_all", use_cache=False)
    bad = report.invalid_files()
    ours = {doc.resolve(): shown not in bad for doc, shown in zip(docs, report.files)}
    disagreements = [(d.name, jing[d.resolve()][:2]) for d in docs if ours[d.resolve()] != (not jing[d.resolve()])]
    assert not disagreements
    verdicts = [not v for v in jing.values()]
    assert verdicts.count(True) >= 5 and verdicts.count(False) >= 5  # the mutations test both ways
