"""One server process for the length of a block: benchmarks run a service or a fake under
uvicorn in its own process, so that the load generator does not share its GIL."""

from __future__ import annotations

import subprocess
import tempfile
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager

import httpx


@contextmanager
def serving(args: Sequence[str], *, env: Mapping[str, str], ready_url: str,
            timeout: float = 60.0) -> Iterator[subprocess.Popen[bytes]]:
    """Start ``args``, wait until ``ready_url`` answers below 500, yield the process, and stop it
    at the end of the block (SIGTERM, then SIGKILL after 15 s). Fails with the process's stderr
    if it exits or is not ready within ``timeout`` seconds."""
    # stderr to a file, not a pipe: a chatty server must never block on a pipe nobody reads
    with tempfile.TemporaryFile() as stderr:
        process = subprocess.Popen(list(args), env=dict(env), stdout=subprocess.DEVNULL, stderr=stderr)
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    if httpx.get(ready_url, timeout=1).status_code < 500:
                        break
                except httpx.HTTPError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    stderr.seek(0)
                    raise AssertionError(f"{' '.join(args)} did not become ready at {ready_url}:\n"
                                         f"{stderr.read().decode(errors='replace')[-4000:]}")
                time.sleep(0.1)
            yield process
        finally:
            process.terminate()
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
