"""Workbook layout derived from the plant-file schema, and cell value helpers."""

from __future__ import annotations

import datetime as dt
import re
import types
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pint
import yaml
from pydantic import BaseModel, BeforeValidator

from greenchain.data.plant_file import PlantData, amount_validator
from greenchain.errors import InputError
from greenchain.interface.io.limits import PlantLoader
from greenchain.units import Q_

#: Plant-file sections in the template (every section of the schema, in its order).
SECTIONS = tuple(PlantData.model_fields)
_SKIP_SHEETS = ("README", "monthly")
_FORM_HEAD = ("field", "value", "unit", "description")
#: Key and value columns of the mapping sections.
_DICT_COLUMNS = {"prices": ("carrier", "price"), "retrofit_options": ("measure", None)}
#: Keys offered as columns even when the example does not use them.
_DICT_HINTS = {"attributes": ("energy_share", "fabric")}
_TRUE = {"true", "yes", "y", "1", "是", "对"}
_FALSE = {"false", "no", "n", "0", "否"}
_NUMBER_UNIT = re.compile(r"^\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*([A-Za-z%(/µ°].*)?$")
_PATH = re.compile(r"[A-Za-z_]\w*(?:\[\d+\]|\.[^\s.\[\],:;'\"]+)+")

# key | Chinese name | English description | Chinese description ("section.key" first; "-": none)
_TEXT_TABLE = """
plant | 基本信息 | Who the plant is and the accounting year | 工厂基本信息与核算年份
products | 产品 | One row per product | 每个产品一行
energy | 能源消费 | Energy bought or produced and used, one row per stream | 能源消费
exports | 能源输出 | Electricity or heat sold outside the boundary | 外供电力、热力
process_emissions | 过程排放 | Non-combustion sources | 工业生产过程排放
equipment | 设备 | Units the process models assess | 主要用能设备
prices | 能源价格 | Unit price of each carrier | 能源单价
finance | 财务参数 | Defaults for retrofit finance | 改造项目财务参数
site | 用地与建筑 | Land and buildings | 用地与建筑
water | 用水 | Water over the year | 全年用水
waste | 固体废物 | General industrial solid waste | 一般工业固体废物
projects | 改造项目 | Retrofit projects done in recent years | 近年实施的节能降碳项目
economics | 经济指标 | Output value and investment | 产值与投资
retrofit_options | 改造措施 | Your own figures for retrofit measures | 改造措施的实际数据
green_factory | 绿色工厂 | Green-factory inputs (key, value) | 绿色工厂评价补充数据
allocation | 分配方法 | How plant energy and emissions are shared among products | 产品间能耗与排放分配方法
method | 分配依据 | Allocation basis | 分配依据
shares | 分配比例 | Product id -> share as YAML, e.g. {a: 0.6, b: 0.4} | 各产品分配比例
equipment.* | - | Model input of this kind (see the process model) | 设备模型输入参数
retrofit_options.* | - | Input of the measure (see the measure catalogue) | 措施参数
exports.carrier | 能源品种 | Carrier sold | 输出能源品种
prices.carrier | 能源品种 | Carrier id as in the energy sheet | 能源品种（同能源消费表）
plant.name | 名称 | Plant name | 工厂名称
region | 地区 | Province or grid region, e.g. Fujian or 福建 | 省份或电网区域
plant.year | 核算年份 | Reporting (data) year | 核算（数据）年份
sector | 行业 | Sector | 所属行业
name_zh | 中文名称 | Chinese name | 中文名称
currency | 货币 | Currency of prices and finance (default CNY) | 货币（默认 CNY）
plant.id | 编号 | Your own plant id (optional) | 工厂编号（可选）
products.id | 产品编号 | Short id other sheets refer to | 产品编号，供其他表引用
name | 名称 | Name | 名称
output | 年产量 | Annual output (m^2, t, piece …) | 年产量
mass | 单位产品质量 | Mass per unit of output (mass allocation) | 单位产品质量
value | 产值 | Output value, e.g. 24000 wan_yuan | 产值
attributes | 属性 | Product attribute used by standards | 产品属性
attributes.limit_product | 限额产品类别 | GB 21252-2023 product row | 能耗限额产品类别
attributes.water_absorption | 吸水率 | Water absorption E [%] | 吸水率 E [%]
attributes.thickness_factor | 厚度修正系数 | GB 21252 Table 2 factor | 厚度修正系数
attributes.energy_share | 能耗分摊比例 | Share of untagged energy (0-1) | 能耗分摊比例
attributes.fabric | 织物类别 | Fabric class of the 2017 dyeing norm: woven, yarn_knit, silk, worsted_wool (or 机织物, 针织物 …) | 印染行业规范条件织物类别
attributes.liquor_ratio | 浴比 | Liquor ratio R of 1:R [kg/kg] | 浴比（1:R 的 R）
footprint | 碳足迹 | Product system as YAML text | 产品碳足迹系统（YAML 文本）
carrier | 能源品种 | Fuel id (natural_gas, diesel …), electricity, heat, steam or hot_water | 能源品种：燃料编号或 electricity、heat、steam、hot_water
amount | 数量 | Annual amount | 年度数量
use | 用途 | What it is used for, e.g. kiln (equipment refer to it) | 用途，如 kiln
product | 产品编号 | Product id when metered for one product | 单独计量的产品编号
measured | 实测值 | Measured fuel parameters | 实测燃料参数
measured.ncv | 实测低位发热量 | Measured NCV, e.g. GJ/t | 实测低位发热量
measured.carbon_content | 实测单位热值含碳量 | e.g. tC/GJ | 单位热值含碳量
measured.oxidation_rate | 实测碳氧化率 | Fraction 0-1 | 碳氧化率（0-1）
supply | 电力来源 | Electricity supply | 电力来源
dataset | 数据集 | Factor dataset for this row | 缺省值数据集
enthalpy | 比焓 | Steam specific enthalpy | 蒸汽比焓
temperature | 温度 | Hot-water supply temperature | 热水供水温度
uncertainty | 不确定性 | YAML text, e.g. {kind: normal, sd: 0.05} | 不确定性（YAML）
notes | 备注 | Notes | 备注
data_source | 数据来源 | Where the amount comes from: meter, invoice, statistics, default, estimate or not stated | 数据来源：meter（计量）、invoice（发票）、statistics（统计报表）、default（缺省值）、estimate（估算）
type | 类型 | Kind of source | 排放类型
raw_material | 原料用量 | Carbonate-bearing raw material | 含碳酸盐原料用量
fractions | 碳酸盐含量 | Mass fraction 0-1, one column per carbonate | 碳酸盐质量分数
calcination_fraction | 煅烧比例 | Fraction calcined, 0-1 (default 1) | 煅烧比例
utilisation | 利用率 | Fraction used, 0-1 (default 1) | 利用率
volume | 废水量 | Wastewater volume | 废水量
cod_in | 进口 COD | Inlet COD, e.g. mg/L | 进口 COD 浓度
cod_out | 出口 COD | Outlet COD, e.g. mg/L | 出口 COD 浓度
organics | 有机物总量 | Degradable organics instead of volume and COD | 可降解有机物
sludge | 污泥去除量 | Organics removed with sludge | 随污泥去除的有机物
recovered | 甲烷回收量 | CH4 recovered or flared | 回收或火炬燃烧的甲烷
b0 | 最大产甲烷能力 | Maximum CH4 producing capacity | 最大甲烷产生能力
mcf | 甲烷修正因子 | Methane correction factor 0-1 (or give system) | 甲烷修正因子
system | 处理系统 | Treatment system (instead of mcf) | 废水处理系统
gas | 气体 | Refrigerant, e.g. HFC-134a | 制冷剂种类
process_emissions.amount | 泄漏量 | Refrigerant leaked or recharged | 制冷剂泄漏量
charge | 充注量 | Refrigerant or SF6 charge of the equipment | 设备充注量
leak_rate | 年泄漏率 | Fraction of the charge leaked per year, 0-1 | 年泄漏率
method | 计算方法 | tier2a or tier2b (electronics F-gases) | 计算方法
process | 工艺 | etch or cvd (electronics, tier2b) | 工艺类型
heel | 残留比例 | Fraction left in the container, 0-1 | 容器残留比例
abatement | 处理设施覆盖比例 | Share of gas sent to abatement, 0-1 | 尾气处理比例
dre | 去除效率 | Destruction or removal efficiency, 0-1 | 去除效率
opening_stock | 期初库存 | Stock at the start of the year | 期初库存量
purchased | 购入量 | Purchased during the year | 购入量
closing_stock | 期末库存 | Stock at the end of the year | 期末库存量
filled | 充装量 | Gas filled into equipment | 充装量
co2_fraction | CO2 体积分数 | CO2 share of the shielding gas, 0-1 | 保护气中 CO2 比例
balance | 平衡气 | Ar or O2 (shielding gas) | 保护气平衡气体
loss_ratio | 损耗比例 | Fraction lost, 0-1 | 损耗比例
filling | 充装方式 | single_fill or double_fill | 充装方式
equipment.id | 设备编号 | Your equipment id | 设备编号
kind | 设备类型 | kiln, dryer, spray_dryer, boiler, motor, pump, fan, compressor … | 设备类型
equipment.energy | 能源流 | The energy sheet's use label it draws on | 对应能源用途
count | 台数 | Number of identical units | 台数
price | 价格 | Unit price, e.g. 3.6 CNY/m^3 | 单价
discount_rate | 折现率 | 0.08 = 8 % | 折现率
escalation | 能源价格年增长率 | Yearly price escalation | 能源价格年增长率
debt_ratio | 贷款比例 | Share financed by debt, 0-1 | 贷款比例
debt_rate | 贷款利率 | Interest rate of the debt | 贷款利率
debt_term | 贷款年限 | Years | 贷款年限
land_area | 用地面积 | Land area | 用地面积
floor_area | 建筑面积 | Total floor area | 总建筑面积
building_footprint | 建筑物基底面积 | Building footprint | 建筑物基底面积
withdrawal | 取水量 | Fresh water withdrawn | 取水量
reused | 重复利用水量 | Water reused | 重复利用水量
total_use | 总用水量 | Total water use | 总用水量
generated | 产生量 | Waste generated | 固体废物产生量
utilised | 综合利用量 | Waste utilised | 综合利用量
stock_utilised | 利用往年贮存量 | Stock from earlier years utilised | 利用往年贮存量
projects.year | 年份 | Year completed | 完成年份
investment | 投资额 | Investment | 投资额
measure | 措施编号 | Retrofit measure id | 改造措施编号
output_value | 工业总产值 | e.g. 24000 wan_yuan | 工业总产值
fixed_investment | 固定资产投资 | Fixed-asset investment | 固定资产投资
capex | 投资 | Quoted investment, e.g. 1200000 CNY | 投资（报价）
lifetime | 寿命 | Service life [years] | 使用寿命（年）
saving_fraction | 节能率 | Measured or quoted saving, 0-1 | 节能率
selected | 是否选用 | TRUE to include it in the plant's package | 是否纳入改造方案
source | 数据来源 | Quote, measurement … | 数据来源
key | 键 | Key | 键
green_factory.value | 值 | Value (YAML text for lists and mappings) | 值
"""
_TEXT: dict[str, tuple[str, str, str]] = {
    k: ("" if zh == "-" else zh, en, zh_desc)
    for k, zh, en, zh_desc in (line.split(" | ") for line in _TEXT_TABLE.strip().splitlines())
}


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise InputError("Excel support needs openpyxl: pip install greenchain[excel]") from None
    return openpyxl


# --------------------------------------------------------------------------- schema


@dataclass(frozen=True)
class _Col:
    """One field of a sheet: ``key`` is dotted inside an entry (``measured.ncv``)."""

    key: str
    kind: str  # quantity, text, integer, number, bool, choice, yaml, any
    choices: tuple[str, ...] = ()
    required: bool = False
    note: str = ""


@dataclass
class _Sheet:
    name: str
    layout: str  # "table" or "form"
    shape: str  # "list", "dict" (entries keyed by ``key``) or "model" (one record)
    columns: list[_Col]
    key: str | None = None  # dict sections: the key column
    model: Any = None  # entry model, None for plain values (prices)


def _is_quantity(meta: Iterable[Any]) -> bool:
    return any(
        isinstance(m, BeforeValidator)
        and (m.func is amount_validator or getattr(m.func, "is_quantity", False))
        for m in meta
    )


def _kind(ann: Any, meta: Iterable[Any] = ()) -> tuple[str, Any]:
    """Classify an annotation: (kind, argument)."""
    if _is_quantity(meta):
        return "quantity", None
    origin = get_origin(ann)
    if origin in (Union, types.UnionType):
        members = [a for a in get_args(ann) if a is not type(None)]
        if len(members) == 1:
            return _kind(members[0])
        kinds = {_kind(a)[0] for a in members}
        return ("quantity" if "quantity" in kinds else "any"), None
    if origin is Annotated:
        args = get_args(ann)
        return ("quantity", None) if _is_quantity(args[1:]) else _kind(args[0])
    if origin is Literal:
        return "choice", tuple(str(a) for a in get_args(ann))
    if origin is dict:
        return "dict", (get_args(ann) or (str, Any))[1]
    if origin in (list, tuple, set):
        return "yaml", None
    if isinstance(ann, type):
        if issubclass(ann, BaseModel):
            return "model", ann
        for typ, kind in ((bool, "bool"), (int, "integer"), (float, "number"), (str, "text")):
            if issubclass(ann, typ):
                return kind, None
    return "any", None


def _is_flat(model: type[BaseModel]) -> bool:
    return all(
        _kind(f.annotation, f.metadata)[0] not in ("model", "dict", "yaml")
        for f in model.model_fields.values()
    )


def _guess(values: list[Any]) -> str:
    """Kind of a key the schema does not type (extras, ``attributes``), from examples."""
    present = [v for v in values if v is not None]
    if any(isinstance(v, dict) and set(v) == {"value", "unit"} for v in present):
        return "quantity"
    if any(isinstance(v, dict | list) for v in present):
        return "yaml"
    if any(isinstance(v, str) and _split(v)[1] for v in present):
        return "quantity"
    return "any"


def _keys(dicts: Iterable[Any]) -> list[str]:
    out: dict[str, None] = {}
    for d in dicts:
        if isinstance(d, dict):
            out.update(dict.fromkeys(str(k) for k in d))
    return list(out)


def _columns(model: type[BaseModel], examples: list[Any], prefix: str = "") -> list[_Col]:
    examples = [e for e in examples if isinstance(e, dict)]
    cols: list[_Col] = []
    for name, f in model.model_fields.items():
        key = prefix + name
        kind, arg = _kind(f.annotation, f.metadata)
        sub = [e.get(name) for e in examples]
        if kind == "model" and _is_flat(arg):
            cols += _columns(arg, sub, key + ".")
        elif kind == "dict":
            keys = _keys(sub) + [k for k in _DICT_HINTS.get(name, ()) if k not in _keys(sub)]
            value_kind = _kind(arg)[0]
            if not keys or value_kind in ("model", "dict", "yaml"):
                cols.append(_Col(key, "yaml"))
            for k in keys if value_kind not in ("model", "dict", "yaml") else ():
                values = [s.get(k) for s in sub if isinstance(s, dict)]
                sub_kind = _guess(values)  # a unit column only where the example has units
                if sub_kind == "any" and value_kind == "quantity":
                    sub_kind = "number"
                cols.append(_Col(f"{key}.{k}", sub_kind))
        elif kind in ("model", "yaml"):
            cols.append(_Col(key, "yaml"))
        else:
            required = f.is_required() and not prefix
            cols.append(_Col(key, kind, arg or (), required, f.description or ""))
    if model.model_config.get("extra") == "allow":
        for k in _keys(examples):
            if k not in model.model_fields:
                cols.append(_Col(prefix + k, _guess([e.get(k) for e in examples])))
    return cols


def _sheet(section: str, example: Any = None) -> _Sheet:
    """The sheet of a section; columns from the schema plus keys the example uses."""
    f = PlantData.model_fields[section]
    kind, arg = _kind(f.annotation, f.metadata)
    if kind == "model":
        return _Sheet(section, "form", "model", _columns(arg, [example]), model=arg)
    if kind == "dict":
        key, value = _DICT_COLUMNS.get(section, ("key", "value"))
        entries = list(example.values()) if isinstance(example, dict) else []
        value_kind, value_arg = _kind(arg)
        if value_kind == "model":
            cols = [_Col(key, "text", required=True), *_columns(value_arg, entries)]
            return _Sheet(section, "table", "dict", cols, key=key, model=value_arg)
        vkind = value_kind if value_kind in ("quantity", "text") else _guess(entries)
        cols = [_Col(key, "text", required=True), _Col(value or "value", vkind, required=True)]
        return _Sheet(section, "table", "dict", cols, key=key)
    entry = get_args(f.annotation)[0] if kind == "yaml" else None
    if entry is None or not (isinstance(entry, type) and issubclass(entry, BaseModel)):
        return _Sheet(section, "table", "list", [_Col("value", "yaml")])
    items = example if isinstance(example, list) else []
    return _Sheet(section, "table", "list", _columns(entry, items), model=entry)


def _col_kind(sheet: _Sheet, key: str) -> str:
    """Kind of a (possibly user-added, dotted) column when reading."""
    for col in sheet.columns:
        if col.key == key:
            return col.kind
    model: Any = sheet.model
    parts = key.split(".")
    for i, part in enumerate(parts):
        if model is None or part not in model.model_fields:
            return "any"
        f = model.model_fields[part]
        kind, arg = _kind(f.annotation, f.metadata)
        if i == len(parts) - 1:
            return kind
        if kind == "dict":
            return _kind(arg)[0] if i == len(parts) - 2 else "any"
        model = arg if kind == "model" else None
    return "any"


# --------------------------------------------------------------------------- values


def _number(text: str) -> int | float:
    return int(text) if re.fullmatch(r"[-+]?\d+", text) else float(text)


def _split(value: Any) -> tuple[Any, str | None]:
    """(value, unit) of a quantity as written in a plant file."""
    if isinstance(value, dict) and set(value) == {"value", "unit"}:
        return value["value"], str(value["unit"])
    if isinstance(value, pint.Quantity):
        return value.magnitude, f"{value.units:~}"
    if isinstance(value, str):
        m = _NUMBER_UNIT.match(value)
        if m and m.group(2):
            try:
                Q_(1.0, m.group(2).strip())
            except Exception:  # pint raises many types on bad text
                return value, None
            return _number(m.group(1)), m.group(2).strip()
    return value, None


def _to_cell(value: Any) -> Any:
    """A plain value as an Excel cell value."""
    if isinstance(value, dict | list):
        return yaml.safe_dump(
            value, default_flow_style=True, allow_unicode=True, width=10**6, sort_keys=False
        ).strip()
    return value


def _get(entry: Any, key: str) -> Any:
    for part in key.split("."):
        if not isinstance(entry, dict):
            return None
        entry = entry.get(part)
    return entry


def _blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _header_key(text: Any) -> str:
    return str(text).strip().split()[0].rstrip("*") if not _blank(text) else ""


def _coerce(raw: Any, kind: str, unit: Any) -> Any:
    """A cell value as plant data (quantities as ``{value, unit}`` when a unit is given)."""
    if isinstance(raw, dt.datetime | dt.date | dt.time):
        raw = raw.isoformat()
    if isinstance(raw, str):
        raw = raw.strip()
        if raw.startswith(("{", "[")):  # no duplicate keys, bounded aliases
            return yaml.load(raw, Loader=PlantLoader)  # noqa: S506 - a SafeLoader
    is_number = isinstance(raw, int | float) and not isinstance(raw, bool)
    if not _blank(unit):  # the text a YAML file would hold
        return f"{raw} {str(unit).strip()}"
    if kind == "text" and is_number:
        return str(int(raw)) if float(raw).is_integer() else str(raw)
    if kind == "integer" and isinstance(raw, float) and raw.is_integer():
        return int(raw)
    if kind == "bool" and isinstance(raw, str | int) and not isinstance(raw, bool):
        text = str(raw).strip().lower()
        return True if text in _TRUE else False if text in _FALSE else raw
    return raw


def _set(entry: dict[str, Any], key: str, value: Any) -> None:
    parts = key.split(".")
    for part in parts[:-1]:
        child = entry.setdefault(part, {})
        if not isinstance(child, dict):  # a YAML cell and dotted columns for the same key
            child = entry[part] = {}
        entry = child
    last = entry.get(parts[-1])
    if isinstance(last, dict) and isinstance(value, dict):
        value = {**value, **last}
    entry[parts[-1]] = value


def xlsx_path(path: str | Path) -> Path:
    """The path of a workbook to write; anything but ``.xlsx`` is an error naming it."""
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        raise InputError(f"the file name must end in .xlsx, got {path.name!r}", field="path")
    return path
