"""A reporting regime applied to the inventory: its settings and its boundary.

:func:`resolve_regime` merges a regime (:mod:`greenchain.data.regimes`) with the keyword
options the caller gave explicitly (they win, and the result says so);
:func:`apply_boundary` then removes from the valued activities what the regime leaves
out (categories, process types, gases), turns exports into a memo item where the regime
says so, and credits certificates as it prescribes.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pint

from greenchain.accounting.emissions import DEFAULT_FUEL_DATASET
from greenchain.accounting.inventory._table import EXPLICIT_GAS
from greenchain.data.gwp import DEFAULT_AR, gas_group
from greenchain.data.regimes import BOUNDARY_ITEMS, REGIME_GASES, Regime, load_regime
from greenchain.errors import UnverifiedDataWarning, caveat
from greenchain.units import Q_

__all__ = [
    "RegimeSettings",
    "resolve_regime",
    "apply_boundary",
    "credit_certificates",
    "OPTION_NAMES",
    "PROCESS_BOUNDARY",
]

#: The keyword options of the inventory a regime fixes (and a caller may override).
OPTION_NAMES = ("gwp", "fuel_dataset", "grid_basis", "grid_year", "non_co2")
_ENERGY_ITEMS = ("fuel_combustion", "purchased_electricity", "purchased_heat")


@dataclass
class RegimeSettings:
    """Every choice the inventory makes, after merging a regime with explicit options.

    Attributes
    ----------
    gwp, fuel_dataset, grid_basis, grid_year, non_co2
        The keyword options of :func:`~greenchain.accounting.inventory.from_records`.
    regime : Regime or None
        The regime applied (None: greenchain's defaults, the same as ``gbt32150``).
    overridden : list of str
        Options given explicitly that replace the regime's choice.
    gases, boundary, exports, certificates, market_remainder
        The regime's other choices (defaults without a regime).
    grid_factor, heat_factor : Quantity or None
        Fixed values replacing the database grid factor [tCO2/MWh] and heat factor [tCO2/GJ].
    """

    gwp: str = DEFAULT_AR
    fuel_dataset: str = DEFAULT_FUEL_DATASET
    grid_basis: str = "average"
    grid_year: int | None = None
    non_co2: bool = True
    regime: Regime | None = None
    overridden: list[str] = field(default_factory=list)
    gases: tuple[str, ...] = REGIME_GASES
    boundary: dict[str, bool] = field(default_factory=lambda: dict.fromkeys(BOUNDARY_ITEMS, True))
    exports: str = "deduct"
    certificates: str = "market_based"
    market_remainder: str = "location"
    grid_factor: pint.Quantity | None = None
    heat_factor: pint.Quantity | None = None

    def options(self) -> dict[str, Any]:
        """The result's ``options``: the five keyword options, plus the regime's own when
        a regime was applied."""
        out: dict[str, Any] = {
            "gwp": self.gwp,
            "fuel_dataset": self.fuel_dataset,
            "grid_basis": self.grid_basis,
            "grid_year": self.grid_year,
            "non_co2": self.non_co2,
        }
        if self.regime is None:
            return out
        out.update(
            regime=self.regime.id,
            regime_file=self.regime.file,
            overridden=list(self.overridden),
            gases=list(self.gases),
            boundary=dict(self.boundary),
            exports=self.exports,
            certificates=self.certificates,
            market_remainder=self.market_remainder,
            grid_factor=None if self.grid_factor is None else f"{self.grid_factor:~P}",
            heat_factor=None if self.heat_factor is None else f"{self.heat_factor:~P}",
        )
        return out


def resolve_regime(regime: str | Path | Regime | None, given: dict[str, Any]) -> RegimeSettings:
    """Merge a regime with the options given explicitly (``None`` = not given).

    Parameters
    ----------
    regime : str, Path, Regime or None
        A regime name of :data:`greenchain.data.vocabulary.REGIMES`, a regime file, a loaded
        :class:`~greenchain.data.regimes.Regime`, or None for greenchain's defaults.
    given : dict
        The keyword options of :data:`OPTION_NAMES`; a value of None means not given.

    Returns
    -------
    RegimeSettings

    Examples
    --------
    >>> s = resolve_regime("fujian_ets", {"grid_basis": "average"})
    >>> s.grid_basis, s.non_co2, s.overridden
    ('average', False, ['grid_basis'])
    """
    explicit = {k: v for k, v in given.items() if k in OPTION_NAMES and v is not None}
    if regime is None:
        return RegimeSettings(**explicit)
    r = regime if isinstance(regime, Regime) else load_regime(regime)
    chosen: dict[str, Any] = {
        "gwp": r.gwp.value,
        "fuel_dataset": r.fuel_dataset.value,
        "grid_basis": r.grid.basis,
        "grid_year": None if r.grid.year == "data_year" else int(r.grid.year),
        "non_co2": r.combustion_non_co2.value,
    }
    overridden = sorted(k for k, v in explicit.items() if v != chosen[k])
    merged = {**chosen, **explicit}
    grid_factor = None
    if r.grid.factor is not None and "grid_basis" not in overridden:
        grid_factor = Q_(r.grid.factor).to("tCO2/MWh")
    heat = r.purchased_heat.value
    gases = tuple(r.gases.value)
    if merged["non_co2"]:  # an explicit non_co2=True brings CH4 and N2O of combustion in
        gases = tuple(dict.fromkeys((*gases, "CH4", "N2O")))
    unverified = sorted(n for n, c in r.choices().items() if c.status == "unverified")
    unverified = [n for n in unverified if not (n == "grid" and "grid_basis" in overridden)]
    if unverified:
        caveat(
            f"regime {r.id}: unverified choices ({', '.join(unverified)}); see {r.file}",
            UnverifiedDataWarning,
            field="regime",
        )
    return RegimeSettings(
        **merged,
        regime=r,
        overridden=overridden,
        gases=gases,
        boundary=dict(r.boundary.value),
        exports=r.exports.value,
        certificates=r.certificates.value,
        market_remainder=r.market_remainder.value,
        grid_factor=grid_factor,
        heat_factor=None if heat == "default" else Q_(heat).to("tCO2/GJ"),
    )


#: The boundary switch of each process type: process CO2 (shielding gas, purchased CO2)
#: follows ``carbonate_decomposition`` (labelled "process CO2"); etch/CVD gases and gas lost
#: filling products follow ``process_fgases``. The gas list still filters each F-gas row.
PROCESS_BOUNDARY = {
    "carbonate_decomposition": "carbonate_decomposition",
    "shielding_gas": "carbonate_decomposition",
    "purchased_co2": "carbonate_decomposition",
    "wastewater_ch4": "wastewater_ch4",
    "refrigerant_leakage": "refrigerant_leakage",
    "electronics_fgas": "process_fgases",
    "equipment_filling": "process_fgases",
}
_FGAS_TYPES = ("refrigerant_leakage", "electronics_fgas", "equipment_filling")


def _gas_group(gas: Any, n2o: float = 0.0) -> str | None:
    """The regime gas group of an F-gas row (None: outside every group, e.g. HCFC-22).

    Gases outside the Kyoto basket plus NF3 (HCFCs, blends containing them) are left out of
    every shipped regime's total and reported as an excluded memo item: the GHG Protocol and
    ISO 14064-1 count the Kyoto gases (reporting other gases separately), and GB/T 32150 and
    the NDRC guidelines list no HCFC.
    """
    if gas is None or (isinstance(gas, float) and np.isnan(gas)):
        return "N2O" if n2o > 0 else None
    return gas_group(str(gas))


def apply_boundary(activities: pd.DataFrame, s: RegimeSettings) -> tuple[pd.DataFrame, dict]:
    """Apply a regime's boundary, gases, exports and certificates to valued activities.

    Parameters
    ----------
    activities : pandas.DataFrame
        The inventory's activity table (one row per record or process entry).
    s : RegimeSettings
        The resolved settings.

    Returns
    -------
    tuple
        The activities kept, and ``{"excluded": {item: tCO2e}, "exported_memo_t": float}``.

    Examples
    --------
    >>> import pandas as pd
    >>> a = pd.DataFrame({"category": ["fuel_combustion", "industrial_process"],
    ...     "carrier": ["natural_gas", "carbonate_decomposition"], "other_gas": [None, None],
    ...     "co2_t": [10.0, 2.0], "ch4_t": [0.0, 0.0], "n2o_t": [0.0, 0.0], "other_t": [0.0, 0.0],
    ...     "co2e_t": [10.0, 2.0], "co2e_market_t": [10.0, 2.0]})
    >>> kept, memo = apply_boundary(a, resolve_regime("fujian_ets", {}))
    >>> len(kept), memo["excluded"]
    (1, {'carbonate_decomposition': 2.0})
    """
    memo: dict[str, Any] = {"excluded": {}, "exported_memo_t": 0.0}
    # without a regime every source is in the boundary, but gases outside the seven
    # (HCFC-22 ...) are still a memo item, as under the gbt32150 regime
    a = activities
    # compare the (often categorical) columns to scalars: no per-row text conversion
    category, carrier = a["category"], a["carrier"]
    drop = np.zeros(len(a), dtype=bool)
    for item in _ENERGY_ITEMS:
        if not s.boundary[item]:
            drop |= (category == item).to_numpy(dtype=bool)
    process = (category == "industrial_process").to_numpy(dtype=bool)
    for ptype, item in PROCESS_BOUNDARY.items():
        rows = process & (carrier == ptype).to_numpy(dtype=bool)
        if not rows.any():
            continue
        if not s.boundary[item]:
            drop |= rows
            continue
        if ptype == "wastewater_ch4" and "CH4" not in s.gases:
            drop |= rows
        if ptype in _FGAS_TYPES:
            gas = a["other_gas"].astype(object).to_numpy()
            n2o = a["n2o_t"].to_numpy(dtype=float)
            known = np.array(
                [_gas_group(g, n) in s.gases for g, n in zip(gas, n2o, strict=True)], dtype=bool
            )
            drop |= rows & ~known & (gas != EXPLICIT_GAS)
    if drop.any():
        label = np.where(process, carrier.astype(str).to_numpy(), category.astype(str).to_numpy())
        for item in np.unique(label[drop]):
            sel = drop & (label == item)
            memo["excluded"][str(item)] = float(a.loc[sel, "co2e_t"].sum())
    if drop.any():
        a = a.loc[~drop].reset_index(drop=True)
    if s.exports == "memo":
        export = (a["category"] == "exported_energy").to_numpy(dtype=bool)
        if export.any():
            memo["exported_memo_t"] = float(-a.loc[export, "co2e_t"].sum())
            a = a.copy() if a is activities else a
            a.loc[export, ["co2_t", "ch4_t", "n2o_t", "other_t", "co2e_t", "co2e_market_t"]] = 0.0
    return a, memo


def credit_certificates(
    co2e: np.ndarray, market: np.ndarray, green: np.ndarray, s: RegimeSettings
) -> tuple[np.ndarray, np.ndarray]:
    """Location and market CO2e of each row after the regime's rule for certificates.

    Parameters
    ----------
    co2e : numpy.ndarray
        Location-based CO2e per row [t].
    market : numpy.ndarray
        Market-based CO2e per row [t] (certificates at zero).
    green : numpy.ndarray
        Rows covered by certificates or direct green supply (bool).
    s : RegimeSettings
        The resolved settings.

    Returns
    -------
    tuple of numpy.ndarray
        ``(co2e, co2e_market)`` [t].

    Examples
    --------
    >>> import numpy as np
    >>> s = resolve_regime("fujian_ets", {})
    >>> credit_certificates(np.array([5.0]), np.array([0.0]), np.array([True]), s)
    (array([5.]), array([5.]))
    """
    if s.certificates == "not_credited":
        return co2e, np.where(green, co2e, market)
    if s.certificates == "total":
        return np.where(green, market, co2e), market
    return co2e, market
