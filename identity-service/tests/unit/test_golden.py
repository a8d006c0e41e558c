from __future__ import annotations

from identity_service.domain.golden import Observation, Survivorship, combine_consent, golden, observe


def _observations() -> list[Observation]:
    obs: list[Observation] = []
    observe(obs, attributes={"city": "Leeds", "last_name": "Lee"}, source="crm", at="2024-01-01", origin="a")
    observe(obs, attributes={"city": "Leeds", "last_name": "Leigh"}, source="web", at="2024-02-01", origin="a")
    observe(obs, attributes={"city": "York", "last_name": "Lea"}, source="store", at="2024-03-01", origin="b")
    return obs


def test_observing_the_same_value_again_counts_it() -> None:
    obs = _observations()
    observe(obs, attributes={"city": "York"}, source="store", at="2024-04-01", origin="b")
    york = [o for o in obs if o.value == "York"]
    assert len(york) == 1 and york[0].count == 2 and york[0].last_seen == "2024-04-01"


def test_most_recent_is_the_default_rule() -> None:
    assert golden(_observations(), Survivorship(rules={})) == {"city": "York", "last_name": "Lea"}


def test_most_frequent_and_source_priority_per_attribute() -> None:
    rules = Survivorship(rules={"city": "most_frequent", "last_name": "source_priority"},
                         source_priority=("crm", "store"))
    assert golden(_observations(), rules) == {"city": "Leeds", "last_name": "Lee"}


def test_unknown_sources_rank_below_listed_ones() -> None:
    rules = Survivorship(rules={}, default="source_priority", source_priority=("store",))
    assert golden(_observations(), rules)["last_name"] == "Lea"


def test_observations_survive_a_json_round_trip() -> None:
    obs = _observations()
    assert [Observation.from_json(o.to_json()) for o in obs] == obs


def test_refusal_wins_when_consents_disagree() -> None:
    assert combine_consent({"email": True, "sms": True}, {"email": False, "profiling": True}) == {
        "email": False, "sms": True, "profiling": True}


def test_a_do_not_contact_under_either_record_stands_after_a_merge() -> None:
    assert combine_consent({"do_not_contact": False, "email": True}, {"do_not_contact": True}) == {
        "do_not_contact": True, "email": True}
    assert combine_consent({"do_not_contact": True}, {"do_not_contact": False})["do_not_contact"] is True
    assert combine_consent({"do_not_contact": False}, {})["do_not_contact"] is False
