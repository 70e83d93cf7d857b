r"""Fluorinated gases and the process emissions of the other Jinjiang chains.

Methods of the NDRC 2015 sector guidelines (replaced by GB/T 32151.24/.25/.29-2024) and the
IPCC 2006 Guidelines, each with its defaults in ``factors/``:

* **electronics / IC** (:func:`electronics_fgas`): F-gases of etching and CVD chamber
  cleaning by IPCC 2006 Vol.3 Ch.6 Tier 2a (all processes) or Tier 2b (by process), with
  the cylinder heel, utilisation, by-products (CF4, C2F6, C3F8), the share of gas fed to
  abatement and its destruction efficiency; N2O of CVD (all N2O used is emitted);
* **refrigeration and electrical equipment** (:func:`equipment_leakage`): a refrigerant
  (blends included) or SF6 leaked from the plant's own chillers and switchgear, from the
  annual top-up or the charge times a leak rate;
* **machinery** (:func:`equipment_filling`, :func:`shielding_gas_co2`): SF6/HFC/PFC lost
  while filling electrical or refrigeration products (stock balance), CO2 of welding
  shielding gas;
* **food** (:func:`purchased_co2_lost`): purchased industrial CO2 lost in use (beverage
  filling, carbonation); carbonates and anaerobic wastewater CH4 are
  :func:`greenchain.accounting.emissions.carbonate_decomposition` and
  :func:`~greenchain.accounting.emissions.wastewater_ch4` (the food guideline's MCF by
  sub-sector are ``system="food_manufacturing"``, ``"tobacco"``, ``"beverages_tea"``);
* **footwear and apparel**: the sector's guidance (GB/T 32151.12, listed as 2018; T/CNTAC
  12-2018) counts CO2 and CH4 only, i.e. combustion, purchased energy and wastewater CH4.
  Adhesives and solvents emit VOCs, not greenhouse gases: there is no process method to add.

Examples
--------
>>> t = electronics_fgas("CF4", 1000, heel=0.1, abatement=0.9, dre=0.9, ar="AR6")
>>> round(float(t["co2e_t"].sum()), 1)  # sectors_prices.md 2.4 worked check
1135.8
"""

from __future__ import annotations

from functools import cache
from typing import Any

import numpy as np
import pandas as pd
import pint

from greenchain.data import factors
from greenchain.data.gwp import DEFAULT_AR, canonical_gas, gwp_factor, normalise_gas
from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, UnverifiedDataWarning, caveat
from greenchain.units import check_range, magnitude, quantity

__all__ = [
    "electronics_factors",
    "electronics_fgas",
    "equipment_leakage",
    "equipment_filling",
    "shielding_gas_co2",
    "purchased_co2_lost",
    "leaked_kg",
    "ELECTRONICS_METHODS",
]

#: Methods of :func:`electronics_fgas`.
ELECTRONICS_METHODS = ("tier2a", "tier2b")
_BYPRODUCTS = (("b_cf4", "CF4"), ("b_c2f6", "C2F6"), ("b_c3f8", "C3F8"))
_TABLE = "electronics_ipcc2006.csv"


@cache
def _electronics_rows() -> tuple[dict[str, Any], ...]:
    return tuple(read_table(_TABLE))


def electronics_factors(gas: str, method: str = "tier2a", process: str | None = None) -> dict:
    """The IPCC 2006 emission factors of one etch/CVD gas: ``1 - U`` and by-products.

    Parameters
    ----------
    gas : str
        Feed gas (``"CF4"``, ``"NF3"``, ``"NF3_remote"``, ``"c-C4F8"``, ``"CHF3"``, ``"N2O"`` ...).
    method : {"tier2a", "tier2b"}, default "tier2a"
        Tier 2a (all processes together) or Tier 2b (by process).
    process : {"etch", "cvd"}, optional
        The process, required by Tier 2b.

    Returns
    -------
    dict
        ``one_minus_u`` [-], ``byproducts`` ({gas: kg per kg used}), ``source_id``,
        ``source_ref``, ``status``.

    Raises
    ------
    InputError
        No factor for the gas in that method and process (the message lists those known).

    Examples
    --------
    >>> f = electronics_factors("C2F6", "tier2b", "etch")
    >>> f["one_minus_u"], f["byproducts"]
    (0.4, {'CF4': 0.4})
    """
    if method not in ELECTRONICS_METHODS:
        raise InputError(f"method {method!r} not in {ELECTRONICS_METHODS}", field="method")
    wanted = _feed_id(gas)
    if wanted == "N2O":
        method, process = "n2o", "cvd"
    elif method == "tier2a":
        process = "all"
    elif process not in ("etch", "cvd"):
        raise InputError("tier2b needs process 'etch' or 'cvd'", field="process")
    rows = [r for r in _electronics_rows() if r["method"] == method and r["process"] == process]
    for r in rows:
        if _feed_id(r["gas"]) == wanted:
            byproducts = {
                gas_b: float(v)
                for col, gas_b in _BYPRODUCTS
                if (v := parse_number(r[col])) is not None
            }
            return {
                "one_minus_u": float(parse_number(r["one_minus_u"]) or 0.0),
                "byproducts": byproducts,
                "source_id": r["source_id"],
                "source_ref": r["source_ref"],
                "status": r["status"],
            }
    known = ", ".join(r["gas"] for r in rows)
    raise InputError(f"no {method} {process} factor for gas {gas!r}; known: {known}", field="gas")


def _feed_id(gas: str) -> str:
    """A feed gas's id in the electronics table (``NF3_remote`` kept as is)."""
    text = str(gas).strip()
    if normalise_gas(text) == "nf3_remote":
        return "NF3_remote"
    name = canonical_gas(text)
    return {"HFC-23": "CHF3", "HFC-32": "CH2F2"}.get(name, name)


def _gwp_name(gas: str) -> str:
    """The GWP name of an electronics feed gas."""
    return "NF3" if gas == "NF3_remote" else gas


def _dre(gas: str) -> tuple[float | None, factors.Factor | None]:
    """The default destruction efficiency of an abatement device for a gas."""
    try:
        f = factors.get(f"electronics.dre.{normalise_gas(canonical_gas(_gwp_name(gas)))}")
    except factors.FactorNotFound:
        return None, None
    return float(f.value), f


def electronics_fgas(
    gas: str,
    used: Any,
    *,
    method: str = "tier2a",
    process: str | None = None,
    heel: Any = None,
    abatement: Any = None,
    dre: Any = None,
    one_minus_u: Any = None,
    ar: str = DEFAULT_AR,
    fallback: bool = False,
) -> pd.DataFrame:
    r"""F-gas emissions of etching and CVD chamber cleaning (IPCC 2006 Tier 2a / 2b).

    Parameters
    ----------
    gas : str
        Feed gas: ``CF4``, ``C2F6``, ``C3F8``, ``c-C4F8``, ``CHF3``, ``CH2F2``, ``NF3``,
        ``NF3_remote`` (remote-plasma cleaning), ``SF6``, ``C4F6``, ``C5F8``, ``c-C4F8O``
        (Tier 2b), or ``N2O`` (CVD; all N2O used is emitted).
    used : Quantity or float
        Gas taken from the cylinders over the year, :math:`FC` [kg].
    method : {"tier2a", "tier2b"}, default "tier2a"
        IPCC 2006 Tier 2a (etch and CVD together; the NDRC electronics guideline's
        defaults) or Tier 2b (by process).
    process : {"etch", "cvd"}, optional
        Required by Tier 2b.
    heel : float, optional
        Fraction left in returned cylinders, :math:`h` [-]; default 0.10.
    abatement : float, optional
        Fraction of the gas used in tools fitted with abatement, :math:`a` [-];
        default 0.90 (guideline calculator default). Pass 0 when there is none.
    dre : float, optional
        Destruction efficiency of the abatement devices, :math:`d` [-], applied to the feed gas
        and its by-products; default the IPCC value of each gas.
    one_minus_u : float, optional
        Measured emission factor :math:`1 - U` [-] (replaces the default).
    ar : {"SAR", "AR4", "AR5", "AR6"}, default "AR6"
        GWP set.
    fallback : bool, default False
        Use the next report's GWP (with a caveat) when ``ar`` has none (SAR and NF3).

    Returns
    -------
    pandas.DataFrame
        One row for the feed gas and one per by-product: ``gas``, ``role``
        (``feed``/``by-product``), ``mass_t`` [t], ``gwp`` [kgCO2e/kg], ``co2e_t`` [tCO2e],
        ``status`` (the worst of the factors used), ``factors`` (the Factors behind the GWP and
        DRE).

    Notes
    -----
    .. math::

        E_i = (1 - h)\,FC_i\,(1 - U_i)\,(1 - a\,d_i), \qquad
        E_{j,i} = (1 - h)\,FC_i\,B_{j,i}\,(1 - a\,d_j)

    NDRC electronics guideline / GB/T 32151.24-2024; IPCC 2006 Vol.3 Ch.6 Eqs for Tier 2a and
    2b [1]_ (equation numbers unverified). A gas without a default DRE gets no abatement
    credit unless ``dre`` is given (a caveat says so).

    References
    ----------
    .. [1] IPCC (2006), Vol.3 Ch.6 Electronics Industry Emissions, Tier 2 defaults;
       40 CFR 98 Subpart I Table I-5 (cross-check). See ``factors/electronics_ipcc2006.csv``.

    Examples
    --------
    >>> t = electronics_fgas("C2F6", 100, heel=0.1, abatement=0, ar="AR4")
    >>> t[["gas", "mass_t"]].round(4).values.tolist()
    [['C2F6', 0.054], ['CF4', 0.018]]
    """
    kg = float(check_range(magnitude(used, "kg", "used"), "used", low=0))
    feed = _feed_id(gas)
    f = electronics_factors(feed, method, process)
    if f["status"] == "unverified":
        caveat(f"electronics factor for {feed} is unverified", UnverifiedDataWarning, field="gas")
    used_factors: list[factors.Factor] = []
    h = _fraction(heel, "electronics.heel", "heel", used_factors)
    a = (
        0.0
        if feed == "N2O"
        else _fraction(abatement, "electronics.abatement_share", "abatement", used_factors)
    )
    emitted_base = (1.0 - h) * kg
    u = f["one_minus_u"] if one_minus_u is None else _rate(one_minus_u, "one_minus_u")
    rows = []
    for role, name, factor in [("feed", feed, u)] + [
        ("by-product", g, b) for g, b in f["byproducts"].items()
    ]:
        d = _rate(dre, "dre") if dre is not None else None
        if d is None and a > 0:
            d, dre_factor = _dre(name)
            if dre_factor is not None:
                used_factors.append(dre_factor)
            if d is None:
                d = 0.0
                caveat(
                    f"no default abatement efficiency for {name}: no abatement credited "
                    "(give dre to credit one)",
                    UnverifiedDataWarning,
                    field="dre",
                )
        mass_kg = emitted_base * factor * (1.0 - a * (d or 0.0))
        g = gwp_factor(_gwp_name(name), ar, fallback=fallback)
        rows.append(
            {
                "gas": canonical_gas(_gwp_name(name)),
                "role": role,
                "mass_t": mass_kg / 1000.0,
                "gwp": float(g.value),
                "co2e_t": mass_kg * float(g.value) / 1000.0,
                "status": f["status"],
                "factors": [g, *used_factors],
            }
        )
    return pd.DataFrame(rows)


def _rate(value: Any, name: str) -> float:
    return float(check_range(magnitude(value, "", name), name, low=0, high=1))


def _fraction(value: Any, key: str, name: str, used: list[factors.Factor]) -> float:
    """A user fraction, or the database default (recorded in ``used``)."""
    if value is not None:
        return _rate(value, name)
    f = factors.get(key)
    used.append(f)
    return float(f.value)


def equipment_leakage(
    gas: str,
    *,
    top_up: Any = None,
    charge: Any = None,
    leak_rate: Any = None,
    ar: str = DEFAULT_AR,
) -> pint.Quantity:
    r"""CO2e of a refrigerant (pure or blend) or SF6 leaked from the plant's own equipment
    [tCO2e].

    Parameters
    ----------
    gas : str
        ``"R-410A"``, ``"R-134a"``, ``"R-22"``, ``"SF6"`` ... (see :func:`greenchain.gwp`).
    top_up : Quantity or float, optional
        Gas added over the year to restore the charge, taken as the mass leaked [kg].
    charge : Quantity or float, optional
        Nameplate charge of the equipment [kg], used with ``leak_rate`` when no top-up is known.
    leak_rate : float, optional
        Measured or manufacturer's annual leak rate, a fraction of the charge [1/yr]. No
        default is shipped: the IPCC 2006 equipment-type ranges (Vol.3 Ch.7) were not
        found in a citable copy.
    ar : {"SAR", "AR4", "AR5", "AR6"}, default "AR6"
        GWP set; a blend's GWP is mass-weighted from its ASHRAE 34 composition.

    Returns
    -------
    Quantity [tCO2e]

    Raises
    ------
    InputError
        Neither ``top_up`` nor ``charge`` with ``leak_rate``.

    Notes
    -----
    .. math:: E = m \times GWP_{100} \times 10^{-3}, \qquad m = m_{top\text{-}up}
       \;\text{or}\; m_{charge} \times r

    Examples
    --------
    >>> equipment_leakage("R-410A", top_up=10, ar="AR4").m_as("tCO2e")  # 10 kg x 2087.5
    20.875
    >>> equipment_leakage("SF6", charge=30, leak_rate=0.005, ar="AR6").m_as("tCO2e")
    3.78
    """
    g = gwp_factor(gas, ar)
    return quantity(leaked_kg(top_up, charge, leak_rate) * g.value / 1000.0, "tCO2e")


def leaked_kg(top_up: Any, charge: Any = None, leak_rate: Any = None) -> float:
    """Mass leaked [kg]: the top-up, or the charge times the leak rate.

    Parameters
    ----------
    top_up : Quantity or float or None
        Gas added over the year [kg].
    charge : Quantity or float, optional
        Equipment charge [kg].
    leak_rate : float, optional
        Annual leak rate [1/yr].

    Returns
    -------
    float
        [kg]

    Raises
    ------
    InputError
        Neither the top-up nor the charge with a leak rate.

    Examples
    --------
    >>> leaked_kg(None, 40, 0.05)
    2.0
    """
    if top_up is not None:
        return float(check_range(magnitude(top_up, "kg", "top_up"), "top_up", low=0))
    if charge is None or leak_rate is None:
        raise InputError("give top_up, or charge and leak_rate", field="top_up")
    kg = float(check_range(magnitude(charge, "kg", "charge"), "charge", low=0))
    return kg * _rate(leak_rate, "leak_rate")


def equipment_filling(
    gas: str,
    *,
    opening_stock: Any,
    purchased: Any,
    closing_stock: Any,
    filled: Any = None,
    fillings: int = 0,
    molar_mass: Any = None,
    cylinder_change: Any = None,
    ar: str = DEFAULT_AR,
) -> pint.Quantity:
    r"""CO2e of SF6, HFCs or PFCs lost while filling electrical or refrigeration products
    (machinery guideline) [tCO2e].

    Parameters
    ----------
    gas : str
        Gas or blend filled into the products.
    opening_stock, purchased, closing_stock : Quantity or float
        Stock at the start of the year, purchases, stock at the end [kg].
    filled : Quantity or float, optional
        Gas put into products, measured by flow meter [kg].
    fillings : int, default 0
        Number of fillings, for the estimate of ``filled`` when it was not metered.
    molar_mass : Quantity or float, optional
        Molar mass of the gas [g/mol], with ``fillings``.
    cylinder_change : Quantity or float, optional
        Mass taken from the cylinders, :math:`M_{before} - M_{after}` [kg], with ``fillings``.
    ar : {"SAR", "AR4", "AR5", "AR6"}, default "AR6"
        GWP set.

    Returns
    -------
    Quantity [tCO2e]

    Notes
    -----
    .. math::

        E = (IB + P - IE - Fill) \times GWP, \qquad
        Fill = (M_{before} - M_{after}) - N \times 0.342\,\mathrm{mol} \times M

    NDRC machinery guideline / GB/T 32151.29-2024 (sectors_prices.md 1.5). The leak per
    filling (0.342 mol) is ``unverified`` and says so when used.

    Examples
    --------
    >>> equipment_filling("SF6", opening_stock=200, purchased=1000, closing_stock=150,
    ...                   filled=1040, ar="AR6").m_as("tCO2e")  # 10 kg x 25200
    252.0
    """
    ib, p, ie = (
        float(check_range(magnitude(v, "kg", n), n, low=0))
        for v, n in (
            (opening_stock, "opening_stock"),
            (purchased, "purchased"),
            (closing_stock, "closing_stock"),
        )
    )
    if filled is not None:
        fill = float(check_range(magnitude(filled, "kg", "filled"), "filled", low=0))
    elif cylinder_change is not None and molar_mass is not None:
        leak = factors.get("machinery.fill_leak")
        m = float(magnitude(molar_mass, "g/mol", "molar_mass"))
        taken = float(magnitude(cylinder_change, "kg", "cylinder_change"))
        fill = taken - fillings * leak.value * m / 1000.0
    else:
        raise InputError(
            "give filled (metered), or cylinder_change, fillings and molar_mass", field="filled"
        )
    lost = ib + p - ie - fill
    if lost < 0:
        raise InputError(
            f"stock balance is negative ({lost:g} kg): check the stocks and the gas filled",
            field="filled",
        )
    g = gwp_factor(gas, ar)
    return quantity(lost * g.value / 1000.0, "tCO2e")


def shielding_gas_co2(used: Any, co2_fraction: Any = 1.0, balance: str = "Ar") -> pint.Quantity:
    r"""CO2 of welding shielding gas (machinery guideline) [tCO2].

    Parameters
    ----------
    used : Quantity or float
        Shielding gas consumed: opening stock + purchases - closing stock - sold [t].
    co2_fraction : float, default 1.0
        Volume fraction of CO2 in the gas, :math:`P_{CO2}` [-] (0.2 for Ar/CO2 80/20).
    balance : {"Ar", "O2"}, default "Ar"
        The other component of a two-component mixture.

    Returns
    -------
    Quantity [tCO2]

    Notes
    -----
    .. math::

        E = W \times w_{CO2}, \qquad
        w_{CO2} = \frac{P_{CO2} M_{CO2}}{P_{CO2} M_{CO2} + (1 - P_{CO2}) M_{bal}}

    The mass fraction is derived in sectors_prices.md 1.5 from the guideline's volume
    fractions and molar masses (the public calculator omits :math:`M_{CO2}`, which is
    dimensionally wrong); the guideline text itself was not read.

    Examples
    --------
    >>> round(shielding_gas_co2(10, 0.2).m_as("tCO2"), 3)  # w = 0.216 (sectors_prices.md 1.5)
    2.159
    """
    w_t = check_range(magnitude(used, "t", "used"), "used", low=0)
    p = _rate(co2_fraction, "co2_fraction")
    key = {"ar": "molar_mass.ar", "o2": "molar_mass.o2"}.get(str(balance).lower())
    if key is None:
        raise InputError(f"balance gas {balance!r} not in ('Ar', 'O2')", field="balance")
    m_co2 = factors.get("molar_mass.co2").value
    m_bal = factors.get(key).value
    w = p * m_co2 / (p * m_co2 + (1.0 - p) * m_bal) if p > 0 else 0.0
    return quantity(np.asarray(w_t) * w, "tCO2")


def purchased_co2_lost(
    used: Any, loss_ratio: Any = None, filling: str = "single_fill"
) -> pint.Quantity:
    r"""CO2 of purchased industrial CO2 lost in use (food guideline) [tCO2].

    Parameters
    ----------
    used : Quantity or float
        Purchased CO2 used as a raw material (carbonation, filling) [t].
    loss_ratio : float, optional
        Measured share lost to the air [-]; default the guideline's value for ``filling``.
    filling : {"single_fill", "double_fill"}, default "single_fill"
        一次灌装 (0.40) or 二次灌装 (0.60), used when ``loss_ratio`` is not given.

    Returns
    -------
    Quantity [tCO2]

    Notes
    -----
    .. math:: E = CO2_{used} \times r_{loss}

    NDRC food guideline / GB/T 32151.25-2024 (sectors_prices.md 1.6).

    Examples
    --------
    >>> purchased_co2_lost(50).m_as("tCO2"), purchased_co2_lost(50, 0.5).m_as("tCO2")
    (20.0, 25.0)
    """
    t = check_range(magnitude(used, "t", "used"), "used", low=0)
    if loss_ratio is None:
        if filling not in ("single_fill", "double_fill"):
            raise InputError(
                f"filling {filling!r} not in ('single_fill', 'double_fill')", field="filling"
            )
        r = factors.get(f"food.co2_loss_ratio.{filling}").value
    else:
        r = _rate(loss_ratio, "loss_ratio")
    return quantity(np.asarray(t) * r, "tCO2")
