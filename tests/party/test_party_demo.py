"""The demo generator: a year of records with gaps, roster links, one operation."""

from __future__ import annotations

import re
from datetime import date

import pytest
from party_helpers import Party

from bzdesk.errors import PermissionDenied, ValidationError
from bzdesk.models.staffing import Person
from bzdesk.roles import Actor
from bzdesk.services import party
from bzdesk.services.party.demo import generate_party
from bzdesk.services.party.demo_build import _cn
from bzdesk.uow import write_op


def _roster(p: Party, count: int) -> None:
    with p.db.write() as s, write_op(s, p.actor, "测试建档"):
        for i in range(count):
            s.add(Person(name=f"党员{_cn(i + 1)}", id_number=f"36012119800101{i:04d}", sex="男",
                         birth_date=date(1980, 1, 1),
                         political="中共党员" if i % 2 == 0 else "群众"))


def _generate(p: Party, actor: Actor | None = None) -> str:
    with p.db.write() as s:
        return generate_party(s, actor or p.actor, size="small", people=300, seed=7,
                              progress=None)


def test_small_demo_fills_every_part(p: Party) -> None:
    _roster(p, 20)
    before = p.counts()
    summary = _generate(p)
    assert re.fullmatch(r"党建：\d+ 个党组织、\d+ 名党员（10 名关联实名库人员）、\d+ 次活动"
                        r"（出席 \d+ 人次）、志愿服务 \d+ 人次、进社区报到 \d+ 月次、党费 \d+ 笔",
                        summary), summary
    assert p.counts()[1] == before[1] + 1  # one operation, one audit entry
    orgs = p.read(party.list_orgs)
    assert [o.kind for o in orgs[:2]] == ["机关党委", "党支部"] and orgs[0].members >= 50
    today = date.today()
    view = p.read(party.compliance, party.ReportPeriod(today.year - 1 if today.month == 1
                                                        else today.year), today)
    states = {w.state for r in view.rows for i in r.items for w in i.windows}
    assert {"done", "overdue"} <= states  # gaps to show
    assert view.rows[0].first_topic > 0 and view.rows[0].volunteer_times > 0
    alerts = p.read(party.unpaid_alerts)
    assert alerts and all(a.unpaid_months >= 6 for a in alerts)  # some stopped paying
    activity = p.read(party.list_activities, party.ActivityQuery(limit=5))[0]
    assert activity.expected >= activity.present


def test_demo_refuses_a_filled_database(p: Party) -> None:
    _generate(p)
    before = p.counts()
    with pytest.raises(ValidationError, match="库中已有党组织"):
        _generate(p)
    assert p.counts() == before


def test_demo_needs_the_write_role(p: Party, viewer: Actor) -> None:
    with pytest.raises(PermissionDenied):
        _generate(p, viewer)


def test_branch_numbers_in_chinese() -> None:
    assert [_cn(n) for n in (1, 10, 12, 40, 99, 100, 105, 112, 300)] == [
        "一", "十", "十二", "四十", "九十九", "一百", "一百零五", "一百一十二", "三百"]
