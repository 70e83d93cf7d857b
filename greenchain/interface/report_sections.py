"""Sections of the plant report on energy use: flow diagram, monthly profile, equipment.

Each ``*_section`` function returns the ``fill(section)`` callable that
:func:`greenchain.interface.report.build_report` runs for one section; the builder
passed in (``b``) gives the plant, the language, the labels and the chart helper.
:func:`data_source_table` lists where every activity amount comes from (the audit
appendix).

Examples
--------
>>> import greenchain as gc
>>> plant = gc.load_plant(gc.example_path("dyeing_mill.yaml"))
>>> table = equipment_table(plant.data, "en")
>>> list(table.columns)
['name', 'type', 'count', 'rating', 'grade', 'standard']
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pint

from greenchain.errors import GreenchainError
from greenchain.interface.labels import label
from greenchain.interface.report_format import format_number, format_unit

__all__ = [
    "EQUIPMENT_STANDARDS",
    "equipment_table",
    "data_source_table",
    "monthly_records",
    "workbook_monthly",
    "flow_section",
    "monthly_section",
    "equipment_section",
]

#: Equipment kind -> the energy-efficiency standard its grade is read against.
EQUIPMENT_STANDARDS = {
    "motor": "GB 18613-2020",
    "transformer": "GB 20052-2024",
    "boiler": "GB 24500-2020",
    "compressor": "GB 19153-2019",
}

#: Inputs of each grading function, read from the equipment entry (first key found).
_INPUTS: dict[str, dict[str, tuple[str, ...]]] = {
    "motor": {
        "efficiency": ("efficiency",),
        "rated_power": ("rated_power",),
        "poles": ("poles",),
    },
    "transformer": {
        "no_load_loss": ("no_load_loss",),
        "load_loss": ("load_loss",),
        "rated_power": ("rated_power",),
        "core": ("core",),
        "connection": ("connection",),
    },
    "boiler": {
        "efficiency": ("boiler_efficiency", "efficiency"),
        "boiler_type": ("boiler_type",),
    },
    "compressor": {
        "specific_power": ("specific_power",),
        "motor_power": ("motor_power", "rated_power", "compressor_power"),
        "pressure": ("pressure", "discharge_pressure"),
        "cooling": ("cooling",),
    },
}

_WORDS = {
    "level": ("level {}", "{}级"),
    "declared": ("level {} (declared in the plant file)", "{}级（企业填报）"),
    "missing": ("not graded: needs {}", "无法评定：缺少{}"),
    "refused": ("not graded: {}", "无法评定：{}"),
    "no_standard": ("", ""),
    "below limit": ("below the limit value", "未达到能效限定值"),
    "meets limit": ("meets the limit value", "符合能效限定值"),
}

#: Chinese names of the grading inputs (what is missing to grade a unit).
_INPUT_ZH = {
    "efficiency": "效率",
    "rated_power": "额定功率",
    "poles": "极数",
    "no_load_loss": "空载损耗",
    "load_loss": "负载损耗",
    "core": "铁芯材料",
    "connection": "联结组别",
    "boiler_type": "锅炉类型",
    "specific_power": "比功率",
    "motor_power": "驱动电机功率",
    "pressure": "排气压力",
    "cooling": "冷却方式",
}


def _w(key: str, lang: str) -> str:
    return _WORDS[key][lang == "zh"]


def _amount(value: Any, lang: str, unit: str = "") -> str:
    if isinstance(value, pint.Quantity):
        return f"{format_number(value.magnitude, lang)} {format_unit(f'{value.units:~P}', lang)}"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return f"{format_number(value, lang)} {unit}".strip()
    return "" if value is None else str(value)


def _rating(kind: str, extra: dict[str, Any], lang: str) -> str:
    for key, unit in (
        ("rated_power", "kVA" if kind == "transformer" else "kW"),
        ("capacity", "t/h"),
        ("motor_power", "kW"),
        ("compressor_power", "kW"),
        ("shaft_power", "kW"),
    ):
        if extra.get(key) is not None:
            return _amount(extra[key], lang, unit)
    return ""


def _grade(kind: str, extra: dict[str, Any], lang: str) -> str:
    """The grade of one unit in words, or what is missing to grade it."""
    from greenchain.decisions.grading import grade_equipment

    if kind not in _INPUTS:
        return ""
    args: dict[str, Any] = {}
    missing = []
    for name, keys in _INPUTS[kind].items():
        value = next((extra[k] for k in keys if extra.get(k) is not None), None)
        if value is None:
            missing.append(name)
        else:
            args[name] = value
    if kind == "boiler" and extra.get("capacity") is not None:
        args["capacity"] = extra["capacity"]
    if missing:
        if extra.get("level") is not None:
            return _w("declared", lang).format(extra["level"])
        names = [_INPUT_ZH.get(m, m) if lang == "zh" else m.replace("_", " ") for m in missing]
        return _w("missing", lang).format(("、" if lang == "zh" else ", ").join(names))
    try:
        level = grade_equipment(kind, **args)
    except GreenchainError as exc:
        return _w("refused", lang).format(exc if lang != "zh" else "输入超出标准表格范围")
    level = level.item() if hasattr(level, "item") else level
    if isinstance(level, str):
        return _w(level, lang) if level in _WORDS else level
    return _w("level", lang).format(level)


def equipment_table(data: Any, lang: str = "en") -> pd.DataFrame:
    """The main equipment with its energy-efficiency grade where a standard applies.

    Parameters
    ----------
    data : PlantData
        The plant file (its ``equipment`` section).
    lang : {"en", "zh"}, default "en"
        Language of names, types and grades.

    Returns
    -------
    pandas.DataFrame
        ``name`` (``name_zh``/``name`` of the entry, else its id), ``type``, ``count``,
        ``rating``, ``grade`` (from the grading function of the standard, a level the
        plant file declares, or what is missing) and ``standard``.
    """
    rows = []
    for e in getattr(data, "equipment", []):
        extra = dict(e.model_extra or {})
        kind_name = label(e.kind, lang)
        name = extra.get("name_zh") if lang == "zh" else extra.get("name")
        if not name:
            name = kind_name if lang == "zh" else e.id.replace("_", " ")
        rows.append(
            {
                "name": str(name),
                "type": kind_name,
                "count": e.count,
                "rating": _rating(e.kind, extra, lang),
                "grade": _grade(e.kind, extra, lang),
                "standard": EQUIPMENT_STANDARDS.get(e.kind, ""),
            }
        )
    return pd.DataFrame(rows, columns=["name", "type", "count", "rating", "grade", "standard"])


def data_source_table(data: Any, energy: Any, lang: str = "en") -> pd.DataFrame:
    """Where every activity amount comes from (meter, invoice, statistics, default …).

    Parameters
    ----------
    data : PlantData
        The plant file (``energy`` and ``process_emissions`` with ``data_source``).
    energy : EnergyResult or None
        ``plant.energy()``, for the tce of each energy entry (blank when None).
    lang : {"en", "zh"}, default "en"
        Language of the carrier and source names.

    Returns
    -------
    pandas.DataFrame
        ``entry`` (place in the plant file), ``item``, ``use``, ``amount``, ``tce``
        and ``data_source``.
    """
    tce: dict[str, float] = {}
    if energy is not None and "_path" in energy.activities.columns:
        tce = dict(zip(energy.activities["_path"], energy.activities["tce"], strict=True))
    rows: list[dict[str, Any]] = []
    for i, e in enumerate(getattr(data, "energy", [])):
        path = f"energy[{i}]"
        rows.append(
            {
                "entry": path,
                "item": label(e.carrier, lang),
                "use": label(e.use, lang) if e.use else "",
                "amount": _amount(e.amount, lang),
                "tce": tce.get(path),
                "data_source": label(getattr(e, "data_source", "not stated"), lang),
            }
        )
    for i, pe in enumerate(getattr(data, "process_emissions", [])):
        rows.append(
            {
                "entry": f"process_emissions[{i}]",
                "item": label(pe.type, lang) + (f" ({pe.name})" if pe.name else ""),
                "use": "",
                "amount": "",
                "tce": None,
                "data_source": label(getattr(pe, "data_source", "not stated"), lang),
            }
        )
    return pd.DataFrame(rows, columns=["entry", "item", "use", "amount", "tce", "data_source"])


def monthly_records(monthly: Any) -> pd.DataFrame:
    """Monthly energy records as the energy account reads them.

    Parameters
    ----------
    monthly : pandas.DataFrame, str or Path
        Records with a month (``period`` or ``month``), ``carrier`` (id or Chinese
        name), ``amount`` and ``unit`` (or ``amount_unit``; 万kWh, 万m³ … are read);
        or a CSV file of them, or the workbook of ``greenchain template --monthly``
        (its ``monthly`` sheet: headers such as ``month 月份``, rows starting with
        ``#`` skipped).

    Returns
    -------
    pandas.DataFrame
        ``period``, ``carrier``, ``amount`` and ``unit`` (pint's spelling).

    Raises
    ------
    InputError
        A missing column, or an amount that cannot be read (naming the row).
    """
    from greenchain.data.names import carrier_validator
    from greenchain.errors import InputError
    from greenchain.units import parse_quantity

    if isinstance(monthly, pd.DataFrame):
        frame, source = monthly.copy(), None
    else:
        source = str(monthly)
        if source.lower().endswith((".xlsx", ".xlsm")):
            frame = pd.read_excel(source, sheet_name="monthly", dtype=object)
        else:
            frame = pd.read_csv(source, dtype=object)
    frame.columns = [str(c).split()[0] if str(c).split() else str(c) for c in frame.columns]
    frame = frame.rename(columns={"month": "period", "amount_unit": "unit"})
    for column in ("period", "carrier", "amount", "unit"):
        if column not in frame.columns:
            raise InputError(f"monthly records need a {column!r} column", source=source)
    first = frame["period"].astype(str)
    frame = frame[~first.str.startswith("#") & frame["amount"].notna()]
    rows = []
    for i, r in enumerate(frame.itertuples(index=False)):
        try:
            q = parse_quantity(f"{r.amount} {r.unit}")
        except GreenchainError as exc:
            raise InputError(f"row {i + 1}: {exc}", field="monthly", source=source) from exc
        rows.append(
            {
                "period": str(r.period),
                "carrier": carrier_validator(str(r.carrier).strip()),
                "amount": float(q.magnitude),
                "unit": f"{q.units}",
            }
        )
    return pd.DataFrame(rows, columns=["period", "carrier", "amount", "unit"])


def workbook_monthly(plant: Any) -> str | None:
    """The plant's workbook when its ``monthly`` sheet holds readings, else None.

    Parameters
    ----------
    plant : Plant
        A plant loaded from a file (``plant.source``).

    Returns
    -------
    str or None
        The workbook's path, to pass as ``monthly``.
    """
    source = str(getattr(plant, "source", "") or "")
    if not source.lower().endswith((".xlsx", ".xlsm")) or not Path(source).is_file():
        return None
    try:
        frame = pd.read_excel(source, sheet_name="monthly", dtype=object)
    except (ValueError, OSError):
        return None
    rows = frame.dropna(how="all")
    first = rows.iloc[:, 0].astype(str) if len(rows.columns) else pd.Series(dtype=str)
    return source if (~first.str.startswith("#")).any() else None


def flow_section(b: Any, energy: Any) -> Callable[[Any], None]:
    """The energy-flow section: the Sankey chart and its flows as a table.

    Parameters
    ----------
    b : report builder
        ``plant``, ``lang``, ``lab``, ``names`` and ``chart`` of the report being built.
    energy : EnergyResult or None
        ``plant.energy()``.

    Returns
    -------
    callable
        ``fill(section)``.
    """
    from greenchain.errors import InputError
    from greenchain.interface import plots_flow

    def fill(s: Any) -> None:
        if energy is None:
            raise InputError("the energy account could not be computed")
        flows = plots_flow.energy_flows(b.plant.data, energy, b.names)
        if not len(flows):
            raise InputError("no energy entry with a positive amount")
        s.blocks.append(("text", b.lab["flow_text"]))
        b.chart(s, plots_flow.energy_sankey, flows)
        shown = flows[flows["stage"] == "carrier_use"].copy()
        shown["source"] = [label(v, b.lang) for v in shown["source"]]
        shown["target"] = [label(v, b.lang) for v in shown["target"]]
        shown = shown.rename(columns={"source": "carrier", "target": "use_label"})
        s.blocks.append(("table", (b.lab["flow_table"], shown[["carrier", "use_label", "tce"]])))

    return fill


def monthly_section(b: Any, monthly: Any) -> Callable[[Any], None]:
    """The monthly profile: stacked bars by month and carrier, and the table.

    Parameters
    ----------
    b : report builder
        As for :func:`flow_section`.
    monthly : pandas.DataFrame, str or Path
        Monthly records or a file of them (see :func:`monthly_records`).

    Returns
    -------
    callable
        ``fill(section)``.
    """
    from greenchain.interface import plots_flow

    def fill(s: Any) -> None:
        source = None if isinstance(monthly, pd.DataFrame) else str(monthly)
        table = plots_flow.monthly_energy(monthly_records(monthly), source=source)
        b.chart(s, plots_flow.monthly_profile, table)
        wide = table.pivot_table(index="period", columns="carrier", values="tce", aggfunc="sum")
        wide = wide.fillna(0.0).reset_index()
        wide.columns = [
            b.lab["month"] if c == "period" else f"{label(c, b.lang)} [tce]" for c in wide.columns
        ]
        s.blocks.append(("table", ("", wide)))

    return fill


def equipment_section(b: Any) -> Callable[[Any], None]:
    """The main-equipment list with grades (GB 18613, GB 20052, GB 24500, GB 19153).

    Parameters
    ----------
    b : report builder
        As for :func:`flow_section`.

    Returns
    -------
    callable
        ``fill(section)``.
    """
    from greenchain.errors import InputError

    def fill(s: Any) -> None:
        table = equipment_table(b.plant.data, b.lang)
        if not len(table):
            raise InputError("the plant file has no equipment section")
        s.blocks.append(("text", b.lab["equipment_text"]))
        s.blocks.append(("table", ("", table)))

    return fill
