"""Write an assembled report (plant or portfolio) as HTML, Markdown, Word or PDF."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from greenchain.interface.report_docx import write_docx
from greenchain.interface.report_pdf import write_pdf
from greenchain.interface.report_render import report_view

__all__ = ["write_document"]


def write_document(report: Any, path: str | Path, format: str) -> Path:
    """Write an assembled report (a plant or portfolio report) in one format.

    Parameters
    ----------
    report : Report
        From :func:`greenchain.interface.report.build_report` or
        :func:`greenchain.interface.portfolio_report.build_portfolio_report`.
    path : str or Path
        Output file.
    format : {"html", "md", "docx", "pdf"}
        HTML page, Markdown, Word document or A4 PDF.

    Returns
    -------
    Path
        The file written.
    """
    path = Path(path)
    if format == "docx":
        return write_docx(report_view(report), path)
    if format == "pdf":
        return write_pdf(report.to_html(), path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = report.to_html() if format == "html" else report.to_markdown()
    path.write_text(text, encoding="utf-8")
    return path
