"""mkdocs hooks: render docs/data-sources.md from factors/sources.yaml and the data
files, and the tutorials from the worked-example notebooks in examples/."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
FACTORS = ROOT / "factors"


def _rows_by_source() -> dict[str, Counter]:
    counts: dict[str, Counter] = {}
    for path in sorted(FACTORS.rglob("*.csv")):
        with open(path, encoding="utf-8", newline="") as fh:
            lines = [line for line in fh if not line.lstrip().startswith("#")]
        for row in csv.DictReader(lines):
            sid = row.get("source_id")
            if sid:
                counts.setdefault(sid, Counter())[
                    (path.relative_to(FACTORS).as_posix(), row.get("status", ""))
                ] += 1
    return counts


def render() -> str:
    entries = yaml.safe_load((FACTORS / "sources.yaml").read_text(encoding="utf-8"))
    counts = _rows_by_source()
    out = [
        "# Data sources",
        "",
        "Every number greenchain ships cites one of these sources. The page is generated",
        "from `factors/sources.yaml` and the data files when the documentation is built.",
        "",
        "Status: **official** (read in the source or a verbatim reproduction), "
        "**transcribed** (a public transcription citing the table), **derived** (computed "
        "here from sourced values), **unverified** (memory, conflict or secondary; results "
        "using it warn).",
        "",
        "| Source | Document | Status | Files and rows (by row status) |",
        "| --- | --- | --- | --- |",
    ]
    for e in entries:
        files = counts.get(e["id"], Counter())
        used = "<br>".join(f"`{f}`: {n} {s}" for (f, s), n in sorted(files.items())) or "—"
        out.append(f"| `{e['id']}` | {e.get('document', '')} | {e['status']} | {used} |")
    out.append("")
    for e in entries:
        out += [
            f"## {e.get('document', e['id'])}",
            "",
            f"*id* `{e['id']}` · *status* **{e['status']}**",
            "",
        ]
        title = e.get("title", "")
        if e.get("title_zh"):
            title += f" ({e['title_zh']})"
        out.append(f"{title}.")
        out.append("")
        for label in ("publisher", "year", "url"):
            if e.get(label):
                out.append(f"- {label}: {e[label]}")
        if e.get("tables"):
            out.append("- tables used: " + "; ".join(str(t) for t in e["tables"]))
        if e.get("verified_via"):
            out.append(f"- verification: {e['verified_via']}")
        if e.get("notes"):
            out.append(f"- notes: {e['notes']}")
        out.append("")
    return "\n".join(out)


#: Tutorial pages and the jupytext percent notebooks they are rendered from.
TUTORIALS = {
    "tutorials/tile-plant.md": "01_tile_plant.py",
    "tutorials/dyeing-mill.md": "02_dyeing_mill.py",
    "tutorials/shoe-factory.md": "03_shoe_factory.py",
    "tutorials/snack-food-plant.md": "04_snack_food_plant.py",
    "tutorials/ic-packaging-plant.md": "05_ic_packaging_plant.py",
}


def render_notebook(name: str) -> str:
    """Turn a percent-format notebook into Markdown: text cells as is, code as blocks."""
    text = (ROOT / "examples" / name).read_text(encoding="utf-8")
    cells = text.split("\n# %%")[1:]  # the first chunk is the jupytext header
    out = []
    for cell in cells:
        head, _, body = cell.partition("\n")
        if head.strip().startswith("[markdown]"):
            lines = [
                line[2:] if line.startswith("# ") else line.lstrip("#")
                for line in body.splitlines()
            ]
            out.append("\n".join(lines).strip())
        elif body.strip():
            out.append(f"```python\n{body.strip()}\n```")
    source = f"examples/{name}"
    out.append(
        f"*Run it: `jupytext --to notebook {source}`, or `python {source}` from "
        "`examples/`; the test suite executes it on every change.*"
    )
    return "\n\n".join(out) + "\n"


def on_page_markdown(markdown, page, config, files):  # noqa: ARG001 (mkdocs hook signature)
    if page.file.src_path == "data-sources.md":
        return render()
    if page.file.src_path in TUTORIALS:
        return render_notebook(TUTORIALS[page.file.src_path])
    return markdown
