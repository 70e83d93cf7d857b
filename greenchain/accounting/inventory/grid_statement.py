"""The grid basis of an inventory, stated (issue #13, Q3).

Every inventory with purchased or exported grid electricity states the grid factor it
used: basis, level (province, regional grid or national), region, year, value and
dataset. For a GB/T 32150 report (no regime, or the ``gbt32150`` regime) valued at a
province's average factor, a caveat says that the NDRC-era guideline wording names
the regional grid (区域电网) factor instead, so the choice is visible.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from greenchain.data import factors
from greenchain.data.tables import read_table
from greenchain.errors import caveat

__all__ = ["grid_statement", "region_level", "GBT32150_REGIMES"]

#: regimes that report under GB/T 32150 (None: greenchain's default, the same choices)
GBT32150_REGIMES = (None, "gbt32150")


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    return {r["name_en"]: r["kind"] for r in read_table("regions_cn.csv")}


def region_level(region: str | None) -> str:
    """The level of a grid-factor region: ``province``, ``regional grid`` or ``national``.

    Parameters
    ----------
    region : str or None
        The region of a grid factor, as in ``factors/regions_cn.csv`` (``Fujian``,
        ``East China``, ``China``).

    Returns
    -------
    str
        ``national``, ``regional grid``, ``province``, or ``unknown``.

    Examples
    --------
    >>> region_level("Fujian"), region_level("East China"), region_level("China")
    ('province', 'regional grid', 'national')
    """
    if region is None:
        return "unknown"
    if region.lower() in ("china", "national"):
        return "national"
    kind = _kinds().get(region)
    return {"grid": "regional grid", "province": "province", "national": "national"}.get(
        kind or "", "unknown"
    )


def grid_statement(used: list[factors.Factor], options: dict[str, Any]) -> dict[str, Any]:
    """State the grid factors an inventory used; caveat a provincial GB/T 32150 basis.

    Parameters
    ----------
    used : list of Factor
        The factors of the inventory (``InventoryResult.factors_used``); the
        ``electricity.grid`` ones are stated.
    options : dict
        The inventory's options (``grid_basis``, ``regime``, ``grid_factor``).

    Returns
    -------
    dict
        ``basis``, ``factors`` (one dict per distinct grid factor: ``level``,
        ``region``, ``year``, ``value``, ``unit``, ``dataset``, ``status``) and
        ``text``, one sentence. Without grid electricity ``factors`` is empty.

    Examples
    --------
    >>> from greenchain.data import factors
    >>> f = factors.grid_electricity(region="Fujian", year=2023, basis="average")
    >>> s = grid_statement([f], {"grid_basis": "average"})  # warns: provincial basis
    >>> s["text"]
    'grid electricity at the average basis: Fujian 2023 (province) 0.4211 kgCO2/kWh (MEE/NBS grid CO2)'
    """
    basis = options.get("grid_basis") or "average"
    seen: dict[tuple, dict[str, Any]] = {}
    for f in used:
        if f.key != "electricity.grid":
            continue
        k = (f.region, f.year, f.basis, f.dataset)
        seen.setdefault(
            k,
            {
                "level": region_level(f.region),
                "region": f.region,
                "year": f.year,
                "basis": f.basis,
                "value": f.value,
                "unit": f.unit,
                "dataset": f.dataset,
                "status": f.status,
            },
        )
    rows = list(seen.values())
    if options.get("grid_factor"):
        text = f"grid electricity at the regime's fixed factor {options['grid_factor']}"
    elif rows:
        text = f"grid electricity at the {basis} basis: " + "; ".join(
            f"{r['region']} {r['year']} ({r['level']}) {r['value']:g} {r['unit']} ({r['dataset']})"
            for r in rows
        )
    else:
        text = "no grid electricity"
    provincial = [r for r in rows if r["level"] == "province" and r["basis"] == "average"]
    if provincial and options.get("regime") in GBT32150_REGIMES:
        names = ", ".join(sorted({str(r["region"]) for r in provincial}))
        caveat(
            f"GB/T 32150 report: electricity at the provincial average factor ({names}); the "
            "NDRC-era guideline wording names the regional grid factor (区域电网, e.g. East "
            "China 0.5500 kgCO2/kWh for 2023), so state the basis, or pass the regional grid "
            "as the region",
            UserWarning,
            field="grid_basis",
        )
    return {"basis": basis, "factors": rows, "text": text}
