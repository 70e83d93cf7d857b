"""Evidence for green-factory scoring: checklist answers and gate results.

An *evidence file* is a YAML mapping keyed by the ids of a scheme's checklist items
and gates::

    # checklist items: an answer and the evidence reference behind it
    advanced_technology_equipment: {answer: yes, evidence: "catalogue items 2024"}
    green_design_report:
      answer: partial
      evidence: "design review minutes 2024-05"
    # gates: true / false (or {passed: true, evidence: "..."}); a gate's evidence items
    # (GB/T 36132-2025 4.2 c): the four management systems) are answered like items
    no_violation_3y: {passed: true, evidence: "safety bureau letter 2025-01"}
    quality_management_system: {answer: yes, evidence: "GB/T 19001 certificate"}

Answers are ``yes`` (1), ``partial`` (0.5), ``no`` (0) or ``na`` (not applicable:
the item is left out). YAML reads a bare ``yes``/``no`` as a boolean; both
spellings are accepted. Whether a key is a gate or an item is decided by the
scheme when scoring, so one file can hold both.

Examples
--------
>>> ev = as_evidence({"green_design_report": ("yes", "GB/T 24256 report 2024"),
...                   "no_violation_3y": True})
>>> ev["green_design_report"]
EvidenceEntry(answer='yes', evidence='GB/T 24256 report 2024')
>>> ev["no_violation_3y"].answer
'yes'
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from greenchain.data.yaml_safe import safe_load
from greenchain.errors import InputError

if TYPE_CHECKING:
    from greenchain.decisions.scoring.schemes import Scheme

__all__ = ["ANSWER_VALUES", "EvidenceEntry", "Evidence", "as_evidence", "load_evidence"]

#: Score share of each checklist answer (a greenchain convention taken from Higg FEM:
#: yes = full, partial = half, no = none). ``na`` removes the item.
ANSWER_VALUES = {"yes": 1.0, "partial": 0.5, "no": 0.0}

_ALIASES = {
    "yes": "yes",
    "y": "yes",
    "true": "yes",
    "pass": "yes",
    "passed": "yes",
    "partial": "partial",
    "partly": "partial",
    "partial yes": "partial",
    "no": "no",
    "n": "no",
    "false": "no",
    "fail": "no",
    "failed": "no",
    "na": "na",
    "n/a": "na",
    "not applicable": "na",
    "not_applicable": "na",
}


@dataclass(frozen=True)
class EvidenceEntry:
    """One answer: ``yes`` | ``partial`` | ``no`` | ``na`` and its evidence reference."""

    answer: str
    evidence: str | None = None


class Evidence(Mapping[str, EvidenceEntry]):
    """Read-only mapping ``{id: EvidenceEntry}`` remembering the file it came from."""

    def __init__(self, entries: Mapping[str, EvidenceEntry], source: str | None = None):
        self._entries = dict(entries)
        self.source = source

    def __getitem__(self, key: str) -> EvidenceEntry:
        return self._entries[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        where = f" from {self.source}" if self.source else ""
        return f"<Evidence: {len(self)} entries{where}>"


def _answer(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | float):
        for text, share in ANSWER_VALUES.items():
            if value == share:
                return text
        raise ValueError(f"numeric answer {value!r} is not 1, 0.5 or 0")
    if isinstance(value, str) and value.strip().lower() in _ALIASES:
        return _ALIASES[value.strip().lower()]
    raise ValueError(f"answer {value!r} is not one of yes, partial, no, na")


def _entry(value: Any) -> EvidenceEntry:
    evidence: Any = None
    if isinstance(value, Mapping):
        extra = set(value) - {"answer", "passed", "evidence"}
        if extra:
            raise ValueError(
                f"unknown keys {sorted(extra)} (expected answer or passed, and evidence)"
            )
        if ("answer" in value) == ("passed" in value):
            raise ValueError("give exactly one of 'answer' (checklist item) or 'passed' (gate)")
        raw = value.get("answer", value.get("passed"))
        evidence = value.get("evidence")
    elif isinstance(value, list | tuple):
        if len(value) != 2:
            raise ValueError("a sequence answer must be (answer, evidence reference)")
        raw, evidence = value
    else:
        raw = value
    if raw is None:
        raise ValueError("answer is empty")
    if evidence is not None and not isinstance(evidence, str | int | float):
        raise ValueError("the evidence reference must be text")
    ref = None if evidence is None or str(evidence).strip() == "" else str(evidence).strip()
    return EvidenceEntry(_answer(raw), ref)


def as_evidence(
    evidence: Mapping[str, Any] | Evidence | None, source: str | None = None
) -> Evidence:
    """Return ``evidence`` as :class:`Evidence`, checking every answer at once.

    Values may be an :class:`EvidenceEntry`, ``"yes"``/``True``..., a pair
    ``(answer, evidence_ref)`` or a mapping ``{answer: ..., evidence: ...}`` (gates:
    ``{passed: ..., evidence: ...}``).

    Parameters
    ----------
    evidence : mapping, Evidence or None
        Item or gate id -> answer (``None``: no evidence).
    source : str, optional
        The evidence file's name, named in messages.

    Returns
    -------
    Evidence

    Raises
    ------
    InputError
        Naming every bad item (and ``source`` when given).
    """
    if evidence is None:
        return Evidence({}, source)
    if isinstance(evidence, Evidence):
        return evidence
    if not isinstance(evidence, Mapping):
        raise InputError(
            f"evidence must be a mapping of item id to answer, got {type(evidence).__name__}",
            field="evidence",
            source=source,
        )
    entries: dict[str, EvidenceEntry] = {}
    problems = []
    for key, value in evidence.items():
        if not isinstance(key, str):
            problems.append(f"{key!r}: ids must be text")
            continue
        if isinstance(value, EvidenceEntry):
            entries[key] = value
            continue
        try:
            entries[key] = _entry(value)
        except ValueError as exc:
            problems.append(f"{key}: {exc}")
    if problems:
        raise InputError(
            "bad evidence:\n  " + "\n  ".join(problems), field="evidence", source=source
        )
    return Evidence(entries, source)


def check_ids(evidence: Evidence, scheme: Scheme) -> None:
    """Raise :class:`InputError` naming every evidence id the scheme does not know.

    Parameters
    ----------
    evidence : Evidence
        The answers, by checklist item or gate id.
    scheme : Scheme
        The scheme they answer.

    Raises
    ------
    InputError
        Listing every unknown id, with the closest known ids.
    """
    known = scheme.evidence_ids()
    unknown = [key for key in evidence if key not in known]
    if not unknown:
        return
    hints = []
    for key in unknown:
        close = difflib.get_close_matches(key, known, n=2)
        hints.append(f"{key!r}" + (f" (did you mean {' or '.join(close)}?)" if close else ""))
    raise InputError(
        f"unknown evidence item{'s' if len(unknown) > 1 else ''} for scheme "
        f"{scheme.id}: {', '.join(hints)}",
        field="evidence",
        source=evidence.source,
    )


def load_evidence(path: str | Path, scheme: Scheme | str | Path | None = None) -> Evidence:
    """Read an evidence file (see the module docstring for the format).

    Parameters
    ----------
    path : str or Path
        YAML file ``{item_id: {answer: yes|partial|no|na, evidence: "ref"}}`` and
        ``{gate_id: true|false}``.
    scheme : Scheme or name, optional
        When given, ids the scheme does not know are rejected now (otherwise
        :func:`~greenchain.decisions.scoring.score` rejects them).

    Returns
    -------
    Evidence
        Mapping of id to :class:`EvidenceEntry`; ``.source`` is the file name.

    Raises
    ------
    InputError
        Missing or unreadable file, or bad answers: the message names the file and
        every faulty item.
    """
    path = Path(path)
    source = str(path)
    if not path.is_file():
        raise InputError("evidence file not found", source=source)
    try:
        with open(path, encoding="utf-8") as fh:
            data = safe_load(fh)
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML: {exc}", source=source) from exc
    if data is None:
        data = {}
    if not isinstance(data, Mapping):
        raise InputError("an evidence file must be a mapping of item id to answer", source=source)
    evidence = as_evidence(data, source)
    if scheme is not None:
        from greenchain.decisions.scoring.schemes import load_scheme

        check_ids(evidence, load_scheme(scheme))
    return evidence
