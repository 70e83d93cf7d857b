"""Energy accounting: standard coal equivalent and comprehensive energy consumption
(GB/T 2589).

Each energy carrier is converted to standard coal equivalent (kgce, 1 kgce =
29.3076 MJ) with the GB/T 2589 reference coefficients, or from a measured net
calorific value when the plant has one (GB/T 2589 prefers measured values).
Electricity counts at its equal value (当量值, 0.1229 kgce/kWh) by default, or at
its equivalent value (等价值) through a generation coal rate the user supplies.

Examples
--------
>>> from greenchain import Q_
>>> round(standard_coal(Q_(1e6, "kWh"), "electricity").m_as("tce"), 1)
122.9
>>> round(standard_coal(Q_(1e4, "m^3"), "natural_gas").m_as("tce"), 2)
13.3
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pandas as pd
import pint

from greenchain.accounting import emissions
from greenchain.accounting.ncv_basis import (
    NATURAL_GAS_ROWS,
    NCV_BASES,
    SAME_NCV_TOLERANCE,
    inventory_coefficient,
)
from greenchain.accounting.records import NO_ENERGY, plant_records
from greenchain.data import factors
from greenchain.data.plant_file import PlantData
from greenchain.errors import (
    Caveat,
    FallbackWarning,
    GreenchainError,
    GreenchainWarning,
    InputError,
    UnitError,
    caveat,
    collect_caveats,
    emit_caveats,
)
from greenchain.units import Q_, check_range, magnitude, quantity, unit_of

__all__ = [
    "standard_coal",
    "coefficient",
    "from_records",
    "plant_energy",
    "EnergyResult",
    "FUEL_TO_GBT2589",
    "NATURAL_GAS_ROWS",
    "NCV_BASES",
    "SAME_NCV_TOLERANCE",
    "inventory_coefficient",
]

# Fuel ids -> GB/T 2589 reference rows (a naming map, no numbers). Natural gas maps to
# the oil-field row (38 931 kJ/m3), whose NCV equals the GB/T 32150-2015 natural-gas NCV
# (389.31 GJ/10^4 Nm3) used by the inventory, so energy and emissions share one NCV.
FUEL_TO_GBT2589 = {
    "raw_coal": "raw_coal",
    "bituminous_coal": "raw_coal",
    "cleaned_coal": "cleaned_coal",
    "coke": "coke",
    "crude_oil": "crude_oil",
    "fuel_oil": "fuel_oil",
    "gasoline": "gasoline",
    "kerosene": "kerosene",
    "diesel": "diesel",
    "coal_tar": "coal_tar",
    "lpg": "lpg",
    "refinery_gas": "refinery_gas",
    "natural_gas": "natural_gas_oilfield",
    "lng": "lng",
    "coke_oven_gas": "coke_oven_gas",
    "blast_furnace_gas": "blast_furnace_gas",
    "producer_gas": "producer_gas",
    "water_gas": "water_gas",
}
_KGCE_MJ = 29.3076  # MJ per kgce, GB/T 2589 (also factors/units.txt)


def coefficient(
    carrier: str,
    *,
    basis: str = "equal_value",
    generation_coal_rate: Any = None,
    fuel_dataset: str = emissions.DEFAULT_FUEL_DATASET,
    heat_supply_rate: Any = None,
    ncv_basis: str = "gbt2589",
    natural_gas_row: str = "oilfield",
) -> tuple[pint.Quantity, factors.Factor | None, str]:
    """Return the standard-coal coefficient of a carrier, its factor and how it was chosen.

    Parameters
    ----------
    carrier : str
        A fuel id, ``electricity``, ``heat``, ``steam`` (by heat content) or a GB/T 2589
        row id such as ``natural_gas_gasfield``.
    basis : {"equal_value", "equivalent_value"}, default "equal_value"
        Electricity: equal value (当量值) or equivalent value (等价值).
    generation_coal_rate : Quantity or float, optional
        Required for ``equivalent_value``: the grid's generation coal rate, grams of
        standard coal per kWh (gce/kWh) [g/kWh], > 0.
    fuel_dataset : str, default "GB/T 32150-2015"
        Fuel table used when a fuel has no GB/T 2589 row (coefficient = NCV / 29.3076 MJ).
    heat_supply_rate : Quantity or float, optional
        For the equivalent value of heat (热力等价值, "按供热煤耗计算"): the supplier's
        heat-supply coal rate, kilograms of standard coal per GJ of heat [kg/GJ], > 0
        (e.g. 34.12 / 0.80 for a boiler of 80 % efficiency). Without it, heat stays at its
        equal value on either basis (with a caveat on ``equivalent_value``).
    ncv_basis : {"gbt2589", "inventory"}, default "gbt2589"
        ``gbt2589``: a fuel with a GB/T 2589 row takes its printed reference
        coefficient. ``inventory``: one heating value per fuel entry, the inventory's:
        where the GB/T 2589 row is another heating value than the NCV of
        ``fuel_dataset`` (they differ by more than 0.5 %, e.g. bituminous coal on the
        generic raw-coal row 20 908 kJ/kg vs 19.570 GJ/t), the coefficient is that NCV
        / 29.3076 MJ/kgce; rows that agree within the rounding keep the printed value.
    natural_gas_row : {"oilfield", "gasfield"}, default "oilfield"
        The GB/T 2589-2008 natural-gas row: oil-field 1.3300 kgce/m^3 (38 931 kJ/m^3,
        the inventory's NCV) or gas-field 1.2143 kgce/m^3. ``gasfield`` with
        ``ncv_basis="inventory"`` is an error (two heating values for one gas).

    Returns
    -------
    (Quantity, Factor or None, str)
        Coefficient per unit of the carrier ([kgce/kWh], [kgce/t], [kgce/Nm3] ...), the
        factor behind it (``None`` for the equivalent value of electricity), and a note.

    Examples
    --------
    >>> coef, f, note = coefficient("electricity")
    >>> round(coef.m_as("kgce/kWh"), 4), note
    (0.1229, 'equal value (当量值)')
    >>> round(coefficient("bituminous_coal")[0].m_as("kgce/kg"), 4)
    0.7143
    >>> round(coefficient("bituminous_coal", ncv_basis="inventory")[0].m_as("kgce/kg"), 4)
    0.6677
    """
    if basis not in ("equal_value", "equivalent_value"):
        raise InputError(
            f"basis {basis!r} must be 'equal_value' or 'equivalent_value'", field="basis"
        )
    if ncv_basis not in NCV_BASES:
        raise InputError(
            f"ncv_basis must be one of {NCV_BASES}, got {ncv_basis!r}", field="ncv_basis"
        )
    if natural_gas_row not in NATURAL_GAS_ROWS:
        raise InputError(
            f"natural_gas_row must be one of {tuple(NATURAL_GAS_ROWS)}, got {natural_gas_row!r}",
            field="natural_gas_row",
        )
    if ncv_basis == "inventory" and natural_gas_row != "oilfield":
        raise InputError(
            "natural_gas_row='gasfield' (35 544 kJ/m^3) with ncv_basis='inventory' would give "
            "one gas two heating values; give the measured NCV instead",
            field="natural_gas_row",
        )
    if carrier == "electricity":
        if basis == "equivalent_value":
            if generation_coal_rate is None:
                raise InputError(
                    "the equivalent value of electricity needs the generation "
                    "coal rate (gce/kWh) of the previous year",
                    field="generation_coal_rate",
                )
            rate = check_range(
                magnitude(generation_coal_rate, "g/kWh", "generation_coal_rate"),
                "generation_coal_rate",
                low=0,
                low_inclusive=False,
            )
            return Q_(float(rate) / 1000.0, "kgce/kWh"), None, "equivalent value (等价值)"
        f = factors.get("standard_coal.electricity", basis="equal_value")
        return f.quantity, f, "equal value (当量值)"
    if carrier in ("heat", "steam", "hot_water"):
        if basis == "equivalent_value" and heat_supply_rate is not None:
            rate = check_range(
                magnitude(heat_supply_rate, "kg/GJ", "heat_supply_rate"),
                "heat_supply_rate",
                low=0,
                low_inclusive=False,
            )
            return Q_(float(rate) / 1000.0, "kgce/MJ"), None, "heat at equivalent value (等价值)"
        f = factors.get("standard_coal.heat", basis="equal_value")
        if basis == "equivalent_value":
            caveat(
                "heat at its equal value: give heat_supply_rate (供热煤耗, kgce/GJ) for its "
                "equivalent value",
                FallbackWarning,
                field="heat_supply_rate",
            )
        return f.quantity, f, "heat at equal value"
    row = FUEL_TO_GBT2589.get(carrier, carrier)
    if carrier == "natural_gas":
        row = NATURAL_GAS_ROWS[natural_gas_row]
    hits = factors.search(key=f"standard_coal.{row}")
    hits = hits[hits["dataset"].str.startswith("GB/T 2589")]
    if len(hits) == 1:
        f = factors.get(f"standard_coal.{row}", dataset=str(hits.iloc[0]["dataset"]))
        if ncv_basis == "inventory":
            own = inventory_coefficient(carrier, fuel_dataset)
            if own is not None:
                coef, ncv = own
                gap = float(f.quantity.m_as(coef.units)) / float(coef.magnitude) - 1.0
                if abs(gap) > SAME_NCV_TOLERANCE:
                    return (
                        coef,
                        ncv,
                        f"NCV of {fuel_dataset} ({ncv.value:g} {ncv.unit}), as in the "
                        f"inventory; GB/T 2589 row {row} differs by {100 * gap:+.1f} %",
                    )
        return f.quantity, f, f"GB/T 2589 reference coefficient ({row})"
    params = emissions.fuel_parameters(carrier, fuel_dataset)
    coef = Q_(params.ncv_per_basis * 1000.0 / _KGCE_MJ, f"kgce/{params.basis_unit}")
    return coef, params.ncv, f"from the NCV in {fuel_dataset} (no GB/T 2589 row)"


def standard_coal(
    amount: Any,
    carrier: str,
    *,
    basis: str = "equal_value",
    ncv: Any = None,
    generation_coal_rate: Any = None,
    fuel_dataset: str = emissions.DEFAULT_FUEL_DATASET,
) -> pint.Quantity:
    """Convert an amount of energy carrier to standard coal equivalent [tce].

    Parameters
    ----------
    amount : Quantity
        Amount in a unit matching the carrier ([t], [Nm3], [kWh], [GJ] ...). Plain numbers
        are not accepted here because the unit differs by carrier.
    carrier : str
        Fuel id, ``electricity``, ``heat`` or a GB/T 2589 row id.
    basis : {"equal_value", "equivalent_value"}, default "equal_value"
        For electricity: equal value (当量值) or equivalent value (等价值).
    ncv : Quantity, optional
        Measured net calorific value [GJ/t] or [GJ/Nm3]; overrides the coefficient.
    generation_coal_rate : Quantity or float, optional
        For the equivalent value of electricity: grams of standard coal per kWh
        (gce/kWh) [g/kWh].
    fuel_dataset : str, default "GB/T 32150-2015"
        Fuel table used when a fuel has no GB/T 2589 row (see :func:`coefficient`).

    Returns
    -------
    Quantity
        [tce]

    Notes
    -----
    .. math:: E_{ce} = \\sum_i m_i \\, k_i, \\qquad k_i = NCV_i / 29\\,307.6\\ \\mathrm{kJ/kgce}

    References
    ----------
    GB/T 2589-2020 §3 and Annex A (Table A.2 electricity and heat); GB/T 2589-2008 Annex A.

    Examples
    --------
    >>> from greenchain import Q_
    >>> round(standard_coal(Q_(100, "t"), "diesel").m_as("tce"), 3)
    145.71
    >>> round(standard_coal(Q_(100, "t"), "diesel", ncv=Q_(43, "GJ/t")).m_as("tce"), 3)
    146.72
    """
    if not isinstance(amount, pint.Quantity):
        raise UnitError("give the amount with its unit (e.g. Q_(100, 't'))", field="amount")
    if ncv is not None:
        if not isinstance(ncv, pint.Quantity):
            raise UnitError("give the measured NCV with its unit (GJ/t or GJ/Nm3)", field="ncv")
        try:
            energy = (amount * ncv).to("kgce")
        except pint.errors.DimensionalityError:
            raise UnitError(
                f"an amount in {amount.units:~P} does not match an NCV in {ncv.units:~P}",
                field="ncv",
            ) from None
        check_range(energy.magnitude, "amount", low=0)
        return quantity(energy.magnitude / 1000.0, "tce")
    coef, _, _ = coefficient(
        carrier, basis=basis, generation_coal_rate=generation_coal_rate, fuel_dataset=fuel_dataset
    )
    try:
        value = (amount * coef).to("tce")
    except pint.errors.DimensionalityError:
        raise UnitError(
            f"a {amount.units:~P} amount does not fit carrier {carrier!r} "
            f"(coefficient in {coef.units:~P})",
            field="amount",
        ) from None
    check_range(value.magnitude, "amount", low=0)
    return quantity(value.magnitude, "tce")


@dataclass
class EnergyResult:
    """Comprehensive energy consumption with its per-row detail."""

    activities: pd.DataFrame
    factors_used: list[factors.Factor]
    warnings: list[str]
    options: dict[str, Any]
    products: dict[str, Any] = field(default_factory=dict)
    output_value: pint.Quantity | None = None
    #: the caveats behind ``warnings``, with their category and field
    caveats: list[Caveat] = field(default_factory=list)
    #: per-row tce with natural gas on the other GB/T 2589 row (other rows unchanged)
    tce_other_gas_row: np.ndarray | None = field(default=None, repr=False)

    @property
    def total(self) -> pint.Quantity:
        """Comprehensive energy consumption [tce] (inputs minus energy exported)."""
        return Q_(float(self.activities["tce"].sum()), "tce")

    @property
    def natural_gas_row(self) -> str | None:
        """The GB/T 2589 natural-gas row used (``natural_gas_oilfield`` or
        ``natural_gas_gasfield``), None when the plant burns no natural gas by volume
        at a GB/T 2589 coefficient."""
        a = self.activities
        if "carrier" not in a.columns or not (a["carrier"] == "natural_gas").any():
            return None
        notes = a.loc[a["carrier"] == "natural_gas", "coefficient_note"].astype(str)
        for row in NATURAL_GAS_ROWS.values():
            if notes.str.contains(f"({row})", regex=False).any():
                return row
        return None

    def other_gas_row(self) -> EnergyResult:
        """The same result with natural gas on the other GB/T 2589-2008 row.

        GB/T 2589-2008 prints two natural-gas rows, oil-field 1.3300 and gas-field
        1.2143 kgce/m^3; which applies is a choice. Rows with a measured NCV do not
        change.

        Returns
        -------
        EnergyResult
            ``options["natural_gas_row"]`` is the other row; everything else is equal.

        Examples
        --------
        >>> import greenchain as gc
        >>> e = gc.load_plant(gc.example_path("tile_plant.yaml")).energy()
        >>> e.natural_gas_row, round(e.intensity("porcelain_tile").m_as("kgce/m^2"), 3)
        ('natural_gas_oilfield', 4.782)
        >>> g = e.other_gas_row()
        >>> g.natural_gas_row, round(g.intensity("porcelain_tile").m_as("kgce/m^2"), 3)
        ('natural_gas_gasfield', 4.406)
        """
        if self.tce_other_gas_row is None:
            raise InputError("this result keeps no tce under the other natural-gas row")
        row = self.options.get("natural_gas_row", "oilfield")
        other = next(k for k in NATURAL_GAS_ROWS if k != row)
        a = self.activities.copy()
        a["tce"] = self.tce_other_gas_row
        is_gas = (a["carrier"] == "natural_gas").to_numpy()
        a.loc[is_gas, "coefficient_note"] = (
            a.loc[is_gas, "coefficient_note"]
            .astype(str)
            .str.replace(NATURAL_GAS_ROWS[row], NATURAL_GAS_ROWS[other], regex=False)
        )
        return replace(
            self,
            activities=a,
            options={**self.options, "natural_gas_row": other},
            tce_other_gas_row=self.activities["tce"].to_numpy(dtype=float),
        )

    def gas_row_check(self, product: str, grade: Callable[[pint.Quantity], Any]) -> dict[str, Any]:
        """Whether a product's grade depends on the GB/T 2589 natural-gas row.

        A caveat is raised when the grade (GB 21252 level, dyeing-norm standing) under
        the other row differs from the grade under the row used.

        Parameters
        ----------
        product : str
            Product id of the plant file.
        grade : callable
            Maps a specific energy consumption (Quantity) to a grade, e.g.
            ``lambda e: product_limits(p).standing(e)["level"]`` from
            :mod:`greenchain.decisions.grading`.

        Returns
        -------
        dict
            ``row`` and ``other_row`` (GB/T 2589 row ids), ``intensity`` and
            ``intensity_other`` (Quantity), ``grade`` and ``grade_other``, and
            ``changes`` (bool).

        Examples
        --------
        >>> import greenchain as gc
        >>> from greenchain.decisions.grading import product_limits
        >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
        >>> limits = product_limits(plant.data.products[0])
        >>> c = plant.energy().gas_row_check(
        ...     "porcelain_tile", lambda e: limits.standing(e)["level"])  # warns
        >>> c["grade"], c["grade_other"], c["changes"]
        (2, 1, True)
        """
        other = self.other_gas_row()
        e0, e1 = self.intensity(product), other.intensity(product)
        g0, g1 = grade(e0), grade(e1)
        row, alt = self.natural_gas_row, other.natural_gas_row
        changes = row is not None and g0 != g1
        if changes:
            caveat(
                f"{product}: grade {g0} at {e0.magnitude:.3f} {e0.units:~P} with the GB/T "
                f"2589-2008 natural-gas row {row}; {g1} at {e1.magnitude:.3f} with {alt} "
                "(the standard prints both rows; state the row, or use the measured NCV)",
                UserWarning,
                field="natural_gas_row",
            )
        return {
            "row": row,
            "other_row": alt,
            "intensity": e0,
            "intensity_other": e1,
            "grade": g0,
            "grade_other": g1,
            "changes": changes,
        }

    def by_carrier(self) -> pd.DataFrame:
        """Energy by carrier [tce] and share of the total."""
        out = self.activities.groupby("carrier", observed=True)["tce"].sum().reset_index()
        total = out["tce"].sum()
        out["share"] = out["tce"] / total if total else 0.0
        return out.sort_values("tce", ascending=False, ignore_index=True)

    def by(self, column: str) -> pd.DataFrame:
        """Energy [tce] by any grouping column, e.g. ``use``.

        Parameters
        ----------
        column : str
            A column of :attr:`activities` (``use``, ``carrier``, ``product`` ...).

        Returns
        -------
        pandas.DataFrame
            One row per value of ``column``, with its ``tce`` [tce].
        """
        if column not in self.activities.columns:
            raise InputError(f"no column {column!r}", field="column")
        return (
            self.activities.groupby(column, observed=True, dropna=False)["tce"].sum().reset_index()
        )

    def product_energy(self, product: str, share: float | None = None) -> pint.Quantity:
        """Energy attributed to one product [tce].

        Rows sub-metered to the product count fully; rows not tagged to any product are
        shared: by ``share`` if given, else wholly when there is a single product, else by
        the product's ``energy_share`` attribute.

        Parameters
        ----------
        product : str
            Product id of the plant file.
        share : float, optional
            Share of the untagged energy given to the product [-], between 0 and 1.

        Returns
        -------
        Quantity
            Energy of the product [tce].
        """
        if product not in self.products:
            raise InputError(
                f"unknown product {product!r}; products: {list(self.products)}", field="product"
            )
        a = self.activities
        tagged = (
            a["product"].astype(object)
            if "product" in a.columns
            else pd.Series(None, index=a.index, dtype=object)
        )
        own = float(a.loc[tagged == product, "tce"].sum())
        common = float(a.loc[tagged.isna(), "tce"].sum())
        if share is None:
            if len(self.products) == 1:
                share = 1.0
            else:
                share = self.products[product].get("energy_share")
                if share is None:
                    raise InputError(
                        "several products share untagged energy: give share= or the "
                        "product's attributes.energy_share, or tag energy rows by product",
                        field=f"products[{product}].attributes.energy_share",
                    )
        check_range(np.asarray(share), "share", low=0, high=1)
        return Q_(own + share * common, "tce")

    def intensity(self, product: str, share: float | None = None) -> pint.Quantity:
        """Specific energy consumption of a product [kgce per unit of output].

        The unit follows the product's output: kgce/m² for tiles, kgce/t, kgce per
        hundred metres of fabric …

        Parameters
        ----------
        product : str
            Product id of the plant file; its output needs a unit.
        share : float, optional
            Share of the untagged energy given to the product [-], between 0 and 1 (see
            :meth:`product_energy`).

        Returns
        -------
        Quantity
            Energy per unit of output, e.g. [kgce/m^2] or [kgce/t].

        Examples
        --------
        >>> import greenchain as gc
        >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
        >>> round(plant.energy().intensity("porcelain_tile").m_as("kgce/m^2"), 2)
        4.78
        """
        output = self.products[product]["output"] if product in self.products else None
        energy = self.product_energy(product, share)
        if not isinstance(output, pint.Quantity):
            raise InputError(
                "product output needs a unit (m^2, t, hundred_metre …)",
                field=f"products[{product}].output",
            )
        return (energy / output).to(f"kgce/({output.units:~})")

    def per_output_value(self) -> pint.Quantity:
        """Energy per output value [tce/wan_yuan] (GB/T 36132-2025 indicator when no
        energy-limit standard applies)."""
        if self.output_value is None:
            raise InputError(
                "needs economics.output_value (e.g. '52000 wan_yuan')",
                field="economics.output_value",
            )
        return (self.total / self.output_value).to("tce/wan_yuan")

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable summary."""
        return {
            "total_tce": self.total.magnitude,
            "by_carrier": {r["carrier"]: r["tce"] for r in self.by_carrier().to_dict("records")},
            "options": dict(self.options),
            "warnings": list(self.warnings),
        }


def from_records(
    records: pd.DataFrame,
    *,
    basis: str = "equal_value",
    generation_coal_rate: Any = None,
    fuel_dataset: str = emissions.DEFAULT_FUEL_DATASET,
    source: str | None = None,
    heat_supply_rate: Any = None,
    ncv_basis: str = "gbt2589",
    natural_gas_row: str = "oilfield",
) -> EnergyResult:
    """Comprehensive energy consumption of activity records (same columns as the inventory).

    Steam and hot water given by mass are converted to heat by their enthalpy or
    temperature (as in the inventory); a ``measured_ncv`` column overrides fuel
    coefficients row by row. Rows with ``direction == "export"`` are deducted.

    Parameters
    ----------
    records : pandas.DataFrame
        One row per energy record, with columns ``carrier``, ``amount`` and ``unit``;
        optional ``measured_ncv`` [GJ/t] or [GJ/Nm3], ``enthalpy`` [kJ/kg] (steam by
        mass), ``temperature`` [degC] (hot water by mass), ``direction`` and ``_path``.
    basis : {"equal_value", "equivalent_value"}, default "equal_value"
        Electricity at equal value (当量值) or equivalent value (等价值).
    generation_coal_rate : Quantity or float, optional
        Required for ``equivalent_value``: grams of standard coal per kWh (gce/kWh)
        [g/kWh].
    fuel_dataset : str, default "GB/T 32150-2015"
        Fuel table used for fuels without a GB/T 2589 row and for measured NCVs.
    source : str, optional
        The plant file's name, named in messages.
    heat_supply_rate : Quantity or float, optional
        For ``equivalent_value``: the heat-supply coal rate of purchased heat [kg/GJ] (see
        :func:`coefficient`).
    ncv_basis : {"gbt2589", "inventory"}, default "gbt2589"
        ``inventory``: one heating value per fuel entry, the inventory's NCV where the
        GB/T 2589 row is another heating value (see :func:`coefficient`).
    natural_gas_row : {"oilfield", "gasfield"}, default "oilfield"
        The GB/T 2589-2008 natural-gas row (see :func:`coefficient`); the result names
        it (``options``, ``coefficient_note``) and keeps the tce under the other row
        (:meth:`EnergyResult.other_gas_row`).

    Returns
    -------
    EnergyResult
        Per-row ``tce`` [tce] (exports negative) and the factors used.

    Examples
    --------
    >>> import pandas as pd
    >>> records = pd.DataFrame({"carrier": ["electricity"], "amount": [1e6], "unit": ["kWh"]})
    >>> round(from_records(records).total.m_as("tce"), 1)
    122.9
    """
    a = records.reset_index(drop=True).copy()
    for column in ("carrier", "amount", "unit"):
        if column not in a.columns:
            raise InputError(f"records need a {column!r} column", field=column, source=source)
    amount = pd.to_numeric(a["amount"], errors="coerce").to_numpy(dtype=float)
    if not np.all(np.isfinite(amount)) or np.any(amount < 0):
        raise InputError("amounts must be finite and not negative", field="amount", source=source)
    tce = np.zeros(len(a))
    other = np.zeros(len(a))
    notes = np.empty(len(a), dtype=object)
    used: list[factors.Factor] = []
    measured = pd.to_numeric(
        a.get("measured_ncv", pd.Series(np.nan, index=a.index)), errors="coerce"
    ).to_numpy(dtype=float)
    with collect_caveats() as caught:
        if not len(a):
            caveat(NO_ENERGY, GreenchainWarning, field="energy")
        for (carrier, u), idx in a.groupby(["carrier", "unit"], sort=False).groups.items():
            rows = np.asarray(idx)
            where = a.loc[rows[0], "_path"] if "_path" in a.columns else f"records row {rows[0]}"
            q = Q_(amount[rows], unit_of(u))
            try:
                if carrier in ("steam", "hot_water") and q.check("[mass]"):
                    if carrier == "steam":
                        heat = emissions.steam_heat(
                            q,
                            Q_(
                                pd.to_numeric(a.loc[rows, "enthalpy"]).to_numpy(dtype=float),
                                "kJ/kg",
                            ),
                        )
                    else:
                        heat = emissions.hot_water_heat(
                            q,
                            Q_(
                                pd.to_numeric(a.loc[rows, "temperature"]).to_numpy(dtype=float),
                                "degC",
                            ),
                        )
                    q = heat
                coef, f, note = coefficient(
                    str(carrier),
                    basis=basis,
                    generation_coal_rate=generation_coal_rate,
                    fuel_dataset=fuel_dataset,
                    heat_supply_rate=heat_supply_rate,
                    ncv_basis=ncv_basis,
                    natural_gas_row=natural_gas_row,
                )
                value = (q * coef).m_as("tce")
                alt = value
                if carrier == "natural_gas":
                    other_row = next(k for k in NATURAL_GAS_ROWS if k != natural_gas_row)
                    with collect_caveats():
                        alt_coef = factors.get(f"standard_coal.{NATURAL_GAS_ROWS[other_row]}")
                    alt = (q * alt_coef.quantity).m_as("tce")
                m = measured[rows]
                if np.isfinite(m).any():
                    params = emissions.fuel_parameters(str(carrier), fuel_dataset)
                    amt = q.m_as(params.basis_unit)
                    value = np.where(np.isfinite(m), amt * m * 1000.0 / _KGCE_MJ / 1000.0, value)
                    alt = np.where(np.isfinite(m), value, alt)
                    note = note + "; measured NCV where given"
            except pint.errors.DimensionalityError:
                raise UnitError(
                    f"a {u!r} amount does not fit carrier {carrier!r}",
                    field=f"{where}.unit",
                    source=source,
                ) from None
            except GreenchainError as exc:
                raise type(exc)(
                    getattr(exc, "message", str(exc)), field=f"{where}.carrier", source=source
                ) from None
            tce[rows] = value
            other[rows] = alt
            notes[rows] = note
            if f is not None:
                used.append(f)
    direction = a["direction"].astype(str).to_numpy() if "direction" in a.columns else None
    if direction is not None:
        tce = np.where(direction == "export", -tce, tce)
        other = np.where(direction == "export", -other, other)
    out = a.drop(columns=[c for c in ("amount",) if c in a.columns]).copy()
    out.insert(1, "amount", amount)
    out["tce"] = tce
    out["coefficient_note"] = notes
    emit_caveats(caught)
    return EnergyResult(
        out,
        used,
        [c.message for c in caught],
        {
            "basis": basis,
            "generation_coal_rate": generation_coal_rate,
            "fuel_dataset": fuel_dataset,
            "heat_supply_rate": heat_supply_rate,
            "ncv_basis": ncv_basis,
            "natural_gas_row": natural_gas_row,
        },
        caveats=list(caught),
        tce_other_gas_row=other,
    )


def plant_energy(
    data: PlantData,
    source: str | None = None,
    *,
    records: pd.DataFrame | None = None,
    **options: Any,
) -> EnergyResult:
    """Comprehensive energy consumption of a plant file.

    Parameters
    ----------
    data : PlantData
        Validated plant data.
    source : str, optional
        The plant file's name, named in messages.
    records : pandas.DataFrame, optional
        The plant's activity records when already built (default
        :func:`~greenchain.accounting.records.plant_records` of ``data``).
    **options
        As :func:`from_records` (``basis``, ``generation_coal_rate``, ``heat_supply_rate``,
        ``fuel_dataset``).

    Returns
    -------
    EnergyResult
        With the plant's products (output and ``energy_share``) and output value, so
        that :meth:`EnergyResult.intensity` and :meth:`EnergyResult.per_output_value`
        work.

    Examples
    --------
    >>> import greenchain as gc
    >>> data = gc.load_plant(gc.example_path("tile_plant.yaml")).data
    >>> round(plant_energy(data).total.m_as("tce"))
    28691
    """
    if records is None:
        records = plant_records(data, source)
    result = from_records(records, source=source, **options)
    return replace(
        result,
        products={
            p.id: {"output": p.output, "energy_share": p.attributes.get("energy_share")}
            for p in data.products
        },
        output_value=data.economics.output_value,
    )
