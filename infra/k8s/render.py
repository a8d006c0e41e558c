"""Render the suite's Kubernetes manifests (``python infra/k8s/render.py > infra/k8s/idic.yaml``).

Per service: the API as N replicas behind a Service (readiness ``/readyz``, liveness ``/healthz``,
requests and limits, a HorizontalPodAutoscaler on CPU, a PodDisruptionBudget), and its outbox relay
and event consumers as Deployments of their own (``<PREFIX>RUN_WORKERS=false`` on the API). The API
replicas migrate the database at start, one after another (a PostgreSQL advisory lock); the workers do
not migrate. Consumers scale up to the topics' partitions (6). Secrets (the database password, the
gateway's API keys) are files from Kubernetes Secrets, read through ``*_FILE``; the images are the
Dockerfiles' (tag them as you push them). ``tests/contract/test_kubernetes.py`` checks the file is what
this renders and validates every object against the Kubernetes schemas."""

from __future__ import annotations

import sys
from typing import Any

import yaml

NAMESPACE = "idic"
IMAGE = "registry.example.com/idic/{name}:1.0.0"
WORKER_METRICS_PORT = 9464  # idic's <P>METRICS_PORT default
SERVICES = {  # name -> (package, port, env prefix)
    "identity": ("identity_service", 8001, "IDENTITY_"),
    "interaction": ("interaction_service", 8002, "INTERACTION_"),
    "scoring": ("scoring_service", 8003, "SCORING_"),
    "treatment": ("treatment_service", 8004, "TREATMENT_"),
}
PARTITIONS = 6
RUN_AS = {"runAsNonRoot": True, "runAsUser": 10001, "allowPrivilegeEscalation": False,
          "readOnlyRootFilesystem": True, "capabilities": {"drop": ["ALL"]}}


def _labels(name: str, role: str) -> dict[str, str]:
    return {"app.kubernetes.io/part-of": "idic", "app.kubernetes.io/name": name, "app.kubernetes.io/component": role}


def _probe(path: str, port: int, period: int) -> dict[str, Any]:
    return {"httpGet": {"path": path, "port": port}, "periodSeconds": period, "timeoutSeconds": 3,
            "failureThreshold": 3}


def _scraped(name: str, port: int | None) -> dict[str, Any]:
    """Prometheus' usual pod annotations; not on the gateway, whose /metrics needs an admin key (a scrape
    job with its bearer token, as in infra/prometheus/prometheus.yml)."""
    if name == "gateway":
        return {}
    return {"annotations": {"prometheus.io/scrape": "true", "prometheus.io/path": "/metrics",
                            "prometheus.io/port": str(port or WORKER_METRICS_PORT)}}


def _deployment(name: str, role: str, *, replicas: int, command: list[str], env: list[dict[str, Any]],
                port: int | None, secrets: list[str], cpu: str, memory: str) -> dict[str, Any]:
    container: dict[str, Any] = {
        "name": role, "image": IMAGE.format(name=name if name == "gateway" else f"{name}-service"),
        "command": command, "env": env, "securityContext": RUN_AS,
        "resources": {"requests": {"cpu": cpu, "memory": memory}, "limits": {"memory": memory}},
        "volumeMounts": [{"name": s, "mountPath": f"/run/secrets/{s}", "readOnly": True} for s in secrets]
                        + [{"name": "tmp", "mountPath": "/tmp"}],  # noqa: S108 - an emptyDir: the root is read-only
    }
    if port is None:  # a worker: its metrics (lag, dead letters, outbox) on <P>METRICS_PORT, for Prometheus
        container |= {"ports": [{"name": "metrics", "containerPort": WORKER_METRICS_PORT}]}
    else:
        container |= {"ports": [{"name": "http", "containerPort": port}],
                      "readinessProbe": _probe("/readyz", port, 10), "livenessProbe": _probe("/healthz", port, 20),
                      "startupProbe": {**_probe("/healthz", port, 5), "failureThreshold": 60}}
    volumes = [{"name": s, "secret": {"secretName": f"idic-{s.replace('_', '-')}"}} for s in secrets]
    return {"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": f"{name}-{role}", "namespace": NAMESPACE, "labels": _labels(name, role)},
            "spec": {"replicas": replicas, "selector": {"matchLabels": _labels(name, role)},
                     "template": {"metadata": {"labels": _labels(name, role), **_scraped(name, port)},
                                  "spec": {"containers": [container],
                                           "volumes": volumes + [{"name": "tmp", "emptyDir": {}}]}}}}


def _api_extras(name: str, port: int, *, max_replicas: int) -> list[dict[str, Any]]:
    selector = _labels(name, "api")
    return [
        {"apiVersion": "v1", "kind": "Service", "metadata": {"name": name, "namespace": NAMESPACE,
                                                             "labels": selector},
         "spec": {"selector": selector, "ports": [{"name": "http", "port": port, "targetPort": "http"}]}},
        {"apiVersion": "autoscaling/v2", "kind": "HorizontalPodAutoscaler",
         "metadata": {"name": f"{name}-api", "namespace": NAMESPACE, "labels": selector},
         "spec": {"scaleTargetRef": {"apiVersion": "apps/v1", "kind": "Deployment", "name": f"{name}-api"},
                  "minReplicas": 2, "maxReplicas": max_replicas,
                  "metrics": [{"type": "Resource", "resource": {"name": "cpu", "target": {
                      "type": "Utilization", "averageUtilization": 70}}}]}},
        {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
         "metadata": {"name": f"{name}-api", "namespace": NAMESPACE, "labels": selector},
         "spec": {"minAvailable": 1, "selector": {"matchLabels": selector}}},
    ]


def _database(name: str) -> list[dict[str, Any]]:
    return [{"name": "DATABASE_HOST", "value": "postgres"}, {"name": "DATABASE_NAME", "value": name},
            {"name": "DATABASE_USER", "value": "idic"},
            {"name": "DATABASE_PASSWORD_FILE", "value": "/run/secrets/postgres_password/password"},
            {"name": "KAFKA_BOOTSTRAP_SERVERS", "value": "kafka:9092"}]


def manifests() -> list[dict[str, Any]]:
    docs: list[dict[str, Any]] = [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": NAMESPACE}}]
    for name, (package, port, prefix) in SERVICES.items():
        env = _database(name)
        docs.append(_deployment(
            name, "api", replicas=2, command=["python", "-m", f"{package}.entrypoints.api", "--host", "0.0.0.0",
                                              "--port", str(port)],
            env=env + [{"name": f"{prefix}RUN_WORKERS", "value": "false"}], port=port,
            secrets=["postgres_password"], cpu="250m", memory="512Mi"))
        docs += _api_extras(name, port, max_replicas=8)
        workers = env + [{"name": f"{prefix}MIGRATE_ON_START", "value": "false"}]
        for role, replicas, cpu, memory in (("consumer", 2, "250m", "512Mi"), ("relay", 1, "100m", "256Mi")):
            docs.append(_deployment(name, role, replicas=replicas, command=["python", "-m",
                                                                            f"{package}.entrypoints.{role}"],
                                    env=workers, port=None, secrets=["postgres_password"], cpu=cpu, memory=memory))
    gateway_env = [{"name": f"GATEWAY_{n.upper()}_URL", "value": f"http://{n}:{p}"}
                   for n, (_, p, _) in SERVICES.items()]
    gateway_env.append({"name": "IDIC_API_KEYS_FILE", "value": "/run/secrets/api_keys/api_keys.json"})
    # the 360 view cache reads the customer events (no consumer group)
    gateway_env.append({"name": "KAFKA_BOOTSTRAP_SERVERS", "value": "kafka:9092"})
    docs.append(_deployment("gateway", "api", replicas=2, command=["python", "-m", "gateway.entrypoints.api", "--host",
                                                                   "0.0.0.0", "--port", "8000"],
                            env=gateway_env, port=8000, secrets=["api_keys"], cpu="250m", memory="256Mi"))
    docs += _api_extras("gateway", 8000, max_replicas=10)
    return docs


def render() -> str:
    header = "# Rendered by infra/k8s/render.py: edit that, not this.\n"
    return header + yaml.safe_dump_all(manifests(), sort_keys=False)


if __name__ == "__main__":
    sys.stdout.write(render())
