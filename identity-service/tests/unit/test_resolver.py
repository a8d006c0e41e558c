"""The in-memory engine: accuracy on synthetic data with known truth, and its rules."""

from __future__ import annotations

import datetime as dt
import time

import pytest

from identity_service.domain.golden import Survivorship, normalised_attributes
from identity_service.domain.matching import features
from identity_service.domain.model import MatchModel, starting_model
from identity_service.domain.resolver import Policy, Record, Resolver, World
from identity_service.domain.training import fit
from idic.contracts.identifiers import normalise
from idic_devstack.synthetic import generate, pairwise_scores

from ..bench import febrl

POLICY = Policy(survivorship=Survivorship(rules={}), strong_types=frozenset({"national_id"}), probabilistic=True,
                match_threshold=0.95, review_threshold=0.6, max_candidates=200)
NOW = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)


def to_records(raw: list[dict]) -> list[Record]:
    return [Record(pairs=[(i["type"], normalise(i["type"], i["value"])) for i in r["identifiers"]],
                   attributes=r["attributes"], source=r["source"]) for r in raw]


def test_trained_model_finds_the_people_behind_corrupted_records() -> None:
    raw, truth = generate(1500, seed=11)
    records = to_records(raw)
    model = fit([features(r.attributes, email=next((v for t, v in r.pairs if t == "email"), None))
                 for r in records])
    assert all(s["used"] and s["em_iterations"] >= 2 for s in model.stats["sessions"])
    assert model.stats["starting_m_kept"] == [] and model.m["last_name"][0] > 10 * model.u["last_name"][0]
    world = World()
    resolver = Resolver(world, model=model, policy=POLICY, now=NOW)
    started = time.perf_counter()
    predicted = [world.root(resolver.identify(r).customer_id) for r in records]
    elapsed = time.perf_counter() - started
    scores = pairwise_scores(truth, predicted)
    print(f"\nsynthetic 1,500 people / {len(records)} records: precision {scores['precision']:.4f} "
          f"recall {scores['recall']:.4f} F1 {scores['f1']:.4f}, {len(records) / elapsed:,.0f} records/s in memory")
    assert scores["precision"] >= 0.99 and scores["f1"] >= 0.98


def clustered(model: MatchModel, records: list[Record]) -> list[str]:
    world = World()
    resolver = Resolver(world, model=model, policy=POLICY, now=NOW)
    return [world.root(resolver.identify(r).customer_id) for r in records]


@pytest.mark.parametrize("name", ["synthetic", "febrl1"])
def test_training_on_a_base_without_duplicates_does_not_make_matching_worse(name: str) -> None:
    """The workflow of a business whose base is clean: load it, train, then the duplicates arrive.
    EM finds (almost) no matches to learn m from: the guard keeps the starting m and prior. (An EM
    let loose on FEBRL 1's 500 originals took F1 from 0.994 to 0.954.)"""
    if name == "febrl1":
        data = febrl.load("febrl1")
        raw, truth = data.records, data.truth
    else:
        raw, truth = generate(1500, seed=5)
    records = [Record(pairs=[], attributes=normalised_attributes(r["attributes"]), source="test") for r in raw]
    first_of: dict[int, int] = {}
    for n, person in enumerate(truth):
        first_of.setdefault(person, n)
    originals = sorted(first_of.values())
    trained = fit([features(records[n].attributes) for n in originals])
    assert not any(s["used"] for s in trained.stats["sessions"]) and trained.prior >= starting_model().prior
    order = originals + sorted(set(range(len(records))) - set(originals))
    ordered_truth = [truth[n] for n in order]
    untrained_f1 = pairwise_scores(ordered_truth, clustered(starting_model(), [records[n] for n in order]))["f1"]
    trained_f1 = pairwise_scores(ordered_truth, clustered(trained, [records[n] for n in order]))["f1"]
    print(f"\n{name}, clean base then duplicates: F1 untrained {untrained_f1:.4f}, trained on the base {trained_f1:.4f}")
    assert trained_f1 >= untrained_f1


def test_without_probabilistic_matching_only_identifiers_link() -> None:
    raw, truth = generate(300, seed=3)
    world = World()
    resolver = Resolver(world, model=starting_model(), policy=Policy(**{**POLICY.__dict__, "probabilistic": False}),
                        now=NOW)
    predicted = [world.root(resolver.identify(r).customer_id) for r in to_records(raw)]
    scores = pairwise_scores(truth, predicted)
    assert scores["precision"] == 1.0 and scores["recall"] < 0.9


def test_review_zone_creates_a_customer_and_queues_a_review() -> None:
    world = World()
    resolver = Resolver(world, model=starting_model(), policy=POLICY, now=NOW)
    first = resolver.identify(Record(pairs=[("email", "ann@x.com")], attributes={
        "first_name": "Ann", "last_name": "Lee", "city": "Leeds", "postcode": "LS1 4AP"}))
    maybe = resolver.identify(Record(pairs=[("email", "other@y.com")], attributes={
        "first_name": "Ann", "last_name": "Lee", "postcode": "LS2 9JT"}))
    assert maybe.created and maybe.matched_by == "new" and 0 < maybe.confidence < 0.4
    assert [(r["customer_id"], r["candidate_id"], r["reason"]) for r in world.reviews] == [
        (maybe.customer_id, first.customer_id, "possible_duplicate")]


def test_different_national_ids_block_a_probabilistic_match() -> None:
    world = World()
    resolver = Resolver(world, model=starting_model(), policy=POLICY, now=NOW)
    attrs = {"first_name": "Ann", "last_name": "Lee", "date_of_birth": "1980-04-05", "postcode": "LS1 4AP"}
    a = resolver.identify(Record(pairs=[("national_id", "A1")], attributes=attrs))
    twin = resolver.identify(Record(pairs=[("national_id", "B2")], attributes=attrs))
    same = resolver.identify(Record(pairs=[("email", "ann@x.com")], attributes=attrs))
    assert twin.created and twin.customer_id != a.customer_id
    assert same.matched_by == "probabilistic" and same.customer_id in (a.customer_id, twin.customer_id)
    assert world.root(a.customer_id) != world.root(twin.customer_id)  # the record matched both: never joined


RILEY = {"first_name": "Riley", "last_name": "Gloster", "date_of_birth": "1959-01-24"}
RILEY_AT_HOME = {"first_name": "Riley", "street_number": "24", "address_line1": "Farrer Place", "city": "Frankston",
                 "postcode": "3178"}


def test_a_record_that_confidently_matches_two_customers_joins_them() -> None:
    """One person stored twice from records with little in common (a name and a birth date; a first
    name and an address: they share no blocking key) is joined by the record that matches both, as
    transitive clustering would: the older customer survives, the merge is explained and announced."""
    world = World()
    resolver = Resolver(world, model=starting_model(), policy=POLICY, now=NOW)
    born = resolver.identify(Record(pairs=[], attributes=RILEY))
    lives = resolver.identify(Record(pairs=[], attributes=RILEY_AT_HOME))
    assert lives.created and world.root(lives.customer_id) != born.customer_id
    world.events.clear()
    both = resolver.identify(Record(pairs=[], attributes={**RILEY, **RILEY_AT_HOME}))
    assert both.matched_by == "probabilistic" and both.customer_id == born.customer_id
    assert world.root(lives.customer_id) == born.customer_id
    merged = [e for e in world.events if type(e).__name__ == "CustomersMerged"]
    assert [(e.customer_id, e.merged_ids) for e in merged] == [(born.customer_id, [lives.customer_id])]
    merge = next(m for m in world.merges if m.merged_id == lives.customer_id)
    assert merge.reason == "probabilistic" and merge.confidence is not None
    assert merge.confidence >= POLICY.match_threshold
    # explained by the record's comparison with the customer it matched second
    assert merge.explanation is not None and merge.explanation.probability >= POLICY.match_threshold
    assert merge.explanation.candidate_id in (born.customer_id, lives.customer_id)


def test_a_record_joins_no_two_customers_when_one_is_not_a_confident_match() -> None:
    world = World()
    resolver = Resolver(world, model=starting_model(), policy=POLICY, now=NOW)
    born = resolver.identify(Record(pairs=[], attributes=RILEY))
    # a neighbour: same street and town, another house, a postcode that shares a blocking key (3718)
    lives = resolver.identify(Record(pairs=[], attributes={"street_number": "7", "address_line1": "Farrer Place",
                                                           "city": "Frankston", "postcode": "3718"}))
    both = resolver.identify(Record(pairs=[], attributes={**RILEY, **RILEY_AT_HOME}))
    assert both.customer_id == born.customer_id and world.root(lives.customer_id) == lives.customer_id


def test_a_record_joins_no_two_customers_with_different_national_ids() -> None:
    world = World()
    resolver = Resolver(world, model=starting_model(), policy=POLICY, now=NOW)
    born = resolver.identify(Record(pairs=[("national_id", "A1")], attributes=RILEY))
    lives = resolver.identify(Record(pairs=[("national_id", "B2")], attributes=RILEY_AT_HOME))
    both = resolver.identify(Record(pairs=[], attributes={**RILEY, **RILEY_AT_HOME}))
    assert both.matched_by == "probabilistic"
    assert world.root(born.customer_id) != world.root(lives.customer_id)


def test_a_record_joins_no_two_customers_whose_own_comparison_calls_them_different_people() -> None:
    """Riley, then Mia of the same household (another first name and birth date), then Riley's record
    with the home address: it matches both, but Riley and Mia compare as different people."""
    world = World()
    resolver = Resolver(world, model=starting_model(), policy=POLICY, now=NOW)
    riley = resolver.identify(Record(pairs=[], attributes=RILEY))
    mia = resolver.identify(Record(pairs=[], attributes={**RILEY_AT_HOME, "first_name": "Mia", "last_name": "Gloster",
                                                         "date_of_birth": "1985-03-02"}))
    both = resolver.identify(Record(pairs=[], attributes={**RILEY, **RILEY_AT_HOME}))
    assert both.customer_id == riley.customer_id and world.root(mia.customer_id) == mia.customer_id
