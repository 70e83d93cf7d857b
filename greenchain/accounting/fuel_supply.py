"""Supply-chain (well-to-tank) emissions of the fuels a plant burns.

A cradle-to-gate product footprint (ISO 14067 / GB/T 24067) counts the acquisition
and production of every energy carrier: for electricity the life-cycle grid factor
does so; for fuels, the extraction, processing, liquefaction and transport of the fuel
up to the plant. :func:`fuel_supply_emissions` gives those emissions from the fuel's
energy (net calorific value) and a supply-chain factor per kWh of fuel.

No official Chinese set of fuel supply-chain factors was found; the shipped set is the
UK government's well-to-tank factors (``"DESNZ 2025"``, status ``unverified``), and a
user factor file can supply another (keys ``fuel.<fuel>.supply_chain``, see
:func:`greenchain.data.factors.load_user`).

Examples
--------
>>> from greenchain import Q_
>>> round(fuel_supply_emissions("natural_gas", Q_(10_000, "Nm3")).m_as("kgCO2e"), 1)
3619.6
"""

from __future__ import annotations

from typing import Any

import pint

from greenchain.accounting.emissions import DEFAULT_FUEL_DATASET, fuel_parameters
from greenchain.data import factors
from greenchain.errors import InputError, UnitError
from greenchain.units import Q_, check_range, magnitude, quantity

__all__ = [
    "DEFAULT_SUPPLY_DATASET",
    "supply_datasets",
    "check_supply_dataset",
    "supply_chain_factor",
    "fuel_energy",
    "fuel_supply_emissions",
]

#: The shipped fuel supply-chain set (UK well-to-tank factors, unverified).
DEFAULT_SUPPLY_DATASET = "DESNZ 2025"


def supply_datasets() -> list[str]:
    """The factor sets holding fuel supply-chain factors (shipped and user files).

    Returns
    -------
    list of str
        Dataset names, e.g. ``["DESNZ 2025"]``.

    Examples
    --------
    >>> "DESNZ 2025" in supply_datasets()
    True
    """
    table = factors.table()
    keys = table["key"].astype(str)
    return sorted(set(table.loc[keys.str.endswith(".supply_chain"), "dataset"].astype(str)))


def check_supply_dataset(dataset: str) -> str:
    """``dataset`` as the factor files spell it, or an error listing the known sets.

    Parameters
    ----------
    dataset : str
        A fuel supply-chain factor set, in any case.

    Returns
    -------
    str
        The dataset name as in the factor files.

    Raises
    ------
    InputError
        No factor file holds supply-chain factors under that name (field
        ``fuel_supply``).
    """
    known = supply_datasets()
    for name in known:
        if name.casefold() == str(dataset).casefold():
            return name
    raise InputError(
        f"no fuel supply-chain factors in dataset {dataset!r}; known: {known} "
        "(or None to leave fuel supply chains out)",
        field="fuel_supply",
    )


def supply_chain_factor(fuel: str, dataset: str = DEFAULT_SUPPLY_DATASET) -> factors.Factor | None:
    """The supply-chain factor of ``fuel`` in ``dataset``, or None if it has none.

    Parameters
    ----------
    fuel : str
        Fuel id, e.g. ``"natural_gas"``, ``"bituminous_coal"``.
    dataset : str, default "DESNZ 2025"
        Factor set (a user file's ``dataset`` for the keys ``fuel.<fuel>.supply_chain``).

    Returns
    -------
    Factor or None
        [kgCO2e/kWh] of fuel on a net calorific value basis; None when the set has no
        row for the fuel (coke, process gases ...).

    Examples
    --------
    >>> f = supply_chain_factor("lng")
    >>> f.value, f.unit, f.source_ref
    (0.07214, 'kgCO2e/kWh', 'WTT- fuels, Gaseous fuels, LNG, kWh (Net CV)')
    >>> supply_chain_factor("coke") is None
    True
    """
    try:
        return factors.get(f"fuel.{fuel}.supply_chain", dataset=dataset)
    except factors.FactorNotFound:
        return None


def fuel_energy(
    fuel: str, amount: Any, *, dataset: str = DEFAULT_FUEL_DATASET, ncv: Any = None
) -> pint.Quantity:
    """Energy of a fuel amount at its net calorific value [GJ].

    Parameters
    ----------
    fuel : str
        Fuel id of the combustion parameter sets.
    amount : Quantity or array_like
        Fuel by mass (solid and liquid fuels; plain numbers in [t]) or volume (gaseous
        fuels; plain numbers in [Nm3], [m^3] read as [Nm3]).
    dataset : str, default "GB/T 32150-2015"
        Parameter set whose NCV is used when ``ncv`` is not given.
    ncv : Quantity or array_like, optional
        Measured net calorific value [GJ/t] or [GJ/Nm3].

    Returns
    -------
    Quantity [GJ]

    Examples
    --------
    >>> from greenchain import Q_
    >>> fuel_energy("diesel", Q_(1, "t"))
    <Quantity(42.652, 'gigajoule')>
    """
    params = fuel_parameters(fuel, dataset)
    basis = params.basis_unit
    if isinstance(amount, pint.Quantity) and not amount.check(
        "[mass]" if basis == "t" else "[length]**3"
    ):
        kind = "mass" if basis == "t" else "volume"
        raise UnitError(
            f"fuel {fuel!r} is measured by {kind}; got {amount.units:~P}", field="amount"
        )
    fc = magnitude(amount, basis, "amount")
    check_range(fc, "amount", low=0)
    if ncv is None:
        return quantity(fc * params.ncv_per_basis, "GJ")
    value = magnitude(ncv, f"GJ/{basis}", "ncv")
    check_range(value, "ncv", low=0, low_inclusive=False)
    return quantity(fc * value, "GJ")


def fuel_supply_emissions(
    fuel: str,
    amount: Any,
    *,
    dataset: str = DEFAULT_FUEL_DATASET,
    ncv: Any = None,
    supply_dataset: str = DEFAULT_SUPPLY_DATASET,
) -> pint.Quantity:
    r"""Supply-chain emissions of a fuel amount (extraction to the plant gate) [kgCO2e].

    Parameters
    ----------
    fuel : str
        Fuel id, e.g. ``"natural_gas"``, ``"diesel"``.
    amount : Quantity or array_like
        Fuel consumed, as :func:`fuel_energy` reads it.
    dataset : str, default "GB/T 32150-2015"
        Combustion parameter set whose NCV gives the fuel's energy.
    ncv : Quantity or array_like, optional
        Measured net calorific value [GJ/t] or [GJ/Nm3].
    supply_dataset : str, default "DESNZ 2025"
        Supply-chain factor set.

    Returns
    -------
    Quantity [kgCO2e]

    Raises
    ------
    InputError
        ``supply_dataset`` has no factor for the fuel (field ``fuel``).

    Notes
    -----
    .. math:: E_{up} = FC \times NCV \times EF_{up}

    with ``EF_up`` per kWh of fuel on a net calorific value basis (the DESNZ "kWh (Net
    CV)" rows).

    References
    ----------
    .. [1] UK Government GHG Conversion Factors for Company Reporting 2025, sheet
       "WTT- fuels" (DESNZ; shipped as unverified: read from a copy of the flat file).
    .. [2] ISO 14067:2018, 6.3.4 (system boundary: acquisition of energy carriers).

    Examples
    --------
    >>> from greenchain import Q_
    >>> round(fuel_supply_emissions("diesel", Q_(100, "t")).m_as("tCO2e"), 2)
    74.53
    """
    factor = supply_chain_factor(fuel, supply_dataset)
    if factor is None:
        raise InputError(
            f"{supply_dataset!r} has no supply-chain factor for fuel {fuel!r}", field="fuel"
        )
    energy = fuel_energy(fuel, amount, dataset=dataset, ncv=ncv)
    return (energy * Q_(factor.value, factor.unit)).to("kgCO2e")
