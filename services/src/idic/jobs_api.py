"""HTTP side of jobs: ``GET /v1/jobs/{id}``, ``GET /v1/jobs`` and the answer of a POST that
creates a job (202 + Location, or 200 with the finished job under ``Prefer: wait=N``)."""

from __future__ import annotations

import asyncio
import re
import time
from collections.abc import Callable
from typing import Annotated, Any

from fastapi import APIRouter, Path, Query, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from .jobs import JobRecord, Jobs
from .problems import ProblemError
from .public.jobs import Job, JobFields, JobKind, JobList, JobStatus, job_body
from .routing import ServiceRouter

MAX_WAIT_S = 60  # a client's wait is capped: a proxy in between would time out anyway
_WAIT = re.compile(r"^\s*wait\s*=\s*\"?(\d{1,9})\"?\s*$", re.IGNORECASE)
PROBLEM: dict[str, Any] = {"content": {"application/problem+json": {}}}


def job_responses(body: type[JobFields]) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI answers of an operation that starts a job of one kind (``body`` is that kind's job)."""
    return {
        200: {"model": body, "description": "The job finished within the client's `Prefer: wait`"},
        202: {"model": body, "description": "The job is queued (or still running); poll `Location`"},
        409: {"description": "A job of this kind is queued or running; `job_id` names it", **PROBLEM},
    }


def parse_prefer_wait(header: str | None, *, cap: int = MAX_WAIT_S) -> int | None:
    """Seconds asked by ``Prefer: wait=N`` (RFC 7240), capped; None when absent or malformed."""
    if not header:
        return None
    for preference in header.split(","):
        match = _WAIT.match(preference.split(";", 1)[0])
        if match:
            return min(int(match.group(1)), cap)
    return None


async def job_accepted(request: Request, *, jobs: Jobs, job: JobRecord, cap: int = MAX_WAIT_S) -> JSONResponse:
    """Answer a job-creating POST: 202 + Location, or 200 with the finished job when the client's
    ``Prefer: wait=N`` was long enough (``Preference-Applied`` says the wait was honoured)."""
    headers = {"Location": f"/v1/jobs/{job.job_id}"}
    wait_s = parse_prefer_wait(request.headers.get("prefer"), cap=cap)
    if wait_s is not None:
        headers["Preference-Applied"] = f"wait={wait_s}"
        deadline = time.monotonic() + wait_s
        # poll without holding a threadpool thread for the whole wait
        while not job.finished and time.monotonic() < deadline:
            await asyncio.sleep(min(0.1, max(0.0, deadline - time.monotonic())))
            fresh: JobRecord | None = await run_in_threadpool(jobs.get, job.job_id)
            job = fresh or job
    return JSONResponse(public_job(job).model_dump(mode="json"), status_code=200 if job.finished else 202,
                        headers=headers)


def public_job(job: JobRecord) -> Job:
    """A stored job as the API answers it: its kind's body."""
    return job_body(job.model_dump())


JobId = Annotated[str, Path(min_length=1, max_length=80, pattern=r"^[A-Za-z0-9_-]+$")]


def jobs_router(jobs: Callable[[Request], Jobs], *, tags: tuple[str, ...] = ("jobs",)) -> APIRouter:
    """``GET /v1/jobs/{job_id}`` and ``GET /v1/jobs``, reading the service's Jobs from the request."""
    router = ServiceRouter(tags=list(tags))

    @router.get("/v1/jobs/{job_id}", response_model=Job,
                responses={404: {"description": "Unknown job", **PROBLEM},
                           422: {"description": "Not a job id", **PROBLEM}})
    def get_job(job_id: JobId, request: Request) -> Job:
        """One job: status, progress, and its result or error (a problem) once finished."""
        job = jobs(request).get(job_id)
        if job is None:
            raise ProblemError(404, "Not Found", f"no job {job_id!r}")
        return public_job(job)

    @router.get("/v1/jobs", response_model=JobList, responses={422: {"description": "Invalid filter", **PROBLEM}})
    def list_jobs(request: Request, kind: JobKind | None = None, status: JobStatus | None = None,
                  limit: Annotated[int, Query(ge=1, le=500)] = 50) -> JobList:
        """Jobs newest first, filtered by kind and status."""
        return JobList(jobs=[public_job(job) for job in jobs(request).list(kind=kind, status=status, limit=limit)])

    return router
