"""Excel in and out (导入/导出): unit lists and rosters, through bzdesk.excel.

Import: :func:`read_import_sheet` (a file → :class:`ImportSheet` with its header found,
the mapping editable), then :func:`check_roster` / :func:`check_units` (every fault and
what would happen, nothing written) or :func:`import_roster` / :func:`import_units` (all
or nothing, one ``write_op``; faults raise :class:`ImportRefused`), and
:func:`write_errors` for the error workbook; :func:`remember_headers` keeps the header
spellings the clerk mapped by hand (the office's 表头词典, used by every later read).
Export: :func:`export_roster`, :func:`export_units` (.xlsx or .csv).
"""

from bzdesk.services.excel_io.common import (
    ImportRefused,
    ImportReport,
    ImportSheet,
    error_workbook_path,
    problem_json,
    write_errors,
)
from bzdesk.services.excel_io.exports import (
    ExportReport,
    export_roster,
    export_units,
    record_export,
)
from bzdesk.services.excel_io.fields import KIND_LABELS, ImportKind
from bzdesk.services.excel_io.header_words import header_words, remember_headers
from bzdesk.services.excel_io.imports import backup_before_import, check_sheet, import_sheet
from bzdesk.services.excel_io.reading import read_import_sheet, sheet_names
from bzdesk.services.excel_io.roster_import import check_roster, import_roster
from bzdesk.services.excel_io.units_import import check_units, import_units

__all__ = [
    "KIND_LABELS",
    "ExportReport",
    "ImportKind",
    "ImportRefused",
    "ImportReport",
    "ImportSheet",
    "backup_before_import",
    "check_roster",
    "check_sheet",
    "check_units",
    "error_workbook_path",
    "export_roster",
    "export_units",
    "header_words",
    "import_roster",
    "import_sheet",
    "import_units",
    "problem_json",
    "read_import_sheet",
    "record_export",
    "remember_headers",
    "sheet_names",
    "write_errors",
]
