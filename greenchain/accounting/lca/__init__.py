"""Matrix LCA: the engine (``A s = f``) and its Monte Carlo.

A generic matrix LCA engine
(Heijungs and Suh 2002; the same algebra as Brightway's ``bw2calc``): it knows
nothing about plants.

* :func:`matrix_lca` solves the technosphere system ``A s = f`` with one sparse LU
  factorisation, then computes the inventory ``g = B s``, the characterised score
  ``C g`` and the score of each activity.
* :func:`build_matrices` turns a tidy table of labelled exchanges (production,
  technosphere inputs, biosphere flows) into sparse ``A`` and ``B`` with their
  label-to-index mappings, so that multi-level bills of materials (an intermediate
  product made in the plant and used by another product) are solved exactly.

The engine works on plain numbers: each row and column of ``A`` and ``B`` is in the
unit its label was defined in (e.g. ``t`` of clinker, ``kWh`` of electricity,
``kg`` of CO2), so a pint Quantity is rejected rather than silently stripped. The
plant-facing layer attaches units to the results.

* :func:`monte_carlo_matrix` samples every uncertain matrix entry and solves the
  draws in batches.
"""

from __future__ import annotations

from greenchain.accounting.lca.engine import LCAMatrices, LCAResult, build_matrices, matrix_lca
from greenchain.accounting.lca.monte_carlo import monte_carlo_matrix

__all__ = ["LCAResult", "LCAMatrices", "matrix_lca", "build_matrices", "monte_carlo_matrix"]
