"""The PDF layer the domain reports (roster, staffing, visits, party) are built on.

- ``TableReport``/``Column``: A4 landscape tables (bzdesk.reports.table).
- ``DocumentPage``: GB/T 9704 pages such as a cover or an explanation (bzdesk.reports.document).
- ``use_office_fonts``: let the office use its own 仿宋/小标宋/黑体 files (bzdesk.reports.fonts).

Every ``write`` goes through ``<out>.part`` and a rename, reports ``(done, total, message)``
and stops with ``bzdesk.errors.Cancelled`` when the cancel check says so.
"""

from bzdesk.reports.document import DocumentPage
from bzdesk.reports.fonts import Faces, faces, missing_characters, use_office_fonts
from bzdesk.reports.output import CancelCheck, Progress, ReportResult
from bzdesk.reports.table import Column, TableReport, cell_text

__all__ = [
    "CancelCheck",
    "Column",
    "DocumentPage",
    "Faces",
    "Progress",
    "ReportResult",
    "TableReport",
    "cell_text",
    "faces",
    "missing_characters",
    "use_office_fonts",
]
