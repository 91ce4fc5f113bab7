"""The chosen person beside the list: particulars, statutory retirement, the whole
history of postings as one timeline, and the buttons that change them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bzdesk.roles import Actor, Can
from bzdesk.services.staffing import (
    PersonView,
    PostingView,
    RetiringView,
    get_person,
    person_retirement,
    person_timeline,
)
from ui import ops
from ui.models import Column, RowsModel
from ui.pages.roster_common import make_table, month_text
from ui.widgets import heading

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace


@dataclass(frozen=True)
class PersonCard:
    person: PersonView
    postings: list[PostingView]
    retirement: RetiringView

    @property
    def open_posting(self) -> PostingView | None:
        return next((p for p in reversed(self.postings) if p.open), None)


def read_card(session: Any, actor: Actor, person_id: str) -> PersonCard:
    """One read for the panel (the three services in one transaction)."""
    return PersonCard(get_person(session, actor, person_id),
                      person_timeline(session, actor, person_id),
                      person_retirement(session, actor, person_id))


@dataclass(frozen=True)
class Actions:
    """What the panel's buttons open (the tab owns the units and categories)."""

    edit: Callable[[PersonView], object]
    post: Callable[[PersonCard], object]
    leave: Callable[[PersonCard], object]
    transfer: Callable[[PersonCard], object]


class PersonPanel(QWidget):
    def __init__(self, ws: Workspace, actions: Actions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.doers = actions
        self.card: PersonCard | None = None
        self.person_id: str | None = None
        self.title = heading(self.tr("（未选择人员）"), 1.2)
        self.status = QLabel()
        self.facts: dict[str, QLabel] = {}
        facts = QFormLayout()
        for key, title in (
                ("公民身份号码", self.tr("公民身份号码")), ("性别", self.tr("性别")),
                ("出生日期", self.tr("出生日期")), ("民族", self.tr("民族")),
                ("政治面貌", self.tr("政治面貌")), ("学历", self.tr("学历")),
                ("学位", self.tr("学位")), ("参加工作时间", self.tr("参加工作时间")),
                ("联系电话", self.tr("联系电话")), ("法定退休", self.tr("法定退休"))):
            label = QLabel()
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts[key] = label
            facts.addRow(title, label)
        self.timeline: RowsModel[PostingView] = RowsModel([
            Column(self.tr("入编时间"), lambda p: month_text(p.start_on, p.start_precision)),
            Column(self.tr("单位"), lambda p: p.unit),
            Column(self.tr("编制类型"), lambda p: p.category),
            Column(self.tr("职务/岗位"), lambda p: p.position + (
                self.tr("（{0}职）").format(p.leader_kind) if p.leader_kind else "")),
            Column(self.tr("入编方式"), lambda p: p.start_route),
            Column(self.tr("文号"), lambda p: p.start_doc),
            Column(self.tr("出编"), lambda p: f"{month_text(p.end_on, p.end_precision)} "
                   f"{p.end_route or ''}".strip() if p.end_on else self.tr("在编")),
            Column(self.tr("超编理由"), lambda p: p.override_reason or ""),
        ])
        self.timeline_view = make_table(self.timeline)
        self.edit_button = QPushButton(self.tr("修改信息…"))
        self.post_button = QPushButton(self.tr("入编…"))
        self.leave_button = QPushButton(self.tr("出编…"))
        self.transfer_button = QPushButton(self.tr("调动…"))
        buttons = QHBoxLayout()
        for button, slot in ((self.edit_button, self._edit), (self.post_button, self._post),
                             (self.leave_button, self._leave),
                             (self.transfer_button, self._transfer)):
            button.clicked.connect(slot)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        layout.addLayout(facts)
        layout.addWidget(heading(self.tr("编制经历"), 1.05))
        layout.addWidget(self.timeline_view, 1)
        self.show_card(None)

    def show_person(self, person_id: str | None) -> None:
        """Read and show ``person_id`` (None: nobody)."""
        self.person_id = person_id
        if person_id is None:
            self.show_card(None)
            return
        ops.run_read(self, self.ws, read_card, person_id,
                     on_success=partial(self._arrived, person_id))

    def reload(self) -> None:
        self.show_person(self.person_id)

    def _arrived(self, wanted: str, card: PersonCard) -> None:
        if wanted == self.person_id:  # not a person chosen before this one
            self.show_card(card)

    def show_card(self, card: PersonCard | None) -> None:
        self.card = card
        p = card.person if card else None
        self.title.setText(p.name if p else self.tr("（未选择人员）"))
        current = card.open_posting if card else None
        self.status.setText(self.tr("在编：{0}，{1}{2}").format(
            current.unit, current.category, f"，{current.position}" if current.position else "")
            if current else (self.tr("目前不在编") if card else ""))
        values = {
            "公民身份号码": p.id_number if p else "", "性别": p.sex if p else "",
            "出生日期": p.birth_date.isoformat() if p else "",
            "民族": p.ethnicity if p else "", "政治面貌": p.political if p else "",
            "学历": p.education if p else "", "学位": p.degree if p else "",
            "参加工作时间": month_text(p.work_start, p.work_start_precision) if p else "",
            "联系电话": p.phone if p else "",
            "法定退休": self._retirement(card.retirement) if card else "",
        }
        for key, label in self.facts.items():
            label.setText(values[key])
        self.timeline.replace(card.postings if card else [])
        self.timeline_view.resizeColumnsToContents()
        writer = self.ws.actor is not None and self.ws.actor.can(Can.WRITE)
        self.edit_button.setEnabled(writer and card is not None)
        self.post_button.setEnabled(writer and card is not None and current is None)
        self.leave_button.setEnabled(writer and current is not None)
        self.transfer_button.setEnabled(writer and current is not None)
        for button in (self.edit_button, self.post_button, self.leave_button,
                       self.transfer_button):
            button.setVisible(writer)

    def _retirement(self, r: RetiringView) -> str:
        age = self.tr("{0} 岁").format(r.age_years) + (
            self.tr("{0} 个月").format(r.age_months) if r.age_months else "")
        text = self.tr("{0}（{1}，按{2}）").format(r.retire_on.isoformat(), age, r.schedule)
        return text + (self.tr("，已到龄") if r.overdue else "")

    def _edit(self) -> None:
        if self.card is not None:
            self.doers.edit(self.card.person)

    def _post(self) -> None:
        if self.card is not None:
            self.doers.post(self.card)

    def _leave(self) -> None:
        if self.card is not None:
            self.doers.leave(self.card)

    def _transfer(self) -> None:
        if self.card is not None:
            self.doers.transfer(self.card)
