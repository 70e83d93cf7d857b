"""Write the data-collection workbook (one sheet per plant-file section)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from greenchain.errors import InputError
from greenchain.interface.io.excel._locations import _letter
from greenchain.interface.io.excel._schema import (
    _FORM_HEAD,
    _TEXT,
    SECTIONS,
    _Col,
    _get,
    _openpyxl,
    _Sheet,
    _sheet,
    _split,
    _to_cell,
    xlsx_path,
)
from greenchain.interface.io.excel._sector_sheets import (
    _customise,
    _sector_readme,
    _write_monthly,
)
from greenchain.interface.io.excel._sectors import _ZH

# --------------------------------------------------------------------------- template


def _text(sheet: str, key: str) -> tuple[str, str, str]:
    base = key.split(".")[0]
    for k in (f"{sheet}.{key}", key, f"{sheet}.{base}", base, f"{sheet}.*"):
        if k in _TEXT:
            zh, en, zh_desc = _TEXT[k]
            if k != key and k.endswith(base) and "." in key:  # a key of a mapping
                return zh, f"{en}: {key.split('.', 1)[1]}", zh_desc
            return zh, en, zh_desc
    return "", "", ""


def _header(
    sheet: str, col: _Col, extra: dict[str, tuple[str, str, str]] | None = None
) -> tuple[str, str]:
    zh, en, zh_desc = (extra or {}).get(col.key) or _text(sheet, col.key)
    if not zh:  # a model input of equipment or retrofit_options
        zh = _ZH.get(col.key.split(".")[-1], "")
        zh_desc = zh_desc if zh_desc and not zh_desc.endswith("参数") else zh
    head = f"{col.key}{'*' if col.required else ''} {zh}".strip()
    desc = en or col.note
    if col.choices:
        desc += ("; " if desc else "") + "one of: " + ", ".join(col.choices)
    if col.kind == "yaml":
        desc += " (YAML text)" if "YAML" not in desc else ""
    if col.kind == "bool":
        desc += " (TRUE/FALSE)"
    return head, " / ".join(t for t in (desc, zh_desc) if t)


def _style(ws: Any, header_rows: int, widths: dict[int, float]) -> None:
    from openpyxl.styles import Alignment, Font, PatternFill

    bold, fill = Font(bold=True), PatternFill("solid", fgColor="D9EAD3")
    for cell in ws[1]:
        cell.font, cell.fill = bold, fill
    if header_rows > 1:
        for cell in ws[2]:
            cell.font = Font(italic=True, color="666666")
            cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in widths.items():
        ws.column_dimensions[_letter(col)].width = min(max(width, 10), 45)
    ws.freeze_panes = f"A{header_rows + 1}"


def _list_range(wb: Any, values: tuple[str, ...]) -> str:
    """A column of the hidden ``_lists`` sheet holding ``values``; its absolute range."""
    ws = wb["_lists"] if "_lists" in wb.sheetnames else wb.create_sheet("_lists")
    ws.sheet_state = "hidden"
    col = ws.max_column + 1 if ws.max_row > 1 or ws["A1"].value else 1
    for r, value in enumerate(values, start=1):
        ws.cell(row=r, column=col, value=value)
    letter = _letter(col)
    return f"'_lists'!${letter}$1:${letter}${len(values)}"


def _validation(ws: Any, col: _Col, ref: str) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    if col.kind not in ("choice", "bool") and col.choices:  # a list offered, other text allowed
        dv = DataValidation(
            type="list", formula1=_list_range(ws.parent, col.choices), allow_blank=True
        )
        dv.showErrorMessage = False
        ws.add_data_validation(dv)
        dv.add(ref)
        return
    options = col.choices if col.kind == "choice" else ("TRUE", "FALSE")
    formula = '"' + ",".join(options) + '"'
    if col.kind in ("choice", "bool") and len(formula) <= 255:
        dv = DataValidation(type="list", formula1=formula, allow_blank=True)
        ws.add_data_validation(dv)
        dv.add(ref)


def _write_table(
    ws: Any, sheet: _Sheet, example: Any, extra: dict[str, tuple[str, str, str]] | None = None
) -> None:
    layout: list[tuple[str, _Col, bool]] = []
    for col in sheet.columns:
        layout.append((col.key, col, False))
        if col.kind == "quantity":
            layout.append((f"{col.key}_unit", col, True))
    widths: dict[int, float] = {}
    for i, (key, col, is_unit) in enumerate(layout, start=1):
        head, desc = (f"{key} 单位", "unit / 单位") if is_unit else _header(sheet.name, col, extra)
        ws.cell(row=1, column=i, value=head)
        ws.cell(row=2, column=i, value=("# " if i == 1 else "") + desc)
        widths[i] = max(len(head) * 1.3, 12)
        if (col.kind in ("choice", "bool") or col.choices) and not is_unit:
            _validation(ws, col, f"{_letter(i)}3:{_letter(i)}500")
    if sheet.shape == "dict":
        entries = [
            {sheet.key: k, **v} if sheet.model else {sheet.key: k, layout[1][0]: v}
            for k, v in (example or {}).items()
        ]
    else:
        entries = list(example or [])
    for r, entry in enumerate(entries, start=3):
        for i, (_key, col, is_unit) in enumerate(layout, start=1):
            value = _get(entry, col.key) if not is_unit else None
            if is_unit or value is None:
                continue
            if col.kind == "quantity":
                value, unit = _split(value)
                if unit:
                    ws.cell(row=r, column=i + 1, value=unit)
            ws.cell(row=r, column=i, value=_to_cell(value))
            widths[i] = max(widths[i], min(len(str(value)), 40) + 2)
    ws.row_dimensions[2].height = 45
    _style(ws, 2, widths)


def _write_form(ws: Any, sheet: _Sheet, example: Any) -> None:
    ws.append(
        [f"{h} {z}" for h, z in zip(_FORM_HEAD, ("字段", "数值", "单位", "说明"), strict=True)]
    )
    for r, col in enumerate(sheet.columns, start=2):
        head, desc = _header(sheet.name, col)
        value = _get(example, col.key) if isinstance(example, dict) else None
        unit = None
        if col.kind == "quantity" and value is not None:
            value, unit = _split(value)
        ws.append([head, _to_cell(value), unit, desc])
        if col.kind in ("choice", "bool") or col.choices:
            _validation(ws, col, f"B{r}")
    _style(ws, 1, {1: 24, 2: 22, 3: 12, 4: 60})


_README_EN = """\
HOW TO FILL IN THIS WORKBOOK
1. One sheet per section of the greenchain plant file; the sheet list is below. Do not \
rename the sheets or change the first word of a header (it is the field's key).
2. Tables: row 1 holds the headers (English key, Chinese name; * = required), row 2 says \
what goes in each column. Enter one entry per row from row 3. The rows already filled in \
are the example plant named above: overwrite or delete them.
3. Forms (plant, allocation, finance, site, water, waste, economics): fill the value column, and the \
unit column for quantities.
4. Quantities: the number in the value column, its unit in the column ending in _unit \
(t, m^3, MWh, kWh, GJ, tce, wan_yuan, CNY/m^3 ...). Without a unit a number is read in the \
field's documented unit.
5. Nested data: dotted columns, e.g. attributes.water_absorption, fractions.CaCO3, \
measured.ncv (add a column to add a key). Deeper structures (product footprint, \
uncertainty): YAML text in one cell, e.g. {declared_unit: 1 m^2}.
6. Yes/no cells: TRUE/FALSE, yes/no or 是/否. Rows whose first cell starts with # are \
notes; blank rows are skipped; sheets whose name starts with _ or # are not read.
7. Load the file: greenchain inventory plant.xlsx, or greenchain.load_plant("plant.xlsx") \
in Python. Every problem names its cell, e.g. energy!C5 in plant.xlsx: must not be negative."""

_README_ZH = """\
填写说明
1. 每个工作表对应 greenchain 工厂数据文件的一个部分（见下表）。请勿修改工作表名称和表头第一个词（字段键）。
2. 表格：第 1 行为表头（英文键 + 中文名，* 为必填），第 2 行为各列说明，从第 3 行起每行填写一条记录。\
已填写的行为上方所列示例工厂数据，请覆盖或删除。
3. 表单（plant、allocation、finance、site、water、waste、economics）：在“数值”列填写，数量同时填写“单位”列。
4. 数量：数值填在数值列，单位填在以 _unit 结尾的列（t、m^3、MWh、kWh、GJ、tce、wan_yuan、CNY/m^3 等）。\
未填单位时按该字段的约定单位读取。
5. 嵌套数据用带点的列名，如 attributes.water_absorption、fractions.CaCO3、measured.ncv（增加一列即增加一个键）；\
更复杂的结构（产品碳足迹、不确定性）在一个单元格中填写 YAML 文本，如 {declared_unit: 1 m^2}。
6. 是/否单元格：TRUE/FALSE、yes/no 或 是/否。第一个单元格以 # 开头的行为备注，空行忽略；\
名称以 _ 或 # 开头的工作表不读取。
7. 读取：greenchain inventory plant.xlsx，或在 Python 中 greenchain.load_plant("plant.xlsx")。\
错误信息会指明单元格，如 energy!C5 in plant.xlsx: must not be negative（不得为负）。"""


def _write_readme(ws: Any, example: bool, name: str | None = "tile_plant.yaml") -> None:
    from openpyxl.styles import Alignment, Font

    from greenchain import __version__

    ws.append(["greenchain plant data template / greenchain 工厂数据采集模板"])
    ws["A1"].font = Font(bold=True, size=14)
    ws.append(
        [
            f"greenchain {__version__}; example rows: "
            + (f"{name} (illustrative) / 示例数据（虚构）" if example else "none / 无")
        ]
    )
    for block in (_README_EN, _README_ZH):
        ws.append([])
        for line in block.splitlines():
            ws.append([line])
    ws.append([])
    ws.append(["sheet 工作表", "名称", "contents", "内容"])
    for cell in ws[ws.max_row]:
        cell.font = Font(bold=True)
    for section in SECTIONS:
        zh, en, zh_desc = _TEXT.get(section, ("", "", ""))
        ws.append([section, zh, en, zh_desc])
    ws.column_dimensions["A"].width = 20
    ws.column_dimensions["B"].width = 16
    ws.column_dimensions["C"].width = 60
    ws.column_dimensions["D"].width = 40
    for row in ws.iter_rows(max_col=1):
        row[0].alignment = Alignment(wrap_text=False)


def write_template(
    path: str | Path,
    *,
    example: bool = True,
    sector: str | None = None,
    monthly: bool = False,
    force: bool = False,
) -> Path:
    """Write the bilingual data-collection workbook, for one sector or the tile plant.

    Parameters
    ----------
    path : str or Path
        The ``.xlsx`` file to write. An existing file is left untouched unless
        ``force`` is set: a client's filled workbook must not be lost.
    example : bool, default True
        Fill the sheets with the example plant's rows (the sector's example, or the
        tile plant ``examples/data/tile_plant.yaml``); else only headers and
        descriptions.
    sector : {"ceramics", "dyeing", "shoes", "food"}, optional
        Lay out the equipment and retrofit-option columns for this sector's models
        (dyeing machines, stenters, boilers, kilns, dryers, ball mills, motors ...),
        with Chinese and English names, units and ranges, and drop-downs for
        carriers, uses, measures, equipment kinds, fabric, supply and treatment
        system. Without it, the columns follow the tile example (as before).
    monthly : bool, default False
        Add a ``monthly`` sheet for meter readings (month, carrier, amount, unit);
        it is not part of the plant file and the reader skips it.
    force : bool, default False
        Overwrite an existing file.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    InputError
        openpyxl missing, the name does not end in ``.xlsx``, the file exists
        (without ``force``) or an unknown sector.

    Notes
    -----
    The sheets and columns follow :class:`greenchain.data.plant_file.PlantData`; keys of open
    mappings (``attributes``, ``fractions``) and extra model inputs (``equipment``,
    ``retrofit_options``) become columns when the sector's models take them or the
    example plant uses them.

    Examples
    --------
    >>> import tempfile, pathlib, openpyxl
    >>> path = write_template(pathlib.Path(tempfile.mkdtemp()) / "t.xlsx", example=False)
    >>> wb = openpyxl.load_workbook(path)
    >>> wb.sheetnames[:3]
    ['README', 'plant', 'products']
    >>> [c.value for c in wb["energy"][1]][:3]
    ['carrier* 能源品种', 'amount* 数量', 'amount_unit 单位']
    >>> write_template(path)
    Traceback (most recent call last):
    ...
    greenchain.errors.InputError: path in t.xlsx: the file exists; give --force (force=True) to overwrite it
    """
    openpyxl = _openpyxl()
    from greenchain._resources import example_path
    from greenchain.interface.io.plant_files import read_text_plant_data

    path = xlsx_path(path)
    if path.exists() and not force:
        raise InputError(
            "the file exists; give --force (force=True) to overwrite it",
            field="path",
            source=path.name,
        )
    layout = None
    if sector is not None:
        from greenchain.interface.io.excel._sectors import TEMPLATE_SECTORS, _layout

        if sector not in TEMPLATE_SECTORS:
            raise InputError(
                f"unknown sector {sector!r}; valid: {', '.join(TEMPLATE_SECTORS)}", field="sector"
            )
        layout = _layout(sector)
    name = "tile_plant.yaml" if layout is None else layout.example
    data = read_text_plant_data(example_path(name)) if name else {}
    wb = openpyxl.Workbook()
    wb.active.title = "README"
    _write_readme(wb.active, example and bool(name), name)
    if layout is not None:
        _sector_readme(wb.active, layout)
    for section in SECTIONS:
        sheet = _sheet(section, data.get(section))
        extra: dict[str, tuple[str, str, str]] = {}
        if layout is not None:
            sheet, extra = _customise(sheet, layout, data.get(section))
        ws = wb.create_sheet(section)
        rows = data.get(section) if example else None
        if sheet.layout == "form":
            _write_form(ws, sheet, rows)
        else:
            _write_table(ws, sheet, rows, extra)
    if monthly:
        _write_monthly(wb.create_sheet("monthly"))
    if "_lists" in wb.sheetnames:
        wb.move_sheet("_lists", offset=len(wb.sheetnames))
    wb.save(path)
    return path
