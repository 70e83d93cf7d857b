"""A plant's products as a product system: declared units, outputs, in-plant supply chains."""

from __future__ import annotations

from typing import Any

import pint

from greenchain.accounting.product_footprint._constants import MATERIAL_LISTS
from greenchain.accounting.uncertainty.terms import field_error, unit_quantity
from greenchain.data.plant_file import PlantData
from greenchain.errors import UnitError
from greenchain.units import Q_

__all__ = ["ProductSystem"]


class ProductSystem:
    """Product lookup, declared units and outputs of one plant.

    Parameters
    ----------
    data : PlantData
        Validated plant data.
    source : str, optional
        The plant file's name, for messages.
    """

    def __init__(self, data: PlantData, source: str | None = None):
        self.data = data
        self.source = source
        self.products = list(data.products)
        self.index = {p.id: i for i, p in enumerate(self.products)}
        self.declared: dict[str, pint.Quantity] = {}
        self.output: dict[str, float] = {}
        for i, p in enumerate(self.products):
            self.declared[p.id], self.output[p.id] = self._unit_output(p, i)

    def _unit_output(self, p: Any, i: int) -> tuple[pint.Quantity, float]:
        where = f"products[{i}]"
        out = p.output
        if out is None or (out.magnitude if isinstance(out, pint.Quantity) else out) <= 0:
            raise field_error(
                self.source,
                f"{where}.output",
                f"product {p.id!r} has no output (annual output > 0 needed)",
            )
        if p.footprint is not None:
            declared = unit_quantity(
                p.footprint.declared_unit,
                f"{where}.footprint.declared_unit",
                f"product {p.id!r}: declared unit",
                self.source,
            )
        else:
            declared = Q_(1.0, out.units) if isinstance(out, pint.Quantity) else Q_(1.0, "piece")
        if declared.magnitude <= 0:
            raise field_error(
                self.source,
                f"{where}.footprint.declared_unit",
                f"product {p.id!r}: declared unit must be > 0",
            )
        if not isinstance(out, pint.Quantity):
            return declared, float(out) / float(declared.magnitude)
        try:
            return declared, float((out / declared).m_as(""))
        except pint.errors.DimensionalityError:
            raise field_error(
                self.source,
                f"{where}.output",
                f"product {p.id!r}: output {out:~P} cannot be expressed in its declared unit "
                f"{declared:~P}",
                UnitError,
            ) from None

    def chain(self, root: str) -> list[str]:
        """``root`` and every product made in the plant that it uses, children first.

        Parameters
        ----------
        root : str
            A product id.

        Returns
        -------
        list of str
            Product ids, ``root`` last; a loop of in-plant products raises
            :class:`~greenchain.errors.InputError`.
        """
        order: list[str] = []
        state: dict[str, str] = {}

        def visit(pid: str, trail: list[str]) -> None:
            if state.get(pid) == "done":
                return
            if state.get(pid) == "active":
                raise field_error(
                    self.source,
                    "made_in_plant",
                    "products made in the plant form a loop: " + " -> ".join([*trail, pid]),
                )
            state[pid] = "active"
            for where, m in self.inputs(pid):
                if m.made_in_plant is None:
                    continue
                if m.made_in_plant not in self.index:
                    raise field_error(
                        self.source,
                        f"{where}.made_in_plant",
                        f"product {pid!r}: {m.name!r} is made in plant "
                        f"{m.made_in_plant!r}, which is not a product id "
                        f"(products are {list(self.index)})",
                    )
                visit(m.made_in_plant, [*trail, pid])
            state[pid] = "done"
            order.append(pid)

        visit(root, [])
        return order

    def inputs(self, pid: str) -> list[tuple[str, Any]]:
        """The materials, packaging and waste of product ``pid`` with their fields.

        Parameters
        ----------
        pid : str
            A product id.

        Returns
        -------
        list of (str, Material)
            ``("products[i].footprint.materials[k]", item)`` pairs; empty without a
            footprint section.
        """
        i = self.index[pid]
        spec = self.products[i].footprint
        if spec is None:
            return []
        return [
            (f"products[{i}].footprint.{name}[{k}]", m)
            for name in MATERIAL_LISTS
            for k, m in enumerate(getattr(spec, name))
        ]
