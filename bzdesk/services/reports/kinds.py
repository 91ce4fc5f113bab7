"""The four reports by name, and writing one as a PDF or an .xlsx workbook.

``write_report(session, actor, kind, out, params, progress, cancelled)`` is what the CLI
(``report KIND --out FILE``) and the 统计报表 page call; ``write_roster_pdf`` and its
siblings are the same for a domain page's print button. The file type follows the name:
``.xlsx`` is the workbook of the same tables, anything else a PDF.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Final

from sqlalchemy.orm import Session

from bzdesk.errors import ValidationError
from bzdesk.reports.output import CancelCheck, Progress, ReportResult, Steps
from bzdesk.roles import Actor
from bzdesk.services.reports.model import Report, ReportParams
from bzdesk.services.reports.office_fonts import apply_office_fonts
from bzdesk.services.reports.party import build_party
from bzdesk.services.reports.render import write_pdf, write_xlsx
from bzdesk.services.reports.roster import build_roster
from bzdesk.services.reports.staffing import build_staffing
from bzdesk.services.reports.visits import build_visits

Builder = Callable[[Session, Actor, ReportParams], Report]


@dataclass(frozen=True)
class ReportKind:
    key: str
    label: str
    description: str
    uses_year: bool  # a ledger of a year (else: a statistics day)
    build: Builder


KINDS: Final[dict[str, ReportKind]] = {k.key: k for k in (
    ReportKind("roster", "实名制人员花名册",
               "统计日期在编的全部人员，按单位分组（序号、姓名、性别、出生年月、单位、"
               "编制类型、职务、入编时间）。", False, build_roster),
    ReportKind("staffing", "机构编制统计表",
               "各单位分编制类型的核定、实有、在途、空编、超编，编制类型汇总，领导职数，"
               "本年度人员增减。", False, build_staffing),
    ReportKind("visits", "挂点联系走访情况报表",
               "领导 × 联系点 × 季度的走访情况，年度发现问题清单和按责任单位的办理情况。",
               True, build_visits),
    ReportKind("party", "机关党建工作台账",
               "各党组织年度活动统计、活动台账（出勤）、志愿服务和在职党员进社区报到台账。",
               True, build_party),
)}


def report_kind(key: str) -> ReportKind:
    kind = KINDS.get(key)
    if kind is None:
        raise ValidationError.single("报表", key, f"没有“{key}”这种报表，可选："
                                     f"{'、'.join(KINDS)}。", "unknown_report")
    return kind


def build_report(session: Session, actor: Actor, key: str, params: ReportParams) -> Report:
    return report_kind(key).build(session, actor, params)


def is_workbook(out: Path | str) -> bool:
    return Path(out).suffix.lower() == ".xlsx"


def write_report(session: Session, actor: Actor, key: str, out: Path | str,
                 params: ReportParams | None = None, progress: Progress | None = None,
                 cancelled: CancelCheck | None = None) -> ReportResult:
    """Write one report to ``out`` (.pdf or .xlsx), atomically; ``Cancelled`` leaves nothing."""
    kind = report_kind(key)
    Steps(progress, cancelled, 1).report(0, "正在读取数据…")
    report = kind.build(session, actor, params or ReportParams())
    if is_workbook(out):
        return write_xlsx(report, out, progress=progress, cancelled=cancelled)
    apply_office_fonts(session)
    return write_pdf(report, out, progress=progress, cancelled=cancelled)


def write_roster_pdf(session: Session, actor: Actor, out: Path | str, as_of: date | None = None,
                     progress: Progress | None = None,
                     cancelled: CancelCheck | None = None) -> ReportResult:
    return write_report(session, actor, "roster", out, ReportParams(as_of=as_of), progress,
                        cancelled)


def write_staffing_pdf(session: Session, actor: Actor, out: Path | str,
                       as_of: date | None = None, progress: Progress | None = None,
                       cancelled: CancelCheck | None = None) -> ReportResult:
    return write_report(session, actor, "staffing", out, ReportParams(as_of=as_of), progress,
                        cancelled)


def write_visits_pdf(session: Session, actor: Actor, out: Path | str, year: int | None = None,
                     progress: Progress | None = None,
                     cancelled: CancelCheck | None = None) -> ReportResult:
    return write_report(session, actor, "visits", out, ReportParams(year=year), progress,
                        cancelled)


def write_party_pdf(session: Session, actor: Actor, out: Path | str, year: int | None = None,
                    progress: Progress | None = None,
                    cancelled: CancelCheck | None = None) -> ReportResult:
    return write_report(session, actor, "party", out, ReportParams(year=year), progress,
                        cancelled)
