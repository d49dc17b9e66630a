"""A corpus as one edition (issue 15): one site for many documents, shared registers, incremental builds.

The corpus is made by bench/make_corpus.py from the Kazakh edition (documents of its paragraphs, registers in
tei/registers.xml); one build of it serves the read-only tests, the incremental tests build copies.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import sys
from pathlib import Path

import lxml.html as lhtml
import pytest

from conftest import ROOT
from tools.core.errors import ToolError
from tools.core.project import expand, load_project
from tools.targets.html import BuildReport, build_html

sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import make_corpus  # noqa: E402

N = 4


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    make_corpus(folder, N, seed=7)
    return folder


@pytest.fixture(scope="module")
def site(corpus, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    return build_html([], out, project=load_project(corpus)).parent


def page(path: Path):
    return lhtml.parse(str(path)).getroot()


def copy_corpus(corpus: Path, tmp_path: Path) -> Path:
    dest = tmp_path / "ed"
    shutil.copytree(corpus, dest, ignore=shutil.ignore_patterns("build"))
    return dest


# ---------- the project file and the registers ----------

def test_registers_are_sources_not_documents(corpus):
    project = load_project(corpus)
    assert [p.name for p in project.register_files()] == ["registers.xml"]
    docs = [p.name for p in project.document_files()]
    assert len(docs) == N and "registers.xml" not in docs
    assert project.title.startswith("Қазақ совет энциклопедиясы")


def test_registers_must_be_a_list_of_paths(tmp_path):
    (tmp_path / "edition.toml").write_text('[edition]\nregisters = "tei/registers.xml"\n', encoding="utf-8")
    with pytest.raises(ToolError) as err:
        load_project(tmp_path)
    assert err.value.exit_code == 2 and "registers must be a list" in str(err.value)


def test_a_pointer_into_the_register_that_leads_nowhere_is_located(corpus, tmp_path, run_tools):
    ed = copy_corpus(corpus, tmp_path)
    doc = sorted((ed / "tei").glob("doc-*.xml"))[0]
    text = doc.read_text(encoding="utf-8")
    m = re.search(r'persName ref="registers\.xml#(pers\.[a-z]+)"', text)
    broken = text.replace(m.group(0), m.group(0).replace(m.group(1), m.group(1) + "x"), 1)
    doc.write_text(broken, encoding="utf-8")
    line = broken[:broken.index(m.group(1) + "x")].count("\n") + 1
    col = broken.split("\n")[line - 1].index(f'ref="registers.xml#{m.group(1)}x"') + 1
    result = run_tools("validate", cwd=ed)
    assert result.returncode == 1
    expected = (f"tei/{doc.name}:{line}:{col}: error: @ref=\"registers.xml#{m.group(1)}x\" points to no entry of "
                f"tei/registers.xml; closest ids: {m.group(1)}")
    assert expected in result.stdout, result.stdout
    assert "tei/registers.xml: judged by" in result.stdout  # the register file is validated too
    result = run_tools("build", "html", cwd=ed)  # and the build refuses, with the same line
    assert result.returncode == 1 and expected in result.stderr


def test_a_name_must_point_to_an_entry_of_its_kind(corpus, tmp_path, run_tools):
    ed = copy_corpus(corpus, tmp_path)
    doc = sorted((ed / "tei").glob("doc-*.xml"))[0]
    text = doc.read_text(encoding="utf-8")
    m = re.search(r'placeName ref="registers\.xml#(pl\.[a-z-]+)"', text)
    doc.write_text(text.replace(m.group(0), 'placeName ref="registers.xml#pers.lenin"', 1), encoding="utf-8")
    result = run_tools("validate", str(doc.relative_to(ed)), cwd=ed)
    assert result.returncode == 1
    assert "of a placeName must point to a <place> of the register, but pers.lenin is a <person>" in result.stdout


# ---------- one site ----------

def test_the_collection_lists_every_document(site, corpus):
    root = page(site / "index.html")
    rows = root.xpath("//table[@id='collection']/tbody/tr")
    assert len(rows) == N
    for row, doc in zip(rows, sorted((corpus / "tei").glob("doc-*.xml"))):
        href = row.xpath("string(td[1]/a/@href)")
        assert href == f"{doc.stem}/index.html" and (site / href).is_file()
        assert row.xpath("string(td[2])").strip().endswith("ж.")  # the date of the source, by the common layer
        assert row.get("data-doc-date")[:2] == "19" and int(row.get("data-doc-size")) > 100
    assert root.xpath("string(//h1)").startswith("Қазақ совет энциклопедиясы")
    assert "TEI" != root.xpath("string(//title)")


def test_assets_are_shared_once(site):
    assert (site / "assets" / "edition.css").is_file()
    assert not list(site.glob("doc-*/assets"))
    text = page(site / "doc-0001" / "text.html")
    assert "../assets/edition.css" in text.xpath("//link[@rel='stylesheet']/@href")
    assert not [h for h in text.xpath("//@href | //@src") if h.startswith("assets/")]


def _anchor_exists(site: Path, href: str, base: Path) -> bool:
    path, _, frag = href.partition("#")
    target = (base / path.split("?")[0]).resolve()
    return target.is_file() and (not frag or page(target).xpath(f"//*[@id='{frag}']"))


def test_a_person_is_one_entry_with_every_occurrence_in_the_corpus(site):
    entry = site / "persons" / "pers.lenin.html"
    root = page(entry)
    docs = root.xpath("//dl[@class='occ-by-doc']/dt")
    links = root.xpath("//dl[@class='occ-by-doc']//ul/li/a/@href")
    # the test corpus gives Lenin several documents (the edition names him in 13 paragraphs)
    assert len(docs) >= 2 and len(links) >= len(docs)
    for href in links:
        assert _anchor_exists(site, href, entry.parent), href
    # the register page counts him, and a name in a text links to his page
    index = page(site / "persons.html")
    assert index.xpath("//li[@id='pers.lenin']/a/@href") == ["persons/pers.lenin.html"]
    text = next(p for p in site.glob("doc-*/text.html") if "pers.lenin.html" in p.read_text(encoding="utf-8"))
    assert page(text).xpath("//a[contains(@href, '../persons/pers.lenin.html')]")


def test_the_chronology_spans_the_documents(site):
    years = page(site / "chronology.html").xpath("//ul[@class='year-index']//a/@href")
    assert "chronology/1921.html" in years
    year = site / "chronology" / "1921.html"
    rows = page(year).xpath("//table[@class='chronology']/tbody/tr")
    assert rows and all(row.xpath("string(th)").strip() for row in rows)
    for href in {r.xpath("string(td[2]/a/@href)") for r in rows}:
        assert _anchor_exists(site, href, year.parent), href
    assert len({r.xpath("string(td[2]/a/@href)").split("/")[1] for r in rows}) >= 2  # several documents


def test_one_search_over_the_corpus(site):
    from tools.targets.search_index import fold, key_file

    meta = (site / "search" / "meta.js").read_text(encoding="utf-8")
    assert json.loads(meta[meta.index("=") + 1:].strip().rstrip(";"))["docs"] == N
    term = fold("Қазақстан")
    assert term == fold("Qazaqstan") == "kazakstan"  # the key both scripts meet in
    shard = (site / "search" / "s" / key_file(term[:2])).read_text(encoding="utf-8")
    if not shard:
        pytest.fail("no shard")
    rows = json.loads(shard[shard.index(",") + 1:shard.rindex(")")])[term]
    assert len({doc for doc, _r, _w in rows}) >= 2  # found in several documents
    assert (site / "search.html").is_file() and not list(site.glob("doc-*/search.html"))


# ---------- incremental and parallel ----------

def test_unchanged_rebuild_does_nothing_again_and_one_change_rebuilds_one_document(corpus, tmp_path):
    ed = copy_corpus(corpus, tmp_path)
    project = load_project(ed)
    out = tmp_path / "out"
    first = BuildReport(out)
    build_html([], out, project=project, report=first)
    assert len(first.rebuilt) == N
    index_before = (out / "html" / "index.html").read_bytes()

    again = BuildReport(out)
    build_html([], out, project=project, report=again)
    assert again.rebuilt == [] and len(again.reused) == N and again.units_rendered == 0
    assert (out / "html" / "index.html").read_bytes() == index_before

    doc = sorted((ed / "tei").glob("doc-*.xml"))[1]
    text = doc.read_text(encoding="utf-8")
    title = re.search(r'<title type="main"[^>]*>([^<]*)</title>', text).group(1)
    doc.write_text(text.replace(title, "Жаңа атау").replace('<p xml:id="p1" n="1">', '<p xml:id="p1" n="1">ӨЗГЕРІС ', 1),
                   encoding="utf-8")
    one = BuildReport(out)
    build_html([], out, project=project, report=one)
    assert [Path(r).name for r in one.rebuilt] == [doc.name]
    assert "ӨЗГЕРІС" in (out / "html" / doc.stem / "text.html").read_text(encoding="utf-8")
    assert "Жаңа атау" in (out / "html" / "index.html").read_text(encoding="utf-8")  # the collection follows
    assert 0 < one.units_rendered < first.units_rendered


def test_a_changed_register_entry_rebuilds_the_documents_that_name_it(corpus, tmp_path):
    ed = copy_corpus(corpus, tmp_path)
    project = load_project(ed)
    out = tmp_path / "out"
    build_html([], out, project=project)
    texts = {p.name: p.read_text(encoding="utf-8") for p in (ed / "tei").glob("doc-*.xml")}
    by_id: dict[str, list[str]] = {}
    for name, text in texts.items():
        for ident in set(re.findall(r'persName ref="registers\.xml#([^"]+)"', text)):
            by_id.setdefault(ident, []).append(name)
    ident, naming = next((i, d) for i, d in sorted(by_id.items()) if 0 < len(d) < N)  # named by some documents
    registers = ed / "tei" / "registers.xml"
    text = registers.read_text(encoding="utf-8")
    at = text.index(f'xml:id="{ident}"')
    end = text.index("</persName>", at)
    registers.write_text(text[:end] + " (ӨЗГЕРТІЛДІ)" + text[end:], encoding="utf-8")
    report = BuildReport(out)
    build_html([], out, project=load_project(ed), report=report)
    assert sorted(Path(r).name for r in report.rebuilt) == sorted(naming)
    assert "(ӨЗГЕРТІЛДІ)" in (out / "html" / "persons" / f"{ident}.html").read_text(encoding="utf-8")


@pytest.mark.slow
def test_documents_built_in_parallel_give_the_same_site(corpus, tmp_path, monkeypatch):
    ed = copy_corpus(corpus, tmp_path)
    sites = {}
    for jobs in ("1", "2"):
        monkeypatch.setenv("TOOLS_JOBS", jobs)
        sites[jobs] = build_html([], tmp_path / f"out{jobs}", project=load_project(ed), cache=False).parent
    # every file but the output mark, whose inventory holds the files' times
    files = sorted(str(p.relative_to(sites["1"])) for p in sites["1"].rglob("*") if p.is_file() and p.name != ".tools-output")
    assert files == sorted(str(p.relative_to(sites["2"])) for p in sites["2"].rglob("*")
                           if p.is_file() and p.name != ".tools-output")
    for rel in files:
        assert (sites["1"] / rel).read_bytes() == (sites["2"] / rel).read_bytes(), rel


def test_the_print_builder_gets_the_corpus_in_order(corpus):
    from tools.targets.corpus import documents_for_print

    documents = documents_for_print(load_project(corpus))
    assert [p.name for p in documents] == [f"doc-{i:04d}.xml" for i in range(1, N + 1)]
    # and the shared registers, as the print stylesheets' `registers` parameter is made of them
    from tools.core.registers import load_registers, register_documents_xml

    reg = load_registers(load_project(corpus))
    assert "pers.lenin" in reg.entries and 'xml:id="pers.lenin"' in register_documents_xml(reg)


def test_a_folder_given_as_path_leaves_the_registers_out(corpus):
    files = expand([corpus / "tei"], load_project(corpus))
    assert any(f.name == "registers.xml" for f in files)  # a folder holds it …
    from tools.core.registers import load_registers

    reg = load_registers(load_project(corpus))
    assert [f.name for f in files if not reg.is_register(f)] == [f"doc-{i:04d}.xml" for i in range(1, N + 1)]


def test_one_document_of_a_corpus_is_a_site_of_its_own_with_the_shared_entries(corpus, tmp_path):
    """A single document keeps the single-document layout; its register pages list the shared entries it
    names (the common layer resolves 'registers.xml#…' through the `registers` parameter)."""
    doc = sorted((corpus / "tei").glob("doc-*.xml"))[0]
    site = build_html([doc], tmp_path, project=load_project(corpus)).parent
    assert (site / "text.html").is_file() and not (site / doc.stem).exists()
    named = set(re.findall(r'persName ref="registers\.xml#([^"]+)"', doc.read_text(encoding="utf-8")))
    persons = page(site / "persons.html")
    assert named and named <= set(persons.xpath("//article[@class='entry']/@id"))
    some = sorted(named)[0]
    occ = persons.xpath(f"//article[@id='{some}']//ul[@class='occ-list']/li/a/@href")
    assert occ and all(_anchor_exists(site, h, site) for h in occ)
    text = page(site / "text.html")
    assert text.xpath(f"//a[@href='persons.html#{some}']")
