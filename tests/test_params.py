"""Stylesheet parameters are checked against their declared type before any transform, and what reaches the
built pages is escaped (issue 14: `--param lang=kk";…//` ran a script on every page, `source-href=javascript:…`
became a live link)."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import html as lhtml

from conftest import FIXTURES, ROOT
from tools.core import resources
from tools.core.params import KINDS, ParamSpec, check_params, declared_params, value_problem
from tools.core.errors import ToolError

MINI = FIXTURES / "valid" / "minimal.xml"
PARAM_FILES = sorted(Path(resources.xslt()).rglob("*_param.xsl"))


def test_every_declared_parameter_has_a_type():
    specs = declared_params(PARAM_FILES)
    assert {"lang", "source-href", "default-view", "line-numbers-every"} <= set(specs)
    untyped = [f"{s.file}: {s.name}" for s in specs.values() if s.kind not in KINDS]
    assert not untyped, f"give these a type in their doc comment, `NAME (TYPE): …`: {untyped}"
    for spec in specs.values():
        if spec.kind in ("choice", "tokens"):
            assert spec.values and all(re.fullmatch(r"[\w.-]+", v) for v in spec.values), spec


@pytest.mark.parametrize("kind, good, bad", [
    ("url", ["", "tei/x.xml", "../a b".replace(" ", "%20"), "https://example.org/x?y=1#z", "#top", "//cdn.org/x"],
     ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:x", "data:text/html,x",
      "vbscript:x", "http:alert(1)", "a b", "\\\\evil"]),
    ("integer", ["0", "5", "12"], ["", "-1", "5;", "1e3", "５"]),
    ("date", ["", "2026-12-07"], ["2026-13-01", "07.12.2026", "2026-12-07<script>"]),
    ("language", ["kk", "en", "kk-Cyrl", "ru"], ["", 'kk";alert(1)//', "k", "kk en"]),
    ("languages", ["kk en ru"], ["", "kk <b>"]),
    ("id", ["", "W", "wit.A", "ед"], ["1a", "a b", "#A"]),
    ("text", ["W", "Noto Serif", 'a "b" <c> & \'d\''], ["a\x00b", "\x1b[31m"]),
])
def test_values_by_type(kind, good, bad):
    spec = ParamSpec("p", kind)
    for value in good:
        assert value_problem(spec, value) is None, value
    for value in bad:
        assert value_problem(spec, value), value


def test_closed_lists():
    spec = ParamSpec("p", "choice", ("yes", "no"))
    assert value_problem(spec, "yes") is None and value_problem(spec, "yes ") and value_problem(spec, "")
    spec = ParamSpec("p", "tokens", ("persons", "places"))
    assert value_problem(spec, "persons places") is None and value_problem(spec, "persons x")


def test_check_params_names_and_values():
    specs = {"lang": ParamSpec("lang", "choice", ("kk", "en"))}
    check_params({"lang": "en"}, specs)
    with pytest.raises(ToolError) as err:
        check_params({"lang": 'kk";alert(1)//'}, specs)
    assert err.value.exit_code == 2 and "lang=" in str(err.value)
    with pytest.raises(ToolError):
        check_params({"nope": "1"}, specs)


@pytest.fixture
def src(tmp_path):
    (tmp_path / "src").mkdir()
    doc = tmp_path / "src" / "minimal.xml"
    doc.write_text(MINI.read_text(encoding="utf-8").replace("../../../schema/", (ROOT / "schema").as_uri() + "/"),
                   encoding="utf-8")
    return doc


def _scripts_are_json(site: Path) -> dict:
    """labels.js is `window.NAME = JSON;` lines and nothing else: a value that broke out of its string fails."""
    text = (site / "assets" / "labels.js").read_text(encoding="utf-8")
    body = re.sub(r"/\*.*?\*/", "", text, flags=re.S).strip()
    values = {}
    for statement in filter(None, (s.strip() for s in body.split(";\n"))):
        m = re.fullmatch(r"window\.(\w+) = (.*?);?", statement, re.S)
        assert m, statement
        values[m.group(1)] = json.loads(m.group(2))
    return values


def _hrefs(site: Path) -> list[str]:
    return [h for page in site.rglob("*.html") for h in lhtml.parse(str(page)).getroot().xpath("//@href | //@src")]


@pytest.mark.parametrize("param", ['lang=kk";alert(document.cookie)//', "lang=kk</script><script>alert(1)</script>",
                                   "source-href=javascript:alert(1)", "source-href= javascript:alert(1)",
                                   "edition-url=javascript:alert(1)", "line-numbers-every=5;alert(1)",
                                   "default-view=reading\" onload=\"alert(1)"])
def test_injection_through_a_parameter_is_refused(run_tools, src, tmp_path, param):
    result = run_tools("build", "html", src, "-o", tmp_path / "out", "--param", param)
    assert result.returncode == 2 and "is refused" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_injection_through_the_project_file_is_refused(run_tools, tmp_path):
    assert run_tools("new", tmp_path / "ed").returncode == 0
    toml = tmp_path / "ed" / "edition.toml"
    toml.write_text(toml.read_text(encoding="utf-8") + '\n[html]\nparams = { source-href = "javascript:alert(1)" }\n',
                    encoding="utf-8")
    result = run_tools("build", "html", cwd=tmp_path / "ed")
    assert result.returncode == 2 and "source-href" in result.stderr
    assert not (tmp_path / "ed" / "build").exists()


def test_the_built_site_escapes_what_it_is_given(run_tools, src, tmp_path):
    """Values that pass their type still reach the pages escaped: labels.js is JSON, links are what was given."""
    out = tmp_path / "out"
    result = run_tools("build", "html", src, "-o", out, "--param", "lang=en",
                       "--param", "source-href=../dl/a%22b.xml?x=1&y=2", "--param", "witness-siglum=<W&\"1\">")
    assert result.returncode == 0, result.stderr
    site = out / "html"
    assert _scripts_are_json(site)["KSE_DEFAULT_LANG"] == "en"
    hrefs = _hrefs(site)
    assert "../dl/a%22b.xml?x=1&y=2" in hrefs
    assert not any(h.strip().lower().startswith(("javascript:", "data:", "vbscript:")) for h in hrefs)
    for page in site.rglob("*.html"):
        assert "<W&" not in page.read_text(encoding="utf-8")


def test_labels_js_is_json_even_if_a_value_escaped_the_check(tmp_path):
    """Defence in depth: the stylesheet serializes the language as JSON, whatever it is given."""
    from tools.core.document import load
    from tools.core.saxon import transform_to_string
    from tools.targets.html import STYLESHEET

    site = tmp_path / "site"
    site.mkdir()
    payload = 'kk";alert(document.cookie);//\u2028'
    transform_to_string(STYLESHEET, load(MINI), {"lang": payload}, base_output=site)
    assert _scripts_are_json(site)["KSE_DEFAULT_LANG"] == payload


def test_a_source_file_name_is_a_safe_link(run_tools, tmp_path):
    (tmp_path / "src").mkdir()
    doc = tmp_path / "src" / "javascript:a#b?.xml"
    doc.write_text(MINI.read_text(encoding="utf-8").replace("../../../schema/", (ROOT / "schema").as_uri() + "/"),
                   encoding="utf-8")
    result = run_tools("build", "html", doc, "-o", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    site = tmp_path / "out" / "html"
    assert "tei/javascript%3Aa%23b%3F.xml" in _hrefs(site)
    assert (site / "tei" / doc.name).read_bytes() == doc.read_bytes()
