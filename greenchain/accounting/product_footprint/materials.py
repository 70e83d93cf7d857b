"""Materials, packaging, waste and transport of a product as footprint terms."""

from __future__ import annotations

from typing import Any

import pint

from greenchain.accounting.product_footprint._constants import FACTOR_KEY
from greenchain.accounting.product_footprint.system import ProductSystem
from greenchain.accounting.uncertainty.terms import (
    Edge,
    Term,
    TermModel,
    distribution_from_spec,
    factor_distribution,
    field_error,
    split_uncertainty,
    unit_quantity,
)
from greenchain.data import factors
from greenchain.errors import AmbiguousFactor, FactorNotFound, UnitError
from greenchain.units import Q_, unit_of

__all__ = ["material_factor", "co2e_conversion", "product_terms"]


def material_factor(
    raw: Any, unc: Any, where: str, label: str, source: str | None, model: TermModel
) -> tuple[str, Any, dict[str, Any]]:
    """(parameter name, unit, audit row) of a material or transport factor.

    Parameters
    ----------
    raw : str or Quantity
        The factor as written: a factor key, optionally with its dataset
        (``"fuel.diesel.co2_factor (IPCC 2006)"``), or a value with its unit
        (``"2.2 kgCO2e/kg"``); None raises an error (never taken as zero).
    unc : dict or None
        Uncertainty spec of the factor (replaces a database factor's own).
    where : str
        Field of the item, e.g. ``"products[0].footprint.materials[2]"``.
    label : str
        The item, named in errors.
    source : str, optional
        The plant file's name.
    model : TermModel
        Receives the factor as a parameter.

    Returns
    -------
    tuple
        The parameter name, the factor's unit (e.g. [kgCO2e/kg] or [kgCO2e/t/km]) and
        the audit row (``factor``, ``value``, ``unit`` and, for a database factor,
        ``source`` and ``status``).
    """
    if raw is None:
        raise field_error(
            source,
            f"{where}.factor",
            f"{label} has no factor; give a factor key or a value with "
            "its unit, e.g. '2.2 kgCO2e/kg' (a missing factor is never taken as zero)",
        )
    key = FACTOR_KEY.match(raw.strip()) if isinstance(raw, str) else None
    if key is not None:
        try:
            f = factors.get(key.group(1), dataset=key.group(2))
        except (FactorNotFound, AmbiguousFactor) as exc:
            raise type(exc)(
                f"{label}: {exc.message}", field=f"{where}.factor", source=source
            ) from None
        dist = factor_distribution(f)
        name = f"{f.key} ({f.dataset})"
        if unc is not None:
            dist = distribution_from_spec(
                unc, f.value, f.unit, f"{where}.uncertainty.factor", source
            )
            name = f"{where}.factor"
        audit = {
            "factor": f.key,
            "value": f.value,
            "unit": f.unit,
            "source": f.citation(),
            "status": f.status,
        }
        return model.param(name, f.value, dist), unit_of(f.unit), audit
    q = unit_quantity(raw, f"{where}.factor", f"{label}: factor", source, "2.2 kgCO2e/kg")
    unit = f"{q.units:~P}"
    dist = distribution_from_spec(
        unc, float(q.magnitude), q.units, f"{where}.uncertainty.factor", source
    )
    name = model.param(f"{where}.factor", float(q.magnitude), dist)
    return name, q.units, {"factor": "explicit", "value": float(q.magnitude), "unit": unit}


def co2e_conversion(units: list[Any], where: str, message: str, source: str | None) -> float:
    """kgCO2e per (1 of each unit multiplied); UnitError with ``message`` if not a mass.

    Parameters
    ----------
    units : list of pint.Unit, str or Quantity
        The units multiplied, e.g. the amount's [kg] and the factor's [kgCO2e/kg].
    where : str
        Field named in the error.
    message : str
        Start of the error message.
    source : str, optional
        The plant file's name.

    Returns
    -------
    float
        The product expressed in [kgCO2e].

    Examples
    --------
    >>> co2e_conversion(["t", "kgCO2e/kg"], "factor", "bad factor", None)
    1000.0
    """
    try:
        q = Q_(1.0, "")
        for u in units:
            q = q * (u if isinstance(u, pint.Quantity) else Q_(1.0, u))
        return float(q.m_as("kgCO2e"))
    except (pint.errors.DimensionalityError, pint.errors.OffsetUnitCalculusError):
        raise field_error(
            source, where, f"{message} (the product is {q.units:~P}, not kgCO2e)", UnitError
        ) from None


def product_terms(
    ctx: ProductSystem,
    pid: str,
    boundary: str,
    model: TermModel,
    audit: list[dict],
    notes: list[str],
) -> None:
    """Add the materials, packaging, waste and transport of product ``pid`` to ``model``.

    Each counted item adds a term ``amount x factor`` [kgCO2e per declared unit] (a
    transport leg: distance x mass x factor per t.km); an item made in the plant adds an
    edge to that product instead.

    Parameters
    ----------
    ctx : ProductSystem
        The plant's products.
    pid : str
        The product id.
    boundary : {"cradle_to_gate", "gate_to_gate"}
        ``gate_to_gate`` counts waste only (no materials, packaging or transport).
    model : TermModel
        Receives the parameters, terms and edges.
    audit : list of dict
        Receives one row per factor used (product, stage, item, factor, value, unit,
        source, status).
    notes : list of str
        Receives a note when the product has no footprint section.

    Returns
    -------
    None
    """
    source = ctx.source
    for where, m in ctx.inputs(pid):
        listname = where.rsplit(".", 1)[1].split("[")[0]
        stage = m.stage if (listname == "materials" or m.stage != "materials") else listname
        kind = {"materials": "material"}.get(listname, listname)
        label = f"product {pid!r}, {kind} {m.name!r}"
        amount = unit_quantity(m.amount, f"{where}.amount", label, source)
        unc_amount, unc_factor = split_uncertainty(
            m.uncertainty, "amount", f"{where}.uncertainty", source
        )
        dist = distribution_from_spec(
            unc_amount, float(amount.magnitude), amount.units, f"{where}.uncertainty", source
        )
        a = model.param(f"{where}.amount", float(amount.magnitude), dist)
        counted = boundary == "cradle_to_gate" or listname == "waste"
        if m.made_in_plant is not None:
            if m.factor is not None:
                raise field_error(
                    source,
                    f"{where}.factor",
                    f"{label} is made in the plant ({m.made_in_plant!r}); give no factor",
                )
            child = ctx.declared[m.made_in_plant]
            try:
                w = float(Q_(1.0, amount.units).m_as(child.units)) / float(child.magnitude)
            except pint.errors.DimensionalityError:
                raise field_error(
                    source,
                    f"{where}.amount",
                    f"{label}: amount {amount:~P} cannot be expressed in the "
                    f"declared unit of {m.made_in_plant!r} ({child:~P})",
                    UnitError,
                ) from None
            model.edges.append(Edge(pid, m.made_in_plant, w, a))
        elif counted:
            f, funit, row = material_factor(m.factor, unc_factor, where, label, source, model)
            conv = co2e_conversion(
                [amount.units, funit],
                f"{where}.factor",
                f"{label}: a factor in {funit:~P} cannot be applied to an amount "
                f"in {amount.units:~P}",
                source,
            )
            model.terms.append(Term(pid, (stage, m.name), conv, (a, f)))
            row.setdefault("source", m.factor_source or "not given")
            row.setdefault("status", m.factor_status)
            audit.append({"product": pid, "stage": stage, "item": m.name, **row})
        if boundary != "cradle_to_gate":
            continue
        for k, leg in enumerate(m.transport):
            lw = f"{where}.transport[{k}]"
            mass = amount.units
            if not amount.check("[mass]"):
                child_p = ctx.products[ctx.index[m.made_in_plant]] if m.made_in_plant else None
                if child_p is None or not isinstance(child_p.mass, pint.Quantity):
                    raise field_error(
                        source,
                        lw,
                        f"{label}: transport needs the mass of the material; "
                        f"give its amount in kg or t (got {amount:~P})",
                        UnitError,
                    )
                mass = Q_(1.0, amount.units) * child_p.mass
            dist_q = (
                leg.distance if isinstance(leg.distance, pint.Quantity) else Q_(leg.distance, "km")
            )
            unc_d, unc_f = split_uncertainty(
                leg.uncertainty, "distance", f"{lw}.uncertainty", source
            )
            d = model.param(
                f"{lw}.distance",
                float(dist_q.magnitude),
                distribution_from_spec(
                    unc_d, float(dist_q.magnitude), dist_q.units, f"{lw}.uncertainty", source
                ),
            )
            tlabel = f"{label}, transport by {leg.mode}"
            f, funit, row = material_factor(leg.factor, unc_f, lw, tlabel, source, model)
            conv = co2e_conversion(
                [dist_q.units, mass, funit],
                f"{lw}.factor",
                f"{tlabel}: a factor in {funit:~P} cannot be applied to distance x mass",
                source,
            )
            item = f"{m.name} ({leg.mode})"
            model.terms.append(Term(pid, ("transport", item), conv, (d, a, f)))
            row.setdefault("source", leg.factor_source or "not given")
            row.setdefault("status", leg.factor_status)
            audit.append({"product": pid, "stage": "transport", "item": item, **row})
    if ctx.products[ctx.index[pid]].footprint is None:
        notes.append(f"product {pid!r} has no footprint section: only plant emissions counted")
