"""Run one function over many items in forked worker processes, each item under a deadline, results in order.

    for item, outcome in pool.run(judge, items, jobs=2, deadline=lambda item: 60.0):
        ...   # outcome: ("ok", value) | ("timeout", seconds) | ("crash", text), in the order of `items`

Why: validation must use both cores on a corpus, and a libxml2 routine that never returns (its RELAX NG code
has such patterns) must not hang the command. Workers are forked after `items` exist, so they read the items
from their own copy of memory: only an item's index crosses the pipe, and the pickled result comes back.
The parent waits for results with a timeout; a worker past an item's deadline is killed, the item gets a
"timeout" outcome and a fresh worker takes its place; a worker that dies (a crash in C code) gives "crash".
Results are yielded in the order of the items, whatever order the workers finish in, so output does not
depend on the number of workers. Without fork (not POSIX) the items run here, one after the other, with no
deadline. The workers leave with os._exit (no exit handlers of this process run twice).
"""
from __future__ import annotations

import os
import pickle
import select
import signal
import struct
import time
import traceback
from pathlib import Path

_HEADER = struct.Struct("!Q")


def can_fork() -> bool:
    return hasattr(os, "fork")


def run(function, items: list, *, jobs: int = 1, deadline=lambda item: 600.0):
    """Yield (item, outcome) for each item, in order; see the module comment."""
    items = list(items)
    if not items:
        return
    if not can_fork():
        for item in items:
            yield item, _call(function, item)
        return
    jobs = max(1, min(jobs, len(items)))
    workers: list[_Worker] = []
    done: dict[int, tuple] = {}
    queue = list(range(len(items)))
    queue.reverse()
    emitted = 0
    try:
        workers = [_Worker(function, items) for _ in range(jobs)]
        while emitted < len(items):
            for w in workers:
                if w.index is None and queue:
                    index = queue.pop()
                    w.start(index, time.monotonic() + deadline(items[index]))
            busy = [w for w in workers if w.index is not None]
            wait = max(0.0, min(w.limit for w in busy) - time.monotonic())
            ready, _, _ = select.select([w.results for w in busy], [], [], wait)
            for w in busy:
                if w.results in ready:
                    index, outcome = w.index, w.receive()
                    done[index] = outcome
                    if w.dead:
                        workers[workers.index(w)] = _replace(w, function, items)
                elif time.monotonic() >= w.limit:
                    done[w.index] = ("timeout", deadline(items[w.index]))
                    workers[workers.index(w)] = _replace(w, function, items)
            while emitted in done:
                yield items[emitted], done.pop(emitted)
                emitted += 1
    finally:
        for w in workers:
            w.stop()


class Pending:
    """One item started in a forked worker now, its outcome collected later (`wait`), so that this process
    can do other work meanwhile; `cancel` if the outcome is no longer wanted."""

    def __init__(self, function, item, deadline: float):
        self.deadline = deadline
        self.owner = os.getpid()  # a forked child inherits this object but not the pipes: `mine` says so
        self._worker = _Worker(function, [item])
        self._worker.start(0, time.monotonic() + deadline)
        self._outcome: tuple | None = None

    def wait(self) -> tuple:
        """("ok", value) | ("timeout", seconds) | ("crash", text), as `run` gives."""
        if self._outcome is None:
            w = self._worker
            ready, _, _ = select.select([w.results], [], [], max(0.0, w.limit - time.monotonic()))
            if ready:
                self._outcome = w.receive()
                w.stop()
            else:
                self._outcome = ("timeout", self.deadline)
                w.kill()
        return self._outcome

    @property
    def mine(self) -> bool:
        return self.owner == os.getpid()

    def cancel(self) -> None:
        if self._outcome is None and self.mine:
            self._outcome = ("crash", "cancelled")
            self._worker.kill()


def start(function, item, *, deadline: float) -> Pending | None:
    """`function(item)` begun in a forked worker (None where there is no fork)."""
    return Pending(function, item, deadline) if can_fork() else None


def _replace(worker: "_Worker", function, items) -> "_Worker":
    worker.kill()
    return _Worker(function, items)


class _Worker:
    # this process's ends of the pipes of live workers: a worker forked later must close them, or a worker
    # would never see the end of its task pipe (its brother holds it open)
    _parent_fds: set[int] = set()

    def __init__(self, function, items):
        task_read, task_write = os.pipe()
        result_read, result_write = os.pipe()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                for fd in (task_write, result_read, *self._parent_fds):
                    os.close(fd)
                self._parent_fds.clear()  # those numbers are free now: a pool of this worker's own reuses them
                signal.signal(signal.SIGINT, signal.SIG_DFL)
                _serve(function, items, task_read, result_write)
            except BaseException:  # noqa: BLE001 - nothing may escape the child
                code = 1
            finally:
                os._exit(code)
        os.close(task_read)
        os.close(result_write)
        self._parent_fds.update((task_write, result_read))
        self.pid, self.tasks, self.results = pid, task_write, result_read
        self.index: int | None = None
        self.limit = 0.0
        self.dead = False

    def start(self, index: int, limit: float) -> None:
        self.index, self.limit = index, limit
        os.write(self.tasks, _HEADER.pack(index))

    def receive(self) -> tuple:
        data = _read_frame(self.results)
        self.index = None
        if data is None:
            self.dead = True
            return ("crash", "the worker process died (a crash in a library)")
        return pickle.loads(data)

    def stop(self) -> None:
        if self.pid:
            os.close(self.tasks)  # end of tasks: the worker leaves its loop
            try:
                if self.index is not None:
                    os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except (ChildProcessError, ProcessLookupError):
                pass
            os.close(self.results)
            self._parent_fds.difference_update((self.tasks, self.results))
            self.pid = 0

    def kill(self) -> None:
        if self.pid:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
            self.index = None
            self.stop()


def _serve(function, items, task_fd: int, result_fd: int) -> None:
    while True:
        header = _read_exact(task_fd, _HEADER.size)
        if header is None:
            return
        (index,) = _HEADER.unpack(header)
        outcome = _call(function, items[index])
        try:
            data = pickle.dumps(outcome, protocol=pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # noqa: BLE001 - an unpicklable result is a bug: say so
            data = pickle.dumps(("crash", f"cannot send the result: {exc}"))
        _write_all(result_fd, _HEADER.pack(len(data)) + data)


def _call(function, item) -> tuple:
    try:
        return ("ok", function(item))
    except Exception as exc:  # noqa: BLE001 - reported by the caller on one line, no traceback
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        return ("crash", f"{type(exc).__name__}: {exc} (at {Path(frame.filename).name}:{frame.lineno})")


def _read_frame(fd: int) -> bytes | None:
    header = _read_exact(fd, _HEADER.size)
    if header is None:
        return None
    (size,) = _HEADER.unpack(header)
    return _read_exact(fd, size)


def _read_exact(fd: int, size: int) -> bytes | None:
    chunks, left = [], size
    while left:
        chunk = os.read(fd, min(left, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _write_all(fd: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(fd, view):]
