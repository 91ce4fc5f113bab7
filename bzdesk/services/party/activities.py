"""Meeting and activity records with attendance.

应到 is never typed: it is the number of members of the organisation (with its
党小组) on the day of the meeting, from their memberships. 实到 and 请假 are
counted from the attendance rows, and 缺席 = 应到 − 实到 − 请假, so a member
nobody marked counts as absent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path

from sqlalchemy import func, select, tuple_
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import IntegrityError, NotFound, ValidationError
from bzdesk.models.party import PartyActivity, PartyAttendance, PartyMember
from bzdesk.paths import DataPaths
from bzdesk.roles import Actor, Can, require
from bzdesk.services import attachments
from bzdesk.services.party._common import (
    ATTENDANCE,
    Checker,
    Tree,
    clean_text,
    get_org,
    load_stays,
    load_tree,
    not_future,
)
from bzdesk.services.party.inputs import ActivityInput, ActivityQuery, AttendanceEntry
from bzdesk.services.party.rules import load_types, seed_types, type_ref
from bzdesk.services.party.views import ActivityRow, ActivityView, AttendanceView
from bzdesk.services.staffing._common import get_row
from bzdesk.uow import WriteOp, write_op

OWNER_TABLE = "party_activity"
MAX_TEXT = 20_000
TEXT_FIELDS = (("place", "地点", 200), ("host", "主持人", 50), ("recorder", "记录人", 50),
               ("content", "会议内容", MAX_TEXT), ("resolutions", "决议", MAX_TEXT),
               ("speakers", "中心发言", MAX_TEXT), ("materials", "学习材料", MAX_TEXT))


@dataclass(frozen=True)
class _Checked:
    fields: dict[str, object]
    attendance: dict[str, AttendanceEntry]


def _expected(session: Session, tree: Tree, org_id: str, on: date) -> list[str]:
    ids = tree.subtree(org_id)
    return load_stays(session, org_ids=ids).members_on(ids, on)


def _check(session: Session, inp: ActivityInput, own_id: str | None) -> _Checked:
    org = get_org(session, inp.org_id)
    kind = type_ref(session, inp.type_id)
    check = Checker()
    check.take(lambda: not_future(inp.held_on, "活动日期"))
    if inp.held_on < org.founded_on:
        check.add("活动日期", inp.held_on,
                  f"活动日期（{inp.held_on}）早于{org.name}的成立日期（{org.founded_on}），"
                  "那时这个组织还不存在。", "before_founded")
    if org.dissolved_on is not None and inp.held_on >= org.dissolved_on:
        check.add("活动日期", inp.held_on, f"{org.name}已于 {org.dissolved_on} 撤销。",
                  "org_dissolved")
    if kind.office_id != org.office_id:
        check.add("活动类型", kind.name, f"活动类型“{kind.name}”不是{org.name}所在单位的。",
                  "type_not_for_org")
    elif org.kind not in kind.applies_to:
        check.add("活动类型", kind.name, f"{kind.name}适用于{'、'.join(kind.applies_to)}，"
                  f"{org.name}是{org.kind}。", "type_not_for_org")
    if not kind.active and own_id is None:
        check.add("活动类型", kind.name, f"活动类型“{kind.name}”已停用。", "type_inactive")
    fields: dict[str, object] = {"topic": check.take(
        lambda: clean_text(inp.topic, "主题", 200, required=True))}
    for key, label, limit in TEXT_FIELDS:
        value = str(getattr(inp, key) or "")
        # minutes keep their line breaks; short fields are tidied to one line
        tidy = _long_text if limit == MAX_TEXT else clean_text
        fields[key] = check.take(partial(tidy, value, label, limit))
    tree = load_tree(session)
    expected = set(_expected(session, tree, org.id, inp.held_on))
    names = _names(session, [e.member_id for e in inp.attendance])
    marked: dict[str, AttendanceEntry] = {}
    for entry in inp.attendance:
        who = names.get(entry.member_id, entry.member_id)
        if entry.member_id not in expected:
            check.add("出席情况", who, f"{who}在 {inp.held_on} 不是{org.name}的党员，"
                      "不能登记出席情况。", "not_member")
        elif entry.member_id in marked:
            check.add("出席情况", who, f"{who}的出席情况登记了两次。", "duplicate")
        if entry.status not in ATTENDANCE:
            check.add("出席情况", entry.status, f"出席情况应为：{'、'.join(ATTENDANCE)}。",
                      "bad_choice")
        reason = check.take(partial(clean_text, entry.reason, "原因", 200)) or ""
        if entry.status == "请假" and not reason:
            check.add("原因", who, f"请填写{who}的请假原因。", "missing")
        marked[entry.member_id] = AttendanceEntry(entry.member_id, entry.status, reason)
    check.done()
    fields |= {"org_id": org.id, "type_id": kind.id, "held_on": inp.held_on,
               "first_topic": bool(inp.first_topic)}
    twin = session.scalar(select(PartyActivity.id).where(
        PartyActivity.org_id == org.id, PartyActivity.type_id == kind.id,
        PartyActivity.held_on == inp.held_on, PartyActivity.topic == fields["topic"],
        PartyActivity.deleted.is_(False), PartyActivity.id != (own_id or "")).limit(1))
    if twin is not None:
        raise IntegrityError.single("主题", fields["topic"],
                                    f"{org.name}在 {inp.held_on} 已有同一主题的{kind.name}记录。",
                                    "duplicate")
    return _Checked(fields, marked)


def _long_text(value: str, column: str, limit: int) -> str:
    text = value.strip()
    if len(text) > limit:
        raise ValidationError.single(column, text[:20] + "…",
                                     f"{column}过长（{len(text)} 字），最多 {limit} 字。",
                                     "too_long")
    return text


def _names(session: Session, member_ids: Sequence[str]) -> dict[str, str]:
    if not member_ids:
        return {}
    return dict(session.execute(select(PartyMember.id, PartyMember.name)
                                .where(PartyMember.id.in_(list(member_ids)))).all())


def _live_attendance(session: Session, activity_id: str) -> dict[str, PartyAttendance]:
    return {a.member_id: a for a in session.scalars(select(PartyAttendance).where(
        PartyAttendance.activity_id == activity_id, PartyAttendance.deleted.is_(False)))}


def _write_attendance(session: Session, op: WriteOp, activity_id: str,
                      marked: dict[str, AttendanceEntry]) -> None:
    existing = _live_attendance(session, activity_id)
    for member_id, row in existing.items():
        if member_id not in marked:
            op.delete(row)
    for member_id, entry in marked.items():
        found = existing.get(member_id)
        if found is None:
            session.add(PartyAttendance(activity_id=activity_id, member_id=member_id,
                                        status=entry.status, reason=entry.reason))
        else:
            found.status, found.reason = entry.status, entry.reason


def record_activity(session: Session, actor: Actor, inp: ActivityInput) -> Outcome[ActivityView]:
    require(actor, Can.WRITE)
    checked = _check(session, inp, None)
    with write_op(session, actor, "登记党建活动", target=str(checked.fields["topic"])) as op:
        seed_types(session)
        row = PartyActivity(**checked.fields)
        session.add(row)
        session.flush()
        _write_attendance(session, op, row.id, checked.attendance)
    return Outcome(_full_view(session, actor, row), frozenset(op.changed))


def update_activity(session: Session, actor: Actor, activity_id: str,
                    inp: ActivityInput) -> Outcome[ActivityView]:
    require(actor, Can.WRITE)
    row = get_row(session, PartyActivity, activity_id, "活动记录")
    checked = _check(session, inp, row.id)
    with write_op(session, actor, "修改党建活动", target=str(checked.fields["topic"])) as op:
        for key, value in checked.fields.items():
            setattr(row, key, value)
        _write_attendance(session, op, row.id, checked.attendance)
    return Outcome(_full_view(session, actor, row), frozenset(op.changed))


def remove_activity(session: Session, actor: Actor, activity_id: str) -> Outcome[None]:
    require(actor, Can.WRITE)
    row = get_row(session, PartyActivity, activity_id, "活动记录")
    with write_op(session, actor, "删除党建活动", target=row.topic) as op:
        op.delete(row)
        for att in _live_attendance(session, row.id).values():
            op.delete(att)
    return Outcome(None, frozenset(op.changed))


def expected_members(session: Session, actor: Actor, org_id: str,
                     on: date) -> list[tuple[str, str]]:
    """应到: (member id, name) of the organisation's members on ``on``, by name."""
    require(actor, Can.READ)
    get_org(session, org_id)
    ids = _expected(session, load_tree(session), org_id, on)
    return sorted(_names(session, ids).items(), key=lambda kv: (kv[1], kv[0]))


def _rows(session: Session, acts: Sequence[PartyActivity]) -> list[ActivityRow]:
    if not acts:
        return []
    tree = load_tree(session)
    types = {t.id: t for t in load_types(session)}
    ids = [a.id for a in acts]
    counts: Counter[tuple[str, str]] = Counter()
    for chunk in range(0, len(ids), 500):
        for activity_id, status, n in session.execute(
                select(PartyAttendance.activity_id, PartyAttendance.status, func.count())
                .where(PartyAttendance.activity_id.in_(ids[chunk:chunk + 500]),
                       PartyAttendance.deleted.is_(False))
                .group_by(PartyAttendance.activity_id, PartyAttendance.status)):
            counts[(activity_id, status)] = n
    subtrees = {org: tree.subtree(org) for org in {a.org_id for a in acts} if org in tree.nodes}
    stays = load_stays(session, org_ids={o for ids_ in subtrees.values() for o in ids_})
    out = []
    for a in acts:
        kind = types.get(a.type_id)
        present, leave = counts[(a.id, "出席")], counts[(a.id, "请假")]
        if kind is None or kind.whole_membership:
            expected = len(stays.members_on(subtrees.get(a.org_id, []), a.held_on))
        else:
            expected = present + leave + counts[(a.id, "缺席")]
        out.append(ActivityRow(a.id, a.org_id, tree.name(a.org_id), a.type_id,
                               kind.name if kind else "", a.held_on, a.topic, a.first_topic,
                               expected, present, leave, max(0, expected - present - leave)))
    return out


def _full_view(session: Session, actor: Actor, row: PartyActivity) -> ActivityView:
    head = _rows(session, [row])[0]
    marked = _live_attendance(session, row.id)
    whole = type_ref(session, row.type_id).whole_membership
    ids = _expected(session, load_tree(session), row.org_id, row.held_on) if whole else []
    names = _names(session, list({*ids, *marked}))
    people = []
    for member_id in sorted(names, key=lambda k: (names[k], k)):
        att = marked.get(member_id)
        people.append(AttendanceView(member_id, names[member_id],
                                     att.status if att else "缺席", att.reason if att else ""))
    files = attachments.list_attachments(session, actor, OWNER_TABLE, row.id)
    return ActivityView(head, row.place, row.host, row.recorder, row.content, row.resolutions,
                        row.speakers, row.materials, tuple(people), tuple(files))


def get_activity(session: Session, actor: Actor, activity_id: str) -> ActivityView:
    require(actor, Can.READ)
    return _full_view(session, actor, get_row(session, PartyActivity, activity_id, "活动记录"))


def list_activities(session: Session, actor: Actor, query: ActivityQuery) -> list[ActivityRow]:
    """Newest first, keyset-paged by (held_on, id); an organisation includes its 党小组."""
    require(actor, Can.READ)
    a = PartyActivity
    stmt = select(a).where(a.deleted.is_(False))
    if query.org_id is not None:
        stmt = stmt.where(a.org_id.in_(load_tree(session).subtree(get_org(
            session, query.org_id).id)))
    if query.year is not None:
        stmt = stmt.where(a.held_on >= date(query.year, 1, 1), a.held_on < date(query.year + 1,
                                                                                  1, 1))
    if query.type_id is not None:
        stmt = stmt.where(a.type_id == query.type_id)
    if query.after is not None:
        stmt = stmt.where(tuple_(a.held_on, a.id) < tuple_(*query.after))
    limit = max(1, min(query.limit, 1000))
    acts = session.scalars(stmt.order_by(a.held_on.desc(), a.id.desc()).limit(limit)).all()
    return _rows(session, acts)


def add_activity_attachment(session: Session, actor: Actor, paths: DataPaths, activity_id: str,
                            source: Path, caption: str = "") -> Outcome[attachments.AttachmentView]:
    """Attach a scanned record, photo or PDF to an activity."""
    require(actor, Can.WRITE)
    row = session.get(PartyActivity, activity_id)
    if row is None or row.deleted:
        raise NotFound.single("活动记录", activity_id, "找不到这条活动记录（可能已被删除）。",
                              "not_found")
    return attachments.add_attachment(session, actor, paths, OWNER_TABLE, activity_id, source,
                                       caption)
