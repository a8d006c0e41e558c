"""What the reports read, at the size issue 17 names, written straight into a running suite's scoring
and treatment databases: a report never reads customers or interactions, only what the population
runs and the event counts kept, so these tables are the whole of a report's cost.

- scoring: the snapshots a run over 1,000,000 customers keeps (computed by ``domain.reports`` from
  1,000,000 customers' synthetic scores), a run a day for two years (the tiers report reads each run's
  movements), cohorts of 24 months, and the day counts of 10,000,000 interactions over two years
  (every day, channel, tier and currency has a row, as it would at that volume);
- treatment: the day counts of 2,000,000 decisions of 20 rules over two years.

The counts are drawn at random and summed with numpy, so the totals are known exactly."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import numpy as np

from idic.db import add_counts
from scoring_service.config import Settings as ScoringSettings
from scoring_service.domain import reports as scoring_reports
from scoring_service.main import build_runtime as scoring_runtime
from treatment_service.adapters.orm import ReportDayRow
from treatment_service.config import Settings as TreatmentSettings
from treatment_service.domain.report_counts import COUNTS as TREATMENT_COUNTS
from treatment_service.main import build_runtime as treatment_runtime

CHANNELS = ("web", "store", "phone", "email", "chat", "mobile_app")
TIER_KEYS = ("most_valuable", "most_growable", "maintain", "below_zero", "")
CURRENCIES = ("EUR", "USD")


def _runtime_settings(settings_class: Any, url: str) -> Any:
    return settings_class(database_url=url, run_workers=False, log_json=False, log_level="WARNING")


def _cents(total: int) -> Decimal:
    return Decimal(int(total)) / 100


def fill_scoring(url: str, *, customers: int, interactions: int, days: int, now: dt.datetime,
                 seed: int = 17) -> dict[str, Any]:
    """Write the snapshots of runs over ``customers`` (the latest at ``now``, one a day before it) and the
    day counts of ``interactions`` over the ``days`` before ``now``; what the reports must then say."""
    rng = np.random.default_rng(seed)
    net = np.round(rng.gamma(1.2, 80.0, customers) - 10.0, 2)
    tier = rng.choice(np.array(scoring_reports.TIERS, dtype=object), customers, p=[0.2, 0.2, 0.5, 0.1])
    previous = np.where(rng.random(customers) < 0.1, rng.choice(np.array(scoring_reports.TIERS, dtype=object),
                                                                 customers), tier)
    churn = np.round(rng.beta(2, 5, customers), 4)
    clv = np.round(rng.gamma(1.5, 60.0, customers), 2)
    nps = np.where(rng.random(customers) < 0.3, rng.integers(0, 11, customers).astype(float), np.nan)
    bought = rng.random(customers) < 0.8
    last = np.where(bought, now.timestamp() - rng.integers(0, days, customers) * 86400.0, np.nan)
    value = {"currency": "EUR", "by_tier": scoring_reports.value_snapshot(net, tier=tier, clv=clv, churn=churn)}
    tiers = scoring_reports.tiers_snapshot(net, tier=tier, previous=previous)
    linkage = scoring_reports.linkage_snapshot(
        nps=nps, complaints=(rng.random(customers) < 0.05).astype(float), net=net, bought=bought,
        last_purchase_ts=last, churn=churn, tier=tier, now_ts=now.timestamp())
    first_month = dt.date(now.year - 2, now.month, 1)
    months = [dt.date(first_month.year + (first_month.month - 1 + k) // 12, (first_month.month - 1 + k) % 12 + 1, 1)
              for k in range(25)]
    cells = [(cohort, month, int(rng.integers(100, 40_000)), Decimal(int(rng.integers(10**5, 10**8))) / 100)
             for i, cohort in enumerate(months) for month in months[i:]]
    runtime = scoring_runtime(_runtime_settings(ScoringSettings, url))
    with runtime.uow() as uow:
        for back in range(days, 0, -1):  # a run a day: the tiers report sums every run's movements
            uow.reports.add("tiers", tiers, taken_at=now - dt.timedelta(days=back))
        uow.reports.add("tiers", tiers, taken_at=now)
        uow.reports.add("value", value, taken_at=now)
        uow.reports.add("linkage", linkage, taken_at=now)
        uow.reports.add("cohorts", scoring_reports.cohorts_snapshot(cells), taken_at=now)
        uow.commit()
    rows = interaction_days(rng, interactions=interactions, days=days, end=now.date())
    with runtime.uow() as uow:
        for start in range(0, len(rows), 5000):
            uow.reports.add_interaction_days(rows[start:start + 5000])
        uow.commit()
    runtime.engine.dispose()
    return {"customers": customers, "interactions": sum(r[4][0] for r in rows), "day_rows": len(rows),
            "runs": days + 1}


def interaction_days(rng: np.random.Generator, *, interactions: int, days: int,
                     end: dt.date) -> list[tuple[dt.date, str, str, str, list[Any]]]:
    """``interactions`` drawn over days, channels and tiers (a tenth of them purchases, in one of two
    currencies; one in twenty a survey with an NPS and a CSAT answer), summed per day row."""
    shape = (days, len(CHANNELS), len(TIER_KEYS), 1 + len(CURRENCIES))
    day = rng.integers(0, days, interactions)
    channel = rng.integers(0, len(CHANNELS), interactions)
    tier = rng.integers(0, len(TIER_KEYS), interactions)
    purchase = rng.random(interactions) < 0.1
    currency = np.where(purchase, 1 + rng.integers(0, len(CURRENCIES), interactions), 0)
    cell = np.ravel_multi_index((day, channel, tier, currency), shape)
    size = int(np.prod(shape))

    def summed(weights: np.ndarray | None = None) -> np.ndarray:  # type: ignore[type-arg]
        return np.bincount(cell, weights=weights, minlength=size)

    cost = rng.integers(10, 300, interactions)                       # cents
    amount = np.where(purchase, rng.integers(500, 30_000, interactions), 0)
    survey = rng.random(interactions) < 0.05
    score = rng.integers(0, 11, interactions)
    csat = rng.integers(1, 6, interactions)
    totals = [summed(), summed(cost), summed(purchase), summed(amount), summed(survey), summed(survey & (score >= 9)),
              summed(survey & (score <= 6)), summed(survey), summed(np.where(survey, csat, 0))]
    rows = []
    for index in np.flatnonzero(totals[0]):
        d, c, t, cur = np.unravel_index(index, shape)
        n = [int(round(x[index])) for x in totals]
        rows.append((end - dt.timedelta(days=days - int(d)), CHANNELS[c], TIER_KEYS[t],
                     "" if cur == 0 else CURRENCIES[cur - 1],
                     [n[0], _cents(n[1]), n[2], _cents(n[3]), n[4], n[5], n[6], n[7], n[8]]))
    return rows


def fill_treatment(url: str, *, decisions: int, rules: int, days: int, end: dt.date, seed: int = 23) -> dict[str, Any]:
    """The day counts of ``decisions`` of ``rules`` rules over the ``days`` before ``end``: a tenth held
    out as control; a fifth accepted, a fifth declined, a third ignored, a tenth converted (in EUR)."""
    rng = np.random.default_rng(seed)
    channels = ("email", "sms", "web", "")
    shape = (days, rules, len(channels), 2, 2)  # day, rule, channel, control, currency (none, EUR)
    outcome = rng.choice(5, decisions, p=[0.17, 0.2, 0.2, 0.33, 0.1])  # open, accepted, declined, ignored, converted
    converted = outcome == 4
    cell = np.ravel_multi_index((rng.integers(0, days, decisions), rng.integers(0, rules, decisions),
                                 rng.integers(0, len(channels), decisions), (rng.random(decisions) < 0.1).astype(int),
                                 converted.astype(int)), shape)
    size = int(np.prod(shape))
    accepted = (outcome == 1) | (converted & (rng.random(decisions) < 0.5))
    totals = [np.bincount(cell, minlength=size), np.bincount(cell, weights=accepted, minlength=size),
              np.bincount(cell, weights=outcome == 2, minlength=size), np.bincount(cell, weights=outcome == 3,
                                                                                  minlength=size),
              np.bincount(cell, weights=converted, minlength=size),
              np.bincount(cell, weights=np.where(converted, rng.integers(500, 20_000, decisions), 0), minlength=size)]
    rows = []
    for index in np.flatnonzero(totals[0]):
        d, r, c, control, cur = (int(x) for x in np.unravel_index(index, shape))
        n = [int(round(x[index])) for x in totals]
        rows.append({"day": end - dt.timedelta(days=days - d), "rule_id": f"scale-rule-{r:02d}", "channel": channels[c],
                     "control": bool(control), "currency": "EUR" if cur else "",
                     **dict(zip(TREATMENT_COUNTS, [*n[:5], _cents(n[5])], strict=True))})
    runtime = treatment_runtime(_runtime_settings(TreatmentSettings, url))
    with runtime.uow() as uow:
        for start in range(0, len(rows), 5000):
            add_counts(uow.session, ReportDayRow.__table__, keys=("day", "rule_id", "channel", "control", "currency"),
                       counts=TREATMENT_COUNTS, rows=rows[start:start + 5000])
        uow.commit()
    runtime.engine.dispose()
    return {"decisions": sum(r["presented"] for r in rows), "day_rows": len(rows)}
