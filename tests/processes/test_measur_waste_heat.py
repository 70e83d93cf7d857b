"""US DOE MEASUR's waste-heat (process-heat recovery) test vectors.

Source: ORNL-AMO/AMO-Tools-Suite, commit 15208321994df88e18db1180d67e061406d85172,
``tests/cpp/ProcessHeat.unit.cpp`` (TEST_CASE "Estimate maximum air flow that can be
heated by using exhaust gas", one vector per calculator call) and
``tests/wasm/wasm-processHeat-test.js`` (``testNumberValue`` after ``rnd`` to 2 decimals
on both sides). Expected values are copied verbatim. Where MEASUR's formula is
defective, the test shows the defect against the formula instead of reproducing it;
``docs/processes/measur-process-heating.md`` lists every vector.
"""

from __future__ import annotations

import warnings

import numpy as np
import pytest

from greenchain import Q_
from greenchain.errors import OutOfRangeError
from greenchain.processes.combustion import gas_heating_value
from greenchain.processes.flue_gas import (
    gas_available_heat,
    gas_stoichiometric_air,
)
from greenchain.processes.heat_recovery import (
    air_heating_from_exhaust,
    cascade_heat,
    condensing_heat_recovery,
    feedwater_heating_from_flue,
    water_heating_with_steam,
)
from greenchain.processes.solid_fuels import solid_fuel_heating_value
from greenchain.processes.waste_heat import (
    absorption_chiller,
    hot_water_flow,
    recoverable_exhaust_heat,
)

FLT_EPSILON = np.finfo(np.float32).eps


def catch_approx(actual: float, expected: float) -> bool:
    """Catch v1.9.4 ``Approx`` with its default epsilon, 100 * FLT_EPSILON."""
    return abs(actual - expected) < 100 * FLT_EPSILON * (1 + max(abs(actual), abs(expected)))


def js_rnd(actual: float, expected: float) -> bool:
    """MEASUR's JS ``testNumberValue(rnd(a), rnd(b))``: both rounded to 2 decimals."""
    return abs(round(float(actual), 2) - round(float(expected), 2)) < 0.005


def P(value: float) -> Q_:
    return Q_(value, "percent")


def F(value: float) -> Q_:
    return Q_(value, "degF")


PROCESS_HEAT_GAS = dict(
    CH4=94.0,
    C2H6=2.07,
    N2=1.41,
    H2=0.01,
    C3H8=0.42,
    C4H10=0.28,
    H2O=0.0,
    CO=1.0,
    CO2=0.71,
    SO2=0,
    O2=0,
)


# ----------------------------------------------------------------------------- exhaust -> chiller
@pytest.fixture
def amo_process_heat_unit_cpp_water_heating_using_exhaust():
    """WaterHeatingUsingExhaust().calculate(0.69, 6000000, 0.7, 190, 170, 0.73, 0.88, 5) and
    js waterHeatingUsingExhaust (the same call and values)."""
    return dict(
        recovered_heat=1302000,
        hot_water_flow=7810.437912,
        tons_refrigeration=79.205,
        capacity_chiller=69.7004,
        electrical_energy=167280.96,
    )


def test_amo_water_heating_using_exhaust(amo_process_heat_unit_cpp_water_heating_using_exhaust):
    q = recoverable_exhaust_heat(Q_(6000000, "Btu/h"), 0.69, 0.7)
    water = hot_water_flow(q, Q_(190 - 170, "delta_degF"))
    chiller = absorption_chiller(q, 0.73, cop_electric=5, chiller_efficiency=0.88)
    got = dict(
        recovered_heat=q.m_as("Btu/h"),
        hot_water_flow=water.volume.m_as("gal/h"),
        tons_refrigeration=chiller.cooling.m_as("refrigeration_ton"),
        capacity_chiller=chiller.capacity.m_as("refrigeration_ton"),
        electrical_energy=chiller.displaced_electricity.m_as("Btu/h"),
    )
    for key, expected in amo_process_heat_unit_cpp_water_heating_using_exhaust.items():
        assert catch_approx(float(got[key]), expected), key
        assert js_rnd(float(got[key]), expected), key


# ----------------------------------------------------------------------------- steam -> water
@pytest.fixture
def amo_process_heat_unit_cpp_water_heating_using_steam():
    """WaterHeatingUsingSteam().calculate(steam MPa, steam kg/h, water in K, water out MPa,
    water m3/h, make-up K, make-up MPa, water-heater eff, boiler eff, hours), two calls; the
    js waterHeatingUsingSteam tests #1 and #2 repeat them (flowByPassSteam 0 in #1)."""
    return [
        (
            (0.1565, 340.2, 285.93, 0.5150, 2.7255, 285.93, 0.2048, 0.72, 0.8, 7000),
            dict(
                temp_water_out=352.304,
                bp_temp_water_out=426.1,
                enthalpy_steam_in=2695.04,
                enthalpy_steam_out=472.5,
                enthalpy_make_up_water=53.876,
                flow_by_pass_steam=0,
                energy_saved_dwh=7351062329.1926,
                energy_saved_boiler=1246124501.2457,
                water_saved=2381.4,
                heat_gain_rate=756109.2681,
            ),
        ),
        (
            (0.1703, 226.79, 285.93, 0.2737, 0.6814, 285.93, 0.2048, 0.7, 0.7, 8000),
            dict(
                temp_water_out=388.75,
                bp_temp_water_out=403.57,
                enthalpy_steam_in=2698.89,
                enthalpy_steam_out=483.41,
                enthalpy_make_up_water=53.876,
                flow_by_pass_steam=94.61,
                energy_saved_dwh=3346757808.4035,
                energy_saved_boiler=648872153.14,
                water_saved=1057.44,
                heat_gain_rate=292841.3082,
            ),
        ),
    ]


def test_amo_water_heating_using_steam(amo_process_heat_unit_cpp_water_heating_using_steam):
    for args, expected in amo_process_heat_unit_cpp_water_heating_using_steam:
        ps, ms, tin, pw, vw, tmu, pmu, eta_wh, eta_b, hours = args
        r = water_heating_with_steam(
            Q_(ps, "MPa"),
            Q_(ms, "kg/h"),
            Q_(tin, "K"),
            Q_(pw, "MPa"),
            Q_(vw, "m^3/h"),
            Q_(tmu, "K"),
            Q_(pmu, "MPa"),
            water_heater_efficiency=eta_wh,
            boiler_efficiency=eta_b,
            operating_hours=Q_(hours, "h"),
        )
        got = dict(
            temp_water_out=r.water_outlet_temperature.m_as("K"),
            bp_temp_water_out=r.water_boiling_temperature.m_as("K"),
            enthalpy_steam_in=r.steam_enthalpy.m_as("kJ/kg"),
            enthalpy_steam_out=r.condensate_enthalpy.m_as("kJ/kg"),
            enthalpy_make_up_water=r.makeup_water_enthalpy.m_as("kJ/kg"),
            flow_by_pass_steam=r.bypass_steam_flow.m_as("kg/h"),
            energy_saved_dwh=r.water_heater_energy_saved.m_as("kJ"),
            energy_saved_boiler=r.boiler_energy_saved.m_as("kJ"),
            water_saved=r.water_saved.m_as("m^3"),
            heat_gain_rate=r.heat_gain.m_as("kJ/h"),
        )
        for key, value in expected.items():
            if key != "flow_by_pass_steam" or value:  # the C++ test does not check a zero bypass
                assert catch_approx(float(got[key]), value), key
            assert js_rnd(float(got[key]), value), key


# ----------------------------------------------------------------------------- exhaust -> air
@pytest.fixture
def amo_process_heat_unit_cpp_air_heating_using_exhaust():
    """AirHeatingUsingExhaust(gas or coal).calculate(400 F, 0.358, 8 MMBtu/h, 4000 scfm, 45 F,
    0.85, 0.60, 4000 h), C++ and js (the same two calls)."""
    return dict(
        gas=dict(
            hx_cold_air=197829.27,
            hx_outlet_exhaust=187,
            energy_savings=930.96,
            heat_capacity_flue=928.78,
            heat_capacity_air=4464,
        ),
        coal=dict(
            hx_cold_air=15621.25,
            hx_outlet_exhaust=187,
            energy_savings=73.512,
            heat_capacity_flue=73.339,
            heat_capacity_air=4464,
        ),
    )


def _air_heating(heating_value, stoichiometric_air):
    return air_heating_from_exhaust(
        Q_(8e6, "Btu/h"),
        heating_value,
        stoichiometric_air,
        0.358,
        F(400),
        Q_(4000, "scf/min"),
        F(45),
        exhaust_heat_capacity=Q_(0.021, "Btu/scf/delta_degF"),
        air_heat_capacity=Q_(0.0186, "Btu/scf/delta_degF"),
        effectiveness=0.60,
        heater_efficiency=0.85,
    )


def test_amo_air_heating_using_exhaust_gas_differs_by_measurs_temperature_factor(
    amo_process_heat_unit_cpp_air_heating_using_exhaust,
):
    """MEASUR defect: AirHeatingUsingExhaust.cpp multiplies the exhaust's heat-capacity rate
    by T_flue[F]/1000. The parts without it agree; restoring the factor gives MEASUR's values."""
    expected = amo_process_heat_unit_cpp_air_heating_using_exhaust["gas"]
    gas = {k: P(v) for k, v in PROCESS_HEAT_GAS.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # sums to 99.9 %, rescaled
        r = _air_heating(gas_heating_value(gas).per_standard_volume, gas_stoichiometric_air(gas))
    c_air = r.air_heat_capacity_rate.m_as("Btu/h/delta_degF")
    c_flue = r.exhaust_heat_capacity_rate.m_as("Btu/h/delta_degF")
    assert catch_approx(float(c_air), expected["heat_capacity_air"])
    assert catch_approx(
        float(r.exhaust_outlet_temperature.m_as("degF")), expected["hx_outlet_exhaust"]
    )
    assert not catch_approx(float(c_flue), expected["heat_capacity_flue"])
    # MEASUR's formula: C_flue * T_flue / 1000, then Q = 0.6 min(C) (400 - 45), F = 4000 h Q / 0.85
    measur_c_flue = float(c_flue) * 400 / 1000
    assert catch_approx(measur_c_flue, expected["heat_capacity_flue"])
    measur_q = 0.60 * min(measur_c_flue, float(c_air)) * (400 - 45)
    assert catch_approx(measur_q, expected["hx_cold_air"])
    assert catch_approx(4000 * measur_q / 0.85 / 1e6, expected["energy_savings"])


def test_amo_air_heating_using_exhaust_coal_uses_measurs_placeholder(
    amo_process_heat_unit_cpp_air_heating_using_exhaust,
):
    """MEASUR defect: for a solid fuel the stoichiometric air is the placeholder 333.333
    (SolidLiquidFlueGasMaterial::calculateStoichAirFuel, "//Placeholder") and the Btu/lb
    heating value is divided into the firing rate as if it were Btu/scf."""
    expected = amo_process_heat_unit_cpp_air_heating_using_exhaust["coal"]
    coal = dict(
        carbon=75.0, hydrogen=5.0, sulphur=1.0, ash=9.0, oxygen=7.0, moisture=0.0, nitrogen=1.5
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        hv = solid_fuel_heating_value({k: P(v) for k, v in coal.items()}).m_as("Btu/lb")
    placeholder = 333.333 / 32
    measur_c_flue = 8e6 * (1.358 * placeholder + 1) * 400 / hv / 1000 * 0.021
    assert catch_approx(measur_c_flue, expected["heat_capacity_flue"])


# ----------------------------------------------------------------------------- cascade
@pytest.fixture
def amo_process_heat_unit_cpp_cascade_heat_high_to_low():
    """CascadeHeatHighToLow(gas, HV 1020, cost 5, primary 12 MMBtu/h, 1475 F, O2 0.07, air 80 F,
    8000 h, secondary 9.5 MMBtu/h, 225 F, O2 17.5, air 80 F, 7000 h, 60, 60, 0)."""
    return dict(
        pri_flue_volume=175123.0293326335,
        hx_energy_rate=4.2341865845,
        pri_excess_air=0.4519750365,
        pri_available_heat=0.4724916999,
        sec_excess_air=-1.05775222,
        sec_available_heat=0.896416,
    )


def test_amo_cascade_heat_high_to_low_primary_side(
    amo_process_heat_unit_cpp_cascade_heat_high_to_low,
):
    """The primary furnace's excess air, available heat and flue volume are reproduced; the
    vector as a whole is not (MEASUR defects: the secondary O2 is given as 17.5 where a
    fraction is expected, giving negative excess air; the flue density is products per
    fuel volume divided by the kg/m3 -> lb/ft3 factor 16.018463)."""
    c = amo_process_heat_unit_cpp_cascade_heat_high_to_low
    gas = {k: P(v) for k, v in PROCESS_HEAT_GAS.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        r = gas_available_heat(
            gas,
            F(1475),
            flue_o2=0.07,
            combustion_air_temperature=F(80),
            fuel_temperature=F(60),
            ambient_temperature=F(60),
            method="measur",
        )
    assert catch_approx(float(r.excess_air), c["pri_excess_air"])
    assert catch_approx(float(r.available_heat), c["pri_available_heat"])
    fuel_scfh = 12e6 / 1020  # MEASUR's given HV, 1020 Btu/scf
    flue = fuel_scfh * (float(r.stoichiometric_air) * (1 + float(r.excess_air)) + 1)
    assert catch_approx(flue, c["pri_flue_volume"])
    assert c["sec_excess_air"] < 0  # no physical excess air is negative
    with pytest.raises(OutOfRangeError, match="flue_o2"), warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        gas_available_heat(
            gas,
            F(225),
            flue_o2=17.5,
            combustion_air_temperature=F(80),
            fuel_temperature=F(60),
            ambient_temperature=F(60),
        )


def test_cascade_heat_balance():
    r = cascade_heat(Q_(2.0, "kW/K"), 400, 150, 0.8, 400)
    assert r.heat_recovered.m_as("kW") == pytest.approx(500.0)
    assert r.equivalent_fuel.m_as("kW") == pytest.approx(625.0)
    assert r.fuel_saving.m_as("kW") == pytest.approx(400.0)  # capped by the secondary burner
    with pytest.raises(OutOfRangeError, match="primary_exhaust_temperature"):
        cascade_heat(2.0, 100, 150, 0.8, 400)


def test_water_heating_with_steam_si_equals_imperial_and_limits():
    si = water_heating_with_steam(
        0.17, 227, 12.8, 0.27, 0.68, 12.8, 0.2, water_heater_efficiency=0.7, boiler_efficiency=0.7
    )
    assert bool(si.boiling_limited)
    assert si.water_outlet_temperature.m_as("K") == pytest.approx(
        0.96328 * si.water_boiling_temperature.m_as("K")
    )
    small = water_heating_with_steam(
        0.17, 50, 12.8, 0.27, 0.68, 12.8, 0.2, water_heater_efficiency=0.7, boiler_efficiency=0.7
    )
    assert not bool(small.boiling_limited) and small.bypass_steam_flow.m_as("kg/h") == 0
    heat = small.heat_gain.m_as("kW") * 3600
    assert heat == pytest.approx(
        50 * (small.steam_enthalpy - small.condensate_enthalpy).m_as("kJ/kg")
    )
    with pytest.raises(OutOfRangeError, match="water_flow"):
        water_heating_with_steam(
            0.17, 50, 12.8, 0.27, 0, 12.8, 0.2, water_heater_efficiency=0.7, boiler_efficiency=0.7
        )


# ----------------------------------------------------------------------------- condensing
@pytest.fixture
def amo_process_heat_unit_cpp_air_water_cooling_using_flue():
    """AirWaterCoolingUsingFlue().calculate(gas 94.1/3.02/1.41/0.01/0.42/0.28/0/0/0.7/0/0.01,
    heat input 116 MMBtu/h, flue in 300 F, out 125 F, air 70 F, fuel 60 F, O2 0.04, 60, 0)."""
    return dict(
        excess_air=0.2169692841,
        flow_flue_gas=107022.7016052115,
        spec_heat=0.2577908474,
        frac_condensed=0.19816,
        eff_thermal=0.8443608099,
        eff_thermal_lh=0.8645004409,
        eff_lh=0.02014,
        heat_recovery=2.3362,
        sensible_heat_recovery=4.8281577633,
    )


def test_amo_air_water_cooling_using_flue(amo_process_heat_unit_cpp_air_water_cooling_using_flue):
    gas = dict(CH4=94.1, C2H6=3.02, N2=1.41, H2=0.01, C3H8=0.42, C4H10=0.28, CO2=0.7, O2=0.01)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # sums to 99.95 %, rescaled
        r = condensing_heat_recovery(
            {k: P(v) for k, v in gas.items()},
            Q_(116e6, "Btu/h"),
            F(300),
            F(125),
            flue_o2=0.04,
            combustion_air_temperature=F(70),
            fuel_temperature=F(60),
            ambient_temperature=F(60),
            fuel_specific_gravity=0.6,  # MEASUR's fixed fuel density; default: from the gas
            method="measur",
        )
    got = dict(
        excess_air=r.excess_air.m_as(""),
        flow_flue_gas=r.flue_gas_flow.m_as("lb/h"),
        spec_heat=r.flue_gas_specific_heat.m_as("Btu/lb/delta_degF"),
        frac_condensed=r.condensed_fraction.m_as(""),
        eff_thermal=r.available_heat.m_as(""),
        eff_thermal_lh=r.available_heat_with_latent.m_as(""),
        eff_lh=r.latent_gain.m_as(""),
        heat_recovery=r.latent_heat_recovered.m_as("Btu/h") / 1e6,
        sensible_heat_recovery=r.sensible_heat_recovered.m_as("Btu/h") / 1e6,
    )
    for key, expected in amo_process_heat_unit_cpp_air_water_cooling_using_flue.items():
        assert catch_approx(float(got[key]), expected), key


@pytest.fixture
def amo_wasm_process_heat_air_water_cooling_using_flue():
    """wasm-processHeat-test.js airWaterCoolingUsingFlue (defined but not run by MEASUR's
    runner): the same inputs as the C++ call, other expectations."""
    return [0.21596, 107119.17, 0.2578, 0.19816, 0.8444, 0.86454, 0.02014, 2.3362, 4.83]


def test_amo_wasm_air_water_cooling_using_flue_is_stale(
    amo_wasm_process_heat_air_water_cooling_using_flue,
    amo_process_heat_unit_cpp_air_water_cooling_using_flue,
):
    """The never-run JS expectation of the flue-gas flow (107119.17 lb/h) disagrees with
    MEASUR's own C++ test of the same call (107022.70, reproduced above): a stale value. The
    other eight outputs agree after rounding."""
    js = amo_wasm_process_heat_air_water_cooling_using_flue
    cpp = list(amo_process_heat_unit_cpp_air_water_cooling_using_flue.values())
    agree = [js_rnd(c, j) for c, j in zip(cpp, js, strict=True)]
    assert agree == [True, False, True, True, True, True, True, True, True]


def test_condensing_recovery_above_dew_point_condenses_nothing():
    r = condensing_heat_recovery(
        {"CH4": 1.0},
        1000,
        250,
        180,
        flue_o2=0.03,
        combustion_air_temperature=20,
        fuel_temperature=15,
        ambient_temperature=15,
    )
    assert r.condensed_fraction.m_as("") == 0 and r.latent_heat_recovered.m_as("kW") == 0
    assert r.sensible_heat_recovered.m_as("kW") > 0
    with pytest.raises(OutOfRangeError, match="flue_outlet_temperature"):
        condensing_heat_recovery(
            {"CH4": 1.0},
            1000,
            150,
            180,
            flue_o2=0.03,
            combustion_air_temperature=20,
            fuel_temperature=15,
            ambient_temperature=15,
        )


# ----------------------------------------------------------------------------- feedwater
@pytest.fixture
def amo_process_heat_unit_cpp_water_heating_using_flue():
    """WaterHeatingUsingFlue().calculate(gas, 725 F, O2 0.05, air 80 F, moisture 0.02,
    rating 55.88 GJ/h, steam 3.45 MPa, ambient 60 F, steam 500 F, feedwater 225 F, blowdown
    0.04, effectiveness 0.625, 8000 h, 5.21 $/GJ, HHV 37706 kJ/Nm3, Superheated, fuel 60 F)."""
    return dict(
        flow_flue_gas=23658.1596137958,
        eff_boiler=0.7193913738,
        enthalpy_steam=2865.339,
        enthalpy_fw=452.0478,
        flow_steam=15991.2762656448,
        flow_fw=16630.9273162706,
        specheat_fg=1.1319998535,
        heat_capacity_fg=26781.0332157512,
        specheat_fw=4.2285,
        heat_capacity_fw=70323.6515387818,
        heat_capacity_min=26781.0332157512,
        rating_heat_rec_fw=4649484.9332901333,
        temp_flue_gas_out=484.537,
        temp_fw_out=446.4877442629,
        energy_savings_boiler=51704.6503757363,
        cost_savings_boiler=269381.2284575859,
    )


def _feedwater():
    gas = {k: P(v) for k, v in PROCESS_HEAT_GAS.items()}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        return feedwater_heating_from_flue(
            gas,
            Q_(55.88, "GJ/h"),
            F(725),
            flue_o2=0.05,
            combustion_air_temperature=F(80),
            fuel_temperature=F(60),
            ambient_temperature=F(60),
            heating_value=Q_(37706, "kJ/m^3"),
            steam_pressure=Q_(3.45, "MPa"),
            feedwater_temperature=F(225),
            blowdown=0.04,
            effectiveness=0.625,
            steam_temperature=F(500),
            combustion_air_moisture=0.02,
            method="measur",
        )


def _feedwater_outputs(r) -> dict:
    c_fg = (r.flue_gas_specific_heat * r.flue_gas_flow).m_as("kJ/h/K")
    c_fw = (r.feedwater_specific_heat * r.feedwater_flow).m_as("kJ/h/K")
    savings = r.fuel_saving.m_as("GJ/h") * 8000
    return dict(
        flow_flue_gas=r.flue_gas_flow.m_as("kg/h"),
        eff_boiler=r.boiler_efficiency.m_as(""),
        enthalpy_steam=r.steam_enthalpy.m_as("kJ/kg"),
        enthalpy_fw=r.feedwater_enthalpy.m_as("kJ/kg"),
        flow_steam=r.steam_flow.m_as("kg/h"),
        flow_fw=r.feedwater_flow.m_as("kg/h"),
        specheat_fg=r.flue_gas_specific_heat.m_as("kJ/kg/K"),
        heat_capacity_fg=c_fg,
        specheat_fw=r.feedwater_specific_heat.m_as("kJ/kg/K"),
        heat_capacity_fw=c_fw,
        heat_capacity_min=min(c_fg, c_fw),
        rating_heat_rec_fw=r.heat_recovered.m_as("kJ/h"),
        temp_flue_gas_out=r.flue_outlet_temperature.m_as("K"),
        temp_fw_out=r.feedwater_outlet_temperature.m_as("K"),
        energy_savings_boiler=savings,
        cost_savings_boiler=savings * 5.21,
    )


def test_amo_water_heating_using_flue(amo_process_heat_unit_cpp_water_heating_using_flue):
    got = _feedwater_outputs(_feedwater())
    for key, expected in amo_process_heat_unit_cpp_water_heating_using_flue.items():
        assert catch_approx(float(got[key]), expected), key


@pytest.fixture
def amo_wasm_process_heat_water_heating_using_flue():
    """wasm-processHeat-test.js waterHeatingUsingFlue, the same inputs as the C++ call."""
    return [
        23637.68,
        0.72023,
        2865.339,
        452.0478,
        15994.47,
        16634.25,
        1.13247,
        26759.76,
        4.2285,
        70337.7,
        26759.76,
        4645791.13,
        484.537,
        446.42,
        51653.25,
        269113.45,
    ]


def test_amo_wasm_water_heating_using_flue_is_stale(
    amo_wasm_process_heat_water_heating_using_flue,
    amo_process_heat_unit_cpp_water_heating_using_flue,
):
    """The JS expectations disagree with MEASUR's own C++ test of the same call (flue-gas
    flow 23637.68 vs 23658.16, boiler efficiency 0.72023 vs 0.71939 ...): an older engine's
    values. greenchain reproduces the C++ ones; it agrees with the JS values only where
    both MEASUR tests agree."""
    cpp = list(amo_process_heat_unit_cpp_water_heating_using_flue.values())
    js = amo_wasm_process_heat_water_heating_using_flue
    got = list(_feedwater_outputs(_feedwater()).values())
    for c, j, g in zip(cpp, js, got, strict=True):
        assert js_rnd(g, j) == js_rnd(c, j)
    assert not all(js_rnd(c, j) for c, j in zip(cpp, js, strict=True))
