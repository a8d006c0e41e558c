"""Domain results as public bodies (``idic.public.scoring``): the one place that maps what the
service layer answers to what the API says."""

from __future__ import annotations

from typing import Any, cast

from idic.public import reports as public_reports
from idic.public import scoring as public

from ..domain.clv import ClvFit
from ..service_layer.queries import FeaturesReport, Holdings, MembersPage, ProfilingRefusal, SegmentSummary, ValueReport


def customer_value(report: ValueReport | ProfilingRefusal) -> public.CustomerValue | public.ProfilingRefused:
    """The value object, or the refusal of profiling that stands in its place."""
    if isinstance(report, ProfilingRefusal):
        return public.ProfilingRefused(customer_id=report.customer_id, refused_at=report.refused_at)
    features, scores = report.features, report.scores
    return public.CustomerValue(
        customer_id=features.customer_id,
        rfm=public.Rfm(recency_days=report.recency_days, frequency=features.frequency, monetary=features.monetary,
                       currency=features.currency, r=scores.r, f=scores.f, m=scores.m, segment=scores.rfm_segment,
                       status=report.rfm_status),
        clv=public.Clv(status=report.clv_status, p_alive=scores.p_alive,
                       expected_purchases_90d=scores.expected_purchases_90d,
                       expected_avg_order_value=scores.expected_avg_order_value, clv_12m=scores.clv_12m),
        tier=scores.tier, tier_status=report.tier_status,  # type: ignore[arg-type]
        segments=list(scores.segments), churn_risk=scores.churn_risk, churn_risk_status=report.churn_risk_status,
        churn_drivers=[public.ChurnDriver.model_validate(d) for d in scores.churn_drivers], scored_at=scores.scored_at,
        worth=public.Worth(currency=features.currency, **vars(report.worth)),
    )


def features(report: FeaturesReport) -> public.Features:
    """A customer's raw aggregates."""
    return public.Features(merged_ids=list(report.merged_ids), updated_at=report.updated_at, **vars(report.features))


def clv_model(fit: ClvFit) -> public.ClvModel:
    """A stored CLV fit."""
    b, g = fit.bgnbd, fit.gamma_gamma
    return public.ClvModel(bgnbd=public.BgNbdParams(r=b.r, alpha=b.alpha, a=b.a, b=b.b),
                           gamma_gamma=public.GammaGammaParams(p=g.p, q=g.q, v=g.v),
                           customers=fit.customers, fitted_at=fit.fitted_at, calibration_end=fit.calibration_end,
                           time_unit=fit.time_unit, fit_seconds=fit.fit_seconds,
                           rescored=cast("public.Rescore | None", fit.rescored))  # the dict: pydantic validates it


def segment(s: SegmentSummary) -> public.Segment:
    """A segment with its size and value."""
    return public.Segment(id=s.segment_id, kind=s.kind, name=s.name, description=s.description, size=s.size,
                          value=s.value,
                          conditions=None if s.conditions is None else list(s.conditions))  # type: ignore[arg-type]


def segment_list(segments: list[SegmentSummary]) -> public.SegmentList:
    """Every segment."""
    return public.SegmentList(segments=[segment(s) for s in segments])


def segment_members(page: MembersPage) -> public.SegmentMembers:
    """One page of a segment's members (``next_after``: the deprecated name of ``next_cursor``)."""
    return public.SegmentMembers(segment_id=page.segment_id,
                                 customers=[public.SegmentMember(customer_id=c, since=s) for c, s in page.members],
                                 next_cursor=page.next_cursor, next_after=page.next_cursor)


def export(h: Holdings) -> public.ScoringExport:
    """The GDPR export: features and scores as stored."""
    scores = h.scores
    return public.ScoringExport(
        customer_id=h.customer_id, service="scoring-service", profiling_refused_at=h.refused_at,
        features=features(h.features),
        scores=None if scores is None else public.StoredScores.model_validate(vars(scores)),
        purchase_days=[dict(day) for day in h.purchase_days])


def value_report(report: dict[str, Any]) -> public_reports.ValueReport:
    """Value concentration (``service_layer.reports`` answers it in this very shape)."""
    return public_reports.ValueReport.model_validate(report)


def tiers_report(report: dict[str, Any]) -> public_reports.TiersReport:
    """Tiers and their movements."""
    return public_reports.TiersReport.model_validate(report)


def cohorts_report(report: dict[str, Any]) -> public_reports.CohortsReport:
    """Cohorts by first purchase."""
    return public_reports.CohortsReport.model_validate(report)


def linkage_report(report: dict[str, Any]) -> public_reports.LinkageReport:
    """What customers say against what they do."""
    return public_reports.LinkageReport.model_validate(report)


def channels_report(report: dict[str, Any]) -> public_reports.ChannelsReport:
    """Channels per period."""
    return public_reports.ChannelsReport.model_validate(report)


def feedback_report(report: dict[str, Any]) -> public_reports.FeedbackReport:
    """NPS and CSAT per period, channel and tier."""
    return public_reports.FeedbackReport.model_validate(report)

