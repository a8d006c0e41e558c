"""``python -m identity_service.entrypoints.import_file FILE.csv|FILE.ndjson``: bulk identify.

Records are identified in order, in batches (one transaction each, the same results as one
identify call per record); events go to the outbox for the relay. Records that fail
validation are reported with their line number and skipped."""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

from pydantic import ValidationError
from tqdm import tqdm

from idic import ProblemError
from idic.problems import validation_errors
from idic.public.identity import IdentifyRequest

from ..api.bodies import record_of
from ..config import Settings
from ..domain.resolver import Record
from ..main import build_runtime
from ..service_layer.identify import identify_records
from ..service_layer.models import ModelCache
from .files import count_lines, read_records


def _why(exc: Exception) -> str:
    """``field: message`` per invalid field, named as identify:batch names them (``body.attributes...``)."""
    if isinstance(exc, ValidationError):
        errors = validation_errors([{**e, "loc": ("body", *e["loc"])} for e in exc.errors()])
        return "; ".join(f"{e['field']}: {e['message']}" for e in errors)
    if isinstance(exc, ProblemError):
        return exc.detail
    return str(exc)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--batch-size", type=int, default=5_000, help="records per transaction (max 10,000)")
    parser.add_argument("--source", default=None, help="source for records that name none")
    parser.add_argument("--no-progress", action="store_true")
    args = parser.parse_args(argv)
    if not 1 <= args.batch_size <= 10_000:
        parser.error("--batch-size must be 1..10000")
    settings = Settings()
    runtime = build_runtime(settings)
    if settings.migrate_on_start:
        runtime.migrate()
    models = ModelCache(refresh_s=settings.model_refresh_s)
    outcome: Counter[str] = Counter()
    pending: list[Record] = []

    def flush() -> None:
        for result in identify_records(records=pending, uow_factory=runtime.uow, settings=settings, models=models):
            outcome[result.matched_by] += 1
        pending.clear()

    try:
        with tqdm(total=count_lines(args.file), unit="rec", disable=args.no_progress, file=sys.stderr) as bar:
            for number, body in read_records(args.file):
                bar.update(1)
                try:
                    if isinstance(body, str):
                        raise ValueError(body)
                    if args.source and not body.get("source"):
                        body = {**body, "source": args.source}
                    pending.append(record_of(IdentifyRequest.model_validate(body), settings=settings))
                except (ValidationError, ProblemError, ValueError) as exc:
                    outcome["rejected"] += 1
                    print(f"{args.file}:{number}: {_why(exc)}", file=sys.stderr)
                if len(pending) >= args.batch_size:
                    flush()
            if pending:
                flush()
    finally:
        runtime.stop()
    print(f"new {outcome['new']}, matched by identifier {outcome['identifier']}, "
          f"probabilistically {outcome['probabilistic']}, rejected {outcome['rejected']}")
    return 1 if outcome["rejected"] else 0


if __name__ == "__main__":
    sys.exit(main())

