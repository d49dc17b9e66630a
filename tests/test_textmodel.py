"""The editorial text rules live once (xslt/common/text-rules.json); the XSLT layer and the Python core read
them alike: which elements are blocks, which child of <choice> is the reading and which the witness, what is
never running text."""
from __future__ import annotations

import json

from conftest import ROOT
from tools.assist import textsource
from tools.core import textmodel
from tools.core.saxon import processor

TEI = "http://www.tei-c.org/ns/1.0"
# every element name either side could care about, and some neither does
NAMES = sorted({*textmodel.block_elements(), *textmodel.choice_reading(), *textmodel.choice_witness(),
                *textmodel.not_text(), *textmodel.editorial(), "div", "lg", "quote", "hi", "persName", "sp",
                "castList", "fw", "note", "list", "table", "row"})

PROBE = f"""<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
  xmlns:tei="{TEI}" xmlns:kse="urn:kse:xslt" exclude-result-prefixes="#all">
  <xsl:import href="{(ROOT / 'xslt' / 'common' / 'common.xsl').as_uri()}"/>
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:value-of select="//tei:probe/* ! (local-name() || '=' || kse:is-block(.))" separator="&#10;"/>
    <xsl:text>&#10;</xsl:text>
    <xsl:for-each select="//tei:choice">
      <xsl:value-of select="'choice ' || local-name(kse:correction(.)) || ' ' || local-name(kse:witness(.))
                            || ' ' || kse:text(., 'reading') || '|' || kse:text(., 'diplomatic')"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>"""


def _run_probe(doc: str) -> list[str]:
    proc = processor()
    xslt = proc.new_xslt30_processor()
    exe = xslt.compile_stylesheet(stylesheet_text=PROBE)
    return exe.transform_to_string(xdm_node=proc.parse_xml(xml_text=doc)).splitlines()


def test_the_rules_file_is_the_one_python_reads():
    data = json.loads((ROOT / "xslt" / "common" / "text-rules.json").read_text(encoding="utf-8"))
    assert textmodel.block_elements() == frozenset(data["blocks"])
    assert textsource.BLOCK_ELEMENTS == textmodel.block_elements()
    assert textsource.CHOICE_CHILDREN == tuple(data["choice-reading"]) + tuple(data["choice-witness"])


def test_xslt_and_python_agree_on_blocks():
    probe = "".join(f"<{n}/>" for n in NAMES)
    lines = _run_probe(f'<TEI xmlns="{TEI}"><probe>{probe}</probe></TEI>')
    xslt = {line.split("=")[0]: line.split("=")[1] == "true" for line in lines if "=" in line}
    assert xslt == {n: n in textmodel.block_elements() for n in NAMES}


def test_xslt_and_python_agree_on_the_readings_of_choice():
    pairs = list(zip(textmodel.choice_reading(), textmodel.choice_witness()))
    body = "".join(f"<p><choice><{w}>W{i}</{w}><{r}>R{i}</{r}></choice></p>" for i, (r, w) in enumerate(pairs))
    lines = [line for line in _run_probe(f'<TEI xmlns="{TEI}"><text><body>{body}</body></text></TEI>')
             if line.startswith("choice ")]
    assert lines == [f"choice {r} {w} R{i}|W{i}" for i, (r, w) in enumerate(pairs)]
    # the Python side: the assistants read the edited reading, tools check the witness's
    src = textsource.tei_blocks(f'<TEI xmlns="{TEI}"><text><body>{body}</body></text></TEI>')
    assert [b.text for b in src] == [f"R{i}" for i in range(len(pairs))]
