"""stats: 核定/实有/在途/空编/超编 per unit × 编制类型."""

from __future__ import annotations

import argparse
from typing import Any

from bzdesk.cli import context


def register(sub: Any) -> None:
    p = sub.add_parser("stats", help="编制统计：每个单位 × 编制类型的核定/实有/在途/空编/超编")
    p.add_argument("--as-of", metavar="YYYY-MM-DD", help="统计日期（默认今天）")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_stats)


def _as_of(text: str | None) -> Any:
    from datetime import date

    from bzdesk.errors import UsageError

    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"统计日期“{text}”不对，应写成 YYYY-MM-DD，如 2026-12-31。") from None


def cmd_stats(args: argparse.Namespace) -> int:
    from bzdesk.services.staffing.stats import staffing_stats

    day = _as_of(args.as_of)
    ws = context.open_workspace(args)
    try:
        report = ws.read(staffing_stats, day)
    finally:
        ws.close()
    if args.json:
        context.emit_json({
            "as_of": report.as_of.isoformat(),
            "rows": [{"unit": r.unit, "uscc": r.uscc, "category": r.category,
                      "approved": r.approved, "filled": r.filled, "in_transit": r.in_transit,
                      "vacant": r.vacant, "over": r.over} for r in report.rows],
        })
        return 0
    print(f"统计日期：{report.as_of.isoformat()}")
    print("单位\t编制类型\t核定\t实有\t在途\t空编\t超编")
    for r in report.rows:
        print(f"{r.unit}\t{r.category}\t{r.approved}\t{r.filled}\t{r.in_transit}\t{r.vacant}"
              f"\t{r.over}")
    for t in report.totals:
        print(f"合计\t{t.category}\t{t.approved}\t{t.filled}\t{t.in_transit}\t{t.vacant}"
              f"\t{t.over}")
    return 0
