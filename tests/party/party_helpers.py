"""Helpers the party tests import (fixtures live in conftest.py): a small tree of
organisations and members built through the services, and row counters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import func, select

from bzdesk.db import Database
from bzdesk.models import AuditEntry, Change
from bzdesk.roles import Actor
from bzdesk.services import party
from bzdesk.services.party.rules import default_type_id

T = TypeVar("T")
OFFICE = "360121"


def type_id(code: str) -> str:
    """The fixed id of a default activity type (ZWH 支委会, ZBDH 支部党员大会 …)."""
    return default_type_id(OFFICE, code)


@dataclass
class Party:
    """Calls services in their own transaction, like the GUI's ws.write/ws.read."""

    db: Database
    actor: Actor
    orgs: dict[str, str] = field(default_factory=dict)
    members: dict[str, str] = field(default_factory=dict)

    def write(self, fn: Callable[..., T], *args: Any, actor: Actor | None = None) -> T:
        with self.db.write() as s:
            return fn(s, actor or self.actor, *args)

    def read(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        with self.db.read() as s:
            return fn(s, self.actor, *args, **kwargs)

    def org(self, name: str, kind: str, founded: date, parent: str | None = None) -> str:
        out = self.write(party.create_org, party.OrgInput(
            name, kind, founded, self.orgs[parent] if parent else None))
        self.orgs[name] = out.value.id
        return out.value.id

    def member(self, name: str, org: str, start: date, *, joined: date = date(2000, 7, 1),
               retired: bool = False, community: str = "", person_id: str | None = None) -> str:
        out = self.write(party.create_member, party.NewMemberInput(
            party.MemberInput(name, joined, retired=retired, community=community,
                              person_id=person_id),
            self.orgs[org], start))
        self.members[name] = out.value.id
        return out.value.id

    def meeting(self, org: str, code: str, held: date, present: tuple[str, ...] = (),
                *, topic: str = "", first: bool = False,
                extra: tuple[party.AttendanceEntry, ...] = ()) -> party.ActivityView:
        entries = tuple(party.AttendanceEntry(self.members[n], "出席") for n in present)
        return self.write(party.record_activity, party.ActivityInput(
            self.orgs[org], type_id(code), held, topic or f"{code} {held}", first_topic=first,
            attendance=entries + extra)).value

    def counts(self) -> tuple[int, int]:
        """(change records, audit entries): a refusal must leave both unchanged."""
        with self.db.read() as s:
            return (s.scalar(select(func.count()).select_from(Change)) or 0,
                    s.scalar(select(func.count()).select_from(AuditEntry)) or 0)


def build_tree(p: Party) -> Party:
    """机关党委 (2015) → 第一党支部 (2015-03) → 第一党小组 (2016); 第二党支部 (2020-06-15).
    张三, 李四 in 第一党支部, 王五 in its 党小组 (so 应到 of the 支部 is 3); 赵六 in 第二."""
    p.org("机关党委", "机关党委", date(2015, 1, 1))
    p.org("第一党支部", "党支部", date(2015, 3, 1), "机关党委")
    p.org("第一党小组", "党小组", date(2016, 1, 1), "第一党支部")
    p.org("第二党支部", "党支部", date(2020, 6, 15), "机关党委")
    p.member("张三", "第一党支部", date(2015, 3, 1), community="青山湖社区")
    p.member("李四", "第一党支部", date(2018, 5, 1), community="八一社区")
    p.member("王五", "第一党小组", date(2016, 1, 1), retired=True)
    p.member("赵六", "第二党支部", date(2020, 6, 15), community="洪城社区")
    return p
