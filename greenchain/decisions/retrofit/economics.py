"""The money side of a retrofit measure: where its capex comes from, and its finance row.

Capex is the plant's own ``retrofit_options.<id>.capex`` (a quote), else the
catalogue's per-unit model times the plant's equipment count, else not sourced.
Finance is :func:`greenchain.decisions.finance.evaluate` with the plant's ``finance``
section (overridable per call); the abatement cost is RETScreen's GHG reduction cost,
minus the annualised NPV over the yearly abatement,
:math:`-\\mathrm{NPV}\\,\\mathrm{CRF}(r, N) / \\Delta CO_2`.

Examples
--------
>>> import greenchain as gc
>>> from greenchain.decisions.retrofit.catalogue import get_measure
>>> data = gc.load_plant(gc.example_path("dyeing_mill.yaml")).data
>>> value, source, why = measure_capex(data, get_measure("stenter_heat_recovery"))
>>> value, why
(1200000.0, None)
"""

from __future__ import annotations

from typing import Any

import pint

from greenchain.data.plant_file import PlantData
from greenchain.decisions import finance
from greenchain.decisions.retrofit.catalogue import Measure
from greenchain.errors import InputError
from greenchain.units import Q_

__all__ = ["finance_terms", "measure_capex", "finance_row", "FINANCE_COLUMNS"]

#: Columns of the finance part of a retrofit row, in order.
FINANCE_COLUMNS = (
    "capex",
    "capex_source",
    "lifetime",
    "simple_payback_years",
    "npv",
    "irr",
    "abatement_cost",
)


def finance_terms(data: PlantData, options: dict[str, Any] | None = None) -> dict[str, Any]:
    """The plant's ``finance`` section with the caller's overrides.

    Parameters
    ----------
    data : PlantData
        The plant data.
    options : dict, optional
        ``discount_rate``, ``escalation``, ``debt_ratio``, ``debt_rate``, ``debt_term``;
        a value of ``None`` keeps the plant's.

    Returns
    -------
    dict
        The keyword arguments of :func:`greenchain.decisions.finance.evaluate` other than
        capex, savings and lifetime.
    """
    terms = data.finance.model_dump()
    for key in list(terms):
        if (options or {}).get(key) is not None:
            terms[key] = (options or {})[key]
    return terms


def measure_capex(
    data: PlantData,
    m: Measure,
    option: Any = None,
    *,
    source: str | None = None,
    installed: float = 0.0,
) -> tuple[float | None, str | None, str | None]:
    """The capex of a measure on the plant, where it comes from, or why it is missing.

    Parameters
    ----------
    data : PlantData
        The plant data (currency, equipment counts).
    m : Measure
        The measure.
    option : RetrofitOption, optional
        The plant's ``retrofit_options.<id>`` entry (default: looked up in ``data``).
    source : str, optional
        The plant file's name, named in messages.
    installed : float, default 0
        Share of the measure already installed (plant ``projects``) [-]: a catalogue
        capex per unit counts the other units only.

    Returns
    -------
    tuple
        ``(capex in the plant currency or None, source text or None, reason or None)``.

    Raises
    ------
    InputError
        A capex that cannot be expressed in the plant currency.
    """
    opt = data.retrofit_options.get(m.id) if option is None else option
    currency = data.plant.currency
    try:
        if opt is not None and opt.capex is not None:
            v = opt.capex
            value = float(v.m_as(currency)) if isinstance(v, pint.Quantity) else float(v)
            return value, "plant file" + (f" ({opt.source})" if opt.source else ""), None
        if m.capex is not None:
            c = m.capex
            units = sum(eq.count for eq in data.equipment if eq.kind == c.equipment)
            if units == 0:
                return None, None, f"capex: the catalogue capex is per {c.equipment}; none listed"
            left = units * (1.0 - installed)
            value = float(Q_(c.per_unit * left, c.currency).m_as(currency))
            year = f", {c.year} price" if c.year else ""
            text = f"catalogue {c.per_unit:g} {c.currency}/{c.equipment} x {left:g} "
            return value, text + f"({c.source_id}, {c.status}{year})", None
    except (pint.errors.DimensionalityError, pint.errors.UndefinedUnitError):
        raise InputError(
            f"capex cannot be expressed in the plant currency {currency!r}",
            field=f"retrofit_options.{m.id}.capex",
            source=source,
        ) from None
    return None, None, f"capex: capex not sourced, give retrofit_options.{m.id}.capex"


def finance_row(
    data: PlantData,
    m: Measure,
    savings: float | None,
    co2: float | None,
    terms: dict[str, Any],
    *,
    lifetime: int | None = None,
    source: str | None = None,
    installed: float = 0.0,
) -> tuple[dict[str, Any], list[str]]:
    """The finance columns of one measure's row, and why any of them is missing.

    Parameters
    ----------
    data : PlantData
        The plant data.
    m : Measure
        The measure.
    savings : float or None
        Its annual savings, in the plant currency per year.
    co2 : float or None
        Its CO2 abatement on the chosen basis [t].
    terms : dict
        From :func:`finance_terms`.
    lifetime : int, optional
        Lifetime [yr] when neither the plant nor the catalogue gives one.
    source : str, optional
        The plant file's name, named in messages.
    installed : float, default 0
        Share already installed by the plant's projects [-] (see :func:`measure_capex`).

    Returns
    -------
    tuple
        ``({column: value or None for FINANCE_COLUMNS}, reasons)``.
    """
    opt = data.retrofit_options.get(m.id)
    reasons: list[str] = []
    capex, capex_source, why = measure_capex(data, m, opt, source=source, installed=installed)
    if why:
        reasons.append(why)
    years = (opt.lifetime if opt is not None else None) or m.lifetime or lifetime
    row: dict[str, Any] = {
        "capex": capex,
        "capex_source": capex_source,
        "lifetime": years,
        "simple_payback_years": None,
        "npv": None,
        "irr": None,
        "abatement_cost": None,
    }
    if savings is None:
        reasons.append("finance: no annual savings to evaluate")
        return row, reasons
    if capex is None:
        reasons.append("simple_payback_years, npv, irr, abatement_cost: need the capex")
        return row, reasons
    if years is None:
        # simple payback is C/S whatever the lifetime: evaluate's convention over 1 year
        r = finance.evaluate(capex, savings, lifetime=1, discount_rate=terms["discount_rate"])
        row["simple_payback_years"] = r.simple_payback
        if r.simple_payback is None:
            reasons.append(f"simple_payback_years: {r.reason['simple_payback']}")
        reasons.append(
            f"npv, irr, abatement_cost: lifetime not sourced, give retrofit_options.{m.id}.lifetime"
        )
        return row, reasons
    debt_term = terms["debt_term"] if terms["debt_ratio"] > 0 else 0
    if debt_term > years:
        r = finance.evaluate(capex, savings, lifetime=1, discount_rate=terms["discount_rate"])
        row["simple_payback_years"] = r.simple_payback
        reasons.append(
            f"npv, irr, abatement_cost: finance.debt_term ({debt_term} yr) is longer than "
            f"the lifetime ({years} yr)"
        )
        return row, reasons
    r = finance.evaluate(capex, savings, lifetime=years, **{**terms, "debt_term": debt_term})
    row.update(simple_payback_years=r.simple_payback, npv=r.npv, irr=r.irr)
    for key, name in (("simple_payback", "simple_payback_years"), ("irr", "irr")):
        if key in r.reason:
            reasons.append(f"{name}: {r.reason[key]}")
    if co2 is None or co2 <= 0:
        reasons.append(
            "abatement_cost: no CO2 abated on this basis"
            + (
                " (the measure changes market-based scope 2 only: co2_basis='market')"
                if m.effect == "supply_shift"
                else ""
            )
        )
    else:
        crf = finance.capital_recovery_factor(terms["discount_rate"], years)
        row["abatement_cost"] = -r.npv * crf / co2
    return row, reasons
