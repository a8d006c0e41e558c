"""`make bench`: delivery throughput/latency vs raw kafka-python, side by side in one run on
the same broker. A short form runs in `make test` so the benchmark code cannot rot."""

from __future__ import annotations

from pathlib import Path

import pytest

from .pipeline import Figures, idic_pipeline, raw_kafka, report


def run(kafka, pg_url: str, tmp_path: Path, *, events: int, paced_events: int, rate: float) -> str:
    bootstrap, sqlite_url = kafka.bootstrap_servers, f"sqlite:///{tmp_path}/bench.db"
    raw = raw_kafka(bootstrap, events=events, customers=1000)
    figures: list[Figures] = [raw]
    for label, url in (("PostgreSQL", pg_url), ("SQLite", sqlite_url)):
        for handler in ("noop", "upsert"):
            figures.append(idic_pipeline(bootstrap, url, events=events, customers=1000, label=label, handler=handler))
    figures.append(raw_kafka(bootstrap, events=paced_events, customers=1000, rate=rate))
    for label, url in (("PostgreSQL", pg_url), ("SQLite", sqlite_url)):
        figures.append(idic_pipeline(bootstrap, url, events=paced_events, customers=1000, label=label,
                                     handler="upsert", rate=rate))
    text = report(figures, raw)
    print("\n" + text)
    return text


def test_pipeline_smoke_delivers_every_event_once(kafka, pg_url: str, tmp_path: Path) -> None:
    run(kafka, pg_url, tmp_path, events=1000, paced_events=100, rate=100)  # each run asserts exact counts


@pytest.mark.bench
def test_pipeline_bench(kafka, pg_url: str, tmp_path: Path) -> None:
    text = run(kafka, pg_url, tmp_path, events=50_000, paced_events=3000, rate=200)
    out = Path(__file__).resolve().parents[2] / "var"
    out.mkdir(exist_ok=True)
    (out / "bench-pipeline.txt").write_text(text + "\n")
