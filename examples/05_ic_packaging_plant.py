# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---


# %% [markdown]
# # An IC packaging-and-test plant: etch and CVD F-gases, a chiller on R-410A, SF6 switchgear
#
# **Where the inputs come from.** `examples/data/ic_packaging_plant.yaml` is a fictional
# Jinjiang packaging-and-test plant; every amount is illustrative. Every factor comes from
# the database: IPCC 2006 Vol.3 Ch.6 Tier 2a/2b defaults for the etch and CVD gases (the
# NDRC electronics guideline and GB/T 32151.24-2024 use the same), IPCC destruction
# efficiencies, ASHRAE 34 blend compositions and IPCC GWP100 by report. No published
# plant-level figure for a Chinese packaging-and-test plant was found; the method is checked
# against the reference's worked case (1 t CF4 -> 1,135.8 tCO2e, below).

# %%
import warnings

import pandas as pd

import greenchain as gc
from greenchain.accounting import fgases

warnings.simplefilter("ignore")
pd.set_option("display.width", 140)
plant = gc.load_plant(gc.example_path("ic_packaging_plant.yaml"))
plant

# %% [markdown]
# ## 1. Refrigerant blends: GWP from the ASHRAE 34 composition
#
# Beside them, the AR4 values published in the US EPA's Technology Transitions GWP
# reference table (as quoted by refrigerant data pages; R-22 is a pure gas, 1,810 from
# memory and shipped `unverified`).

# %%
blends = pd.DataFrame(
    {
        ar: [gc.gwp(b, ar=ar) for b in ("R-410A", "R-407C", "R-404A", "R-507A", "R-22")]
        for ar in ("AR4", "AR5", "AR6")
    },
    index=["R-410A", "R-407C", "R-404A", "R-507A", "R-22 (HCFC)"],
)
blends["AR4 published"] = [2088, 1774, 3922, 3985, None]
blends

# %% [markdown]
# ## 2. The method on the reference's worked case (IPCC Tier 2a, CF4)

# %%
case = fgases.electronics_fgas("CF4", gc.Q_(1, "t"), heel=0.1, abatement=0.9, dre=0.9)
print(f"{case['co2e_t'].sum():,.1f} tCO2e (reference: 1,135.8)")

# %% [markdown]
# ## 3. The plant's inventory, by gas (GB/T 32150, AR6)
#
# R-22 (HCFC-22) is outside the Kyoto basket: it is not in the total and is shown as a
# memo item.

# %%
inv = plant.inventory()
print(f"total {inv.total:,.1f~P}; memo (outside the basket): {inv.options.get('excluded')}")
inv.by_gas()

# %% [markdown]
# ## 4. Every regime


# %%
rows = []
for regime in ("gbt32150", "ndrc_guideline", "fujian_ets", "ghg_protocol", "iso14064"):
    r = plant.inventory(regime=regime)
    rows.append(
        {
            "regime": regime,
            "total_tco2e": r.total.m_as("tCO2e"),
            "excluded": r.options.get("excluded"),
        }
    )
pd.DataFrame(rows)
