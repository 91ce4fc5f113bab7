"""The words of the visits domain: kinds, statuses, 行业领域 with their loose
spellings, the keys that name a leader and a 联系点, and quarters.

Sectors are a fixed dictionary here (like 机构类别 in staffing): an office
picks 联系点 from it; the aliases take what clerks type (教体局 = 教育).
"""

from __future__ import annotations

import unicodedata
from datetime import date, timedelta
from typing import Final

from bzdesk.errors import ValidationError

ASSIGNMENT_KINDS: Final = ("挂点领导", "联络专员")
VISIT_KINDS: Final = ("挂点联系", "专题调研", "督查", "回访")
KIND_FOLLOW_UP: Final = "回访"
KIND_LINK: Final = "挂点联系"

TARGET_COUNTY, TARGET_UNIT, TARGET_SECTOR = "county", "unit", "sector"
TARGET_KINDS: Final = {TARGET_COUNTY: "县（市、区）", TARGET_UNIT: "单位",
                       TARGET_SECTOR: "行业领域"}

# The status machine of a problem, in order.
PENDING, HANDLING, DONE, CLOSED = "待交办", "办理中", "已办结", "销号"
STATUSES: Final = (PENDING, HANDLING, DONE, CLOSED)
OPEN_STATUSES: Final = (PENDING, HANDLING)
NEXT_STATUS: Final = {PENDING: HANDLING, HANDLING: DONE, DONE: CLOSED}
STEP_NAMES: Final = {HANDLING: "交办问题", DONE: "问题办结", CLOSED: "问题销号"}

SECTORS: Final[dict[str, tuple[str, ...]]] = {
    "教育": ("教育局", "教体局", "教育体育", "教育系统", "学校"),
    "卫健": ("卫生健康", "卫健委", "卫生", "医疗", "医院"),
    "公安": ("公安局", "公安系统"),
    "民政": ("民政局",),
    "人社": ("人力资源和社会保障", "人社局", "人力资源"),
    "农业农村": ("农业", "农村", "农业农村局", "三农"),
    "住建": ("住房和城乡建设", "住建局", "城建"),
    "交通运输": ("交通", "交通局", "交通运输局"),
    "应急管理": ("应急", "应急局", "安监", "安全生产"),
    "市场监管": ("市场监督管理", "市场监管局"),
    "生态环境": ("环保", "生态环境局", "环境保护"),
    "文化旅游": ("文旅", "文化和旅游", "文广旅"),
    "乡镇街道": ("乡镇", "街道", "基层"),
}


def _norm(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


_SECTOR_LOOKUP: Final = {
    _norm(spelling): name
    for name, aliases in SECTORS.items()
    for spelling in (name, *aliases)
}


def match_sector(text: str, column: str = "联系点") -> str:
    """The sector's canonical name for what a clerk typed, or a refusal naming them all."""
    found = _SECTOR_LOOKUP.get(_norm(text))
    if found is None:
        raise ValidationError.single(
            column, text,
            f"“{text.strip()}”不是已知的行业领域。可选：{'、'.join(SECTORS)}。", "unknown_sector")
    return found


def person_key(person_id: str) -> str:
    return f"person:{person_id}"


def leader_key(name: str, *, person_id: str | None = None, user_id: str | None = None) -> str:
    """One leader, however named: a person of the roster, a user, or a plain name."""
    if person_id:
        return person_key(person_id)
    if user_id:
        return f"user:{user_id}"
    return f"name:{_norm(name)}"


def target_key(kind: str, code: str) -> str:
    return f"{kind}:{code}"


def responsible_key(name: str, unit_id: str | None) -> str:
    return f"unit:{unit_id}" if unit_id else f"name:{_norm(name)}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def quarter_bounds(year: int, quarter: int) -> tuple[date, date]:
    """First and last day of a quarter."""
    first = date(year, 3 * quarter - 2, 1)
    after = date(year + 1, 1, 1) if quarter == 4 else date(year, 3 * quarter + 1, 1)
    return first, after - timedelta(days=1)


def is_overdue(status: str, deadline: date, today: date) -> bool:
    """逾期: still open (待交办 or 办理中) after its 办理时限 day has passed."""
    return status in OPEN_STATUSES and today > deadline
