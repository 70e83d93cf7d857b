"""The ``Plant`` facade: one plant file, every analysis as a method.

``Plant`` holds the validated plant data (:class:`greenchain.data.plant_file.PlantData`) and
passes it to the functions of the lower layers; it adds no method of its own.

Examples
--------
>>> import greenchain as gc
>>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
>>> plant.name
'Jinjiang porcelain tile plant (example)'
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from greenchain.accounting.energy import EnergyResult, plant_energy
from greenchain.accounting.inventory import InventoryResult, plant_inventory
from greenchain.accounting.records import plant_records
from greenchain.data.plant_file import PlantData, Product

__all__ = ["Plant"]


class Plant:
    """A plant described by a plant file.

    Parameters
    ----------
    data : PlantData
        Validated plant data.
    source : str, optional
        The file it was read from (named in error messages).
    """

    def __init__(self, data: PlantData, source: str | None = None):
        self.data = data
        self.source = source

    @property
    def name(self) -> str:
        """Plant name."""
        return self.data.plant.name

    @property
    def source_name(self) -> str | None:
        """File name of the plant file (for messages)."""
        return Path(self.source).name if self.source else None

    def __repr__(self) -> str:
        p = self.data.plant
        return (
            f"Plant({p.name!r}, region={p.region!r}, year={p.year}, sector={p.sector!r}, "
            f"products={[x.id for x in self.data.products]})"
        )

    def product(self, product_id: str) -> Product:
        """Return a product's data; unknown ids raise InputError listing the known ones."""
        return self.data.product(product_id, source=self.source_name)

    def records(self) -> pd.DataFrame:
        """The plant's energy and export entries as activity records (one row each).

        See :func:`greenchain.accounting.records.plant_records`.
        """
        return plant_records(self.data, self.source_name, keep_empty=True)

    def inventory(self, **options: Any) -> InventoryResult:
        """GHG inventory of the plant (options as :func:`greenchain.inventory.from_records`)."""
        return plant_inventory(self.data, self.source_name, **options)

    def energy(self, **options: Any) -> EnergyResult:
        """Comprehensive energy consumption (options as :func:`greenchain.energy.from_records`)."""
        return plant_energy(self.data, self.source_name, **options)

    def product_footprint(
        self,
        product_id: str,
        *,
        allocation: str | None = None,
        boundary: str | None = None,
        **options: Any,
    ) -> Any:
        """Product carbon footprint (ISO 14067 / GB/T 24067) of one product.

        See :func:`greenchain.accounting.product_footprint.product_footprint`.
        """
        from greenchain.accounting.product_footprint import product_footprint

        return product_footprint(
            self, product_id, allocation=allocation, boundary=boundary, **options
        )

    def retrofits(self, measures: Any = None, **options: Any) -> pd.DataFrame:
        """Assess retrofit measures on this plant's baseline.

        See :func:`greenchain.decisions.retrofit.assess.plant_retrofits`.
        """
        from greenchain.decisions.retrofit.assess import plant_retrofits

        return plant_retrofits(self, measures, **options)

    def green_factory_score(
        self, scheme: str = "GB/T 36132-2025", evidence: Any = None, **options: Any
    ) -> Any:
        """Score the plant against a green-factory scheme.

        See :func:`greenchain.decisions.scoring.plant.plant_score`.
        """
        from greenchain.decisions.scoring.plant import plant_score

        return plant_score(self, scheme=scheme, evidence=evidence, **options)

    def report(
        self, path: str | Path, *, lang: str = "en", format: str = "html", **options: Any
    ) -> Path:
        """Write the plant report (HTML or Markdown). See :func:`greenchain.interface.report.write_report`."""
        from greenchain.interface.report import write_report

        return write_report(self, path, lang=lang, format=format, **options)
