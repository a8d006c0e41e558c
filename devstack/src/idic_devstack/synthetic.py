"""Synthetic customer records with known truth, corrupted the way real source systems
corrupt them: typos, swapped first/last names, nicknames, missing fields, day/month swaps,
moves, changed e-mails, and duplicates within and across sources. Identify request bodies
(plain dicts) for identity-service's tests and benchmarks; imports no service."""

from __future__ import annotations

import random
import string
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

FIRST = ["james", "mary", "robert", "patricia", "john", "jennifer", "michael", "linda", "william", "elizabeth",
         "david", "barbara", "richard", "susan", "joseph", "jessica", "thomas", "sarah", "charles", "karen",
         "christopher", "nancy", "daniel", "lisa", "matthew", "margaret", "anthony", "sandra", "andrew", "ashley",
         "steven", "kimberly", "paul", "emily", "joshua", "donna", "kenneth", "michelle", "kevin", "carol", "brian",
         "amanda", "george", "melissa", "edward", "deborah", "ronald", "stephanie", "timothy", "rebecca", "jason",
         "laura", "jeffrey", "helen", "ryan", "sharon", "jacob", "cynthia", "gary", "kathleen", "nicholas", "amy",
         "eric", "shirley", "jonathan", "angela", "stephen", "anna", "larry", "ruth", "justin", "brenda", "scott",
         "pamela", "brandon", "nicole", "benjamin", "katherine", "samuel", "virginia", "gregory", "catherine",
         "alexander", "christine", "frank", "samantha", "patrick", "debra", "raymond", "janet", "jack", "rachel",
         "dennis", "carolyn", "jerry", "emma", "tyler", "maria", "aaron", "heather", "henry", "diane", "peter",
         "julie", "adam", "joyce", "harold", "victoria", "philip", "kelly", "walter", "christina", "frederick",
         "dorothy", "lawrence", "olivia", "oliver", "sophie", "lucas", "chloe", "hugo", "amelie", "noah", "ines"]
_HEADS = ["har", "ash", "bel", "car", "dal", "ed", "fair", "gar", "hol", "king", "lang", "mar", "north", "old",
          "pen", "rad", "stan", "thorn", "wal", "whit", "win", "brad", "crom", "dun", "ever", "fitz", "gold",
          "hart", "kirk", "lind", "mont", "new", "ash", "roth", "shel", "stone", "trem", "wood", "black", "cart"]
_TAILS = ["ington", "ford", "ley", "well", "son", "man", "wood", "by", "ton", "field", "more", "ridge", "worth",
          "stead", "hurst", "wick", "dale", "croft", "ham", "er", "ing", "ell", "cott", "brook", "mann", "berg"]
LAST = sorted({h + t for h in _HEADS for t in _TAILS})
CITIES = ["leeds", "york", "bristol", "bath", "derby", "exeter", "hull", "kent", "lincoln", "oxford", "poole",
          "reading", "salford", "truro", "wells", "durham", "ely", "chester", "preston", "lancaster"]
STREETS = ["high street", "station road", "church lane", "mill road", "park avenue", "victoria road", "green lane",
           "the crescent", "king street", "queens road", "manor way", "orchard close", "bridge street"]
SOURCES = ["crm", "web", "store", "app", "callcenter"]
# Names and their common short forms, as people write them. The same pairs as identity-service's
# nickname table today (domain/matching.py), so the accuracy figures measure the matcher on the
# nicknames it knows; kept here because test data must not come from the code under test.
NICK: dict[str, tuple[str, ...]] = {
    "robert": ("bob", "bobby", "rob", "robbie", "bert"), "william": ("bill", "billy", "will", "willy", "liam"),
    "james": ("jim", "jimmy", "jamie"), "michael": ("mike", "mikey", "mick"), "john": ("jack", "johnny"),
    "elizabeth": ("liz", "lizzie", "beth", "betty", "eliza", "libby"), "katherine": ("kate", "katie", "kathy", "kat"),
    "catherine": ("cathy", "cat", "kate"), "richard": ("dick", "rick", "ricky", "rich"), "thomas": ("tom", "tommy"),
    "anthony": ("tony",), "joseph": ("joe", "joey"), "david": ("dave", "davey"), "daniel": ("dan", "danny"),
    "steven": ("steve",), "stephen": ("steve",), "christopher": ("chris", "kit"), "matthew": ("matt",),
    "nicholas": ("nick", "nicky"), "samuel": ("sam", "sammy"), "alexander": ("alex", "sandy"),
    "andrew": ("andy", "drew"), "edward": ("ed", "eddie", "ted", "ned"), "jennifer": ("jen", "jenny"),
    "susan": ("sue", "suzy"), "margaret": ("maggie", "meg", "peggy", "marge"), "patricia": ("pat", "patty", "tricia"),
    "anne": ("ann", "annie"), "charles": ("charlie", "chuck"), "benjamin": ("ben", "benny"),
    "jonathan": ("jon",), "timothy": ("tim",), "kenneth": ("ken", "kenny"), "deborah": ("debbie", "deb"),
    "rebecca": ("becky", "becca"), "victoria": ("vicky", "tori"), "jessica": ("jess", "jessie"),
    "gregory": ("greg",), "lawrence": ("larry",), "ronald": ("ron", "ronnie"), "donald": ("don", "donny"),
    "frederick": ("fred", "freddie"), "henry": ("harry", "hank"), "peter": ("pete",), "philip": ("phil",),
    "barbara": ("barb", "babs"), "dorothy": ("dot", "dottie"), "christine": ("chris", "chrissy"),
}


@dataclass
class Person:
    key: int
    first: str
    last: str
    dob: str
    emails: list[str]
    phone: str
    street_number: str
    street: str
    city: str
    postcode: str


def _person(rng: random.Random, key: int) -> Person:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    dob = f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    mail = f"{first}.{last}{rng.randint(1, 9999)}.{key}@{rng.choice(['mail.com', 'post.net', 'inbox.org'])}"
    phone = f"+4477{rng.randint(0, 99_999_999):08d}"
    return Person(key, first, last, dob, [mail], phone, str(rng.randint(1, 200)), rng.choice(STREETS),
                  rng.choice(CITIES), _postcode(rng))


def _postcode(rng: random.Random) -> str:
    return f"{rng.choice('ABCDEFGHLMNPRSTW')}{rng.choice('ABCDEFGHLMNPRSTW')}{rng.randint(1, 29)} " \
           f"{rng.randint(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"


def _typo(rng: random.Random, word: str) -> str:
    if len(word) < 3:
        return word
    i = rng.randrange(1, len(word))
    kind = rng.randrange(4)
    if kind == 0:
        return word[:i] + rng.choice(string.ascii_lowercase) + word[i + 1:]
    if kind == 1:
        return word[:i] + word[i + 1:]
    if kind == 2:
        return word[:i] + rng.choice(string.ascii_lowercase) + word[i:]
    return word[:i - 1] + word[i] + word[i - 1] + word[i + 1:]


def _record(rng: random.Random, p: Person, *, corrupt: bool) -> dict[str, Any]:
    first, last, dob = p.first, p.last, p.dob
    attrs: dict[str, str] = {"street_number": p.street_number, "address_line1": p.street, "city": p.city,
                             "postcode": p.postcode}
    identifiers: list[dict[str, str]] = []
    if corrupt:
        r = rng.random()
        if r < 0.12:
            first = _typo(rng, first)
        elif r < 0.24:
            last = _typo(rng, last)
        elif r < 0.32 and first in NICK:
            first = rng.choice(NICK[first])
        if rng.random() < 0.05:
            first, last = last, first
        r = rng.random()
        if r < 0.05:
            y, m, d = dob.split("-")
            dob = f"{y}-{d}-{m}" if int(d) <= 12 else f"{y}-{m}-{int(d) % 28 + 1:02d}"
        elif r < 0.10:
            dob = dob[:-1] + str((int(dob[-1]) + 1) % 10) if dob[-2:] not in ("28", "19", "09") else dob
        if rng.random() < 0.15:  # moved house
            p.street_number, p.street, p.city, p.postcode = (str(rng.randint(1, 200)), rng.choice(STREETS),
                                                               rng.choice(CITIES), _postcode(rng))
            attrs = {"street_number": p.street_number, "address_line1": p.street, "city": p.city,
                     "postcode": p.postcode}
        if rng.random() < 0.25:  # a new e-mail address
            p.emails.append(f"{p.first[0]}{p.last}{rng.randint(10, 999)}.{p.key}.{len(p.emails)}@web.de")
    attrs.update({"first_name": first.title(), "last_name": last.title(), "date_of_birth": dob})
    for name in ("date_of_birth", "postcode", "street_number", "address_line1", "city"):
        if corrupt and rng.random() < 0.08:
            attrs.pop(name, None)
    if not corrupt or rng.random() < 0.75:
        identifiers.append({"type": "email", "value": p.emails[-1] if rng.random() < 0.7 else rng.choice(p.emails)})
    if rng.random() < 0.3:
        identifiers.append({"type": "phone", "value": p.phone})
    return {"identifiers": identifiers, "attributes": attrs, "source": rng.choice(SOURCES)}


def distinct_customers(start: int, count: int) -> list[dict[str, Any]]:
    """Identify bodies of ``count`` different people (numbered from ``start``), each with an
    e-mail, a loyalty card ``LC<number:09d>`` and realistic attributes; quick to generate."""
    rng = random.Random(start)
    return [{"identifiers": [{"type": "email", "value": f"c{start + i}.{rng.randrange(10**6)}@bench.example"},
                             {"type": "loyalty_card", "value": f"LC{start + i:09d}"}],
             "attributes": {"first_name": rng.choice(FIRST).title(), "last_name": rng.choice(LAST).title(),
                            "date_of_birth": f"{rng.randint(1940, 2005)}-{rng.randint(1, 12):02d}-"
                                             f"{rng.randint(1, 28):02d}",
                            "postcode": f"{rng.choice('ABCDEFGHKLMNPRSTW')}{rng.randrange(1, 99)} "
                                        f"{rng.randrange(1, 9)}{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}"
                                        f"{rng.choice('ABDEFGHJLNPQRSTUWXYZ')}",
                            "city": rng.choice(CITIES)},
             "source": "bench"} for i in range(count)]


def generate(people: int, *, seed: int = 7, duplicates: float = 1.0) -> tuple[list[dict[str, Any]], list[int]]:
    """(records, truth): ``people`` persons with on average ``1 + duplicates`` records each,
    shuffled; ``truth[i]`` is the person record ``i`` belongs to."""
    rng = random.Random(seed)
    records: list[tuple[int, dict[str, Any]]] = []
    for key in range(people):
        p = _person(rng, key)
        records.append((key, _record(rng, p, corrupt=False)))
        for _ in range(_poisson(rng, duplicates)):
            records.append((key, _record(rng, p, corrupt=True)))
    rng.shuffle(records)
    return [r for _, r in records], [k for k, _ in records]


def _poisson(rng: random.Random, mean: float) -> int:
    n, limit, prod = 0, pow(2.718281828, -mean), rng.random()
    while prod > limit:
        n += 1
        prod *= rng.random()
    return min(n, 6)


def pairwise_scores(truth: Sequence[int], predicted: Sequence[str]) -> dict[str, float]:
    """Pairwise precision, recall and F1 of a clustering against the truth."""
    def pairs(counter: Iterable[int]) -> int:
        return sum(n * (n - 1) // 2 for n in counter)

    true_pairs = pairs(Counter(truth).values())
    predicted_pairs = pairs(Counter(predicted).values())
    both = pairs(Counter(zip(truth, predicted, strict=True)).values())
    precision = both / predicted_pairs if predicted_pairs else 1.0
    recall = both / true_pairs if true_pairs else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {"precision": precision, "recall": recall, "f1": f1, "true_pairs": true_pairs,
            "predicted_pairs": predicted_pairs}


def all_pairs(n: int) -> int:
    return len(list(combinations(range(n), 2)))
