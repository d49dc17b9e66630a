"""One apparatus in both editions: every entry of the HTML edition's apparatus (apparatus.html: number and
text) stands in the PDF with the same number and the same text, for the apparatus fixtures (several
witnesses, rdgGrp, witDetail, notes in app, lacunae, witStart/witEnd, double-end-point and
location-referenced apps) and for the Kazakh edition. Both targets render the common model
(kse:app-entry); a divergence of either shows here. Labels in English for both (om., lac.)."""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

import pytest
from lxml import html as lhtml

from tools.targets.html import build_html
from tools.targets.pdf import build_pdf

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = sorted((ROOT / "tests" / "fixtures" / "apparatus").glob("*.xml"))
EDITION = ROOT / "tei" / "kazakhstan-1920-1932.xml"
PARAMS = {"languages": "en"}


def html_entries(source: Path, out: Path) -> list[tuple[str, str]]:
    site = build_html([source], out, force=True, params=PARAMS).parent
    page = lhtml.parse(str(site / "apparatus.html")).getroot()
    rows = []
    for tr in page.xpath("//tr[td[@class='entry-cell']]"):
        n = " ".join(tr.xpath("td")[0].text_content().split())
        rows.append((n, " ".join(tr.xpath("td[@class='entry-cell']")[0].text_content().split())))
    return rows


def squeeze(s: str) -> str:
    return re.sub(r"\s+", "", s.replace("\xad", ""))


def compare(source: Path, tmp: Path) -> None:
    entries = html_entries(source, tmp / "html")
    assert entries, "the HTML edition has no apparatus"
    [pdf] = build_pdf([source], tmp / "pdf", force=True, params=PARAMS)
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    # a word Typst hyphenated at a line end comes back as "Garum-\nna"; a real hyphen there as "бай-\nманаптікі",
    # or (pdftotext joins some lines) without its hyphen, "ОКіне"
    plain, joined, unhyphenated = squeeze(text), squeeze(re.sub(r"-\n", "", text)), squeeze(text).replace("-", "")
    missing = [f"{n} {entry}" for n, entry in entries if squeeze(n + entry) not in (plain + joined)
               and squeeze(n + entry).replace("-", "") not in unhyphenated]
    assert not missing, f"{len(missing)} of {len(entries)} HTML entries not in the PDF, e.g. {missing[:3]}"


@pytest.mark.parametrize("source", FIXTURES, ids=lambda p: p.stem)
def test_pdf_has_the_html_apparatus_entries(source, tmp_path):
    compare(source, tmp_path)


@pytest.mark.slow
def test_pdf_has_the_html_apparatus_entries_of_the_edition(tmp_path):
    compare(EDITION, tmp_path)
