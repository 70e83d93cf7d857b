"""The sector-specific parts of the template: columns, drop-downs, instructions, monthly sheet."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from greenchain.interface.io.excel._schema import _Col, _guess, _keys, _Sheet
from greenchain.interface.io.excel._sectors import _Input, _Layout

#: Model inputs that are mappings or lists: YAML text in one cell.
_YAML_INPUTS = ("duty_profile", "throttling")
_MONTHLY = (
    ("month", "月份", "Month, e.g. 2024-01 or 1", "月份，如 2024-01"),
    ("carrier", "能源品种", "Carrier id or Chinese name (天然气, 电力)", "能源品种"),
    ("amount", "数量", "Meter reading or invoice amount of the month", "当月用量"),
    ("amount_unit", "单位", "Unit, e.g. 万kWh, 万m³, t", "单位，如 万kWh、万m³、t"),
    ("use", "用途", "Use label as on the energy sheet", "用途（同能源消费表）"),
    ("meter", "计量器具", "Meter or invoice id", "计量器具或发票编号"),
    ("source", "数据来源", "meter, invoice or statistics", "数据来源：计量、发票或统计"),
)


def _input_col(item: _Input) -> _Col:
    if item.key in _YAML_INPUTS:
        return _Col(item.key, "yaml")
    return _Col(item.key, "quantity" if item.unit else "any")


def _input_text(item: _Input) -> tuple[str, str, str]:
    unit = f" [{item.unit}]" if item.unit else ""
    rng = f"; range {item.range.rstrip('.')}" if item.range else ""
    kinds = ", ".join(item.kinds)
    en = f"{item.description}{unit}{rng}; for: {kinds}"
    zh = f"{item.zh}{'，单位 ' + item.unit if item.unit else ''}；适用设备：{kinds}"
    return item.zh, en, zh


def _carriers() -> tuple[str, ...]:
    from greenchain.data.names import choices

    return tuple(ident for ident, _ in choices("carrier"))


def _systems() -> tuple[str, ...]:
    from greenchain.data.tables import read_table

    rows = read_table("wastewater_ipcc2006.csv")
    return tuple(
        r["key"].removeprefix("wastewater.mcf.")
        for r in rows
        if r["key"].startswith("wastewater.mcf.")
    )


def _customise(
    sheet: _Sheet, layout: _Layout, example: Any
) -> tuple[_Sheet, dict[str, tuple[str, str, str]]]:
    """The sheet with the sector's columns and drop-downs, and texts of the new columns."""
    from greenchain.data.names import choices, choices_text

    extra: dict[str, tuple[str, str, str]] = {}
    cols = list(sheet.columns)
    if sheet.name == "equipment":
        base = [c for c in cols if c.key in ("id", "kind", "energy", "count")]
        base = [
            replace(c, choices=tuple(layout.kinds))
            if c.key == "kind"
            else replace(c, choices=tuple(layout.uses))
            if c.key == "energy"
            else c
            for c in base
        ]
        inputs = [_input_col(i) for i in layout.equipment_keys()]
        extra = {i.key: _input_text(i) for i in layout.equipment_keys()}
        known = {c.key for c in base + inputs}
        more = [c for c in cols if c.key not in known]  # keys the example uses besides
        cols = base + inputs + more
    elif sheet.name == "retrofit_options":
        ids = tuple(m for m, _, _ in layout.measures)
        head = [replace(c, choices=ids) if c.key == "measure" else c for c in cols[:1]]
        standard = [c for c in cols if c.key in ("capex", "lifetime", "saving_fraction")]
        standard += [c for c in cols if c.key in ("selected", "source")]
        inputs = [_input_col(i) for i in layout.option_keys()]
        extra = {i.key: _input_text(i) for i in layout.option_keys()}
        known = {c.key for c in head + standard + inputs}
        cols = head + standard + inputs + [c for c in cols if c.key not in known]
        names = "; ".join(f"{m} {zh}" for m, zh, _ in layout.measures)
        extra["measure"] = ("措施编号", f"Measure id: {names}", "措施编号（见说明页）")
    elif sheet.name == "energy":
        cols = [
            replace(c, choices=_carriers())
            if c.key == "carrier"
            else replace(c, choices=tuple(layout.uses))
            if c.key == "use"
            else c
            for c in cols
        ]
    elif sheet.name == "prices":
        cols = [replace(c, choices=_carriers()) if c.key == "carrier" else c for c in cols]
    elif sheet.name == "process_emissions":
        gases = tuple(g for g, _ in choices("gas"))
        cols = [
            replace(c, choices=_systems())
            if c.key == "system"
            else replace(c, choices=gases)
            if c.key == "gas"
            else c
            for c in cols
        ]
    elif sheet.name == "products" and layout.plant_sector == "dyeing":
        fabrics = tuple(f for f, _ in choices("fabric"))
        if "attributes.fabric" not in {c.key for c in cols}:
            at = next((i for i, c in enumerate(cols) if c.key.startswith("attributes")), len(cols))
            cols.insert(at, _Col("attributes.fabric", "text"))
        cols = [replace(c, choices=fabrics) if c.key == "attributes.fabric" else c for c in cols]
        extra["attributes.fabric"] = (
            "织物类别",
            f"Fabric class of the 2017 dyeing norm: {choices_text('fabric')}",
            "印染行业规范条件织物类别",
        )
    if sheet.name == "equipment" and isinstance(example, list):
        for k in _keys(example):  # keep every key the example rows use
            if k not in {c.key for c in cols}:
                cols.append(_Col(k, _guess([e.get(k) for e in example])))
    return replace(sheet, columns=cols), extra


def _sector_readme(ws: Any, layout: _Layout) -> None:
    """Sector instructions: the units people write, equipment kinds and keys, measures."""
    from openpyxl.styles import Font

    from greenchain.data.names import choices_text

    rows: list[list[Any]] = [
        [],
        [f"SECTOR / 行业: {layout.sector} ({layout.plant_sector})"],
        [
            "Units as on your books / 按台账单位填写: 万kWh, 万m³, 万Nm³, 千瓦时 (度), 吨, 吨标煤 (tce), "
            "kgce, 元, 万元, m3 or m³; 7,500,000 is read as 7500000; rates as 8% or 0.08 "
            "(a plain 8 is refused); years as 2024 or 2024年."
        ],
        [
            "Names / 名称: carriers, sectors, fabric classes and gases may be written in "
            "Chinese (天然气, 电力, 印染, 针织物, R-134a); a Fujian county or prefecture "
            "(晋江, 泉州 …) is read as its province."
        ],
        [f"Carriers / 能源品种: {choices_text('carrier')}"],
        [],
        ["equipment kind 设备类型", "keys 参数（equipment sheet columns）"],
    ]
    for kind in layout.kinds:
        keys = [i.key for i in layout.inputs.values() if kind in i.kinds]
        rows.append([kind, ", ".join(keys)])
    rows += [[], ["measure 措施", "名称", "name"]]
    rows += [[m, zh, en] for m, zh, en in layout.measures]
    start = ws.max_row + 1
    for row in rows:
        ws.append(row)
    for r in (start + 1, start + 6, start + 7 + len(layout.kinds) + 1):
        ws.cell(row=r, column=1).font = Font(bold=True)


def _write_monthly(ws: Any) -> None:
    """The optional monthly meter-reading sheet (not read as plant data)."""
    from openpyxl.styles import Font

    ws.append([f"{key} {zh}" for key, zh, _, _ in _MONTHLY])
    ws.append(
        [
            "# " + f"{en} / {zh_desc}" if i == 0 else f"{en} / {zh_desc}"
            for i, (_, _, en, zh_desc) in enumerate(_MONTHLY)
        ]
    )
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for i in range(len(_MONTHLY)):
        ws.column_dimensions[chr(65 + i)].width = 18
    ws.freeze_panes = "A3"
