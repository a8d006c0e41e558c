"""The identity-resolution engine, in memory: a ``World`` holds the part of the database a
request needs (loaded in bulk by the repository) plus everything the request changed, and
``Resolver`` identifies records one after the other against it. A single identify and a
batch of 10,000 run the same code, so a batch gives exactly the results of identifying its
records one by one in order; the repository then writes the changes back in bulk."""

from __future__ import annotations

import datetime as dt
import heapq
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from idic.contracts import CustomerIdentified, CustomersMerged, CustomerUpdated, EventPayload

from .golden import Observation, Survivorship, combine_consent, golden, observe
from .identifiers import identifier_key
from .matching import ADDRESS_FIELDS, FIELDS, best_compare, blocking_keys, features
from .model import MatchModel


@dataclass
class CustomerState:
    """One customer as the engine sees it."""

    id: str
    created_at: dt.datetime
    updated_at: dt.datetime
    attributes: dict[str, str]
    consent: dict[str, bool]
    observations: list[Observation]
    merged_into: str | None = None
    survivor_id: str | None = None
    strong: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    emails: set[str] = field(default_factory=set)
    new: bool = False
    dirty: bool = False
    stored_keys: set[str] = field(default_factory=set)  # its blocking keys in the database
    indexed: set[str] | None = None  # its keys in World.block once changed here
    cached_profiles: list[dict[str, str]] | None = None

    def strong_pairs(self) -> set[tuple[str, str]]:
        return {(t, v) for t, values in self.strong.items() for v in values}

    def keys(self) -> set[str]:
        return blocking_keys(features(self.attributes)) if self.survivor_id is None else set()

    def profiles(self) -> list[dict[str, str]]:
        """Versions to compare a record with: the golden record and what each source said."""
        if self.cached_profiles is None:
            self.cached_profiles = self._profiles()
        return self.cached_profiles

    def match_data(self) -> dict[str, Any] | None:
        """What a candidate is scored on, stored with the customer so that candidates load
        without their observation history (``Candidate.from_match_data``); None once merged."""
        if self.survivor_id is not None:
            return None
        return {"v": [[p[f] for f in FIELDS] for p in self.profiles()], "s": sorted(map(list, self.strong_pairs()))}

    def _profiles(self) -> list[dict[str, str]]:
        email = min(self.emails) if self.emails else None
        # (values, e-mail) → cleaned once: one source's version is usually the golden record
        # itself, and the best level per field over versions does not change when a
        # duplicate is dropped
        raw: dict[tuple[Any, ...], tuple[Mapping[str, str], str | None]] = {}
        golden_items = tuple(sorted(self.attributes.items()))
        emails: Sequence[str | None] = sorted(self.emails)[:3]
        for e in emails or [None]:
            raw.setdefault((golden_items, e), (self.attributes, e))
        by_origin: dict[tuple[str, str], dict[str, tuple[str, str]]] = defaultdict(dict)
        for o in self.observations:
            seen = by_origin[(o.origin, o.source)].get(o.name)
            if seen is None or o.last_seen > seen[0]:
                by_origin[(o.origin, o.source)][o.name] = (o.last_seen, o.value)
        for values in list(by_origin.values())[:6]:
            said = {k: v for k, (_, v) in values.items()}
            raw.setdefault((tuple(sorted(said.items())), email), (said, email))
        versions = [features(values, email=e) for values, e in raw.values()]
        return list({tuple(v.values()): v for v in versions}.values())


@dataclass
class Candidate:
    """A stored customer as blocking finds it: only what scoring needs. It becomes a full
    ``CustomerState`` (``World.load``) when a record joins or merges it."""

    id: str
    profiles: list[dict[str, str]]
    strong: set[tuple[str, str]]

    @classmethod
    def from_match_data(cls, customer_id: str, data: Mapping[str, Any]) -> Candidate:
        return cls(customer_id, [dict(zip(FIELDS, v, strict=True)) for v in data["v"]],
                   {(t, v) for t, v in data["s"]})


@dataclass
class Record:
    """One identify request, validated and normalised."""

    pairs: list[tuple[str, str]]
    attributes: dict[str, str]
    source: str | None = None
    _features: dict[str, str] | None = field(default=None, repr=False, compare=False)
    _keys: set[str] | None = field(default=None, repr=False, compare=False)

    def features(self) -> dict[str, str]:
        """Comparison fields (with the first e-mail), computed once."""
        if self._features is None:
            email = next((v for t, v in self.pairs if t == "email"), None)
            self._features = features(self.attributes, email=email)
        return self._features

    def keys(self) -> set[str]:
        """Blocking keys, computed once."""
        if self._keys is None:
            self._keys = blocking_keys(self.features())
        return self._keys


@dataclass(frozen=True)
class Explanation:
    """Why a record was (or was not) joined to its best candidate: the comparison of each field, its
    level (0: the strongest agreement) and match weight, as the model weighed them."""

    candidate_id: str
    probability: float
    prior_weight: float
    comparisons: tuple[tuple[str, int | None, float], ...]

    def to_json(self) -> dict[str, Any]:
        """As a review keeps it (its ``details``), in the API's shape."""
        return {"candidate_id": self.candidate_id, "probability": self.probability, "prior_weight": self.prior_weight,
                "comparisons": [{"attribute": a, "level": level, "weight": w} for a, level, w in self.comparisons]}


@dataclass(frozen=True)
class Resolution:
    """What identify answers for one record: the customer it belongs to, and how it was found;
    ``explanation``: the probabilistic comparison behind it, when there was one."""

    customer_id: str
    created: bool
    matched_by: str
    confidence: float
    explanation: Explanation | None = None


@dataclass
class MergeOp:
    survivor_id: str
    merged_id: str
    reason: str
    confidence: float | None
    at: dt.datetime
    explanation: Explanation | None = None  # a probabilistic merge: the comparison behind it


@dataclass(frozen=True)
class Deduped:
    """What dedupe did for one customer: who was folded (into the older of the two), or the
    candidate of the review it opened."""

    merged: tuple[str, ...] = ()
    review_candidate: str | None = None


@dataclass
class World:
    """Loaded state plus pending changes of one unit of work."""

    customers: dict[str, CustomerState] = field(default_factory=dict)
    candidates: dict[str, Candidate] = field(default_factory=dict)  # stored, not (yet) loaded in full
    loader: Callable[[Iterable[str]], list[CustomerState]] | None = None  # full states of candidates
    owner: dict[tuple[str, str], str] = field(default_factory=dict)  # identifier → root customer id
    block: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    new_identifiers: list[dict[str, Any]] = field(default_factory=list)
    merges: list[MergeOp] = field(default_factory=list)
    reviews: list[dict[str, Any]] = field(default_factory=list)
    events: list[EventPayload] = field(default_factory=list)
    members: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # root → merged here
    crowded: set[str] = field(default_factory=set)  # blocking keys with more customers than max_block

    def add_loaded(self, customer: CustomerState) -> None:
        """Register a customer read from the database, indexed under its current keys."""
        customer.stored_keys = customer.keys()
        self.customers[customer.id] = customer
        for key in customer.stored_keys:
            self.block[key].add(customer.id)

    def root(self, customer_id: str) -> str:
        customer = self.customers[customer_id]
        return customer.survivor_id or customer.id

    def load(self, customer_id: str) -> CustomerState:
        """The full state of a customer, loading a blocking candidate on first use."""
        customer = self.customers.get(customer_id)
        if customer is None:
            assert self.loader is not None and customer_id in self.candidates, customer_id
            for state in self.loader([customer_id]):
                self.add_loaded(state)
            customer = self.customers.get(customer_id)
            if customer is None:
                raise CandidateChanged(customer_id)
        return customer


class CandidateChanged(RuntimeError):
    """A blocking candidate was erased or merged by another transaction after the candidates
    were read: identify again from a fresh read."""


@dataclass(frozen=True)
class Policy:
    """The knobs of the engine (from Settings)."""

    survivorship: Survivorship
    strong_types: frozenset[str]
    probabilistic: bool
    match_threshold: float
    review_threshold: float
    max_candidates: int
    link_identified: bool = True


# a record that matches two customers joins them unless their own comparison is below this: 0.1,
# not the review threshold, as records too different to match each other are what folding is for
# (FEBRL 3's first load: F1 0.9918 with no floor, 0.9908 at 0.1, 0.9904 at 0.6)
FOLD_FLOOR = 0.1


def strong_conflict(a: set[tuple[str, str]], b: set[tuple[str, str]]) -> bool:
    """Different values of one strong type (two national ids) mean two people."""
    types_a, types_b = {t for t, _ in a}, {t for t, _ in b}
    return any({v for t2, v in a if t2 == t} != {v for t2, v in b if t2 == t} for t in types_a & types_b)


def diff(before: Mapping[str, str], after: Mapping[str, str]) -> list[str]:
    """Names of the attributes whose golden value changed."""
    return sorted(k for k in set(before) | set(after) if before.get(k) != after.get(k))


class Resolver:
    """Identify records against a World, recording every change and event in it."""

    def __init__(self, world: World, *, model: MatchModel, policy: Policy, now: dt.datetime) -> None:
        self.world, self.model, self.policy = world, model, policy
        self._start, self._records = now, 0
        self._clock(now)

    def _clock(self, now: dt.datetime) -> None:
        self.now, self._at = now, now.isoformat()

    # -- identify ------------------------------------------------------------------
    def identify(self, record: Record) -> Resolution:
        """Identifier hits decide; else Fellegi-Sunter on the attributes; else a new customer."""
        world = self.world
        # each record of a batch gets its own instant, one microsecond apart, so that "most
        # recent" and "oldest customer survives" decide exactly as for records sent one by one
        self._clock(self._start + dt.timedelta(microseconds=self._records))
        self._records += 1
        owners = sorted({world.owner[p] for p in record.pairs if p in world.owner})
        record_strong = {(t, v) for t, v in record.pairs if t in self.policy.strong_types}
        merged: list[str] = []
        created, matched_by, confidence = False, "identifier", 1.0
        explanation: Explanation | None = None
        if owners:
            hits: dict[str, int] = defaultdict(int)
            for p in record.pairs:
                if p in world.owner:
                    hits[world.owner[p]] += 1
            ranked = sorted(owners, key=lambda c: (-hits[c], world.customers[c].created_at, c))
            group = [ranked[0]]
            strong = self._strong_of(ranked[0]) | record_strong
            for other in ranked[1:]:
                if strong_conflict(strong, self._strong_of(other)):
                    self._review(group[0], other, 1.0, "conflicting_identifiers")
                else:
                    group.append(other)
                    strong |= self._strong_of(other)
            target = min(group, key=lambda c: (world.customers[c].created_at, c))
            for other in sorted(set(group) - {target}):
                self.merge(survivor_id=target, merged_id=other, reason="identifier", confidence=1.0, emit=False)
                merged.append(other)
            if merged:
                world.events.append(CustomersMerged(customer_id=target, merged_ids=merged, confidence=1.0))
            if self.policy.link_identified:
                # the record may also be a confident match of another customer (same person,
                # other e-mail): fold that one in too, as a transitive clustering would
                linked, probability, folding, _ = self._probabilistic(record, exclude=target, strong=strong)
                if linked is not None and folding is not None and probability >= self.policy.match_threshold:
                    explanation = folding  # explained only when it folded a customer in
                    target = self._fold(target, folding)
        else:
            best, probability, explanation, runner_up = self._probabilistic(record)
            if best is not None and probability >= self.policy.match_threshold:
                target = best
                world.load(target)
                matched_by, confidence = "probabilistic", round(probability, 6)
                if runner_up is not None and self._may_fold(target, runner_up.candidate_id):
                    # the record is a confident match of two stored customers: they are one person,
                    # whom the base held twice (transitive clustering, as Splink's connected
                    # components). FEBRL first loads: F1 0.9877 → 0.9956 (FEBRL 2), 0.9824 → 0.9908
                    # (FEBRL 3), precision 1.0 kept. One fold per record, as for a shared identifier
                    target = self._fold(target, runner_up)
            else:
                candidate = best
                target = self._new_customer()
                created, matched_by, confidence = True, "new", round(1 - probability, 6)
                if candidate is not None and probability >= self.policy.review_threshold:
                    self._review(target, candidate, probability, "possible_duplicate",
                                 {"explanation": explanation.to_json()} if explanation is not None else None)
        customer = world.customers[target]
        new_pairs = []
        for kind, value in record.pairs:
            if (kind, value) in world.owner:
                continue
            if kind in self.policy.strong_types and customer.strong.get(kind) and value not in customer.strong[kind]:
                # a second national id for one person: keep it off the golden record, ask a person
                self._review(target, target, 1.0, "conflicting_identifiers", {"identifier_type": kind})
                continue
            new_pairs.append((kind, value))
            self._attach_identifier(customer, kind, value, record.source)
        before = dict(customer.attributes)
        if record.attributes:
            observe(customer.observations, attributes=record.attributes, source=record.source or "",
                    at=self._at, origin=customer.id)
            self._refresh(customer)
        changed = diff(before, customer.attributes)
        world.events.append(CustomerIdentified(
            customer_id=customer.id, created=created, matched_by=matched_by, confidence=confidence,  # type: ignore[arg-type]
            identifier_keys=[identifier_key(k, v) for k, v in record.pairs], source=record.source))
        if (not created and (changed or new_pairs)) or (created and "date_of_birth" in changed):
            world.events.append(self._updated(customer, before, changed, new_pairs))
        return Resolution(customer_id=customer.id, created=created, matched_by=matched_by, confidence=confidence,
                          explanation=explanation)

    def _fold(self, target: str, other: Explanation) -> str:
        """Merge the customer ``other`` explains into ``target`` (the older one survives); the survivor."""
        world = self.world
        world.load(other.candidate_id)
        survivor, folded = sorted((target, other.candidate_id), key=lambda c: (world.customers[c].created_at, c))
        self.merge(survivor_id=survivor, merged_id=folded, reason="probabilistic",
                   confidence=other.probability, explanation=other)
        return survivor

    def _probabilistic(self, record: Record, *, exclude: str | None = None,
                       strong: set[tuple[str, str]] | None = None
                       ) -> tuple[str | None, float, Explanation | None, Explanation | None]:
        """Best candidate sharing a blocking key (other than ``exclude``), its match probability, the
        comparison behind it, and the comparison with the second-best candidate when it too is at or
        above the match threshold."""
        if not self.policy.probabilistic or not record.attributes:
            return None, 0.0, None, None
        feats = record.features()
        if sum(1 for f in ("first_name", "last_name", "date_of_birth", "postcode", "street") if feats[f]) < 2:
            return None, 0.0, None, None  # too little to tell people apart
        shared: dict[str, int] = defaultdict(int)
        for key in record.keys():
            members = self.world.block.get(key, ())
            if key in self.world.crowded or len(members) > self.policy.max_candidates:
                continue  # as unselective as no key at all (the repository skips it the same way)
            for cid in members:
                shared[cid] += 1
        candidates = sorted(shared, key=lambda c: (-shared[c], c))[: self.policy.max_candidates]
        record_strong = strong if strong is not None else {(t, v) for t, v in record.pairs
                                                            if t in self.policy.strong_types}
        scored: list[tuple[float, str, list[int]]] = []
        for cid in candidates:
            if cid == exclude:
                continue
            customer = self.world.customers.get(cid)  # loaded or created here: its current state
            if customer is not None:
                if customer.survivor_id is not None:
                    continue
                their_strong, profiles = customer.strong_pairs(), customer.profiles()
            else:
                candidate = self.world.candidates[cid]
                their_strong, profiles = candidate.strong, candidate.profiles
            if strong_conflict(record_strong, their_strong):
                continue
            levels = best_compare(feats, profiles)
            scored.append((self.model.probability(levels, feats), cid, levels))
        # the most probable first; among equals the smallest id, as on every run
        ranked = heapq.nsmallest(2, scored, key=lambda s: (-s[0], s[1]))
        if not ranked:
            return None, 0.0, None, None
        probability, best, levels = ranked[0]
        runner_up = None
        if len(ranked) > 1 and ranked[1][0] >= self.policy.match_threshold:
            runner_up = self._explained(ranked[1][1], ranked[1][0], ranked[1][2], feats)
        return best, probability, self._explained(best, probability, levels, feats), runner_up

    # -- dedupe --------------------------------------------------------------------
    def dedupe(self, customer_id: str, *, kept_apart: set[frozenset[str]]) -> Deduped:
        """Compare one stored root customer with the others sharing a blocking key, as identify
        compares a record with them: its golden record against each candidate's versions. The best
        candidate at or above the match threshold is folded in (into the older of the two, explained);
        else the best one between the thresholds opens a review. One merge per customer and scan, as
        identify joins a record to one customer: merging every candidate above the threshold at once
        chained households and namesakes together (precision 0.966 against 0.992 on 100,000 synthetic
        customers). Pairs in ``kept_apart`` (a person rejected the review or undid the merge, or a
        review is open) are left as they are: a re-run changes nothing a person decided or is deciding."""
        world = self.world
        self._clock(self._start + dt.timedelta(microseconds=self._records))
        self._records += 1
        customer = world.customers.get(customer_id)
        if customer is None or customer.survivor_id is not None or not self.policy.probabilistic:
            return Deduped()
        golden_record = customer.profiles()[0]
        if sum(1 for f in ("first_name", "last_name", "date_of_birth", "postcode", "street") if golden_record[f]) < 2:
            return Deduped()  # too little to tell people apart
        shared: dict[str, int] = defaultdict(int)
        for key in customer.keys():
            members = world.block.get(key, ())
            if key in world.crowded or len(members) > self.policy.max_candidates:
                continue
            for cid in members:
                if cid != customer_id:
                    shared[cid] += 1
        strong = customer.strong_pairs()
        best_match: tuple[str, float, list[int]] | None = None
        best_review: tuple[str, float, list[int]] | None = None
        for cid in sorted(shared, key=lambda c: (-shared[c], c))[: self.policy.max_candidates]:
            if frozenset((customer_id, cid)) in kept_apart:
                continue
            other = world.customers.get(cid)
            if other is not None:
                if other.survivor_id is not None:
                    continue
                their_strong, profiles = other.strong_pairs(), other.profiles()
            else:
                candidate = world.candidates[cid]
                their_strong, profiles = candidate.strong, candidate.profiles
            if strong_conflict(strong, their_strong):
                continue
            levels = best_compare(golden_record, profiles)
            probability = self.model.probability(levels, golden_record)
            # candidates come strongest first and ties keep the first one: the same choice on every run
            if probability >= self.policy.match_threshold:
                if best_match is None or probability > best_match[1]:
                    best_match = (cid, probability, levels)
            elif probability >= self.policy.review_threshold and (best_review is None or probability > best_review[1]):
                best_review = (cid, probability, levels)
        if best_match is not None:
            cid, probability, levels = best_match
            world.load(cid)
            survivor, folded = sorted((customer_id, cid), key=lambda c: (world.customers[c].created_at, c))
            self.merge(survivor_id=survivor, merged_id=folded, reason="probabilistic",
                       confidence=round(probability, 6),
                       explanation=self._explained(cid, probability, levels, golden_record))
            return Deduped(merged=(folded,))
        if best_review is not None:
            cid, probability, levels = best_review
            self._review(customer_id, cid, probability, "possible_duplicate",
                         {"explanation": self._explained(cid, probability, levels, golden_record).to_json()})
            return Deduped(review_candidate=cid)
        return Deduped()

    def _explained(self, candidate_id: str, probability: float, levels: list[int],
                   values: Mapping[str, str]) -> Explanation:
        return Explanation(candidate_id=candidate_id, probability=round(probability, 6),
                           prior_weight=self.model.prior_weight, comparisons=tuple(self.model.explain(levels, values)))

    # -- merges --------------------------------------------------------------------
    def merge(self, *, survivor_id: str, merged_id: str, reason: str, confidence: float | None,
              emit: bool = True, explanation: Explanation | None = None) -> None:
        """Fold root ``merged_id`` into root ``survivor_id``: identifiers, observations, consent."""
        world = self.world
        survivor, merged = world.customers[survivor_id], world.customers[merged_id]
        before, consent_before = dict(survivor.attributes), dict(survivor.consent)
        merged.merged_into = merged.survivor_id = survivor_id
        for other_id in world.members.pop(merged_id, set()):
            other = world.customers.get(other_id)
            if other is not None:
                other.survivor_id = survivor_id
                other.dirty = True
                world.members[survivor_id].add(other_id)
        world.members[survivor_id].add(merged_id)
        for pair, owner in world.owner.items():
            if owner == merged_id:
                world.owner[pair] = survivor_id
        survivor.observations.extend(merged.observations)
        merged.observations, merged.attributes = [], {}
        survivor.consent = combine_consent(survivor.consent, merged.consent)
        for kind, values in merged.strong.items():
            survivor.strong[kind] |= values
        survivor.emails |= merged.emails
        survivor.cached_profiles = merged.cached_profiles = None
        merged.dirty = True
        self._reindex(merged)
        self._refresh(survivor)
        world.merges.append(MergeOp(survivor_id, merged_id, reason, confidence, self.now, explanation))
        if emit:
            world.events.append(CustomersMerged(customer_id=survivor_id, merged_ids=[merged_id], confidence=confidence))
        changed = diff(before, survivor.attributes)
        if changed or survivor.consent != consent_before:
            event = self._updated(survivor, before, changed, [])
            if survivor.consent != consent_before:
                event = event.model_copy(update={"consent": dict(survivor.consent)})
            world.events.append(event)

    # -- helpers -------------------------------------------------------------------
    def _new_customer(self) -> str:
        customer = CustomerState(id=str(uuid.uuid4()), created_at=self.now, updated_at=self.now, attributes={},
                                 consent={}, observations=[], new=True, dirty=True)
        self.world.customers[customer.id] = customer
        return customer.id

    def _attach_identifier(self, customer: CustomerState, kind: str, value: str, source: str | None) -> None:
        self.world.owner[(kind, value)] = customer.id
        self.world.new_identifiers.append({"type": kind, "value": value, "source": source, "origin_id": customer.id,
                                           "created_at": self.now})
        if kind in self.policy.strong_types:
            customer.strong[kind].add(value)
        if kind == "email":
            customer.emails.add(value)
            customer.cached_profiles = None
        customer.updated_at = self.now
        customer.dirty = True

    def _refresh(self, customer: CustomerState) -> None:
        """Recompute the golden record and the blocking keys after a change."""
        customer.attributes = golden(customer.observations, self.policy.survivorship)
        customer.cached_profiles = None
        customer.updated_at = self.now
        customer.dirty = True
        self._reindex(customer)

    def _reindex(self, customer: CustomerState) -> None:
        """Move the customer from its previous blocking keys to its current ones."""
        previous = customer.indexed if customer.indexed is not None else customer.stored_keys
        for key in previous:
            self.world.block.get(key, set()).discard(customer.id)
        customer.indexed = customer.keys()
        for key in customer.indexed:
            self.world.block[key].add(customer.id)

    def _strong_of(self, customer_id: str) -> set[tuple[str, str]]:
        return self.world.customers[customer_id].strong_pairs()

    def _may_fold(self, customer_id: str, other_id: str) -> bool:
        """Whether a record matching both customers may join them: not when they hold different
        values of one strong identifier type, nor when their own comparison calls them different
        people. That second check kept a record from bridging two people of one household: with a
        trained model on 10,048 synthetic records, folding without it took precision from 0.9980 to
        0.9959; with it precision stays 0.9980 and recall gains the same (0.9946 → 0.9952)."""
        world = self.world
        world.load(other_id)
        if strong_conflict(self._strong_of(customer_id), self._strong_of(other_id)):
            return False
        golden_record = world.customers[customer_id].profiles()[0]
        levels = best_compare(golden_record, world.customers[other_id].profiles())
        return self.model.probability(levels, golden_record) >= FOLD_FLOOR

    def _review(self, customer_id: str, candidate_id: str, probability: float, reason: str,
                details: Mapping[str, Any] | None = None) -> None:
        self.world.reviews.append({"id": str(uuid.uuid4()), "customer_id": customer_id, "candidate_id": candidate_id,
                                   "probability": round(probability, 6), "reason": reason, "status": "open",
                                   "created_at": self.now, "details": dict(details or {})})

    def _updated(self, customer: CustomerState, before: Mapping[str, str], changed: list[str],
                 new_pairs: list[tuple[str, str]]) -> CustomerUpdated:
        moved = any(before.get(f) and before.get(f) != customer.attributes.get(f) for f in ADDRESS_FIELDS)
        dob = customer.attributes.get("date_of_birth")
        birthday = dob[5:] if dob and "date_of_birth" in changed and len(dob) == 10 else None
        return CustomerUpdated(customer_id=customer.id, changed_attributes=changed,
                               added_identifier_keys=[identifier_key(k, v) for k, v in new_pairs],
                               birthday_month_day=birthday, moved=bool(moved))
