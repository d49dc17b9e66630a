"""An XSLT worker forked at the start of a build, so that its stylesheet compiles while this process works.

    worker = XsltWorker.start(warm)          # None when it cannot fork (see below): run the calls here instead
    ...                                      # meanwhile: read, parse and validate the documents
    worker.send(function, *args)             # one call at a time; the worker runs it ...
    ...                                      # ... while this process does something else (sets the last PDF)
    result = worker.receive()                # its result, or the ToolError it raised
    worker.close()                           # always (a `finally`): ends the worker

Why: compiling the print stylesheets takes SaxonC a third of a second or more, and it does not depend on the
document; SaxonC keeps the GIL while it compiles, so a thread would not overlap it with the Python work of
reading and validating. A forked process does, on the second core. The worker runs only what it is sent, in
order, and nothing is sent to it before the document is parsed safely and validated: Saxon still sees only
documents the safe parser and the validator have accepted.

Forking is safe only while this process has not started Saxon itself (a forked copy of a running Java-like
runtime is not): `start` returns None then, as it does with TOOLS_JOBS=1 or on a single core, and the caller
runs the same functions in its own process (the result is the same, only later). A worker that dies (a crash
of native code) becomes a ToolError with exit code 3; Ctrl-C is left to this process, which ends the worker.
"""
from __future__ import annotations

import multiprocessing
import os

from tools.core.errors import EXIT_INTERNAL, ToolError


class XsltWorker:
    def __init__(self, process, conn):
        self._process = process
        self._conn = conn
        self._waiting = False

    @classmethod
    def start(cls, warm=None) -> XsltWorker | None:
        """Fork the worker, which runs `warm()` (a module-level function: e.g. compile a stylesheet) at once;
        None when it may not fork (Saxon already running here, TOOLS_JOBS=1, one core, no fork)."""
        from tools.core.build_pool import can_fork, default_jobs

        if default_jobs() < 2 or not can_fork():
            return None
        ctx = multiprocessing.get_context("fork")
        conn, child = ctx.Pipe()
        process = ctx.Process(target=_serve, args=(child, warm, conn), daemon=True, name="tools-xslt")
        process.start()
        child.close()
        return cls(process, conn)

    def send(self, function, *args) -> None:
        """Ask the worker to run function(*args) (a module-level function and picklable arguments); one call
        may be outstanding at a time (the pipe would fill both ways with big documents otherwise)."""
        if self._waiting:
            raise RuntimeError("XsltWorker.send: the last call's result has not been received")
        try:
            self._conn.send((function, args))
        except (BrokenPipeError, EOFError, OSError):
            raise _died() from None
        self._waiting = True

    def receive(self):
        """The result of the call sent last (its ToolError raised here, as it was raised there)."""
        try:
            ok, value = self._conn.recv()
        except (EOFError, OSError):
            raise _died() from None
        finally:
            self._waiting = False
        if ok:
            return value
        raise value

    def call(self, function, *args):
        self.send(function, *args)
        return self.receive()

    def close(self) -> None:
        """End the worker: at once when a call is still running or on an error (nothing it does is needed
        then), else by asking it to stop."""
        if self._process is None:
            return
        try:
            if self._waiting:
                self._process.kill()
            else:
                try:
                    self._conn.send(None)
                except (BrokenPipeError, EOFError, OSError):
                    pass
            self._process.join(timeout=5)
            if self._process.is_alive():
                self._process.kill()
                self._process.join()
        finally:
            self._conn.close()
            self._process = None

    def __enter__(self):
        return self

    def __exit__(self, kind, exc, tb):
        if kind is not None:
            self._waiting = True  # an error here: the worker's work is not wanted, end it at once
        self.close()


def _died() -> ToolError:
    return ToolError("internal error: the XSLT worker process of the build died (run again; TOOLS_JOBS=1 builds "
                     "in one process)", EXIT_INTERNAL)


def _serve(conn, warm, parent_end) -> None:
    """The worker's loop: warm up, then run each call it is sent and send back (True, result) or (False,
    exception), until it is sent None or its parent goes away."""
    # the fork copied the parent's end of the pipe too: while this process held it, a parent killed (SIGTERM
    # from tools serve) never gave the worker its end of file, and the worker lived on for ever
    parent_end.close()
    from tools.core.build_pool import worker_start

    worker_start(warm)  # as a build worker: Ctrl-C left to the parent, gone with it, then warmed up
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            break
        if message is None:
            break
        function, args = message
        try:
            reply = (True, function(*args))
        except BaseException as exc:  # noqa: BLE001 - handed to the parent, which raises it
            reply = (False, exc)
        try:
            try:
                conn.send(reply)
            except (BrokenPipeError, EOFError):
                raise
            except Exception as exc:  # noqa: BLE001 - an exception that does not pickle: its message does
                bad = reply[1] if not reply[0] else exc
                conn.send((False, ToolError(f"internal error: {type(bad).__name__}: {bad} (please report it)",
                                            EXIT_INTERNAL)))
        except (BrokenPipeError, EOFError, OSError):
            break
    conn.close()
    os._exit(0)  # no interpreter teardown (nor Saxon's) in the worker: the parent has what it needs
