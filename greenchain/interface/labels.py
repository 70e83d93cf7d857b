"""English and Chinese labels for ids and table columns shown to people.

Reports, plots and exports use the same vocabulary: GB/T 32150 categories, scopes,
energy carriers, green-factory areas and the columns of result tables.

Examples
--------
>>> label("fuel_combustion", "zh"), label("co2e_t", "en"), label("unknown_id", "zh")
('化石燃料燃烧', 'CO2e [t]', 'unknown_id')
"""

from __future__ import annotations

from typing import Any

__all__ = ["VALUES", "COLUMNS", "label", "LANGUAGES"]

LANGUAGES = ("en", "zh")

#: Ids of categories, scopes, carriers and areas: id -> (English, Chinese).
VALUES: dict[str, tuple[str, str]] = {
    "fuel_combustion": ("Fuel combustion", "化石燃料燃烧"),
    "industrial_process": ("Industrial processes", "工业生产过程"),
    "purchased_electricity": ("Purchased electricity", "净购入电力"),
    "purchased_heat": ("Purchased heat", "净购入热力"),
    "exported_energy": ("Exported energy", "输出的电力和热力"),
    "scope_1": ("Scope 1", "范围一"),
    "scope_2_location": ("Scope 2 (location-based)", "范围二（基于位置）"),
    "scope_2_market": ("Scope 2 (market-based)", "范围二（基于市场）"),
    "natural_gas": ("Natural gas", "天然气"),
    "electricity": ("Electricity", "电力"),
    "diesel": ("Diesel", "柴油"),
    "gasoline": ("Gasoline", "汽油"),
    "fuel_oil": ("Fuel oil", "燃料油"),
    "lpg": ("LPG", "液化石油气"),
    "lng": ("LNG", "液化天然气"),
    "bituminous_coal": ("Bituminous coal", "烟煤"),
    "anthracite": ("Anthracite", "无烟煤"),
    "lignite": ("Lignite", "褐煤"),
    "coke": ("Coke", "焦炭"),
    "heat": ("Heat", "热力"),
    "steam": ("Steam", "蒸汽"),
    "hot_water": ("Hot water", "热水"),
    "energy_low_carbon": ("Low-carbon energy", "能源低碳化"),
    "resource_efficiency": ("Resource efficiency", "资源高效化"),
    "clean_production": ("Clean production", "生产洁净化"),
    "green_products": ("Green products", "产品绿色化"),
    "intensive_land_use": ("Intensive land use", "用地集约化"),
    # standing against national norms (GB 21252, 印染行业规范条件) and green-factory gates
    "energy": ("Comprehensive energy per unit product", "单位产品综合能耗"),
    "fresh_water": ("Fresh water per unit product", "单位产品新鲜水取水量"),
    "water_reuse": ("Water reuse rate", "水重复利用率"),
    "level": ("GB 21252-2023 level", "GB 21252-2023 能耗等级"),
    "meets limit": ("meets the limit", "符合限值"),
    "above limit": ("above the limit", "超过限值"),
    "below limit": ("below level 3 (fails the limit)", "未达到3级（不符合限额）"),
    "passed": ("passed", "符合"),
    "failed": ("failed", "不符合"),
    "unanswered": ("not answered", "未填报"),
    "scored": ("assessed", "已评价"),
    "incomplete": ("assessed, partly answered", "已评价（部分填报）"),
    "no data": ("not assessable: no data", "无法评价：缺少数据"),
    "no thresholds": ("not assessable: no lead/base value", "无法评价：缺少引领值/基准值"),
    "no points": ("not assessable: no points", "无法评价：缺少分值"),
    "not applicable": ("not applicable", "不适用"),
    "alternative not used": ("alternative not used", "未采用的替代指标"),
}

#: Result-table columns: column -> (English, Chinese).
COLUMNS: dict[str, tuple[str, str]] = {
    "category": ("Category", "排放类别"),
    "scope": ("Scope", "范围"),
    "gas": ("Gas", "气体"),
    "co2_t": ("CO2 [t]", "CO2 [t]"),
    "ch4_t": ("CH4 [t]", "CH4 [t]"),
    "n2o_t": ("N2O [t]", "N2O [t]"),
    "co2e_t": ("CO2e [t]", "CO2e [t]"),
    "mass_t": ("Mass [t]", "质量 [t]"),
    "gwp": ("GWP-100", "GWP-100"),
    "carrier": ("Energy carrier", "能源品种"),
    "tce": ("Energy [tce]", "能耗 [tce]"),
    "share": ("Share", "占比"),
    "measure": ("Measure", "措施"),
    "energy_saved_tce": ("Energy saved [tce/yr]", "节能量 [tce/年]"),
    "co2_avoided_t": ("CO2e avoided [t/yr]", "减排量 [tCO2e/年]"),
    "annual_savings": ("Annual savings", "年节约费用"),
    "capex": ("Capex", "投资"),
    "simple_payback_years": ("Simple payback [yr]", "静态回收期 [年]"),
    "npv": ("NPV", "净现值"),
    "irr": ("IRR", "内部收益率"),
    "abatement_cost": ("Abatement cost [per tCO2e]", "减排成本 [每吨CO2e]"),
    "saving_status": ("Saving status", "节能数据状态"),
    "area": ("Area", "一级指标"),
    "indicator": ("Indicator", "指标"),
    "name_en": ("Name (English)", "英文名称"),
    "points": ("Points", "分值"),
    "score": ("Score", "得分"),
    "weight": ("Weight", "权重"),
    "gap": ("Gap", "差距"),
    "total_gain": ("Gain in total", "总分提升"),
    "status": ("Status", "状态"),
    "stage": ("Stage", "阶段"),
    "item": ("Item", "项目"),
    "product": ("Product", "产品"),
    "kgco2e": ("kgCO2e per declared unit", "每声明单位 kgCO2e"),
    "key": ("Factor", "因子"),
    "value": ("Value", "数值"),
    "unit": ("Unit", "单位"),
    "dataset": ("Dataset", "数据集"),
    "source_ref": ("Table or clause", "表或条款"),
    "source_id": ("Source id", "来源编号"),
    "source": ("Source", "来源"),
    "used for": ("Used for", "用途"),
    "id": ("Id", "编号"),
    "name": ("Name", "名称"),
    "output": ("Output", "产量"),
    "document": ("Document", "文件"),
    "title": ("Title", "标题"),
    "limit": ("Limit", "限值项目"),
    "limit_value": ("Limit value", "限值"),
    "comparison": ("Comparison", "比较"),
    "standing": ("Standing", "对标结果"),
    "standard": ("Standard", "标准"),
    "gate": ("Basic requirement", "基本要求"),
    "clause": ("Clause", "条款"),
    "name_zh": ("Name (Chinese)", "名称"),
    "missing": ("Missing evidence", "缺少的证明材料"),
    "reason": ("Why not assessed", "无法评价的原因"),
    "max_points": ("Points in all", "总分值"),
    "assessable": ("Assessable", "可评价"),
}


def label(key: Any, lang: str = "en") -> str:
    """The English or Chinese label of an id or column; unknown keys are returned as is.

    Parameters
    ----------
    key : str or object
        An id of :data:`VALUES` (category, scope, carrier, green-factory area) or a
        column of :data:`COLUMNS`; other objects are looked up as ``str(key)``.
    lang : {"en", "zh"}, default "en"
        Language; anything but ``"zh"`` gives English.

    Returns
    -------
    str

    Examples
    --------
    >>> label("scope_1", "zh"), label("tce")
    ('范围一', 'Energy [tce]')
    """
    pair = VALUES.get(str(key)) or COLUMNS.get(str(key))
    return pair[lang == "zh"] if pair else str(key)
