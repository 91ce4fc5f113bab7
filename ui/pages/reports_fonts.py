"""字体设置: the office's own 仿宋 / 小标宋 / 黑体 TrueType files for printed reports.

The files are checked by the service when saved (a missing file, an OpenType font or a
damaged one is refused with a sentence shown under the fields); an empty field means the
shipped 明体. Only administrators change the choice; everyone sees it.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from bzdesk.changes import Area, Outcome
from bzdesk.errors import ValidationError
from bzdesk.roles import Can
from bzdesk.services import reports
from ui import ops
from ui.pages.base import Page, PageContext
from ui.widgets import HINT_STYLE, OK_STYLE, hint_label, set_message

ROLES = ("fangsong", "xiaobiaosong", "heiti")


class FontsTab(Page):
    areas = frozenset({Area.SETTINGS})

    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.allowed = self.actor.can(Can.ADMINISTER)
        titles = {"fangsong": self.tr("正文（仿宋，如 仿宋_GB2312）"),
                  "xiaobiaosong": self.tr("标题（小标宋，如 方正小标宋简体）"),
                  "heiti": self.tr("小标题（黑体）")}
        self.fields: dict[str, QLineEdit] = {}
        form = QFormLayout()
        for role in ROLES:
            field = QLineEdit()
            field.setPlaceholderText(self.tr("未选择：使用内置字体"))
            field.setReadOnly(True)
            choose = QPushButton(self.tr("选择…"))
            clear = QPushButton(self.tr("清除"))
            choose.clicked.connect(lambda _c=False, r=role: self.choose(r))
            clear.clicked.connect(lambda _c=False, r=role: self.fields[r].clear())
            for button in (choose, clear):
                button.setEnabled(self.allowed)
            row = QHBoxLayout()
            row.addWidget(field, 1)
            row.addWidget(choose)
            row.addWidget(clear)
            form.addRow(titles[role], row)
            self.fields[role] = field
        self.save = QPushButton(self.tr("保存字体设置"))
        self.save.setEnabled(self.allowed)
        self.save.clicked.connect(self.submit)
        self.message = hint_label()
        note = QLabel(self.tr(
            "报表的封面、说明页按 GB/T 9704 使用仿宋、小标宋和黑体。请选择本单位电脑上已有的 "
            "TrueType 字体文件（.ttf）；字体会嵌入 PDF，在其他电脑上打开也一样。未选择的字体用"
            "内置明体代替；生僻字在所选字体中没有时，自动用内置字体补上。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.save)
        layout.addWidget(self.message)
        layout.addWidget(note)
        if not self.allowed:
            only = QLabel(self.tr("只有管理员可以修改字体设置。"))
            only.setStyleSheet("color: palette(dark);")
            layout.addWidget(only)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        ops.run_read(self, self.ws, reports.office_fonts, on_success=self._show)

    def _show(self, chosen: reports.OfficeFonts) -> None:
        for role in ROLES:
            self.fields[role].setText(getattr(chosen, role) or "")

    def chosen(self) -> reports.OfficeFonts:
        return reports.OfficeFonts(*(self.fields[r].text().strip() or None for r in ROLES))

    def choose(self, role: str) -> None:
        start = self.fields[role].text() or ""
        name, _ = QFileDialog.getOpenFileName(self, self.tr("选择字体文件"), start,
                                              self.tr("TrueType 字体 (*.ttf *.ttc);;所有文件 (*)"))
        if name:
            self.fields[role].setText(name)
            set_message(self.message, "")

    def submit(self) -> ops.Op:
        set_message(self.message, "")
        return ops.run_write(self, self.ws, reports.set_office_fonts, self.chosen(),
                             label=self.tr("正在检查字体…"), on_success=self._saved,
                             on_error=self._refused)

    def _saved(self, outcome: Outcome[reports.OfficeFonts]) -> None:
        self._show(outcome.value)
        text = (self.tr("字体设置已保存，以后生成的报表使用所选字体。") if outcome.value.any
                else self.tr("已改回内置字体。"))
        set_message(self.message, text, OK_STYLE)

    def _refused(self, exc: BaseException) -> bool:
        if isinstance(exc, ValidationError):
            set_message(self.message, exc.message, HINT_STYLE)
            return True
        return False
