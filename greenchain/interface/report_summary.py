"""The executive summary of the plant report: 基本情况, 主要结论, 建议.

:func:`executive_summary` writes short sentences in plain English or Chinese from the
results the report computed (inventory, energy, norm standings, retrofits, score).
A result that could not be computed is left out.

Examples
--------
>>> blocks = executive_summary({"plant": "Mill", "year": 2024, "sector": "Dyeing"}, "en")
>>> blocks[0]
('heading', 'Overview')
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from greenchain.interface.labels import label
from greenchain.interface.report_format import format_money, format_number, format_percent

__all__ = ["executive_summary"]

_TEXT = {
    "overview": ("Overview", "基本情况"),
    "findings": ("Main findings", "主要结论"),
    "advice": ("Recommendations", "建议"),
    "plant": (
        "{plant} ({sector}, {region}) reports for {year}. Products: {products}.",
        "{plant}（{sector}，{region}），核算年度 {year} 年。主要产品：{products}。",
    ),
    "emissions": (
        "Greenhouse-gas emissions were {total} tCO₂e: {scope1} tCO₂e direct (scope 1) and "
        "{scope2} tCO₂e from purchased electricity and heat (scope 2, location-based).",
        "温室气体排放总量 {total} tCO₂e，其中直接排放（范围一）{scope1} tCO₂e，"
        "外购电力和热力间接排放（范围二，基于位置）{scope2} tCO₂e。",
    ),
    "energy": (
        "Comprehensive energy consumption was {total} tce; {carrier} is the largest "
        "carrier ({share}).",
        "综合能源消费量 {total} tce，其中{carrier}占比最大（{share}）。",
    ),
    "standing": ("{product}: {limit} {standing}.", "{product}：{limit}{standing}。"),
    "measures": (
        "{n} of {all} retrofit measures were evaluated; together they would save up to "
        "{tce} tce and {co2} tCO₂e a year (measures overlap, so the package saves less). "
        "{paying} of them save money over their life (negative abatement cost).",
        "共 {all} 项节能改造措施，已评价 {n} 项；单项合计每年最多可节能 {tce} tce、减排 "
        "{co2} tCO₂e（措施之间有重叠，组合实施的效果小于单项之和）。其中 {paying} "
        "项在寿命期内可节约费用（减排成本为负）。",
    ),
    "score": (
        "Green-factory score ({scheme}): {total} of {assessable} assessable points ({max} in all).",
        "绿色工厂评价（{scheme}）：得分 {total}，可评价分值 {assessable}，总分 {max}。",
    ),
    "gates_failed": (
        "Basic requirements not yet met or not answered: {gates}.",
        "尚未符合或未填报的基本要求：{gates}。",
    ),
    "first": (
        "Start with {names}: payback {payback} years, {capex} investment in all.",
        "优先实施{names}：静态回收期 {payback} 年，合计投资 {capex}。",
    ),
    "missing": (
        "Supply the missing data to evaluate: {names}.",
        "补充数据后可评价：{names}。",
    ),
    "gates": (
        "Document the basic requirements (veto items) before applying for a green-factory rating.",
        "申报绿色工厂前，应先整理并满足基本要求（一票否决项）的证明材料。",
    ),
    "none": (
        "No recommendation could be computed from the data given.",
        "现有数据不足以提出建议。",
    ),
}


def _t(key: str, lang: str, **values: Any) -> str:
    return _TEXT[key][lang == "zh"].format(**values)


def _sep(lang: str) -> str:
    return "、" if lang == "zh" else ", "


def _overview(facts: dict[str, Any], lang: str) -> list[str]:
    out = [
        _t(
            "plant",
            lang,
            plant=facts.get("plant", ""),
            sector=facts.get("sector", ""),
            region=facts.get("region", ""),
            year=facts.get("year", ""),
            products=_sep(lang).join(facts.get("products", [])) or "—",
        )
    ]
    inventory = facts.get("inventory")
    if inventory is not None:
        scopes = inventory.by_scope().set_index("scope")["co2e_t"]
        out.append(
            _t(
                "emissions",
                lang,
                total=format_number(inventory.total.magnitude, lang, decimals=0),
                scope1=format_number(scopes.get("scope_1"), lang, decimals=0),
                scope2=format_number(scopes.get("scope_2_location"), lang, decimals=0),
            )
        )
    energy = facts.get("energy")
    if energy is not None:
        carriers = energy.by_carrier()
        if len(carriers):
            top = carriers.sort_values("tce", ascending=False).iloc[0]
            out.append(
                _t(
                    "energy",
                    lang,
                    total=format_number(energy.total.magnitude, lang, decimals=0),
                    carrier=label(top["carrier"], lang),
                    share=format_percent(top.get("share"), lang),
                )
            )
    return out


def _findings(facts: dict[str, Any], lang: str) -> list[str]:
    out = [
        _t("standing", lang, product=p, limit=limit, standing=standing)
        for p, limit, standing in facts.get("standings", [])
    ]
    table = facts.get("retrofits")
    if isinstance(table, pd.DataFrame) and len(table):
        done = table[table["co2_avoided_t"].notna()]
        cost = pd.to_numeric(done["abatement_cost"], errors="coerce")
        out.append(
            _t(
                "measures",
                lang,
                n=len(done),
                all=len(table),
                tce=format_number(pd.to_numeric(done["energy_saved_tce"]).sum(), lang, 0),
                co2=format_number(pd.to_numeric(done["co2_avoided_t"]).sum(), lang, 0),
                paying=int((cost < 0).sum()),
            )
        )
    score = facts.get("score")
    if score is not None:
        out.append(
            _t(
                "score",
                lang,
                scheme=score.scheme.document,
                total=format_number(score.total, lang, 1),
                assessable=format_number(score.assessable_total, lang, 1),
                max=format_number(score.max_total, lang, 0),
            )
        )
        if not score.gates_passed:
            names = facts.get("gate_names", {})
            sep = "；" if lang == "zh" else "; "
            gates = sep.join(str(names.get(g, g)) for g in score.failed_gates)
            out.append(_t("gates_failed", lang, gates=gates))
    return out


def _advice(facts: dict[str, Any], lang: str) -> list[str]:
    out = []
    table = facts.get("retrofits")
    if isinstance(table, pd.DataFrame) and len(table):
        done = table[table["co2_avoided_t"].notna()].copy()
        done["payback"] = pd.to_numeric(done["simple_payback_years"], errors="coerce")
        quick = done[done["payback"].notna()].sort_values("payback").head(3)
        if len(quick):
            capex = pd.to_numeric(quick["capex"], errors="coerce").sum()
            unit = " 万元" if lang == "zh" else " CNY"
            paybacks = [format_number(v, lang, 1) for v in quick["payback"]]
            out.append(
                _t(
                    "first",
                    lang,
                    names=_sep(lang).join(str(n) for n in quick["measure"]),
                    payback=f"{paybacks[0]}–{paybacks[-1]}" if len(paybacks) > 1 else paybacks[0],
                    capex=format_money(capex, lang) + unit,
                )
            )
        missing = table.loc[table["co2_avoided_t"].isna(), "measure"]
        if len(missing):
            out.append(_t("missing", lang, names=_sep(lang).join(str(n) for n in missing)))
    score = facts.get("score")
    if score is not None and not score.gates_passed:
        out.append(_t("gates", lang))
    return out or [_t("none", lang)]


def executive_summary(facts: dict[str, Any], lang: str = "en") -> list[tuple[str, Any]]:
    """Blocks of the executive summary: overview, main findings, recommendations.

    Parameters
    ----------
    facts : dict
        What the report computed: ``plant``, ``sector``, ``region``, ``year``,
        ``products`` (names with output), ``inventory``, ``energy``, ``standings``
        (product, limit, standing), ``retrofits`` (the retrofit table with measure
        names), ``score`` and ``gate_names``; any may be missing.
    lang : {"en", "zh"}, default "en"
        Language of the sentences.

    Returns
    -------
    list of (str, object)
        Report blocks: a ``heading`` then a ``list`` of sentences, three times.
    """
    blocks: list[tuple[str, Any]] = []
    for key, sentences in (
        ("overview", _overview(facts, lang)),
        ("findings", _findings(facts, lang)),
        ("advice", _advice(facts, lang)),
    ):
        if sentences:
            blocks += [("heading", _t(key, lang)), ("list", sentences)]
    return blocks
