"""Settings from files (``NAME_FILE``, Docker and Kubernetes secrets) and the database URL from its
parts: what compose and Kubernetes give a service, read as a service reads it."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import ValidationError
from sqlalchemy.engine import make_url

from idic.settings import ServiceSettings


class Demo(ServiceSettings):
    model_config = ServiceSettings.model_config | {"env_prefix": "DEMO_"}
    service_name: str = "scoring-service"


def test_any_setting_comes_from_its_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    batch = tmp_path / "batch"
    batch.write_text("42\n")  # the line end editors and echo leave is not part of the value
    monkeypatch.setenv("DEMO_RELAY_BATCH_SIZE_FILE", str(batch))
    url = tmp_path / "url"
    url.write_text("postgresql+psycopg://u:p@db/x\n")
    monkeypatch.setenv("DATABASE_URL_FILE", str(url))
    settings = Demo()
    assert settings.relay_batch_size == 42 and settings.database_url == "postgresql+psycopg://u:p@db/x"


def test_a_value_and_its_file_both_set_or_an_unreadable_file_are_refused(tmp_path: Path,
                                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    secret = tmp_path / "password"
    secret.write_text("s3cret")
    monkeypatch.setenv("DATABASE_PASSWORD", "other")
    monkeypatch.setenv("DATABASE_PASSWORD_FILE", str(secret))
    with pytest.raises(ValueError, match="DATABASE_PASSWORD and DATABASE_PASSWORD_FILE are both set"):
        Demo()
    monkeypatch.delenv("DATABASE_PASSWORD")
    monkeypatch.setenv("DATABASE_PASSWORD_FILE", str(tmp_path / "missing"))
    with pytest.raises(ValueError, match="DATABASE_PASSWORD_FILE: cannot read .*missing"):
        Demo()


def test_the_url_is_built_from_its_parts_with_any_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    password = "p@ss:w/rd#%?& é"  # every character that breaks a URL pasted together
    secret = tmp_path / "password"
    secret.write_text(password + "\n")
    for name, value in {"DATABASE_HOST": "postgres", "DATABASE_USER": "idic",
                        "DATABASE_PASSWORD_FILE": str(secret)}.items():
        monkeypatch.setenv(name, value)
    url = make_url(Demo().database_url)
    assert (url.drivername, url.username, url.password, url.host, url.port, url.database) == (
        "postgresql+psycopg", "idic", password, "postgres", 5432, "scoring")  # the service's own database
    monkeypatch.setenv("DATABASE_NAME", "scores")
    monkeypatch.setenv("DATABASE_PORT", "6543")
    assert make_url(Demo().database_url).database == "scores" and make_url(Demo().database_url).port == 6543
    monkeypatch.setenv("DATABASE_URL", "sqlite:///x.db")  # a whole URL wins over parts
    assert Demo().database_url == "sqlite:///x.db"


def test_without_url_or_host_the_embedded_default_stays(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("DATABASE_URL", "DATABASE_HOST"):
        monkeypatch.delenv(name, raising=False)
    assert Demo().database_url == "sqlite:///./var/scoring-service.db"
    with pytest.raises(ValidationError):
        Demo(database_port=0)
