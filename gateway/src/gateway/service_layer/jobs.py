"""Long operations as jobs through the single face: start one on its service, wait for it when
the caller asks (``Prefer: wait=N``), read and list jobs wherever they run.

The gateway waits by polling the job's row, never by holding one long upstream call open: a
job of minutes can be waited for (up to ``job_wait_max_s``) without any upstream timeout."""

from __future__ import annotations

import asyncio
import re
import time
from typing import Any

import httpx

from ..adapters.clients import Clients, ServiceClient, UpstreamFailure
from ..adapters.clients.base import require_json
from ..adapters.clients.services import segment

# which service runs a kind of job (every kind of idic.public.jobs, a test checks); a job id starts
# with its service's name (``scoring_<hex>``)
KIND_SERVICES: dict[str, str] = {
    "clv_fit": "scoring", "rfm_refresh": "scoring",
    "matching_train": "identity", "customers_dedupe": "identity",
    "triggers_scan": "interaction",
}
JOB_SERVICES: tuple[str, ...] = ("scoring", "identity", "interaction")
FINISHED = frozenset({"succeeded", "failed"})
_WAIT = re.compile(r"(?:^|[,;\s])wait\s*=\s*\"?(\d{1,6})\"?(?:$|[,;\s])", re.IGNORECASE)


def preferred_wait(prefer: str | None, *, cap_s: float) -> float | None:
    """Seconds the caller is ready to wait (RFC 7240 ``wait``), capped; None when not asked."""
    if not prefer:
        return None
    found = _WAIT.search(prefer)
    return min(float(found.group(1)), cap_s) if found else None


def service_of_job(job_id: str) -> str | None:
    """The service a job id belongs to, or None when the id names none."""
    prefix = job_id.split("_", 1)[0]
    return prefix if prefix in JOB_SERVICES else None


async def read_job(client: ServiceClient, job_id: str) -> httpx.Response:
    """The job's row as its service answers it (404 when unknown)."""
    return await client.request("GET", f"/v1/jobs/{segment(job_id)}")


async def wait_for(client: ServiceClient, job: dict[str, Any], *, wait_s: float,
                   poll_s: float = 0.2) -> dict[str, Any]:
    """Poll the job until it finishes or ``wait_s`` passes; the last state read."""
    deadline = time.monotonic() + wait_s
    while job.get("status") not in FINISHED and time.monotonic() < deadline:
        await asyncio.sleep(min(poll_s, max(deadline - time.monotonic(), 0)))
        response = await read_job(client, str(job["job_id"]))
        if response.status_code != 200:
            raise UpstreamFailure(client.name, 502)  # a job it just accepted cannot vanish
        job = require_json(client.name, response, dict)
        poll_s = min(poll_s * 1.5, 2.0)
    return job


async def list_jobs(*, clients: Clients, kind: str | None, status: str | None, limit: int) -> list[dict[str, Any]]:
    """Jobs of one kind from its service, or of every kind from every service, newest first."""
    services = [KIND_SERVICES[kind]] if kind else list(JOB_SERVICES)
    by_name = clients.all()
    params = {"kind": kind, "status": status, "limit": limit}
    answers = await asyncio.gather(*(by_name[name].request("GET", "/v1/jobs", params=params) for name in services))
    jobs: list[dict[str, Any]] = []
    for name, response in zip(services, answers, strict=True):
        if response.status_code != 200:
            raise UpstreamFailure(name, 502)
        found = require_json(name, response, dict).get("jobs")
        if not isinstance(found, list):
            raise UpstreamFailure(name, 502)
        jobs.extend(job for job in found if isinstance(job, dict))
    jobs.sort(key=lambda job: str(job.get("created_at") or ""), reverse=True)
    return jobs[:limit]
