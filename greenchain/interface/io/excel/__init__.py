"""Excel workbooks: the data-collection template, reading it back, exporting results.

Consultants collect plant data in the workbook :func:`write_template` makes
(``greenchain template mill.xlsx --sector dyeing``): one sheet per plant-file
section, bilingual headers, a description row, units in their own columns and the
example plant's rows to overwrite; with a sector, the equipment and measure columns
are the inputs of that sector's models, with drop-downs. An existing file is never
overwritten without ``force``. Unknown sheets and columns are errors naming the
valid ones. :func:`read_workbook` turns a filled workbook into the
plain data a YAML plant file gives; :func:`greenchain.interface.io.load_plant` validates it
and names the cell of every problem (``energy!C5 in plant.xlsx: must not be
negative``), also for problems found later by ``plant.inventory()`` and the other
analyses. :func:`export_tables` and :func:`export_results` write results to Excel.

Layout
------
Tables (products, energy, exports, process_emissions, equipment, projects, prices,
retrofit_options, green_factory): row 1 holds the headers (``amount 数量``: the
first word is the key, ``*`` marks a required column), row 2 describes each
column, one entry per row below. Forms (plant, allocation, finance, site, water, waste,
economics): one row per field with the columns field, value, unit, description.
Rows whose first cell starts with ``#`` are notes, blank rows are skipped, and
sheets named ``README`` or starting with ``_`` or ``#`` are not read.

Flat encodings
--------------
* Quantity: a value column and a unit column ``<name>_unit`` (``amount`` =
  11000000, ``amount_unit`` = ``m^3``). The value cell may also hold the whole
  quantity as text (``11000000 m^3``); a bare number is read in the field's
  documented unit.
* Nested mapping: dotted columns, ``attributes.limit_product``,
  ``fractions.CaCO3``, ``measured.ncv`` with ``measured.ncv_unit``; add a column
  to add a key. Extra model inputs of ``equipment`` and ``retrofit_options`` are
  plain columns (``rated_power`` and ``rated_power_unit``).
* Anything that nests deeper (``products[].footprint``, ``energy[].uncertainty``,
  lists in ``green_factory``): YAML flow text in one cell, ``{declared_unit: 1 m^2,
  materials: [{name: clay, amount: 20 kg}]}``. Every cell starting with ``{`` or
  ``[`` is read as YAML.
* Yes/no: TRUE/FALSE, yes/no or 是/否.

openpyxl is the optional ``excel`` extra (``pip install greenchain[excel]``); it is
imported inside the functions.

Examples
--------
>>> import tempfile, pathlib
>>> path = pathlib.Path(tempfile.mkdtemp()) / "plant.xlsx"
>>> _ = write_template(path)
>>> data = read_workbook(path)
>>> data["energy"][0]["carrier"], data["energy"][0]["amount"]
('natural_gas', '11000000 m^3')
"""

from __future__ import annotations

from greenchain.interface.io.excel._locations import CellMap
from greenchain.interface.io.excel._schema import SECTIONS
from greenchain.interface.io.excel.export import export_results, export_tables
from greenchain.interface.io.excel.reader import read_workbook
from greenchain.interface.io.excel.template import write_template

__all__ = [
    "write_template",
    "read_workbook",
    "export_tables",
    "export_results",
    "CellMap",
    "SECTIONS",
]
