"""Generated people for the demo: names, valid ID cards, ages, titles."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any, Final

from bzdesk.services.staffing.demo_data import (
    DEGREE_FOR,
    EDUCATION,
    ETHNIC_MINORITIES,
    FEMALE_GIVEN,
    MALE_GIVEN,
    POLITICAL,
    SURNAMES,
)
from bzdesk.services.staffing.people import pinyin_initials
from bzdesk.validation import check_digit

_ROUTES: Final = {
    "XZ": (("考录", 70), ("选调", 10), ("调任", 10), ("军转安置", 5), ("遴选", 5)),
    "ZF": (("考录", 80), ("军转安置", 12), ("调任", 8)),
    "SY": (("公开招聘", 85), ("调任", 5), ("军转安置", 4), ("其他", 6)),
    "GQ": (("公开招聘", 60), ("军转安置", 25), ("其他", 15)),
}
# (name ending, title of the head): the first ending that matches wins.
_HEADS: Final = (
    ("检察院", "检察长"), ("法院", "院长"), ("医院", "院长"), ("卫生院", "院长"),
    ("保健院", "院长"), ("中学", "校长"), ("小学", "校长"), ("人民政府", "镇长"),
    ("纪律检查委员会", "书记"), ("委员会", "主任"), ("办公室", "主任"), ("部", "部长"),
    ("局", "局长"), ("中心", "主任"), ("工会", "主席"), ("妇女联合会", "主席"), ("公司", "经理"),
)
_STAFF: Final = (
    ("中学", ("专任教师",)), ("小学", ("专任教师",)),
    ("院", ("医师", "护士", "药剂师", "医技人员")), ("公安局", ("民警",)),
    ("法院", ("法官", "法官助理", "书记员")), ("检察院", ("检察官", "检察官助理")),
)


def leader_title(unit: str, kind: str) -> str:
    head = next((title for ending, title in _HEADS if unit.endswith(ending)), "负责人")
    if unit.startswith("共青团"):
        head = "书记"
    return head if kind == "正" else "副" + head


def weighted(rng: random.Random, pairs: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([p[0] for p in pairs], [p[1] for p in pairs])[0]


def staff_title(unit: str, code: str, rng: random.Random) -> str:
    pick = rng.choice
    if code == "GQ":
        return pick(("驾驶员", "工勤人员"))
    for ending, titles in _STAFF:
        if ending in unit[-4:]:
            return pick(titles)
    if code == "SY":
        return pick(("专业技术人员", "管理人员"))
    return pick(("一级科员", "二级科员", "四级主任科员", "三级主任科员"))


class PeopleMaker:
    """Makes person rows for one county: ID cards carry the county's region code."""

    def __init__(self, rng: random.Random, region: str, today: date) -> None:
        self.rng, self.region, self.today = rng, region, today
        self.used: set[str] = set()

    def _id_number(self, birth: date, male: bool) -> str:
        while True:
            seq = self.rng.randrange(0, 500) * 2 + (1 if male else 0)  # odd digit: a man
            first17 = f"{self.region}{birth:%Y%m%d}{seq:03d}"
            number = first17 + check_digit(first17)
            if number not in self.used:
                self.used.add(number)
                return number

    def _birth(self, youngest: int, oldest: int) -> date:
        days = self.rng.randint(youngest * 365 + 10, oldest * 365 + 360)
        return self.today - timedelta(days=days)

    def person(self, *, in_post: bool, retired: bool = False) -> dict[str, Any]:
        rng = self.rng
        male = rng.random() < 0.55
        if retired:
            birth = self._birth(61 if male else 56, 72)
        elif in_post:
            birth = self._birth(23, 59 if male else 54)
        else:
            birth = self._birth(26, 50)
        given = MALE_GIVEN if male else FEMALE_GIVEN
        name = rng.choice(SURNAMES) + "".join(
            rng.choice(given) for _ in range(2 if rng.random() < 0.7 else 1))
        education = weighted(rng, EDUCATION)
        work_start = min(birth + timedelta(days=rng.randint(21 * 365, 27 * 365)),
                         self.today - timedelta(days=rng.randint(30, 400)))
        return {
            "name": name, "id_number": self._id_number(birth, male), "sex": "男" if male else "女",
            "birth_date": birth,
            "ethnicity": "汉族" if rng.random() < 0.96 else rng.choice(ETHNIC_MINORITIES),
            "political": weighted(rng, POLITICAL), "education": education,
            "degree": DEGREE_FOR.get(education, "无"),
            "work_start": work_start, "work_start_precision": "day",
            "phone": "1" + rng.choice("3589") + "".join(rng.choice("0123456789")
                                                         for _ in range(9)),
            "initials": pinyin_initials(name), "photo_sha256": None, "deleted": False,
        }

    def start(self, person: dict[str, Any]) -> tuple[date, str]:
        """The first posting's start: the person's work start, sometimes only to the month."""
        start: date = person["work_start"]
        if self.rng.random() < 0.1:
            return start.replace(day=1), "month"
        return start, "day"

    def start_route(self, code: str) -> str:
        return weighted(self.rng, _ROUTES[code])
