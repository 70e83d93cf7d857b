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
# # A sports-shoe factory: product footprint, contributions and Monte Carlo
#
# **Where the inputs come from.** `examples/data/shoe_factory.yaml` is a fictional
# Jinjiang running-shoe factory. Its bill of materials per pair (EVA midsole foamed in
# the plant, rubber outsole, PU, textile upper, glue, carton) and every upstream factor
# are *illustrative, not from a published source*, and flagged `unverified`: results say
# so. Plant energy is valued with the national electricity carbon-footprint factor
# (MEE/NBS/NEA 2025 No. 3). Published context, for plausibility only (different
# boundaries and products): an MIT study put a running shoe at about 14 kgCO2e per pair
# (2013, coal-heavy grid, cradle to grave); an FIF/FDRA study found 6.7 kgCO2e per pair
# cradle to grave, of which manufacturing 1.5 kg.

# %%
import warnings

import pandas as pd

import greenchain as gc

warnings.simplefilter("ignore")
pd.set_option("display.width", 140)
plant = gc.load_plant(gc.example_path("shoe_factory.yaml"))
plant

# %% [markdown]
# ## 1. The footprint of one pair, cradle to gate

# %%
shoe = plant.product_footprint("running_shoe")
print(
    f"{shoe.per_unit:.2f~P}; allocation {shoe.allocation['method']}; "
    f"electricity {shoe.electricity['factor']} {shoe.electricity['unit']} "
    f"({shoe.electricity['dataset']} {shoe.electricity['year']})"
)
pd.DataFrame(
    [
        {"study": "this plant (cradle to gate)", "kgCO2e per pair": shoe.per_unit.magnitude},
        {"study": "FIF/FDRA athletic shoe, manufacturing stage only", "kgCO2e per pair": 1.5},
        {"study": "FIF/FDRA athletic shoe, cradle to grave", "kgCO2e per pair": 6.7},
        {"study": "MIT running shoe (2013), cradle to grave", "kgCO2e per pair": 14.0},
    ]
)

# %% [markdown]
# ## 2. Contributions by stage and by material

# %%
shoe.by_stage()

# %%
shoe.contributions.sort_values("kgco2e", ascending=False).head(10)

# %% [markdown]
# ## 3. Uncertainty (Monte Carlo)
#
# Activity-data uncertainties are given in the plant file (`uncertainty:` on materials and
# energy); factor uncertainties come from the database where the source gives bounds.
# Sampling is vectorised; the same seed gives the same result.

# %%
mc = shoe.monte_carlo(n=10_000, seed=42)
print(
    f"mean {mc.mean:.3f}, median {mc.median:.3f}, P5 {mc.p5:.3f}, P95 {mc.p95:.3f} "
    f"(deterministic {shoe.per_unit.magnitude:.3f})"
)
mc.contribution_to_variance.sort_values(ascending=False).head(8)

# %% [markdown]
# ## 4. Export for a brand's supplier portal (PACT-style)

# %%
pact = shoe.to_pact()
{k: pact[k] for k in list(pact)[:8]}

# %% [markdown]
# ## 5. What the audit trail says

# %%
shoe.factors[["item", "value", "unit", "source", "status"]].head(12)
