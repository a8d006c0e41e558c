"""What a population run changed, column-wise: which score rows differ from the stored ones
(only those are written), which customers' value changed materially (``CustomerScored``, the
rule of ``domain.value.is_material_change``), and which segments each customer entered or left
(``SegmentChanged``). Events are built as outbox rows directly: the same CloudEvents JSON that
``UnitOfWork.publish`` writes, at a fraction of the cost of a pydantic model per event."""

from __future__ import annotations

import datetime as dt
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray
from pydantic import TypeAdapter

from idic import utcnow
from idic.context import request_id_var
from idic.contracts import CustomerScored, SegmentChanged

from ..adapters.bulk import Loaded
from ..domain.clv import Array
from ..domain.value import CLV_MATERIAL_SHARE
from .scorer import ScoreArrays, kept_segments

_TIME = TypeAdapter(dt.datetime)


@dataclass
class Changes:
    """Rows to write and events to append."""

    rows: list[tuple[Any, ...]] = field(default_factory=list)        # bulk.SCORE_COLUMNS order
    entered: list[tuple[str, str]] = field(default_factory=list)     # (segment, customer)
    left: list[tuple[str, str]] = field(default_factory=list)
    events: list[tuple[Any, ...]] = field(default_factory=list)      # bulk.OUTBOX_COLUMNS order
    announced: int = 0


def _same(new: Array, old: Array) -> NDArray[np.bool_]:
    return np.asarray((new == old) | (np.isnan(new) & np.isnan(old)), dtype=bool)


def _same_labels(new: Any, old: Any) -> NDArray[np.bool_]:
    return np.asarray(np.equal(new, old), dtype=bool)  # object arrays: None equals None


def _nullable(values: Array, *, integer: bool = False) -> list[Any]:
    """Python values with None for nan (ints for integer columns)."""
    missing = np.isnan(values)
    filled = np.nan_to_num(values).astype(np.int64) if integer else values
    # None as the 0-d object array numpy makes of it (the stubs read a bare None as "x not given")
    return np.where(missing, np.asarray(None, dtype=object), filled).tolist()  # type: ignore[no-any-return]


def _money_text(cents: Array) -> list[str | None]:
    """Whole cents as decimal text with two places (exact below 10**13 cents, which money here is)."""
    return [None if c != c else f"{c / 100:.2f}" for c in cents.tolist()]


def drivers_texts(arrays: ScoreArrays) -> list[str]:
    """``churn_drivers`` of every customer as the JSON text ``json.dumps`` gives (what is stored)."""
    out = []
    for alive, adds, lapse in zip(arrays.churn.alive.tolist(), arrays.churn.alive_adds.tolist(),
                                  arrays.churn.lapse_adds.tolist(), strict=True):
        parts = []
        if adds == adds:
            parts.append(f'{{"input": "p_alive", "value": {alive!r}, "adds": {adds!r}}}')
        if lapse == lapse:
            parts.append(f'{{"input": "lapse_trigger", "value": true, "adds": {lapse!r}}}')
        out.append("[" + ", ".join(parts) + "]")
    return out


def _segments(data: Loaded, arrays: ScoreArrays) -> tuple[NDArray[np.object_], list[list[str]], list[list[str]],
                                                          NDArray[np.intp]]:
    """Per customer: the new segments' JSON text, and per distinct (before, after) combination the
    segments entered and left, with each customer's combination. Customers share few combinations,
    so lists are built once per combination, not once per customer."""
    import pandas as pd  # here, not at module level: ~1.4 s of CPU at every start of the service

    n = len(data)
    # None as the 0-d object array numpy makes of it (the stubs do not take a bare None operand)
    before_text = np.where(np.equal(data["prev_segments"], np.asarray(None, dtype=object)), "[]",
                           data["prev_segments"])
    before_code, before_texts = pd.factorize(before_text)
    key = [before_code.astype(np.int64)[:, None],
           (arrays.needs if arrays.needs is not None else np.full(n, -1)).astype(np.int64)[:, None]]
    if arrays.rule_ids:
        key.append(np.packbits(arrays.rule_hits, axis=1).astype(np.int64))
    combos, first, combo_of = np.unique(np.hstack(key), axis=0, return_index=True, return_inverse=True)
    texts, entered, left = [], [], []
    for combo, i in zip(combos, first.tolist(), strict=True):  # i: the first customer with this combination
        before = json.loads(before_texts[combo[0]])
        after = arrays.segments(i, kept_segments(before, rule_ids=arrays.rule_ids))
        texts.append(json.dumps(after))
        entered.append([s for s in after if s not in before])
        left.append([s for s in before if s not in after])
    return np.asarray(texts, dtype=object)[combo_of.ravel()], entered, left, combo_of.ravel()


def compare(data: Loaded, arrays: ScoreArrays, *, now: dt.datetime, source: str) -> Changes:
    """Score rows that differ from the stored ones, and the events of material changes."""
    ids = data["customer_id"]
    exists = data["prev_exists"] > 0
    tier = arrays.tier if arrays.tier is not None else np.full(len(data), None, dtype=object)
    segment_text, entered, left, combo = _segments(data, arrays)
    drivers = np.asarray(drivers_texts(arrays), dtype=object)
    same = (exists & _same(arrays.r, data["prev_r"]) & _same(arrays.f, data["prev_f"])
            & _same(arrays.m, data["prev_m"]) & _same(arrays.churn.risk, data["prev_churn_risk"])
            & _same(arrays.p_alive, data["prev_p_alive"])
            & _same(arrays.expected_purchases_90d, data["prev_expected_purchases_90d"])
            & _same(arrays.aov_cents, data["prev_aov_cents"]) & _same(arrays.clv_cents, data["prev_clv_cents"])
            & _same_labels(arrays.rfm_segment, data["prev_rfm_segment"]) & _same_labels(tier, data["prev_tier"])
            & _same_labels(tier, data["prev_run_tier"])
            & np.equal(segment_text, np.where(exists, data["prev_segments"], None)).astype(bool)
            & np.equal(drivers, data["prev_drivers"]).astype(bool))
    changes = Changes()
    idx = np.flatnonzero(~same)
    if len(idx):
        changes.rows = list(zip(
            ids[idx].tolist(), [now] * len(idx), _nullable(arrays.r[idx], integer=True),
            _nullable(arrays.f[idx], integer=True), _nullable(arrays.m[idx], integer=True),
            arrays.rfm_segment[idx].tolist(), tier[idx].tolist(), _nullable(arrays.churn.risk[idx]),
            _nullable(arrays.p_alive[idx]), _nullable(arrays.expected_purchases_90d[idx]),
            _money_text(arrays.aov_cents[idx]), _money_text(arrays.clv_cents[idx]), segment_text[idx].tolist(),
            drivers[idx].tolist(), tier[idx].tolist(), strict=True))  # the last: run_tier
    material = _material(data, arrays, tier)
    changes.announced = int(np.count_nonzero(material))
    envelope = _Envelopes(source=source)
    stamp = _TIME.dump_python(now, mode="json")
    idm = np.flatnonzero(material)
    for cid, frequency, monetary, currency, tier_, segment, value, alive, risk in zip(
            ids[idm].tolist(), np.nan_to_num(data["frequency"][idm]).astype(np.int64).tolist(),
            data["monetary_text"][idm].tolist(), data["currency"][idm].tolist(), tier[idm].tolist(),
            arrays.rfm_segment[idm].tolist(), _money_text(arrays.clv_cents[idm]), _nullable(arrays.p_alive[idm]),
            _nullable(arrays.churn.risk[idm]), strict=True):
        changes.events.append(envelope.row(CustomerScored, cid, {
            "customer_id": cid, "scored_at": stamp, "frequency": frequency, "monetary": monetary or "0",
            "currency": currency, "tier": tier_, "rfm_segment": segment, "clv_12m": value, "p_alive": alive,
            "churn_risk": risk}))
    for i in np.flatnonzero(~same):
        for segment_id in left[combo[i]]:
            changes.left.append((segment_id, ids[i]))
        for segment_id in entered[combo[i]]:
            changes.entered.append((segment_id, ids[i]))
    for segment_id, cid in changes.left:
        changes.events.append(envelope.row(SegmentChanged, cid, {
            "customer_id": cid, "segment_id": segment_id, "entered": False, "changed_at": stamp}))
    for segment_id, cid in changes.entered:
        changes.events.append(envelope.row(SegmentChanged, cid, {
            "customer_id": cid, "segment_id": segment_id, "entered": True, "changed_at": stamp}))
    return changes


def _material(data: Loaded, arrays: ScoreArrays, tier: Any) -> NDArray[np.bool_]:
    """``is_material_change`` over every customer (frequency, money and currency are the features'
    own and equal before and after a population run)."""
    before, after = data["prev_clv_cents"], arrays.clv_cents
    known = ~np.isnan(before) & ~np.isnan(after)
    share = int(1 / CLV_MATERIAL_SHARE)  # 10: |after - before| > 10 % of max(|before|, 1.00), in whole cents
    with np.errstate(invalid="ignore"):
        moved = np.where(known, share * np.abs(after - before) > np.maximum(np.abs(before), 100.0),
                         np.isnan(before) != np.isnan(after))
        bands = [np.where(np.isnan(risk), -1, np.minimum(np.floor(risk * 10), 9))
                 for risk in (data["prev_churn_risk"], arrays.churn.risk)]
    return np.asarray(~_same_labels(arrays.rfm_segment, data["prev_rfm_segment"])
                      | ~_same_labels(tier, data["prev_tier"]) | moved | (bands[0] != bands[1]), dtype=bool)


class _Envelopes:
    """Outbox rows of structured-mode CloudEvents (the JSON ``CloudEvent.to_json_bytes`` writes)."""

    def __init__(self, *, source: str) -> None:
        self.source = source
        self.request_id = request_id_var.get()
        self.created = utcnow()
        self.time = _TIME.dump_python(self.created, mode="json")

    def row(self, payload: Any, subject: str, data: dict[str, Any]) -> tuple[Any, ...]:
        event_id = str(uuid.uuid4())
        envelope = {"specversion": "1.0", "id": event_id, "source": self.source, "type": payload.event_type,
                    "time": self.time, "subject": subject, "datacontenttype": "application/json", "data": data}
        if self.request_id is not None:
            envelope["requestid"] = self.request_id
        body = json.dumps(envelope, separators=(",", ":"), ensure_ascii=False)
        return (event_id, payload.topic, subject, payload.event_type, body, self.created)
