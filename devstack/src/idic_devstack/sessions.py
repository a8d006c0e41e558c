"""Run several pytest sessions at once (``make test``), each with its own broker and PostgreSQL, and
report them one after another as if they had run in turn.

Each session's output goes to ``<logs>/<name>.log`` while it runs; a line is printed when a session
ends, then every log in full in the order given, then a table of wall times. The exit status is 1 if
any session failed (or was interrupted), else 0.

    python -m idic_devstack.sessions --logs DIR NAME=COMMAND [NAME=COMMAND ...]

COMMAND is split like a shell word list (``shlex``). Sessions start in the order given (put the longest
first) with at most ``--jobs`` running at a time (default: all).
"""

from __future__ import annotations

import argparse
import os
import shlex
import signal
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Session:
    name: str
    argv: list[str]
    log: Path
    process: subprocess.Popen[bytes] | None = None
    started: float = 0.0
    ended: float = 0.0
    returncode: int | None = None

    @property
    def wall_s(self) -> float:
        return (self.ended or time.monotonic()) - self.started

    def last_line(self) -> str:
        """pytest's closing summary ("12 passed in 3.4s"), or the log's last line."""
        lines = [line.strip("= \n") for line in self.log.read_text(errors="replace").splitlines() if line.strip()]
        return lines[-1] if lines else "(no output)"


def _minutes(seconds: float) -> str:
    return f"{int(seconds // 60)} min {seconds % 60:04.1f} s" if seconds >= 60 else f"{seconds:.1f} s"


def run(sessions: list[Session], *, jobs: int) -> int:
    waiting: list[Session] = list(sessions)
    running: list[Session] = []
    done: list[Session] = []
    began = time.monotonic()

    def stop_all(*_: object) -> None:
        for s in running:
            if s.process is not None and s.process.poll() is None:
                os.killpg(s.process.pid, signal.SIGINT)  # pytest tears its fixtures down on SIGINT
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop_all)
    try:
        while waiting or running:
            while waiting and len(running) < jobs:
                s = waiting.pop(0)
                s.log.parent.mkdir(parents=True, exist_ok=True)
                with s.log.open("wb") as out:
                    s.process = subprocess.Popen(s.argv, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                                 start_new_session=True)
                s.started = time.monotonic()
                running.append(s)
                print(f"-- {s.name}: started ({shlex.join(s.argv)})", flush=True)
            for s in list(running):
                assert s.process is not None
                if s.process.poll() is None:
                    continue
                s.ended, s.returncode = time.monotonic(), s.process.returncode
                running.remove(s)
                done.append(s)
                verdict = "ok" if s.returncode == 0 else f"FAILED (exit {s.returncode})"
                print(f"-- {s.name}: {verdict} after {_minutes(s.wall_s)}: {s.last_line()}", flush=True)
            time.sleep(0.5)
    except KeyboardInterrupt:
        for s in running:
            if s.process is not None and s.process.poll() is None:
                os.killpg(s.process.pid, signal.SIGINT)
        for s in running:
            if s.process is not None:
                try:
                    s.process.wait(60)
                except subprocess.TimeoutExpired:
                    os.killpg(s.process.pid, signal.SIGKILL)
                    s.process.wait()
                s.ended, s.returncode = time.monotonic(), s.process.returncode if s.process.returncode else 130
        print("\ninterrupted", flush=True)
        return 130
    finally:
        signal.signal(signal.SIGTERM, previous)
    total = time.monotonic() - began

    for s in sessions:  # the whole output of each session, in the order given
        print(f"\n== {s.name} ({_minutes(s.wall_s)}, log: {s.log})", flush=True)
        sys.stdout.write(s.log.read_text(errors="replace"))
    print(f"\n== summary ({len(sessions)} sessions, at most {jobs} at a time: {_minutes(total)} in all)")
    width = max(len(s.name) for s in sessions)
    for s in sessions:
        verdict = "ok    " if s.returncode == 0 else "FAILED"
        print(f"  {s.name:<{width}}  {verdict}  {_minutes(s.wall_s):>13}  {s.last_line()}")
    failed = [s.name for s in sessions if s.returncode != 0]
    if failed:
        print(f"FAILED: {', '.join(failed)} (each log is printed above, and kept in {sessions[0].log.parent})")
    sys.stdout.flush()
    return 1 if failed else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m idic_devstack.sessions", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--logs", type=Path, required=True, help="directory for one log per session")
    parser.add_argument("--jobs", "-j", type=int, default=0, help="sessions at a time (0: all)")
    parser.add_argument("session", nargs="+", help="NAME=COMMAND")
    args = parser.parse_args(argv)
    sessions = []
    for spec in args.session:
        name, sep, command = spec.partition("=")
        if not sep or not name or not command.strip():
            parser.error(f"expected NAME=COMMAND, got {spec!r}")
        sessions.append(Session(name=name, argv=shlex.split(command), log=args.logs / f"{name}.log"))
    if len({s.name for s in sessions}) != len(sessions):
        parser.error("session names must be unique")
    return run(sessions, jobs=args.jobs or len(sessions))


if __name__ == "__main__":
    sys.exit(main())
