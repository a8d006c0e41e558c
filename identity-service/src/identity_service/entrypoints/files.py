"""Reading identify records from CSV or NDJSON files (for import_file and train)."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from idic.public.identity import Attributes

from ..domain.identifiers import IDENTIFIER_TYPES

ATTRIBUTE_COLUMNS = tuple(Attributes.model_fields)


def read_records(path: Path) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """(line number, identify body) per record, or (line number, error) for unreadable ones.

    NDJSON: one identify body per line. CSV: a header row; columns named after identifier
    types (email, phone, ...; several values separated by ``|``) and attributes, plus
    ``source``; empty cells are ignored; other columns are an error."""
    if path.suffix.lower() in (".ndjson", ".jsonl"):
        with path.open(encoding="utf-8") as handle:
            for number, line in enumerate(handle, start=1):
                if line.strip():
                    try:
                        yield number, json.loads(line)
                    except json.JSONDecodeError as exc:
                        yield number, f"not JSON: {exc}"
        return
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        unknown = [c for c in reader.fieldnames or [] if c not in (*IDENTIFIER_TYPES, *ATTRIBUTE_COLUMNS, "source")]
        if unknown:
            raise SystemExit(f"{path}: unknown columns {unknown}; use identifier types, attributes and source")
        for number, row in enumerate(reader, start=2):
            identifiers = [{"type": t, "value": v.strip()} for t in IDENTIFIER_TYPES
                           for v in (row.get(t) or "").split("|") if v.strip()]
            attributes = {k: row[k].strip() for k in ATTRIBUTE_COLUMNS if (row.get(k) or "").strip()}
            yield number, {"identifiers": identifiers, "attributes": attributes,
                           "source": (row.get("source") or "").strip() or None}


def count_lines(path: Path) -> int:
    """Records in the file, for the progress bar (header excluded for CSV)."""
    with path.open("rb") as handle:
        lines = sum(1 for line in handle if line.strip())
    return lines if path.suffix.lower() in (".ndjson", ".jsonl") else max(0, lines - 1)
