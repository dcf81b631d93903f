"""The audit check (Tools → Check the audit log): verifies the hash chain and that versions,
sign-offs, approvals, roles and states agree with it, and shows the result in plain words."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import QLabel, QListWidget, QVBoxLayout, QWidget

from ..operations.admin import AuditCheck, check_audit
from .base import ScreenDialog, button

if TYPE_CHECKING:
    from ..context import WindowContext


class AuditCheckScreen(ScreenDialog):
    def __init__(self, context: WindowContext):
        super().__init__(context, "audit_check")
        self._result: AuditCheck | None = None
        body = QWidget(self)
        self.intro = QLabel(body)
        self.intro.setWordWrap(True)
        self.check_button = button(body, "audit_check_run")
        self.result_label = QLabel(body)
        self.result_label.setWordWrap(True)
        self.result_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label = QLabel(body)
        self.details = QListWidget(body)
        self.details.setObjectName("audit_check_details")
        self.details.setWordWrap(True)
        self.details_label.setBuddy(self.details)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addWidget(self.check_button, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.result_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.details, 1)
        self.check_button.clicked.connect(self.refresh)
        self.finish(body)
        self.resize(760, 520)

    def refresh(self) -> None:
        self.check_button.setEnabled(False)
        self.result_label.setText(self.tr("Checking the audit log…"))
        self.query("check", check_audit, self._show)

    def show_failure(self, exc: Exception) -> None:
        self.check_button.setEnabled(True)
        super().show_failure(exc)

    def _show(self, result: AuditCheck) -> None:
        self._result = result
        self.check_button.setEnabled(True)
        number = QLocale().toString
        if result.ok:
            text = self.tr("The audit log is intact: {entries} entries, the hash chain is "
                           "unbroken, and versions, sign-offs, approvals, roles and states "
                           "agree with it. {signed} decision signatures verified.").format(
                entries=number(result.entries), signed=number(result.signed))
            self.result_label.setStyleSheet("")
            self.say(self.tr("Audit check passed."), "success")
        else:
            text = self.tr("The audit log has been TAMPERED WITH: {count} problems found. Keep "
                           "a copy of the store and tell your IT security contact.").format(
                count=number(len(result.problems)))
            self.say(self.tr("Audit check failed."), "warning")
        self.result_label.setText(text)
        self.result_label.setAccessibleName(text)
        self.details.clear()
        for problem in result.problems:
            self.details.addItem(self.tr("Problem: {text}").format(text=problem))
        for warning in result.unsigned:
            self.details.addItem(self.tr("Unsigned decision: {text}").format(text=warning))
        if not result.problems and not result.unsigned:
            self.details.addItem(self.tr("Nothing to report."))
        self.details_label.setText(self.tr("&Details ({count}):").format(
            count=number(len(result.problems) + len(result.unsigned))))

    def retranslate_ui(self) -> None:
        super().retranslate_ui()
        self.setWindowTitle(self.tr("Audit check"))
        self.setAccessibleName(self.tr("Audit check"))
        self.open_action.setText(self.tr("Check the &audit log…"))
        self.intro.setText(self.tr("Every change in Tandem is written to a hash-chained audit "
                                   "log. The check recomputes the chain and compares the "
                                   "versions, sign-offs, approvals, roles and states with it."))
        self.check_button.setText(self.tr("&Check again"))
        self.check_button.setAccessibleName(self.tr("Run the audit check again"))
        self.details.setAccessibleName(self.tr("Audit check details"))
        if self._result is not None:
            self._show(self._result)
        else:
            self.details_label.setText(self.tr("&Details:"))
