"""Rewrite factors/MANIFEST.sha256 after a deliberate change to shipped data.

Run ``make manifest`` (or ``python scripts/update_manifest.py``) after editing any
file in ``factors/``, and record the change in CHANGELOG.md under "Data".
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent / "factors"
MANIFEST = ROOT / "MANIFEST.sha256"


def compute() -> dict[str, str]:
    """Return {relative path: sha256} for every shipped data file."""
    out = {}
    for path in sorted(p for p in ROOT.rglob("*") if p.is_file()):
        if path == MANIFEST or "__pycache__" in path.parts:
            continue
        out[path.relative_to(ROOT).as_posix()] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


def main() -> int:
    lines = [f"{digest}  {name}" for name, digest in compute().items()]
    MANIFEST.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {MANIFEST} ({len(lines)} files)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
