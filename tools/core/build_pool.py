"""Work on both cores: a pool of forked worker processes, each with its own XSLT processor.

    with Pool() as pool:                               # TOOLS_JOBS=N or jobs=N to choose; 1: no processes
        for result in pool.map(build_document, tasks): # in the order of the tasks
            ...

Saxon (SaxonC) keeps one processor per process (tools.core.saxon), so independent documents are
transformed in parallel by forking workers. A worker is forked from this process, which must not have
started Saxon itself (a forked copy of a running Java-like runtime is not safe): the pool forks only while
`tools.core.saxon` has no processor here, and otherwise runs the tasks in this process, one after the other
(the result is the same, only slower). The builders keep Saxon out of the parent for that reason; `tools
serve` keeps one pool for its whole life, so that the workers' compiled stylesheets are reused from one
rebuild to the next.

(Validation has its own pool, tools.core.pool: one fork per batch of items, each item under a deadline, for
libxml2 routines that may never return. This one keeps warm workers, with their compiled stylesheets, for
the life of a build or of `tools serve`.)

A task is a module-level function and picklable arguments. A `ToolError` raised by a task reaches the caller
as it was; a worker that dies (a crash of the native code) becomes a ToolError with exit code 3.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import BrokenExecutor, Future, ProcessPoolExecutor

from tools.core.errors import EXIT_INTERNAL, ToolError


def default_jobs() -> int:
    env = os.environ.get("TOOLS_JOBS", "")
    if env.isdigit() and int(env) > 0:
        return int(env)
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:
        return os.cpu_count() or 1


def can_fork() -> bool:
    from tools.core import saxon

    return hasattr(os, "fork") and saxon._processor is None


class Pool:
    def __init__(self, jobs: int | None = None, warm=None):
        self.jobs = jobs if jobs is not None else default_jobs()
        self.warm = warm  # run in each worker as it starts (e.g. compile the stylesheets)
        self._executor: ProcessPoolExecutor | None = None

    @property
    def parallel(self) -> bool:
        return self.jobs > 1 and (self._executor is not None or can_fork())

    def _ensure(self) -> ProcessPoolExecutor | None:
        if self._executor is None and self.jobs > 1 and can_fork():
            self._executor = ProcessPoolExecutor(self.jobs, mp_context=multiprocessing.get_context("fork"),
                                                 initializer=worker_start, initargs=(self.warm,))
        return self._executor

    def submit(self, function, *args) -> Future:
        executor = self._ensure()
        if executor is None:
            future: Future = Future()
            try:
                future.set_result(function(*args))
            except BaseException as exc:  # noqa: BLE001 - handed to the caller through the future
                future.set_exception(exc)
            return future
        try:
            return executor.submit(function, *args)
        except BrokenExecutor:
            self.close()
            raise ToolError("internal error: a worker process of the build died; run again "
                            "(TOOLS_JOBS=1 builds in one process)", EXIT_INTERNAL)

    def map(self, function, tasks, *, at_least: int = 2):
        """Results of function(task) for each task, in order. Fewer than `at_least` tasks run here: forking
        workers would cost more than it saves."""
        tasks = list(tasks)
        if len(tasks) < at_least and self._executor is None:
            return [function(t) for t in tasks]
        futures = [self.submit(function, t) for t in tasks]
        return [result(f) for f in futures]

    def start(self) -> None:
        """Start the workers now (they are forked at the first task otherwise), so that they are warm when the
        first task comes."""
        if self._ensure() is not None:
            self._executor.submit(_nothing).result()

    def close(self) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def worker_start(warm=None) -> None:
    """A worker leaves Ctrl-C to its parent, which stops the pool (no traceback from every worker), and ends
    when its parent is gone; then it warms up."""
    import signal
    import threading

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    threading.Thread(target=_orphan_watch, args=(os.getppid(),), daemon=True, name="tools-orphan-watch").start()
    if warm is not None:
        try:
            warm()
        except Exception:  # noqa: BLE001 - a task will meet the same error and report it
            pass


def _orphan_watch(parent: int) -> None:
    """Leave when the parent has gone (killed with SIGTERM or SIGKILL, as tools serve ends a build): an
    executor's worker otherwise waits for ever on a queue whose other end it holds itself."""
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def _nothing() -> None:
    return None


def result(future: Future):
    try:
        return future.result()
    except BrokenExecutor:
        raise ToolError("internal error: a worker process of the build died (run again; TOOLS_JOBS=1 builds in "
                        "one process)", EXIT_INTERNAL)
