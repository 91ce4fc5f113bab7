"""Annual statistics per organisation (its own figures plus those of the
organisations below it), and their export to an Excel workbook."""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.excel.spec import ColumnSpec, SheetSpec
from bzdesk.excel.writer import write_table
from bzdesk.models.party import PartyActivity
from bzdesk.roles import Actor, Can, require
from bzdesk.services.party._common import load_stays, load_tree, today
from bzdesk.services.party.dues import yuan
from bzdesk.services.party.rules import load_types
from bzdesk.services.party.tally import (
    activity_counts,
    attendance_by_org,
    checkins_done,
    dues_by_org,
    rollup,
    volunteer_by_org,
)
from bzdesk.services.party.views import AnnualRow, AnnualStats
from bzdesk.services.party.volunteer import hours_of


def annual_statistics(session: Session, actor: Actor, year: int) -> AnnualStats:
    require(actor, Can.READ)
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    tree = load_tree(session)
    types = load_types(session)
    by_type: dict[str, Counter[str]] = {t.id: Counter() for t in types}
    first: Counter[str] = Counter()
    for org, kind, _month, n, firsts in activity_counts(session, start, end):
        by_type.setdefault(kind, Counter())[org] += n
        first[org] += firsts
    stays = load_stays(session, start=start, end=end)
    called = [t.id for t in types if not t.whole_membership]
    expected = attendance_by_org(session, start, end, type_ids=called)
    for org_id, held_on in session.execute(
            select(PartyActivity.org_id, PartyActivity.held_on)
            .where(PartyActivity.deleted.is_(False), PartyActivity.held_on >= start,
                   PartyActivity.held_on < end, PartyActivity.type_id.not_in(called))):
        if org_id in tree.nodes:
            expected[org_id] += len(stays.members_on(tree.subtree(org_id), held_on))
    counted_on = min(end - timedelta(days=1), today())
    members = Counter(org for org in (s.org_id for s in stays.stays if s.covers(counted_on)))
    times, tenths = volunteer_by_org(session, start, end)
    figures = {
        "members": members, "first": first, "expected": expected,
        "present": attendance_by_org(session, start, end, status="出席"), "times": times,
        "tenths": tenths,
        "checkins": checkins_done(session, start, end), "dues": dues_by_org(session, start, end),
        **{f"type:{k}": v for k, v in by_type.items()},
    }
    total = {key: rollup(tree, direct) for key, direct in figures.items()}
    rows = []
    for node, depth in tree.ordered():
        def of(key: str, org: str = node.id) -> int:
            return total[key].get(org, 0)

        rows.append(AnnualRow(
            node.id, node.name, node.kind, depth, of("members"),
            tuple(of(f"type:{t.id}") for t in types), of("first"), of("expected"),
            of("present"), of("times"), hours_of(of("tenths")), of("checkins"),
            yuan(of("dues"))))
    return AnnualStats(year, tuple(t.name for t in types), tuple(rows))


def export_annual_statistics(session: Session, actor: Actor, year: int, out: Path) -> Path:
    """The annual statistics as one sheet of an .xlsx file (written atomically)."""
    stats = annual_statistics(session, actor, year)
    columns = [ColumnSpec("党组织", 30), ColumnSpec("类别", 10), ColumnSpec("党员数", 8, "int"),
               *(ColumnSpec(name, 10, "int") for name in stats.types),
               ColumnSpec("第一议题", 9, "int"), ColumnSpec("应到人次", 10, "int"),
               ColumnSpec("实到人次", 10, "int"), ColumnSpec("出席率", 9, "number"),
               ColumnSpec("志愿服务人次", 12, "int"), ColumnSpec("志愿服务时长", 12, "number"),
               ColumnSpec("进社区报到月次", 14, "int"), ColumnSpec("党费（元）", 12, "number")]
    rows = ([
        "　" * r.depth + r.name, r.kind, r.members, *r.by_type, r.first_topic, r.expected,
        r.present, round(r.present / r.expected, 4) if r.expected else None,
        r.volunteer_times, float(r.volunteer_hours), r.checkin_done, float(r.dues),
    ] for r in stats.rows)
    notes = ("每个党组织的数字包含其下级组织。",
             "应到人次按每次活动当天的党员名单计算，实到人次为登记“出席”的人次。",
             "党员数为年末（当年为今天）的党员人数。")
    sheet = SheetSpec(f"{year}年党建统计", columns, rows, heading=f"{year}年度党建工作统计表",
                      notes=notes)
    return write_table(out, [sheet])
