"""The generic Excel/CSV layer under the roster and unit importers and exporters.

Read: :func:`read_sheet` / :func:`open_table` (.xlsx/.xlsm/.xlsb, .xls, .ods, .csv) →
:class:`RawSheet`; :func:`detect_header` → :class:`ColumnMapping`;
:func:`iter_data_rows` → :class:`DataRow`; cell helpers :func:`cell_text`,
:func:`id_cell`, :func:`date_cell`, :func:`int_cell`. Report: :func:`write_error_workbook`.
Write: :func:`write_table` (styled .xlsx) and :func:`write_csv`.

Nothing here knows about units or people, and nothing imports Qt; openpyxl and
python-calamine are imported only when a file is actually read or written.
"""

from bzdesk.excel.cells import cell_text, date_cell, id_cell, int_cell
from bzdesk.excel.errors_workbook import CellProblem, write_error_workbook
from bzdesk.excel.headers import ColumnMapping, MappedColumn, detect_header, header_at
from bzdesk.excel.reader import Cell, RawRow, RawSheet, ReadLimits, Table, open_table, read_sheet
from bzdesk.excel.rows import DataRow, iter_data_rows
from bzdesk.excel.spec import ColumnSpec, SheetSpec
from bzdesk.excel.synonyms import FieldSpec, Synonyms, normalise_header
from bzdesk.excel.writer import write_csv, write_table

__all__ = [
    "Cell",
    "CellProblem",
    "ColumnMapping",
    "ColumnSpec",
    "DataRow",
    "FieldSpec",
    "MappedColumn",
    "RawRow",
    "RawSheet",
    "ReadLimits",
    "SheetSpec",
    "Synonyms",
    "Table",
    "cell_text",
    "date_cell",
    "detect_header",
    "header_at",
    "id_cell",
    "int_cell",
    "iter_data_rows",
    "normalise_header",
    "open_table",
    "read_sheet",
    "write_csv",
    "write_error_workbook",
    "write_table",
]
