"""`make bench`: delivery throughput/latency vs raw kafka-python. A short form runs in
`make test` so the benchmark code cannot rot; only `make bench` prints full figures."""

from __future__ import annotations

from pathlib import Path

import pytest

from .pipeline import idic_pipeline, raw_kafka, report


def run(kafka, pg_url: str, tmp_path: Path, events: int) -> str:
    figures = [
        raw_kafka(kafka.bootstrap_servers, events=events, customers=1000),
        idic_pipeline(kafka.bootstrap_servers, pg_url, events=events, customers=1000, label="PostgreSQL"),
        idic_pipeline(kafka.bootstrap_servers, f"sqlite:///{tmp_path}/bench.db", events=events, customers=1000,
                      label="SQLite"),
    ]
    text = report(figures)
    print("\n" + text)
    return text


def test_pipeline_smoke_delivers_every_event_once(kafka, pg_url: str, tmp_path: Path) -> None:
    run(kafka, pg_url, tmp_path, events=2000)  # idic_pipeline asserts the exact applied count


@pytest.mark.bench
def test_pipeline_bench(kafka, pg_url: str, tmp_path: Path) -> None:
    text = run(kafka, pg_url, tmp_path, events=50_000)
    (Path(__file__).resolve().parents[2] / "var").mkdir(exist_ok=True)
    (Path(__file__).resolve().parents[2] / "var" / "bench-pipeline.txt").write_text(text + "\n")
