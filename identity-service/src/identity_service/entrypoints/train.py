"""``python -m identity_service.entrypoints.train [--file FILE]``: (re)train the match model.

Without ``--file``: on the customers stored (what ``POST /v1/models/matching:train`` does).
With ``--file``: on the records of a CSV/NDJSON file, e.g. before a first import, so that
the import itself matches with weights learnt from that data."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from pydantic import ValidationError

from idic import ProblemError
from idic.public.identity import IdentifyRequest

from ..api.bodies import record_of
from ..config import Settings
from ..domain.matching import features
from ..domain.training import fit
from ..main import build_runtime
from ..service_layer.training import save_model, train_model
from .files import read_records


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--file", type=Path, default=None)
    parser.add_argument("--max-customers", type=int, default=200_000)
    parser.add_argument("--random-pairs", type=int, default=50_000)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args(argv)
    settings = Settings()
    runtime = build_runtime(settings)
    if settings.migrate_on_start:
        runtime.migrate()
    try:
        if args.file is None:
            trained = train_model(uow_factory=runtime.uow, max_customers=args.max_customers,
                                  random_pairs=args.random_pairs, seed=args.seed)
        else:
            profiles = []
            for _, body in read_records(args.file):
                try:
                    if isinstance(body, str):
                        continue
                    record = record_of(IdentifyRequest.model_validate(body), settings=settings)
                except (ValidationError, ProblemError):
                    continue
                email = next((v for t, v in record.pairs if t == "email"), None)
                profiles.append(features(record.attributes, email=email))
            model = fit(profiles, random_pairs=args.random_pairs, seed=args.seed)
            trained = save_model(model=model, uow_factory=runtime.uow)
    except (ProblemError, ValueError) as exc:
        print(f"cannot train: {getattr(exc, 'detail', exc)}", file=sys.stderr)
        return 1
    finally:
        runtime.stop()
    print(json.dumps({"model_id": trained.model_id, "prior": trained.model.prior, "stats": trained.model.stats}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
