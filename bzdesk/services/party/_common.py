"""What every party service shares: the fixed lists, finding rows, the organisation
tree, and who belonged where on a given day (the source of every 应到)."""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import Final

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from bzdesk.errors import ValidationError
from bzdesk.models.party import PartyMember, PartyMembership, PartyOrg
from bzdesk.services.staffing._common import Checker, clean_text, get_row, today

__all__ = [
    "ATTENDANCE", "MEMBER_ORG_KINDS", "ORG_KINDS", "Checker", "OrgNode", "Stays", "Tree",
    "clean_text", "get_member", "get_org", "load_stays", "load_tree", "not_future", "today",
]

# 机关党委 → 党总支 → 党支部 → 党小组: a parent's rank is lower than its child's.
ORG_KINDS: Final = ("机关党委", "党总支", "党支部", "党小组")
MEMBER_ORG_KINDS: Final = ("党支部", "党小组")  # where a member belongs
ATTENDANCE: Final = ("出席", "请假", "缺席")


def get_org(session: Session, org_id: str | None) -> PartyOrg:
    return get_row(session, PartyOrg, org_id, "党组织")


def get_member(session: Session, member_id: str | None) -> PartyMember:
    return get_row(session, PartyMember, member_id, "党员")


def not_future(d: date, column: str) -> None:
    if d > today():
        raise ValidationError.single(column, d, f"{column}不能晚于今天（{d}）。", "future_date")


@dataclass(frozen=True)
class OrgNode:
    id: str
    name: str
    kind: str
    parent_id: str | None
    founded_on: date
    dissolved_on: date | None
    sort_order: int
    office_id: str


@dataclass
class Tree:
    """The live organisations, loaded once per service call (a county has a few hundred)."""

    nodes: dict[str, OrgNode]
    children: dict[str | None, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        kids: dict[str | None, list[OrgNode]] = defaultdict(list)
        for node in self.nodes.values():
            parent = node.parent_id if node.parent_id in self.nodes else None
            kids[parent].append(node)
        self.children = {k: [n.id for n in sorted(v, key=lambda n: (n.sort_order, n.name))]
                         for k, v in kids.items()}

    def ordered(self, root: str | None = None) -> list[tuple[OrgNode, int]]:
        """(node, depth) in tree order: each organisation followed by its children."""
        out: list[tuple[OrgNode, int]] = []
        stack = ([(root, 0)] if root is not None
                 else [(k, 0) for k in reversed(self.children.get(None, []))])
        while stack:
            org_id, depth = stack.pop()
            out.append((self.nodes[org_id], depth))
            stack.extend((k, depth + 1) for k in reversed(self.children.get(org_id, [])))
        return out

    def subtree(self, org_id: str) -> list[str]:
        return [n.id for n, _ in self.ordered(org_id)]

    def ancestors(self, org_id: str) -> list[str]:
        """The organisation itself and every organisation above it."""
        out = []
        current: str | None = org_id
        while current is not None and current in self.nodes and current not in out:
            out.append(current)
            current = self.nodes[current].parent_id
        return out

    def name(self, org_id: str | None) -> str:
        node = self.nodes.get(org_id or "")
        return node.name if node is not None else ""


def load_tree(session: Session) -> Tree:
    rows = session.execute(select(
        PartyOrg.id, PartyOrg.name, PartyOrg.kind, PartyOrg.parent_id, PartyOrg.founded_on,
        PartyOrg.dissolved_on, PartyOrg.sort_order, PartyOrg.office_id)
        .where(PartyOrg.deleted.is_(False)))
    return Tree({r[0]: OrgNode(*r) for r in rows})


@dataclass(frozen=True)
class Stay:
    member_id: str
    org_id: str
    start_on: date
    end_on: date | None

    def covers(self, d: date) -> bool:
        return self.start_on <= d and (self.end_on is None or d < self.end_on)


@dataclass
class Stays:
    """Memberships, for counting 应到 on any day and finding where a member was."""

    stays: list[Stay]
    _by_member: dict[str, list[Stay]] = field(default_factory=dict)
    _by_org: dict[str, list[Stay]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        by_member: dict[str, list[Stay]] = defaultdict(list)
        by_org: dict[str, list[Stay]] = defaultdict(list)
        for stay in self.stays:
            by_member[stay.member_id].append(stay)
            by_org[stay.org_id].append(stay)
        self._by_member = {k: sorted(v, key=lambda s: s.start_on) for k, v in by_member.items()}
        self._by_org = dict(by_org)

    def members_on(self, org_ids: Iterable[str], d: date) -> list[str]:
        return [s.member_id for org in dict.fromkeys(org_ids)
                for s in self._by_org.get(org, []) if s.covers(d)]

    def org_on(self, member_id: str, d: date) -> str | None:
        stays = self._by_member.get(member_id, [])
        i = bisect_right([s.start_on for s in stays], d) - 1
        return stays[i].org_id if i >= 0 and stays[i].covers(d) else None

    def of_member(self, member_id: str) -> list[Stay]:
        return self._by_member.get(member_id, [])


def load_stays(session: Session, *, org_ids: Iterable[str] | None = None,
               member_ids: Iterable[str] | None = None, start: date | None = None,
               end: date | None = None) -> Stays:
    """Live memberships, optionally only of some organisations or members, and only
    those that overlap ``[start, end)``."""
    m = PartyMembership
    stmt = select(m.member_id, m.org_id, m.start_on, m.end_on).where(m.deleted.is_(False))
    if org_ids is not None:
        stmt = stmt.where(m.org_id.in_(list(org_ids)))
    if member_ids is not None:
        stmt = stmt.where(m.member_id.in_(list(member_ids)))
    if end is not None:
        stmt = stmt.where(m.start_on < end)
    if start is not None:
        stmt = stmt.where(or_(m.end_on.is_(None), m.end_on > start))
    return Stays([Stay(*row) for row in session.execute(stmt)])
