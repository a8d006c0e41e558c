"""The workspace builds the same code twice: one lock (requirements.lock, resolved by `make lock` from
requirements.in) pins every third-party package; the Makefile and every Dockerfile install with it, and
the environment the tests run in is exactly it. Every package is Apache-2.0, with the licence's text at
the root."""

from __future__ import annotations

import os
import re
import sys
import tomllib
from importlib import metadata
from pathlib import Path

import pytest
import yaml
from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PACKAGES = ("services", "devstack", "identity-service", "interaction-service", "scoring-service",
            "treatment-service", "gateway")
IMAGES = ("identity-service", "interaction-service", "scoring-service", "treatment-service", "gateway")
LOCAL = {"idic", "idic-devstack", "identity-service", "interaction-service", "scoring-service", "treatment-service",
         "gateway"}


def locked() -> dict[str, tuple[str, Marker | None]]:
    """name -> (pinned version, the marker it applies under)."""
    pins = {}
    for line in (ROOT / "requirements.lock").read_text().splitlines():
        if not line or line[0] in "# -":
            continue
        requirement = Requirement(line)
        [spec] = requirement.specifier
        assert spec.operator == "==", line
        pins[canonicalize_name(requirement.name)] = (spec.version, requirement.marker)
    return pins


def test_the_environment_is_the_lock() -> None:
    """Every locked package that applies here is installed at its pinned version: make test ran on it."""
    wrong = {}
    for name, (version, marker) in locked().items():
        if marker is not None and not marker.evaluate():
            continue
        installed = metadata.version(name)
        if installed != version:
            wrong[name] = (installed, version)
    assert wrong == {}, f"installed vs locked: {wrong}; run `make setup` (or `make lock` after a change)"


def test_every_direct_dependency_is_locked() -> None:
    pins = locked()
    wanted = []
    for package in PACKAGES:
        project = tomllib.loads((ROOT / package / "pyproject.toml").read_text())["project"]
        wanted += project["dependencies"] + [d for extra in project.get("optional-dependencies", {}).values()
                                             for d in extra]
    wanted += [line.split("#")[0].strip() for line in (ROOT / "requirements-dev.txt").read_text().splitlines()
               if line.split("#")[0].strip()]
    missing = {r.name for r in map(Requirement, wanted)
               if canonicalize_name(r.name) not in LOCAL and canonicalize_name(r.name) not in pins}
    assert missing == set(), f"not in requirements.lock: {missing}; run `make lock`"
    for r in map(Requirement, wanted):  # and the pins satisfy the packages' own ranges
        if canonicalize_name(r.name) in pins:
            assert r.specifier.contains(pins[canonicalize_name(r.name)][0], prereleases=True), (r, pins[r.name])


@pytest.mark.parametrize("image", IMAGES)
def test_every_image_installs_with_the_lock(image: str) -> None:
    text = (ROOT / image / "Dockerfile").read_text()
    assert "COPY requirements.lock ./" in text
    [install] = re.findall(r"pip install [^\n]*", text)
    assert "-c requirements.lock" in install, install
    bases = {line.split()[1] for line in re.findall(r"^FROM .*", text, flags=re.M)}
    assert bases == {PYTHON_IMAGE}, bases  # one base, the same in every image: the one the lock was made for


# An exact version and, where known, the digest of the multi-platform index: a tag alone moves. The digests
# were not resolved here (no registry is reachable from this machine) but taken from public manifests that
# pin the same tags; `infra/pin-images.sh` re-resolves them all where `docker buildx` reaches a registry.
PINNED = re.compile(r"^[a-z0-9./_-]+:\d+\.\d+(\.\d+)?(-[a-z0-9.-]+)?(@sha256:[0-9a-f]{64})?$")
PYTHON_IMAGE = "python:3.11.13-slim-bookworm@sha256:86adf8dbadc3d6e82ee5dd2c74bec2e1c2467cdad47886280501df722372d2e1"


def test_every_base_image_is_pinned_to_an_exact_version() -> None:
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    images = {name: spec["image"] for name, spec in compose["services"].items() if "image" in spec}
    assert set(images) == {"kafka", "postgres"}
    for name, image in images.items():
        assert PINNED.match(image), f"{name}: {image} is not an exact version"
    assert images["kafka"].startswith("apache/kafka:4.1.1@sha256:")  # the broker the tests run (infra/kafka/pom.xml)
    # Python to its patch release (3.11 alone floats) and by digest; the Python the lock resolves for
    assert re.fullmatch(r"python:3\.11\.\d+-slim-bookworm@sha256:[0-9a-f]{64}", PYTHON_IMAGE)
    assert sys.version_info[:2] == (3, 11)
    script = (ROOT / "infra/pin-images.sh").read_text()
    assert "docker buildx imagetools inspect" in script and os.access(ROOT / "infra/pin-images.sh", os.X_OK)


def test_make_installs_with_the_lock() -> None:
    makefile = (ROOT / "Makefile").read_text()
    install = re.search(r"uv pip install [^\n]*\\\n[^\n]*", makefile)
    assert install and "-c requirements.lock" in install.group(0)
    assert re.search(r"pip install -q uv==\$\(UV_VERSION\)", makefile)  # the installer itself is pinned


@pytest.mark.parametrize("package", PACKAGES)
def test_every_package_is_apache_2(package: str) -> None:
    project = tomllib.loads((ROOT / package / "pyproject.toml").read_text())["project"]
    assert project["license"] == "Apache-2.0"
    text = (ROOT / "LICENSE").read_text()
    assert "Apache License" in text and "Version 2.0, January 2004" in text and "END OF TERMS AND CONDITIONS" in text
