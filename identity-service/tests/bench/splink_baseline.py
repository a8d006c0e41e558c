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
        values = {"first_name": f["first_name"], "surname": f["last_name"], "dob": f["date_of_birth"],
                  "postcode": f["postcode"].upper(), "city": f["city"], "street": f["street"],
                  "email": f["email"], "phone": ids.get("phone", "")}
        rows.append({"unique_id": i, **{k: (v or None) for k, v in values.items()}})
    return rows


def splink_clusters(raw: Sequence[dict[str, Any]], *, threshold: float = 0.95, u_pairs: float = 1e7,
                    seed: int = 1) -> tuple[list[int], float]:
    """(cluster id per record, wall seconds) of Splink's default approach on these records."""
    import pandas as pd
    import splink.comparison_library as cl
    from splink import DuckDBAPI, Linker, SettingsCreator, block_on

    started = time.perf_counter()
    frame = pd.DataFrame(splink_rows(raw), columns=["unique_id", *COLUMNS])
    settings = SettingsCreator(
        link_type="dedupe_only",
        blocking_rules_to_generate_predictions=[
            block_on("first_name", "surname"), block_on("surname", "dob"), block_on("first_name", "dob"),
            block_on("postcode", "surname"), block_on("postcode", "dob"), block_on("email"), block_on("phone")],
        comparisons=[
            cl.ForenameSurnameComparison("first_name", "surname"),
            cl.DateOfBirthComparison("dob", input_is_string=True),
            cl.PostcodeComparison("postcode"),
            cl.ExactMatch("city").configure(term_frequency_adjustments=True),
            cl.JaroWinklerAtThresholds("street"),
            cl.EmailComparison("email"),
            cl.ExactMatch("phone"),
        ],
    )
    db_api = DuckDBAPI()
    linker = Linker(db_api.register(frame), settings, log_level=logging.ERROR)
    linker.training.estimate_probability_two_random_records_match(
        [block_on("first_name", "surname", "dob"), block_on("email")], recall=0.7)
    linker.training.estimate_u_using_random_sampling(max_pairs=u_pairs, seed=seed)
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("first_name", "surname"))
    linker.training.estimate_parameters_using_expectation_maximisation(block_on("dob"))
    predictions = linker.inference.predict(threshold_match_probability=0.5)
    clusters = linker.clustering.cluster_pairwise_predictions_at_threshold(
        predictions, threshold_match_probability=threshold).as_pandas_dataframe()
    by_id = dict(zip(clusters["unique_id"].astype(int), clusters["cluster_id"].astype(str), strict=True))
    labels = {cluster: n for n, cluster in enumerate(dict.fromkeys(by_id[i] for i in range(len(raw))))}
    return [labels[by_id[i]] for i in range(len(raw))], time.perf_counter() - started
