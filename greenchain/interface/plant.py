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
import pint

from greenchain.accounting import energy as energy_mod
from greenchain.accounting import inventory as inventory_mod
from greenchain.data.plant_file import PlantData
from greenchain.errors import InputError

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

    def product(self, product_id: str) -> Any:
        """Return a product's data; unknown ids raise InputError listing the known ones."""
        for p in self.data.products:
            if p.id == product_id:
                return p
        raise InputError(
            f"unknown product {product_id!r}; products are {[p.id for p in self.data.products]}",
            field="product",
            source=self.source_name,
        )

    def records(self) -> pd.DataFrame:
        """The plant's energy and export entries as inventory records (one row each)."""
        p = self.data.plant
        rows = []
        sections: list[tuple[str, list[Any]]] = [
            ("energy", list(self.data.energy)),
            ("exports", list(self.data.exports)),
        ]
        for section, entries in sections:
            for i, e in enumerate(entries):
                path = f"{section}[{i}]"
                if not isinstance(e.amount, pint.Quantity):
                    raise InputError(
                        "give the amount with a unit, e.g. '1200 t' or '350000 kWh'",
                        field=f"{path}.amount",
                        source=self.source_name,
                    )
                measured = getattr(e, "measured", None)
                rows.append(
                    {
                        "carrier": e.carrier,
                        "amount": float(e.amount.magnitude),
                        "unit": f"{e.amount.units:~}",
                        "region": p.region,
                        "year": p.year,
                        "direction": "export" if section == "exports" else "import",
                        "use": getattr(e, "use", None),
                        "product": getattr(e, "product", None),
                        "supply": getattr(e, "supply", "grid"),
                        "dataset": getattr(e, "dataset", None),
                        "measured_ncv": _ncv(measured, e),
                        "measured_carbon_content": _mag(measured.carbon_content, "tC/GJ")
                        if measured
                        else None,
                        "measured_oxidation_rate": measured.oxidation_rate if measured else None,
                        "enthalpy": _mag(e.enthalpy, "kJ/kg"),
                        "temperature": _mag(e.temperature, "degC"),
                        "_path": path,
                        "factor": _factor_text(getattr(e, "factor", None)),
                        "factor_status": getattr(e, "factor_status", None),
                    }
                )
        return pd.DataFrame(rows)

    def inventory(self, **options: Any) -> inventory_mod.InventoryResult:
        """GHG inventory of the plant (options as :func:`greenchain.accounting.inventory.from_records`)."""
        process = inventory_mod.process_emissions(
            self.data.process_emissions, gwp=options.get("gwp", "AR6"), source=self.source_name
        )
        records = _drop_empty(self.records(), ("dataset", "factor", "factor_status"))
        return inventory_mod.from_records(
            records, source=self.source_name, process=process, **options
        )

    def energy(self, **options: Any) -> energy_mod.EnergyResult:
        """Comprehensive energy consumption (options as :func:`greenchain.accounting.energy.from_records`)."""
        records = _drop_empty(self.records(), ("dataset", "factor", "factor_status"))
        result = energy_mod.from_records(records, source=self.source_name, **options)
        result.products = {
            p.id: {"output": p.output, "energy_share": p.attributes.get("energy_share")}
            for p in self.data.products
        }
        result.output_value = self.data.economics.output_value
        return result

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


def _mag(value: Any, unit: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, pint.Quantity):
        return float(value.m_as(unit))
    return float(value)


def _ncv(measured: Any, entry: Any) -> float | None:
    if measured is None or measured.ncv is None:
        return None
    from greenchain.accounting.emissions import fuel_parameters

    basis = fuel_parameters(entry.carrier, entry.dataset or "GB/T 32150-2015").basis_unit
    return _mag(measured.ncv, f"GJ/{basis}")


def _factor_text(value: Any) -> str | None:
    """An explicit factor as text for the records table (a key, or value and unit)."""
    if value is None:
        return None
    if isinstance(value, pint.Quantity):
        return f"{value.magnitude!r} {value.units}"
    return str(value)


def _drop_empty(records: pd.DataFrame, columns: tuple[str, ...]) -> pd.DataFrame:
    """Drop optional columns that no row uses (they would only clutter the audit trail)."""
    empty = [c for c in columns if c in records.columns and records[c].isna().all()]
    return records.drop(columns=empty)
