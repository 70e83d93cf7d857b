"""US DOE MEASUR's process-heating (PHAST) test vectors, reproduced by greenchain.

Source: ORNL-AMO/AMO-Tools-Suite, commit 15208321994df88e18db1180d67e061406d85172
(2024-10-11), ``tests/cpp/*.unit.cpp`` (Catch v1.9.4) and
``tests/wasm/phast/wasm-phast-test.js``. Every fixture is named after MEASUR's file
(``amo_<file>_unit_cpp`` or ``amo_wasm_phast_<function>``); expected values are copied
verbatim from the tests, never adjusted, and compared with MEASUR's own tolerance:
Catch's ``Approx`` (``|a - b| < 100 FLT_EPSILON (1 + max(|a|, |b|))``) for C++, and
``testNumberValue`` (``|a - b| < 0.005``) for JS. MEASUR's imperial inputs go through
pint. The one PHAST vector greenchain does not reproduce (JS
``energyInputExhaustGasLosses``, a MEASUR-internal inconsistency) is asserted as a
difference with its diagnosis. The per-vector table is
``docs/processes/measur-process-heating.md``.
"""

from __future__ import annotations

import math
import warnings

import numpy as np
import pytest

from greenchain import Q_
from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes.combustion import (
    available_heat,
    efficiency_improvement,
    energy_equivalency_electric,
    energy_equivalency_fuel,
    excess_air_from_o2,
    gas_heating_value,
    gas_specific_gravity,
)
from greenchain.processes.flue_gas import (
    gas_available_heat,
    gas_excess_air_from_o2,
    gas_flue_o2,
)
from greenchain.processes.furnace_losses import (
    atmosphere_loss,
    circular_opening_view_factor,
    fixture_loss,
    gas_cooling_loss,
    leakage_loss,
    liquid_cooling_loss,
    rectangular_opening_view_factor,
    water_cooling_loss,
)
from greenchain.processes.kilns import opening_loss, wall_loss
from greenchain.processes.oxygen_enrichment import oxygen_enrichment
from greenchain.processes.solid_fuels import (
    solid_fuel_available_heat,
    solid_fuel_excess_air_from_o2,
    solid_fuel_flue_o2,
    solid_fuel_heating_value,
)

FLT_EPSILON = np.finfo(np.float32).eps


def catch_approx(actual: float, expected: float) -> bool:
    """Catch v1.9.4 ``Approx`` with its default epsilon, 100 * FLT_EPSILON."""
    return abs(actual - expected) < 100 * FLT_EPSILON * (1 + max(abs(actual), abs(expected)))


def js_value(actual: float, expected: float) -> bool:
    """MEASUR's JS ``testNumberValue``: absolute difference below 0.005."""
    return abs(actual - expected) < 0.005


def F(value: float) -> Q_:
    return Q_(value, "degF")


def P(value: float) -> Q_:
    return Q_(value, "percent")


def BTU_H(q) -> float:
    return float(q.m_as("Btu/h"))


# ============================================================================ furnace losses
@pytest.fixture
def amo_fixture_losses_unit_cpp():
    """FixtureLosses.unit.cpp "Calculate Heat Loss for Fixture Losses" and js fixtureLosses:
    FixtureLosses(specificHeat 0.122, feedRate 1250, initial 300, final 1800, correction 1.0)."""
    return dict(cp=0.122, feed=1250.0, t0=300.0, t1=1800.0, k=1.0, cpp=228750.0, js=228750.0)


def test_amo_fixture_losses(amo_fixture_losses_unit_cpp):
    c = amo_fixture_losses_unit_cpp
    q = BTU_H(
        fixture_loss(
            Q_(c["feed"], "lb/h"), Q_(c["cp"], "Btu/lb/delta_degF"), F(c["t0"]), F(c["t1"]), c["k"]
        )
    )
    assert catch_approx(q, c["cpp"])
    assert js_value(q, c["js"])


@pytest.fixture
def amo_leakage_losses_unit_cpp():
    """LeakageLosses.unit.cpp "Calculate Heat Loss for gas leakage" and js leakageLosses:
    LeakageLosses(draft 0.1 inWC, area 3 ft2, gas 1600 F, ambient 80 F, coefficient 0.8052,
    specific gravity 1.02, correction 1.0)."""
    return dict(cpp=2850767.0, js=2850767.216228273)


def test_amo_leakage_losses(amo_leakage_losses_unit_cpp):
    q = BTU_H(
        leakage_loss(
            Q_(3.0, "ft^2"),
            Q_(0.1, "inH2O"),
            F(1600.0),
            F(80.0),
            discharge_coefficient=0.8052,
            specific_gravity=1.02,
            correction_factor=1.0,
        )
    )
    assert catch_approx(q, amo_leakage_losses_unit_cpp["cpp"])
    assert js_value(q, amo_leakage_losses_unit_cpp["js"])


@pytest.fixture
def amo_atmosphere_unit_cpp():
    """Atmosphere.unit.cpp "Calculate Total Heat for Atmospheric Gas" and js atmosphere:
    Atmosphere(inlet 100 F, outlet 1400 F, flow 1200 scfh, correction 1.0, cp 0.02 Btu/(scf F))."""
    return dict(cpp=31200.0, js=31200.0)


def test_amo_atmosphere(amo_atmosphere_unit_cpp):
    q = BTU_H(
        atmosphere_loss(
            Q_(1200.0, "scf/h"), Q_(0.02, "Btu/scf/delta_degF"), F(100.0), F(1400.0), 1.0
        )
    )
    assert catch_approx(q, amo_atmosphere_unit_cpp["cpp"])
    assert js_value(q, amo_atmosphere_unit_cpp["js"])


@pytest.fixture
def amo_gas_cooling_losses_unit_cpp():
    """GasCoolingLosses.unit.cpp "Calculate Heat Loss for gas cooling Losses Air" (two calls)
    and js gasCoolingLosses (the same two): (flow scfm, initial F, final F, cp 0.02,
    correction 1.0, gas density 1) -> Btu/h."""
    return [
        dict(flow=2500.0, t0=80.0, t1=280.0, expected=600000.0),
        dict(flow=600.0, t0=80.0, t1=350.0, expected=194400.0),
    ]


def test_amo_gas_cooling_losses(amo_gas_cooling_losses_unit_cpp):
    for c in amo_gas_cooling_losses_unit_cpp:
        q = BTU_H(
            gas_cooling_loss(
                Q_(c["flow"], "scf/min"),
                F(c["t0"]),
                F(c["t1"]),
                specific_heat=Q_(0.02, "Btu/lb/delta_degF"),
                density=Q_(1.0, "lb/ft^3"),
                correction_factor=1.0,
            )
        )
        assert catch_approx(q, c["expected"])  # C++
        assert js_value(q, c["expected"])  # js, same call and value


@pytest.fixture
def amo_liquid_cooling_losses_unit_cpp():
    """LiquidCoolingLosses.unit.cpp "... ethylene glycon" and js liquidCoolingLosses:
    (flow 100 gpm, density 9.35 lb/gal, initial 80 F, outlet 210 F, cp 0.52, correction 1.0)."""
    return dict(cpp=3792360.0, js=3792360.0)


def test_amo_liquid_cooling_losses(amo_liquid_cooling_losses_unit_cpp):
    q = BTU_H(
        liquid_cooling_loss(
            Q_(100.0, "gal/min"),
            F(80.0),
            F(210.0),
            specific_heat=Q_(0.52, "Btu/lb/delta_degF"),
            density=Q_(9.35, "lb/gal"),
            correction_factor=1.0,
        )
    )
    assert catch_approx(q, amo_liquid_cooling_losses_unit_cpp["cpp"])
    assert js_value(q, amo_liquid_cooling_losses_unit_cpp["js"])


@pytest.fixture
def amo_water_cooling_losses_unit_cpp():
    """WaterCoolingLosses.unit.cpp "... Losses Water" and js waterCoolingLosses:
    (flow 100 gpm, initial 80 F, outlet 120 F, correction 1.0)."""
    return dict(cpp=1989032.0, js=1989032.7936134234)


def test_amo_water_cooling_losses(amo_water_cooling_losses_unit_cpp):
    c = amo_water_cooling_losses_unit_cpp
    q = BTU_H(water_cooling_loss(Q_(100.0, "gal/min"), F(80.0), F(120.0), 1.0))
    assert catch_approx(q, c["cpp"])
    # js: documented convention. MEASUR converts kg/m3 to lb/gal with the rounded 0.0083454
    # (exact 0.00834540445); greenchain converts exactly, 5.3e-7 higher, which the js absolute
    # 0.005 on 2e6 Btu/h catches. With MEASUR's rounded factor the js value is reproduced:
    exact = Q_(1, "kg/m^3").m_as("lb/gal")
    assert not js_value(q, c["js"])
    assert js_value(q * 0.0083454 / exact, c["js"])


@pytest.fixture
def amo_wall_losses_unit_cpp():
    """WallLosses.unit.cpp "Calculate Heat Loss for furnace walls" and js wallLosses:
    (area 500 ft2, ambient 80 F, surface 225 F, wind 10 mph, emissivity 0.9,
    condition factor 1.394, correction 1.0)."""
    return dict(cpp=404627.551342992, js=404627.551342992)


def test_amo_wall_losses(amo_wall_losses_unit_cpp):
    q = BTU_H(
        wall_loss(
            Q_(500.0, "ft^2"),
            F(225.0),
            F(80.0),
            wind_speed=Q_(10.0, "mph"),
            emissivity=0.9,
            condition_factor=1.394,
            correction_factor=1.0,
        )
    )
    assert catch_approx(q, amo_wall_losses_unit_cpp["cpp"])
    assert js_value(q, amo_wall_losses_unit_cpp["js"])


@pytest.fixture
def amo_opening_losses_unit_cpp():
    """OpeningLosses.unit.cpp "Calculate Heat Loss for opening Losses" (circular,
    quadrilateral) and js openingLossesCircular / openingLossesQuad."""
    return [
        dict(
            area=Q_(math.pi / 4 * 12.0**2, "in^2"), vf=0.70, open=100.0, expected=16038.269976979091
        ),
        dict(area=Q_(48.0 * 15.0, "in^2"), vf=0.64, open=20.0, expected=18670.2258869289),
    ]


def test_amo_opening_losses(amo_opening_losses_unit_cpp):
    js = [16038.269976979091, 18670.22588692891]
    for c, expected_js in zip(amo_opening_losses_unit_cpp, js, strict=True):
        q = BTU_H(
            opening_loss(
                c["area"],
                F(1600.0),
                F(75.0),
                view_factor=c["vf"],
                emissivity=0.95,
                open_fraction=P(c["open"]),
            )
        )
        assert catch_approx(q, c["expected"])
        assert js_value(q, expected_js)


@pytest.fixture
def amo_opening_losses_view_factor_unit_cpp():
    """OpeningLosses.unit.cpp "Calculate viewFactor for Opening Losses": calculateViewFactor
    (thickness, diameter) and (thickness, length, height), inches."""
    circular = [
        (3, 5, 0.624519890259),
        (1, 5, 0.83499999996),
        (0, 5, 0.86),
        (10, 5, 0.35084375),
        (50, 5, 0.098254464286),
        (50, 9, 0.160395178571),
        (50, 19, 0.289271964286),
    ]
    rectangular = [
        (5, 5, 10, 0.60),
        (5, 10, 5, 0.60),
        (1, 10, 5, 0.88),
        (2, 10, 5, 0.786933593749),
        (27, 50, 55, 0.678646418065),
        (0.5, 3, 4, 0.876666666245),
        (14.05, 3, 3, 0.2044991347),
    ]
    return circular, rectangular


def test_amo_opening_view_factors(amo_opening_losses_view_factor_unit_cpp):
    circular, rectangular = amo_opening_losses_view_factor_unit_cpp
    inch = "in"
    for t, d, expected in circular:
        vf = float(circular_opening_view_factor(Q_(d, inch), Q_(t, inch)))
        assert catch_approx(vf, expected), (t, d)
    for t, length, height, expected in rectangular:
        vf = float(rectangular_opening_view_factor(Q_(length, inch), Q_(height, inch), Q_(t, inch)))
        assert catch_approx(vf, expected), (t, length, height)


@pytest.fixture
def amo_wasm_phast_view_factor_calculation():
    """wasm-phast-test.js viewFactorCalculation: circular (3, 5) and quad (2, 10, 5)."""
    return dict(circular=0.624519890259, quad=0.786933593749)


def test_amo_wasm_view_factor_calculation(amo_wasm_phast_view_factor_calculation):
    c = amo_wasm_phast_view_factor_calculation
    assert js_value(float(circular_opening_view_factor(Q_(5, "in"), Q_(3, "in"))), c["circular"])
    vf = float(rectangular_opening_view_factor(Q_(10, "in"), Q_(5, "in"), Q_(2, "in")))
    assert js_value(vf, c["quad"])


# ============================================================================ fuel gas
UNIT_TEST_GAS = dict(
    CH4=94.1,
    C2H6=2.4,
    N2=1.41,
    H2=0.03,
    C3H8=0.49,
    C4H10=0.29,
    H2O=0,
    CO=0.42,
    CO2=0.71,
    SO2=0,
    O2=0,
)


def _gas(percent: dict) -> dict:
    return {k: P(v) for k, v in percent.items()}


@pytest.fixture
def amo_gas_flue_gas_material_unit_cpp():
    """GasFlueGasMaterial.unit.cpp "Calculate Heat Loss for flue gas Losses": the "unit test
    gas" (94.1 % CH4 ..., sums to 99.85 %) excess air, O2 and available heat calls."""
    return dict(
        excess_air=[(0.005, 0.0231722095), (0.03, 0.1552234415), (0.07, 0.4519750365)],
        o2=[(0.0231722, 0.0049367284), (0.1552234, 0.0294793974), (0.451975, 0.0690024841)],
        available_heat=[
            (0.0231722095, 0.7831351536),
            (0.1552234415, 0.5615301965),
            (0.09, 0.7264072116),
        ],
    )


def test_amo_gas_flue_gas_excess_air_o2_available_heat(amo_gas_flue_gas_material_unit_cpp):
    c = amo_gas_flue_gas_material_unit_cpp
    gas = _gas(UNIT_TEST_GAS)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # 99.85 % rescaled, as MEASUR does
        for o2, expected in c["excess_air"]:
            assert catch_approx(float(gas_excess_air_from_o2(gas, o2, method="measur")), expected)
        for ea, expected in c["o2"]:
            assert catch_approx(float(gas_flue_o2(gas, ea)), expected)
        for o2, expected in c["available_heat"]:
            # getProcessHeatProperties(700, o2, 125, 125, 60, 0): flue O2 given
            r = gas_available_heat(
                gas,
                F(700),
                flue_o2=o2,
                combustion_air_temperature=F(125),
                fuel_temperature=F(125),
                ambient_temperature=F(60),
                method="measur",
            )
            assert catch_approx(float(r.available_heat), expected)


@pytest.fixture
def amo_wasm_phast_flue_gas_by_volume():
    """wasm-phast-test.js flueGasCalculateExcessAir, flueGasCalculateO2 (percent in and out)
    and flueGasLossesByVolume (excess air 0.09 given)."""
    return dict(
        excess_air=[(0.5, 2.3172209488353976), (3, 15.52234414568954), (7, 45.197503654937584)],
        o2=[
            (2.3172, 0.49366866893805417),
            (15.5223, 2.947933114396894),
            (45.197, 6.900194873506535),
        ],
        losses_by_volume=0.785877,
    )


def test_amo_wasm_flue_gas_by_volume(amo_wasm_phast_flue_gas_by_volume):
    c = amo_wasm_phast_flue_gas_by_volume
    gas = _gas(UNIT_TEST_GAS)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        for o2, expected in c["excess_air"]:
            ea = gas_excess_air_from_o2(gas, P(o2), method="measur").m_as("percent")
            assert js_value(float(ea), expected)
        for ea, expected in c["o2"]:
            assert js_value(float(gas_flue_o2(gas, P(ea)).m_as("percent")), expected)
        r = gas_available_heat(
            gas,
            F(700),
            excess_air=0.09,
            combustion_air_temperature=F(125),
            fuel_temperature=F(125),
            ambient_temperature=F(60),
        )
        assert js_value(float(r.available_heat), c["losses_by_volume"])


@pytest.fixture
def amo_gas_flue_gas_material_heating_values_unit_cpp():
    """GasFlueGasMaterial.unit.cpp heating value (Btu/lb), heating value by volume (Btu/scf)
    and specific gravity of nine gases; the ninth-gas row is js
    flueGasByVolumeCalculateHeatingValue."""
    return {
        "Typical Natural Gas - US": (
            (87, 8.5, 3.6, 0.4, 0, 0, 0, 0, 0.4, 0, 0.1),
            22030.67089880065,
            1032.445,
            0.6571206283343215,
        ),
        "Coke Oven Gas": (
            (33.9, 5.2, 3.7, 47.9, 0, 0, 0, 6.1, 2.6, 0, 0.6),
            19185.932389233436,
            610.52,
            0.44638781861292243,
        ),
        "Blast Furnace Gas": (
            (0.1, 0, 56.4, 2.4, 0, 0, 3.4, 23.3, 14.4, 0, 0),
            1080.6848266529887,
            83.605,
            1.0870540901007706,
        ),
        "Hydrogen": ((0, 0, 0, 100, 0, 0, 0, 0, 0, 0, 0), 61095.0, 325, 0.0746887967),
        "unnamed 94.1 CH4": (
            (94.1, 2.4, 1.41, 0.03, 0.49, 0.29, 0, 0.42, 0.71, 0, 0),
            22630.345,
            1019.6648,
            0.631782959,
        ),
        "unnamed 93.9 CH4": (
            (93.9, 4.2, 1.0, 0, 0.3, 0.06, 0, 0, 0.5, 0, 0.01),
            23030.1592092352,
            1034.57,
            0.6298888036,
        ),
        "pure CH4": ((100, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 23875, 1012, 0.5943242442),
        "unnamed 45/45": ((45, 45, 1, 1, 3, 2, 0, 1, 0, 0, 2), 21684.26, 1400.8, 0.9060143746),
        "unnamed 10/55": (
            (10, 55, 1, 10, 16, 2, 0, 1, 3, 0, 2),
            20585.7766384286,
            1581.14,
            1.0774007113,
        ),
    }


GAS_ORDER = ("CH4", "C2H6", "N2", "H2", "C3H8", "C4H10", "H2O", "CO", "CO2", "SO2", "O2")


def test_amo_gas_heating_values(amo_gas_flue_gas_material_heating_values_unit_cpp):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        for name, (
            values,
            hv,
            hv_volume,
            sg,
        ) in amo_gas_flue_gas_material_heating_values_unit_cpp.items():
            gas = {k: P(v) for k, v in zip(GAS_ORDER, values, strict=True)}
            result = gas_heating_value(gas)
            assert catch_approx(result.per_mass.m_as("Btu/lb"), hv), name
            assert catch_approx(result.per_standard_volume.m_as("Btu/scf"), hv_volume), name
            assert catch_approx(float(gas_specific_gravity(gas)), sg), name
    # js flueGasByVolumeCalculateHeatingValue: the same 99.85 % gas
    with pytest.warns(UserWarning, match="0.9985"):
        js = gas_heating_value(_gas(UNIT_TEST_GAS))
    assert js_value(js.per_mass.m_as("Btu/lb"), 22630.355481)
    assert js_value(js.per_standard_volume.m_as("Btu/scf"), 1019.664897)
    with pytest.warns(UserWarning, match="rescaled"):
        sg = gas_specific_gravity(_gas(UNIT_TEST_GAS))
    assert js_value(float(sg), 0.631783)


def test_composition_beyond_two_percent_is_an_error():
    with pytest.raises(InputError, match="composition"):
        gas_heating_value({"CH4": 0.95, "C2H6": 0.02})  # sums to 0.97
    with pytest.raises(InputError, match="ultimate_analysis"):
        solid_fuel_heating_value({"carbon": 0.70, "hydrogen": 0.05})


# ============================================================================ solid fuels
ODD_ANALYSIS = dict(
    carbon=1.0, hydrogen=75.0, sulphur=5.0, ash=1.0, oxygen=9.0, moisture=7.0, nitrogen=0.0
)
COAL = dict(carbon=75.0, hydrogen=5.0, sulphur=1.0, ash=9.0, oxygen=7.0, moisture=0.0, nitrogen=1.5)


@pytest.fixture
def amo_solid_liquid_flue_gas_material_unit_cpp():
    """SolidLiquidFlueGasMaterial.unit.cpp "Calculate SolidLiquidFlueGasMaterial Heat Loss":
    MEASUR's argument order (carbon 1, hydrogen 75, sulphur 5, ash 1, O2 9, moisture 7,
    nitrogen 0, air moisture 1.5 %) for excess air and flue O2; the coal (75/5/1/9/7/0/1.5,
    flue 700 F, air 125 F, fuel 70 F, air moisture 1 %, ash 100, unburned carbon 1.5 %) for
    getHeatLoss (the available heat)."""
    return dict(
        excess_air=[(0.005, 0.0229427817), (0.03, 0.1536865757), (0.07, 0.4475000362)],
        o2=[
            (0.0229427817, 0.0049370451),
            (0.1536865757, 0.0294401415),
            (0.4475000362, 0.0687560661),
        ],
        heat=[
            (2.29427817, 0.8297708724),
            (15.36865757, 0.8151987637),
            (44.75000362, 0.7824331922),
            (9.0, 0.8223),
        ],
    )


def _coal_available_heat(ea_percent: float) -> float:
    return float(
        solid_fuel_available_heat(
            {k: P(v) for k, v in COAL.items()},
            F(700),
            P(ea_percent),
            combustion_air_temperature=F(125),
            fuel_temperature=F(70),
            ambient_temperature=F(60),
            # MEASUR reads the ash discharge temperature in degC (1.8 T + 32): convention
            ash_discharge_temperature=Q_(100, "degC"),
            unburned_carbon_in_ash=P(1.5),
            combustion_air_moisture=P(1.0),
        )
    )


def test_amo_solid_liquid_flue_gas_material(amo_solid_liquid_flue_gas_material_unit_cpp):
    c = amo_solid_liquid_flue_gas_material_unit_cpp
    odd = {k: P(v) for k, v in ODD_ANALYSIS.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # 98 % and 98.5 % rescaled
        for o2, expected in c["excess_air"]:
            ea = solid_fuel_excess_air_from_o2(
                odd, o2, combustion_air_moisture=P(1.5), method="measur"
            )
            assert catch_approx(float(ea), expected)
        for ea, expected in c["o2"]:
            assert catch_approx(
                float(solid_fuel_flue_o2(odd, ea, combustion_air_moisture=P(1.5))), expected
            )
        for ea, expected in c["heat"]:
            assert catch_approx(_coal_available_heat(ea), expected)


@pytest.fixture
def amo_wasm_phast_flue_gas_by_mass():
    """wasm-phast-test.js flueGasLossesByMass, flueGasByMassCalculateHeatingValue,
    flueGasByMassCalculateO2 and flueGasByMassCalculateExcessAir (percent in and out)."""
    return dict(
        losses_by_mass=0.8222977480707968,
        heating_value=13877.969543,
        o2=[
            (2.29427817, 0.49370451442164515),
            (15.36865757, 2.9440141519451095),
            (44.75000362, 6.875606606194022),
        ],
        excess_air=[(0.5, 2.29427816716376), (3.0, 15.368657569989644), (7.0, 44.75000361875009)],
    )


def test_amo_wasm_flue_gas_by_mass(amo_wasm_phast_flue_gas_by_mass):
    c = amo_wasm_phast_flue_gas_by_mass
    odd = {k: P(v) for k, v in ODD_ANALYSIS.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        assert js_value(_coal_available_heat(9.0), c["losses_by_mass"])
        hv = solid_fuel_heating_value({k: P(v) for k, v in COAL.items()})
        assert js_value(hv.m_as("Btu/lb"), c["heating_value"])
        for ea, expected in c["o2"]:
            o2 = solid_fuel_flue_o2(odd, P(ea), combustion_air_moisture=P(1.5)).m_as("percent")
            assert js_value(float(o2), expected)
        for o2, expected in c["excess_air"]:
            ea = solid_fuel_excess_air_from_o2(
                odd, P(o2), combustion_air_moisture=P(1.5), method="measur"
            )
            assert js_value(float(ea.m_as("percent")), expected)


def test_exact_excess_air_inverts_flue_o2():
    gas = {"CH4": 0.9, "C2H6": 0.05, "N2": 0.05}
    ea = gas_excess_air_from_o2(gas, 0.03)
    assert float(gas_flue_o2(gas, ea)) == pytest.approx(0.03, rel=1e-12)
    coal = {k: v / 98.5 for k, v in COAL.items()}
    ea = solid_fuel_excess_air_from_o2(coal, 0.04, combustion_air_moisture=0.01)
    assert float(solid_fuel_flue_o2(coal, ea, combustion_air_moisture=0.01)) == pytest.approx(0.04)
    # MEASUR's 1 % search stops within 2 % of the reading
    measur = gas_excess_air_from_o2(gas, 0.03, method="measur")
    assert abs(float(gas_flue_o2(gas, measur)) - 0.03) / 0.03 < 0.02
    with pytest.raises(InputError, match="method"):
        gas_excess_air_from_o2(gas, 0.03, method="newton")  # type: ignore[arg-type]
    with pytest.raises(OutOfRangeError, match="flue_o2"):
        gas_excess_air_from_o2(gas, 0.22)


# ============================================================================ PHAST correlation
@pytest.fixture
def amo_energy_input_exhaust_gas_losses_unit_cpp():
    """EnergyInputExhaustGasLosses.unit.cpp "Calculate the Heat Delivered to Furnace":
    (excess air 65 %, combustion air 300 F, exhaust 550 F, input 5e6 Btu/h)."""
    return dict(available_heat=82.727942398, delivered=4136397.1199, losses=863602.8800999995)


def test_amo_energy_input_exhaust_gas_losses(amo_energy_input_exhaust_gas_losses_unit_cpp):
    c = amo_energy_input_exhaust_gas_losses_unit_cpp
    ah = float(available_heat(F(550), P(65), F(300)))
    assert catch_approx(ah * 100, c["available_heat"])
    assert catch_approx(ah * 5e6, c["delivered"])
    assert catch_approx((1 - ah) * 5e6, c["losses"])


def test_amo_wasm_energy_input_exhaust_gas_losses_differs_by_measurs_two_constants():
    """js energyInputExhaustGasLosses: a MEASUR-internal inconsistency, not reproduced.

    EnergyInputExhaustGasLosses.h uses -1.078913827 in the excess-air term where
    EfficiencyImprovement.cpp and O2Enrichment.cpp use -1.07891327 (greenchain follows
    those). The C++ Approx passes either way; the js absolute 0.005 on 5e6 Btu/h does not.
    """
    heat_delivered, losses, ah_js = 4136397.1199000007, 863602.8800999995, 82.727942
    ah = float(available_heat(F(550), P(65), F(300)))
    assert js_value(ah * 100, ah_js)
    assert not js_value(ah * 5e6, heat_delivered)
    # MEASUR's EIEGL constant restores both: the excess-air term -(C + c Tf) EA grows by
    # (1.078913827 - 1.07891327) * EA percentage points of the HHV.
    shifted = ah + (1.078913827 - 1.07891327) * 0.65 / 100
    assert js_value(shifted * 5e6, heat_delivered)
    assert js_value((1 - shifted) * 5e6, losses)


@pytest.fixture
def amo_efficiency_improvement_unit_cpp():
    """EfficiencyImprovement.unit.cpp, six TEST_CASEs on EfficiencyImprovement(6, 2, 1600,
    1200, 80, 750, 10), and js efficiencyImprovement (the same inputs)."""
    return dict(
        cpp=dict(
            current_excess_air=35.80,
            new_excess_air=9.4210532075,
            current_available_heat=45.5508888775,
            new_available_heat=77.8931185299,
            fuel_savings=41.5212925902,
            new_input=5.847870741,
        ),
        js=dict(
            current_excess_air=35.80000271600005,
            new_excess_air=9.421053207479227,
            current_available_heat=45.550889,
            new_available_heat=77.893119,
            fuel_savings=41.521293,
            new_input=5.847870740975683,
        ),
    )


def test_amo_efficiency_improvement(amo_efficiency_improvement_unit_cpp):
    r = efficiency_improvement(P(6), P(2), F(1600), F(1200), F(80), F(750), 10)
    got = dict(
        current_excess_air=r.current_excess_air.m_as("percent"),
        new_excess_air=r.new_excess_air.m_as("percent"),
        current_available_heat=r.current_available_heat.m_as("percent"),
        new_available_heat=r.new_available_heat.m_as("percent"),
        fuel_savings=r.fuel_savings.m_as("percent"),
        new_input=r.new_input.m_as("kW"),
    )
    for key, expected in amo_efficiency_improvement_unit_cpp["cpp"].items():
        assert catch_approx(float(got[key]), expected), key
    for key, expected in amo_efficiency_improvement_unit_cpp["js"].items():
        assert js_value(float(got[key]), expected), key


@pytest.fixture
def amo_energy_equivalency_unit_cpp():
    """EnergyEquivalency.unit.cpp (two TEST_CASEs) and js energyEquivalencyElectric /
    energyEquivalencyFuel, MEASUR's 3413 Btu/kWh (convention="measur")."""
    return dict(
        electric=(3371.2686785819, 3371.268678581893), fuel=(2.1213910017, 2.121391001697793)
    )


def test_amo_energy_equivalency(amo_energy_equivalency_unit_cpp):
    c = amo_energy_equivalency_unit_cpp
    kw = energy_equivalency_electric(Q_(87.3e6, "Btu/h"), P(6.59), P(50), convention="measur").m_as(
        "kW"
    )
    assert catch_approx(float(kw), c["electric"][0])
    assert js_value(float(kw), c["electric"][1])
    mmbtu = (
        energy_equivalency_fuel(Q_(700, "kW"), P(52.3), P(58.9), convention="measur").m_as("Btu/h")
        / 1e6
    )
    assert catch_approx(float(mmbtu), c["fuel"][0])
    assert js_value(float(mmbtu), c["fuel"][1])


# ============================================================================ O2 enrichment
@pytest.fixture
def amo_o2_enrichment_unit_cpp():
    """O2Enrichment.unit.cpp, four TEST_CASEs: O2Enrichment(o2 air %, o2 enriched %, flue F,
    flue enriched F, flue O2 %, flue O2 enriched %, air F, air enriched F, fuel) ->
    (available heat %, enriched %, fuel savings %, enriched fuel)."""
    return [
        (
            (21, 100, 1800, 1900, 5, 1, 900, 80, 10),
            (61.97, 74.2210855231, 16.5058213035, 8.3494178697),
        ),
        (
            (21, 100, 2200, 2300, 5, 1, 900, 80, 10),
            (49.7183629149, 69.9474376972, 28.9203942964, 7.1079605704),
        ),
        (
            (21, 100, 2200, 2300, 8, 3, 900, 80, 10),
            (42.6248055296, 65.7672982588, 35.1884497948, 6.4811550205),
        ),
        (
            (21, 100, 2200, 2300, 8, 3, 1100, 110, 10),
            (49.1204784776, 66.3723712295, 25.9925816002, 7.40074184),
        ),
    ]


@pytest.fixture
def amo_wasm_phast_o2_enrichment():
    """wasm-phast-test.js o2Enrichment, the same four input sets."""
    return [
        (61.97028577716948, 74.2210855230995, 16.505821303458657, 8.349417869654134),
        (49.7183629149, 69.9474376972, 28.9203942964, 7.1079605704),
        (42.6248055296, 65.7672982588, 35.1884497948, 6.4811550205),
        (49.1204784776, 66.3723712295, 25.9925816002, 7.40074184),
    ]


def test_amo_o2_enrichment(amo_o2_enrichment_unit_cpp, amo_wasm_phast_o2_enrichment):
    for (args, expected), expected_js in zip(
        amo_o2_enrichment_unit_cpp, amo_wasm_phast_o2_enrichment, strict=True
    ):
        o2, o2e, tf, tfe, fo2, fo2e, ta, tae, fuel = args
        r = oxygen_enrichment(
            P(o2),
            P(o2e),
            flue_temperature=F(tf),
            flue_temperature_enriched=F(tfe),
            flue_o2=P(fo2),
            flue_o2_enriched=P(fo2e),
            combustion_air_temperature=F(ta),
            combustion_air_temperature_enriched=F(tae),
            fuel_consumption=fuel,
        )
        got = (
            r.available_heat.m_as("percent"),
            r.available_heat_enriched.m_as("percent"),
            r.fuel_savings.m_as("percent"),
            r.fuel_consumption_enriched.m_as(""),
        )
        for g, e, j in zip(got, expected, expected_js, strict=True):
            assert catch_approx(float(g), e)
            assert js_value(float(g), j)
    # the plain 21 % available heat is PHAST's air correlation
    assert float(available_heat(F(1800), excess_air_from_o2(P(5)), F(900))) * 100 == pytest.approx(
        61.97028577716948, rel=1e-12
    )
