"""Splink (DuckDB backend) on the same records identity-service clusters, the way Splink's
documentation deduplicates a table: blocking rules for predictions, comparisons from its
comparison library, the prior from deterministic rules, u by random sampling, m by two EM
training sessions blocked on different fields, then predict and connected-components
clustering at a threshold. Splink is a benchmark dependency only (extra ``bench``)."""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Any

from identity_service.domain.matching import features
from idic.contracts.identifiers import InvalidIdentifier, normalise

COLUMNS = ("first_name", "surname", "dob", "postcode", "city", "street", "email", "phone")


def splink_rows(raw: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per record, standardised as Splink asks (lower case, trimmed, NULL for missing),
    with the same cleaning identity-service applies, so neither side gets better data."""
    rows = []
    for i, record in enumerate(raw):
        ids: dict[str, str] = {}
        for identifier in record["identifiers"]:
            try:
                ids.setdefault(identifier["type"], normalise(identifier["type"], identifier["value"]))
            except InvalidIdentifier:
                continue
        f = features(record["attributes"], email=ids.get("email"))
        dob = f["date_of_birth"]
        if len(dob) == 8 and dob.isdigit():  # YYYYMMDD, which identify:batch takes too, as Splink reads it
            dob = f"{dob[:4]}-{dob[4:6]}-{dob[6:]}"
        values = {"first_name": f["first_name"], "surname": f["last_name"], "dob": dob,
                  "postcode": f["postcode"].upper(), "city": f["city"], "street": f["street"],
                  "email": f["email"], "phone": ids.get("phone", "")}
        rows.append({"unique_id": i, **{k: (v or None) for k, v in values.items()}})
    return rows


def splink_clusters(raw: Sequence[dict[str, Any]], *, threshold: float = 0.95, u_pairs: float = 1e7,
                    seed: int = 1) -> tuple[list[int], float]:
    """(cluster id per record, wall seconds) of Splink's default approach on these records."""
    clusterings, seconds = splink_clusterings(raw, thresholds=(threshold,), u_pairs=u_pairs, seed=seed)
    return clusterings[threshold], seconds


def splink_clusterings(raw: Sequence[dict[str, Any]], *, thresholds: Sequence[float], u_pairs: float = 1e7,
                       seed: int = 1) -> tuple[dict[float, list[int]], float]:
    """({threshold: cluster id per record}, wall seconds): one Splink model, clustered at each threshold."""
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    started = time.perf_counter()
    frame = pd.DataFrame(splink_rows(raw), columns=["unique_id", *COLUMNS])
    present = [c for c in COLUMNS if frame[c].notna().any()]  # e.g. no email nor phone in FEBRL
    comparisons = {
        "first_name": cl.ForenameSurnameComparison("first_name", "surname"),
        "dob": cl.DateOfBirthComparison("dob", input_is_string=True),
        "postcode": cl.PostcodeComparison("postcode"),
        "city": cl.ExactMatch("city").configure(term_frequency_adjustments=True),
        "street": cl.JaroWinklerAtThresholds("street"),
        "email": cl.EmailComparison("email"),
        "phone": cl.ExactMatch("phone"),
    }
    blocking = [("first_name", "surname"), ("surname", "dob"), ("first_name", "dob"), ("postcode", "surname"),
                ("postcode", "dob"), ("email",), ("phone",)]
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[block_on(*cols) for cols in blocking
                                                if all(c in present for c in cols)],
        comparisons=[comparison for column, comparison in comparisons.items() if column in present],
    )
    db_api = DuckDBAPI()
    linker = Linker(db_api.register(frame), settings, log_level=logging.ERROR)
    deterministic = [block_on("first_name", "surname", "dob")] + ([block_on("email")] if "email" in present else [])
    linker.training.estimate_probability_two_random_records_match(deterministic, recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=u_pairs, seed=seed)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_name", "surname"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    predictions = linker.inference.predict(threshold_match_probability=min(0.5, *thresholds))
    found: dict[float, list[int]] = {}
    for threshold in thresholds:
        clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
            predictions, threshold_match_probability=threshold).as_pandas_dataframe()
        by_id = dict(zip(clusters["unique_id"].astype(int), clusters["cluster_id"].astype(str), strict=True))
        labels = {cluster: n for n, cluster in enumerate(dict.fromkeys(by_id[i] for i in range(len(raw))))}
        found[threshold] = [labels[by_id[i]] for i in range(len(raw))]
    return found, time.perf_counter() - started
