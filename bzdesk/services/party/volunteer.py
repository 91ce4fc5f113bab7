"""志愿服务: records of members' service, and 人次 and hours per year by
organisation (sub-organisations included) and by member."""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Final

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import ValidationError
from bzdesk.models.party import PartyMember, PartyVolunteer
from bzdesk.roles import Actor, Can, require
from bzdesk.services.party._common import (
    Checker,
    clean_text,
    get_member,
    load_stays,
    load_tree,
    not_future,
)
from bzdesk.services.party.dues_rule import to_decimal
from bzdesk.services.party.inputs import VolunteerInput
from bzdesk.services.party.tally import rollup, volunteer_by_org
from bzdesk.services.party.views import VolunteerSummary, VolunteerTotal, VolunteerView
from bzdesk.services.staffing._common import get_row
from bzdesk.uow import write_op

MAX_HOURS: Final = Decimal(24)
TENTH: Final = Decimal("0.1")


def parse_hours(value: object) -> int:
    """Hours as tenths: more than 0, at most 24 in one record, at most one decimal."""
    try:
        hours = to_decimal(value, "时长")
    except ValidationError:
        raise ValidationError.single("时长", value, f"时长“{value}”不是数字。",
                                     "bad_number") from None
    if not 0 < hours <= MAX_HOURS:
        raise ValidationError.single(
            "时长", value, f"时长应大于 0 小时且不超过 {MAX_HOURS} 小时（现为 {value}）。",
            "bad_hours")
    if hours != hours.quantize(TENTH):
        raise ValidationError.single("时长", value, "时长最多保留一位小数（如 2.5 小时）。",
                                     "bad_hours")
    return int(hours * 10)


def hours_of(tenths: int) -> Decimal:
    return (Decimal(tenths) / 10).quantize(TENTH, ROUND_HALF_UP)


def _view(row: PartyVolunteer, name: str) -> VolunteerView:
    return VolunteerView(row.id, row.member_id, name, row.served_on, row.place,
                         hours_of(row.hours_tenths), row.description)


def add_volunteer(session: Session, actor: Actor, inp: VolunteerInput) -> Outcome[VolunteerView]:
    require(actor, Can.WRITE)
    member = get_member(session, inp.member_id)
    check = Checker()
    check.take(lambda: not_future(inp.served_on, "服务日期"))
    tenths = check.take(lambda: parse_hours(inp.hours))
    place = check.take(lambda: clean_text(inp.place, "服务地点", 200, required=True))
    description = check.take(lambda: clean_text(inp.description, "服务内容", 2000)) or ""
    stays = load_stays(session, member_ids=[member.id])
    if stays.org_on(member.id, inp.served_on) is None:
        check.add("服务日期", inp.served_on,
                  f"{member.name}在 {inp.served_on} 不在本单位的党组织中，"
                  "请核对日期或先办理转入。", "not_member")
    check.done()
    with write_op(session, actor, "登记志愿服务", target=member.name) as op:
        row = PartyVolunteer(member_id=member.id, served_on=inp.served_on, place=place,
                             hours_tenths=tenths, description=description)
        session.add(row)
    return Outcome(_view(row, member.name), frozenset(op.changed))


def remove_volunteer(session: Session, actor: Actor, record_id: str) -> Outcome[None]:
    require(actor, Can.WRITE)
    row = get_row(session, PartyVolunteer, record_id, "志愿服务记录")
    with write_op(session, actor, "删除志愿服务记录") as op:
        op.delete(row)
    return Outcome(None, frozenset(op.changed))


def list_volunteer(session: Session, actor: Actor, year: int,
                   org_id: str | None = None) -> list[VolunteerView]:
    """A year's records, newest first; with ``org_id`` only those served while the member
    belonged to it or to one of its sub-organisations."""
    require(actor, Can.READ)
    v = PartyVolunteer
    rows = session.execute(
        select(v, PartyMember.name).join(PartyMember, PartyMember.id == v.member_id)
        .where(v.deleted.is_(False), v.served_on >= date(year, 1, 1),
               v.served_on < date(year + 1, 1, 1))
        .order_by(v.served_on.desc(), v.id)).all()
    if org_id is None:
        return [_view(r, name) for r, name in rows]
    tree = load_tree(session)
    wanted = set(tree.subtree(org_id))
    stays = load_stays(session, org_ids=wanted)
    return [_view(r, name) for r, name in rows if stays.org_on(r.member_id, r.served_on)]


def volunteer_summary(session: Session, actor: Actor, year: int) -> VolunteerSummary:
    """人次 and hours of one year per organisation (with those below it) and per member."""
    require(actor, Can.READ)
    start, end = date(year, 1, 1), date(year + 1, 1, 1)
    tree = load_tree(session)
    times, tenths = volunteer_by_org(session, start, end)
    all_times, all_tenths = rollup(tree, times), rollup(tree, tenths)
    by_org = tuple(VolunteerTotal(n.id, n.name, all_times.get(n.id, 0),
                                  hours_of(all_tenths.get(n.id, 0)))
                   for n, _ in tree.ordered())
    v = PartyVolunteer
    members = session.execute(
        select(v.member_id, PartyMember.name, func.count(), func.sum(v.hours_tenths))
        .join(PartyMember, PartyMember.id == v.member_id)
        .where(v.deleted.is_(False), v.served_on >= start, v.served_on < end)
        .group_by(v.member_id, PartyMember.name)
        .order_by(func.sum(v.hours_tenths).desc(), PartyMember.name))
    by_member = tuple(VolunteerTotal(mid, name, n, hours_of(int(t or 0)))
                      for mid, name, n, t in members)
    return VolunteerSummary(year, by_org, by_member)
