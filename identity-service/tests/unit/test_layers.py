"""Layers point one way (issue 14): the service layer knows neither HTTP bodies nor SQL, routers never commit."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import identity_service

PACKAGE = Path(identity_service.__file__).parent
SERVICE_LAYER = sorted((PACKAGE / "service_layer").glob("*.py"))


def imported(path: Path) -> set[str]:
    """Modules a file imports, relative ones written from the package root (``identity_service.api``)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts[:-node.level])
                module = f"{base}.{node.module}" if node.module else base
                names.update([module] if node.module else [f"{base}.{a.name}" for a in node.names])
            else:
                names.add(node.module or "")
    return names


def attributes_used(path: Path) -> set[str]:
    return {node.attr for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.Attribute)}


@pytest.mark.parametrize("path", SERVICE_LAYER, ids=lambda p: p.name)
def test_service_layer_imports_no_http_bodies_and_no_sql(path: Path) -> None:
    bad = {m for m in imported(path)
           if m.startswith(("idic.public", "identity_service.api", "fastapi", "identity_service.adapters.orm"))
           or (m.startswith("sqlalchemy") and m != "sqlalchemy.exc")}
    assert not bad


@pytest.mark.parametrize("path", SERVICE_LAYER, ids=lambda p: p.name)
def test_service_layer_reaches_storage_only_through_repositories(path: Path) -> None:
    assert "session" not in attributes_used(path)


@pytest.mark.parametrize("path", sorted((PACKAGE / "api").glob("*.py")), ids=lambda p: p.name)
def test_routers_never_commit(path: Path) -> None:
    assert "commit" not in attributes_used(path)
