"""The exception hierarchy."""

import pytest

from greenchain import errors


def test_hierarchy():
    assert issubclass(errors.InputError, errors.GreenchainError)
    assert issubclass(errors.InputError, ValueError)
    assert issubclass(errors.UnitError, errors.InputError)
    assert issubclass(errors.OutOfRangeError, errors.InputError)
    assert issubclass(errors.FactorNotFound, LookupError)
    assert issubclass(errors.DataError, errors.GreenchainError)
    assert issubclass(errors.UnverifiedDataWarning, UserWarning)


def test_input_error_names_field_and_source():
    exc = errors.InputError("must not be negative", field="energy[3].amount", source="p.yaml")
    assert str(exc) == "energy[3].amount in p.yaml: must not be negative"
    assert exc.field == "energy[3].amount"


def test_factor_not_found_lists_candidates():
    exc = errors.FactorNotFound("unknown key 'x'", ["a", "b"])
    assert "Closest: a, b" in str(exc)
    assert exc.candidates == ["a", "b"]
    with pytest.raises(LookupError):
        raise exc
