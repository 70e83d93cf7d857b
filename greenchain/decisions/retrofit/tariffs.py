"""Reference electricity tariffs, used only when a plant file gives no electricity price.

The data are dated and cited (``factors/tariffs_fujian.csv``: the State Grid Fujian
agency-purchase tariffs transcribed for 2025-08 and 2026-07;
``factors/tariffs_fujian_tou.csv``: the time-of-use rule 闽发改规〔2023〕8号). A Fujian
plant without ``prices.electricity`` is priced at the **flat-period** energy charge of
the latest transcribed month of its user class (两部制 two-part when its transformers
total 315 kVA or more, the eligibility threshold of 发改价格〔2023〕526号; else 单一制
single-part), and a caveat says so: the month, the class, and that demand and capacity
charges are not included. Plants outside Fujian get no reference price.

Examples
--------
>>> rows = tariff_rows()
>>> rows[0]["month"], rows[0]["flat"]
('2025-08', '0.584169')
>>> tou_multipliers()["valley"]
0.37
"""

from __future__ import annotations

from typing import Any

from greenchain.data.plant_file import PlantData
from greenchain.data.tables import read_table
from greenchain.errors import GreenchainWarning, caveat

__all__ = ["tariff_rows", "tou_multipliers", "reference_price"]

#: transformer capacity from which a user may choose the two-part tariff [kVA]
#: (发改价格〔2023〕526号, sectors_prices.md 4.4)
TWO_PART_KVA = 315.0


def tariff_rows() -> list[dict[str, str]]:
    """The transcribed Fujian tariffs (``factors/tariffs_fujian.csv``).

    Returns
    -------
    list of dict
        One row per month and user class.
    """
    return read_table("tariffs_fujian.csv")


def tou_multipliers() -> dict[str, float]:
    """Multipliers of the purchase-price component by period (闽发改规〔2023〕8号).

    Returns
    -------
    dict
        Period -> multiplier [-].
    """
    return {r["period"]: float(r["multiplier"]) for r in read_table("tariffs_fujian_tou.csv")}


def _kva(data: PlantData) -> float:
    total = 0.0
    for eq in data.equipment:
        if eq.kind != "transformer":
            continue
        value: Any = (eq.model_extra or {}).get("rated_power")
        try:
            total += float(str(value).split()[0]) * eq.count
        except (TypeError, ValueError, IndexError):
            continue
    return total


def reference_price(data: PlantData, carrier: str) -> str | None:
    """A reference price for a carrier the plant file gives no price for, or None.

    Parameters
    ----------
    data : PlantData
        The plant data (its region and transformers).
    carrier : str
        The energy carrier.

    Returns
    -------
    str or None
        ``"0.584169 CNY/kWh"`` for electricity in Fujian (with a caveat naming the
        tariff); None otherwise.
    """
    if carrier != "electricity" or "fujian" not in str(data.plant.region).lower():
        return None
    category = "two_part" if _kva(data) >= TWO_PART_KVA else "single_part"
    rows = [r for r in tariff_rows() if r["category"] == category]
    if not rows:
        return None
    row = max(rows, key=lambda r: r["month"])
    caveat(
        f"no electricity price in prices: the reference tariff is used, State Grid Fujian "
        f"{row['category_zh']} {row['voltage']} {row['month']} flat-period energy charge "
        f"{row['flat']} CNY/kWh ({row['source_id']}, {row['status']}; no load profile, so no "
        "time-of-use shifting; demand and capacity charges not included)",
        GreenchainWarning,
        field="prices.electricity",
    )
    return f"{row['flat']} {row['unit']}"
