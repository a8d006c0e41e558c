"""Public bodies (``idic.public.identity``) to service-layer arguments, and domain results back to
public bodies: the one place that knows both what the API says and what the use cases answer."""

from __future__ import annotations

from typing import cast

from fastapi.responses import JSONResponse
from pydantic import ValidationError

from idic import ProblemError
from idic.problems import validation_errors
from idic.public import identity as public
from idic.public.common import ErasureResult, Problem, ProblemField

from ..config import Settings
from ..domain.customer import CustomerConsent, CustomerExport, CustomerProfile, DuplicateReview, Erasure, NameMatch
from ..domain.model import TrainedModel
from ..domain.resolver import Record, Resolution
from ..service_layer.identify import to_record


def record_of(body: public.IdentifyRequest, *, settings: Settings, field_prefix: str = "body") -> Record:
    """An identify body as the engine's record (normalised; 422 naming the field under ``field_prefix``).
    The command lines read their files' records through it too."""
    attributes = body.attributes.model_dump(exclude_none=True) if body.attributes is not None else {}
    return to_record(identifiers=[(i.type, i.value) for i in body.identifiers], attributes=attributes,
                     source=body.source, settings=settings, field_prefix=field_prefix)


def answer(body: public.IdentifyResult | public.IdentifyBatchResult, *, explain: bool) -> JSONResponse:
    """An identify answer as JSON, its explanations left out unless ``?explain=true`` asked for them
    (the answer stays as it always was for callers who do not ask)."""
    unasked = {"explanation"} if isinstance(body, public.IdentifyResult) else {"results": {"__all__": {"explanation"}}}
    return JSONResponse(body.model_dump(mode="json", exclude=None if explain else unasked))  # type: ignore[arg-type]


def batch_record(raw: object, *, index: int, settings: Settings) -> Record | public.RecordRefused:
    """One record of a batch as the engine's record, or its refusal (422 naming each field under
    ``body.records.<index>``) to answer in its place: a batch refuses records, never the batch."""
    where = f"body.records.{index}"
    try:
        body = raw if isinstance(raw, public.IdentifyRequest) else public.IdentifyRequest.model_validate(raw)
        return record_of(body, settings=settings, field_prefix=where)
    except ValidationError as exc:
        errors = validation_errors([{**e, "loc": ("body", "records", index, *e["loc"])} for e in exc.errors()])
        detail = "invalid record: " + ", ".join(e["field"] for e in errors[:5])
    except ProblemError as exc:
        if exc.status != 422:
            raise
        errors, detail = exc.extra.get("errors") or [{"field": where, "message": exc.detail}], exc.detail
    # pydantic validates each {"field", "message"} dict into a ProblemField
    return public.RecordRefused(error=Problem(title="Unprocessable Content", status=422, detail=detail,
                                              errors=cast(list[ProblemField], errors)))


def batch_result(checked: list[Record | public.RecordRefused], resolved: list[Resolution], *,
                 explain: bool = False) -> public.IdentifyBatchResult:
    """The results in the order of the records: each identified record's customer, each refusal in its place."""
    found = iter(resolved)
    results = [identify_result(next(found), explain=explain) if isinstance(c, Record) else c for c in checked]
    return public.IdentifyBatchResult(results=results, errors=len(checked) - len(resolved))


def identify_result(r: Resolution, *, explain: bool = False) -> public.IdentifyResult:
    """The customer one record belongs to, and how it was found (and why, when asked and attributes were compared)."""
    e = r.explanation if explain else None
    explanation = None if e is None else public.Explanation(
        candidate_id=e.candidate_id, probability=e.probability, prior_weight=e.prior_weight,
        comparisons=[public.Comparison(attribute=a, level=level, weight=w) for a, level, w in e.comparisons])
    return public.IdentifyResult(customer_id=r.customer_id, created=r.created, matched_by=r.matched_by,  # type: ignore[arg-type]
                                 confidence=r.confidence, explanation=explanation)


def profile(p: CustomerProfile) -> public.Profile:
    """A customer's profile (the survivor after merges)."""
    return public.Profile(
        customer_id=p.customer_id, attributes=cast(dict[public.AttributeName, str], dict(p.attributes)),
        identifiers=[public.IdentifierOut(type=i.type, value=i.value, source=i.source) for i in p.identifiers],
        merged_ids=list(p.merged_ids), consent=dict(p.consent), created_at=p.created_at, updated_at=p.updated_at)


def consent(c: CustomerConsent) -> public.ConsentResult:
    """The whole consent map after a change."""
    return public.ConsentResult(customer_id=c.customer_id, consent=dict(c.consent))


def erasure(e: Erasure) -> ErasureResult:
    """When the customer was erased."""
    return ErasureResult(customer_id=e.customer_id, erased_at=e.erased_at)


def review(r: DuplicateReview) -> public.Review:
    """A possible duplicate and its decision."""
    return public.Review(review_id=r.review_id, customer_id=r.customer_id, candidate_id=r.candidate_id,
                         probability=r.probability, reason=r.reason, status=r.status,  # type: ignore[arg-type]
                         created_at=r.created_at, decided_at=r.decided_at,
                         details=cast(public.ReviewDetails, dict(r.details)),  # validated by pydantic
                         explanation=r.details.get("explanation"))


def matching_model(t: TrainedModel) -> public.MatchingModel:
    """The match model in use and its version."""
    return public.MatchingModel(**t.to_json())


def name_match(m: NameMatch) -> public.SearchHit:
    """A customer whose name sounds like the one searched."""
    return public.SearchHit(customer_id=m.customer_id,
                            attributes=cast(dict[public.AttributeName, str], dict(m.attributes)))


def export(e: CustomerExport) -> public.IdentityExport:
    """Everything identity holds about the person (times as RFC 3339 text, as the export always gave them)."""
    p = e.profile
    return public.IdentityExport(
        customer_id=p.customer_id,
        profile=profile(p),
        identifiers=[public.ExportedIdentifier(type=i.type, value=i.value, source=i.source, brought_by=i.brought_by,
                                               created_at=i.created_at.isoformat()) for i in p.identifiers],
        observations=[public.Observation(attribute=o.name, value=o.value, source=o.source, count=o.count,
                                         first_seen=o.first_seen, last_seen=o.last_seen, brought_by=o.origin)
                      for o in e.observations],
        merges=[public.MergeRecord(survivor_id=m.survivor_id, merged_id=m.merged_id, reason=m.reason,
                                   confidence=m.confidence, merged_at=m.merged_at.isoformat(),
                                   unmerged_at=m.unmerged_at.isoformat() if m.unmerged_at else None,
                                   explanation=cast(public.Explanation | None, m.explanation))  # validated by pydantic
                for m in e.merges],
        reviews=[public.ReviewRef(review_id=r.review_id, customer_id=r.customer_id, candidate_id=r.candidate_id,
                                  status=r.status, reason=r.reason)  # type: ignore[arg-type]
                 for r in e.reviews],
    )
