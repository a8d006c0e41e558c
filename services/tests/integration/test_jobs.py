"""Jobs: submit, run, progress, failure, conflict, recovery after a dead worker, HTTP; on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.testclient import TestClient
from sqlalchemy import Engine, insert

from idic import (
    JobConflict,
    Jobs,
    add_jobs_table,
    install_problem_handlers,
    job_accepted,
    jobs_router,
    make_engine,
    new_job_id,
    new_metadata,
    parse_prefer_wait,
    utcnow,
)
from idic_devstack.waiting import eventually

metadata = new_metadata()
jobs_table = add_jobs_table(metadata)
# kinds of the public contract (Jobs takes no other: the API could not answer them), run by test functions
GATED, FAILING, REFUSING = "triggers_scan", "clv_fit", "rfm_refresh"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path}/jobs.db" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    engine = make_engine(url)
    metadata.create_all(engine)  # tests only; services use Alembic
    engine.dispose()
    return url


class Gate:
    """A job function that reports progress and blocks until released."""

    def __init__(self) -> None:
        self.release = threading.Event()
        self.started = threading.Event()
        self.runs = 0

    def __call__(self, params: dict[str, Any], progress: Callable[[int, int], None]) -> dict[str, Any]:
        self.runs += 1
        progress(1, 3)
        self.started.set()
        assert self.release.wait(30)
        progress(3, 3)
        return {"fired": {"echo": params.get("n")}, "scanned_at": utcnow()}  # a scan's result, as GATED is a scan


def fail(params: dict[str, Any], progress: Callable[[int, int], None]) -> dict[str, Any]:
    raise RuntimeError("secret internals")


def bad_input(params: dict[str, Any], progress: Callable[[int, int], None]) -> dict[str, Any]:
    raise ValueError("time_unit must be days or weeks")


def make_jobs(url: str, gate: Gate, **kw: Any) -> tuple[Jobs, Engine]:
    engine = make_engine(url)
    jobs = Jobs(engine=engine, table=jobs_table, prefix="test", poll_interval_s=0.1, progress_interval_s=0.05,
                kinds={GATED: gate, FAILING: fail, REFUSING: bad_input}, **kw)
    return jobs, engine


@contextmanager
def running(jobs: Jobs) -> Iterator[None]:
    stop = threading.Event()
    thread = threading.Thread(target=jobs.run, args=(stop,), daemon=True)
    thread.start()
    try:
        yield
    finally:
        stop.set()
        jobs.wake.set()
        thread.join(30)


def test_job_runs_reports_progress_and_succeeds(db_url: str) -> None:
    gate = Gate()
    jobs, engine = make_jobs(db_url, gate)
    with running(jobs):
        job = jobs.submit(kind=GATED, params={"n": 7}, created_by="tester")
        assert job.status == "queued" and job.job_id.startswith("test_") and len(job.job_id) == 5 + 32
        assert gate.started.wait(10)
        # the progress row is written apart from the job: another reader (a fresh engine) sees it
        other, other_engine = make_jobs(db_url, Gate())
        seen = eventually(lambda: (j := other.get(job.job_id)) and j.progress.done == 1 and j,
                          timeout=20, interval=0.05, what="progress 1 seen by another reader")
        assert seen.status == "running" and seen.progress.total == 3 and seen.started_at is not None
        gate.release.set()
        done = jobs.wait(job.job_id, 20)
        assert done is not None and done.status == "succeeded"
        assert done.progress.done == 3 and done.progress.total == 3
        assert done.result is not None and done.result["fired"]["echo"] == 7 and done.created_by == "tester"
        assert done.finished_at is not None and done.finished_at >= done.started_at  # type: ignore[operator]
        assert [j.job_id for j in other.list(kind=GATED, status="succeeded")] == [job.job_id]
        other_engine.dispose()
    engine.dispose()


def test_failure_is_recorded_as_a_problem(db_url: str) -> None:
    jobs, engine = make_jobs(db_url, Gate())
    with running(jobs):
        failed = jobs.wait(jobs.submit(kind=FAILING).job_id, 20)
        assert failed is not None and failed.status == "failed" and failed.result is None
        assert failed.error is not None and failed.error["status"] == 500 and failed.error["title"] == "Job failed"
        assert "secret internals" not in failed.error["detail"]
        assert set(failed.error) >= {"type", "title", "status", "detail"}
        bad = jobs.wait(jobs.submit(kind=REFUSING).job_id, 20)
        assert bad is not None and bad.error is not None
        assert bad.error["status"] == 422 and "time_unit" in bad.error["detail"]
        # a failed job does not block the next one of its kind
        assert jobs.submit(kind=FAILING).status == "queued"
    engine.dispose()


def test_second_job_of_a_kind_conflicts_with_the_active_one(db_url: str) -> None:
    gate = Gate()
    jobs, engine = make_jobs(db_url, gate)
    queued = jobs.submit(kind=GATED)
    with pytest.raises(JobConflict) as conflict:
        jobs.submit(kind=GATED)
    assert conflict.value.job_id == queued.job_id and conflict.value.status == 409
    assert jobs.submit(kind=FAILING).status == "queued"  # other kinds are independent
    with running(jobs):
        assert gate.started.wait(10)
        with pytest.raises(JobConflict) as conflict:
            jobs.submit(kind=GATED)
        assert conflict.value.job_id == queued.job_id and "running" in conflict.value.detail
        gate.release.set()
        assert jobs.wait(queued.job_id, 20).status == "succeeded"  # type: ignore[union-attr]
        assert jobs.submit(kind=GATED).status == "queued"
        assert jobs.wait(jobs.list(kind=GATED, limit=1)[0].job_id, 20).status == "succeeded"  # type: ignore[union-attr]
    engine.dispose()


def test_a_live_workers_job_is_not_taken_over(db_url: str) -> None:
    gate = Gate()
    first, first_engine = make_jobs(db_url, gate)
    second, second_engine = make_jobs(db_url, gate)
    job = first.submit(kind=GATED)
    with running(first):
        assert gate.started.wait(10)
        with running(second):
            time.sleep(1.0)  # second's loop sees the running job: lock held (PostgreSQL) / heartbeat fresh
            assert second.run_once() is False
            gate.release.set()
            assert first.wait(job.job_id, 20).status == "succeeded"  # type: ignore[union-attr]
    assert gate.runs == 1
    first_engine.dispose()
    second_engine.dispose()


def test_job_of_a_dead_worker_is_requeued_and_finished(db_url: str) -> None:
    gate = Gate()
    gate.release.set()
    jobs, engine = make_jobs(db_url, gate, stale_after_s=2.0)
    job_id = new_job_id("test")
    beat = utcnow() - dt.timedelta(seconds=10)
    if engine.dialect.name == "postgresql":
        beat = utcnow()  # no stale heartbeat needed: the kind's lock is free, so its worker is gone
    with engine.begin() as conn:
        conn.execute(insert(jobs_table).values(
            job_id=job_id, kind=GATED, status="running", params={"n": 1}, progress_done=2, progress_total=9,
            created_at=beat, started_at=beat, heartbeat_at=beat, created_by="dead"))
    with running(jobs):
        done = jobs.wait(job_id, 20)
    assert done is not None and done.status == "succeeded" and done.result["fired"] == {"echo": 1}
    assert gate.runs == 1
    engine.dispose()


def make_app(jobs: Jobs) -> FastAPI:
    app = FastAPI()
    install_problem_handlers(app)
    app.include_router(jobs_router(lambda _request: jobs))

    @app.post("/v1/things:do")
    async def do(request: Request) -> JSONResponse:
        return await job_accepted(request, jobs=jobs, job=jobs.submit(kind=GATED, params={"n": 1}))

    return app


def test_http_accepts_waits_and_reads_jobs(db_url: str) -> None:
    gate = Gate()
    jobs, engine = make_jobs(db_url, gate)
    with running(jobs), TestClient(make_app(jobs)) as client:
        accepted = client.post("/v1/things:do")
        assert accepted.status_code == 202, accepted.text
        body = accepted.json()
        assert body["status"] == "queued" and body["kind"] == GATED
        assert accepted.headers["location"] == f"/v1/jobs/{body['job_id']}"
        assert set(body) >= {"job_id", "kind", "status", "progress", "created_at", "started_at", "finished_at",
                             "result", "error"}
        conflict = client.post("/v1/things:do")
        assert conflict.status_code == 409 and conflict.json()["job_id"] == body["job_id"]
        assert conflict.headers["content-type"].startswith("application/problem+json")
        assert gate.started.wait(10)
        gate.release.set()
        assert jobs.wait(body["job_id"], 20).status == "succeeded"  # type: ignore[union-attr]
        got = client.get(f"/v1/jobs/{body['job_id']}")
        assert got.status_code == 200 and got.json()["result"]["fired"]["echo"] == 1
        assert got.json()["progress"] == {"done": 3, "total": 3}

        gate.release.set()  # the next job finishes at once: a wait of 10 s answers 200
        waited = client.post("/v1/things:do", headers={"Prefer": "respond-async, wait=10"})
        assert waited.status_code == 200 and waited.json()["status"] == "succeeded"
        assert waited.headers["preference-applied"] == "wait=10"

        gate.release.clear()  # a job that outlasts the wait: 202 after it
        started = time.monotonic()
        slow = client.post("/v1/things:do", headers={"Prefer": "wait=1"})
        assert slow.status_code == 202 and time.monotonic() - started >= 0.9
        assert slow.json()["status"] in ("queued", "running")
        gate.release.set()

        listed = client.get("/v1/jobs", params={"kind": GATED, "limit": 2}).json()["jobs"]
        assert [j["job_id"] for j in listed][1] == waited.json()["job_id"]  # newest first
        assert client.get("/v1/jobs", params={"status": "bogus"}).status_code == 422
        missing = client.get(f"/v1/jobs/{new_job_id('test')}")
        assert missing.status_code == 404
        assert missing.headers["content-type"].startswith("application/problem+json")
        assert missing.json()["status"] == 404
    engine.dispose()


def test_each_kind_is_answered_with_its_typed_body_and_an_outdated_result_is_left_out(db_url: str) -> None:
    jobs, engine = make_jobs(db_url, Gate())
    now = utcnow()
    rows = {
        "identity_" + "1" * 32: ("customers_dedupe", {"customers_scanned": 9, "merged": 2, "reviews": 1}),
        "identity_" + "2" * 32: ("customers_dedupe", {"scanned": 9}),  # written by an earlier version
        "identity_" + "3" * 32: ("matching_train", None),
    }
    with engine.begin() as conn:
        for job_id, (kind, result) in rows.items():
            conn.execute(insert(jobs_table).values(
                job_id=job_id, kind=kind, status="succeeded" if result else "failed", params={}, progress_done=1,
                progress_total=1, created_at=now, started_at=now, finished_at=now, result=result,
                error=None if result else {"type": "about:blank", "title": "Job failed", "status": 422,
                                           "detail": "no customers to train on"}))
    with TestClient(make_app(jobs)) as client:
        fine = client.get(f"/v1/jobs/identity_{'1' * 32}").json()
        assert fine["kind"] == "customers_dedupe" and fine["result"] == {"customers_scanned": 9, "merged": 2,
                                                                        "reviews": 1}
        outdated = client.get(f"/v1/jobs/identity_{'2' * 32}")
        assert outdated.status_code == 200 and outdated.json()["status"] == "succeeded"
        assert outdated.json()["result"] is None
        failed = client.get(f"/v1/jobs/identity_{'3' * 32}").json()
        assert failed["result"] is None and failed["error"]["detail"] == "no customers to train on"
        listed = client.get("/v1/jobs", params={"kind": "customers_dedupe"}).json()["jobs"]
        assert sorted(j["job_id"] for j in listed) == sorted(list(rows)[:2])
        refused = client.get("/v1/jobs", params={"kind": "dedupe"})
        assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "query.kind"
    engine.dispose()


def test_a_kind_without_a_public_body_is_refused_when_the_service_starts() -> None:
    with pytest.raises(ValueError, match="without a public body"):
        Jobs(engine=make_engine("sqlite://"), table=jobs_table, prefix="test", kinds={"teleport": fail})


@pytest.mark.parametrize(("header", "wanted"), [
    (None, None), ("", None), ("wait=5", 5), ("respond-async, wait=3", 3), ("wait=999", 60),
    ("WAIT = 2", 2), ('wait="4"', 4), ("wait=-1", None), ("wait=abc", None), ("handling=lenient", None),
    ("wait=7; foo=bar", 7),
])
def test_prefer_wait_parsing(header: str | None, wanted: int | None) -> None:
    assert parse_prefer_wait(header) == wanted
