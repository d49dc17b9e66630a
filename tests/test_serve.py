"""`tools serve`: the edition on 127.0.0.1, rebuilt on save, the page reloaded, the problems of a broken file
shown in its place; Ctrl-C stops it cleanly."""
from __future__ import annotations

import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request
from functools import partial
from pathlib import Path

import pytest

from conftest import ROOT
from tools.core.errors import Problem
from tools.targets import serve as S

sys.path.insert(0, str(ROOT / "bench"))
from make_corpus import make_corpus  # noqa: E402


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str:
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read().decode("utf-8")


def _until(check, timeout=120.0, what=""):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            found = check()
        except OSError:
            found = None
        if found:
            return found
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


# ---------- the server alone, on a made-up build ----------

@pytest.fixture
def server(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("<!DOCTYPE html><html><body><p>старый</p></body></html>", encoding="utf-8")
    state = S._State()
    state.built(manifest={"index.html": str(page), "doc/index.html": str(page), "a.js": str(tmp_path / "a.js")})
    srv = S._server(state, 0)
    thread = threading.Thread(target=srv.serve_forever, daemon=True)
    thread.start()
    yield state, f"http://127.0.0.1:{srv.server_address[1]}", tmp_path
    state.stop()
    srv.shutdown()
    srv.server_close()


def test_only_the_files_of_the_build_are_served(server):
    state, url, tmp = server
    (tmp / "secret.txt").write_text("no")
    assert "старый" in _get(url + "/") and "/__tools/live.js" in _get(url + "/")  # the page gets the live script
    for path in ("/secret.txt", "/../secret.txt", "/%2e%2e/secret.txt", "/page.html"):
        with pytest.raises(urllib.error.HTTPError) as err:
            _get(url + path)
        assert err.value.code == 404
    req = urllib.request.Request(url + "/doc", method="GET")
    opener = urllib.request.build_opener(type("NoRedirect", (urllib.request.HTTPRedirectHandler,),
                                               {"redirect_request": lambda *a, **k: None}))
    with pytest.raises(urllib.error.HTTPError) as err:
        opener.open(req, timeout=5)
    assert err.value.code == 301 and err.value.headers["Location"] == "/doc/"


def test_problems_replace_the_pages_escaped(server):
    state, url, _ = server
    state.built([Problem("tei/a.xml", 12, 7, "error", 'element <foo> is not allowed here & "there"')])
    body = _get(url + "/")
    assert "tei/a.xml:12:7" in body and "element &lt;foo&gt; is not allowed here &amp; &quot;there&quot;" in body
    assert "<foo>" not in body and "старый" not in body


def test_a_page_reloads_only_when_a_build_changed_it(server, tmp_path):
    state, url, tmp = server
    other = tmp / "other.html"
    other.write_text("<html><body>новый</body></html>", encoding="utf-8")
    since = state.version
    state.built(manifest={**state.manifest, "doc/index.html": str(other)})
    assert _get(f"{url}/__tools/changed?since={since}&page=%2Fdoc%2F") == "yes"
    assert _get(f"{url}/__tools/changed?since={since}&page=%2F") == "no"
    state.built([Problem("tei/a.xml", 1, 1, "error", "x")])  # a failed build: every page shows it
    assert _get(f"{url}/__tools/changed?since={since + 1}&page=%2F") == "yes"


def test_the_events_say_the_build(server):
    state, url, _ = server
    with urllib.request.urlopen(url + "/__tools/events", timeout=10) as r:
        assert r.headers["Content-Type"] == "text/event-stream"
        assert r.readline().decode().strip() == f"data: {state.version}"


def test_the_pdf_is_served_when_made_and_said_to_be_coming_before(server):
    state, url, tmp = server
    state.pdfs_pending.add("pdf/a.pdf")
    with pytest.raises(urllib.error.HTTPError) as err:
        _get(url + "/pdf/a.pdf")
    assert err.value.code == 503 and "reload in a moment" in err.value.read().decode()
    made = tmp / "a.pdf"
    made.write_bytes(b"%PDF-1.7 test")
    state.pdfs["pdf/a.pdf"] = made
    with urllib.request.urlopen(url + "/pdf/a.pdf", timeout=10) as r:
        assert r.headers["Content-Type"] == "application/pdf" and r.read() == b"%PDF-1.7 test"
    with pytest.raises(urllib.error.HTTPError) as err:  # only the PDFs the preview made
        _get(url + "/pdf/b.pdf")
    assert err.value.code == 404


# ---------- the whole command, in a real process ----------

@pytest.mark.slow
def test_serve_shows_an_edit_then_the_error_of_a_broken_file_then_stops(tmp_path):
    make_corpus(tmp_path, 2, seed=3)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tools", "serve", "--port", str(port)], cwd=tmp_path,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _until(lambda: "doc-0001/index.html" in _get(url + "/"), what="the first build")
        doc = tmp_path / "tei" / "doc-0001.xml"
        text = doc.read_text(encoding="utf-8")
        doc.write_text(text.replace('<p xml:id="p1" n="1">', '<p xml:id="p1" n="1">ӨЗГЕРІС-САУЛЕ ', 1), encoding="utf-8")
        _until(lambda: "ӨЗГЕРІС-САУЛЕ" in _get(url + "/doc-0001/text.html"), what="the edit in the page")
        broken = text.replace('<p xml:id="p2" n="2">', '<p xml:id="p2" n="2"><hi>', 1)
        line = broken[:broken.index("<hi>")].count("\n") + 1
        doc.write_text(broken, encoding="utf-8")
        page = _until(lambda: (lambda body: body if "does not build" in body else None)(_get(url + "/doc-0001/text.html")),
                      what="the error page")
        assert f"tei/doc-0001.xml:{line}:" in page
        doc.write_text(text, encoding="utf-8")
        _until(lambda: "does not build" not in _get(url + "/doc-0001/text.html"), what="the fixed page")
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and err.strip().endswith("stopped"), err
    assert f"serving the edition at http://127.0.0.1:{port}/" in err


@pytest.mark.slow
def test_serve_makes_the_pdf_of_a_changed_document_after_its_pages(tmp_path):
    src = tmp_path / "src"
    shutil.copytree(ROOT / "tests" / "fixtures" / "book", src)
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "tools", "serve", "--port", str(port)], cwd=src,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"

    def pdf_text() -> str | None:
        try:
            with urllib.request.urlopen(url + "/pdf/a-valikhanov.pdf", timeout=10) as r:
                data = r.read()
        except urllib.error.HTTPError as err:
            assert err.code == 503, err.code  # being made: never a 404 for a document of the edition
            return None
        out = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True).stdout
        return out.decode("utf-8")

    try:
        _until(lambda: "a-valikhanov/index.html" in _get(url + "/"), what="the first build")
        assert "../../pdf/a-valikhanov.pdf" in _get(url + "/a-valikhanov/text.html")  # the print link
        assert "journey to Kashgar" in _until(pdf_text, what="the first PDF")
        doc = src / "tei" / "a-valikhanov.xml"
        doc.write_text(doc.read_text(encoding="utf-8").replace("journey to Kashgar", "journey to Yarkand"),
                       encoding="utf-8")
        _until(lambda: "journey to Yarkand" in _get(url + "/a-valikhanov/text.html"), what="the edit in the page")
        _until(lambda: "journey to Yarkand" in (pdf_text() or ""), what="the edit in the PDF")
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=60)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "PDF of tei/a-valikhanov.xml in" in err
