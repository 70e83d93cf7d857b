"""One heating value per fuel entry: the inventory's NCV as a standard-coal coefficient.

Issue #13 (Q1/Q6): GB/T 2589 reference rows and the inventory's fuel table may give one
fuel entry two heating values (bituminous coal on the generic raw-coal row, 20 908
kJ/kg, vs GB/T 32150-2015's 19.570 GJ/t). :func:`greenchain.accounting.energy.coefficient`
with ``ncv_basis="inventory"`` uses :func:`inventory_coefficient` where the two differ
by more than :data:`SAME_NCV_TOLERANCE`.
"""

from __future__ import annotations

import pint

from greenchain.accounting import emissions
from greenchain.data import factors
from greenchain.errors import GreenchainError, collect_caveats, emit_caveats
from greenchain.units import Q_

__all__ = ["NATURAL_GAS_ROWS", "NCV_BASES", "SAME_NCV_TOLERANCE", "inventory_coefficient"]

_KGCE_MJ = 29.3076  # MJ per kgce, GB/T 2589 (also factors/units.txt)

#: ``natural_gas_row`` -> the GB/T 2589-2008 natural-gas row (a choice: two rows)
NATURAL_GAS_ROWS = {"oilfield": "natural_gas_oilfield", "gasfield": "natural_gas_gasfield"}
#: ``ncv_basis`` choices: the GB/T 2589 reference row, or the inventory's NCV
NCV_BASES = ("gbt2589", "inventory")
#: a GB/T 2589 row and an inventory NCV within this relative difference are the same
#: heating value (the 4-decimal coefficients are rounded, e.g. diesel 1.4571 vs
#: 42.652 / 29.3076 = 1.4553, 0.12 %); beyond it they are two heating values
SAME_NCV_TOLERANCE = 0.005


def inventory_coefficient(
    fuel: str, fuel_dataset: str = emissions.DEFAULT_FUEL_DATASET
) -> tuple[pint.Quantity, factors.Factor] | None:
    """The standard-coal coefficient from the NCV the inventory uses for a fuel.

    Parameters
    ----------
    fuel : str
        Fuel id, e.g. ``"bituminous_coal"``.
    fuel_dataset : str, default "GB/T 32150-2015"
        The inventory's fuel table.

    Returns
    -------
    (Quantity, Factor) or None
        NCV / 29.3076 MJ/kgce per basis unit ([kgce/t], [kgce/Nm3]) and the NCV
        factor; None when the table has no such fuel.

    Examples
    --------
    >>> coef, ncv = inventory_coefficient("bituminous_coal")
    >>> round(coef.m_as("kgce/kg"), 5), ncv.value
    (0.66775, 19.57)
    """
    with collect_caveats() as caught:
        try:
            params = emissions.fuel_parameters(fuel, fuel_dataset)
        except GreenchainError:
            return None
    # only the NCV's own caveats concern this coefficient (not the CC or OF)
    emit_caveats(c for c in caught if f"fuel.{fuel}.ncv" in c.message)
    coef = Q_(params.ncv_per_basis * 1000.0 / _KGCE_MJ, f"kgce/{params.basis_unit}")
    return coef, params.ncv
