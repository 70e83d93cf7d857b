"""The Chinese guideline conventions for the heat in purchased steam and hot water.

The NDRC GHG accounting guidelines turn purchased (or supplied) steam and hot water
into heat, the activity data of their emissions, with fixed reference values: the
steam enthalpy above 83.74 kJ/kg, and the hot water above 20 degC at 4.1868 kJ/(kg K).
The constants are read from ``factors/steam_conventions.csv`` (status
``unverified``: every call warns). These are reporting conventions, not physics:
use :mod:`greenchain.processes.steam` (IAPWS-IF97) for engineering balances. The
functions are also importable from :mod:`greenchain.processes.steam`, where they
lived until 0.2.

Examples
--------
>>> import warnings
>>> with warnings.catch_warnings():
...     warnings.simplefilter("ignore")
...     q = heat_from_hot_water(100, 80)
>>> round(float(q.m_as("GJ")), 4)
25.1208
"""

from __future__ import annotations

from functools import cache
from typing import Any

import pint

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import UnverifiedDataWarning, caveat
from greenchain.units import Q_, QuantityLike, check_range, magnitude
from greenchain.units import temperature as to_temperature

__all__ = ["heat_from_steam", "heat_from_hot_water", "steam_conventions"]


@cache
def _conventions() -> dict[str, dict[str, Any]]:
    """``{key: {"value": Quantity, "source_id", "source_ref", "status"}}`` of the table."""
    return {
        row["key"]: {
            "value": Q_(parse_number(row["value"]), row["unit"]),
            "source_id": row["source_id"],
            "source_ref": row["source_ref"],
            "status": row["status"],
        }
        for row in read_table("steam_conventions.csv")
    }


def steam_conventions() -> dict[str, dict[str, Any]]:
    """The steam and hot-water conversion constants of ``factors/steam_conventions.csv``.

    Returns
    -------
    dict
        ``{key: {"value": Quantity, "source_id", "source_ref", "status"}}``.

    Examples
    --------
    >>> c = steam_conventions()["steam.reference_enthalpy"]
    >>> c["value"], c["status"]
    (<Quantity(83.74, 'kilojoule / kilogram')>, 'unverified')
    """
    return {key: dict(row) for key, row in _conventions().items()}


def _warn_unverified(keys: tuple[str, ...], what: str) -> None:
    rows = [_conventions()[k] for k in keys]
    bad = [k for k, row in zip(keys, rows, strict=True) if row["status"] == "unverified"]
    if bad:
        caveat(
            f"{what} uses unverified conventions ({', '.join(bad)}; source "
            f"{rows[0]['source_id']}): the guideline text was not read",
            UnverifiedDataWarning,
        )


def heat_from_steam(mass: QuantityLike, enthalpy: QuantityLike) -> pint.Quantity:
    """Heat in purchased or supplied steam, by the Chinese guideline convention.

    Parameters
    ----------
    mass : numeric or Quantity [t]
        Steam mass.
    enthalpy : numeric or Quantity [kJ/kg]
        Specific enthalpy of the steam at its measured pressure and temperature
        (e.g. :func:`greenchain.processes.steam.steam_properties` ``(p,
        temperature=t).enthalpy``).

    Returns
    -------
    Quantity [GJ]

    Warns
    -----
    UnverifiedDataWarning
        Always (once per call): the reference enthalpy comes from
        ``ndrc-other-2015`` with status ``unverified``.

    Notes
    -----
    .. math:: AD_{st} = M_{st}\\,(h - 83.74\\ \\mathrm{kJ/kg}) \\times 10^{-3}

    with :math:`M_{st}` in t and :math:`AD_{st}` in GJ. 83.74 kJ/kg is
    4.1868 kJ/(kg K) x 20 K, the enthalpy of water at 20 degC on the old
    steam-table basis; it is read from ``factors/steam_conventions.csv``
    (``steam.reference_enthalpy``).

    References
    ----------
    NDRC (2015), Guidelines for GHG accounting and reporting - other industrial
    enterprises (trial), purchased steam (source id ``ndrc-other-2015``,
    unverified).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     q = heat_from_steam(10, 2777.1)
    >>> round(float(q.m_as("GJ")), 3)
    26.934
    """
    m = magnitude(mass, "t", "mass")
    check_range(m, "mass", low=0.0, unit="t")
    h = magnitude(enthalpy, "kJ/kg", "enthalpy")
    ref = _conventions()["steam.reference_enthalpy"]["value"].m_as("kJ/kg")
    check_range(h, "enthalpy", low=ref, unit="kJ/kg (the reference enthalpy)")
    _warn_unverified(("steam.reference_enthalpy",), "heat_from_steam")
    return Q_(m * 1000.0 * (h - ref), "kJ").to("GJ")


def heat_from_hot_water(mass: QuantityLike, temperature: QuantityLike) -> pint.Quantity:
    """Heat in purchased or supplied hot water, by the Chinese guideline convention.

    Parameters
    ----------
    mass : numeric or Quantity [t]
        Hot-water mass.
    temperature : numeric or Quantity [degC]
        Hot-water temperature (at least the 20 degC reference).

    Returns
    -------
    Quantity [GJ]

    Warns
    -----
    UnverifiedDataWarning
        Always (once per call): the reference temperature and specific heat
        come from ``ndrc-other-2015`` with status ``unverified``.

    Notes
    -----
    .. math:: AD_{w} = M_{w}\\,(T_{w} - 20\\,^\\circ\\mathrm{C}) \\times
              4.1868\\ \\mathrm{kJ/(kg\\,K)} \\times 10^{-3}

    with :math:`M_w` in t and :math:`AD_w` in GJ; both constants are read
    from ``factors/steam_conventions.csv``.

    References
    ----------
    NDRC (2015), Guidelines for GHG accounting and reporting - other industrial
    enterprises (trial), purchased hot water (``ndrc-other-2015``, unverified).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings():
    ...     warnings.simplefilter("ignore")
    ...     q = heat_from_hot_water(100, 80)
    >>> round(float(q.m_as("GJ")), 4)
    25.1208
    """
    m = magnitude(mass, "t", "mass")
    check_range(m, "mass", low=0.0, unit="t")
    conv = _conventions()
    t_ref = conv["hot_water.reference_temperature"]["value"].m_as("degC")
    cp = conv["hot_water.specific_heat"]["value"].m_as("kJ/(kg*K)")
    t = to_temperature(temperature, "degC", "temperature")
    check_range(t, "temperature", low=t_ref, unit="degC (the reference temperature)")
    _warn_unverified(
        ("hot_water.reference_temperature", "hot_water.specific_heat"), "heat_from_hot_water"
    )
    return Q_(m * 1000.0 * (t - t_ref) * cp, "kJ").to("GJ")
