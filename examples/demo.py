"""The main worked example: a Jinjiang porcelain tile plant, end to end.

Run with ``make demo``. Computes the inventory, energy and GB 21252-2023 level, the
tile footprint, the retrofit options, and the green-factory score before and after
the best package; writes ``out/report.html`` (one self-contained page) and PNG charts
to ``out/``, and prints a short summary with the report path.
"""

from __future__ import annotations

import sys
import warnings
from pathlib import Path

import greenchain as gc
from greenchain.decisions import grading

OUT = Path("out")


def _charts(plant, inventory, energy, retrofits, score, limits, intensity) -> list[Path]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from greenchain.interface import plots

    # stack the package's increments; alternatives evaluated alone are left out
    drawable = gc.retrofit.curve_rows(retrofits)
    jobs = {
        "emissions_by_category.png": (plots.emissions_by_category, (inventory,)),
        "emissions_by_scope.png": (plots.emissions_by_scope, (inventory,)),
        "energy_by_carrier.png": (plots.energy_by_carrier, (energy,)),
        "limit_standing.png": (plots.limit_standing, (intensity, limits)),
        "mac_curve.png": (plots.mac_curve, (drawable,)),
        "retrofit_waterfall.png": (plots.retrofit_waterfall, (inventory.total.magnitude, drawable)),
        "score_radar.png": (plots.area_radar, (score,)),
    }
    written = []
    for name, (draw, args) in jobs.items():
        fig = draw(*args).figure  # each function makes its own figure when ax is None
        fig.set_size_inches(8, 4.5)
        fig.tight_layout()
        fig.savefig(OUT / name, dpi=110)
        plt.close(fig)
        written.append(OUT / name)
    return written


def main() -> int:
    warnings.simplefilter("ignore")  # every result carries its warnings; the report lists them
    OUT.mkdir(exist_ok=True)
    plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    inventory, energy = plant.inventory(), plant.energy()
    attrs = plant.product("porcelain_tile").attributes
    intensity = energy.intensity("porcelain_tile")
    limits = grading.gb21252_limits(attrs["limit_product"], attrs["water_absorption"])
    level = grading.gb21252_level(
        intensity, product=attrs["limit_product"], water_absorption=attrs["water_absorption"]
    )
    footprint = plant.product_footprint("porcelain_tile")
    retrofits = plant.retrofits()
    score = plant.green_factory_score("GB/T 36132-2025")

    table = retrofits.set_index("measure")
    saves_money = (table["energy_saved_tce"] > 0) & (table["abatement_cost"] < 0)
    best = [m for m in table.index[saves_money] if m != "dry_granulation"]  # an alternative
    after = plant.apply_package(best)
    after_intensity = after.energy().intensity("porcelain_tile")
    after_level = grading.gb21252_level(
        after_intensity, product=attrs["limit_product"], water_absorption=attrs["water_absorption"]
    )
    after_score = after.green_factory_score("GB/T 36132-2025")

    print(f"== {plant.name} ({plant.data.plant.region}, {plant.data.plant.year}) ==")
    print(
        f"GHG inventory        {inventory.total.magnitude:12,.0f} tCO2e "
        f"(GWP {inventory.options['gwp']}, Fujian grid {plant.data.plant.year})"
    )
    for row in inventory.by_category().itertuples():
        print(f"  {row.category:<22} {row.co2e_t:12,.0f} tCO2e")
    print(
        f"Energy               {energy.total.magnitude:12,.0f} tce; "
        f"{intensity.magnitude:.2f} kgce/m2 -> GB 21252-2023 level {level}"
    )
    print(f"Tile footprint       {footprint.per_unit.magnitude:12.2f} kgCO2e/m2 (cradle to gate)")
    print(f"Best package         {', '.join(best)}")
    print(
        f"  after:             {after_intensity.magnitude:12.2f} kgce/m2 -> level {after_level}; "
        f"CO2e avoided {inventory.total.magnitude - after.inventory().total.magnitude:,.0f} t/yr"
    )
    print(
        f"Green-factory score  {score.total:12.2f} -> {after_score.total:.2f} of "
        f"{score.max_total:.0f} (GB/T 36132-2025 Annex C example weights; "
        f"{score.assessable_total:.0f} points assessable)"
    )
    print("Key factors (source, status):")
    for key in ("fuel.natural_gas.ncv", "fuel.natural_gas.carbon_content", "electricity.grid"):
        for f in inventory.factors_used:
            if f.key == key:
                print(f"  {key:<33} {f.value:>9} {f.unit:<12} {f.citation()}")
                break
    try:
        charts = _charts(plant, inventory, energy, retrofits, score, limits, intensity)
        print(f"Charts               {len(charts)} PNG files in {OUT}/")
    except ImportError as exc:  # plots module missing in a partial install
        print(f"Charts               skipped ({exc})")
    report = plant.report(OUT / "report.html")
    print(f"Report               {report.resolve()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
