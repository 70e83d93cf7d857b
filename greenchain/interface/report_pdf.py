"""The plant report as PDF, printed by headless Chromium.

The HTML report is printed to A4 by the system's Chromium (``chromium`` or
``chromium-browser`` on the ``PATH``, or the executable named by the environment
variable ``GREENCHAIN_CHROMIUM``); ``scripts/setup_browser.sh`` installs it on
Debian. Chinese text needs a CJK font (e.g. Debian's ``fonts-noto-cjk``).

Examples
--------
>>> chromium_path() is None or chromium_path().exists()
True
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from greenchain.errors import InputError

__all__ = ["chromium_path", "write_pdf"]


def chromium_path() -> Path | None:
    """The Chromium executable used to print PDF, or None when none is found.

    Returns
    -------
    Path or None
        ``$GREENCHAIN_CHROMIUM``, else ``chromium`` or ``chromium-browser`` on the PATH.

    Examples
    --------
    >>> isinstance(chromium_path(), (Path, type(None)))
    True
    """
    named = os.environ.get("GREENCHAIN_CHROMIUM")
    found = named or shutil.which("chromium") or shutil.which("chromium-browser")
    return Path(found) if found else None


def write_pdf(html_text: str, path: str | Path, *, timeout: float = 120.0) -> Path:
    """Print an HTML document to an A4 PDF with headless Chromium.

    Parameters
    ----------
    html_text : str
        The self-contained HTML document (no network access is needed).
    path : str or Path
        Output file (its folder is created).
    timeout : float, default 120.0
        Seconds to wait for Chromium.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    InputError
        No Chromium is installed, or it did not write the PDF.
    """
    chromium = chromium_path()
    if chromium is None:
        raise InputError(
            "PDF output needs Chromium: install it (Debian: bash scripts/setup_browser.sh) "
            "or set GREENCHAIN_CHROMIUM to its executable",
            field="format",
        )
    path = Path(path).resolve()
    path.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="greenchain-pdf-") as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html_text, encoding="utf-8")
        command = [
            str(chromium),
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={Path(tmp) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={path}",
            page.as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, text=True, timeout=timeout)
        except (OSError, subprocess.TimeoutExpired) as exc:
            raise InputError(f"Chromium could not print the PDF: {exc}", field="format") from exc
    if done.returncode != 0 or not path.is_file() or path.stat().st_size == 0:
        detail = (done.stderr or "").strip().splitlines()[-1:] or ["no output"]
        raise InputError(f"Chromium did not write the PDF: {detail[0]}", field="format")
    return path
