from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QWizard
from pytestqt.qtbot import QtBot
from qt_helpers import type_into

from bzdesk.paths import DataPaths
from bzdesk.workspace import Workspace
from ui import ops
from ui.wizard import FirstRunWizard


@pytest.fixture
def fresh(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(DataPaths(tmp_path / "fresh"))
    yield ws
    ops.wait_idle(30_000)
    ws.close()


@pytest.fixture
def wizard(qtbot: QtBot, fresh: Workspace) -> FirstRunWizard:
    wizard = FirstRunWizard(fresh)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def next_enabled(wizard: FirstRunWizard) -> bool:
    return wizard.button(QWizard.WizardButton.NextButton).isEnabled()


def test_invalid_code_keeps_next_disabled_with_a_red_hint(qtbot: QtBot,
                                                         wizard: FirstRunWizard) -> None:
    page = wizard.office_page
    assert not next_enabled(wizard)
    assert page.form.hint_text("单位代码") == ""  # an untouched form is not shouted at
    type_into(page.name, "南昌县委机构编制委员会办公室")
    type_into(page.code, "36012")
    assert not next_enabled(wizard)
    assert "6 位" in page.form.hint_text("单位代码")
    type_into(page.code, "360100")  # a city's code, but the level says county
    assert not next_enabled(wizard)
    assert "不符" in page.form.hint_text("单位代码")
    page.level.setCurrentIndex(page.level.findData("city"))
    assert next_enabled(wizard)
    assert page.form.hint_text("单位代码") == ""


def test_admin_and_passphrase_pages_check_as_typed(qtbot: QtBot,
                                                  wizard: FirstRunWizard) -> None:
    type_into(wizard.office_page.code, "360121")
    type_into(wizard.office_page.name, "南昌县委编办")
    wizard.next()
    admin = wizard.admin_page
    type_into(admin.display_name, "张三")
    type_into(admin.password, "short1")
    assert not next_enabled(wizard)
    assert "至少" in admin.form.hint_text("密码")
    type_into(admin.password, "long-enough-1")
    type_into(admin.confirm, "long-enough-2")
    assert "不一致" in admin.form.hint_text("确认密码")
    type_into(admin.confirm, "long-enough-1")
    assert next_enabled(wizard)
    wizard.next()
    type_into(wizard.passphrase_page.passphrase, "short")
    assert not next_enabled(wizard)
    assert "至少" in wizard.passphrase_page.form.hint_text("密钥口令")


def test_finish_creates_the_office(qtbot: QtBot, wizard: FirstRunWizard,
                                   fresh: Workspace) -> None:
    type_into(wizard.office_page.code, "360121")
    type_into(wizard.office_page.name, "南昌县委机构编制委员会办公室")
    wizard.next()
    type_into(wizard.admin_page.username, "boss")
    type_into(wizard.admin_page.display_name, "张三")
    type_into(wizard.admin_page.password, "long-enough-1")
    type_into(wizard.admin_page.confirm, "long-enough-1")
    wizard.next()
    type_into(wizard.passphrase_page.passphrase, "office-secret-1")
    type_into(wizard.passphrase_page.confirm, "office-secret-1")
    wizard.next()
    summary = wizard.summary_page.text.text()
    assert "360121" in summary and "boss" in summary and "县级" in summary
    with qtbot.waitSignal(wizard.accepted, timeout=60_000):
        wizard.button(QWizard.WizardButton.FinishButton).click()
    assert wizard.result() == QDialog.DialogCode.Accepted
    assert fresh.initialised
    office = fresh.office()
    assert (office.code, office.name, office.level) == ("360121", "南昌县委机构编制委员会办公室",
                                                        "county")
    assert wizard.credentials == ("boss", "long-enough-1")
    assert fresh.login("boss", "long-enough-1").display_name == "张三"
    assert (fresh.paths.keys / "identity.age").exists()
