"""The 编制类型 dictionary: the types in use and a dialog to add the office's own
(administrators only, as the service requires)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area
from bzdesk.roles import Can
from bzdesk.services import staffing
from bzdesk.services.staffing import CategoryInput, CategoryView
from ui import ops
from ui.models import Column, RowsModel
from ui.pages.base import PageContext
from ui.pages.staffing_common import (
    RIGHT,
    StaffingDialog,
    StaffingTab,
    button_row,
    make_table,
    permit,
)
from ui.widgets import Problems

if TYPE_CHECKING:
    from bzdesk.workspace import Workspace


def _words(text: str) -> tuple[str, ...]:
    return tuple(w for w in text.replace("，", ",").replace("、", ",").split(",") if w.strip())


class CategoryDialog(StaffingDialog):
    """新增编制类型 (e.g. 参公事业编制 with its flag)."""

    def __init__(self, ws: Workspace, categories: list[CategoryView],
                 parent: QWidget | None = None) -> None:
        super().__init__(ws, self.tr("新增编制类型"), parent)
        self.categories = categories
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("如：CG"))
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("如：参公事业编制"))
        self.shiye = QCheckBox(self.tr("属于事业编制"))
        self.managed = QCheckBox(self.tr("参照公务员法管理"))
        self.worker = QCheckBox(self.tr("工勤（按工人退休年龄）"))
        self.order = QSpinBox()
        self.order.setRange(0, 9999)
        self.order.setValue(max((c.sort_order for c in categories), default=0) + 10)
        self.aliases = QLineEdit()
        self.aliases.setPlaceholderText(self.tr("表格中的其他写法，用逗号分隔，如：参公,参公事业"))
        f = self.form
        f.add("代码", self.tr("代码"), self.code)
        f.add("名称", self.tr("名称"), self.name)
        f.add_row("", self.shiye)
        f.add_row("", self.managed)
        f.add_row("", self.worker)
        f.add("排序", self.tr("排序"), self.order)
        f.add("别名", self.tr("别名"), self.aliases)
        self.revalidate()

    def problems(self) -> Problems:
        found: Problems = {}
        taken = {w: c.name for c in self.categories for w in (c.name, c.code, *c.aliases)}
        missing = {"代码": self.tr("请填写代码。"), "名称": self.tr("请填写名称。")}
        for key, text in (("代码", self.code.text().strip()), ("名称", self.name.text().strip())):
            if not text:
                found[key] = missing[key]
            elif text in taken:
                found[key] = self.tr("“{0}”已被编制类型“{1}”使用。").format(text, taken[text])
        clash = next((w for w in _words(self.aliases.text()) if w.strip() in taken), None)
        if clash:
            found["别名"] = self.tr("“{0}”已被编制类型“{1}”使用。").format(clash.strip(),
                                                                     taken[clash.strip()])
        return found

    def submit(self) -> None:
        self.write(staffing.add_category, CategoryInput(
            self.code.text(), self.name.text(), self.shiye.isChecked(),
            self.managed.isChecked(), self.worker.isChecked(), self.order.value(),
            _words(self.aliases.text())), label=self.tr("新增编制类型"))


class CategoriesTab(StaffingTab):
    areas = frozenset({Area.DICTIONARIES})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        yes = self.tr("是")
        self.model: RowsModel[CategoryView] = RowsModel([
            Column(self.tr("代码"), lambda c: c.code),
            Column(self.tr("名称"), lambda c: c.name),
            Column(self.tr("事业编制"), lambda c: yes if c.is_shiye else ""),
            Column(self.tr("参照公务员法管理"), lambda c: yes if c.civil_service_managed else ""),
            Column(self.tr("工勤"), lambda c: yes if c.is_worker else ""),
            Column(self.tr("排序"), lambda c: str(c.sort_order), RIGHT),
            Column(self.tr("别名（导入时认得的写法）"), lambda c: "、".join(c.aliases)),
        ])
        self.table = make_table(self.model)
        self.add_button = QPushButton(self.tr("新增编制类型…"))
        self.add_button.clicked.connect(self.add_category)
        permit(self.add_button, self.actor.can(Can.ADMINISTER),
               self.tr("编制类型字典由管理员维护。"))
        note = QLabel(self.tr("编制类型是字典：各类型的编制分别核定、分别统计，从不相加。"
                              "默认有行政编制、政法专项编制、事业编制和工勤编制。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(button_row(self.add_button))
        layout.addWidget(self.table, 1)

    def reload(self) -> None:
        ops.run_read(self, self.ws, staffing.list_categories, on_success=self.model.replace)

    def dialog(self) -> CategoryDialog:
        return CategoryDialog(self.ws, self.model.rows, self)

    def add_category(self) -> None:
        if self.actor.can(Can.ADMINISTER):
            self.dialog().open()

    def main_dialogs(self) -> list[Callable[[], QDialog]]:
        return [self.dialog] if self.actor.can(Can.ADMINISTER) else []
