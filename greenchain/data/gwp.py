"""Global warming potentials (GWP) by IPCC assessment report.

The GWP set is always an explicit, recorded choice: :func:`gwp` takes the report
(``"SAR"``, ``"AR4"``, ``"AR5"``, ``"AR6"``) and the values come from
``factors/gwp_ipcc.csv`` with their sources and statuses. Chinese NDRC
guidelines used SAR values; GB/T 24067-2024 / ISO 14067 point to the latest
report, so greenchain's default is ``"AR6"``.

Refrigerant blends (``R-410A``, ``R410A``, ``R-407C``, ``R-404A``, ``R-507A``) are computed
from their ASHRAE 34 mass composition (``factors/refrigerant_blends.csv``); single-compound
refrigerant numbers (``R-32``, ``R-134a``, ``R-22``) and formulas (``CHF3``) are aliases of the
pure gas (``factors/names_zh.csv``).

Examples
--------
>>> gwp("CH4"), gwp("N2O"), gwp("HFC-134a", ar="AR4")
(27.9, 273.0, 1430.0)
>>> gwp("R-410A", ar="AR4")  # 0.5 x 675 + 0.5 x 3500
2087.5
"""

from __future__ import annotations

import re
from functools import cache

from greenchain.data import factors
from greenchain.data.names import to_id
from greenchain.data.tables import parse_number, read_table
from greenchain.data.vocabulary import DEFAULT_GWP_REPORT, GWP_REPORTS
from greenchain.errors import FallbackWarning, InputError, caveat

__all__ = [
    "gwp",
    "gwp_factor",
    "normalise_gas",
    "normalise_report",
    "canonical_gas",
    "blend",
    "blends",
    "known_gases",
    "gas_group",
    "REPORTS",
    "DEFAULT_AR",
]

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


_STATUS_ORDER = ("official", "transcribed", "derived", "unverified")


@cache
def blends() -> dict[str, tuple[tuple[str, float, str], ...]]:
    """Refrigerant blends and their mass composition (``factors/refrigerant_blends.csv``).

    Returns
    -------
    dict
        Blend name (``"R-410A"``) -> ``((component, mass fraction, status), ...)``.

    Examples
    --------
    >>> [c[:2] for c in blends()["R-410A"]]
    [('HFC-32', 0.5), ('HFC-125', 0.5)]
    """
    out: dict[str, list[tuple[str, float, str]]] = {}
    for row in read_table("refrigerant_blends.csv"):
        share = parse_number(row["mass_fraction"])
        out.setdefault(row["blend"], []).append(
            (row["component"], float(share or 0), row["status"])
        )
    return {k: tuple(v) for k, v in out.items()}


def blend(name: str) -> tuple[tuple[str, float, str], ...] | None:
    """The mass composition of a refrigerant blend, or None when ``name`` is not a blend.

    Parameters
    ----------
    name : str
        ``"R-410A"``, ``"R410A"``, ``"r410a"``, ``"HFC-410A"`` ...

    Returns
    -------
    tuple or None
        ``((component, mass fraction, status), ...)``.

    Examples
    --------
    >>> [c[:2] for c in blend("r404a")]
    [('HFC-125', 0.44), ('HFC-143a', 0.52), ('HFC-134a', 0.04)]
    """
    return blends().get(canonical_gas(name))


def canonical_gas(gas: str) -> str:
    """The canonical name of a gas: aliases, refrigerant numbers and formulas resolved.

    Parameters
    ----------
    gas : str
        ``"R-22"``, ``"CHF3"``, ``"r410a"``, ``"四氟化碳"``, ``"SF6"`` ...

    Returns
    -------
    str
        ``"HCFC-22"``, ``"HFC-23"``, ``"R-410A"``, ``"CF4"``; an unknown name comes back unchanged.

    Examples
    --------
    >>> canonical_gas("R-22"), canonical_gas("r410a"), canonical_gas("CHF3")
    ('HCFC-22', 'R-410A', 'HFC-23')
    """
    ident = to_id("gas", gas)
    if ident is not None:
        return ident
    folded = normalise_gas(gas)
    for name in blends():
        if normalise_gas(name) == folded or normalise_gas(name).replace("_", "") == folded:
            return name
    return str(gas)


def known_gases(ar: str = DEFAULT_AR) -> list[str]:
    """Gases and blends with a GWP100 in a report.

    Parameters
    ----------
    ar : {"SAR", "AR4", "AR5", "AR6"}, default "AR6"
        IPCC assessment report.

    Returns
    -------
    list of str
        Pure gases (the ``gas`` of each ``gwp.*`` factor) then blends whose components
        all have a GWP in that report.

    Examples
    --------
    >>> "HCFC-22" in known_gases("AR6"), "R-410A" in known_gases("AR6")
    (True, True)
    """
    report = normalise_report(ar)
    table = factors.search(dataset=f"IPCC {report}")
    rows = table[table["key"].str.startswith("gwp.")]
    pure = sorted({str(g) for g in rows["gas"].dropna()}, key=str.casefold)
    have = {normalise_gas(k.removeprefix("gwp.")) for k in rows["key"]}
    out = pure + [
        b for b, parts in blends().items() if all(normalise_gas(c) in have for c, _, _ in parts)
    ]
    return out


def gas_group(gas: str | None) -> str | None:
    """The regime gas group of a gas or blend: ``HFCs``, ``PFCs``, ``SF6``, ``NF3``, ``CO2``,
    ``CH4``, ``N2O``, or None for a gas outside them (HCFCs and other Montreal-Protocol gases).

    A blend belongs to a group when every component does; a blend with an HCFC component
    is outside the Kyoto basket.

    Parameters
    ----------
    gas : str or None
        Gas or blend name in any spelling :func:`canonical_gas` reads.

    Returns
    -------
    str or None

    Examples
    --------
    >>> gas_group("R-410A"), gas_group("R-22"), gas_group("c-C4F8"), gas_group("CHF3")
    ('HFCs', None, 'PFCs', 'HFCs')
    """
    if gas is None:
        return None
    name = canonical_gas(str(gas))
    parts = blends().get(name)
    if parts:
        groups = {gas_group(c) for c, _, _ in parts}
        return groups.pop() if len(groups) == 1 else None
    upper = name.upper()
    if upper.startswith("CH4"):
        return "CH4"
    if upper in ("CO2", "N2O", "SF6", "NF3"):
        return upper
    if upper.startswith("HFC-"):
        return "HFCs"
    if upper.startswith("PFC") or re.fullmatch(r"(C-)?C\d*F\d+O?", upper):
        return "PFCs"
    return None


def _blend_factor(name: str, report: str, fallback: bool) -> factors.Factor:
    """A derived Factor for a blend: its mass-weighted GWP100 in ``report``."""
    parts = blends()[name]
    value, statuses, refs = 0.0, [], []
    for component, share, status in parts:
        f = gwp_factor(component, report, fallback=fallback)
        value += share * f.value
        statuses += [status, f.status]
        refs.append(f"{share:g} x {component} {f.value:g}")
    worst = max(statuses, key=_STATUS_ORDER.index)
    return factors.Factor(
        key=f"gwp.{normalise_gas(name)}",
        value=round(value, 6),
        unit="kgCO2e/kg",
        dataset=f"IPCC {report}",
        source_id="ashrae34",
        status="unverified" if worst == "unverified" else "derived",
        name_en=f"{name} global warming potential, 100-year ({report}), from its composition",
        source_ref="mass-weighted: " + " + ".join(refs),
        basis="GWP100",
        gas=name,
        notes="ASHRAE 34 mass composition (factors/refrigerant_blends.csv) x component GWP100",
    )


def gwp_factor(
    gas: str, ar: str = DEFAULT_AR, horizon: int = 100, *, fallback: bool = False
) -> factors.Factor:
    """Return the cited :class:`~greenchain.data.factors.Factor` behind :func:`gwp`.

    Parameters
    ----------
    gas : str
        Gas name (see :func:`gwp`).
    ar : {"SAR", "AR4", "AR5", "AR6"}, default "AR6"
        IPCC assessment report.
    horizon : int, default 100
        Time horizon [yr]; only 100 is shipped.
    fallback : bool, default False
        When the report has no GWP for the gas (SAR has no NF3, only AR6 gives C5F8,
        C4F6 and c-C4F8O), use the earliest later report that has one, with a caveat.
        The inventory uses this so that a SAR regime still runs; :func:`gwp` never does.

    Returns
    -------
    Factor
        GWP100 [kgCO2e/kg], with its source table and status. A blend's factor is
        derived from its composition (status ``derived``, or ``unverified`` when a
        component's GWP is).

    Raises
    ------
    InputError
        Another horizon, an unknown report, or no GWP for the gas in that report; the
        message lists the gases and blends known.

    Warns
    -----
    UnverifiedDataWarning
        The value's status is ``unverified``.
    FallbackWarning
        ``fallback`` took the value of a later report.

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
    name = canonical_gas(gas)
    if name in blends():
        return _blend_factor(name, report, fallback)
    key = f"gwp.{normalise_gas(name)}"
    try:
        return factors.get(key, dataset=f"IPCC {report}")
    except factors.FactorNotFound as exc:
        later = REPORTS[REPORTS.index(report) + 1 :]
        if fallback:
            for other in later:
                try:
                    f = factors.get(key, dataset=f"IPCC {other}")
                except factors.FactorNotFound:
                    continue
                caveat(
                    f"no {report} GWP100 for {name}; the {other} value {f.value:g} is used "
                    "(the earliest report that gives one)",
                    FallbackWarning,
                    field="gwp",
                )
                return f
        known = ", ".join(known_gases(report))
        raise InputError(
            f"no {report} GWP100 for gas {gas!r}; known in {report}: {known}", field="gas"
        ) from exc


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
