"""Annual statistics per organisation and their .xlsx export."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from openpyxl import load_workbook
from party_helpers import Party

from bzdesk.services import party

A = party.AttendanceEntry


def _year(p: Party) -> None:
    p.meeting("第一党支部", "ZBDH", date(2024, 3, 1), ("张三", "李四"), first=True)
    p.meeting("第一党支部", "ZWH", date(2024, 3, 2), ("张三",))
    p.meeting("第一党小组", "DXZH", date(2024, 3, 3), ("王五",))
    p.meeting("第二党支部", "ZTDR", date(2024, 3, 4))
    p.meeting("第二党支部", "ZTDR", date(2023, 3, 4))
    p.write(party.add_volunteer, party.VolunteerInput(p.members["赵六"], date(2024, 5, 1),
                                                      "洪城社区", "2.5"))
    p.write(party.set_checkin, party.CheckinInput(p.members["张三"], date(2024, 5, 1),
                                                  "参加活动"))
    p.write(party.record_dues, party.DuesInput(p.members["张三"], date(2024, 1, 1), "5400",
                                               date(2024, 1, 2), months=2))


def test_annual_statistics(tree: Party) -> None:
    _year(tree)
    stats = tree.read(party.annual_statistics, 2024)
    rows = {r.name: r for r in stats.rows}
    col = {name: i for i, name in enumerate(stats.types)}
    first, top = rows["第一党支部"], rows["机关党委"]
    assert (first.by_type[col["支部党员大会"]], first.by_type[col["支委会"]],
            first.by_type[col["党小组会"]]) == (1, 1, 1)
    # 大会: all 3 members; 支委会: the 1 called; 党小组会: its 1 member
    assert (first.expected, first.present, first.first_topic) == (5, 4, 1)
    assert (top.members, top.expected, top.present) == (4, 6, 4)
    assert (top.volunteer_times, top.volunteer_hours) == (1, Decimal("2.5"))
    assert (first.checkin_done, first.dues, top.dues) == (1, Decimal("162.00"),
                                                          Decimal("162.00"))
    assert rows["第二党支部"].by_type[col["主题党日"]] == 1


def test_export_to_xlsx(tree: Party, tmp_path: Path) -> None:
    _year(tree)
    out = tree.read(party.export_annual_statistics, 2024, tmp_path / "党建统计.xlsx")
    sheet = load_workbook(out, read_only=True).worksheets[0]
    values = [list(r) for r in sheet.iter_rows(values_only=True)]
    assert values[0][0] == "2024年度党建工作统计表"
    header = values[1]
    assert header[:3] == ["党组织", "类别", "党员数"] and header[-1] == "党费（元）"
    by_name = {str(r[0]).strip("　"): dict(zip(header, r, strict=True)) for r in values[2:]}
    assert by_name["第一党支部"]["实到人次"] == 4
    assert by_name["第一党支部"]["出席率"] == 0.8
    assert by_name["机关党委"]["党费（元）"] == 162.0
    assert str(values[3][0]).startswith("　第一党支部")  # indented by depth
