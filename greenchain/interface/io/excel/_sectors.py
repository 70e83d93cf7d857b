"""Per-sector workbook layout: the equipment kinds, model inputs and measures of a sector.

The columns come from the measure catalogue (``factors/measures/*.yaml``): a sector's
measures name the equipment kinds they act on and the model inputs they read from an
equipment entry (``saving.model.inputs`` / ``optional``); the unit, description and
range of each input come from the process function's numpydoc. Only the Chinese names
are written here (:data:`_ZH`).
"""

from __future__ import annotations

import inspect
import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

#: ``greenchain template --sector`` choices -> plant-file sector and example plant file.
TEMPLATE_SECTORS = {
    "ceramics": ("ceramics", "tile_plant.yaml"),
    "dyeing": ("dyeing", "dyeing_mill.yaml"),
    "shoes": ("footwear", "shoe_factory.yaml"),
    "food": ("food", None),
}

# key | 中文名 (model inputs of equipment entries and retrofit options)
_ZH_TABLE = """
share | 占能源流比例
hours | 年运行小时数
flue_o2 | 烟气含氧量
flue_temperature | 排烟温度
combustion_air_temperature | 助燃空气温度
preheated_air_temperature | 预热后空气温度
cooling_heat_available | 冷却带可回收热量
recovered_air_flow | 回收热风流量
recovered_air_temperature | 回收热风温度
cooling_air_flow | 冷却风流量
cooling_air_temperature | 冷却风温度
water_use | 用水量
ambient_temperature | 环境温度
surface_area | 外表面积
surface_temperature | 外表面平均温度
surface_temperature_after | 改造后外表面温度
available_heat | 有效热比例
wind_speed | 表面风速
emissivity | 表面发射率
emissivity_after | 改造后表面发射率
new_o2 | 改造后烟气含氧量
new_flue_temperature | 改造后排烟温度
batch_mass | 每缸布重
liquor_ratio | 浴比（1:R 的 R）
liquor_ratio_after | 改造后浴比
start_temperature | 起始水温
dye_temperature | 染色保温温度
fabric_specific_heat | 织物比热容
machine_heat_capacity | 染机热容
steam_pressure | 加热蒸汽绝对压力
machine_heat_capacity_after | 新染机热容
losses_fraction | 散热损失比例
hot_wastewater_flow | 热废水流量
wastewater_temperature | 废水温度
fresh_water_temperature | 新鲜水温度
effectiveness | 换热器效能
fresh_water_flow | 新鲜水流量
exhaust_air_flow | 排风干空气流量
exhaust_temperature | 排风温度
fresh_air_temperature | 新风温度
heater_efficiency | 加热器效率
fresh_air_flow | 新风干空气流量
exhaust_humidity | 排风湿含量
bath_heat_input | 染浴供热量
surface_losses | 保温前表面散热
surface_losses_after | 保温后表面散热
additional_condensate_flow | 新增凝结水回收量
condensate_temperature | 凝结水温度
makeup_temperature | 补给水温度
boiler_efficiency | 锅炉热效率
flash_loss | 闪蒸损失比例
flue_temperature_drop | 排烟温度降低值
flue_gas_flow | 烟气质量流量
flue_gas_specific_heat | 烟气平均比热容
blowdown_flow | 排污量
boiler_pressure | 锅炉绝对压力
flash_pressure | 闪蒸罐绝对压力
heat_exchanger_effectiveness | 排污换热器效能
makeup_flow | 补给水流量
shaft_power | 轴功率
efficiency | 现有电机效率
efficiency_new | 新电机效率
rated_power | 额定输入功率
duty_profile | 工况分布
throttling | 节流工况功率
drive_efficiency | 变频器效率
static_head_fraction | 静压头比例
repaired_leak_flow | 修复泄漏量
specific_power | 空压机比功率
compressor_power | 额定压力下输入功率
discharge_pressure | 现排气压力（表压）
proposed_pressure | 调整后排气压力（表压）
core | 铁芯材料
connection | 联结组别
level | 现有变压器能效等级
to_level | 新变压器能效等级
load_factor | 负载系数
current_o2 | 现烟气含氧量
fuel_input | 燃料输入
burner_efficiency | 燃烧器效率
"""
_ZH = dict(line.split(" | ") for line in _ZH_TABLE.strip().splitlines())
_SHARE = (
    "Share of the energy stream (the energy sheet's use label in `energy`) this unit uses, 0-1",
    "",
    "between 0 and 1",
)
_HOURS = ("Operating hours per year", "h", ">= 0")
#: Retrofit-option columns: inputs describing the state after the measure.
_AFTER = re.compile(r"(_after$|_new$|^new_|^proposed_|^to_level$|^repaired_|_drop$|^additional_)")
_UNIT = re.compile(r"\[([^\[\]]+)\]")
_RANGE = re.compile(
    r"(between\s+[-\d.]+\s+(?:\([^)]*\)\s+)?and\s+[-\d.]+(?:\s+\([^)]*\))?|"
    r"[-\d.]+\s*<=?\s*\w+\s*<=?\s*[-\d.]+|[<>]=?\s*[-\d.]+|[<>]=?\s*``\w+``|[-\d.]+ to [-\d.]+)"
)


@dataclass
class _Input:
    key: str
    kinds: list[str] = field(default_factory=list)
    measures: list[str] = field(default_factory=list)
    description: str = ""
    unit: str = ""
    range: str = ""

    @property
    def zh(self) -> str:
        return _ZH.get(self.key, "")


@dataclass
class _Layout:
    sector: str  # the template choice (shoes)
    plant_sector: str  # the plant-file sector (footwear)
    example: str | None
    kinds: list[str]
    measures: list[tuple[str, str, str]]  # (id, name_zh, name_en)
    inputs: dict[str, _Input]
    uses: list[str]

    def equipment_keys(self) -> list[_Input]:
        return list(self.inputs.values())

    def option_keys(self) -> list[_Input]:
        return [i for i in self.inputs.values() if _AFTER.search(i.key)]


def _param_doc(function: Any, arg: str) -> tuple[str, str, str]:
    """(description, unit, range) of one argument from a numpydoc docstring."""
    doc = inspect.getdoc(function) or ""
    section = doc.split("Parameters\n----------\n", 1)[-1].split("\n\nReturns", 1)[0]
    match = re.search(rf"^{re.escape(arg)} : (.*)\n((?:    .*\n?|\n(?=    ))*)", section, re.M)
    if not match:
        return "", "", ""
    type_line, body = match.group(1), " ".join(match.group(2).split())
    text = re.sub(r":\w+:`~?([^`]*)`", r"\1", body).replace("``", "")
    unit = next(iter(_UNIT.findall(body) or _UNIT.findall(type_line)), "")
    unit = "" if unit in ("dimensionless", "-") else unit
    found = _RANGE.search(text)
    sentence = _UNIT.sub("", text.split(". ")[0]).strip().rstrip(".").replace(" ,", ",")
    return sentence, unit, found.group(0).replace("``", "") if found else ""


@cache
def _layout(sector: str) -> _Layout:
    from greenchain.decisions.retrofit.catalogue import load_catalogue, model_function

    plant_sector, example = TEMPLATE_SECTORS[sector]
    catalogue = load_catalogue()
    measures = [m for m in catalogue.values() if plant_sector in m.sectors or "all" in m.sectors]
    kinds: list[str] = []
    uses: list[str] = []
    inputs: dict[str, _Input] = {}
    for m in measures:
        kinds += [k for k in m.equipment if k not in kinds]
        uses += [u for u in (m.stream.use or []) + m.equipment if u not in uses]
        spec = m.saving.model if m.saving is not None else None
        if spec is None:
            continue
        function = model_function(spec.function)
        pairs = [*spec.inputs.items(), *spec.optional.items(), *((d, d) for d in spec.divide_by)]
        for arg, key in [*pairs, ("hours", "hours")]:
            item = inputs.setdefault(key, _Input(key))
            if not item.description:
                if key == "hours":
                    item.description, item.unit, item.range = _HOURS
                else:
                    item.description, item.unit, item.range = _param_doc(function, arg)
            item.kinds += [k for k in m.equipment if k not in item.kinds]
            item.measures.append(m.id)
    share = _Input("share", list(kinds), [], *_SHARE)
    return _Layout(
        sector,
        plant_sector,
        example,
        kinds,
        [(m.id, m.name_zh, m.name_en) for m in measures],
        {"share": share, **dict(sorted(inputs.items(), key=lambda kv: _kind_order(kv[1], kinds)))},
        uses,
    )


def _kind_order(item: _Input, kinds: list[str]) -> int:
    return min((kinds.index(k) for k in item.kinds if k in kinds), default=len(kinds))
