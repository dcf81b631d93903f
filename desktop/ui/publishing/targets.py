"""Choosing one post's targets (from the Publishing panel)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Slot
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton,
                               QVBoxLayout, QWidget)

from ..operations.accounts import PostTargetsView, load_post_targets, set_post_targets
from ..messages import render
from ..widgets import MessageBar
from .accounts import TargetsChooser

if TYPE_CHECKING:
    from ..backend import Backend


class PostTargetsDialog(QDialog):
    """Choose the accounts one post goes to (or go back to the defaults)."""

    def __init__(self, backend: Backend, post_id: int, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("post_targets_dialog")
        self._backend = backend
        self.post_id = post_id
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.source_label = QLabel(self)
        self.source_label.setWordWrap(True)
        self.chooser = TargetsChooser(self)
        self.label.setBuddy(self.chooser)
        self.message_bar = MessageBar("warning", self)
        self.defaults_button = QPushButton(self)
        self.defaults_button.setObjectName("use_defaults")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel, self)
        row = QHBoxLayout()
        row.addWidget(self.defaults_button)
        row.addStretch(1)
        row.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.source_label)
        layout.addWidget(self.chooser, 1)
        layout.addWidget(self.message_bar)
        layout.addLayout(row)
        self.buttons.accepted.connect(self._on_buttons_accepted)
        self.buttons.rejected.connect(self.reject)
        self.defaults_button.clicked.connect(self._on_defaults_button_clicked)
        self.retranslate_ui()
        self.resize(560, 380)
        backend.run_query(lambda session: load_post_targets(session, post_id), self._on_loaded,
                          on_failure=lambda exc: self.message_bar.show_message(render(exc)))

    def _on_loaded(self, view: PostTargetsView) -> None:
        self.chooser.set_accounts(view.accounts, {a.name for a in view.targets.accounts})
        sources = {"post": self.tr("This post has targets of its own."),
                   "policy": self.tr("This post uses the IT policy's default targets."),
                   "defaults": self.tr("This post uses your default targets."),
                   "none": self.tr("This post has no targets yet.")}
        self.source_label.setText(sources.get(view.targets.source, ""))
        self.source_label.setAccessibleName(self.source_label.text())

    def _save(self, names: list[str]) -> None:
        post_id = self.post_id
        self._backend.run_op(lambda session: set_post_targets(session, post_id, names),
                             on_success=lambda _targets: self.accept(),
                             on_failure=lambda exc: self.message_bar.show_message(render(exc)),
                             initiator=self)

    @Slot()
    def _on_buttons_accepted(self) -> None:
        self._save(self.chooser.checked_names())

    @Slot()
    def _on_defaults_button_clicked(self) -> None:
        self._save([])

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def retranslate_ui(self) -> None:
        self.setWindowTitle(self.tr("Targets of post {id}").format(id=self.post_id))
        self.label.setText(self.tr(
            "&Accounts this post goes to. Every network needs both languages: an English and "
            "a French account, or one bilingual account."))
        self.chooser.setAccessibleName(self.tr("Targets of this post"))
        self.defaults_button.setText(self.tr("Use the default targets"))
        self.defaults_button.setAccessibleName(self.tr("Use the default targets for this post"))
        for button, text in ((QDialogButtonBox.StandardButton.Save, self.tr("Save")),
                             (QDialogButtonBox.StandardButton.Cancel, self.tr("Cancel"))):
            self.buttons.button(button).setText(text)
            self.buttons.button(button).setAccessibleName(text)
