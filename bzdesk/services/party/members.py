"""党员: particulars, the link to a roster person, and where they belong over time.

A member belongs to one 党支部 (or one of its 党小组) at a time: every stay is a
PartyMembership row, and stays of one member never overlap. 转入 opens a stay,
转出 closes it, an internal move closes one and opens the next on the same day.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import IntegrityError, ValidationError
from bzdesk.models.party import PartyMember, PartyMembership, PartyOrg
from bzdesk.models.staffing import Person
from bzdesk.roles import Actor, Can, require
from bzdesk.services.party._common import (
    MEMBER_ORG_KINDS,
    Checker,
    clean_text,
    get_member,
    get_org,
    load_stays,
    load_tree,
    not_future,
    today,
)
from bzdesk.services.party.inputs import JoinInput, MemberInput, NewMemberInput, TransferInput
from bzdesk.services.party.views import MembershipView, MemberView
from bzdesk.uow import write_op
from bzdesk.validation import InvalidValue, normalise_person_name

STATUSES: Final = ("正式", "预备")
START_KINDS: Final = ("登记", "转入", "发展")
PARTY_POLITICAL: Final = ("中共党员", "中共预备党员")


def _stays_of(session: Session, member_id: str) -> list[PartyMembership]:
    return list(session.scalars(select(PartyMembership).where(
        PartyMembership.member_id == member_id, PartyMembership.deleted.is_(False))
        .order_by(PartyMembership.start_on)))


def _view(session: Session, row: PartyMember, as_of: date) -> MemberView:
    where = next((s for s in _stays_of(session, row.id)
                  if s.start_on <= as_of and (s.end_on is None or as_of < s.end_on)), None)
    person = session.get(Person, row.person_id) if row.person_id else None
    org = session.get(PartyOrg, where.org_id) if where else None
    return MemberView(row.id, row.name, row.sex, row.joined_on, row.status, row.full_on,
                      row.retired, row.community, row.phone, row.person_id,
                      person.name if person else "", org.id if org else None,
                      org.name if org else "", where.start_on if where else None)


def _particulars(session: Session, inp: MemberInput, own_id: str | None) -> MemberInput:
    """The checked, tidied particulars; every problem is reported at once."""
    check = Checker()
    name = inp.name
    person = None
    if inp.person_id:
        person = session.get(Person, inp.person_id)
        if person is None or person.deleted:
            check.add("实名库人员", inp.person_id, "找不到这个实名库人员（可能已被删除）。",
                      "not_found")
    try:
        name = normalise_person_name(inp.name or (person.name if person else ""))
    except InvalidValue as exc:
        check.add("姓名", inp.name, exc.reason, exc.kind)
    if person is not None and name != person.name:
        check.add("姓名", inp.name, f"姓名与关联的实名库人员“{person.name}”不一致。",
                  "name_mismatch")
    sex = inp.sex or (person.sex if person else "")
    if sex not in ("", "男", "女"):
        check.add("性别", inp.sex, "性别应为“男”或“女”。", "bad_choice")
    check.take(lambda: not_future(inp.joined_on, "入党时间"))
    if inp.status not in STATUSES:
        check.add("党员类别", inp.status, "党员类别应为“正式”或“预备”。", "bad_choice")
    if inp.status == "预备" and inp.full_on is not None:
        check.add("转正时间", inp.full_on, "预备党员还没有转正时间。", "bad_date")
    if inp.full_on is not None and inp.full_on < inp.joined_on:
        check.add("转正时间", inp.full_on, "转正时间不能早于入党时间。", "bad_date")
    community = check.take(lambda: clean_text(inp.community, "报到社区", 100)) or ""
    phone = check.take(lambda: clean_text(inp.phone, "联系电话", 30)) or ""
    check.done()
    if person is not None:
        other = session.scalar(select(PartyMember).where(
            PartyMember.person_id == person.id, PartyMember.deleted.is_(False),
            PartyMember.id != (own_id or "")))
        if other is not None:
            raise IntegrityError.single("实名库人员", person.name,
                                        f"{person.name}已登记为党员，不能重复登记。"
                                        "一名党员同一时间只能属于一个党支部。", "duplicate")
    return replace(inp, name=name, sex=sex, community=community, phone=phone)


def _check_stay(session: Session, member: PartyMember | MemberInput, member_id: str | None,
                org_id: str, start_on: date, *, closing: PartyMembership | None = None) -> None:
    """May the member belong to ``org_id`` from ``start_on``? (``closing``: the stay that
    ends that day, in a move.)"""
    org = get_org(session, org_id)
    not_future(start_on, "加入日期")
    if org.kind not in MEMBER_ORG_KINDS:
        raise ValidationError.single("所在组织", org.name,
                                     f"党员只能编入党支部或党小组，{org.name}是{org.kind}。",
                                     "bad_org")
    if start_on < org.founded_on or (org.dissolved_on is not None
                                     and start_on >= org.dissolved_on):
        raise ValidationError.single("加入日期", start_on,
                                     f"{org.name}在 {start_on} 不存在（成立于 {org.founded_on}"
                                     f"{f'，撤销于 {org.dissolved_on}' if org.dissolved_on else ''}"
                                     "）。", "org_not_open")
    if start_on < member.joined_on:
        raise ValidationError.single("加入日期", start_on,
                                     f"加入日期不能早于入党时间（{member.joined_on}）。",
                                     "before_joined")
    if member_id is None:
        return
    tree = load_tree(session)
    for stay in _stays_of(session, member_id):
        if stay is closing:
            continue
        if stay.end_on is None or stay.end_on > start_on:
            until = f"至 {stay.end_on}" if stay.end_on else "至今"
            raise IntegrityError.single(
                "所在组织", org.name,
                f"{member.name}自 {stay.start_on} {until}在{tree.name(stay.org_id)}，"
                "一名党员同一时间只能属于一个党支部。请先办理转出或组织调整。",
                "two_branches")


def create_member(session: Session, actor: Actor, inp: NewMemberInput) -> Outcome[MemberView]:
    require(actor, Can.WRITE)
    member = _particulars(session, inp.member, None)
    if inp.start_kind not in START_KINDS:
        raise ValidationError.single("加入方式", inp.start_kind,
                                     f"加入方式应为：{'、'.join(START_KINDS)}。", "bad_choice")
    _check_stay(session, member, None, inp.org_id, inp.start_on)
    note = clean_text(inp.start_note, "转入说明", 200)
    with write_op(session, actor, "登记党员", target=member.name) as op:
        row = PartyMember(name=member.name, person_id=member.person_id, sex=member.sex,
                          joined_on=member.joined_on, status=member.status,
                          full_on=member.full_on, retired=member.retired,
                          community=member.community, phone=member.phone)
        session.add(row)
        session.flush()
        session.add(PartyMembership(member_id=row.id, org_id=inp.org_id, start_on=inp.start_on,
                                    start_kind=inp.start_kind, start_note=note))
    return Outcome(_view(session, row, inp.start_on), frozenset(op.changed))


def update_member(session: Session, actor: Actor, member_id: str,
                  inp: MemberInput) -> Outcome[MemberView]:
    require(actor, Can.WRITE)
    row = get_member(session, member_id)
    member = _particulars(session, inp, member_id)
    first = next(iter(_stays_of(session, member_id)), None)
    if first is not None and member.joined_on > first.start_on:
        raise ValidationError.single("入党时间", member.joined_on,
                                     f"入党时间不能晚于加入本组织的日期（{first.start_on}）。",
                                     "after_stay")
    with write_op(session, actor, "修改党员信息", target=member.name) as op:
        for key in ("name", "person_id", "sex", "joined_on", "status", "full_on", "retired",
                    "community", "phone"):
            setattr(row, key, getattr(member, key))
    return Outcome(_view(session, row, today()), frozenset(op.changed))


def join_org(session: Session, actor: Actor, inp: JoinInput) -> Outcome[MemberView]:
    """转入: a member who belongs nowhere here from ``start_on`` joins an organisation."""
    require(actor, Can.WRITE)
    row = get_member(session, inp.member_id)
    if inp.kind not in START_KINDS:
        raise ValidationError.single("加入方式", inp.kind,
                                     f"加入方式应为：{'、'.join(START_KINDS)}。", "bad_choice")
    _check_stay(session, row, row.id, inp.org_id, inp.start_on)
    note = clean_text(inp.note, "转入说明", 200)
    with write_op(session, actor, "党员转入", target=row.name) as op:
        session.add(PartyMembership(member_id=row.id, org_id=inp.org_id, start_on=inp.start_on,
                                    start_kind=inp.kind, start_note=note))
    return Outcome(_view(session, row, inp.start_on), frozenset(op.changed))


def transfer_member(session: Session, actor: Actor, inp: TransferInput) -> Outcome[MemberView]:
    """Move a member to another organisation here, or 转出 (``to_org_id`` None)."""
    require(actor, Can.WRITE)
    row = get_member(session, inp.member_id)
    current = next((s for s in _stays_of(session, row.id) if s.end_on is None), None)
    if current is None:
        raise ValidationError.single("党员", row.name, f"{row.name}目前不在本单位的党组织中。",
                                     "not_in_org")
    not_future(inp.on, "转出日期")
    if inp.on <= current.start_on:
        raise ValidationError.single("转出日期", inp.on,
                                     f"转出日期应晚于加入现组织的日期（{current.start_on}）。",
                                     "bad_date")
    if inp.to_org_id == current.org_id:
        raise ValidationError.single("转往组织", inp.to_org_id, f"{row.name}已在这个组织中。",
                                     "same_org")
    if inp.to_org_id is not None:
        _check_stay(session, row, row.id, inp.to_org_id, inp.on, closing=current)
    note = clean_text(inp.note, "说明", 200)
    name = "党员转出" if inp.to_org_id is None else "党员组织调整"
    with write_op(session, actor, name, target=row.name) as op:
        current.end_on, current.end_note = inp.on, note
        current.end_kind = "转出" if inp.to_org_id is None else "内部调整"
        if inp.to_org_id is not None:
            session.add(PartyMembership(member_id=row.id, org_id=inp.to_org_id,
                                        start_on=inp.on, start_kind="内部调整",
                                        start_note=note))
    return Outcome(_view(session, row, inp.on), frozenset(op.changed))


def get_member_view(session: Session, actor: Actor, member_id: str,
                    as_of: date | None = None) -> MemberView:
    require(actor, Can.READ)
    return _view(session, get_member(session, member_id), as_of or today())


def member_history(session: Session, actor: Actor, member_id: str) -> list[MembershipView]:
    require(actor, Can.READ)
    get_member(session, member_id)
    tree = load_tree(session)
    return [MembershipView(s.id, s.member_id, s.org_id, tree.name(s.org_id), s.start_on,
                           s.start_kind, s.start_note, s.end_on, s.end_kind, s.end_note)
            for s in _stays_of(session, member_id)]


def list_members(session: Session, actor: Actor, org_id: str | None = None,
                 as_of: date | None = None) -> list[MemberView]:
    """Members of ``org_id`` and its sub-organisations on ``as_of`` (default today), by name;
    without ``org_id`` every member, where they are that day (or nowhere)."""
    require(actor, Can.READ)
    day = as_of or today()
    tree = load_tree(session)
    stays = load_stays(session, org_ids=tree.subtree(org_id) if org_id else None)
    wanted = set(stays.members_on(tree.subtree(org_id), day)) if org_id else None
    stmt = select(PartyMember).where(PartyMember.deleted.is_(False)).order_by(
        PartyMember.name, PartyMember.id)
    people = dict(session.execute(select(Person.id, Person.name).join(
        PartyMember, PartyMember.person_id == Person.id)).all())
    out = []
    for m in session.scalars(stmt):
        if wanted is not None and m.id not in wanted:
            continue
        org = stays.org_on(m.id, day)
        since = next((s.start_on for s in stays.of_member(m.id) if s.covers(day)), None)
        out.append(MemberView(m.id, m.name, m.sex, m.joined_on, m.status, m.full_on, m.retired,
                              m.community, m.phone, m.person_id, people.get(m.person_id or "",
                                                                            ""),
                              org, tree.name(org), since))
    return out


def unlinked_party_people(session: Session, actor: Actor, text: str = "",
                          limit: int = 50) -> list[tuple[str, str, str]]:
    """Roster people whose 政治面貌 is 中共(预备)党员 and who are not registered as members
    yet: (person id, name, sex), for linking a new member."""
    require(actor, Can.READ)
    linked = select(PartyMember.person_id).where(PartyMember.person_id.is_not(None),
                                                 PartyMember.deleted.is_(False))
    stmt = (select(Person.id, Person.name, Person.sex)
            .where(Person.deleted.is_(False), Person.political.in_(PARTY_POLITICAL),
                   Person.id.not_in(linked))
            .order_by(Person.name, Person.id).limit(limit))
    word = "".join(text.split())
    if word:
        stmt = stmt.where(Person.name.contains(word, autoescape=True))
    return [(r[0], r[1], r[2]) for r in session.execute(stmt)]
