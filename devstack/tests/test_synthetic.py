"""The synthetic identity data: reproducible, and with the truth it claims."""

from __future__ import annotations

from idic_devstack.synthetic import all_pairs, distinct_customers, generate, pairwise_scores


def test_same_seed_same_records_and_truth_lines_up() -> None:
    records, truth = generate(200, seed=5)
    assert (records, truth) == generate(200, seed=5) and records != generate(200, seed=6)[0]
    assert len(records) == len(truth) > 200 and set(truth) == set(range(200))
    for record in records:
        assert set(record) == {"identifiers", "attributes", "source"}
        assert {"first_name", "last_name"} <= set(record["attributes"])


def test_distinct_customers_share_no_identifier() -> None:
    people = distinct_customers(1_000, 300)
    values = [i["value"] for p in people for i in p["identifiers"]]
    assert len(values) == len(set(values)) == 600 and people[0]["identifiers"][1]["value"] == "LC000001000"


def test_pairwise_scores() -> None:
    perfect = pairwise_scores([0, 0, 1, 2, 2], ["a", "a", "b", "c", "c"])
    assert (perfect["precision"], perfect["recall"], perfect["f1"]) == (1.0, 1.0, 1.0)
    lumped = pairwise_scores([0, 0, 1], ["a", "a", "a"])  # one right pair of three predicted
    assert lumped["precision"] == 1 / 3 and lumped["recall"] == 1.0 and lumped["true_pairs"] == 1
    assert all_pairs(5) == 10
