"""Heat balance of a fuel-fired roller or tunnel kiln, assembled from PHAST's loss terms.

PHAST's process-heating assessment adds up the heat the kiln must deliver (the product
and its moisture, fixtures, walls, openings, cooling, leakage, atmosphere ...), divides
by the available heat of the flame to get the gross fuel input, and puts the rest in
the flue. :func:`furnace_heat_balance` does exactly that with terms computed by
:mod:`greenchain.processes.furnace_losses`, :mod:`greenchain.processes.kilns` and
:mod:`greenchain.processes.flue_gas` (or any other power in kW), and reports how well
the balance closes. Given a metered fuel input instead, it reports the unaccounted
heat.

Examples
--------
>>> from greenchain import Q_
>>> b = furnace_heat_balance({"product": 900, "walls": 120, "openings": 15},
...                          available_heat=0.55)
>>> print(b.heat_input, b.terms["flue_gas"], sep="; ")
1881.8... kW; 846.8... kW
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
import pint

from greenchain.errors import InputError
from greenchain.units import Q_, QuantityLike, fraction, magnitude

__all__ = ["FurnaceHeatBalance", "furnace_heat_balance"]

_FLUE = "flue_gas"


@dataclass(frozen=True)
class FurnaceHeatBalance:
    """Heat balance of a kiln or furnace: inputs, every term, and the closure."""

    #: Gross (HHV) fuel heat input [kW]: metered, or required by the terms.
    heat_input: pint.Quantity
    #: Other heat coming in (exothermic reactions, recovered heat credited) [kW].
    credits: dict[str, pint.Quantity]
    #: Every heat use and loss [kW], the flue gas (``"flue_gas"``) included.
    terms: dict[str, pint.Quantity]
    #: Each term as a fraction of all heat in [dimensionless].
    shares: dict[str, pint.Quantity] = field(repr=False)
    #: Available heat of the flame [dimensionless].
    available_heat: pint.Quantity = field(repr=False)
    #: Heat in minus every term [kW]: 0 when the input was derived, the unaccounted
    #: heat when it was metered.
    closure: pint.Quantity = field(repr=False)
    #: ``closure`` as a fraction of all heat in [dimensionless].
    relative_closure: pint.Quantity = field(repr=False)

    @property
    def total_in(self) -> pint.Quantity:
        """Fuel input plus credits [kW]."""
        return self.heat_input + sum(self.credits.values(), Q_(0.0, "kW"))

    @property
    def total_terms(self) -> pint.Quantity:
        """Sum of every use and loss, flue gas included [kW]."""
        return sum(self.terms.values(), Q_(0.0, "kW"))


def _read_terms(values: Mapping[str, QuantityLike] | None, name: str) -> dict[str, np.ndarray]:
    if values is None:
        return {}
    if not isinstance(values, Mapping):
        raise InputError("expected a mapping of name -> power", field=name)
    out = {}
    for key, value in values.items():
        if str(key) == _FLUE:
            raise InputError(
                f"{_FLUE!r} is computed from the available heat", field=f"{name}[{key!r}]"
            )
        out[str(key)] = magnitude(value, "kW", f"{name}[{key!r}]")
    return out


def furnace_heat_balance(
    terms: Mapping[str, QuantityLike],
    available_heat: QuantityLike,
    *,
    fuel_input: QuantityLike | None = None,
    credits: Mapping[str, QuantityLike] | None = None,
) -> FurnaceHeatBalance:
    """Heat balance of a fuel-fired kiln or furnace from its heat uses and losses (PHAST).

    Parameters
    ----------
    terms : mapping of str to float, array-like or Quantity
        Each heat use or loss inside the kiln [kW] (product, fixtures, walls, openings,
        cooling, leakage, atmosphere ...), e.g. from
        :mod:`greenchain.processes.furnace_losses`; not the flue gas, which is derived.
    available_heat : float, array-like or Quantity
        Available heat of the flame [dimensionless], between 0 and 1, e.g.
        :func:`greenchain.processes.combustion.available_heat` or
        :func:`greenchain.processes.flue_gas.gas_available_heat`.
    fuel_input : float, array-like or Quantity, optional
        Metered gross (HHV) fuel heat input [kW]; without it the input the terms
        require is computed.
    credits : mapping of str to float, array-like or Quantity, optional
        Heat entering other than the fuel [kW] (exothermic reactions, heat recovered
        into the kiln and not already in ``available_heat``).

    Returns
    -------
    FurnaceHeatBalance
        Heat input, credits, every term with the flue gas, shares, and the closure.

    Notes
    -----
    With :math:`\\sum Q_j` the terms, :math:`C` the credits and :math:`AH` the
    available heat:

    .. math::

        Q_{in} = \\frac{\\sum_j Q_j - C}{AH} \\ \\text{(derived)}, \\qquad
        Q_{flue} = Q_{in}\\,(1 - AH),

        \\text{closure} = Q_{in} + C - \\sum_j Q_j - Q_{flue}

    The closure is zero to rounding when :math:`Q_{in}` is derived; with a metered
    input it is the heat the listed terms do not explain.

    References
    ----------
    US DOE MEASUR (PHAST), AMO-Tools-Suite ``src/calculator/losses/`` (one class per
    term) and ``src/calculator/furnace/EnergyInputExhaustGasLosses.cpp`` (gross input
    = net heat / available heat). US DOE, *Process Heating Assessment and Survey Tool
    user manual*, heat balance.

    Examples
    --------
    >>> b = furnace_heat_balance({"product": 900, "walls": 120}, 0.55, fuel_input=2000)
    >>> print(b.closure, b.relative_closure, sep="; ")
    80.0... kW; 0.04...
    """
    loads = _read_terms(terms, "terms")
    if not loads:
        raise InputError("give at least one heat use or loss", field="terms")
    extra = _read_terms(credits, "credits")
    ah = fraction(available_heat, "available_heat")
    need = sum(loads.values())
    credit = sum(extra.values()) if extra else np.asarray(0.0)
    if fuel_input is None:
        q_in = (need - credit) / ah
        if np.any(q_in < 0):
            raise InputError("the credits exceed the heat the terms need", field="credits")
    else:
        q_in = magnitude(fuel_input, "kW", "fuel_input")
    flue = q_in * (1 - ah)
    all_terms = {**loads, _FLUE: flue}
    total_in = q_in + credit
    closure = total_in - need - flue
    with np.errstate(divide="ignore", invalid="ignore"):
        shares = {k: Q_(v / total_in, "") for k, v in all_terms.items()}
        relative = closure / total_in
    return FurnaceHeatBalance(
        heat_input=Q_(q_in, "kW"),
        credits={k: Q_(v, "kW") for k, v in extra.items()},
        terms={k: Q_(v, "kW") for k, v in all_terms.items()},
        shares=shares,
        available_heat=Q_(ah, ""),
        closure=Q_(closure, "kW"),
        relative_closure=Q_(relative, ""),
    )
