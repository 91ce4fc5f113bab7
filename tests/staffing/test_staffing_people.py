"""People: the ID number decides sex and birth date; one live person per ID."""

from __future__ import annotations

from datetime import date

import pytest
from staffing_helpers import Staff, id_card, nothing_written

from bzdesk.db import Database
from bzdesk.errors import IntegrityError, ValidationError
from bzdesk.roles import Actor
from bzdesk.services import staffing as st


def _create(staff: Staff, name: str, number: str, **kw: object) -> st.PersonView:
    return staff.write(st.create_person, st.PersonInput(name, number, **kw))  # type: ignore[arg-type]


def test_id_normalised_and_sex_birth_derived(staff: Staff) -> None:
    person = _create(staff, " 张  三丰 ", "１１０１０５１９４９１２３１００２ｘ", ethnicity="汉",
                     political="党员", education="本科", degree="学士学位",
                     work_start="1970年7月", phone="0791-88888888")
    assert (person.name, person.id_number, person.sex, person.birth_date) == (
        "张三丰", "11010519491231002X", "女", date(1949, 12, 31))
    assert (person.ethnicity, person.political, person.education, person.degree) == (
        "汉族", "中共党员", "大学本科", "学士")
    assert (person.work_start, person.work_start_precision) == (date(1970, 7, 1), "month")
    assert person.initials == "zsf"


def test_old_15_digit_number_upgraded(staff: Staff) -> None:
    person = _create(staff, "李四", "110105491231002")
    assert len(person.id_number) == 18 and person.id_number.startswith("11010519491231")


def test_stated_sex_or_birth_must_agree(staff: Staff, db: Database) -> None:
    number = id_card(date(1985, 5, 1), male=True)
    with nothing_written(db), pytest.raises(ValidationError) as err:
        _create(staff, "王五", number, sex="女", birth_date="1985-05-02")
    assert {p.kind for p in err.value.problems} == {"gender_mismatch", "birth_mismatch"}
    assert "号码显示为男" in err.value.message
    ok = _create(staff, "王五", number, sex="男性", birth_date="1985.05")  # month only: agrees
    assert ok.sex == "男"


def test_bad_id_refused_with_the_validator_reason(staff: Staff, db: Database) -> None:
    with nothing_written(db), pytest.raises(ValidationError, match="校验位不正确") as err:
        _create(staff, "赵六", "110105194912310021")
    assert err.value.problems[0].kind == "bad_checksum"


def test_duplicate_id_refused(staff: Staff, db: Database) -> None:
    number = id_card(date(1990, 1, 1))
    _create(staff, "甲", number)
    with nothing_written(db), pytest.raises(IntegrityError, match="已登记为“甲”"):
        _create(staff, "乙", number.lower())


def test_bad_name_phone_and_early_work_refused(staff: Staff, db: Database) -> None:
    with nothing_written(db), pytest.raises(ValidationError) as err:
        _create(staff, "张3", id_card(date(1990, 1, 1)), phone="abc", work_start="2001.01",
                ethnicity="火星族")
    assert {p.column for p in err.value.problems} == {"姓名", "联系电话", "参加工作时间", "民族"}


def test_update_and_masking_for_viewer(staff: Staff, viewer: Actor) -> None:
    person = _create(staff, "阿依古丽.买买提", id_card(date(1992, 3, 4), male=False))
    assert person.name == "阿依古丽·买买提" and person.initials == "ayglmmt"
    edited = staff.write(st.update_person, person.id,
                         st.PersonInput("阿依古丽·买买提", person.id_number, education="研究生"))
    assert edited.education == "研究生" and edited.id == person.id
    seen = staff.read(st.get_person, person.id, actor=viewer)
    assert seen.id_number == person.id_number[:6] + "********" + person.id_number[-4:]
    found = staff.read(st.find_person_by_id_number, person.id_number.lower())
    assert found is not None and found.id == person.id


@pytest.mark.parametrize(("name", "initials"), [
    ("张三丰", "zsf"), ("单雄信", "sxx"), ("曾国藩", "zgf"), ("尉迟恭", "ycg"),
    ("长孙无忌", "zswj"),
    ("解缙", "xj"), ("李 Mary", "lmary"),
])
def test_pinyin_initials(name: str, initials: str) -> None:
    assert st.pinyin_initials(name) == initials
