"""The import wizard driven as a clerk would: file → sheet → header → preview → import."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLabel, QWizard
from pytestqt.qtbot import QtBot

from bzdesk.backup import list_backups
from bzdesk.services import excel_io
from bzdesk.services import staffing as st
from bzdesk.validation import check_digit
from bzdesk.workspace import Workspace
from ui import ops
from ui.import_preview import BAD
from ui.import_wizard import ImportWizard, export_workbook, open_import_wizard

HEADER = ["序号", "姓名", "身份证号码", "性别", "工作单位", "编制类型", "入编时间", "入编方式"]


def id_card(n: int, male: bool = True) -> str:
    first17 = f"360121{date(1980, 1, 1 + n % 28):%Y%m%d}{(n // 28) * 2 + (1 if male else 0):03d}"
    return first17 + check_digit(first17)


def roster(path: Path, rows: list[list[Any]], header: list[str] = HEADER) -> Path:
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.title = "花名册"
    for row in [["南昌县花名册"], header, *rows]:
        sheet.append(row)
    wb.create_sheet("说明").append(["填表说明"])
    wb.save(path)
    return path


def good_rows(n: int, unit: str = "县委办") -> list[list[Any]]:
    return [[i + 1, f"张{'一二三四五六七八九十'[i % 10]}", id_card(i), "男", unit, "行政",
             "2019.07", "考录"] for i in range(n)]


@pytest.fixture
def county(ws: Workspace) -> st.UnitView:
    unit = ws.write(st.create_unit, st.UnitInput("县委办公室", "党委工作机关",
                                                 short_name="县委办")).value
    ws.write(st.set_quota, st.QuotaInput(unit.id, st.default_category_id("XZ"), 5000,
                                         date(2019, 1, 1)))
    return unit


def people(ws: Workspace) -> int:
    return ws.read(st.count_people, st.PersonQuery())


def start(qtbot: QtBot, ws: Workspace, file: Path, kind: str = "roster") -> ImportWizard:
    wizard = open_import_wizard(None, ws, kind)  # type: ignore[arg-type]
    qtbot.addWidget(wizard)
    wizard.file_page.path.setText(str(file))
    return wizard


def to_page(qtbot: QtBot, wizard: ImportWizard, page: object) -> None:
    wizard.next()
    qtbot.waitUntil(lambda: wizard.currentPage() is page, timeout=20_000)


def to_preview(qtbot: QtBot, wizard: ImportWizard) -> None:
    to_page(qtbot, wizard, wizard.sheet_page)
    to_page(qtbot, wizard, wizard.mapping_page)
    to_page(qtbot, wizard, wizard.preview_page)
    qtbot.waitUntil(lambda: wizard.preview_page.report is not None, timeout=20_000)


def finish_enabled(wizard: ImportWizard) -> bool:
    return wizard.button(QWizard.WizardButton.FinishButton).isEnabled()


def test_a_roster_goes_through_every_page(qtbot: QtBot, ws: Workspace, county: st.UnitView,
                                          tmp_path: Path) -> None:
    wizard = start(qtbot, ws, roster(tmp_path / "r.xlsx", good_rows(3)))
    to_page(qtbot, wizard, wizard.sheet_page)
    assert [wizard.sheet_page.sheets.itemText(i)
            for i in range(wizard.sheet_page.sheets.count())] == ["花名册", "说明"]
    to_page(qtbot, wizard, wizard.mapping_page)
    assert "第 2 行" in wizard.mapping_page.header_label.text()
    assert wizard.mapping_page.combos["id_number"].currentText() == "第 C 列：身份证号码"
    assert wizard.mapping_page.combos["phone"].currentText() == "（不导入）"
    to_page(qtbot, wizard, wizard.preview_page)
    qtbot.waitUntil(lambda: wizard.preview_page.report is not None, timeout=20_000)
    model = wizard.preview_page.model
    assert model.rowCount() == 3
    assert model.index(0, 1).data() == "新增"
    assert model.headerData(2, Qt.Orientation.Horizontal) == "姓名"
    assert finish_enabled(wizard)
    with qtbot.waitSignal(wizard.imported, timeout=30_000) as done:
        wizard.accept()
    assert done.args[0].added == 3
    assert people(ws) == 3
    assert list_backups(ws.paths)  # the safety backup before the import


def test_problems_are_red_with_their_reason(qtbot: QtBot, ws: Workspace, county: st.UnitView,
                                            tmp_path: Path, qtmodeltester: Any,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    rows = good_rows(3)
    rows[1][4] = "县水利局"
    rows[2][2] = id_card(2)[:-1] + ("0" if id_card(2)[-1] != "0" else "1")
    wizard = start(qtbot, ws, roster(tmp_path / "bad.xlsx", rows))
    to_preview(qtbot, wizard)
    page = wizard.preview_page
    assert page.report is not None and not page.report.ok
    assert not finish_enabled(wizard)
    assert "2 处问题" in page.summary.text()
    model = page.model
    qtmodeltester.check(model)
    unit = model.index(1, 2 + 3)  # 行号, 导入结果, then 序号 姓名 身份证号码 性别 工作单位
    assert model.headerData(unit.column(), Qt.Orientation.Horizontal) == "工作单位"
    assert model.data(unit, Qt.ItemDataRole.BackgroundRole).color() == BAD
    assert "县水利局" in model.data(unit, Qt.ItemDataRole.ToolTipRole)
    assert model.index(0, 1).data() == "新增" and model.index(1, 1).data() == "有误"
    page.only_bad.setChecked(True)
    assert model.rowCount() == 2
    target = tmp_path / "errors.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (str(target), "")))
    page.save_errors.click()
    qtbot.waitUntil(lambda: target.exists() and ops.pending() == 0, timeout=20_000)
    assert "错误原因" in [c.value for c in openpyxl.load_workbook(target).worksheets[0][2]]
    assert people(ws) == 0


def test_a_column_can_be_chosen_by_hand(qtbot: QtBot, ws: Workspace, county: st.UnitView,
                                        tmp_path: Path) -> None:
    header = list(HEADER)
    header[2] = "人员号码"  # not a spelling the dictionary knows
    wizard = start(qtbot, ws, roster(tmp_path / "r.xlsx", good_rows(2), header))
    to_page(qtbot, wizard, wizard.sheet_page)
    to_page(qtbot, wizard, wizard.mapping_page)
    page = wizard.mapping_page
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    assert "公民身份号码" in page.message.text()
    combo = page.combos["id_number"]
    combo.setCurrentIndex(combo.findData(2))
    assert wizard.button(QWizard.WizardButton.NextButton).isEnabled()
    combo_name = page.combos["name"]
    combo_name.setCurrentIndex(combo_name.findData(2))  # a column holds one field
    assert page.combos["id_number"].currentData() == -1
    combo.setCurrentIndex(combo.findData(2))
    combo_name.setCurrentIndex(combo_name.findData(1))
    assert page.remember.isChecked()
    to_page(qtbot, wizard, wizard.preview_page)
    qtbot.waitUntil(lambda: wizard.preview_page.report is not None, timeout=20_000)
    assert wizard.preview_page.report is not None and wizard.preview_page.report.ok
    # the hand-chosen column name is kept: the next sheet is recognised by itself
    assert ws.read(excel_io.header_words, "roster") == {"id_number": ("人员号码",)}
    again = start(qtbot, ws, roster(tmp_path / "r2.xlsx", good_rows(2), header))
    to_page(qtbot, again, again.sheet_page)
    to_page(qtbot, again, again.mapping_page)
    assert again.mapping_page.combos["id_number"].currentText() == "第 C 列：人员号码"


def test_the_header_row_can_be_moved_by_hand(qtbot: QtBot, ws: Workspace,
                                             county: st.UnitView, tmp_path: Path) -> None:
    wizard = start(qtbot, ws, roster(tmp_path / "r.xlsx", good_rows(2)))
    to_page(qtbot, wizard, wizard.sheet_page)
    to_page(qtbot, wizard, wizard.mapping_page)
    page = wizard.mapping_page
    next_button = wizard.button(QWizard.WizardButton.NextButton)
    assert page.header_row.value() == 2
    page.header_row.setValue(1)  # the title: nothing to map, 公民身份号码 and 姓名 missing
    assert "第 1 行" in page.header_label.text()
    assert page.combos["id_number"].currentData() == -1 and not next_button.isEnabled()
    assert "公民身份号码" in page.message.text()
    page.header_row.setValue(2)
    assert page.combos["id_number"].currentText() == "第 C 列：身份证号码"
    assert next_button.isEnabled()
    to_page(qtbot, wizard, wizard.preview_page)
    qtbot.waitUntil(lambda: wizard.preview_page.report is not None, timeout=20_000)
    assert wizard.preview_page.report is not None and wizard.preview_page.report.rows_read == 2
    assert ws.read(excel_io.header_words, "roster") == {}  # nothing chosen by hand, nothing kept


def test_cancel_writes_nothing(qtbot: QtBot, ws: Workspace, county: st.UnitView,
                               tmp_path: Path) -> None:
    wizard = start(qtbot, ws, roster(tmp_path / "r.xlsx", good_rows(4000)))
    to_preview(qtbot, wizard)
    assert finish_enabled(wizard)
    wizard.accept()
    assert wizard.import_op is not None and not finish_enabled(wizard)
    wizard.import_op.cancel()
    qtbot.waitUntil(lambda: wizard.import_op is not None and wizard.import_op.done,
                    timeout=30_000)
    assert "已取消导入" in wizard.preview_page.message.text()
    assert people(ws) == 0
    assert wizard.isVisible() and finish_enabled(wizard)


def test_a_file_that_is_no_table_is_explained_on_the_page(qtbot: QtBot, ws: Workspace,
                                                          tmp_path: Path) -> None:
    file = tmp_path / "photo.xlsx"
    file.write_bytes(b"\xff\xd8\xff\xe0" + b"\0" * 100)
    wizard = start(qtbot, ws, file)
    wizard.next()
    qtbot.waitUntil(lambda: bool(wizard.file_page.message.text()), timeout=20_000)
    assert "JPEG" in wizard.file_page.message.text()
    assert wizard.currentPage() is wizard.file_page


def test_a_unit_list_with_a_two_row_header(qtbot: QtBot, ws: Workspace,
                                           tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    sheet = wb.active
    assert sheet is not None
    for row in (["机构名单"], ["机构名称", "机构类别", "核定编制", None, "领导职数", None],
                [None, None, "行政编制", "事业编制", "正职", "副职"],
                ["县档案馆", "事业单位", 0, 5, 1, 1], ["县委办公室", "党委工作部门", 10, 0, 1, 3]):
        sheet.append(row)
    sheet.merge_cells("C2:D2")
    sheet.merge_cells("E2:F2")
    wb.save(tmp_path / "u.xlsx")
    wizard = start(qtbot, ws, tmp_path / "u.xlsx", "units")
    assert wizard.windowTitle() == "导入机构名单"
    to_preview(qtbot, wizard)
    assert wizard.preview_page.report is not None and wizard.preview_page.report.added == 2
    with qtbot.waitSignal(wizard.imported, timeout=30_000):
        wizard.accept()
    assert {u.name for u in ws.read(st.list_units)} == {"县档案馆", "县委办公室"}


def test_pages_export_the_roster_and_the_unit_list(qtbot: QtBot, ws: Workspace,
                                                   county: st.UnitView, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    data = ws.read(excel_io.read_import_sheet, roster(tmp_path / "r.xlsx", good_rows(3)),
                   "roster")
    ws.write(excel_io.import_sheet, data)
    chosen: list[str] = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *_a, **_k: (chosen.pop(0) if chosen else "", "")))
    assert export_workbook(None, ws, "roster") is None  # the clerk cancelled the dialog
    message = QLabel()
    for kind, name, rows in (("roster", "花名册.xlsx", 3), ("units", "机构.csv", 1)):
        target = tmp_path / name
        chosen.append(str(target))
        op = export_workbook(None, ws, kind, message)  # type: ignore[arg-type]
        assert op is not None
        qtbot.waitUntil(lambda op=op: op.done and ops.pending() == 0, timeout=20_000)
        assert target.exists() and f" {rows} 行到 {target}" in message.text()
    sheet = openpyxl.load_workbook(tmp_path / "花名册.xlsx").worksheets[0]
    assert [c.value for c in sheet[2]][:3] == ["序号", "姓名", "公民身份号码"]
    assert sheet.freeze_panes == "A3"
