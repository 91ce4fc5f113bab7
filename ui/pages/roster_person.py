"""The person form: every field of 实名制 (DOMAIN §1), checked as typed.

The ID number is checked with the same validate_id the service uses, its
reason under the field; 性别 and 出生日期 are derived from it and shown
read-only (the service never trusts a typed one over the number). A number
already on the roster is found while typing, so the duplicate refusal is
said once, under the field, before Save is pressed.
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLineEdit, QWidget

from bzdesk.services.staffing import (
    PersonInput,
    PersonView,
    create_person,
    find_person_by_id_number,
    update_person,
)
from bzdesk.validation import IdCardInfo, InvalidValue, normalise_person_name, validate_id
from ui import ops
from ui.pages.roster_common import choice_box, date_field, date_problem, month_text
from ui.widgets import FormDialog, Problems

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace

_PHONE = re.compile(r"[0-9+\-() ]*")


class PersonDialog(FormDialog):
    """新增人员, or 修改 a person's particulars (``person``)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, *,
                 person: PersonView | None = None) -> None:
        super().__init__(ws, self.tr("修改人员信息") if person else self.tr("新增人员"), parent,
                         ok_text=self.tr("保存"))
        self.person = person
        self.saved: PersonView | None = None
        self._info: IdCardInfo | None = None
        self._taken: dict[str, str] = {}  # number → the name it is registered to
        self._asked: set[str] = set()
        self.name = QLineEdit(person.name if person else "")
        self.id_number = QLineEdit(person.id_number if person else "")
        self.id_number.setPlaceholderText(self.tr("18 位，末位可为 X；15 位老号码自动升位"))
        self.sex = QLineEdit()
        self.birth = QLineEdit()
        for derived in (self.sex, self.birth):
            derived.setReadOnly(True)
            derived.setPlaceholderText(self.tr("由身份证号码得出"))
        blank = self.tr("（未填）")
        self.ethnicity = choice_box("ethnicity", person.ethnicity if person else "汉族",
                                    blank=blank)
        self.political = choice_box("political", person.political if person else "",
                                    blank=blank)
        self.education = choice_box("education", person.education if person else "",
                                    blank=blank)
        self.degree = choice_box("degree", person.degree if person else "", blank=blank)
        self.work_start = date_field(month_text(person.work_start, person.work_start_precision)
                                     if person else "")
        self.phone = QLineEdit(person.phone if person else "")
        for key, label, field in (
                ("姓名", self.tr("姓名"), self.name),
                ("公民身份号码", self.tr("公民身份号码"), self.id_number),
                ("性别", self.tr("性别"), self.sex),
                ("出生日期", self.tr("出生日期"), self.birth),
                ("民族", self.tr("民族"), self.ethnicity),
                ("政治面貌", self.tr("政治面貌"), self.political),
                ("学历", self.tr("学历"), self.education),
                ("学位", self.tr("学位"), self.degree),
                ("参加工作时间", self.tr("参加工作时间"), self.work_start),
                ("联系电话", self.tr("联系电话"), self.phone)):
            self.form.add(key, label, field)
        self.id_number.textChanged.connect(self._id_changed)
        self._id_changed()

    def _id_changed(self) -> None:
        try:
            self._info = validate_id(self.id_number.text())
        except InvalidValue:
            self._info = None
        self.sex.setText(self._info.sex if self._info else "")
        self.birth.setText(self._info.birth_date.isoformat() if self._info else "")
        number = self._info.number if self._info else ""
        own = self.person.id_number if self.person else None
        if number and number != own and number not in self._asked:
            self._asked.add(number)
            ops.run_read(self, self.ws, find_person_by_id_number, number,
                         on_success=partial(self._looked_up, number))
        self.revalidate()

    def _looked_up(self, number: str, found: PersonView | None) -> None:
        if found is not None and (self.person is None or found.id != self.person.id):
            self._taken[number] = found.name
            self.revalidate()

    def problems(self) -> Problems:
        found: Problems = {}
        try:
            normalise_person_name(self.name.text())
        except InvalidValue as exc:
            found["姓名"] = exc.reason + "。"
        try:
            number = validate_id(self.id_number.text()).number
        except InvalidValue as exc:
            found["公民身份号码"] = exc.reason + "。"
        else:
            if number in self._taken:
                found["公民身份号码"] = self.tr("身份证号码 {0} 已登记为“{1}”，不能重复登记。"
                                                ).format(number, self._taken[number])
        work = date_problem(self.work_start.text(), required=False)
        if work:
            found["参加工作时间"] = work
        if not _PHONE.fullmatch(self.phone.text().strip()):
            found["联系电话"] = self.tr("联系电话只能包含数字、“-”、“+”和括号。")
        return found

    def person_input(self) -> PersonInput:
        return PersonInput(
            self.name.text(), self.id_number.text(),
            ethnicity=self.ethnicity.currentData(), political=self.political.currentData(),
            education=self.education.currentData(), degree=self.degree.currentData(),
            work_start=self.work_start.text().strip() or None, phone=self.phone.text().strip())

    def submit(self) -> None:
        if self.person is None:
            ops.run_write(self, self.ws, create_person, self.person_input(),
                          label=self.tr("新增人员"), on_success=self._saved,
                          on_error=self._refused)
        else:
            ops.run_write(self, self.ws, update_person, self.person.id, self.person_input(),
                          label=self.tr("修改人员信息"), on_success=self._saved,
                          on_error=self._refused)

    def _saved(self, outcome: object) -> None:
        self.saved = getattr(outcome, "value", None)
        self.accept()
