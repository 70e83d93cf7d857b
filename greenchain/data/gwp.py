"""Global warming potentials (GWP) by IPCC assessment report.

The GWP set is always an explicit, recorded choice: :func:`gwp` takes the report
(``"SAR"``, ``"AR4"``, ``"AR5"``, ``"AR6"``) and the values come from
``factors/gwp_ipcc.csv`` with their sources and statuses. Chinese NDRC
guidelines used SAR values; GB/T 24067-2024 / ISO 14067 point to the latest
report, so greenchain's default is ``"AR6"``.

Examples
--------
>>> gwp("CH4"), gwp("N2O"), gwp("HFC-134a", ar="AR4")
(27.9, 273.0, 1430.0)
"""

from __future__ import annotations

import re

from greenchain.data import factors
from greenchain.data.vocabulary import DEFAULT_GWP_REPORT, GWP_REPORTS
from greenchain.errors import InputError

__all__ = ["gwp", "gwp_factor", "normalise_gas", "normalise_report", "REPORTS", "DEFAULT_AR"]

#: Assessment reports shipped, oldest first.
REPORTS = GWP_REPORTS
#: The default GWP set (recorded in every result that uses it).
DEFAULT_AR = DEFAULT_GWP_REPORT


def normalise_report(ar: str) -> str:
    """Map ``"AR6"``, ``"ar6"``, ``"IPCC AR6"`` or ``"AR6GWP100"`` to ``"AR6"``.

    Parameters
    ----------
    ar : str
        Name of an IPCC assessment report, in any of the spellings above.

    Returns
    -------
    str
        One of :data:`REPORTS`.

    Raises
    ------
    InputError
        Not a shipped report (``field="gwp"``).

    Examples
    --------
    >>> normalise_report("IPCC ar5"), normalise_report("AR6GWP100")
    ('AR5', 'AR6')
    """
    text = str(ar).upper().replace("IPCC", "").replace("GWP100", "").strip(" _-")
    if text not in REPORTS:
        raise InputError(f"unknown GWP set {ar!r}; choose one of {REPORTS}", field="gwp")
    return text


def normalise_gas(gas: str) -> str:
    """Map a gas name to the id of its ``gwp.<id>`` factor key.

    Parameters
    ----------
    gas : str
        Gas name, e.g. ``"CH4"``, ``"HFC-134a"``, ``"SF6"``, ``"CH4 fossil"``.

    Returns
    -------
    str
        Lower case, runs of other characters replaced by ``_``.

    Examples
    --------
    >>> normalise_gas("HFC-134a"), normalise_gas("CH4 fossil")
    ('hfc_134a', 'ch4_fossil')
    """
    return re.sub(r"[^a-z0-9]+", "_", str(gas).strip().lower()).strip("_")


def gwp_factor(gas: str, ar: str = DEFAULT_AR, horizon: int = 100) -> factors.Factor:
    """Return the cited :class:`~greenchain.data.factors.Factor` behind :func:`gwp`.

    Parameters
    ----------
    gas : str
        Gas name (see :func:`gwp`).
    ar : {"SAR", "AR4", "AR5", "AR6"}, default "AR6"
        IPCC assessment report.
    horizon : int, default 100
        Time horizon [yr]; only 100 is shipped.

    Returns
    -------
    Factor
        GWP100 [kgCO2e/kg], with its source table and status.

    Raises
    ------
    InputError
        Another horizon, an unknown report, or no GWP for the gas in that report.

    Warns
    -----
    UnverifiedDataWarning
        The value's status is ``unverified``.

    References
    ----------
    .. [1] IPCC AR6 WG1 (2021), Chapter 7 Supplementary Material, Table 7.SM.7
       (GWP100, including fossil CH4), and Table 7.15.
    .. [2] IPCC AR5 WG1 (2013), Table 8.A.1 (GWP100 without climate-carbon feedback).
    .. [3] IPCC AR4 WG1 (2007), Table 2.14.
    .. [4] IPCC Second Assessment Report (1995), GWP100.

    Examples
    --------
    >>> f = gwp_factor("CH4")
    >>> f.value, f.unit, f.source_ref, f.status
    (27.9, 'kgCO2e/kg', 'WG1 Table 7.SM.7', 'transcribed')
    """
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
        IPCC assessment report: AR6 [1]_, AR5 [2]_, AR4 [3]_ or SAR [4]_.
    horizon : int, default 100
        Time horizon [yr]; only 100 is shipped.

    Returns
    -------
    float
        GWP100 [kgCO2e/kg]: kg CO2e per kg of gas.

    Raises
    ------
    InputError
        As :func:`gwp_factor`.

    Warns
    -----
    UnverifiedDataWarning
        The value's status is ``unverified`` (several SAR, AR5 and F-gas values).

    Notes
    -----
    NDRC guidelines used SAR values; GB/T 24067-2024 and ISO 14067 point to the latest
    report, hence the default AR6. The report is recorded in every result that uses it.

    References
    ----------
    .. [1] IPCC AR6 WG1 (2021), Chapter 7 Supplementary Material, Table 7.SM.7
       (GWP100, including fossil CH4), and Table 7.15.
    .. [2] IPCC AR5 WG1 (2013), Table 8.A.1 (GWP100 without climate-carbon feedback).
    .. [3] IPCC AR4 WG1 (2007), Table 2.14.
    .. [4] IPCC Second Assessment Report (1995), GWP100.

    Examples
    --------
    >>> gwp("CH4"), gwp("CH4_fossil"), gwp("N2O")
    (27.9, 29.8, 273.0)
    """
    return float(gwp_factor(gas, ar, horizon).value)
