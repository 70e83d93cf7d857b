r"""Distribution transformers: losses, GB 20052-2024 levels, upgrades, power-factor correction.

Transformer losses are the no-load (iron) loss :math:`P_0`, independent of load,
plus the load (copper) loss :math:`P_k` at rated current scaled by the square of
the load factor :math:`\beta = S/S_r`. GB 20052-2024 Table 1 (10 kV oil-immersed
distribution transformers, ``factors/transformers_gb20052-2024.csv``,
transcribed) gives :math:`P_0` and :math:`P_k` for levels 1-3 by capacity, core
material and connection group. Capacitor sizing for power-factor correction
follows US DOE MEASUR.

Examples
--------
>>> gb20052_losses(2000, "silicon_steel", "Yyn0", 1).no_load_loss
<Quantity(1.085, 'kilowatt')>
>>> losses(1.36, 18.3, 0.6)
<Quantity(7.948, 'kilowatt')>
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Any

import numpy as np
import pint

from greenchain.data.tables import parse_number, read_table
from greenchain.errors import InputError, OutOfRangeError
from greenchain.processes._levels import level_from_thresholds, worst_level
from greenchain.units import QuantityLike, check_range, fraction, magnitude, nonnegative, quantity

__all__ = [
    "losses",
    "annual_energy_loss",
    "economic_load_factor",
    "gb20052_losses",
    "TransformerLosses",
    "gb20052_level",
    "upgrade_savings",
    "TransformerUpgrade",
    "power_factor_correction",
    "PowerFactorCorrection",
]

_TABLE = "transformers_gb20052-2024.csv"

_CORES = {
    "silicon_steel": "silicon_steel",
    "silicon steel": "silicon_steel",
    "electrical steel": "silicon_steel",
    "crgo": "silicon_steel",
    "电工钢带": "silicon_steel",
    "amorphous": "amorphous",
    "amorphous alloy": "amorphous",
    "amorphous_alloy": "amorphous",
    "非晶合金": "amorphous",
}
_CONNECTIONS = {
    "dyn11": "Dyn11/Yzn11",
    "yzn11": "Dyn11/Yzn11",
    "dyn11/yzn11": "Dyn11/Yzn11",
    "yyn0": "Yyn0",
}


def _beta(value: QuantityLike) -> np.ndarray:
    return nonnegative(value, "", "load_factor")


# ---------------------------------------------------------------- loss model
def losses(
    no_load_loss: QuantityLike, load_loss: QuantityLike, load_factor: QuantityLike
) -> pint.Quantity:
    r"""Power lost in a transformer at a given load.

    Parameters
    ----------
    no_load_loss : float, array-like or Quantity
        No-load loss :math:`P_0` [kW].
    load_loss : float, array-like or Quantity
        Load loss at rated current :math:`P_k` [kW].
    load_factor : float or array-like
        :math:`\beta = S/S_r`, apparent power over rated capacity [dimensionless],
        >= 0; above 1 is overload.

    Returns
    -------
    Quantity
        Loss [kW].

    Raises
    ------
    OutOfRangeError
        Negative losses or load factor.

    Notes
    -----
    .. math:: P = P_0 + \beta^2 P_k

    References
    ----------
    GB/T 13462 (economic operation of power transformers) uses this loss model;
    its text was not read.

    Examples
    --------
    >>> losses(1.085, 13.18, [0.3, 0.6])
    <Quantity([2.2712 5.8298], 'kilowatt')>
    """
    p0 = nonnegative(no_load_loss, "kW", "no_load_loss")
    pk = nonnegative(load_loss, "kW", "load_loss")
    beta = _beta(load_factor)
    return quantity(p0 + beta**2 * pk, "kW")


def annual_energy_loss(
    no_load_loss: QuantityLike,
    load_loss: QuantityLike,
    load_factor: QuantityLike,
    hours: QuantityLike,
) -> pint.Quantity:
    r"""Energy lost in a transformer over ``hours`` at a constant load factor.

    Parameters
    ----------
    no_load_loss : float, array-like or Quantity
        No-load loss :math:`P_0` [kW].
    load_loss : float, array-like or Quantity
        Load loss at rated current :math:`P_k` [kW].
    load_factor : float or array-like
        :math:`\beta = S/S_r` [dimensionless], >= 0.
    hours : float, array-like or Quantity
        Energised time [h] (``8760`` for a year).

    Returns
    -------
    Quantity
        Energy lost [kWh].

    Notes
    -----
    .. math:: E = (P_0 + \beta^2 P_k)\,t

    With a varying load, use the root-mean-square load factor, or sum
    :func:`losses` over a load profile.

    Examples
    --------
    >>> annual_energy_loss(1.36, 18.3, 0.6, 8760)
    <Quantity(69624.48, 'kilowatt_hour')>
    """
    return quantity(
        losses(no_load_loss, load_loss, load_factor).m_as("kW") * nonnegative(hours, "h", "hours"),
        "kWh",
    )


def economic_load_factor(no_load_loss: QuantityLike, load_loss: QuantityLike) -> pint.Quantity:
    r"""Load factor at which a transformer's efficiency is highest.

    Parameters
    ----------
    no_load_loss : float, array-like or Quantity
        No-load loss :math:`P_0` [kW].
    load_loss : float, array-like or Quantity
        Load loss at rated current :math:`P_k` [kW], > 0.

    Returns
    -------
    Quantity
        :math:`\beta_{ec}` [dimensionless].

    Notes
    -----
    Efficiency :math:`\beta S_r \cos\varphi / (\beta S_r \cos\varphi + P_0 + \beta^2 P_k)`
    is highest where the load loss equals the no-load loss:

    .. math:: \beta_{ec} = \sqrt{P_0 / P_k}

    Examples
    --------
    >>> economic_load_factor(1.085, 13.18)
    <Quantity(0.2869..., 'dimensionless')>
    """
    p0 = nonnegative(no_load_loss, "kW", "no_load_loss")
    pk = check_range(
        magnitude(load_loss, "kW", "load_loss"), "load_loss", low=0, low_inclusive=False, unit="kW"
    )
    return quantity(np.sqrt(p0 / pk), "")


# ---------------------------------------------------------------- GB 20052-2024
@cache
def _gb20052() -> dict[tuple[float, str, str], np.ndarray]:
    """{(kVA, core, connection): array (2 losses P0/Pk, 3 levels) [kW]}."""
    out: dict[tuple[float, str, str], np.ndarray] = {}
    for r in read_table(_TABLE):
        key = (float(r["rated_power_kva"]), r["core"], r["connection"])
        entry = out.setdefault(key, np.full((2, 3), np.nan))
        level = int(r["level"]) - 1
        for i, column in enumerate(("no_load_loss_kw", "load_loss_kw")):
            value = parse_number(r[column])
            entry[i, level] = np.nan if value is None else value
    return out


def _gb20052_rows(rated_power: QuantityLike, core: str, connection: str) -> np.ndarray:
    """Return losses of shape (..., 2, 3) for each rated power."""
    table = _gb20052()
    core_key = _CORES.get(str(core).strip().lower())
    if core_key is None:
        raise InputError(f"must be 'silicon_steel' or 'amorphous', got {core!r}", field="core")
    con_key = _CONNECTIONS.get(str(connection).strip().lower().replace(" ", ""))
    if con_key is None:
        raise InputError(
            f"must be 'Dyn11', 'Yzn11' or 'Yyn0', got {connection!r}", field="connection"
        )
    kva = nonnegative(rated_power, "kVA", "rated_power")
    sizes = np.array(sorted({k[0] for k in table if k[1] == core_key and k[2] == con_key}))
    if sizes.size == 0:  # pragma: no cover - every core/connection pair has rows
        raise OutOfRangeError("no rows for this core and connection", field="connection")
    idx = np.abs(kva[..., np.newaxis] - sizes).argmin(axis=-1)
    ok = np.isclose(sizes[idx], kva, rtol=1e-6, atol=0)
    if not np.all(ok):
        bad = kva[~ok].ravel()[0]
        listed = ", ".join(f"{s:g}" for s in sizes)
        hint = ""
        if con_key != "Yyn0" and bad >= 630:
            hint = " (for 630 kVA and above the transcription lists only Yyn0)"
        raise OutOfRangeError(
            f"{bad:g} kVA is not a {core_key} {con_key} row of GB 20052-2024 Table 1 (listed: "
            f"{listed} kVA){hint}; greenchain does not interpolate between rows",
            field="rated_power",
        )
    out = np.empty(kva.shape + (2, 3))
    for pos in np.ndindex(kva.shape):  # table lookup on floats, not a physics loop
        out[pos] = table[(float(sizes[idx][pos]), core_key, con_key)]
    return out


@dataclass(frozen=True)
class TransformerLosses:
    """No-load and load loss of a transformer [kW] (:func:`gb20052_losses`)."""

    no_load_loss: Any
    load_loss: Any


def _level_index(level: Any, name: str = "level") -> int:
    if level not in (1, 2, 3):
        raise OutOfRangeError(f"must be 1, 2 or 3, got {level!r}", field=name)
    return int(level) - 1


def gb20052_losses(
    rated_power: QuantityLike, core: str, connection: str, level: int
) -> TransformerLosses:
    """Maximum losses of a GB 20052-2024 level (10 kV oil-immersed distribution transformer).

    Parameters
    ----------
    rated_power : float, array-like or Quantity
        Rated capacity [kVA], a row of Table 1 (30 ... 2500 kVA).
    core : {"silicon_steel", "amorphous"}
        Core material (电工钢带 / 非晶合金 accepted).
    connection : {"Dyn11", "Yzn11", "Yyn0"}
        Connection group. Dyn11 and Yzn11 share a column; from 630 kVA the
        transcription lists a single column, labelled Yyn0.
    level : {1, 2, 3}
        Energy-efficiency level.

    Returns
    -------
    TransformerLosses
        ``no_load_loss`` and ``load_loss`` [kW].

    Raises
    ------
    OutOfRangeError
        A capacity that is not a row of the table (no interpolation), or a
        level other than 1-3.

    References
    ----------
    GB 20052-2024 电力变压器能效限定值及能效等级, Table 1 (via the public
    transcription adgo07/EquipEffi ``transformer.json``).

    Examples
    --------
    >>> r = gb20052_losses(250, "amorphous", "Dyn11", 2)
    >>> r.no_load_loss, r.load_loss
    (<Quantity(0.14, 'kilowatt')>, <Quantity(2.735, 'kilowatt')>)
    """
    k = _level_index(level)
    rows = _gb20052_rows(rated_power, core, connection)
    return TransformerLosses(
        no_load_loss=quantity(rows[..., 0, k], "kW"), load_loss=quantity(rows[..., 1, k], "kW")
    )


def gb20052_level(
    no_load_loss: QuantityLike,
    load_loss: QuantityLike,
    rated_power: QuantityLike,
    core: str,
    connection: str,
) -> Any:
    """GB 20052-2024 energy-efficiency level of a 10 kV oil-immersed distribution transformer.

    Parameters
    ----------
    no_load_loss : float, array-like or Quantity
        Measured (test report) no-load loss :math:`P_0` [kW].
    load_loss : float, array-like or Quantity
        Measured (test report) load loss :math:`P_k` [kW].
    rated_power : float, array-like or Quantity
        Rated capacity [kVA], a row of Table 1.
    core : {"silicon_steel", "amorphous"}
        Core material, as for :func:`gb20052_losses`.
    connection : {"Dyn11", "Yzn11", "Yyn0"}
        Connection group, as for :func:`gb20052_losses`.

    Returns
    -------
    int, str or numpy.ndarray
        ``1``, ``2``, ``3`` or ``"below limit"``.

    Notes
    -----
    A transformer is at level *k* when **both** its no-load loss and its load
    loss are at or below the level-*k* values (the worse of the two gradings).
    This is how the transcription's own evaluator reads the table; the clause
    of the standard was not read.

    Examples
    --------
    >>> gb20052_level(1.2, 13.0, 2000, "silicon_steel", "Yyn0")
    2
    """
    p0 = nonnegative(no_load_loss, "kW", "no_load_loss")
    pk = nonnegative(load_loss, "kW", "load_loss")
    rows = _gb20052_rows(rated_power, core, connection)
    by_p0 = level_from_thresholds(p0, rows[..., 0, :], higher_is_better=False)
    by_pk = level_from_thresholds(pk, rows[..., 1, :], higher_is_better=False)
    return worst_level(by_p0, by_pk)


@dataclass(frozen=True)
class TransformerUpgrade:
    """Result of :func:`upgrade_savings`.

    Attributes
    ----------
    power : Quantity
        Loss reduction at the given load factor [kW].
    energy : Quantity
        Energy saved over ``hours`` [kWh].
    """

    power: Any
    energy: Any


def upgrade_savings(
    rated_power: QuantityLike,
    core: str,
    connection: str,
    from_level: int,
    to_level: int,
    load_factor: QuantityLike,
    hours: QuantityLike,
) -> TransformerUpgrade:
    r"""Loss reduction from replacing a transformer of one GB 20052 level with a better one.

    Both transformers have the same capacity, core and connection and carry
    the same load, and both sit exactly at their level's loss limits.

    Parameters
    ----------
    rated_power : float, array-like or Quantity
        Rated capacity [kVA], a row of Table 1.
    core : {"silicon_steel", "amorphous"}
        Core material, as for :func:`gb20052_losses`.
    connection : {"Dyn11", "Yzn11", "Yyn0"}
        Connection group, as for :func:`gb20052_losses`.
    from_level : {1, 2, 3}
        Level of the existing transformer.
    to_level : {1, 2, 3}
        Level of the new transformer, the same or better than ``from_level``.
    load_factor : float or array-like
        :math:`\beta` [dimensionless], >= 0.
    hours : float, array-like or Quantity
        Energised time [h].

    Returns
    -------
    TransformerUpgrade

    Notes
    -----
    .. math::
        \Delta P = (P_{0,from} - P_{0,to}) + \beta^2 (P_{k,from} - P_{k,to}),
        \qquad \Delta E = \Delta P \, t

    Examples
    --------
    >>> r = upgrade_savings(2000, "silicon_steel", "Yyn0", 3, 1, 0.6, 8760)
    >>> r.power, r.energy
    (<Quantity(2.1182, 'kilowatt')>, <Quantity(18555.432, 'kilowatt_hour')>)
    """
    _level_index(from_level, "from_level")
    _level_index(to_level, "to_level")
    if to_level > from_level:
        raise OutOfRangeError(
            "must be the same or a better (lower-numbered) level than from_level", field="to_level"
        )
    old = gb20052_losses(rated_power, core, connection, from_level)
    new = gb20052_losses(rated_power, core, connection, to_level)
    beta = _beta(load_factor)
    dp = (
        old.no_load_loss.m_as("kW")
        - new.no_load_loss.m_as("kW")
        + beta**2 * (old.load_loss.m_as("kW") - new.load_loss.m_as("kW"))
    )
    return TransformerUpgrade(
        power=quantity(dp, "kW"), energy=quantity(dp * nonnegative(hours, "h", "hours"), "kWh")
    )


# ---------------------------------------------------------------- power factor
@dataclass(frozen=True)
class PowerFactorCorrection:
    """Result of :func:`power_factor_correction`.

    Attributes
    ----------
    apparent_power, real_power, reactive_power : Quantity
        Present S [kVA], P [kW] and Q [kVA, i.e. kvar].
    power_factor : Quantity
        Present power factor [dimensionless].
    phase_angle : Quantity
        :math:`\\varphi` [degree].
    target_apparent_power : Quantity
        :math:`P / PF_t` [kVA], the apparent power after correction.
    apparent_power_reduction : Quantity
        :math:`S - P/PF_t` [kVA].
    target_reactive_power : Quantity
        :math:`P \\tan(\\arccos PF_t)` [kvar].
    capacitor : Quantity
        Capacitor rating to install, :math:`Q - Q_t` [kvar].
    """

    apparent_power: Any
    real_power: Any
    reactive_power: Any
    power_factor: Any
    phase_angle: Any
    target_apparent_power: Any
    apparent_power_reduction: Any
    target_reactive_power: Any
    capacitor: Any


def power_factor_correction(
    *,
    target_power_factor: QuantityLike,
    apparent_power: QuantityLike | None = None,
    real_power: QuantityLike | None = None,
    reactive_power: QuantityLike | None = None,
    power_factor: QuantityLike | None = None,
) -> PowerFactorCorrection:
    r"""Size a capacitor bank to raise the power factor (lagging load).

    Give exactly two of ``apparent_power``, ``real_power``, ``reactive_power``
    and ``power_factor``; every pair gives the same result.

    Parameters
    ----------
    target_power_factor : float or array-like
        Power factor wanted after correction [dimensionless], 0 < PF <= 1, above the
        present one.
    apparent_power : float, array-like or Quantity, optional
        S [kVA].
    real_power : float, array-like or Quantity, optional
        P [kW].
    reactive_power : float, array-like or Quantity, optional
        Q [kVA], i.e. kvar; pint has no ``var``, so give a Quantity in kVA or kW.
    power_factor : float or array-like, optional
        Present power factor [dimensionless], 0 < PF <= 1.

    Returns
    -------
    PowerFactorCorrection

    Raises
    ------
    InputError
        Not exactly two of the four quantities.
    OutOfRangeError
        Inconsistent values (P > S), power factors outside (0, 1], or a
        target not above the present power factor.

    Notes
    -----
    .. math::
        S^2 = P^2 + Q^2, \quad PF = \cos\varphi = P/S, \quad
        Q_t = P \tan(\arccos PF_t), \quad Q_c = Q - Q_t

    References
    ----------
    US DOE MEASUR, AMO-Tools-Suite ``tests/cpp/PowerFactor.unit.cpp``.

    Examples
    --------
    >>> r = power_factor_correction(apparent_power=100, real_power=87, target_power_factor=0.95)
    >>> r.reactive_power, r.capacitor
    (<Quantity(49.3051..., 'kilovolt_ampere')>, <Quantity(20.7096..., 'kilovolt_ampere')>)
    """
    given = {
        name: value
        for name, value in (
            ("apparent_power", apparent_power),
            ("real_power", real_power),
            ("reactive_power", reactive_power),
            ("power_factor", power_factor),
        )
        if value is not None
    }
    if len(given) != 2:
        raise InputError(
            f"give exactly two of apparent_power, real_power, reactive_power and "
            f"power_factor (got {sorted(given) or 'none'})",
            field="power_factor",
        )

    def power(name: str, unit: str) -> np.ndarray:
        return nonnegative(given[name], unit, name)

    s: Any = power("apparent_power", "kVA") if "apparent_power" in given else None
    p: Any = power("real_power", "kW") if "real_power" in given else None
    q: Any = power("reactive_power", "kVA") if "reactive_power" in given else None
    pf: Any = fraction(given["power_factor"], "power_factor") if "power_factor" in given else None

    if s is not None and p is not None:
        if np.any(p > s * (1 + 1e-12)):
            raise OutOfRangeError("exceeds apparent_power", field="real_power")
        q = np.sqrt(np.maximum(s**2 - p**2, 0.0))
    elif s is not None and q is not None:
        if np.any(q > s * (1 + 1e-12)):
            raise OutOfRangeError("exceeds apparent_power", field="reactive_power")
        p = np.sqrt(np.maximum(s**2 - q**2, 0.0))
    elif s is not None:
        p = s * pf
        q = s * np.sqrt(1.0 - pf**2)
    elif p is not None and q is not None:
        s = np.hypot(p, q)
    elif p is not None:
        s = p / pf
        q = p * np.tan(np.arccos(pf))
    else:  # reactive power and power factor
        if np.any(pf >= 1):
            raise OutOfRangeError(
                "must be below 1 to derive real power from reactive power", field="power_factor"
            )
        p = q / np.tan(np.arccos(pf))
        s = p / pf
    s, p, q = np.broadcast_arrays(s, p, q)
    if np.any(s <= 0):
        raise OutOfRangeError("must be positive", field="apparent_power")
    pf_now = p / s
    pf_t = fraction(target_power_factor, "target_power_factor")
    if np.any(pf_t < pf_now * (1 - 1e-12)):
        raise OutOfRangeError(
            "must be above the present power factor (no capacitor needed)",
            field="target_power_factor",
        )
    q_t = p * np.tan(np.arccos(pf_t))
    s_t = p / pf_t
    return PowerFactorCorrection(
        apparent_power=quantity(s, "kVA"),
        real_power=quantity(p, "kW"),
        reactive_power=quantity(q, "kVA"),
        power_factor=quantity(pf_now, ""),
        phase_angle=quantity(np.degrees(np.arccos(np.minimum(pf_now, 1.0))), "degree"),
        target_apparent_power=quantity(s_t, "kVA"),
        apparent_power_reduction=quantity(s - s_t, "kVA"),
        target_reactive_power=quantity(q_t, "kVA"),
        capacitor=quantity(q - q_t, "kVA"),
    )
