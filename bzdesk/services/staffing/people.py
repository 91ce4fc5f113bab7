"""People on the roster: one live person per 公民身份号码.

性别 and 出生日期 come from the ID number; a form or sheet that states them
is checked against it, never trusted over it.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from bzdesk.changes import Outcome
from bzdesk.errors import IntegrityError, ValidationError
from bzdesk.models.staffing import Person
from bzdesk.roles import Actor, Can, require
from bzdesk.services.staffing._common import (
    Checker,
    add_months,
    clean_text,
    get_row,
    last_day,
    optional_date,
)
from bzdesk.services.staffing.dictionaries import ChoiceKind, optional_choice, require_choice
from bzdesk.services.staffing.inputs import PersonInput
from bzdesk.services.staffing.views import PersonView
from bzdesk.uow import write_op
from bzdesk.validation import (
    IdCardInfo,
    InvalidValue,
    mask_id,
    normalise_id,
    normalise_person_name,
    validate_id,
)

MIN_WORK_AGE_YEARS: Final = 16  # the legal minimum working age

# Surnames read differently from the character's usual reading (单 shàn, 曾 zēng …).
_SURNAME_INITIALS: Final = {
    "单": "s", "曾": "z", "解": "x", "仇": "q", "区": "o", "查": "z", "覃": "q", "翟": "z",
    "盖": "g", "缪": "m", "秘": "b", "种": "c", "繁": "p", "员": "y", "召": "s", "尉": "w",
}
_COMPOUND_SURNAMES: Final = {"尉迟": "yc", "长孙": "zs", "万俟": "mq", "单于": "cy"}
_PHONE: Final = re.compile(r"[0-9+\-() ]*")


@lru_cache(maxsize=8192)
def _initial(ch: str) -> str:
    """The pinyin initial of one character ("" for dots and unknown characters)."""
    if ch.isascii():
        return ch.lower() if ch.isalpha() else ""
    from pypinyin import Style, lazy_pinyin  # (its dictionaries load in ~0.2 s: on first use)

    letter = lazy_pinyin(ch, style=Style.FIRST_LETTER)[0]
    return letter.lower() if letter.isascii() and letter.isalpha() else ""


def pinyin_initials(name: str) -> str:
    """张三丰 → "zsf"; per character (cached), with surname readings fixed."""
    for surname, letters in _COMPOUND_SURNAMES.items():
        if name.startswith(surname):
            return letters + "".join(_initial(ch) for ch in name[len(surname):])
    if not name:
        return ""
    head = _SURNAME_INITIALS.get(name[0]) or _initial(name[0])
    return head + "".join(_initial(ch) for ch in name[1:])


def person_view(p: Person, actor: Actor) -> PersonView:
    shown = p.id_number if actor.can(Can.SEE_FULL_ID) else mask_id(p.id_number)
    return PersonView(p.id, p.name, shown, p.sex, p.birth_date, p.ethnicity, p.political,
                      p.education, p.degree, p.work_start, p.work_start_precision, p.phone,
                      p.initials)


def get_person_row(session: Session, person_id: str | None) -> Person:
    return get_row(session, Person, person_id, "人员")


def _name(raw: str) -> str:
    try:
        return normalise_person_name(raw)
    except InvalidValue as exc:
        raise ValidationError.single("姓名", raw, exc.reason, exc.kind) from None


def _id_card(session: Session, raw: str, own_id: str | None) -> IdCardInfo:
    try:
        info = validate_id(raw)
    except InvalidValue as exc:
        raise ValidationError.single("公民身份号码", raw, exc.reason, exc.kind) from None
    other = session.scalars(select(Person).where(
        Person.id_number == info.number, Person.deleted.is_(False),
        Person.id != (own_id or ""))).first()
    if other is not None:
        raise IntegrityError.single("公民身份号码", info.number,
                                    f"身份证号码 {info.number} 已登记为“{other.name}”，"
                                    "不能重复登记。", "duplicate")
    return info


def _check_stated(check: Checker, inp: PersonInput, info: IdCardInfo) -> None:
    """A stated sex or birth date must agree with what the ID number says."""
    if inp.sex is not None and inp.sex.strip():
        sex = check.take(lambda: require_choice("sex", inp.sex or "", "性别"))
        if sex is not None and sex != info.sex:
            check.add("性别", inp.sex, f"性别“{sex}”与身份证号码不符（号码显示为{info.sex}）。",
                      "gender_mismatch")
    stated = check.take(lambda: optional_date(inp.birth_date, "出生日期"))
    if stated is not None:
        born, precision = stated
        if not born <= info.birth_date <= last_day(born, precision):
            check.add("出生日期", inp.birth_date,
                      f"出生日期“{inp.birth_date}”与身份证号码不符"
                      f"（号码显示为 {info.birth_date.isoformat()}）。", "birth_mismatch")


def earliest_work_day(birth: date) -> date:
    return add_months(birth, MIN_WORK_AGE_YEARS * 12)


def _validated(session: Session, inp: PersonInput, own_id: str | None) -> dict[str, object]:
    check = Checker()
    name = check.take(lambda: _name(inp.name))
    info = check.take(lambda: _id_card(session, inp.id_number, own_id))
    if info is not None:
        _check_stated(check, inp, info)

    def choice(kind: ChoiceKind, value: str, column: str) -> str:
        return check.take(lambda: optional_choice(kind, value, column)) or ""

    values: dict[str, object] = {
        "name": name,
        "ethnicity": choice("ethnicity", inp.ethnicity, "民族"),
        "political": choice("political", inp.political, "政治面貌"),
        "education": choice("education", inp.education, "学历"),
        "degree": choice("degree", inp.degree, "学位"),
        "phone": check.take(lambda: clean_text(inp.phone, "联系电话", 30)) or "",
    }
    if not _PHONE.fullmatch(str(values["phone"])):
        check.add("联系电话", inp.phone, "联系电话只能包含数字、“-”、“+”和括号。", "bad_format")
    work = check.take(lambda: optional_date(inp.work_start, "参加工作时间"))
    if work is not None and info is not None and last_day(*work) < earliest_work_day(
            info.birth_date):
        check.add("参加工作时间", inp.work_start,
                  f"参加工作时间不能早于 {MIN_WORK_AGE_YEARS} 周岁"
                  f"（{earliest_work_day(info.birth_date).isoformat()}）。", "too_young")
    check.done()
    assert name is not None and info is not None
    values.update(id_number=info.number, sex=info.sex, birth_date=info.birth_date,
                  initials=pinyin_initials(name),
                  work_start=work[0] if work else None,
                  work_start_precision=work[1] if work else "day")
    return values


def create_person(session: Session, actor: Actor, inp: PersonInput) -> Outcome[PersonView]:
    require(actor, Can.WRITE)
    values = _validated(session, inp, None)
    with write_op(session, actor, "新增人员", target=str(values["name"])) as op:
        person = Person(**values)
        session.add(person)
    return Outcome(person_view(person, actor), frozenset(op.changed))


def update_person(session: Session, actor: Actor, person_id: str,
                  inp: PersonInput) -> Outcome[PersonView]:
    require(actor, Can.WRITE)
    person = get_person_row(session, person_id)
    values = _validated(session, inp, person.id)
    with write_op(session, actor, "修改人员信息", target=person.name) as op:
        for key, value in values.items():
            setattr(person, key, value)
    return Outcome(person_view(person, actor), frozenset(op.changed))


def get_person(session: Session, actor: Actor, person_id: str) -> PersonView:
    require(actor, Can.READ)
    return person_view(get_person_row(session, person_id), actor)


def find_person_by_id_number(session: Session, actor: Actor, id_number: str,
                             ) -> PersonView | None:
    """The live person with this ID number (any spelling of it), or None."""
    require(actor, Can.READ)
    number = normalise_id(id_number)
    if len(number) == 15:
        try:
            number = validate_id(number).number
        except InvalidValue:
            return None
    person = session.scalars(select(Person).where(
        Person.id_number == number, Person.deleted.is_(False))).first()
    return person_view(person, actor) if person else None
