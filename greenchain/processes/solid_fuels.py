"""Solid and liquid fuels by ultimate analysis: heating value, excess air <-> flue O2,
available heat (US DOE MEASUR, PHAST ``SolidLiquidFlueGasMaterial``).

Coal, biomass or heavy oil given by mass fractions of carbon, hydrogen, sulphur, ash,
oxygen, moisture and nitrogen. An analysis summing to within 2 % of 1 is rescaled with a
caveat, as MEASUR rescales it. Flue O2 is on MEASUR's basis (mass share of the products,
water included); excess air from O2 is solved exactly (``method="exact"``) or by
MEASUR's 1 %-step search (``method="measur"``). Fuel gases by composition are in
:mod:`greenchain.processes.flue_gas`.

Examples
--------
>>> coal = {"carbon": 0.75, "hydrogen": 0.05, "sulphur": 0.01, "ash": 0.09,
...         "oxygen": 0.07, "nitrogen": 0.015, "moisture": 0.015}
>>> print(solid_fuel_heating_value(coal).to("MJ/kg"))
31.79... MJ/kg
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import pint

from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes._common import (
    RANKINE_OFFSET,
    ExcessAirMethod,
    flue_o2_fraction,
    measur_excess_air_search,
    measur_molar_cp,
    normalise_composition,
    to_degF,
    water_saturation_enthalpy,
)
from greenchain.units import Q_, QuantityLike, fraction, nonnegative

__all__ = [
    "solid_fuel_heating_value",
    "solid_fuel_flue_o2",
    "solid_fuel_excess_air_from_o2",
    "solid_fuel_available_heat",
]

Method = ExcessAirMethod

# ---- constants of MEASUR's SolidLiquidFlueGasMaterial.cpp (AMO-Tools-Suite, commit 15208321)
_HHV_C, _HHV_H, _HHV_S = 14100.0, 61100.0, 3980.0  # Btu/lb of carbon, hydrogen, sulphur
_HHV_UNBURNED_CARBON = 14093.0  # Btu/lb of carbon left in the ash
_N2_PER_O2_AIR = 76.85 / 23.15  # mass ratio N2/O2 of air
_FUEL_CP = 0.24  # Btu/(lb F), sensible heat of the dry fuel
_AIR_CP = (0.01788166862315, 0.0000016704748)  # Btu/(scf F) of air, intercept and slope per F
_AIR_LB_PER_SCF = 0.075
_ASH_CP = 0.25  # Btu/(lb F)
_SO2_CP = 17.472  # Btu/(lbmol F)
_DENSITY_LB_PER_SCF = {
    "CO2": 0.116367,
    "H2O": 0.047636,
    "N2": 0.074077,
    "O2": 0.084611,
    "SO2": 0.169381,
}
_MOLAR_MASS = {"CO2": 44.01, "H2O": 18.016, "N2": 28.016, "O2": 32.0, "SO2": 64.06}
_cp = measur_molar_cp


_ANALYSIS_KEYS = ("carbon", "hydrogen", "sulphur", "ash", "oxygen", "moisture", "nitrogen")
_ANALYSIS_ALIASES = {
    "sulfur": "sulphur",
    "inert_ash": "ash",
    "o2": "oxygen",
    "c": "carbon",
    "h": "hydrogen",
    "s": "sulphur",
    "n": "nitrogen",
}


def _analysis(ultimate_analysis: Mapping[str, QuantityLike]) -> dict[str, np.ndarray]:
    if not isinstance(ultimate_analysis, Mapping) or not ultimate_analysis:
        raise InputError(
            "expected a mapping such as {'carbon': 0.75, 'hydrogen': 0.05, ...}",
            field="ultimate_analysis",
        )
    out: dict[str, np.ndarray] = {}
    for key, value in ultimate_analysis.items():
        name = _ANALYSIS_ALIASES.get(str(key).strip().lower(), str(key).strip().lower())
        field = f"ultimate_analysis[{key!r}]"
        if name not in _ANALYSIS_KEYS:
            raise InputError(f"unknown component; known: {', '.join(_ANALYSIS_KEYS)}", field=field)
        out[name] = out.get(name, 0.0) + nonnegative(value, "", field)
    out = normalise_composition(out, "ultimate_analysis")
    return {k: np.asarray(out.get(k, 0.0), dtype=float) for k in _ANALYSIS_KEYS}


@dataclass(frozen=True)
class _SolidProducts:
    o2_stoich: np.ndarray  # lb O2 per lb fuel
    n2_stoich: np.ndarray
    co2: np.ndarray
    h2o_fuel: np.ndarray
    so2: np.ndarray
    air_moisture: np.ndarray

    def masses(self, ea: np.ndarray) -> dict[str, np.ndarray]:
        air = (self.o2_stoich + self.n2_stoich) * (1 + ea)
        return {
            "CO2": self.co2,
            "H2O": self.h2o_fuel + self.air_moisture * air,
            "SO2": self.so2,
            "O2": self.o2_stoich * ea,
            "N2": self.n2_stoich * (1 + ea),
        }

    def o2(self, ea: np.ndarray) -> np.ndarray:
        m = self.masses(ea)
        return m["O2"] / sum(m.values())


def _solid_products(a: dict[str, np.ndarray], air_moisture: np.ndarray) -> _SolidProducts:
    o2s = a["carbon"] * (32.0 / 12.0) + a["hydrogen"] * 8.0 + a["sulphur"] - a["oxygen"]
    return _SolidProducts(
        o2_stoich=o2s,
        n2_stoich=o2s * _N2_PER_O2_AIR,
        co2=a["carbon"] * (44.0 / 12.0),
        h2o_fuel=a["hydrogen"] * 9.0 + a["moisture"],
        so2=a["sulphur"] * 2.0,
        air_moisture=air_moisture,
    )


def solid_fuel_heating_value(ultimate_analysis: Mapping[str, QuantityLike]) -> pint.Quantity:
    """Higher heating value of a solid or liquid fuel from its ultimate analysis (MEASUR).

    Parameters
    ----------
    ultimate_analysis : mapping of str to float, array-like or Quantity
        Mass fractions [dimensionless] of ``carbon``, ``hydrogen``, ``sulphur``, ``ash``,
        ``oxygen``, ``moisture`` and ``nitrogen`` (missing ones are 0); Quantities in
        percent accepted. A sum within 2 % of 1 is rescaled with a caveat.

    Returns
    -------
    Quantity
        Higher heating value [Btu/lb]; ``.to("MJ/kg")`` converts.

    Notes
    -----
    .. math:: HHV = 14100\\,C + 61100\\,H + 3980\\,S \\quad [\\mathrm{Btu/lb}]

    (a Dulong-type formula without the oxygen correction, as in MEASUR).

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite
    ``src/calculator/losses/SolidLiquidFlueGasMaterial.cpp`` (``calculateHeatingValueFuel``);
    test ``tests/wasm/phast/wasm-phast-test.js`` (``flueGasByMassCalculateHeatingValue``).
    US DOE PHAST user manual, flue-gas losses for solid and liquid fuels.

    Examples
    --------
    >>> print(solid_fuel_heating_value({"carbon": 0.85, "hydrogen": 0.12, "sulphur": 0.03}))
    19436.4 Btu/lb
    """
    a = _analysis(ultimate_analysis)
    return Q_(a["carbon"] * _HHV_C + a["hydrogen"] * _HHV_H + a["sulphur"] * _HHV_S, "Btu/lb")


def solid_fuel_flue_o2(
    ultimate_analysis: Mapping[str, QuantityLike],
    excess_air: QuantityLike,
    *,
    combustion_air_moisture: QuantityLike = 0.0,
) -> pint.Quantity:
    """O2 in the flue gas of a solid or liquid fuel burnt with a given excess air (MEASUR).

    Parameters
    ----------
    ultimate_analysis : mapping of str to float, array-like or Quantity
        Mass fractions [dimensionless], as for :func:`solid_fuel_heating_value`.
    excess_air : float, array-like or Quantity
        Excess air [dimensionless], a fraction of the stoichiometric air, >= 0.
    combustion_air_moisture : float, array-like or Quantity, default 0.0
        Moisture of the combustion air [dimensionless], mass of water per mass of air.

    Returns
    -------
    Quantity
        O2 share of the flue gas [dimensionless], on MEASUR's basis (by mass, water
        included).

    Notes
    -----
    Per unit mass of fuel: stoichiometric O2 :math:`O = \\tfrac{32}{12}C + 8H + S - O_f`,
    N2 :math:`O \\cdot 76.85/23.15`; products :math:`CO_2 = \\tfrac{44}{12}C`,
    :math:`H_2O = 9H + M + \\phi\\,(O + N)(1+EA)`, :math:`SO_2 = 2S`,
    :math:`O_2 = O\\,EA`, :math:`N_2 = N(1+EA)`; flue O2 is
    :math:`O_2/\\sum m` (fuel nitrogen is not carried to the flue gas, as in MEASUR).

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite
    ``src/calculator/losses/SolidLiquidFlueGasMaterial.cpp`` (``calculateFlueGasO2``);
    tests ``tests/cpp/SolidLiquidFlueGasMaterial.unit.cpp``.

    Examples
    --------
    >>> coal = {"carbon": 0.75, "hydrogen": 0.05, "sulphur": 0.01, "ash": 0.09,
    ...         "oxygen": 0.07, "nitrogen": 0.015, "moisture": 0.015}
    >>> print(solid_fuel_flue_o2(coal, 0.2))
    0.03593...
    """
    a = _analysis(ultimate_analysis)
    phi = nonnegative(combustion_air_moisture, "", "combustion_air_moisture")
    ea = nonnegative(excess_air, "", "excess_air")
    return Q_(_solid_products(a, phi).o2(ea), "")


def solid_fuel_excess_air_from_o2(
    ultimate_analysis: Mapping[str, QuantityLike],
    flue_o2: QuantityLike,
    *,
    combustion_air_moisture: QuantityLike = 0.0,
    method: Method = "exact",
) -> pint.Quantity:
    """Excess air of a solid or liquid fuel from the flue-gas O2 (inverse of :func:`solid_fuel_flue_o2`).

    Parameters
    ----------
    ultimate_analysis : mapping of str to float, array-like or Quantity
        Mass fractions [dimensionless], as for :func:`solid_fuel_heating_value`.
    flue_o2 : float, array-like or Quantity
        O2 in the flue gas [dimensionless], 0 <= x < 0.21.
    combustion_air_moisture : float, array-like or Quantity, default 0.0
        Moisture of the combustion air [dimensionless], mass of water per mass of air.
    method : {"exact", "measur"}, default "exact"
        ``"exact"`` solves in closed form; ``"measur"`` repeats MEASUR's 1 %-step search.

    Returns
    -------
    Quantity
        Excess air [dimensionless].

    Notes
    -----
    The O2 share is :math:`O\\,EA/(B_0 + B_1 EA)` with :math:`B_0 = CO_2 + 9H + M + SO_2
    + N + \\phi(O+N)` and :math:`B_1 = O + N + \\phi(O + N)`, hence
    :math:`EA = x B_0/(O - x B_1)`; MEASUR searches in 1 % steps from the natural-gas
    relation until within 2 % of :math:`x`.

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite
    ``src/calculator/losses/SolidLiquidFlueGasMaterial.cpp``
    (``calculateExcessAirFromFlueGasO2``); tests
    ``tests/cpp/SolidLiquidFlueGasMaterial.unit.cpp``.

    Examples
    --------
    >>> coal = {"carbon": 0.75, "hydrogen": 0.05, "sulphur": 0.01, "ash": 0.09,
    ...         "oxygen": 0.07, "nitrogen": 0.015, "moisture": 0.015}
    >>> print(solid_fuel_excess_air_from_o2(coal, 0.03593))
    0.19...
    """
    a = _analysis(ultimate_analysis)
    phi = nonnegative(combustion_air_moisture, "", "combustion_air_moisture")
    p = _solid_products(a, phi)
    x = flue_o2_fraction(flue_o2)
    if method == "exact":
        m0 = p.masses(np.asarray(0.0))
        b0 = sum(m0.values())
        b1 = p.o2_stoich + p.n2_stoich + phi * (p.o2_stoich + p.n2_stoich)
        if np.any(x * b1 >= p.o2_stoich):
            raise OutOfRangeError("too high for this fuel and basis", field="flue_o2")
        return Q_(x * b0 / (p.o2_stoich - x * b1), "")
    if method != "measur":
        raise InputError(f"must be 'exact' or 'measur', got {method!r}", field="method")
    return Q_(measur_excess_air_search(p.o2, x), "")


def solid_fuel_available_heat(
    ultimate_analysis: Mapping[str, QuantityLike],
    flue_temperature: QuantityLike,
    excess_air: QuantityLike,
    *,
    combustion_air_temperature: QuantityLike,
    fuel_temperature: QuantityLike,
    ambient_temperature: QuantityLike,
    ash_discharge_temperature: QuantityLike,
    unburned_carbon_in_ash: QuantityLike = 0.0,
    combustion_air_moisture: QuantityLike = 0.0,
) -> pint.Quantity:
    """Available heat of a solid or liquid fuel from its ultimate analysis (PHAST).

    Parameters
    ----------
    ultimate_analysis : mapping of str to float, array-like or Quantity
        Mass fractions [dimensionless], as for :func:`solid_fuel_heating_value`.
    flue_temperature : float, array-like or Quantity
        Flue-gas temperature [degC].
    excess_air : float, array-like or Quantity
        Excess air [dimensionless], a fraction of the stoichiometric air, >= 0.
    combustion_air_temperature : float, array-like or Quantity
        Combustion-air temperature [degC].
    fuel_temperature : float, array-like or Quantity
        Fuel temperature [degC].
    ambient_temperature : float, array-like or Quantity
        Reference (ambient) temperature [degC]; MEASUR uses 60 degF.
    ash_discharge_temperature : float, array-like or Quantity
        Temperature of the ash leaving [degC].
    unburned_carbon_in_ash : float, array-like or Quantity, default 0.0
        Unburned carbon [dimensionless], as a fraction of the ash mass.
    combustion_air_moisture : float, array-like or Quantity, default 0.0
        Moisture of the combustion air [dimensionless], mass of water per mass of air.

    Returns
    -------
    Quantity
        Available heat [dimensionless], a fraction of the HHV (MEASUR calls it
        ``getHeatLoss``).

    Notes
    -----
    Per lb of fuel, in Btu and °F, :math:`\\Delta T = T_f - T_{amb}`:

    .. math::

        h_{in} = HHV + 0.24\\,(1 - M)(T_{fuel} - T_{amb})
                 + m_{air}\\,c_{air}\\,(T_{air} - T_{amb})/0.075

        h_{flue} = \\sum_j m_j\\,c_{p,j}(T_f)\\,\\Delta T
                   + (9H + M)\\,h_{sat}(p_{H_2O})

        h_{ash} = a\\,0.25\\,(T_{ash} - T_{amb}), \\quad
        h_{C} = 14093\\,u\\,a, \\qquad AH = (h_{in} - h_{flue} - h_{ash} - h_C)/HHV

    with :math:`c_{air} = 0.01788166862315 + 1.6704748\\times10^{-6} T_{air}`
    Btu/(scf °F) and MEASUR's molar :math:`c_p` fits. MEASUR reads the ash temperature
    in °C (it writes :math:`1.8\\,T_{ash} + 32`) while every other temperature is in °F;
    here every temperature is a temperature, so MEASUR's ash input ``100`` is
    ``Q_(100, "degC")``. MEASUR also adds :math:`M\\,\\Delta T` (fuel moisture times the
    flue-gas rise) to the heat input; that term has no physical basis (the moisture's
    heat is already in :math:`h_{flue}`) and is left out: results agree for dry fuels.

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite
    ``src/calculator/losses/SolidLiquidFlueGasMaterial.cpp`` (``getHeatLoss``); tests
    ``tests/cpp/SolidLiquidFlueGasMaterial.unit.cpp``. US DOE PHAST user manual.

    Examples
    --------
    >>> from greenchain import Q_
    >>> coal = {"carbon": 0.75, "hydrogen": 0.05, "sulphur": 0.01, "ash": 0.09,
    ...         "oxygen": 0.07, "nitrogen": 0.015, "moisture": 0.015}
    >>> print(solid_fuel_available_heat(coal, 200, 0.2, combustion_air_temperature=25,
    ...       fuel_temperature=25, ambient_temperature=15, ash_discharge_temperature=100))
    0.8...
    """
    a = _analysis(ultimate_analysis)
    phi = nonnegative(combustion_air_moisture, "", "combustion_air_moisture")
    ea = nonnegative(excess_air, "", "excess_air")
    uc = fraction(unburned_carbon_in_ash, "unburned_carbon_in_ash", low_inclusive=True)
    tf = to_degF(flue_temperature, "flue_temperature")
    tca = to_degF(combustion_air_temperature, "combustion_air_temperature")
    tfuel = to_degF(fuel_temperature, "fuel_temperature")
    tamb = to_degF(ambient_temperature, "ambient_temperature")
    tash = to_degF(ash_discharge_temperature, "ash_discharge_temperature")
    p = _solid_products(a, phi)
    m = p.masses(ea)
    air = (p.o2_stoich + p.n2_stoich) * (1 + ea)
    hhv = a["carbon"] * _HHV_C + a["hydrogen"] * _HHV_H + a["sulphur"] * _HHV_S
    if np.any(hhv <= 0):
        raise InputError("the fuel has no carbon, hydrogen or sulphur", field="ultimate_analysis")
    h_fuel = _FUEL_CP * (1 - a["moisture"]) * (tfuel - tamb)
    cp_air = _AIR_CP[0] + _AIR_CP[1] * tca
    h_air = air * cp_air * (tca - tamb) / _AIR_LB_PER_SCF
    volumes = {k: m[k] / _DENSITY_LB_PER_SCF[k] for k in m}
    pp_h2o = volumes["H2O"] / sum(volumes.values())
    h_sat = water_saturation_enthalpy(pp_h2o)
    t_r = tf + RANKINE_OFFSET
    dt = tf - tamb
    cp_h2o = _cp("H2O", t_r) / _MOLAR_MASS["H2O"]
    h_co2 = m["CO2"] * (_cp("CO2", t_r) / _MOLAR_MASS["CO2"]) * dt
    h_h2o = p.h2o_fuel * (h_sat + cp_h2o * dt) + (phi * air) * (cp_h2o * dt)
    h_so2 = m["SO2"] * (_SO2_CP / _MOLAR_MASS["SO2"]) * dt
    h_o2 = m["O2"] * (_cp("O2", t_r) / 32.0) * dt
    h_n2 = m["N2"] * (_cp("N2", t_r) / _MOLAR_MASS["N2"]) * dt
    h_flue = h_h2o + h_co2 + h_n2 + h_o2 + h_so2
    h_carbon = _HHV_UNBURNED_CARBON * uc * a["ash"]
    h_ash = a["ash"] * _ASH_CP * (tash - tamb)
    return Q_((hhv + h_fuel + h_air - h_flue - h_ash - h_carbon) / hhv, "")
