"""Caveats and reasons of the plant report in plain client language (English and Chinese).

The computations record caveats in technical terms (factor keys, clauses, field
paths, statuses): right for the audit appendix, not for a plant manager. Each
caveat is matched to a kind (:data:`CAVEAT_KINDS`) with one plain sentence per
language; the report body lists each kind once, the appendix keeps the text as
recorded. :func:`plain_reason` does the same for why a retrofit measure was not
evaluated.

Examples
--------
>>> plain_caveats(["results use unverified factors: gwp.hfc_134a (IPCC AR6)"], "en")
['Some factors have not yet been checked against their published source; the figures may change when they are.']
>>> plain_reason("capex: capex not sourced, give retrofit_options.x.capex", "zh")
'缺少投资额报价'
"""

from __future__ import annotations

import re
from collections.abc import Iterable

__all__ = ["CAVEAT_KINDS", "REASON_KINDS", "caveat_kind", "plain_caveats", "plain_reason"]

#: (kind, pattern searched in the caveat's text, English, Chinese), first match wins.
CAVEAT_KINDS: tuple[tuple[str, str, str, str], ...] = (
    (
        "grid_basis",
        r"provincial average factor|regional grid",
        "Purchased electricity is counted at the provincial average grid factor; some "
        "guidelines ask for the regional grid factor, which gives a different figure.",
        "外购电力按省级电网平均排放因子计算；部分核算指南要求采用区域电网排放因子，结果会有所不同。",
    ),
    (
        "grid_year",
        r"grid factor .* using \d{4}|no average grid factor|not published; using",
        "The grid factor of the reporting year is not yet published; the latest published "
        "year is used.",
        "核算年份的电网排放因子尚未发布，采用最近发布年份的数值。",
    ),
    (
        "market_based",
        r"market-based scope 2",
        "Green certificates and green electricity bought directly count as zero only in the "
        "market-based figure; the location-based figure counts all electricity at the grid "
        "factor.",
        "绿证及直购绿电仅在基于市场的范围二中按零排放计；基于位置的结果按电网排放因子计全部外购电力。",
    ),
    (
        "footprint_green",
        r"counted at the life-cycle grid factor|green certificates? .*footprint",
        "Product footprints count green electricity at the grid's life-cycle factor "
        "(certificates are not applied to footprints).",
        "产品碳足迹中绿色电力按电网全生命周期排放因子计（绿证不用于碳足迹）。",
    ),
    (
        "mobile",
        r"mobile combustion",
        "Methane and nitrous oxide from vehicles are not included (no default factors are "
        "available); their CO₂ is included.",
        "厂内车辆的甲烷和氧化亚氮排放未计入（缺少缺省排放因子），其二氧化碳排放已计入。",
    ),
    (
        "section",
        r"no product has a footprint section|could not be computed|has no equipment section"
        r"|no energy entry with",
        "Some sections could not be computed from the data given; each says why.",
        "部分章节因缺少数据无法计算，各章节中已注明原因。",
    ),
    (
        "installed",
        r"installed .* not netted out|not netted out",
        "Some measures were installed in part before; the part already done is not netted "
        "out of their savings until the plant file says where they were installed.",
        "部分措施此前已部分实施；在工厂数据注明实施范围之前，其节能量未扣除已实施部分。",
    ),
    (
        "out_of_range",
        r"outside the published range",
        "For some measures the modelled saving lies outside the published range; check the "
        "inputs before relying on it.",
        "部分措施的模型计算节能率超出公开文献范围，采用前应核对输入数据。",
    ),
    (
        "shared_energy",
        r"share untagged energy|energy_share",
        "Several products share energy that is not metered per product; the split between "
        "them is an assumption.",
        "多个产品共用未分别计量的能源，产品之间的分摊比例为假定值。",
    ),
    (
        "measure_saving",
        r"retrofit measure .*saving is unverified|saving is unverified",
        "The savings of some measures come from literature ranges that are not verified; "
        "replace them with measured savings before deciding on an investment.",
        "部分改造措施的节能率来自未经核实的文献范围，投资决策前应以实测数据替代。",
    ),
    (
        "gates",
        r"gates not passed",
        "Some basic requirements of the green-factory scheme are not met or not answered, so "
        "the plant cannot yet be rated a green factory.",
        "绿色工厂评价的部分基本要求未满足或未填报，目前不能评为绿色工厂。",
    ),
    (
        "score_no_data",
        r"not assessable, no data",
        "Some green-factory indicators could not be assessed for lack of data; their points "
        "are not counted.",
        "部分绿色工厂评价指标因缺少数据无法评价，其分值未计入。",
    ),
    (
        "score_thresholds",
        r"no lead/base value|no thresholds|benchmark file",
        "Some indicators have no published leading or benchmark value for this industry; "
        "their points are not counted.",
        "部分指标缺少本行业的引领值或基准值，其分值未计入。",
    ),
    (
        "gas_row",
        r"natural-gas row",
        "The energy grade depends on which natural-gas conversion factor of GB/T 2589 is "
        "used; a measured heating value of the gas settles it.",
        "能耗等级取决于采用 GB/T 2589 中哪一个天然气折标系数，建议提供天然气实测低位发热量。",
    ),
    (
        "steam",
        r"steam|enthalpy",
        "Purchased steam is converted to energy with a conventional reference that has not "
        "been checked against the guideline text.",
        "外购蒸汽按惯用的基准焓值折算为热量，该约定尚未与指南原文核对。",
    ),
    (
        "unverified",
        r"unverified|not verified|illustrative",
        "Some factors have not yet been checked against their published source; the figures "
        "may change when they are.",
        "部分排放因子或参数尚未与其发布来源核对，核对后结果可能变化。",
    ),
    (
        "font",
        r"CJK font",
        "Charts are labelled in English: no Chinese font is installed.",
        "图表以英文标注：未安装中文字体。",
    ),
    (
        "chart",
        r"^chart ",
        "A chart could not be drawn.",
        "部分图表无法绘制。",
    ),
    (
        "other",
        r"",
        "Further technical notes are listed in the audit appendix.",
        "其他技术说明见审计附录。",
    ),
)

#: (kind, pattern, English, Chinese) of the parts of a "not evaluated" reason.
REASON_KINDS: tuple[tuple[str, str, str, str], ...] = (
    ("done", r"^no saving\b|not computed|need the capex", "", ""),
    (
        "stream",
        r"no energy\[\] entry matches",
        "the plant file has no energy use this measure applies to",
        "工厂数据中没有该措施适用的能源用途",
    ),
    (
        "share",
        r"give `share`",
        "the share of the energy stream the equipment uses is not given",
        "未给出设备占所属能源用途的比例",
    ),
    (
        "yield",
        r"no yield is sourced",
        "no expected yield (electricity generated per year)",
        "缺少预期年发电量",
    ),
    (
        "range",
        r"no range sourced",
        "no published range of the saving",
        "节能率范围无公开来源",
    ),
    (
        "saving",
        r"saving|model inputs|not used, missing",
        "no measured or published saving (give a measured saving or the equipment data)",
        "缺少可靠的节能量（需提供实测节能率或设备运行数据）",
    ),
    ("capex", r"capex", "no investment quote", "缺少投资额报价"),
    ("price", r"no price", "no energy price", "缺少能源价格"),
    ("fabric", r"fabric", "the fabric class is not given", "未注明织物类别"),
    (
        "other",
        r"",
        "input data missing (see the audit appendix)",
        "缺少评价所需数据（详见审计附录）",
    ),
)


def caveat_kind(text: str) -> str:
    """The kind of a caveat (a key of :data:`CAVEAT_KINDS`).

    Parameters
    ----------
    text : str
        The caveat as recorded.

    Returns
    -------
    str
    """
    for kind, pattern, _, _ in CAVEAT_KINDS:
        if re.search(pattern, str(text)):
            return kind
    return "other"  # pragma: no cover - the last pattern matches everything


def plain_caveats(texts: Iterable[str], lang: str = "en") -> list[str]:
    """One plain sentence per kind of caveat among ``texts``, in the order first met.

    Parameters
    ----------
    texts : iterable of str
        The caveats as recorded (technical).
    lang : {"en", "zh"}, default "en"
        Language of the sentences.

    Returns
    -------
    list of str
        The "other" sentence, if any, comes last.
    """
    sentences = {k: (en, zh) for k, _, en, zh in CAVEAT_KINDS}
    kinds: list[str] = []
    for text in texts:
        kind = caveat_kind(text)
        if kind not in kinds:
            kinds.append(kind)
    if "other" in kinds:
        kinds = [k for k in kinds if k != "other"] + ["other"]
    return [sentences[k][lang == "zh"] for k in kinds]


def plain_reason(reason: str, lang: str = "en") -> str:
    """Why a measure was not evaluated, in plain words (each reason once).

    Parameters
    ----------
    reason : str
        The measure's ``reason`` (parts separated by ``"; "``).
    lang : {"en", "zh"}, default "en"
        Language.

    Returns
    -------
    str
    """
    out: list[str] = []
    for part in str(reason).split("; "):
        for _, pattern, en, zh in REASON_KINDS:
            if re.search(pattern, part):
                text = zh if lang == "zh" else en
                if text and text not in out:
                    out.append(text)
                break
    return ("；" if lang == "zh" else "; ").join(out)
