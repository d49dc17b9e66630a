"""Interface labels as data (xslt/common/labels/*.json) and the right-to-left list, as the stylesheets read them."""
from __future__ import annotations

import json
import re
from pathlib import Path

from tools.core.saxon import transform_to_string

LABELS = Path(__file__).resolve().parent.parent / "xslt" / "common" / "labels"


def test_every_language_has_every_label():
    files = {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in LABELS.glob("*.json") if p.stem != "writing-direction"}
    assert set(files) >= {"kk", "ru", "en"}
    keys = set(files["en"])
    for lang, labels in files.items():
        assert set(labels) == keys, lang
        assert all(isinstance(v, str) for v in labels.values()), lang
    # Russian and Kazakh labels are written in Cyrillic (the date order and a few codes aside)
    for lang in ("ru", "kk"):
        latin = [k for k, v in files[lang].items() if re.search(r"[A-Za-z]{3,}", v)
                 and not re.search(r"TEI|XML|PDF|BibTeX|DTS|CSV|JSON|JavaScript|html|English|ymd|dmy|Seifullin", v)]  # (Seifullin: the Latin query of the search help)
        assert latin == [], (lang, latin)


def _xpath(expr: str, tmp_path: Path, **params) -> str:
    xsl = tmp_path / "t.xsl"
    xsl.write_text(f'''<xsl:stylesheet version="3.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:kse="urn:kse:xslt">
      <xsl:import href="{(LABELS.parent / 'common.xsl').as_uri()}"/>
      <xsl:output method="text"/>
      <xsl:template match="/"><xsl:value-of select="{expr}" separator="|"/></xsl:template></xsl:stylesheet>''', encoding="utf-8")
    src = tmp_path / "d.xml"
    src.write_text('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', encoding="utf-8")
    return transform_to_string(xsl, src, params)


def test_label_fallbacks_and_direction(tmp_path):
    out = _xpath("(kse:label('reading', 'ru'), kse:label('reading', 'xx'), kse:label('no-such-key', 'ru'), "
                 "$kse:languages, kse:label-format('revision-more', 'en', map{'n': '3'}), "
                 "('ar', 'ara', 'yi', 'yid', 'he-IL', 'fa', 'ar-Latn', 'az-Arab', 'kk', 'en', 'ru') ! kse:dir(.), "
                 "kse:format-iso('1921-03-08', 'ru'), kse:format-range('1921-03-08', '1921-03-16', 'ru'))",
                 tmp_path, languages="ru kk en")
    assert out.split("|") == ["Текст для чтения", "Текст для чтения", "no-such-key", "ru", "kk", "en",
                              "3 earlier revisions are recorded in the header of the TEI file.",
                              "rtl", "rtl", "rtl", "rtl", "rtl", "rtl", "ltr", "rtl", "ltr", "ltr", "ltr",
                              "8 марта 1921 г.", "8–16 марта 1921 г."]
