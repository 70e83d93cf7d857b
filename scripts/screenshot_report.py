"""Screenshot the first screen of a plant report in headless Chromium (for the README).

Usage: python scripts/screenshot_report.py out/report.html docs/assets/report-first-screen.png
       python scripts/screenshot_report.py out/report.html flow.png --section flow

``--section ID`` shoots one section of the report (``flow``, ``equipment``, ``caveats`` …)
instead of the first screen; ``--full`` the whole page.
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

from greenchain.interface.report_pdf import chromium_path


def main(report: str, png: str, full_page: bool = False, section: str | None = None) -> None:
    chromium = chromium_path()  # the executable the PDF report uses
    if chromium is None:
        raise SystemExit("chromium not found (bash scripts/setup_browser.sh)")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(chromium),
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        page.goto(Path(report).resolve().as_uri())
        if section:
            page.locator(f"section#{section}").screenshot(path=png)
        else:
            page.screenshot(path=png, full_page=full_page)
        browser.close()
    print(f"wrote {png}")


if __name__ == "__main__":
    argv = sys.argv[1:]
    shot = argv[argv.index("--section") + 1] if "--section" in argv else None
    main(argv[0], argv[1], full_page="--full" in argv, section=shot)
