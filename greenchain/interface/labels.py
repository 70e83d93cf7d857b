"""English and Chinese labels for ids and table columns shown to people.

Reports, plots and exports use the same vocabulary: GB/T 32150 categories, scopes,
energy carriers, green-factory areas and the columns of result tables.

Examples
--------
>>> label("fuel_combustion", "zh"), label("co2e_t", "en"), label("unknown_id", "zh")
('化石燃料燃烧', 'CO₂e [t]', 'unknown_id')
"""

from __future__ import annotations

import re
from typing import Any

__all__ = [
    "VALUES",
    "COLUMNS",
    "PHRASES",
    "SENTENCES",
    "REPORT_LABELS",
    "label",
    "translate",
    "LANGUAGES",
]

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
    "not assessable": ("not assessable", "无法评价"),
    # data status of a saving or a factor
    "plant_data": ("from plant data", "基于企业数据"),
    "derived": ("derived", "推算"),
    "user": ("user input", "用户输入"),
    "official": ("official", "官方发布"),
    "unverified": ("unverified", "未核实"),
    "missing": ("missing data", "缺少数据"),
    "default": ("default", "缺省值"),
    "measured": ("measured", "实测"),
    # footprint stages and comparisons
    "plant energy": ("Plant energy", "厂内能源"),
    "fuel supply": ("Fuel supply chains", "燃料上游（开采、加工、运输）"),
    "process": ("Process emissions", "过程排放"),
    "materials": ("Materials", "原材料"),
    "transport": ("Transport", "运输"),
    "packaging": ("Packaging", "包装"),
    "waste": ("Waste", "废弃物"),
    "<=": ("≤", "≤"),
    ">=": ("≥", "≥"),
    "average": ("average", "平均排放因子"),
    "residual": ("residual mix", "剩余组合排放因子"),
    "dyeing norm 2017 (woven)": ("dyeing norm 2017 (woven)", "机织物"),
    "dyeing norm 2017 (yarn_knit)": ("dyeing norm 2017 (yarn and knit)", "纱线、针织物"),
    "dyeing norm 2017 (silk)": ("dyeing norm 2017 (silk)", "真丝绸机织物"),
    "dyeing norm 2017 (worsted_wool)": ("dyeing norm 2017 (worsted wool)", "精梳毛织物"),
    "CO2": ("CO₂", "CO₂"),
    "CH4": ("CH₄", "CH₄"),
    "N2O": ("N₂O", "N₂O"),
    "wastewater_ch4": ("Wastewater treatment (CH₄)", "废水处理（CH₄）"),
    "refrigerant_leakage": ("Refrigerant leakage", "制冷剂泄漏"),
    "electronics_fgas": ("Etching and CVD cleaning (F-gases)", "刻蚀与CVD腔室清洗（含氟气体）"),
    "equipment_filling": ("Gas filled into equipment", "电气与制冷设备充装"),
    "shielding_gas": ("CO₂ shielding gas (welding)", "CO₂气体保护焊"),
    "purchased_co2": ("Purchased CO₂ lost", "外购工业CO₂损耗"),
    "process_co2": ("Process CO₂", "工业过程 CO₂"),
    "carbonate_decomposition": ("Carbonate decomposition", "碳酸盐分解"),
    "energy_limit_level1": ("energy-limit level 1 value", "能耗限额1级值"),
    "energy_limit_level2": ("energy-limit level 2 value", "能耗限额2级值"),
    "energy_limit_level3": ("energy-limit level 3 value", "能耗限额3级值"),
    "water_quota_general": ("industrial water quota, general value", "工业用水定额通用值"),
    "water_quota_advanced": ("industrial water quota, advanced value", "工业用水定额先进值"),
    "transcribed": ("transcribed", "转录自标准"),
    # energy uses (``energy[].use``) and equipment kinds
    "boiler": ("Boiler", "锅炉"),
    "grid_power": ("Grid electricity", "电网电力"),
    "green_power": ("Green electricity", "绿色电力"),
    "purchased_steam": ("Purchased steam", "外购蒸汽"),
    "kiln": ("Kiln", "窑炉"),
    "dryer": ("Dryer", "干燥器"),
    "spray_dryer": ("Spray dryer", "喷雾干燥塔"),
    "ball_mill": ("Ball mill", "球磨机"),
    "other_electric": ("Other electricity use", "其他用电"),
    "vehicles": ("Vehicles", "厂内车辆"),
    "assembly": ("Assembly", "装配"),
    "eva_foaming": ("EVA foaming", "EVA 发泡"),
    "lighting": ("Lighting", "照明"),
    "cooling": ("Cooling", "制冷"),
    "compressed_air": ("Compressed air", "压缩空气"),
    "motor": ("Motor", "电动机"),
    "pump": ("Pump", "水泵"),
    "fan": ("Fan", "风机"),
    "compressor": ("Air compressor", "空气压缩机"),
    "transformer": ("Transformer", "变压器"),
    "dyeing_machine": ("Dyeing machine", "染色机"),
    "stenter": ("Stenter", "定形机"),
    "truck": ("truck", "公路货车"),
    "unallocated": ("not allocated to a product", "未分摊到产品"),
    "no_use": ("use not stated", "未注明用途"),
    # data sources of activities (``energy[].data_source``)
    "meter": ("meter reading", "计量仪表读数"),
    "invoice": ("invoices", "发票"),
    "statistics": ("energy statistics", "能源统计报表"),
    "estimate": ("estimate", "估算"),
    "not stated": ("not stated", "未说明"),
    # sectors
    "ceramics": ("Ceramics", "建筑陶瓷"),
    "dyeing": ("Printing and dyeing", "印染"),
    "textile": ("Textiles", "纺织"),
    "footwear": ("Footwear", "制鞋"),
    "apparel": ("Apparel", "服装"),
    "food": ("Food", "食品"),
    "shoes": ("Footwear", "制鞋"),
    "electronics": ("Electronics and ICs", "电子信息"),
    "machinery": ("Machinery", "机械装备"),
    "other": ("Other", "其他"),
    # provinces (region of the grid factor)
    "Beijing": ("Beijing", "北京"),
    "Tianjin": ("Tianjin", "天津"),
    "Hebei": ("Hebei", "河北"),
    "Shanxi": ("Shanxi", "山西"),
    "Inner Mongolia": ("Inner Mongolia", "内蒙古"),
    "Liaoning": ("Liaoning", "辽宁"),
    "Jilin": ("Jilin", "吉林"),
    "Heilongjiang": ("Heilongjiang", "黑龙江"),
    "Shanghai": ("Shanghai", "上海"),
    "Jiangsu": ("Jiangsu", "江苏"),
    "Zhejiang": ("Zhejiang", "浙江"),
    "Anhui": ("Anhui", "安徽"),
    "Fujian": ("Fujian", "福建"),
    "Jiangxi": ("Jiangxi", "江西"),
    "Shandong": ("Shandong", "山东"),
    "Henan": ("Henan", "河南"),
    "Hubei": ("Hubei", "湖北"),
    "Hunan": ("Hunan", "湖南"),
    "Guangdong": ("Guangdong", "广东"),
    "Guangxi": ("Guangxi", "广西"),
    "Hainan": ("Hainan", "海南"),
    "Chongqing": ("Chongqing", "重庆"),
    "Sichuan": ("Sichuan", "四川"),
    "Guizhou": ("Guizhou", "贵州"),
    "Yunnan": ("Yunnan", "云南"),
    "Tibet": ("Tibet", "西藏"),
    "Shaanxi": ("Shaanxi", "陕西"),
    "Gansu": ("Gansu", "甘肃"),
    "Qinghai": ("Qinghai", "青海"),
    "Ningxia": ("Ningxia", "宁夏"),
    "Xinjiang": ("Xinjiang", "新疆"),
}

#: Whole sentences of notes (regular expression -> Chinese, groups as ``{0}``...).
SENTENCES: tuple[tuple[str, str], ...] = (
    (
        r"Points are the example weights of (GB/T 36132-\d+) Annex C Table C\.1.*",
        "分值采用 {0} 附录C 表C.1 的示例分值（资料性，“仅作为示例提供参考”）；"
        "行业标准《绿色工厂评价要求 ××》或工业和信息化部的评价表可另行规定。",
    ),
    (
        r"row (\d+) counts functions greenchain performed for the plant: .*",
        "第{0}行：计入 greenchain 为本厂完成的能碳管理功能（能耗计算、碳排放核算、"
        "能效对标、产品碳足迹核算）。",
    ),
    (
        r"row (\d+) takes the output value of the last 3 years as 3 x "
        r"economics\.output_value of the evaluation year",
        "第{0}行：近三年产值按评价年度产值的3倍计。",
    ),
    (r"give the model inputs or (\S+)", "请提供模型输入或 {0}"),
    (r"model (\S+) not used, missing (.+)", "未使用模型 {0}，缺少 {1}"),
    (r"capex not sourced, give (\S+)", "投资额无来源，请提供 {0}"),
    (
        r"benchmark refers to '([^']+)', which has no value for this plant",
        "基准值引用的“{0}”对本厂没有数值",
    ),
    (
        r"leading refers to '([^']+)', which has no value for this plant",
        "引领值引用的“{0}”对本厂没有数值",
    ),
    (
        r"row (\d+) answered 'yes' from greenchain product footprint .*",
        "第{0}行：已由 greenchain 完成产品碳足迹量化（GB/T 24067 / ISO 14067），判定为“是”。",
    ),
)

#: Recurring sentences of notes and reasons: English -> Chinese (see :func:`translate`).
PHRASES: dict[str, str] = {
    "not assessable": "无法评价",
    "no lead/base value": "缺少引领值/基准值",
    "supply the industry's values in a benchmark file": "请在基准值文件中提供本行业的数值",
    "no data in the plant file (pass indicators={...})": "工厂数据中没有该项数据",
    "not answered in the evidence": "证明材料中未填报",
    "no sourced saving": "节能量无可靠来源",
    "no saving": "无节能量",
    "energy, CO2 and finance not computed": "未计算节能量、减排量和经济效益",
    "no range sourced for this saving": "节能量范围无来源",
    "Alternatives evaluated alone, not stacked in the curve": "单独评价、未叠加进曲线的替代方案",
    "no product has a footprint section": "没有产品填报碳足迹数据",
    "the inventory could not be computed": "温室气体排放无法核算",
    "the energy account could not be computed": "综合能耗无法计算",
    "the plant file has no equipment section": "工厂数据中没有设备清单",
    "no energy entry with a positive amount": "没有用量大于零的能源数据",
}

#: Result-table columns: column -> (English, Chinese).
COLUMNS: dict[str, tuple[str, str]] = {
    "category": ("Category", "排放类别"),
    "scope": ("Scope", "范围"),
    "gas": ("Gas", "气体"),
    "co2_t": ("CO₂ [t]", "CO₂ [t]"),
    "ch4_t": ("CH₄ [t]", "CH₄ [t]"),
    "n2o_t": ("N₂O [t]", "N₂O [t]"),
    "co2e_t": ("CO₂e [t]", "CO₂e [t]"),
    "mass_t": ("Mass [t]", "质量 [t]"),
    "gwp": ("GWP-100", "全球变暖潜势（100年）"),
    "carrier": ("Energy carrier", "能源品种"),
    "tce": ("Energy [tce]", "能耗 [tce]"),
    "share": ("Share", "占比"),
    "measure": ("Measure", "措施"),
    "energy_saved_tce": ("Energy saved [tce/yr]", "节能量 [tce/年]"),
    "co2_avoided_t": ("CO₂e avoided [t/yr]", "减排量 [tCO₂e/年]"),
    "annual_savings": ("Annual savings", "年节约费用"),
    "capex": ("Capex", "投资"),
    "simple_payback_years": ("Simple payback [yr]", "静态回收期 [年]"),
    "npv": ("NPV", "净现值"),
    "irr": ("IRR", "内部收益率"),
    "abatement_cost": ("Abatement cost [CNY/tCO₂e]", "减排成本 [元/tCO₂e]"),
    "saving_status": ("Saving status", "节能数据状态"),
    # portfolio tables (rankings, budgets, verified savings)
    "plant_id": ("Plant", "企业"),
    "sector": ("Sector", "行业"),
    "region": ("Region", "地区"),
    "kgce_per_unit": ("Specific energy [kgce/unit]", "单位产品能耗 [kgce/单位]"),
    "tce_per_unit": ("Specific energy [tce/unit]", "单位产品能耗 [tce/单位]"),
    "co2e_t_per_unit": ("Specific emissions [tCO₂e/unit]", "单位产品碳排放 [tCO₂e/单位]"),
    "rank": ("Rank", "排名"),
    "n": ("Plants in group", "组内企业数"),
    "percentile": ("Percentile [%]", "百分位 [%]"),
    "bottom": ("Bottom share", "末位"),
    "yoy_percent": ("Year on year [%]", "同比变化 [%]"),
    "tce_actual": ("Energy to date [tce]", "累计能耗 [tce]"),
    "tce_projection": ("Energy projected [tce]", "预计全年能耗 [tce]"),
    "tce_budget": ("Energy budget [tce]", "能耗预算 [tce]"),
    "tce_projected_percent": ("Energy projected / budget [%]", "预计能耗/预算 [%]"),
    "co2e_t_actual": ("CO₂e to date [t]", "累计碳排放 [tCO₂e]"),
    "co2e_t_projection": ("CO₂e projected [t]", "预计全年碳排放 [tCO₂e]"),
    "co2e_t_budget": ("CO₂e budget [t]", "碳排放预算 [tCO₂e]"),
    "co2e_t_projected_percent": ("CO₂e projected / budget [%]", "预计碳排放/预算 [%]"),
    "flagged": ("Over budget", "预计超预算"),
    "adjusted_baseline": ("Adjusted baseline", "校准基期能耗"),
    "actual": ("Actual", "实际能耗"),
    "savings": ("Savings", "节能量"),
    "savings_percent": ("Savings [%]", "节能率 [%]"),
    "uncertainty": ("Uncertainty (68 %)", "不确定度（68 %）"),
    "fsu_percent": ("Fractional savings uncertainty [%]", "节能量相对不确定度 [%]"),
    "meets_fsu_criterion": ("Meets the FSU criterion", "满足不确定度要求"),
    "water_saved_m3": ("Water saved [m³/yr]", "节水量 [m³/年]"),
    "in_package": ("In the package", "纳入组合方案"),
    "area": ("Area", "一级指标"),
    "indicator": ("Indicator", "指标"),
    "name_en": ("Name", "名称"),
    "points": ("Points", "分值"),
    "score": ("Score", "得分"),
    "weight": ("Weight", "权重"),
    "gap": ("Gap", "差距"),
    "total_gain": ("Gain in total", "总分提升"),
    "status": ("Status", "状态"),
    "stage": ("Stage", "阶段"),
    "item": ("Item", "项目"),
    "product": ("Product", "产品"),
    "kgco2e": ("kgCO₂e per declared unit", "每声明单位 kgCO₂e"),
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
    "specific energy": ("Specific energy", "单位产品综合能耗"),
    "level 1 / 2 / 3": ("Levels 1 / 2 / 3", "1级 / 2级 / 3级"),
    "max_points": ("Points in all", "总分值"),
    "assessable": ("Assessable", "可评价"),
    "type": ("Type", "类型"),
    "count": ("Units", "台数"),
    "rating": ("Rating", "额定参数"),
    "grade": ("Efficiency grade", "能效等级"),
    "entry": ("Entry", "条目"),
    "data_source": ("Data source", "数据来源"),
    "use": ("Use", "用途"),
    "use_label": ("Use", "用途"),
    "amount": ("Amount", "数量"),
    "technical": ("Technical detail", "技术说明"),
}


#: Section titles and labels of the plant report in English and Chinese.
REPORT_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Carbon and energy report",
        "executive": "Executive summary",
        "signoff": "Sign-off",
        "consultancy": "Issued by",
        "prepared": "Prepared by",
        "reviewed": "Reviewed by",
        "approved": "Approved by",
        "so_role": "Role",
        "so_name": "Name",
        "so_signature": "Signature",
        "so_date": "Date",
        "summary": "Plant summary",
        "inventory": "GHG inventory (GB/T 32150, GHG Protocol scopes)",
        "by_category": "By GB/T 32150 category",
        "by_scope": "By scope",
        "by_gas": "By gas",
        "energy": "Energy (GB/T 2589) and standing against national limits",
        "by_carrier": "By energy carrier",
        "limits": "Standing against energy-limit levels",
        "footprints": "Product carbon footprints (ISO 14067 / GB/T 24067)",
        "retrofits": "Retrofit options",
        "mac": "Marginal abatement cost curve",
        "score": "Green-factory score",
        "gaps": "Largest gaps",
        "areas": "By area",
        "audit": "Audit appendix: factors used",
        "sources": "Sources cited",
        "warnings": "Audit appendix: technical caveats",
        "not_available": "Not available",
        "name": "Plant",
        "region": "Region",
        "year": "Year",
        "sector": "Sector",
        "total_co2e": "Total emissions",
        "total_energy": "Comprehensive energy",
        "generated": "Generated by greenchain",
        "products": "Products",
        "per_unit": "Footprint per declared unit",
        "gates": "Gates",
        "passed": "passed",
        "failed": "failed",
        "level": "GB 21252-2023 level",
        "none": "None",
        "norms": "Standing against the printing and dyeing industry norm (2017)",
        "options": "GWP {gwp}; fuel defaults {fuel}; grid factor basis {grid}.",
        "alone": "Alternatives evaluated alone, not stacked in the curve",
        "not_evaluated": "Measures not evaluated, and what is missing",
        "score_total": "Points achieved / assessable / all",
        "gate_table": "Basic requirements (veto)",
        "indicators": "Indicators",
        "not_eligible": "Not a green factory under this scheme until every basic requirement is met",
        "score_notes": "About this score",
        "flow": "Energy flow",
        "flow_text": "Where the energy goes: from the carriers bought, through the uses named in "
        "the plant file, to the products (tce, equal value; energy not metered to one "
        "product is shown as not allocated).",
        "flow_table": "Energy by carrier and use",
        "monthly": "Monthly energy profile",
        "month": "Month",
        "equipment": "Main equipment and energy-efficiency grades",
        "equipment_text": "Grades against GB 18613 (motors), GB 20052 (transformers), "
        "GB 24500 (boilers) and GB 19153 (air compressors), where the plant file gives the "
        "nameplate or test data.",
        "caveats": "Points to note",
        "caveats_text": "What the reader should keep in mind; the technical detail is in the "
        "audit appendix.",
        "data_sources": "Data source of each activity",
        "reasons_tech": "Measures not evaluated: technical reasons",
    },
    "zh": {
        "title": "碳排放与能源报告",
        "executive": "报告摘要",
        "signoff": "签字页",
        "consultancy": "编制单位",
        "prepared": "编制",
        "reviewed": "审核",
        "approved": "批准",
        "so_role": "职责",
        "so_name": "姓名",
        "so_signature": "签字",
        "so_date": "日期",
        "summary": "工厂概况",
        "inventory": "温室气体排放核算（GB/T 32150，按温室气体核算体系划分范围）",
        "by_category": "按 GB/T 32150 排放类别",
        "by_scope": "按范围",
        "by_gas": "按气体",
        "energy": "综合能耗（GB/T 2589）与能耗限额对标",
        "by_carrier": "按能源品种",
        "limits": "能耗限额等级对标",
        "footprints": "产品碳足迹（ISO 14067 / GB/T 24067）",
        "retrofits": "节能改造方案",
        "mac": "边际减排成本曲线",
        "score": "绿色工厂评价得分",
        "gaps": "主要差距",
        "areas": "按一级指标",
        "audit": "审计附录：所用因子",
        "sources": "引用来源",
        "warnings": "审计附录：技术提示",
        "not_available": "无法计算",
        "name": "工厂",
        "region": "地区",
        "year": "年份",
        "sector": "行业",
        "total_co2e": "排放总量",
        "total_energy": "综合能耗",
        "generated": "由 greenchain 生成",
        "products": "产品",
        "per_unit": "单位声明单位碳足迹",
        "gates": "基本要求",
        "passed": "通过",
        "failed": "未通过",
        "level": "GB 21252-2023 能耗等级",
        "none": "无",
        "norms": "印染行业规范条件（2017版）对标",
        "options": "全球变暖潜势 {gwp}；燃料缺省值 {fuel}；电网排放因子 {grid}。",
        "alone": "单独评价、未叠加进曲线的替代方案",
        "not_evaluated": "未评价的措施及所缺数据",
        "score_total": "得分 / 可评价分值 / 总分",
        "gate_table": "基本要求（一票否决）",
        "indicators": "评价指标",
        "not_eligible": "基本要求全部符合之前，不能按本评价通则判定为绿色工厂",
        "score_notes": "评分说明",
        "flow": "能源流向",
        "flow_text": "能源从外购的各能源品种，经工厂数据中所列的用途，流向各产品（单位 tce，"
        "当量值；未单独计量到某一产品的能源列为“未分摊到产品”）。",
        "flow_table": "按能源品种和用途",
        "monthly": "逐月能源消费",
        "month": "月份",
        "equipment": "主要用能设备及能效等级",
        "equipment_text": "依据 GB 18613（电动机）、GB 20052（变压器）、GB 24500（工业锅炉）和 "
        "GB 19153（空气压缩机）评定能效等级；工厂数据缺少铭牌或测试数据的设备注明所缺数据。",
        "caveats": "需要说明的事项",
        "caveats_text": "阅读本报告时需注意以下事项；技术细节见审计附录。",
        "data_sources": "各项活动数据的来源",
        "reasons_tech": "未评价措施的技术原因",
    },
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


def _sentence(text: str) -> str | None:
    """The Chinese of a whole sentence of :data:`SENTENCES`, or None."""
    for pattern, zh in SENTENCES:
        match = re.fullmatch(pattern, text.strip())
        if match:
            return zh.format(*(label(g, "zh") for g in match.groups()))
    return None


def translate(text: Any, lang: str = "en") -> str:
    """``text`` with its known sentences (:data:`PHRASES`) and ids in ``lang``.

    Notes and reasons are joined from short sentences (``"not assessable: no
    lead/base value"``); each part separated by ``": "`` or ``"; "`` that is a known
    phrase or id is translated, the rest (names, numbers) is kept.

    Parameters
    ----------
    text : str or object
        The note or reason.
    lang : {"en", "zh"}, default "en"
        Language; English text is returned as is.

    Returns
    -------
    str

    Examples
    --------
    >>> translate("not assessable: no lead/base value", "zh")
    '无法评价：缺少引领值/基准值'
    """
    text = str(text)
    if lang != "zh":
        return text
    whole = _sentence(text)
    if whole is not None:
        return whole
    out = []
    for chunk in text.split("; "):
        whole = _sentence(chunk)
        if whole is not None:
            out.append(whole)
            continue
        parts = [
            PHRASES.get(p.strip()) or _sentence(p) or label(p.strip(), lang)
            for p in chunk.split(": ")
        ]
        out.append("：".join(parts))
    return "；".join(out)
