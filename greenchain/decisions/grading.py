"""Grading against Chinese limit standards: GB 21252-2023, the dyeing norms, equipment grades.

* :func:`gb21252_level` and :func:`gb21252_limits`: energy-limit levels 1-3 of
  GB 21252-2023 for building and sanitary ceramics and alumina balls
  (``factors/limits_gb21252-2023.csv``, status ``transcribed``).
* :func:`dyeing_norm_check`: the resource-consumption limits of the printing and dyeing
  industry norms (印染行业规范条件), 2017 edition (``factors/limits_dyeing-norm-2017.csv``).
  The 2023 edition's limits are not sourced and are not shipped.
* :func:`product_limits`: the limit standard a plant-file product is graded against,
  read from its ``attributes`` (``limit_product`` for GB 21252, ``fabric`` for the
  dyeing norm), and its standing for a specific energy consumption.
* :func:`grade_equipment`: one entry point for the equipment energy-efficiency grades
  (motors GB 18613, compressors GB 19153, transformers GB 20052, boilers GB 24500),
  dispatching to the physics modules in :mod:`greenchain.processes`.

Examples
--------
>>> gb21252_level(5.0, product="dry_pressed_tile", water_absorption=0.1)
2
>>> gb21252_level(7.2, product="dry_pressed_tile", water_absorption=0.1)
'below limit'
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd
import pint

from greenchain.data.plant_file import dyeing_fabric_class
from greenchain.data.tables import parse_number, read_table
from greenchain.errors import FactorNotFound, InputError, UnitError, UnverifiedDataWarning, caveat
from greenchain.processes.boilers import gb24500_level
from greenchain.processes.compressed_air import gb19153_level
from greenchain.processes.motors import gb18613_level
from greenchain.processes.transformers import gb20052_level
from greenchain.units import Q_, check_range, magnitude

__all__ = [
    "BELOW_LIMIT",
    "GB21252Limits",
    "gb21252_level",
    "gb21252_limits",
    "gb21252_products",
    "dyeing_norm_check",
    "ProductLimits",
    "product_limits",
    "MEETS_LIMIT",
    "ABOVE_LIMIT",
    "grade_equipment",
    "EQUIPMENT_GRADERS",
]

#: Result of :func:`gb21252_level` for a value above the level-3 limit.
BELOW_LIMIT = "below limit"

# Relative tolerance on "value <= level x factor": absorbs the round-off of a unit
# conversion (kgce -> MJ -> kgce) or of the thickness product; the table values have
# two to four significant figures, so 1e-9 cannot change a grade.
_REL_TOL = 1e-9

_GB21252 = "limits_gb21252-2023.csv"
_DYEING = {"2017": "limits_dyeing-norm-2017.csv"}
_DYEING_UNSOURCED = {
    "2023": (
        "the 2023 edition of the printing and dyeing industry norms (印染行业规范条件（2023版）, "
        "MIIT Announcement 2023 No. 35) exists, but its numeric limits are not yet sourced; "
        "greenchain ships no values for it, and the 2017 values must not be reused as 2023 "
        "limits. Use edition='2017' or compare with the published text yourself"
    ),
}


# --------------------------------------------------------------------------- GB 21252
@dataclass(frozen=True)
class GB21252Limits:
    """The three GB 21252-2023 level values for one product class (thickness-corrected).

    Attributes
    ----------
    level_1, level_2, level_3 : pint.Quantity
        Level values x ``thickness_factor`` [kgce/m^2 or kgce/t]. Level 1 is the most
        stringent; level 3 is the limit. GB/T 36132-2025 uses level 1 as the leading
        value (引领值) and level 2 as the benchmark value (基准值).
    product : str
        Product key.
    water_absorption_class : str
        The water-absorption band of the row (``""`` when the product has none).
    thickness_factor : float
        The Table 2 overall thickness correction factor applied (1.0 = none).
    source_id, source_ref, status : str
        Provenance of the row.
    """

    level_1: pint.Quantity
    level_2: pint.Quantity
    level_3: pint.Quantity
    product: str
    water_absorption_class: str
    thickness_factor: float
    source_id: str
    source_ref: str
    status: str


def _gb21252_rows() -> dict[str, list[dict[str, Any]]]:
    by_product: dict[str, list[dict[str, Any]]] = {}
    for row in read_table(_GB21252):
        parsed: dict[str, Any] = dict(row)
        parsed["e_min"] = parse_number(row["water_absorption_min_percent"])
        parsed["e_max"] = parse_number(row["water_absorption_max_percent"])
        parsed["levels"] = tuple(float(row[f"level_{i}"]) for i in (1, 2, 3))
        by_product.setdefault(row["product"], []).append(parsed)
    return by_product


def gb21252_products() -> list[str]:
    """Return the product keys of GB 21252-2023 known to greenchain.

    Examples
    --------
    >>> gb21252_products()
    ['alumina_balls', 'ceramic_panel', 'dry_pressed_tile', 'extruded_tile_dry_hung_panel', 'sanitary_ware']
    """
    return sorted(_gb21252_rows())


def _product_rows(product: str) -> list[dict[str, Any]]:
    rows = _gb21252_rows()
    if product not in rows:
        raise InputError(
            f"unknown product {product!r}; valid products: {', '.join(sorted(rows))}",
            field="product",
        )
    return rows[product]


def _absorption_class(row: dict[str, Any]) -> str:
    lo, hi = row["e_min"], row["e_max"]
    if lo is None and hi is None:
        return ""
    if lo is None:
        return f"E <= {hi:g} %"
    if hi is None:
        return f"E > {lo:g} %"
    return f"{lo:g} % < E <= {hi:g} %"


def _select_rows(
    rows: list[dict[str, Any]], product: str, water_absorption: Any
) -> tuple[np.ndarray | None, np.ndarray]:
    """Row index per element of ``water_absorption`` (or ``None`` for a single-row product)."""
    banded = rows[0]["e_min"] is not None or rows[0]["e_max"] is not None
    if not banded:
        if water_absorption is not None:
            raise InputError(
                f"product {product!r} has a single row in GB 21252-2023 that does not depend "
                "on water absorption; leave water_absorption out",
                field="water_absorption",
            )
        return None, np.zeros((), dtype=int)
    if water_absorption is None:
        classes = "; ".join(_absorption_class(r) for r in rows)
        raise InputError(
            f"required for product {product!r} (water absorption E in percent; classes: {classes})",
            field="water_absorption",
        )
    e = magnitude(water_absorption, "percent", "water_absorption")
    check_range(e, "water_absorption", low=0, high=100, unit="%")
    index = np.full(e.shape, -1, dtype=int)
    for i, row in enumerate(rows):
        inside = np.ones(e.shape, dtype=bool)
        if row["e_min"] is not None:
            inside &= e > row["e_min"]
        if row["e_max"] is not None:
            inside &= e <= row["e_max"]
        index = np.where(inside & (index < 0), i, index)
    if np.any(index < 0):  # the shipped bands cover [0, inf); a broken table would land here
        raise InputError(
            "no GB 21252-2023 row covers this water absorption", field="water_absorption"
        )
    return e, index


def _thickness(factor: Any, rows: list[dict[str, Any]], product: str) -> float:
    f = magnitude(factor, "", "thickness_factor")
    if f.ndim != 0:
        raise InputError("must be a single number", field="thickness_factor")
    check_range(f, "thickness_factor", low=0, low_inclusive=False)
    if rows[0]["thickness_correction"] != "yes" and float(f) != 1.0:
        raise InputError(
            f"GB 21252-2023 applies the Table 2 thickness correction only to dry-pressed "
            f"tiles and ceramic panels, not to {product!r}; leave it at 1.0",
            field="thickness_factor",
        )
    return float(f)


def gb21252_limits(
    product: str, water_absorption: Any = None, thickness_factor: Any = 1.0
) -> GB21252Limits:
    """Return the GB 21252-2023 level 1, 2 and 3 values for a product class.

    Parameters
    ----------
    product : str
        One of :func:`gb21252_products`: ``"dry_pressed_tile"`` (陶瓷砖/陶瓷瓦 干压,
        Table 1), ``"ceramic_panel"`` (陶瓷板, Table 3), ``"extruded_tile_dry_hung_panel"``
        (干挂空心陶瓷板、陶瓷瓦 挤压, Table 4), ``"sanitary_ware"`` (卫生陶瓷, Table 5),
        ``"alumina_balls"`` (耐磨氧化铝球 90 series, Table 6).
    water_absorption : float or Quantity, optional
        Water absorption E [%], a single value; required for dry-pressed tiles and
        sanitary ware, not accepted for the other products.
    thickness_factor : float, default 1.0
        Overall thickness correction factor of Table 2 (output-weighted), > 0; 1.0 when
        no product is 15 mm or thicker. Only for dry-pressed tiles and ceramic panels.
        The Table 2 coefficients are not shipped (not sourced): compute it yourself.

    Returns
    -------
    GB21252Limits
        ``level_1``, ``level_2``, ``level_3`` as Quantities in kgce/m^2 (tiles, panels) or
        kgce/t (extruded products, sanitary ware, alumina balls), with provenance.

    Raises
    ------
    InputError
        Unknown product (the message lists the valid ones), missing or unexpected
        ``water_absorption``, or a thickness factor for a product without correction.

    References
    ----------
    GB 21252-2023, Tables 1 and 3-6 (values from a public transcription of the PDF,
    status ``transcribed``); Table 2 for the thickness correction.

    Examples
    --------
    >>> lim = gb21252_limits("dry_pressed_tile", 0.3)
    >>> lim.level_1, lim.level_2, lim.level_3
    (<Quantity(4.0, 'kilogram_coal_equivalent / meter ** 2')>, <Quantity(4.9, ...)>, <Quantity(6.5, ...)>)
    >>> gb21252_limits("sanitary_ware", 0.5).level_3
    <Quantity(610.0, 'kilogram_coal_equivalent / metric_ton')>
    """
    rows = _product_rows(product)
    if (
        water_absorption is not None
        and np.ndim(magnitude(water_absorption, "percent", "water_absorption")) != 0
    ):
        raise InputError("must be a single value here", field="water_absorption")
    _, index = _select_rows(rows, product, water_absorption)
    f = _thickness(thickness_factor, rows, product)
    row = rows[int(index)]
    levels = [Q_(v * f, row["unit"]) for v in row["levels"]]
    return GB21252Limits(
        level_1=levels[0],
        level_2=levels[1],
        level_3=levels[2],
        product=product,
        water_absorption_class=_absorption_class(row),
        thickness_factor=f,
        source_id=row["source_id"],
        source_ref=row["source_ref"],
        status=row["status"],
    )


def gb21252_level(
    specific_energy: Any, *, product: str, water_absorption: Any = None, thickness_factor: Any = 1.0
) -> Any:
    """Grade a specific energy consumption against GB 21252-2023 (level 1, 2, 3 or below).

    Parameters
    ----------
    specific_energy : float, array-like or Quantity
        Comprehensive energy consumption per unit product, [kgce/m^2] for dry-pressed
        tiles and ceramic panels, [kgce/t] for extruded products, sanitary ware and
        alumina balls. A Quantity in any compatible unit (MJ/m^2, GJ/t ...) is converted;
        plain numbers are read in the product's unit.
    product : str
        Product key, see :func:`gb21252_limits`.
    water_absorption : float, array-like or Quantity, optional
        Water absorption E [%]; required for dry-pressed tiles and sanitary ware,
        broadcast against ``specific_energy``.
    thickness_factor : float, default 1.0
        Table 2 overall thickness correction factor supplied by the user (the
        coefficients are not sourced); 1.0 = no product 15 mm or thicker.

    Returns
    -------
    int, str or numpy.ndarray
        ``1``, ``2``, ``3`` or ``"below limit"`` (:data:`BELOW_LIMIT`); an object array
        of these for array input.

    Raises
    ------
    InputError
        Unknown product (lists the valid products), missing water absorption.
    UnitError
        ``specific_energy`` of the wrong dimension (e.g. kgce/m^2 for sanitary ware).
    OutOfRangeError
        Negative specific energy, water absorption outside [0, 100] %.

    Notes
    -----
    With :math:`L_1 < L_2 < L_3` the row's level values and :math:`f` the thickness
    factor, the level is the smallest :math:`i` with :math:`E_s \\le L_i f`; above
    :math:`L_3 f` the product is below the limit. Water-absorption bands are
    :math:`(E_{min}, E_{max}]`: exactly 0.2 % is in the "E <= 0.2 %" class, exactly 10 %
    in "0.5 % < E <= 10 %". A relative tolerance of 1e-9 absorbs conversion round-off.

    References
    ----------
    GB 21252-2023 建筑卫生陶瓷和耐磨氧化铝球单位产品能源消耗限额, chapter 4 and
    Tables 1-6.

    Examples
    --------
    >>> from greenchain import Q_
    >>> gb21252_level(Q_(150, "MJ/m^2"), product="dry_pressed_tile", water_absorption=0.2)
    2
    >>> gb21252_level([3.1, 3.4, 4.5, 4.6], product="dry_pressed_tile", water_absorption=12)
    array([1, 2, 3, 'below limit'], dtype=object)
    >>> gb21252_level(240, product="extruded_tile_dry_hung_panel")
    3
    """
    rows = _product_rows(product)
    unit = rows[0]["unit"]
    value = magnitude(specific_energy, unit, "specific_energy")
    check_range(value, "specific_energy", low=0, unit=unit)
    e, index = _select_rows(rows, product, water_absorption)
    f = _thickness(thickness_factor, rows, product)
    table = np.array([r["levels"] for r in rows], dtype=float) * f  # (rows, 3)
    try:
        value, index = np.broadcast_arrays(value, index)
    except ValueError as exc:
        raise InputError(
            f"shape {np.shape(value)} cannot be broadcast with water_absorption {np.shape(index)}",
            field="specific_energy",
        ) from exc
    limits = table[index]  # (..., 3)
    within = value[..., None] <= limits * (1.0 + _REL_TOL)
    level = np.where(within.any(axis=-1), np.argmax(within, axis=-1) + 1, 0)
    out = np.array([int(v) if v else BELOW_LIMIT for v in level.ravel()], dtype=object).reshape(
        level.shape
    )
    return out.item() if out.ndim == 0 else out


# --------------------------------------------------------------------------- dyeing norms
def _dyeing_rows(edition: str) -> list[dict[str, str]]:
    edition = str(edition)
    if edition in _DYEING_UNSOURCED:
        raise FactorNotFound(f"edition {edition!r}: {_DYEING_UNSOURCED[edition]}")
    if edition not in _DYEING:
        raise InputError(
            f"unknown edition {edition!r}; shipped: {', '.join(_DYEING)} "
            f"(not sourced: {', '.join(_DYEING_UNSOURCED)})",
            field="edition",
        )
    return read_table(_DYEING[edition])


def dyeing_norm_check(
    specific_energy: Any,
    *,
    fabric: str,
    edition: str = "2017",
    fresh_water: Any = None,
    water_reuse: Any = None,
) -> pd.DataFrame:
    """Check a dyeing plant against the printing and dyeing industry norms (印染行业规范条件).

    Parameters
    ----------
    specific_energy : float or Quantity
        Comprehensive energy consumption per unit product, [kgce/hundred_metre] for woven,
        silk and worsted-wool fabric, [tce/t] for yarn and knit. Quantities are converted
        (e.g. ``Q_(800, "MJ/hundred_metre")``); plain numbers are read in the limit's unit.
    fabric : str
        ``"woven"`` (棉、麻、化纤及混纺机织物), ``"yarn_knit"`` (纱线、针织物),
        ``"silk"`` (真丝绸机织物 含练白) or ``"worsted_wool"`` (精梳毛织物); the Chinese
        names are accepted (:func:`~greenchain.data.plant_file.dyeing_fabric_class`).
    edition : str, default "2017"
        Edition of the norm. ``"2023"`` raises :class:`~greenchain.errors.FactorNotFound`:
        its limits are not yet sourced.
    fresh_water : float or Quantity, optional
        Fresh water drawn per unit product, [t/hundred_metre] ([t/t] for yarn and knit).
        Water in m^3 must be converted to tonnes by the caller.
    water_reuse : float or Quantity, optional
        Water reuse rate of the plant [%] (a fraction as ``Q_(0.45, "")`` is accepted).

    Returns
    -------
    pandas.DataFrame
        One row per limit checked: ``limit``, ``value``, ``limit_value``, ``unit``,
        ``comparison`` (``"<="`` or ``">="``), ``passed``, ``edition``, ``fabric``,
        ``source_id``, ``source_ref``, ``status``.

    Warns
    -----
    UnverifiedDataWarning
        For the yarn/knit, silk and worsted-wool limits of 2017, which are from memory
        (status ``unverified``); only the woven-fabric limits and the reuse rate were
        confirmed (from a news report of the July 2017 draft).

    Raises
    ------
    FactorNotFound
        ``edition="2023"``.
    InputError
        Unknown fabric or edition (the message lists the valid ones).

    References
    ----------
    印染行业规范条件（2017版）, MIIT; woven-fabric values and the reuse rate as reported
    from the July 2017 draft for comment (source id ``dyeing-norm-2017``).

    Examples
    --------
    >>> t = dyeing_norm_check(28, fabric="woven", fresh_water=1.7, water_reuse=45)
    >>> t[["limit", "passed", "status"]].to_string(index=False)
    '      limit  passed   status\\n     energy    True official\\nfresh_water   False official\\nwater_reuse    True official'
    """
    rows = _dyeing_rows(edition)
    fabrics = sorted({r["fabric"] for r in rows} - {"all"})
    try:
        fabric = dyeing_fabric_class(fabric)
    except ValueError as exc:
        raise InputError(str(exc), field="fabric") from exc
    if fabric not in fabrics:
        raise InputError(f"unknown fabric {fabric!r}; valid: {', '.join(fabrics)}", field="fabric")
    inputs = {
        "energy": ("specific_energy", specific_energy),
        "fresh_water": ("fresh_water", fresh_water),
        "water_reuse": ("water_reuse", water_reuse),
    }
    records = []
    unverified = []
    for row in rows:
        if row["fabric"] not in (fabric, "all"):
            continue
        name, given = inputs[row["limit"]]
        if given is None:
            continue
        value = magnitude(given, row["unit"], name)
        if value.ndim != 0:
            raise InputError("must be a single value", field=name)
        check_range(value, name, low=0, unit=row["unit"])
        limit = float(row["value"])
        if row["comparison"] == "max":
            passed, op = bool(value <= limit * (1 + _REL_TOL)), "<="
        else:
            passed, op = bool(value >= limit * (1 - _REL_TOL)), ">="
        if row["status"] == "unverified":
            unverified.append(row["limit"])
        records.append(
            {
                "limit": row["limit"],
                "value": float(value),
                "limit_value": limit,
                "unit": row["unit"],
                "comparison": op,
                "passed": passed,
                "edition": row["edition"],
                "fabric": row["fabric"],
                "source_id": row["source_id"],
                "source_ref": row["source_ref"],
                "status": row["status"],
            }
        )
    if unverified:
        caveat(
            f"dyeing norm {edition} limits for {fabric!r} ({', '.join(unverified)}) are "
            "unverified (from memory; the final 2017 text was not read)",
            UnverifiedDataWarning,
            field="fabric",
        )
    return pd.DataFrame(
        records,
        columns=[
            "limit",
            "value",
            "limit_value",
            "unit",
            "comparison",
            "passed",
            "edition",
            "fabric",
            "source_id",
            "source_ref",
            "status",
        ],
    )


# --------------------------------------------------------------------------- plant products
#: Standing of a product against the dyeing norm (its "level").
MEETS_LIMIT, ABOVE_LIMIT = "meets limit", "above limit"


@dataclass(frozen=True)
class ProductLimits:
    """The national limit standard one plant-file product is graded against.

    Made by :func:`product_limits` from the product's ``attributes``.

    Attributes
    ----------
    product_id : str
        The product's ``id`` in the plant file.
    kind : {"gb21252", "dyeing_norm"}
        GB 21252-2023 (:func:`gb21252_level`) or the printing and dyeing industry norm
        (:func:`dyeing_norm_check`).
    standard : str
        The standard as named in tables: ``"GB 21252-2023"`` or
        ``"dyeing norm 2017 (woven)"``.
    arguments : dict
        The keyword arguments of the grading function: ``product``,
        ``water_absorption``, ``thickness_factor`` (GB 21252) or ``fabric``,
        ``edition`` (dyeing norm).
    mass : pint.Quantity or None
        The product's mass per unit of output (``products[].mass``): converts a value per
        metre to one per tonne, or per tonne to per 100 m, when the limits use the other.
    """

    product_id: str
    kind: str
    standard: str
    arguments: dict[str, Any] = field(default_factory=dict)
    mass: Any = None

    def convert(self, value: Any, unit: str, name: str = "specific_energy") -> float:
        """A value per unit of output in the limit's ``unit``, through the mass if needed.

        Parameters
        ----------
        value : pint.Quantity or float
            Per unit of the product's output (``kgce/m``, ``m^3/m``, ``tce/t`` ...); a
            plain number is read in ``unit``. Water volumes count 1 t per m^3.
        unit : str
            The limit's unit (``tce/t``, ``t/hundred_metre`` ...).
        name : str, default "specific_energy"
            What the value is, named in errors.

        Returns
        -------
        float
            The value in ``unit``.

        Raises
        ------
        InputError
            The units differ in the unit of product and ``products[].mass`` is not given
            (the message names the field).

        Examples
        --------
        >>> from greenchain import Q_
        >>> knit = ProductLimits("knit", "dyeing_norm", "dyeing norm 2017 (yarn_knit)",
        ...                      {"fabric": "yarn_knit", "edition": "2017"}, Q_(0.4, "kg/m"))
        >>> round(knit.convert(Q_(0.4, "kgce/m"), "tce/t"), 6)
        1.0
        """
        if not isinstance(value, pint.Quantity):
            return float(magnitude(value, unit, name))
        if (
            value.check("[volume] / [length]")
            or value.check("[volume] / [mass]")
            or value.check("[volume] / [area]")
        ):
            value = value * Q_(1, "t/m^3")  # fresh water in tonnes, as the norm counts it
        target = Q_(1, unit)
        if value.dimensionality == target.dimensionality:
            return float(value.m_as(unit))
        if self.mass is None:
            per = unit.split("/")[-1].strip()
            raise InputError(
                f"the {self.standard} limits are per {per}, the output is not: give the "
                f"product's mass per unit of output (e.g. 0.4 kg/m) to convert",
                field=f"products[{self.product_id}].mass",
            )
        for candidate in (value / self.mass, value * self.mass):
            if candidate.dimensionality == target.dimensionality:
                return float(candidate.m_as(unit))
        raise UnitError(
            f"cannot convert {value.units:~} to {unit} with a mass of {self.mass.units:~}",
            field=f"products[{self.product_id}].mass",
        )

    def limits(self) -> GB21252Limits:
        """The GB 21252-2023 level values of the product (GB 21252 products only).

        Returns
        -------
        GB21252Limits
            As :func:`gb21252_limits` with the product's attributes.

        Raises
        ------
        InputError
            The product is graded against the dyeing norm, which has no levels.
        """
        if self.kind != "gb21252":
            raise InputError(
                f"{self.product_id} is graded against the {self.standard}, which has no levels",
                field=f"products[{self.product_id}].attributes",
            )
        a = self.arguments
        return gb21252_limits(a["product"], a["water_absorption"], a["thickness_factor"])

    def level(self, specific_energy: Any) -> Any:
        """Grade a specific energy consumption of the product.

        Parameters
        ----------
        specific_energy : float or Quantity
            Comprehensive energy consumption per unit product, in the standard's unit
            when a plain number ([kgce/m^2], [kgce/t], [kgce/hundred_metre] or [tce/t]).

        Returns
        -------
        int or str
            GB 21252: ``1``, ``2``, ``3`` or :data:`BELOW_LIMIT`; dyeing norm:
            ``"meets limit"`` or ``"above limit"``.
        """
        return self.standing(specific_energy)["level"]

    def standing(self, specific_energy: Any) -> dict[str, Any]:
        """The product's standing for a specific energy consumption.

        Parameters
        ----------
        specific_energy : float or Quantity
            Comprehensive energy consumption per unit product, in the standard's unit
            when a plain number ([kgce/m^2], [kgce/t], [kgce/hundred_metre] or [tce/t]).

        Returns
        -------
        dict
            ``standard``, ``unit`` (of the limits), ``specific_energy`` (a float in that
            unit), ``level`` (see :meth:`level`), ``limit`` (the level-3 value or the
            norm's limit, a float in ``unit``) and ``status`` (of the limit values).

        Examples
        --------
        >>> from types import SimpleNamespace
        >>> tile = SimpleNamespace(id="tile", attributes={"limit_product": "dry_pressed_tile",
        ...                                               "water_absorption": 0.1})
        >>> s = product_limits(tile).standing(4.78)
        >>> s["level"], s["limit"], s["unit"]
        (2, 7.0, 'kgce / m ** 2')
        """
        a = self.arguments
        if self.kind == "gb21252":
            lim = self.limits()
            unit = f"{lim.level_3.units:~}"
            value = (
                float(specific_energy.m_as(unit))
                if isinstance(specific_energy, pint.Quantity)
                else float(magnitude(specific_energy, unit, "specific_energy"))
            )
            return {
                "standard": self.standard,
                "unit": unit,
                "specific_energy": value,
                "level": gb21252_level(specific_energy, **a),
                "limit": float(lim.level_3.magnitude),
                "status": lim.status,
            }
        limit_unit = next(
            r["unit"]
            for r in _dyeing_rows(a["edition"])
            if r["fabric"] == a["fabric"] and r["limit"] == "energy"
        )
        value = self.convert(specific_energy, limit_unit)
        row = dyeing_norm_check(value, **a).iloc[0]
        return {
            "standard": self.standard,
            "unit": row["unit"],
            "specific_energy": float(row["value"]),
            "level": MEETS_LIMIT if row["passed"] else ABOVE_LIMIT,
            "limit": float(row["limit_value"]),
            "status": row["status"],
        }


def product_limits(product: Any) -> ProductLimits | None:
    """The limit standard a plant-file product is graded against, from its attributes.

    ``attributes.limit_product`` (with ``water_absorption`` and ``thickness_factor``)
    selects GB 21252-2023; otherwise ``attributes.fabric`` (with ``norm_edition``,
    default 2017) selects the printing and dyeing industry norm.

    Parameters
    ----------
    product : Product
        A ``products[]`` entry of the plant data (anything with ``id`` and
        ``attributes``).

    Returns
    -------
    ProductLimits or None
        ``None`` when the product names no limit standard.

    Examples
    --------
    >>> import greenchain as gc
    >>> plant = gc.load_plant(gc.example_path("tile_plant.yaml"))
    >>> limits = product_limits(plant.data.products[0])
    >>> limits.standard, limits.limits().level_2
    ('GB 21252-2023', <Quantity(5.5, 'kilogram_coal_equivalent / meter ** 2')>)
    """
    a = product.attributes
    if a.get("limit_product"):
        return ProductLimits(
            product.id,
            "gb21252",
            "GB 21252-2023",
            {
                "product": a["limit_product"],
                "water_absorption": a.get("water_absorption"),
                "thickness_factor": a.get("thickness_factor", 1.0),
            },
        )
    if a.get("fabric"):
        edition = str(a.get("norm_edition", "2017"))
        try:
            fabric = dyeing_fabric_class(a["fabric"])
        except ValueError as exc:
            raise InputError(str(exc), field=f"products[{product.id}].attributes.fabric") from exc
        mass = getattr(product, "mass", None)
        return ProductLimits(
            product.id,
            "dyeing_norm",
            f"dyeing norm {edition} ({fabric})",
            {"fabric": fabric, "edition": edition},
            mass if isinstance(mass, pint.Quantity) else None,
        )
    return None


# --------------------------------------------------------------------------- equipment
#: kind -> grading function of the physics layer.
EQUIPMENT_GRADERS: dict[str, Callable[..., Any]] = {
    "motor": gb18613_level,
    "compressor": gb19153_level,
    "transformer": gb20052_level,
    "boiler": gb24500_level,
}


def grade_equipment(kind: str, **kwargs: Any) -> Any:
    """Energy-efficiency grade of a piece of equipment, by kind.

    Dispatches to the grading function of the physics layer (:data:`EQUIPMENT_GRADERS`):

    ===============  =============================================  ==============
    kind             function                                       standard
    ===============  =============================================  ==============
    ``motor``        ``greenchain.processes.motors.gb18613_level``   GB 18613-2020
    ``compressor``   ``...compressed_air.gb19153_level``             GB 19153-2019
    ``transformer``  ``...transformers.gb20052_level``               GB 20052-2024
    ``boiler``       ``...boilers.gb24500_level``                    GB 24500-2020
    ===============  =============================================  ==============

    Parameters
    ----------
    kind : str
        ``"motor"``, ``"compressor"``, ``"transformer"`` or ``"boiler"``.
    **kwargs
        Passed unchanged to the grading function (see its documentation).

    Returns
    -------
    object
        Whatever the grading function returns.

    Raises
    ------
    InputError
        Unknown ``kind`` (the message lists the valid ones).

    Examples
    --------
    >>> grade_equipment("pump")
    Traceback (most recent call last):
    ...
    greenchain.errors.InputError: kind: unknown equipment kind 'pump'; valid: motor, ...
    """
    if kind not in EQUIPMENT_GRADERS:
        raise InputError(
            f"unknown equipment kind {kind!r}; valid: {', '.join(EQUIPMENT_GRADERS)}",
            field="kind",
        )
    return EQUIPMENT_GRADERS[kind](**kwargs)
