"""The bulk import and training command lines, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from identity_service.config import Settings
from identity_service.entrypoints import import_file, train
from identity_service.main import create_app
from idic_devstack.synthetic import generate


@pytest.fixture
def env(database_url: str, kafka, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("DATABASE_URL", database_url)
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrap_servers)
    return database_url


def test_ndjson_import_after_training_on_the_file(env: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    records, truth = generate(60, seed=4)
    path = tmp_path / "customers.ndjson"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n")
    assert train.main(["--file", str(path), "--random-pairs", "2000"]) == 0
    assert json.loads(capsys.readouterr().out)["stats"]["profiles"] == len(records)
    assert import_file.main([str(path), "--batch-size", "25", "--no-progress"]) == 0
    summary = capsys.readouterr().out
    assert "rejected 0" in summary and "new " in summary
    new = int(summary.split("new ")[1].split(",")[0])
    assert 55 <= new <= len(records)  # about one new customer per person
    with TestClient(create_app(Settings(database_url=env, run_workers=False, log_json=False))) as client:
        first = records[0]["identifiers"][0]
        assert client.get("/v1/customers/lookup", params=first).status_code == 200
        assert client.get("/v1/models/matching").json()["stats"]["profiles"] == len(records)
    assert train.main(["--random-pairs", "2000"]) == 0  # on the stored customers this time


def test_csv_import_reports_bad_rows_and_keeps_going(env: str, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "crm.csv"
    path.write_text("email,phone,first_name,last_name,date_of_birth,source\n"
                    "ann@example.com,+1 650 253 0000,Ann,Lee,1980-04-05,crm\n"
                    "bob@example.com|robert@example.com,,Bob,Stone,,\n"
                    "ann@example.com,not a phone,Ann,Lee,,crm\n"
                    "carl@example.com,,Carl,Nix,05/04/1980,crm\n")
    assert import_file.main([str(path), "--no-progress", "--source", "import"]) == 1
    out, err = capsys.readouterr()
    assert "new 2, matched by identifier 0" in out and "rejected 2" in out
    # one line per bad row, each field named as identify:batch names it: file:line: field: why
    assert f"{path}:4: body.identifiers.1.value" in err
    assert f"{path}:5: body.attributes.date_of_birth: String should match pattern" in err
    with TestClient(create_app(Settings(database_url=env, run_workers=False, log_json=False))) as client:
        bob = client.get("/v1/customers/lookup", params={"type": "email", "value": "robert@example.com"}).json()
        profile = client.get(f"/v1/customers/{bob['customer_id']}").json()
        assert len(profile["identifiers"]) == 2 and profile["identifiers"][0]["source"] == "import"


def test_csv_with_unknown_columns_is_refused(env: str, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("email,shoe_size\nann@example.com,9\n")
    with pytest.raises(SystemExit, match="shoe_size"):
        import_file.main([str(path), "--no-progress"])
