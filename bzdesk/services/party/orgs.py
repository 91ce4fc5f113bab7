"""党组织: the tree 机关党委 → 党总支 → 党支部 → 党小组 with founding dates.

A child ranks below its parent (a 党支部 may sit directly under a 机关党委;
a 党小组 always under a 党支部), is founded no earlier than its parent, and a
dissolved organisation keeps its rows and history.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import IntegrityError, ValidationError
from bzdesk.models.party import PartyActivity, PartyMembership, PartyOrg
from bzdesk.roles import Actor, Can, require
from bzdesk.services.party._common import (
    ORG_KINDS,
    Checker,
    Tree,
    clean_text,
    get_org,
    load_stays,
    load_tree,
    not_future,
    today,
)
from bzdesk.services.party.inputs import OrgInput
from bzdesk.services.party.views import OrgView
from bzdesk.uow import write_op


def _view(node: PartyOrg, depth: int = 0, members: int = 0) -> OrgView:
    return OrgView(node.id, node.name, node.kind, node.parent_id, node.founded_on,
                   node.dissolved_on, node.sort_order, depth, members, node.office_id)


def list_orgs(session: Session, actor: Actor, as_of: date | None = None) -> list[OrgView]:
    """Every organisation in tree order, with its members (sub-organisations included)."""
    require(actor, Can.READ)
    day = as_of or today()
    tree = load_tree(session)
    stays = load_stays(session, start=day, end=date.fromordinal(day.toordinal() + 1))
    return [OrgView(n.id, n.name, n.kind, n.parent_id, n.founded_on, n.dissolved_on,
                    n.sort_order, depth, len(stays.members_on(tree.subtree(n.id), day)),
                    n.office_id)
            for n, depth in tree.ordered()]


def get_org_view(session: Session, actor: Actor, org_id: str) -> OrgView:
    require(actor, Can.READ)
    return _view(get_org(session, org_id))


def _check(session: Session, inp: OrgInput, own: PartyOrg | None) -> tuple[str, str]:
    check = Checker()
    name = check.take(lambda: clean_text(inp.name, "名称", 100, required=True))
    if inp.kind not in ORG_KINDS:
        check.add("类别", inp.kind, f"组织类别应为：{'、'.join(ORG_KINDS)}。", "bad_choice")
    check.take(lambda: not_future(inp.founded_on, "成立日期"))
    check.done()
    assert name is not None
    tree = load_tree(session)
    clash = next((n for n in tree.nodes.values() if n.name == name
                  and (own is None or n.id != own.id)), None)
    if clash is not None:
        raise IntegrityError.single("名称", name, f"已有名为“{name}”的党组织。", "duplicate")
    rank = ORG_KINDS.index(inp.kind)
    if inp.parent_id is None:
        if inp.kind == "党小组":
            raise ValidationError.single("上级组织", "", "党小组必须设在某个党支部之下。",
                                         "bad_parent")
    else:
        parent = get_org(session, inp.parent_id)
        _check_parent(tree, parent, inp, own, rank)
    if own is not None:
        _check_own(session, tree, own, inp, rank)
    return name, inp.kind


def _check_parent(tree: Tree, parent: PartyOrg, inp: OrgInput, own: PartyOrg | None,
                  rank: int) -> None:
    if own is not None and parent.id in tree.subtree(own.id):
        raise ValidationError.single("上级组织", parent.name,
                                     "不能把党组织设到它自己或它的下级组织之下。", "bad_parent")
    if parent.dissolved_on is not None:
        raise ValidationError.single("上级组织", parent.name,
                                     f"{parent.name}已于 {parent.dissolved_on} 撤销。",
                                     "org_dissolved")
    if ORG_KINDS.index(parent.kind) >= rank or (inp.kind == "党小组" and parent.kind != "党支部"):
        raise ValidationError.single(
            "上级组织", parent.name,
            f"{inp.kind}不能设在{parent.kind}之下（层级：{' → '.join(ORG_KINDS)}"
            "；党小组设在党支部之下）。", "bad_parent")
    if inp.founded_on < parent.founded_on:
        raise ValidationError.single(
            "成立日期", inp.founded_on,
            f"成立日期（{inp.founded_on}）早于上级组织{parent.name}的成立日期"
            f"（{parent.founded_on}）。", "before_parent")


def _check_own(session: Session, tree: Tree, own: PartyOrg, inp: OrgInput, rank: int) -> None:
    """An edit must keep the children, members and records of the organisation valid."""
    for child_id in tree.children.get(own.id, []):
        child = tree.nodes[child_id]
        if ORG_KINDS.index(child.kind) <= rank or (child.kind == "党小组"
                                                   and inp.kind != "党支部"):
            raise ValidationError.single("类别", inp.kind,
                                         f"下级组织{child.name}（{child.kind}）不能设在"
                                         f"{inp.kind}之下。", "bad_kind")
        if child.founded_on < inp.founded_on:
            raise ValidationError.single("成立日期", inp.founded_on,
                                         f"下级组织{child.name}成立于 {child.founded_on}，"
                                         "早于这个成立日期。", "after_child")
    first = session.scalar(select(func.min(PartyActivity.held_on))
                           .where(PartyActivity.org_id == own.id,
                                  PartyActivity.deleted.is_(False)))
    stay = session.scalar(select(func.min(PartyMembership.start_on))
                          .where(PartyMembership.org_id == own.id,
                                 PartyMembership.deleted.is_(False)))
    earliest = min((d for d in (first, stay) if d is not None), default=None)
    if earliest is not None and inp.founded_on > earliest:
        raise ValidationError.single("成立日期", inp.founded_on,
                                     f"这个组织在 {earliest} 已有党员或活动记录，"
                                     "成立日期不能晚于它。", "after_records")
    if inp.kind not in ("党支部", "党小组") and stay is not None:
        raise ValidationError.single("类别", inp.kind, "这个组织已有党员，只能是党支部或党小组。",
                                     "bad_kind")


def create_org(session: Session, actor: Actor, inp: OrgInput) -> Outcome[OrgView]:
    require(actor, Can.WRITE)
    name, kind = _check(session, inp, None)
    with write_op(session, actor, "新建党组织", target=name) as op:
        row = PartyOrg(name=name, kind=kind, parent_id=inp.parent_id, founded_on=inp.founded_on,
                       sort_order=inp.sort_order)
        session.add(row)
    return Outcome(_view(row), frozenset(op.changed))


def update_org(session: Session, actor: Actor, org_id: str, inp: OrgInput) -> Outcome[OrgView]:
    require(actor, Can.WRITE)
    row = get_org(session, org_id)
    name, kind = _check(session, inp, row)
    with write_op(session, actor, "修改党组织", target=name) as op:
        row.name, row.kind, row.parent_id = name, kind, inp.parent_id
        row.founded_on, row.sort_order = inp.founded_on, inp.sort_order
    return Outcome(_view(row), frozenset(op.changed))


def dissolve_org(session: Session, actor: Actor, org_id: str, on: date) -> Outcome[OrgView]:
    """撤销: only once its members have left and its sub-organisations are dissolved."""
    require(actor, Can.WRITE)
    row = get_org(session, org_id)
    not_future(on, "撤销日期")
    if row.dissolved_on is not None:
        raise ValidationError.single("撤销日期", on, f"{row.name}已于 {row.dissolved_on} 撤销。",
                                     "org_dissolved")
    last = session.scalar(select(func.max(PartyActivity.held_on)).where(
        PartyActivity.org_id == org_id, PartyActivity.deleted.is_(False)))
    if on <= row.founded_on or (last is not None and on <= last):
        raise ValidationError.single("撤销日期", on,
                                     f"撤销日期应晚于成立日期（{row.founded_on}）"
                                     f"{f'和最后一次活动（{last}）' if last else ''}。",
                                     "bad_date")
    tree = load_tree(session)
    open_child = next((tree.nodes[c] for c in tree.children.get(org_id, [])
                       if tree.nodes[c].dissolved_on is None), None)
    if open_child is not None:
        raise ValidationError.single("撤销日期", on,
                                     f"请先撤销下级组织{open_child.name}。", "has_children")
    staying = session.scalar(select(func.count()).select_from(PartyMembership).where(
        PartyMembership.org_id == org_id, PartyMembership.deleted.is_(False),
        or_(PartyMembership.end_on.is_(None), PartyMembership.end_on > on)))
    if staying:
        raise ValidationError.single("撤销日期", on,
                                     f"{row.name}在 {on} 之后还有 {staying} 名党员，"
                                     "请先办理他们的转出或调整。", "has_members")
    with write_op(session, actor, "撤销党组织", target=row.name) as op:
        row.dissolved_on = on
    return Outcome(_view(row), frozenset(op.changed))
