"""Jobs (API.md "Jobs"): the body of a job, one per kind, so that each kind's ``result`` is typed.

A job is answered by the operation that started it and by ``GET /v1/jobs/{id}`` and
``GET /v1/jobs``. Its ``kind`` says which body it is (a discriminated union in the OpenAPI
document): a client reading a finished ``clv_fit`` job knows its ``result`` is a ``ClvModel``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Annotated, Any, Literal, get_args

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter, ValidationError

from .common import Body, Problem
from .identity import DedupeResult, MatchingModel
from .interaction import TriggerScan
from .scoring import ClvModel, RfmRefresh

JobKind = Literal["clv_fit", "rfm_refresh", "matching_train", "customers_dedupe", "triggers_scan"]
JOB_KINDS: tuple[str, ...] = get_args(JobKind)
JobStatus = Literal["queued", "running", "succeeded", "failed"]


class JobProgress(BaseModel):
    """How far a job got (``total`` is null until the job knows it)."""

    done: int = Field(default=0, description="Units of work done.")
    total: int | None = Field(default=None, description="Units of work in all; null until known.")


class JobProblem(Problem):
    """Why a job failed: a problem document, with whatever the failure added (``job_id``, ...)."""

    model_config = ConfigDict(extra="allow")


class JobFields(Body):
    """What every job says, whatever its kind."""

    model_config = ConfigDict(frozen=True)

    job_id: str = Field(description="<service>_<32 hex>: GET /v1/jobs/{job_id} follows it.")
    status: JobStatus = Field(description="queued, running, succeeded or failed.")
    progress: JobProgress = Field(description="How far it got.")
    created_at: dt.datetime = Field(description="When it was submitted.")
    started_at: dt.datetime | None = Field(default=None, description="When it started running.")
    finished_at: dt.datetime | None = Field(default=None, description="When it succeeded or failed.")
    error: JobProblem | None = Field(default=None, description="Why it failed (failed only): a problem document.")
    created_by: str | None = Field(default=None, description="Who submitted it (the API key's actor).")


def _example(kind: str, result: dict[str, Any] | None, job_id: str) -> dict[str, Any]:
    return {"examples": [{
        "job_id": job_id, "kind": kind, "status": "succeeded" if result else "running",
        "progress": {"done": 1, "total": 1} if result else {"done": 0, "total": None},
        "created_at": "2026-11-23T10:00:00Z", "started_at": "2026-11-23T10:00:01Z",
        "finished_at": "2026-11-23T10:00:09Z" if result else None, "result": result, "error": None,
        "created_by": "ops"}]}


class ClvFitJob(JobFields):
    """``POST /v1/models/clv:fit``: fits BG/NBD + Gamma-Gamma, then re-scores every customer."""

    model_config = ConfigDict(json_schema_extra=_example("clv_fit", None, "scoring_9f1c2e7a4b5d4c3e8a6f0b1d2c3e4f5a"))

    kind: Literal["clv_fit"] = Field(description="clv_fit.")
    result: ClvModel | None = Field(default=None, description="The fitted model and its re-score (succeeded only).")


class RfmRefreshJob(JobFields):
    """``POST /v1/models/rfm:refresh``: grades every customer against the population."""

    model_config = ConfigDict(json_schema_extra=_example(
        "rfm_refresh", {"customers": 2357, "refreshed_at": "2026-11-23T10:00:09Z",
                        "purchasers": 1980,
                        "rfm": {"recency_edges": [12, 40, 95, 210], "frequency_edges": [1, 2, 3, 6],
                                "monetary_edges": [35.5, 80.0, 160.0, 420.0]},
                        "tiers": {"valuable_cutoff": 910.0, "growable_cutoff": 150.0}, "needs": None,
                        "announced": 412, "seconds": 8.1},
        "scoring_0b1c2d3e4f5a6b7c8d9e0f1a2b3c4d5e"))

    kind: Literal["rfm_refresh"] = Field(description="rfm_refresh.")
    result: RfmRefresh | None = Field(default=None, description="What the refresh graded (succeeded only).")


class MatchingTrainJob(JobFields):
    """``POST /v1/models/matching:train``: estimates the match model from the stored customers."""

    model_config = ConfigDict(json_schema_extra=_example("matching_train", None,
                                                         "identity_5e4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b"))

    kind: Literal["matching_train"] = Field(description="matching_train.")
    result: MatchingModel | None = Field(default=None, description="The trained model, now in use (succeeded only).")


class CustomersDedupeJob(JobFields):
    """``POST /v1/customers:dedupe``: re-clusters the stored customers with the current match model."""

    model_config = ConfigDict(json_schema_extra=_example(
        "customers_dedupe", {"customers_scanned": 100000, "merged": 4210, "reviews": 388},
        "identity_1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"))

    kind: Literal["customers_dedupe"] = Field(description="customers_dedupe.")
    result: DedupeResult | None = Field(default=None, description="What it merged and reviewed (succeeded only).")


class TriggersScanJob(JobFields):
    """``POST /v1/triggers:scan``: looks for time-based triggers (lapse, birthday) now."""

    model_config = ConfigDict(json_schema_extra=_example(
        "triggers_scan", {"fired": {"lapse": 12, "birthday": 3}, "scanned_at": "2026-11-23T10:00:09Z"},
        "interaction_7f6e5d4c3b2a1f0e9d8c7b6a5f4e3d2c"))

    kind: Literal["triggers_scan"] = Field(description="triggers_scan.")
    result: TriggerScan | None = Field(default=None, description="What it fired (succeeded only).")


Job = Annotated[ClvFitJob | RfmRefreshJob | MatchingTrainJob | CustomersDedupeJob | TriggersScanJob,
                Field(discriminator="kind")]
"""Any job: its ``kind`` names its body."""
JOB: TypeAdapter[Job] = TypeAdapter(Job)


class JobList(Body):
    """``GET /v1/jobs``: newest first."""

    jobs: list[Job] = Field(description="Newest first.")


def job_body(job: Mapping[str, Any]) -> Job:
    """The public body of a stored job. A result stored by an earlier version that no longer fits
    its kind's body is left out (``result`` null) rather than failing the whole read: the job's
    status, times and progress still hold."""
    try:
        return JOB.validate_python(job)
    except ValidationError as exc:
        if job.get("result") is None or any(error["loc"][1:2] != ("result",) for error in exc.errors()):
            raise
        return JOB.validate_python({**job, "result": None})
