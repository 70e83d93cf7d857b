"""Importing greenchain stays light: no pyplot, no heavy modules at import."""

import subprocess
import sys


def _run(code: str) -> str:
    return subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout


def test_import_does_not_import_pyplot():
    out = _run("import sys, greenchain; print('matplotlib.pyplot' in sys.modules)")
    assert out.strip() == "False"


def test_import_of_every_module_does_not_import_pyplot():
    code = (
        "import sys, pkgutil, importlib, greenchain\n"
        "skip = {'greenchain.interface.plots', 'greenchain.interface.cli'}\n"
        "for m in pkgutil.walk_packages(greenchain.__path__, 'greenchain.'):\n"
        "    if m.name not in skip and not m.name.endswith('plots'):\n"
        "        importlib.import_module(m.name)\n"
        "print('matplotlib.pyplot' in sys.modules)"
    )
    assert _run(code).strip() == "False"


def test_lazy_submodules():
    out = _run("import greenchain as gc; print(gc.factors.__name__, callable(gc.gwp))")
    assert out.split() == ["greenchain.data.factors", "True"]
