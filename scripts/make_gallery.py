"""Render the plot gallery (docs/gallery.md) into docs/assets/gallery/*.png.

Run from the repository root::

    python scripts/make_gallery.py

The inventory, energy and GB 21252-2023 plots use the example tile plant
(examples/data/tile_plant.yaml, illustrative data). The waterfall, MAC curve and
radar use the small labelled ILLUSTRATIVE tables below, not results of the
retrofit or scoring modules; each title says so. With a CJK font installed, one
Chinese version (emissions_by_category_zh.png) is rendered as well.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pandas as pd  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import greenchain as gc  # noqa: E402
from greenchain import plots  # noqa: E402
from greenchain.grading import gb21252_limits  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "assets" / "gallery"

#: Illustrative measures (names of typical tile-plant measures; numbers made up for the
#: picture, NOT computed by greenchain and not to be quoted).
ILLUSTRATIVE_MEASURES = pd.DataFrame(
    {
        "measure": [
            "kiln waste heat to dryers",
            "kiln O2 trim",
            "VFD on fans and pumps",
            "continuous ball mill",
            "rooftop PV",
        ],
        "co2_avoided_t": [5000.0, 700.0, 500.0, 700.0, 1400.0],
        "abatement_cost": [-1800.0, -1700.0, -1500.0, -180.0, 250.0],
    }
)
#: Illustrative share of points per GB/T 36132-2025 area (made up for the picture).
ILLUSTRATIVE_AREAS = {
    "energy_low_carbon": 0.62,
    "resource_efficiency": 0.48,
    "clean_production": 0.75,
    "green_products": 0.30,
    "intensive_land_use": 0.55,
}


def save(ax: plt.Axes, name: str) -> Path:
    path = OUT / f"{name}.png"
    fig = ax.get_figure(root=True)
    assert isinstance(fig, Figure)
    fig.tight_layout()
    fig.savefig(path, dpi=100, metadata={"Software": None})
    plt.close(fig)
    print(f"wrote {path.relative_to(OUT.parent.parent.parent)}")
    return path


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the warnings are part of the results, not the plots
        inventory = plant.inventory()
        energy = plant.energy()
    product = plant.data.products[0]
    limits = gb21252_limits(
        product.attributes["limit_product"],
        product.attributes.get("water_absorption"),
        product.attributes.get("thickness_factor", 1.0),
    )

    save(plots.emissions_by_category(inventory), "emissions_by_category")
    save(plots.emissions_by_scope(inventory), "emissions_by_scope")
    save(plots.energy_by_carrier(energy), "energy_by_carrier")
    save(plots.limit_standing(energy.intensity(product.id), limits), "limit_standing")

    ax = plots.retrofit_waterfall(inventory.total, ILLUSTRATIVE_MEASURES)
    ax.set_title(ax.get_title() + "\n(tile plant baseline; illustrative measures)")
    save(ax, "retrofit_waterfall")
    ax = plots.mac_curve(ILLUSTRATIVE_MEASURES)
    ax.set_title(ax.get_title() + " (illustrative data)")
    save(ax, "mac_curve")
    ax = plots.score_radar(ILLUSTRATIVE_AREAS, title="Share of points per area (illustrative)")
    save(ax, "score_radar")

    if plots.use_cjk_font():
        save(plots.emissions_by_category(inventory, lang="zh"), "emissions_by_category_zh")
    else:
        print("no CJK font installed: emissions_by_category_zh.png not rendered")


if __name__ == "__main__":
    main()
