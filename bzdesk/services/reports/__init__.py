"""统计报表: the printed reports (roster, staffing statistics, visits, party ledger) as PDF
and .xlsx, the office's own report fonts, and the 首页 dashboard figures.

``from bzdesk.services import reports`` and ``reports.write_report(session, actor,
"roster", out, reports.ReportParams(as_of=day), progress, cancelled)``. Importing this
package does not import reportlab: the PDF layer loads on the first report.
"""

from bzdesk.services.reports.home import CategoryBar, HomeView, home_dashboard, retiring_count
from bzdesk.services.reports.kinds import (
    KINDS,
    ReportKind,
    build_report,
    is_workbook,
    report_kind,
    write_party_pdf,
    write_report,
    write_roster_pdf,
    write_staffing_pdf,
    write_visits_pdf,
)
from bzdesk.services.reports.model import Report, ReportParams, Table
from bzdesk.services.reports.office_fonts import (
    OfficeFonts,
    apply_office_fonts,
    office_fonts,
    set_office_fonts,
)

__all__ = [
    "KINDS", "CategoryBar", "HomeView", "OfficeFonts", "Report", "ReportKind", "ReportParams",
    "Table", "apply_office_fonts", "build_report", "home_dashboard", "is_workbook",
    "office_fonts", "report_kind", "retiring_count", "set_office_fonts", "write_party_pdf",
    "write_report", "write_roster_pdf", "write_staffing_pdf", "write_visits_pdf",
]
