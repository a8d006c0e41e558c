"""The Kubernetes manifests (infra/k8s/idic.yaml, rendered by infra/k8s/render.py) are what the renderer
makes, every object is valid against the Kubernetes schemas (kubernetes-validate, strict: an unknown
field fails), and they hang together: every API has probes, requests and limits, a Service, an
autoscaler and a disruption budget selecting its pods; workers run the service's relay and consumer
entrypoints without migrating; secrets are files read through ``*_FILE``; every command is a module
the packages have."""

from __future__ import annotations

import importlib.util
import runpy
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml

from idic.settings import ServiceSettings

ROOT = Path(__file__).resolve().parents[2]
MANIFEST = ROOT / "infra/k8s/idic.yaml"
DOCS: list[dict[str, Any]] = list(yaml.safe_load_all(MANIFEST.read_text()))
KUBERNETES = "1.30.0"  # the oldest minor still maintained upstream: the manifests use nothing newer


def by_kind(kind: str) -> dict[str, dict[str, Any]]:
    return {d["metadata"]["name"]: d for d in DOCS if d["kind"] == kind}


def test_the_file_is_what_the_renderer_makes() -> None:
    rendered = runpy.run_path(str(ROOT / "infra/k8s/render.py"))["render"]()
    assert MANIFEST.read_text() == rendered, "run: python infra/k8s/render.py > infra/k8s/idic.yaml"


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: f"{d['kind']}/{d['metadata']['name']}")
def test_every_object_is_valid_kubernetes(doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, KUBERNETES, strict=True)


def test_every_api_is_probed_sized_served_scaled_and_kept_available() -> None:
    deployments, services = by_kind("Deployment"), by_kind("Service")
    autoscalers, budgets = by_kind("HorizontalPodAutoscaler"), by_kind("PodDisruptionBudget")
    apis = {n: d for n, d in deployments.items() if n.endswith("-api")}
    assert set(apis) == {f"{n}-api" for n in ("identity", "interaction", "scoring", "treatment", "gateway")}
    for name, deployment in apis.items():
        pod = deployment["spec"]["template"]
        [container] = pod["spec"]["containers"]
        assert container["readinessProbe"]["httpGet"]["path"] == "/readyz", name
        assert container["livenessProbe"]["httpGet"]["path"] == "/healthz", name
        assert container["resources"]["requests"]["cpu"] and container["resources"]["limits"]["memory"], name
        service = name.removesuffix("-api")
        labels = pod["metadata"]["labels"]
        assert services[service]["spec"]["selector"].items() <= labels.items()
        assert budgets[name]["spec"]["selector"]["matchLabels"].items() <= labels.items()
        assert autoscalers[name]["spec"]["scaleTargetRef"]["name"] == name
        assert autoscalers[name]["spec"]["minReplicas"] >= 2 and budgets[name]["spec"]["minAvailable"] == 1


def test_workers_run_apart_without_migrating_and_apis_without_workers() -> None:
    deployments = by_kind("Deployment")
    for service in ("identity", "interaction", "scoring", "treatment"):
        api_env = {e["name"]: e["value"] for e in deployments[f"{service}-api"]["spec"]["template"]["spec"][
            "containers"][0]["env"]}
        assert api_env[f"{service.upper()}_RUN_WORKERS"] == "false"
        for role in ("consumer", "relay"):
            [container] = deployments[f"{service}-{role}"]["spec"]["template"]["spec"]["containers"]
            env = {e["name"]: e["value"] for e in container["env"]}
            assert container["command"][-1] == f"{service}_service.entrypoints.{role}"
            assert env[f"{service.upper()}_MIGRATE_ON_START"] == "false"
            # no Service and no probe, but scraped: the lag and dead-letter alerts need these processes' metrics
            assert container["ports"] == [{"name": "metrics", "containerPort": ServiceSettings().metrics_port}]
            annotations = deployments[f"{service}-{role}"]["spec"]["template"]["metadata"]["annotations"]
            assert annotations["prometheus.io/port"] == str(ServiceSettings().metrics_port)


def test_commands_are_modules_and_secrets_are_mounted_files() -> None:
    for deployment in by_kind("Deployment").values():
        spec = deployment["spec"]["template"]["spec"]
        [container] = spec["containers"]
        assert container["command"][:2] == ["python", "-m"]
        assert importlib.util.find_spec(container["command"][2]) is not None, container["command"]
        mounts = {m["mountPath"] for m in container["volumeMounts"]}
        for variable in container["env"]:
            assert not any(word in variable["name"] for word in ("PASSWORD", "API_KEYS")) or \
                variable["name"].endswith("_FILE"), variable
            if variable["name"].endswith("_FILE"):
                assert str(Path(variable["value"]).parent) in mounts, variable
        assert container["securityContext"]["runAsNonRoot"] is True
