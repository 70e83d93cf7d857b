"""Equipment loads against their energy stream: equipment cannot use more than the stream.

A helper module of :mod:`greenchain.decisions.retrofit`. The electricity an equipment
entry uses by its own ratings is ``count x compressor_power x hours`` (compressors),
``count x shaft_power / efficiency x hours`` (motors) or
``count x rated_power x sum(throttling x hours)`` (fans and pumps with a duty profile);
entries without these ratings are not counted. The sum on one ``energy[].use`` label
must not exceed the label's electricity.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pint

from greenchain.data.plant_file import PlantData
from greenchain.errors import GreenchainError, InputError
from greenchain.units import Q_, read_quantity, shorten

__all__ = [
    "equipment_value",
    "hours_of",
    "equipment_loads",
    "check_equipment_loads",
    "reading",
]


def reading(field: str, source: str | None, compute: Callable[..., Any], *args: Any) -> Any:
    """``compute(*args)``; a free-form value it cannot read is an error naming ``field``.

    Equipment keys are free-form in the plant file; here a value of the wrong kind
    (``hours: '5 t'``, a mapping, ``万kWh`` in a duty profile) would otherwise surface as
    a pint or Python exception (issue 22).
    """
    try:
        return compute(*args)
    except GreenchainError:
        raise
    except (pint.errors.PintError, TypeError, ValueError, ArithmeticError) as exc:
        raise InputError(
            f"a value cannot be read as a number or quantity: {shorten(str(exc))}",
            field=field,
            source=source,
        ) from None


def equipment_value(eq: Any, key: str, extras: dict | None = None) -> Any:
    """An equipment key's value (a retrofit option first), read as a quantity, or None."""
    own = eq.model_extra or {} if eq is not None else {}
    if extras and key in extras:
        return read_quantity(extras[key], key)
    return read_quantity(own[key], key) if key in own else None


def hours_of(value: Any) -> float | None:
    """Hours [h] of a value (a quantity, or a number of hours), or None."""
    if value is None:
        return None
    q = value if isinstance(value, pint.Quantity) else Q_(float(value), "h")
    return float(q.m_as("h"))


def _electric_kwh(eq: Any) -> float | None:
    """Yearly electricity of one equipment entry from its own ratings [kWh], or None."""
    hours = hours_of(equipment_value(eq, "hours"))
    power = equipment_value(eq, "compressor_power")
    if power is not None and hours is not None:
        return float(Q_(power).m_as("kW")) * hours * eq.count
    shaft, eta = equipment_value(eq, "shaft_power"), equipment_value(eq, "efficiency")
    if shaft is not None and eta is not None and hours is not None:
        return float(Q_(shaft).m_as("kW")) / float(Q_(eta).m_as("")) * hours * eq.count
    rated, profile = equipment_value(eq, "rated_power"), equipment_value(eq, "duty_profile")
    throttling = equipment_value(eq, "throttling")
    if rated is not None and isinstance(profile, list) and isinstance(throttling, list):
        try:
            kw = float(Q_(rated).m_as("kW"))
        except pint.errors.DimensionalityError:
            return None
        steps = zip(throttling, (p[1] for p in profile), strict=False)
        return kw * sum(float(t) * float(h) for t, h in steps) * eq.count
    return None


def equipment_loads(data: PlantData) -> list[dict[str, Any]]:
    """Electricity each equipment entry uses by its own ratings, against its stream.

    Parameters
    ----------
    data : PlantData
        The plant data.

    Returns
    -------
    list of dict
        One per ``use`` label with rated equipment: ``use``, ``stream_kwh``,
        ``equipment_kwh``, ``entries`` (``equipment[k] (id): kWh``).
    """
    out = []
    # amounts summed by use and unit, converted once per group (not once per entry)
    sums: dict[tuple[str, Any], float] = {}
    for e in data.energy:
        if e.carrier == "electricity" and e.use is not None:
            key = (e.use, e.amount.units)
            sums[key] = sums.get(key, 0.0) + float(e.amount.magnitude)
    streams: dict[str, float] = {}
    for (use, units), total in sums.items():
        streams[use] = streams.get(use, 0.0) + float(Q_(total, units).m_as("kWh"))
    for label in sorted(streams):
        stream = streams[label]
        entries, total = [], 0.0
        for k, eq in enumerate(data.equipment):
            if eq.energy != label:
                continue
            kwh = reading(f"equipment[{k}]", None, _electric_kwh, eq)
            if kwh is not None:
                total += kwh
                entries.append(f"equipment[{k}] ({eq.id}): {kwh / 1000:,.0f} MWh")
        if entries:
            out.append(
                {"use": label, "stream_kwh": stream, "equipment_kwh": total, "entries": entries}
            )
    return out


def check_equipment_loads(data: PlantData, source: str | None) -> None:
    """Refuse equipment that uses more electricity than the stream it is listed on.

    Parameters
    ----------
    data : PlantData
        The plant data.
    source : str or None
        The plant file's name, named in the error.

    Raises
    ------
    InputError
        Naming the stream, the entries and their loads, and the file.

    Notes
    -----
    Data after a retrofit package (entries whose ``notes`` say they were reduced by a
    package) is not checked: its equipment ratings describe the plant before the package.
    """
    if any((e.notes or "").startswith("reduced by retrofit package") for e in data.energy):
        return
    for row in equipment_loads(data):
        if row["equipment_kwh"] > row["stream_kwh"] * (1 + 1e-9):
            raise InputError(
                f"the equipment on energy use {row['use']!r} uses "
                f"{row['equipment_kwh'] / 1000:,.0f} MWh/yr by its own ratings, more than the "
                f"stream's {row['stream_kwh'] / 1000:,.0f} MWh: {'; '.join(row['entries'])}; "
                "correct the ratings, counts or hours, or the stream",
                field="equipment",
                source=source,
            )
