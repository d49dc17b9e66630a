"""Machine access without a server (xslt/html/html_data.xsl): a static DTS 1.0 API (entry point, collection,
navigation by paragraph, documents as TEI) whose URI templates name files, plain-text exports of the reading
text, the witness and the Latin text, and the registers as CSV and JSON-LD.

The URI templates are expanded here as a DTS client would (RFC 6570, the operators the templates use), and
every address a client can reach from the entry point must be a file of the site.
"""
from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import etree

from tools.targets.html import build_html

ROOT = Path(__file__).resolve().parent.parent
MINI = ROOT / "tests" / "fixtures" / "mini-edition.xml"
RES = "kse-mini-fixture"
TEI = "http://www.tei-c.org/ns/1.0"
DTS = "https://w3id.org/api/dts#"


def expand(template: str, **values) -> str:
    """RFC 6570 expansion of the operators the DTS templates use: {var}, {/a,b}, {;a}, {?a,b}, {&a}."""
    def one(m):
        op, names = m.group(1), m.group(2).split(",")
        given = [(n, str(values[n])) for n in names if values.get(n) is not None]
        if not given:
            return ""
        if op == "/":
            return "".join("/" + v for _, v in given)
        if op == ";":
            return "".join(f";{n}={v}" for n, v in given)
        if op in "?&" and op:
            return op + "&".join(f"{n}={v}" for n, v in given)
        return ",".join(v for _, v in given)
    return re.sub(r"\{([/;?&]?)([^}]*)\}", one, template)


class Site:
    def __init__(self, root: Path):
        self.root = root

    def get(self, url: str):
        """The file a static host serves for `url` (relative to the site root)."""
        path = self.root / url.split("#")[0]
        assert path.is_file(), f"no file for {url}"
        return json.loads(path.read_text(encoding="utf-8")) if path.suffix == ".json" else etree.parse(str(path))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Site:
    return Site(build_html([MINI], tmp_path_factory.mktemp("dts")).parent)


def test_entry_point_and_its_templates_lead_to_files(site):
    entry = site.get("dts/index.json")
    assert entry["@type"] == "EntryPoint" and entry["dtsVersion"] == "1.0"
    assert entry["@context"] == "https://dtsapi.org/context/v1.0.json"
    base = "dts/index.json"
    # root collection -> its member -> navigation -> a passage, as a client walks them
    root = site.get(urljoin(base, expand(entry["collection"])))
    assert root["@type"] == "Collection" and root["totalChildren"] == 1 and root["totalParents"] == 0
    [member] = root["member"]
    assert member["@id"] == RES and member["@type"] == "Resource"
    resource = site.get(urljoin(base, expand(entry["collection"], id=RES)))
    assert resource["@id"] == RES and resource["dtsVersion"] == "1.0"
    for key in ("title", "totalParents", "totalChildren", "collection", "navigation", "document", "citationTrees"):
        assert key in resource, key
    assert resource["dublinCore"]["hasVersion"] == "0.1"
    parents = site.get(urljoin(base, expand(entry["collection"], id=RES, nav="parents")))
    assert [m["@id"] for m in parents["member"]] == [root["@id"]]
    nav = site.get(urljoin(base, expand(entry["navigation"], resource=RES, down=1)))
    assert nav["@type"] == "Navigation" and nav["resource"]["@id"] == RES
    units = nav["member"]
    assert [u["identifier"] for u in units] == [f"p{n}" for n in range(1, 7)]
    assert all(u["@type"] == "CitableUnit" and u["level"] == 1 and u["parent"] is None and u["citeType"] == "paragraph"
               for u in units)
    assert site.get(urljoin(base, expand(entry["navigation"], resource=RES, down=-1)))["member"] == units
    one = site.get(urljoin(base, expand(entry["navigation"], resource=RES, ref="p3")))
    assert one["ref"]["identifier"] == "p3" and "member" not in one
    # the addresses inside a file of another depth resolve from that file
    nav_file = expand(entry["navigation"], resource=RES, ref="p3")
    again = site.get(urljoin(urljoin(base, nav_file), expand(one["resource"]["navigation"], down=1)))
    assert again["member"] == units


def test_documents_are_tei(site):
    entry = site.get("dts/index.json")
    whole = site.get(urljoin("dts/index.json", expand(entry["document"], resource=RES))).getroot()
    assert whole.tag == f"{{{TEI}}}TEI" and whole.find(f".//{{{TEI}}}p[@n='3']") is not None
    for n in range(1, 7):
        doc = site.get(urljoin("dts/index.json", expand(entry["document"], resource=RES, ref=f"p{n}"))).getroot()
        assert doc.tag == f"{{{TEI}}}TEI"
        [wrapper] = doc.findall(f"{{{DTS}}}wrapper")
        [p] = wrapper
        assert p.tag == f"{{{TEI}}}p" and p.get("{http://www.w3.org/XML/1998/namespace}id") == f"p{n}"
    # the passage is the paragraph as encoded: the witness reading and the correction both
    p2 = site.get(f"dts/document/{RES}/p2.xml").getroot()
    assert p2.xpath("string(.//t:choice[1]/t:sic)", namespaces={"t": TEI}) == "жыды"


def test_with_a_public_address_every_address_is_absolute(tmp_path):
    site = Site(build_html([MINI], tmp_path, params={"edition-url": "https://example.org/kse"}).parent)
    entry = site.get("dts/index.json")
    assert entry["navigation"] == "https://example.org/kse/dts/navigation/{resource}{;down}{/ref}.json"
    resource = site.get(f"dts/collection/{RES}/index.json")
    assert resource["download"] == "https://example.org/kse/tei/mini-edition.xml"


def test_plain_texts(site):
    reading = (site.root / "export" / f"{RES}-reading.txt").read_text(encoding="utf-8")
    blocks = reading.rstrip("\n").split("\n\n")
    assert blocks[0] == "ҚАЗАҚСТАН ХАЛЫҚ ШАРУАШЫЛЫҒЫН ҚАЛПЫНА КЕЛТІРУ ДӘУІРІНДЕ"
    assert "1921 жылы 8-16 мартта" in blocks[2] and "жыды" not in reading
    assert "Two days before" not in reading                 # notes are not the text
    # the paragraph the witness breaks in two (p5 I + p6 F) is one, as in the editions
    assert "(салыстырмалы бағамен) 1,5-2 есе өсті" in reading
    assert len(blocks) == 1 + 5 + 1                          # heading, paragraphs, source line
    diplomatic = (site.root / "export" / f"{RES}-diplomatic.txt").read_text(encoding="utf-8")
    assert "1921 жыды 8-16 мартта" in diplomatic and "(салыстырмалы бағамен)\n\n1,5-2" in diplomatic
    latin = (site.root / "export" / f"{RES}-latn.txt").read_text(encoding="utf-8")
    assert latin.startswith("QAZAQSTAN HALYQ ŞARUAŞYLYĞYN") and "1921 jyly 8-16 martta" in latin


def test_registers_as_csv_and_json_ld(site):
    rows = list(csv.DictReader(io.StringIO((site.root / "export" / "persons.csv").read_text(encoding="utf-8"))))
    assert [r["id"] for r in rows] == ["pers.lenin", "pers.mendeshev", "pers.muratbaev", "pers.zhansugirov"] or \
        sorted(r["id"] for r in rows) == ["pers.lenin", "pers.mendeshev", "pers.muratbaev", "pers.zhansugirov"]
    lenin = next(r for r in rows if r["id"] == "pers.lenin")
    assert lenin["name"] == "Владимир Ильич Ленин" and lenin["name_latn"] == "Vladimir İlitş Lenin"
    assert lenin["life"] == "1870–1924" and lenin["mentions"] == "2" and lenin["paragraphs"] == "2 6"
    assert lenin["variants"] == "В. И. Ленин; Владимир Ильич" and lenin["url"] == "../persons.html#pers.lenin"
    assert lenin["description"] == "Leader of the Bolshevik party, head of the Soviet government"
    places = list(csv.DictReader(io.StringIO((site.root / "export" / "places.csv").read_text(encoding="utf-8"))))
    assert next(r for r in places if r["id"] == "pl.moscow")["name_en"] == "Moscow"
    graph = json.loads((site.root / "export" / "registers.jsonld").read_text(encoding="utf-8"))
    assert graph["@context"] == {"@vocab": "https://schema.org/"}
    types = {n["identifier"]: n["@type"] for n in graph["@graph"]}
    assert types["pers.lenin"] == "Person" and types["pl.moscow"] == "Place" and types["org.rksm"] == "Organization"
    lenin = next(n for n in graph["@graph"] if n["identifier"] == "pers.lenin")
    assert {"@value": "Vladimir İlitş Lenin", "@language": "kk-Latn"} in lenin["name"]
    assert lenin["birthDate"] == "1870" and lenin["subjectOf"] == ["../text.html#p2", "../text.html#p6"]


def test_the_title_page_lists_the_data(site):
    from lxml import html as lhtml
    root = lhtml.parse(str(site.root / "index.html")).getroot()
    hrefs = root.xpath("//section[@id='data']//a/@href")
    assert "dts/index.json" in hrefs and f"export/{RES}-reading.txt" in hrefs and "export/registers.jsonld" in hrefs
    for href in hrefs:
        assert (site.root / href).is_file(), href
