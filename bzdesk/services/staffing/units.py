"""机构: create, edit, move in the tree, 只出不进, abolish or merge.

Units are never deleted: a closed unit keeps its row, its history and its
people's past postings; closing writes zero quota and leader-post lines
from the closing day, so statistics before that day still show it.
"""

from __future__ import annotations

import unicodedata
from datetime import date

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import IntegrityError, ValidationError
from bzdesk.models.staffing import HiringPlan, LeaderPost, Posting, Unit
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing import measures
from bzdesk.services.staffing._common import (
    ACTIVE,
    Checker,
    clean_text,
    get_unit_row,
    optional_date,
    parse_date,
    require_active,
    today,
)
from bzdesk.services.staffing.dictionaries import optional_choice, require_choice
from bzdesk.services.staffing.inputs import CloseUnitInput, UnitInput
from bzdesk.services.staffing.quotas import write_leader_line, write_quota_line
from bzdesk.services.staffing.views import UnitView
from bzdesk.uow import write_op
from bzdesk.validation import InvalidValue, validate_uscc

_CLOSE_ACTIONS = {"撤销": "已撤销", "合并": "已合并"}


def unit_view(u: Unit, depth: int = 0) -> UnitView:
    return UnitView(u.id, u.office_id, u.name, u.short_name, u.uscc, u.parent_id, u.kind,
                    u.rank, u.shiye_class, u.funding, u.approval_doc, u.approval_date,
                    u.status, u.merged_into_id, u.closed_on, u.freeze_in, u.sort_order, depth)


def ancestors(session: Session, unit_id: str) -> list[str]:
    """The ids from ``unit_id`` up to its root (a cycle left by a merge stops the walk)."""
    seen: list[str] = []
    current: str | None = unit_id
    while current is not None and current not in seen:
        seen.append(current)
        current = session.scalar(select(Unit.parent_id).where(Unit.id == current))
    return seen


def subtree_ids_query(unit_id: str) -> Select[str]:
    """SELECT of ``unit_id`` and every unit below it (a recursive CTE)."""
    tree = select(Unit.id).where(Unit.id == unit_id).cte("tree", recursive=True)
    tree = tree.union(select(Unit.id).where(Unit.parent_id == tree.c.id))
    return select(tree.c.id)


def subtree_ids(session: Session, unit_id: str) -> list[str]:
    return list(session.scalars(subtree_ids_query(unit_id)))


def _check_uscc(session: Session, raw: str | None, own_id: str | None) -> str | None:
    if raw is None or not raw.strip():
        return None
    try:
        code = validate_uscc(raw)
    except InvalidValue as exc:
        raise ValidationError.single("统一社会信用代码", raw, exc.reason, exc.kind) from None
    other = session.scalars(select(Unit).where(
        Unit.uscc == code, Unit.deleted.is_(False), Unit.status == ACTIVE,
        Unit.id != (own_id or ""))).first()
    if other is not None:
        raise IntegrityError.single("统一社会信用代码", code,
                                    f"统一社会信用代码 {code} 已被“{other.name}”使用。",
                                    "duplicate")
    return code


def _check_name(session: Session, raw: str, own_id: str | None) -> str:
    name = clean_text(raw, "机构名称", 100, required=True)
    clash = session.scalar(select(func.count()).select_from(Unit).where(
        Unit.name == name, Unit.deleted.is_(False), Unit.status == ACTIVE,
        Unit.id != (own_id or "")))
    if clash:
        raise IntegrityError.single("机构名称", name, f"已有名为“{name}”的机构。", "duplicate")
    return name


def _check_parent(session: Session, parent_id: str | None, own_id: str | None) -> str | None:
    if not parent_id:
        return None
    parent = get_unit_row(session, parent_id)
    require_active(parent, "作为上级机构")
    if own_id is not None and own_id in ancestors(session, parent.id):
        raise ValidationError.single("上级机构", parent.name,
                                     f"不能把机构移到它自己或它的下属机构“{parent.name}”之下。",
                                     "cycle")
    return parent.id


def _validated(session: Session, inp: UnitInput, own_id: str | None) -> dict[str, object]:
    check = Checker()
    values: dict[str, object] = {
        "name": check.take(lambda: _check_name(session, inp.name, own_id)),
        "short_name": check.take(lambda: clean_text(inp.short_name, "简称", 40)),
        "kind": check.take(lambda: require_choice("unit_kind", inp.kind)),
        "rank": check.take(lambda: optional_choice("unit_rank", inp.rank)),
        "shiye_class": check.take(lambda: optional_choice("shiye_class", inp.shiye_class)),
        "funding": check.take(lambda: optional_choice("funding", inp.funding)),
        "uscc": check.take(lambda: _check_uscc(session, inp.uscc, own_id)),
        "parent_id": check.take(lambda: _check_parent(session, inp.parent_id, own_id)),
        "approval_doc": check.take(lambda: clean_text(inp.approval_doc, "批准文号", 100)),
        "freeze_in": bool(inp.freeze_in),
    }
    if inp.sort_order is not None:
        values["sort_order"] = int(inp.sort_order)
    approval = check.take(lambda: optional_date(inp.approval_date, "批准日期"))
    values["approval_date"] = approval[0] if approval else None
    if values["shiye_class"] and values["kind"] not in (None, "事业单位"):
        check.add("事业单位分类", inp.shiye_class, "只有事业单位才填写事业单位分类。",
                  "not_applicable")
    check.done()
    return values


def create_unit(session: Session, actor: Actor, inp: UnitInput) -> Outcome[UnitView]:
    require(actor, Can.WRITE)
    values = _validated(session, inp, None)
    parent = session.get(Unit, values["parent_id"]) if values["parent_id"] else None
    if "sort_order" not in values:
        last = session.scalar(select(func.max(Unit.sort_order)).where(
            Unit.parent_id.is_(None) if parent is None else Unit.parent_id == parent.id))
        values["sort_order"] = (last or 0) + 10
    with write_op(session, actor, "新建机构", target=str(values["name"])) as op:
        unit = Unit(**values)
        if parent is not None:
            unit.office_id = parent.office_id  # a unit belongs where its parent does
        session.add(unit)
    return Outcome(unit_view(unit), frozenset(op.changed))


def update_unit(session: Session, actor: Actor, unit_id: str,
                inp: UnitInput) -> Outcome[UnitView]:
    """Edit every field, including the parent (a move; cycles are refused)."""
    require(actor, Can.WRITE)
    unit = get_unit_row(session, unit_id)
    values = _validated(session, inp, unit.id)
    with write_op(session, actor, "修改机构", target=unit.name) as op:
        for key, value in values.items():
            setattr(unit, key, value)
    return Outcome(unit_view(unit), frozenset(op.changed))


def move_unit(session: Session, actor: Actor, unit_id: str,
              parent_id: str | None) -> Outcome[UnitView]:
    require(actor, Can.WRITE)
    unit = get_unit_row(session, unit_id)
    new_parent = _check_parent(session, parent_id, unit.id)
    with write_op(session, actor, "移动机构", target=unit.name) as op:
        unit.parent_id = new_parent
    return Outcome(unit_view(unit), frozenset(op.changed))


def set_freeze(session: Session, actor: Actor, unit_id: str, frozen: bool) -> Outcome[UnitView]:
    """只出不进: leavers are allowed, every 入编 into the unit is refused."""
    require(actor, Can.WRITE)
    unit = get_unit_row(session, unit_id)
    with write_op(session, actor, "设置只出不进" if frozen else "取消只出不进",
                  target=unit.name) as op:
        unit.freeze_in = frozen
    return Outcome(unit_view(unit), frozenset(op.changed))


def _closing_blockers(session: Session, unit: Unit, on: date) -> list[str]:
    blockers = []
    open_count = session.scalar(select(func.count()).select_from(Posting).where(
        Posting.unit_id == unit.id, Posting.deleted.is_(False), Posting.end_on.is_(None)))
    if open_count:
        blockers.append(f"{unit.name} 还有 {open_count} 名在编人员，请先办理出编或调动")
    children = session.scalars(select(Unit.name).where(
        Unit.parent_id == unit.id, Unit.deleted.is_(False), Unit.status == ACTIVE)).all()
    if children:
        blockers.append(f"{unit.name} 还有下属机构（{'、'.join(children)}），请先撤并或移动它们")
    loans = sum(measures.loans_outstanding(session, max(on, today()), unit_id=unit.id).values())
    if loans:
        blockers.append(f"{unit.name} 还借用周转池编制 {loans} 名，请先归还")
    pending = session.scalar(select(func.count()).select_from(HiringPlan).where(
        HiringPlan.unit_id == unit.id, HiringPlan.deleted.is_(False),
        HiringPlan.status == "待审核"))
    if pending:
        blockers.append(f"{unit.name} 还有 {pending} 个待审核的用编计划，请先审核")
    return blockers


def close_unit(session: Session, actor: Actor, inp: CloseUnitInput) -> Outcome[UnitView]:
    """撤销 or 合并 a unit; refused while people, sub-units, loans or plans remain."""
    require(actor, Can.WRITE)
    unit = get_unit_row(session, inp.unit_id)
    require_active(unit, "再次撤并")
    check = Checker()
    status = _CLOSE_ACTIONS.get(inp.action.strip())
    if status is None:
        check.add("撤并方式", inp.action, "撤并方式应为“撤销”或“合并”。", "unknown_choice")
    closed = check.take(lambda: parse_date(inp.closed_on, "撤并日期"))
    doc = check.take(lambda: clean_text(inp.doc, "撤并文号", 100))
    target: Unit | None = None
    if status == "已合并":
        target = check.take(lambda: get_unit_row(session, inp.merged_into_id))
        if target is not None and (target.status != ACTIVE or target.id == unit.id):
            check.add("并入机构", target.name, "只能并入另一个正常的机构。", "unit_closed")
    check.done()
    assert closed is not None and status is not None
    blockers = _closing_blockers(session, unit, closed[0])
    if blockers:
        raise IntegrityError("；".join(blockers) + "。")
    name = "合并机构" if target else "撤销机构"
    with write_op(session, actor, name, target=unit.name) as op:
        unit.status = status
        unit.closed_on = closed[0]
        unit.close_doc = doc or ""
        unit.merged_into_id = target.id if target else None
        _zero_lines(session, unit, closed[0], doc or "")
    return Outcome(unit_view(unit), frozenset(op.changed))


def _zero_lines(session: Session, unit: Unit, on: date, doc: str) -> None:
    """Close the quota and leader-post history of a closed unit from ``on``."""
    for (_, category_id), approved in measures.quota_lines(session, on, unit_id=unit.id).items():
        if approved:
            write_quota_line(session, unit, category_id, 0, on, doc)
    chief, deputy = measures.leader_lines(session, on, unit_id=unit.id).get(unit.id, (0, 0))
    if chief or deputy or session.scalar(select(func.count()).select_from(LeaderPost).where(
            LeaderPost.unit_id == unit.id, LeaderPost.deleted.is_(False))):
        write_leader_line(session, unit, 0, 0, on, doc)


def get_unit(session: Session, actor: Actor, unit_id: str) -> UnitView:
    require(actor, Can.READ)
    return unit_view(get_unit_row(session, unit_id))


def list_units(session: Session, actor: Actor, *, include_closed: bool = True) -> list[UnitView]:
    """Every unit in tree order (parents before children, siblings by sort order)."""
    require(actor, Can.READ)
    query = select(Unit).where(Unit.deleted.is_(False))
    if not include_closed:
        query = query.where(Unit.status == ACTIVE)
    rows = session.scalars(query.order_by(Unit.sort_order, Unit.name)).all()
    ids = {u.id for u in rows}
    children: dict[str | None, list[Unit]] = {}
    for u in rows:
        children.setdefault(u.parent_id if u.parent_id in ids else None, []).append(u)
    out: list[UnitView] = []
    stack = [(u, 0) for u in reversed(children.get(None, []))]
    while stack:
        u, depth = stack.pop()
        out.append(unit_view(u, depth))
        stack.extend((c, depth + 1) for c in reversed(children.get(u.id, [])))
    return out


def match_unit(session: Session, actor: Actor, name: str) -> UnitView | None:
    """The active unit a sheet names (full name or 简称), or None."""
    require(actor, Can.READ)
    word = " ".join(unicodedata.normalize("NFKC", name).split())
    if not word:
        return None
    unit = session.scalars(select(Unit).where(
        Unit.deleted.is_(False), Unit.status == ACTIVE,
        (Unit.name == word) | (Unit.short_name == word)).order_by(Unit.name != word)).first()
    return unit_view(unit) if unit else None
