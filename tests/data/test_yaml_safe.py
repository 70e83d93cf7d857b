"""The shared safe YAML loader: what ``yaml.safe_load`` builds, parsed by libyaml."""

from __future__ import annotations

import pytest
import yaml

from greenchain._resources import data_root
from greenchain.data.yaml_safe import SafeLoader, safe_load

SHIPPED = sorted(data_root().rglob("*.yaml"))


def test_every_shipped_yaml_file_is_read_as_by_yaml_safe_load():
    assert len(SHIPPED) >= 10
    for path in SHIPPED:
        text = path.read_text(encoding="utf-8")
        assert safe_load(text) == yaml.safe_load(text), path.name
        with open(path, encoding="utf-8") as fh:  # an open file too
            assert safe_load(fh) == yaml.safe_load(text), path.name


def test_no_python_objects():
    with pytest.raises(yaml.constructor.ConstructorError):
        safe_load("!!python/object/apply:os.system ['echo hi']")


@pytest.mark.parametrize("depth", [900, 100_000])
def test_deep_nesting_ends_in_an_error_not_a_crash(depth):
    # libyaml's own composer recurses in C; here libyaml's scanner refuses more than its
    # nesting limit and the Python composer is bounded by Python's recursion limit, both
    # exceptions the plant readers turn into a typed error
    with pytest.raises((yaml.YAMLError, RecursionError)):
        safe_load("[" * depth + "]" * depth)


def test_uses_libyaml_when_built():
    if not getattr(yaml, "__with_libyaml__", False):
        pytest.skip("PyYAML without libyaml")
    assert "CParser" in {c.__name__ for c in SafeLoader.__mro__}
