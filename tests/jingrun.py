"""jing, the reference RELAX NG validator, run on many documents in as few JVMs as possible.

jing validates every file named on its command line against one compiled schema, but it stops at the first
fatal (well-formedness) error: the files after it are never read. `run` restarts it after the file that
stopped it, so each document gets its own verdict. Debian's /usr/bin/jing also resolves XInclude.

    verdicts = run(schema, files)       # {file: [error lines]} — an empty list is a valid document
"""
from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path
from urllib.parse import unquote

JING = shutil.which("jing")
_LINE = re.compile(r"^(.*?):(\d+):(\d+): (error|fatal): (.*)$")


def run(schema: Path | str, files, timeout: float = 600) -> dict[Path, list[str]]:
    files = [Path(f).resolve() for f in files]
    out: dict[Path, list[str]] = {f: [] for f in files}
    todo = list(files)
    while todo:
        proc = subprocess.run([JING, str(schema), *map(str, todo)], capture_output=True, text=True,
                              timeout=timeout)
        fatal_at = None
        for line in (proc.stdout + proc.stderr).splitlines():
            m = _LINE.match(line)
            if not m:
                continue
            path = Path(unquote(m.group(1).removeprefix("file:"))).resolve()
            if path in out:
                out[path].append(line)
                if m.group(4) == "fatal":
                    fatal_at = path if fatal_at is None else fatal_at
        if fatal_at is None or fatal_at not in todo:
            break
        todo = todo[todo.index(fatal_at) + 1:]
    return out


def valid(schema: Path | str, doc: Path | str) -> bool:
    return not run(schema, [doc])[Path(doc).resolve()]
