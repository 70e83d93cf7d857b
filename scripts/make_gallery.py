"""Render the plot gallery (docs/gallery.md) into docs/assets/gallery/*.png.

Run from the repository root::

    python scripts/make_gallery.py

Every plot shows results computed by greenchain for the example tile plant
(examples/data/tile_plant.yaml, a fictional plant with illustrative inputs): the
inventory, energy and GB 21252-2023 standing, the retrofit package (waterfall and MAC
curve, alternatives evaluated alone left out) and the GB/T 36132-2025 score by area.
With a CJK font installed, one Chinese version (emissions_by_category_zh.png) is
rendered as well.
"""

from __future__ import annotations

import warnings
from pathlib import Path

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402

import greenchain as gc  # noqa: E402
from greenchain.decisions.grading import gb21252_limits  # noqa: E402
from greenchain.interface import plots  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "assets" / "gallery"


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

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        retrofits = plant.retrofits()
        areas = plant.green_factory_score("GB/T 36132-2025").by_area
    package = gc.retrofit.curve_rows(retrofits)
    save(plots.retrofit_waterfall(inventory.total, package), "retrofit_waterfall")
    save(plots.mac_curve(package), "mac_curve")
    save(plots.score_radar(areas.set_index("area")["share"].fillna(0.0)), "score_radar")

    if plots.use_cjk_font():
        save(plots.emissions_by_category(inventory, lang="zh"), "emissions_by_category_zh")
    else:
        print("no CJK font installed: emissions_by_category_zh.png not rendered")


if __name__ == "__main__":
    main()
