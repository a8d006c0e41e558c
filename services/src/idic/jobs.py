"""Jobs: long operations as rows of a service's ``jobs`` table, run by a worker thread.

One job of a kind is queued or running at a time (a partial unique index, race-free on
PostgreSQL and SQLite); on PostgreSQL a session advisory lock per kind, held on a dedicated
connection for the run, lets one worker of a kind run across processes, and a job left
``running`` while its kind's lock is free belongs to a dead process and is re-queued. On SQLite
a job whose heartbeat is older than ``stale_after_s`` is re-queued."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
import time
import uuid
from collections.abc import Callable
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict
from pydantic_core import to_jsonable_python
from sqlalchemy import (
    JSON,
    BigInteger,
    Column,
    Connection,
    Engine,
    Index,
    MetaData,
    String,
    Table,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.exc import IntegrityError

from .db import UtcDateTime, utcnow
from .logs import get_logger
from .problems import ProblemError
from .public.jobs import JOB_KINDS, JobProgress, JobStatus

log = get_logger(__name__)

ACTIVE: tuple[JobStatus, ...] = ("queued", "running")
Progress = Callable[[int, int], None]
JobFn = Callable[[dict[str, Any], Progress], dict[str, Any]]


def add_jobs_table(metadata: MetaData) -> Table:
    """Declare ``jobs`` on a service's metadata (the service creates it by its own migration)."""
    jobs = Table(
        "jobs", metadata,
        Column("job_id", String(80), primary_key=True),
        Column("kind", String(64), nullable=False),
        Column("status", String(16), nullable=False),
        Column("params", JSON, nullable=False),
        Column("progress_done", BigInteger, nullable=False, default=0),
        Column("progress_total", BigInteger, nullable=True),
        Column("result", JSON, nullable=True),
        Column("error", JSON, nullable=True),
        Column("created_at", UtcDateTime, nullable=False),
        Column("started_at", UtcDateTime, nullable=True),
        Column("finished_at", UtcDateTime, nullable=True),
        Column("heartbeat_at", UtcDateTime, nullable=True),
        Column("created_by", String(255), nullable=True),
    )
    active = jobs.c.status.in_(ACTIVE)
    # at most one queued-or-running job per kind: the database itself refuses a second submit
    Index("uq_jobs_active_kind", jobs.c.kind, unique=True, postgresql_where=active, sqlite_where=active)
    Index("ix_jobs_kind_created_at", jobs.c.kind, jobs.c.created_at)
    return jobs


class JobRecord(BaseModel):
    """A job as its service stores it. The API answers it as its kind's public body
    (``idic.public.jobs``: the same fields, with a typed ``result`` and ``error``)."""

    model_config = ConfigDict(frozen=True)

    job_id: str
    kind: str
    status: JobStatus
    progress: JobProgress
    created_at: dt.datetime
    started_at: dt.datetime | None = None
    finished_at: dt.datetime | None = None
    result: dict[str, Any] | None = None
    error: dict[str, Any] | None = None
    created_by: str | None = None

    @property
    def finished(self) -> bool:
        """Succeeded or failed."""
        return self.status in ("succeeded", "failed")


class JobConflict(ProblemError):
    """A job of this kind is already queued or running (answers 409 with its ``job_id``)."""

    def __init__(self, *, kind: str, job_id: str, status: str) -> None:
        super().__init__(409, "Conflict", f"a {kind} job is already {status}: {job_id}", job_id=job_id)
        self.job_id = job_id


def new_job_id(prefix: str) -> str:
    """``<prefix>_<32 hex>``: the gateway routes ``/v1/jobs/{id}`` by the prefix."""
    return f"{prefix}_{uuid.uuid4().hex}"


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for a name."""
    return int.from_bytes(hashlib.blake2b(name.encode(), digest_size=8).digest(), "big", signed=True)


def problem_of(exc: BaseException) -> dict[str, Any]:
    """The problem dict a failed job records: a ProblemError as raised, anything else without
    internals (the service log has the traceback)."""
    if isinstance(exc, ProblemError):
        return {"type": exc.type, "title": exc.title, "status": exc.status, "detail": exc.detail, **exc.extra}
    if isinstance(exc, ValueError):
        return {"type": "about:blank", "title": "Job failed", "status": 422, "detail": str(exc)[:1000]}
    return {"type": "about:blank", "title": "Job failed", "status": 500,
            "detail": f"the job could not be completed ({type(exc).__name__}); see the service log"}


class Jobs:
    """Submit, read and run one service's jobs. ``run(stop)`` is the worker loop (a thread)."""

    def __init__(self, *, engine: Engine, table: Table, prefix: str, kinds: dict[str, JobFn],
                 poll_interval_s: float = 1.0, heartbeat_interval_s: float = 5.0, stale_after_s: float = 60.0,
                 progress_interval_s: float = 0.5) -> None:
        self._engine = engine
        self._t = table
        self.prefix = prefix
        unknown = sorted(set(kinds) - set(JOB_KINDS))
        if unknown:  # the API could not answer such a job: each kind has its body in idic.public.jobs
            raise ValueError(f"job kinds without a public body: {unknown}")
        self.kinds = dict(kinds)
        self._poll_s = poll_interval_s
        self._heartbeat_s = heartbeat_interval_s
        self._stale = dt.timedelta(seconds=stale_after_s)
        self._progress_s = progress_interval_s
        self.wake = threading.Event()
        self._finished = threading.Condition()
        # progress of jobs running in this process, fresher than the row (written every progress_interval_s)
        self._live: dict[str, tuple[int, int | None]] = {}

    # -- API side --
    def submit(self, *, kind: str, params: dict[str, Any] | None = None, created_by: str | None = None) -> JobRecord:
        """Queue a job; JobConflict when one of its kind is queued or running."""
        if kind not in self.kinds:
            raise ValueError(f"unknown job kind {kind!r}")
        row = {"job_id": new_job_id(self.prefix), "kind": kind, "status": "queued",
               "params": to_jsonable_python(params or {}), "progress_done": 0, "progress_total": None,
               "created_at": utcnow(), "created_by": created_by}
        for _ in range(5):  # the active job may finish between our insert and our look-up
            try:
                with self._engine.begin() as conn:
                    conn.execute(insert(self._t).values(**row))
            except IntegrityError:
                active = self._active(kind)
                if active is not None:
                    raise JobConflict(kind=kind, job_id=active.job_id, status=active.status) from None
                continue
            self.wake.set()
            return self._job(row)
        raise RuntimeError(f"could not queue a {kind} job")

    def _active(self, kind: str) -> JobRecord | None:
        live = dict(self._live)
        with self._engine.connect() as conn:
            row = conn.execute(select(self._t).where(self._t.c.kind == kind, self._t.c.status.in_(ACTIVE))).first()
        return None if row is None else self._job(row._asdict(), live)

    def get(self, job_id: str) -> JobRecord | None:
        """The job, or None when unknown."""
        live = dict(self._live)
        with self._engine.connect() as conn:
            row = conn.execute(select(self._t).where(self._t.c.job_id == job_id)).first()
        return None if row is None else self._job(row._asdict(), live)

    def list(self, *, kind: str | None = None, status: str | None = None, limit: int = 50) -> list[JobRecord]:
        """Jobs newest first, optionally of one kind and/or status."""
        query = select(self._t).order_by(self._t.c.created_at.desc(), self._t.c.job_id.desc()).limit(limit)
        if kind is not None:
            query = query.where(self._t.c.kind == kind)
        if status is not None:
            query = query.where(self._t.c.status == status)
        live = dict(self._live)
        with self._engine.connect() as conn:
            return [self._job(r._asdict(), live) for r in conn.execute(query)]

    def wait(self, job_id: str, timeout_s: float) -> JobRecord | None:
        """The job once finished, or as it is when ``timeout_s`` ran out (None when unknown)."""
        deadline = time.monotonic() + timeout_s
        while True:
            job = self.get(job_id)
            remaining = deadline - time.monotonic()
            if job is None or job.finished or remaining <= 0:
                return job
            with self._finished:  # woken at once when this process finishes a job; polls for others
                self._finished.wait(min(0.2, remaining))

    def _job(self, row: dict[str, Any], live: dict[str, tuple[int, int | None]] | None = None) -> JobRecord:
        # ``live`` is taken before the row is read: a job that finished in between has its final row,
        # one still running has fresher progress in memory than its row (never older)
        done, total = row["progress_done"] or 0, row["progress_total"]
        fresher = (live or {}).get(row["job_id"])
        if fresher is not None and row["status"] in ACTIVE and fresher[0] >= done:
            done, total = fresher
        return JobRecord(job_id=row["job_id"], kind=row["kind"], status=row["status"],
                         progress=JobProgress(done=done, total=total), created_at=row["created_at"],
                         started_at=row.get("started_at"), finished_at=row.get("finished_at"),
                         result=row.get("result"), error=row.get("error"), created_by=row.get("created_by"))

    # -- worker side --
    def run(self, stop: threading.Event) -> None:
        """Worker loop: claim and run queued jobs until ``stop``; woken by ``submit``."""
        while not stop.is_set():
            self.wake.clear()
            try:
                ran = self.run_once()
            except Exception as exc:  # noqa: BLE001 - the database may be down: retry at the next tick
                log.warning("job worker tick failed", error=repr(exc))
                ran = False
            if not ran:
                self.wake.wait(self._poll_s)

    def run_once(self) -> bool:
        """Re-queue orphans, then claim and run one queued job; False when none was runnable."""
        t = self._t
        with self._engine.connect() as conn:
            rows = conn.execute(select(t.c.job_id, t.c.kind, t.c.status, t.c.heartbeat_at, t.c.params)
                                .where(t.c.status.in_(ACTIVE), t.c.kind.in_(list(self.kinds)))
                                .order_by(t.c.created_at)).all()
        for row in rows:  # at most one per kind
            lock = self._lock(row.kind)
            if lock is False:
                continue  # another process's worker runs this kind
            try:
                if row.status == "running" and not self._requeue_orphan(row, locked=lock is not None):
                    continue
                if self._claim(row.job_id):
                    self._execute(job_id=row.job_id, kind=row.kind, params=row.params or {})
                    return True
            finally:
                if isinstance(lock, Connection):
                    self._unlock(lock, row.kind)
        return False

    def _lock(self, kind: str) -> Connection | None | Literal[False]:
        """PostgreSQL: the kind's session lock on a dedicated connection (False: held elsewhere);
        None elsewhere (SQLite: the one process that writes)."""
        if self._engine.dialect.name != "postgresql":
            return None
        conn = self._engine.connect()
        try:
            got = conn.execute(select(func.pg_try_advisory_lock(lock_key(f"idic-jobs:{self.prefix}:{kind}")))).scalar()
            conn.commit()
        except Exception:
            conn.close()
            raise
        if got:
            return conn
        conn.close()
        return False

    def _unlock(self, conn: Connection, kind: str) -> None:
        try:
            conn.execute(select(func.pg_advisory_unlock(lock_key(f"idic-jobs:{self.prefix}:{kind}"))))
            conn.commit()
        except Exception:
            conn.invalidate()  # the session ends (it is not pooled again), and its lock with it
            raise
        finally:
            conn.close()

    def _requeue_orphan(self, row: Any, *, locked: bool) -> bool:
        """Re-queue a running job whose worker died: with the kind's lock in hand nobody runs it;
        without locks (SQLite) its heartbeat must be stale."""
        t = self._t
        if not locked and row.heartbeat_at is not None and utcnow() - row.heartbeat_at < self._stale:
            return False
        with self._engine.begin() as conn:  # compare-and-set: another worker may have re-queued it
            query = update(t).where(t.c.job_id == row.job_id, t.c.status == "running")
            if not locked:
                query = query.where(t.c.heartbeat_at.is_(None) if row.heartbeat_at is None
                                    else t.c.heartbeat_at == row.heartbeat_at)
            requeued = conn.execute(query.values(status="queued", heartbeat_at=None)).rowcount == 1
        if requeued:
            log.warning("re-queued a job its dead worker left running", job_id=row.job_id, kind=row.kind)
        return requeued

    def _claim(self, job_id: str) -> bool:
        now = utcnow()
        with self._engine.begin() as conn:
            return conn.execute(update(self._t).where(self._t.c.job_id == job_id, self._t.c.status == "queued")
                                .values(status="running", started_at=now, heartbeat_at=now,
                                        progress_done=0, progress_total=None)).rowcount == 1

    def _execute(self, *, job_id: str, kind: str, params: dict[str, Any]) -> None:
        self._live[job_id] = (0, None)
        done = threading.Event()
        reporter = threading.Thread(target=self._report, args=(job_id, done), name=f"job-{kind}-heartbeat",
                                    daemon=True)
        reporter.start()

        def progress(done_: int, total: int) -> None:
            self._live[job_id] = (int(done_), int(total))  # written by the reporter: the job never waits on it

        log.info("job started", job_id=job_id, kind=kind)
        result: dict[str, Any] | None = None
        error: dict[str, Any] | None = None
        try:
            result = to_jsonable_python(self.kinds[kind](params, progress))
        except Exception as exc:  # noqa: BLE001 - a failed job is recorded, the worker goes on
            log.exception("job failed", job_id=job_id, kind=kind, error=repr(exc))
            error = problem_of(exc)
        finally:
            done.set()
            reporter.join()
        self._finish(job_id=job_id, result=result, error=error)
        log.info("job finished", job_id=job_id, kind=kind, status="failed" if error else "succeeded")

    def _report(self, job_id: str, done: threading.Event) -> None:
        """Heartbeat and progress in their own short transactions, apart from the job's."""
        written: tuple[int, int | None] | None = None
        last_beat = time.monotonic()
        while not done.wait(self._progress_s):
            current = self._live.get(job_id)
            if current == written and time.monotonic() - last_beat < self._heartbeat_s:
                continue
            try:
                with self._engine.begin() as conn:
                    values: dict[str, Any] = {"heartbeat_at": utcnow()}
                    if current is not None:
                        values.update(progress_done=current[0], progress_total=current[1])
                    conn.execute(update(self._t).where(self._t.c.job_id == job_id, self._t.c.status == "running")
                                 .values(**values))
                written, last_beat = current, time.monotonic()
            except Exception as exc:  # noqa: BLE001 - a missed heartbeat is not the job's failure
                log.warning("job heartbeat failed", job_id=job_id, error=repr(exc))

    def _finish(self, *, job_id: str, result: dict[str, Any] | None, error: dict[str, Any] | None) -> None:
        done, total = self._live.get(job_id, (0, None))
        values = {"status": "failed" if error else "succeeded", "result": result, "error": error,
                  "finished_at": utcnow(), "heartbeat_at": utcnow(), "progress_done": done, "progress_total": total}
        for attempt in range(5):
            try:
                with self._engine.begin() as conn:
                    conn.execute(update(self._t).where(self._t.c.job_id == job_id).values(**values))
                break
            except Exception as exc:  # noqa: BLE001 - left running, it is re-queued once we are gone
                log.warning("cannot record the job's end yet", job_id=job_id, error=repr(exc))
                time.sleep(0.5 * (attempt + 1))
        self._live.pop(job_id, None)
        with self._finished:
            self._finished.notify_all()
