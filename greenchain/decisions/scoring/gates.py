"""Gates (basic requirements, one-vote veto) of a green-factory scheme, checked from evidence.

A gate is answered directly (``no_violation_3y: true``) or, when the scheme lists its
evidence ``items`` (GB/T 36132-2025 clause 4.2 c): the four management systems), through
them: every item ``yes`` passes, one ``no`` fails, otherwise the gate is unanswered and
the missing items are named. Evidence ids an earlier version of the scheme used
(``retired_evidence``) are ignored with the scheme's note.

Examples
--------
>>> from greenchain.decisions.scoring.evidence import as_evidence
>>> from greenchain.decisions.scoring.schemes import load_scheme
>>> ev = as_evidence({"quality_management_system": True, "energy_management_system": True,
...                   "environmental_management_system": True, "ohs_management_system": True})
>>> table, failed, notes = gate_table(load_scheme("GB/T 36132-2025"), as_evidence(None), ev)
>>> table[["clause", "status"]].values.tolist()
[['4.2 a)', 'unanswered'], ['4.2 b)', 'unanswered'], ['4.2 c)', 'passed']]
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from greenchain.decisions.scoring.evidence import Evidence
from greenchain.decisions.scoring.schemes import Gate, Scheme
from greenchain.errors import InputError

__all__ = ["GATE_COLUMNS", "gate_table"]

#: Columns of ``ScoreResult.by_gate``.
GATE_COLUMNS = [
    "gate",
    "clause",
    "name_en",
    "name_zh",
    "status",
    "evidence",
    "items",
    "missing",
    "source_status",
]


def _one(gate: Gate, gates: Evidence, evidence: Evidence) -> dict[str, Any]:
    entry = gates.get(gate.id) or evidence.get(gate.id)
    if entry is not None and entry.answer == "na":
        raise InputError("a gate cannot be not applicable", field=f"gates[{gate.id!r}]")
    row: dict[str, Any] = {
        "gate": gate.id,
        "clause": gate.clause,
        "name_en": gate.name_en,
        "name_zh": gate.name_zh,
        "evidence": entry.evidence if entry else None,
        "items": None,
        "missing": None,
        "source_status": gate.status,
    }
    if entry is not None:
        row["status"] = "passed" if entry.answer == "yes" else "failed"
        return row
    if not gate.items:
        row["status"] = "unanswered"
        return row
    answers = {i.id: gates.get(i.id) or evidence.get(i.id) for i in gate.items}
    for item_id, e in answers.items():
        if e is not None and e.answer == "na":
            raise InputError(
                f"an evidence item of gate {gate.id} cannot be not applicable",
                field=f"evidence[{item_id!r}]",
            )
    row["items"] = "; ".join(f"{k}: {e.answer if e else '-'}" for k, e in answers.items())
    refs = [f"{k}: {e.evidence}" for k, e in answers.items() if e is not None and e.evidence]
    row["evidence"] = "; ".join(refs) or None
    missing = [k for k, e in answers.items() if e is None]
    row["missing"] = ", ".join(missing) or None
    if any(e is not None and e.answer in ("no", "partial") for e in answers.values()):
        row["status"] = "failed"
    elif missing:
        row["status"] = "unanswered"
    else:
        row["status"] = "passed"
    return row


def gate_table(
    scheme: Scheme, gates: Evidence, evidence: Evidence
) -> tuple[pd.DataFrame, list[str], list[str]]:
    """Check every gate of ``scheme``: one row per gate (per clause 4.2 item in 2025).

    Parameters
    ----------
    scheme : Scheme
        The scheme.
    gates : Evidence
        Gate answers given with ``gates=`` (they override ``evidence``).
    evidence : Evidence
        The evidence answers (gates, gate items, checklist items).

    Returns
    -------
    tuple
        ``(by_gate, failed_gates, notes)``: the table (:data:`GATE_COLUMNS`), the ids of
        gates not passed, and notes on retired evidence ids that were ignored.
    """
    rows = [_one(g, gates, evidence) for g in scheme.gates]
    failed = [r["gate"] for r in rows if r["status"] != "passed"]
    notes = [
        f"evidence {r.id!r} ignored: {r.note}"
        for r in scheme.retired_evidence
        if r.id in evidence or r.id in gates
    ]
    return pd.DataFrame(rows, columns=GATE_COLUMNS), failed, notes
