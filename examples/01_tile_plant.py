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
# # A Jinjiang porcelain tile plant, end to end
#
# Inventory, energy and its GB 21252-2023 level, the footprint of one square metre of
# tile, retrofit options with their abatement cost curve, and the green-factory score
# before and after the best package.
#
# **Where the inputs come from.** The plant is fictional: `examples/data/tile_plant.yaml`
# holds illustrative inputs typical of a Jinjiang dry-pressed porcelain tile line (each
# anchored fact is commented in the file: natural gas since the 2013 switch, ball mills at
# 40-50 % of the electricity). Every *factor* comes from the cited database
# (`factors/`, see the Data sources page) and carries its verification status.

# %%
import warnings

import pandas as pd

import greenchain as gc
from greenchain.accounting import emissions
from greenchain.decisions import grading

warnings.simplefilter("ignore")  # each result carries its own warnings; shown below
pd.set_option("display.width", 140)
plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
plant

# %% [markdown]
# ## 1. Factors: computed beside the published figure

# %%
ng = emissions.fuel_combustion("natural_gas", gc.Q_(1, "wan_Nm3")).m_as("tCO2")
grid = gc.factors.grid_electricity("Fujian", 2023)
check = pd.DataFrame(
    [
        {
            "quantity": "natural gas EF, tCO2 per 10^4 Nm3",
            "computed": ng,
            "published": 21.6219,
            "source": "389.31 x 0.0153 x 0.99 x 44/12, GB/T 32150-2015 set (factors.md 2.3)",
        },
        {
            "quantity": "Fujian grid 2023, kgCO2/kWh",
            "computed": grid.value,
            "published": 0.4211,
            "source": grid.citation(),
        },
        {
            "quantity": "electricity, kgce/kWh (equal value)",
            "computed": gc.energy.standard_coal(gc.Q_(1, "kWh"), "electricity").m_as("kgce"),
            "published": 0.1229,
            "source": "GB/T 2589-2020 Table A.2",
        },
    ]
)
check

# %% [markdown]
# ## 2. GHG inventory (GB/T 32150 categories, GHG Protocol scopes)

# %%
inventory = plant.inventory()
print(f"total {inventory.total:,.0f~P} (GWP {inventory.options['gwp']})")
inventory.by_category()

# %%
inventory.by_scope()

# %% [markdown]
# ## 3. Energy and standing against GB 21252-2023

# %%
energy = plant.energy()
intensity = energy.intensity("porcelain_tile")
attrs = plant.product("porcelain_tile").attributes
limits = grading.gb21252_limits(attrs["limit_product"], attrs["water_absorption"])
level = grading.gb21252_level(
    intensity, product=attrs["limit_product"], water_absorption=attrs["water_absorption"]
)
print(f"comprehensive energy {energy.total:,.0f~P}; {intensity:.2f~P}")
print(
    f"GB 21252-2023 (E <= 0.2 %): level 1 {limits.level_1:~P}, level 2 {limits.level_2:~P}, "
    f"level 3 {limits.level_3:~P} (published 4.5 / 5.5 / 7.0) -> level {level}"
)
energy.by_carrier()

# %% [markdown]
# ## 4. Footprint of one square metre of tile (ISO 14067 / GB/T 24067)
#
# Upstream factors in the plant file are illustrative and flagged `unverified`;
# electricity uses the national life-cycle factor, not the inventory's CO2 factor.

# %%
footprint = plant.product_footprint("porcelain_tile")
print(
    f"{footprint.per_unit:.2f~P}; electricity: {footprint.electricity['factor']} "
    f"{footprint.electricity['unit']} ({footprint.electricity['dataset']})"
)
footprint.by_stage()

# %% [markdown]
# ## 5. Retrofit options and the abatement cost curve

# %%
retrofits = plant.retrofits()
retrofits[list(gc.retrofit.SUMMARY_COLUMNS)]  # blanks (NaN) say why in `reason`

# %%
# stack the package's increments; alternatives evaluated alone are left out
drawable = gc.retrofit.curve_rows(retrofits)
ax = gc.retrofit.macc(drawable)
ax.set_title("Tile plant: marginal abatement cost curve")

# %% [markdown]
# ## 6. Green-factory score (GB/T 36132-2025) before and after the best package
#
# The energy indicator's benchmark and leading values are GB 21252-2023 levels 2 and 1.
# Points per indicator are the standard's own example weights (Annex C Table C.1, 100 in
# all); an indicator the plant file cannot assess is shown as not assessable, not as 0.

# %%
score = plant.green_factory_score("GB/T 36132-2025")
print(score)
score.by_indicator[
    ["indicator", "value", "unit", "benchmark", "leading", "points", "score", "status"]
].head(8)

# %%
table = retrofits.set_index("measure")
saves_money = (table["energy_saved_tce"] > 0) & (table["abatement_cost"] < 0)
best = [m for m in table.index[saves_money] if m != "dry_granulation"]  # an alternative
plant.score_with_measures(best)

# %%
after = plant.apply_package(best)  # a new Plant; `plant` is unchanged
after_intensity = after.energy().intensity("porcelain_tile")
after_level = grading.gb21252_level(
    after_intensity, product=attrs["limit_product"], water_absorption=attrs["water_absorption"]
)
print(f"after the package: {after_intensity:.2f~P}, GB 21252-2023 level {after_level}")

# %% [markdown]
# ## 7. The report, and what to check
#
# `plant.report("out/report.html")` writes everything above in one HTML file with the
# audit appendix. Warnings name every unverified factor and default used:

# %%
for text in inventory.warnings + footprint.warnings:
    print("-", text)

# %% [markdown]
# ## 8. One roller kiln's heat balance, term by term (PHAST)
#
# The kiln's gross gas input is what its heat uses and losses need, divided by the
# available heat of the flame; the flue takes the rest (US DOE MEASUR's PHAST method,
# `greenchain.processes.kiln_balance`). Flue O2, flue, air and shell temperatures and
# the shell area are the plant file's; the other `kiln` values are **illustrative inputs
# written for this example** (typical of a large porcelain-tile roller kiln), not
# published or measured data. The gas composition is MEASUR's "Typical Natural Gas - US"
# test gas (`tests/cpp/GasFlueGasMaterial.unit.cpp`), not Jinjiang's pipeline gas.

# %%
from greenchain.processes import flue_gas, furnace_losses, kiln_balance, kilns  # noqa: E402

Q_ = gc.Q_
kiln = {  # illustrative example inputs, one kiln
    "tile_output": Q_(5.5, "t/h"),
    "tile_specific_heat": Q_(0.92, "kJ/kg/K"),
    "tile_entry_temperature": Q_(30, "degC"),
    "tile_exit_temperature": Q_(60, "degC"),
    "firing_reaction_heat": Q_(300, "kJ/kg"),  # dehydroxylation and decomposition, net
    "cooling_air": Q_(20000, "m^3/h"),  # normal m3, as the plant file's recovered air
    "cooling_air_exit_temperature": Q_(180, "degC"),
    "air_density": Q_(1.293, "kg/m^3"),  # dry air at 0 degC, 101.325 kPa
    "air_specific_heat": Q_(1.006, "kJ/kg/K"),
    "peephole_count": 24,
    "peephole_diameter": Q_(60, "mm"),
    "wall_thickness": Q_(400, "mm"),
    "firing_temperature": Q_(1180, "degC"),
    "peephole_open_fraction": 0.05,
    "leak_area": Q_(0.04, "m^2"),
    "leak_draft": Q_(4, "Pa"),
    "leak_gas_temperature": Q_(900, "degC"),
    "leak_discharge_coefficient": 0.8052,  # MEASUR's example value
}
unit = next(e for e in plant.data.equipment if e.id == "roller_kilns")
fields = ("flue_o2", "flue_temperature", "combustion_air_temperature", "ambient_temperature")
fields += ("surface_area", "surface_temperature")
params = {k: gc.units.parse_quantity(getattr(unit, k)) for k in fields}
ambient = params["ambient_temperature"]
gas = {
    k: Q_(v, "percent")
    for k, v in {"CH4": 87, "C2H6": 8.5, "N2": 3.6, "H2": 0.4, "CO2": 0.4, "O2": 0.1}.items()
}
flame = flue_gas.gas_available_heat(
    gas,
    params["flue_temperature"],
    flue_o2=params["flue_o2"],
    combustion_air_temperature=params["combustion_air_temperature"],
    fuel_temperature=ambient,
    ambient_temperature=ambient,
)
m, cp = kiln["tile_output"], kiln["tile_specific_heat"]
dt = kiln["tile_exit_temperature"].to("K") - kiln["tile_entry_temperature"].to("K")
terms = {
    "tile (sensible + reactions)": (m * cp * dt + m * kiln["firing_reaction_heat"]).to("kW"),
    "shell (walls and roof)": kilns.wall_loss(
        params["surface_area"], params["surface_temperature"], ambient
    ),
    "cooling-zone air": furnace_losses.gas_cooling_loss(
        kiln["cooling_air"],
        ambient,
        kiln["cooling_air_exit_temperature"],
        specific_heat=kiln["air_specific_heat"],
        density=kiln["air_density"],
    ),
    "peepholes": kiln["peephole_count"]
    * furnace_losses.opening_radiation_loss(
        kiln["firing_temperature"],
        ambient,
        wall_thickness=kiln["wall_thickness"],
        emissivity=0.9,  # illustrative
        diameter=kiln["peephole_diameter"],
        open_fraction=kiln["peephole_open_fraction"],
    ),
    "leakage": furnace_losses.leakage_loss(
        kiln["leak_area"],
        kiln["leak_draft"],
        kiln["leak_gas_temperature"],
        ambient,
        discharge_coefficient=kiln["leak_discharge_coefficient"],
        specific_gravity=1.0,
    ),
}
balance = kiln_balance.furnace_heat_balance(terms, flame.available_heat)
assert abs(balance.closure.m_as("kW")) <= 1e-6 * balance.heat_input.m_as("kW")
print(
    f"excess air {flame.excess_air.m_as('percent'):.0f} %, available heat "
    f"{flame.available_heat.m_as('percent'):.1f} %; gross gas input {balance.heat_input:.0f~P}, "
    f"closure {balance.relative_closure.m_as(''):.1e} of the input"
)
pd.DataFrame(
    {
        "kW": {k: v.m_as("kW") for k, v in balance.terms.items()},
        "share": {k: v.m_as("") for k, v in balance.shares.items()},
    }
).round(3)
