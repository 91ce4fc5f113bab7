"""report roster|staffing|visits|party --out FILE.pdf [--year Y] [--as-of YYYY-MM-DD]."""

from __future__ import annotations

import argparse
from datetime import date
from typing import Any

from bzdesk.cli import context

KINDS = ("roster", "staffing", "visits", "party")


def register(sub: Any) -> None:
    p = sub.add_parser("report", help="生成 PDF 报表（花名册、编制统计、走访情况、党建台账）；"
                                      "--out 以 .xlsx 结尾时导出同样的表格")
    p.add_argument("kind", choices=KINDS,
                   help="roster 花名册 / staffing 编制统计表 / visits 走访情况 / party 党建台账")
    p.add_argument("--out", required=True, metavar="FILE", help="输出文件（.pdf 或 .xlsx）")
    p.add_argument("--year", type=int, metavar="Y", help="年度（走访、党建；默认今年）")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="统计日期（花名册、编制统计；默认今天）")
    p.set_defaults(handler=cmd_report)


def _as_of(text: str | None) -> date | None:
    from bzdesk.errors import UsageError

    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"统计日期“{text}”不对，应写成 YYYY-MM-DD，如 2026-12-31。") from None


def cmd_report(args: argparse.Namespace) -> int:
    from pathlib import Path

    from bzdesk.errors import UsageError
    from bzdesk.services import reports
    from bzdesk.services.reports._common import FIRST_YEAR, LAST_YEAR

    day = _as_of(args.as_of)
    if args.year is not None and not FIRST_YEAR <= args.year <= LAST_YEAR:
        raise UsageError(f"年度 {args.year} 不对，应在 {FIRST_YEAR} 到 {LAST_YEAR} 之间。")
    out = Path(args.out).expanduser().absolute()
    params = reports.ReportParams(as_of=day, year=args.year)
    ws = context.open_workspace(args)
    try:
        result = ws.read(reports.write_report, args.kind, out, params,
                         progress=context.progress_bar())
    finally:
        ws.close()
    label = reports.report_kind(args.kind).label
    if reports.is_workbook(out):
        context.say(f"已导出{label}：{result.path}（{result.rows} 行）")
    else:
        context.say(f"已生成{label}：{result.path}（{result.pages} 页，{result.rows} 行）")
    return 0
