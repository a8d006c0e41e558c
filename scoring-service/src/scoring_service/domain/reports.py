"""What a population run tells about the population as a whole, column-wise: how value is
concentrated (deciles, the Pareto curve), how CLV and churn risk are distributed, the size and
value of each tier and who moved between tiers since the previous run. Each is a plain JSON-ready
dict, stored with the run (``report_snapshots``), so a report is read, never computed, on request."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import numpy as np
from numpy.typing import NDArray

from .clv import Array

TIERS = ("most_valuable", "most_growable", "maintain", "below_zero")
DECILES = 10
CHURN_BINS = 10  # [0, 0.1), [0.1, 0.2), ... [0.9, 1.0]
CLV_BINS = 10    # equal widths from 0 to the 99th percentile; the last bin takes everything above
CLV_QUANTILES = (0.1, 0.25, 0.5, 0.75, 0.9, 0.99)  # the last is also the histogram's upper edge


def _money(value: float) -> str:
    return f"{value:.2f}"


def deciles(ranked: Array) -> list[dict[str, Any]]:
    """Customers ranked by value (``ranked``: most valuable first), cut into ten groups of (almost)
    equal size: each group's customers, value, share of the total and the cumulative share (the Pareto
    curve). Shares are null when the total is not positive (they would mean nothing)."""
    total = float(ranked.sum())
    out: list[dict[str, Any]] = []
    cumulative = 0.0
    for n, part in enumerate(np.array_split(ranked, DECILES), start=1):
        value = float(part.sum())
        cumulative += value
        out.append({"decile": n, "customers": len(part), "value": _money(value),
                    "min_value": _money(float(part.min())) if len(part) else None,
                    "max_value": _money(float(part.max())) if len(part) else None,
                    "share": round(value / total, 6) if total > 0 else None,
                    "cumulative_share": round(cumulative / total, 6) if total > 0 else None})
    return out


def clv_distribution(clv: Array) -> dict[str, Any]:
    """Quantiles, mean and a histogram of the 12-month CLV of the customers who have one."""
    scored = clv[~np.isnan(clv)]
    if not len(scored):
        return {"customers": 0, "mean": None, "quantiles": {}, "histogram": []}
    cuts = np.quantile(scored, CLV_QUANTILES)  # one partition for all of them
    upper = float(cuts[-1])
    edges = np.linspace(0.0, upper if upper > 0 else 1.0, CLV_BINS + 1)
    counts = np.bincount(np.clip(np.searchsorted(edges, scored, side="right") - 1, 0, CLV_BINS - 1),
                         minlength=CLV_BINS)
    return {"customers": len(scored), "mean": _money(float(scored.mean())),
            "quantiles": {f"p{round(q * 100)}": _money(float(c)) for q, c in zip(CLV_QUANTILES, cuts, strict=True)},
            "histogram": [{"from": _money(float(edges[i])),
                           "to": None if i == CLV_BINS - 1 else _money(float(edges[i + 1])),
                           "customers": int(counts[i])} for i in range(CLV_BINS)]}


def churn_distribution(risk: Array) -> dict[str, Any]:
    """Mean and a histogram (tenths) of churn risk over the customers who have one."""
    scored = risk[~np.isnan(risk)]
    counts = np.bincount(np.clip((scored * CHURN_BINS).astype(np.int64), 0, CHURN_BINS - 1), minlength=CHURN_BINS)
    return {"customers": len(scored), "mean": round(float(scored.mean()), 6) if len(scored) else None,
            "histogram": [{"from": i / CHURN_BINS, "to": (i + 1) / CHURN_BINS, "customers": int(counts[i])}
                          for i in range(CHURN_BINS)]}


def value_snapshot(net: Array, *, tier: Array | None, clv: Array | None, churn: Array) -> dict[str, Any]:
    """Value concentration of everyone scored and of each tier (the report's ``tier`` filter)."""
    # one sort for everyone and every tier: a tier's customers keep the population's order
    order = np.argsort(-net, kind="stable")
    ranked = net[order]
    clv_ranked = clv[order] if clv is not None else np.full(len(net), np.nan)
    churn_ranked = churn[order]

    def block(mask: Array) -> dict[str, Any]:
        return {"customers": int(mask.sum()), "total_value": _money(float(ranked[mask].sum())),
                "deciles": deciles(ranked[mask]), "clv": clv_distribution(clv_ranked[mask]),
                "churn_risk": churn_distribution(churn_ranked[mask])}

    out = {"all": block(np.ones(len(net), dtype=bool))}
    if tier is not None:
        tier_ranked = tier[order]
        for name in TIERS:
            out[name] = block(np.asarray(tier_ranked == name, dtype=bool))
    return out


def tiers_snapshot(net: Array, *, tier: Array | None, previous: Array) -> dict[str, Any]:
    """Each tier's customers and value now, and how many customers moved from the tier they held at
    the previous run (null: not tiered then, e.g. new since) to the one they hold now."""
    if tier is None:
        return {"tiers": [], "movements": []}
    sizes = [{"tier": name, "customers": int((tier == name).sum()), "value": _money(float(net[tier == name].sum()))}
             for name in TIERS]
    moved = np.asarray(tier != previous, dtype=bool) & np.asarray([t is not None for t in tier], dtype=bool)
    pairs: dict[tuple[str | None, str], int] = {}
    for before, after in zip(previous[moved].tolist(), tier[moved].tolist(), strict=True):
        pairs[(before, after)] = pairs.get((before, after), 0) + 1
    movements = [{"from_tier": before, "to_tier": after, "customers": count}
                 for (before, after), count in sorted(pairs.items(), key=lambda kv: (str(kv[0][0]), kv[0][1]))]
    return {"tiers": sizes, "movements": movements}


def cohorts_snapshot(cells: list[tuple[dt.date, dt.date, int, Decimal]]) -> dict[str, Any]:
    """Cohort cells as JSON: [cohort month, activity month, customers who bought, their spend]."""
    return {"cells": [[cohort.isoformat(), month.isoformat(), customers, f"{revenue:.2f}"]
                      for cohort, month, customers, revenue in cells]}


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from the month of ``start`` to the month of ``end``."""
    return (end.year - start.year) * 12 + end.month - start.month


def cohort_table(cells: list[list[Any]], *, through: dt.date, since: dt.date | None,
                 until: dt.date | None) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Each cohort (month of first purchase) in [since, until): its customers and their spend, and a
    cell per month since, up to the month of ``through`` (months nobody bought in are 0): customers who
    bought that month, their share of the cohort (still active), and the cohort's spend that month."""
    by_cohort: dict[dt.date, dict[int, tuple[int, Decimal]]] = {}
    for cohort_text, month_text, customers, revenue in cells:
        cohort, month = dt.date.fromisoformat(cohort_text), dt.date.fromisoformat(month_text)
        if (since is not None and cohort < since) or (until is not None and cohort >= until):
            continue
        by_cohort.setdefault(cohort, {})[months_between(cohort, month)] = (customers, Decimal(revenue))
    cohorts, table = [], []
    for cohort in sorted(by_cohort):
        active = by_cohort[cohort]
        size = active.get(0, (0, Decimal(0)))[0]
        cohorts.append({"cohort_start": cohort, "customers": size,
                        "revenue": f"{sum((r for _, r in active.values()), Decimal(0)):.2f}"})
        for k in range(months_between(cohort, through) + 1):
            customers, revenue = active.get(k, (0, Decimal(0)))
            year, month0 = divmod(cohort.month - 1 + k, 12)
            table.append({"cohort_start": cohort, "period_index": k,
                          "period_start": dt.date(cohort.year + year, month0 + 1, 1), "active_customers": customers,
                          "share_active": round(customers / size, 6) if size else None,
                          "revenue": f"{revenue:.2f}"})
    return cohorts, table


ACTIVE_DAYS = 90  # a buyer is still active with a purchase in the last 90 days (the linkage report)
NPS_GROUPS = ("promoter", "passive", "detractor", "no_answer")
DAY_SECONDS = 86400.0


def _linkage_group(name: str, mask: NDArray[np.bool_], *, net: Array, bought: NDArray[np.bool_],
                   active: NDArray[np.bool_], risk: Array) -> dict[str, Any]:
    buyers = int((mask & bought).sum())
    risks = risk[mask & ~np.isnan(risk)]
    customers = int(mask.sum())
    return {"group": name, "customers": customers, "buyers": buyers,
            "active_share": round(float((mask & active).sum()) / buyers, 6) if buyers else None,
            "value": _money(float(net[mask].sum())),
            "mean_value": _money(float(net[mask].mean())) if customers else None,
            "mean_churn_risk": round(float(risks.mean()), 6) if len(risks) else None}


def linkage_snapshot(*, nps: Array, complaints: Array, net: Array, bought: NDArray[np.bool_],
                     last_purchase_ts: Array, churn: Array, tier: Array | None, now_ts: float) -> dict[str, Any]:
    """What customers say against what they do, for everyone and each tier: per NPS group (their latest
    answer: promoter 9-10, passive 7-8, detractor 0-6, or no answer) and for those who complained or not,
    the customers, the buyers among them, the share of buyers still active (a purchase in the last
    ACTIVE_DAYS), their net value (summed and mean) and mean churn risk."""
    with np.errstate(invalid="ignore"):
        active = bought & ((now_ts - last_purchase_ts) <= ACTIVE_DAYS * DAY_SECONDS)
        groups = {"promoter": nps >= 9, "passive": (nps >= 7) & (nps < 9), "detractor": nps < 7,
                  "no_answer": np.isnan(nps)}
    complained = np.nan_to_num(complaints) > 0

    def block(within: NDArray[np.bool_]) -> dict[str, Any]:
        common: dict[str, Any] = {"net": net, "bought": bought, "active": active, "risk": churn}
        return {"nps_groups": [_linkage_group(g, groups[g] & within, **common) for g in NPS_GROUPS],
                "complaints": [_linkage_group("complained", complained & within, **common),
                               _linkage_group("no_complaint", ~complained & within, **common)]}

    out = {"all": block(np.ones(len(net), dtype=bool))}
    if tier is not None:
        for name in TIERS:
            out[name] = block(np.asarray(tier == name, dtype=bool))
    return {"active_days": ACTIVE_DAYS, "by_tier": out}


# -- channels and feedback: day counts kept per event, rolled into periods when asked ----------------

DAY_COUNTS = ("interactions", "cost", "purchases", "revenue", "nps_responses", "promoters", "detractors",
              "csat_responses", "csat_sum")
MONEY_COUNTS = frozenset({"cost", "revenue"})  # exact Decimals; the others are whole counts
ZERO = Decimal(0)


def interaction_counts(*, is_purchase: bool, amount: Decimal | None, cost: Decimal | None, nps: int | None,
                       csat: int | None) -> list[Any]:
    """What one interaction adds to its day, in ``DAY_COUNTS`` order (money as exact Decimals)."""
    answered = nps is not None
    return [1, cost or ZERO, int(is_purchase), (amount or ZERO) if is_purchase else ZERO, int(answered),
            int(nps is not None and nps >= 9), int(nps is not None and nps <= 6), int(csat is not None), csat or 0]


def _money_text(amount: Decimal) -> str:
    return f"{amount:.2f}"


def _feedback(c: dict[str, int]) -> dict[str, Any]:
    responses = c["nps_responses"]
    return {"nps_responses": responses, "promoters": c["promoters"],
            "passives": responses - c["promoters"] - c["detractors"], "detractors": c["detractors"],
            "nps": round(100 * (c["promoters"] - c["detractors"]) / responses, 2) if responses else None,
            "csat_responses": c["csat_responses"],
            "csat_mean": round(c["csat_sum"] / c["csat_responses"], 4) if c["csat_responses"] else None}


def _rolled(days: list[tuple[Any, ...]], key: Any) -> dict[Any, dict[str, Any]]:
    """Sum the rows (day or first day of a period, channel, tier, currency, *DAY_COUNTS) by ``key(row)``;
    revenue also per currency (``by_currency``)."""
    out: dict[Any, dict[str, Any]] = {}
    for row in days:
        group = out.setdefault(key(row), {**dict.fromkeys(DAY_COUNTS, 0), "by_currency": {}})
        for name, value in zip(DAY_COUNTS, row[4:], strict=True):
            group[name] += value
        revenue = row[4 + DAY_COUNTS.index("revenue")]
        if row[3] and revenue:
            group["by_currency"][row[3]] = group["by_currency"].get(row[3], ZERO) + revenue
    return out


def channel_rows(days: list[tuple[Any, ...]], *, start: Any) -> list[dict[str, Any]]:
    """Per period (``start(day)``) and channel: interactions, cost, cost per interaction, purchases,
    revenue per currency and conversion (purchases / interactions)."""
    rows = []
    for (period, channel), c in sorted(_rolled(days, lambda r: (start(r[0]), r[1])).items()):
        n = c["interactions"]
        rows.append({"period_start": period, "channel": channel, "interactions": n,
                     "cost": _money_text(c["cost"]),
                     "cost_per_interaction": _money_text(c["cost"] / n) if n else None,
                     "purchases": c["purchases"],
                     "revenue": {cur: _money_text(amount) for cur, amount in sorted(c["by_currency"].items())},
                     "conversion_rate": round(c["purchases"] / n, 6) if n else None})
    return rows


def feedback_rows(days: list[tuple[Any, ...]], *, start: Any) -> dict[str, list[dict[str, Any]]]:
    """NPS (promoters 9-10 minus detractors 0-6, in % of answers) and mean CSAT per period, per period
    and channel, and per period and the tier the customers held when they answered."""
    nps_at, csat_at = 4 + DAY_COUNTS.index("nps_responses"), 4 + DAY_COUNTS.index("csat_responses")
    answered = [r for r in days if r[nps_at] or r[csat_at]]
    per_period = _rolled(answered, lambda r: start(r[0]))
    per_channel = _rolled(answered, lambda r: (start(r[0]), r[1]))
    per_tier = _rolled(answered, lambda r: (start(r[0]), r[2]))
    return {"periods": [{"period_start": p, **_feedback(c)} for p, c in sorted(per_period.items())],
            "by_channel": [{"period_start": p, "channel": ch, **_feedback(c)}
                           for (p, ch), c in sorted(per_channel.items())],
            "by_tier": [{"period_start": p, "tier": t or None, **_feedback(c)}
                        for (p, t), c in sorted(per_tier.items())]}

