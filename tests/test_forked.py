"""tools/forked.py: a worker process that runs tasks, replies early, reports errors, and never outlives an error."""
from __future__ import annotations

import os
import signal
import time
from pathlib import Path

import pytest

from tools.targets import forked
from tools.core.errors import EXIT_INTERNAL, EXIT_INVALID, ToolError, Problem

pytestmark = pytest.mark.slow  # the full suite only (./setup.sh test); see pyproject.toml


def _square_then_pid(reply, n):
    reply(n * n)
    return os.getpid()


def _refuse(reply, path):
    raise ToolError(f"{path}:3:4: error: bad", EXIT_INVALID, [Problem(path, 3, 4, "error", "bad")])


def _crash(reply):
    return 1 // 0


def _sleep(reply, seconds):
    time.sleep(seconds)
    return "woke"


@pytest.fixture(params=["fork", "inline"])
def mode(request, monkeypatch):
    if request.param == "inline":
        monkeypatch.setenv("KSE_JOBS", "1")
    else:
        monkeypatch.delenv("KSE_JOBS", raising=False)
    return request.param


def test_a_task_replies_then_returns_in_order(mode):
    with forked.Worker() as worker:
        worker.submit(_square_then_pid, 7)
        assert worker.receive() == 49
        pid = worker.receive()
        worker.submit(_square_then_pid, 3)  # the worker serves one task after another
        assert worker.receive() == 9 and worker.receive() == pid
    assert (pid != os.getpid()) == (mode == "fork")


def test_a_tool_error_comes_back_as_it_was(mode):
    with forked.Worker() as worker:
        worker.submit(_refuse, "ed.xml")
        with pytest.raises(ToolError) as caught:
            worker.receive()
    assert caught.value.exit_code == EXIT_INVALID
    assert caught.value.message == "ed.xml:3:4: error: bad"
    assert caught.value.problems == [Problem("ed.xml", 3, 4, "error", "bad")]


def test_any_other_exception_is_an_internal_error_naming_it(mode):
    with forked.Worker() as worker:
        worker.submit(_crash)
        with pytest.raises(ToolError) as caught:
            worker.receive()
    assert caught.value.exit_code == EXIT_INTERNAL and "ZeroDivisionError" in caught.value.message
    assert "\n" not in caught.value.message and "test_forked.py:" in caught.value.message  # one line, no traceback


def test_prepare_runs_in_the_worker_before_its_tasks(mode, tmp_path):
    marker = tmp_path / "prepared"
    with forked.Worker(prepare=lambda: marker.write_text(str(os.getpid()))) as worker:
        worker.submit(_square_then_pid, 1)
        worker.receive()
        pid = worker.receive()
    assert marker.read_text() == str(pid)


def test_an_error_in_the_parent_kills_the_worker(monkeypatch):
    monkeypatch.delenv("KSE_JOBS", raising=False)
    with pytest.raises(RuntimeError):
        with forked.Worker() as worker:
            worker.submit(_sleep, 60)
            pid = worker._pid
            raise RuntimeError("the build failed here")
    with pytest.raises(ProcessLookupError):  # gone, and reaped: no process left behind
        os.kill(pid, 0)


def _echo_size(reply, data):
    return len(data)


def _wait_for(path: Path) -> None:
    while not path.exists():
        time.sleep(0.01)


def test_a_task_larger_than_the_pipe_does_not_block_the_parent(monkeypatch, tmp_path):
    """The child may still be preparing (importing) when a large task comes: submit returns before the
    child reads it. Here the child prepares until the parent has returned from submit; a submit that
    waited for the child would never return (the alarm ends the test)."""
    monkeypatch.delenv("KSE_JOBS", raising=False)
    go = tmp_path / "go"
    data = "ә" * 1_000_000  # far more than a pipe's buffer
    previous = signal.signal(signal.SIGALRM, lambda *_: pytest.fail("submit blocked until the child read"))
    signal.alarm(10)
    try:
        with forked.Worker(prepare=lambda: _wait_for(go)) as worker:
            worker.submit(_echo_size, data)
            go.touch()
            assert worker.receive() == len(data)
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def test_killing_a_worker_that_is_still_receiving_a_task_is_quiet(monkeypatch, capfd):
    monkeypatch.delenv("KSE_JOBS", raising=False)
    with pytest.raises(RuntimeError):
        with forked.Worker(prepare=lambda: time.sleep(5)) as worker:
            worker.submit(_echo_size, "x" * 1_000_000)
            raise RuntimeError("stop")
    assert "Traceback" not in capfd.readouterr().err


def _fail_to_prepare():
    raise OSError("no fonts here")


def test_a_failing_preparation_is_the_answer_to_the_first_receive(mode):
    with pytest.raises(ToolError) as caught:
        with forked.Worker(prepare=_fail_to_prepare) as worker:
            worker.submit(_square_then_pid, 2)
            worker.receive()
    assert caught.value.exit_code == EXIT_INTERNAL and "OSError: no fonts here" in caught.value.message


def test_a_task_that_cannot_be_pickled_fails_in_submit_not_in_a_hang(monkeypatch):
    monkeypatch.delenv("KSE_JOBS", raising=False)
    with pytest.raises(Exception, match="pickle"):
        with forked.Worker() as worker:
            worker.submit(_square_then_pid, lambda: 1)


def _die(reply, after_reply: bool, size: int):
    if after_reply:
        reply("done")
        return "returned"
    reply("x" * size)  # the child is killed while this is on its way


def test_a_worker_killed_after_its_last_reply_is_reaped_quietly(monkeypatch):
    monkeypatch.delenv("KSE_JOBS", raising=False)
    with forked.Worker() as worker:
        worker.submit(_die, True, 0)
        assert worker.receive() == "done" and worker.receive() == "returned"
        os.kill(worker._pid, signal.SIGKILL)
        time.sleep(0.1)
    # close() neither raised nor hung, and the child is reaped
    assert worker._pid == 0


def test_a_worker_that_dies_in_the_middle_of_a_message_is_reported(monkeypatch):
    monkeypatch.delenv("KSE_JOBS", raising=False)
    with pytest.raises(ToolError, match="ended unexpectedly"):
        with forked.Worker() as worker:
            worker.submit(_die, False, 20_000_000)
            time.sleep(0.3)  # the reply fills the pipe: the child is blocked writing it
            os.kill(worker._pid, signal.SIGKILL)
            worker.receive()
