"""FootprintResult: the product footprint, its audit trail and exports."""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

import numpy as np
import pandas as pd
import pint

from greenchain.accounting.lca import LCAResult
from greenchain.accounting.product_footprint._constants import PACT_UNITS
from greenchain.accounting.product_footprint.sensitivity import SENSITIVITY_COLUMNS
from greenchain.accounting.uncertainty import MonteCarloResult
from greenchain.accounting.uncertainty.terms import TermModel
from greenchain.errors import Caveat, InputError

__all__ = ["FootprintResult"]


@dataclass(eq=False)
class FootprintResult:
    """The footprint of one product per declared unit, with its audit trail.

    Attributes
    ----------
    per_unit : Quantity
        kgCO2e per declared unit (e.g. ``kgCO2e/m^2`` for a declared unit of ``1 m^2``).
    contributions : pandas.DataFrame
        ``stage``, ``item``, ``product`` (the activity where it occurs: the product
        or an intermediate made in the plant), ``kgco2e`` (kgCO2e per declared unit)
        and ``share``; ``kgco2e`` sums to :attr:`per_unit`.
    factors : pandas.DataFrame
        Every factor used: ``product``, ``stage``, ``item``, ``factor`` (key or
        ``explicit``), ``value``, ``unit``, ``source``, ``status``.
    allocation : dict
        ``method``, ``shares`` by product, ``basis``, ``hierarchy`` (the ISO 14067:2018
        6.4.6.2 step), ``justification`` (economic) and ``unallocated`` (physical).
    allocation_sensitivity : pandas.DataFrame
        Per-unit footprint under each allocation method whose data the plant file holds
        (``method``, ``share``, ``per_unit`` (kgCO2e per declared unit), ``difference``
        relative to the chosen method, ``chosen``, ``note``); empty when no plant
        emission is shared among products (sub-division or a single product).
    electricity : dict
        ``basis``, ``factor``, ``unit``, ``year``, ``region``, ``dataset``, ``status``.
    warnings : list of str
    """

    product_id: str
    product_name: str
    plant_name: str
    region: str
    year: int
    declared_unit: pint.Quantity
    output: float
    per_unit: pint.Quantity
    boundary: str
    contributions: pd.DataFrame
    factors: pd.DataFrame
    allocation: dict[str, Any]
    electricity: dict[str, Any]
    options: dict[str, Any]
    warnings: list[str]
    primary_data_share: float | None
    reference_period: str | None
    product_mass: pint.Quantity | None
    lca: LCAResult = field(repr=False)
    _model: TermModel = field(repr=False)
    #: the caveats behind ``warnings``, with their category and field
    caveats: list[Caveat] = field(default_factory=list, repr=False)
    allocation_sensitivity: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=list(SENSITIVITY_COLUMNS)), repr=False
    )

    @property
    def total(self) -> pint.Quantity:
        """Annual footprint of the product's output [tCO2e] (per_unit x output)."""
        return (self.per_unit * self.declared_unit * self.output).to("tCO2e")

    @property
    def per_declared_unit(self) -> float:
        """kgCO2e per declared unit as a plain number."""
        return float((self.per_unit * self.declared_unit).m_as("kgCO2e"))

    @property
    def fuel_supply_statement(self) -> str:
        """Which fuel supply-chain factors the footprint counts, in one sentence."""
        dataset = self.options.get("fuel_supply")
        if dataset is None:
            if self.boundary != "cradle_to_gate":
                return "fuel supply chains outside the boundary (gate to gate)"
            return "fuel supply chains not included"
        rows = self.factors[self.factors["stage"] == "fuel supply"]
        status = ", ".join(sorted(set(rows["status"].astype(str)))) or "no fuel burnt"
        return f"fuel supply chains at {dataset} well-to-tank factors ({status})"

    def by_stage(self) -> pd.DataFrame:
        """kgCO2e per declared unit and share by life-cycle stage."""
        c = self.contributions
        out = c.groupby("stage", sort=False)[["kgco2e", "share"]].sum().reset_index()
        return out

    def to_frame(self) -> pd.DataFrame:
        """Contributions by stage and item (summed over the activities of the system)."""
        c = self.contributions
        return c.groupby(["stage", "item"], sort=False)[["kgco2e", "share"]].sum().reset_index()

    def to_dict(self) -> dict[str, Any]:
        """A JSON-serialisable summary."""
        return {
            "product": self.product_id,
            "product_name": self.product_name,
            "plant": self.plant_name,
            "declared_unit": f"{self.declared_unit:~P}",
            "per_declared_unit_kgco2e": self.per_declared_unit,
            "per_unit": {
                "value": float(self.per_unit.magnitude),
                "unit": f"{self.per_unit.units:~}",
            },
            "output_declared_units": self.output,
            "total_tco2e": float(self.total.magnitude),
            "boundary": self.boundary,
            "fuel_supply": self.fuel_supply_statement,
            "by_stage": {r["stage"]: r["kgco2e"] for r in self.by_stage().to_dict("records")},
            "contributions": self.contributions.to_dict("records"),
            "factors": self.factors.to_dict("records"),
            "allocation": self.allocation,
            "allocation_sensitivity": self.allocation_sensitivity.to_dict("records"),
            "electricity": self.electricity,
            "options": dict(self.options),
            "primary_data_share": self.primary_data_share,
            "warnings": list(self.warnings),
        }

    def _reference_period(self) -> tuple[str, str]:
        text = (self.reference_period or str(self.year)).strip()
        m = re.fullmatch(r"(\d{4})", text)
        if m:
            y = int(m.group(1))
            return f"{y}-01-01T00:00:00Z", f"{y + 1}-01-01T00:00:00Z"
        m = re.fullmatch(r"(\d{4}-\d{2}-\d{2})\s*/\s*(\d{4}-\d{2}-\d{2})", text)
        if m:
            return f"{m.group(1)}T00:00:00Z", f"{m.group(2)}T00:00:00Z"
        raise InputError(
            f"reference_period {text!r}: give a year ('2023') or 'YYYY-MM-DD/YYYY-MM-DD'",
            field="footprint.reference_period",
        )

    def _pact_unit(self) -> tuple[str, float, str]:
        """(PACT declared unit, amount of it in one declared unit, comment)."""
        d = self.declared_unit
        for dim, (name, unit) in PACT_UNITS.items():
            if d.check(dim):
                return name, float(d.m_as(unit)), ""
        if self.product_mass is not None:
            try:
                kg = float((self.product_mass * d).m_as("kg"))
                return (
                    "kilogram",
                    kg,
                    (f"declared unit {d:~P} ({kg:g} kg) expressed per kilogram of product"),
                )
            except pint.errors.DimensionalityError:
                pass
        return (
            f"{d.units:~P}",
            float(d.magnitude),
            (
                f"declared unit {d:~P} is not one of the PACT units (give products[].mass to "
                "export per kilogram)"
            ),
        )

    def to_pact(self) -> dict[str, Any]:
        """The footprint as a PACT (WBCSD Pathfinder) style ProductFootprint dict.

        Field names follow the PACT Technical Specification v2 ``ProductFootprint`` and
        ``CarbonFootprint``; the dict is not validated against the PACT JSON schema.
        Fields greenchain cannot know (company ids, CPC code) are left empty.
        ``pCfExcludingBiogenic`` is kgCO2e per PACT declared unit; a count unit (pair,
        piece) is converted to kilograms with ``products[].mass`` when given.
        ``pCfIncludingBiogenic`` is None: biogenic carbon is not tracked.
        """
        unit, amount, comment = self._pact_unit()
        start, end = self._reference_period()
        per = self.per_declared_unit / amount
        packaging = bool((self.contributions["stage"] == "packaging").any())
        key = f"greenchain:{self.plant_name}:{self.product_id}:{self.year}:{self.boundary}"
        stages = ", ".join(self.by_stage()["stage"])
        pcf = {
            "declaredUnit": unit,
            "unitaryProductAmount": amount,
            "pCfExcludingBiogenic": per,
            "pCfIncludingBiogenic": None,
            "characterizationFactors": self.options["gwp"],
            "ipccCharacterizationFactorsSources": [self.options["gwp"]],
            "crossSectoralStandardsUsed": ["ISO Standard 14067"],
            "productOrSectorSpecificRules": [],
            "boundaryProcessesDescription": (
                f"{self.boundary.replace('_', '-')}: {stages}; plant emissions allocated "
                f"by {self.allocation['method']}; electricity {self.electricity['basis']} "
                f"factor {self.electricity.get('factor')} {self.electricity.get('unit') or ''}"
                f"; {self.fuel_supply_statement}"
            ).strip(),
            "referencePeriodStart": start,
            "referencePeriodEnd": end,
            "geographyCountry": "CN",
            "exemptedEmissionsPercent": 0,
            "exemptedEmissionsDescription": "",
            "packagingEmissionsIncluded": packaging,
            "primaryDataShare": None
            if self.primary_data_share is None
            else 100.0 * self.primary_data_share,
        }
        return {
            "id": str(uuid.uuid5(uuid.NAMESPACE_URL, key)),
            "specVersion": "2.2.0",
            "version": 0,
            "created": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
            "status": "Active",
            "companyName": self.plant_name,
            "companyIds": [],
            "productDescription": self.product_name,
            "productIds": [f"urn:pathfinder:product:customcode:vendor-assigned:{self.product_id}"],
            "productCategoryCpc": None,
            "productNameCompany": self.product_name,
            "comment": "; ".join(
                x for x in (comment, "computed with greenchain", *self.warnings) if x
            ),
            "pcf": pcf,
            "extensions": [
                {
                    "dataSchema": "urn:greenchain:footprint",
                    "data": {
                        "boundary": self.boundary,
                        "declaredUnit": f"{self.declared_unit:~P}",
                        "perDeclaredUnitKgCO2e": self.per_declared_unit,
                        "allocation": self.allocation,
                        "electricity": self.electricity,
                        "byStage": self.to_dict()["by_stage"],
                    },
                }
            ],
        }

    def monte_carlo(
        self, n: int = 10_000, seed: np.random.Generator | int | None = None
    ) -> MonteCarloResult:
        """Monte Carlo of :attr:`per_unit` (kgCO2e per declared unit).

        Samples the uncertainty of database factors (``Factor.uncertainty``) and of the
        plant file's ``energy[].uncertainty``, ``materials[].uncertainty`` (packaging,
        waste) and ``transport[].uncertainty`` with
        :func:`greenchain.accounting.uncertainty.monte_carlo_linear`; allocation shares and outputs
        are fixed. ``contribution_to_variance`` is by input (parameter path).

        Parameters
        ----------
        n : int, default 10000
            Number of draws.
        seed : int, numpy.random.Generator or None
            Same seed, same inputs -> identical samples.

        Returns
        -------
        MonteCarloResult
            Samples of the footprint [kgCO2e] per declared unit (``info["unit"]``).

        Examples
        --------
        >>> import greenchain as gc
        >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
        >>> r = plant.product_footprint("porcelain_tile")
        >>> mc = r.monte_carlo(n=1000, seed=1)
        >>> round(mc.deterministic, 2), mc.n
        (12.6, 1000)
        """
        r = self._model.monte_carlo(self._model.expand(self.product_id), n, seed)
        r.info["unit"] = f"kgCO2e per {self.declared_unit:~P}"
        return r
