"""Rows of a generated year of party work (pure: no database), for the demo and the
benchmark. Realistic shape with gaps to show: some monthly meetings skipped, a
quarter's 党课 missed, recent windows still open, members transferred in and
out during the year, a few who stopped paying 党费, some check-ins missing."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, Final

from bzdesk.models.base import new_id
from bzdesk.services.party.dues_rule import DEFAULT_RETIRED, DEFAULT_WORKING, dues_amount
from bzdesk.services.party.periods import (
    Period,
    add_months,
    month_start,
    months_between,
    windows_in,
)
from bzdesk.services.party.rules import default_type_id
from bzdesk.services.staffing.demo_data import FEMALE_GIVEN, MALE_GIVEN, SURNAMES

Row = dict[str, Any]
# (type code, frequency, chance a window is skipped: the gaps the dashboard shows)
BRANCH_TYPES: Final[tuple[tuple[str, Period, float], ...]] = (
    ("ZBDH", "quarter", 0.06), ("ZWH", "month", 0.08), ("DK", "quarter", 0.1),
    ("ZTDR", "month", 0.06), ("ZZSHH", "year", 0.1), ("MZPY", "year", 0.1))
COMMITTEE: Final = 5  # 支委 attend the 支委会
TOPICS: Final = {
    "ZBDH": ("讨论发展党员工作", "选举支部委员会", "学习党的创新理论", "通报半年工作"),
    "ZWH": ("研究本月党建工作安排", "讨论入党积极分子培养", "研究党费收缴情况", "部署主题党日"),
    "DK": ("书记讲党课：坚定理想信念", "党章党规专题党课", "党史学习教育专题党课"),
    "ZTDR": ("重温入党誓词", "走进社区开展志愿服务", "参观红色教育基地", "集中学习重要讲话精神"),
    "ZZSHH": ("年度组织生活会",), "MZPY": ("年度民主评议党员",), "TXTH": ("谈心谈话",),
    "DXZH": ("党小组学习交流", "讨论党员思想动态"), "ZXZ": ("中心组专题学习",),
    "MZSHH": ("领导班子民主生活会",),
}
LEAVE_REASONS: Final = ("出差", "下乡调研", "病假", "参加培训", "事假")
PLACES: Final = ("三楼会议室", "党员活动室", "五楼小会议室", "红色教育基地")
COMMUNITIES: Final = ("青山湖社区", "八一社区", "洪城社区", "莲塘社区", "澄湖社区", "向阳社区")
SERVICES: Final = ("清理楼道小广告", "文明交通劝导", "关爱空巢老人", "垃圾分类宣传", "防汛巡查")


@dataclass
class Member:
    id: str
    org_id: str
    start: date
    end: date | None
    retired: bool

    def covers(self, d: date) -> bool:
        return self.start <= d and (self.end is None or d < self.end)


@dataclass
class Built:
    """Rows per table, ready for op.bulk_insert, and what they add up to."""

    rows: dict[str, list[Row]] = field(default_factory=dict)

    def add(self, table: str, row: Row) -> str:
        row.setdefault("id", new_id())
        self.rows.setdefault(table, []).append(row)
        return str(row["id"])

    def count(self, table: str) -> int:
        return len(self.rows.get(table, []))


class Builder:
    """``branches`` 党支部 under one 机关党委, each with ``members`` members in ``groups``
    党小组, and a year of records ending on ``today``."""

    def __init__(self, rng: random.Random, office_id: str, today: date, *, branches: int,
                 members: int, groups: int, people: list[tuple[str, str, str]]) -> None:
        self.rng, self.office, self.today = rng, office_id, today
        self.branches, self.per_branch, self.groups = branches, members, groups
        self.people = list(people)  # roster (id, name, sex) to link members to
        self.start = add_months(month_start(today), -12)
        self.out = Built()
        self.linked = 0
        self.leaders: list[Member] = []  # 中心组 and 民主生活会: each branch's secretary

    def type_id(self, code: str) -> str:
        return default_type_id(self.office, code)

    def build(self) -> Built:
        top = self.out.add("party_org", {"name": "机关党委", "kind": "机关党委",
                                         "parent_id": None, "founded_on": date(2012, 3, 1),
                                         "sort_order": 0})
        for n in range(1, self.branches + 1):
            recent = n == self.branches and self.branches > 2  # founded lately: owes less
            founded = (add_months(month_start(self.today), -4) if recent
                       else date(self.rng.randint(2013, 2019), self.rng.randint(1, 12), 1))
            branch = self.out.add("party_org", {"name": f"第{_cn(n)}党支部", "kind": "党支部",
                                                "parent_id": top, "founded_on": founded,
                                                "sort_order": n})
            self._branch(branch, n, founded)
        self._centre_group(top)
        return self.out

    def _branch(self, branch: str, n: int, founded: date) -> None:
        holders = [branch]
        for g in range(1, self.groups + 1):
            holders.append(self.out.add("party_org", {
                "name": f"第{_cn(n)}党支部第{_cn(g)}党小组", "kind": "党小组",
                "parent_id": branch, "founded_on": founded, "sort_order": g}))
        members = [self._member(holders[1 + i % self.groups] if self.groups else branch, founded)
                   for i in range(self.per_branch)]
        self.leaders.append(members[0])
        lazy = self.rng.random() < 0.15  # this branch misses one quarter's 党课
        for code, period, skip in BRANCH_TYPES:
            for w in windows_in(period, max(self.start, founded), self.today + timedelta(1)):
                if w.start < founded or self.rng.random() < skip or (
                        lazy and code == "DK" and w.start.month in (4, 5, 6)):
                    continue
                day = w.start + timedelta(self.rng.randint(0, (w.end - w.start).days - 1))
                if day <= self.today:
                    people = members[:COMMITTEE] if code == "ZWH" else members
                    self._activity(branch, code, day, people, first=code in ("ZWH", "ZTDR"))
        for _ in range(8):  # 谈心谈话: one to one, through the year
            day = self._day(max(self.start, founded))
            pair = self.rng.sample(members, 2)
            self._activity(branch, "TXTH", day, pair, first=False)
        for g, holder in enumerate(holders[1:]):
            mine = [m for m in members if m.org_id == holder]
            for w in windows_in("month", max(self.start, founded), self.today + timedelta(1)):
                day = w.start + timedelta(self.rng.randint(0, 27))
                if w.start >= founded and day <= self.today and self.rng.random() > 0.1 + g / 20:
                    self._activity(holder, "DXZH", day, mine, first=False)
        for m in members:
            self._ledgers(m)

    def _member(self, org_id: str, founded: date) -> Member:
        rng = self.rng
        if self.people and rng.random() < 0.6:
            person_id, name, sex = self.people.pop()
            self.linked += 1
        else:
            person_id, sex = None, rng.choice("男男女")
            name = rng.choice(SURNAMES) + "".join(rng.choice(
                MALE_GIVEN if sex == "男" else FEMALE_GIVEN) for _ in range(rng.randint(1, 2)))
        joined = date(rng.randint(1985, 2021), rng.randint(1, 12), rng.randint(1, 28))
        start = max(founded, joined)
        roll = rng.random()
        if roll < 0.05:  # transferred in during the year
            start = max(start, self._day(self.start))
        end = self._day(max(start, self.start) + timedelta(1)) if 0.05 <= roll < 0.09 else None
        retired = rng.random() < 0.08
        member_id = self.out.add("party_member", {
            "name": name, "person_id": person_id, "sex": sex, "joined_on": joined,
            "status": "预备" if joined.year >= 2021 else "正式",
            "full_on": None if joined.year >= 2021 else joined.replace(day=1) + timedelta(400),
            "retired": retired, "community": "" if retired else rng.choice(COMMUNITIES),
            "phone": f"1{rng.randint(3, 9)}{rng.randint(0, 999_999_999):09d}"})
        self.out.add("party_membership", {
            "member_id": member_id, "org_id": org_id, "start_on": start,
            "start_kind": "转入" if start > founded and start >= self.start else "登记",
            "start_note": "", "end_on": end, "end_kind": "转出" if end else None,
            "end_note": "转往市直机关" if end else ""})
        return Member(member_id, org_id, start, end, retired)

    def _day(self, after: date) -> date:
        span = max(0, (self.today - after).days)
        return after + timedelta(self.rng.randint(0, span))

    def _activity(self, org: str, code: str, day: date, people: list[Member], *,
                  first: bool) -> None:
        rng = self.rng
        activity = self.out.add("party_activity", {
            "org_id": org, "type_id": self.type_id(code), "held_on": day,
            "place": rng.choice(PLACES), "host": "", "recorder": "",
            "topic": rng.choice(TOPICS[code]),
            "content": "传达学习上级精神，结合实际开展讨论，与会同志逐一发言。",
            "resolutions": "", "speakers": "", "materials": "",
            "first_topic": first and rng.random() < 0.7})
        for m in people:
            if not m.covers(day):
                continue
            roll = rng.random()
            status = "出席" if roll < 0.88 else "请假" if roll < 0.96 else "缺席"
            self.out.add("party_attendance", {
                "activity_id": activity, "member_id": m.id, "status": status,
                "reason": rng.choice(LEAVE_REASONS) if status == "请假" else ""})

    def _centre_group(self, top: str) -> None:
        leaders = self.leaders[:9]
        for month in months_between(self.start, self.today + timedelta(1)):
            if self.rng.random() < 0.8:
                day = month + timedelta(self.rng.randint(0, 20))
                if day <= self.today:
                    self._activity(top, "ZXZ", day, leaders, first=True)
        meeting = date(self.today.year, 1, 20)
        if meeting <= self.today:
            self._activity(top, "MZSHH", meeting, leaders, first=False)

    def _ledgers(self, m: Member) -> None:
        rng = self.rng
        stopped = rng.random() < 0.04  # stopped paying: the 6-month alert
        base = rng.choice((2800, 4200, 5400, 6800, 8500, 11500))
        for month in months_between(max(self.start, m.start), self.today + timedelta(1)):
            if not m.covers(month) or month >= month_start(self.today):
                continue
            if not (stopped and month >= add_months(month_start(self.today), -7)):
                due = dues_amount(base, DEFAULT_RETIRED if m.retired else DEFAULT_WORKING)
                self.out.add("party_dues", {
                    "member_id": m.id, "month": month, "base_fen": base * 100,
                    "amount_fen": int(due * 100), "paid_on": month + timedelta(9), "note": ""})
            if not m.retired and rng.random() < 0.85:
                self.out.add("party_checkin", {
                    "member_id": m.id, "month": month,
                    "status": "参加活动" if rng.random() < 0.6 else "已报到",
                    "community": "", "note": ""})
        for _ in range(rng.choice((0, 1, 1, 2, 3))):
            day = self._day(max(self.start, m.start))
            if m.covers(day):
                self.out.add("party_volunteer", {
                    "member_id": m.id, "served_on": day, "place": rng.choice(COMMUNITIES),
                    "hours_tenths": rng.choice((10, 15, 20, 30, 40)),
                    "description": rng.choice(SERVICES)})


_DIGITS: Final = "零一二三四五六七八九"


def _cn(n: int) -> str:
    """1 → 一, 12 → 十二, 300 → 三百 (branch and group names)."""
    if n < 10:
        return _DIGITS[n]
    if n < 20:
        return "十" + (_DIGITS[n % 10] if n % 10 else "")
    if n < 100:
        return _DIGITS[n // 10] + "十" + (_DIGITS[n % 10] if n % 10 else "")
    rest = n % 100
    tail = "" if not rest else ("零" + _DIGITS[rest] if rest < 10 else
                                ("一" + _cn(rest) if rest < 20 else _cn(rest)))
    return _DIGITS[n // 100] + "百" + tail
