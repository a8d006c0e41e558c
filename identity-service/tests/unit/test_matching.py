from __future__ import annotations

import pytest

from identity_service.domain.matching import (
    NULL,
    blocking_keys,
    compare,
    compare_date_of_birth,
    compare_first_name,
    compare_last_name,
    compare_postcode,
    compare_street,
    compare_text,
    features,
)

ANN = {"first_name": "Ann", "last_name": "Lee", "date_of_birth": "1980-04-05", "postcode": "LS1 4AP",
       "city": "Leeds", "street_number": "12", "address_line1": "High Street"}


@pytest.mark.parametrize("a, b, level", [
    ("robert", "robert", 0), ("bob", "robert", 1), ("jonathon", "jonathan", 1), ("mary", "marie", 2),
    ("ann", "michael", 3), ("", "ann", NULL)])
def test_first_names_know_nicknames_and_typos(a: str, b: str, level: int) -> None:
    assert compare_first_name(a, b) == level


def test_last_names_fall_back_to_phonetics() -> None:
    assert compare_last_name("smith", "smith") == 0
    assert compare_last_name("smith", "smiht") == 1
    assert compare_last_name("philips", "fillips") == 2  # sounds the same
    assert compare_last_name("smith", "okafor") == 3


@pytest.mark.parametrize("a, b, level", [
    ("1980-04-05", "1980-04-05", 0), ("1980-04-05", "1980-05-04", 1), ("1980-04-05", "1980-04-06", 1),
    ("1980-04-05", "1908-04-05", 1), ("1980-04-05", "1975-11-30", 2), ("1980-04-05", "", NULL)])
def test_dates_of_birth_forgive_transpositions_and_one_slip(a: str, b: str, level: int) -> None:
    assert compare_date_of_birth(a, b) == level


def test_postcodes_ignore_spaces_and_allow_one_edit() -> None:
    assert compare_postcode("ls14ap", "ls1 4ap") == 0 and compare_postcode("ls14ap", "ls14ab") == 1
    assert compare_postcode("ls14ap", "yo17hh") == 2


def test_data_entry_slips_of_febrl_count_as_near_agreement() -> None:
    assert compare_postcode("3178", "3718") == 1  # two digits swapped
    assert compare_text("brewster place", "brewsterplace") == 1 and compare_text("birmingha m gardens",
                                                                                 "birmingham gardens") == 1
    assert compare_first_name("kai", "kia") == 2 and compare_first_name("kai", "bob") == 3
    assert compare_text("leeds", "york") == 2 and compare_postcode("3178", "3781") == 2


def test_abbreviated_street_types_are_the_same_address() -> None:
    assert compare_street("12 high st", "12 high street") == 0 and compare_street("4 ocean pde", "4 ocean parade") == 0
    assert compare_street("12 high st", "12 hihg street") == 1 and compare_street("12 high st", "7 mill lane") == 2
    abbreviated = features({**ANN, "address_line1": "High St"})
    assert {k for k in blocking_keys(abbreviated) if k.startswith("sc:")} == {
        k for k in blocking_keys(features(ANN)) if k.startswith("sc:")} == {"sc:12 high street|leeds"}


def test_another_house_number_is_another_house_unless_it_is_a_slip() -> None:
    assert compare_street("113 manor way", "124 manor way") == 2  # neighbours, however alike the rest
    assert compare_street("62 lance hill avenue", "26 lance hill avenue") == 1  # two digits swapped
    assert compare_street("86 colborne place", "6 colborne place") == 1  # one digit lost
    assert compare_street("11 copland drive", "11 coplanddrive") == 1 and compare_street("copland drive", "11 copland dr") == 1


def test_swapped_first_and_last_names_still_agree() -> None:
    swapped = {**ANN, "first_name": "Lee", "last_name": "Ann"}
    assert compare(features(ANN), features(swapped))[:2] == [0, 0]


def test_accents_case_and_punctuation_do_not_matter() -> None:
    a = features({"first_name": "Zoë", "last_name": "O'Neil"})
    b = features({"first_name": "ZOE", "last_name": "o neil"})
    assert compare(a, b)[:2] == [0, 0]


@pytest.mark.parametrize("corruption", [
    {"last_name": "Leigh"}, {"first_name": "Anne"}, {"date_of_birth": "1980-05-04"},
    {"postcode": "YO1 7HH", "city": "York", "address_line1": "Mill Road", "street_number": "3"},
    {"first_name": "Lee", "last_name": "Ann"}, {"date_of_birth": None}])
def test_one_corrupted_field_still_leaves_a_shared_blocking_key(corruption: dict) -> None:
    other = {k: v for k, v in {**ANN, **corruption}.items() if v is not None}
    assert blocking_keys(features(ANN)) & blocking_keys(features(other))


# Corruptions of FEBRL 3 that no key survived before the birth-date-and-initial and address keys
RILEY = {"first_name": "Riley", "last_name": "Gloster", "date_of_birth": "1959-01-24", "postcode": "3178",
         "city": "Frankston", "street_number": "24", "address_line1": "Farrer Place"}


@pytest.mark.parametrize("corruption", [
    {"first_name": "Petreece", "postcode": "3187", "city": "Franktson"},  # first name replaced, address mistyped
    {"first_name": "Gloster", "last_name": "Mia", "postcode": "3718", "city": "Frankstn"},  # swapped, one replaced
    {"first_name": "Ryan", "date_of_birth": "1916-05-03", "postcode": "4570"},  # only the address and town agree
    # names replaced, birth date and town changed, house number and postcode corrupted: the street's
    # name in the postcode's digits is what is left (the sp key)
    {"first_name": "Mia", "last_name": "Excell", "date_of_birth": "1960-02-13", "postcode": "3718", "city": "Seaford",
     "street_number": "6", "address_line1": "Farrer Poace"},
])
def test_a_replaced_name_or_a_lost_birth_date_still_leaves_a_shared_key(corruption: dict) -> None:
    assert blocking_keys(features(RILEY)) & blocking_keys(features({**RILEY, **corruption}))


def test_different_people_rarely_share_a_key() -> None:
    bob = {"first_name": "Bob", "last_name": "Okafor", "date_of_birth": "1991-12-01", "postcode": "YO1 7HH"}
    assert not blocking_keys(features(ANN)) & blocking_keys(features(bob))
