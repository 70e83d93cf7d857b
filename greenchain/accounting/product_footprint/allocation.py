"""Allocation of plant energy and emissions among products."""

from __future__ import annotations

import math
from typing import Any

import pint

from greenchain.accounting.product_footprint._constants import ALLOCATIONS
from greenchain.accounting.product_footprint.system import ProductSystem
from greenchain.accounting.uncertainty.terms import field_error
from greenchain.errors import UnitError
from greenchain.units import Q_

__all__ = ["allocate", "allocation_basis", "HIERARCHY"]


def allocation_basis(method: str, p: Any, i: int, source: str | None) -> tuple[float, str]:
    """Allocation basis of one product: (value, text).

    Parameters
    ----------
    method : {"mass", "area", "economic"}
        The allocation method.
    p : Product
        The plant file's product: its ``output`` (with a unit), and ``mass`` (mass
        allocation of an output that is not a mass) or ``value`` (economic allocation).
    i : int
        Index of the product in ``products``, for the field named in errors.
    source : str, optional
        The plant file's name.

    Returns
    -------
    (float, str)
        The basis, output mass [kg], area [m^2] or value [CNY], and a text of it for
        the result (in [t], [m^2] or [wan_yuan]).
    """
    out = p.output
    where = f"products[{i}]"
    if not isinstance(out, pint.Quantity):
        raise field_error(
            source,
            f"{where}.output",
            f"product {p.id!r}: {method} allocation needs the output with a unit",
        )
    if method == "area":
        if not out.check("[length]**2"):
            raise field_error(
                source,
                f"{where}.output",
                f"product {p.id!r}: area allocation needs an output in m^2, got {out:~P}",
                UnitError,
            )
        return float(out.m_as("m^2")), f"{out.m_as('m^2'):g} m^2"
    if method == "mass":
        if out.check("[mass]"):
            return float(out.m_as("kg")), f"{out.m_as('t'):g} t"
        if p.mass is None:
            raise field_error(
                source,
                f"{where}.mass",
                f"product {p.id!r}: mass allocation needs `mass` (mass per "
                "unit of output, e.g. '22 kg/m^2')",
            )
        q = out * (p.mass if isinstance(p.mass, pint.Quantity) else Q_(p.mass, "kg"))
        if not q.check("[mass]"):
            written = f"{p.mass:~P}" if isinstance(p.mass, pint.Quantity) else f"{p.mass:g} kg"
            raise field_error(
                source,
                f"{where}.mass",
                f"product {p.id!r}: mass {written} is not a mass per unit "
                f"of output ({out.units:~P}); write e.g. '0.6 kg/{out.units:~P}'",
                UnitError,
            )
        return float(q.m_as("kg")), f"{q.m_as('t'):g} t"
    if p.value is None:
        raise field_error(
            source,
            f"{where}.value",
            f"product {p.id!r}: economic allocation needs `value` (output "
            "value, e.g. '3000 wan_yuan')",
        )
    v = p.value if isinstance(p.value, pint.Quantity) else Q_(p.value, "CNY")
    q = v if v.check("[currency]") else v * out
    if not q.check("[currency]"):
        raise field_error(
            source,
            f"{where}.value",
            f"product {p.id!r}: value {v:~P} is neither an amount of money "
            "nor money per unit of output",
            UnitError,
        )
    return float(q.m_as("CNY")), f"{q.m_as('wan_yuan'):g} wan_yuan"


def allocate(
    ctx: ProductSystem,
    method: str | None,
    chain: list[str],
    needed: bool,
    justification: str | None = None,
) -> dict:
    """Shares of the plant emissions that are not sub-metered, by product.

    The ISO 14067:2018 6.4.6.2 hierarchy: rows sub-metered to a product are its own
    (sub-division, decided by the caller); the shared rest goes by a physical
    relationship (declared ``energy_share``, mass or area); economic value only with a
    stated justification (``justification`` or the plant file's
    ``allocation.justification``), else an error naming that field.

    Parameters
    ----------
    ctx : ProductSystem
        The plant's products.
    method : str, optional
        ``mass``, ``area``, ``economic`` or ``physical``; None takes the plant file's
        ``energy_share`` values, the single product, or ``allocation.method``.
    chain : list of str
        The products whose shares are needed.
    needed : bool
        Whether any shared (not sub-metered) row exists.
    justification : str, optional
        Why economic allocation is used (overrides ``allocation.justification``).

    Returns
    -------
    dict
        ``method``, ``shares`` (product id -> fraction), ``basis``, ``hierarchy`` (the
        ISO 14067 step taken), ``justification`` (economic) and ``note``.

    Examples
    --------
    >>> import greenchain as gc
    >>> from greenchain.accounting.product_footprint.system import ProductSystem
    >>> plant = gc.load_plant(gc.example_path("shoe_factory.yaml"))
    >>> ctx = ProductSystem(plant.data, None)
    >>> a = allocate(ctx, None, ["running_shoe", "eva_midsole"], True)
    >>> a["method"], a["shares"]
    ('physical', {'running_shoe': 0.8, 'eva_midsole': 0.2})
    """
    out = _allocate(ctx, method, chain, needed, justification)
    out.setdefault("hierarchy", HIERARCHY.get(out["method"], ""))
    return out


#: the ISO 14067:2018 6.4.6.2 step behind each allocation method
HIERARCHY = {
    "sub-metered": "step 1: allocation avoided by sub-division (all rows sub-metered)",
    "single product": "no allocation: one product",
    "physical": "step 2: physical relationship (declared energy shares)",
    "mass": "step 2: physical relationship (output mass)",
    "area": "step 2: physical relationship (output area)",
    "economic": "step 3: economic value, with a stated justification",
}


def _allocate(
    ctx: ProductSystem,
    method: str | None,
    chain: list[str],
    needed: bool,
    justification: str | None,
) -> dict:
    source = ctx.source
    products = ctx.products
    declared = {
        p.id: p.footprint.energy_share
        for p in products
        if p.footprint is not None and p.footprint.energy_share is not None
    }
    section = ctx.data.allocation
    if method is None:
        if not needed:
            return {
                "method": "sub-metered",
                "shares": {},
                "basis": {},
                "note": "all plant emissions are sub-metered to products",
            }
        if declared:
            method = "physical"
        elif len(products) == 1:
            return {
                "method": "single product",
                "shares": {products[0].id: 1.0},
                "basis": {},
                "note": "one product: it carries all plant emissions",
            }
        elif section is not None:
            method = section.method
        else:
            raise field_error(
                source,
                "allocation",
                f"the plant makes {len(products)} products "
                f"({', '.join(ctx.index)}); choose an allocation: mass, area, economic "
                "or physical (footprint.energy_share), or add an `allocation:` section",
            )
    if method not in ALLOCATIONS:
        raise field_error(
            source, "allocation", f"allocation must be one of {ALLOCATIONS}, got {method!r}"
        )
    if method == "physical":
        shares = dict(section.shares or {}) if section is not None else {}
        shares.update(declared)
        for pid, s in shares.items():
            if pid not in ctx.index:
                raise field_error(source, "allocation.shares", f"{pid!r} is not a product id")
            if not 0 <= s <= 1:
                raise field_error(
                    source,
                    f"products[{ctx.index[pid]}].footprint.energy_share",
                    f"product {pid!r}: energy_share {s} outside [0, 1]",
                )
        total = math.fsum(shares.values())
        if total > 1 + 1e-9:
            listed = ", ".join(f"{pid} {s:g}" for pid, s in shares.items())
            raise field_error(
                source,
                "footprint.energy_share",
                f"energy shares sum to {total:g} > 1 ({listed}); physical "
                "shares are fractions of the shared plant emissions",
            )
        if needed:
            for pid in chain:
                if pid not in shares:
                    raise field_error(
                        source,
                        f"products[{ctx.index[pid]}].footprint.energy_share",
                        f"product {pid!r} has no energy_share for physical "
                        "allocation (write 0 if it takes none)",
                    )
        return {
            "method": "physical",
            "shares": shares,
            "basis": dict(shares),
            "unallocated": max(0.0, 1.0 - total),
        }
    why = None
    if method == "economic":
        why = (
            justification or (section.justification if section is not None else None) or ""
        ).strip()
        if not why:
            raise field_error(
                source,
                "allocation.justification",
                "economic allocation needs a stated justification (ISO 14067:2018 "
                "6.4.6.2: only where sub-division and a physical relationship cannot be "
                "used): give `allocation.justification` in the plant file or "
                "justification=",
            )
    basis = {p.id: allocation_basis(method, p, i, source) for i, p in enumerate(products)}
    total = math.fsum(v for v, _ in basis.values())
    if total <= 0:
        raise field_error(source, "allocation", f"{method} allocation: the bases sum to zero")
    out = {
        "method": method,
        "shares": {pid: v / total for pid, (v, _) in basis.items()},
        "basis": {pid: text for pid, (_, text) in basis.items()},
    }
    if why:
        out["justification"] = why
    return out
