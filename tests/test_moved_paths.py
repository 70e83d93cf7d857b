"""Old import paths keep working for one release, with a DeprecationWarning naming the new one."""

from __future__ import annotations

import contextlib
import importlib
import json
import subprocess
import sys

import pytest

import greenchain as gc
from greenchain._moved import MOVED, new_path

#: every name of the flat layout's lazy submodule list (0.1)
OLD_SHORT_NAMES = (
    "errors factors units emissions energy inventory footprint uncertainty finance grading "
    "retrofit scoring processes model io plant plots report cli excel product_footprint tables"
).split()


def _nothing():
    return contextlib.nullcontext()


def _fresh(code: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-W", "always::DeprecationWarning", "-c", code],
        capture_output=True,
        text=True,
        check=False,
    )


@pytest.mark.parametrize("name", OLD_SHORT_NAMES)
def test_every_old_short_name_resolves(name, recwarn):
    module = getattr(gc, name)
    assert module.__name__.startswith("greenchain")


@pytest.fixture(scope="module")
def fresh_import_warnings():
    """The warnings each old path gives when first imported (one fresh interpreter)."""
    code = (
        "import importlib, json, warnings\n"
        "from greenchain._moved import MOVED\n"
        "out = {}\n"
        "for old in sorted(MOVED):\n"
        "    with warnings.catch_warnings(record=True) as rec:\n"
        "        warnings.simplefilter('always')\n"
        "        importlib.import_module(old)\n"
        "    out[old] = [str(w.message) for w in rec if w.category is DeprecationWarning]\n"
        "print(json.dumps(out))\n"
    )
    proc = _fresh(code)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)


@pytest.mark.parametrize("old", sorted(MOVED))
def test_old_module_path_is_the_new_module(old, fresh_import_warnings):
    assert any(f"{old} moved to {MOVED[old]}" in m for m in fresh_import_warnings[old])
    with pytest.warns(DeprecationWarning) if old not in sys.modules else _nothing():
        module = importlib.import_module(old)
    new = importlib.import_module(MOVED[old])
    if hasattr(new, "__path__"):  # an old package path is a read-through alias
        assert all(getattr(module, n) is getattr(new, n) for n in getattr(new, "__all__", ()))
    else:
        assert module is new


@pytest.mark.parametrize(
    "old",
    [
        "greenchain.retrofit.catalogue",
        "greenchain.retrofit.assess",
        "greenchain.retrofit.macc",
        "greenchain.scoring.engine",
        "greenchain.scoring.schemes",
        "greenchain.scoring.evidence",
        "greenchain.scoring.result",
        "greenchain.excel.reader",
        "greenchain.excel.template",
        "greenchain.excel.export",
    ],
)
def test_old_public_submodules_import(old):
    with pytest.warns(DeprecationWarning) if old not in sys.modules else _nothing():
        module = importlib.import_module(old)
    assert module is importlib.import_module(new_path(old))


def test_old_submodule_path_does_not_shadow_a_function_of_the_package():
    proc = _fresh(
        "import greenchain.retrofit.macc\n"
        "from greenchain.decisions import retrofit\n"
        "assert callable(retrofit.macc) and not hasattr(retrofit.macc, '__path__'), retrofit.macc"
    )
    assert proc.returncode == 0, proc.stderr


def test_new_function_of_moved_package_reachable_from_old_path():
    proc = _fresh(
        "import warnings; warnings.simplefilter('ignore')\n"
        "import greenchain.inventory as old\n"
        "from greenchain.accounting.inventory import plant_inventory\n"
        "assert old.plant_inventory is plant_inventory"
    )
    assert proc.returncode == 0, proc.stderr


def test_old_path_warns_in_a_fresh_interpreter():
    proc = _fresh("import greenchain.footprint")
    assert proc.returncode == 0, proc.stderr
    assert "greenchain.footprint moved to greenchain.accounting.lca" in proc.stderr


def test_gwp_is_the_function_and_the_module_is_under_data():
    assert callable(gc.gwp)
    assert gc.gwp("CH4", ar="AR6") == 27.9
    data_gwp = importlib.import_module("greenchain.data.gwp")
    assert data_gwp.gwp is gc.gwp
    with pytest.raises(ModuleNotFoundError):
        importlib.import_module("greenchain.gwp")


@pytest.mark.parametrize("name", ["footprint", "model", "plant"])
def test_renamed_short_names_warn(name):
    proc = _fresh(f"import greenchain as gc; gc.{name}")
    assert f"greenchain.{name} moved" in proc.stderr


def test_import_greenchain_loads_no_layer_above_the_kernel():
    proc = _fresh(
        "import sys, greenchain\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('greenchain.'))\n"
        "print(loaded)\n"
        "assert all(m in ('greenchain._moved', 'greenchain._resources', 'greenchain.units', "
        "'greenchain.errors') for m in loaded), loaded"
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
