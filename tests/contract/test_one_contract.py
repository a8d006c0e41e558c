"""One contract, written once: for every operation the gateway proxies one to one, the
gateway's OpenAPI document and the owning service's state the same request body and the
same answer (both come from ``idic.public``), and the gateway imports no service package."""

from __future__ import annotations

import ast
import copy
import re
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI

ROOT = Path(__file__).resolve().parents[2]
SERVICES = {"identity": "identity_service", "interaction": "interaction_service", "scoring": "scoring_service",
            "treatment": "treatment_service"}
# composed by the gateway from several services (API.md "single face"), not proxied one to one
COMPOSED = {("get", "/v1/customers/{customer_id}"), ("delete", "/v1/customers/{customer_id}")}
# the gateway's own concerns, served by every deployable alike
OPERATIONAL = {"/healthz", "/readyz", "/metrics"}


def _gateway_app() -> FastAPI:
    from gateway.config import Settings
    from gateway.main import create_app

    return create_app(Settings(api_keys={"contract-test-key-0123": ["admin"]}))


def _service_app(package: str) -> FastAPI:
    module = __import__(f"{package}.main", fromlist=["create_app"])
    return module.create_app()  # type: ignore[no-any-return]


def resolved(schema: Any, components: dict[str, Any], seen: tuple[str, ...] = ()) -> Any:
    """``schema`` with every ``$ref`` replaced by what it names (a cycle is left as the ref)."""
    if isinstance(schema, dict):
        ref = schema.get("$ref")
        if isinstance(ref, str):
            name = ref.rsplit("/", 1)[-1]
            if name in seen:
                return {"$ref": name}
            return resolved(components[name], components, (*seen, name))
        return {k: resolved(v, components, seen) for k, v in schema.items()}
    if isinstance(schema, list):
        return [resolved(v, components, seen) for v in schema]
    return schema


def bodies(spec: dict[str, Any], method: str, path: str) -> dict[str, Any]:
    """The request body and the 2xx answers of one operation, references resolved."""
    components = spec.get("components", {}).get("schemas", {})
    operation = copy.deepcopy(spec["paths"][path][method])
    request = operation.get("requestBody", {}).get("content", {}).get("application/json", {}).get("schema")
    answers = {status: (answer.get("content") or {}).get("application/json", {}).get("schema")
               for status, answer in operation["responses"].items() if status.startswith("2")}
    return {"request": resolved(request, components), "answers": resolved(answers, components)}


@pytest.fixture(scope="module")
def specs() -> dict[str, dict[str, Any]]:
    documents = {name: _service_app(package).openapi() for name, package in SERVICES.items()}
    documents["gateway"] = _gateway_app().openapi()
    return documents


def proxied(specs: dict[str, dict[str, Any]]) -> list[tuple[str, str, str]]:
    """(service, method, path) of every gateway operation a service serves under the same path."""
    found = []
    for path, operations in specs["gateway"]["paths"].items():
        if path in OPERATIONAL:
            continue
        for method in operations:
            if (method, path) in COMPOSED:
                continue
            owners = [name for name in SERVICES if method in specs[name]["paths"].get(path, {})]
            found.extend((owner, method, path) for owner in owners)
    return found


def test_every_proxied_operation_states_the_same_bodies_as_its_service(specs: dict[str, dict[str, Any]]) -> None:
    operations = proxied(specs)
    assert len(operations) >= 45, "the gateway proxies most of the public API one to one"
    differ = [f"{method.upper()} {path} ({service})" for service, method, path in operations
              if bodies(specs["gateway"], method, path) != bodies(specs[service], method, path)]
    assert not differ, "gateway and service disagree on:\n" + "\n".join(differ)


def test_the_gateway_imports_no_service_package() -> None:
    imported = set()
    for source in (ROOT / "gateway" / "src").rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
    assert not imported & set(SERVICES.values())


def test_no_public_body_is_declared_outside_idic_public() -> None:
    # a pydantic model in a service's or the gateway's api package would be a second declaration
    declared = []
    for package in ["gateway/src/gateway", *(f"{d}-service/src/{p}" for d, p in SERVICES.items())]:
        for source in (ROOT / package / "api").rglob("*.py"):
            for node in ast.walk(ast.parse(source.read_text())):
                if isinstance(node, ast.ClassDef) and any(
                        getattr(base, "id", getattr(base, "attr", "")) in {"BaseModel", "Request", "Body"}
                        for base in node.bases):
                    declared.append(f"{source.relative_to(ROOT)}: {node.name}")
    assert not declared, "\n".join(declared)


@pytest.mark.parametrize("service", ["identity-service", "interaction-service", "scoring-service",
                                     "treatment-service", "gateway"])
def test_each_readme_opens_with_a_map_of_every_module(service: str) -> None:
    package = next((ROOT / service / "src").iterdir())
    readme = (ROOT / service / "README.md").read_text()
    assert "## Module map" in readme[:4000], "the map comes first, before the details"
    modules = [p.relative_to(package).as_posix() for p in package.rglob("*.py")
               if "migrations" not in p.parts and p.name != "__init__.py"]
    missing = [m for m in modules if f"`{m}`" not in readme]
    assert not missing, f"{service}/README.md's module map lacks {missing}"


def operations(spec: dict[str, Any]) -> list[tuple[str, str, dict[str, Any]]]:
    return [(method, path, operation) for path, ops in spec["paths"].items() for method, operation in ops.items()]


@pytest.mark.parametrize("app", ["gateway", *SERVICES])
def test_operation_ids_read_as_verbs_and_are_unique(specs: dict[str, dict[str, Any]], app: str) -> None:
    ids = [operation["operationId"] for _, _, operation in operations(specs[app])]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z][A-Za-z0-9]*", i) for i in ids), [i for i in ids if "_" in i]


def query_parameters(spec: dict[str, Any], method: str, path: str) -> set[str]:
    return {p["name"] for p in spec["paths"][path][method].get("parameters", []) if p["in"] == "query"}


def test_every_proxied_operation_takes_the_query_parameters_of_its_service(specs: dict[str, dict[str, Any]]) -> None:
    """A parameter the gateway does not declare is never passed on: a client paging with the service's
    ``cursor`` through the gateway would be served the first page for ever."""
    differ = [f"{method.upper()} {path}: gateway {sorted(query_parameters(specs['gateway'], method, path))}, "
              f"{service} {sorted(query_parameters(specs[service], method, path))}"
              for service, method, path in proxied(specs)
              if query_parameters(specs["gateway"], method, path) != query_parameters(specs[service], method, path)]
    assert not differ, "\n".join(differ)


def test_gateway_and_service_name_each_proxied_operation_alike(specs: dict[str, dict[str, Any]]) -> None:
    differ = [f"{method.upper()} {path}" for service, method, path in proxied(specs)
              if specs["gateway"]["paths"][path][method]["operationId"]
              != specs[service]["paths"][path][method]["operationId"]]
    assert not differ


@pytest.mark.parametrize("app", ["gateway", *SERVICES])
def test_every_property_has_a_description(specs: dict[str, dict[str, Any]], app: str) -> None:
    missing = [f"{name}.{prop}" for name, schema in specs[app]["components"]["schemas"].items()
               for prop, body in schema.get("properties", {}).items() if not body.get("description")]
    assert not missing


def _has_example(node: Any, components: dict[str, Any], seen: tuple[str, ...] = ()) -> bool:
    if isinstance(node, dict):
        if "example" in node or "examples" in node:
            return True
        ref = node.get("$ref")
        if isinstance(ref, str):
            name = ref.rsplit("/", 1)[-1]
            return name not in seen and _has_example(components.get(name, {}), components, (*seen, name))
        return any(_has_example(v, components, seen) for v in node.values())
    return isinstance(node, list) and any(_has_example(v, components, seen) for v in node)


@pytest.mark.parametrize("app", ["gateway", *SERVICES])
def test_every_operation_shows_an_example(specs: dict[str, dict[str, Any]], app: str) -> None:
    components = specs[app]["components"]["schemas"]
    lacking = [f"{method.upper()} {path}" for method, path, operation in operations(specs[app])
               if not path.startswith("/internal/") and not _has_example(
                   {k: operation.get(k) for k in ("parameters", "requestBody", "responses")}, components)]
    assert not lacking
