"""Jobs: long operations answered 202 + Location, read and listed wherever they run."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Query, Request, Response
from pydantic import ValidationError

from idic import ProblemError, get_logger
from idic.public.jobs import Job, JobFields, JobKind, JobList, JobStatus, job_body

from ...adapters.clients import ServiceClient, UpstreamFailure
from ...adapters.clients.base import require_json
from ...service_layer import jobs as svc
from ..proxy import ClientsDep, errors, public_answer
from ..security import Authorized

log = get_logger(__name__)
router = APIRouter(tags=["jobs"], dependencies=[Authorized])
JobId = Annotated[str, Path(min_length=1, max_length=80, pattern=r"^[a-z]+_[A-Za-z0-9-]{1,64}$",
                            description="As answered by the operation that started the job")]
PreferHeader = Annotated[str | None, Header(alias="Prefer", max_length=200, description=(
    "RFC 7240 `wait=N`: wait up to N seconds (at most the gateway's limit) and answer 200 with the "
    "finished job if it ends in time, else 202 as without it"))]


def started(body: type[JobFields]) -> dict[int | str, dict[str, Any]]:
    """What an operation starting a job of one kind answers (``body``: that kind's job), for its OpenAPI entry."""
    return {
        **errors(409),
        200: {"model": body, "description": "Finished within the wait the caller preferred"},
        202: {"model": body, "description": "Accepted: queued (see Location)",
              "headers": {"Location": {"description": "/v1/jobs/{job_id}", "schema": {"type": "string"}}}},
    }


def _public_job(job: dict[str, Any], service: str) -> Job:
    """A service's job as the contract writes it; a job that breaks it is the service's failure (502)."""
    try:
        return job_body(job)
    except ValidationError as exc:
        log.warning("service answered a job outside the contract", service=service, errors=exc.errors()[:3])
        raise UpstreamFailure(service, 502) from None


def _job_answer(job: dict[str, Any], *, service: str, status: int, waited: float | None) -> Response:
    headers = {"location": f"/v1/jobs/{job['job_id']}"}
    if waited is not None:
        headers["preference-applied"] = f"wait={int(waited)}"
    return Response(json.dumps(_public_job(job, service).model_dump(mode="json")), status_code=status,
                    media_type="application/json", headers=headers)


async def start_job(client: ServiceClient, request: Request, path: str, *, prefer: str | None,
                    with_body: bool = False) -> Response:
    """Start a job on its service; 202 + Location, or 200 with the finished job when the caller
    preferred to wait and it ended in time. A refusal (409 running, 422) passes through."""
    content = await request.body() if with_body else None
    response = await client.request("POST", path, content=content or None)
    if response.status_code not in (200, 202):
        return public_answer(request, response, client.name)
    job = require_json(client.name, response, dict)
    if not isinstance(job.get("job_id"), str):
        raise ProblemError(502, "Bad Gateway", f"{client.name} answered a job without an id")
    wait = svc.preferred_wait(prefer, cap_s=request.app.state.settings.job_wait_max_s)
    if wait:
        job = await svc.wait_for(client, job, wait_s=wait)
    return _job_answer(job, service=client.name, status=200 if job.get("status") in svc.FINISHED else 202,
                       waited=wait)


@router.get("/v1/jobs/{job_id}", response_model=Job, responses=errors(404))
async def get_job(job_id: JobId, request: Request, clients: ClientsDep) -> Response:
    """One job: status, progress, and its result or error once finished."""
    service = svc.service_of_job(job_id)
    if service is None:
        raise ProblemError(404, "Not Found", f"unknown job {job_id!r}")
    client = clients.all()[service]
    return public_answer(request, await svc.read_job(client, job_id), client.name)


@router.get("/v1/jobs", response_model=JobList, responses=errors())
async def list_jobs(clients: ClientsDep, kind: Annotated[JobKind | None, Query()] = None,
                    status: Annotated[JobStatus | None, Query()] = None,
                    limit: Annotated[int, Query(ge=1, le=200)] = 50) -> JobList:
    """Jobs, newest first, of one kind and status or of all."""
    found = await svc.list_jobs(clients=clients, kind=kind, status=status, limit=limit)
    return JobList(jobs=[_public_job(job, svc.service_of_job(str(job.get("job_id"))) or "jobs") for job in found])
