"""The build's worker pool (tools.core.build_pool): its workers do not outlive a build killed from outside."""
from __future__ import annotations

import os
import subprocess
import sys
import time


def test_the_workers_end_when_the_build_is_killed(tmp_path):
    pid_file = tmp_path / "workers"
    script = (
        "import os\n"
        "from tools.core.build_pool import Pool\n"
        "pool = Pool(jobs=2)\n"
        "futures = [pool.submit(os.getpid) for _ in range(4)]\n"
        "pids = sorted({f.result() for f in futures})\n"
        f"open({str(pid_file)!r}, 'w').write(' '.join(map(str, pids)))\n"
        "os._exit(0)  # killed: the pool is never closed\n"
    )
    subprocess.run([sys.executable, "-c", script], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=60)
    pids = [int(p) for p in pid_file.read_text().split()]
    assert pids and os.getpid() not in pids
    deadline = time.monotonic() + 10
    alive = pids
    while alive and time.monotonic() < deadline:
        alive = []
        for pid in pids:
            try:
                os.kill(pid, 0)
                alive.append(pid)
            except ProcessLookupError:
                pass
        time.sleep(0.1)
    for pid in alive:
        os.kill(pid, 9)
    assert not alive, "workers outlived their parent"
