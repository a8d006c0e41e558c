"""The vendored browser libraries are the files their README names (version, checksum, licence),
shipped in the package and served by the gateway, so no page loads anything from a CDN."""

from __future__ import annotations

import hashlib
import re
from importlib.resources import files

from fastapi.testclient import TestClient
from gateway_fakes import make_settings

from gateway.api.routes.console import ASSETS
from gateway.main import create_app

VENDOR = files("gateway.console").joinpath("vendor")


def test_each_vendored_file_matches_the_checksum_its_readme_states() -> None:
    readme = VENDOR.joinpath("README.md").read_text()
    rows = re.findall(r"^\| `([^`]+)` \|[^|]+\| ([\d.]+) \|[^|]+\| `([0-9a-f]{64})` \|", readme, flags=re.M)
    assert rows, "the README lists the vendored files"
    for name, _version, digest in rows:
        assert hashlib.sha256(VENDOR.joinpath(name).read_bytes()).hexdigest() == digest, name
        assert f"vendor/{name}" in ASSETS, name
    assert VENDOR.joinpath("echarts.LICENSE").read_text().startswith("\n                                 Apache License")


def test_pages_load_scripts_from_the_gateway_only() -> None:
    with TestClient(create_app(make_settings())) as client:
        for page in ("/", "/dashboard"):
            html = client.get(page).text
            sources = re.findall(r'<(?:script|link)[^>]+(?:src|href)="([^"]+)"', html)
            assert sources and all(s.startswith("/console/") or s.startswith("data:") for s in sources), sources
            for source in sources:
                if source.startswith("/console/"):
                    assert client.get(source).status_code == 200, source
        answer = client.get("/console/vendor/echarts.min.js")
        assert answer.headers["content-type"].startswith("text/javascript")
        assert answer.headers["cache-control"] == "public, max-age=86400"
        assert client.get("/console/../config.py").status_code == 404
        assert client.get("/console/vendor/README.md").status_code == 404  # only the assets it names
