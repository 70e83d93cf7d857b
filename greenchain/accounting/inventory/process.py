"""Process emissions of a plant file: carbonates, wastewater, refrigerants, explicit factors."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pint

from greenchain.accounting import emissions
from greenchain.accounting.inventory._table import (
    EXPLICIT_GAS,
    explicit_factor,
    gwp_value,
    worst_status,
)
from greenchain.data import factors
from greenchain.data.gwp import DEFAULT_AR, gwp_factor, normalise_report
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
    for i, e in enumerate(entries):
        where = f"process_emissions[{i}]"
        co2 = ch4 = n2o = other = other_t = 0.0
        status: str | None = None
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
                else:  # refrigerant_leakage
                    g = gwp_factor(e.gas, ar)
                    other = emissions.refrigerant_leakage(e.gas, e.amount, ar=ar).m_as("tCO2e")
                    other_t = other / g.value
                    used, dataset, key = [g], g.dataset, g.key
        except GreenchainError as exc:
            field = f"{where}.{exc.field}" if getattr(exc, "field", None) else where
            raise type(exc)(getattr(exc, "message", str(exc)), field=field, source=source) from None
        emit_caveats(c for c in caught if not issubclass(c.category, UnverifiedDataWarning))
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
                "status": status or (worst_status(f.status for f in used) if used else "official"),
                "use": e.name or e.type,
                "_path": where,
                "factors": used,
            }
        )
    return pd.DataFrame(rows)


_PROCESS_BASES = (("raw_material", "t"), ("organics", "kg"), ("volume", "m^3"), ("amount", "kg"))


def _process_base(entry: Any) -> tuple[str, pint.Quantity]:
    """The main input of a process entry (for the audit trail and explicit factors)."""
    for name, unit in _PROCESS_BASES:
        value = getattr(entry, name, None)
        if value is not None:
            return name, value if isinstance(value, pint.Quantity) else Q_(float(value), unit)
    raise InputError(
        "the entry has no main input (raw_material, organics, volume or amount)",
        field="raw_material",
    )
