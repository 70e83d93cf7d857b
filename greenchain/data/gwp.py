"""Global warming potentials (GWP) by IPCC assessment report.

The GWP set is always an explicit, recorded choice: :func:`gwp` takes the report
(``"SAR"``, ``"AR4"``, ``"AR5"``, ``"AR6"``) and the values come from
``factors/gwp_ipcc.csv`` with their sources and statuses. Chinese NDRC
guidelines used SAR values; GB/T 24067-2024 / ISO 14067 point to the latest
report, so greenchain's default is ``"AR6"``.

Examples
--------
>>> gwp("CH4"), gwp("N2O"), gwp("CH4", ar="AR4")
(27.9, 273.0, 25.0)
"""

from __future__ import annotations

import re

from greenchain.data import factors
from greenchain.errors import InputError

__all__ = ["gwp", "gwp_factor", "normalise_gas", "normalise_report", "REPORTS", "DEFAULT_AR"]

#: Assessment reports shipped, oldest first.
REPORTS = ("SAR", "AR4", "AR5", "AR6")
#: The default GWP set (recorded in every result that uses it).
DEFAULT_AR = "AR6"


def normalise_report(ar: str) -> str:
    """Map ``"AR6"``, ``"ar6"``, ``"IPCC AR6"`` or ``"AR6GWP100"`` to ``"AR6"``."""
    text = str(ar).upper().replace("IPCC", "").replace("GWP100", "").strip(" _-")
    if text not in REPORTS:
        raise InputError(f"unknown GWP set {ar!r}; choose one of {REPORTS}", field="gwp")
    return text


def normalise_gas(gas: str) -> str:
    """Map a gas name (``"CH4"``, ``"HFC-134a"``, ``"SF6"``) to its key id (``"hfc_134a"``)."""
    return re.sub(r"[^a-z0-9]+", "_", str(gas).strip().lower()).strip("_")


def gwp_factor(gas: str, ar: str = DEFAULT_AR, horizon: int = 100) -> factors.Factor:
    """Return the cited :class:`~greenchain.data.factors.Factor` behind :func:`gwp`."""
    if horizon != 100:
        raise InputError(f"only the 100-year horizon is shipped, got {horizon}", field="horizon")
    report = normalise_report(ar)
    key = f"gwp.{normalise_gas(gas)}"
    try:
        return factors.get(key, dataset=f"IPCC {report}")
    except factors.FactorNotFound as exc:
        raise InputError(f"no {report} GWP100 for gas {gas!r}", field="gas") from exc


def gwp(gas: str, ar: str = DEFAULT_AR, horizon: int = 100) -> float:
    """Return the 100-year GWP of a gas [kgCO2e/kg].

    Parameters
    ----------
    gas : str
        ``"CO2"``, ``"CH4"``, ``"CH4_fossil"``, ``"CH4_non_fossil"``, ``"N2O"``,
        ``"HFC-134a"``, ``"SF6"`` ...
    ar : {"SAR", "AR4", "AR5", "AR6"}, default "AR6"
        IPCC assessment report.
    horizon : int, default 100
        Time horizon in years; only 100 is shipped.

    Returns
    -------
    float
        kg CO2e per kg of gas.

    References
    ----------
    IPCC AR6 WG1 (2021) Table 7.SM.7; AR5 WG1 Table 8.A.1; AR4 WG1 Table 2.14; SAR (1995).
    """
    return float(gwp_factor(gas, ar, horizon).value)
