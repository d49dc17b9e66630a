"""A worker process forked from this one, which runs tasks while this process goes on with other work.

    with forked.Worker(prepare=import_weasyprint) as worker:   # forks now; the child imports while we work
        worker.submit(lay_out_text, html, pdf)                 # lay_out_text(reply, html, pdf) in the child
        ...                                                    # meanwhile, other work here
        pages = worker.receive()       # what the task passed to reply(...): the page map, early
        timings = worker.receive()     # then what it returned, once it has also written the PDF

WHY fork: the work (WeasyPrint layout) needs libraries that take half a second to import; a forked child
has everything this process had imported, and `prepare` imports the rest while this process is busy.
Messages cross two pipes, pickled. A `ToolError` raised by a task is raised again by `receive` as it was
(message, exit code, problems); any other exception becomes a `ToolError` with exit code 3 naming it, since
it is a bug of the tools. Leaving the `with` block normally ends the child; leaving it by an exception
kills it, so that an error here never leaves a process behind. Where there is no fork (not POSIX), or
KSE_JOBS=1 is set, a task runs at once inside `submit` and `receive` hands its messages over: callers need
no second path, they only lose the parallelism.

The child leaves with os._exit: it must not run this process's exit handlers, flush its buffers a second
time or delete its temporary folders.
"""
from __future__ import annotations

import os
import pickle
import signal
import struct
import threading
import traceback
from collections import deque
from pathlib import Path

from tools.core.errors import EXIT_INTERNAL, ToolError

_HEADER = struct.Struct("!Q")


def parallel() -> bool:
    """Whether a Worker forks (POSIX, and not switched off with KSE_JOBS=1)."""
    return hasattr(os, "fork") and os.environ.get("KSE_JOBS", "") != "1"


class Worker:
    """A child process running tasks one at a time (see the module comment)."""

    def __init__(self, prepare=None):
        self._inline: deque | None = None
        if not parallel():
            self._inline = deque()
            if (failed := _prepare(prepare)) is not None:  # as in the child: the answer to the first receive
                self._inline.append(failed)
            return
        task_read, task_write = os.pipe()
        message_read, message_write = os.pipe()
        pid = os.fork()
        if pid == 0:  # the child
            code = 0
            try:
                os.close(task_write)
                os.close(message_read)
                _serve(prepare, os.fdopen(task_read, "rb"), os.fdopen(message_write, "wb"))
            except BaseException:  # noqa: BLE001 - nothing may escape the child
                code = 1
            finally:
                os._exit(code)
        os.close(task_read)
        os.close(message_write)
        self._pid = pid
        self._tasks = os.fdopen(task_write, "wb")
        self._messages = os.fdopen(message_read, "rb")
        self._sending: threading.Thread | None = None

    def submit(self, function, *args) -> None:
        """Run function(reply, *args) in the child; `function` must be importable (a module-level function)."""
        if self._inline is not None:
            self._inline.extend(_run(function, args, lambda value: self._inline.append(("message", value))))
            return
        data = _frame((function, args))  # here, so that a task that cannot be pickled fails here
        # written from a thread: a task larger than the pipe's buffer would block this process until the child
        # reads it, and the child may still be preparing
        self._sent()
        self._sending = threading.Thread(target=_write_unless_gone, args=(self._tasks, data), daemon=True)
        self._sending.start()

    def receive(self):
        """The next message of the running task: a value it passed to reply(), or the value it returned."""
        if self._inline is not None:
            kind, value = self._inline.popleft()
        else:
            received = _receive(self._messages)
            if received is None:
                raise ToolError("internal error: the worker process ended unexpectedly", EXIT_INTERNAL)
            kind, value = received
        if kind in ("message", "ok"):
            return value
        if kind == "tool-error":
            message, exit_code, problems = value
            raise ToolError(message, exit_code, problems)
        raise ToolError(f"internal error in the worker process: {value}", EXIT_INTERNAL)

    def close(self) -> None:
        """End the child once its tasks are done (it may have died already: then only reap it)."""
        if self._inline is None and self._pid:
            self._sent()
            _write_unless_gone(self._tasks, _frame(None))
            self._end()

    def kill(self) -> None:
        """End the child now."""
        if self._inline is None and self._pid:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self._end()

    def _end(self) -> None:
        os.waitpid(self._pid, 0)
        self._pid = 0
        self._sent()  # a write in progress ends: the pipe is broken or read
        for stream in (self._tasks, self._messages):
            try:
                stream.close()
            except OSError:  # BrokenPipeError flushing the task pipe of a dead child
                pass

    def _sent(self) -> None:
        """Wait until the task being sent is in the pipe."""
        if self._sending is not None:
            self._sending.join()
            self._sending = None

    def __enter__(self) -> Worker:
        return self

    def __exit__(self, kind, *_) -> None:
        if kind is None:
            self.close()
        else:
            self.kill()


def _serve(prepare, tasks, messages) -> None:
    """The child's loop: run each task that comes, send what it replies and returns; stop at None. If
    `prepare` fails, its error is the answer to whatever is asked."""
    if (failed := _prepare(prepare)) is not None:
        _write(messages, _frame(failed))
        return
    while (task := _receive(tasks)) is not None:
        function, args = task
        for outcome in _run(function, args, lambda value: _write(messages, _frame(("message", value)))):
            _write(messages, _frame(outcome))


def _prepare(prepare) -> tuple | None:
    """Run `prepare` (if any); its error as a message, or None."""
    if prepare is None:
        return None
    [outcome] = _run(lambda reply: prepare(), (), None)
    return None if outcome[0] == "ok" else outcome


def _run(function, args, reply) -> list[tuple]:
    """The outcome of function(reply, *args), as a message: ("ok", value) or an error."""
    try:
        return [("ok", function(reply, *args))]
    except ToolError as exc:
        return [("tool-error", (exc.message, exc.exit_code, exc.problems))]
    except Exception as exc:  # noqa: BLE001 - reported by the parent, on one line: where it happened, no traceback
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return [("crash", f"{type(exc).__name__}: {exc} (at {Path(frame.filename).name}:{frame.lineno})")]


def _frame(value) -> bytes:
    """`value` pickled, after its length."""
    data = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER.pack(len(data)) + data


def _write(stream, data: bytes) -> None:
    stream.write(data)
    stream.flush()


def _write_unless_gone(stream, data: bytes) -> None:
    try:
        _write(stream, data)
    except (OSError, ValueError):  # the child is gone (ValueError: the pipe was closed meanwhile)
        pass


def _receive(stream):
    """The next value sent on `stream`, or None at its end — also when the sender died in the middle of it."""
    header = stream.read(_HEADER.size)
    if len(header) < _HEADER.size:
        return None
    (size,) = _HEADER.unpack(header)
    data = stream.read(size)
    return pickle.loads(data) if len(data) == size else None
