"""设置: the interface language of this PC (used from the next start)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from ui import settings
from ui.pages.base import Page, PageContext
from ui.widgets import OK_STYLE, hint_label, set_message


class SettingsTab(Page):
    def __init__(self, ctx: PageContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.store = settings.open_settings(self.ws.paths)
        self.language = QComboBox()
        for code, name in settings.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(settings.language(self.store)))
        self.language.currentIndexChanged.connect(self._language_chosen)
        self.message = hint_label(OK_STYLE)
        form = QFormLayout()
        form.addRow(self.tr("界面语言"), self.language)
        note = QLabel(self.tr("设置只对这台电脑生效，保存在数据目录中。"))
        note.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(note)
        layout.addStretch(1)

    def _language_chosen(self) -> None:
        settings.set_language(self.store, str(self.language.currentData()))
        set_message(self.message, self.tr("语言已保存，重新启动编制桌面后生效。"), OK_STYLE)
