"""The staffing dictionaries kept as tables: 编制类型 and 教职工编制标准.

Seeding is lazy. ``office.initialise`` does not know this domain, so the
default entries are written by the first staffing write that needs them
(``seed_dictionaries`` inside that write's operation) or explicitly with
``ensure_dictionaries``. Until then readers get the same defaults from
code. Default rows have fixed ids (UUID5 of their code), so two sites of
one office that both seed them create the same rows and a bundle merges
them instead of duplicating them.
"""

from __future__ import annotations

import json
import unicodedata
import uuid
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, Final

from sqlalchemy import exists, select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import IntegrityError, NotFound, ValidationError
from bzdesk.models.base import SyncRow
from bzdesk.models.staffing import StaffingCategory, TeacherRatio
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing._common import Checker, clean_text
from bzdesk.services.staffing.inputs import CategoryInput
from bzdesk.services.staffing.views import CategoryView, TeacherRatioView
from bzdesk.sync.scope import NATIONAL
from bzdesk.uow import write_op

_NAMESPACE: Final = uuid.UUID("6f1c9a52-4c0e-4f57-9a8e-0b5d1e2c7a31")

UNIFIED_SCHEME: Final = "2014统一标准"
OLD_SCHEME: Final = "2001城乡标准"


def fixed_id(*parts: str) -> str:
    return str(uuid.uuid5(_NAMESPACE, ":".join(parts)))


@dataclass(frozen=True)
class _DefaultCategory:
    code: str
    name: str
    is_shiye: bool
    is_worker: bool
    sort_order: int
    aliases: tuple[str, ...]


DEFAULT_CATEGORIES: Final = (
    _DefaultCategory("XZ", "行政编制", False, False, 10, ("行政", "行政编")),
    _DefaultCategory("ZF", "政法专项编制", False, False, 20,
                     ("政法专项", "政法编制", "政法专项编", "政法")),
    _DefaultCategory("SY", "事业编制", True, False, 30, ("事业", "事业编")),
    _DefaultCategory("GQ", "工勤编制", False, True, 40, ("工勤", "工勤编", "机关工勤")),
)

# Pupils per post. 2014: 中央编办 教育部 财政部 unified urban-rural standard;
# 2001: the older 城市/县镇/农村 table, kept for provinces still using it.
DEFAULT_RATIOS: Final[tuple[tuple[str, str, str, str], ...]] = (
    (UNIFIED_SCHEME, "高中", "", "12.5"), (UNIFIED_SCHEME, "初中", "", "13.5"),
    (UNIFIED_SCHEME, "小学", "", "19"),
    (OLD_SCHEME, "高中", "城市", "12.5"), (OLD_SCHEME, "高中", "县镇", "13"),
    (OLD_SCHEME, "高中", "农村", "13.5"), (OLD_SCHEME, "初中", "城市", "13.5"),
    (OLD_SCHEME, "初中", "县镇", "16"), (OLD_SCHEME, "初中", "农村", "18"),
    (OLD_SCHEME, "小学", "城市", "19"), (OLD_SCHEME, "小学", "县镇", "21"),
    (OLD_SCHEME, "小学", "农村", "23"),
)


def default_category_id(code: str) -> str:
    return fixed_id("staffing_category", code)


def _default_category_rows() -> list[dict[str, Any]]:
    return [
        {"id": default_category_id(d.code), "office_id": NATIONAL, "code": d.code, "name": d.name,
         "is_shiye": d.is_shiye, "civil_service_managed": False, "is_worker": d.is_worker,
         "sort_order": d.sort_order, "aliases": json.dumps(list(d.aliases), ensure_ascii=False)}
        for d in DEFAULT_CATEGORIES
    ]


def _default_ratio_rows() -> list[dict[str, Any]]:
    return [
        {"id": fixed_id("teacher_ratio", scheme, stage, area), "office_id": NATIONAL,
         "scheme": scheme, "stage": stage,
         "area": area, "pupils_per_post": ratio}
        for scheme, stage, area, ratio in DEFAULT_RATIOS
    ]


def _is_empty(session: Session, model: type[SyncRow]) -> bool:
    return not session.scalar(select(exists().where(model.deleted.is_(False))))


def seed_dictionaries(session: Session) -> None:
    """Write the default entries of empty dictionaries (call inside a write_op, or
    while replaying a bundle). They belong to no office (NATIONAL): every site
    makes the same rows itself, so they never travel in bundles."""
    for model, rows in ((StaffingCategory, _default_category_rows()),
                        (TeacherRatio, _default_ratio_rows())):
        if _is_empty(session, model):
            session.add_all(model(**row) for row in rows)
    session.flush()


def ensure_dictionaries(session: Session, actor: Actor) -> Outcome[list[CategoryView]]:
    """Seed the default 编制类型 and teacher ratios if the tables are empty."""
    require(actor, Can.WRITE)
    if _is_empty(session, StaffingCategory) or _is_empty(session, TeacherRatio):
        with write_op(session, actor, "初始化编制字典") as op:
            seed_dictionaries(session)
        return Outcome(load_categories(session), frozenset(op.changed))
    return Outcome(load_categories(session), frozenset())


# -- 编制类型 ----------------------------------------------------------------

_CATEGORY_FIELDS: Final = ("id", "code", "name", "is_shiye", "civil_service_managed",
                           "is_worker", "sort_order", "aliases")


def _category_view(row: StaffingCategory | dict[str, Any]) -> CategoryView:
    v = row if isinstance(row, dict) else {f: getattr(row, f) for f in _CATEGORY_FIELDS}
    return CategoryView(v["id"], v["code"], v["name"], bool(v["is_shiye"]),
                        bool(v["civil_service_managed"]), bool(v["is_worker"]),
                        int(v["sort_order"]), tuple(json.loads(v["aliases"] or "[]")))


def load_categories(session: Session) -> list[CategoryView]:
    rows = session.scalars(select(StaffingCategory).where(StaffingCategory.deleted.is_(False))
                           .order_by(StaffingCategory.sort_order, StaffingCategory.code)).all()
    if not rows and _is_empty(session, StaffingCategory):
        return [_category_view(r) for r in _default_category_rows()]
    return [_category_view(r) for r in rows]


def category_names(session: Session) -> dict[str, str]:
    return {c.id: c.name for c in load_categories(session)}


def list_categories(session: Session, actor: Actor) -> list[CategoryView]:
    require(actor, Can.READ)
    return load_categories(session)


def category_ref(session: Session, category_id: str | None) -> CategoryView:
    for view in load_categories(session):
        if view.id == category_id:
            return view
    raise NotFound.single("编制类型", category_id, "找不到这个编制类型。", "unknown_category")


def _tidy(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def match_category(session: Session, actor: Actor, text: str) -> CategoryView | None:
    """The 编制类型 a loosely written name means (name, code or alias), or None."""
    require(actor, Can.READ)
    word = _tidy(text)
    for view in load_categories(session):
        if word in (view.name, view.code) or word in view.aliases:
            return view
    return None


def add_category(session: Session, actor: Actor, inp: CategoryInput) -> Outcome[CategoryView]:
    """Add an office's own 编制类型 (e.g. 参公事业编制 with its flag)."""
    require(actor, Can.ADMINISTER)
    check = Checker()
    code = check.take(lambda: clean_text(inp.code, "代码", 20, required=True))
    name = check.take(lambda: clean_text(inp.name, "名称", 40, required=True))
    aliases = [a for a in (_tidy(x) for x in inp.aliases) if a]
    check.done()
    for view in load_categories(session):
        taken = {view.name, view.code, *view.aliases}
        clash = next((w for w in (name, code, *aliases) if w in taken), None)
        if clash is not None:
            raise IntegrityError.single("名称", clash,
                                        f"“{clash}”已被编制类型“{view.name}”使用。", "duplicate")
    with write_op(session, actor, "新增编制类型", target=str(name)) as op:
        seed_dictionaries(session)
        row = StaffingCategory(code=code, name=name, is_shiye=inp.is_shiye,
                               civil_service_managed=inp.civil_service_managed,
                               is_worker=inp.is_worker, sort_order=inp.sort_order,
                               aliases=json.dumps(aliases, ensure_ascii=False))
        session.add(row)
    return Outcome(_category_view(row), frozenset(op.changed))


# -- 教职工编制标准 -------------------------------------------------------------

def _ratio_rows(session: Session) -> list[TeacherRatioView]:
    rows = session.scalars(select(TeacherRatio).where(TeacherRatio.deleted.is_(False))
                           .order_by(TeacherRatio.scheme, TeacherRatio.stage,
                                     TeacherRatio.area)).all()
    if rows:
        return [TeacherRatioView(r.id, r.scheme, r.stage, r.area, r.pupils_per_post)
                for r in rows]
    return [TeacherRatioView(r["id"], r["scheme"], r["stage"], r["area"], r["pupils_per_post"])
            for r in _default_ratio_rows()]


def list_teacher_ratios(session: Session, actor: Actor) -> list[TeacherRatioView]:
    require(actor, Can.READ)
    return _ratio_rows(session)


def teacher_ratios(session: Session, scheme: str) -> dict[tuple[str, str], Fraction]:
    """(学段, area) → pupils per post of one scheme; area "" for a unified scheme."""
    found = {(r.stage, r.area): Fraction(r.pupils_per_post) for r in _ratio_rows(session)
             if r.scheme == scheme}
    if not found:
        raise NotFound.single("编制标准", scheme, f"没有名为“{scheme}”的教职工编制标准。",
                              "not_found")
    return found


def parse_ratio(text: str) -> str:
    """A positive decimal like "12.5", normalised; kept as text so it stays exact."""
    tidy = _tidy(text)
    try:
        value = Fraction(tidy)
    except (ValueError, ZeroDivisionError):
        value = Fraction(0)
    if not 1 <= value <= 100 or "/" in tidy:
        raise ValidationError.single("师生比", text,
                                     f"师生比应为 1 到 100 之间的数（每名教职工对应的学生数），"
                                     f"现为“{text}”。", "bad_number")
    return tidy
