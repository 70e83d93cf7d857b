"""The main worked example: a Jinjiang porcelain tile plant, end to end.

Run with ``make demo``. Prints the plant's inventory (GB/T 32150 categories and GHG
Protocol scopes), its energy and GB 21252-2023 level, and where every factor comes from.
"""

from __future__ import annotations

import warnings

import greenchain as gc


def main() -> None:
    warnings.simplefilter("ignore")  # each result carries its own warnings; printed below
    plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    print(f"== {plant.name} ({plant.data.plant.region}, {plant.data.plant.year}) ==\n")

    inventory = plant.inventory()
    print(
        f"GHG inventory: {inventory.total.magnitude:,.0f} tCO2e "
        f"(GWP {inventory.options['gwp']}, grid factor basis "
        f"{inventory.options['grid_basis']})"
    )
    print(inventory.by_category().to_string(index=False, float_format="{:,.1f}".format))
    print()
    print(inventory.by_scope().to_string(index=False, float_format="{:,.1f}".format))

    energy = plant.energy()
    intensity = energy.intensity("porcelain_tile")
    print(
        f"\nComprehensive energy: {energy.total.magnitude:,.0f} tce; "
        f"{intensity.magnitude:.2f} kgce/m2 of porcelain tile"
    )
    try:
        from greenchain import grading

        attrs = plant.product("porcelain_tile").attributes
        level = grading.gb21252_level(
            intensity, product=attrs["limit_product"], water_absorption=attrs["water_absorption"]
        )
        print(f"GB 21252-2023 level: {level}")
    except ImportError:  # grading arrives with the retrofit issue
        pass

    print("\nFactors used (audit trail):")
    table = inventory.factor_table()[["key", "value", "unit", "dataset", "status"]]
    print(table.to_string(index=False))
    for text in inventory.warnings:
        print(f"warning: {text}")


if __name__ == "__main__":
    main()
