"""The ``Plant`` facade: one plant file, every analysis as a method.

``Plant`` holds the validated plant data (:class:`greenchain.data.plant_file.PlantData`) and
passes it to the functions of the lower layers; it adds no method of its own. A plant
read from a workbook carries a cell ``locator`` (:class:`~greenchain.interface.io.excel.CellMap`):
every method then re-raises a greenchain error about a plant-data path naming the cell
(``energy!A4 in plant.xlsx: unknown fuel 'natral_gas' …``), and :meth:`Plant.with_data`
keeps it.

Examples
--------
>>> import greenchain as gc
>>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
>>> plant.name
'Jinjiang porcelain tile plant (example)'
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

import pandas as pd

from greenchain.accounting.energy import EnergyResult, plant_energy
from greenchain.accounting.inventory import InventoryResult, plant_inventory
from greenchain.accounting.records import plant_records
from greenchain.data.plant_file import PlantData, Product
from greenchain.errors import GreenchainError

if TYPE_CHECKING:
    from greenchain.accounting.product_footprint import FootprintResult
    from greenchain.decisions.scoring.result import ScoreResult

__all__ = ["Plant", "Locator"]

_F = TypeVar("_F", bound=Callable[..., Any])


class Locator(Protocol):
    """Where the plant's values came from: rewrites errors to name them (a ``CellMap``)."""

    def translate(self, exc: GreenchainError) -> GreenchainError:
        """The error naming the value's location instead of its plant-data path.

        Parameters
        ----------
        exc : GreenchainError
            An error naming a plant-data path.

        Returns
        -------
        GreenchainError
        """
        ...


def _located(method: _F) -> _F:
    """Re-raise a greenchain error of ``method`` with the plant's locator (cell names)."""

    @functools.wraps(method)
    def wrapper(self: Plant, *args: Any, **kwargs: Any) -> Any:
        try:
            return method(self, *args, **kwargs)
        except GreenchainError as exc:
            if self.locator is None:
                raise
            raise self.locator.translate(exc) from None

    return wrapper  # type: ignore[return-value]


class Plant:
    """A plant described by a plant file.

    Parameters
    ----------
    data : PlantData
        Validated plant data.
    source : str, optional
        The file it was read from (named in error messages).
    locator : Locator, optional
        Where each value came from, e.g. the
        :class:`~greenchain.interface.io.excel.CellMap` of a workbook; errors of every
        method then name the cell.
    """

    def __init__(
        self, data: PlantData, source: str | None = None, *, locator: Locator | None = None
    ):
        self.data = data
        self.source = source
        self.locator = locator

    def with_data(self, data: PlantData) -> Plant:
        """A plant with other data but the same file name and locator.

        Parameters
        ----------
        data : PlantData
            The new data, e.g. from
            :func:`~greenchain.decisions.retrofit.package.package_data`.

        Returns
        -------
        Plant
        """
        return type(self)(data, self.source, locator=self.locator)

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

    @_located
    def product(self, product_id: str) -> Product:
        """One product's data; an unknown id raises InputError listing the known ones.

        Parameters
        ----------
        product_id : str
            ``products[].id`` in the plant file.

        Returns
        -------
        Product
        """
        return self.data.product(product_id, source=self.source_name)

    @_located
    def records(self) -> pd.DataFrame:
        """The plant's energy and export entries as activity records (one row each).

        See :func:`greenchain.accounting.records.plant_records`.
        """
        return plant_records(self.data, self.source_name, keep_empty=True)

    @_located
    def inventory(self, **options: Any) -> InventoryResult:
        """GHG inventory of the plant: its energy, exports and process emissions.

        Parameters
        ----------
        **options
            As :func:`greenchain.accounting.inventory.from_records` (``gwp``,
            ``grid_basis``, ``grid_year``, ``fuel_dataset``, ``non_co2``).

        Returns
        -------
        InventoryResult
            ``total`` [tCO2e], ``by_scope()``, ``by_category()``, ``by_gas()``, the
            factors used and the caveats.

        Examples
        --------
        >>> import warnings
        >>> import greenchain as gc
        >>> plant = gc.load_plant(gc.example_path("dyeing_mill.yaml"))
        >>> with warnings.catch_warnings():
        ...     warnings.simplefilter("ignore")
        ...     round(plant.inventory().total.m_as("tCO2e"))
        41856
        """
        return plant_inventory(self.data, self.source_name, **options)

    @_located
    def energy(self, **options: Any) -> EnergyResult:
        """Comprehensive energy consumption of the plant (GB/T 2589).

        Parameters
        ----------
        **options
            As :func:`greenchain.accounting.energy.from_records` (``basis``,
            ``generation_coal_rate``, ``fuel_dataset``).

        Returns
        -------
        EnergyResult
            ``total`` [tce], ``by_carrier()``, ``intensity(product)``.
        """
        return plant_energy(self.data, self.source_name, **options)

    @_located
    def product_footprint(
        self,
        product_id: str,
        *,
        allocation: str | None = None,
        boundary: str | None = None,
        **options: Any,
    ) -> FootprintResult:
        """Product carbon footprint (ISO 14067 / GB/T 24067) of one product.

        Parameters
        ----------
        product_id : str
            ``products[].id`` of the product.
        allocation : {"mass", "area", "economic", "physical"}, optional
            How plant emissions that are not sub-metered are shared among products.
        boundary : {"cradle_to_gate", "gate_to_gate"}, optional
            Default: the product's ``footprint.boundary``.
        **options
            As :func:`greenchain.accounting.product_footprint.product_footprint`
            (``electricity``, ``gwp``, ``year``).

        Returns
        -------
        FootprintResult
            ``per_unit`` [kgCO2e per declared unit], contributions, audit trail.
        """
        from greenchain.accounting.product_footprint import product_footprint

        return product_footprint(
            self, product_id, allocation=allocation, boundary=boundary, **options
        )

    @_located
    def retrofits(self, measures: Any = None, **options: Any) -> pd.DataFrame:
        """Assess retrofit measures on this plant's baseline, ranked by abatement cost.

        Parameters
        ----------
        measures : list of str, str or None
            Measure ids; ``None``: every measure applicable to the plant.
        **options
            As :func:`greenchain.decisions.retrofit.assess.plant_retrofits`
            (``interaction``, ``co2_basis``, ``lifetime``, ``catalogue``, finance terms).

        Returns
        -------
        pandas.DataFrame
            One row per measure (see
            :func:`~greenchain.decisions.retrofit.assess.plant_retrofits`).
        """
        from greenchain.decisions.retrofit.assess import plant_retrofits

        return plant_retrofits(self.data, measures, source=self.source_name, **options)

    @_located
    def apply_package(self, measures: Any = None, *, catalogue: Any = None) -> Plant:
        """This plant after a retrofit package (same file name and cell locator).

        Parameters
        ----------
        measures : list of str, str or None
            Measure ids; ``None``: the measures marked ``selected`` in the plant file.
        catalogue : mapping or path(s), optional
            As in :func:`greenchain.decisions.retrofit.package.package_data`.

        Returns
        -------
        Plant
            A new plant; this one is not changed.

        Examples
        --------
        >>> import greenchain as gc
        >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
        >>> plant.apply_package(["continuous_ball_mill"]).data.energy[3].amount
        <Quantity(6720.0, 'megawatt_hour')>
        """
        from greenchain.decisions.retrofit.package import package_data

        return self.with_data(
            package_data(self.data, measures, catalogue=catalogue, source=self.source_name)
        )

    @_located
    def green_factory_score(
        self, scheme: str = "GB/T 36132-2025", evidence: Any = None, **options: Any
    ) -> ScoreResult:
        """Score the plant against a green-factory scheme.

        Parameters
        ----------
        scheme : str or Path
            ``"GB/T 36132-2025"`` (default), ``"GB/T 36132-2018"`` or a scheme file.
        evidence : str, Path or mapping, optional
            Checklist answers and gate results (default: the plant file's
            ``green_factory.evidence``).
        **options
            As :func:`greenchain.decisions.scoring.indicators.plant_score`.

        Returns
        -------
        ScoreResult
        """
        from greenchain.decisions.scoring.indicators import plant_score

        return plant_score(self.data, scheme, evidence=evidence, source=self.source_name, **options)

    @_located
    def score_with_measures(
        self,
        measures: Any,
        scheme: str = "GB/T 36132-2025",
        evidence: Any = None,
        **options: Any,
    ) -> pd.DataFrame:
        """Green-factory points gained by a retrofit package and by each measure alone.

        Parameters
        ----------
        measures : str or list of str
            Measure ids of the package.
        scheme : str or Path
            As in :meth:`green_factory_score`.
        evidence : str, Path or mapping, optional
            As in :meth:`green_factory_score`.
        **options
            As :func:`greenchain.decisions.scoring.indicators.plant_score`.

        Returns
        -------
        pandas.DataFrame
            See :func:`greenchain.decisions.scoring.with_measures.score_with_measures`.
        """
        from greenchain.decisions.scoring.with_measures import score_with_measures

        return score_with_measures(
            self.data, measures, scheme, evidence=evidence, source=self.source_name, **options
        )

    @_located
    def report(
        self, path: str | Path, *, lang: str = "en", format: str = "html", **options: Any
    ) -> Path:
        """Write the plant report: one self-contained HTML page, or Markdown.

        Parameters
        ----------
        path : str or Path
            The file to write.
        lang : {"en", "zh"}, default "en"
            Language of the report.
        format : {"html", "md"}, default "html"
            Output format.
        **options
            As :func:`greenchain.interface.report.write_report`.

        Returns
        -------
        Path
            The file written.
        """
        from greenchain.interface.report import write_report

        return write_report(self, path, lang=lang, format=format, **options)
