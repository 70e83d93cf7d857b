"""The layers of DESIGN.md, checked by reading the source.

kernel (errors, units, _resources) < data < processes (physics) < accounting <
decisions < interface. A module imports only from its own layer or a lower one,
counting imports inside functions and under ``if TYPE_CHECKING:`` (below the
interface no signature names the ``Plant`` facade); no import cycle; no module over
~800 lines; no underscore name taken from a public module. ``lint-imports`` checks
the same layers, plus the order inside each layer, with the contracts in
``.importlinter``.
"""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "greenchain"
KERNEL = ("greenchain.errors", "greenchain.units", "greenchain._resources")
LAYERS = ("kernel", "data", "processes", "accounting", "decisions", "interface")
MAX_LINES = 800


def _layer(module: str) -> int:
    """Rank of a module's layer; any other top-level module counts as interface."""
    if module in KERNEL:
        return 0
    parts = module.split(".")
    if len(parts) > 1 and parts[1] in LAYERS[1:]:
        return LAYERS.index(parts[1])
    return LAYERS.index("interface")


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(ROOT).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


MODULES = _modules()


def _owner(name: str) -> str | None:
    """The module a dotted import target lives in (``a.b.func`` -> ``a.b``)."""
    parts = name.split(".")
    while parts:
        if ".".join(parts) in MODULES:
            return ".".join(parts)
        parts.pop()
    return None


def _imports(module: str, path: Path) -> list[tuple[str, int, bool]]:
    """(imported module, line, type only) of every greenchain import, wherever it stands."""
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found: list[tuple[str, int, bool]] = []

    def visit(node: ast.AST, type_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            guarded = type_only or (
                isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test)
            )
            if isinstance(child, ast.Import):
                targets = [a.name for a in child.names]
            elif isinstance(child, ast.ImportFrom):
                base = child.module or ""
                if child.level:
                    parts = package.split(".")[: len(package.split(".")) - child.level + 1]
                    base = ".".join(parts + ([base] if base else []))
                targets = [f"{base}.{a.name}" for a in child.names]
            else:
                visit(child, guarded)
                continue
            for target in targets:
                owner = _owner(target) if target.startswith("greenchain") else None
                if owner and owner != module:
                    found.append((owner, child.lineno, guarded))

    visit(ast.parse(path.read_text(encoding="utf-8")), False)
    return found


EDGES = {m: _imports(m, p) for m, p in MODULES.items()}


def test_the_layers_exist_as_folders():
    for layer in LAYERS[1:]:
        assert (PACKAGE / layer / "__init__.py").is_file(), layer
    top = sorted(p.stem for p in PACKAGE.glob("*.py"))
    assert top == ["__init__", "_moved", "_resources", "errors", "units"], top


def test_imports_only_go_down():
    bad = [
        f"{m}:{line} imports {t} ({LAYERS[_layer(m)]} -> {LAYERS[_layer(t)]})"
        for m, targets in EDGES.items()
        for t, line, _ in targets
        if _layer(t) > _layer(m) and m != "greenchain"
    ]
    assert not bad, "imports going up:\n" + "\n".join(sorted(set(bad)))


def test_only_the_interface_knows_the_plant_facade():
    bad = [
        f"{m}:{line}"
        for m, targets in EDGES.items()
        for t, line, _ in targets
        if t == "greenchain.interface.plant" and _layer(m) < LAYERS.index("interface")
    ]
    assert not bad, "below the interface, functions take PlantData: " + ", ".join(bad)


def _cycles() -> list[list[str]]:
    """Strongly connected components of the run-time import graph (Tarjan)."""
    graph = {
        m: {t for t, _, type_only in ts if not type_only and t != "greenchain"}
        for m, ts in EDGES.items()
        if m != "greenchain"  # the root only re-exports lazily
    }
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                out.append(sorted(component))

    for v in graph:
        if v not in index:
            visit(v)
    return out


def test_no_import_cycles_counting_imports_inside_functions():
    cycles = _cycles()
    assert not cycles, "import cycles:\n" + "\n".join(" <-> ".join(c) for c in cycles)


@pytest.mark.parametrize("module", sorted(MODULES))
def test_module_size(module):
    lines = MODULES[module].read_text(encoding="utf-8").count("\n")
    assert lines <= MAX_LINES, f"{module}: {lines} lines; split it by domain"


def test_no_private_name_from_a_public_module():
    """Shared helpers get public names in ``_``-prefixed modules (``processes/_levels.py``)."""
    bad = []
    for m, path in MODULES.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.ImportFrom) or not (node.module or "").startswith(
                "greenchain"
            ):
                continue
            if any(part.startswith("_") for part in node.module.split(".")[1:]):
                continue  # a private helper module
            private = [
                a.name
                for a in node.names
                if a.name.startswith("_")
                and not a.name.startswith("__")
                and f"{node.module}.{a.name}" not in MODULES
            ]
            if private:
                bad.append(f"{m}:{node.lineno} takes {', '.join(private)} from {node.module}")
    assert not bad, "private names across modules:\n" + "\n".join(sorted(bad))


def test_measure_catalogue_functions_are_physics():
    """Every ``function:`` of the measure catalogue names a function of ``processes/``."""
    import importlib

    bad = []
    for path in sorted((ROOT / "factors" / "measures").glob("*.yaml")):
        for measure in yaml.safe_load(path.read_text(encoding="utf-8"))["measures"]:
            model = (measure.get("saving") or {}).get("model") or {}
            name = model.get("function")
            if name is None:
                continue
            module, _, attr = name.rpartition(".")
            if not module.startswith("greenchain.processes.") or not callable(
                getattr(importlib.import_module(module), attr, None)
            ):
                bad.append(f"{path.name}: {measure['id']}: {name}")
    assert not bad, "catalogue functions that do not resolve in processes/:\n" + "\n".join(bad)


@pytest.mark.skipif(
    shutil.which("lint-imports") is None
    and not (Path(sys.executable).parent / "lint-imports").exists(),
    reason="import-linter not installed",
)
def test_import_linter_contracts_kept():
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    proc = subprocess.run(
        [exe, "--no-cache"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-4000:] + proc.stderr[-2000:]
    assert "broken" not in proc.stdout.split("Contracts:")[-1].split("\n")[0] or (
        " 0 broken" in proc.stdout
    )


#: modules allowed to call the warnings machinery: the caveat collector itself, the
#: command line's entry point (it owns its process and prints each result's caveats),
#: and the one-release deprecation shims of moved names
WARNING_MODULES = frozenset(
    {
        "greenchain.errors",
        "greenchain.interface.cli",
        "greenchain._moved",
        "greenchain",
        "greenchain.accounting.uncertainty",
        "greenchain.processes.boilers",
        "greenchain.processes.dyeing",
    }
)


def test_caveats_not_process_wide_warnings():
    """Library code raises caveats (``errors.caveat``), collected per result and thread;
    ``warnings.catch_warnings`` is process-wide and would mix plants run in parallel."""
    bad = []
    for m, path in MODULES.items():
        if m in WARNING_MODULES:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id == "warnings"
                and node.attr in ("warn", "catch_warnings", "simplefilter")
            ):
                bad.append(f"{m}:{node.lineno} warnings.{node.attr}")
    assert not bad, "use errors.caveat / collect_caveats:\n" + "\n".join(bad)
