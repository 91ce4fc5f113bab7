"""Activity types as editable settings, seeded lazily with fixed ids; the schema revision."""

from __future__ import annotations

from datetime import date

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from party_helpers import Party, type_id
from sqlalchemy import func, select

from bzdesk.db import Database
from bzdesk.errors import IntegrityError, NotFound, PermissionDenied, ValidationError
from bzdesk.models import Base
from bzdesk.models.party import PartyActivityType, PartyOrg
from bzdesk.roles import Actor
from bzdesk.services import party
from bzdesk.services.party import rules
from bzdesk.uow import write_op


def test_defaults_before_and_after_seeding(tree: Party) -> None:
    shown = tree.read(party.list_activity_types)
    expected = {"支部党员大会": "quarter", "支委会": "month", "党小组会": "month",
                "党课": "quarter", "主题党日": "month", "理论学习中心组学习": "planned",
                "组织生活会": "year", "民主评议党员": "year", "谈心谈话": "year",
                "民主生活会": "year"}
    assert {t.name: t.period for t in shown} == expected
    with tree.db.read() as s:
        assert s.scalar(select(func.count()).select_from(PartyActivityType)) == 0
    tree.meeting("第一党支部", "ZWH", date(2024, 1, 5))  # the first record seeds them
    assert tree.read(party.list_activity_types) == shown
    assert next(t for t in shown if t.name == "支委会").id == type_id("ZWH")


def test_admin_edits_a_type_clerk_may_not(tree: Party, admin: Actor, clerk: Actor) -> None:
    inp = party.ActivityTypeInput("党课", "month", 1, ("党支部", "党总支"))
    with pytest.raises(PermissionDenied):
        tree.write(party.update_activity_type, type_id("DK"), inp, actor=clerk)
    view = tree.write(party.update_activity_type, type_id("DK"), inp, actor=admin).value
    assert (view.period, view.period_label, view.applies_to) == ("month", "每月",
                                                                 ("党支部", "党总支"))
    retired = party.ActivityTypeInput("谈心谈话", "year", active=False)
    tree.write(party.update_activity_type, type_id("TXTH"), retired, actor=admin)
    with pytest.raises(ValidationError, match="已停用"):
        tree.meeting("第一党支部", "TXTH", date(2024, 1, 5))


def test_add_a_type(tree: Party, admin: Actor) -> None:
    inp = party.ActivityTypeInput("专题学习会", "half", 1, ("党支部",), sort_order=200)
    added = tree.write(party.add_activity_type, inp, actor=admin).value
    assert added.period_label == "每半年" and added.required
    names = [t.name for t in tree.read(party.list_activity_types)]
    assert names[-1] == "专题学习会" and len(names) == 11
    before = tree.counts()
    with pytest.raises(IntegrityError, match="已有名为“专题学习会”的活动类型"):
        tree.write(party.add_activity_type, inp, actor=admin)
    bad = party.ActivityTypeInput("", "weekly", 0, ("党委",))  # type: ignore[arg-type]
    with pytest.raises(ValidationError) as caught:
        tree.write(party.add_activity_type, bad, actor=admin)
    assert {p.column for p in caught.value.problems} == {"名称", "频次", "每期次数", "适用组织"}
    assert tree.counts() == before


def test_each_office_keeps_its_own_types(tree: Party, admin: Actor) -> None:
    # as at a city: a county's organisation and types arrived in its bundle
    with tree.db.write() as s, write_op(s, admin, "导入数据包"):
        s.add_all(rules._defaults("360122"))
        s.add(PartyOrg(name="B县党支部", kind="党支部", founded_on=date(2020, 1, 1),
                       office_id="360122"))
    shown = tree.read(party.list_activity_types)
    assert len(shown) == 20 and {t.office_id for t in shown} == {"360121", "360122"}
    view = tree.read(party.compliance, party.ReportPeriod(2024), date(2024, 6, 1))
    offices = {t.id: t.office_id for t in shown}
    for name, office in (("B县党支部", "360122"), ("第一党支部", "360121")):
        row = next(r for r in view.rows if r.name == name)
        assert len(row.items) == 7 and {offices[i.type_id] for i in row.items} == {office}
    other = next(r for r in view.rows if r.name == "B县党支部").org_id
    with pytest.raises(ValidationError, match="不是B县党支部所在单位的"):
        tree.write(party.record_activity, party.ActivityInput(other, type_id("ZTDR"),
                                                              date(2024, 1, 5), "主题党日"))
    theirs = rules.default_type_id("360122", "DK")
    with pytest.raises(ValidationError, match="只能由该单位修改"):
        tree.write(party.update_activity_type, theirs, party.ActivityTypeInput(
            "党课", "month"), actor=admin)


def test_unknown_type_is_not_found(tree: Party) -> None:
    inp = party.ActivityInput(tree.orgs["第一党支部"], "no-such-type", date(2024, 1, 1), "会")
    with pytest.raises(NotFound, match="找不到这个活动类型"):
        tree.write(party.record_activity, inp)


def test_migration_matches_the_models(db: Database) -> None:
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), Base.metadata)
    assert [d for d in diff if "party" in repr(d)] == []
    with db.engine.connect() as conn:
        tables = {r[0] for r in conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type='table' AND name LIKE 'party%'")}
    assert len(tables) == 10
