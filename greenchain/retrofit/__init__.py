"""Retrofit decisions: measures, their effects and their ranking.

Only the marginal abatement cost curve is here so far (:func:`macc`).
"""

from __future__ import annotations

from greenchain.retrofit.macc import macc

__all__ = ["macc"]
