"""Layers point one way, in every service alike (issue 14, item 3).

- A service layer takes and returns domain values: it imports no HTTP body (a pydantic model of
  ``idic.public``), nothing of its own ``api`` package and nothing of FastAPI.
- It reaches storage only through repositories and the unit of work: no SQL constructs, no ORM
  tables, no ``session``.
- Routers translate; only the unit of work commits.
- A consuming service registers its handlers one way: ``service_layer/handlers.py`` builds them with
  ``build_handlers(settings)``, ``main`` passes what it returns to its consumer, and the handlers
  module keeps no mutable state at module level.
"""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

import pytest
from pydantic import BaseModel

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = {"identity": "identity_service", "interaction": "interaction_service", "scoring": "scoring_service",
            "treatment": "treatment_service"}
CONSUMERS = ("interaction", "scoring", "treatment")  # identity produces only
# what a service layer may take from SQLAlchemy: its exceptions (an IntegrityError retried, say)
SQLALCHEMY_ALLOWED = {"sqlalchemy.exc"}


def package_dir(service: str) -> Path:
    return ROOT / f"{service}-service" / "src" / PACKAGES[service]


def modules(service: str, layer: str) -> list[Path]:
    return sorted((package_dir(service) / layer).rglob("*.py"))


def cases(layer: str) -> list[tuple[str, Path]]:
    return [(service, path) for service in PACKAGES for path in modules(service, layer)]


def case_id(case: tuple[str, Path]) -> str:
    service, path = case
    return f"{service}:{path.relative_to(package_dir(service)).as_posix()}"


def imports(path: Path, package: str) -> list[tuple[str, str | None]]:
    """(module, name) for every import of a file; relative imports written from the package root."""
    root = package_dir(next(s for s, p in PACKAGES.items() if p == package)).parent
    found: list[tuple[str, str | None]] = []
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            found.extend((alias.name, None) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = node.module or ""
            if node.level:
                base = ".".join(path.relative_to(root).with_suffix("").parts[: -node.level])
                module = f"{base}.{module}" if module else base
            found.extend((module, alias.name) for alias in node.names)
    return found


def attributes(path: Path) -> set[str]:
    return {node.attr for node in ast.walk(ast.parse(path.read_text())) if isinstance(node, ast.Attribute)}


@pytest.mark.parametrize("case", cases("service_layer"), ids=case_id)
def test_a_service_layer_knows_no_http(case: tuple[str, Path]) -> None:
    service, path = case
    package = PACKAGES[service]
    wrong = []
    for module, name in imports(path, package):
        if module.startswith((f"{package}.api", "fastapi", "starlette")):
            wrong.append(module)
        elif module.startswith("idic.public") and name is not None:
            value = getattr(importlib.import_module(module), name)
            if inspect.isclass(value) and issubclass(value, BaseModel):
                wrong.append(f"{module}.{name} (an HTTP body)")
    assert not wrong, f"{case_id(case)} imports {wrong}: map bodies in api/, pass domain values in"


@pytest.mark.parametrize("case", cases("service_layer"), ids=case_id)
def test_a_service_layer_reaches_storage_only_through_repositories(case: tuple[str, Path]) -> None:
    service, path = case
    package = PACKAGES[service]
    wrong = [module for module, _ in imports(path, package)
             if (module.startswith("sqlalchemy") and module not in SQLALCHEMY_ALLOWED)
             or module.startswith(f"{package}.adapters.orm")]
    if "session" in attributes(path):
        wrong.append("uow.session")
    assert not wrong, f"{case_id(case)} uses {wrong}: put the query in a repository"


@pytest.mark.parametrize("case", cases("api"), ids=case_id)
def test_routers_never_commit(case: tuple[str, Path]) -> None:
    assert "commit" not in attributes(case[1]), f"{case_id(case)} commits: only the unit of work does"


@pytest.mark.parametrize("service", CONSUMERS)
def test_handlers_are_built_from_settings_and_passed_to_the_consumer(service: str) -> None:
    package = PACKAGES[service]
    handlers = importlib.import_module(f"{package}.service_layer.handlers")
    settings_class = importlib.import_module(f"{package}.config").Settings
    build = handlers.build_handlers
    assert list(inspect.signature(build).parameters) == ["settings"]
    built = build(settings_class())
    assert built and all(isinstance(k, str) and callable(v) for k, v in built.items())

    main = (package_dir(service) / "main.py").read_text()
    assert "build_handlers(settings" in main, f"{package}.main does not pass build_handlers(settings) to its consumer"


@pytest.mark.parametrize("service", CONSUMERS)
def test_handlers_keep_no_mutable_state_at_module_level(service: str) -> None:
    path = package_dir(service) / "service_layer" / "handlers.py"
    mutable = (ast.Dict, ast.List, ast.Set, ast.DictComp, ast.ListComp, ast.SetComp)
    wrong = []
    for node in ast.parse(path.read_text()).body:
        value = node.value if isinstance(node, (ast.Assign, ast.AnnAssign)) else None
        if isinstance(value, mutable) or (isinstance(value, ast.Call) and isinstance(value.func, ast.Name)
                                           and value.func.id in {"dict", "list", "set", "defaultdict"}):
            wrong.append(ast.unparse(node).split("=")[0].strip())
    assert not wrong, f"{service}'s handlers module holds mutable state: {wrong}"
