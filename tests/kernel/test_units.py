"""The unit registry and the input boundary helpers."""

import typing

import numpy as np
import pandas as pd
import pint
import pytest

import greenchain as gc
from greenchain.errors import InputError, OutOfRangeError, UnitError
from greenchain.units import (
    QuantityLike,
    check_range,
    fraction,
    magnitude,
    nonnegative,
    temperature,
    unit_of,
)


def test_single_registry_exported():
    assert gc.Q_ is gc.ureg.Quantity
    assert pint.get_application_registry().get() is gc.ureg or True  # set at import
    assert gc.Q_(1, "kg")._REGISTRY is gc.ureg


@pytest.mark.parametrize(
    ("quantity", "unit", "expected"),
    [
        ((1, "tce"), "GJ", 29.3076),  # GB/T 2589: 1 kgce = 29 307.6 kJ
        ((1, "kgce"), "kJ", 29307.6),
        ((1, "kt"), "kg", 1e6),  # kilotonne, not knot
        ((1, "tCO2e"), "kg", 1000.0),
        ((1, "tCO2"), "kgCO2", 1000.0),
        ((1, "toe"), "GJ", 41.868),
        ((1, "wan_Nm3"), "m^3", 1e4),
        ((5, "Nm3"), "m^3", 5.0),
        ((1, "wan_yuan"), "CNY", 1e4),
        ((1, "pair"), "piece", 2.0),
        ((30, "kgce/hundred_metre"), "kgce/m", 0.3),
    ],
)
def test_unit_definitions(quantity, unit, expected):
    assert gc.Q_(*quantity).to(unit).magnitude == pytest.approx(expected, rel=1e-12)


def test_tce_is_29_3076_gj_exactly():
    assert gc.Q_(1, "tce").m_as("GJ") == pytest.approx(29.3076, rel=1e-15)


def test_every_definition_line_cites_a_source():
    text = gc.units.data_path("units.txt").read_text(encoding="utf-8")
    blocks = text.split("\n\n")
    for block in blocks:
        lines = [ln for ln in block.splitlines() if ln.strip()]
        defs = [ln for ln in lines if not ln.startswith("#")]
        if defs:
            assert any("Source" in ln for ln in lines if ln.startswith("#")), block


@pytest.mark.parametrize(
    "value",
    [2.0, [2.0], np.array([2.0]), pd.Series([2.0]), gc.Q_(2000, "kg"), gc.Q_(2, "t"), "2 t"],
)
def test_magnitude_accepts_numbers_arrays_series_and_quantities(value):
    assert np.all(magnitude(value, "t", "amount") == pytest.approx(2.0))


def test_magnitude_rejects_wrong_dimension_naming_argument():
    with pytest.raises(UnitError, match="amount"):
        magnitude(gc.Q_(3, "kWh"), "t", "amount")


@pytest.mark.parametrize("bad", [np.nan, [1.0, np.inf], "abc", object()])
def test_magnitude_rejects_non_finite_or_non_numeric(bad):
    with pytest.raises(InputError, match="amount"):
        magnitude(bad, "t", "amount")


def test_temperature_below_absolute_zero():
    with pytest.raises(OutOfRangeError, match="t_flue"):
        temperature(-300, "degC", "t_flue")
    assert temperature(gc.Q_(212, "degF"), "degC", "t") == pytest.approx(100)


def test_check_range_does_not_clamp():
    arr = np.array([0.2, 0.5])
    assert check_range(arr, "eff", low=0, high=1) is not None
    with pytest.raises(OutOfRangeError, match="eff"):
        check_range([1.2], "eff", low=0, high=1)
    with pytest.raises(OutOfRangeError, match="eff"):
        check_range([0.0], "eff", low=0, low_inclusive=False)


def test_unit_of_bad_unit():
    with pytest.raises(UnitError):
        unit_of("furlongs_per_fortnightx")


@pytest.mark.parametrize(
    ("value", "kwargs", "ok"),
    [
        (0.0, {}, False),  # default (0, 1]: efficiencies
        (1.0, {}, True),
        (0.0, {"low_inclusive": True}, True),  # shares, losses, effectiveness
        (1.0, {"low_inclusive": True, "high_inclusive": False}, False),  # blowdown, flash loss
        (0.999, {"low_inclusive": True, "high_inclusive": False}, True),
        (gc.Q_(85, "percent"), {}, True),
        (1.2, {"low_inclusive": True}, False),
        (-0.1, {"low_inclusive": True}, False),
    ],
)
def test_fraction_interval_and_no_clamping(value, kwargs, ok):
    if ok:
        assert fraction(value, "eta", **kwargs) == pytest.approx(gc.Q_(value, "").m_as(""))
    else:
        with pytest.raises(OutOfRangeError, match="eta") as exc:
            fraction(value, "eta", **kwargs)
        assert "percent" in str(exc.value)


def test_fraction_interval_is_named_in_the_message():
    with pytest.raises(OutOfRangeError, match=r"\[0, 1\)"):
        fraction(1.0, "flash_loss", low_inclusive=True, high_inclusive=False)
    with pytest.raises(OutOfRangeError, match=r"\(0, 1\]"):
        fraction(0.0, "efficiency")
    with pytest.raises(UnitError, match="efficiency"):
        fraction(gc.Q_(1, "kg"), "efficiency")


def test_nonnegative_converts_and_does_not_clamp():
    assert nonnegative(gc.Q_(2, "t/h"), "kg/h", "flow") == pytest.approx(2000.0)
    assert np.all(nonnegative([0.0, 3.0], "h", "hours") == [0.0, 3.0])
    with pytest.raises(OutOfRangeError, match="hours"):
        nonnegative(-1, "h", "hours")
    with pytest.raises(UnitError, match="flow"):
        nonnegative(gc.Q_(2, "kW"), "kg/h", "flow")


def test_quantity_like_covers_what_the_boundary_accepts():
    members = set(typing.get_args(QuantityLike))
    assert {pint.Quantity, float, int, np.ndarray, str} <= members


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("750 万kWh", "MWh", 7500.0),
        ("2,300 万千瓦时", "MWh", 23000.0),
        ("100 度", "kWh", 100.0),
        ("75 万m³", "m^3", 750000.0),
        ("75万m^3", "m^3", 750000.0),
        ("75 万 m3", "m^3", 750000.0),
        ("1.2 万Nm³", "Nm3", 12000.0),
        ("7,500,000 Nm³", "m^3", 7.5e6),
        ("7,500,000 m3", "m^3", 7.5e6),
        ("4000 m²", "m^2", 4000.0),
        ("4.2 元/m3", "CNY/m^3", 4.2),
        ("54000 万元", "CNY", 5.4e8),
        ("1.5 亿元", "CNY", 1.5e8),
        ("15500 吨标煤", "tce", 15500.0),
        ("1 吨标准煤", "kgce", 1000.0),
        ("1291 kgce/t", "tce/t", 1.291),
        ("40 吨", "t", 40.0),
        ("3 千克", "kg", 3.0),
        ("160 ℃", "degC", 160.0),
        ("８％", "", 0.08),
        ("1.2 万吨标煤", "tce", 12000.0),
    ],
)
def test_units_as_people_write_them(text, unit, expected):
    assert gc.units.parse_quantity(text).m_as(unit) == pytest.approx(expected)


def test_nm3_with_superscript_is_normal_cubic_metres_not_newton_metres():
    q = gc.units.parse_quantity("10 Nm³")
    assert q.check("[length]**3") and q.m_as("Nm3") == pytest.approx(10)


def test_normalise_unit_text_leaves_other_units_alone():
    norm = gc.units.normalise_unit_text
    assert norm("2.5 tCO2e/MWh") == "2.5 tCO2e/MWh"
    assert norm("0.5 kgCO2/kg") == "0.5 kgCO2/kg"
    assert norm("3 kg/m3") == "3 kg/m^3"
    assert norm("1,5") == "1,5"  # a decimal comma is not a thousands separator


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("8%", 0.08),
        ("8 %", 0.08),
        (0.08, 0.08),
        (1, 1),
        ("0.5", 0.5),
        (gc.Q_(45, "percent"), 0.45),
        (None, None),
    ],
)
def test_read_rate(value, expected):
    assert gc.units.read_rate(value, "discount_rate") == expected


@pytest.mark.parametrize("value", [8, 8.0, "8", 12.5])
def test_rate_above_one_is_refused_with_a_hint(value):
    with pytest.raises(OutOfRangeError, match=r"discount_rate: .* did you mean .* %\?"):
        gc.units.read_rate(value, "discount_rate")


def test_rate_with_a_unit_is_refused():
    with pytest.raises(UnitError, match="fraction or a percentage"):
        gc.units.read_rate("8 kg", "discount_rate")
