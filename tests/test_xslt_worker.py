"""The XSLT worker of the print build (tools.core.xslt_worker): print.xsl compiles in a forked process while the
build validates, and what comes back is what the build's own process would have made. Its errors reach the
caller as they were raised; a worker that dies is an internal error (exit 3), never a hang."""
from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tools.core import build_pool
from tools.core.errors import EXIT_INTERNAL, EXIT_INVALID, ToolError
from tools.core.xslt_worker import XsltWorker

ROOT = Path(__file__).resolve().parent.parent


def _refuse(message: str) -> None:
    raise ToolError(f"x.xml:3:1: error: {message}", EXIT_INVALID)


def _die() -> None:
    os._exit(7)


def _sleep(seconds: float) -> None:
    time.sleep(seconds)


@pytest.fixture
def worker(monkeypatch):
    # these workers run plain Python, so they may be forked even where this process runs Saxon already
    monkeypatch.setattr(build_pool, "can_fork", lambda: True)
    monkeypatch.setenv("TOOLS_JOBS", "2")
    started = XsltWorker.start()
    assert started is not None
    yield started
    started.close()


def test_calls_run_in_the_worker_in_order(worker):
    assert worker.call(os.getpid) != os.getpid()
    worker.send(str.upper, "қазақ")
    assert worker.receive() == "ҚАЗАҚ"
    with pytest.raises(RuntimeError):  # one call at a time: the pipe must never fill both ways
        worker.send(str.upper, "a")
        worker.send(str.upper, "b")


def test_a_tool_error_comes_back_as_it_was_raised(worker):
    with pytest.raises(ToolError) as err:
        worker.call(_refuse, "not valid")
    assert err.value.exit_code == EXIT_INVALID and str(err.value) == "x.xml:3:1: error: not valid"
    assert worker.call(str.lower, "OK") == "ok"  # the worker goes on after an error


def test_a_worker_that_dies_is_an_internal_error(worker):
    with pytest.raises(ToolError) as err:
        worker.call(_die)
    assert err.value.exit_code == EXIT_INTERNAL and "died" in str(err.value)


def test_an_error_of_the_caller_ends_a_busy_worker_at_once(worker):
    t = time.perf_counter()
    with pytest.raises(KeyError):
        with worker:
            worker.send(_sleep, 30)
            raise KeyError("the validation failed")
    assert time.perf_counter() - t < 5


def test_no_worker_with_one_job(monkeypatch):
    monkeypatch.setattr(build_pool, "can_fork", lambda: True)
    monkeypatch.setenv("TOOLS_JOBS", "1")
    assert XsltWorker.start() is None


def test_the_worker_writes_the_same_typst_as_this_process():
    """In a fresh process (Saxon not yet started, so the build may fork): the Typst source of the edition made
    by the worker, byte for byte the one made in-process."""
    code = r"""
import sys
from pathlib import Path
from tools.core.project import find_project
from tools.core.xslt_worker import XsltWorker
from tools.targets import pdf
project = find_project()
params = pdf.project_params(project)
clock = dict.fromkeys(pdf.PHASES, 0.0)
docs = pdf._load_valid([Path("tei/kazakhstan-1920-1932.xml")], force=False, warnings=None, clock=clock,
                       project=project, output="the PDF")
worker = XsltWorker.start(pdf._compile_print)
assert worker is not None, "no worker was forked"
with worker:
    [(doc, forked)] = list(pdf._typst_sources(docs, params, clock, project, worker))
[(doc, here)] = list(pdf._typst_sources(docs, params, clock, project, None))
assert forked == here and forked.startswith("// Written by xslt/print/print.xsl"), "the sources differ"
print("same", len(here))
"""
    env = {**os.environ, "TOOLS_JOBS": "2"}
    ran = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, timeout=300)
    assert ran.returncode == 0, ran.stderr[-2000:]
    assert ran.stdout.startswith("same ")


def test_the_worker_ends_when_its_parent_is_killed(tmp_path):
    """A build killed from outside (tools serve ends its PDF build with SIGTERM) leaves no worker behind."""
    import os
    import subprocess
    import sys
    import time

    pid_file = tmp_path / "worker.pid"
    script = (
        "import os, sys\n"
        "from tools.core.xslt_worker import XsltWorker\n"
        "w = XsltWorker.start()\n"
        f"open({str(pid_file)!r}, 'w').write(str(w._process.pid if w else 0))\n"
        "os._exit(0)  # killed: no close()\n"
    )
    subprocess.run([sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   timeout=60, env={**os.environ, "TOOLS_JOBS": "2"})
    pid = int(pid_file.read_text() or 0)
    if pid == 0:
        return  # no fork here (one core): nothing can be left behind
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return
        time.sleep(0.1)
    os.kill(pid, 9)
    raise AssertionError("the XSLT worker outlived its parent")
