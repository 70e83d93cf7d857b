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
# # A snack-food plant: fuels, purchased CO2, bicarbonate, anaerobic wastewater, R-404A
#
# **Where the inputs come from.** `examples/data/snack_food_plant.yaml` is a fictional
# Jinjiang snack-food plant; every amount is illustrative. The process-emission methods are
# those of the NDRC 2015 food guideline (GB/T 32151.25-2024 replaces it): purchased CO2 used
# times its loss ratio (40 % for single filling), carbonates, and anaerobic wastewater CH4
# with the sector's MCF (0.7 for food manufacturing, shipped `unverified` because the
# guideline's table as transcribed is inconsistent; the result says so). No published
# figure for a comparable Chinese snack plant was found.

# %%
import warnings

import pandas as pd

import greenchain as gc

warnings.simplefilter("ignore")
pd.set_option("display.width", 140)
plant = gc.load_plant(gc.example_path("snack_food_plant.yaml"))
plant

# %% [markdown]
# ## 1. The inventory by category and gas

# %%
inv = plant.inventory()
print(f"total {inv.total:,.1f~P}")
inv.by_category()

# %%
inv.by_gas()

# %% [markdown]
# ## 2. The process rows with their factors and statuses

# %%
a = inv.activities
a.loc[
    a["category"] == "industrial_process",
    ["use", "co2_t", "ch4_t", "other_gas", "co2e_t", "status"],
]

# %% [markdown]
# ## 3. The NDRC guideline view (SAR GWPs, no refrigerants)

# %%
ndrc = plant.inventory(regime="ndrc_guideline")
print(f"{ndrc.total:,.1f~P}; outside the boundary: {ndrc.options['excluded']}")
