"""HTTP routes about customers: next-best-actions (each a recorded treatment), their treatments and
outcomes, and the internal context, export and erasure reads."""

from __future__ import annotations

import base64
import datetime as dt
import json
from typing import Annotated

from fastapi import Path, Query, Request

from idic import ProblemError, ServiceRouter
from idic.public import treatment as public
from idic.public.common import Channel, ErasureResult

from ...domain.context import CUSTOMER_ID_LENGTH
from ...domain.treatments import TreatmentRecord
from ...service_layer import outcomes, serving
from ...service_layer import services as svc
from .. import bodies
from ..dependencies import INVALID, PROBLEM, ReadUowFactoryDep, UowFactoryDep

router = ServiceRouter(tags=["customize"])
internal = ServiceRouter(prefix="/internal", tags=["internal"])
CustomerId = Annotated[str, Path(min_length=1, max_length=CUSTOMER_ID_LENGTH, description="Opaque customer id.")]
TreatmentId = Annotated[str, Path(min_length=1, max_length=36)]
OUTCOME_BY_MAX = 128  # the width of treatments.outcome_by


@router.get("/v1/customers/{customer_id}/next-best-actions", response_model=list[public.NextBestAction],
            responses=INVALID)
def next_best_actions(customer_id: CustomerId, uow_factory: UowFactoryDep, read_uow_factory: ReadUowFactoryDep,
                      channel: Annotated[Channel | None, Query()] = None,
                      limit: Annotated[int, Query(ge=1, le=50)] = 10) -> list[public.NextBestAction]:
    """Ranked next-best-actions, each a recorded treatment (the same one until it expires or is answered)."""
    served = serving.serve_next_best_actions(customer_id=customer_id, channel=channel, limit=limit,
                                             uow_factory=uow_factory, read_uow_factory=read_uow_factory)
    return [bodies.next_best_action(s) for s in served]


@router.post("/v1/treatments/{treatment_id}/outcome", response_model=public.Treatment, responses={
    404: {"description": "Unknown treatment", **PROBLEM}, 409: {"description": "Outcome already recorded", **PROBLEM},
    **INVALID})
def record_outcome(treatment_id: TreatmentId, body: public.OutcomeRequest, uow_factory: UowFactoryDep,
                   request: Request) -> public.Treatment:
    """Record the customer's answer (accepted, declined, ignored, converted with amount) to a treatment, once."""
    amount, currency = (body.amount, body.currency) if body.outcome == "converted" else (None, None)
    # who recorded it: the gateway's X-Actor (only the gateway sets it; not a declared parameter)
    by = (request.headers.get("x-actor") or "").strip()[:OUTCOME_BY_MAX] or None
    return bodies.treatment(outcomes.record_outcome(treatment_id=treatment_id, outcome=body.outcome, amount=amount,
                                                   currency=currency, uow_factory=uow_factory, by=by))


def _encode_cursor(t: TreatmentRecord) -> str:
    raw = json.dumps([t.decided_at.isoformat(), t.treatment_id], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def _decode_cursor(cursor: str) -> tuple[dt.datetime, str]:
    """The keyset (decided_at, id) a cursor names; 422 naming ``query.cursor`` otherwise."""
    try:
        at, tid = json.loads(base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)))
        decided = dt.datetime.fromisoformat(at)
        if decided.tzinfo is None or not isinstance(tid, str):
            raise ValueError("not a cursor")
        return decided, tid
    except (ValueError, TypeError) as exc:  # binascii.Error and JSONDecodeError are ValueErrors
        raise ProblemError(422, "Unprocessable Content", "cursor is not one this API returned",
                           errors=[{"field": "query.cursor", "message": "invalid cursor"}]) from exc


@router.get("/v1/customers/{customer_id}/treatments", response_model=public.TreatmentPage, responses=INVALID)
def customer_treatment_page(customer_id: CustomerId, uow_factory: ReadUowFactoryDep,
                            limit: Annotated[int, Query(ge=1, le=200)] = 50,
                            cursor: Annotated[str | None, Query(min_length=1, max_length=400,
                                                                description="next_cursor of the previous page")]
                            = None) -> public.TreatmentPage:
    """The customer's treatments, newest first, a page at a time (``next_cursor``; empty list when none)."""
    before = _decode_cursor(cursor) if cursor else None
    survivor, rows = svc.page_treatments(customer_id=customer_id, limit=limit + 1, before=before,
                                         uow_factory=uow_factory)
    page = rows[:limit]
    return public.TreatmentPage(customer_id=survivor, treatments=[bodies.treatment(t) for t in page],
                         next_cursor=_encode_cursor(page[-1]) if len(rows) > limit else None)


@internal.get("/customers/{customer_id}/context", response_model=public.CustomerContext, responses={
    404: {"description": "No context stored for this customer", **PROBLEM}, **INVALID})
def customer_context(customer_id: CustomerId, uow_factory: ReadUowFactoryDep) -> public.CustomerContext:
    """The stored context (merged ids resolve to the survivor), for the 360 view and tests."""
    context, merged_ids = svc.get_context(customer_id=customer_id, uow_factory=uow_factory)
    return bodies.context(context, merged_ids)


@internal.get("/customers/{customer_id}/treatments", response_model=list[public.Treatment], responses=INVALID)
def customer_treatments(customer_id: CustomerId, uow_factory: ReadUowFactoryDep,
                        limit: Annotated[int, Query(ge=1, le=200)] = 50) -> list[public.Treatment]:
    """Treatments decided for the customer, newest first ([] when none)."""
    return [bodies.treatment(t) for t in svc.list_treatments(customer_id=customer_id, limit=limit,
                                                            uow_factory=uow_factory)]


@internal.get("/customers/{customer_id}/export", response_model=public.TreatmentExport, responses={
    404: {"description": "Nothing held about this customer", **PROBLEM}, **INVALID})
def export_customer(customer_id: CustomerId, uow_factory: UowFactoryDep) -> public.TreatmentExport:
    """GDPR export: the context and every treatment held for the customer."""
    context, merged_ids, treatments = svc.export_customer(customer_id=customer_id, uow_factory=uow_factory)
    return public.TreatmentExport(customer_id=context.customer_id if context else customer_id, merged_ids=merged_ids,
                     context=bodies.context(context, merged_ids) if context else None,
                     treatments=[bodies.treatment(t) for t in treatments])


@internal.get("/erasures/{customer_id}", response_model=ErasureResult, responses={
    404: {"description": "No erasure applied for this id", **PROBLEM}, **INVALID})
def erasure(customer_id: CustomerId, uow_factory: UowFactoryDep) -> ErasureResult:
    """When this service applied the erasure of the customer (a tombstone holds only the id)."""
    return ErasureResult(customer_id=customer_id, erased_at=svc.erasure_status(customer_id=customer_id,
                                                                           uow_factory=uow_factory))
