"""greenchain is typed for the code that embeds it (PEP 561 ``py.typed``)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
MYPY = Path(sys.executable).parent / "mypy"

USER_SCRIPT = """\
import greenchain as gc

plant = gc.load_plant("plant.yaml")
result = plant.inventory()
total = result.total
reveal_type(total)
reveal_type(plant.energy().total)
reveal_type(gc.Q_(1.0, "kWh"))
"""


def test_package_is_marked_typed():
    assert (ROOT / "greenchain" / "py.typed").is_file()


@pytest.mark.skipif(not MYPY.exists() and shutil.which("mypy") is None, reason="mypy missing")
def test_strict_user_script_sees_quantities_not_any(tmp_path):
    script = tmp_path / "user_script.py"
    script.write_text(USER_SCRIPT)
    proc = subprocess.run(
        [
            str(MYPY if MYPY.exists() else shutil.which("mypy")),
            "--strict",
            "--no-incremental",
            "--cache-dir",
            str(tmp_path / "cache"),
            str(script),
        ],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        check=False,
    )
    revealed = [line for line in proc.stdout.splitlines() if "Revealed type" in line]
    assert len(revealed) == 3, proc.stdout + proc.stderr
    for line in revealed:
        assert 'Revealed type is "pint.' in line and "Quantity" in line, line
    assert proc.returncode == 0, proc.stdout
