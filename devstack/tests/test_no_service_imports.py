"""devstack is the test support of every suite, so it depends on none of them."""

from __future__ import annotations

import subprocess
import sys


def test_devstack_imports_no_service_package() -> None:
    """Every module of idic_devstack imports without a service package (and without idic, which its
    pyproject does not list): test support shared by all suites must not make one a dependency."""
    code = ("import importlib, pkgutil, sys, idic_devstack\n"
            "for m in pkgutil.iter_modules(idic_devstack.__path__):\n"
            "    importlib.import_module(f'idic_devstack.{m.name}')\n"
            "print(sorted({m.split('.')[0] for m in sys.modules} & {'idic', 'identity_service', "
            "'interaction_service', 'scoring_service', 'treatment_service', 'gateway'}))")
    assert subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout == "[]\n"
