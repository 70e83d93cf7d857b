"""Retrofit finance in the RETScreen convention: NPV, IRR, paybacks, LCCE, sensitivity, risk.

All money is a plain number in whatever currency the plant uses (a pint Quantity in
``CNY`` or ``wan_yuan`` is also accepted and read in yuan); years are whole years of
operation. The cash-flow convention reproduces RETScreen's financing examples
(``retscreen-finance`` in ``factors/sources.yaml``; peers.md R-1):

* savings in year *t* are :math:`S (1 + e)^t` for :math:`t = 1 \\dots N` (the first
  year is already escalated once);
* debt :math:`D = d \\cdot C` is repaid as a level annuity over ``debt_term`` years,
  payment :math:`P = \\mathrm{PMT}(r_d, n_d, D)`; equity is :math:`C - D`;
* NPV and IRR are those of the project (all-equity) stream
  :math:`[-C, S_1, \\dots, S_N]`; the equity IRR and equity payback use the equity stream
  :math:`[-(C - D), S_1 - P, \\dots, S_N]`;
* simple payback is :math:`C / S` with the unescalated first-year savings; equity
  payback is the first year in which the cumulative equity cash flow turns
  non-negative, interpolated linearly within that year.

A value that does not exist (no payback, no IRR) is ``None`` in :class:`FinanceResult`,
with the reason in ``FinanceResult.reason``; it is never ``inf`` or ``NaN``.

Scalars go to :func:`evaluate`; arrays of capex and savings (Monte Carlo draws) go to
:func:`evaluate_many`, which is vectorised with numpy and returns a DataFrame (there a
missing value is ``NaN`` and the ``reason`` column says why).

Examples
--------
>>> r = evaluate(1000, 300, lifetime=5, discount_rate=0.08)
>>> round(r.npv, 2), round(r.irr, 4), round(r.simple_payback, 4)
(197.81, 0.1524, 3.3333)
>>> evaluate(1000, 0, lifetime=5, discount_rate=0.08).reason["simple_payback"]
'savings are zero: the investment is never recovered'
"""

from __future__ import annotations

import numbers
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any

import numpy as np
import numpy_financial as npf
import pandas as pd

from greenchain.errors import InputError, OutOfRangeError
from greenchain.units import check_range, magnitude

__all__ = [
    "FinanceResult",
    "RiskResult",
    "evaluate",
    "evaluate_many",
    "levelised_cost_of_conserved_energy",
    "capital_recovery_factor",
    "sensitivity",
    "risk",
]

_ZERO_SAVINGS = "savings are zero: the investment is never recovered"
_NEGATIVE_SAVINGS = "savings are negative: the investment is never recovered"
_NOT_RECOVERED = "the cumulative equity cash flow stays negative over the lifetime"


# --------------------------------------------------------------------------- results
@dataclass(frozen=True, eq=False)
class FinanceResult:
    """Result of :func:`evaluate` (all money in the currency of the inputs).

    Attributes
    ----------
    npv : float
        Net present value of the project (all-equity) cash flows at ``discount_rate``.
    irr : float or None
        Internal rate of return of the project cash flows (fraction, 0.15 = 15 %).
    equity_irr : float or None
        Internal rate of return of the equity cash flows (after debt service).
    simple_payback : float or None
        ``capex / annual_savings`` with unescalated first-year savings [years].
    equity_payback : float or None
        First year in which the cumulative equity cash flow turns non-negative,
        interpolated linearly within the year [years].
    cash_flows : pandas.DataFrame
        Index ``year`` 0..N; columns ``savings``, ``debt_payment`` (paid, positive),
        ``project_cash_flow``, ``equity_cash_flow`` and ``cumulative`` (cumulative
        equity cash flow).
    reason : Mapping[str, str]
        For each attribute that is ``None``, why it does not exist.
    """

    npv: float
    irr: float | None
    equity_irr: float | None
    simple_payback: float | None
    equity_payback: float | None
    cash_flows: pd.DataFrame
    reason: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, eq=False)
class RiskResult:
    """Result of :func:`risk`.

    Attributes
    ----------
    npv_percentiles : pandas.Series
        NPV at the requested percentiles (index = percentile).
    npv_mean : float
        Mean NPV of the draws.
    probability_npv_negative : float
        Share of the draws with NPV < 0.
    samples : pandas.DataFrame
        The draws: ``capex``, ``annual_savings``, ``npv``.
    n : int
        Number of draws.
    seed : int or None
        Seed of the random generator (same seed, same result).
    distribution : str
        ``"uniform"`` or ``"triangular"``.
    """

    npv_percentiles: pd.Series
    npv_mean: float
    probability_npv_negative: float
    samples: pd.DataFrame = field(repr=False)
    n: int
    seed: int | None
    distribution: str


# --------------------------------------------------------------------------- validation
def _whole_years(value: Any, name: str, *, allow_zero: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, numbers.Real):
        raise InputError(f"must be a whole number of years, got {value!r}", field=name)
    if not float(value).is_integer():
        raise InputError(f"must be a whole number of years, got {value!r}", field=name)
    years = int(float(value))
    if years < 0 or (years == 0 and not allow_zero):
        op = ">= 0" if allow_zero else "> 0"
        raise OutOfRangeError(f"must be {op} years, got {years}", field=name)
    return years


def _rate(value: Any, name: str) -> float:
    arr = magnitude(value, "", name)
    if arr.ndim != 0:
        raise InputError("must be a single number", field=name)
    check_range(arr, name, low=-1, low_inclusive=False)
    return float(arr)


def _scalar_money(value: Any, name: str) -> float:
    arr = magnitude(value, "CNY", name)
    if arr.ndim != 0:
        raise InputError("must be a single number; use evaluate_many for arrays", field=name)
    return float(arr)


#: The longest lifetime (years) a retrofit may be evaluated over; longer is an error
#: (a typo such as 10**9 years would otherwise build a cash-flow table of that length).
MAX_LIFETIME = 100


def _check_terms(
    lifetime: Any,
    discount_rate: Any,
    escalation: Any,
    debt_ratio: Any,
    debt_rate: Any,
    debt_term: Any,
) -> tuple[int, float, float, float, float, int]:
    n = _whole_years(lifetime, "lifetime")
    if n > MAX_LIFETIME:
        raise OutOfRangeError(
            f"must be at most {MAX_LIFETIME} years (no plant equipment lasts longer), got {n}",
            field="lifetime",
        )
    r = _rate(discount_rate, "discount_rate")
    e = _rate(escalation, "escalation")
    d = magnitude(debt_ratio, "", "debt_ratio")
    if d.ndim != 0:
        raise InputError("must be a single number", field="debt_ratio")
    check_range(d, "debt_ratio", low=0, high=1)
    rd = _rate(debt_rate, "debt_rate")
    nd = _whole_years(debt_term, "debt_term", allow_zero=True)
    if nd > n:
        raise OutOfRangeError(f"must be <= lifetime ({n} years), got {nd}", field="debt_term")
    if float(d) > 0 and nd == 0:
        raise OutOfRangeError("must be > 0 years when debt_ratio > 0", field="debt_term")
    return n, r, e, float(d), rd, nd


def _debt_payment(debt: Any, debt_rate: float, debt_term: int) -> Any:
    """Level annuity payment (positive) repaying ``debt`` over ``debt_term`` years."""
    if debt_term == 0:
        return np.zeros_like(np.asarray(debt, dtype=float))
    with np.errstate(divide="ignore", invalid="ignore"):
        payment = -npf.pmt(debt_rate, debt_term, debt)
    if np.all(np.isfinite(payment)):
        return payment
    # npf.pmt divides by ((1 + r)^n - 1) / r, which rounds to zero for |r| < ~1e-16;
    # the same annuity written with log1p/expm1 keeps its precision there.
    factor = debt_rate / -np.expm1(-debt_term * np.log1p(debt_rate))
    return np.asarray(debt, dtype=float) * factor


def _irr(flows: np.ndarray, stream: str) -> tuple[float | None, str | None]:
    """IRR of ``flows`` with npf.irr, or ``None`` and the reason."""
    if flows[0] >= 0 and np.all(flows[1:] >= 0):
        if flows[0] == 0:
            return None, f"no {stream} investment in year 0: the IRR is undefined"
        return None, f"the {stream} cash flows are never negative: the IRR is undefined"
    if np.all(flows <= 0):
        if np.all(flows[1:] == 0):
            return None, f"savings are zero: no rate makes the {stream} NPV zero"
        return None, f"the {stream} cash flows are never positive: no rate makes the NPV zero"
    try:
        with np.errstate(over="ignore", divide="ignore", invalid="ignore"):
            value = npf.irr(flows)  # np.roots may overflow on extreme magnitudes
    except np.linalg.LinAlgError:
        value = np.nan
    if not np.isfinite(value):
        return None, f"no rate above -100 % makes the NPV of the {stream} cash flows zero"
    return float(value), None


def _payback(flows: np.ndarray) -> tuple[float | None, str | None]:
    """Equity payback from the equity stream ``flows`` (year 0 first; savings > 0)."""
    cumulative = np.cumsum(flows)
    if np.all(cumulative >= 0):
        return 0.0, None
    first_negative = int(np.argmax(cumulative < 0))
    later = np.nonzero(cumulative[first_negative:] >= 0)[0]
    if later.size == 0:
        return None, _NOT_RECOVERED
    k = first_negative + int(later[0])
    return (k - 1) + (-cumulative[k - 1]) / flows[k], None


# --------------------------------------------------------------------------- evaluate
def evaluate(
    capex: Any,
    annual_savings: Any,
    *,
    lifetime: int,
    discount_rate: float,
    escalation: float = 0.0,
    debt_ratio: float = 0.0,
    debt_rate: float = 0.0,
    debt_term: int = 0,
) -> FinanceResult:
    """Evaluate one retrofit measure in the RETScreen financing convention.

    Parameters
    ----------
    capex : float
        Initial investment in year 0, >= 0, in any currency (the same for every money
        argument).
    annual_savings : float
        First-year savings before escalation, S, in currency per year; may be zero or negative
        (then paybacks and IRRs are ``None`` with a reason).
    lifetime : int
        Project life N, a positive whole number [years].
    discount_rate : float
        Discount rate for the NPV, > -1 (fraction; a ``percent`` Quantity is accepted).
    escalation : float, default 0
        Yearly escalation e of the savings, > -1 (fraction).
    debt_ratio : float, default 0
        Share of ``capex`` financed by debt, between 0 and 1.
    debt_rate : float, default 0
        Interest rate of the debt, > -1 (fraction).
    debt_term : int, default 0
        Years over which the debt is repaid; 0 < debt_term <= lifetime when
        ``debt_ratio`` > 0 [years].

    Returns
    -------
    FinanceResult
        ``npv``, ``irr``, ``equity_irr``, ``simple_payback``, ``equity_payback``,
        ``cash_flows`` (year 0..N) and ``reason`` for every missing value.

    Raises
    ------
    InputError
        ``lifetime`` or ``debt_term`` not a whole number, a non-scalar or non-finite input.
    OutOfRangeError
        A rate <= -1, ``debt_ratio`` outside [0, 1], negative ``capex``, ``debt_term``
        longer than ``lifetime`` or zero with debt. The message names the argument.

    Notes
    -----
    With savings :math:`S_t = S (1+e)^t`, debt :math:`D = d C`, payment
    :math:`P = D r_d / (1 - (1 + r_d)^{-n_d})` for years :math:`1 \\dots n_d`:

    .. math::

        \\mathrm{NPV} = -C + \\sum_{t=1}^{N} \\frac{S_t}{(1 + r)^t}, \\qquad
        \\mathrm{NPV}(\\mathrm{IRR}) = 0

    the equity stream is :math:`[-(C - D), S_1 - P, \\dots, S_{n_d} - P, S_{n_d+1},
    \\dots, S_N]`. Simple payback is :math:`C / S`. Equity payback is
    :math:`k - 1 + |F_{k-1}| / f_k`, where :math:`F` is the cumulative equity cash
    flow, :math:`f` the yearly one and :math:`k` the first year (after :math:`F` first
    goes negative) with :math:`F_k \\ge 0`. An equity stream with several sign changes
    (debt service above savings in early years) may have several IRRs; numpy-financial
    returns the one closest to zero. NPV and IRR use ``numpy_financial.npv`` and
    ``numpy_financial.irr``, the payment ``numpy_financial.pmt``.

    References
    ----------
    RETScreen financial analysis (Natural Resources Canada), financing convention as
    reproduced in greenchain's peer notes R-1 (source id ``retscreen-finance``).

    Examples
    --------
    >>> r = evaluate(1000, 300, lifetime=5, discount_rate=0.08,
    ...              debt_ratio=0.5, debt_rate=0.10, debt_term=2)
    >>> round(r.equity_payback, 4)
    3.5873
    >>> round(float(r.cash_flows.loc[1, "debt_payment"]), 4)
    288.0952
    """
    n, r, e, d, rd, nd = _check_terms(
        lifetime, discount_rate, escalation, debt_ratio, debt_rate, debt_term
    )
    c = _scalar_money(capex, "capex")
    check_range(np.asarray(c), "capex", low=0)
    s = _scalar_money(annual_savings, "annual_savings")

    years = np.arange(n + 1)
    savings = np.where(years > 0, s * (1.0 + e) ** years, 0.0)
    debt = d * c
    payment = float(_debt_payment(debt, rd, nd))
    debt_payment = np.where((years > 0) & (years <= nd), payment, 0.0)
    project = savings.copy()
    project[0] = -c
    equity_flows = savings - debt_payment
    equity_flows[0] = debt - c
    cash_flows = pd.DataFrame(
        {
            "savings": savings,
            "debt_payment": debt_payment,
            "project_cash_flow": project,
            "equity_cash_flow": equity_flows,
            "cumulative": np.cumsum(equity_flows),
        },
        index=pd.Index(years, name="year"),
    )

    reason: dict[str, str] = {}
    npv = float(npf.npv(r, project))
    irr, why = _irr(project, "project")
    if why:
        reason["irr"] = why
    equity_irr, why = _irr(equity_flows, "equity")
    if why:
        reason["equity_irr"] = why

    simple_payback: float | None
    if s > 0:
        simple_payback = c / s
    else:
        simple_payback = None
        reason["simple_payback"] = _ZERO_SAVINGS if s == 0 else _NEGATIVE_SAVINGS
    if s <= 0:
        equity_payback, why = None, _ZERO_SAVINGS if s == 0 else _NEGATIVE_SAVINGS
    else:
        equity_payback, why = _payback(equity_flows)
    if why:
        reason["equity_payback"] = why
    return FinanceResult(
        npv=npv,
        irr=irr,
        equity_irr=equity_irr,
        simple_payback=simple_payback,
        equity_payback=None if equity_payback is None else float(equity_payback),
        cash_flows=cash_flows,
        reason=MappingProxyType(reason),
    )


def evaluate_many(
    capex: Any,
    annual_savings: Any,
    *,
    lifetime: int,
    discount_rate: float,
    escalation: float = 0.0,
    debt_ratio: float = 0.0,
    debt_rate: float = 0.0,
    debt_term: int = 0,
    with_irr: bool = False,
) -> pd.DataFrame:
    """Vectorised :func:`evaluate` for arrays of capex and savings (Monte Carlo draws).

    Parameters
    ----------
    capex, annual_savings : array-like
        Broadcastable arrays, in currency and currency per year; see :func:`evaluate`.
    lifetime, discount_rate, escalation, debt_ratio, debt_rate, debt_term
        Scalars, as in :func:`evaluate`.
    with_irr : bool, default False
        Also compute ``irr`` and ``equity_irr``. numpy-financial's IRR is not
        vectorised, so this loops over the rows (about 0.1 ms per row).

    Returns
    -------
    pandas.DataFrame
        One row per broadcast element: ``capex``, ``annual_savings``, ``npv``,
        ``simple_payback``, ``equity_payback`` (and ``irr``, ``equity_irr``) and
        ``reason``. A value that does not exist is ``NaN`` and ``reason`` (empty string
        otherwise) says why, with the same texts as :attr:`FinanceResult.reason`.

    Notes
    -----
    The NPV uses the closed form :math:`-C + S \\sum_{t=1}^N ((1+e)/(1+r))^t`, equal to
    the year-by-year sum of :func:`evaluate`.

    Examples
    --------
    >>> df = evaluate_many([1000, 1000], [300, 0], lifetime=5, discount_rate=0.08)
    >>> df["npv"].round(2).tolist()
    [197.81, -1000.0]
    >>> df.loc[1, "reason"]
    'simple_payback: savings are zero: the investment is never recovered; ...'
    """
    n, r, e, d, rd, nd = _check_terms(
        lifetime, discount_rate, escalation, debt_ratio, debt_rate, debt_term
    )
    c_in = magnitude(capex, "CNY", "capex")
    s_in = magnitude(annual_savings, "CNY", "annual_savings")
    check_range(c_in, "capex", low=0)
    try:
        c, s = np.broadcast_arrays(np.atleast_1d(c_in), np.atleast_1d(s_in))
    except ValueError as exc:
        raise InputError(
            f"shape {c_in.shape} cannot be broadcast with annual_savings {s_in.shape}",
            field="capex",
        ) from exc
    c, s = c.ravel().astype(float), s.ravel().astype(float)

    years = np.arange(1, n + 1)
    growth = (1.0 + e) ** years
    npv = -c + s * np.sum(growth / (1.0 + r) ** years)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        simple = np.where(s > 0, c / np.where(s > 0, s, 1.0), np.nan)

    debt = d * c
    payment = _debt_payment(debt, rd, nd)
    flows = np.empty((c.size, n + 1))
    flows[:, 0] = debt - c
    flows[:, 1:] = s[:, None] * growth[None, :] - np.where(
        years[None, :] <= nd, np.atleast_1d(payment)[:, None], 0.0
    )
    equity_payback, payback_reason = _payback_many(flows, s)

    reasons = []
    for i in range(c.size):
        parts = []
        if s[i] <= 0:
            parts.append(f"simple_payback: {_ZERO_SAVINGS if s[i] == 0 else _NEGATIVE_SAVINGS}")
        if payback_reason[i]:
            parts.append(f"equity_payback: {payback_reason[i]}")
        reasons.append(parts)

    out = pd.DataFrame(
        {
            "capex": c,
            "annual_savings": s,
            "npv": npv,
            "simple_payback": simple,
            "equity_payback": equity_payback,
        }
    )
    if with_irr:
        irr = np.full(c.size, np.nan)
        equity_irr = np.full(c.size, np.nan)
        for i in range(c.size):
            project = np.concatenate(([-c[i]], s[i] * growth))
            value, why = _irr(project, "project")
            if why:
                reasons[i].append(f"irr: {why}")
            else:
                irr[i] = value
            value, why = _irr(flows[i], "equity")
            if why:
                reasons[i].append(f"equity_irr: {why}")
            else:
                equity_irr[i] = value
        out["irr"] = irr
        out["equity_irr"] = equity_irr
    out["reason"] = ["; ".join(p) for p in reasons]
    return out


def _payback_many(flows: np.ndarray, savings: np.ndarray) -> tuple[np.ndarray, list[str]]:
    """Row-wise equity payback of a (rows, N+1) equity cash-flow matrix."""
    rows, cols = flows.shape
    cumulative = np.cumsum(flows, axis=1)
    negative = cumulative < 0
    ever_negative = negative.any(axis=1)
    first_negative = np.argmax(negative, axis=1)
    after = (np.arange(cols)[None, :] > first_negative[:, None]) & (cumulative >= 0)
    found = after.any(axis=1) & ever_negative
    k = np.argmax(after, axis=1)
    k_safe = np.where(found, k, 1)
    idx = np.arange(rows)
    prev = cumulative[idx, k_safe - 1]
    step = flows[idx, k_safe]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        value = np.where(found, (k_safe - 1) - prev / step, np.nan)
    value = np.where(ever_negative, value, 0.0)
    value = np.where(savings > 0, value, np.nan)
    reasons = []
    for i in range(rows):
        if savings[i] <= 0:
            reasons.append(_ZERO_SAVINGS if savings[i] == 0 else _NEGATIVE_SAVINGS)
        elif np.isnan(value[i]):
            reasons.append(_NOT_RECOVERED)
        else:
            reasons.append("")
    return value, reasons


# --------------------------------------------------------------------------- LCCE
def capital_recovery_factor(discount_rate: float, lifetime: int) -> float:
    """Capital recovery factor :math:`r (1+r)^N / ((1+r)^N - 1)` (``1/N`` at r = 0).

    Parameters
    ----------
    discount_rate : float
        Discount rate r, > -1 (fraction).
    lifetime : int
        N, a positive whole number [years].

    Returns
    -------
    float
        The level yearly payment per unit of present value [1/yr].

    Examples
    --------
    >>> round(capital_recovery_factor(0.08, 5), 6)
    0.250456
    """
    n = _whole_years(lifetime, "lifetime")
    r = _rate(discount_rate, "discount_rate")
    return float(_debt_payment(1.0, r, n))


def levelised_cost_of_conserved_energy(
    capex: Any,
    annual_energy_saved: Any,
    *,
    lifetime: int,
    discount_rate: float,
    annual_om: Any = 0,
    energy_unit: str = "kWh",
) -> Any:
    """Levelised cost of conserved energy (LCCE): annualised cost per unit energy saved.

    Parameters
    ----------
    capex : float or array-like
        Initial investment, >= 0, in any currency.
    annual_energy_saved : float, array-like or Quantity
        Energy saved per year, > 0, in ``energy_unit`` per year; a Quantity of energy in any
        unit (GJ, kgce, MWh ...) is converted to ``energy_unit``.
    lifetime : int
        Project life N [years].
    discount_rate : float
        r, > -1 (fraction).
    annual_om : float or array-like, default 0
        Extra yearly operation and maintenance cost of the measure, in currency per year
        (negative if the measure saves O&M).
    energy_unit : str, default "kWh"
        Unit of the result's denominator and of plain-number energy input.

    Returns
    -------
    float or numpy.ndarray
        LCCE, in currency per ``energy_unit``; compare with the energy price.

    Notes
    -----
    .. math:: \\mathrm{LCCE} = \\frac{\\mathrm{CRF}(r, N)\\, C + O\\&M}{E},\\qquad
              \\mathrm{CRF} = \\frac{r (1+r)^N}{(1+r)^N - 1}

    Examples
    --------
    >>> round(levelised_cost_of_conserved_energy(1000, 2000, lifetime=5,
    ...                                          discount_rate=0.08), 5)
    0.12523
    >>> from greenchain import Q_
    >>> round(levelised_cost_of_conserved_energy(1000, Q_(2, "MWh"), lifetime=5,
    ...                                          discount_rate=0.08, energy_unit="MWh"), 3)
    125.228
    """
    crf = capital_recovery_factor(discount_rate, lifetime)
    c = magnitude(capex, "CNY", "capex")
    check_range(c, "capex", low=0)
    energy = magnitude(annual_energy_saved, energy_unit, "annual_energy_saved")
    check_range(energy, "annual_energy_saved", low=0, low_inclusive=False, unit=energy_unit)
    om = magnitude(annual_om, "CNY", "annual_om")
    out = (crf * c + om) / energy
    return float(out) if np.ndim(out) == 0 else out


# --------------------------------------------------------------------------- sensitivity
_SENSITIVITY_INPUTS = ("capex", "savings", "price", "discount_rate", "debt_rate")


def sensitivity(
    capex: Any,
    annual_savings: Any,
    *,
    ranges: Mapping[str, float] | None = None,
    **evaluate_kwargs: Any,
) -> pd.DataFrame:
    """Sensitivity table of NPV, IRR and paybacks at -x, 0 and +x of each input.

    Parameters
    ----------
    capex, annual_savings : float
        Base case, as in :func:`evaluate`.
    ranges : mapping, default ``{"capex": 0.2, "savings": 0.2, "price": 0.2}``
        Relative half-range x (0 <= x <= 1) for each varied input. Keys:
        ``"capex"``, ``"savings"`` (energy saved), ``"price"`` (energy price; it scales
        the savings in proportion, so it gives the same numbers as ``"savings"`` and is
        listed separately as in RETScreen's table), ``"discount_rate"``, ``"debt_rate"``.
    **evaluate_kwargs
        ``lifetime``, ``discount_rate`` and the other keywords of :func:`evaluate`.

    Returns
    -------
    pandas.DataFrame
        One row per (input, change): ``input``, ``change`` (-x, 0, +x), ``capex``,
        ``annual_savings``, ``npv``, ``irr``, ``equity_irr``, ``simple_payback``,
        ``equity_payback`` and ``reason`` (why a value is ``NaN``).

    Examples
    --------
    >>> t = sensitivity(1000, 300, lifetime=5, discount_rate=0.08)
    >>> t[t["input"] == "capex"]["npv"].round(2).tolist()
    [397.81, 197.81, -2.19]
    """
    ranges = {"capex": 0.2, "savings": 0.2, "price": 0.2} if ranges is None else dict(ranges)
    unknown = sorted(set(ranges) - set(_SENSITIVITY_INPUTS))
    if unknown:
        raise InputError(
            f"unknown input(s) {unknown}; valid: {', '.join(_SENSITIVITY_INPUTS)}",
            field="ranges",
        )
    evaluate(capex, annual_savings, **evaluate_kwargs)  # validate every input once
    c0 = _scalar_money(capex, "capex")
    s0 = _scalar_money(annual_savings, "annual_savings")
    rows = []
    for name, x in ranges.items():
        label = f"ranges[{name!r}]"
        x = float(check_range(magnitude(x, "", label), label, low=0, high=1))
        for change in (-x, 0.0, x):
            c, s, kw = c0, s0, dict(evaluate_kwargs)
            if name == "capex":
                c = c0 * (1 + change)
            elif name in ("savings", "price"):
                s = s0 * (1 + change)
            else:
                kw[name] = _rate(kw.get(name, 0.0), name) * (1 + change)
            res = evaluate(c, s, **kw)
            rows.append(
                {
                    "input": name,
                    "change": change,
                    "capex": c,
                    "annual_savings": s,
                    "npv": res.npv,
                    "irr": _nan(res.irr),
                    "equity_irr": _nan(res.equity_irr),
                    "simple_payback": _nan(res.simple_payback),
                    "equity_payback": _nan(res.equity_payback),
                    "reason": "; ".join(f"{k}: {v}" for k, v in res.reason.items()),
                }
            )
    return pd.DataFrame(rows)


def _nan(value: float | None) -> float:
    return np.nan if value is None else value


# --------------------------------------------------------------------------- risk
def risk(
    capex: Any,
    annual_savings: Any,
    *,
    n: int = 1000,
    seed: int | None = None,
    capex_range: float = 0.2,
    savings_range: float = 0.2,
    distribution: str = "uniform",
    percentiles: tuple[float, ...] = (5, 10, 50, 90, 95),
    **kw: Any,
) -> RiskResult:
    """Monte Carlo risk analysis of the NPV (vectorised).

    Capex and savings are drawn independently, each from ``[v (1 - x), v (1 + x)]``
    around its base value ``v``: uniform, or triangular with the mode at ``v``.

    Parameters
    ----------
    capex, annual_savings : float
        Base values, in currency and currency per year.
    n : int, default 1000
        Number of draws.
    seed : int, optional
        Seed of :func:`numpy.random.default_rng`; the same seed gives the same output.
    capex_range, savings_range : float, default 0.2
        Relative half-ranges x, between 0 and 1.
    distribution : {"uniform", "triangular"}
        Shape of both input distributions.
    percentiles : tuple of float
        NPV percentiles to report (0-100).
    **kw
        ``lifetime``, ``discount_rate`` and the other keywords of :func:`evaluate`.

    Returns
    -------
    RiskResult
        NPV percentiles, mean, probability that NPV < 0 and the draws.

    Examples
    --------
    >>> a = risk(1000, 300, n=500, seed=1, lifetime=5, discount_rate=0.08)
    >>> b = risk(1000, 300, n=500, seed=1, lifetime=5, discount_rate=0.08)
    >>> a.npv_percentiles.equals(b.npv_percentiles)
    True
    >>> 0 <= a.probability_npv_negative <= 1
    True
    """
    if isinstance(n, bool) or not isinstance(n, numbers.Integral) or n < 1:
        raise InputError(f"must be a positive whole number of draws, got {n!r}", field="n")
    draws = int(n)
    c0 = _scalar_money(capex, "capex")
    s0 = _scalar_money(annual_savings, "annual_savings")
    xc = float(check_range(magnitude(capex_range, "", "capex_range"), "capex_range", low=0, high=1))
    xs = float(
        check_range(magnitude(savings_range, "", "savings_range"), "savings_range", low=0, high=1)
    )
    pct = check_range(np.asarray(percentiles, dtype=float), "percentiles", low=0, high=100)
    if distribution not in ("uniform", "triangular"):
        raise InputError(
            f"must be 'uniform' or 'triangular', got {distribution!r}", field="distribution"
        )
    rng = np.random.default_rng(seed)
    c = _draw(rng, c0, xc, draws, distribution)
    s = _draw(rng, s0, xs, draws, distribution)
    table = evaluate_many(c, s, **kw)
    npv = table["npv"].to_numpy()
    return RiskResult(
        npv_percentiles=pd.Series(
            np.percentile(npv, pct), index=pd.Index(pct, name="percentile"), name="npv"
        ),
        npv_mean=float(npv.mean()),
        probability_npv_negative=float(np.mean(npv < 0)),
        samples=table[["capex", "annual_savings", "npv"]],
        n=draws,
        seed=seed,
        distribution=distribution,
    )


def _draw(
    rng: np.random.Generator, value: float, x: float, size: int, distribution: str
) -> np.ndarray:
    low, high = sorted((value * (1 - x), value * (1 + x)))
    if low == high:  # numpy's triangular rejects a zero-width range
        return np.full(size, value)
    if distribution == "uniform":
        return rng.uniform(low, high, size)
    return rng.triangular(low, value, high, size)
