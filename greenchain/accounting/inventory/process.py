"""Process emissions of a plant file: carbonates, wastewater, refrigerants, explicit factors."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pint

from greenchain.accounting import emissions, fgases
from greenchain.accounting.fgases import leaked_kg
from greenchain.accounting.inventory._table import (
    EXPLICIT_GAS,
    explicit_factor,
    gwp_value,
    worst_status,
)
from greenchain.data import factors
from greenchain.data.gwp import DEFAULT_AR, canonical_gas, gwp_factor, normalise_report
from greenchain.errors import (
    GreenchainError,
    InputError,
    UnitError,
    UnverifiedDataWarning,
    collect_caveats,
    emit_caveats,
)
from greenchain.units import Q_

__all__ = ["process_emissions"]


def process_emissions(
    entries: list[Any], *, gwp: str = DEFAULT_AR, source: str | None = None
) -> pd.DataFrame:
    """Compute process emissions of plant-file ``process_emissions`` entries.

    Each entry (a :class:`greenchain.data.plant_file.ProcessEmission`) is computed by the matching
    method of :mod:`greenchain.accounting.emissions`, or by its explicit CO2e ``factor``
    when the entry gives one.

    Parameters
    ----------
    entries : list of ProcessEmission
        The plant file's ``process_emissions`` entries (``carbonate_decomposition``,
        ``wastewater_ch4``, ``refrigerant_leakage`` or an explicit factor).
    gwp : str, default "AR6"
        GWP set for CH4 and refrigerants (``SAR``, ``AR4``, ``AR5``, ``AR6``).
    source : str, optional
        The plant file's name, named in messages.

    Returns
    -------
    pandas.DataFrame
        One row per entry: the main input (``amount``, ``unit``), ``co2_t``, ``ch4_t``,
        ``n2o_t`` [t], ``co2e_t`` and ``co2e_market_t`` [tCO2e], the category
        ``industrial_process``, scope 1, the factor key, dataset and status, and a
        ``factors`` column listing the factors used.

    Examples
    --------
    >>> import greenchain as gc
    >>> data = gc.load_plant(gc.example_path("tile_plant.yaml")).data
    >>> rows = process_emissions(data.process_emissions)
    >>> rows.loc[0, "carrier"], round(float(rows.loc[0, "co2e_t"]), 1)
    ('carbonate_decomposition', 1334.8)
    """
    ar = normalise_report(gwp)
    rows = []
    kept: list[Any] = []  # caveats other than unverified factors, handed to the inventory
    for i, e in enumerate(entries):
        where = f"process_emissions[{i}]"
        co2 = ch4 = n2o = other = other_t = 0.0
        status: str | None = None
        extra: list[dict[str, Any]] = []
        gas_label = e.gas
        base_name, base = _process_base(e)
        try:
            # unverified factors are listed once by the inventory that uses these rows
            with collect_caveats() as caught:
                if e.factor is not None:  # an explicit CO2e factor replaces the method
                    factor, dataset = explicit_factor(e.factor)
                    q = base * factor
                    if not q.check("[mass]"):
                        raise UnitError(
                            f"factor {dataset!r} times {base_name} ({base.units:~P}) "
                            "is not a mass of CO2e",
                            field="factor",
                        )
                    other = other_t = float(q.m_as("t"))
                    used, key, status, gas_label = (
                        [],
                        "explicit factor",
                        e.factor_status,
                        EXPLICIT_GAS,
                    )
                elif e.type == "carbonate_decomposition":
                    dataset = e.dataset or "IPCC 2006"
                    co2 = emissions.carbonate_decomposition(
                        e.raw_material,
                        e.fractions,
                        dataset=dataset,
                        calcination_fraction=e.calcination_fraction,
                        utilisation=e.utilisation,
                    ).m_as("tCO2")
                    used = [
                        factors.get(f"carbonate.{emissions.carbonate_id(n)}", dataset=dataset)
                        for n in e.fractions
                    ]
                    key = "carbonate"
                elif e.type == "wastewater_ch4":
                    ch4 = emissions.wastewater_ch4(
                        e.volume,
                        e.cod_in,
                        e.cod_out,
                        organics=e.organics,
                        sludge=e.sludge or 0,
                        b0=e.b0,
                        mcf=e.mcf,
                        system=e.system,
                        recovered=e.recovered or 0,
                    ).m_as("t")
                    used = [] if e.b0 is not None else [factors.get("wastewater.b0")]
                    if e.mcf is None:
                        used.append(factors.get(f"wastewater.mcf.{e.system}"))
                    used.append(gwp_factor("CH4", ar))
                    dataset, key = "IPCC 2006", "wastewater"
                elif e.type == "refrigerant_leakage":
                    g = gwp_factor(e.gas, ar, fallback=True)
                    kg = leaked_kg(e.amount, e.charge, e.leak_rate)
                    other_t, other = kg / 1000.0, kg * g.value / 1000.0
                    used, dataset, key = [g], g.dataset, g.key
                    gas_label = canonical_gas(e.gas)
                elif e.type == "electronics_fgas":
                    parts = fgases.electronics_fgas(
                        e.gas,
                        e.amount,
                        method=e.method,
                        process=e.process,
                        heel=e.heel,
                        abatement=e.abatement,
                        dre=e.dre,
                        ar=ar,
                        fallback=True,
                    )
                    extra = _gas_rows(parts)
                    first = extra.pop(0)
                    other, other_t, n2o = first["other"], first["other_t"], first["n2o"]
                    gas_label, used, status = first["gas"], first["factors"], first["status"]
                    dataset, key = "IPCC 2006", f"electronics.{e.method}"
                elif e.type == "equipment_filling":
                    g = gwp_factor(e.gas, ar, fallback=True)
                    other = fgases.equipment_filling(
                        e.gas,
                        opening_stock=e.opening_stock,
                        purchased=e.purchased,
                        closing_stock=e.closing_stock,
                        filled=e.filled,
                        ar=g.dataset.split()[-1],
                    ).m_as("tCO2e")
                    other_t = other / g.value if g.value else 0.0
                    used, dataset, key = [g], "NDRC 2015 machinery guideline", g.key
                    gas_label = canonical_gas(e.gas)
                elif e.type == "shielding_gas":
                    co2 = fgases.shielding_gas_co2(
                        _tonnes(e.amount), e.co2_fraction, e.balance
                    ).m_as("tCO2")
                    used = [] if e.co2_fraction == 1.0 else [factors.get("molar_mass.co2")]
                    dataset, key = "NDRC 2015 machinery guideline", "shielding_gas"
                else:  # purchased_co2
                    co2 = fgases.purchased_co2_lost(
                        _tonnes(e.amount), e.loss_ratio, e.filling
                    ).m_as("tCO2")
                    used = (
                        []
                        if e.loss_ratio is not None
                        else [factors.get(f"food.co2_loss_ratio.{e.filling}")]
                    )
                    dataset, key = "NDRC 2015 food guideline", "purchased_co2"
        except GreenchainError as exc:
            field = f"{where}.{exc.field}" if getattr(exc, "field", None) else where
            raise type(exc)(getattr(exc, "message", str(exc)), field=field, source=source) from None
        own = [c for c in caught if not issubclass(c.category, UnverifiedDataWarning)]
        kept += own
        emit_caveats(own)
        co2e = co2 + ch4 * gwp_value("CH4", ar) + n2o * gwp_value("N2O", ar) + other
        rows.append(
            {
                "carrier": e.type,
                "amount": float(base.magnitude),
                "unit": f"{base.units:~}",
                "category": "industrial_process",
                "scope": "scope_1",
                "co2_t": co2,
                "ch4_t": ch4,
                "n2o_t": n2o,
                "co2e_t": co2e,
                "co2e_market_t": co2e,
                "other_gas": gas_label if other else None,
                "other_t": other_t,
                "factor_key": key,
                "dataset": dataset,
                "status": _status(status, used),
                "use": e.name or e.type,
                "_path": where,
                "factors": used,
            }
        )
        for part in extra:  # by-products of an etch/CVD gas: one row per gas, no activity
            rows.append(
                {
                    **rows[-1],
                    "amount": 0.0,
                    "co2e_t": part["other"],
                    "co2e_market_t": part["other"],
                    "n2o_t": 0.0,
                    "other_gas": part["gas"],
                    "other_t": part["other_t"],
                    "status": _status(part["status"], part["factors"]),
                    "use": f"{e.name or e.type} (by-product {part['gas']})",
                    "_path": f"{where}.by_product.{part['gas']}",
                    "factors": part["factors"],
                }
            )
    out = pd.DataFrame(rows)
    out.attrs["caveats"] = kept  # from_records re-emits them into the inventory's caveats
    return out


def _status(status: str | None, used: list[Any]) -> str:
    """The row's status: the entry's own, else the worst of the factors used."""
    worst = worst_status(f.status for f in used) if used else "official"
    if status is None:
        return worst
    return worst_status([status, worst])


def _gas_rows(parts: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of :func:`~greenchain.accounting.fgases.electronics_fgas` as process-row parts
    (N2O goes to the ``n2o_t`` column, F-gases to ``other_t``)."""
    out = []
    for r in parts.to_dict("records"):
        is_n2o = r["gas"] == "N2O"
        out.append(
            {
                "gas": r["gas"],
                "n2o": r["mass_t"] if is_n2o else 0.0,
                "other": 0.0 if is_n2o else r["co2e_t"],
                "other_t": 0.0 if is_n2o else r["mass_t"],
                "status": r["status"],
                "factors": r["factors"],
            }
        )
    return out


def _tonnes(value: Any) -> pint.Quantity:
    """A plant-file amount as a mass (a plain number is read in kg, as everywhere)."""
    return value if isinstance(value, pint.Quantity) else Q_(float(value), "kg")


_PROCESS_BASES = (
    ("raw_material", "t"),
    ("organics", "kg"),
    ("volume", "m^3"),
    ("amount", "kg"),
    ("charge", "kg"),
    ("purchased", "kg"),
)


def _process_base(entry: Any) -> tuple[str, pint.Quantity]:
    """The main input of a process entry (for the audit trail and explicit factors)."""
    for name, unit in _PROCESS_BASES:
        value = getattr(entry, name, None)
        if value is not None:
            return name, value if isinstance(value, pint.Quantity) else Q_(float(value), unit)
    raise InputError(
        "the entry has no main input (raw_material, organics, volume, amount, charge or purchased)",
        field="raw_material",
    )
