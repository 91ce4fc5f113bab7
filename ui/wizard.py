"""First run: the office, its administrator and the key passphrase, checked as
they are typed (Next stays disabled and a red hint names the problem), then
``office.initialise`` in the background while a busy dialog shows."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from bzdesk.services import office
from bzdesk.sync import keys
from ui import ops
from ui.labels import level_label
from ui.passwords import password_problems
from ui.widgets import (
    CheckedForm,
    Problems,
    account_problems,
    pair_problems,
    password_field,
    problems_of,
)

if TYPE_CHECKING:
    from bzdesk.services.office import OfficeView
    from bzdesk.workspace import Workspace

WARNING_STYLE = "color: #8a4b00; background: #fff4e0; border: 1px solid #f0c36d; padding: 8px;"


class _FormPage(QWizardPage):
    """A wizard page holding a CheckedForm; complete when the form is valid."""

    def __init__(self, title: str, subtitle: str) -> None:
        super().__init__()
        self.setTitle(title)
        self.setSubTitle(subtitle)
        self.form = CheckedForm()
        self.form.edited.connect(self.revalidate)
        self.column = QVBoxLayout(self)
        self.column.addWidget(self.form)

    def problems(self) -> Problems:
        """What is wrong with this page's entries now (override)."""
        return {}

    def revalidate(self) -> None:
        self.form.show_problems(self.problems())
        self.completeChanged.emit()

    def initializePage(self) -> None:
        self.revalidate()

    def isComplete(self) -> bool:
        return self.form.valid


class OfficePage(_FormPage):
    def __init__(self) -> None:
        super().__init__(self.tr("本单位"),
                         self.tr("填写本机所属的机构编制部门。单位代码是 6 位行政区划代码。"))
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("如 360121"))
        self.code.setMaxLength(6)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("如 南昌县委机构编制委员会办公室"))
        self.level = QComboBox()
        for code in ("county", "city"):
            self.level.addItem(level_label(code), code)
        self.form.add("单位代码", self.tr("单位代码"), self.code)
        self.form.add("单位名称", self.tr("单位名称"), self.name)
        self.form.add("级别", self.tr("级别"), self.level)

    def values(self) -> tuple[str, str, str]:
        return self.code.text().strip(), self.name.text().strip(), str(self.level.currentData())

    def problems(self) -> Problems:
        return problems_of(lambda: office.validate_office(*self.values()))


class AdminPage(_FormPage):
    def __init__(self) -> None:
        super().__init__(self.tr("管理员"),
                         self.tr("管理员可以新建其他用户、备份数据库、修改设置。"))
        self.username = QLineEdit("admin")
        self.display_name = QLineEdit()
        self.password = password_field(self.tr("至少 8 位，同时包含字母和数字"))
        self.confirm = password_field()
        self.form.add("用户名", self.tr("用户名"), self.username)
        self.form.add("姓名", self.tr("姓名"), self.display_name)
        self.form.add("密码", self.tr("密码"), self.password)
        self.form.add("确认密码", self.tr("再输一次"), self.confirm)

    def problems(self) -> Problems:
        found = account_problems(self.username.text(), self.display_name.text())
        return found | password_problems(self.password.text(), self.confirm.text())


class PassphrasePage(_FormPage):
    def __init__(self) -> None:
        super().__init__(self.tr("密钥口令"),
                         self.tr("本机会生成加密和签名用的密钥，密钥文件用这个口令加密保存。"))
        self.passphrase = password_field(self.tr("至少 8 位"))
        self.confirm = password_field()
        self.form.add("密钥口令", self.tr("密钥口令"), self.passphrase)
        self.form.add("确认口令", self.tr("再输一次"), self.confirm)
        warning = QLabel(self.tr(
            "请牢记密钥口令，并抄写后妥善保管（例如封存在单位保密柜）。"
            "口令丢失后无法找回，也就无法再与上级和其他单位交换数据。"))
        warning.setWordWrap(True)
        warning.setStyleSheet(WARNING_STYLE)
        self.column.addWidget(warning)

    def problems(self) -> Problems:
        return pair_problems(self.passphrase.text(), self.confirm.text(), keys.check_passphrase,
                             "确认口令", self.tr("密钥口令", "typed twice"))


class SummaryPage(QWizardPage):
    def __init__(self, describe: Callable[[], str]) -> None:
        super().__init__()
        self.setTitle(self.tr("确认"))
        self.setSubTitle(self.tr("点“完成”后开始初始化，生成密钥需要几秒钟。"))
        self._describe = describe
        self.text = QLabel()
        self.text.setWordWrap(True)
        QVBoxLayout(self).addWidget(self.text)

    def initializePage(self) -> None:
        self.text.setText(self._describe())


class FirstRunWizard(QWizard):
    """Creates the office, the administrator and the keys; ``created`` holds the
    office afterwards and ``credentials`` the administrator's login."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.created: OfficeView | None = None
        self.setWindowTitle(self.tr("编制桌面 — 首次使用"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setMinimumSize(640, 480)
        self.office_page = OfficePage()
        self.admin_page = AdminPage()
        self.passphrase_page = PassphrasePage()
        self.summary_page = SummaryPage(self._summary)
        for page in (self.office_page, self.admin_page, self.passphrase_page,
                     self.summary_page):
            self.addPage(page)

    @property
    def credentials(self) -> tuple[str, str]:
        return self.admin_page.username.text().strip(), self.admin_page.password.text()

    def _summary(self) -> str:
        code, name, level = self.office_page.values()
        return self.tr("单位：{0}（{1}，{2}）\n管理员：{3}（{4}）\n\n数据目录：{5}").format(
            name, code, level_label(level), self.admin_page.username.text().strip(),
            self.admin_page.display_name.text().strip(), self.ws.paths.root)

    def accept(self) -> None:
        if self.created is not None:
            super().accept()
            return
        code, name, level = self.office_page.values()
        self.button(QWizard.WizardButton.FinishButton).setEnabled(False)
        ops.run_call(
            self, office.initialise, self.ws.db, code=code, name=name, level=level,
            admin_username=self.admin_page.username.text().strip(),
            admin_display_name=self.admin_page.display_name.text().strip(),
            admin_password=self.admin_page.password.text(),
            key_passphrase=self.passphrase_page.passphrase.text(),
            label=self.tr("正在初始化本单位并生成密钥…"), long=True,
            on_success=self._initialised, on_error=self._failed)

    def _initialised(self, view: OfficeView) -> None:
        self.created = view
        self.accept()

    def _failed(self, _exc: BaseException) -> bool:
        self.button(QWizard.WizardButton.FinishButton).setEnabled(True)
        return False
