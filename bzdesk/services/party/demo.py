"""Demo party data: a 机关党委 with its branches and a year of records (see
demo_build for the shape), members linked to roster people where the roster has
党员 not yet registered. Written in one operation with op.bulk_insert."""

from __future__ import annotations

import random
from collections.abc import Callable
from datetime import date
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.errors import ValidationError
from bzdesk.models.party import (
    PartyActivity,
    PartyAttendance,
    PartyCheckin,
    PartyDues,
    PartyMember,
    PartyMembership,
    PartyOrg,
    PartyVolunteer,
)
from bzdesk.models.staffing import Person
from bzdesk.roles import Actor, Can, require
from bzdesk.services.party.demo_build import Builder
from bzdesk.services.party.members import PARTY_POLITICAL
from bzdesk.services.party.rules import seed_types
from bzdesk.uow import write_op

Progress = Callable[[int, int, str], None]

# size → (branches, members per branch, 党小组 per branch)
SHAPES: Final = {"small": (5, 12, 2), "county": (40, 25, 2), "city": (120, 30, 3)}
# Parents before children (foreign keys), in the order rows are written.
MODELS: Final = (PartyOrg, PartyMember, PartyMembership, PartyActivity, PartyAttendance,
                 PartyVolunteer, PartyCheckin, PartyDues)


def _roster(session: Session, limit: int) -> list[tuple[str, str, str]]:
    """Roster people who are 党员 and not yet registered as members: (id, name, sex)."""
    linked = select(PartyMember.person_id).where(PartyMember.person_id.is_not(None))
    rows = session.execute(
        select(Person.id, Person.name, Person.sex)
        .where(Person.deleted.is_(False), Person.political.in_(PARTY_POLITICAL),
               Person.id.not_in(linked))
        .order_by(Person.id).limit(limit))
    return [(r[0], r[1], r[2]) for r in rows]


def generate_party(session: Session, actor: Actor, *, size: str, people: int, seed: int,
                   progress: Progress | None = None) -> str:
    """Fill the party domain with a year of records; returns a one-line Chinese summary.
    ``people`` (the roster size) does not change the shape: a county's 机关党委 has a
    few dozen branches whatever the number of staff."""
    require(actor, Can.WRITE)
    if size not in SHAPES:
        raise ValidationError.single("规模", size, f"演示规模应为：{'、'.join(SHAPES)}。",
                                     "bad_choice")
    if session.scalar(select(PartyOrg.id).where(PartyOrg.deleted.is_(False)).limit(1)):
        raise ValidationError.single("党组织", "", "库中已有党组织，演示数据只能生成在空库中。",
                                     "not_empty")
    branches, members, groups = SHAPES[size]
    roster = _roster(session, branches * members)
    rng = random.Random(seed)
    rng.shuffle(roster)
    office_id = str(session.info["bz_site"].office_id)
    builder = Builder(rng, office_id, date.today(), branches=branches, members=members,
                      groups=groups, people=roster)
    built = builder.build()
    with write_op(session, actor, "生成党建演示数据", target=f"{branches} 个党支部") as op:
        seed_types(session)
        for done, model in enumerate(MODELS, start=1):
            if progress is not None:
                progress(done - 1, len(MODELS), f"正在写入党建演示数据（{done}/{len(MODELS)}）")
            op.bulk_insert(model, built.rows.get(model.__tablename__, []))
        if progress is not None:
            progress(len(MODELS), len(MODELS), "党建演示数据已写入")
    present = sum(1 for r in built.rows.get("party_attendance", []) if r["status"] == "出席")
    return (f"党建：{built.count('party_org')} 个党组织、{built.count('party_member')} 名党员"
            f"（{builder.linked} 名关联实名库人员）、{built.count('party_activity')} 次活动"
            f"（出席 {present} 人次）、志愿服务 {built.count('party_volunteer')} 人次、"
            f"进社区报到 {built.count('party_checkin')} 月次、党费 {built.count('party_dues')} 笔")
